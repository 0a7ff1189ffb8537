//! Code generation: AST → instruction sequences, as CPython 3.13's `Python/compile.c`.
//!
//! Owns: one compilation unit per code object (module, function, lambda, class body,
//! generator expression), name resolution through the symbol table, the frame-block
//! stack that lets `break`/`continue`/`return` unwind `finally`/`with`/`except`, PEP 709
//! comprehension inlining, and the compile-time errors CPython's code generator raises.
//!
//! Must never: optimize control flow or compute offsets (that is [`crate::cfg`]'s job),
//! and never panic on any AST the parser accepts: unsupported constructs become
//! [`CompileErrorKind::NotSupported`].

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use cpjit_bytecode::{
    BinaryOpArg, CodeFlags, CodeObject, CompareOp, Constant, ConvertValueKind, IntrinsicFunction1,
    Opcode, SetFunctionAttributeFlag,
};
use ruff_python_ast::{self as ast, CmpOp, Expr, ExprContext, Operator, Stmt, UnaryOp};
use ruff_text_size::{Ranged, TextRange};

use crate::cfg::{add_const, Cfg, Instr, Loc, Op, SeqItem, UnitInfo};

mod patterns;
use crate::error::{CompileError, CompileErrorKind, Positions};
use crate::fold::{fold_expr, fold_iterable};
use crate::symtable::{
    mangle, range_key, BlockKind, Scope, SymbolTable, DEF_COMP_CELL, DEF_FREE_CLASS, DEF_IMPORT,
};

const STACK_USE_GUIDELINE: usize = 30;
const MAX_RECURSION: u32 = 9000;

type CResult<T> = Result<T, CompileError>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum UnitKind {
    Module,
    Function,
    Lambda,
    Class,
    Comprehension,
}

#[derive(Clone)]
enum FBlockKind<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    With(Loc),
    HandlerCleanup(Option<String>),
    PopValue,
    ExceptionHandler,
    StopIteration,
}

#[derive(Clone)]
struct FBlock<'a> {
    kind: FBlockKind<'a>,
    block: usize,
    exit: usize,
}

struct Unit<'a> {
    ste: usize,
    kind: UnitKind,
    seq: Vec<SeqItem>,
    nlabels: usize,
    consts: Vec<Constant>,
    names: Vec<String>,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    fblocks: Vec<FBlock<'a>>,
    name: String,
    qualname: String,
    first_line: u32,
    argcount: u32,
    posonly: u32,
    kwonly: u32,
    private: Option<String>,
    fasthidden: HashSet<String>,
    in_inlined_comp: u32,
    static_attributes: BTreeSet<String>,
}

pub(crate) struct Compiler<'a> {
    units: Vec<Unit<'a>>,
    table: SymbolTable,
    pos: &'a Positions<'a>,
    depth: u32,
    /// (generator expression range, enclosing call's argument range) for a sole
    /// unparenthesized generator argument.
    genexp_paren: Option<(TextRange, TextRange)>,
    call_args_range: TextRange,
}

fn not_supported(pos: &Positions<'_>, what: &str, range: TextRange) -> CompileError {
    pos.error(
        CompileErrorKind::NotSupported,
        format!("{what} are not supported yet"),
        range,
    )
}

fn binop_arg(op: Operator, inplace: bool) -> u32 {
    let base = match op {
        Operator::Add => BinaryOpArg::Add,
        Operator::Sub => BinaryOpArg::Subtract,
        Operator::Mult => BinaryOpArg::Multiply,
        Operator::MatMult => BinaryOpArg::MatrixMultiply,
        Operator::Div => BinaryOpArg::TrueDivide,
        Operator::Mod => BinaryOpArg::Remainder,
        Operator::Pow => BinaryOpArg::Power,
        Operator::LShift => BinaryOpArg::Lshift,
        Operator::RShift => BinaryOpArg::Rshift,
        Operator::BitOr => BinaryOpArg::Or,
        Operator::BitXor => BinaryOpArg::Xor,
        Operator::BitAnd => BinaryOpArg::And,
        Operator::FloorDiv => BinaryOpArg::FloorDivide,
    } as u32;
    if inplace {
        base + 13
    } else {
        base
    }
}

fn is_two_element_slice(e: &Expr) -> bool {
    matches!(e, Expr::Slice(s) if s.step.is_none())
}

/// `_PyCompile_CleanDoc`: expand tabs, strip the common indentation of lines after the
/// first and the leading spaces of the first.
pub(crate) fn clean_doc(doc: &str) -> String {
    let mut expanded = String::with_capacity(doc.len());
    let mut col = 0usize;
    for ch in doc.chars() {
        match ch {
            '\t' => {
                let n = 8 - (col % 8);
                expanded.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' | '\r' => {
                expanded.push(ch);
                col = 0;
            }
            _ => {
                expanded.push(ch);
                col += 1;
            }
        }
    }
    let lines: Vec<&str> = expanded.split('\n').collect();
    let mut margin = usize::MAX;
    for line in lines.iter().skip(1) {
        let stripped = line.trim_start_matches(' ');
        if !stripped.is_empty() {
            margin = margin.min(line.len() - stripped.len());
        }
    }
    if margin == usize::MAX {
        margin = 0;
    }
    let mut out = String::with_capacity(expanded.len());
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            out.push_str(line.trim_start_matches(' '));
        } else {
            out.push('\n');
            let spaces = line.len() - line.trim_start_matches(' ').len();
            out.push_str(&line[spaces.min(margin)..]);
        }
    }
    out
}

fn docstring(body: &[Stmt]) -> Option<String> {
    match body.first() {
        Some(Stmt::Expr(e)) => match &*e.value {
            Expr::StringLiteral(s) => Some(s.value.to_str().to_string()),
            _ => None,
        },
        _ => None,
    }
}

fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    pub(crate) fn new(table: SymbolTable, pos: &'a Positions<'a>) -> Self {
        Compiler {
            units: Vec::new(),
            table,
            pos,
            depth: 0,
            genexp_paren: None,
            call_args_range: TextRange::default(),
        }
    }

    // ----- unit and emission helpers -----

    fn u(&mut self) -> &mut Unit<'a> {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }

    fn ur(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    fn loc(&self, r: TextRange) -> Loc {
        let (line, col) = self.pos.line_col(r.start().to_usize());
        let (end_line, end_col) = self.pos.line_col(r.end().to_usize());
        Loc {
            line: line as i32,
            end_line: end_line as i32,
            col: col as i32,
            end_col: end_col as i32,
        }
    }

    /// Location of a `def`/`class` statement as CPython has it: starting at the keyword,
    /// not at the first decorator (ruff's range includes decorators).
    fn def_loc(&self, full: TextRange, name: TextRange) -> Loc {
        let bytes = self.pos.source.as_bytes();
        let mut i = name.start().to_usize().min(bytes.len());
        while i > 0 && matches!(bytes[i - 1], b' ' | b'\t' | b'\\' | b'\n' | b'\r') {
            i -= 1;
        }
        while i > 0 && bytes[i - 1].is_ascii_alphabetic() {
            i -= 1;
        }
        // `async def`
        let mut j = i;
        while j > 0 && matches!(bytes[j - 1], b' ' | b'\t') {
            j -= 1;
        }
        if j >= 5 && &bytes[j - 5..j] == b"async" {
            i = j - 5;
        }
        let start = ruff_text_size::TextSize::new(i as u32).max(full.start());
        self.loc(TextRange::new(start, full.end()))
    }

    fn error(&self, msg: impl Into<String>, r: TextRange) -> CompileError {
        self.pos.error(CompileErrorKind::SyntaxError, msg.into(), r)
    }

    fn emit_op(&mut self, op: Op, arg: u32, loc: Loc) {
        self.u().seq.push(SeqItem::Instr(Instr {
            op,
            arg,
            target: 0,
            loc,
            except: None,
        }));
    }

    fn emit(&mut self, op: Opcode, arg: u32, loc: Loc) {
        self.emit_op(Op::Real(op), arg, loc);
    }

    fn emit_jump(&mut self, op: Op, label: usize, loc: Loc) {
        self.u().seq.push(SeqItem::Instr(Instr {
            op,
            arg: 0,
            target: label,
            loc,
            except: None,
        }));
    }

    fn new_label(&mut self) -> usize {
        let u = self.u();
        u.nlabels += 1;
        u.nlabels - 1
    }

    fn use_label(&mut self, l: usize) {
        self.u().seq.push(SeqItem::Label(l));
    }

    fn load_const(&mut self, c: Constant, loc: Loc) {
        let idx = add_const(&mut self.u().consts, c);
        self.emit(Opcode::LOAD_CONST, idx, loc);
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.ur().private.as_deref(), name)
    }

    fn name_index(&mut self, name: &str) -> u32 {
        let mangled = self.mangled(name);
        self.raw_name_index(&mangled)
    }

    fn raw_name_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.names.iter().position(|n| n == name) {
            return i as u32;
        }
        u.names.push(name.to_string());
        (u.names.len() - 1) as u32
    }

    fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.varnames.iter().position(|n| n == name) {
            return i as u32;
        }
        u.varnames.push(name.to_string());
        (u.varnames.len() - 1) as u32
    }

    fn deref_index(&self, name: &str) -> Option<u32> {
        let u = self.ur();
        if let Some(i) = u.cellvars.iter().position(|n| n == name) {
            return Some(i as u32);
        }
        u.freevars
            .iter()
            .position(|n| n == name)
            .map(|i| (i + u.cellvars.len()) as u32)
    }

    fn ste(&self) -> &crate::symtable::ScopeEntry {
        &self.table.entries[self.ur().ste]
    }

    fn is_function_like(&self) -> bool {
        self.ste().is_function_like()
    }

    fn push_fblock(&mut self, kind: FBlockKind<'a>, block: usize, exit: usize) {
        self.u().fblocks.push(FBlock { kind, block, exit });
    }

    fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    // ----- scopes -----

    fn enter_scope(
        &mut self,
        name: &str,
        kind: UnitKind,
        range: TextRange,
        first_line: u32,
    ) -> CResult<()> {
        let tag = match kind {
            UnitKind::Module => None,
            UnitKind::Function => Some(0),
            UnitKind::Class => Some(1),
            UnitKind::Lambda => Some(2),
            UnitKind::Comprehension => Some(3),
        };
        let ste = match tag {
            None => 0,
            Some(t) => match self.table.by_range.get(&range_key(range, t)) {
                Some(&i) => i,
                None => return Err(self.error("internal error: missing symbol table entry", range)),
            },
        };
        let entry = &self.table.entries[ste];
        let varnames = entry.varnames.clone();
        let mut cellvars: Vec<String> = entry
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == Scope::Cell || s.flags & DEF_COMP_CELL != 0)
            .map(|(n, _)| n.clone())
            .collect();
        cellvars.sort();
        if entry.needs_class_closure {
            cellvars.insert(0, "__class__".to_string());
        }
        let mut freevars: Vec<String> = entry
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == Scope::Free || s.flags & DEF_FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        freevars.sort();
        let private = if kind == UnitKind::Class {
            Some(name.to_string())
        } else {
            self.units.last().and_then(|u| u.private.clone())
        };
        let qualname = self.qualname_for(name, kind);
        self.units.push(Unit {
            ste,
            kind,
            seq: Vec::new(),
            nlabels: 0,
            consts: Vec::new(),
            names: Vec::new(),
            varnames,
            cellvars,
            freevars,
            fblocks: Vec::new(),
            name: name.to_string(),
            qualname,
            first_line,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            private,
            fasthidden: HashSet::new(),
            in_inlined_comp: 0,
            static_attributes: BTreeSet::new(),
        });
        let loc = Loc {
            line: first_line as i32,
            end_line: first_line as i32,
            col: 0,
            end_col: 0,
        };
        self.emit(Opcode::RESUME, 0, loc);
        Ok(())
    }

    fn qualname_for(&self, name: &str, kind: UnitKind) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        if matches!(kind, UnitKind::Function | UnitKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.table.entries[parent.ste].scope(&mangled) == Scope::GlobalExplicit {
                return name.to_string();
            }
        }
        if matches!(parent.kind, UnitKind::Function | UnitKind::Lambda) {
            format!("{}.<locals>.{}", parent.qualname, name)
        } else {
            format!("{}.{}", parent.qualname, name)
        }
    }

    fn finish_unit(&mut self, add_none: bool) -> CResult<Arc<CodeObject>> {
        if add_none {
            self.load_const(Constant::None, Loc::NONE);
        }
        self.emit(Opcode::RETURN_VALUE, 0, Loc::NONE);
        let Some(unit) = self.units.pop() else {
            return Err(self.error("internal error: no unit", TextRange::default()));
        };
        let entry = &self.table.entries[unit.ste];
        let is_generator = entry.is_generator || entry.is_coroutine;
        let nvar = unit.varnames.len();
        let mut deref = Vec::new();
        let mut make_cells = Vec::new();
        let mut extra = 0u32;
        for c in &unit.cellvars {
            let idx = match unit.varnames.iter().position(|v| v == c) {
                Some(i) => i as u32,
                None => {
                    extra += 1;
                    nvar as u32 + extra - 1
                }
            };
            deref.push(idx);
            make_cells.push(idx);
        }
        for (i, _) in unit.freevars.iter().enumerate() {
            deref.push(nvar as u32 + extra + i as u32);
        }
        // MAKE_CELL runs in localsplus order (CPython sorts them so).
        make_cells.sort_unstable();
        let mut cell_order: Vec<(u32, &String)> =
            deref.iter().copied().zip(unit.cellvars.iter()).collect();
        cell_order.sort_by_key(|(i, _)| *i);
        let cellvars_in_order: Vec<Arc<str>> = cell_order
            .iter()
            .map(|(_, n)| Arc::from(n.as_str()))
            .collect();
        let mut flags = 0u32;
        let function_like = matches!(
            unit.kind,
            UnitKind::Function | UnitKind::Lambda | UnitKind::Comprehension
        );
        if function_like {
            flags |= CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS;
            if entry.nested {
                flags |= CodeFlags::NESTED;
            }
        }
        if entry.is_generator && !entry.is_coroutine {
            flags |= CodeFlags::GENERATOR;
        }
        let nparams = entry.varnames.len();
        let info = UnitInfo {
            nlocals: nvar,
            nparams,
            is_generator,
            first_line: unit.first_line as i32,
            deref_to_localsplus: deref,
            make_cells,
            nfreevars: unit.freevars.len() as u32,
        };
        // Flags for *args / **kwargs are computed by the caller through argcounts.
        let cfg = Cfg::from_sequence(unit.seq, unit.nlabels);
        let asm = cfg.assemble(unit.consts, &info);
        if unit.freevars.is_empty() && unit.cellvars.is_empty() {
            flags |= CodeFlags::NOFREE;
        }
        let code = CodeObject {
            name: unit.name.as_str().into(),
            qualname: unit.qualname.as_str().into(),
            filename: self.pos.filename.into(),
            first_line: unit.first_line,
            arg_count: unit.argcount,
            posonly_arg_count: unit.posonly,
            kwonly_arg_count: unit.kwonly,
            flags: CodeFlags(flags),
            instructions: asm.instructions,
            locations: asm.locations,
            constants: asm.constants,
            names: unit.names.iter().map(|s| Arc::from(s.as_str())).collect(),
            varnames: unit
                .varnames
                .iter()
                .map(|s| Arc::from(s.as_str()))
                .collect(),
            cellvars: cellvars_in_order,
            freevars: unit
                .freevars
                .iter()
                .map(|s| Arc::from(s.as_str()))
                .collect(),
            exception_table: asm.exception_table,
            stack_size: asm.stack_size,
        };
        Ok(Arc::new(code))
    }

    // ----- module -----

    pub(crate) fn compile_module(
        mut self,
        body: &'a [Stmt],
        range: TextRange,
    ) -> CResult<Arc<CodeObject>> {
        self.enter_scope("<module>", UnitKind::Module, range, 1)?;
        // CPython gives the module's RESUME line 0; we have no line 0 ("no line").
        if let Some(SeqItem::Instr(i)) = self.u().seq.last_mut() {
            i.loc = Loc::NONE;
        }
        let loc = body
            .first()
            .map(|s| self.loc(s.range()))
            .unwrap_or(Loc::NONE);
        self.compile_body(body, loc)?;
        self.finish_unit(true)
    }

    fn compile_body(&mut self, body: &'a [Stmt], loc: Loc) -> CResult<()> {
        if find_ann(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0, loc);
        }
        let mut start = 0;
        if let Some(doc) = docstring(body) {
            start = 1;
            let loc = self.loc(body[0].range());
            self.load_const(Constant::Str(clean_doc(&doc).into()), loc);
            self.nameop("__doc__", ExprContext::Store, Loc::NONE)?;
        }
        for s in &body[start..] {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    // ----- names -----

    fn nameop(&mut self, name: &str, ctx: ExprContext, loc: Loc) -> CResult<()> {
        let mangled = self.mangled(name);
        let scope = self.ste().scope(&mangled);
        let function_like = self.is_function_like();
        let is_class = self.ste().kind == BlockKind::Class;
        enum T {
            Deref,
            Fast,
            Global,
            Name,
        }
        let t = match scope {
            Scope::Free | Scope::Cell => T::Deref,
            Scope::Local => {
                if function_like || self.ur().fasthidden.contains(&mangled) {
                    T::Fast
                } else {
                    T::Name
                }
            }
            Scope::GlobalImplicit => {
                if function_like {
                    T::Global
                } else {
                    T::Name
                }
            }
            Scope::GlobalExplicit => T::Global,
            Scope::Unknown => T::Name,
        };
        match t {
            T::Deref => {
                let Some(idx) = self.deref_index(&mangled) else {
                    // Treat as a global if the layout lacks it (should not happen).
                    let i = self.raw_name_index(&mangled);
                    self.emit(Opcode::LOAD_NAME, i, loc);
                    return Ok(());
                };
                let op = match ctx {
                    ExprContext::Load => {
                        if is_class && self.ur().in_inlined_comp == 0 {
                            self.emit(Opcode::LOAD_LOCALS, 0, loc);
                            Opcode::LOAD_FROM_DICT_OR_DEREF
                        } else {
                            Opcode::LOAD_DEREF
                        }
                    }
                    ExprContext::Store => Opcode::STORE_DEREF,
                    _ => Opcode::DELETE_DEREF,
                };
                self.emit(op, idx, loc);
            }
            T::Fast => {
                let idx = self.varname_index(&mangled);
                let op = match ctx {
                    ExprContext::Load => Opcode::LOAD_FAST,
                    ExprContext::Store => Opcode::STORE_FAST,
                    _ => Opcode::DELETE_FAST,
                };
                self.emit(op, idx, loc);
            }
            T::Global => {
                let idx = self.raw_name_index(&mangled);
                match ctx {
                    ExprContext::Load => self.emit(Opcode::LOAD_GLOBAL, idx << 1, loc),
                    ExprContext::Store => self.emit(Opcode::STORE_GLOBAL, idx, loc),
                    _ => self.emit(Opcode::DELETE_GLOBAL, idx, loc),
                }
            }
            T::Name => {
                let idx = self.raw_name_index(&mangled);
                match ctx {
                    ExprContext::Load => {
                        if is_class && self.ur().in_inlined_comp > 0 {
                            self.emit(Opcode::LOAD_GLOBAL, idx << 1, loc)
                        } else {
                            self.emit(Opcode::LOAD_NAME, idx, loc)
                        }
                    }
                    ExprContext::Store => self.emit(Opcode::STORE_NAME, idx, loc),
                    _ => self.emit(Opcode::DELETE_NAME, idx, loc),
                }
            }
        }
        Ok(())
    }

    // ----- statements -----

    fn visit_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_RECURSION {
            self.depth -= 1;
            return Err(self.error("too many statically nested blocks", s.range()));
        }
        let r = self.visit_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt) -> CResult<()> {
        let loc = self.loc(s.range());
        match s {
            Stmt::FunctionDef(f) => self.compile_function(f),
            Stmt::ClassDef(c) => self.compile_class(c),
            Stmt::Return(r) => self.compile_return(r, loc),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::COPY, 1, loc);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.compile_augassign(a, loc),
            Stmt::AnnAssign(a) => self.compile_annassign(a, loc),
            Stmt::For(f) => {
                if f.is_async {
                    return Err(not_supported(self.pos, "'async for' loops", f.range));
                }
                self.compile_for(f, loc)
            }
            Stmt::While(w) => self.compile_while(w, loc),
            Stmt::If(i) => self.compile_if(i),
            Stmt::With(w) => {
                if w.is_async {
                    return Err(not_supported(self.pos, "'async with' statements", w.range));
                }
                self.compile_with(w, 0)
            }
            Stmt::Match(m) => self.compile_match(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n, loc);
                Ok(())
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return Err(not_supported(self.pos, "'except*' clauses", t.range));
                }
                if !t.finalbody.is_empty() {
                    self.compile_try_finally(t, loc)
                } else {
                    self.compile_try_except(t, loc)
                }
            }
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, end, true)?;
                self.emit(Opcode::LOAD_ASSERTION_ERROR, 0, loc);
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                    self.emit(Opcode::CALL, 0, loc);
                }
                self.emit(Opcode::RAISE_VARARGS, 1, loc);
                self.use_label(end);
                Ok(())
            }
            Stmt::Import(i) => self.compile_import(i, loc),
            Stmt::ImportFrom(i) => self.compile_from_import(i, loc),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) => {
                if fold_expr(&e.value).is_some() {
                    self.emit(Opcode::NOP, 0, loc);
                    return Ok(());
                }
                self.visit_expr(&e.value)?;
                self.emit(Opcode::POP_TOP, 0, Loc::NONE);
                Ok(())
            }
            Stmt::Pass(_) => {
                self.emit(Opcode::NOP, 0, loc);
                Ok(())
            }
            Stmt::Break(_) => {
                self.emit(Opcode::NOP, 0, loc);
                let mut l = loc;
                let Some(lp) = self.unwind_fblock_stack(&mut l, false, true)? else {
                    return Err(self.error("'break' outside loop", s.range()));
                };
                self.unwind_fblock(&lp, &mut l, false)?;
                self.emit_jump(Op::Jump, lp.exit, l);
                Ok(())
            }
            Stmt::Continue(_) => {
                self.emit(Opcode::NOP, 0, loc);
                let mut l = loc;
                let Some(lp) = self.unwind_fblock_stack(&mut l, false, true)? else {
                    return Err(self.error("'continue' not properly in loop", s.range()));
                };
                self.emit_jump(Op::Jump, lp.block, l);
                Ok(())
            }
            Stmt::TypeAlias(t) => Err(not_supported(self.pos, "'type' alias statements", t.range)),
            Stmt::IpyEscapeCommand(c) => Err(self.error("invalid syntax", c.range)),
        }
    }

    fn compile_return(&mut self, r: &'a ast::StmtReturn, loc: Loc) -> CResult<()> {
        if !self.is_function_like() {
            return Err(self.error("'return' outside function", r.range));
        }
        let value_const = r.value.as_deref().and_then(fold_expr);
        let preserve_tos = r.value.is_some() && value_const.is_none();
        let mut loc = loc;
        if preserve_tos {
            if let Some(v) = &r.value {
                self.visit_expr(v)?;
            }
        } else if let Some(v) = &r.value {
            loc = self.loc(v.range());
            self.emit(Opcode::NOP, 0, loc);
        }
        let stmt_loc = self.loc(r.range);
        let same_line = r
            .value
            .as_ref()
            .is_some_and(|v| self.loc(v.range()).line == stmt_loc.line);
        if !same_line {
            loc = stmt_loc;
            self.emit(Opcode::NOP, 0, loc);
        }
        self.unwind_fblock_stack(&mut loc, preserve_tos, false)?;
        match (&r.value, value_const) {
            (None, _) => self.load_const(Constant::None, loc),
            (Some(_), Some(c)) => self.load_const(c, loc),
            _ => {}
        }
        self.emit(Opcode::RETURN_VALUE, 0, loc);
        Ok(())
    }

    /// Unwinds frame blocks for `return`/`break`/`continue`; returns the innermost loop
    /// when `want_loop`.
    fn unwind_fblock_stack(
        &mut self,
        loc: &mut Loc,
        preserve_tos: bool,
        want_loop: bool,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.ur().fblocks.last().cloned() else {
            return Ok(None);
        };
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        let r = (|| {
            self.unwind_fblock(&top, loc, preserve_tos)?;
            self.unwind_fblock_stack(loc, preserve_tos, want_loop)
        })();
        self.u().fblocks.push(top);
        r
    }

    fn unwind_fblock(
        &mut self,
        info: &FBlock<'a>,
        loc: &mut Loc,
        preserve_tos: bool,
    ) -> CResult<()> {
        match &info.kind {
            FBlockKind::WhileLoop | FBlockKind::ExceptionHandler | FBlockKind::StopIteration => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit(Opcode::POP_TOP, 0, *loc);
            }
            FBlockKind::TryExcept => self.emit_op(Op::PopBlock, 0, *loc),
            FBlockKind::FinallyTry(body) => {
                self.emit_op(Op::PopBlock, 0, *loc);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, 0, 0);
                }
                self.visit_body(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                *loc = Loc::NONE;
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit(Opcode::POP_TOP, 0, *loc);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit_op(Op::PopBlock, 0, *loc);
                self.emit(Opcode::POP_EXCEPT, 0, *loc);
            }
            FBlockKind::With(wloc) => {
                *loc = *wloc;
                self.emit_op(Op::PopBlock, 0, *loc);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.call_exit_with_nones(*loc);
                self.emit(Opcode::POP_TOP, 0, *loc);
                *loc = Loc::NONE;
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.emit_op(Op::PopBlock, 0, *loc);
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit_op(Op::PopBlock, 0, *loc);
                self.emit(Opcode::POP_EXCEPT, 0, *loc);
                if let Some(n) = name {
                    self.load_const(Constant::None, *loc);
                    self.nameop(n, ExprContext::Store, *loc)?;
                    self.nameop(n, ExprContext::Del, *loc)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit(Opcode::POP_TOP, 0, *loc);
            }
        }
        Ok(())
    }

    fn call_exit_with_nones(&mut self, loc: Loc) {
        for _ in 0..3 {
            self.load_const(Constant::None, loc);
        }
        self.emit(Opcode::CALL, 2, loc);
    }

    fn compile_if(&mut self, s: &'a ast::StmtIf) -> CResult<()> {
        self.compile_if_chain(&s.test, &s.body, &s.elif_else_clauses)
    }

    fn compile_if_chain(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        rest: &'a [ast::ElifElseClause],
    ) -> CResult<()> {
        let end = self.new_label();
        let next = if rest.is_empty() {
            end
        } else {
            self.new_label()
        };
        self.jump_if(test, next, false)?;
        self.visit_body(body)?;
        if let Some((first, tail)) = rest.split_first() {
            self.emit_jump(Op::JumpNoInterrupt, end, Loc::NONE);
            self.use_label(next);
            match &first.test {
                Some(t) => self.compile_if_chain(t, &first.body, tail)?,
                None => self.visit_body(&first.body)?,
            }
        }
        self.use_label(end);
        Ok(())
    }

    fn compile_while(&mut self, s: &'a ast::StmtWhile, loc: Loc) -> CResult<()> {
        let lp = self.new_label();
        let body = self.new_label();
        let end = self.new_label();
        let anchor = self.new_label();
        self.use_label(lp);
        self.push_fblock(FBlockKind::WhileLoop, lp, end);
        let _ = loc;
        self.jump_if(&s.test, anchor, false)?;
        self.use_label(body);
        self.visit_body(&s.body)?;
        self.jump_if(&s.test, body, true)?;
        self.pop_fblock();
        self.use_label(anchor);
        self.visit_body(&s.orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn compile_for(&mut self, s: &'a ast::StmtFor, loc: Loc) -> CResult<()> {
        let start = self.new_label();
        let body = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FBlockKind::ForLoop, start, end);
        self.visit_iterable(&s.iter)?;
        let iloc = self.loc(s.iter.range());
        let _ = loc;
        self.emit(Opcode::GET_ITER, 0, iloc);
        self.use_label(start);
        self.emit_jump(Op::Real(Opcode::FOR_ITER), cleanup, iloc);
        let tloc = self.loc(s.target.range());
        self.emit(Opcode::NOP, 0, tloc);
        self.use_label(body);
        self.visit_expr(&s.target)?;
        self.visit_body(&s.body)?;
        self.emit_jump(Op::Jump, start, Loc::NONE);
        self.use_label(cleanup);
        self.emit(Opcode::END_FOR, 0, Loc::NONE);
        self.emit(Opcode::POP_TOP, 0, Loc::NONE);
        self.pop_fblock();
        self.visit_body(&s.orelse)?;
        self.use_label(end);
        Ok(())
    }

    /// Visits an iterable the way CPython's AST optimizer rewrites it (`fold_iter`):
    /// lists become tuples, constant sets become frozensets.
    fn visit_iterable(&mut self, e: &'a Expr) -> CResult<()> {
        if let Some(c) = fold_iterable(e) {
            let l = self.loc(e.range());
            self.load_const(c, l);
            return Ok(());
        }
        if let Expr::List(l) = e {
            let loc = self.loc(e.range());
            return self.starunpack(
                &l.elts,
                0,
                Opcode::BUILD_LIST,
                Opcode::LIST_APPEND,
                Opcode::LIST_EXTEND,
                true,
                loc,
            );
        }
        self.visit_expr(e)
    }

    fn compile_try_except(&mut self, s: &'a ast::StmtTry, loc: Loc) -> CResult<()> {
        let body = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Op::SetupFinally, except, loc);
        self.use_label(body);
        self.push_fblock(FBlockKind::TryExcept, body, usize::MAX);
        self.visit_body(&s.body)?;
        self.pop_fblock();
        self.emit_op(Op::PopBlock, 0, Loc::NONE);
        self.visit_body(&s.orelse)?;
        self.emit_jump(Op::JumpNoInterrupt, end, Loc::NONE);
        self.use_label(except);
        self.emit_jump(Op::SetupCleanup, cleanup, Loc::NONE);
        self.emit(Opcode::PUSH_EXC_INFO, 0, Loc::NONE);
        self.push_fblock(FBlockKind::ExceptionHandler, usize::MAX, usize::MAX);
        let n = s.handlers.len();
        for (i, h) in s.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let hloc = self.loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            let next_except = self.new_label();
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.emit(Opcode::CHECK_EXC_MATCH, 0, hloc);
                self.emit_jump(Op::Real(Opcode::POP_JUMP_IF_FALSE), next_except, hloc);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(name.as_str(), ExprContext::Store, hloc)?;
                self.emit_jump(Op::SetupCleanup, cleanup_end, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(
                    FBlockKind::HandlerCleanup(Some(name.to_string())),
                    cleanup_body,
                    usize::MAX,
                );
                self.visit_body(&h.body)?;
                self.pop_fblock();
                self.emit_op(Op::PopBlock, 0, Loc::NONE);
                self.emit_op(Op::PopBlock, 0, Loc::NONE);
                self.emit(Opcode::POP_EXCEPT, 0, Loc::NONE);
                self.load_const(Constant::None, Loc::NONE);
                self.nameop(name.as_str(), ExprContext::Store, Loc::NONE)?;
                self.nameop(name.as_str(), ExprContext::Del, Loc::NONE)?;
                self.emit_jump(Op::JumpNoInterrupt, end, Loc::NONE);
                self.use_label(cleanup_end);
                self.load_const(Constant::None, Loc::NONE);
                self.nameop(name.as_str(), ExprContext::Store, Loc::NONE)?;
                self.nameop(name.as_str(), ExprContext::Del, Loc::NONE)?;
                self.emit(Opcode::RERAISE, 1, Loc::NONE);
            } else {
                let cleanup_body = self.new_label();
                self.emit(Opcode::POP_TOP, 0, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup(None), cleanup_body, usize::MAX);
                self.visit_body(&h.body)?;
                self.pop_fblock();
                self.emit_op(Op::PopBlock, 0, Loc::NONE);
                self.emit(Opcode::POP_EXCEPT, 0, Loc::NONE);
                self.emit_jump(Op::JumpNoInterrupt, end, Loc::NONE);
            }
            self.use_label(next_except);
        }
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0, Loc::NONE);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Loc::NONE);
        self.use_label(end);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self, loc: Loc) {
        self.emit(Opcode::COPY, 3, loc);
        self.emit(Opcode::POP_EXCEPT, 0, loc);
        self.emit(Opcode::RERAISE, 1, loc);
    }

    fn compile_try_finally(&mut self, s: &'a ast::StmtTry, loc: Loc) -> CResult<()> {
        let body = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Op::SetupFinally, end, loc);
        self.use_label(body);
        self.push_fblock(FBlockKind::FinallyTry(&s.finalbody), body, end);
        if !s.handlers.is_empty() {
            self.compile_try_except(s, loc)?;
        } else {
            self.visit_body(&s.body)?;
        }
        self.emit_op(Op::PopBlock, 0, Loc::NONE);
        self.pop_fblock();
        self.visit_body(&s.finalbody)?;
        self.emit_jump(Op::JumpNoInterrupt, exit, Loc::NONE);
        self.use_label(end);
        self.emit_jump(Op::SetupCleanup, cleanup, Loc::NONE);
        self.emit(Opcode::PUSH_EXC_INFO, 0, Loc::NONE);
        self.push_fblock(FBlockKind::FinallyEnd, end, usize::MAX);
        self.visit_body(&s.finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0, Loc::NONE);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Loc::NONE);
        self.use_label(exit);
        Ok(())
    }

    fn compile_with(&mut self, s: &'a ast::StmtWith, pos: usize) -> CResult<()> {
        let Some(item) = s.items.get(pos) else {
            return self.visit_body(&s.body);
        };
        let block = self.new_label();
        let fin = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.visit_expr(&item.context_expr)?;
        let loc = self.loc(item.context_expr.range());
        self.emit(Opcode::BEFORE_WITH, 0, loc);
        self.emit_jump(Op::SetupWith, fin, loc);
        self.use_label(block);
        self.push_fblock(FBlockKind::With(loc), block, fin);
        if let Some(v) = &item.optional_vars {
            self.visit_expr(v)?;
        } else {
            self.emit(Opcode::POP_TOP, 0, loc);
        }
        if pos + 1 == s.items.len() {
            self.visit_body(&s.body)?;
        } else {
            self.compile_with(s, pos + 1)?;
        }
        self.emit_op(Op::PopBlock, 0, Loc::NONE);
        self.pop_fblock();
        self.call_exit_with_nones(loc);
        self.emit(Opcode::POP_TOP, 0, loc);
        self.emit_jump(Op::Jump, exit, loc);
        self.use_label(fin);
        self.emit_jump(Op::SetupCleanup, cleanup, loc);
        self.emit(Opcode::PUSH_EXC_INFO, 0, loc);
        self.emit(Opcode::WITH_EXCEPT_START, 0, loc);
        // with_except_finish
        let suppress = self.new_label();
        self.emit(Opcode::TO_BOOL, 0, Loc::NONE);
        self.emit_jump(Op::Real(Opcode::POP_JUMP_IF_TRUE), suppress, Loc::NONE);
        self.emit(Opcode::RERAISE, 2, Loc::NONE);
        self.use_label(suppress);
        self.emit(Opcode::POP_TOP, 0, Loc::NONE);
        self.emit_op(Op::PopBlock, 0, Loc::NONE);
        self.emit(Opcode::POP_EXCEPT, 0, Loc::NONE);
        self.emit(Opcode::POP_TOP, 0, Loc::NONE);
        self.emit(Opcode::POP_TOP, 0, Loc::NONE);
        let exit2 = self.new_label();
        self.emit_jump(Op::JumpNoInterrupt, exit2, Loc::NONE);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Loc::NONE);
        self.use_label(exit2);
        self.use_label(exit);
        Ok(())
    }

    fn compile_augassign(&mut self, s: &'a ast::StmtAugAssign, sloc: Loc) -> CResult<()> {
        let e = &*s.target;
        let loc = self.loc(e.range());
        match e {
            Expr::Attribute(a) => {
                self.visit_expr(&a.value)?;
                self.emit(Opcode::COPY, 1, loc);
                let aloc = self.attr_loc(loc, a);
                let idx = self.name_index(a.attr.as_str());
                self.emit(Opcode::LOAD_ATTR, idx << 1, aloc);
            }
            Expr::Subscript(sub) => {
                self.visit_expr(&sub.value)?;
                if is_two_element_slice(&sub.slice) {
                    self.compile_slice_parts(&sub.slice)?;
                    for _ in 0..3 {
                        self.emit(Opcode::COPY, 3, loc);
                    }
                    self.emit(Opcode::BINARY_SLICE, 0, loc);
                } else {
                    self.visit_expr(&sub.slice)?;
                    self.emit(Opcode::COPY, 2, loc);
                    self.emit(Opcode::COPY, 2, loc);
                    self.emit(Opcode::BINARY_SUBSCR, 0, loc);
                }
            }
            Expr::Name(n) => self.nameop(n.id.as_str(), ExprContext::Load, loc)?,
            _ => {
                return Err(self.error(
                    "'expression' is an illegal expression for augmented assignment",
                    e.range(),
                ))
            }
        }
        self.visit_expr(&s.value)?;
        self.emit(Opcode::BINARY_OP, binop_arg(s.op, true), sloc);
        match e {
            Expr::Attribute(a) => {
                let aloc = self.attr_loc(loc, a);
                self.emit(Opcode::SWAP, 2, aloc);
                let idx = self.name_index(a.attr.as_str());
                self.emit(Opcode::STORE_ATTR, idx, aloc);
            }
            Expr::Subscript(sub) => {
                if is_two_element_slice(&sub.slice) {
                    self.emit(Opcode::SWAP, 4, loc);
                    self.emit(Opcode::SWAP, 3, loc);
                    self.emit(Opcode::SWAP, 2, loc);
                    self.emit(Opcode::STORE_SLICE, 0, loc);
                } else {
                    self.emit(Opcode::SWAP, 3, loc);
                    self.emit(Opcode::SWAP, 2, loc);
                    self.emit(Opcode::STORE_SUBSCR, 0, loc);
                }
            }
            Expr::Name(n) => self.nameop(n.id.as_str(), ExprContext::Store, loc)?,
            _ => {}
        }
        Ok(())
    }

    fn compile_annassign(&mut self, s: &'a ast::StmtAnnAssign, loc: Loc) -> CResult<()> {
        if let Some(v) = &s.value {
            self.visit_expr(v)?;
            self.visit_expr(&s.target)?;
        }
        let module_or_class = matches!(self.ur().kind, UnitKind::Module | UnitKind::Class);
        match &*s.target {
            Expr::Name(n) if s.simple && module_or_class => {
                self.visit_expr(&s.annotation)?;
                let idx = self.raw_name_index("__annotations__");
                self.emit(Opcode::LOAD_NAME, idx, loc);
                let m = self.mangled(n.id.as_str());
                self.load_const(Constant::Str(m.into()), loc);
                self.emit(Opcode::STORE_SUBSCR, 0, loc);
            }
            Expr::Attribute(a) if s.value.is_none() => {
                self.visit_expr(&a.value)?;
                let l = self.loc(a.value.range());
                self.emit(Opcode::POP_TOP, 0, l);
            }
            Expr::Subscript(sub) if s.value.is_none() => {
                self.visit_expr(&sub.value)?;
                let l = self.loc(sub.value.range());
                self.emit(Opcode::POP_TOP, 0, l);
                self.visit_expr(&sub.slice)?;
                let l = self.loc(sub.slice.range());
                self.emit(Opcode::POP_TOP, 0, l);
            }
            _ => {}
        }
        if !s.simple && module_or_class {
            self.visit_expr(&s.annotation)?;
            let l = self.loc(s.annotation.range());
            self.emit(Opcode::POP_TOP, 0, l);
        }
        Ok(())
    }

    fn compile_import(&mut self, s: &'a ast::StmtImport, loc: Loc) -> CResult<()> {
        for alias in &s.names {
            self.load_const(Constant::Int(0), loc);
            self.load_const(Constant::None, loc);
            let idx = self.name_index(alias.name.as_str());
            self.emit(Opcode::IMPORT_NAME, idx, loc);
            let name = alias.name.as_str();
            if let Some(asname) = &alias.asname {
                let parts: Vec<&str> = name.split('.').collect();
                if parts.len() > 1 {
                    for (k, attr) in parts.iter().enumerate().skip(1) {
                        let idx = self.name_index(attr);
                        self.emit(Opcode::IMPORT_FROM, idx, loc);
                        if k + 1 == parts.len() {
                            break;
                        }
                        self.emit(Opcode::SWAP, 2, loc);
                        self.emit(Opcode::POP_TOP, 0, loc);
                    }
                    self.nameop(asname.as_str(), ExprContext::Store, loc)?;
                    self.emit(Opcode::POP_TOP, 0, loc);
                } else {
                    self.nameop(asname.as_str(), ExprContext::Store, loc)?;
                }
            } else {
                let base = name.split('.').next().unwrap_or(name);
                self.nameop(base, ExprContext::Store, loc)?;
            }
        }
        Ok(())
    }

    fn compile_from_import(&mut self, s: &'a ast::StmtImportFrom, loc: Loc) -> CResult<()> {
        self.load_const(Constant::Int(s.level as i64), loc);
        let names: Vec<Constant> = s
            .names
            .iter()
            .map(|a| Constant::Str(a.name.as_str().into()))
            .collect();
        if let Some(m) = &s.module {
            if m.as_str() == "__future__" && s.level == 0 {
                // Only a subset of `__future__` is meaningful; all are accepted.
            }
        }
        self.load_const(Constant::Tuple(names.into()), loc);
        let module = s.module.as_ref().map(|m| m.as_str()).unwrap_or("");
        let idx = self.name_index(module);
        self.emit(Opcode::IMPORT_NAME, idx, loc);
        for (i, alias) in s.names.iter().enumerate() {
            if i == 0 && alias.name.as_str() == "*" {
                self.emit(
                    Opcode::CALL_INTRINSIC_1,
                    IntrinsicFunction1::ImportStar as u32,
                    loc,
                );
                self.emit(Opcode::POP_TOP, 0, Loc::NONE);
                return Ok(());
            }
            let idx = self.name_index(alias.name.as_str());
            self.emit(Opcode::IMPORT_FROM, idx, loc);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(store.as_str(), ExprContext::Store, loc)?;
        }
        self.emit(Opcode::POP_TOP, 0, loc);
        Ok(())
    }

    // ----- functions and classes -----

    fn default_arguments(&mut self, p: &'a ast::Parameters, loc: Loc) -> CResult<u32> {
        let mut flags = 0;
        let defaults: Vec<&'a Expr> = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.visit_expr(d)?;
            }
            self.emit(Opcode::BUILD_TUPLE, defaults.len() as u32, loc);
            flags |= SetFunctionAttributeFlag::DEFAULTS;
        }
        let mut keys = Vec::new();
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                let m = self.mangled(a.parameter.name.as_str());
                keys.push(Constant::Str(m.into()));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(keys.into()), loc);
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n, loc);
            flags |= SetFunctionAttributeFlag::KWDEFAULTS;
        }
        Ok(flags)
    }

    fn annotations(
        &mut self,
        p: &'a ast::Parameters,
        returns: Option<&'a Expr>,
        loc: Loc,
    ) -> CResult<u32> {
        let mut n = 0;
        // CPython's order: args, posonlyargs, *args, kwonlyargs, **kwargs, return.
        let ordered: Vec<&'a ast::Parameter> = p
            .args
            .iter()
            .chain(p.posonlyargs.iter())
            .map(|a| &a.parameter)
            .chain(p.vararg.as_deref())
            .chain(p.kwonlyargs.iter().map(|a| &a.parameter))
            .chain(p.kwarg.as_deref())
            .collect();
        for a in ordered {
            if let Some(ann) = a.annotation.as_deref() {
                let m = self.mangled(a.name.as_str());
                self.load_const(Constant::Str(m.into()), loc);
                if matches!(ann, Expr::Starred(_)) {
                    return Err(not_supported(self.pos, "starred annotations", ann.range()));
                }
                self.visit_expr(ann)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str("return".into()), loc);
            self.visit_expr(r)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Opcode::BUILD_TUPLE, n * 2, loc);
            return Ok(SetFunctionAttributeFlag::ANNOTATIONS);
        }
        Ok(0)
    }

    fn make_closure(&mut self, code: Arc<CodeObject>, flags: u32, loc: Loc) -> CResult<()> {
        let mut flags = flags;
        if !code.freevars.is_empty() {
            for name in code.freevars.iter() {
                let name = name.to_string();
                let Some(idx) = self.deref_index(&name) else {
                    return Err(self.error(
                        format!("internal error: no cell for free variable '{name}'"),
                        TextRange::default(),
                    ));
                };
                self.emit_op(Op::LoadClosure, idx, loc);
            }
            flags |= SetFunctionAttributeFlag::CLOSURE;
            self.emit(Opcode::BUILD_TUPLE, code.freevars.len() as u32, loc);
        }
        self.load_const(Constant::Code(code), loc);
        self.emit(Opcode::MAKE_FUNCTION, 0, loc);
        for f in [
            SetFunctionAttributeFlag::CLOSURE,
            SetFunctionAttributeFlag::ANNOTATIONS,
            SetFunctionAttributeFlag::KWDEFAULTS,
            SetFunctionAttributeFlag::DEFAULTS,
        ] {
            if flags & f != 0 {
                self.emit(Opcode::SET_FUNCTION_ATTRIBUTE, f, loc);
            }
        }
        Ok(())
    }

    fn set_arg_counts(&mut self, p: &ast::Parameters) -> u32 {
        let u = self.u();
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.posonly = p.posonlyargs.len() as u32;
        u.kwonly = p.kwonlyargs.len() as u32;
        let mut f = 0;
        if p.vararg.is_some() {
            f |= CodeFlags::VARARGS;
        }
        if p.kwarg.is_some() {
            f |= CodeFlags::VARKEYWORDS;
        }
        f
    }

    fn with_flags(code: Arc<CodeObject>, extra: u32) -> Arc<CodeObject> {
        if extra == 0 {
            return code;
        }
        let mut c = (*code).clone();
        c.flags = CodeFlags(c.flags.0 | extra);
        Arc::new(c)
    }

    fn compile_function(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        if f.is_async {
            return Err(not_supported(self.pos, "'async def' functions", f.range));
        }
        if f.type_params.is_some() {
            return Err(not_supported(self.pos, "type parameter lists", f.range));
        }
        for d in &f.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        let first_line = match f.decorator_list.first() {
            Some(d) => self.loc(d.range).line,
            None => self.loc(f.range).line,
        } as u32;
        let loc = self.def_loc(f.range, f.name.range);
        let mut funcflags = self.default_arguments(&f.parameters, loc)?;
        funcflags |= self.annotations(&f.parameters, f.returns.as_deref(), loc)?;
        self.enter_scope(f.name.as_str(), UnitKind::Function, f.range, first_line)?;
        let doc = docstring(&f.body);
        let start = if doc.is_some() { 1 } else { 0 };
        let c = match doc {
            Some(d) => Constant::Str(clean_doc(&d).into()),
            None => Constant::None,
        };
        add_const(&mut self.u().consts, c);
        let extra = self.set_arg_counts(&f.parameters);
        let is_gen = {
            let e = self.ste();
            e.is_generator || e.is_coroutine
        };
        let r = (|| {
            if is_gen {
                self.push_fblock(FBlockKind::StopIteration, 0, 0);
            }
            for s in &f.body[start..] {
                self.visit_stmt(s)?;
            }
            if is_gen {
                self.wrap_in_stopiteration_handler();
                self.pop_fblock();
            }
            Ok(())
        })();
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        let code = self.finish_unit(true)?;
        let code = Self::with_flags(code, extra);
        self.make_closure(code, funcflags, loc)?;
        for d in f.decorator_list.iter().rev() {
            let dl = self.loc(d.expression.range());
            self.emit(Opcode::CALL, 0, dl);
        }
        self.nameop(f.name.as_str(), ExprContext::Store, loc)
    }

    fn wrap_in_stopiteration_handler(&mut self) {
        let handler = self.new_label();
        // Insert SETUP_CLEANUP at the very start (before RESUME), as CPython does.
        self.u().seq.insert(
            0,
            SeqItem::Instr(Instr {
                op: Op::SetupCleanup,
                arg: 0,
                target: handler,
                loc: Loc::NONE,
                except: None,
            }),
        );
        self.load_const(Constant::None, Loc::NONE);
        self.emit(Opcode::RETURN_VALUE, 0, Loc::NONE);
        self.use_label(handler);
        self.emit(
            Opcode::CALL_INTRINSIC_1,
            IntrinsicFunction1::StopIterationError as u32,
            Loc::NONE,
        );
        self.emit(Opcode::RERAISE, 1, Loc::NONE);
    }

    fn compile_lambda(&mut self, l: &'a ast::ExprLambda) -> CResult<()> {
        let loc = self.loc(l.range);
        let funcflags = match &l.parameters {
            Some(p) => self.default_arguments(p, loc)?,
            None => 0,
        };
        self.enter_scope("<lambda>", UnitKind::Lambda, l.range, loc.line as u32)?;
        add_const(&mut self.u().consts, Constant::None);
        let extra = match &l.parameters {
            Some(p) => self.set_arg_counts(p),
            None => 0,
        };
        let is_gen = self.ste().is_generator;
        if let Err(e) = self.visit_expr(&l.body) {
            self.units.pop();
            return Err(e);
        }
        let code = if is_gen {
            self.finish_unit(false)?
        } else {
            let bl = self.loc(l.body.range());
            self.emit(Opcode::RETURN_VALUE, 0, bl);
            self.finish_unit(true)?
        };
        let code = Self::with_flags(code, extra);
        self.make_closure(code, funcflags, loc)
    }

    fn compile_class(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        if c.type_params.is_some() {
            return Err(not_supported(self.pos, "type parameter lists", c.range));
        }
        for d in &c.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        let first_line = match c.decorator_list.first() {
            Some(d) => self.loc(d.range).line,
            None => self.loc(c.range).line,
        } as u32;
        self.enter_scope(c.name.as_str(), UnitKind::Class, c.range, first_line)?;
        let bl = Loc {
            line: first_line as i32,
            end_line: first_line as i32,
            col: 0,
            end_col: 0,
        };
        let r = (|| {
            self.nameop("__name__", ExprContext::Load, bl)?;
            self.nameop("__module__", ExprContext::Store, bl)?;
            let q = self.ur().qualname.clone();
            self.load_const(Constant::Str(q.into()), bl);
            self.nameop("__qualname__", ExprContext::Store, bl)?;
            self.load_const(Constant::Int(first_line as i64), bl);
            self.nameop("__firstlineno__", ExprContext::Store, bl)?;
            self.compile_body(&c.body, bl)?;
            let attrs: Vec<Constant> = self
                .ur()
                .static_attributes
                .iter()
                .map(|s| Constant::Str(s.as_str().into()))
                .collect();
            self.load_const(Constant::Tuple(attrs.into()), Loc::NONE);
            self.nameop("__static_attributes__", ExprContext::Store, Loc::NONE)?;
            if self.ste().needs_class_closure {
                let i = self.deref_index("__class__").unwrap_or(0);
                self.emit_op(Op::LoadClosure, i, Loc::NONE);
                self.emit(Opcode::COPY, 1, Loc::NONE);
                self.nameop("__classcell__", ExprContext::Store, Loc::NONE)?;
            } else {
                self.load_const(Constant::None, Loc::NONE);
            }
            self.emit(Opcode::RETURN_VALUE, 0, Loc::NONE);
            Ok(())
        })();
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        let code = self.finish_unit(true)?;
        let loc = self.def_loc(c.range, c.name.range);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0, loc);
        self.emit(Opcode::PUSH_NULL, 0, loc);
        self.make_closure(code, 0, loc)?;
        self.load_const(Constant::Str(c.name.as_str().into()), loc);
        let (args, keywords): (&'a [Expr], &'a [ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_helper(loc, 2, args, keywords)?;
        for d in c.decorator_list.iter().rev() {
            let dl = self.loc(d.expression.range());
            self.emit(Opcode::CALL, 0, dl);
        }
        self.nameop(c.name.as_str(), ExprContext::Store, loc)
    }

    // ----- conditions -----

    fn jump_if(&mut self, e: &'a Expr, next: usize, cond: bool) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_RECURSION {
            self.depth -= 1;
            return Err(self.too_deep(e.range()));
        }
        let r = self.jump_if_inner(e, next, cond);
        self.depth -= 1;
        r
    }

    fn too_deep(&self, r: TextRange) -> CompileError {
        self.error("maximum recursion depth exceeded during compilation", r)
    }

    fn jump_if_inner(&mut self, e: &'a Expr, next: usize, cond: bool) -> CResult<()> {
        if let Some((c, op)) = negated_compare(e) {
            return self.jump_if_negated_compare(e, c, op, next, cond);
        }
        match e {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not && fold_expr(e).is_none() => {
                return self.jump_if(&u.operand, next, !cond);
            }
            Expr::BoolOp(b) => {
                let cond2 = b.op == ast::BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_label()
                } else {
                    next
                };
                let n = b.values.len();
                for v in &b.values[..n.saturating_sub(1)] {
                    self.jump_if(v, next2, cond2)?;
                }
                if let Some(last) = b.values.last() {
                    self.jump_if(last, next, cond)?;
                }
                if next2 != next {
                    self.use_label(next2);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, next, cond)?;
                self.emit_jump(Op::JumpNoInterrupt, end, Loc::NONE);
                self.use_label(next2);
                self.jump_if(&i.orelse, next, cond)?;
                self.use_label(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                let loc = self.loc(e.range());
                let cleanup = self.new_label();
                self.visit_expr(&c.left)?;
                let n = c.ops.len() - 1;
                for i in 0..n {
                    self.visit_expr(&c.comparators[i])?;
                    self.emit(Opcode::SWAP, 2, loc);
                    self.emit(Opcode::COPY, 2, loc);
                    self.emit_compare(c.ops[i], loc);
                    self.emit(Opcode::TO_BOOL, 0, loc);
                    self.emit_jump(Op::Real(Opcode::POP_JUMP_IF_FALSE), cleanup, loc);
                }
                self.visit_comparator(c.ops[n], &c.comparators[n])?;
                self.emit_compare(c.ops[n], loc);
                self.emit(Opcode::TO_BOOL, 0, loc);
                let op = if cond {
                    Opcode::POP_JUMP_IF_TRUE
                } else {
                    Opcode::POP_JUMP_IF_FALSE
                };
                self.emit_jump(Op::Real(op), next, loc);
                let end = self.new_label();
                self.emit_jump(Op::JumpNoInterrupt, end, Loc::NONE);
                self.use_label(cleanup);
                self.emit(Opcode::POP_TOP, 0, loc);
                if !cond {
                    self.emit_jump(Op::Jump, next, Loc::NONE);
                }
                self.use_label(end);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        let loc = self.loc(e.range());
        self.emit(Opcode::TO_BOOL, 0, loc);
        let op = if cond {
            Opcode::POP_JUMP_IF_TRUE
        } else {
            Opcode::POP_JUMP_IF_FALSE
        };
        self.emit_jump(Op::Real(op), next, loc);
        Ok(())
    }

    fn jump_if_negated_compare(
        &mut self,
        e: &'a Expr,
        c: &'a ast::ExprCompare,
        op: CmpOp,
        next: usize,
        cond: bool,
    ) -> CResult<()> {
        let loc = self.loc(e.range());
        self.visit_expr(&c.left)?;
        self.visit_comparator(op, &c.comparators[0])?;
        self.emit_compare(op, loc);
        self.emit(Opcode::TO_BOOL, 0, loc);
        let jop = if cond {
            Opcode::POP_JUMP_IF_TRUE
        } else {
            Opcode::POP_JUMP_IF_FALSE
        };
        self.emit_jump(Op::Real(jop), next, loc);
        Ok(())
    }

    fn emit_compare(&mut self, op: CmpOp, loc: Loc) {
        match op {
            CmpOp::Is => self.emit(Opcode::IS_OP, 0, loc),
            CmpOp::IsNot => self.emit(Opcode::IS_OP, 1, loc),
            CmpOp::In => self.emit(Opcode::CONTAINS_OP, 0, loc),
            CmpOp::NotIn => self.emit(Opcode::CONTAINS_OP, 1, loc),
            other => {
                let c = match other {
                    CmpOp::Lt => CompareOp::Lt,
                    CmpOp::LtE => CompareOp::Le,
                    CmpOp::Eq => CompareOp::Eq,
                    CmpOp::NotEq => CompareOp::Ne,
                    CmpOp::Gt => CompareOp::Gt,
                    _ => CompareOp::Ge,
                };
                // CPython's mask for `!=` includes UNORDERED (1); `CompareOp::mask` in
                // cpjit-bytecode leaves it out, so the argument is built here.
                let mask = if c == CompareOp::Ne { 7 } else { c.mask() };
                self.emit(Opcode::COMPARE_OP, ((c as u32) << 5) | mask, loc);
            }
        }
    }

    /// The right operand of `in`/`not in` gets CPython's `fold_iter` treatment.
    fn visit_comparator(&mut self, op: CmpOp, e: &'a Expr) -> CResult<()> {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            self.visit_iterable(e)
        } else {
            self.visit_expr(e)
        }
    }

    // ----- expressions -----

    fn visit_expr(&mut self, e: &'a Expr) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_RECURSION {
            self.depth -= 1;
            return Err(self.too_deep(e.range()));
        }
        let r = self.visit_expr_inner(e);
        self.depth -= 1;
        r
    }

    fn attr_loc(&self, loc: Loc, a: &ast::ExprAttribute) -> Loc {
        let end = self.loc(a.range);
        let mut loc = loc;
        if loc.line != end.end_line {
            loc.line = end.end_line;
            let len = a.attr.as_str().chars().count() as i32;
            if len <= end.end_col {
                loc.col = end.end_col - len;
            } else {
                loc.col = -1;
                loc.end_col = -1;
            }
            loc.end_line = loc.end_line.max(loc.line);
            if loc.line == loc.end_line {
                loc.end_col = loc.end_col.max(loc.col);
            }
        }
        loc
    }

    fn visit_expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        let loc = self.loc(e.range());
        if let Some(c) = fold_expr(e) {
            self.load_const(c, loc);
            return Ok(());
        }
        if let Expr::BinOp(b) = e {
            if let Some(parts) = percent_format(b) {
                return self.compile_joined(parts, loc);
            }
        }
        match e {
            Expr::BoolOp(b) => {
                let jumpi = if b.op == ast::BoolOp::And {
                    Opcode::POP_JUMP_IF_FALSE
                } else {
                    Opcode::POP_JUMP_IF_TRUE
                };
                let end = self.new_label();
                let n = b.values.len();
                for v in &b.values[..n.saturating_sub(1)] {
                    self.visit_expr(v)?;
                    self.emit(Opcode::COPY, 1, loc);
                    self.emit(Opcode::TO_BOOL, 0, loc);
                    self.emit_jump(Op::Real(jumpi), end, loc);
                    self.emit(Opcode::POP_TOP, 0, loc);
                }
                if let Some(last) = b.values.last() {
                    self.visit_expr(last)?;
                }
                self.use_label(end);
            }
            Expr::Named(n) => {
                self.visit_expr(&n.value)?;
                self.emit(Opcode::COPY, 1, loc);
                self.visit_expr(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.emit(Opcode::BINARY_OP, binop_arg(b.op, false), loc);
            }
            Expr::UnaryOp(_) if negated_compare(e).is_some() => {
                if let Some((c, op)) = negated_compare(e) {
                    self.visit_expr(&c.left)?;
                    self.visit_comparator(op, &c.comparators[0])?;
                    self.emit_compare(op, loc);
                }
            }
            Expr::UnaryOp(u) => {
                self.visit_expr(&u.operand)?;
                match u.op {
                    UnaryOp::UAdd => self.emit(
                        Opcode::CALL_INTRINSIC_1,
                        IntrinsicFunction1::UnaryPositive as u32,
                        loc,
                    ),
                    UnaryOp::Not => {
                        self.emit(Opcode::TO_BOOL, 0, loc);
                        self.emit(Opcode::UNARY_NOT, 0, loc);
                    }
                    UnaryOp::Invert => self.emit(Opcode::UNARY_INVERT, 0, loc),
                    UnaryOp::USub => self.emit(Opcode::UNARY_NEGATIVE, 0, loc),
                }
            }
            Expr::Lambda(l) => self.compile_lambda(l)?,
            Expr::If(i) => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(&i.test, next, false)?;
                self.visit_expr(&i.body)?;
                self.emit_jump(Op::JumpNoInterrupt, end, Loc::NONE);
                self.use_label(next);
                self.visit_expr(&i.orelse)?;
                self.use_label(end);
            }
            Expr::Dict(d) => self.compile_dict(d, loc)?,
            Expr::Set(s) => self.starunpack(
                &s.elts,
                0,
                Opcode::BUILD_SET,
                Opcode::SET_ADD,
                Opcode::SET_UPDATE,
                false,
                loc,
            )?,
            Expr::ListComp(c) => {
                self.compile_comprehension(e, CompKind::List, &c.generators, &c.elt, None)?
            }
            Expr::SetComp(c) => {
                self.compile_comprehension(e, CompKind::Set, &c.generators, &c.elt, None)?
            }
            Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(self.error("invalid syntax", e.range()));
                };
                self.compile_comprehension(e, CompKind::Dict, &c.generators, key, Some(&c.value))?
            }
            Expr::Generator(c) => {
                self.compile_comprehension(e, CompKind::Gen, &c.generators, &c.elt, None)?
            }
            Expr::Await(a) => {
                if !self.is_function_like() {
                    return Err(self.error("'await' outside function", a.range));
                }
                return Err(self.error("'await' outside async function", a.range));
            }
            Expr::Yield(y) => {
                if !self.is_function_like() {
                    return Err(self.error("'yield' outside function", y.range));
                }
                if self.ur().kind == UnitKind::Comprehension {
                    return Err(self.error("'yield' inside generator expression", y.range));
                }
                match &y.value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None, loc),
                }
                self.emit(Opcode::YIELD_VALUE, 0, loc);
                self.emit(Opcode::RESUME, 1, loc);
            }
            Expr::YieldFrom(y) => {
                if !self.is_function_like() {
                    return Err(self.error("'yield' outside function", y.range));
                }
                if self.ur().kind == UnitKind::Comprehension {
                    return Err(self.error("'yield' inside generator expression", y.range));
                }
                self.visit_expr(&y.value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0, loc);
                self.load_const(Constant::None, loc);
                self.add_yield_from(loc);
            }
            Expr::Compare(c) => self.compile_compare(c, loc)?,
            Expr::Call(c) => self.compile_call(c, loc)?,
            Expr::FString(f) => self.compile_fstring(f, loc)?,
            Expr::TString(t) => return Err(not_supported(self.pos, "template strings", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                // Handled by fold_expr above.
            }
            Expr::Attribute(a) => {
                if a.ctx == ExprContext::Load && self.can_optimize_super_call(a) {
                    let Expr::Call(call) = &*a.value else {
                        return Ok(());
                    };
                    self.load_args_for_super(call)?;
                    let idx = self.name_index(a.attr.as_str());
                    let aloc = self.attr_loc(loc, a);
                    self.emit_op(
                        Op::LoadSuperAttr {
                            method: false,
                            two_args: !call.arguments.args.is_empty(),
                        },
                        idx,
                        aloc,
                    );
                    return Ok(());
                }
                self.visit_expr(&a.value)?;
                let aloc = self.attr_loc(loc, a);
                let idx = self.name_index(a.attr.as_str());
                match a.ctx {
                    ExprContext::Load => self.emit(Opcode::LOAD_ATTR, idx << 1, aloc),
                    ExprContext::Store => {
                        if let Expr::Name(n) = &*a.value {
                            if n.id.as_str() == "self" {
                                let n = self.units.len() - 1;
                                if let Some(cu) = self.units[..n]
                                    .iter_mut()
                                    .rev()
                                    .find(|u| u.kind == UnitKind::Class)
                                {
                                    cu.static_attributes.insert(a.attr.to_string());
                                }
                            }
                        }
                        self.emit(Opcode::STORE_ATTR, idx, aloc)
                    }
                    _ => self.emit(Opcode::DELETE_ATTR, idx, aloc),
                }
            }
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                if is_two_element_slice(&s.slice) && s.ctx != ExprContext::Del {
                    self.compile_slice_parts(&s.slice)?;
                    if s.ctx == ExprContext::Load {
                        self.emit(Opcode::BINARY_SLICE, 0, loc);
                    } else {
                        self.emit(Opcode::STORE_SLICE, 0, loc);
                    }
                } else {
                    self.visit_expr(&s.slice)?;
                    let op = match s.ctx {
                        ExprContext::Load => Opcode::BINARY_SUBSCR,
                        ExprContext::Store => Opcode::STORE_SUBSCR,
                        _ => Opcode::DELETE_SUBSCR,
                    };
                    self.emit(op, 0, loc);
                }
            }
            Expr::Starred(s) => {
                if s.ctx == ExprContext::Store {
                    return Err(self.error(
                        "starred assignment target must be in a list or tuple",
                        s.range,
                    ));
                }
                return Err(self.error("can't use starred expression here", s.range));
            }
            Expr::Name(n) => self.nameop(n.id.as_str(), n.ctx, loc)?,
            Expr::List(l) => match l.ctx {
                ExprContext::Store => self.assignment_helper(&l.elts, loc)?,
                ExprContext::Del => {
                    for x in &l.elts {
                        self.visit_expr(x)?;
                    }
                }
                _ => self.starunpack(
                    &l.elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    false,
                    loc,
                )?,
            },
            Expr::Tuple(t) => match t.ctx {
                ExprContext::Store => self.assignment_helper(&t.elts, loc)?,
                ExprContext::Del => {
                    for x in &t.elts {
                        self.visit_expr(x)?;
                    }
                }
                _ => self.starunpack(
                    &t.elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                    loc,
                )?,
            },
            Expr::Slice(s) => {
                let n = self.compile_slice_parts(e)?;
                let _ = s;
                self.emit(Opcode::BUILD_SLICE, n, loc);
            }
            Expr::IpyEscapeCommand(c) => return Err(self.error("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn add_yield_from(&mut self, loc: Loc) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.use_label(send);
        self.emit_jump(Op::Real(Opcode::SEND), exit, loc);
        self.emit_jump(Op::SetupFinally, fail, loc);
        self.emit(Opcode::YIELD_VALUE, 1, loc);
        self.emit_op(Op::PopBlock, 0, Loc::NONE);
        self.emit(Opcode::RESUME, 2, loc);
        self.emit_jump(Op::JumpNoInterrupt, send, loc);
        self.use_label(fail);
        self.emit(Opcode::CLEANUP_THROW, 0, loc);
        self.use_label(exit);
        self.emit(Opcode::END_SEND, 0, loc);
    }

    fn compile_slice_parts(&mut self, e: &'a Expr) -> CResult<u32> {
        let Expr::Slice(s) = e else {
            self.visit_expr(e)?;
            return Ok(1);
        };
        let loc = self.loc(s.range);
        let mut n = 2;
        match &s.lower {
            Some(x) => self.visit_expr(x)?,
            None => self.load_const(Constant::None, loc),
        }
        match &s.upper {
            Some(x) => self.visit_expr(x)?,
            None => self.load_const(Constant::None, loc),
        }
        if let Some(x) = &s.step {
            n += 1;
            self.visit_expr(x)?;
        }
        Ok(n)
    }

    fn unpack_helper(&mut self, elts: &[Expr], loc: Loc, r: TextRange) -> CResult<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, x) in elts.iter().enumerate() {
            if matches!(x, Expr::Starred(_)) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment", r));
                }
                if i >= 256 || n - i > (i32::MAX as usize >> 8) {
                    return Err(self.error("too many expressions in star-unpacking assignment", r));
                }
                self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32, loc);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as u32, loc);
        }
        Ok(())
    }

    fn assignment_helper(&mut self, elts: &'a [Expr], loc: Loc) -> CResult<()> {
        let r = elts.first().map(|x| x.range()).unwrap_or_default();
        self.unpack_helper(elts, loc, r)?;
        for x in elts {
            match x {
                Expr::Starred(s) => self.visit_expr(&s.value)?,
                _ => self.visit_expr(x)?,
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
        loc: Loc,
    ) -> CResult<()> {
        let n = elts.len();
        if n > 2 {
            let consts: Option<Vec<Constant>> = elts.iter().map(fold_expr).collect();
            if let Some(items) = consts {
                if tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(items.into()), loc);
                } else {
                    let folded = if add == Opcode::SET_ADD {
                        crate::fold::frozenset(items)
                    } else {
                        Constant::Tuple(items.into())
                    };
                    self.emit(build, pushed, loc);
                    self.load_const(folded, loc);
                    self.emit(extend, 1, loc);
                    if tuple {
                        self.emit(
                            Opcode::CALL_INTRINSIC_1,
                            IntrinsicFunction1::ListToTuple as u32,
                            loc,
                        );
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|x| matches!(x, Expr::Starred(_)));
        if !seen_star && !big {
            for x in elts {
                self.visit_expr(x)?;
            }
            let op = if tuple { Opcode::BUILD_TUPLE } else { build };
            self.emit(op, n as u32 + pushed, loc);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed, loc);
            built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let Expr::Starred(s) = x {
                if !built {
                    self.emit(build, i as u32 + pushed, loc);
                    built = true;
                }
                self.visit_expr(&s.value)?;
                self.emit(extend, 1, loc);
            } else {
                self.visit_expr(x)?;
                if built {
                    self.emit(add, 1, loc);
                }
            }
        }
        if tuple {
            self.emit(
                Opcode::CALL_INTRINSIC_1,
                IntrinsicFunction1::ListToTuple as u32,
                loc,
            );
        }
        Ok(())
    }

    fn compile_subdict(&mut self, items: &'a [ast::DictItem], loc: Loc) -> CResult<()> {
        let n = items.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let keys: Option<Vec<Constant>> = items
                .iter()
                .map(|i| i.key.as_ref().and_then(fold_expr))
                .collect();
            if let Some(keys) = keys {
                for i in items {
                    self.visit_expr(&i.value)?;
                }
                self.load_const(Constant::Tuple(keys.into()), loc);
                self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32, loc);
                return Ok(());
            }
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0, loc);
        }
        for i in items {
            if let Some(k) = &i.key {
                self.visit_expr(k)?;
            }
            self.visit_expr(&i.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1, loc);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32, loc);
        }
        Ok(())
    }

    fn compile_dict(&mut self, d: &'a ast::ExprDict, loc: Loc) -> CResult<()> {
        let items = &d.items;
        let n = items.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if items[i].key.is_none() {
                if elements > 0 {
                    self.compile_subdict(&items[i - elements..i], loc)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1, loc);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0, loc);
                    have_dict = true;
                }
                self.visit_expr(&items[i].value)?;
                self.emit(Opcode::DICT_UPDATE, 1, loc);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.compile_subdict(&items[i - elements..i + 1], loc)?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1, loc);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.compile_subdict(&items[n - elements..n], loc)?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1, loc);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0, loc);
        }
        Ok(())
    }

    fn compile_compare(&mut self, c: &'a ast::ExprCompare, loc: Loc) -> CResult<()> {
        self.visit_expr(&c.left)?;
        let n = c.ops.len().saturating_sub(1);
        if n == 0 {
            if let (Some(op), Some(x)) = (c.ops.first(), c.comparators.first()) {
                self.visit_comparator(*op, x)?;
                self.emit_compare(*op, loc);
            }
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.visit_expr(&c.comparators[i])?;
            self.emit(Opcode::SWAP, 2, loc);
            self.emit(Opcode::COPY, 2, loc);
            self.emit_compare(c.ops[i], loc);
            self.emit(Opcode::COPY, 1, loc);
            self.emit(Opcode::TO_BOOL, 0, loc);
            self.emit_jump(Op::Real(Opcode::POP_JUMP_IF_FALSE), cleanup, loc);
            self.emit(Opcode::POP_TOP, 0, loc);
        }
        self.visit_comparator(c.ops[n], &c.comparators[n])?;
        self.emit_compare(c.ops[n], loc);
        let end = self.new_label();
        self.emit_jump(Op::JumpNoInterrupt, end, Loc::NONE);
        self.use_label(cleanup);
        self.emit(Opcode::SWAP, 2, loc);
        self.emit(Opcode::POP_TOP, 0, loc);
        self.use_label(end);
        Ok(())
    }

    // ----- calls -----

    fn is_import_originated(&self, e: &Expr) -> bool {
        match e {
            Expr::Name(n) => self.table.entries[0].flags(n.id.as_str()) & DEF_IMPORT != 0,
            _ => false,
        }
    }

    fn can_optimize_super_call(&self, a: &ast::ExprAttribute) -> bool {
        let Expr::Call(call) = &*a.value else {
            return false;
        };
        let Expr::Name(fname) = &*call.func else {
            return false;
        };
        if fname.id.as_str() != "super"
            || a.attr.as_str() == "__class__"
            || !call.arguments.keywords.is_empty()
        {
            return false;
        }
        if self.ste().scope("super") != Scope::GlobalImplicit {
            return false;
        }
        if self.table.entries[0].scope("super") != Scope::Unknown {
            return false;
        }
        let nargs = call.arguments.args.len();
        if nargs == 2 {
            return !call
                .arguments
                .args
                .iter()
                .any(|x| matches!(x, Expr::Starred(_)));
        }
        if nargs != 0 {
            return false;
        }
        if self.ur().argcount == 0 && self.ur().posonly == 0 {
            return false;
        }
        self.ste().scope("__class__") == Scope::Free
    }

    fn load_args_for_super(&mut self, call: &'a ast::ExprCall) -> CResult<()> {
        let floc = self.loc(call.func.range());
        self.nameop("super", ExprContext::Load, floc)?;
        if call.arguments.args.len() == 2 {
            self.visit_expr(&call.arguments.args[0])?;
            self.visit_expr(&call.arguments.args[1])?;
            return Ok(());
        }
        let loc = self.loc(call.range());
        self.nameop("__class__", ExprContext::Load, loc)?;
        let first = self.ur().varnames.first().cloned().unwrap_or_default();
        self.nameop(&first, ExprContext::Load, loc)
    }

    fn compile_call(&mut self, c: &'a ast::ExprCall, loc: Loc) -> CResult<()> {
        self.call_args_range = c.arguments.range;
        if self.maybe_optimize_method_call(c, loc)? {
            return Ok(());
        }
        self.visit_expr(&c.func)?;
        let floc = self.loc(c.func.range());
        self.emit(Opcode::PUSH_NULL, 0, floc);
        self.call_helper(loc, 0, &c.arguments.args, &c.arguments.keywords)
    }

    fn maybe_optimize_method_call(&mut self, c: &'a ast::ExprCall, loc: Loc) -> CResult<bool> {
        let Expr::Attribute(meth) = &*c.func else {
            return Ok(false);
        };
        if meth.ctx != ExprContext::Load || self.is_import_originated(&meth.value) {
            return Ok(false);
        }
        let argsl = c.arguments.args.len();
        let kwdsl = c.arguments.keywords.len();
        if argsl + kwdsl + usize::from(kwdsl != 0) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if c.arguments
            .args
            .iter()
            .any(|x| matches!(x, Expr::Starred(_)))
        {
            return Ok(false);
        }
        if c.arguments.keywords.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        let mloc = self.loc(meth.range);
        if self.can_optimize_super_call(meth) {
            let Expr::Call(call) = &*meth.value else {
                return Ok(false);
            };
            self.load_args_for_super(call)?;
            let idx = self.name_index(meth.attr.as_str());
            self.emit_op(
                Op::LoadSuperAttr {
                    method: true,
                    two_args: !call.arguments.args.is_empty(),
                },
                idx,
                mloc,
            );
            let l = self.attr_loc(mloc, meth);
            self.emit(Opcode::NOP, 0, l);
        } else {
            self.visit_expr(&meth.value)?;
            let l = self.attr_loc(mloc, meth);
            let idx = self.name_index(meth.attr.as_str());
            self.emit_op(Op::LoadMethod, idx, l);
        }
        for a in c.arguments.args.iter() {
            if let (Expr::Generator(g), 1, 0) = (a, argsl, kwdsl) {
                if !g.parenthesized {
                    self.genexp_paren = Some((g.range, c.arguments.range));
                }
            }
            self.visit_expr(a)?;
        }
        if kwdsl > 0 {
            for k in c.arguments.keywords.iter() {
                self.visit_expr(&k.value)?;
            }
            let ml = self.attr_loc(mloc, meth);
            self.kwnames_const(&c.arguments.keywords, ml);
            let l = self.attr_loc(loc, meth);
            self.emit(Opcode::CALL_KW, (argsl + kwdsl) as u32, l);
        } else {
            let l = self.attr_loc(loc, meth);
            self.emit(Opcode::CALL, argsl as u32, l);
        }
        Ok(true)
    }

    fn kwnames_const(&mut self, keywords: &[ast::Keyword], loc: Loc) {
        let names: Vec<Constant> = keywords
            .iter()
            .map(|k| Constant::Str(k.arg.as_ref().map(|a| a.as_str()).unwrap_or("").into()))
            .collect();
        self.load_const(Constant::Tuple(names.into()), loc);
    }

    fn call_helper(
        &mut self,
        loc: Loc,
        n: u32,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult<()> {
        // CPython's parser rejects `f(a=1, a=2)` before compiling anything.
        for (i, keyword) in keywords.iter().enumerate() {
            if let Some(name) = &keyword.arg {
                let repeated = keywords[..i]
                    .iter()
                    .any(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name.as_str()));
                if repeated {
                    return Err(self.error(
                        format!("keyword argument repeated: {}", name.as_str()),
                        keyword.range,
                    ));
                }
            }
        }
        let nelts = args.len();
        let nkw = keywords.len();
        let simple = nelts + nkw * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|x| matches!(x, Expr::Starred(_)))
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                if let (Expr::Generator(g), 1, 0) = (a, nelts, nkw) {
                    if !g.parenthesized {
                        self.genexp_paren = Some((g.range, self.call_args_range));
                    }
                }
                self.visit_expr(a)?;
            }
            if nkw > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.kwnames_const(keywords, loc);
                self.emit(Opcode::CALL_KW, n + (nelts + nkw) as u32, loc);
            } else {
                self.emit(Opcode::CALL, n + nelts as u32, loc);
            }
            return Ok(());
        }
        // ex_call
        if n == 0 && nelts == 1 {
            if let Expr::Starred(s) = &args[0] {
                self.visit_expr(&s.value)?;
            } else {
                self.starunpack(
                    args,
                    n,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                    loc,
                )?;
            }
        } else {
            self.starunpack(
                args,
                n,
                Opcode::BUILD_LIST,
                Opcode::LIST_APPEND,
                Opcode::LIST_EXTEND,
                true,
                loc,
            )?;
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for i in 0..nkw {
                if keywords[i].arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&keywords[i - nseen..i], loc)?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1, loc);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0, loc);
                        have_dict = true;
                    }
                    self.visit_expr(&keywords[i].value)?;
                    self.emit(Opcode::DICT_MERGE, 1, loc);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&keywords[nkw - nseen..nkw], loc)?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1, loc);
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, u32::from(nkw > 0), loc);
        Ok(())
    }

    fn subkwargs(&mut self, kws: &'a [ast::Keyword], loc: Loc) -> CResult<()> {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in kws {
                self.visit_expr(&k.value)?;
            }
            self.kwnames_const(kws, loc);
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32, loc);
            return Ok(());
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0, Loc::NONE);
        }
        for k in kws {
            let name = k.arg.as_ref().map(|a| a.as_str()).unwrap_or("");
            self.load_const(Constant::Str(name.into()), loc);
            self.visit_expr(&k.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1, Loc::NONE);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32, loc);
        }
        Ok(())
    }

    // ----- f-strings -----

    fn fstring_parts(
        &self,
        elements: &'a ast::InterpolatedStringElements,
        out: &mut Vec<FPart<'a>>,
    ) {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    push_lit(out, &l.value, Some(l.range))
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = i.conversion;
                    if let Some(d) = &i.debug_text {
                        push_lit(
                            out,
                            &format!("{}{}{}", d.leading(), d.expression(), d.trailing()),
                            Some(i.range),
                        );
                        if conv == ast::ConversionFlag::None && i.format_spec.is_none() {
                            conv = ast::ConversionFlag::Repr;
                        }
                    }
                    out.push(FPart::Value(i, conv));
                }
            }
        }
    }

    fn compile_fstring(&mut self, f: &'a ast::ExprFString, loc: Loc) -> CResult<()> {
        let mut parts: Vec<FPart<'a>> = Vec::new();
        for p in f.value.iter() {
            match p {
                ast::FStringPart::Literal(l) => {
                    push_lit(&mut parts, l.value.as_ref(), Some(l.range))
                }
                ast::FStringPart::FString(fs) => self.fstring_parts(&fs.elements, &mut parts),
            }
        }
        self.compile_joined(parts, loc)
    }

    fn compile_joined(&mut self, parts: Vec<FPart<'a>>, loc: Loc) -> CResult<()> {
        let n = parts.len();
        if n > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str("".into()), loc);
            let idx = self.raw_name_index("join");
            self.emit_op(Op::LoadMethod, idx, loc);
            self.emit(Opcode::BUILD_LIST, 0, loc);
            for p in parts {
                self.compile_fpart(p, loc)?;
                self.emit(Opcode::LIST_APPEND, 1, loc);
            }
            self.emit(Opcode::CALL, 1, loc);
        } else {
            for p in parts {
                self.compile_fpart(p, loc)?;
            }
            if n > 1 {
                self.emit(Opcode::BUILD_STRING, n as u32, loc);
            } else if n == 0 {
                self.load_const(Constant::Str("".into()), loc);
            }
        }
        Ok(())
    }

    fn compile_fpart(&mut self, p: FPart<'a>, loc: Loc) -> CResult<()> {
        match p {
            FPart::Lit(s, r) => {
                let l = r.map(|r| self.loc(r)).unwrap_or(loc);
                self.load_const(Constant::Str(s.into()), l)
            }
            FPart::SynthLit(s) => self.load_const(Constant::Str(s.into()), Loc::NONE),
            FPart::Percent { expr, conv, spec } => {
                self.visit_expr(expr)?;
                let vloc = self.loc(expr.range());
                self.emit(Opcode::CONVERT_VALUE, conv, vloc);
                match spec {
                    Some(sp) => {
                        self.load_const(Constant::Str(sp.into()), Loc::NONE);
                        self.emit(Opcode::FORMAT_WITH_SPEC, 0, vloc);
                    }
                    None => self.emit(Opcode::FORMAT_SIMPLE, 0, vloc),
                }
            }
            FPart::Value(i, conv) => {
                self.visit_expr(&i.expression)?;
                let vloc = self.loc(i.range);
                let arg = match conv {
                    ast::ConversionFlag::None => 0,
                    ast::ConversionFlag::Str => ConvertValueKind::STR,
                    ast::ConversionFlag::Repr => ConvertValueKind::REPR,
                    ast::ConversionFlag::Ascii => ConvertValueKind::ASCII,
                };
                if arg != 0 {
                    self.emit(Opcode::CONVERT_VALUE, arg, vloc);
                }
                if let Some(spec) = &i.format_spec {
                    let mut parts = Vec::new();
                    self.fstring_parts(&spec.elements, &mut parts);
                    let sloc = self.loc(spec.range);
                    self.compile_joined(parts, sloc)?;
                    self.emit(Opcode::FORMAT_WITH_SPEC, 0, vloc);
                } else {
                    self.emit(Opcode::FORMAT_SIMPLE, 0, vloc);
                }
            }
        }
        Ok(())
    }

    // ----- comprehensions -----

    fn compile_comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> CResult<()> {
        // A generator expression that is a call's sole argument shares the call's
        // parentheses; CPython's node spans them.
        let loc = match self.genexp_paren.take() {
            Some((inner, outer)) if inner == e.range() => self.loc(outer),
            _ => self.loc(e.range()),
        };
        let Some(outermost) = generators.first() else {
            return Err(self.error("invalid syntax", e.range()));
        };
        if generators.iter().any(|g| g.is_async) {
            return Err(not_supported(
                self.pos,
                "asynchronous comprehensions",
                e.range(),
            ));
        }
        let Some(&entry) = self.table.by_range.get(&range_key(e.range(), 3)) else {
            return Err(self.error("internal error: missing comprehension scope", e.range()));
        };
        let inlined = self.table.entries[entry].comp_inlined;
        if inlined {
            self.visit_iterable(&outermost.iter)?;
            let il = self.loc(outermost.iter.range());
            self.emit(Opcode::GET_ITER, 0, il);
            let state = self.push_inlined_comprehension_state(entry, loc)?;
            let op = match kind {
                CompKind::List => Opcode::BUILD_LIST,
                CompKind::Set => Opcode::BUILD_SET,
                _ => Opcode::BUILD_MAP,
            };
            self.emit(op, 0, loc);
            self.emit(Opcode::SWAP, 2, loc);
            self.comprehension_generator(generators, 0, 0, elt, val, kind, true, loc)?;
            self.pop_inlined_comprehension_state(state, loc)?;
            return Ok(());
        }
        // Generator expression: its own code object.
        let name = match kind {
            CompKind::Gen => "<genexpr>",
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
        };
        self.enter_scope(name, UnitKind::Comprehension, e.range(), loc.line as u32)?;
        self.u().argcount = 1;
        self.push_fblock(FBlockKind::StopIteration, 0, 0);
        if let Err(err) = self.comprehension_generator(generators, 0, 0, elt, val, kind, false, loc)
        {
            self.units.pop();
            return Err(err);
        }
        self.wrap_in_stopiteration_handler();
        self.pop_fblock();
        let code = self.finish_unit(false)?;
        self.make_closure(code, 0, loc)?;
        self.visit_iterable(&outermost.iter)?;
        let il = self.loc(outermost.iter.range());
        self.emit(Opcode::GET_ITER, 0, il);
        self.emit(Opcode::CALL, 0, loc);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
        loc: Loc,
    ) -> CResult<()> {
        let g = &generators[gen_index];
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if !iter_on_stack {
            if gen_index == 0 {
                self.emit(Opcode::LOAD_FAST, 0, loc);
            } else {
                let single = match &g.iter {
                    Expr::List(l) if l.elts.len() == 1 => Some(&l.elts[0]),
                    Expr::Tuple(t) if t.elts.len() == 1 => Some(&t.elts[0]),
                    _ => None,
                };
                match single {
                    Some(x) if !matches!(x, Expr::Starred(_)) => {
                        self.visit_expr(x)?;
                        start = None;
                    }
                    _ => {}
                }
                if start.is_some() {
                    self.visit_iterable(&g.iter)?;
                    let il = self.loc(g.iter.range());
                    self.emit(Opcode::GET_ITER, 0, il);
                }
            }
        }
        if let Some(st) = start {
            depth += 1;
            self.use_label(st);
            let il = self.loc(g.iter.range());
            self.emit_jump(Op::Real(Opcode::FOR_ITER), anchor, il);
        }
        self.visit_expr(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        let mut elt_loc = self.loc(elt.range());
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(
                generators,
                gen_index + 1,
                depth,
                elt,
                val,
                kind,
                false,
                loc,
            )?;
        } else {
            match kind {
                CompKind::Gen => {
                    self.visit_expr(elt)?;
                    self.emit(Opcode::YIELD_VALUE, 0, elt_loc);
                    self.emit(Opcode::RESUME, 1, elt_loc);
                    self.emit(Opcode::POP_TOP, 0, elt_loc);
                }
                CompKind::List => {
                    self.visit_expr(elt)?;
                    self.emit(Opcode::LIST_APPEND, depth + 1, elt_loc);
                }
                CompKind::Set => {
                    self.visit_expr(elt)?;
                    self.emit(Opcode::SET_ADD, depth + 1, elt_loc);
                }
                CompKind::Dict => {
                    self.visit_expr(elt)?;
                    if let Some(v) = val {
                        self.visit_expr(v)?;
                        let vl = self.loc(v.range());
                        elt_loc.end_line = vl.end_line;
                        elt_loc.end_col = vl.end_col;
                    }
                    self.emit(Opcode::MAP_ADD, depth + 1, elt_loc);
                }
            }
        }
        self.use_label(if_cleanup);
        if let Some(st) = start {
            self.emit_jump(Op::Jump, st, elt_loc);
            self.use_label(anchor);
            self.emit(Opcode::END_FOR, 0, Loc::NONE);
            self.emit(Opcode::POP_TOP, 0, Loc::NONE);
        }
        Ok(())
    }

    fn push_inlined_comprehension_state(&mut self, entry: usize, loc: Loc) -> CResult<InlineState> {
        let cur = self.ur().ste;
        let in_class_block =
            self.table.entries[cur].kind == BlockKind::Class && self.ur().in_inlined_comp == 0;
        self.u().in_inlined_comp += 1;
        let mut state = InlineState {
            pushed_locals: Vec::new(),
            temp_symbols: Vec::new(),
            fast_hidden: Vec::new(),
            cleanup: None,
        };
        let symbols = self.table.entries[entry].symbols.clone();
        let function_like = self.table.entries[cur].is_function_like();
        for (k, sym) in symbols {
            let scope = sym.scope;
            let outsc = self.table.entries[cur].scope(&k);
            let outsc = if outsc == Scope::Unknown {
                Scope::Unknown
            } else {
                outsc
            };
            if (scope != outsc
                && scope != Scope::Free
                && !(scope == Scope::Cell && outsc == Scope::Free))
                || in_class_block
            {
                let outflags = self.table.entries[cur].flags(&k);
                state.temp_symbols.push((k.clone(), outsc, outflags));
                // CPython swaps the whole symbol (flags too) in while compiling the
                // comprehension; `is_import_originated` observes the flags.
                self.table.entries[cur].set_symbol(&k, sym.flags, scope);
            }
            let flags = sym.flags;
            if (flags & crate::symtable::DEF_LOCAL != 0
                && flags & crate::symtable::DEF_NONLOCAL == 0)
                || in_class_block
            {
                if !function_like && !self.ur().fasthidden.contains(&k) {
                    self.u().fasthidden.insert(k.clone());
                    state.fast_hidden.push(k.clone());
                }
                let idx = self.varname_index(&k);
                self.emit(Opcode::LOAD_FAST_AND_CLEAR, idx, loc);
                if scope == Scope::Cell {
                    if let Some(d) = self.deref_index(&k) {
                        self.emit(Opcode::MAKE_CELL, d, loc);
                    }
                }
                state.pushed_locals.push(k);
            }
        }
        if !state.pushed_locals.is_empty() {
            self.emit(Opcode::SWAP, state.pushed_locals.len() as u32 + 1, loc);
            let cleanup = self.new_label();
            state.cleanup = Some(cleanup);
            self.emit_jump(Op::SetupFinally, cleanup, loc);
        }
        Ok(state)
    }

    fn restore_inlined_locals(&mut self, state: &InlineState, loc: Loc) {
        let n = state.pushed_locals.len();
        self.emit(Opcode::SWAP, n as u32 + 1, loc);
        for k in state.pushed_locals.iter().rev() {
            let idx = self.varname_index(k);
            self.emit_op(Op::StoreFastMaybeNull, idx, loc);
        }
    }

    fn pop_inlined_comprehension_state(&mut self, state: InlineState, loc: Loc) -> CResult<()> {
        self.u().in_inlined_comp -= 1;
        let cur = self.ur().ste;
        for (k, outsc, outflags) in state.temp_symbols.iter().rev() {
            self.table.entries[cur].set_symbol(k, *outflags, *outsc);
        }
        if let Some(cleanup) = state.cleanup {
            let end = self.new_label();
            self.emit_op(Op::PopBlock, 0, Loc::NONE);
            self.emit_jump(Op::Jump, end, Loc::NONE);
            self.use_label(cleanup);
            self.emit(Opcode::SWAP, 2, Loc::NONE);
            self.emit(Opcode::POP_TOP, 0, Loc::NONE);
            self.restore_inlined_locals(&state, loc);
            self.emit(Opcode::RERAISE, 0, Loc::NONE);
            self.use_label(end);
            self.restore_inlined_locals(&state, loc);
        }
        for k in &state.fast_hidden {
            self.u().fasthidden.remove(k);
        }
        Ok(())
    }
}

