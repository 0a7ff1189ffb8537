//! cpjit optimizer API: the plugin interface between the interpreter and optimizers.
//!
//! Owns the traits [`Optimizer`] (asked to optimize a hot loop) and [`Executor`] (the
//! optimized code it returns), their request/outcome types, and the built-in
//! [`CounterOptimizer`] (a test fixture, like CPython's). Mirrors CPython 3.13's
//! `PyUnstable_SetOptimizer`/`GetOptimizer` design: the VM holds one installed
//! optimizer; a hot `JUMP_BACKWARD` asks it for an executor, which then replaces the
//! back edge as `ENTER_EXECUTOR`.
//!
//! Must never emit machine code (that is `cpjit-jit`) nor depend on the interpreter:
//! executors run through the [`ExecutionContext`] the interpreter passes in.
//!
//! The uop optimizer ([`UopOptimizer`]) projects hot loops into micro-op traces
//! ([`trace`]), simplifies them with passes, and returns executors the interpreter's
//! tier-2 interpreter runs.
//!
//! # Installing your own optimizer
//!
//! ```
//! use std::cell::Cell;
//! use std::rc::Rc;
//! use cpjit_optimizer::{ExecutionContext, Executor, ExecutorOutcome, OptError, OptimizeRequest, Optimizer};
//!
//! /// Counts how often each hot loop is entered and lets tier 1 go on.
//! struct LoggingExecutor { loop_head: usize, entries: Cell<u64>, valid: Cell<bool> }
//!
//! impl Executor for LoggingExecutor {
//!     fn execute(&self, _context: &mut ExecutionContext<'_>) -> ExecutorOutcome {
//!         self.entries.set(self.entries.get() + 1);
//!         ExecutorOutcome::ResumeAt(self.loop_head)
//!     }
//!     fn is_valid(&self) -> bool { self.valid.get() }
//!     fn invalidate(&self) { self.valid.set(false) }
//!     fn describe(&self) -> String { format!("logging executor, {} entries", self.entries.get()) }
//! }
//!
//! struct LoggingOptimizer;
//!
//! impl Optimizer for LoggingOptimizer {
//!     fn name(&self) -> &str { "logging" }
//!     fn optimize(&mut self, request: &mut OptimizeRequest<'_>) -> Result<Option<Rc<dyn Executor>>, OptError> {
//!         Ok(Some(Rc::new(LoggingExecutor {
//!             loop_head: request.loop_head,
//!             entries: Cell::new(0),
//!             valid: Cell::new(true),
//!         })))
//!     }
//! }
//!
//! // A consumer embedding the VM installs it through the interpreter:
//! //     cpjit_interpreter::set_optimizer(&mut vm, Some(Box::new(LoggingOptimizer)));
//! let mut optimizer = LoggingOptimizer;
//! assert_eq!(optimizer.name(), "logging");
//! ```

use std::cell::Cell;
use std::rc::Rc;

use cpjit_runtime::{PyErr, Value, Vm};

pub mod trace;

/// What an optimizer is asked to optimize: a loop whose back edge became hot.
pub struct OptimizeRequest<'a> {
    pub vm: &'a mut Vm,
    /// The code object (a runtime `Code` value) containing the loop.
    pub code: Value,
    /// Index of the hot `JUMP_BACKWARD`.
    pub back_edge: usize,
    /// Index of the loop head (the back edge's target).
    pub loop_head: usize,
    /// The running frame's globals and builtins namespaces (dicts).
    pub globals: Value,
    pub builtins: Value,
}

/// Why an optimizer declined with an error (the loop stays in tier 1 and the back
/// edge's counter backs off).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OptError {
    #[error("optimization aborted: {0}")]
    Aborted(String),
}

/// Runs a trace in the interpreter's tier-2 (uop) interpreter; `valid` is the
/// executor's validity flag, checked by `_CHECK_VALIDITY`.
pub type TraceRunner =
    fn(&mut Vm, code: Value, trace: &trace::Trace, valid: &Cell<bool>) -> ExecutorOutcome;

/// What the interpreter gives a running executor.
pub struct ExecutionContext<'a> {
    pub vm: &'a mut Vm,
    /// The code object the executor belongs to.
    pub code: Value,
    /// Index of the `ENTER_EXECUTOR` that was entered.
    pub instruction: usize,
    /// The interpreter's tier-2 interpreter.
    pub run_trace: TraceRunner,
}

