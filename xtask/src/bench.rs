//! `cargo xtask bench`: time the whole-program benchmarks in `benches/programs/`.
//!
//! ```text
//! cargo xtask bench [--runs N] [--tiers NAME,...] [--json PATH] [--cpjit PATH]
//!                   [--timeout SECS] [--families] [FILTER...]
//! ```
//!
//! With `--families`, it measures what each specializable family buys instead: tier 1
//! as is against tier 1 with that one family kept generic (`cpjit run
//! --no-specialize-family F`, for every F `cpjit families` lists), as a table of
//! slowdowns (time with the family generic / time with it specialized).
//!
//! Builds `cargo build --release -p cpjit` (unless `--cpjit PATH` names a binary to use
//! instead), then runs every program (or those whose name contains one of the FILTERs)
//! under CPython 3.13 (when [`crate::find_cpython`] finds it) and under each cpjit
//! configuration, `--runs` times each. Runs are interleaved — run 1 of every
//! configuration, then run 2 of every configuration, … — so machine noise hits all
//! configurations alike; the minimum wall time counts. Every run's stdout must equal
//! the program's `.expected` file.
//!
//! Prints a table of seconds and speed ratios (`CPython time / cpjit time`, above 1
//! means cpjit is faster) with a geometric-mean row. A run whose stdout differs from the
//! `.expected` file is `WRONG`; one that crashes, exits non-zero or times out is `FAIL`.
//! Either makes the command exit non-zero, after the whole table is printed.

use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};

const USAGE: &str = "\
usage: cargo xtask bench [OPTIONS] [FILTER...]

