//! The interpreter's side of the optimizer API: the installed optimizer
//! (`set_optimizer`/`optimizer`, as CPython's `PyUnstable_SetOptimizer`), asking it
//! to optimize hot back edges, `ENTER_EXECUTOR`, and executor bookkeeping.
//!
//! Owns the executor table (executors are referred to by index from
//! `ENTER_EXECUTOR`'s argument) and tier-2 counters. Must never run bytecode itself nor
//! know what an executor does inside.

use std::rc::Rc;

use cpjit_bytecode::AdaptiveOpcode;
use cpjit_optimizer::{ExecutionContext, Executor, ExecutorOutcome, OptimizeRequest, Optimizer};
use cpjit_runtime::object::{AdaptiveInstruction, ObjKind};
use cpjit_runtime::vm::kind;
use cpjit_runtime::{PyErr, Value, Vm};

/// Tier-2 counters reported by `--stats`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tier2Stats {
    pub executors_created: u64,
    pub optimizations_declined: u64,
    pub optimization_errors: u64,
    pub executor_entries: u64,
    pub invalid_executor_skips: u64,
}

struct ExecutorEntry {
    executor: Rc<dyn Executor>,
    /// The `JUMP_BACKWARD` argument the `ENTER_EXECUTOR` replaced.
    original_arg: u32,
}

/// Everything tier 2 keeps per VM.
#[derive(Default)]
pub struct Tier2State {
    optimizer: Option<Box<dyn Optimizer>>,
    executors: Vec<ExecutorEntry>,
    pub stats: Tier2Stats,
}

fn state(vm: &mut Vm) -> &mut Tier2State {
    if vm.tier2.is_none() {
        vm.tier2 = Some(Box::new(Tier2State::default()));
    }
    vm.tier2
        .as_mut()
        .and_then(|s| s.downcast_mut::<Tier2State>())
        .expect("vm.tier2 holds the interpreter's Tier2State")
}

fn state_ref(vm: &Vm) -> Option<&Tier2State> {
    vm.tier2
        .as_ref()
        .and_then(|s| s.downcast_ref::<Tier2State>())
}

/// Installs (or with `None` removes) the optimizer asked about hot loops.
pub fn set_optimizer(vm: &mut Vm, optimizer: Option<Box<dyn Optimizer>>) {
    state(vm).optimizer = optimizer;
}

/// The installed optimizer.
pub fn optimizer(vm: &Vm) -> Option<&dyn Optimizer> {
    state_ref(vm).and_then(|s| s.optimizer.as_deref())
}

/// Tier-2 counters so far.
pub fn stats(vm: &Vm) -> Tier2Stats {
    state_ref(vm).map(|s| s.stats).unwrap_or_default()
}

/// Descriptions of every executor created, in creation order.
pub fn describe_executors(vm: &Vm) -> Vec<String> {
    state_ref(vm)
        .map(|s| s.executors.iter().map(|e| e.executor.describe()).collect())
        .unwrap_or_default()
}

/// Executors currently invalid (invalidated by a dependency change or explicitly).
pub fn executors_invalidated(vm: &Vm) -> u64 {
    state_ref(vm)
        .map(|s| {
            s.executors
                .iter()
                .filter(|e| !e.executor.is_valid())
                .count() as u64
        })
        .unwrap_or(0)
}

/// Invalidates every executor (for tests and for changes that invalidate everything).
pub fn invalidate_all(vm: &mut Vm) {
    for entry in &state(vm).executors {
        entry.executor.invalidate();
    }
}