/// How an executor hands control back to tier 1.
#[derive(Debug)]
pub enum ExecutorOutcome {
    /// Continue in tier 1 at this instruction index of the same code object, with the
    /// value stack as the executor left it.
    ResumeAt(usize),
    /// The executor raised; tier 1 unwinds as if the instruction at the exit had raised.
    Raise { error: PyErr, at: usize },
    /// A trace left through uop `uop` (a failed guard or `_EXIT_TRACE`) for tier-1
    /// instruction `target`. Executors use it to count exit temperature and stitch
    /// side traces; to the interpreter it means `ResumeAt(target)`.
    SideExit {
        uop: usize,
        target: usize,
        /// Whether the exit is in the loop's own code (not inside an inlined call).
        in_loop_code: bool,
    },
}

/// Optimized code for a loop, entered from `ENTER_EXECUTOR`.
pub trait Executor {
    fn execute(&self, context: &mut ExecutionContext<'_>) -> ExecutorOutcome;
    /// An invalid executor is never entered (the original back edge runs instead).
    fn is_valid(&self) -> bool;
    fn invalidate(&self);
    /// A human-readable description for `cpjit trace` and stats.
    fn describe(&self) -> String;
}

/// Asked to optimize hot loops.
pub trait Optimizer {
    fn name(&self) -> &str;
    /// A report of what the optimizer did (for `cpjit trace`); empty by default.
    fn report(&self) -> String {
        String::new()
    }
    /// Counters for `--stats`/`--stats-json`.
    fn counters(&self) -> OptimizerCounters {
        OptimizerCounters::default()
    }
    /// An executor for the loop, `None` to leave it in tier 1, or an error.
    fn optimize(
        &mut self,
        request: &mut OptimizeRequest<'_>,
    ) -> Result<Option<Rc<dyn Executor>>, OptError>;
}

/// The counter optimizer: every hot loop gets an executor that counts its entries and
/// returns to the loop head at once (CPython's test fixture of the same name).
#[derive(Default)]
pub struct CounterOptimizer {
    executors: Vec<Rc<CounterExecutor>>,
}

impl CounterOptimizer {
    pub fn new() -> CounterOptimizer {
        CounterOptimizer::default()
    }

    /// Total entries over all executors this optimizer created.
    pub fn total_entries(&self) -> u64 {
        self.executors.iter().map(|e| e.entries.get()).sum()
    }

    pub fn executors_created(&self) -> usize {
        self.executors.len()
    }
}

impl Optimizer for CounterOptimizer {
    fn name(&self) -> &str {
        "counter"
    }

    fn optimize(
        &mut self,
        request: &mut OptimizeRequest<'_>,
    ) -> Result<Option<Rc<dyn Executor>>, OptError> {
        let executor = Rc::new(CounterExecutor {
            loop_head: request.loop_head,
            entries: Cell::new(0),
            valid: Cell::new(true),
        });
        self.executors.push(executor.clone());
        Ok(Some(executor))
    }
}

/// The counter optimizer's executor.
pub struct CounterExecutor {
    loop_head: usize,
    entries: Cell<u64>,
    valid: Cell<bool>,
}

impl CounterExecutor {
    pub fn entries(&self) -> u64 {
        self.entries.get()
    }
}

impl Executor for CounterExecutor {
    fn execute(&self, _context: &mut ExecutionContext<'_>) -> ExecutorOutcome {
        self.entries.set(self.entries.get() + 1);
        ExecutorOutcome::ResumeAt(self.loop_head)
    }

    fn is_valid(&self) -> bool {
        self.valid.get()
    }

    fn invalidate(&self) {
        self.valid.set(false);
    }

    fn describe(&self) -> String {
        format!(
            "counter executor: loop head {}, {} entries{}",
            self.loop_head,
            self.entries.get(),
            if self.valid.get() { "" } else { " (invalid)" }
        )
    }
}

/// Counters an optimizer reports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OptimizerCounters {
    pub traces_created: u64,
    /// Aborted projections by reason.
    pub traces_aborted: std::collections::BTreeMap<String, u64>,
    /// Counters of the trace compiler, if any (e.g. `jit_code_bytes`).
    pub compiler: std::collections::BTreeMap<String, u64>,
}

