//! Support for the workspace-level tests: running a program through cpjit with its
//! output captured, and reading the expected results recorded from CPython 3.13.
//!
//! Owns the on-disk format of the corpus (`NAME.py`, `NAME.out`, optional `NAME.err`
//! holding `exit: N` and the last stderr line). Must never call CPython: expectations
//! are committed files, written by `cargo xtask record`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A `Write` that appends to a shared buffer.
#[derive(Clone, Default)]
pub struct SharedBuffer(Arc<Mutex<Vec<u8>>>);

impl SharedBuffer {
    pub fn contents(&self) -> Vec<u8> {
        self.0.lock().map(|b| b.clone()).unwrap_or_default()
    }
}

impl Write for SharedBuffer {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut buffer) = self.0.lock() {
            buffer.extend_from_slice(data);
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What a run produced.
#[derive(Debug)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

/// The interpreter configurations every corpus program runs under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The default: the specializing tier-1 interpreter.
    Tier1,
    /// Tier 1 with specialization disabled (every instruction stays generic).
    Generic,
    /// The counter optimizer with a back-edge threshold of 1: every loop becomes an
    /// `ENTER_EXECUTOR` on its first back edge.
    CounterStress,
    /// Micro-op traces in the tier-2 interpreter, default thresholds.
    Uops,
    /// Micro-op traces with threshold 1: every loop is traced on its first back edge.
    UopsStress,
    /// Threshold 1 and tier-2 guards forced to fail (one execution in three).
    UopsDeopt,
    /// Traces compiled by the copy-and-patch JIT, default thresholds.
    Jit,
    /// The JIT with threshold 1: every loop is compiled on its first back edge.
    JitStress,
    /// The JIT with threshold 1 and guards forced to fail (one execution in three).
    JitDeopt,
    /// Tier 1 collecting garbage after every [`GC_STRESS_BYTES`] of allocation: a
    /// value the collector cannot see (unrooted) is freed while still in use. Runs
    /// without tier 1's inner loop, so every instruction goes through the main loop.
    GcStress,
    /// The JIT with threshold 1, collecting as often as [`Mode::GcStress`].
    JitGcStress,
}

/// Allocation between collections in the GC stress modes (the default is 8 MiB).
pub const GC_STRESS_BYTES: usize = 16 << 10;

impl Mode {
    pub const ALL: [Mode; 11] = [
        Mode::Tier1,
        Mode::Generic,
        Mode::CounterStress,
        Mode::Uops,
        Mode::UopsStress,
        Mode::UopsDeopt,
        Mode::Jit,
        Mode::JitStress,
        Mode::JitDeopt,
        Mode::GcStress,
        Mode::JitGcStress,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Tier1 => "tier1",
            Mode::Generic => "generic",
            Mode::CounterStress => "counter-stress",
            Mode::Uops => "uops",
            Mode::UopsStress => "uops-stress",
            Mode::UopsDeopt => "uops-deopt",
            Mode::Jit => "jit",
            Mode::JitStress => "jit-stress",
            Mode::JitDeopt => "jit-deopt",
            Mode::GcStress => "gc-stress",
            Mode::JitGcStress => "jit-gc-stress",
        }
    }

    fn options(self) -> cpjit_interpreter::RunOptions {
        use cpjit_interpreter::Tier2Mode;
        let tier2 = match self {
            Mode::Tier1 | Mode::Generic | Mode::GcStress => Tier2Mode::Off,
            Mode::CounterStress => Tier2Mode::Counter,
            Mode::Uops | Mode::UopsStress | Mode::UopsDeopt => Tier2Mode::Uops,
            Mode::Jit | Mode::JitStress | Mode::JitDeopt | Mode::JitGcStress => Tier2Mode::Jit,
        };
        let stress = matches!(
            self,
            Mode::CounterStress
                | Mode::UopsStress
                | Mode::UopsDeopt
                | Mode::JitStress
                | Mode::JitDeopt
                | Mode::JitGcStress
        );
        cpjit_interpreter::RunOptions {
            no_specialize: self == Mode::Generic,
            // The stress mode that exercises the main loop's own versions of the
            // instructions the inner loop usually runs.
            no_inner_loop: self == Mode::GcStress,
            tier2,
            hot_threshold: stress.then_some(1),
            force_deopt: matches!(self, Mode::UopsDeopt | Mode::JitDeopt),
            gc_threshold: matches!(self, Mode::GcStress | Mode::JitGcStress)
                .then_some(GC_STRESS_BYTES),
            ..Default::default()
        }
    }
}

