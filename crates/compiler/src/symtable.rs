//! Symbol tables: CPython 3.13's `symtable.c` for the constructs this compiler handles.
//!
//! Owns: one [`ScopeEntry`] per module, function, lambda, class body and comprehension;
//! the flags each name collects while walking the AST, and the analysis that resolves
//! every name to local / global-explicit / global-implicit / free / cell, including PEP 709
//! comprehension inlining. Raises the scope errors CPython raises here (`global` after use,
//! `nonlocal` without binding, duplicate parameters, …).
//!
//! Must never: emit instructions or decide anything about code layout.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::error::{CompileError, CompileErrorKind, Positions};

pub(crate) const DEF_GLOBAL: u32 = 1;
pub(crate) const DEF_LOCAL: u32 = 2;
pub(crate) const DEF_PARAM: u32 = 4;
pub(crate) const DEF_NONLOCAL: u32 = 8;
pub(crate) const USE: u32 = 16;
pub(crate) const DEF_FREE_CLASS: u32 = 64;
pub(crate) const DEF_IMPORT: u32 = 128;
pub(crate) const DEF_ANNOT: u32 = 256;
pub(crate) const DEF_COMP_ITER: u32 = 512;
pub(crate) const DEF_COMP_CELL: u32 = 2048;
pub(crate) const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Module,
    Function,
    Class,
}

#[derive(Clone, Debug)]
pub(crate) struct Symbol {
    pub flags: u32,
    pub scope: Scope,
}

#[derive(Clone, Debug)]
pub(crate) struct ScopeEntry {
    pub kind: BlockKind,
    /// The scope's name (for debugging; code objects take theirs from the AST).
    #[allow(dead_code)]
    pub name: String,
    pub symbols: Vec<(String, Symbol)>,
    index: HashMap<String, usize>,
    pub children: Vec<usize>,
    /// Parameter names in order.
    pub varnames: Vec<String>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub is_comprehension: bool,
    pub is_genexp: bool,
    pub comp_inlined: bool,
    pub is_lambda: bool,
    pub nested: bool,
    pub needs_class_closure: bool,
    pub has_free: bool,
    pub range: TextRange,
    comp_iter_target: bool,
    /// (name, location) of `global`/`nonlocal` directives, for error reporting.
    directives: Vec<(String, TextRange)>,
}

impl ScopeEntry {
    fn new(kind: BlockKind, name: &str, range: TextRange) -> Self {
        ScopeEntry {
            kind,
            name: name.to_string(),
            symbols: Vec::new(),
            index: HashMap::new(),
            children: Vec::new(),
            varnames: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_comprehension: false,
            is_genexp: false,
            comp_inlined: false,
            is_lambda: false,
            nested: false,
            needs_class_closure: false,
            has_free: false,
            range,
            comp_iter_target: false,
            directives: Vec::new(),
        }
    }

    pub(crate) fn flags(&self, name: &str) -> u32 {
        self.index
            .get(name)
            .map(|&i| self.symbols[i].1.flags)
            .unwrap_or(0)
    }

    pub(crate) fn scope(&self, name: &str) -> Scope {
        self.index
            .get(name)
            .map(|&i| self.symbols[i].1.scope)
            .unwrap_or(Scope::Unknown)
    }

    pub(crate) fn set_symbol(&mut self, name: &str, flags: u32, scope: Scope) {
        if let Some(&i) = self.index.get(name) {
            self.symbols[i].1 = Symbol { flags, scope };
        } else {
            self.index.insert(name.to_string(), self.symbols.len());
            self.symbols
                .push((name.to_string(), Symbol { flags, scope }));
        }
    }

    pub(crate) fn is_function_like(&self) -> bool {
        self.kind == BlockKind::Function
    }

    fn add_flag(&mut self, name: &str, flag: u32) -> u32 {
        if let Some(&i) = self.index.get(name) {
            let old = self.symbols[i].1.flags;
            self.symbols[i].1.flags |= flag;
            old
        } else {
            self.index.insert(name.to_string(), self.symbols.len());
            self.symbols.push((
                name.to_string(),
                Symbol {
                    flags: flag,
                    scope: Scope::Unknown,
                },
            ));
            0
        }
    }
}

