//! Unit tests: scoping, constant folding, compile-time errors (message, line, offset).

use cpjit_bytecode::{CodeObject, Constant, Opcode};

use crate::{compile_module, CompileErrorKind};

fn compile(src: &str) -> std::sync::Arc<CodeObject> {
    match compile_module(src, "t.py") {
        Ok(c) => c,
        Err(e) => panic!("unexpected error: {e:?}"),
    }
}

fn function<'a>(code: &'a CodeObject, name: &str) -> &'a CodeObject {
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            if &*inner.name == name {
                return inner;
            }
            if let Some(found) = find(inner, name) {
                return found;
            }
        }
    }
    panic!("no code object {name}");
}

fn find<'a>(code: &'a CodeObject, name: &str) -> Option<&'a CodeObject> {
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            if &*inner.name == name {
                return Some(inner);
            }
            if let Some(f) = find(inner, name) {
                return Some(f);
            }
        }
    }
    None
}

fn ops(code: &CodeObject) -> Vec<&'static str> {
    code.instructions.iter().map(|i| i.opcode.name()).collect()
}

fn error(src: &str) -> (CompileErrorKind, String, u32, u32) {
    match compile_module(src, "t.py") {
        Ok(_) => panic!("expected an error for {src:?}"),
        Err(e) => (e.kind, e.message, e.line, e.offset),
    }
}

#[test]
fn article_function_bytecode() {
    let m = compile("def func():\n    a = 1\n    return a\n");
    let f = function(&m, "func");
    assert_eq!(
        ops(f),
        [
            "RESUME",
            "LOAD_CONST",
            "STORE_FAST",
            "LOAD_FAST",
            "RETURN_VALUE"
        ]
    );
    assert_eq!(f.constants[1], Constant::Int(1));
    assert_eq!(f.stack_size, 1);
    assert_eq!(f.locations.len(), f.instructions.len());
}

#[test]
fn scopes_local_global_free_cell() {
    let m = compile(
        "g = 1\ndef outer(p):\n    c = 2\n    def inner():\n        return c + g + p\n    return inner\n",
    );
    let outer = function(&m, "outer");
    let cells: Vec<&str> = outer.cellvars.iter().map(|s| &**s).collect();
    // Localsplus order, as CPython's co_cellvars: the parameter cell first.
    assert_eq!(cells, ["p", "c"]);
    assert_eq!(outer.instructions[0].opcode, Opcode::MAKE_CELL);
    let inner = function(&m, "inner");
    let free: Vec<&str> = inner.freevars.iter().map(|s| &**s).collect();
    assert_eq!(free, ["c", "p"]);
    assert!(inner
        .instructions
        .iter()
        .any(|i| i.opcode == Opcode::LOAD_GLOBAL));
    assert_eq!(inner.instructions[0].opcode, Opcode::COPY_FREE_VARS);
    // Module level uses *_NAME.
    assert!(m
        .instructions
        .iter()
        .any(|i| i.opcode == Opcode::STORE_NAME));
}

#[test]
fn global_and_nonlocal_declarations() {
    let m = compile("def f():\n    global x\n    x = 1\ndef g():\n    y = 0\n    def h():\n        nonlocal y\n        y = 2\n    return h\n");
    assert!(function(&m, "f")
        .instructions
        .iter()
        .any(|i| i.opcode == Opcode::STORE_GLOBAL));
    assert!(function(&m, "h")
        .instructions
        .iter()
        .any(|i| i.opcode == Opcode::STORE_DEREF));
}

#[test]
fn maybe_unbound_locals_use_load_fast_check() {
    let m = compile("def f(c):\n    if c:\n        x = 1\n    return x\n");
    assert!(ops(function(&m, "f")).contains(&"LOAD_FAST_CHECK"));
    let m = compile("def f(c):\n    x = 1\n    return x\n");
    assert!(!ops(function(&m, "f")).contains(&"LOAD_FAST_CHECK"));
}

