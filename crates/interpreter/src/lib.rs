//! cpjit interpreter: the tier-1 evaluation loop and program execution.
//!
//! Owns running code objects on a [`cpjit_runtime::Vm`]: frames, calls, exception
//! unwinding, imports of builtin modules, tracebacks, and the top-level program runner
//! (`run_program`) with CPython's exit-code rules. Later it also owns specialization,
//! inline caches, hot counters, `ENTER_EXECUTOR` and the tier-2 uop interpreter. Must
//! never contain machine code or stencils.

mod call;
pub mod classes;
pub mod eval;
mod fast_paths;
pub mod generators;
mod inner_loop;
pub mod modules;
pub mod patterns;
pub mod specialize;
pub mod stats;
pub mod tier2;
pub mod uop_interpreter;

pub use tier2::{optimizer, set_optimizer};
pub mod traceback;

use std::io::Write;
use std::sync::Arc;

use cpjit_bytecode::CodeObject;
use cpjit_runtime::object::ObjKind;
use cpjit_runtime::vm::kind;
use cpjit_runtime::{Frame, PyErr, Value, Vm};

pub use traceback::SourceCache;

/// Native stack for the thread that runs Python code: frames live in VM memory, but
/// native callbacks (`sorted(key=…)`, `repr` of nested containers) still recurse.
pub const INTERPRETER_STACK_BYTES: usize = 512 << 20;

/// The optimizer installed for a run (`cpjit run --tier2=…`, `CPJIT_TIER2`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tier2Mode {
    /// Hot loops stay in tier 1.
    #[default]
    Off,
    /// The counter optimizer (a test fixture: executors count entries).
    Counter,
    /// The uop optimizer: traces run by the tier-2 interpreter.
    Uops,
    /// The uop optimizer with traces compiled by the copy-and-patch JIT (installed
    /// through [`RunOptions::jit`], since the JIT crate sits above this one).
    Jit,
}

impl Tier2Mode {
    /// Parses a `--tier2`/`CPJIT_TIER2` value.
    pub fn parse(text: &str) -> Result<Tier2Mode, String> {
        match text.trim() {
            "off" | "" => Ok(Tier2Mode::Off),
            "counter" => Ok(Tier2Mode::Counter),
            "uops" => Ok(Tier2Mode::Uops),
            "jit" => Ok(Tier2Mode::Jit),
            other => Err(format!(
                "unknown tier-2 mode '{other}' (expected off, counter, uops or jit)"
            )),
        }
    }
}

/// Options for one program run.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// `sys.argv`, starting with the script path.
    pub argv: Vec<String>,
    /// After the run, print specialization and runtime counters to stderr.
    pub print_stats: bool,
    /// After the run, print every code object with its current (specialized)
    /// instructions to stdout, like `dis.dis(adaptive=True)`.
    pub print_adaptive_dis: bool,
    /// `JUMP_BACKWARD` warm-up threshold and backoff (`None`: the defaults, 16 and 4).
    pub hot_threshold: Option<u16>,
    /// Keep every instruction generic (no specialization).
    pub no_specialize: bool,
    /// Keep these specializable families generic (the others specialize).
    pub unspecialized_families: Vec<cpjit_bytecode::Opcode>,
    /// Run every instruction through the main loop of tier 1 (no inner loop).
    pub no_inner_loop: bool,
    /// Which optimizer hot loops are handed to.
    pub tier2: Tier2Mode,
    /// Stress mode: tier-2 guards fail on purpose (see `Vm::force_deopt`).
    pub force_deopt: bool,
    /// Collect after every this many bytes of allocation (`None`: the default policy;
    /// small values are a stress mode for finding unrooted values).
    pub gc_threshold: Option<usize>,
    /// After the run, print the optimizer's report (traces before/after the passes)
    /// to stdout (`cpjit trace`).
    pub print_traces: bool,
    /// After the run, write every counter as JSON to this file (`--stats-json`).
    pub stats_json: Option<std::path::PathBuf>,
    /// Makes the JIT optimizer for [`Tier2Mode::Jit`] (the `cpjit` command passes
    /// `cpjit_jit::JitOptimizer`); without it `--tier2=jit` is refused.
    pub jit: Option<fn() -> Box<dyn cpjit_optimizer::Optimizer>>,
}