pub(crate) struct SymbolTable {
    pub entries: Vec<ScopeEntry>,
    /// AST node range → entry index (functions, lambdas, classes, comprehensions).
    /// Keyed by (start, end, kind) — kind 0 function, 1 class, 2 lambda, 3 comprehension —
    /// because a node's range alone can coincide with another's (or the module's).
    pub by_range: HashMap<(u32, u32, u8), usize>,
}

pub(crate) fn range_key(r: TextRange, kind: u8) -> (u32, u32, u8) {
    (r.start().to_u32(), r.end().to_u32(), kind)
}

/// CPython's private name mangling.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

struct Builder<'a> {
    table: SymbolTable,
    stack: Vec<usize>,
    private: Vec<Option<String>>,
    pos: &'a Positions<'a>,
}

type SResult<T> = Result<T, CompileError>;

impl<'a> Builder<'a> {
    fn cur(&mut self) -> &mut ScopeEntry {
        let i = *self.stack.last().unwrap_or(&0);
        &mut self.table.entries[i]
    }

    fn err(&self, msg: String, range: TextRange) -> CompileError {
        self.pos.error(CompileErrorKind::SyntaxError, msg, range)
    }

    fn private(&self) -> Option<&str> {
        self.private.last().and_then(|p| p.as_deref())
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> SResult<()> {
        let mangled = mangle(self.private(), name);
        let idx = *self.stack.last().unwrap_or(&0);
        self.add_def_in(idx, &mangled, flag, range)
    }

    fn add_def_in(
        &mut self,
        idx: usize,
        mangled: &str,
        flag: u32,
        range: TextRange,
    ) -> SResult<()> {
        let comp_target = self.table.entries[idx].comp_iter_target;
        let flag = if comp_target && flag & DEF_LOCAL != 0 {
            flag | DEF_COMP_ITER
        } else {
            flag
        };
        let old = self.table.entries[idx].flags(mangled);
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(self.err(
                format!("duplicate argument '{mangled}' in function definition"),
                range,
            ));
        }
        self.table.entries[idx].add_flag(mangled, flag);
        if flag & DEF_PARAM != 0 {
            self.table.entries[idx].varnames.push(mangled.to_string());
        }
        Ok(())
    }

