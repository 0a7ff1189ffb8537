//! No input may panic or hang the compiler: deep nesting, huge files, binary junk and
//! mutated programs all end in `Ok` or a `CompileError`.

use cpjit_compiler::{compile_module, CompileErrorKind};

#[test]
fn five_thousand_nested_parentheses() {
    let src = format!("x = {}1{}\n", "(".repeat(5000), ")".repeat(5000));
    let err = compile_module(&src, "deep.py").unwrap_err();
    assert_eq!(err.message, "too many nested parentheses");
    assert_eq!((err.line, err.offset), (1, 205));
}

#[test]
fn too_many_indentation_levels() {
    let mut src = String::new();
    for i in 0..101 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(101));
    src.push_str("pass\n");
    let err = compile_module(&src, "indent.py").unwrap_err();
    assert_eq!(err.kind, CompileErrorKind::IndentationError);
    assert_eq!(err.message, "too many levels of indentation");
    assert_eq!(err.line, 101);
}

#[test]
fn ten_megabytes_of_assignments() {
    let src = "x = 1\n".repeat(10 * 1024 * 1024 / 6);
    let code = compile_module(&src, "big.py").expect("compiles");
    assert!(code.instructions.len() > 1_000_000);
}

#[test]
fn deeply_nested_not() {
    for n in [100usize, 3000, 20_000, 200_000] {
        let src = format!("x = {}y\n", "not ".repeat(n));
        let _ = compile_module(&src, "nots.py");
    }
    let src = format!("x = {}y\n", "not ".repeat(1000));
    assert!(compile_module(&src, "nots.py").is_ok());
}

#[test]
fn deep_operator_chains() {
    for src in [
        format!("x = {}1\n", "-".repeat(1_000_000)),
        format!("x = {}\n", vec!["a"; 200_000].join("+")),
        format!("x = {}\n", vec!["a"; 100_000].join(" if c else ")),
        format!("x = {}1\n", "lambda: ".repeat(100_000)),
    ] {
        let _ = compile_module(&src, "chain.py");
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_bytes_decoded_lossily() {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    for _ in 0..300 {
        let len = rng.below(400);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let src = String::from_utf8_lossy(&bytes);
        let _ = compile_module(&src, "junk.py");
    }
}

const SEEDS: &[&str] = &[
    "def f(a, b=1, *c, d, **e):\n    return a + b\n",
    "for i in range(10):\n    if i % 2:\n        continue\n    print(i)\nelse:\n    pass\n",
    "try:\n    x = 1 / 0\nexcept ZeroDivisionError as e:\n    raise ValueError() from e\nfinally:\n    del x\n",
    "class A(B):\n    def m(self):\n        return super().m() + [x for x in self]\n",
    "with open(f) as g, h:\n    y = {k: v for k, v in g}\n",
    "def g():\n    x = yield 1\n    yield from x\n    return (i for i in x)\n",
    "x = f'{a!r:>{w}} {b=}'\nwhile x:\n    x -= 1\n    break\n",
    "import a.b as c\nfrom . import d\nglobal q\nassert x, 'msg'\nlambda: (yield)\n",
    "def o():\n    n = 0\n    def i():\n        nonlocal n\n        n += 1\n    return i\n",
    "a, *b, c = d[1:2], e[::3], -1, not x, x if y else z, (w := 3)\n",
];

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    "\n",
    "    ",
    "def ",
    "return ",
    "yield ",
    "lambda ",
    "class ",
    "x",
    "1",
    "'s'",
    "f'{x}'",
    ",",
    "*",
    "**",
    "=",
    ":=",
    "not ",
    "await ",
    "async ",
    "break",
    "continue",
    "global x",
    "nonlocal x",
    "del ",
    "import ",
    "from ",
    "\\",
    "#",
    "\t",
];

#[test]
fn mutated_programs_never_panic() {
    let mut rng = Rng(0x2545f4914f6cdd1d);
    for round in 0..3000 {
        let seed = SEEDS[round % SEEDS.len()];
        let mut chars: Vec<char> = seed.chars().collect();
        let edits = 1 + rng.below(4);
        for _ in 0..edits {
            if chars.is_empty() {
                break;
            }
            let at = rng.below(chars.len());
            match rng.below(4) {
                0 => {
                    chars.remove(at);
                }
                1 => {
                    let t = TOKENS[rng.below(TOKENS.len())];
                    for (k, c) in t.chars().enumerate() {
                        chars.insert(at + k, c);
                    }
                }
                2 => {
                    let other = rng.below(chars.len());
                    chars.swap(at, other);
                }
                _ => {
                    let end = (at + 1 + rng.below(8)).min(chars.len());
                    let piece: Vec<char> = chars[at..end].to_vec();
                    for (k, c) in piece.into_iter().enumerate() {
                        chars.insert(end + k, c);
                    }
                }
            }
        }
        let src: String = chars.into_iter().collect();
        let _ = compile_module(&src, "fuzz.py");
    }
}
