//! `cargo xtask`: developer chores for cpjit, written in Rust so they run the same on
//! every machine.
//!
//! - `cargo xtask record [FILTER]` — run the conformance programs under CPython 3.13 and
//!   write their expected outputs next to them (see `record.rs`).
//! - `cargo xtask bench [FILTER]` — run the whole-program benchmarks under cpjit (and
//!   CPython 3.13 when found) and print a table of times and ratios (see `bench.rs`).
//! - `cargo xtask instructions [--base PATH] [FILTER]` — count the instructions cpjit
//!   executes per bench program under cachegrind, deterministic where times are not
//!   (see `instructions.rs`).
//! - `cargo xtask gen-stencils [--check]` — run `stencil-gen` to write (or, with
//!   `--check`, verify) `crates/jit/src/jit_stencils.rs`.
//!
//! Never shipped to users; nothing in the runtime crates depends on it.

mod bench;
mod instructions;
mod record;

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("help", &[][..]),
    };
    match command {
        "record" => record::run(rest),
        "bench" => bench::run(rest),
        "instructions" => instructions::run(rest),
        "gen-stencils" => gen_stencils(rest),
        _ => {
            eprintln!("usage: cargo xtask <record|bench|instructions|gen-stencils> [ARGS…]");
            eprintln!("  gen-stencils [--check]   (re)generate or verify jit_stencils.rs");
            eprintln!("  record [FILTER]   record CPython 3.13 outputs for tests/programs");
            eprintln!("  bench [FILTER]    time benches/programs under cpjit and CPython");
            eprintln!("  instructions [FILTER]   count instructions per bench program (valgrind)");
            if command == "help" || command == "--help" {
                Ok(())
            } else {
                anyhow::bail!("unknown xtask command `{command}`")
            }
        }
    }
}

/// Runs the stencil generator on `crates/jit/src/jit_stencils.rs`. The generator is
/// built in the dev profile, so it shares the build the test suite makes.
fn gen_stencils(args: &[String]) -> anyhow::Result<()> {
    let root = workspace_root();
    let output = root.join("crates/jit/src/jit_stencils.rs");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let mut command = std::process::Command::new(cargo);
    command
        .current_dir(&root)
        .args(["run", "--quiet", "-p", "cpjit-stencil-gen", "--"])
        .args(args)
        .arg(&output);
    let status = command.status()?;
    if !status.success() {
        anyhow::bail!("stencil generation failed ({status})");
    }
    Ok(())
}

/// The workspace root (the parent of `xtask/`).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// Finds a CPython 3.13 interpreter: `$CPJIT_CPYTHON`, the pyenv install, or
/// `python3.13` on `PATH`.
pub fn find_cpython() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("CPJIT_CPYTHON") {
        return Some(PathBuf::from(path));
    }
    let pyenv = PathBuf::from("/root/.pyenv/versions/3.13.0/bin/python3.13");
    if pyenv.exists() {
        return Some(pyenv);
    }
    let found = std::process::Command::new("python3.13")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    found.then(|| PathBuf::from("python3.13"))
}
