//! The `cpjit` command as a user meets it: exit codes, error reports, and inputs that
//! must never crash or hang it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn cpjit() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cpjit"))
}

fn run_source(name: &str, source: &[u8], args: &[&str]) -> Output {
    let dir = std::env::temp_dir().join(format!("cpjit-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, source).unwrap();
    let output = cpjit()
        .arg("run")
        .arg(&path)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn runs_the_readme_example() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/hello.py");
    let output = cpjit().args(["run", example]).output().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("fib(20) = 6765"), "{stdout}");
    assert!(stdout.contains("caught KeyError('missing')"), "{stdout}");
}

#[test]
fn syntax_error_reports_file_line_and_caret() {
    let output = run_source("bad.py", b"x = 1\nif x\n    pass\n", &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("bad.py\", line 2"), "{stderr}");
    assert!(stderr.contains("    if x\n"), "{stderr}");
    assert!(stderr.contains('^'), "{stderr}");
    assert!(
        stderr.trim_end().ends_with("SyntaxError: expected ':'"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn uncaught_exception_prints_traceback_after_flushed_output() {
    let source = b"print('before')\ndef f(x):\n    return x // 0\nf(3)\n";
    let output = run_source("boom.py", source, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stdout), "before\n");
    let stderr = text(&output.stderr);
    let expected_tail = "line 4, in <module>\n    f(3)\n";
    assert!(
        stderr.starts_with("Traceback (most recent call last):\n"),
        "{stderr}"
    );
    assert!(stderr.contains(expected_tail), "{stderr}");
    assert!(
        stderr.contains("line 3, in f\n    return x // 0\n"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("ZeroDivisionError: integer division or modulo by zero\n"),
        "{stderr}"
    );
}

#[test]
fn deep_recursion_is_a_recursion_error_not_a_crash() {
    let source = b"def f(n):\n    return f(n + 1)\nf(0)\n";
    let output = run_source("deep.py", source, &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("[Previous line repeated"), "{stderr}");
    assert!(
        stderr.ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{stderr}"
    );
}

#[test]
fn deep_native_recursion_is_caught_too() {
    // Nested containers 100k deep: repr and == recurse in native code.
    let source = b"x = []\nfor i in range(100000):\n    x = [x]\ntry:\n    repr(x)\nexcept RecursionError:\n    print('repr ok')\ntry:\n    x == x[0]\nexcept RecursionError:\n    print('eq ok')\n";
    let output = run_source("nested.py", source, &[]);
    assert_eq!(
        text(&output.stdout),
        "repr ok\neq ok\n",
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn binary_junk_is_a_syntax_error() {
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let output = run_source("junk.bin", &junk, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("SyntaxError"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn invalid_utf8_is_reported_like_cpython() {
    let output = run_source("latin1.py", b"x = 1\ns = '\xff'\n", &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("Non-UTF-8 code starting with '\\xff'"),
        "{stderr}"
    );
    assert!(stderr.contains("on line 2"), "{stderr}");
}

#[test]
fn five_thousand_nested_parentheses_do_not_overflow() {
    let source = format!("x = {}1{}\n", "(".repeat(5000), ")".repeat(5000));
    let output = run_source("parens.py", source.as_bytes(), &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr
            .trim_end()
            .ends_with("SyntaxError: too many nested parentheses"),
        "{stderr}"
    );
}

#[test]
fn ten_megabyte_program_runs() {
    let line = b"x = 1\n";
    let mut source = Vec::with_capacity(10 << 20);
    while source.len() < 10 << 20 {
        source.extend_from_slice(line);
    }
    source.extend_from_slice(b"print(x)\n");
    let output = run_source("big.py", &source, &[]);
    assert_eq!(text(&output.stdout), "1\n", "{}", text(&output.stderr));
}

#[test]
fn argv_and_exit_codes() {
    let source = b"import sys\nprint(len(sys.argv), sys.argv[1:])\nsys.exit(int(sys.argv[1]))\n";
    let output = run_source("args.py", source, &["7", "--flag"]);
    assert_eq!(text(&output.stdout), "3 ['7', '--flag']\n");
    assert_eq!(output.status.code(), Some(7));
}

#[test]
fn missing_file_exits_two() {
    let output = cpjit().args(["run", "/nonexistent/x.py"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("can't open file"));
}

#[test]
fn version_and_help() {
    let output = cpjit().arg("--version").output().unwrap();
    assert!(output.status.success());
    assert!(text(&output.stdout).starts_with("cpjit "));
    let output = cpjit().arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = text(&output.stdout);
    assert!(help.contains("run") && help.contains("dis"), "{help}");
}

#[test]
fn unsupported_feature_names_construct_and_line() {
    let source = b"print('start')\nasync def f():\n    pass\n";
    let output = run_source("async.py", source, &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("line 2"), "{stderr}");
    assert!(stderr.contains("not supported yet"), "{stderr}");
}

#[test]
fn dis_prints_cpython_layout() {
    let dir = std::env::temp_dir().join(format!("cpjit-dis-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("f.py");
    let mut file = std::fs::File::create(&path).unwrap();
    file.write_all(b"def func():\n    a = 1\n    return a\n")
        .unwrap();
    let output = cpjit().arg("dis").arg(&path).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(output.status.success());
    let listing = text(&output.stdout);
    let opnames: Vec<&str> = listing
        .split("Disassembly of")
        .nth(1)
        .unwrap()
        .lines()
        .filter_map(|l| {
            l.split_whitespace()
                .find(|w| w.chars().all(|c| c.is_ascii_uppercase() || c == '_') && w.len() > 2)
        })
        .collect();
    assert_eq!(
        opnames,
        [
            "RESUME",
            "LOAD_CONST",
            "STORE_FAST",
            "LOAD_FAST",
            "RETURN_VALUE"
        ]
    );
}

/// Runs `source` with the JIT at threshold 1 (every loop compiled at once); returns
/// its stdout and the `--stats-json` document.
fn run_jit_stress(name: &str, source: &str) -> (String, String) {
    let dir = std::env::temp_dir().join(format!("cpjit-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let program = dir.join(format!("{name}.py"));
    std::fs::write(&program, source).unwrap();
    let stats = dir.join("stats.json");
    let output = cpjit()
        .args(["run", "--tier2=jit", "--stats-json"])
        .arg(&stats)
        .arg(&program)
        .env("CPJIT_HOT_THRESHOLD", "1")
        .output()
        .unwrap();
    let json = std::fs::read_to_string(&stats).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    (String::from_utf8_lossy(&output.stdout).into_owned(), json)
}

/// In stress mode the JIT really runs: executors are compiled and their code entered
/// (so a silent fallback to the tier-2 interpreter cannot pass the conformance runs).
#[test]
fn jit_stress_mode_compiles_and_enters_machine_code() {
    let (stdout, json) = run_jit_stress(
        "jit-stress",
        "def f(n):\n    t = 0\n    for i in range(n):\n        if i & 1:\n            t += i * 3 - 1\n        else:\n            t -= 2\n    return t\nprint(f(1000))\n",
    );
    assert_eq!(stdout, "748500\n");
    let number = |key: &str| stats_number(&json, key);
    assert!(number("jit_executors_compiled") > 0, "{json}");
    assert!(number("jit_entries") > 0, "{json}");
    assert!(number("jit_code_bytes") > 0, "{json}");
    // The branch's other side became a side trace, entered from JIT code: first
    // through the step helper, then straight from the guard's exit trampoline (its
    // way back to the loop trace still goes through the helper, for the safepoint).
    assert!(number("jit_stitched_jumps") > 0, "{json}");
    assert!(number("jit_direct_exits") > 0, "{json}");
    assert!(json.contains("\"optimizer\": \"jit\""), "{json}");
}

#[test]
fn stencils_command_prints_disassembly_with_holes() {
    let output = cpjit().args(["stencils", "_LOAD_FAST"]).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("_LOAD_FAST:"), "{text}");
    assert!(text.contains("abs64 Oparg"), "{text}");
    let missing = cpjit().args(["stencils", "_NO_SUCH_UOP"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

/// An executor invalidated by a global rebinding is freed, and so is its machine code.
#[test]
fn invalidated_jit_executors_give_their_code_back() {
    let (stdout, json) = run_jit_stress(
        "jit-free",
        "K = 3\n\ndef f(n):\n    t = 0\n    for i in range(n):\n        t += K\n    return t\n\nprint(f(200))\nK = 4\nprint(f(200))\nK = 5\nprint(f(200))\n",
    );
    assert_eq!(stdout, "600\n800\n1000\n");
    let number = |key: &str| stats_number(&json, key);
    assert!(number("executors_invalidated") >= 2, "{json}");
    assert!(
        number("jit_live_code_bytes") < number("jit_code_bytes"),
        "freed executors' code is given back: {json}"
    );
}

/// A number in a `--stats-json` document.
fn stats_number(json: &str, key: &str) -> u64 {
    let at = json
        .find(&format!("\"{key}\""))
        .unwrap_or_else(|| panic!("{key} in {json}"));
    json[at..]
        .split(':')
        .nth(1)
        .and_then(|v| v.split([',', '\n']).next())
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("{key} is a number in {json}"))
}

#[test]
fn families_lists_what_no_specialize_family_takes() {
    let output = cpjit().arg("families").output().unwrap();
    assert!(output.status.success());
    let families = text(&output.stdout);
    let names: Vec<&str> = families.lines().collect();
    assert!(
        names.contains(&"LOAD_ATTR") && names.contains(&"CALL"),
        "{names:?}"
    );
    // Not a family with specialized forms.
    assert!(!names.contains(&"LOAD_FAST"));
    let dir = std::env::temp_dir().join(format!("cpjit-cli-{}-families", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("family.py");
    std::fs::write(
        &path,
        "class P:\n    x = 3\nprint(sum(P().x for _ in range(100)))\n",
    )
    .unwrap();
    let kept = cpjit()
        .args([
            "run",
            "--no-specialize-family",
            "LOAD_ATTR",
            "--no-specialize-family",
        ])
        .arg("CALL")
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(text(&kept.stdout), "300\n");
    assert!(kept.status.success());
    let output = cpjit()
        .args(["run", "--no-specialize-family", "LOAD_FAST", "x.py"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("LOAD_FAST is not a specializable family"));
}