/// Runs a program file through cpjit in-process with captured output.
pub fn run_program(path: &Path, args: &[String]) -> Outcome {
    run_program_in(path, args, Mode::Tier1)
}

/// [`run_program`] under a given interpreter configuration.
pub fn run_program_in(path: &Path, args: &[String], mode: Mode) -> Outcome {
    let stdout = SharedBuffer::default();
    let stderr = SharedBuffer::default();
    let exit_code = cpjit::run_file_with(
        path,
        args,
        &mode.options(),
        Box::new(stdout.clone()),
        Box::new(stderr.clone()),
    );
    Outcome {
        stdout: String::from_utf8_lossy(&stdout.contents()).into_owned(),
        stderr: String::from_utf8_lossy(&stderr.contents()).into_owned(),
        exit_code,
    }
}

/// How long one corpus program may run before the test fails (a hang is a failure,
/// never a stuck test run).
pub const PROGRAM_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// [`run_program_in`] on a helper thread, failing after [`PROGRAM_TIMEOUT`].
pub fn run_program_with_timeout(
    path: &Path,
    args: &[String],
    mode: Mode,
) -> Result<Outcome, String> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let path_owned = path.to_path_buf();
    let args_owned = args.to_vec();
    std::thread::spawn(move || {
        let _ = sender.send(run_program_in(&path_owned, &args_owned, mode));
    });
    receiver.recv_timeout(PROGRAM_TIMEOUT).map_err(|_| {
        format!(
            "{} did not finish within {:?}",
            path.display(),
            PROGRAM_TIMEOUT
        )
    })
}

/// What CPython 3.13 produced for a corpus program.
#[derive(Debug)]
pub struct Expected {
    pub stdout: String,
    pub exit_code: i32,
    /// Last non-empty stderr line, for failing programs.
    pub last_stderr_line: Option<String>,
}

pub fn read_expected(program: &Path) -> std::io::Result<Expected> {
    let stdout = std::fs::read_to_string(program.with_extension("out"))?;
    let err_path = program.with_extension("err");
    if err_path.exists() {
        let text = std::fs::read_to_string(err_path)?;
        let mut lines = text.lines();
        let exit_code = lines
            .next()
            .and_then(|l| l.strip_prefix("exit: "))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(1);
        let last = lines.next().unwrap_or("").to_string();
        Ok(Expected {
            stdout,
            exit_code,
            last_stderr_line: Some(last),
        })
    } else {
        Ok(Expected {
            stdout,
            exit_code: 0,
            last_stderr_line: None,
        })
    }
}

/// Compares an outcome with expectations; `Err` explains the first difference.
pub fn check(outcome: &Outcome, expected: &Expected) -> Result<(), String> {
    if outcome.stdout != expected.stdout {
        let got: Vec<&str> = outcome.stdout.lines().collect();
        let want: Vec<&str> = expected.stdout.lines().collect();
        let line = got
            .iter()
            .zip(&want)
            .position(|(a, b)| a != b)
            .unwrap_or(got.len().min(want.len()));
        return Err(format!(
            "stdout differs at line {}:\n  expected: {:?}\n  got:      {:?}\n(stderr: {})",
            line + 1,
            want.get(line).unwrap_or(&"<end of output>"),
            got.get(line).unwrap_or(&"<end of output>"),
            outcome.stderr.lines().last().unwrap_or("")
        ));
    }
    if outcome.exit_code != expected.exit_code {
        return Err(format!(
            "exit code {} (expected {})\nstderr:\n{}",
            outcome.exit_code, expected.exit_code, outcome.stderr
        ));
    }
    if let Some(want) = &expected.last_stderr_line {
        let got = outcome
            .stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        if got != want.as_str() {
            return Err(format!(
                "last stderr line differs:\n  expected: {want:?}\n  got:      {got:?}\nstderr:\n{}",
                outcome.stderr
            ));
        }
    }
    Ok(())
}

/// Whether a corpus path is a helper, not a program: a file or directory whose name
/// starts with `_` (`_shapes.py`, `_pkg/__init__.py`) is a module that programs in the
/// same directory import, and is never run on its own.
pub fn is_helper(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('_'))
}

/// All corpus programs under `dir`, sorted (helper modules, see [`is_helper`], are
/// left out).
pub fn programs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        if let Ok(entries) = std::fs::read_dir(&d) {
            for entry in entries.flatten() {
                let path = entry.path();
                if is_helper(&path) {
                    continue;
                }
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "py") {
                    out.push(path);
                }
            }
        }
    }
    out.sort();
    out
}
