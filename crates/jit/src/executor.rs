//! Running compiled traces: the state block stencils receive, the step helper they
//! call, and the [`JitCompiler`]/[`JitOptimizer`] that plug the JIT into the
//! optimizer API.
//!
//! Owns the boundary between Rust and JIT code. The value stack is a `Vec` in the VM;
//! JIT code pushes and pops through a raw stack pointer, so before entering, the
//! stack gets `headroom` spare capacity (more than any run of inline uops can push
//! between two helper calls), and every helper call first tells the `Vec` its length
//! (everything below the stack pointer was written by a push) and afterwards hands
//! the code a fresh frame and stack pointer (the call may have grown, and so moved,
//! the stack). Exits, deopts and errors all go through the tier-2 interpreter's
//! machine ([`UopMachine::step`]), so they mean exactly what they mean in tier 2.
//! Inlined calls the stencils entered are *pending frames* in the state block until
//! the step helper (or a cold exit) makes them real VM frames, before anything looks
//! at the frames. Also owns the per-uop records compiled code points at (a global's
//! cached value and namespace versions, a call's frame plan, an attribute site) and
//! the fast helpers stencils call.
//!
//! Must never let a Rust panic unwind through JIT frames: the helper catches it and
//! it is resumed after the JIT code has returned.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::time::Instant;

use cpjit_bytecode::jit_abi::{
    BinaryOpStencil, Helper, SpecializedStencil, EXIT_SLOT_COLD, LAST_IP_UNSET, MAX_PENDING_FRAMES,
    STATUS_CONTINUE, STATUS_EXIT, STATUS_JUMP, STATUS_LEAVE,
};
use cpjit_bytecode::uops::Uop;
use cpjit_bytecode::AdaptiveOpcode;
use cpjit_bytecode::BinaryOpArg;
use cpjit_interpreter::eval::{load_instance_attribute, store_instance_attribute};
use cpjit_interpreter::uop_interpreter::{Step, UopMachine};
use cpjit_optimizer::trace::Trace;
use cpjit_optimizer::{
    CompiledTrace, ExecutorOutcome, OptError, OptimizeRequest, Optimizer, OptimizerCounters,
    Stitcher, TraceCompiler, UopOptimizer,
};
use cpjit_runtime::gc::GcPressure;
use cpjit_runtime::iter::{list_append_fast, unpack_exact};
use cpjit_runtime::numeric::binary_op_fast;
use cpjit_runtime::object::{CodeData, ObjKind};
use cpjit_runtime::ops::{builtin_len, simple_key_in_table};
use cpjit_runtime::vm::kind;
use cpjit_runtime::{Value, Vm};

use crate::memory::CodeArena;
use crate::patcher::{self, HelperAddresses, PatchedCode, PlannedUop};
use crate::stencil::StencilTable;

/// The block every stencil gets as its third argument. The first three fields are at
/// the offsets `cpjit_bytecode::jit_abi` gives (a test checks).
#[repr(C)]
pub struct JitState {
    pub frame: *mut Value,
    pub stack_pointer: *mut Value,
    pub last_ip: u64,
    /// Where a stitched side exit jumps (`STATUS_JUMP`).
    pub jump_target: usize,
    /// The VM heap's allocation pressure, which back edges check inline.
    gc_pressure: *const GcPressure,
    /// `vm.frames.len()` at the last helper call.
    frame_count: u64,
    recursion_limit: u64,
    /// The highest stack pointer an inlined call may leave (see `jit_abi`).
    stack_limit: *mut Value,
    /// Inlined calls the stencils entered without pushing VM frames (see `jit_abi`).
    pending_count: u64,
    pending_frames: [PendingFrame; MAX_PENDING_FRAMES],
    /// Where a cold `_EXIT_TRACE` resumes tier 1 (`STATUS_EXIT`).
    exit_target: u64,
    vm: *mut Vm,
    /// The executor's side-exit decision for this run (lifetime erased; it outlives
    /// the JIT call).
    stitch: *mut Stitcher<'static>,
    /// The compiled trace running after a stitched jump (kept alive here).
    current: Option<Rc<dyn CompiledTrace>>,
    /// The compiled trace the machine is set up for (a direct exit jump changes the
    /// running trace without a helper; the next helper call notices).
    current_jit: *const JitTrace,
    /// The running trace's uop addresses (one more at the end): where the deopt
    /// stencil goes on after the step helper ran uop `i` (to `i + 1`).
    uop_addresses: *const usize,
    stats: *const JitStats,
    /// The running trace's `UopMachine` (lifetime erased; it outlives the JIT call).
    machine: *mut UopMachine<'static>,
    outcome: Option<ExecutorOutcome>,
    panic: Option<Box<dyn Any + Send>>,
}

/// An inlined call whose frame only the stencils know of (`jit_abi::STATE_PENDING_*`).
#[repr(C)]
#[derive(Clone, Copy)]
struct PendingFrame {
    caller_frame: *mut Value,
    callee_frame: *mut Value,
    plan: *const FramePlan,
    unused: u64,
}

const NO_PENDING_FRAME: PendingFrame = PendingFrame {
    caller_frame: std::ptr::null_mut(),
    callee_frame: std::ptr::null_mut(),
    plan: std::ptr::null(),
    unused: 0,
};

/// What a `_PUSH_FRAME` stencil needs to know about its call (its operand points at
/// it; the first fields are at the offsets `jit_abi` gives).
#[repr(C)]
#[derive(Debug)]
pub struct FramePlan {
    /// The code object the callee must be running (a value word).
    code: u64,
    /// Locals beyond the arguments, set unbound.
    extra_locals: u64,
    /// Where the caller resumes.
    target: u64,
    /// The callee's index in the trace's code objects.
    code_index: u64,
}

type EntryFn = extern "C" fn(*mut Value, *mut Value, *mut JitState) -> u64;

/// The real address of a helper.
pub fn helper_address(helper: Helper) -> usize {
    match helper {
        Helper::Step => helper_step as *const () as usize,
        Helper::Safepoint => helper_safepoint as *const () as usize,
        Helper::ListAppend => helper_list_append as *const () as usize,
        Helper::NumberBinary => helper_number_binary as *const () as usize,
        Helper::Unpack => helper_unpack as *const () as usize,
        Helper::Len => helper_len as *const () as usize,
        Helper::LoadAttrInstance => helper_load_attr_instance as *const () as usize,
        Helper::StoreAttrInstance => helper_store_attr_instance as *const () as usize,
        Helper::Contains => helper_contains as *const () as usize,
    }
}

