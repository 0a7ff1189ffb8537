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