/// Creates a VM wired to this interpreter.
pub fn new_vm(stdout: Box<dyn Write>, stderr: Box<dyn Write>) -> Vm {
    let mut vm = Vm::new(stdout, stderr);
    vm.call_hook = eval::call_hook;
    vm.resume_hook = generators::resume;
    let builtins = vm.builtins;
    for (name, function) in [
        (
            "__build_class__",
            classes::build_class as cpjit_runtime::object::NativeFn,
        ),
        ("super", classes::super_builtin),
    ] {
        let native = vm.new_native(name, function);
        let key = vm.intern(name);
        cpjit_runtime::builtins::set_name(&mut vm, builtins, key, native);
    }
    vm
}

/// Runs a module's code object in a fresh `__main__` namespace.
pub fn run_main_module(vm: &mut Vm, code: Arc<CodeObject>) -> Result<Value, PyErr> {
    let globals = vm.new_dict();
    let name_key = vm.names.dunder_name;
    let main = vm.names.dunder_main;
    cpjit_runtime::ops::dict_set(vm, globals, name_key, main)?;
    let file_key = vm.intern_static("__file__");
    let file = vm.new_str(&code.filename);
    cpjit_runtime::ops::dict_set(vm, globals, file_key, file)?;
    run_module_code(vm, code, globals)
}

/// Runs a module's code object with `globals` as its namespace (which gets
/// `__builtins__`); returns what the module code returned.
pub fn run_module_code(vm: &mut Vm, code: Arc<CodeObject>, globals: Value) -> Result<Value, PyErr> {
    let builtins_key = vm.names.dunder_builtins;
    let builtins_module =
        cpjit_runtime::ops::dict_get_str(vm.modules, vm.intern_static("builtins"))
            .unwrap_or(Value::NONE);
    cpjit_runtime::ops::dict_set(vm, globals, builtins_key, builtins_module)?;
    let nlocalsplus = code.localsplus_count();
    let code_value = vm.new_code(code);
    let base = vm.stack.len();
    // Module code keeps inlined-comprehension variables in fast locals (PEP 709).
    vm.stack
        .extend(std::iter::repeat_n(Value::NULL, nlocalsplus));
    vm.frames.push(Frame {
        function: Value::NONE,
        code: code_value,
        globals,
        builtins: vm.builtins,
        locals_dict: globals,
        base,
        ip: 0,
        last_ip: 0,
        caller_sp: base,
        generator: Value::NULL,
    });
    let depth = vm.frames.len() - 1;
    eval::run(vm, depth)
}

/// Compiles and runs a program; writes its output and any error report; returns the
/// process exit code CPython would use.
pub fn run_program(
    filename: &str,
    source: &str,
    options: &RunOptions,
    stdout: Box<dyn Write + Send>,
    stderr: Box<dyn Write + Send>,
) -> i32 {
    let filename = filename.to_string();
    let source = source.to_string();
    let options = options.clone();
    let worker = std::thread::Builder::new()
        .name("cpjit-main".into())
        .stack_size(INTERPRETER_STACK_BYTES)
        .spawn(move || run_program_on_this_thread(&filename, &source, &options, stdout, stderr));
    match worker {
        Ok(handle) => handle.join().unwrap_or(70),
        Err(_) => 70,
    }
}