    fn enter(&mut self, kind: BlockKind, name: &str, range: TextRange) -> usize {
        let idx = self.table.entries.len();
        let mut e = ScopeEntry::new(kind, name, range);
        if let Some(&parent) = self.stack.last() {
            let p = &self.table.entries[parent];
            e.nested = p.nested || p.kind == BlockKind::Function;
            self.table.entries[parent].children.push(idx);
        }
        self.table.entries.push(e);
        self.stack.push(idx);
        idx
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    /// A `case` pattern: captures are local definitions; values and class names are
    /// expressions (CPython's `symtable_visit_pattern`).
    fn visit_pattern(&mut self, p: &ast::Pattern) -> SResult<()> {
        match p {
            ast::Pattern::MatchValue(v) => self.visit_expr(&v.value)?,
            ast::Pattern::MatchSingleton(_) => {}
            ast::Pattern::MatchSequence(s) => {
                for item in &s.patterns {
                    self.visit_pattern(item)?;
                }
            }
            ast::Pattern::MatchStar(s) => {
                if let Some(name) = &s.name {
                    self.add_def(name.as_str(), DEF_LOCAL, name.range)?;
                }
            }
            ast::Pattern::MatchAs(a) => {
                if let Some(inner) = &a.pattern {
                    self.visit_pattern(inner)?;
                }
                if let Some(name) = &a.name {
                    self.add_def(name.as_str(), DEF_LOCAL, name.range)?;
                }
            }
            ast::Pattern::MatchOr(o) => {
                for item in &o.patterns {
                    self.visit_pattern(item)?;
                }
            }
            ast::Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                for item in &c.arguments.patterns {
                    self.visit_pattern(item)?;
                }
                for keyword in &c.arguments.keywords {
                    self.visit_pattern(&keyword.pattern)?;
                }
            }
            ast::Pattern::MatchMapping(m) => {
                for key in &m.keys {
                    self.visit_expr(key)?;
                }
                for item in &m.patterns {
                    self.visit_pattern(item)?;
                }
                if let Some(rest) = &m.rest {
                    self.add_def(rest.as_str(), DEF_LOCAL, rest.range)?;
                }
            }
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> SResult<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_params_defaults(&mut self, p: &ast::Parameters) -> SResult<()> {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn visit_annotations(&mut self, p: &ast::Parameters, returns: Option<&Expr>) -> SResult<()> {
        for a in p.iter() {
            if let Some(ann) = a.annotation() {
                self.visit_expr(ann)?;
            }
        }
        if let Some(r) = returns {
            self.visit_expr(r)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, p: &ast::Parameters) -> SResult<()> {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            self.add_def(a.parameter.name.as_str(), DEF_PARAM, a.parameter.range)?;
        }
        for a in p.kwonlyargs.iter() {
            self.add_def(a.parameter.name.as_str(), DEF_PARAM, a.parameter.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(v.name.as_str(), DEF_PARAM, v.range)?;
        }
        if let Some(v) = &p.kwarg {
            self.add_def(v.name.as_str(), DEF_PARAM, v.range)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> SResult<()> {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(f.name.as_str(), DEF_LOCAL, f.name.range)?;
                self.visit_params_defaults(&f.parameters)?;
                self.visit_annotations(&f.parameters, f.returns.as_deref())?;
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                let idx = self.enter(BlockKind::Function, f.name.as_str(), f.range);
                self.table.by_range.insert(range_key(f.range, 0), idx);
                if f.is_async {
                    self.cur().is_coroutine = true;
                }
                self.visit_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.exit();
            }
            Stmt::ClassDef(c) => {
                self.add_def(c.name.as_str(), DEF_LOCAL, c.name.range)?;
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.visit_expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.visit_expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                let idx = self.enter(BlockKind::Class, c.name.as_str(), c.range);
                self.table.by_range.insert(range_key(c.range, 1), idx);
                self.private.push(Some(c.name.to_string()));
                self.visit_body(&c.body)?;
                self.private.pop();
                self.exit();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.visit_expr(t)?;
                }
                self.visit_expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let cur = mangle(self.private(), n.id.as_str());
                    let flags = self.cur().flags(&cur);
                    let at_module = self.cur().kind == BlockKind::Module;
                    if flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && a.simple && !at_module {
                        let which = if flags & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(self.err(
                            format!("annotated name '{}' can't be {which}", n.id),
                            a.range,
                        ));
                    }
                    if a.simple {
                        self.add_def(n.id.as_str(), DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(n.id.as_str(), DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.visit_expr(&a.target)?;
                }
                self.visit_expr(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)?;
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(guard) = &case.guard {
                        self.visit_expr(guard)?;
                    }
                    self.visit_body(&case.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.visit_expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body)?;
                self.visit_body(&t.orelse)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n.as_str(), DEF_LOCAL, n.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let stored = match &alias.asname {
                        Some(a) => a.to_string(),
                        None => alias.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.add_def(&stored, DEF_IMPORT, alias.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    if alias.name.as_str() == "*" {
                        if self.cur().kind != BlockKind::Module {
                            return Err(
                                self.err("import * only allowed at module level".into(), i.range)
                            );
                        }
                        continue;
                    }
                    let stored = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                    self.add_def(&stored, DEF_IMPORT, alias.range)?;
                }
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    let mangled = mangle(self.private(), name.as_str());
                    let cur = self.cur().flags(&mangled);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to global declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("name '{name}' is assigned to before global declaration")
                        };
                        return Err(self.err(msg, g.range));
                    }
                    self.add_def(name.as_str(), DEF_GLOBAL, g.range)?;
                    // CPython also records the name as global in the module's table
                    // (`st_global`), which makes module-level stores STORE_GLOBAL.
                    self.table.entries[0].add_flag(&mangled, DEF_GLOBAL);
                    self.cur().directives.push((mangled, g.range));
                }
            }
            Stmt::Nonlocal(g) => {
                if self.cur().kind == BlockKind::Module {
                    return Err(self.err(
                        "nonlocal declaration not allowed at module level".into(),
                        g.range,
                    ));
                }
                for name in &g.names {
                    let mangled = mangle(self.private(), name.as_str());
                    let cur = self.cur().flags(&mangled);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to nonlocal declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be nonlocal")
                        } else {
                            format!("name '{name}' is assigned to before nonlocal declaration")
                        };
                        return Err(self.err(msg, g.range));
                    }
                    self.add_def(name.as_str(), DEF_NONLOCAL, g.range)?;
                    self.cur().directives.push((mangled, g.range));
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::TypeAlias(_)
            | Stmt::Pass(_)
            | Stmt::Break(_)
            | Stmt::Continue(_)
            | Stmt::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    fn visit_comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        is_genexp: bool,
    ) -> SResult<()> {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        self.visit_expr(&outermost.iter)?;
        let idx = self.enter(BlockKind::Function, name, e.range());
        self.table.by_range.insert(range_key(e.range(), 3), idx);
        {
            let cur = self.cur();
            cur.is_comprehension = true;
            cur.is_genexp = is_genexp;
            if is_genexp {
                cur.is_generator = true;
            }
            if outermost.is_async {
                cur.is_coroutine = true;
            }
        }
        self.add_def_in(idx, ".0", DEF_PARAM, e.range())?;
        self.cur().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur().comp_iter_target = false;
        for i in &outermost.ifs {
            self.visit_expr(i)?;
        }
        for g in generators.iter().skip(1) {
            self.cur().comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.cur().comp_iter_target = false;
            self.visit_expr(&g.iter)?;
            for i in &g.ifs {
                self.visit_expr(i)?;
            }
            if g.is_async {
                self.cur().is_coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        self.exit();
        Ok(())
    }

    fn extend_namedexpr_scope(&mut self, name: &str, range: TextRange) -> SResult<()> {
        for k in (0..self.stack.len()).rev() {
            let idx = self.stack[k];
            let ent = &self.table.entries[idx];
            if ent.is_comprehension {
                if ent.flags(name) & DEF_COMP_ITER != 0 {
                    return Err(self.err(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        ),
                        range,
                    ));
                }
                continue;
            }
            match ent.kind {
                BlockKind::Function => {
                    let in_scope = ent.flags(name);
                    let cur = *self.stack.last().unwrap_or(&0);
                    if in_scope & DEF_GLOBAL != 0 {
                        self.add_def_in(cur, name, DEF_GLOBAL, range)?;
                        self.table.entries[0].add_flag(name, DEF_GLOBAL);
                    } else {
                        self.add_def_in(cur, name, DEF_NONLOCAL, range)?;
                    }
                    return self.add_def_in(idx, name, DEF_LOCAL, range);
                }
                BlockKind::Module => {
                    let cur = *self.stack.last().unwrap_or(&0);
                    self.add_def_in(cur, name, DEF_GLOBAL, range)?;
                    return self.add_def_in(idx, name, DEF_GLOBAL, range);
                }
                BlockKind::Class => {
                    return Err(self.err(
                        "assignment expression within a comprehension cannot be used in a class body".into(),
                        range,
                    ));
                }
            }
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> SResult<()> {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.visit_expr(v)?;
                }
            }
            Expr::Named(n) => {
                self.visit_expr(&n.value)?;
                if let Expr::Name(t) = &*n.target {
                    if self.cur().is_comprehension {
                        self.extend_namedexpr_scope(t.id.as_str(), t.range)?;
                    } else {
                        self.add_def(t.id.as_str(), DEF_LOCAL, t.range)?;
                    }
                } else {
                    self.visit_expr(&n.target)?;
                }
            }
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_params_defaults(p)?;
                }
                let idx = self.enter(BlockKind::Function, "lambda", l.range);
                self.table.by_range.insert(range_key(l.range, 2), idx);
                self.cur().is_lambda = true;
                if let Some(p) = &l.parameters {
                    self.visit_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.exit();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => {
                for x in &s.elts {
                    self.visit_expr(x)?;
                }
            }
            Expr::ListComp(c) => {
                self.visit_comprehension(e, "listcomp", &c.generators, &c.elt, None, false)?
            }
            Expr::SetComp(c) => {
                self.visit_comprehension(e, "setcomp", &c.generators, &c.elt, None, false)?
            }
            Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Ok(());
                };
                self.visit_comprehension(e, "dictcomp", &c.generators, key, Some(&c.value), false)?
            }
            Expr::Generator(c) => {
                self.visit_comprehension(e, "genexpr", &c.generators, &c.elt, None, true)?
            }
            Expr::Await(a) => {
                self.cur().is_coroutine = true;
                self.visit_expr(&a.value)?;
            }
            Expr::Yield(y) => {
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
                self.cur().is_generator = true;
            }
            Expr::YieldFrom(y) => {
                self.visit_expr(&y.value)?;
                self.cur().is_generator = true;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                for x in c.comparators.iter() {
                    self.visit_expr(x)?;
                }
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                for a in c.arguments.args.iter() {
                    self.visit_expr(a)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.visit_expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.visit_fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::TString(_) => {}
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Name(n) => {
                let id = n.id.as_str();
                match n.ctx {
                    ast::ExprContext::Load => {
                        self.add_def(id, USE, n.range)?;
                        if id == "super" && self.cur().kind == BlockKind::Function {
                            self.add_def("__class__", USE, n.range)?;
                        }
                    }
                    ast::ExprContext::Store | ast::ExprContext::Del => {
                        self.add_def(id, DEF_LOCAL, n.range)?
                    }
                    ast::ExprContext::Invalid => {}
                }
                if id == "__class__" && n.ctx == ast::ExprContext::Load {
                    // plain use already recorded
                }
            }
            Expr::List(l) => {
                for x in &l.elts {
                    self.visit_expr(x)?;
                }
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.visit_expr(x)?;
                }
            }
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(x)?;
                }
            }
        }
        Ok(())
    }

    fn visit_fstring_elements(
        &mut self,
        elements: &ast::InterpolatedStringElements,
    ) -> SResult<()> {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.visit_expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.visit_fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }
}

/// Builds and analyzes the symbol table of a module.
pub(crate) fn build(body: &[Stmt], pos: &Positions<'_>, range: TextRange) -> SResult<SymbolTable> {
    let mut b = Builder {
        table: SymbolTable {
            entries: Vec::new(),
            by_range: HashMap::new(),
        },
        stack: Vec::new(),
        private: vec![None],
        pos,
    };
    b.enter(BlockKind::Module, "top", range);
    b.visit_body(body)?;
    let mut table = b.table;
    let mut free = HashSet::new();
    analyze_block(&mut table, 0, None, &mut free, &mut HashSet::new(), pos)?;
    Ok(table)
}

fn analyze_block(
    t: &mut SymbolTable,
    idx: usize,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
    pos: &Positions<'_>,
) -> SResult<()> {
    let mut local: HashSet<String> = HashSet::new();
    let mut scopes: HashMap<String, Scope> = HashMap::new();
    let mut newglobal: HashSet<String> = HashSet::new();
    let mut newfree: HashSet<String> = HashSet::new();
    let mut newbound: HashSet<String> = HashSet::new();
    let kind = t.entries[idx].kind;
    if kind == BlockKind::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }
    let symbols: Vec<(String, u32)> = t.entries[idx]
        .symbols
        .iter()
        .map(|(n, s)| (n.clone(), s.flags))
        .collect();
    let mut bound_local: Option<HashSet<String>> = bound.cloned();
    for (name, flags) in &symbols {
        let scope = if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                let r = directive_range(&t.entries[idx], name);
                return Err(pos.error(
                    CompileErrorKind::SyntaxError,
                    format!("name '{name}' is nonlocal and global"),
                    r,
                ));
            }
            global.insert(name.clone());
            if let Some(b) = bound_local.as_mut() {
                b.remove(name);
            }
            Scope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            let ok = bound.is_some_and(|b| b.contains(name));
            if !ok {
                let r = directive_range(&t.entries[idx], name);
                let msg = if bound.is_none() {
                    "nonlocal declaration not allowed at module level".to_string()
                } else {
                    format!("no binding for nonlocal '{name}' found")
                };
                return Err(pos.error(CompileErrorKind::SyntaxError, msg, r));
            }
            t.entries[idx].has_free = true;
            free.insert(name.clone());
            Scope::Free
        } else if flags & DEF_BOUND != 0 {
            local.insert(name.clone());
            global.remove(name);
            Scope::Local
        } else if bound.is_some_and(|b| b.contains(name)) {
            t.entries[idx].has_free = true;
            free.insert(name.clone());
            Scope::Free
        } else {
            if t.entries[idx].nested {
                t.entries[idx].has_free = true;
            }
            Scope::GlobalImplicit
        };
        scopes.insert(name.clone(), scope);
    }
    if kind != BlockKind::Class {
        if kind == BlockKind::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }
    let mut allfree: HashSet<String> = HashSet::new();
    let mut inlined_cells: HashSet<String> = HashSet::new();
    let children = t.entries[idx].children.clone();
    for child in children {
        let mut temp_bound = newbound.clone();
        let mut temp_free = newfree.clone();
        let mut temp_global = newglobal.clone();
        let _ = &mut temp_bound;
        analyze_block(
            t,
            child,
            Some(&temp_bound),
            &mut temp_free,
            &mut temp_global,
            pos,
        )?;
        let c = &t.entries[child];
        let inline = c.is_comprehension && !c.is_genexp;
        if inline {
            inline_comprehension(
                t,
                idx,
                child,
                &mut scopes,
                &mut temp_free,
                &mut inlined_cells,
            );
            t.entries[child].comp_inlined = true;
            // As CPython: an inlined comprehension's children become the parent's.
            let grandchildren = t.entries[child].children.clone();
            let kids = &mut t.entries[idx].children;
            if let Some(pos) = kids.iter().position(|&c| c == child) {
                kids.splice(pos..pos + 1, grandchildren);
            }
        }
        allfree.extend(temp_free);
    }
    newfree.extend(allfree);
    if kind == BlockKind::Function {
        // analyze_cells
        for (name, sc) in scopes.iter_mut() {
            if *sc != Scope::Local {
                continue;
            }
            if !newfree.contains(name) && !inlined_cells.contains(name) {
                continue;
            }
            *sc = Scope::Cell;
            newfree.remove(name);
        }
    } else if kind == BlockKind::Class && newfree.remove("__class__") {
        t.entries[idx].needs_class_closure = true;
    }
    // update_symbols
    let entry = &mut t.entries[idx];
    for (name, sym) in entry.symbols.iter_mut() {
        if inlined_cells.contains(name) {
            sym.flags |= DEF_COMP_CELL;
        }
        sym.scope = scopes.get(name).copied().unwrap_or(Scope::Unknown);
    }
    let mut freelist: Vec<&String> = newfree.iter().collect();
    freelist.sort();
    for name in freelist {
        if let Some(&i) = entry.index.get(name.as_str()) {
            if kind == BlockKind::Class {
                entry.symbols[i].1.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if let Some(b) = bound {
            if !b.contains(name) {
                continue;
            }
        }
        entry.index.insert(name.clone(), entry.symbols.len());
        entry.symbols.push((
            name.clone(),
            Symbol {
                flags: 0,
                scope: Scope::Free,
            },
        ));
    }
    free.extend(newfree);
    Ok(())
}

fn directive_range(e: &ScopeEntry, name: &str) -> TextRange {
    e.directives
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, r)| *r)
        .unwrap_or(e.range)
}

