//! The optimizer plugin API from a consumer's side: installing optimizers, executors
//! replacing hot back edges, invalid executors never entered.

use std::cell::Cell;
use std::io::sink;
use std::rc::Rc;

use cpjit_optimizer::{
    ExecutionContext, Executor, ExecutorOutcome, OptError, OptimizeRequest, Optimizer,
};

fn vm() -> cpjit_runtime::Vm {
    let mut vm = cpjit_interpreter::new_vm(Box::new(sink()), Box::new(sink()));
    vm.hot_threshold = 1;
    vm
}

fn run(vm: &mut cpjit_runtime::Vm, source: &str) {
    let code = cpjit_compiler::compile_module(source, "t2.py").expect("compiles");
    cpjit_interpreter::run_main_module(vm, code).expect("runs");
}

#[test]
fn set_and_get_optimizer() {
    let mut vm = vm();
    assert!(cpjit_interpreter::optimizer(&vm).is_none());
    cpjit_interpreter::set_optimizer(
        &mut vm,
        Some(Box::new(cpjit_optimizer::CounterOptimizer::new())),
    );
    assert_eq!(
        cpjit_interpreter::optimizer(&vm).map(|o| o.name()),
        Some("counter")
    );
    cpjit_interpreter::set_optimizer(&mut vm, None);
    assert!(cpjit_interpreter::optimizer(&vm).is_none());
}

#[test]
fn counter_executors_are_entered_on_back_edges() {
    let mut vm = vm();
    cpjit_interpreter::set_optimizer(
        &mut vm,
        Some(Box::new(cpjit_optimizer::CounterOptimizer::new())),
    );
    run(
        &mut vm,
        "t = 0\nfor i in range(100):\n    t += i\nassert t == 4950\n",
    );
    let stats = cpjit_interpreter::tier2::stats(&vm);
    assert_eq!(stats.executors_created, 1);
    // Threshold 1: the first back edge fires, then every later one enters.
    assert!(stats.executor_entries >= 98, "{stats:?}");
    let described = cpjit_interpreter::tier2::describe_executors(&vm);
    assert!(
        described[0].starts_with("counter executor"),
        "{described:?}"
    );
}

/// An executor that invalidates itself after three entries and records any entry
/// after that (which must never happen).
struct Tripwire {
    loop_head: usize,
    valid: Cell<bool>,
    entries: Cell<u32>,
    entries_after_invalidation: Rc<Cell<u32>>,
}

impl Executor for Tripwire {
    fn execute(&self, _context: &mut ExecutionContext<'_>) -> ExecutorOutcome {
        if !self.valid.get() {
            self.entries_after_invalidation
                .set(self.entries_after_invalidation.get() + 1);
        }
        self.entries.set(self.entries.get() + 1);
        if self.entries.get() == 3 {
            self.invalidate();
        }
        ExecutorOutcome::ResumeAt(self.loop_head)
    }
    fn is_valid(&self) -> bool {
        self.valid.get()
    }
    fn invalidate(&self) {
        self.valid.set(false);
    }
    fn describe(&self) -> String {
        "tripwire".into()
    }
}

struct TripwireOptimizer(Rc<Cell<u32>>);

impl Optimizer for TripwireOptimizer {
    fn name(&self) -> &str {
        "tripwire"
    }
    fn optimize(
        &mut self,
        request: &mut OptimizeRequest<'_>,
    ) -> Result<Option<Rc<dyn Executor>>, OptError> {
        Ok(Some(Rc::new(Tripwire {
            loop_head: request.loop_head,
            valid: Cell::new(true),
            entries: Cell::new(0),
            entries_after_invalidation: self.0.clone(),
        })))
    }
}

#[test]
fn invalid_executors_are_never_entered() {
    let mut vm = vm();
    let tripped = Rc::new(Cell::new(0));
    cpjit_interpreter::set_optimizer(&mut vm, Some(Box::new(TripwireOptimizer(tripped.clone()))));
    run(
        &mut vm,
        "t = 0\nfor i in range(200):\n    t += i\nassert t == 19900\n",
    );
    assert_eq!(tripped.get(), 0);
    let stats = cpjit_interpreter::tier2::stats(&vm);
    assert!(stats.invalid_executor_skips >= 1, "{stats:?}");
}

struct Declining;

impl Optimizer for Declining {
    fn name(&self) -> &str {
        "declining"
    }
    fn optimize(
        &mut self,
        _request: &mut OptimizeRequest<'_>,
    ) -> Result<Option<Rc<dyn Executor>>, OptError> {
        Err(OptError::Aborted("test".into()))
    }
}

#[test]
fn failed_optimization_backs_off() {
    let mut vm = vm();
    cpjit_interpreter::set_optimizer(&mut vm, Some(Box::new(Declining)));
    run(&mut vm, "for i in range(10000):\n    pass\n");
    let stats = cpjit_interpreter::tier2::stats(&vm);
    // Exponential backoff: a handful of attempts for 10,000 back edges.
    assert!(
        stats.optimization_errors > 0 && stats.optimization_errors < 20,
        "{stats:?}"
    );
}
