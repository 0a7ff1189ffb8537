//! Insta snapshots of `disassemble_recursive` for small programs: a reviewed, readable
//! record of the bytecode the compiler emits.

fn dis(source: &str) -> String {
    let code = cpjit_compiler::compile_module(source, "snap.py").expect("compiles");
    cpjit_bytecode::disassemble_recursive(&code)
}

#[test]
fn article_function() {
    insta::assert_snapshot!(dis("def func():\n    a = 1\n    return a\n"));
}

#[test]
fn loop_with_if() {
    insta::assert_snapshot!(dis(
        "def f(n):\n    t = 0\n    for i in range(n):\n        if i % 3 == 0:\n            t += i\n    return t\n"
    ));
}

#[test]
fn try_except() {
    insta::assert_snapshot!(dis(
        "def f(x):\n    try:\n        return 1 / x\n    except ZeroDivisionError as e:\n        print(e)\n    finally:\n        print('done')\n"
    ));
}

#[test]
fn closures() {
    insta::assert_snapshot!(dis(
        "def outer(a):\n    def inner(b):\n        nonlocal a\n        a += b\n        return a\n    return inner\n"
    ));
}

#[test]
fn comprehensions() {
    insta::assert_snapshot!(dis(
        "def f(xs):\n    return [x * x for x in xs if x], {k: v for k, v in xs}, (y for y in xs)\n"
    ));
}

#[test]
fn fstrings() {
    insta::assert_snapshot!(dis(
        "name = 'w'\nprint(f'hello {name!r:>10} {name=} {3.5:.2f}')\n"
    ));
}

#[test]
fn calls_with_kwargs_and_star_args() {
    insta::assert_snapshot!(dis(
        "f(1, k=2)\nf(*a)\nf(*a, **kw)\nf(1, *a, x=3, **kw)\nobj.method(1, key=2)\n"
    ));
}
