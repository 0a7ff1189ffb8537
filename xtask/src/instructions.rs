//! `cargo xtask instructions` — counts the machine instructions cpjit executes on each
//! bench program (small sizes, under valgrind's cachegrind), optionally against a
//! second binary, and prints the ratios.
//!
//! ```text
//! cargo xtask instructions [--cpjit PATH] [--base PATH] [--tier2 MODE] [FILTER...]
//! ```
//!
//! Wall-clock time on a shared 2-core machine moves by ±10–20% between runs; the
//! number of instructions executed does not move at all, so a change to the
//! interpreter can be judged by it in one run (it is a proxy: it ignores cache misses
//! and branch mispredictions, whose simulated rate is printed beside it). Timing
//! stays the job of `cargo xtask bench`.
//!
//! Needs `valgrind` on the PATH. Never used by the tests.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};

/// The argument each bench program gets here: a size that runs in well under a
/// second natively, yet long enough that start-up is a small part of the count.
/// A unit test checks that every program in `benches/programs` has one.
const SMALL_SIZES: &[(&str, &str)] = &[
    ("chaos", "6000"),
    ("deltablue", "2"),
    ("fannkuch", "7"),
    ("fib", "24"),
    ("float", "10000"),
    ("float_loop", "200000"),
    ("generators", "30000"),
    ("go", "4"),
    ("hexiom", "1"),
    ("list_dict_churn", "20000"),
    ("nbody", "10000"),
    ("nested_loops", "400"),
    ("nqueens", "7"),
    ("raytrace", "40"),
    ("richards", "2"),
    ("sieve", "100000"),
    ("spectral_norm", "60"),
    ("string_build", "50000"),
];

const USAGE: &str = "\
usage: cargo xtask instructions [--cpjit PATH] [--base PATH] [--tier2 MODE] [FILTER...]

Counts the instructions cpjit executes on each bench program (cachegrind, small sizes).
  --cpjit PATH   count this executable instead of building target/release/cpjit
  --base PATH    also count this executable and print base/new ratios (higher = fewer
                 instructions in the new one)
  --tier2 MODE   pass --tier2=MODE to cpjit (off, uops, jit; default off: tier 1)
  FILTER         only programs whose name contains one of these
";

/// One program's count and simulated branch-misprediction rate.
struct Count {
    instructions: u64,
    mispredicted: String,
}

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let mut cpjit = None;
    let mut base = None;
    let mut tier2 = None;
    let mut filters = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .cloned()
                .with_context(|| format!("{name} wants a value"))
        };
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(());
            }
            "--cpjit" => cpjit = Some(PathBuf::from(value("--cpjit")?)),
            "--base" => base = Some(PathBuf::from(value("--base")?)),
            "--tier2" => tier2 = Some(value("--tier2")?),
            flag if flag.starts_with("--") => bail!("unknown option `{flag}`\n{USAGE}"),
            filter => filters.push(filter.to_string()),
        }
    }
    let root = crate::workspace_root();
    let cpjit = match cpjit {
        Some(path) => path,
        None => crate::bench::build_cpjit(&root)?,
    };
    let programs = programs(&root, &filters)?;
    println!(
        "{:<16} {:>15} {:>7}{}",
        "program",
        "instructions",
        "mispred",
        if base.is_some() {
            format!(" {:>15} {:>7} {:>9}", "base", "mispred", "base/new")
        } else {
            String::new()
        }
    );
    let mut log_ratios = Vec::new();
    for (name, path, size) in &programs {
        let new = count(&cpjit, path, size, tier2.as_deref())?;
        let mut line = format!(
            "{name:<16} {:>15} {:>7}",
            new.instructions, new.mispredicted
        );
        if let Some(base) = &base {
            let old = count(base, path, size, tier2.as_deref())?;
            let ratio = old.instructions as f64 / new.instructions as f64;
            log_ratios.push(ratio.ln());
            line.push_str(&format!(
                " {:>15} {:>7} {ratio:>9.3}",
                old.instructions, old.mispredicted
            ));
        }
        println!("{line}");
    }
    if !log_ratios.is_empty() {
        let geomean = (log_ratios.iter().sum::<f64>() / log_ratios.len() as f64).exp();
        println!("{:<16} {:>58.3}", "geomean", geomean);
    }
    Ok(())
}

/// The bench programs matching `filters`, with their small sizes.
fn programs(root: &Path, filters: &[String]) -> anyhow::Result<Vec<(String, PathBuf, String)>> {
    let dir = root.join("benches").join("programs");
    let mut found = Vec::new();
    for (name, size) in SMALL_SIZES {
        if !filters.is_empty() && !filters.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let path = dir.join(format!("{name}.py"));
        if !path.exists() {
            bail!("{} is listed in SMALL_SIZES but missing", path.display());
        }
        found.push((name.to_string(), path, size.to_string()));
    }
    if found.is_empty() {
        bail!("no bench program matches {filters:?}");
    }
    Ok(found)
}

/// Runs `cpjit run PROGRAM SIZE` under cachegrind and reads its summary.
fn count(cpjit: &Path, program: &Path, size: &str, tier2: Option<&str>) -> anyhow::Result<Count> {
    let mut command = Command::new("valgrind");
    command
        .args([
            "--tool=cachegrind",
            "--cache-sim=no",
            "--branch-sim=yes",
            "--cachegrind-out-file=/dev/null",
        ])
        .arg(cpjit)
        .arg("run");
    if let Some(mode) = tier2 {
        command.arg(format!("--tier2={mode}"));
    }
    let output = command
        .arg(program)
        .arg(size)
        .output()
        .context("running valgrind (is it installed?)")?;
    if !output.status.success() {
        bail!(
            "{} {} failed under valgrind ({})",
            program.display(),
            size,
            output.status
        );
    }
    parse_summary(&String::from_utf8_lossy(&output.stderr))
        .with_context(|| format!("no cachegrind summary for {}", program.display()))
}

/// The `I refs` and `Mispred rate` lines of cachegrind's summary.
fn parse_summary(stderr: &str) -> Option<Count> {
    let field = |label: &str| {
        stderr
            .lines()
            .find(|line| line.contains(label))
            .and_then(|line| line.split(':').nth(1))
            .map(|rest| rest.split_whitespace().next().unwrap_or("").to_string())
    };
    let instructions = field("I   refs")?.replace(',', "").parse().ok()?;
    let mispredicted = field("Mispred rate").unwrap_or_else(|| "?".to_string());
    Some(Count {
        instructions,
        mispredicted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bench_program_has_a_small_size() {
        let dir = crate::workspace_root().join("benches").join("programs");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("py") {
                continue;
            }
            let name = path.file_stem().unwrap().to_str().unwrap();
            assert!(
                SMALL_SIZES.iter().any(|(listed, _)| *listed == name),
                "benches/programs/{name}.py has no entry in SMALL_SIZES"
            );
        }
    }

    #[test]
    fn reads_cachegrind_summaries() {
        let stderr = "==1== I   refs:      244,065,069\n==1== Branches:  1\n\
                      ==1== Mispred rate:           12.0% (  8.1%     +  64.6%   )\n";
        let count = parse_summary(stderr).unwrap();
        assert_eq!(count.instructions, 244_065_069);
        assert_eq!(count.mispredicted, "12.0%");
    }
}
