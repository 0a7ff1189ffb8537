//! House rules checked by a test (as rust-analyzer's tidy tests): every source file has
//! a module doc, no leftover `todo!`/`dbg!`/`unimplemented!`, `unsafe` only in the
//! modules allowed to use it, each block justified by a `// SAFETY:` comment, and every
//! change to a type's namespace followed by `Vm::type_changed`.

use std::path::{Path, PathBuf};

/// The only files that may contain `unsafe`: value representation, GC, executable
/// memory, and the JIT's boundary with Rust (entering code, the stencils' helper).
const UNSAFE_ALLOWED: &[&str] = &[
    "crates/runtime/src/value.rs",
    "crates/runtime/src/gc.rs",
    "crates/runtime/src/layout.rs",
    "crates/jit/src/memory.rs",
    "crates/jit/src/executor.rs",
];

fn rust_sources(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = ["crates", "stencil-gen", "xtask"]
        .iter()
        .map(|d| root.join(d))
        .collect();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path
                    .file_name()
                    .is_some_and(|n| n == "target" || n == "snapshots")
                {
                    continue;
                }
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && path.components().any(|c| c.as_os_str() == "src")
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn house_rules_hold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf();
    let mut problems = Vec::new();
    let sources = rust_sources(&root);
    assert!(
        sources.len() > 20,
        "found only {} source files",
        sources.len()
    );
    for path in &sources {
        let relative = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if !text.trim_start().starts_with("//!") {
            problems.push(format!("{relative}: no module doc (`//!`) at the top"));
        }
        for marker in ["todo!(", "dbg!(", "unimplemented!("] {
            if text.contains(marker) {
                problems.push(format!("{relative}: contains `{marker}`"));
            }
        }
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            // A type's namespace (`TypeObj::dict`, the only `RefCell` dict) changed:
            // specialized attribute accesses must hear of it.
            if line.contains(".dict.borrow_mut()") {
                let announced = lines[i..(i + 8).min(lines.len())]
                    .iter()
                    .any(|l| l.contains("type_changed()"));
                if !announced {
                    problems.push(format!(
                        "{relative}:{}: a type's namespace changes without `Vm::type_changed`",
                        i + 1
                    ));
                }
            }
        }
        for (i, line) in lines.iter().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let is_unsafe = code.contains("unsafe {")
                || code.contains("unsafe fn ")
                || code.contains("unsafe impl ");
            if !is_unsafe {
                continue;
            }
            if !UNSAFE_ALLOWED.contains(&relative.as_str()) {
                problems.push(format!(
                    "{relative}:{}: `unsafe` outside the allowed modules",
                    i + 1
                ));
                continue;
            }
            let justified = lines[i.saturating_sub(8)..=i]
                .iter()
                .any(|l| l.contains("SAFETY:"));
            if !justified {
                problems.push(format!(
                    "{relative}:{}: `unsafe` without a `// SAFETY:` comment",
                    i + 1
                ));
            }
        }
    }
    assert!(problems.is_empty(), "tidy:\n{}", problems.join("\n"));
}
