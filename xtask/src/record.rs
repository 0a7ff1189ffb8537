//! `cargo xtask record [FILTER]`: run every conformance program under CPython 3.13 and
//! write its expected output next to it.
//!
//! For each `tests/programs/**/NAME.py` (sorted by relative path; when FILTER is given,
//! only those whose relative path contains it) the program runs as
//! `python3.13 -B -X utf8 NAME.py` in its own directory (`-B`: imported helper modules
//! leave no `__pycache__` behind), with `PYTHONHASHSEED=0`,
//! `PYTHONIOENCODING=utf-8`, stdin closed and a 60 s timeout. Then:
//!
//! - `NAME.out` receives stdout, byte for byte;
//! - `NAME.err` receives, only when the exit code is non-zero, two lines:
//!   `exit: N` and the last non-empty line of stderr (the exception line, e.g.
//!   `ZeroDivisionError: division by zero`). A stale `.err` is deleted when the
//!   program exits with 0.
//!
//! Helper modules (a file or directory whose name starts with `_`, imported by the
//! programs beside them) are not programs and are skipped.
//!
//! Files whose content would not change are left untouched (so mtimes stay put).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};

use crate::{find_cpython, workspace_root};

const TIMEOUT: Duration = Duration::from_secs(60);

pub fn run(args: &[String]) -> anyhow::Result<()> {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("usage: cargo xtask record [FILTER]");
        println!("  runs tests/programs/**/*.py under CPython 3.13 and writes NAME.out");
        println!("  (stdout) and NAME.err (`exit: N` + last stderr line, non-zero exits only)");
        println!("  FILTER: only programs whose path relative to tests/programs contains it");
        println!("  CPython is $CPJIT_CPYTHON, the pyenv 3.13.0 install, or python3.13 on PATH");
        return Ok(());
    }
    if args.len() > 1 {
        bail!("usage: cargo xtask record [FILTER]");
    }
    let filter = args.first().map(String::as_str);

    let python = find_cpython().context(
        "CPython 3.13 not found: set CPJIT_CPYTHON or put python3.13 on PATH \
         (record needs the reference interpreter)",
    )?;
    let python = absolutize(&python);
    check_version(&python)?;

    let root = workspace_root().join("tests").join("programs");
    let mut programs = Vec::new();
    collect_programs(&root, &mut programs)
        .with_context(|| format!("walking {}", root.display()))?;
    let mut programs: Vec<(String, PathBuf)> = programs
        .into_iter()
        .map(|p| (relative(&root, &p), p))
        .filter(|(rel, _)| filter.is_none_or(|f| rel.contains(f)))
        .collect();
    programs.sort();

    if programs.is_empty() {
        bail!(
            "no programs under {} match {:?}",
            root.display(),
            filter.unwrap_or("")
        );
    }

    let (mut ok, mut nonzero, mut changed, mut failed) = (0usize, 0usize, 0usize, 0usize);
    for (rel, path) in &programs {
        match record_one(&python, path) {
            Ok(outcome) => {
                if outcome.code == 0 {
                    ok += 1;
                } else {
                    nonzero += 1;
                }
                if outcome.changed {
                    changed += 1;
                }
                let status = if outcome.code == 0 {
                    "ok".to_string()
                } else {
                    format!("exit {}", outcome.code)
                };
                let mark = if outcome.changed { "  (updated)" } else { "" };
                println!(
                    "{rel:<50} {status:<8} {:.3}s{mark}",
                    outcome.elapsed.as_secs_f64()
                );
            }
            Err(e) => {
                failed += 1;
                println!("{rel:<50} FAILED   {e:#}");
            }
        }
    }
    println!(
        "recorded {} programs: {ok} exited 0, {nonzero} non-zero, {failed} failed; \
         {changed} with updated files",
        programs.len()
    );
    if failed > 0 {
        bail!("{failed} program(s) could not be recorded");
    }
    Ok(())
}

struct Outcome {
    code: i32,
    changed: bool,
    elapsed: Duration,
}

fn record_one(python: &Path, path: &Path) -> anyhow::Result<Outcome> {
    let dir = path
        .parent()
        .context("program without a parent directory")?;
    let file_name = path.file_name().context("program without a file name")?;
    let start = Instant::now();
    let mut child = Command::new(python)
        .arg("-B")
        .arg("-X")
        .arg("utf8")
        .arg(file_name)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("spawning {}", python.display()))?;

    // Drain both pipes on their own threads so a chatty program cannot deadlock.
    let mut out_pipe = child.stdout.take().expect("piped stdout");
    let mut err_pipe = child.stderr.take().expect("piped stderr");
    let out_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        out_pipe.read_to_end(&mut buf).map(|_| buf)
    });
    let err_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        err_pipe.read_to_end(&mut buf).map(|_| buf)
    });

    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            bail!("timed out after {}s", TIMEOUT.as_secs());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    let stdout = out_thread.join().expect("stdout reader panicked")?;
    let stderr = err_thread.join().expect("stderr reader panicked")?;

    let code = match status.code() {
        Some(code) => code,
        None => bail!("killed by a signal ({status})"),
    };

    let out_path = path.with_extension("out");
    let err_path = path.with_extension("err");
    let mut changed = write_if_changed(&out_path, &stdout)?;
    if code == 0 {
        if err_path.exists() {
            std::fs::remove_file(&err_path)
                .with_context(|| format!("removing stale {}", err_path.display()))?;
            changed = true;
        }
    } else {
        let stderr = String::from_utf8_lossy(&stderr);
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim_end();
        let err = format!("exit: {code}\n{last}\n");
        changed |= write_if_changed(&err_path, err.as_bytes())?;
    }
    Ok(Outcome {
        code,
        changed,
        elapsed,
    })
}

/// Writes `bytes` to `path` unless it already holds exactly them; returns whether it wrote.
fn write_if_changed(path: &Path, bytes: &[u8]) -> anyhow::Result<bool> {
    if let Ok(existing) = std::fs::read(path) {
        if existing == bytes {
            return Ok(false);
        }
    }
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))?;
    Ok(true)
}

fn collect_programs(dir: &Path, into: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if entry.file_name().to_string_lossy().starts_with('_') {
            continue;
        }
        if kind.is_dir() {
            collect_programs(&path, into)?;
        } else if kind.is_file() && path.extension().is_some_and(|e| e == "py") {
            into.push(path);
        }
    }
    Ok(())
}

/// `path` relative to `root`, with `/` separators on every platform.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Fails unless `python --version` runs and reports 3.13: expected outputs recorded with
/// another version would silently differ (error messages change between releases).
fn check_version(python: &Path) -> anyhow::Result<()> {
    let output = Command::new(python)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("running `{} --version`", python.display()))?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    let text = text.trim();
    if !output.status.success() || !text.starts_with("Python 3.13") {
        bail!(
            "`{} --version` did not report CPython 3.13 ({}): set CPJIT_CPYTHON to a 3.13 interpreter",
            python.display(),
            if text.is_empty() { "no output" } else { text }
        );
    }
    Ok(())
}

/// The program runs in its own directory, so a relative interpreter path must be
/// made absolute first (a bare name like `python3.13` is left for `PATH` lookup).
fn absolutize(python: &Path) -> PathBuf {
    if python.is_relative() && python.components().count() > 1 {
        std::env::current_dir()
            .map(|cwd| cwd.join(python))
            .unwrap_or_else(|_| python.to_path_buf())
    } else {
        python.to_path_buf()
    }
}