/// Turns traces into something faster to run than the tier-2 interpreter (the JIT
/// plugs in here). The uop optimizer still projects, optimizes, watches
/// dependencies and grows side traces; it only asks the compiler to compile each trace.
pub trait TraceCompiler {
    /// The optimizer's name while this compiler is installed (e.g. `jit`).
    fn name(&self) -> &str;
    /// Compiles `trace`; `valid` is the executor's validity flag (`_CHECK_VALIDITY`
    /// reads it). An error leaves the loop (or side exit) to the lower tier.
    fn compile(
        &self,
        vm: &Vm,
        trace: &trace::Trace,
        valid: &Rc<Cell<bool>>,
    ) -> Result<Rc<dyn CompiledTrace>, OptError>;
    /// Counters for `--stats-json`.
    fn counters(&self) -> std::collections::BTreeMap<String, u64>;
    /// A description of compiled traces for `cpjit trace --jit`.
    fn report(&self) -> String {
        String::new()
    }
}

/// A compiled trace: runs like [`TraceRunner`] does for the trace it was made from.
pub trait CompiledTrace: std::any::Any {
    /// Runs the trace. At a side exit in the loop's own code it asks `stitch` where to
    /// go: a compiled trace to continue in (without returning here), or `None` to
    /// leave with the exit.
    fn run(&self, vm: &mut Vm, stitch: &mut Stitcher<'_>) -> ExecutorOutcome;
    /// For the compiler that made it: its own type.
    fn as_any(&self) -> &dyn std::any::Any;
}

/// Where a stitched side exit continues.
pub struct StitchTo {
    pub code: Rc<dyn CompiledTrace>,
    /// A side trace (not the loop trace, whose re-entry is a back edge with its
    /// safepoint): a compiled exit may jump there directly from now on.
    pub side_trace: bool,
}

/// Decides where a side exit `(uop, target)` of the compiled trace `exiting` (its
/// address, as `Rc::as_ptr` gives it) goes. Compiled code may move between an
/// executor's traces on its own, so the exiting trace is named each time.
pub type Stitcher<'a> = dyn FnMut(&mut Vm, *const (), usize, usize) -> Option<StitchTo> + 'a;

/// Counters of the uop optimizer.
pub type UopOptimizerStats = OptimizerCounters;

/// Projects hot loops into uop traces, runs the passes, and hands back executors.
#[derive(Default)]
pub struct UopOptimizer {
    pub stats: UopOptimizerStats,
    /// Every trace made, before and after the passes (for `cpjit trace`).
    pub traces: Vec<(trace::Trace, trace::Trace)>,
    /// Compiles every trace when installed (the JIT); otherwise traces run in the
    /// tier-2 interpreter.
    compiler: Option<Rc<dyn TraceCompiler>>,
}

impl UopOptimizer {
    pub fn new() -> UopOptimizer {
        UopOptimizer::default()
    }

    /// A uop optimizer whose traces `compiler` compiles.
    pub fn with_compiler(compiler: Rc<dyn TraceCompiler>) -> UopOptimizer {
        UopOptimizer {
            compiler: Some(compiler),
            ..UopOptimizer::default()
        }
    }
}

impl Optimizer for UopOptimizer {
    fn name(&self) -> &str {
        match &self.compiler {
            Some(compiler) => compiler.name(),
            None => "uops",
        }
    }

    fn counters(&self) -> OptimizerCounters {
        let mut counters = self.stats.clone();
        if let Some(compiler) = &self.compiler {
            counters.compiler = compiler.counters();
        }
        counters
    }

    fn report(&self) -> String {
        let mut out = String::new();
        for (i, (before, after)) in self.traces.iter().enumerate() {
            out.push_str(&format!(
                "trace {i}: loop head @{}, {} uops before the passes, {} after\n-- before\n{}-- after\n{}",
                before.loop_head,
                before.uops.len(),
                after.uops.len(),
                before.listing(),
                after.listing()
            ));
        }
        let aborted: u64 = self.stats.traces_aborted.values().sum();
        out.push_str(&format!(
            "traces created: {}, aborted: {}\n",
            self.stats.traces_created, aborted
        ));
        if let Some(compiler) = &self.compiler {
            out.push_str(&compiler.report());
        }
        for (reason, count) in &self.stats.traces_aborted {
            out.push_str(&format!("  aborted ({reason}): {count}\n"));
        }
        out
    }