Times benches/programs/*.py under cpjit (release build) and CPython 3.13.

options:
  --runs N          runs per program and configuration; the minimum counts (default 3)
  --tiers LIST      comma-separated cpjit configurations (default: tier1):
                      tier1    no extra arguments
                      generic  --no-specialize (tier 1 without specialization)
                      uops     --tier2=uops
                      jit    --tier2=jit
  --json PATH       also write the results as JSON to PATH
  --cpjit PATH      time this executable instead of building target/release/cpjit
                    (it is run as `PATH run [TIER ARGS] PROGRAM`)
  --timeout SECS    a run taking longer than this is killed and counts as FAIL
                    (default 120)
  --families        instead of --tiers: tier 1 against tier 1 with one specializable
                    family kept generic, for each family (what each family buys;
                    CPython is not run)
  FILTER            only programs whose name contains one of the FILTERs

CPython is found through $CPJIT_CPYTHON, the pyenv 3.13.0 install, or python3.13
on PATH; without it the CPython column and the ratios are left blank.";

/// The cpjit configurations `--tiers` knows, with the extra arguments each passes to
/// `cpjit run` (before the program path).
const TIERS: &[(&str, &[&str])] = &[
    ("tier1", &[]),
    ("generic", &["--no-specialize"]),
    ("uops", &["--tier2=uops"]),
    ("jit", &["--tier2=jit"]),
];

struct Options {
    runs: usize,
    tiers: Vec<String>,
    json: Option<PathBuf>,
    cpjit: Option<PathBuf>,
    timeout: Duration,
    filters: Vec<String>,
    families: bool,
}

fn parse_args(args: &[String]) -> anyhow::Result<Option<Options>> {
    let mut opts = Options {
        runs: 3,
        tiers: vec!["tier1".to_string()],
        json: None,
        cpjit: None,
        timeout: Duration::from_secs(120),
        filters: Vec::new(),
        families: false,
    };
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if arg == "-h" || arg == "--help" {
            println!("{USAGE}");
            return Ok(None);
        }
        if !arg.starts_with("--") {
            opts.filters.push(arg.clone());
            continue;
        }
        if arg == "--families" {
            opts.families = true;
            continue;
        }
        // `--name value` or `--name=value`.
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value.to_string())),
            None => (arg.as_str(), None),
        };
        let mut value = || -> anyhow::Result<String> {
            if let Some(v) = &inline {
                return Ok(v.clone());
            }
            let v = args
                .get(i)
                .with_context(|| format!("`{name}` needs a value\n\n{USAGE}"))?;
            i += 1;
            Ok(v.clone())
        };
        match name {
            "--runs" => {
                let v = value()?;
                opts.runs = v
                    .parse()
                    .ok()
                    .filter(|&n: &usize| n > 0)
                    .with_context(|| format!("--runs wants a positive integer, got `{v}`"))?;
            }
            "--tiers" => {
                let v = value()?;
                let mut tiers = Vec::new();
                for t in v.split(',').map(str::trim).filter(|t| !t.is_empty()) {
                    if !TIERS.iter().any(|(known, _)| *known == t) {
                        let known: Vec<&str> = TIERS.iter().map(|(k, _)| *k).collect();
                        bail!("unknown tier `{t}` (known: {})", known.join(", "));
                    }
                    if !tiers.iter().any(|have| have == t) {
                        tiers.push(t.to_string());
                    }
                }
                if tiers.is_empty() {
                    bail!("--tiers wants at least one tier name");
                }
                opts.tiers = tiers;
            }
            "--json" => opts.json = Some(PathBuf::from(value()?)),
            "--cpjit" => opts.cpjit = Some(PathBuf::from(value()?)),
            "--timeout" => {
                let v = value()?;
                let secs: f64 = v
                    .parse()
                    .ok()
                    .filter(|s: &f64| s.is_finite() && *s > 0.0)
                    .with_context(|| format!("--timeout wants a positive number, got `{v}`"))?;
                opts.timeout = Duration::from_secs_f64(secs);
            }
            _ => bail!("unknown option `{arg}`\n\n{USAGE}"),
        }
    }
    Ok(Some(opts))
}

/// One column of results: CPython, or cpjit with some extra arguments.
struct Config {
    /// `CPython`, or the tier name.
    name: String,
    program: PathBuf,
    /// Arguments before the benchmark's path.
    args: Vec<String>,
    is_cpython: bool,
}

/// How one configuration did on one program.
#[derive(Clone, Debug)]
enum Outcome {
    /// Every run printed the expected output; the wall time of each run, in seconds.
    Ok(Vec<f64>),
    /// A run printed something else (the detail says what).
    Wrong(String),
    /// A run could not start, crashed, exited non-zero or timed out.
    Fail(String),
}

impl Outcome {
    fn best(&self) -> Option<f64> {
        match self {
            Outcome::Ok(times) => times.iter().copied().reduce(f64::min),
            _ => None,
        }
    }
}

struct Bench {
    name: String,
    path: PathBuf,
    expected: String,
}

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let Some(opts) = parse_args(args)? else {
        return Ok(());
    };
    let root = crate::workspace_root();
    let benches = find_programs(&root, &opts.filters)?;

    let cpjit = match &opts.cpjit {
        Some(path) => {
            if !path.exists() {
                bail!("--cpjit {}: no such file", path.display());
            }
            path.clone()
        }
        None => build_cpjit(&root)?,
    };

    let (configs, cpython) = if opts.families {
        (family_configs(&cpjit)?, None)
    } else {
        let cpython = crate::find_cpython();
        if cpython.is_none() {
            eprintln!("bench: CPython 3.13 not found; timing cpjit alone");
        }
        (
            tier_configs(&opts.tiers, &cpjit, cpython.as_deref()),
            cpython,
        )
    };

    eprintln!(
        "bench: {} program(s), {} run(s) each, cpjit = {}{}",
        benches.len(),
        opts.runs,
        cpjit.display(),
        cpython
            .as_ref()
            .map(|p| format!(", CPython = {}", p.display()))
            .unwrap_or_default()
    );

    // results[program][config]
    let mut results: Vec<Vec<Outcome>> = Vec::new();
    for bench in &benches {
        eprint!("bench: {:<20}", bench.name);
        let mut outcomes: Vec<Outcome> = configs.iter().map(|_| Outcome::Ok(Vec::new())).collect();
        for _ in 0..opts.runs {
            for (config, outcome) in configs.iter().zip(outcomes.iter_mut()) {
                // Once a configuration went wrong on a program, stop running it there.
                let Outcome::Ok(times) = outcome else {
                    continue;
                };
                match time_one(config, bench, opts.timeout) {
                    Ok(secs) => times.push(secs),
                    Err(bad) => *outcome = bad,
                }
            }
            eprint!(".");
        }
        eprintln!();
        results.push(outcomes);
    }

    println!();
    if opts.families {
        print!("{}", render_families(&benches, &configs, &results));
    } else {
        print!("{}", render_table(&benches, &configs, &results));
        print!("{}", render_against_tier1(&benches, &configs, &results));
    }

    let mut problems = Vec::new();
    for (bench, outcomes) in benches.iter().zip(&results) {
        for (config, outcome) in configs.iter().zip(outcomes) {
            match outcome {
                Outcome::Ok(_) => {}
                Outcome::Wrong(detail) => {
                    problems.push(format!("{} [{}]: WRONG: {detail}", bench.name, config.name))
                }
                Outcome::Fail(detail) => {
                    problems.push(format!("{} [{}]: FAIL: {detail}", bench.name, config.name))
                }
            }
        }
    }
    if !problems.is_empty() {
        println!();
        for p in &problems {
            println!("{p}");
        }
    }

    if let Some(path) = &opts.json {
        let json = render_json(&opts, &cpjit, &benches, &configs, &results);
        std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))?;
        eprintln!("bench: wrote {}", path.display());
    }

    if !problems.is_empty() {
        bail!("{} benchmark run(s) were WRONG or FAILed", problems.len());
    }
    Ok(())
}

/// `benches/programs/*.py`, sorted by name, keeping those matching a filter (all when
/// there are no filters), each with its `.expected` output.
fn find_programs(root: &Path, filters: &[String]) -> anyhow::Result<Vec<Bench>> {
    let dir = root.join("benches").join("programs");
    let mut benches = Vec::new();
    let entries = std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if !filters.is_empty() && !filters.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let expected_path = path.with_extension("expected");
        let expected = std::fs::read_to_string(&expected_path).with_context(|| {
            format!(
                "reading {} (record it with `python3.13 {} > {}`)",
                expected_path.display(),
                path.display(),
                expected_path.display()
            )
        })?;
        benches.push(Bench {
            name: name.to_string(),
            path,
            expected,
        });
    }
    if benches.is_empty() {
        bail!("no benchmark in {} matches {:?}", dir.display(), filters);
    }
    benches.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(benches)
}

/// `cargo build --release -p cpjit`, returning the path of the built binary.
pub(crate) fn build_cpjit(root: &Path) -> anyhow::Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("bench: cargo build --release -p cpjit");
    let status = Command::new(cargo)
        .args(["build", "--release", "-p", "cpjit"])
        .current_dir(root)
        .status()
        .context("running cargo build")?;
    if !status.success() {
        bail!("cargo build --release -p cpjit failed ({status})");
    }
    // Cargo resolves a relative CARGO_TARGET_DIR against its working directory, which
    // was `root`.
    let target_dir = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    };
    let binary = target_dir
        .join("release")
        .join(format!("cpjit{}", std::env::consts::EXE_SUFFIX));
    if !binary.exists() {
        bail!("built cpjit, but {} does not exist", binary.display());
    }
    Ok(binary)
}

/// One timed run: the wall time in seconds when stdout matched, else the outcome.
fn time_one(config: &Config, bench: &Bench, timeout: Duration) -> Result<f64, Outcome> {
    let mut cmd = Command::new(&config.program);
    cmd.args(&config.args)
        .arg(&bench.path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if config.is_cpython {
        // Keep the user's environment from changing what CPython runs.
        cmd.env_remove("PYTHONPATH").env_remove("PYTHONSTARTUP");
    }
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| Outcome::Fail(format!("cannot start {}: {e}", config.program.display())))?;
    let pid = child.id();

    // Wait (and drain the pipes) on a helper thread so that this one can enforce the
    // timeout; the helper takes the end time as soon as the child is reaped.
    let mut stdout_pipe = child.stdout.take().expect("stdout is piped");
    let mut stderr_pipe = child.stderr.take().expect("stderr is piped");
    let (tx, rx) = mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let err_reader = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = stderr_pipe.read_to_end(&mut buf);
            buf
        });
        let mut stdout = Vec::new();
        let _ = stdout_pipe.read_to_end(&mut stdout);
        let status = child.wait();
        let end = Instant::now();
        let stderr = err_reader.join().unwrap_or_default();
        let _ = tx.send((status, end, stdout, stderr));
    });

    let (status, end, stdout, stderr) = match rx.recv_timeout(timeout) {
        Ok(done) => done,
        Err(_) => {
            kill_pid(pid);
            let _ = waiter.join();
            return Err(Outcome::Fail(format!("timed out after {timeout:?}")));
        }
    };
    let _ = waiter.join();
    let secs = end.duration_since(start).as_secs_f64();

    let status = status.map_err(|e| Outcome::Fail(format!("waiting for the process: {e}")))?;
    if !status.success() {
        let stderr = String::from_utf8_lossy(&stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(3).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(Outcome::Fail(format!("{status}: {}", tail.join(" | "))));
    }
    let stdout = String::from_utf8_lossy(&stdout);
    if stdout != bench.expected {
        return Err(Outcome::Wrong(describe_mismatch(&bench.expected, &stdout)));
    }
    Ok(secs)
}

/// Kills a child that ran past the timeout (by its process id).
fn kill_pid(pid: u32) {
    let pid = pid.to_string();
    let _ = if cfg!(windows) {
        Command::new("taskkill").args(["/F", "/PID", &pid]).output()
    } else {
        Command::new("kill").args(["-KILL", &pid]).output()
    };
}

/// The first line where `got` differs from `expected`, shortened.
fn describe_mismatch(expected: &str, got: &str) -> String {
    fn clip(s: &str) -> String {
        const MAX: usize = 80;
        if s.chars().count() <= MAX {
            format!("{s:?}")
        } else {
            let head: String = s.chars().take(MAX).collect();
            format!("{head:?}…")
        }
    }
    let mut exp = expected.lines();
    let mut act = got.lines();
    let mut line = 1;
    loop {
        match (exp.next(), act.next()) {
            (Some(e), Some(a)) if e == a => line += 1,
            (None, None) => return "output differs in line endings or trailing newline".into(),
            (e, a) => {
                return format!(
                    "line {line}: expected {}, got {}",
                    e.map(clip).unwrap_or_else(|| "end of output".into()),
                    a.map(clip).unwrap_or_else(|| "end of output".into()),
                )
            }
        }
    }
}

fn geomean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let log_sum: f64 = values.iter().map(|v| v.ln()).sum();
    Some((log_sum / values.len() as f64).exp())
}

/// Per-configuration summary: the geometric mean of the best times over the programs
/// where it succeeded, and (cpjit only) of the ratios over the programs where both it
/// and CPython succeeded, with how many programs each covers.
struct Summary {
    seconds: Option<f64>,
    seconds_count: usize,
    ratio: Option<f64>,
    ratio_count: usize,
}

fn ratio(cpython: Option<f64>, time: Option<f64>) -> Option<f64> {
    match (cpython, time) {
        (Some(c), Some(t)) if t > 0.0 => Some(c / t),
        _ => None,
    }
}

fn summarize(configs: &[Config], results: &[Vec<Outcome>]) -> Vec<Summary> {
    let cpython_index = configs.iter().position(|c| c.is_cpython);
    (0..configs.len())
        .map(|ci| {
            let times: Vec<f64> = results.iter().filter_map(|row| row[ci].best()).collect();
            let ratios: Vec<f64> = match cpython_index {
                Some(pi) if pi != ci => results
                    .iter()
                    .filter_map(|row| ratio(row[pi].best(), row[ci].best()))
                    .collect(),
                _ => Vec::new(),
            };
            Summary {
                seconds: geomean(&times),
                seconds_count: times.len(),
                ratio: geomean(&ratios),
                ratio_count: ratios.len(),
            }
        })
        .collect()
}

fn render_table(benches: &[Bench], configs: &[Config], results: &[Vec<Outcome>]) -> String {
    let cpython_index = configs.iter().position(|c| c.is_cpython);
    let time_cell = |o: &Outcome| match o {
        Outcome::Ok(_) => format!("{:.3}", o.best().unwrap_or(f64::NAN)),
        Outcome::Wrong(_) => "WRONG".to_string(),
        Outcome::Fail(_) => "FAIL".to_string(),
    };
    let ratio_cell = |r: Option<f64>| r.map_or("-".to_string(), |r| format!("{r:.2}x"));

    let mut header = vec!["program".to_string()];
    if cpython_index.is_none() {
        header.push("CPython s".to_string());
    }
    for config in configs {
        if config.is_cpython {
            header.push("CPython s".to_string());
        } else {
            header.push(format!("{} s", config.name));
            header.push(format!("{} vs CPython", config.name));
        }
    }

    let mut rows: Vec<Vec<String>> = Vec::new();
    for (bench, row) in benches.iter().zip(results) {
        let cpython_best = cpython_index.and_then(|pi| row[pi].best());
        let mut cells = vec![bench.name.clone()];
        if cpython_index.is_none() {
            cells.push("-".to_string());
        }
        for (config, outcome) in configs.iter().zip(row) {
            cells.push(time_cell(outcome));
            if !config.is_cpython {
                cells.push(ratio_cell(ratio(cpython_best, outcome.best())));
            }
        }
        rows.push(cells);
    }

    let summaries = summarize(configs, results);
    let n = benches.len();
    let partial = |count: usize| {
        if count == n {
            String::new()
        } else {
            format!(" ({count}/{n})")
        }
    };
    let mut cells = vec!["geomean".to_string()];
    if cpython_index.is_none() {
        cells.push("-".to_string());
    }
    for (config, s) in configs.iter().zip(&summaries) {
        cells.push(s.seconds.map_or("-".to_string(), |t| {
            format!("{t:.3}{}", partial(s.seconds_count))
        }));
        if !config.is_cpython {
            cells.push(s.ratio.map_or("-".to_string(), |r| {
                format!("{}{}", ratio_cell(Some(r)), partial(s.ratio_count))
            }));
        }
    }
    let geomean_row = cells;

    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows.iter().chain(std::iter::once(&geomean_row)) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i == 0 {
                let _ = write!(out, "{cell:<w$}");
            } else {
                let _ = write!(out, "  {cell:>w$}");
            }
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    };
    let rule: String = {
        let total = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
        format!("{}\n", "-".repeat(total))
    };

    let mut out = line(&header);
    out.push_str(&rule);
    for row in &rows {
        out.push_str(&line(row));
    }
    out.push_str(&rule);
    out.push_str(&line(&geomean_row));
    out
}

/// The programs whose time is spent in hot loops (the JIT's target set).
const LOOP_HEAVY: &[&str] = &[
    "float_loop",
    "nbody",
    "nested_loops",
    "sieve",
    "spectral_norm",
];

/// Each other cpjit configuration against tier 1 in the same run (tier-1 time /
/// its time): the geometric mean over every program and over [`LOOP_HEAVY`].
/// Empty when tier 1 was not run.
fn render_against_tier1(benches: &[Bench], configs: &[Config], results: &[Vec<Outcome>]) -> String {
    let Some(tier1) = configs.iter().position(|c| c.name == "tier1") else {
        return String::new();
    };
    let mut out = String::new();
    for (ci, config) in configs.iter().enumerate() {
        if config.is_cpython || ci == tier1 {
            continue;
        }
        let ratios = |only_loop_heavy: bool| -> Vec<f64> {
            benches
                .iter()
                .zip(results)
                .filter(|(bench, _)| !only_loop_heavy || LOOP_HEAVY.contains(&bench.name.as_str()))
                .filter_map(|(_, row)| ratio(row[tier1].best(), row[ci].best()))
                .collect()
        };
        let (all, loops) = (ratios(false), ratios(true));
        let cell = |values: &[f64]| {
            geomean(values).map_or("-".to_string(), |r| {
                format!("{r:.2}x ({} programs)", values.len())
            })
        };
        let _ = writeln!(
            out,
            "{} vs tier1: {} overall, {} loop-heavy ({})",
            config.name,
            cell(&all),
            cell(&loops),
            LOOP_HEAVY.join(", ")
        );
    }
    out
}

/// CPython (when found), then cpjit under each of `tiers` (names from [`TIERS`]).
fn tier_configs(tiers: &[String], cpjit: &Path, cpython: Option<&Path>) -> Vec<Config> {
    let mut configs = Vec::new();
    if let Some(python) = cpython {
        configs.push(Config {
            name: "CPython".to_string(),
            program: python.to_path_buf(),
            args: Vec::new(),
            is_cpython: true,
        });
    }
    for tier in tiers {
        let extra = TIERS
            .iter()
            .find(|(name, _)| name == tier)
            .map(|(_, extra)| *extra)
            .unwrap_or_default();
        let mut args = vec!["run".to_string()];
        args.extend(extra.iter().map(|a| a.to_string()));
        configs.push(Config {
            name: tier.clone(),
            program: cpjit.to_path_buf(),
            args,
            is_cpython: false,
        });
    }
    configs
}

/// `--families`: tier 1, then tier 1 with each family `cpjit families` lists kept
/// generic (configuration named after the family).
fn family_configs(cpjit: &Path) -> anyhow::Result<Vec<Config>> {
    let listed = Command::new(cpjit)
        .arg("families")
        .output()
        .with_context(|| format!("running {} families", cpjit.display()))?;
    if !listed.status.success() {
        bail!("{} families failed ({})", cpjit.display(), listed.status);
    }
    let mut configs = vec![Config {
        name: "tier1".to_string(),
        program: cpjit.to_path_buf(),
        args: vec!["run".to_string()],
        is_cpython: false,
    }];
    for family in String::from_utf8_lossy(&listed.stdout).split_whitespace() {
        configs.push(Config {
            name: family.to_string(),
            program: cpjit.to_path_buf(),
            args: vec![
                "run".to_string(),
                "--no-specialize-family".to_string(),
                family.to_string(),
            ],
            is_cpython: false,
        });
    }
    Ok(configs)
}

/// `--families`: per program and family, how much slower tier 1 is with the family
/// kept generic (its time then / tier 1's time; 1.00x: the family buys nothing there),
/// with the geometric mean per family, then the families from most to least useful.
fn render_families(benches: &[Bench], configs: &[Config], results: &[Vec<Outcome>]) -> String {
    let Some(tier1) = configs.iter().position(|c| c.name == "tier1") else {
        return String::new();
    };
    let families: Vec<usize> = (0..configs.len()).filter(|&ci| ci != tier1).collect();
    // Column names: the family's first 11 characters.
    let short = |name: &str| -> String { name.chars().take(11).collect() };
    let mut out = String::new();
    let _ = write!(out, "{:<16} {:>8}", "program", "tier1 s");
    for &ci in &families {
        let _ = write!(out, " {:>11}", short(&configs[ci].name));
    }
    out.push('\n');
    let slowdown = |row: &[Outcome], ci: usize| ratio(row[ci].best(), row[tier1].best());
    for (bench, row) in benches.iter().zip(results) {
        let base = row[tier1]
            .best()
            .map_or("FAIL".to_string(), |t| format!("{t:.3}"));
        let _ = write!(out, "{:<16} {:>8}", bench.name, base);
        for &ci in &families {
            let cell = slowdown(row, ci).map_or("FAIL".to_string(), |r| format!("{r:.2}x"));
            let _ = write!(out, " {cell:>11}");
        }
        out.push('\n');
    }
    let mut means: Vec<(f64, &str, f64, &str)> = Vec::new();
    let _ = write!(out, "{:<16} {:>8}", "geomean", "");
    for &ci in &families {
        let values: Vec<(f64, &str)> = benches
            .iter()
            .zip(results)
            .filter_map(|(bench, row)| slowdown(row, ci).map(|r| (r, bench.name.as_str())))
            .collect();
        let ratios: Vec<f64> = values.iter().map(|(r, _)| *r).collect();
        let cell = geomean(&ratios).map_or("-".to_string(), |g| format!("{g:.2}x"));
        let _ = write!(out, " {cell:>11}");
        if let (Some(mean), Some(&(best, program))) = (
            geomean(&ratios),
            values.iter().max_by(|a, b| a.0.total_cmp(&b.0)),
        ) {
            means.push((mean, configs[ci].name.as_str(), best, program));
        }
    }
    out.push('\n');
    means.sort_by(|a, b| b.0.total_cmp(&a.0));
    let _ = writeln!(
        out,
        "\nwhat each family buys (tier 1 time with it generic / specialized; geomean, then its best program):"
    );
    for (mean, family, best, program) in means {
        let _ = writeln!(
            out,
            "  {family:<16} {mean:.2}x  (up to {best:.2}x on {program})"
        );
    }
    out
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_number(v: Option<f64>) -> String {
    match v {
        Some(v) if v.is_finite() => format!("{v:.6}"),
        _ => "null".to_string(),
    }
}

fn render_json(
    opts: &Options,
    cpjit: &Path,
    benches: &[Bench],
    configs: &[Config],
    results: &[Vec<Outcome>],
) -> String {
    let cpython_index = configs.iter().position(|c| c.is_cpython);
    let mut out = String::new();
    out.push_str("{\n");
    let _ = writeln!(out, "  \"runs\": {},", opts.runs);
    let _ = writeln!(
        out,
        "  \"cpjit\": {},",
        json_string(&cpjit.display().to_string())
    );
    let cpython = cpython_index
        .map(|pi| json_string(&configs[pi].program.display().to_string()))
        .unwrap_or_else(|| "null".to_string());
    let _ = writeln!(out, "  \"cpython\": {cpython},");

    out.push_str("  \"configs\": [\n");
    let config_lines: Vec<String> = configs
        .iter()
        .map(|c| {
            let args: Vec<String> = c.args.iter().map(|a| json_string(a)).collect();
            format!(
                "    {{\"name\": {}, \"cpython\": {}, \"args\": [{}]}}",
                json_string(&c.name),
                c.is_cpython,
                args.join(", ")
            )
        })
        .collect();
    out.push_str(&config_lines.join(",\n"));
    out.push_str("\n  ],\n");

    out.push_str("  \"programs\": [\n");
    let program_blocks: Vec<String> = benches
        .iter()
        .zip(results)
        .map(|(bench, row)| {
            let cpython_best = cpython_index.and_then(|pi| row[pi].best());
            let entries: Vec<String> = configs
                .iter()
                .zip(row)
                .map(|(config, outcome)| {
                    let (status, detail, times) = match outcome {
                        Outcome::Ok(times) => ("ok", None, times.as_slice()),
                        Outcome::Wrong(d) => ("wrong", Some(d), &[][..]),
                        Outcome::Fail(d) => ("fail", Some(d), &[][..]),
                    };
                    let all: Vec<String> = times.iter().map(|t| json_number(Some(*t))).collect();
                    let mut e = format!(
                        "        {}: {{\"status\": \"{status}\", \"seconds\": {}, \"all_seconds\": [{}]",
                        json_string(&config.name),
                        json_number(outcome.best()),
                        all.join(", ")
                    );
                    if !config.is_cpython {
                        let _ = write!(
                            e,
                            ", \"ratio\": {}",
                            json_number(ratio(cpython_best, outcome.best()))
                        );
                    }
                    if let Some(d) = detail {
                        let _ = write!(e, ", \"detail\": {}", json_string(d));
                    }
                    e.push('}');
                    e
                })
                .collect();
            format!(
                "    {{\n      \"name\": {},\n      \"results\": {{\n{}\n      }}\n    }}",
                json_string(&bench.name),
                entries.join(",\n")
            )
        })
        .collect();
    out.push_str(&program_blocks.join(",\n"));
    out.push_str("\n  ],\n");

    out.push_str("  \"geomean\": {\n");
    let summaries = summarize(configs, results);
    let geo_lines: Vec<String> = configs
        .iter()
        .zip(&summaries)
        .map(|(config, s)| {
            let mut e = format!(
                "    {}: {{\"seconds\": {}, \"programs\": {}",
                json_string(&config.name),
                json_number(s.seconds),
                s.seconds_count
            );
            if !config.is_cpython {
                let _ = write!(
                    e,
                    ", \"ratio\": {}, \"ratio_programs\": {}",
                    json_number(s.ratio),
                    s.ratio_count
                );
            }
            e.push('}');
            e
        })
        .collect();
    out.push_str(&geo_lines.join(",\n"));
    out.push_str("\n  }\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(name: &str) -> Config {
        Config {
            name: name.to_string(),
            program: PathBuf::new(),
            args: Vec::new(),
            is_cpython: name == "CPython",
        }
    }

    fn bench(name: &str) -> Bench {
        Bench {
            name: name.to_string(),
            path: PathBuf::new(),
            expected: String::new(),
        }
    }

    /// The JIT against tier 1: best times, geometric means, loop-heavy programs apart.
    #[test]
    fn against_tier1_uses_best_times_and_the_loop_heavy_set() {
        let configs = [config("CPython"), config("tier1"), config("jit")];
        let benches = [bench("nbody"), bench("sieve"), bench("richards")];
        let ok = |times: &[f64]| Outcome::Ok(times.to_vec());
        let results = vec![
            vec![ok(&[1.0]), ok(&[2.0, 1.0]), ok(&[0.5])],
            vec![ok(&[1.0]), ok(&[4.0]), ok(&[1.0, 2.0])],
            vec![ok(&[1.0]), ok(&[1.0]), Outcome::Fail("crashed".into())],
        ];
        let text = render_against_tier1(&benches, &configs, &results);
        // nbody 1.0/0.5 = 2, sieve 4/1 = 4: geomean sqrt(8); richards has no ratio.
        assert_eq!(
            text,
            "jit vs tier1: 2.83x (2 programs) overall, 2.83x (2 programs) loop-heavy \
             (float_loop, nbody, nested_loops, sieve, spectral_norm)\n"
        );
        assert_eq!(render_against_tier1(&benches, &configs[..1], &results), "");
    }
}
