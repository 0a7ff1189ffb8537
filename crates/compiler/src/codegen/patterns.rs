//! Code generation for `match` statements (PEP 634), as CPython 3.13's
//! `compiler_match` and `compiler_pattern_*` in `Python/compile.c`.
//!
//! Owns the pattern context: every pattern routine consumes the subject on top of the
//! stack and, on failure, jumps to the `fail_pop` label that pops exactly what is on
//! the stack at that point (`on_top` items plus the captures collected so far).
//! Captured values stay on the stack, under anything still needed, until the whole
//! pattern matched; then they are stored in order. Must never emit anything CPython's
//! code generator would not (so `dis` listings match).

use std::sync::Arc;

use cpjit_bytecode::{Constant, Opcode};
use ruff_python_ast::{self as ast, CmpOp, ExprContext, Operator, Pattern};
use ruff_text_size::Ranged;

use super::{binop_arg, CResult, Compiler};
use crate::cfg::{Loc, Op};
use crate::fold::fold_expr;

/// CPython's `pattern_context`.
#[derive(Default)]
pub(super) struct PatternContext {
    /// Names captured so far, in the order their values sit on the stack.
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` items and falls through to `fail_pop[n - 1]`.
    fail_pop: Vec<usize>,
    /// Items on top of the stack that a failure must pop.
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_wildcard_star(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

/// A constant as a set element: `True`, `1` and `1.0` are the same key.
fn set_key(c: Constant) -> Constant {
    match c {
        Constant::Bool(b) => Constant::Int(i64::from(b)),
        Constant::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Constant::Int(f as i64),
        other => other,
    }
}

fn str_repr(text: &str) -> String {
    cpjit_bytecode::repr::str_repr(text)
}

impl<'a> Compiler<'a> {
    /// `match subject: case …` (CPython's `compiler_match_inner`).
    pub(super) fn compile_match(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        self.visit_expr(&m.subject)?;
        let end = self.new_label();
        let Some(last) = m.cases.last() else {
            return Err(self.error("match statement without cases", m.range));
        };
        let cases = m.cases.len();
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let mut pc = PatternContext::default();
        for (i, case) in m
            .cases
            .iter()
            .enumerate()
            .take(cases - usize::from(has_default))
        {
            let ploc = self.loc(case.pattern.range());
            let not_last = i != cases - usize::from(has_default) - 1;
            // Only copy the subject if this is not the last case.
            if not_last {
                self.emit(Opcode::COPY, 1, ploc);
            }
            pc.stores.clear();
            // Irrefutable cases must be either guarded, last, or both.
            pc.allow_irrefutable = case.guard.is_some() || i == cases - 1;
            pc.fail_pop.clear();
            pc.on_top = 0;
            self.pattern(&case.pattern, &mut pc)?;
            // It's a match: store the captured names (they are on the stack).
            for name in std::mem::take(&mut pc.stores) {
                self.nameop(&name, ExprContext::Store, ploc)?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let fail = pc.fail_pop[0];
                self.jump_if(guard, fail, false)?;
            }
            // Success: pop the subject, we're done with it.
            if not_last {
                self.emit(Opcode::POP_TOP, 0, ploc);
            }
            self.visit_body(&case.body)?;
            self.emit_jump(Op::Jump, end, Loc::NONE);
            // A failed pattern's cleanup belongs to the pattern's line, not the body's.
            self.emit_and_reset_fail_pop(&mut pc, ploc);
        }
        if has_default {
            // A trailing `case _` saves the copy and pop of the subject.
            let ploc = self.loc(last.pattern.range());
            if cases == 1 {
                self.emit(Opcode::POP_TOP, 0, ploc);
            } else {
                self.emit(Opcode::NOP, 0, ploc);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            self.visit_body(&last.body)?;
        }
        self.use_label(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let label = self.new_label();
            pc.fail_pop.push(label);
        }
    }

    /// Jumps (with `op`) to the label that pops what is on the stack now.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, loc: Loc, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops], loc);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext, loc: Loc) {
        let Some((&first, rest)) = pc.fail_pop.split_first() else {
            return;
        };
        for &label in rest.to_vec().iter().rev() {
            self.use_label(label);
            self.emit(Opcode::POP_TOP, 0, loc);
        }
        self.use_label(first);
        pc.fail_pop.clear();
    }

    /// CPython 3.10's `ROT_N` as a run of `SWAP`s.
    fn pattern_rotate(&mut self, loc: Loc, mut count: usize) {
        while count > 1 {
            self.emit(Opcode::SWAP, count as u32, loc);
            count -= 1;
        }
    }

    fn pattern_store_name(
        &mut self,
        name: Option<&ast::Identifier>,
        pc: &mut PatternContext,
        loc: Loc,
    ) -> CResult<()> {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP, 0, loc);
            return Ok(());
        };
        let text = name.as_str();
        if text == "__debug__" {
            return Err(self.error("cannot assign to __debug__", name.range));
        }
        if pc.stores.iter().any(|s| s == text) {
            return Err(self.error(
                format!("multiple assignments to name {} in pattern", str_repr(text)),
                name.range,
            ));
        }
        // Rotate the value underneath everything that must stay on top.
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.pattern_rotate(loc, rotations);
        pc.stores.push(text.to_string());
        Ok(())
    }

    /// A sub-pattern: irrefutable patterns are always allowed.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        self.depth += 1;
        if self.depth > super::MAX_RECURSION {
            self.depth -= 1;
            return Err(self.too_deep(p.range()));
        }
        let result = match p {
            Pattern::MatchValue(v) => self.pattern_value(v, pc),
            Pattern::MatchSingleton(s) => {
                let loc = self.loc(s.range);
                let value = match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                };
                self.load_const(value, loc);
                self.emit_compare(CmpOp::Is, loc);
                self.jump_to_fail_pop(pc, loc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
                Ok(())
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(s, pc),
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc),
            Pattern::MatchClass(c) => self.pattern_class(c, pc),
            Pattern::MatchStar(s) => {
                let loc = self.loc(s.range);
                self.pattern_store_name(s.name.as_ref(), pc, loc)
            }
            Pattern::MatchAs(a) => self.pattern_as(a, pc),
            Pattern::MatchOr(o) => self.pattern_or(o, pc),
        };
        self.depth -= 1;
        result
    }

    fn pattern_value(
        &mut self,
        v: &'a ast::PatternMatchValue,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let loc = self.loc(v.range);
        self.visit_expr(&v.value)?;
        self.emit_compare(CmpOp::Eq, loc);
        // `==` may return any object (the flow-graph pass folds this into COMPARE_OP).
        self.emit(Opcode::TO_BOOL, 0, loc);
        self.jump_to_fail_pop(pc, loc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
        Ok(())
    }

    fn pattern_as(&mut self, a: &'a ast::PatternMatchAs, pc: &mut PatternContext) -> CResult<()> {
        let loc = self.loc(a.range);
        let Some(inner) = &a.pattern else {
            // An irrefutable match.
            if !pc.allow_irrefutable {
                let message = match &a.name {
                    Some(name) => format!(
                        "name capture {} makes remaining patterns unreachable",
                        str_repr(name.as_str())
                    ),
                    None => "wildcard makes remaining patterns unreachable".to_string(),
                };
                return Err(self.error(message, a.range));
            }
            return self.pattern_store_name(a.name.as_ref(), pc, loc);
        };
        // Keep a copy for (possibly) storing later.
        pc.on_top += 1;
        self.emit(Opcode::COPY, 1, loc);
        self.pattern(inner, pc)?;
        pc.on_top -= 1;
        self.pattern_store_name(a.name.as_ref(), pc, loc)
    }

    fn pattern_sequence(
        &mut self,
        s: &'a ast::PatternMatchSequence,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let loc = self.loc(s.range);
        let patterns = &s.patterns;
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, item) in patterns.iter().enumerate() {
            if matches!(item, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", s.range));
                }
                star_wildcard = is_wildcard_star(item);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(item);
        }
        // Keep the subject on top during the sequence and length checks.
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0, loc);
        self.jump_to_fail_pop(pc, loc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
        match star {
            None => {
                self.emit(Opcode::GET_LEN, 0, loc);
                self.load_const(Constant::Int(size as i64), loc);
                self.emit_compare(CmpOp::Eq, loc);
                self.jump_to_fail_pop(pc, loc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GET_LEN, 0, loc);
                self.load_const(Constant::Int(size as i64 - 1), loc);
                self.emit_compare(CmpOp::GtE, loc);
                self.jump_to_fail_pop(pc, loc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
            }
            Some(_) => {}
        }
        // Whatever comes next consumes the subject.
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::POP_TOP, 0, loc);
        } else if star_wildcard {
            self.sequence_subscr(patterns, star.unwrap_or(usize::MAX), pc, loc)?;
        } else {
            self.sequence_unpack(patterns, pc, loc)?;
        }
        Ok(())
    }

    fn sequence_unpack(
        &mut self,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
        loc: Loc,
    ) -> CResult<()> {
        let size = patterns.len();
        match patterns
            .iter()
            .position(|p| matches!(p, Pattern::MatchStar(_)))
        {
            Some(i) => {
                let after = size - i - 1;
                if i >= 1 << 8 || after >= (i32::MAX >> 8) as usize {
                    return Err(self.error(
                        "too many expressions in star-unpacking sequence pattern",
                        patterns[i].range(),
                    ));
                }
                self.emit(Opcode::UNPACK_EX, (i + (after << 8)) as u32, loc);
            }
            None => self.emit(Opcode::UNPACK_SEQUENCE, size as u32, loc),
        }
        // The new subjects stay on the stack after each sub-pattern matched.
        pc.on_top += size;
        for item in patterns {
            pc.on_top -= 1;
            self.subpattern(item, pc)?;
        }
        Ok(())
    }

    /// `[first, *_, last]`: subscripts instead of unpacking.
    fn sequence_subscr(
        &mut self,
        patterns: &'a [Pattern],
        star: usize,
        pc: &mut PatternContext,
        loc: Loc,
    ) -> CResult<()> {
        // Keep the subject around for extracting elements.
        pc.on_top += 1;
        let size = patterns.len();
        for (i, item) in patterns.iter().enumerate() {
            if is_wildcard(item) || i == star {
                continue;
            }
            self.emit(Opcode::COPY, 1, loc);
            if i < star {
                self.load_const(Constant::Int(i as i64), loc);
            } else {
                // The subject may not support negative indexing.
                self.emit(Opcode::GET_LEN, 0, loc);
                self.load_const(Constant::Int((size - i) as i64), loc);
                self.emit(Opcode::BINARY_OP, binop_arg(Operator::Sub, false), loc);
            }
            self.emit(Opcode::BINARY_SUBSCR, 0, loc);
            self.subpattern(item, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Opcode::POP_TOP, 0, loc);
        Ok(())
    }

    fn pattern_class(
        &mut self,
        c: &'a ast::PatternMatchClass,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let loc = self.loc(c.range);
        let patterns = &c.arguments.patterns;
        let keywords = &c.arguments.keywords;
        let nargs = patterns.len();
        let nattrs = keywords.len();
        for (i, keyword) in keywords.iter().enumerate() {
            let attr = keyword.attr.as_str();
            if attr == "__debug__" {
                return Err(self.error("cannot assign to __debug__", keyword.pattern.range()));
            }
            if let Some(repeat) = keywords[i + 1..].iter().find(|k| k.attr.as_str() == attr) {
                return Err(self.error(
                    format!("attribute name repeated in class pattern: {attr}"),
                    repeat.pattern.range(),
                ));
            }
        }
        self.visit_expr(&c.cls)?;
        let names: Vec<Constant> = keywords
            .iter()
            .map(|k| Constant::Str(Arc::from(k.attr.as_str())))
            .collect();
        self.load_const(Constant::Tuple(Arc::from(names)), loc);
        self.emit(Opcode::MATCH_CLASS, nargs as u32, loc);
        self.emit(Opcode::COPY, 1, loc);
        self.load_const(Constant::None, loc);
        self.emit(Opcode::IS_OP, 1, loc);
        // On top: a tuple of nargs + nattrs attributes, or None.
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, loc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
        self.emit(Opcode::UNPACK_SEQUENCE, (nargs + nattrs) as u32, loc);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        let all = patterns.iter().chain(keywords.iter().map(|k| &k.pattern));
        for item in all {
            pc.on_top -= 1;
            if is_wildcard(item) {
                self.emit(Opcode::POP_TOP, 0, loc);
                continue;
            }
            self.subpattern(item, pc)?;
        }
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        m: &'a ast::PatternMatchMapping,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let loc = self.loc(m.range);
        let size = m.keys.len();
        // Keep the subject on top during the mapping and length checks.
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0, loc);
        self.jump_to_fail_pop(pc, loc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
        if size == 0 && m.rest.is_none() {
            // `{}`: done, pop the subject.
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0, loc);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN, 0, loc);
            self.load_const(Constant::Int(size as i64), loc);
            self.emit_compare(CmpOp::GtE, loc);
            self.jump_to_fail_pop(pc, loc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in &m.keys {
            if let Some(constant) = fold_expr(key) {
                let as_key = set_key(constant.clone());
                if seen.contains(&as_key) {
                    return Err(self.error(
                        format!("mapping pattern checks duplicate key ({})", constant.repr()),
                        m.range,
                    ));
                }
                seen.push(as_key);
            } else if !matches!(key, ast::Expr::Attribute(_)) {
                return Err(self.error(
                    "mapping pattern keys may only match literals and attribute lookups",
                    m.range,
                ));
            }
            self.visit_expr(key)?;
        }
        self.emit(Opcode::BUILD_TUPLE, size as u32, loc);
        self.emit(Opcode::MATCH_KEYS, 0, loc);
        // A tuple of keys and a tuple of values (or None) sit on the subject.
        pc.on_top += 2;
        self.emit(Opcode::COPY, 1, loc);
        self.load_const(Constant::None, loc);
        self.emit(Opcode::IS_OP, 1, loc);
        self.jump_to_fail_pop(pc, loc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
        self.emit(Opcode::UNPACK_SEQUENCE, size as u32, loc);
        pc.on_top += size;
        pc.on_top -= 1;
        for item in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(item, pc)?;
        }
        // A match: what follows consumes the tuple of keys and the subject.
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                // rest = dict(subject); del rest[key] for each key.
                self.emit(Opcode::BUILD_MAP, 0, loc);
                self.emit(Opcode::SWAP, 3, loc);
                self.emit(Opcode::DICT_UPDATE, 2, loc);
                self.emit(Opcode::UNPACK_SEQUENCE, size as u32, loc);
                let mut remaining = size;
                while remaining > 0 {
                    self.emit(Opcode::COPY, (1 + remaining) as u32, loc);
                    remaining -= 1;
                    self.emit(Opcode::SWAP, 2, loc);
                    self.emit(Opcode::DELETE_SUBSCR, 0, loc);
                }
                self.pattern_store_name(Some(rest), pc, loc)?;
            }
            None => {
                self.emit(Opcode::POP_TOP, 0, loc);
                self.emit(Opcode::POP_TOP, 0, loc);
            }
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternContext) -> CResult<()> {
        let loc = self.loc(o.range);
        let end = self.new_label();
        let size = o.patterns.len();
        let old = PatternContext {
            stores: std::mem::take(&mut pc.stores),
            allow_irrefutable: pc.allow_irrefutable,
            fail_pop: std::mem::take(&mut pc.fail_pop),
            on_top: pc.on_top,
        };
        // The names the first alternative binds; the others must bind the same, and
        // are reordered to match.
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            let alt_loc = self.loc(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old.allow_irrefutable;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::COPY, 1, alt_loc);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(expected) if expected.len() != nstores => {
                    return Err(self.error("alternative patterns bind different names", o.range));
                }
                Some(expected) => {
                    let expected = expected.clone();
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &expected[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(
                                self.error("alternative patterns bind different names", o.range)
                            );
                        };
                        if icontrol != istores {
                            // Move the names (and their values) into control's order.
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(0..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                self.pattern_rotate(alt_loc, icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.emit_jump(Op::Jump, end, alt_loc);
            self.emit_and_reset_fail_pop(pc, alt_loc);
        }
        *pc = old;
        // No alternative matched: pop the remaining copy of the subject and fail.
        self.emit(Opcode::POP_TOP, 0, loc);
        self.jump_to_fail_pop(pc, loc, Op::Jump);
        self.use_label(end);
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            // Rotate this capture to its place on the stack.
            self.pattern_rotate(loc, nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(
                    format!(
                        "multiple assignments to name {} in pattern",
                        str_repr(&name)
                    ),
                    o.range,
                ));
            }
            pc.stores.push(name);
        }
        // Pop the copy of the subject.
        self.emit(Opcode::POP_TOP, 0, loc);
        Ok(())
    }
}
