//! The tier-2 interpreter: runs micro-op traces. It is the reference semantics the JIT
//! will be checked against.
//!
//! Owns the meaning of every uop. A failed guard leaves the trace with the value stack
//! exactly as tier 1 expects at the uop's target instruction. Must never specialize or
//! project (that is `specialize.rs` and `cpjit-optimizer`).

use std::cell::Cell;

use cpjit_bytecode::uops::Uop;
use cpjit_bytecode::{BinaryOpArg, CompareOp};
use cpjit_optimizer::trace::Trace;
use cpjit_optimizer::ExecutorOutcome;
use cpjit_runtime::iter::{
    fast_iterator_has_next, fast_next, finish_fast_iterator, is_fast_iterator, list_append_fast,
    list_item_fast, list_store_fast, FastIter, FastNext,
};
use cpjit_runtime::object::ObjKind;
use cpjit_runtime::ops;
use cpjit_runtime::vm::kind;
use cpjit_runtime::{Value, Vm};

/// Runs `trace` in the current frame until an exit.
pub fn run_trace(
    vm: &mut Vm,
    code_value: Value,
    trace: &Trace,
    valid: &Cell<bool>,
) -> ExecutorOutcome {
    let _ = code_value;
    let mut machine = match UopMachine::new(vm, trace, valid) {
        Ok(machine) => machine,
        Err(outcome) => return outcome,
    };
    let counting = vm.stats.enabled;
    let mut pc = 0;
    loop {
        if counting {
            vm.stats.uops_executed += 1;
        }
        match machine.step(vm, pc) {
            Step::Next => pc += 1,
            Step::JumpToTop => pc = 0,
            Step::Leave(outcome) => return outcome,
        }
    }
}

/// A guard or fast path left uop `pc` for tier-1 instruction `target` (in the loop's
/// own code when no inlined frame is active).
fn side_exit(vm: &mut Vm, pc: usize, target: usize, inline_depth: usize) -> Step {
    vm.stats.deopts += 1;
    Step::Leave(ExecutorOutcome::SideExit {
        uop: pc,
        target,
        in_loop_code: inline_depth == 0,
    })
}

/// What running one uop decided.
#[derive(Debug)]
pub enum Step {
    /// Go on with the next uop.
    Next,
    /// `_JUMP_TO_TOP`: go on with uop 0 (the safepoint has run).
    JumpToTop,
    /// Leave the trace.
    Leave(ExecutorOutcome),
}

/// The state of a running trace between uops: which frame and code it is in (inlined
/// calls push real frames). The JIT runs the same machine for every uop it does not
/// inline, so both tiers share one meaning of every uop.
pub struct UopMachine<'a> {
    trace: &'a Trace,
    code: &'a cpjit_runtime::object::CodeData,
    /// Index in `vm.frames` of the frame the trace is running.
    pub frame_index: usize,
    /// Where that frame's locals start in `vm.stack`.
    pub base: usize,
    globals: Value,
    builtins: Value,
    /// Frames this run pushed for inlined calls.
    pub inline_depth: usize,
    valid: &'a Cell<bool>,
    force_deopt: bool,
}