struct InlineState {
    pushed_locals: Vec<String>,
    temp_symbols: Vec<(String, Scope, u32)>,
    fast_hidden: Vec<String>,
    cleanup: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

enum FPart<'a> {
    Lit(String, Option<TextRange>),
    /// A literal synthesized by the `%`-format rewrite (no location, as in CPython).
    SynthLit(String),
    /// `%s`/`%r`/`%a` of a `%`-format rewritten into an f-string.
    Percent {
        expr: &'a Expr,
        conv: u32,
        spec: Option<String>,
    },
    Value(&'a ast::InterpolatedElement, ast::ConversionFlag),
}

fn push_lit(out: &mut Vec<FPart<'_>>, s: &str, range: Option<TextRange>) {
    if s.is_empty() {
        return;
    }
    if let Some(FPart::Lit(prev, prev_range)) = out.last_mut() {
        prev.push_str(s);
        if let (Some(p), Some(r)) = (prev_range.as_mut(), range) {
            *p = TextRange::new(p.start(), r.end());
        }
        return;
    }
    out.push(FPart::Lit(s.to_string(), range));
}

/// CPython's `optimize_format` (ast_opt.c): `'...%s...' % (a, b)` with only `%s`, `%r`,
/// `%a` units becomes an f-string.
fn percent_format(b: &ast::ExprBinOp) -> Option<Vec<FPart<'_>>> {
    if b.op != Operator::Mod {
        return None;
    }
    let Some(Constant::Str(fmt)) = fold_expr(&b.left) else {
        return None;
    };
    let Expr::Tuple(t) = &*b.right else {
        return None;
    };
    if t.elts.iter().any(|x| matches!(x, Expr::Starred(_))) {
        return None;
    }
    if fold_expr(&b.right).is_some() {
        return None;
    }
    let chars: Vec<char> = fmt.chars().collect();
    let n = chars.len();
    let mut pos = 0usize;
    let mut cnt = 0usize;
    let mut out = Vec::new();
    loop {
        // parse_literal
        let start = pos;
        let mut lit = String::new();
        while pos < n {
            if chars[pos] != '%' {
                lit.push(chars[pos]);
                pos += 1;
            } else if pos + 1 < n && chars[pos + 1] == '%' {
                lit.push('%');
                pos += 2;
            } else {
                break;
            }
        }
        if pos != start {
            out.push(FPart::SynthLit(lit));
        }
        if pos >= n {
            break;
        }
        if cnt >= t.elts.len() {
            return None;
        }
        pos += 1; // the '%'
                  // simple_format_arg_parse
        let next = |pos: &mut usize| -> Option<char> {
            let c = chars.get(*pos).copied();
            *pos += 1;
            c
        };
        let mut ch = next(&mut pos)?;
        let mut ljust = false;
        while matches!(ch, '-' | '+' | ' ' | '#' | '0') {
            if ch == '-' {
                ljust = true;
            }
            ch = next(&mut pos)?;
        }
        let mut width: i64 = -1;
        if ch.is_ascii_digit() {
            width = 0;
            let mut digits = 0;
            while ch.is_ascii_digit() {
                width = width * 10 + (ch as i64 - '0' as i64);
                ch = next(&mut pos)?;
                digits += 1;
                if digits >= 3 {
                    return None;
                }
            }
        }
        let mut prec: i64 = -1;
        if ch == '.' {
            ch = next(&mut pos)?;
            prec = 0;
            if ch.is_ascii_digit() {
                let mut digits = 0;
                while ch.is_ascii_digit() {
                    prec = prec * 10 + (ch as i64 - '0' as i64);
                    ch = next(&mut pos)?;
                    digits += 1;
                    if digits >= 3 {
                        return None;
                    }
                }
            }
        }
        let conv = match ch {
            's' => ConvertValueKind::STR,
            'r' => ConvertValueKind::REPR,
            'a' => ConvertValueKind::ASCII,
            _ => return None,
        };
        let mut spec = String::new();
        if !ljust && width > 0 {
            spec.push('>');
        }
        if width >= 0 {
            spec.push_str(&width.to_string());
        }
        if prec >= 0 {
            spec.push_str(&format!(".{prec}"));
        }
        out.push(FPart::Percent {
            expr: &t.elts[cnt],
            conv,
            spec: if spec.is_empty() { None } else { Some(spec) },
        });
        cnt += 1;
    }
    if cnt < t.elts.len() {
        return None;
    }
    Some(out)
}

/// CPython's AST optimizer rewrites `not (a in b)` as `a not in b` (and `is`/`is not`
/// likewise); returns the comparison and the inverted operator.
fn negated_compare(e: &Expr) -> Option<(&ast::ExprCompare, CmpOp)> {
    let Expr::UnaryOp(u) = e else {
        return None;
    };
    if u.op != UnaryOp::Not {
        return None;
    }
    let Expr::Compare(c) = &*u.operand else {
        return None;
    };
    if c.ops.len() != 1 || c.comparators.len() != 1 {
        return None;
    }
    let inverted = match c.ops[0] {
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        _ => return None,
    };
    Some((c, inverted))
}