    fn optimize(
        &mut self,
        request: &mut OptimizeRequest<'_>,
    ) -> Result<Option<Rc<dyn Executor>>, OptError> {
        if !matches!(
            cpjit_runtime::vm::kind(&request.code),
            Some(cpjit_runtime::object::ObjKind::Code(_))
        ) {
            return Err(OptError::Aborted("not a code object".into()));
        }
        let projected = match trace::project(request.code, request.loop_head) {
            Ok(t) => t,
            Err(reason) => {
                *self
                    .stats
                    .traces_aborted
                    .entry(reason.to_string())
                    .or_default() += 1;
                return Err(OptError::Aborted(reason.to_string()));
            }
        };
        let mut optimized = projected.clone();
        trace::optimize(&mut optimized);
        if trace::too_short_to_pay_off(&optimized) {
            // Entering and leaving an executor costs more than running a handful of
            // instructions in tier 1; the back edge's counter backs off.
            let reason = "trace too short (leaves the loop after a few uops)";
            *self
                .stats
                .traces_aborted
                .entry(reason.to_string())
                .or_default() += 1;
            return Err(OptError::Aborted(reason.to_string()));
        }
        self.stats.traces_created += 1;
        self.traces.push((projected, optimized.clone()));
        // A trace that reads globals depends on the namespaces it read them from: any
        // change to those dicts invalidates it (CPython watches them the same way).
        let mut dependencies = Vec::new();
        let uses = |u: cpjit_bytecode::uops::Uop| optimized.uops.iter().any(|i| i.uop == u);
        if uses(cpjit_bytecode::uops::Uop::_LOAD_GLOBAL_MODULE)
            || uses(cpjit_bytecode::uops::Uop::_LOAD_GLOBAL_BUILTINS)
        {
            dependencies.push(Dependency::watch(request.globals, "globals"));
        }
        if uses(cpjit_bytecode::uops::Uop::_LOAD_GLOBAL_BUILTINS) {
            dependencies.push(Dependency::watch(request.builtins, "builtins"));
        }
        let valid = Rc::new(Cell::new(true));
        let compiled = match &self.compiler {
            Some(compiler) => Some(compiler.compile(request.vm, &optimized, &valid)?),
            None => None,
        };
        Ok(Some(Rc::new(UopExecutor {
            trace: optimized,
            compiled,
            compiler: self.compiler.clone(),
            back_edge: request.back_edge,
            dependencies,
            side_traces: Default::default(),
            exits: Default::default(),
            valid,
            entries: Cell::new(0),
        })))
    }
}

/// Something an executor's validity depends on: a dict (a namespace) and its
/// mutation version when the trace was made.
#[derive(Clone, Copy, Debug)]
pub struct Dependency {
    pub dict: Value,
    pub version: u64,
    pub what: &'static str,
}

impl Dependency {
    fn watch(dict: Value, what: &'static str) -> Dependency {
        Dependency {
            dict,
            version: dict_version(dict),
            what,
        }
    }

    fn unchanged(&self) -> bool {
        dict_version(self.dict) == self.version
    }
}

fn dict_version(dict: Value) -> u64 {
    match cpjit_runtime::vm::kind(&dict) {
        Some(cpjit_runtime::object::ObjKind::Dict(table)) => table.borrow().version(),
        _ => u64::MAX,
    }
}

/// Most side traces followed in a row without rejoining the loop trace.
const MAX_SIDE_TRACE_HOPS: u32 = 16;

/// A trace's exit: how often it was taken and the side trace attached to it.
#[derive(Default)]
struct ExitState {
    temperature: u32,
    /// Index into `UopExecutor::side_traces` once the exit became hot.
    side_trace: Option<usize>,
    /// Projection from here failed; do not try again.
    cold: bool,
}

/// An executor running a uop trace in the tier-2 interpreter, with side traces
/// grown from its hot exits.
pub struct UopExecutor {
    pub trace: trace::Trace,
    /// The trace compiled (when a compiler is installed).
    compiled: Option<Rc<dyn CompiledTrace>>,
    compiler: Option<Rc<dyn TraceCompiler>>,
    /// The loop's back edge (where side traces end and rejoin the loop's trace).
    pub back_edge: usize,
    /// What the trace assumed; a change invalidates exactly this executor.
    pub dependencies: Vec<Dependency>,
    side_traces: std::cell::RefCell<Vec<SideTrace>>,
    /// Indexed by trace (0 = the loop trace, `i + 1` = side trace `i`), then uop;
    /// grown on demand (a plain index: exits are on the hot path of branchy loops).
    exits: std::cell::RefCell<Vec<Vec<ExitState>>>,
    valid: Rc<Cell<bool>>,
    entries: Cell<u64>,
}

/// A side trace and its compiled code.
struct SideTrace {
    trace: Rc<trace::Trace>,
    compiled: Option<Rc<dyn CompiledTrace>>,
}

impl UopExecutor {
    /// Side traces grown so far.
    pub fn side_trace_count(&self) -> usize {
        self.side_traces.borrow().len()
    }

