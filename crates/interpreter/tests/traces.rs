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
        "def f():\n    t = 0\n    for i in range(500):\n        t = t + i\n    return t\nassert f() == 124750\n",
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
        "def f():\n    t = 0\n    for i in range(500):\n        t = t + i\n    return t\nassert f() == 124750\n",
        1,
        true,
    );
    assert!(vm.stats.deopts > 100, "deopts: {}", vm.stats.deopts);
}

#[test]
fn rebinding_a_global_invalidates_exactly_dependent_executors() {
    let vm = run_with_uops(
        "
K = 1
def reads_global():
    t = 0
    for i in range(200):
        t = t + K
    return t
def reads_no_global():
    t = 0
    for i in range(200):
        t = t + i
    return t
a = reads_global()
b = reads_no_global()
K = 2
c = reads_global()
assert (a, c) == (200, 400), (a, c)
",
        16,
        false,
    );
    let described = cpjit_interpreter::tier2::describe_executors(&vm);
    let reading: Vec<&String> = described
        .iter()
        .filter(|d| d.contains("depends on: globals"))
        .collect();
    let independent: Vec<&String> = described
        .iter()
        .filter(|d| d.contains("depends on: nothing"))
        .collect();
    assert!(
        !reading.is_empty() && !independent.is_empty(),
        "{described:#?}"
    );
    assert!(
        reading.iter().any(|d| d.contains("(invalid)")),
        "{described:#?}"
    );
    assert!(
        independent.iter().all(|d| !d.contains("(invalid)")),
        "{described:#?}"
    );
    assert!(cpjit_interpreter::tier2::executors_invalidated(&vm) >= 1);
}

/// The `--stats-json` document for a small run: its schema is reviewed as a snapshot.
#[test]
fn stats_json_schema() {
    let vm = run_with_uops(
        "def f(n):\n    t = 0\n    for i in range(n):\n        t = t + i % 7\n    return t\nf(300)\n",
        16,
        false,
    );
    insta::assert_snapshot!(cpjit_interpreter::stats::json(&vm));
}

#[test]
fn hot_side_exits_grow_side_traces_and_stitch() {
    // The branch goes one way while the loop warms up (so the trace follows it), then
    // the other way for the rest: that exit becomes hot and gets its own trace.
    let vm = run_with_uops(
        "
def f(n):
    small = 0
    big = 0
    for i in range(n):
        if i < 100:
            small = small + 1
        else:
            big = big + 2
    return small, big
assert f(5000) == (100, 9800)
",
        16,
        false,
    );
    let described = cpjit_interpreter::tier2::describe_executors(&vm).join("\n");
    assert!(described.contains("side trace 0 from"), "{described}");
    // Stitched: the loop ran through traces, not back and forth through tier 1.
    let stats = cpjit_interpreter::tier2::stats(&vm);
    assert!(stats.executor_entries < 100, "{stats:?}");
}

#[test]
fn calls_to_simple_functions_are_inlined() {
    let vm = run_with_uops(
        "
def square(x):
    return x * x
def f(n):
    t = 0
    for i in range(n):
        t = t + square(i)
    return t
assert f(300) == 8955050
",
        16,
        false,
    );
    insta::assert_snapshot!(report(&vm));
}