#[test]
fn constant_folding() {
    let m = compile("x = -5 ** 2 + 3 * 4\ny = (1, (2, 'a'))\nz = 'ab' * 3\nw = 2 ** 200\n");
    assert!(m.constants.contains(&Constant::Int(-13)));
    assert!(m
        .constants
        .iter()
        .any(|c| matches!(c, Constant::Tuple(t) if t.len() == 2)));
    assert!(m.constants.contains(&Constant::Str("ababab".into())));
    // 2 ** 200 is over CPython's 128-bit folding limit: it stays an operation.
    assert!(m
        .instructions
        .iter()
        .any(|i| i.opcode == Opcode::BINARY_OP && i.arg == 8));
}

#[test]
fn in_list_becomes_tuple_constant() {
    let m = compile("r = x in [1, 2, 3]\nfor i in [4, 5]: pass\n");
    assert!(m
        .constants
        .iter()
        .any(|c| matches!(c, Constant::Tuple(t) if t.len() == 3)));
    assert!(m
        .constants
        .iter()
        .any(|c| matches!(c, Constant::Tuple(t) if t.len() == 2)));
}

#[test]
fn division_by_zero_is_not_folded() {
    let m = compile("x = 1 / 0\n");
    assert!(m.instructions.iter().any(|i| i.opcode == Opcode::BINARY_OP));
}

#[test]
fn errors_outside_function_and_loop() {
    use CompileErrorKind::SyntaxError;
    assert_eq!(
        error("return 1\n"),
        (SyntaxError, "'return' outside function".into(), 1, 1)
    );
    assert_eq!(
        error("def f():\n    pass\nyield 2\n"),
        (SyntaxError, "'yield' outside function".into(), 3, 1)
    );
    assert_eq!(
        error("x = 1\nbreak\n"),
        (SyntaxError, "'break' outside loop".into(), 2, 1)
    );
    assert_eq!(
        error("for x in y:\n    pass\ncontinue\n"),
        (SyntaxError, "'continue' not properly in loop".into(), 3, 1)
    );
    assert_eq!(
        error("await x\n"),
        (SyntaxError, "'await' outside function".into(), 1, 1)
    );
}

#[test]
fn symbol_table_errors() {
    use CompileErrorKind::SyntaxError;
    assert_eq!(
        error("def f(a, a): pass\n"),
        (
            SyntaxError,
            "duplicate argument 'a' in function definition".into(),
            1,
            10
        )
    );
    assert_eq!(
        error("def f():\n    print(x)\n    global x\n"),
        (
            SyntaxError,
            "name 'x' is used prior to global declaration".into(),
            3,
            5
        )
    );
    assert_eq!(
        error("def f(x):\n    global x\n"),
        (SyntaxError, "name 'x' is parameter and global".into(), 2, 5)
    );
    assert_eq!(
        error("nonlocal x\n"),
        (
            SyntaxError,
            "nonlocal declaration not allowed at module level".into(),
            1,
            1
        )
    );
    assert_eq!(
        error("def f():\n    nonlocal x\n"),
        (
            SyntaxError,
            "no binding for nonlocal 'x' found".into(),
            2,
            5
        )
    );
}

#[test]
fn parse_errors_use_cpython_messages() {
    use CompileErrorKind::*;
    assert_eq!(
        error("x = (1,\n"),
        (SyntaxError, "'(' was never closed".into(), 1, 5)
    );
    assert_eq!(
        error("if x:\npass\n"),
        (
            IndentationError,
            "expected an indented block after 'if' statement on line 1".into(),
            2,
            1
        )
    );
    assert_eq!(
        error("  x = 1\n"),
        (IndentationError, "unexpected indent".into(), 1, 2)
    );
    assert_eq!(
        error("x = 'abc\n"),
        (
            SyntaxError,
            "unterminated string literal (detected at line 1)".into(),
            1,
            5
        )
    );
    assert_eq!(
        error("f(a b)\n"),
        (
            SyntaxError,
            "invalid syntax. Perhaps you forgot a comma?".into(),
            1,
            3
        )
    );
    assert_eq!(
        error("if x\n    pass\n"),
        (SyntaxError, "expected ':'".into(), 1, 5)
    );
    assert_eq!(
        error("1 = x\n"),
        (
            SyntaxError,
            "cannot assign to literal here. Maybe you meant '==' instead of '='?".into(),
            1,
            1
        )
    );
    assert_eq!(
        error("if x:\n        a\n    b\n"),
        (
            IndentationError,
            "unindent does not match any outer indentation level".into(),
            3,
            6
        )
    );
}

