//! The `cpjit` command: argument parsing and the `run` and `dis` subcommands.
//!
//! Owns the command-line surface only: reading files, turning undecodable source into
//! CPython's errors, and choosing what to run. Must never hold logic the crates should
//! own (compilation, execution, formatting of tracebacks).

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// A Python 3.13 runtime with a specializing interpreter and a copy-and-patch JIT.
#[derive(Parser, Debug)]
#[command(name = "cpjit", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run a Python program (any file name or extension).
    Run {
        /// Print specialization and runtime counters to stderr after the run.
        #[arg(long)]
        stats: bool,
        /// Do not specialize instructions (the plain tier-1 interpreter).
        #[arg(long)]
        no_specialize: bool,
        /// Keep one specializable family generic, e.g. LOAD_ATTR (repeatable; the
        /// others specialize): what that family's specialized forms buy.
        #[arg(long, value_name = "FAMILY")]
        no_specialize_family: Vec<String>,
        /// Optimizer for hot loops: off, counter, uops, jit (default: $CPJIT_TIER2, else
        /// off).
        #[arg(long, value_name = "MODE")]
        tier2: Option<String>,
        /// Write every counter (specialization, tier 2, GC) as JSON to PATH after the run.
        #[arg(long, value_name = "PATH")]
        stats_json: Option<PathBuf>,
        /// The program to run.
        file: PathBuf,
        /// Arguments passed to the program as `sys.argv[1:]`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Run a program with the uop optimizer and print each trace before and after the
    /// passes, with exits and targets.
    Trace {
        /// Compile the traces with the JIT and also show each compiled trace's size
        /// and uop offsets.
        #[arg(long)]
        jit: bool,
        /// The program to run.
        file: PathBuf,
        /// Arguments for the program.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// List the specializable instruction families, one per line (the values
    /// `run --no-specialize-family` takes).
    Families,
    /// Print the JIT's stencils (or the one for UOP) with bytes, holes and disassembly.
    Stencils {
        /// A uop name such as `_LOAD_FAST` (the leading underscore may be left out).
        uop: Option<String>,
    },
    /// Print the bytecode of a program in the layout of `python3.13 -m dis`.
    Dis {
        /// Run the program first, then show the instructions as specialized by the
        /// adaptive interpreter (like `dis.dis(adaptive=True)`).
        #[arg(long)]
        adaptive: bool,
        /// The program to disassemble.
        file: PathBuf,
        /// Arguments for the program when `--adaptive` runs it.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

/// Reads a source file the way CPython does: UTF-8 (with an optional BOM); null bytes
/// and undecodable bytes are SyntaxErrors reported like CPython's.
pub fn read_source(path: &std::path::Path) -> Result<String, (String, i32)> {
    let display = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(2);
            let reason = match e.kind() {
                std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
                _ => e.to_string(),
            };
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            return Err((
                format!(
                    "cpjit: can't open file '{}': [Errno {errno}] {reason}\n",
                    absolute.display()
                ),
                2,
            ));
        }
    };
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    if bytes.contains(&0) {
        return Err((
            "SyntaxError: source code cannot contain null bytes\n".to_string(),
            1,
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(error) => {
            let position = error.valid_up_to();
            let line = bytes[..position].iter().filter(|b| **b == b'\n').count() + 1;
            let byte = bytes[position];
            Err((
                format!(
                    "SyntaxError: Non-UTF-8 code starting with '\\x{byte:02x}' in file {display} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"
                ),
                1,
            ))
        }
    }
}

/// Runs a program file with the given `sys.argv[1:]`; returns the exit code.
pub fn run_file(
    path: &std::path::Path,
    args: &[String],
    stdout: Box<dyn Write + Send>,
    stderr: Box<dyn Write + Send>,
) -> i32 {
    run_file_with(
        path,
        args,
        &cpjit_interpreter::RunOptions::default(),
        stdout,
        stderr,
    )
}

/// [`run_file`] with run options (`argv` is filled in from `path` and `args`).
/// `CPJIT_HOT_THRESHOLD` in the environment sets the back-edge threshold and
/// `CPJIT_FORCE_DEOPT=1` makes tier-2 guards fail on purpose (stress modes);
/// `CPJIT_GC_THRESHOLD=BYTES` collects after every BYTES of allocation (a stress mode
/// for finding values the collector cannot see).
pub fn run_file_with(
    path: &std::path::Path,
    args: &[String],
    options: &cpjit_interpreter::RunOptions,
    stdout: Box<dyn Write + Send>,
    mut stderr: Box<dyn Write + Send>,
) -> i32 {
    let source = match read_source(path) {
        Ok(s) => s,
        Err((message, code)) => {
            let _ = stderr.write_all(message.as_bytes());
            return code;
        }
    };
    let filename = path.display().to_string();
    let mut argv = vec![filename.clone()];
    argv.extend(args.iter().cloned());
    let mut options = options.clone();
    options.argv = argv;
    if options.hot_threshold.is_none() {
        options.hot_threshold = std::env::var("CPJIT_HOT_THRESHOLD")
            .ok()
            .and_then(|v| v.trim().parse().ok());
    }
    if std::env::var("CPJIT_FORCE_DEOPT").is_ok_and(|v| v.trim() == "1") {
        options.force_deopt = true;
    }
    if options.gc_threshold.is_none() {
        options.gc_threshold = std::env::var("CPJIT_GC_THRESHOLD")
            .ok()
            .and_then(|v| v.trim().parse().ok());
    }
    if options.jit.is_none() {
        options.jit = Some(make_jit_optimizer);
    }
    cpjit_interpreter::run_program(&filename, &source, &options, stdout, stderr)
}

fn make_jit_optimizer() -> Box<dyn cpjit_optimizer::Optimizer> {
    Box::new(cpjit_jit::JitOptimizer::new())
}

/// `cpjit stencils [UOP]`: every stencil (or the named one) with its bytes, holes and
/// disassembly. Returns the exit status.
pub fn print_stencils(name: Option<&str>, out: &mut dyn Write) -> i32 {
    let table = &cpjit_jit::jit_stencils::X86_64;
    let all = table.all();
    let mut found = false;
    for stencil in all {
        if name.is_some_and(|n| n != stencil.name && n != stencil.name.trim_start_matches('_')) {
            continue;
        }
        found = true;
        let _ = writeln!(out, "{}", cpjit_jit::disasm::x86_64_listing(stencil));
    }
    if found {
        0
    } else {
        let _ = writeln!(
            out,
            "cpjit: no stencil named '{}'",
            name.unwrap_or_default()
        );
        2
    }
}

/// `cpjit dis FILE`: the listing, or the compile error.
pub fn dis_file(path: &std::path::Path, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let source = match read_source(path) {
        Ok(s) => s,
        Err((message, code)) => {
            let _ = stderr.write_all(message.as_bytes());
            return code;
        }
    };
    let filename = path.display().to_string();
    match cpjit_compiler::compile_module(&source, &filename) {
        Ok(code) => {
            let _ = stdout.write_all(cpjit_bytecode::disassemble_recursive(&code).as_bytes());
            0
        }
        Err(error) => {
            let _ = stderr
                .write_all(cpjit_interpreter::traceback::format_compile_error(&error).as_bytes());
            1
        }
    }
}

/// The specializable families named by `--no-specialize-family` (names as `cpjit dis`
/// prints them: `LOAD_ATTR`, `CALL`, ...).
fn parse_families(names: &[String]) -> Result<Vec<cpjit_bytecode::Opcode>, String> {
    names
        .iter()
        .map(|name| match cpjit_bytecode::Opcode::from_name(name) {
            Some(op) if op.is_specializable() => Ok(op),
            _ => Err(format!(
                "--no-specialize-family: {name} is not a specializable family (one of: {})",
                specializable_family_names().join(", ")
            )),
        })
        .collect()
}

/// The families that have specialized forms, in opcode order.
pub fn specializable_family_names() -> Vec<&'static str> {
    cpjit_bytecode::ALL_OPCODES
        .iter()
        .filter(|op| op.is_specializable())
        .map(|op| op.name())
        .collect()
}

/// Entry point shared by the binary and the tests.
pub fn main_with_args(args: Vec<String>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Run {
            file,
            args,
            stats,
            no_specialize,
            no_specialize_family,
            tier2,
            stats_json,
        } => {
            let unspecialized_families = match parse_families(&no_specialize_family) {
                Ok(families) => families,
                Err(message) => {
                    eprintln!("cpjit: {message}");
                    return 2;
                }
            };
            let tier2_text = tier2.or_else(|| std::env::var("CPJIT_TIER2").ok());
            let tier2 = match tier2_text
                .as_deref()
                .map(cpjit_interpreter::Tier2Mode::parse)
            {
                None => cpjit_interpreter::Tier2Mode::Off,
                Some(Ok(mode)) => mode,
                Some(Err(message)) => {
                    eprintln!("cpjit: {message}");
                    return 2;
                }
            };
            run_file_with(
                &file,
                &args,
                &cpjit_interpreter::RunOptions {
                    print_stats: stats,
                    no_specialize,
                    unspecialized_families,
                    tier2,
                    stats_json,
                    ..Default::default()
                },
                Box::new(std::io::stdout()),
                Box::new(std::io::stderr()),
            )
        }
        Command::Families => {
            for name in specializable_family_names() {
                println!("{name}");
            }
            0
        }
        Command::Stencils { uop } => {
            let stdout = std::io::stdout();
            print_stencils(uop.as_deref(), &mut stdout.lock())
        }
        Command::Trace { file, args, jit } => run_file_with(
            &file,
            &args,
            &cpjit_interpreter::RunOptions {
                tier2: if jit {
                    cpjit_interpreter::Tier2Mode::Jit
                } else {
                    cpjit_interpreter::Tier2Mode::Uops
                },
                print_traces: true,
                ..Default::default()
            },
            Box::new(std::io::stdout()),
            Box::new(std::io::stderr()),
        ),
        Command::Dis {
            file,
            adaptive: true,
            args,
        } => run_file_with(
            &file,
            &args,
            &cpjit_interpreter::RunOptions {
                print_adaptive_dis: true,
                ..Default::default()
            },
            Box::new(std::io::stdout()),
            Box::new(std::io::stderr()),
        ),
        Command::Dis { file, .. } => {
            let stdout = std::io::stdout();
            let stderr = std::io::stderr();
            dis_file(&file, &mut stdout.lock(), &mut stderr.lock())
        }
    }
}
