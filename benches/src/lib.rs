//! Support for the criterion benchmarks: collecting the uop traces the bench
//! programs produce, so compile-time benchmarks measure real traces.
//!
//! Owns running a program with a recording optimizer. Must never time anything
//! itself (criterion does, in `jit_compile.rs`).

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;

use cpjit_optimizer::trace::Trace;
use cpjit_optimizer::{
    Executor, OptError, OptimizeRequest, Optimizer, OptimizerCounters, UopOptimizer,
};
use cpjit_runtime::Vm;

/// The uop optimizer, keeping a copy of every optimized trace it makes.
struct Recording {
    inner: UopOptimizer,
    traces: Rc<RefCell<Vec<Trace>>>,
}

impl Optimizer for Recording {
    fn name(&self) -> &str {
        "recording"
    }

    fn counters(&self) -> OptimizerCounters {
        self.inner.counters()
    }

    fn optimize(
        &mut self,
        request: &mut OptimizeRequest<'_>,
    ) -> Result<Option<Rc<dyn Executor>>, OptError> {
        let result = self.inner.optimize(request);
        if let Some((_, optimized)) = self.inner.traces.last() {
            if self.traces.borrow().len() < self.inner.traces.len() {
                self.traces.borrow_mut().push(optimized.clone());
            }
        }
        result
    }
}

/// Runs `program` (with `args` as `sys.argv[1:]`) under the uop optimizer and returns
/// the VM (which keeps the traces' code objects alive) with every trace made.
pub fn collect_traces(program: &Path, args: &[&str]) -> (Vm, Vec<Trace>) {
    let source = std::fs::read_to_string(program).expect("bench program is readable");
    let filename = program.display().to_string();
    let code = cpjit_compiler::compile_module(&source, &filename).expect("bench program compiles");
    let mut vm = cpjit_interpreter::new_vm(Box::new(std::io::sink()), Box::new(std::io::sink()));
    vm.argv = std::iter::once(filename)
        .chain(args.iter().map(|a| a.to_string()))
        .collect();
    let traces = Rc::new(RefCell::new(Vec::new()));
    cpjit_interpreter::set_optimizer(
        &mut vm,
        Some(Box::new(Recording {
            inner: UopOptimizer::new(),
            traces: traces.clone(),
        })),
    );
    // Keep every object alive: the traces refer to code objects and constants.
    vm.gc_inhibit += 1;
    let _ = cpjit_interpreter::run_main_module(&mut vm, code);
    let collected = traces.borrow().clone();
    (vm, collected)
}

/// The loop-heavy bench programs and a small size for each (traces do not depend on
/// the size, only on which loops get hot).
pub const TRACE_PROGRAMS: &[(&str, &str)] = &[
    ("nested_loops", "120"),
    ("sieve", "30000"),
    ("float_loop", "20000"),
    ("spectral_norm", "40"),
    ("nbody", "2000"),
];