    /// Follows a side exit: stitch to an attached side trace (growing one when the
    /// exit is hot), rejoin the loop trace at the back edge, or give up to tier 1.
    fn follow_exit(
        &self,
        context: &mut ExecutionContext<'_>,
        current: Option<usize>,
        uop: usize,
        target: usize,
    ) -> Option<Option<usize>> {
        let exiting_uop = match current {
            None => self.trace.uops[uop].uop,
            Some(i) => self.side_traces.borrow()[i].trace.uops[uop].uop,
        };
        // A loop found its iterator exhausted: a side trace from here finishes the
        // loop and runs the code after it (tier 1 would otherwise run it until the
        // next back edge: the first iteration of a following or enclosing loop).
        let loop_done = matches!(
            exiting_uop,
            cpjit_bytecode::uops::Uop::_GUARD_NOT_EXHAUSTED_RANGE
                | cpjit_bytecode::uops::Uop::_GUARD_NOT_EXHAUSTED_LIST
        );
        if target == self.trace.loop_head && !loop_done {
            if exiting_uop == cpjit_bytecode::uops::Uop::_EXIT_TRACE {
                // A side trace reached the loop's back edge: continue with the loop
                // trace instead of going through tier 1.
                return Some(None);
            }
            // A guard at the loop head failed (e.g. the iterator is exhausted): tier 1
            // finishes the loop; a side trace from here would repeat the loop trace.
            return None;
        }
        if target == self.back_edge {
            // Tier 1 would take the back edge into this executor: go straight to the
            // loop trace instead.
            return Some(None);
        }
        if let Some(i) = current.filter(|_| !loop_done) {
            if self.side_traces.borrow()[i].trace.start == target {
                // A side trace that leaves for the place it started from made no
                // progress (its first guard keeps failing, e.g. an int that grew
                // big): another side trace from there would do the same. Tier 1.
                return None;
            }
        }
        let threshold = u32::from(context.vm.hot_threshold.max(1));
        let mut exits = self.exits.borrow_mut();
        let slot = current.map_or(0, |i| i + 1);
        if exits.len() <= slot {
            exits.resize_with(slot + 1, Vec::new);
        }
        let per_uop = &mut exits[slot];
        if per_uop.len() <= uop {
            per_uop.resize_with(uop + 1, ExitState::default);
        }
        let exit = &mut per_uop[uop];
        if let Some(side) = exit.side_trace {
            return Some(Some(side));
        }
        exit.temperature += 1;
        if exit.cold || exit.temperature < threshold {
            return None;
        }
        let projected = if loop_done {
            trace::project_loop_exit(context.code, target, self.trace.loop_head)
        } else {
            trace::project_from(context.code, target, self.trace.loop_head)
        };
        match projected {
            Ok(mut side) => {
                trace::optimize(&mut side);
                let compiled = match &self.compiler {
                    Some(compiler) => match compiler.compile(context.vm, &side, &self.valid) {
                        Ok(compiled) => Some(compiled),
                        Err(_) => {
                            exit.cold = true;
                            return None;
                        }
                    },
                    None => None,
                };
                let mut sides = self.side_traces.borrow_mut();
                sides.push(SideTrace {
                    trace: Rc::new(side),
                    compiled,
                });
                let index = sides.len() - 1;
                exit.side_trace = Some(index);
                Some(Some(index))
            }
            Err(_) => {
                exit.cold = true;
                None
            }
        }
    }
}

impl UopExecutor {
    /// Where a side exit `(uop, target)` of trace `current` continues: `Some(None)` the
    /// loop trace (a back edge: the safepoint runs), `Some(Some(i))` side trace `i`,
    /// `None` tier 1 (also after too many side-trace hops without rejoining the loop).
    /// Updates `current` and `hops`.
    fn next_trace(
        &self,
        context: &mut ExecutionContext<'_>,
        current: &mut Option<usize>,
        hops: &mut u32,
        uop: usize,
        target: usize,
    ) -> Option<Option<usize>> {
        let next = self.follow_exit(context, *current, uop, target)?;
        if next.is_none() {
            context.vm.safepoint();
            *hops = 0;
        } else {
            *hops += 1;
            if *hops > MAX_SIDE_TRACE_HOPS {
                return None;
            }
        }
        *current = next;
        Some(next)
    }

