//! Tier 2 looks inside: which micro-ops loops become, before and after the passes
//! (insta snapshots), and proof that stress modes really run traces.

use std::io::sink;

use cpjit_runtime::Vm;

fn run_with_uops(source: &str, threshold: u16, force_deopt: bool) -> Vm {
    let code = cpjit_compiler::compile_module(source, "loops.py").expect("compiles");
    let mut vm = cpjit_interpreter::new_vm(Box::new(sink()), Box::new(sink()));
    vm.hot_threshold = threshold;
    vm.force_deopt = force_deopt;
    vm.stats.enabled = true;
    cpjit_interpreter::set_optimizer(
        &mut vm,
        Some(Box::new(cpjit_optimizer::UopOptimizer::new())),
    );
    cpjit_interpreter::run_main_module(&mut vm, code).expect("runs");
    vm
}

fn report(vm: &Vm) -> String {
    cpjit_interpreter::optimizer(vm)
        .expect("installed")
        .report()
}

#[test]
fn int_loop_guards_are_removed() {
    // `i` comes from a range iterator and `total` from int arithmetic: after the first
    // guard everything is known to be an int.
    let vm = run_with_uops(
        "
def f(n):
    total = 0
    for i in range(n):
        total = total + i * 2 - 1
    return total
f(1000)
",
        16,
        false,
    );
    insta::assert_snapshot!(report(&vm));
}

#[test]
fn branchy_float_loop() {
    let vm = run_with_uops(
        "
def g(xs):
    acc = 0.0
    for x in xs:
        if x > 0.5:
            acc = acc + x * 2.0
    return acc
g([0.25, 0.75] * 100)
",
        16,
        false,
    );
    insta::assert_snapshot!(report(&vm));
}

#[test]
fn stress_mode_really_runs_traces() {
    let vm = run_with_uops(
        "t = 0\nfor i in range(500):\n    t = t + i\nassert t == 124750\n",
        1,
        false,
    );
    let stats = cpjit_interpreter::tier2::stats(&vm);
    assert!(stats.executors_created > 0, "{stats:?}");
    assert!(
        vm.stats.uops_executed > 1000,
        "uops executed: {}",
        vm.stats.uops_executed
    );
}

#[test]
fn forced_deopts_keep_results_and_really_deopt() {
    let vm = run_with_uops(
        "t = 0\nfor i in range(500):\n    t = t + i\nassert t == 124750\n",
        1,
        true,
    );
    assert!(vm.stats.deopts > 100, "deopts: {}", vm.stats.deopts);
}