impl<'a> UopMachine<'a> {
    /// A machine for `trace` starting in the VM's current frame; `Err` is the outcome
    /// when the trace cannot run at all.
    pub fn new(
        vm: &Vm,
        trace: &'a Trace,
        valid: &'a Cell<bool>,
    ) -> Result<UopMachine<'a>, ExecutorOutcome> {
        let Some(ObjKind::Code(first)) = trace.codes.first().and_then(kind) else {
            return Err(ExecutorOutcome::ResumeAt(trace.start));
        };
        let Some(frame) = vm.frames.last() else {
            return Err(ExecutorOutcome::ResumeAt(trace.start));
        };
        Ok(UopMachine {
            trace,
            code: first,
            frame_index: vm.frames.len() - 1,
            base: frame.base,
            globals: frame.globals,
            builtins: frame.builtins,
            inline_depth: 0,
            valid,
            force_deopt: vm.force_deopt,
        })
    }

    /// Runs uop `pc` of the trace.
    pub fn step(&mut self, vm: &mut Vm, pc: usize) -> Step {
        let trace = self.trace;
        let (code, frame_index, base) = (self.code, self.frame_index, self.base);
        let (globals, builtins) = (self.globals, self.builtins);
        let inline_depth = self.inline_depth;
        let u = trace.uops[pc];
        // A generic operation raised: tier 1 unwinds as if the instruction at `$target`
        // had raised (the operands are dropped with the rest of the frame's stack above
        // the handler's depth).
        macro_rules! raise {
            ($error:expr, $target:expr) => {{
                return Step::Leave(ExecutorOutcome::Raise {
                    error: $error,
                    at: $target as usize,
                });
            }};
        }
        macro_rules! exit {
            ($target:expr) => {{
                return side_exit(vm, pc, $target as usize, inline_depth);
            }};
        }
        if self.force_deopt && u.uop.flags().guard && vm.force_this_guard() {
            if matches!(u.uop, Uop::_GUARD_IS_TRUE_POP | Uop::_GUARD_IS_FALSE_POP) {
                // A forced branch exit goes back to the branch instruction itself
                // (the operand), its condition still on the stack: tier 1 branches.
                // Never stitched: the exit's side trace starts on the other side.
                vm.stats.deopts += 1;
                return Step::Leave(ExecutorOutcome::SideExit {
                    uop: pc,
                    target: u.operand as usize,
                    in_loop_code: false,
                });
            }
            exit!(u.target);
        }
        let len = vm.stack.len();
        match u.uop {
            Uop::_START_EXECUTOR | Uop::_NOP => {}
            Uop::_CHECK_VALIDITY => {
                if !self.valid.get() {
                    exit!(u.target);
                }
            }
            Uop::_SET_IP => vm.frames[frame_index].last_ip = u.oparg as usize,
            Uop::_JUMP_TO_TOP => {
                vm.safepoint();
                return Step::JumpToTop;
            }
            Uop::_EXIT_TRACE => {
                vm.stats.trace_exits += 1;
                return Step::Leave(ExecutorOutcome::SideExit {
                    uop: pc,
                    target: u.target as usize,
                    in_loop_code: inline_depth == 0,
                });
            }
            Uop::_LOAD_FAST => {
                let v = vm.stack[base + u.oparg as usize];
                if v.is_null() {
                    // Unbound: tier 1 raises UnboundLocalError at the instruction.
                    exit!(u.target);
                }
                vm.stack.push(v);
            }
            Uop::_LOAD_CONST => vm.stack.push(code.consts[u.oparg as usize]),
            Uop::_STORE_FAST => {
                let v = vm.stack.pop().expect("trace stack discipline");
                vm.stack[base + u.oparg as usize] = v;
            }
            Uop::_POP_TOP => {
                vm.stack.pop();
            }
            Uop::_COPY => {
                let v = vm.stack[len - u.oparg as usize];
                vm.stack.push(v);
            }
            Uop::_SWAP => vm.stack.swap(len - 1, len - u.oparg as usize),
            Uop::_GUARD_BOTH_INT => {
                if !(vm.stack[len - 2].is_small_int() && vm.stack[len - 1].is_small_int()) {
                    exit!(u.target);
                }
            }
            Uop::_GUARD_BOTH_FLOAT => {
                if !(vm.stack[len - 2].is_float() && vm.stack[len - 1].is_float()) {
                    exit!(u.target);
                }
            }
            Uop::_BINARY_OP_ADD_INT
            | Uop::_BINARY_OP_SUBTRACT_INT
            | Uop::_BINARY_OP_MULTIPLY_INT => {
                let (Some(a), Some(b)) = (
                    vm.stack[len - 2].as_small_int(),
                    vm.stack[len - 1].as_small_int(),
                ) else {
                    exit!(u.target);
                };
                let result = match u.uop {
                    Uop::_BINARY_OP_ADD_INT => Value::small_int(a + b),
                    Uop::_BINARY_OP_SUBTRACT_INT => Value::small_int(a - b),
                    _ => a.checked_mul(b).and_then(Value::small_int),
                };
                // Overflow into a big int: tier 1 does it (the operands are intact).
                let Some(result) = result else {
                    exit!(u.target);
                };
                vm.stack.truncate(len - 1);
                vm.stack[len - 2] = result;
            }
            Uop::_BINARY_OP_ADD_FLOAT
            | Uop::_BINARY_OP_SUBTRACT_FLOAT
            | Uop::_BINARY_OP_MULTIPLY_FLOAT => {
                let (Some(a), Some(b)) =
                    (vm.stack[len - 2].as_float(), vm.stack[len - 1].as_float())
                else {
                    exit!(u.target);
                };
                let result = match u.uop {
                    Uop::_BINARY_OP_ADD_FLOAT => a + b,
                    Uop::_BINARY_OP_SUBTRACT_FLOAT => a - b,
                    _ => a * b,
                };
                vm.stack.truncate(len - 1);
                vm.stack[len - 2] = Value::float(result);
            }
            Uop::_COMPARE_OP_INT | Uop::_COMPARE_OP_FLOAT => {
                let (lhs, rhs) = (vm.stack[len - 2], vm.stack[len - 1]);
                let both = if u.uop == Uop::_COMPARE_OP_INT {
                    lhs.is_small_int() && rhs.is_small_int()
                } else {
                    lhs.is_float() && rhs.is_float()
                };
                let Some(result) = crate::eval::compare_fast(lhs, rhs, u.oparg).filter(|_| both)
                else {
                    exit!(u.target);
                };
                vm.stack.truncate(len - 1);
                vm.stack[len - 2] = Value::bool(result);
            }
            Uop::_GUARD_TOS_BOOL => {
                if !vm.stack[len - 1].is_bool() {
                    exit!(u.target);
                }
            }
            Uop::_TO_BOOL_INT => {
                let Some(i) = vm.stack[len - 1].as_small_int() else {
                    exit!(u.target);
                };
                vm.stack[len - 1] = Value::bool(i != 0);
            }
            Uop::_GUARD_IS_TRUE_POP | Uop::_GUARD_IS_FALSE_POP => {
                let v = vm.stack[len - 1];
                if !v.is_bool() {
                    // Cannot happen after a specialized comparison or TO_BOOL; leave
                    // without consuming so tier 1 redoes the branch itself.
                    exit!(vm.frames[frame_index].last_ip);
                }
                vm.stack.truncate(len - 1);
                let expected = u.uop == Uop::_GUARD_IS_TRUE_POP;
                if (v == Value::TRUE) != expected {
                    exit!(u.target);
                }
            }
            Uop::_ITER_CHECK_RANGE | Uop::_ITER_CHECK_LIST => {
                let expected = if u.uop == Uop::_ITER_CHECK_RANGE {
                    FastIter::Range
                } else {
                    FastIter::List
                };
                if !is_fast_iterator(vm.stack[len - 1], expected) {
                    exit!(u.target);
                }
            }
            Uop::_GUARD_NOT_EXHAUSTED_RANGE | Uop::_GUARD_NOT_EXHAUSTED_LIST => {
                if !fast_iterator_has_next(vm.stack[len - 1]) {
                    // Tier 1's FOR_ITER finishes the loop.
                    exit!(u.target);
                }
            }
            Uop::_ITER_NEXT_RANGE | Uop::_ITER_NEXT_LIST => {
                match fast_next(vm.stack[len - 1], false) {
                    Some(FastNext::Item(v)) => vm.stack.push(v),
                    Some(FastNext::Int(i)) => {
                        let v = vm.new_int(i);
                        vm.stack.push(v);
                    }
                    None => exit!(u.target),
                }
            }
            Uop::_ITER_END => {
                // The loop is done: the exhausted iterator is finished and popped as
                // tier 1's `FOR_ITER` does; one with an item left goes back to the
                // loop head.
                if !finish_fast_iterator(vm.stack[len - 1]) {
                    exit!(u.target);
                }
                vm.stack.truncate(len - 1);
            }
            Uop::_LIST_APPEND => {
                // The list sits `oparg` slots under the item (a comprehension's).
                let (list, item) = (vm.stack[len - 1 - u.oparg as usize], vm.stack[len - 1]);
                if !list_append_fast(list, item) {
                    exit!(u.target);
                }
                vm.stack.truncate(len - 1);
            }
            Uop::_GET_ITER => {
                let iterable = vm.stack[len - 1];
                match cpjit_runtime::iter::get_iter(vm, iterable) {
                    Ok(iterator) => vm.stack[len - 1] = iterator,
                    Err(error) => raise!(error, u.target),
                }
            }
            Uop::_BINARY_SUBSCR_LIST_INT => {
                let Some(item) = list_item_fast(vm.stack[len - 2], vm.stack[len - 1]) else {
                    exit!(u.target);
                };
                vm.stack.truncate(len - 1);
                vm.stack[len - 2] = item;
            }
            Uop::_STORE_SUBSCR_LIST_INT => {
                let (value, container, key) =
                    (vm.stack[len - 3], vm.stack[len - 2], vm.stack[len - 1]);
                if !list_store_fast(container, key, value) {
                    exit!(u.target);
                }
                vm.stack.truncate(len - 3);
            }
            Uop::_CHECK_FUNCTION => {
                let n = u.oparg as usize;
                let callable = vm.stack[len - n - 2];
                let self_or_null = vm.stack[len - n - 1];
                if callable.raw() != u.operand || !self_or_null.is_null() {
                    exit!(u.target);
                }
            }
            Uop::_PUSH_FRAME | Uop::_POP_FRAME => return self.step_frame(vm, pc),
            Uop::_BINARY_OP => {
                let (lhs, rhs) = (vm.stack[len - 2], vm.stack[len - 1]);
                let op = BinaryOpArg::from_arg(u.oparg).unwrap_or(BinaryOpArg::Add);
                match ops::binary_op(vm, lhs, rhs, op) {
                    Ok(r) => {
                        vm.stack.truncate(len - 1);
                        vm.stack[len - 2] = r;
                    }
                    Err(error) => raise!(error, u.target),
                }
            }
            Uop::_COMPARE_OP => {
                let (lhs, rhs) = (vm.stack[len - 2], vm.stack[len - 1]);
                let (op, to_bool) = CompareOp::from_arg(u.oparg).unwrap_or((CompareOp::Eq, false));
                let result = ops::compare(vm, lhs, rhs, op).and_then(|r| {
                    if to_bool && !r.is_bool() {
                        ops::truthy(vm, r).map(Value::bool)
                    } else {
                        Ok(r)
                    }
                });
                match result {
                    Ok(r) => {
                        vm.stack.truncate(len - 1);
                        vm.stack[len - 2] = r;
                    }
                    Err(error) => raise!(error, u.target),
                }
            }
            Uop::_TO_BOOL => {
                let v = vm.stack[len - 1];
                match ops::truthy(vm, v) {
                    Ok(b) => vm.stack[len - 1] = Value::bool(b),
                    Err(error) => raise!(error, u.target),
                }
            }
            Uop::_UNARY_NOT => {
                let v = vm.stack[len - 1];
                match ops::truthy(vm, v) {
                    Ok(b) => vm.stack[len - 1] = Value::bool(!b),
                    Err(error) => raise!(error, u.target),
                }
            }
            Uop::_UNARY_NEGATIVE => {
                let v = vm.stack[len - 1];
                match ops::unary_negative(vm, v) {
                    Ok(r) => vm.stack[len - 1] = r,
                    Err(error) => raise!(error, u.target),
                }
            }
            Uop::_BINARY_SUBSCR => {
                let (container, key) = (vm.stack[len - 2], vm.stack[len - 1]);
                match ops::getitem(vm, container, key) {
                    Ok(r) => {
                        vm.stack.truncate(len - 1);
                        vm.stack[len - 2] = r;
                    }
                    Err(error) => raise!(error, u.target),
                }
            }
            Uop::_STORE_SUBSCR => {
                let (value, container, key) =
                    (vm.stack[len - 3], vm.stack[len - 2], vm.stack[len - 1]);
                if let Err(error) = ops::setitem(vm, container, key, value) {
                    raise!(error, u.target);
                }
                vm.stack.truncate(len - 3);
            }
            Uop::_CONTAINS_OP => {
                let (item, container) = (vm.stack[len - 2], vm.stack[len - 1]);
                match ops::contains(vm, container, item) {
                    Ok(found) => {
                        vm.stack.truncate(len - 1);
                        vm.stack[len - 2] = Value::bool(found != (u.oparg == 1));
                    }
                    Err(error) => raise!(error, u.target),
                }
            }
            Uop::_IS_OP => {
                let (lhs, rhs) = (vm.stack[len - 2], vm.stack[len - 1]);
                vm.stack.truncate(len - 1);
                vm.stack[len - 2] = Value::bool((lhs == rhs) != (u.oparg == 1));
            }
            Uop::_RUN_SPECIALIZED => {
                use crate::eval::{run_specialized, Specialized, Unwind};
                let at = u.target as usize;
                // The instruction may have been re-specialized or deoptimized since
                // the trace was made; its cache then means something else.
                let op = code.instructions[at].get().op;
                if op as u64 != u.operand {
                    exit!(u.target);
                }
                // Native code called from here may call back into Python; a traceback
                // through this frame names this instruction.
                vm.frames[frame_index].last_ip = at;
                let mut next_ip = at + 1;
                match run_specialized(vm, code, base, frame_index, &mut next_ip, at, op, u.oparg) {
                    Specialized::Hit => {}
                    // (`PushedFrame` cannot happen: such instructions do not expand to
                    // this uop.)
                    Specialized::Miss | Specialized::PushedFrame => exit!(u.target),
                    Specialized::Failed(Unwind::Raise(error) | Unwind::Reraise(error, _)) => {
                        raise!(error, u.target)
                    }
                }
            }
            Uop::_LOAD_GLOBAL_MODULE | Uop::_LOAD_GLOBAL_BUILTINS => {
                let name = code.names[(u.oparg >> 1) as usize];
                let cache = code.caches[u.target as usize].get();
                let builtins_version = (u.uop == Uop::_LOAD_GLOBAL_BUILTINS).then_some(cache.key);
                match ops::cached_global(
                    globals,
                    builtins,
                    name,
                    cache.index as usize,
                    builtins_version,
                ) {
                    Some(value) => {
                        vm.stack.push(value);
                        if u.oparg & 1 != 0 {
                            vm.stack.push(Value::NULL);
                        }
                    }
                    None => exit!(u.target),
                }
            }
        }
        Step::Next
    }

    /// The frame of an inlined call whose arguments and other locals are on the stack
    /// (the callable at `callable_index`, checked to run `callee`): the caller resumes
    /// at `target` (after the call) when the callee returns in tier 1, and the machine
    /// runs in the new frame. The JIT calls this for the frames its stencils entered
    /// without telling the VM, before anything else looks at the frames.
    pub fn push_inlined_frame(
        &mut self,
        vm: &mut Vm,
        callable_index: usize,
        callee: &'a cpjit_runtime::object::CodeData,
        target: u32,
    ) {
        let callable = vm.stack[callable_index];
        let Some(ObjKind::Function(f)) = kind(&callable) else {
            unreachable!("an inlined call's callable is the checked function");
        };
        let caller = &mut vm.frames[self.frame_index];
        caller.ip = target as usize;
        caller.last_ip = target as usize - 1;
        vm.frames.push(cpjit_runtime::Frame::for_call(
            callable,
            f,
            callable_index + 2,
            callable_index,
        ));
        self.inline_depth += 1;
        self.frame_index += 1;
        self.base = callable_index + 2;
        self.globals = f.globals;
        self.builtins = f.builtins;
        self.code = callee;
    }

    /// The trace this machine runs.
    pub fn trace(&self) -> &'a Trace {
        self.trace
    }

    /// Runs `_PUSH_FRAME` or `_POP_FRAME` (uop `pc`): the frame changes of an inlined
    /// call (the JIT's stencils do the common case themselves and come here for the
    /// rest). Any other uop goes through `step`.
    fn step_frame(&mut self, vm: &mut Vm, pc: usize) -> Step {
        let trace = self.trace;
        let frame_index = self.frame_index;
        let inline_depth = self.inline_depth;
        let u = trace.uops[pc];
        macro_rules! exit {
            ($target:expr) => {{
                return side_exit(vm, pc, $target as usize, inline_depth);
            }};
        }
        let len = vm.stack.len();
        match u.uop {
            Uop::_PUSH_FRAME => {
                let n = u.oparg as usize;
                let callable_index = len - n - 2;
                let callable = vm.stack[callable_index];
                let Some(ObjKind::Function(f)) = kind(&callable) else {
                    exit!(u.target - 1);
                };
                // The code the trace inlined (the function `_CHECK_FUNCTION` compared
                // by address may have died and its address been reused), and room for
                // one more frame (else tier 1's call raises RecursionError).
                let inlined = trace.codes.get(u.code as usize).filter(|c| **c == f.code);
                let Some(ObjKind::Code(callee)) = inlined.and_then(kind) else {
                    exit!(u.target - 1);
                };
                if vm.frames.len() >= vm.recursion_limit {
                    exit!(u.target - 1);
                }
                let extra = callee.nlocalsplus - n;
                vm.stack.extend(std::iter::repeat_n(Value::NULL, extra));
                self.push_inlined_frame(vm, callable_index, callee, u.target);
            }
            Uop::_POP_FRAME => {
                let value = vm.stack.pop().expect("trace stack discipline");
                let frame = vm.frames.pop().expect("an inlined frame to return from");
                vm.stack.truncate(frame.caller_sp);
                vm.stack.push(value);
                self.inline_depth = inline_depth.saturating_sub(1);
                self.frame_index = frame_index - 1;
                let caller = vm.frames[self.frame_index];
                self.base = caller.base;
                self.globals = caller.globals;
                self.builtins = caller.builtins;
                let Some(ObjKind::Code(next)) = trace.codes.get(u.code as usize).and_then(kind)
                else {
                    exit!(u.target);
                };
                self.code = next;
            }
            _ => return self.step(vm, pc),
        }
        Step::Next
    }
}
