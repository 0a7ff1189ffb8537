//! Memory of a long-running loop that allocates stays bounded: the collector runs at
//! safepoints and frees the garbage.

use std::io::sink;

#[test]
fn allocating_loop_keeps_heap_bounded() {
    let source = "\
total = 0
for i in range(300000):
    chunk = [i, str(i), (i, i + 1), {'k': i}]
    total += len(chunk)
print(total)
";
    let code = cpjit_compiler::compile_module(source, "loop.py").expect("compiles");
    let mut vm = cpjit_interpreter::new_vm(Box::new(sink()), Box::new(sink()));
    cpjit_interpreter::run_main_module(&mut vm, code).expect("runs");
    // ~1.5M objects were allocated; far fewer may remain.
    assert!(vm.stats.gc_collections > 0, "the collector never ran");
    assert!(
        vm.heap.object_count() < 400_000,
        "heap kept {} objects",
        vm.heap.object_count()
    );
    assert!(vm.heap.objects_freed > 1_000_000);
}

/// A generator drained by a builtin constructor (`list(gen)`, `set(genexpr)`) or by
/// `sum`/`any`/`all` may run the collector while it runs: its garbage does not pile up until it finishes, and
/// what it yielded so far survives the collections.
#[test]
fn generator_drained_by_a_constructor_keeps_heap_bounded() {
    let source = "\
def rows(n):
    for i in range(n):
        scratch = [str(i), (i, i + 1), {'k': i}, [i] * 4]
        yield len(scratch) + i

items = list(rows(150000))
assert len(items) == 150000 and items[-1] == 150003, items[-3:]
assert sum(items) == sum(range(4, 150004))
distinct = set(str(i % 1000) for i in range(150000))
assert len(distinct) == 1000
total = sum(len([i, str(i)]) + i for i in range(150000))
assert total == 2 * 150000 + sum(range(150000)), total
assert all([str(i)] for i in range(150000))
assert not any(not [str(i)] for i in range(150000))
start = [0]
assert sum(([i] for i in range(2000)), start)[:3] == [0, 0, 1]
print(len(items), len(distinct))
";
    let code = cpjit_compiler::compile_module(source, "gen.py").expect("compiles");
    let mut vm = cpjit_interpreter::new_vm(Box::new(sink()), Box::new(sink()));
    cpjit_interpreter::run_main_module(&mut vm, code).expect("runs");
    assert!(
        vm.stats.gc_collections > 4,
        "the collector ran {} times",
        vm.stats.gc_collections
    );
    // ~1M objects were made; the 150k yielded ints are small ints (no objects).
    assert!(
        vm.heap.object_count() < 400_000,
        "heap kept {} objects",
        vm.heap.object_count()
    );
}