/// Runs a fast helper's body; a panic (a bug) becomes `fallback`, which sends the
/// stencil to its deopt stub, whose step helper meets the bug again and reports it.
fn guarded(fallback: u64, body: impl FnOnce() -> u64) -> u64 {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

extern "C" fn helper_list_append(list: u64, item: u64) -> u64 {
    guarded(0, || {
        u64::from(list_append_fast(
            Value::from_raw(list),
            Value::from_raw(item),
        ))
    })
}

extern "C" fn helper_unpack(sequence: u64, destination: u64, count: u64, is_list: u64) -> u64 {
    guarded(0, || {
        // SAFETY: the stencil passes the address of the sequence's stack slot and
        // checked that `count` slots from there stay below the stack limit, inside the
        // value stack's allocation; the JIT code holds no reference to them.
        let out =
            unsafe { std::slice::from_raw_parts_mut(destination as *mut Value, count as usize) };
        u64::from(unpack_exact(Value::from_raw(sequence), is_list != 0, out))
    })
}

extern "C" fn helper_len(value: u64) -> u64 {
    guarded(Value::NULL.raw(), || {
        builtin_len(Value::from_raw(value))
            .and_then(|n| Value::small_int(n as i64))
            .unwrap_or(Value::NULL)
            .raw()
    })
}

/// What the attribute helpers need to run a specialized instance attribute load or
/// store (the operand of its uop; owned by the compiled trace).
#[derive(Debug)]
pub struct AttributeRecord {
    code: *const CodeData,
    ip: usize,
    op: AdaptiveOpcode,
    arg: u32,
}

extern "C" fn helper_load_attr_instance(
    stack_pointer: *mut Value,
    state: *mut JitState,
    record: u64,
) -> u64 {
    run_attribute_site(stack_pointer, state, record, |vm, code, record| {
        load_instance_attribute(vm, code, record.ip, record.op, record.arg)
    })
}

extern "C" fn helper_store_attr_instance(
    stack_pointer: *mut Value,
    state: *mut JitState,
    record: u64,
) -> u64 {
    run_attribute_site(stack_pointer, state, record, |vm, code, record| {
        store_instance_attribute(vm, code, record.ip, record.arg)
    })
}

/// The body of the attribute helpers: syncs the value stack, runs the site's tier-1
/// fast form with `run` on it, and returns the new stack pointer, or 0 (nothing
/// changed) when its guards failed.
#[inline(always)]
fn run_attribute_site(
    stack_pointer: *mut Value,
    state: *mut JitState,
    record: u64,
    run: impl FnOnce(&mut Vm, &CodeData, &AttributeRecord) -> bool,
) -> u64 {
    guarded(0, || {
        // SAFETY: as in `helper_step`: `state` and the VM it points to are exclusively
        // the JIT run's; `record` is the operand of a uop of the running trace, which
        // owns it, and its code object is one of the trace's (alive while it runs).
        let (state, record) = unsafe { (&mut *state, &*(record as *const AttributeRecord)) };
        let vm = unsafe { &mut *state.vm };
        let code = unsafe { &*record.code };
        sync_stack_length(vm, stack_pointer);
        if !run(vm, code, record) {
            return 0;
        }
        // A load pushes at most one, within the reserved headroom: the stack did not
        // move.
        vm.stack.as_mut_ptr_range().end as u64
    })
}

extern "C" fn helper_contains(container: u64, key: u64, flags: u64) -> u64 {
    guarded(Value::NULL.raw(), || {
        simple_key_in_table(
            Value::from_raw(container),
            Value::from_raw(key),
            flags & 1 != 0,
        )
        .map(|found| Value::bool(found != (flags & 2 != 0)))
        .unwrap_or(Value::NULL)
        .raw()
    })
}

extern "C" fn helper_number_binary(lhs: u64, rhs: u64, oparg: u64) -> u64 {
    guarded(Value::NULL.raw(), || {
        BinaryOpArg::from_arg(oparg as u32)
            .and_then(|op| binary_op_fast(Value::from_raw(lhs), Value::from_raw(rhs), op))
            .unwrap_or(Value::NULL)
            .raw()
    })
}

/// A specialized `LOAD_GLOBAL` of the loop's own code, as the compiled trace keeps
/// it: the address of the operand of its uop. The stencil pushes `value` while the
/// namespaces' versions are the ones it was read at; otherwise the uop's slow path
/// (the tier-2 machine, reading the live cache) runs it and [`GlobalSlot::refresh`]
/// reads the value again. The first fields are at the offsets `jit_abi` gives.
#[repr(C)]
#[derive(Debug)]
pub struct GlobalSlot {
    globals_version: *const u64,
    builtins_version: *const u64,
    seen_globals_version: Cell<u64>,
    seen_builtins_version: Cell<u64>,
    value: Cell<u64>,
    /// Which uop of its trace this is.
    uop: usize,
    globals: Value,
    builtins: Value,
    name: Value,
    index: usize,
    /// `Some(globals' keys version)` for the builtins form.
    builtins_keys_version: Option<u64>,
}

/// No dict's version is this (a version would have to wrap around to reach it):
/// what a slot sees when the cache did not hold, so the stencil takes the slow path.
const NO_VERSION: u64 = u64::MAX;

impl GlobalSlot {
    /// Reads the global again through the cache snapshot and records the versions
    /// it was read at (a cache that no longer holds records [`NO_VERSION`]).
    fn refresh(&self) {
        let value = cpjit_runtime::ops::cached_global(
            self.globals,
            self.builtins,
            self.name,
            self.index,
            self.builtins_keys_version,
        );
        // SAFETY: the version addresses point into the dict tables of `globals` and
        // `builtins`, which live as long as the code whose namespaces they are (the
        // trace runs only while that code runs); nothing borrows them mutably while a
        // uop runs.
        let versions = unsafe { (*self.globals_version, *self.builtins_version) };
        match value {
            Some(value) => {
                self.value.set(value.raw());
                self.seen_globals_version.set(versions.0);
                self.seen_builtins_version.set(versions.1);
            }
            None => {
                self.seen_globals_version.set(NO_VERSION);
                self.seen_builtins_version.set(NO_VERSION);
            }
        }
    }
}

/// The back edge's safepoint.
extern "C" fn helper_safepoint(
    _frame: *mut Value,
    stack_pointer: *mut Value,
    state: *mut JitState,
) -> u64 {
    // SAFETY: as in `helper_step`: `state` and the VM it points to are exclusively
    // the JIT run's.
    let state = unsafe { &mut *state };
    let vm = unsafe { &mut *state.vm };
    sync_stack_length(vm, stack_pointer);
    // A collection marks the stack as roots and frees nothing on it; it never moves
    // or grows the stack, so the stencil keeps its frame and stack pointers.
    if catch_unwind(AssertUnwindSafe(|| vm.safepoint())).is_err() {
        eprintln!("cpjit: fatal: the garbage collector panicked");
        std::process::abort();
    }
    STATUS_CONTINUE
}

/// Defines an `extern "C"` helper with the step contract (see `jit_abi::Helper::Step`)
/// that runs its uop with the given `UopMachine` method.
macro_rules! step_helper {
    ($(#[$doc:meta])* $name:ident => $method:path) => {
        $(#[$doc])*
        extern "C" fn $name(
            frame: *mut Value,
            stack_pointer: *mut Value,
            state: *mut JitState,
            uop_index: u64,
            executor: u64,
        ) -> u64 {
            run_step(frame, stack_pointer, state, uop_index, executor, $method)
        }
    };
}

step_helper!(
    /// The stencils' step helper (see `jit_abi::Helper::Step`).
    helper_step => UopMachine::step
);

/// The body of the step helpers: syncs the VM with the JIT's stack pointer, runs uop
/// `uop_index` with `step`, and reports where to go on.
#[inline(always)]
fn run_step(
    _frame: *mut Value,
    stack_pointer: *mut Value,
    state: *mut JitState,
    uop_index: u64,
    executor: u64,
    step: fn(&mut UopMachine<'static>, &mut Vm, usize) -> Step,
) -> u64 {
    // SAFETY: `state` is the block `JitTrace::run` passed to the entry stencil; the
    // stencils hand it along unchanged and it lives until the entry returns. Its `vm`
    // and `machine` pointers were made from exclusive borrows that `run` does not
    // touch while JIT code runs, so these are the only references.
    let state = unsafe { &mut *state };
    let vm = unsafe { &mut *state.vm };
    let machine = unsafe { &mut *state.machine };
    sync_stack_length(vm, stack_pointer);
    if executor as usize != state.current_jit as usize {
        // A direct exit jump entered another trace of the executor (at the loop's
        // depth, so with no pending frames then): follow it. The stack pointers are
        // re-derived after the step; reserving now could move the stack under the
        // pending frames that trace may have recorded since.
        // SAFETY: `executor` is patched into the code of a live `JitTrace` (its
        // executor owns it and is running), so it points at one.
        let jit = unsafe { &*(executor as *const JitTrace) };
        if !switch_machine(vm, machine, state, jit) {
            state.outcome = Some(ExecutorOutcome::ResumeAt(jit.trace.start));
            return STATUS_LEAVE;
        }
    }
    let step = catch_unwind(AssertUnwindSafe(|| {
        push_pending_frames(vm, machine, state);
        if state.last_ip != LAST_IP_UNSET {
            vm.frames[machine.frame_index].last_ip = state.last_ip as usize;
            state.last_ip = LAST_IP_UNSET;
        }
        match step(machine, vm, uop_index as usize) {
            step @ (Step::Next | Step::JumpToTop) => {
                // SAFETY: `current_jit` is the live trace whose uop just ran.
                unsafe { &*state.current_jit }.after_slow_path(uop_index as usize);
                point_state_at_stack(vm, machine.base, state);
                let next = if matches!(step, Step::Next) {
                    uop_index as usize + 1
                } else {
                    0
                };
                // SAFETY: `uop_addresses` has one entry per uop of the running trace
                // plus one, and `uop_index` is one of its uops.
                state.jump_target = unsafe { *state.uop_addresses.add(next) };
                STATUS_CONTINUE
            }
            Step::Leave(outcome) => leave_or_stitch(vm, machine, state, outcome),
        }
    }));
    step.unwrap_or_else(|panic| {
        state.panic = Some(panic);
        STATUS_LEAVE
    })
}

/// A uop left the trace: a side exit in the loop's code may continue in the compiled
/// trace the executor stitches it to; anything else leaves with the outcome.
fn leave_or_stitch(
    vm: &mut Vm,
    machine: &mut UopMachine<'static>,
    state: &mut JitState,
    outcome: ExecutorOutcome,
) -> u64 {
    if let ExecutorOutcome::SideExit {
        uop,
        target,
        in_loop_code: true,
    } = outcome
    {
        // SAFETY: `stitch` was set by `JitTrace::run` from a live `&mut` it does not
        // use while JIT code runs.
        let stitch = unsafe { &mut *state.stitch };
        if let Some(next) = stitch(vm, state.current_jit as *const (), uop, target) {
            if let Some(jit) = next.code.as_any().downcast_ref::<JitTrace>() {
                // SAFETY: `current_jit` is the live trace whose uop just exited.
                let exited = unsafe { &*state.current_jit };
                let exiting_uop = exited.trace.uops[uop].uop;
                // Where this exit may jump from now on: a side trace's start; for
                // `_EXIT_TRACE` (which runs the safepoint itself) also the loop trace's
                // start; for a guard exiting to the back edge, the loop trace's
                // `_JUMP_TO_TOP` (the back edge with its safepoint).
                let direct_target = if next.side_trace || exiting_uop == Uop::_EXIT_TRACE {
                    Some(jit.first_uop_address())
                } else {
                    jit.jump_to_top_address()
                };
                if let Some(direct_target) =
                    direct_target.filter(|_| direct_exit_allowed(exiting_uop))
                {
                    exited.exit_slots[uop].set(direct_target);
                    // SAFETY: as below, the compiler's counters outlive the run.
                    bump(unsafe { &(*state.stats).direct_exits }, 1);
                }
                if switch_to(vm, machine, state, jit) {
                    state.jump_target = jit.first_uop_address();
                    // SAFETY: `stats` points at the compiler's counters, which the
                    // running trace holds an `Rc` of.
                    bump(unsafe { &(*state.stats).stitched_jumps }, 1);
                    state.current = Some(next.code);
                    return STATUS_JUMP;
                }
            }
        }
    }
    if let ExecutorOutcome::SideExit {
        uop, in_loop_code, ..
    } = outcome
    {
        // SAFETY: `current_jit` is the live trace whose uop just exited.
        let exited = unsafe { &*state.current_jit };
        exited.count_cold_exit(uop, in_loop_code);
    }
    state.outcome = Some(outcome);
    STATUS_LEAVE
}

/// Points the machine and the state block at compiled trace `jit` (same frame: the
/// loop's code). Returns false when the machine cannot be made.
fn switch_to(
    vm: &mut Vm,
    machine: &mut UopMachine<'static>,
    state: &mut JitState,
    jit: &JitTrace,
) -> bool {
    if !switch_machine(vm, machine, state, jit) {
        return false;
    }
    point_state_at_stack(vm, machine.base, state);
    true
}

/// [`switch_to`] without the stack pointers (the caller derives them later).
fn switch_machine(
    vm: &mut Vm,
    machine: &mut UopMachine<'static>,
    state: &mut JitState,
    jit: &JitTrace,
) -> bool {
    // SAFETY: the trace and its validity flag live in `jit`, which its executor keeps
    // alive for the whole run (and `state.current` once stitched).
    let (trace, valid) = unsafe { (&*(&jit.trace as *const Trace), &*Rc::as_ptr(&jit.valid)) };
    let Ok(next_machine) = UopMachine::new(vm, trace, valid) else {
        return false;
    };
    *machine = next_machine;
    state.uop_addresses = jit.uop_addresses.as_ptr();
    state.current_jit = jit;
    true
}

/// Exits whose slow path is a pure exit (nothing consumed but, for branch guards, the
/// popped condition): once attached they jump to their target trace directly. Other
/// uops' slow paths may go on instead of exiting, so they always run through the step
/// helper.
fn direct_exit_allowed(uop: Uop) -> bool {
    matches!(
        uop,
        Uop::_EXIT_TRACE
            | Uop::_GUARD_BOTH_INT
            | Uop::_GUARD_BOTH_FLOAT
            | Uop::_GUARD_TOS_BOOL
            | Uop::_GUARD_IS_TRUE_POP
            | Uop::_GUARD_IS_FALSE_POP
            | Uop::_TO_BOOL_INT
            | Uop::_ITER_CHECK_RANGE
            | Uop::_ITER_CHECK_LIST
            | Uop::_GUARD_NOT_EXHAUSTED_RANGE
            | Uop::_GUARD_NOT_EXHAUSTED_LIST
            | Uop::_CHECK_FUNCTION
    )
}

/// Tells the value stack how far JIT code has filled it.
fn sync_stack_length(vm: &mut Vm, stack_pointer: *mut Value) {
    let start = vm.stack.as_mut_ptr() as usize;
    let length = (stack_pointer as usize).wrapping_sub(start) / std::mem::size_of::<Value>();
    if (stack_pointer as usize) < start || length > vm.stack.capacity() {
        // JIT code wrote outside the stack: memory is no longer trustworthy.
        eprintln!("cpjit: fatal: JIT stack pointer outside the value stack");
        std::process::abort();
    }
    // SAFETY: `length` is within capacity (checked), and every slot below the stack
    // pointer was written by a push (JIT code keeps the same stack discipline as the
    // tier-2 interpreter); `Value` is plain bits with no destructor.
    unsafe { vm.stack.set_len(length) };
}

/// Reserves headroom and stores the (possibly moved) frame and stack pointer, and
/// what inlined calls check: the frame count, the recursion limit and how far the
/// stack may grow.
fn point_state_at_stack(vm: &mut Vm, base: usize, state: &mut JitState) {
    vm.stack.reserve(HEADROOM);
    let start = vm.stack.as_mut_ptr();
    // SAFETY: `base` and `len` are within the allocation (`base <= len <= capacity`),
    // and `capacity - HEADROOM >= len` after the reserve.
    unsafe {
        state.frame = start.add(base);
        state.stack_pointer = start.add(vm.stack.len());
        state.stack_limit = start.add(vm.stack.capacity() - HEADROOM);
    }
    state.frame_count = vm.frames.len() as u64;
    state.recursion_limit = vm.recursion_limit as u64;
}

/// Makes the inlined calls the stencils entered real frames, oldest first, as the
/// tier-2 interpreter's `_PUSH_FRAME` would have (the stack length is already synced:
/// their locals are below the stack pointer).
fn push_pending_frames(vm: &mut Vm, machine: &mut UopMachine<'static>, state: &mut JitState) {
    let count = state.pending_count as usize;
    if count == 0 {
        return;
    }
    state.pending_count = 0;
    let start = vm.stack.as_ptr() as usize;
    let trace = machine.trace();
    for record in &state.pending_frames[..count] {
        // SAFETY: `plan` is the operand of a `_PUSH_FRAME` of the running trace, which
        // owns its plans (pending frames never outlive the trace that made them:
        // traces only switch at depth 0).
        let plan = unsafe { &*record.plan };
        let callee_base = (record.callee_frame as usize - start) / std::mem::size_of::<Value>();
        let Some(ObjKind::Code(callee)) = trace.codes.get(plan.code_index as usize).and_then(kind)
        else {
            unreachable!("a frame plan names one of its trace's code objects");
        };
        machine.push_inlined_frame(vm, callee_base - 2, callee, plan.target as u32);
    }
}

/// Stack slots reserved beyond the top before JIT code runs and after every helper:
/// more than the longest trace can push between two helper calls (each uop pushes
/// at most two). An inlined call's locals come out of the rest of the capacity: its
/// stencil takes the slow path unless this much is left above them.
const HEADROOM: usize = 2 * cpjit_optimizer::trace::MAX_TRACE_LENGTH + 16;

/// Adds `n` to a counter.
fn bump(counter: &Cell<u64>, n: u64) {
    counter.set(counter.get() + n);
}

/// JIT counters (shared by the compiler and the traces it made).
#[derive(Default)]
pub struct JitStats {
    pub executors_compiled: Cell<u64>,
    pub code_bytes: Cell<u64>,
    pub compile_ns: Cell<u64>,
    pub entries: Cell<u64>,
    pub uops_compiled: Cell<u64>,
    /// Side exits the step helper stitched to another compiled trace.
    pub stitched_jumps: Cell<u64>,
    /// Exits switched to jump straight to their side trace from machine code.
    pub direct_exits: Cell<u64>,
    /// Bytes of machine code currently allocated (freed executors give theirs back).
    pub live_code_bytes: Cell<u64>,
}

/// A trace in executable memory.
pub struct JitTrace {
    trace: Trace,
    /// Data the code's operands point at (boxed: the addresses are in the code, so
    /// the slots must never move).
    #[allow(clippy::vec_box)]
    global_slots: Vec<Box<GlobalSlot>>,
    #[allow(clippy::vec_box)]
    _frame_plans: Vec<Box<FramePlan>>,
    #[allow(clippy::vec_box)]
    _attribute_records: Vec<Box<AttributeRecord>>,
    valid: Rc<Cell<bool>>,
    code: PatchedCode,
    /// Address of every uop's code, then of the fatal stencil.
    uop_addresses: Vec<usize>,
    /// Per uop: the first-uop address of a side trace its exit jumps to directly
    /// (0: none yet); the trampolines read these words.
    exit_slots: Box<[Cell<usize>]>,
    /// Per uop: `_EXIT_TRACE`s sent back to tier 1 in a row (see `count_cold_exit`).
    exit_misses: Box<[Cell<u8>]>,
    arena: Rc<RefCell<CodeArena>>,
    stats: Rc<JitStats>,
}

impl JitTrace {
    /// Address of the trace's closing `_JUMP_TO_TOP`, if it has one.
    fn jump_to_top_address(&self) -> Option<usize> {
        let last = self.trace.uops.len().checked_sub(1)?;
        (self.trace.uops[last].uop == Uop::_JUMP_TO_TOP).then(|| self.uop_addresses[last])
    }

    /// Address of the first uop (after the entry stencil): where stitched jumps land.
    fn first_uop_address(&self) -> usize {
        self.uop_addresses[0]
    }
}

impl CompiledTrace for JitTrace {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn run(&self, vm: &mut Vm, stitch: &mut Stitcher<'_>) -> ExecutorOutcome {
        bump(&self.stats.entries, 1);
        let mut machine = match UopMachine::new(vm, &self.trace, &self.valid) {
            Ok(machine) => machine,
            Err(outcome) => return outcome,
        };
        let mut state = JitState {
            frame: std::ptr::null_mut(),
            stack_pointer: std::ptr::null_mut(),
            last_ip: LAST_IP_UNSET,
            jump_target: 0,
            gc_pressure: vm.heap.pressure_address(),
            frame_count: 0,
            recursion_limit: 0,
            stack_limit: std::ptr::null_mut(),
            pending_count: 0,
            pending_frames: [NO_PENDING_FRAME; MAX_PENDING_FRAMES],
            exit_target: 0,
            vm: std::ptr::null_mut(),
            // SAFETY: only the lifetime is erased; the pointer is used only while this
            // call runs, during which `stitch` is alive and otherwise unused.
            stitch: unsafe {
                std::mem::transmute::<*mut Stitcher<'_>, *mut Stitcher<'static>>(
                    stitch as *mut Stitcher<'_>,
                )
            },
            current: None,
            current_jit: self,
            uop_addresses: self.uop_addresses.as_ptr(),
            stats: Rc::as_ptr(&self.stats),
            machine: std::ptr::null_mut(),
            outcome: None,
            panic: None,
        };
        point_state_at_stack(vm, machine.base, &mut state);
        state.vm = vm as *mut Vm;
        state.machine = (&mut machine as *mut UopMachine<'_>).cast();
        // SAFETY: `entry` is the address of the entry stencil of code this trace owns
        // (freed only when the trace is dropped), patched for this trace; it has the
        // SystemV signature of `EntryFn`. `vm` and `machine` are not used until the
        // call returns, so the raw pointers in `state` are the only access meanwhile.
        let status = unsafe {
            let entry: EntryFn = std::mem::transmute::<usize, EntryFn>(self.code.entry);
            entry(state.frame, state.stack_pointer, &mut state)
        };
        if let Some(panic) = state.panic.take() {
            resume_unwind(panic);
        }
        if status == STATUS_EXIT {
            // A cold `_EXIT_TRACE` left by itself: the frames of the calls it is in
            // become real, and tier 1 resumes in the innermost.
            sync_stack_length(vm, state.stack_pointer);
            // SAFETY: `state.machine` points at `machine` above (lifetime erased), which
            // the JIT code no longer uses.
            let erased = unsafe { &mut *state.machine };
            let leaving = state.jump_target;
            if leaving != state.current_jit as usize {
                // SAFETY: the stencil stored its `__JIT_EXECUTOR`, the address of a
                // live `JitTrace` of this executor (it just ran).
                let jit = unsafe { &*(leaving as *const JitTrace) };
                if !switch_machine(vm, erased, &mut state, jit) {
                    return ExecutorOutcome::ResumeAt(jit.trace.start);
                }
            }
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                push_pending_frames(vm, erased, &mut state);
            }));
            if let Err(panic) = outcome {
                resume_unwind(panic);
            }
            vm.stats.trace_exits += 1;
            return ExecutorOutcome::ResumeAt(state.exit_target as usize);
        }
        debug_assert_eq!(state.pending_count, 0, "a trace left with pending frames");
        match state.outcome.take() {
            Some(outcome) if status == STATUS_LEAVE => outcome,
            // Stencils only return what the step helper returned with an outcome.
            _ => ExecutorOutcome::ResumeAt(self.trace.start),
        }
    }
}

impl Drop for JitTrace {
    fn drop(&mut self) {
        if let Ok(mut arena) = self.arena.try_borrow_mut() {
            arena.free(self.code.space);
            let live = &self.stats.live_code_bytes;
            live.set(live.get().saturating_sub(self.code.size as u64));
        }
    }
}

/// Compiles traces by copy-and-patch.
pub struct JitCompiler {
    table: &'static StencilTable,
    arena: Rc<RefCell<CodeArena>>,
    stats: Rc<JitStats>,
    /// What each compile produced, for `cpjit trace --jit` (formatted only when asked).
    records: RefCell<Vec<CompileRecord>>,
    helpers: HelperAddresses,
    /// Why the stencil table cannot be used, if it cannot (checked once).
    table_error: Option<String>,
}

/// One compiled trace's shape, kept for the report.
struct CompileRecord {
    start: usize,
    size: usize,
    cold_offset: u32,
    uops: Vec<(u32, Uop)>,
}

impl Default for JitCompiler {
    fn default() -> Self {
        JitCompiler::new()
    }
}

impl JitCompiler {
    pub fn new() -> JitCompiler {
        let table = &crate::jit_stencils::X86_64;
        JitCompiler {
            table,
            arena: Rc::new(RefCell::new(CodeArena::new(helper_address))),
            stats: Rc::default(),
            records: RefCell::default(),
            helpers: HelperAddresses::resolve(helper_address),
            table_error: patcher::validate(table).err().map(|e| e.to_string()),
        }
    }

    pub fn stats(&self) -> &JitStats {
        &self.stats
    }

    /// Which stencil and values each uop gets.
    pub fn plan(&self, vm: &Vm, trace: &Trace, valid: &Rc<Cell<bool>>) -> Result<Plan, OptError> {
        let mut global_slots = Vec::new();
        let mut frame_plans = Vec::new();
        let mut attribute_records = Vec::new();
        let exit_slots: Box<[Cell<usize>]> = trace.uops.iter().map(|_| Cell::new(0)).collect();
        let uops = trace
            .uops
            .iter()
            .zip(exit_slots.iter())
            .enumerate()
            .map(|(index, (u, exit_slot))| {
                let specialized = specialized_form(vm, trace, u);
                let mut stencil = if vm.force_deopt && u.uop.flags().guard {
                    // Stress mode: the step helper makes guards fail.
                    &self.table.step
                } else if let Some((form, _)) = specialized {
                    &self.table.specialized[form.index()]
                } else if u.uop == Uop::_BINARY_OP {
                    // Only the inline path of this operator.
                    &self.table.binary_ops[BinaryOpStencil::for_oparg(u.oparg).index()]
                } else {
                    &self.table.uops[u.uop as usize]
                };
                let operand = match u.uop {
                    Uop::_LOAD_GLOBAL_MODULE | Uop::_LOAD_GLOBAL_BUILTINS => {
                        match global_slot(vm, trace, index, u) {
                            Some(slot) => {
                                let slot = Box::new(slot);
                                let address = &*slot as *const GlobalSlot as u64;
                                global_slots.push(slot);
                                address
                            }
                            // Inlined code (other globals): the step helper reads the
                            // live cache.
                            None => {
                                stencil = &self.table.step;
                                0
                            }
                        }
                    }
                    Uop::_LOAD_CONST => {
                        let Some(ObjKind::Code(code)) =
                            trace.codes.get(u.code as usize).and_then(kind)
                        else {
                            return Err(OptError::Aborted("constant of an unknown code".into()));
                        };
                        code.consts
                            .get(u.oparg as usize)
                            .map(|c| c.raw())
                            .ok_or_else(|| OptError::Aborted("constant out of range".into()))?
                    }
                    Uop::_PUSH_FRAME => match frame_plan(trace, u) {
                        Some(plan) => {
                            let plan = Box::new(plan);
                            let address = &*plan as *const FramePlan as u64;
                            frame_plans.push(plan);
                            address
                        }
                        None => {
                            return Err(OptError::Aborted(
                                "an inlined call of an unknown code".into(),
                            ))
                        }
                    },
                    Uop::_RUN_SPECIALIZED => match specialized {
                        Some((
                            SpecializedStencil::LoadAttrInstance
                            | SpecializedStencil::StoreAttrInstance,
                            _,
                        )) => {
                            let record = Box::new(attribute_record(trace, u)?);
                            let address = &*record as *const AttributeRecord as u64;
                            attribute_records.push(record);
                            address
                        }
                        Some((_, Some(callable))) => callable.raw(),
                        _ => u.operand,
                    },
                    Uop::_CHECK_VALIDITY => Rc::as_ptr(valid) as u64,
                    Uop::_EXIT_TRACE => exit_slot.as_ptr() as u64,
                    _ => u.operand,
                };
                let trampoline =
                    if matches!(u.uop, Uop::_GUARD_IS_TRUE_POP | Uop::_GUARD_IS_FALSE_POP) {
                        &self.table.exit_trampoline_pop
                    } else {
                        &self.table.exit_trampoline
                    };
                Ok(PlannedUop {
                    stencil,
                    // `_EXIT_TRACE` leaving by itself needs its target.
                    oparg: if u.uop == Uop::_EXIT_TRACE {
                        u64::from(u.target)
                    } else {
                        u64::from(u.oparg)
                    },
                    operand,
                    trampoline,
                    exit_slot: exit_slot.as_ptr() as u64,
                })
            })
            .collect::<Result<Vec<_>, OptError>>()?;
        Ok(Plan {
            uops,
            global_slots,
            frame_plans,
            attribute_records,
            exit_slots,
        })
    }
}

/// What [`JitCompiler::plan`] decided: each uop's stencil and values, and the data
/// the values point at (which the compiled trace must own).
pub struct Plan {
    pub uops: Vec<PlannedUop>,
    /// Boxed: their addresses are patched into the code, so they must never move.
    #[allow(clippy::vec_box)]
    global_slots: Vec<Box<GlobalSlot>>,
    #[allow(clippy::vec_box)]
    frame_plans: Vec<Box<FramePlan>>,
    #[allow(clippy::vec_box)]
    attribute_records: Vec<Box<AttributeRecord>>,
    /// One per uop, read by the exit trampolines (their addresses are in the code).
    exit_slots: Box<[Cell<usize>]>,
}

/// The stencil of its own a `_RUN_SPECIALIZED` uop's instruction has, if any, and
/// for the call forms the callable it expects (the builtin the site was specialized
/// for, which lives as long as the VM): `len`; `list.append` with one argument;
/// `float` as the class called.
fn specialized_form(
    vm: &Vm,
    trace: &Trace,
    u: &cpjit_optimizer::trace::UopInstruction,
) -> Option<(SpecializedStencil, Option<Value>)> {
    if u.uop != Uop::_RUN_SPECIALIZED {
        return None;
    }
    let op = *cpjit_bytecode::ALL_ADAPTIVE_OPCODES.get(u.operand as usize)?;
    let form = SpecializedStencil::for_instruction(op)?;
    let cached_callable = || {
        let Some(ObjKind::Code(code)) = trace.codes.get(u.code as usize).and_then(kind) else {
            return None;
        };
        Some(code.caches.get(u.target as usize)?.get().value)
    };
    match form {
        SpecializedStencil::UnpackTuple
        | SpecializedStencil::UnpackList
        | SpecializedStencil::LoadAttrInstance
        | SpecializedStencil::StoreAttrInstance
        | SpecializedStencil::ContainsDict
        | SpecializedStencil::ContainsSet => Some((form, None)),
        SpecializedStencil::CallLen | SpecializedStencil::CallListAppend => {
            let callable = cached_callable().filter(|_| u.oparg == 1)?;
            Some((form, Some(callable)))
        }
        SpecializedStencil::CallFloat => {
            let callable = cached_callable().filter(|c| u.oparg == 1 && *c == vm.types.float)?;
            Some((form, Some(callable)))
        }
    }
}

/// The record of a `_RUN_SPECIALIZED` instance attribute load or store.
fn attribute_record(
    trace: &Trace,
    u: &cpjit_optimizer::trace::UopInstruction,
) -> Result<AttributeRecord, OptError> {
    let Some(ObjKind::Code(code)) = trace.codes.get(u.code as usize).and_then(kind) else {
        return Err(OptError::Aborted(
            "an attribute load in an unknown code".into(),
        ));
    };
    let op = cpjit_bytecode::ALL_ADAPTIVE_OPCODES[u.operand as usize];
    Ok(AttributeRecord {
        code: &**code as *const CodeData,
        ip: u.target as usize,
        op,
        arg: u.oparg,
    })
}

/// The plan of a `_PUSH_FRAME`: the inlined code and its locals.
fn frame_plan(trace: &Trace, u: &cpjit_optimizer::trace::UopInstruction) -> Option<FramePlan> {
    let code = *trace.codes.get(u.code as usize)?;
    let Some(ObjKind::Code(callee)) = kind(&code) else {
        return None;
    };
    Some(FramePlan {
        code: code.raw(),
        extra_locals: callee.nlocalsplus.checked_sub(u.oparg as usize)? as u64,
        target: u64::from(u.target),
        code_index: u64::from(u.code),
    })
}

/// The record for `LOAD_GLOBAL` uop `index` of the loop's own code (the running
/// frame's namespaces), filled from the cache; `None` for inlined code.
fn global_slot(
    vm: &Vm,
    trace: &Trace,
    index: usize,
    u: &cpjit_optimizer::trace::UopInstruction,
) -> Option<GlobalSlot> {
    if u.code != 0 {
        return None;
    }
    let Some(ObjKind::Code(code)) = trace.codes.first().and_then(kind) else {
        return None;
    };
    let frame = vm.frames.last()?;
    let cache = code.caches.get(u.target as usize)?.get();
    let version_address = |dict: &Value| match kind(dict) {
        Some(ObjKind::Dict(table)) => Some(table.borrow().version_address()),
        _ => None,
    };
    let slot = GlobalSlot {
        globals_version: version_address(&frame.globals)?,
        builtins_version: version_address(&frame.builtins)?,
        seen_globals_version: Cell::new(NO_VERSION),
        seen_builtins_version: Cell::new(NO_VERSION),
        value: Cell::new(Value::NULL.raw()),
        uop: index,
        globals: frame.globals,
        builtins: frame.builtins,
        name: *code.names.get((u.oparg >> 1) as usize)?,
        index: cache.index as usize,
        builtins_keys_version: (u.uop == Uop::_LOAD_GLOBAL_BUILTINS).then_some(cache.key),
    };
    slot.refresh();
    Some(slot)
}

/// How many times in a row the executor must send an `_EXIT_TRACE` of the loop's
/// code back to tier 1 before it leaves without asking (past the exit's warm-up: a
/// side trace is tried at the hot threshold, and a failed projection is final).
const COLD_EXIT_AFTER: u8 = 64;

impl JitTrace {
    /// An exit of uop `index` went back to tier 1: an `_EXIT_TRACE` leaves by itself
    /// from then on — at once in inlined code (never stitched), in the loop's code
    /// after [`COLD_EXIT_AFTER`] times in a row.
    fn count_cold_exit(&self, index: usize, in_loop_code: bool) {
        if self.trace.uops.get(index).map(|u| u.uop) != Some(Uop::_EXIT_TRACE) {
            return;
        }
        let Some(misses) = self.exit_misses.get(index) else {
            return;
        };
        let count = if in_loop_code {
            misses.get().saturating_add(1)
        } else {
            COLD_EXIT_AFTER
        };
        misses.set(count);
        if count >= COLD_EXIT_AFTER && self.exit_slots[index].get() == 0 {
            self.exit_slots[index].set(EXIT_SLOT_COLD as usize);
        }
    }

    /// After the slow path ran uop `index`: a `LOAD_GLOBAL` whose inline check
    /// failed reads its global again, so the next run takes the inline path.
    #[inline]
    fn after_slow_path(&self, index: usize) {
        let is_global = matches!(
            self.trace.uops.get(index).map(|u| u.uop),
            Some(Uop::_LOAD_GLOBAL_MODULE | Uop::_LOAD_GLOBAL_BUILTINS)
        );
        if is_global {
            if let Some(slot) = self.global_slots.iter().find(|slot| slot.uop == index) {
                slot.refresh();
            }
        }
    }
}

/// Only x86-64 runs the stencils.
fn supported_machine() -> bool {
    cfg!(all(target_arch = "x86_64", unix))
}

impl TraceCompiler for JitCompiler {
    fn name(&self) -> &str {
        "jit"
    }

    fn compile(
        &self,
        vm: &Vm,
        trace: &Trace,
        valid: &Rc<Cell<bool>>,
    ) -> Result<Rc<dyn CompiledTrace>, OptError> {
        if !supported_machine() {
            return Err(OptError::Aborted("the JIT runs on x86-64 only".into()));
        }
        if let Some(error) = &self.table_error {
            return Err(OptError::Aborted(error.clone()));
        }
        let started = Instant::now();
        let plan = self.plan(vm, trace, valid)?;
        // The code names its own `JitTrace` (for the step helper), so the allocation
        // comes first and is filled in once the code exists.
        let mut slot = Rc::<JitTrace>::new_uninit();
        let executor = slot.as_ptr() as u64;
        let code = patcher::compile(
            &mut self.arena.borrow_mut(),
            self.table,
            &plan.uops,
            executor,
            &self.helpers,
        )
        .map_err(|e| OptError::Aborted(e.to_string()))?;
        let stats = &self.stats;
        bump(&stats.compile_ns, started.elapsed().as_nanos() as u64);
        bump(&stats.executors_compiled, 1);
        bump(&stats.code_bytes, code.size as u64);
        bump(&stats.live_code_bytes, code.size as u64);
        bump(&stats.uops_compiled, trace.uops.len() as u64);
        self.records.borrow_mut().push(CompileRecord {
            start: trace.start,
            size: code.size,
            cold_offset: code.cold_offset,
            uops: code
                .uop_offsets
                .iter()
                .zip(&trace.uops)
                .map(|(offset, u)| (*offset, u.uop))
                .collect(),
        });
        let uop_addresses = code
            .uop_offsets
            .iter()
            .map(|offset| code.space.address + *offset as usize)
            .collect();
        let Some(uninit) = Rc::get_mut(&mut slot) else {
            return Err(OptError::Aborted("trace allocation is shared".into()));
        };
        uninit.write(JitTrace {
            trace: trace.clone(),
            global_slots: plan.global_slots,
            _frame_plans: plan.frame_plans,
            _attribute_records: plan.attribute_records,
            exit_misses: trace.uops.iter().map(|_| Cell::new(0)).collect(),
            exit_slots: plan.exit_slots,
            valid: valid.clone(),
            uop_addresses,
            code,
            arena: self.arena.clone(),
            stats: self.stats.clone(),
        });
        // SAFETY: written just above.
        let compiled: Rc<JitTrace> = unsafe { slot.assume_init() };
        Ok(compiled)
    }

    fn counters(&self) -> BTreeMap<String, u64> {
        let s = &self.stats;
        BTreeMap::from([
            (
                "jit_executors_compiled".to_string(),
                s.executors_compiled.get(),
            ),
            ("jit_code_bytes".to_string(), s.code_bytes.get()),
            ("jit_compile_ns".to_string(), s.compile_ns.get()),
            ("jit_entries".to_string(), s.entries.get()),
            ("jit_uops_compiled".to_string(), s.uops_compiled.get()),
            ("jit_stitched_jumps".to_string(), s.stitched_jumps.get()),
            ("jit_direct_exits".to_string(), s.direct_exits.get()),
            ("jit_live_code_bytes".to_string(), s.live_code_bytes.get()),
        ])
    }

    fn report(&self) -> String {
        let mut report = String::new();
        for (n, record) in self.records.borrow().iter().enumerate() {
            report.push_str(&format!(
                "jit trace {n}: from @{}, {} uops, {} bytes ({} hot, {} cold)\n",
                record.start,
                record.uops.len(),
                record.size,
                record.cold_offset,
                record.size - record.cold_offset as usize,
            ));
            for (offset, uop) in &record.uops {
                report.push_str(&format!("  {offset:>6}: {}\n", uop.name()));
            }
        }
        report
    }
}

/// The JIT optimizer: the uop optimizer's projection, passes, dependencies and side
/// traces, with every trace compiled by copy-and-patch.
pub struct JitOptimizer {
    inner: UopOptimizer,
}

impl Default for JitOptimizer {
    fn default() -> Self {
        JitOptimizer::new()
    }
}

impl JitOptimizer {
    pub fn new() -> JitOptimizer {
        JitOptimizer {
            inner: UopOptimizer::with_compiler(Rc::new(JitCompiler::new())),
        }
    }
}

impl Optimizer for JitOptimizer {
    fn name(&self) -> &str {
        self.inner.name()
    }

    fn report(&self) -> String {
        self.inner.report()
    }

    fn counters(&self) -> OptimizerCounters {
        self.inner.counters()
    }

    fn optimize(
        &mut self,
        request: &mut OptimizeRequest<'_>,
    ) -> Result<Option<Rc<dyn cpjit_optimizer::Executor>>, OptError> {
        self.inner.optimize(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cpjit_bytecode::jit_abi::{
        STATE_FRAME, STATE_GC_PRESSURE, STATE_JUMP_TARGET, STATE_LAST_IP, STATE_STACK_POINTER,
    };

    #[test]
    fn state_block_matches_the_abi() {
        assert_eq!(std::mem::offset_of!(JitState, frame), STATE_FRAME as usize);
        assert_eq!(
            std::mem::offset_of!(JitState, stack_pointer),
            STATE_STACK_POINTER as usize
        );
        assert_eq!(
            std::mem::offset_of!(JitState, last_ip),
            STATE_LAST_IP as usize
        );
        assert_eq!(
            std::mem::offset_of!(JitState, jump_target),
            STATE_JUMP_TARGET as usize
        );
        assert_eq!(
            std::mem::offset_of!(JitState, gc_pressure),
            STATE_GC_PRESSURE as usize
        );
    }

    #[test]
    fn frame_records_match_the_abi() {
        use cpjit_bytecode::jit_abi::*;
        use std::mem::{offset_of, size_of};
        let offsets = [
            (offset_of!(JitState, frame_count), STATE_FRAME_COUNT),
            (offset_of!(JitState, recursion_limit), STATE_RECURSION_LIMIT),
            (offset_of!(JitState, stack_limit), STATE_STACK_LIMIT),
            (offset_of!(JitState, pending_count), STATE_PENDING_COUNT),
            (offset_of!(JitState, pending_frames), STATE_PENDING_FRAMES),
            (offset_of!(JitState, exit_target), STATE_EXIT_TARGET),
            (size_of::<PendingFrame>(), PENDING_FRAME_SIZE),
            (offset_of!(PendingFrame, caller_frame), PENDING_CALLER_FRAME),
            (offset_of!(PendingFrame, callee_frame), PENDING_CALLEE_FRAME),
            (offset_of!(PendingFrame, plan), PENDING_PLAN),
            (offset_of!(FramePlan, code), FRAME_PLAN_CODE),
            (offset_of!(FramePlan, extra_locals), FRAME_PLAN_EXTRA_LOCALS),
            (offset_of!(FramePlan, target), FRAME_PLAN_TARGET),
        ];
        for (actual, abi) in offsets {
            assert_eq!(actual, abi as usize);
        }
        // Every inlined call of the deepest trace fits.
        const { assert!(MAX_PENDING_FRAMES >= cpjit_optimizer::trace::MAX_INLINE_DEPTH) };
    }

    #[test]
    fn global_slot_matches_the_abi() {
        use cpjit_bytecode::jit_abi::{
            GLOBAL_SLOT_BUILTINS_VERSION, GLOBAL_SLOT_GLOBALS_VERSION,
            GLOBAL_SLOT_SEEN_BUILTINS_VERSION, GLOBAL_SLOT_SEEN_GLOBALS_VERSION, GLOBAL_SLOT_VALUE,
        };
        use std::mem::offset_of;
        let offsets = [
            (
                offset_of!(GlobalSlot, globals_version),
                GLOBAL_SLOT_GLOBALS_VERSION,
            ),
            (
                offset_of!(GlobalSlot, builtins_version),
                GLOBAL_SLOT_BUILTINS_VERSION,
            ),
            (
                offset_of!(GlobalSlot, seen_globals_version),
                GLOBAL_SLOT_SEEN_GLOBALS_VERSION,
            ),
            (
                offset_of!(GlobalSlot, seen_builtins_version),
                GLOBAL_SLOT_SEEN_BUILTINS_VERSION,
            ),
            (offset_of!(GlobalSlot, value), GLOBAL_SLOT_VALUE),
        ];
        for (actual, abi) in offsets {
            assert_eq!(actual, abi as usize);
        }
    }
}