#[test]
fn unsupported_constructs_are_reported() {
    for (src, what) in [
        ("async def f():\n    pass\n", "'async def' functions"),
        ("type X = int\n", "'type' alias statements"),
        (
            "try:\n    pass\nexcept* E:\n    pass\n",
            "'except*' clauses",
        ),
        ("def f[T](x): pass\n", "type parameter lists"),
    ] {
        let (kind, msg, line, _) = error(src);
        assert_eq!(kind, CompileErrorKind::NotSupported, "{src}");
        assert_eq!(msg, format!("{what} are not supported yet"));
        assert_eq!(line, 1);
    }
}

#[test]
fn error_reports_source_line() {
    let e = compile_module("x = 1\nreturn x\n", "t.py").unwrap_err();
    assert_eq!(e.source_line.as_deref(), Some("return x"));
    assert_eq!(e.filename, "t.py");
}

#[test]
fn docstrings_are_cleaned() {
    assert_eq!(
        crate::codegen::clean_doc("  Summary.\n\n    Body\n      indented\n"),
        "Summary.\n\nBody\n  indented\n"
    );
}

#[test]
fn stack_depth_and_exception_table() {
    let m = compile(
        "def f(x):\n    try:\n        return g(x, x + 1)\n    except E:\n        return 0\n",
    );
    let f = function(&m, "f");
    assert!(f.stack_size >= 4);
    assert!(!f.exception_table.is_empty());
    for e in &f.exception_table {
        assert!(e.start < e.end && (e.end as usize) <= f.instructions.len());
        assert!((e.target as usize) < f.instructions.len());
    }
}

#[test]
fn function_spanning_the_whole_file() {
    // No trailing newline: the def's range equals the module's.
    let m = compile("def f(a):\n    return a");
    assert_eq!(
        ops(function(&m, "f")),
        ["RESUME", "LOAD_FAST", "RETURN_VALUE"]
    );
}

#[test]
fn module_level_global_statement_makes_store_global() {
    let m = compile("x = 1\ndef f():\n    global x\n");
    assert_eq!(m.instructions[2].opcode, Opcode::STORE_GLOBAL);
}

#[test]
fn percent_format_becomes_fstring() {
    let m = compile("def f(a, b):\n    return '%s-%r' % (a, b)\n");
    let f = function(&m, "f");
    assert!(ops(f).contains(&"BUILD_STRING"));
    assert!(!ops(f).contains(&"BINARY_OP"));
}

/// `bytes` constants compile (and `dis` lists them) but the runtime has no `bytes`
/// type: compiling to run refuses the first one with its position, in nested code
/// and folded tuples too.
#[test]
fn bytes_constants_are_refused_for_running() {
    assert!(crate::compile_module("x = b'xy'\n", "t.py").is_ok());
    for (src, line, offset) in [
        ("x = b'xy'\n", 1, 5),
        ("y = 1\ndef f():\n    return (1, b'a' * 2)\n", 3, 12),
        ("def f():\n    z = b''\n    return z\nw = b'q'\n", 2, 9),
    ] {
        let error = crate::compile_module_to_run(src, "t.py").expect_err(src);
        assert_eq!(error.kind, CompileErrorKind::NotSupported, "{src}");
        assert_eq!(error.message, "bytes literals are not supported yet");
        assert_eq!((error.line, error.offset), (line, offset), "{src}");
    }
    assert!(crate::compile_module_to_run("x = 'text'\n", "t.py").is_ok());
}
