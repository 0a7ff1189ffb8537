//! What compiling a trace costs: copy-and-patch (the JIT) against Cranelift compiling
//! the same uop templates at run time, over the traces the loop-heavy bench programs
//! produce. Throughput is in uops, so criterion's `elem/s` gives nanoseconds per uop;
//! `cargo bench -p cpjit-benches` prints both, and the ratio is the point.

use std::cell::Cell;
use std::path::PathBuf;
use std::rc::Rc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use cpjit_benches::{collect_traces, TRACE_PROGRAMS};
use cpjit_optimizer::TraceCompiler;

fn compile_cost(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut vms = Vec::new();
    let mut traces = Vec::new();
    for (name, size) in TRACE_PROGRAMS {
        let (vm, found) = collect_traces(&root.join(format!("programs/{name}.py")), &[size]);
        traces.extend(found);
        vms.push(vm);
    }
    assert!(!traces.is_empty(), "the bench programs made no traces");
    let uops: u64 = traces.iter().map(|t| t.uops.len() as u64).sum();
    let vm = &vms[0];
    let valid = Rc::new(Cell::new(true));

    let mut group = c.benchmark_group("trace_compile");
    group.throughput(Throughput::Elements(uops));
    let jit = cpjit_jit::JitCompiler::new();
    let plans: Vec<_> = traces
        .iter()
        .map(|t| jit.plan(vm, t, &valid).expect("plans"))
        .collect();
    let mut buffer = vec![0u8; 1 << 20];
    let helpers = cpjit_jit::patcher::HelperAddresses::resolve(cpjit_jit::executor::helper_address);
    // The patcher's two passes alone (into a buffer at a made-up address): what
    // copy-and-patch costs per uop, without the executor's protection changes.
    group.bench_function("copy_and_patch", |b| {
        b.iter(|| {
            for plan in &plans {
                let layout =
                    cpjit_jit::patcher::layout(&cpjit_jit::jit_stencils::X86_64, &plan.uops);
                let bytes = &mut buffer[..layout.size];
                layout
                    .write(bytes, 0x7f00_0000_0000, 0x7f00_0001_0000, &helpers, &|_| {
                        0x7f00_0000_0000
                    })
                    .expect("patches");
                std::hint::black_box(&bytes);
            }
        })
    });
    // A whole executor: planning, arena space, flipping its pages writable and back
    // to executable (two `mprotect` calls), copy and patch.
    group.bench_function("jit_compile_with_mprotect", |b| {
        b.iter(|| {
            for trace in &traces {
                // Dropping the compiled trace returns its memory to the arena.
                let compiled = jit.compile(vm, trace, &valid).expect("compiles");
                std::hint::black_box(&compiled);
            }
        })
    });
    let mut cranelift = cpjit_stencil_gen::RuntimeCranelift::new().expect("cranelift");
    group.sample_size(10);
    group.bench_function("cranelift_at_run_time", |b| {
        b.iter(|| {
            for trace in &traces {
                let kinds: Vec<_> = trace.uops.iter().map(|u| u.uop).collect();
                std::hint::black_box(cranelift.compile_uops(&kinds).expect("compiles"));
            }
        })
    });
    group.finish();
    eprintln!(
        "trace corpus: {} traces, {uops} uops from {} programs",
        traces.len(),
        TRACE_PROGRAMS.len()
    );
}

criterion_group!(benches, compile_cost);
criterion_main!(benches);
