//! Compares the compiler's `dis` listings with CPython 3.13's, recorded once into
//! `tests/cpython_dis/*.dis` by `tests/cpython_dis/record.py` (CPython is not needed to
//! run this test). Code-object addresses and column padding are normalized away; the
//! module's `RESUME` has no line here (CPython gives it line 0, which `Location` cannot
//! express).

use std::path::Path;

fn normalize(listing: &str, cpython: bool) -> Vec<String> {
    let mut out = Vec::new();
    for line in listing.lines() {
        let mut l = line.to_string();
        while let Some(start) = l.find(" at 0x") {
            let rest = &l[start + 6..];
            let end = rest
                .find(|c: char| !c.is_ascii_hexdigit())
                .unwrap_or(rest.len());
            l = format!("{}{}", &l[..start], &rest[end..]);
        }
        let collapsed: Vec<&str> = l.split_whitespace().collect();
        let mut words: Vec<String> = collapsed.iter().map(|s| s.to_string()).collect();
        if cpython && words.len() >= 2 && words[0] == "0" && words[1] == "RESUME" {
            words[0] = "--".into();
        }
        out.push(words.join(" "));
    }
    out
}

#[test]
fn listings_match_cpython_3_13() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cpython_dis");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("cpython_dis directory")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| p.file_name().is_some_and(|n| n != "record.py"))
        .collect();
    entries.sort();
    assert!(!entries.is_empty());
    let mut failures = Vec::new();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let source = std::fs::read_to_string(&path).unwrap();
        let expected = std::fs::read_to_string(path.with_extension("dis")).unwrap();
        let code = match cpjit_compiler::compile_module(&source, &name) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{name}: compile error {e}"));
                continue;
            }
        };
        let got = cpjit_bytecode::disassemble_recursive(&code);
        let (exp, got) = (normalize(&expected, true), normalize(&got, false));
        if exp != got {
            let first = exp
                .iter()
                .zip(got.iter())
                .position(|(a, b)| a != b)
                .unwrap_or(exp.len().min(got.len()));
            failures.push(format!(
                "{name}: first difference at line {}:\n  cpython: {:?}\n  cpjit:   {:?}",
                first + 1,
                exp.get(first),
                got.get(first)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