fn run_program_on_this_thread(
    filename: &str,
    source: &str,
    options: &RunOptions,
    stdout: Box<dyn Write + Send>,
    mut stderr: Box<dyn Write + Send>,
) -> i32 {
    let code = match cpjit_compiler::compile_module_to_run(source, filename) {
        Ok(code) => code,
        Err(error) => {
            let _ = stderr.write_all(traceback::format_compile_error(&error).as_bytes());
            let _ = stderr.flush();
            return 1;
        }
    };
    let mut sources = SourceCache::default();
    sources.insert(filename, source);
    let mut vm = new_vm(Box::new(std::io::BufWriter::new(stdout)), stderr);
    vm.argv = options.argv.clone();
    vm.stats.enabled = options.print_stats || options.stats_json.is_some();
    vm.specialization_enabled = !options.no_specialize;
    vm.unspecialized_families = options.unspecialized_families.clone();
    vm.inner_loop_enabled = !options.no_inner_loop;
    match options.tier2 {
        Tier2Mode::Off => {}
        Tier2Mode::Counter => set_optimizer(
            &mut vm,
            Some(Box::new(cpjit_optimizer::CounterOptimizer::new())),
        ),
        Tier2Mode::Uops => set_optimizer(
            &mut vm,
            Some(Box::new(cpjit_optimizer::UopOptimizer::new())),
        ),
        Tier2Mode::Jit => match options.jit {
            Some(make) => set_optimizer(&mut vm, Some(make())),
            None => {
                let _ = writeln!(
                    vm.stderr,
                    "cpjit: --tier2=jit is not supported by this embedding (no JIT linked)"
                );
                return 2;
            }
        },
    }
    vm.force_deopt = options.force_deopt;
    if let Some(bytes) = options.gc_threshold {
        vm.heap.set_minimum_threshold(bytes);
    }
    if let Some(threshold) = options.hot_threshold {
        vm.hot_threshold = threshold.min(4095);
    }
    let result = run_main_module(&mut vm, code);
    let status = match result {
        Ok(_) => 0,
        Err(error) => exit_status_for(&mut vm, error, &mut sources),
    };
    if options.print_adaptive_dis {
        let listing = stats::adaptive_listing(&vm);
        let _ = vm.stdout.write_all(listing.as_bytes());
    }
    if let Some(path) = &options.stats_json {
        if let Err(error) = std::fs::write(path, stats::json(&vm) + "\n") {
            let _ = writeln!(vm.stderr, "cpjit: cannot write {}: {error}", path.display());
        }
    }
    if options.print_traces {
        let mut report = String::new();
        if let Some(optimizer) = optimizer(&vm) {
            report.push_str(&optimizer.report());
        }
        for (i, executor) in tier2::describe_executors(&vm).iter().enumerate() {
            report.push_str(&format!("executor {i}: {executor}\n"));
        }
        let _ = vm.stdout.write_all(report.as_bytes());
    }
    if options.print_stats {
        let _ = vm.stdout.flush();
        let report = stats::report(&vm);
        let _ = vm.stderr.write_all(report.as_bytes());
    }
    let _ = vm.stdout.flush();
    let _ = vm.stderr.flush();
    status
}

/// Reports an uncaught exception (or honours `SystemExit`) and returns the exit code.
pub fn exit_status_for(vm: &mut Vm, error: PyErr, sources: &mut SourceCache) -> i32 {
    let _ = vm.stdout.flush();
    if vm.isinstance(error.0, vm.exceptions.system_exit) {
        let code = match kind(&error.0) {
            Some(ObjKind::Exception(e)) => match kind(&e.args.borrow()) {
                Some(ObjKind::Tuple(items)) if items.len() == 1 => items[0],
                Some(ObjKind::Tuple(items)) if items.is_empty() => Value::NONE,
                _ => *e.args.borrow(),
            },
            _ => Value::NONE,
        };
        if code.is_none() {
            return 0;
        }
        if let Some(n) = cpjit_runtime::ops::to_i64(code) {
            return (n & 0xff) as i32;
        }
        let text = cpjit_runtime::display::str(vm, code).unwrap_or_default();
        let _ = writeln!(vm.stderr, "{text}");
        return 1;
    }
    let report = traceback::format_exception(vm, error.0, sources);
    let _ = vm.stderr.write_all(report.as_bytes());
    1
}