fn is_free_in_any_child(t: &SymbolTable, entry: usize, name: &str) -> bool {
    for &c in &t.entries[entry].children {
        if t.entries[c].scope(name) == Scope::Free {
            return true;
        }
    }
    false
}

fn inline_comprehension(
    t: &mut SymbolTable,
    ste: usize,
    comp: usize,
    scopes: &mut HashMap<String, Scope>,
    comp_free: &mut HashSet<String>,
    inlined_cells: &mut HashSet<String>,
) {
    let symbols: Vec<(String, Symbol)> = t.entries[comp].symbols.clone();
    for (k, sym) in symbols {
        if sym.flags & DEF_PARAM != 0 {
            continue;
        }
        let mut scope = sym.scope;
        if scope == Scope::Cell || sym.flags & DEF_COMP_CELL != 0 {
            inlined_cells.insert(k.clone());
        }
        let existing = t.entries[ste].index.get(&k).copied();
        match existing {
            None => {
                if scope == Scope::Free
                    && t.entries[ste].kind == BlockKind::Class
                    && k == "__class__"
                {
                    scope = Scope::GlobalImplicit;
                    comp_free.remove(&k);
                }
                let e = &mut t.entries[ste];
                e.index.insert(k.clone(), e.symbols.len());
                e.symbols.push((
                    k.clone(),
                    Symbol {
                        flags: sym.flags,
                        scope: Scope::Unknown,
                    },
                ));
                scopes.insert(k.clone(), scope);
            }
            Some(i) => {
                let flags = t.entries[ste].symbols[i].1.flags;
                if flags & DEF_BOUND != 0
                    && !is_free_in_any_child(t, comp, &k)
                    && t.entries[ste].kind != BlockKind::Class
                {
                    comp_free.remove(&k);
                }
            }
        }
    }
}