    /// Runs the compiled loop trace; side exits are stitched inside compiled code.
    fn execute_compiled(
        &self,
        context: &mut ExecutionContext<'_>,
        compiled: Rc<dyn CompiledTrace>,
    ) -> ExecutorOutcome {
        let (code, instruction, run_trace) = (context.code, context.instruction, context.run_trace);
        let mut current: Option<usize> = None;
        let mut hops = 0;
        let mut stitch = |vm: &mut Vm, exiting: *const (), uop: usize, target: usize| {
            let same = |code: &Option<Rc<dyn CompiledTrace>>| {
                code.as_ref()
                    .is_some_and(|c| Rc::as_ptr(c) as *const () == exiting)
            };
            current = if same(&self.compiled) {
                None
            } else {
                let sides = self.side_traces.borrow();
                Some(sides.iter().position(|side| same(&side.compiled))?)
            };
            let mut context = ExecutionContext {
                vm,
                code,
                instruction,
                run_trace,
            };
            let next = self.next_trace(&mut context, &mut current, &mut hops, uop, target)?;
            let code = match next {
                None => self.compiled.clone(),
                Some(i) => self.side_traces.borrow()[i].compiled.clone(),
            }?;
            Some(StitchTo {
                code,
                side_trace: next.is_some(),
            })
        };
        match compiled.run(context.vm, &mut stitch) {
            ExecutorOutcome::SideExit { target, .. } => ExecutorOutcome::ResumeAt(target),
            other => other,
        }
    }
}

impl Executor for UopExecutor {
    fn execute(&self, context: &mut ExecutionContext<'_>) -> ExecutorOutcome {
        if !self.dependencies.iter().all(Dependency::unchanged) {
            // A namespace it read changed: invalid from now on; take the back edge
            // in tier 1 this time.
            self.invalidate();
            return ExecutorOutcome::ResumeAt(self.trace.loop_head);
        }
        if let Some(compiled) = &self.compiled {
            self.entries.set(self.entries.get() + 1);
            return self.execute_compiled(context, compiled.clone());
        }
        self.entries.set(self.entries.get() + 1);
        let mut current: Option<usize> = None;
        // Side-trace hops since the loop trace last ran: a cycle among side traces
        // that never rejoins the loop goes back to tier 1.
        let mut hops = 0;
        loop {
            let side;
            let trace = match current {
                None => &self.trace,
                Some(i) => {
                    side = self.side_traces.borrow()[i].trace.clone();
                    &*side
                }
            };
            match (context.run_trace)(context.vm, context.code, trace, &self.valid) {
                ExecutorOutcome::SideExit {
                    target,
                    in_loop_code: false,
                    ..
                } => return ExecutorOutcome::ResumeAt(target),
                ExecutorOutcome::SideExit { uop, target, .. } => {
                    if self
                        .next_trace(context, &mut current, &mut hops, uop, target)
                        .is_none()
                    {
                        return ExecutorOutcome::ResumeAt(target);
                    }
                }
                other => return other,
            }
        }
    }

    fn is_valid(&self) -> bool {
        self.valid.get()
    }

    fn invalidate(&self) {
        self.valid.set(false);
    }

    fn describe(&self) -> String {
        let dependencies: Vec<&str> = self.dependencies.iter().map(|d| d.what).collect();
        let mut text = format!(
            "uop executor: loop head @{}, {} uops, {} entries{}; depends on: {}; {} side traces\n{}",
            self.trace.loop_head,
            self.trace.uops.len(),
            self.entries.get(),
            if self.valid.get() { "" } else { " (invalid)" },
            if dependencies.is_empty() {
                "nothing".to_string()
            } else {
                dependencies.join(", ")
            },
            self.side_traces.borrow().len(),
            self.trace.listing()
        );
        for (i, side) in self.side_traces.borrow().iter().enumerate() {
            text.push_str(&format!(
                "side trace {i} from @{}:\n{}",
                side.trace.start,
                side.trace.listing()
            ));
        }
        text
    }
}
