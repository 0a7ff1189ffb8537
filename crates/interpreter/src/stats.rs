//! Reports about a finished run: specialization counters (`cpjit run --stats`) and the
//! adaptive disassembly (`cpjit dis --adaptive`).
//!
//! Owns the text of those reports. Must never change VM state.

use std::fmt::Write as _;

use cpjit_bytecode::{disassemble_recursive_showing, AdaptiveOpcode, CodeObject, ALL_OPCODES};
use cpjit_runtime::object::ObjKind;
use cpjit_runtime::vm::kind;
use cpjit_runtime::Vm;

/// Per-family specialization counters and runtime counters, as a table.
pub fn report(vm: &Vm) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "specialization (per family):");
    let _ = writeln!(
        out,
        "  {:<16} {:>12} {:>12} {:>8} {:>11} {:>8}",
        "family", "hits", "misses", "deopts", "specialized", "failed"
    );
    for op in ALL_OPCODES {
        if AdaptiveOpcode::specializations_of(*op).next().is_none() {
            continue;
        }
        let s = vm.stats.specialization[*op as usize];
        let _ = writeln!(
            out,
            "  {:<16} {:>12} {:>12} {:>8} {:>11} {:>8}",
            op.name(),
            s.hits,
            s.misses,
            s.deopts,
            s.specialized,
            s.failed
        );
    }
    let _ = writeln!(
        out,
        "hot loops (JUMP_BACKWARD counter fired): {}",
        vm.stats.hot_loops
    );
    let tier2 = crate::tier2::stats(vm);
    if let Some(optimizer) = crate::tier2::optimizer(vm) {
        let _ = writeln!(out, "tier 2 optimizer: {}", optimizer.name());
        let _ = writeln!(
            out,
            "  executors created: {}, entered: {}, invalid skipped: {}, declined: {}, errors: {}",
            tier2.executors_created,
            tier2.executor_entries,
            tier2.invalid_executor_skips,
            tier2.optimizations_declined,
            tier2.optimization_errors
        );
    }
    if vm.stats.uops_executed > 0 {
        let _ = writeln!(
            out,
            "tier 2 interpreter: {} uops executed, {} deopts, {} trace exits",
            vm.stats.uops_executed, vm.stats.deopts, vm.stats.trace_exits
        );
    }
    let _ = writeln!(out, "gc collections: {}", vm.stats.gc_collections);
    out
}

/// Every code object the run created, with the instructions it holds now.
pub fn adaptive_listing(vm: &Vm) -> String {
    // The main module's code object (its constants, created first, come before it).
    let main = vm.code_objects.iter().find_map(|value| match kind(value) {
        Some(ObjKind::Code(data)) if &*data.code.name == "<module>" => Some(data),
        _ => None,
    });
    let Some(main) = main else {
        return String::new();
    };
    let shown = |code: &CodeObject, index: usize| -> Option<&'static str> {
        vm.code_objects.iter().find_map(|value| match kind(value) {
            Some(ObjKind::Code(data)) if std::ptr::eq(&*data.code, code) => data
                .instructions
                .get(index)
                .map(|cell| cell.get().op.name()),
            _ => None,
        })
    };
    disassemble_recursive_showing(&main.code, &shown)
}

/// The `--stats-json` document. Schema (version 1), every counter an integer:
///
/// ```text
/// { "schema": 1,
///   "specialization": { FAMILY: { "hits", "misses", "deopts", "specialized", "failed" } },
///   "tier2": { "optimizer": NAME or null, "traces_created", "traces_aborted": { REASON: N },
///              "executors_created", "executors_invalidated", "executor_entries",
///              "side_exits", "deopts", "uops_executed" },
///   "gc": { "collections" } }
/// ```
///
/// `hits`/`misses` and `uops_executed` are counted only when stats were requested
/// (counting costs time); the others always.
#[derive(serde::Serialize, Debug)]
pub struct StatsDocument {
    pub schema: u32,
    pub specialization: std::collections::BTreeMap<String, FamilyCounters>,
    pub tier2: Tier2Counters,
    pub gc: GcCounters,
}

#[derive(serde::Serialize, Debug)]
pub struct FamilyCounters {
    pub hits: u64,
    pub misses: u64,
    pub deopts: u64,
    pub specialized: u64,
    pub failed: u64,
}

#[derive(serde::Serialize, Debug)]
pub struct Tier2Counters {
    pub optimizer: Option<String>,
    pub traces_created: u64,
    pub traces_aborted: std::collections::BTreeMap<String, u64>,
    pub executors_created: u64,
    pub executors_invalidated: u64,
    pub executor_entries: u64,
    pub side_exits: u64,
    pub deopts: u64,
    pub uops_executed: u64,
    /// The trace compiler's counters (`jit_executors_compiled`, `jit_code_bytes`,
    /// `jit_compile_ns`, `jit_entries`, `jit_uops_compiled`) when the JIT runs.
    #[serde(flatten)]
    pub compiler: std::collections::BTreeMap<String, u64>,
}

#[derive(serde::Serialize, Debug)]
pub struct GcCounters {
    pub collections: u64,
}

/// Every counter of a finished run.
pub fn document(vm: &Vm) -> StatsDocument {
    let mut specialization = std::collections::BTreeMap::new();
    for op in ALL_OPCODES {
        if !op.is_specializable() {
            continue;
        }
        let s = vm.stats.specialization[*op as usize];
        specialization.insert(
            op.name().to_string(),
            FamilyCounters {
                hits: s.hits,
                misses: s.misses,
                deopts: s.deopts,
                specialized: s.specialized,
                failed: s.failed,
            },
        );
    }
    let tier2 = crate::tier2::stats(vm);
    let optimizer = crate::tier2::optimizer(vm);
    let counters = optimizer.map(|o| o.counters()).unwrap_or_default();
    StatsDocument {
        schema: 1,
        specialization,
        tier2: Tier2Counters {
            optimizer: optimizer.map(|o| o.name().to_string()),
            traces_created: counters.traces_created,
            traces_aborted: counters.traces_aborted,
            executors_created: tier2.executors_created,
            executors_invalidated: crate::tier2::executors_invalidated(vm),
            executor_entries: tier2.executor_entries,
            side_exits: vm.stats.trace_exits,
            deopts: vm.stats.deopts,
            uops_executed: vm.stats.uops_executed,
            compiler: counters.compiler,
        },
        gc: GcCounters {
            collections: vm.stats.gc_collections,
        },
    }
}

/// The `--stats-json` text.
pub fn json(vm: &Vm) -> String {
    serde_json::to_string_pretty(&document(vm))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