/// A hot back edge at `index` of `code_value`: ask the installed optimizer; on success
/// the `JUMP_BACKWARD` becomes `ENTER_EXECUTOR`. Returns whether it did.
pub fn on_hot_loop(vm: &mut Vm, code_value: Value, index: usize) -> bool {
    let Some(mut optimizer) = vm
        .tier2
        .as_mut()
        .and_then(|s| s.downcast_mut::<Tier2State>())
        .and_then(|s| s.optimizer.take())
    else {
        return false;
    };
    let Some(ObjKind::Code(code)) = kind(&code_value) else {
        state(vm).optimizer = Some(optimizer);
        return false;
    };
    let instruction = code.instructions[index].get();
    let (globals, builtins) = vm
        .frames
        .last()
        .map_or((Value::NONE, Value::NONE), |f| (f.globals, f.builtins));
    let mut request = OptimizeRequest {
        vm,
        code: code_value,
        back_edge: index,
        loop_head: instruction.arg as usize,
        globals,
        builtins,
    };
    let result = optimizer.optimize(&mut request);
    let state = state(vm);
    state.optimizer = Some(optimizer);
    match result {
        Ok(Some(executor)) => {
            let executor_index = state.executors.len() as u32;
            state.executors.push(ExecutorEntry {
                executor,
                original_arg: instruction.arg,
            });
            state.stats.executors_created += 1;
            // The loop head stays readable where projection looks for it: the
            // cache's index (a trace crossing this back edge treats it as the jump).
            let mut cache = code.caches[index].get();
            cache.index = instruction.arg;
            code.caches[index].set(cache);
            code.instructions[index].set(AdaptiveInstruction {
                op: AdaptiveOpcode::ENTER_EXECUTOR,
                arg: executor_index,
            });
            true
        }
        Ok(None) => {
            state.stats.optimizations_declined += 1;
            false
        }
        Err(_) => {
            state.stats.optimization_errors += 1;
            false
        }
    }
}

/// What `ENTER_EXECUTOR` does next.
pub enum Entered {
    /// Continue tier 1 at this instruction.
    Resume(usize),
    /// The executor raised at this instruction.
    Raise(PyErr, usize),
    /// The executor is invalid: the instruction was restored to `JUMP_BACKWARD` with
    /// this argument, which must run now.
    Fallback(u32),
}

/// What stays in the executor table after an invalid executor is freed.
struct FreedExecutor {
    description: String,
}

impl Executor for FreedExecutor {
    fn execute(&self, context: &mut ExecutionContext<'_>) -> ExecutorOutcome {
        // Never called (an invalid executor is not entered); if it were, tier 1 would
        // just take the restored back edge.
        ExecutorOutcome::ResumeAt(context.instruction)
    }

    fn is_valid(&self) -> bool {
        false
    }

    fn invalidate(&self) {}

    fn describe(&self) -> String {
        self.description.clone()
    }
}

/// Runs `ENTER_EXECUTOR` at `index` whose argument is `executor_index`.
pub fn enter(vm: &mut Vm, code_value: Value, index: usize, executor_index: u32) -> Entered {
    let (executor, original_arg) = {
        let state = state(vm);
        let Some(entry) = state.executors.get(executor_index as usize) else {
            return Entered::Fallback(0);
        };
        (entry.executor.clone(), entry.original_arg)
    };
    if !executor.is_valid() {
        let state = state(vm);
        state.stats.invalid_executor_skips += 1;
        // Drop the table's reference: the executor (and any machine code it owns) is
        // freed once nothing runs it; the slot keeps a tombstone so indices stay put.
        let description = executor.describe();
        state.executors[executor_index as usize].executor = Rc::new(FreedExecutor {
            description: format!("freed after invalidation; was: {description}"),
        });
        if let Some(ObjKind::Code(code)) = kind(&code_value) {
            code.instructions[index].set(AdaptiveInstruction {
                op: AdaptiveOpcode::JUMP_BACKWARD,
                arg: original_arg,
            });
        }
        return Entered::Fallback(original_arg);
    }
    state(vm).stats.executor_entries += 1;
    let mut context = ExecutionContext {
        vm,
        code: code_value,
        instruction: index,
        run_trace: crate::uop_interpreter::run_trace,
    };
    match executor.execute(&mut context) {
        ExecutorOutcome::ResumeAt(target) | ExecutorOutcome::SideExit { target, .. } => {
            Entered::Resume(target)
        }
        ExecutorOutcome::Raise { error, at } => Entered::Raise(error, at),
    }
}
