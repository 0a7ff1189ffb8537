//! The tier-1 evaluation loop: executes CPython 3.13 bytecode frame by frame.
//!
//! Owns instruction semantics, the value-stack discipline, exception unwinding through
//! exception tables, and safepoints (GC, recursion). Python-to-Python calls do not
//! recurse on the native stack: they push a frame and continue in the same loop. Must
//! never contain object behaviour (that is `cpjit-runtime`) nor machine code.

use cpjit_bytecode::{
    AdaptiveOpcode, BinaryOpArg, CompareOp, ConvertValueKind, Instruction, Opcode,
};
use cpjit_runtime::attr;
use cpjit_runtime::display::{self, str_text};
use cpjit_runtime::object::{CodeData, FunctionObj, ObjKind, SliceObj, StrObj};
use cpjit_runtime::ops;
use cpjit_runtime::vm::kind;
use cpjit_runtime::{Frame, PyErr, PyResult, Value, Vm};

use crate::call::{bind_arguments, push_frame};
use crate::fast_paths::InstanceStore;
use crate::inner_loop;
use crate::specialize::adapt;

/// Why control left an instruction.
pub(crate) enum Unwind {
    /// A new exception raised at the current instruction (gets a traceback entry).
    Raise(PyErr),
    /// `RERAISE` or a bare `raise`: the exception continues without a new traceback
    /// entry; the handler search starts at the given instruction (CPython's `lasti`)
    /// or, when `None`, at the re-raising instruction itself.
    Reraise(PyErr, Option<usize>),
}

impl From<PyErr> for Unwind {
    fn from(error: PyErr) -> Self {
        Unwind::Raise(error)
    }
}

#[inline]
pub(crate) fn code_data(value: &Value) -> &CodeData {
    match kind(value) {
        Some(ObjKind::Code(c)) => c,
        _ => not_a_code_object(),
    }
}

#[cold]
#[inline(never)]
fn not_a_code_object() -> ! {
    panic!("frame.code is always a code object")
}

#[inline]
fn pop(vm: &mut Vm) -> Value {
    vm.stack
        .pop()
        .expect("value stack underflow: compiler stack-depth invariant broken")
}

#[inline]
fn top(vm: &Vm) -> Value {
    *vm.stack.last().expect("value stack underflow")
}

#[inline]
fn peek(vm: &Vm, depth: usize) -> Value {
    vm.stack[vm.stack.len() - depth]
}

/// A specialized instruction's guards held: count it and go to the next instruction.
macro_rules! specialized_hit {
    ($vm:ident, $op:ident, $next:lifetime) => {{
        count_specialized($vm, $op, true);
        continue $next;
    }};
}

/// A specialized instruction's guard failed: count it and run its generic family.
macro_rules! specialized_miss {
    ($vm:ident, $op:ident, $dispatch:lifetime) => {{
        count_specialized($vm, $op, false);
        $op = $op.family().into();
        continue $dispatch;
    }};
}

/// Runs frames until the frame at index `entry_depth` returns; returns its value.
pub fn run(vm: &mut Vm, entry_depth: usize) -> PyResult<Value> {
    'frames: loop {
        let frame_index = vm.frames.len() - 1;
        let frame = vm.frames[frame_index];
        let code_value = frame.code;
        let code = code_data(&code_value);
        let globals_pair = (frame.globals, frame.builtins);
        let base = frame.base;
        let mut ip = frame.ip;
        let use_inner_loop = vm.inner_loop_enabled && !vm.stats.enabled;
        'instructions: loop {
            if use_inner_loop && inner_loop::handles(code.instructions[ip].get().op) {
                let stop = inner_loop::run(vm, entry_depth, ip);
                if let Some(left) = stop.left {
                    vm.generator_yielded = left.yielded;
                    return Ok(left.value);
                }
                if let Some(unwind) = stop.error {
                    // An instruction the inner loop ran through `eval` raised.
                    let top = vm.frames.len() - 1;
                    match raise_at(vm, top, stop.ip + 1, stop.ip, unwind, entry_depth) {
                        Ok(()) => continue 'frames,
                        Err(error) => return Err(error),
                    }
                }
                if stop.frame_changed {
                    let top = vm.frames.len() - 1;
                    vm.frames[top].ip = stop.ip;
                    continue 'frames;
                }
                ip = stop.ip;
            }
            let this_ip = ip;
            ip += 1;
            let mut op = code.instructions[this_ip].get().op;
            // A specialized form whose guard fails continues as its generic family
            // (`continue 'dispatch`); generic forms run their adaptive prologue first.
            let outcome = 'dispatch: loop {
                // Read here, not before the loop: what is computed from the argument
                // then stays in the arms that use it instead of being hoisted out of
                // this loop (and spilled) for every instruction.
                let arg = code.instructions[this_ip].get().arg;
                break 'dispatch match op {
                    AdaptiveOpcode::CALL => {
                        if adapt(vm, code, this_ip, Opcode::CALL, arg, globals_pair) {
                            ip = this_ip;
                            continue 'instructions;
                        }
                        vm.frames[frame_index].ip = ip;
                        vm.frames[frame_index].last_ip = this_ip;
                        match call_instruction(vm, Opcode::CALL, arg) {
                            Ok(true) => continue 'frames,
                            Ok(false) => Ok(()),
                            Err(e) => Err(Unwind::Raise(e)),
                        }
                    }
                    AdaptiveOpcode::CALL_KW | AdaptiveOpcode::CALL_FUNCTION_EX => {
                        vm.frames[frame_index].ip = ip;
                        vm.frames[frame_index].last_ip = this_ip;
                        match call_instruction(vm, op.family(), arg) {
                            Ok(true) => continue 'frames,
                            Ok(false) => Ok(()),
                            Err(e) => Err(Unwind::Raise(e)),
                        }
                    }
                    AdaptiveOpcode::RETURN_VALUE | AdaptiveOpcode::RETURN_CONST => {
                        let mut value = if op == AdaptiveOpcode::RETURN_CONST {
                            code.consts[arg as usize]
                        } else {
                            pop(vm)
                        };
                        let frame = vm.frames.pop().expect("returning frame exists");
                        if frame_index == entry_depth {
                            vm.stack.truncate(frame.caller_sp);
                            return Ok(value);
                        }
                        if frame.base == frame.caller_sp + BINARY_METHOD_FRAME_GAP
                            && value == Value::NOT_IMPLEMENTED
                        {
                            let (a, b) = (vm.stack[frame.caller_sp], vm.stack[frame.caller_sp + 1]);
                            vm.stack.truncate(frame.caller_sp);
                            let caller = vm.frames[frame_index - 1];
                            let at = caller.last_ip;
                            let error = binary_method_not_implemented(
                                vm,
                                code_data(&caller.code),
                                at,
                                a,
                                b,
                            );
                            match handle_exception(vm, Unwind::Raise(error), at, entry_depth) {
                                Ok(()) => continue 'frames,
                                Err(error) => return Err(error),
                            }
                        }
                        if frame.base == frame.caller_sp + INIT_FRAME_GAP {
                            // `__init__` entered by CALL_ALLOC_AND_ENTER_INIT: the call's
                            // result is the instance kept below the frame.
                            let instance = vm.stack[frame.caller_sp];
                            vm.stack.truncate(frame.caller_sp);
                            remember_instance_size(instance);
                            if !value.is_none() {
                                let name = vm.type_name(value);
                                let error = vm.type_error(format!(
                                    "__init__() should return None, not '{name}'"
                                ));
                                let at = vm.frames[frame_index - 1].last_ip;
                                match handle_exception(vm, Unwind::Raise(error), at, entry_depth) {
                                    Ok(()) => continue 'frames,
                                    Err(error) => return Err(error),
                                }
                            }
                            value = instance;
                        } else {
                            vm.stack.truncate(frame.caller_sp);
                        }
                        if !frame.generator.is_null() {
                            vm.generator_yielded = false;
                            crate::generators::return_inline(
                                &mut vm.stack,
                                &mut vm.frames,
                                &mut vm.handled_exception,
                                frame.generator,
                                value,
                            );
                            continue 'frames;
                        }
                        vm.stack.push(value);
                        continue 'frames;
                    }
                    AdaptiveOpcode::RETURN_GENERATOR => {
                        let frame = vm.frames[frame_index];
                        let generator = crate::generators::create(vm, &frame, ip);
                        vm.frames.pop();
                        vm.stack.truncate(frame.caller_sp);
                        if frame_index == entry_depth {
                            return Ok(generator);
                        }
                        vm.stack.push(generator);
                        continue 'frames;
                    }
                    AdaptiveOpcode::YIELD_VALUE => {
                        let value = pop(vm);
                        let frame = vm.frames[frame_index];
                        crate::generators::suspend(vm, &frame, ip);
                        vm.frames.pop();
                        vm.stack.truncate(frame.caller_sp);
                        if frame_index == entry_depth {
                            // Entered by `generators::resume`.
                            return Ok(value);
                        }
                        // Resumed inline by FOR_ITER_GEN / SEND_GEN: the value is the
                        // next item or what `SEND` got; the caller goes on after it.
                        crate::generators::leave_inline(vm, frame.generator, false);
                        vm.stack.push(value);
                        continue 'frames;
                    }
                    AdaptiveOpcode::FOR_ITER_GEN | AdaptiveOpcode::SEND_GEN => {
                        let sending = op == AdaptiveOpcode::SEND_GEN;
                        let generator = if sending { peek(vm, 2) } else { top(vm) };
                        vm.frames[frame_index].ip = ip;
                        vm.frames[frame_index].last_ip = this_ip;
                        match crate::generators::enter_inline(vm, generator, sending) {
                            Ok(true) => {
                                count_specialized(vm, op, true);
                                continue 'frames;
                            }
                            Ok(false) => specialized_miss!(vm, op, 'dispatch),
                            Err(e) => break 'dispatch Err(Unwind::Raise(e)),
                        }
                    }
                    AdaptiveOpcode::CALL_ALLOC_AND_ENTER_INIT => {
                        let n = arg as usize;
                        let callable_index = vm.stack.len() - n - 2;
                        let cache = code.caches[this_ip].get();
                        // The class, unchanged (with its MRO) since specialized: still
                        // constructed by `object.__new__` and the cached `__init__`.
                        if vm.stack[callable_index] == cache.value
                            && vm.stack[callable_index + 1].is_null()
                            && vm.class_epoch == u64::from(cache.index)
                        {
                            vm.frames[frame_index].ip = ip;
                            vm.frames[frame_index].last_ip = this_ip;
                            let init = Value::from_raw(cache.key);
                            match push_init_frame(vm, callable_index, n, init) {
                                Ok(true) => {
                                    count_specialized(vm, op, true);
                                    continue 'frames;
                                }
                                Ok(false) => {}
                                Err(e) => break 'dispatch Err(Unwind::Raise(e)),
                            }
                        }
                        specialized_miss!(vm, op, 'dispatch)
                    }
                    // The hottest simple instructions are dispatched here directly.
                    AdaptiveOpcode::RESUME => {
                        vm.safepoint();
                        continue 'instructions;
                    }
                    AdaptiveOpcode::LOAD_FAST => {
                        let v = vm.stack[base + arg as usize];
                        vm.stack.push(v);
                        continue 'instructions;
                    }
                    AdaptiveOpcode::LOAD_CONST => {
                        vm.stack.push(code.consts[arg as usize]);
                        continue 'instructions;
                    }
                    AdaptiveOpcode::STORE_FAST => {
                        let v = pop(vm);
                        vm.stack[base + arg as usize] = v;
                        continue 'instructions;
                    }
                    AdaptiveOpcode::LOAD_FAST_LOAD_FAST => {
                        let a = vm.stack[base + (arg >> 4) as usize];
                        let b = vm.stack[base + (arg & 15) as usize];
                        vm.stack.push(a);
                        vm.stack.push(b);
                        continue 'instructions;
                    }
                    AdaptiveOpcode::POP_TOP => {
                        pop(vm);
                        continue 'instructions;
                    }
                    AdaptiveOpcode::POP_JUMP_IF_FALSE | AdaptiveOpcode::POP_JUMP_IF_TRUE
                        if top(vm).is_bool() =>
                    {
                        let truth = pop(vm) == Value::TRUE;
                        let taken = truth == (op == AdaptiveOpcode::POP_JUMP_IF_TRUE);
                        record_branch(code, this_ip, taken);
                        if taken {
                            ip = arg as usize;
                        }
                        continue 'instructions;
                    }
                    // The hottest specialized forms, inline; a failed guard continues as
                    // the generic family.
                    AdaptiveOpcode::BINARY_OP_ADD_INT
                    | AdaptiveOpcode::BINARY_OP_SUBTRACT_INT
                    | AdaptiveOpcode::BINARY_OP_MULTIPLY_INT
                    | AdaptiveOpcode::BINARY_OP_ADD_FLOAT
                    | AdaptiveOpcode::BINARY_OP_SUBTRACT_FLOAT
                    | AdaptiveOpcode::BINARY_OP_MULTIPLY_FLOAT => {
                        let len = vm.stack.len();
                        match crate::fast_paths::arithmetic(
                            op,
                            vm.stack[len - 2],
                            vm.stack[len - 1],
                        ) {
                            Some(r) => {
                                vm.stack.truncate(len - 1);
                                vm.stack[len - 2] = r;
                                specialized_hit!(vm, op, 'instructions)
                            }
                            None => {
                                specialized_miss!(vm, op, 'dispatch)
                            }
                        }
                    }
                    AdaptiveOpcode::BINARY_OP => {
                        // Operators without specialized forms (all but `+`, `-`, `*`) on
                        // small ints and floats: the generic fast path at once (their
                        // adaptive prologue could only fail and back off).
                        let len = vm.stack.len();
                        if let Some(operator) = BinaryOpArg::from_arg(arg) {
                            if !matches!(
                                operator.base(),
                                BinaryOpArg::Add | BinaryOpArg::Subtract | BinaryOpArg::Multiply
                            ) {
                                let (lhs, rhs) = (vm.stack[len - 2], vm.stack[len - 1]);
                                let fast =
                                    cpjit_runtime::numeric::binary_op_fast(lhs, rhs, operator);
                                if let Some(result) = fast {
                                    vm.stack.truncate(len - 1);
                                    vm.stack[len - 2] = result;
                                    continue 'instructions;
                                }
                            }
                        }
                        if adapt(vm, code, this_ip, Opcode::BINARY_OP, arg, globals_pair) {
                            ip = this_ip;
                            continue 'instructions;
                        }
                        execute(
                            vm,
                            code,
                            base,
                            frame_index,
                            &mut ip,
                            Instruction::new(Opcode::BINARY_OP, arg),
                        )
                    }
                    AdaptiveOpcode::COMPARE_OP_INT | AdaptiveOpcode::COMPARE_OP_FLOAT => {
                        let len = vm.stack.len();
                        let (lhs, rhs) = (vm.stack[len - 2], vm.stack[len - 1]);
                        match crate::fast_paths::comparison(op, lhs, rhs, arg) {
                            Some(r) => {
                                vm.stack.truncate(len - 1);
                                vm.stack[len - 2] = Value::bool(r);
                                specialized_hit!(vm, op, 'instructions)
                            }
                            None => {
                                specialized_miss!(vm, op, 'dispatch)
                            }
                        }
                    }
                    AdaptiveOpcode::LOAD_GLOBAL_MODULE => {
                        let name = code.names[(arg >> 1) as usize];
                        let cache = code.caches[this_ip].get();
                        let (globals, builtins) = globals_pair;
                        match crate::fast_paths::cached_global(op, name, cache, globals, builtins) {
                            Some(value) => {
                                vm.stack.push(value);
                                if arg & 1 != 0 {
                                    vm.stack.push(Value::NULL);
                                }
                                specialized_hit!(vm, op, 'instructions)
                            }
                            None => {
                                specialized_miss!(vm, op, 'dispatch)
                            }
                        }
                    }
                    AdaptiveOpcode::BINARY_SUBSCR_LIST_INT
                    | AdaptiveOpcode::BINARY_SUBSCR_TUPLE_INT => {
                        let len = vm.stack.len();
                        let (container, key) = (vm.stack[len - 2], vm.stack[len - 1]);
                        let same_kind = match op {
                            AdaptiveOpcode::BINARY_SUBSCR_LIST_INT => {
                                matches!(kind(&container), Some(ObjKind::List(_)))
                            }
                            _ => matches!(kind(&container), Some(ObjKind::Tuple(_))),
                        };
                        // An out-of-range index also takes the generic path, which raises.
                        match subscript_fast(container, key).filter(|_| same_kind) {
                            Some(v) => {
                                vm.stack.truncate(len - 1);
                                vm.stack[len - 2] = v;
                                specialized_hit!(vm, op, 'instructions)
                            }
                            None => {
                                specialized_miss!(vm, op, 'dispatch)
                            }
                        }
                    }
                    AdaptiveOpcode::STORE_SUBSCR_LIST_INT => {
                        let len = vm.stack.len();
                        let (value, container, key) =
                            (vm.stack[len - 3], vm.stack[len - 2], vm.stack[len - 1]);
                        if let (Some(ObjKind::List(items)), Some(i)) =
                            (kind(&container), key.as_small_int())
                        {
                            let mut items = items.borrow_mut();
                            let length = items.len() as i64;
                            let index = if i < 0 { i + length } else { i };
                            if (0..length).contains(&index) {
                                items[index as usize] = value;
                                drop(items);
                                vm.stack.truncate(len - 3);
                                specialized_hit!(vm, op, 'instructions)
                            }
                        }
                        specialized_miss!(vm, op, 'dispatch)
                    }
                    AdaptiveOpcode::FOR_ITER_RANGE => {
                        let iterator = top(vm);
                        match crate::fast_paths::next_item(op, iterator, |i| Some(vm.new_int(i))) {
                            Some(Some(value)) => {
                                vm.stack.push(value);
                                specialized_hit!(vm, op, 'instructions)
                            }
                            Some(None) => {
                                pop(vm);
                                ip = arg as usize + 2;
                                specialized_hit!(vm, op, 'instructions)
                            }
                            None => {
                                specialized_miss!(vm, op, 'dispatch)
                            }
                        }
                    }
                    AdaptiveOpcode::TO_BOOL_BOOL | AdaptiveOpcode::TO_BOOL_INT => {
                        match crate::fast_paths::truth(op, top(vm)) {
                            Some(truth) => {
                                let len = vm.stack.len();
                                vm.stack[len - 1] = Value::bool(truth);
                                specialized_hit!(vm, op, 'instructions)
                            }
                            None => {
                                specialized_miss!(vm, op, 'dispatch)
                            }
                        }
                    }
                    AdaptiveOpcode::CALL_PY_WITH_DEFAULTS => {
                        let n = arg as usize;
                        let callable_index = vm.stack.len() - n - 2;
                        vm.frames[frame_index].ip = ip;
                        vm.frames[frame_index].last_ip = this_ip;
                        match push_positional_frame(vm, callable_index, n, Positional::WithDefaults)
                        {
                            Ok(true) => {
                                count_specialized(vm, op, true);
                                continue 'frames;
                            }
                            Ok(false) => specialized_miss!(vm, op, 'dispatch),
                            Err(e) => break 'dispatch Err(Unwind::Raise(e)),
                        }
                    }
                    AdaptiveOpcode::CALL_PY_EXACT_ARGS => {
                        let n = arg as usize;
                        let callable_index = vm.stack.len() - n - 2;
                        if vm.stack[callable_index] == code.caches[this_ip].get().value {
                            vm.frames[frame_index].ip = ip;
                            vm.frames[frame_index].last_ip = this_ip;
                            match push_positional_frame(vm, callable_index, n, Positional::Exact) {
                                Ok(true) => {
                                    count_specialized(vm, op, true);
                                    continue 'frames;
                                }
                                Ok(false) => {}
                                Err(e) => break 'dispatch Err(Unwind::Raise(e)),
                            }
                        }
                        specialized_miss!(vm, op, 'dispatch)
                    }
                    AdaptiveOpcode::LOAD_ATTR_INSTANCE_VALUE
                    | AdaptiveOpcode::LOAD_ATTR_METHOD_WITH_VALUES
                    | AdaptiveOpcode::STORE_ATTR_INSTANCE_VALUE => {
                        match instance_attribute(vm, code, this_ip, op, arg) {
                            Specialized::Hit => specialized_hit!(vm, op, 'instructions),
                            Specialized::Failed(error) => {
                                count_specialized(vm, op, true);
                                Err(error)
                            }
                            _ => specialized_miss!(vm, op, 'dispatch),
                        }
                    }
                    AdaptiveOpcode::JUMP_BACKWARD => {
                        ip = arg as usize;
                        vm.safepoint();
                        hot_back_edge(vm, code, &code_value, this_ip);
                        continue 'instructions;
                    }
                    AdaptiveOpcode::ENTER_EXECUTOR => {
                        vm.safepoint();
                        vm.frames[frame_index].ip = ip;
                        vm.frames[frame_index].last_ip = this_ip;
                        match crate::tier2::enter(vm, code_value, this_ip, arg) {
                            crate::tier2::Entered::Resume(target) => {
                                let top = vm.frames.len() - 1;
                                if top == frame_index {
                                    ip = target;
                                    continue 'instructions;
                                }
                                // The trace left inside a call it inlined: resume that frame.
                                vm.frames[top].ip = target;
                                continue 'frames;
                            }
                            crate::tier2::Entered::Fallback(original) => {
                                ip = original as usize;
                                hot_back_edge(vm, code, &code_value, this_ip);
                                continue 'instructions;
                            }
                            crate::tier2::Entered::Raise(error, at) => {
                                // The trace raised at tier-1 instruction `at`: unwind
                                // from there (handler search and traceback line alike).
                                let top = vm.frames.len() - 1;
                                vm.frames[top].ip = at + 1;
                                vm.frames[top].last_ip = at;
                                match handle_exception(vm, Unwind::Raise(error), at, entry_depth) {
                                    Ok(()) => continue 'frames,
                                    Err(error) => return Err(error),
                                }
                            }
                        }
                    }
                    generic if !generic.is_specialized() => {
                        let family = generic.family();
                        if family.is_specializable()
                            && adapt(vm, code, this_ip, family, arg, globals_pair)
                        {
                            ip = this_ip;
                            continue 'instructions;
                        }
                        execute(
                            vm,
                            code,
                            base,
                            frame_index,
                            &mut ip,
                            Instruction::new(family, arg),
                        )
                    }
                    specialized => {
                        let outcome = run_specialized(
                            vm,
                            code,
                            base,
                            frame_index,
                            &mut ip,
                            this_ip,
                            specialized,
                            arg,
                        );
                        count_specialized(vm, specialized, !matches!(outcome, Specialized::Miss));
                        match outcome {
                            Specialized::Hit => continue 'instructions,
                            Specialized::PushedFrame => continue 'frames,
                            Specialized::Failed(error) => Err(error),
                            Specialized::Miss => {
                                op = specialized.family().into();
                                continue 'dispatch;
                            }
                        }
                    }
                };
            };
            if let Err(unwind) = outcome {
                match raise_at(vm, frame_index, ip, this_ip, unwind, entry_depth) {
                    Ok(()) => continue 'frames,
                    Err(error) => return Err(error),
                }
            }
        }
    }
}

/// The instruction at `this_ip` of frame `frame_index` raised (`next_ip` is where the
/// frame would have gone on): records the frame's position for the traceback (a bare
/// `raise` keeps its `lasti`) and unwinds to a handler, or returns the exception when
/// none below `entry_depth` takes it.
fn raise_at(
    vm: &mut Vm,
    frame_index: usize,
    next_ip: usize,
    this_ip: usize,
    unwind: Unwind,
    entry_depth: usize,
) -> PyResult<()> {
    vm.frames[frame_index].ip = next_ip;
    vm.frames[frame_index].last_ip = match unwind {
        Unwind::Reraise(_, Some(lasti)) => lasti,
        _ => this_ip,
    };
    handle_exception(vm, unwind, this_ip, entry_depth)
}

/// Executes one instruction that stays in the current frame.
#[inline(always)]
fn execute(
    vm: &mut Vm,
    code: &CodeData,
    base: usize,
    frame_index: usize,
    ip: &mut usize,
    instruction: cpjit_bytecode::Instruction,
) -> Result<(), Unwind> {
    let arg = instruction.arg;
    match instruction.opcode {
        Opcode::NOP => {}
        Opcode::RESUME => vm.safepoint(),
        Opcode::POP_TOP | Opcode::END_FOR => {
            pop(vm);
        }
        Opcode::PUSH_NULL => vm.stack.push(Value::NULL),
        Opcode::COPY => {
            let v = peek(vm, arg as usize);
            vm.stack.push(v);
        }
        Opcode::SWAP => {
            let len = vm.stack.len();
            vm.stack.swap(len - 1, len - arg as usize);
        }
        Opcode::LOAD_CONST => vm.stack.push(code.consts[arg as usize]),
        Opcode::LOAD_FAST => {
            let v = vm.stack[base + arg as usize];
            vm.stack.push(v);
        }
        Opcode::LOAD_FAST_CHECK => {
            let v = vm.stack[base + arg as usize];
            if v.is_null() {
                return Err(unbound_local(vm, code, arg as usize).into());
            }
            vm.stack.push(v);
        }
        Opcode::LOAD_FAST_AND_CLEAR => {
            let slot = base + arg as usize;
            let v = vm.stack[slot];
            vm.stack[slot] = Value::NULL;
            vm.stack.push(v);
        }
        Opcode::LOAD_FAST_LOAD_FAST => {
            let a = vm.stack[base + (arg >> 4) as usize];
            let b = vm.stack[base + (arg & 15) as usize];
            vm.stack.push(a);
            vm.stack.push(b);
        }
        Opcode::STORE_FAST => {
            let v = pop(vm);
            vm.stack[base + arg as usize] = v;
        }
        Opcode::STORE_FAST_LOAD_FAST => {
            let v = pop(vm);
            vm.stack[base + (arg >> 4) as usize] = v;
            let loaded = vm.stack[base + (arg & 15) as usize];
            vm.stack.push(loaded);
        }
        Opcode::STORE_FAST_STORE_FAST => {
            let first = pop(vm);
            vm.stack[base + (arg >> 4) as usize] = first;
            let second = pop(vm);
            vm.stack[base + (arg & 15) as usize] = second;
        }
        Opcode::DELETE_FAST => {
            let slot = base + arg as usize;
            if vm.stack[slot].is_null() {
                return Err(unbound_local(vm, code, arg as usize).into());
            }
            vm.stack[slot] = Value::NULL;
        }
        Opcode::LOAD_NAME => {
            let name = code.names[arg as usize];
            let frame = vm.frames[frame_index];
            let found = lookup_name(vm, &frame, name, true)?;
            vm.stack.push(found);
        }
        Opcode::STORE_NAME => {
            let name = code.names[arg as usize];
            let v = pop(vm);
            let namespace = namespace_of(&vm.frames[frame_index]);
            ops::dict_set(vm, namespace, name, v)?;
        }
        Opcode::DELETE_NAME => {
            let name = code.names[arg as usize];
            let namespace = namespace_of(&vm.frames[frame_index]);
            if ops::dict_remove(vm, namespace, name)?.is_none() {
                return Err(name_error(vm, name).into());
            }
        }
        Opcode::LOAD_GLOBAL => {
            let name = code.names[(arg >> 1) as usize];
            let frame = vm.frames[frame_index];
            let value = match ops::dict_get_str(frame.globals, name)
                .or_else(|| ops::dict_get_str(frame.builtins, name))
            {
                Some(v) => v,
                None => return Err(name_error(vm, name).into()),
            };
            vm.stack.push(value);
            if arg & 1 != 0 {
                vm.stack.push(Value::NULL);
            }
        }
        Opcode::STORE_GLOBAL => {
            let name = code.names[arg as usize];
            let v = pop(vm);
            let globals = vm.frames[frame_index].globals;
            ops::dict_set(vm, globals, name, v)?;
        }
        Opcode::DELETE_GLOBAL => {
            let name = code.names[arg as usize];
            let globals = vm.frames[frame_index].globals;
            if ops::dict_remove(vm, globals, name)?.is_none() {
                return Err(name_error(vm, name).into());
            }
        }
        Opcode::MAKE_CELL => {
            let slot = base + arg as usize;
            let initial = vm.stack[slot];
            let cell = vm.alloc(ObjKind::Cell(std::cell::Cell::new(initial)));
            vm.stack[slot] = cell;
        }
        Opcode::COPY_FREE_VARS => {
            let function = vm.frames[frame_index].function;
            let closure = match kind(&function) {
                Some(ObjKind::Function(f)) => *f.closure.borrow(),
                _ => Value::NULL,
            };
            if let Some(ObjKind::Tuple(cells)) = kind(&closure) {
                let n = arg as usize;
                let first = base + code.nlocalsplus - n;
                for (j, cell) in cells.iter().take(n).enumerate() {
                    vm.stack[first + j] = *cell;
                }
            }
        }
        Opcode::LOAD_DEREF => {
            let cell = vm.stack[base + arg as usize];
            let v = match kind(&cell) {
                Some(ObjKind::Cell(c)) => c.get(),
                _ => Value::NULL,
            };
            if v.is_null() {
                return Err(unbound_deref(vm, code, arg as usize).into());
            }
            vm.stack.push(v);
        }
        Opcode::STORE_DEREF => {
            let v = pop(vm);
            let cell = vm.stack[base + arg as usize];
            if let Some(ObjKind::Cell(c)) = kind(&cell) {
                c.set(v);
            }
        }
        Opcode::DELETE_DEREF => {
            let cell = vm.stack[base + arg as usize];
            if let Some(ObjKind::Cell(c)) = kind(&cell) {
                if c.get().is_null() {
                    return Err(unbound_deref(vm, code, arg as usize).into());
                }
                c.set(Value::NULL);
            }
        }
        Opcode::LOAD_LOCALS => {
            // Class bodies: the namespace dict, for LOAD_FROM_DICT_OR_DEREF.
            let locals = vm.frames[frame_index].locals_dict;
            if locals.is_null() {
                return Err(vm
                    .new_error(vm.exceptions.system_error, "no locals found")
                    .into());
            }
            vm.stack.push(locals);
        }
        Opcode::LOAD_FROM_DICT_OR_DEREF => {
            let mapping = pop(vm);
            let name = code.localsplus_names[arg as usize];
            let found = ops::dict_get(vm, mapping, name)?;
            let v = match found {
                Some(v) => v,
                None => {
                    let cell = vm.stack[base + arg as usize];
                    match kind(&cell) {
                        Some(ObjKind::Cell(c)) if !c.get().is_null() => c.get(),
                        _ => return Err(unbound_deref(vm, code, arg as usize).into()),
                    }
                }
            };
            vm.stack.push(v);
        }
        Opcode::LOAD_ATTR => {
            let name = code.names[(arg >> 1) as usize];
            let owner = pop(vm);
            if arg & 1 != 0 {
                let (method, self_or_null) = attr::load_method(vm, owner, name)?;
                vm.stack.push(method);
                vm.stack.push(self_or_null);
            } else {
                let v = attr::get_attr(vm, owner, name)?;
                vm.stack.push(v);
            }
        }
        Opcode::STORE_ATTR => {
            let name = code.names[arg as usize];
            let owner = pop(vm);
            let v = pop(vm);
            attr::set_attr(vm, owner, name, v)?;
        }
        Opcode::DELETE_ATTR => {
            let name = code.names[arg as usize];
            let owner = pop(vm);
            attr::del_attr(vm, owner, name)?;
        }
        Opcode::UNARY_NEGATIVE => {
            let v = pop(vm);
            let r = ops::unary_negative(vm, v)?;
            vm.stack.push(r);
        }
        Opcode::UNARY_INVERT => {
            let v = pop(vm);
            let r = ops::unary_invert(vm, v)?;
            vm.stack.push(r);
        }
        Opcode::UNARY_NOT => {
            let v = pop(vm);
            let truth = ops::truthy(vm, v)?;
            vm.stack.push(Value::bool(!truth));
        }
        Opcode::TO_BOOL => {
            let v = pop(vm);
            let truth = if v.is_bool() {
                v == Value::TRUE
            } else {
                ops::truthy(vm, v)?
            };
            vm.stack.push(Value::bool(truth));
        }
        Opcode::BINARY_OP => {
            let rhs = pop(vm);
            let lhs = pop(vm);
            if let Some(r) = binary_op_fast(lhs, rhs, arg) {
                vm.stack.push(r);
                return Ok(());
            }
            let op = BinaryOpArg::from_arg(arg).unwrap_or(BinaryOpArg::Add);
            let r = ops::binary_op(vm, lhs, rhs, op)?;
            vm.stack.push(r);
        }
        Opcode::COMPARE_OP => {
            let rhs = pop(vm);
            let lhs = pop(vm);
            if let Some(result) = compare_fast(lhs, rhs, arg) {
                vm.stack.push(Value::bool(result));
                return Ok(());
            }
            let (op, to_bool) = CompareOp::from_arg(arg).unwrap_or((CompareOp::Eq, false));
            let mut r = ops::compare(vm, lhs, rhs, op)?;
            if to_bool && !r.is_bool() {
                r = Value::bool(ops::truthy(vm, r)?);
            }
            vm.stack.push(r);
        }
        Opcode::IS_OP => {
            let rhs = pop(vm);
            let lhs = pop(vm);
            let same = lhs == rhs;
            vm.stack.push(Value::bool(same != (arg == 1)));
        }
        Opcode::CONTAINS_OP => {
            let container = pop(vm);
            let item = pop(vm);
            let found = ops::contains(vm, container, item)?;
            vm.stack.push(Value::bool(found != (arg == 1)));
        }
        Opcode::BINARY_SUBSCR => {
            let key = pop(vm);
            let container = pop(vm);
            if let Some(v) = subscript_fast(container, key) {
                vm.stack.push(v);
                return Ok(());
            }
            let r = ops::getitem(vm, container, key)?;
            vm.stack.push(r);
        }
        Opcode::STORE_SUBSCR => {
            let key = pop(vm);
            let container = pop(vm);
            let v = pop(vm);
            if let (Some(ObjKind::List(items)), Some(i)) = (kind(&container), key.as_small_int()) {
                let mut items = items.borrow_mut();
                let len = items.len() as i64;
                let index = if i < 0 { i + len } else { i };
                if (0..len).contains(&index) {
                    items[index as usize] = v;
                    return Ok(());
                }
            }
            ops::setitem(vm, container, key, v)?;
        }
        Opcode::DELETE_SUBSCR => {
            let key = pop(vm);
            let container = pop(vm);
            ops::delitem(vm, container, key)?;
        }
        Opcode::BINARY_SLICE => {
            let stop = pop(vm);
            let start = pop(vm);
            let container = pop(vm);
            if let Some(r) = ops::get_slice_fast(vm, container, start, stop)? {
                vm.stack.push(r);
                return Ok(());
            }
            let slice = vm.alloc(ObjKind::Slice(SliceObj {
                start,
                stop,
                step: Value::NONE,
            }));
            let r = ops::getitem(vm, container, slice)?;
            vm.stack.push(r);
        }
        Opcode::STORE_SLICE => {
            let stop = pop(vm);
            let start = pop(vm);
            let container = pop(vm);
            let v = pop(vm);
            let slice = vm.alloc(ObjKind::Slice(SliceObj {
                start,
                stop,
                step: Value::NONE,
            }));
            ops::setitem(vm, container, slice, v)?;
        }
        Opcode::BUILD_SLICE => {
            let step = if arg == 3 { pop(vm) } else { Value::NONE };
            let stop = pop(vm);
            let start = pop(vm);
            let slice = vm.alloc(ObjKind::Slice(SliceObj { start, stop, step }));
            vm.stack.push(slice);
        }
        Opcode::BUILD_TUPLE => {
            let items = vm.stack.split_off(vm.stack.len() - arg as usize);
            let t = vm.new_tuple(items);
            vm.stack.push(t);
        }
        Opcode::BUILD_LIST => {
            let items = vm.stack.split_off(vm.stack.len() - arg as usize);
            let l = vm.new_list(items);
            vm.stack.push(l);
        }
        Opcode::BUILD_SET => {
            let items = vm.stack.split_off(vm.stack.len() - arg as usize);
            let set = vm.new_set(false);
            vm.stack.push(set);
            for item in items {
                ops::set_add(vm, set, item)?;
            }
        }
        Opcode::BUILD_MAP => {
            let items = vm.stack.split_off(vm.stack.len() - 2 * arg as usize);
            let dict = vm.new_dict();
            vm.stack.push(dict);
            for pair in items.chunks(2) {
                ops::dict_set(vm, dict, pair[0], pair[1])?;
            }
        }
        Opcode::BUILD_CONST_KEY_MAP => {
            let keys = pop(vm);
            let values = vm.stack.split_off(vm.stack.len() - arg as usize);
            let keys: Vec<Value> = match kind(&keys) {
                Some(ObjKind::Tuple(k)) => k.to_vec(),
                _ => Vec::new(),
            };
            let dict = vm.new_dict();
            vm.stack.push(dict);
            for (k, v) in keys.into_iter().zip(values) {
                ops::dict_set(vm, dict, k, v)?;
            }
        }
        Opcode::BUILD_STRING => {
            let first = vm.stack.len() - arg as usize;
            let s = vm.alloc(ObjKind::Str(StrObj::concat(&vm.stack[first..])));
            vm.stack.truncate(first);
            vm.stack.push(s);
        }
        Opcode::LIST_APPEND => {
            let item = pop(vm);
            let list = peek(vm, arg as usize);
            cpjit_runtime::iter::list_append_fast(list, item);
        }
        Opcode::LIST_EXTEND => {
            let iterable = pop(vm);
            let list = peek(vm, arg as usize);
            let items = match cpjit_runtime::iter::collect(vm, iterable) {
                Ok(items) => items,
                Err(e) => {
                    if vm.isinstance(e.0, vm.exceptions.type_error)
                        && !matches!(kind(&iterable), Some(ObjKind::Instance(_)))
                    {
                        let name = vm.type_name(iterable);
                        return Err(vm
                            .type_error(format!("Value after * must be an iterable, not {name}"))
                            .into());
                    }
                    return Err(e.into());
                }
            };
            if let Some(ObjKind::List(list_items)) = kind(&list) {
                list_items.borrow_mut().extend(items);
            }
        }
        Opcode::SET_ADD => {
            let item = pop(vm);
            let set = peek(vm, arg as usize);
            ops::set_add(vm, set, item)?;
        }
        Opcode::SET_UPDATE => {
            let iterable = pop(vm);
            let set = peek(vm, arg as usize);
            let items = cpjit_runtime::iter::collect(vm, iterable)?;
            for item in items {
                ops::set_add(vm, set, item)?;
            }
        }
        Opcode::MAP_ADD => {
            let value = pop(vm);
            let key = pop(vm);
            let dict = peek(vm, arg as usize);
            ops::dict_set(vm, dict, key, value)?;
        }
        Opcode::DICT_UPDATE => {
            let update = pop(vm);
            let dict = peek(vm, arg as usize);
            let Some(entries) = cpjit_runtime::methods::mapping_items(vm, update)? else {
                let name = vm.type_name(update);
                return Err(vm
                    .type_error(format!("'{name}' object is not a mapping"))
                    .into());
            };
            for (k, v) in entries {
                ops::dict_set(vm, dict, k, v)?;
            }
        }
        Opcode::DICT_MERGE => {
            let update = pop(vm);
            let dict = peek(vm, arg as usize);
            // Stack: callable, self-or-NULL, args tuple, dict (`update` already popped).
            let callable = peek(vm, arg as usize + 3);
            dict_merge(vm, dict, update, callable)?;
        }
        Opcode::UNPACK_SEQUENCE => {
            let seq = pop(vm);
            let items = unpack_exact(vm, seq, arg as usize)?;
            vm.stack.extend(items.into_iter().rev());
        }
        Opcode::UNPACK_EX => {
            let before = (arg & 0xff) as usize;
            let after = (arg >> 8) as usize;
            let seq = pop(vm);
            let items = cpjit_runtime::iter::collect(vm, seq).map_err(|e| {
                if vm.isinstance(e.0, vm.exceptions.type_error) {
                    let name = vm.type_name(seq);
                    vm.type_error(format!("cannot unpack non-iterable {name} object"))
                } else {
                    e
                }
            })?;
            if items.len() < before + after {
                return Err(vm
                    .value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    ))
                    .into());
            }
            let middle = items[before..items.len() - after].to_vec();
            for item in items[items.len() - after..].iter().rev() {
                vm.stack.push(*item);
            }
            let list = vm.new_list(middle);
            vm.stack.push(list);
            for item in items[..before].iter().rev() {
                vm.stack.push(*item);
            }
        }
        Opcode::FORMAT_SIMPLE => {
            let v = pop(vm);
            let r = if str_text(&v).is_some() {
                v
            } else if let Some(int) = v.as_small_int() {
                vm.small_int_str(int)
            } else {
                let text = cpjit_runtime::format::format_value(vm, v, "")?;
                vm.new_string(text)
            };
            vm.stack.push(r);
        }
        Opcode::FORMAT_WITH_SPEC => {
            let spec = pop(vm);
            let v = pop(vm);
            let spec_text = str_text(&spec).unwrap_or("").to_string();
            let text = cpjit_runtime::format::format_value(vm, v, &spec_text)?;
            let r = vm.new_string(text);
            vm.stack.push(r);
        }
        Opcode::CONVERT_VALUE => {
            let v = pop(vm);
            let text = match arg {
                ConvertValueKind::STR => display::str(vm, v)?,
                ConvertValueKind::REPR => display::repr(vm, v)?,
                _ => {
                    let r = display::repr(vm, v)?;
                    cpjit_runtime::format::ascii_escape(&r)
                }
            };
            let r = vm.new_string(text);
            vm.stack.push(r);
        }
        Opcode::GET_ITER => {
            let v = pop(vm);
            let it = cpjit_runtime::iter::get_iter(vm, v)?;
            vm.stack.push(it);
        }
        Opcode::GET_LEN => {
            let v = top(vm);
            let n = ops::len(vm, v)?;
            let n = vm.new_int(n as i64);
            vm.stack.push(n);
        }
        Opcode::MATCH_MAPPING => {
            let subject = top(vm);
            let matched = crate::patterns::is_mapping(vm, subject);
            vm.stack.push(Value::bool(matched));
        }
        Opcode::MATCH_SEQUENCE => {
            let subject = top(vm);
            let matched = crate::patterns::is_sequence(vm, subject);
            vm.stack.push(Value::bool(matched));
        }
        Opcode::MATCH_KEYS => {
            let keys = top(vm);
            let subject = vm.stack[vm.stack.len() - 2];
            let values = crate::patterns::match_keys(vm, subject, keys)?;
            vm.stack.push(values);
        }
        Opcode::MATCH_CLASS => {
            let names = pop(vm);
            let class = pop(vm);
            let subject = pop(vm);
            let attributes = crate::patterns::match_class(vm, subject, class, arg as usize, names)?;
            vm.stack.push(attributes);
        }
        Opcode::SETUP_ANNOTATIONS => {
            let namespace = namespace_of(&vm.frames[frame_index]);
            let key = vm.intern_static("__annotations__");
            if ops::dict_get(vm, namespace, key)?.is_none() {
                let d = vm.new_dict();
                ops::dict_set(vm, namespace, key, d)?;
            }
        }
        Opcode::BEFORE_WITH => {
            let manager = pop(vm);
            let ty = vm.type_of(manager);
            let enter_name = vm.intern_static("__enter__");
            let exit_name = vm.intern_static("__exit__");
            let has_enter = attr::type_lookup(ty, enter_name).is_some();
            let has_exit = attr::type_lookup(ty, exit_name).is_some();
            if !has_enter || !has_exit {
                let type_name = vm.type_name(manager);
                let missing = if has_enter {
                    " (missed __exit__ method)"
                } else {
                    ""
                };
                return Err(vm
                    .type_error(format!(
                        "'{type_name}' object does not support the context manager protocol{missing}"
                    ))
                    .into());
            }
            let exit = attr::get_attr(vm, manager, exit_name)?;
            vm.stack.push(exit);
            let enter = attr::get_attr(vm, manager, enter_name)?;
            let entered = cpjit_runtime::call::call(vm, enter, &[], &[])?;
            vm.stack.push(entered);
        }
        Opcode::WITH_EXCEPT_START => {
            // Stack: __exit__, lasti, previous exception, exception.
            let exception = top(vm);
            let exit = peek(vm, 4);
            let exception_type = vm.type_of(exception);
            let result = cpjit_runtime::call::call(
                vm,
                exit,
                &[exception_type, exception, Value::NONE],
                &[],
            )?;
            vm.stack.push(result);
        }
        Opcode::GET_YIELD_FROM_ITER => {
            let v = top(vm);
            if !matches!(kind(&v), Some(ObjKind::Generator(_))) {
                let v = pop(vm);
                let it = cpjit_runtime::iter::get_iter(vm, v)?;
                vm.stack.push(it);
            }
        }
        Opcode::SEND => {
            let value = top(vm);
            let receiver = peek(vm, 2);
            match crate::generators::send(vm, receiver, value)? {
                cpjit_runtime::vm::GeneratorResume::Yielded(v) => {
                    let len = vm.stack.len();
                    vm.stack[len - 1] = v;
                }
                cpjit_runtime::vm::GeneratorResume::Returned(v) => {
                    let len = vm.stack.len();
                    vm.stack[len - 1] = v;
                    *ip = arg as usize;
                }
            }
        }
        Opcode::END_SEND => {
            let value = pop(vm);
            pop(vm);
            vm.stack.push(value);
        }
        Opcode::CLEANUP_THROW => {
            let exception = pop(vm);
            if vm.isinstance(exception, vm.exceptions.stop_iteration) {
                pop(vm);
                pop(vm);
                vm.stack.push(Value::NONE);
                vm.stack
                    .push(crate::generators::stop_iteration_value(exception));
            } else {
                return Err(Unwind::Reraise(PyErr(exception), None));
            }
        }
        Opcode::LOAD_BUILD_CLASS => {
            let key = vm.intern_static("__build_class__");
            let builtins = vm.frames[frame_index].builtins;
            match ops::dict_get_str(builtins, key) {
                Some(v) => vm.stack.push(v),
                None => {
                    return Err(vm
                        .new_error(vm.exceptions.name_error, "__build_class__ not found")
                        .into())
                }
            }
        }
        Opcode::LOAD_SUPER_ATTR => {
            let name = code.names[(arg >> 2) as usize];
            let receiver = pop(vm);
            let class = pop(vm);
            let _global_super = pop(vm);
            let (attr, self_or_null) =
                cpjit_runtime::attr::super_attr(vm, class, receiver, name, arg & 1 != 0)?;
            vm.stack.push(attr);
            if arg & 1 != 0 {
                vm.stack.push(self_or_null);
            }
        }
        Opcode::LOAD_ASSERTION_ERROR => {
            let t = vm.exceptions.assertion_error;
            vm.stack.push(t);
        }
        Opcode::MAKE_FUNCTION => {
            let code_value = pop(vm);
            let frame = vm.frames[frame_index];
            let f = make_function(vm, code_value, frame.globals, frame.builtins);
            vm.stack.push(f);
        }
        Opcode::SET_FUNCTION_ATTRIBUTE => {
            let function = pop(vm);
            let value = pop(vm);
            if let Some(ObjKind::Function(f)) = kind(&function) {
                match arg {
                    1 => *f.defaults.borrow_mut() = value,
                    2 => *f.kwdefaults.borrow_mut() = value,
                    4 => cpjit_runtime::attr::set_function_annotations(vm, function, value)?,
                    8 => *f.closure.borrow_mut() = value,
                    _ => {}
                }
            }
            vm.stack.push(function);
        }
        Opcode::CALL_INTRINSIC_1 => {
            let v = pop(vm);
            let r = match arg {
                2 => {
                    let namespace = namespace_of(&vm.frames[frame_index]);
                    crate::modules::import_star(vm, v, namespace)?;
                    Value::NONE
                }
                5 => ops::unary_positive(vm, v)?,
                6 => {
                    let items = cpjit_runtime::iter::collect(vm, v)?;
                    vm.new_tuple(items)
                }
                3 => {
                    // A StopIteration escaping a generator body becomes a RuntimeError
                    // (PEP 479); anything else passes through.
                    if vm.isinstance(v, vm.exceptions.stop_iteration) {
                        let error = vm.runtime_error("generator raised StopIteration");
                        if let Some(ObjKind::Exception(e)) = kind(&error.0) {
                            e.cause.set(v);
                            e.suppress_context.set(true);
                        }
                        error.0
                    } else {
                        v
                    }
                }
                _ => {
                    return Err(vm
                        .not_implemented(format!(
                            "{} is not supported yet",
                            cpjit_bytecode::IntrinsicFunction1::name(arg)
                        ))
                        .into())
                }
            };
            vm.stack.push(r);
        }
        Opcode::RAISE_VARARGS => {
            let error = raise_varargs(vm, arg)?;
            return Err(error);
        }
        Opcode::RERAISE => {
            let exc = pop(vm);
            let lasti = if arg != 0 {
                peek(vm, arg as usize).as_small_int().map(|i| i as usize)
            } else {
                None
            };
            return Err(Unwind::Reraise(PyErr(exc), lasti));
        }
        Opcode::PUSH_EXC_INFO => {
            let exc = pop(vm);
            let previous = vm.handled_exception;
            vm.stack.push(if previous.is_null() {
                Value::NONE
            } else {
                previous
            });
            vm.handled_exception = exc;
            vm.stack.push(exc);
        }
        Opcode::POP_EXCEPT => {
            let previous = pop(vm);
            vm.handled_exception = if previous.is_none() {
                Value::NULL
            } else {
                previous
            };
        }
        Opcode::CHECK_EXC_MATCH => {
            let class = pop(vm);
            let exc = top(vm);
            let matched = exception_matches(vm, exc, class)?;
            vm.stack.push(Value::bool(matched));
        }
        Opcode::IMPORT_NAME => {
            let name = code.names[arg as usize];
            let fromlist = pop(vm);
            let level = pop(vm);
            let globals = vm.frames[frame_index].globals;
            let module = crate::modules::import_name(vm, name, fromlist, level, globals)?;
            vm.stack.push(module);
        }
        Opcode::IMPORT_FROM => {
            let name = code.names[arg as usize];
            let module = top(vm);
            let value = crate::modules::import_from(vm, module, name)?;
            vm.stack.push(value);
        }
        Opcode::JUMP_FORWARD => *ip = arg as usize,
        Opcode::JUMP_BACKWARD => {
            *ip = arg as usize;
            vm.safepoint();
        }
        Opcode::JUMP_BACKWARD_NO_INTERRUPT => *ip = arg as usize,
        Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
            let v = pop(vm);
            let truth = if v.is_bool() {
                v == Value::TRUE
            } else {
                ops::truthy(vm, v)?
            };
            let taken = truth == (instruction.opcode == Opcode::POP_JUMP_IF_TRUE);
            record_branch(code, *ip - 1, taken);
            if taken {
                *ip = arg as usize;
            }
        }
        Opcode::POP_JUMP_IF_NONE => {
            if pop(vm).is_none() {
                *ip = arg as usize;
            }
        }
        Opcode::POP_JUMP_IF_NOT_NONE => {
            if !pop(vm).is_none() {
                *ip = arg as usize;
            }
        }
        Opcode::FOR_ITER => {
            let iterator = top(vm);
            match cpjit_runtime::iter::next(vm, iterator)? {
                Some(v) => vm.stack.push(v),
                None => {
                    pop(vm);
                    *ip = arg as usize + 2;
                }
            }
        }
        // Calls and returns change frames: handled after this closure.
        Opcode::CALL
        | Opcode::CALL_KW
        | Opcode::CALL_FUNCTION_EX
        | Opcode::RETURN_VALUE
        | Opcode::RETURN_CONST => unreachable!("handled outside"),
        other => {
            return Err(vm.not_implemented(unsupported_message(other)).into());
        }
    }
    Ok(())
}

/// Arithmetic on small ints and floats without leaving the loop; `None` defers to the
/// generic `ops::binary_op` (overflow, other types, errors).
#[inline(always)]
fn binary_op_fast(lhs: Value, rhs: Value, arg: u32) -> Option<Value> {
    if let (Some(a), Some(b)) = (lhs.as_small_int(), rhs.as_small_int()) {
        return match arg {
            0 | 13 => Value::small_int(a + b),
            10 | 23 => Value::small_int(a - b),
            5 | 18 => a.checked_mul(b).and_then(Value::small_int),
            _ => None,
        };
    }
    let (a, b) = match (lhs.as_float(), rhs.as_float()) {
        (Some(a), Some(b)) => (a, b),
        (Some(a), None) => (a, rhs.as_small_int()? as f64),
        (None, Some(b)) => (lhs.as_small_int()? as f64, b),
        (None, None) => return None,
    };
    let r = match arg {
        0 | 13 => a + b,
        10 | 23 => a - b,
        5 | 18 => a * b,
        11 | 24 if b != 0.0 => a / b,
        _ => return None,
    };
    Some(Value::float(r))
}

/// Comparisons of two small ints or two floats, answered by `COMPARE_OP`'s argument
/// `arg` as CPython 3.13 does: the operands' outcome (less, equal, greater, or
/// unordered for a NaN) is one bit, and the argument's low bits are the mask of the
/// outcomes for which the operator is true (see `CompareOp::mask`). No branch on the
/// operator.
#[inline(always)]
pub(crate) fn compare_fast(lhs: Value, rhs: Value, arg: u32) -> Option<bool> {
    let outcome = if let (Some(a), Some(b)) = (lhs.as_small_int(), rhs.as_small_int()) {
        comparison_bit(a >= b, a <= b)
    } else {
        let (a, b) = (lhs.as_float()?, rhs.as_float()?);
        comparison_bit(a >= b, a <= b)
    };
    Some(outcome & arg != 0)
}

/// CPython's `COMPARISON_BIT`: UNORDERED (1) when neither holds (a NaN), LESS_THAN
/// (2), GREATER_THAN (4), EQUAL (8).
#[inline(always)]
fn comparison_bit(greater_or_equal: bool, less_or_equal: bool) -> u32 {
    1 << (2 * u32::from(greater_or_equal) + u32::from(less_or_equal))
}

/// `list[i]` / `tuple[i]` with an in-range small int.
#[inline(always)]
pub(crate) fn subscript_fast(container: Value, key: Value) -> Option<Value> {
    let i = key.as_small_int()?;
    match kind(&container) {
        Some(ObjKind::List(items)) => {
            let items = items.borrow();
            let len = items.len() as i64;
            let index = if i < 0 { i + len } else { i };
            (0..len).contains(&index).then(|| items[index as usize])
        }
        Some(ObjKind::Tuple(items)) => {
            let len = items.len() as i64;
            let index = if i < 0 { i + len } else { i };
            (0..len).contains(&index).then(|| items[index as usize])
        }
        _ => None,
    }
}

/// Records a conditional branch's direction in its cache (a shift register of the
/// last 32 outcomes, as CPython 3.13 does): trace projection follows the likely side.
#[inline(always)]
pub(crate) fn record_branch(code: &CodeData, index: usize, taken: bool) {
    let cache = &code.caches[index];
    let mut entry = cache.get();
    entry.index = (entry.index << 1) | u32::from(taken);
    cache.set(entry);
}

/// Counts a specialized instruction's hit or miss when stats are enabled.
#[inline(always)]
fn count_specialized(vm: &mut Vm, op: AdaptiveOpcode, hit: bool) {
    if vm.stats.enabled {
        let family = &mut vm.stats.specialization[op.family() as usize];
        if hit {
            family.hits += 1;
        } else {
            family.misses += 1;
        }
    }
}

/// Finishes a specialized two-operand instruction: the result replaces both operands
/// (`len` is the stack height before), or the error is raised.
fn binary_result(vm: &mut Vm, len: usize, result: PyResult<Value>) -> Specialized {
    match result {
        Ok(value) => {
            vm.stack.truncate(len - 1);
            vm.stack[len - 2] = value;
            Specialized::Hit
        }
        Err(e) => Specialized::Failed(e.into()),
    }
}

/// Runs the frame at `entry_depth` as if `exception` had been raised at instruction
/// `at` (generator `throw()`).
pub fn run_raising(
    vm: &mut Vm,
    entry_depth: usize,
    exception: Value,
    at: usize,
) -> PyResult<Value> {
    vm.frames[entry_depth].last_ip = at;
    handle_exception(vm, Unwind::Raise(PyErr(exception)), at, entry_depth)?;
    run(vm, entry_depth)
}

/// Result of running a specialized instruction.
pub(crate) enum Specialized {
    /// Guards held; the instruction completed.
    Hit,
    /// Guards held and a Python frame was pushed (specialized calls).
    PushedFrame,
    /// Guards held but the operation raised.
    Failed(Unwind),
    /// A guard failed: nothing was consumed; run the generic instruction instead.
    Miss,
}

/// `JUMP_BACKWARD`'s hot counter: when it fires, call the hot-loop hook (the optimizer
/// API connects there) and restart with exponential backoff.
#[inline]
fn hot_back_edge(vm: &mut Vm, code: &CodeData, code_value: &Value, index: usize) {
    use cpjit_runtime::object::counter;
    let cache = &code.caches[index];
    let mut entry = cache.get();
    if counter::triggers(entry.counter) {
        vm.stats.hot_loops += 1;
        entry.counter = counter::backoff(entry.counter);
        cache.set(entry);
        if let Some(hook) = vm.hot_loop_hook {
            hook(vm, *code_value, index);
        }
        crate::tier2::on_hot_loop(vm, *code_value, index);
    } else {
        entry.counter = counter::decrement(entry.counter);
        cache.set(entry);
    }
}

/// `name` in an instance's namespace: at position `hint` when it is there (instances
/// an `__init__` filled keep their attributes in the same order), else by lookup.
#[inline]
pub(crate) fn instance_value(dict: Value, name: Value, hint: u64) -> Option<Value> {
    if let Some(ObjKind::Dict(table)) = kind(&dict) {
        if let Some(entry) = table.borrow().entry_at(hint as usize) {
            if entry.key == name {
                return Some(entry.value);
            }
        }
    }
    ops::dict_get_str(dict, name)
}

/// The instance attribute forms (`LOAD_ATTR_INSTANCE_VALUE`,
/// `LOAD_ATTR_METHOD_WITH_VALUES`, `STORE_ATTR_INSTANCE_VALUE`): inline both in the
/// main loop and in [`run_specialized`] (which tier 2 calls).
#[inline(always)]
fn instance_attribute(
    vm: &mut Vm,
    code: &CodeData,
    this_ip: usize,
    op: AdaptiveOpcode,
    arg: u32,
) -> Specialized {
    use AdaptiveOpcode as A;
    let len = vm.stack.len();
    match op {
        A::LOAD_ATTR_INSTANCE_VALUE | A::LOAD_ATTR_METHOD_WITH_VALUES => {
            // What the class's MRO says about the name, as when specialized: for the same
            // class by the epoch; for another class (a polymorphic site) the specializer's
            // memo. A method lives in a namespace of the MRO, unchanged since (the epoch);
            // the class is kept alive by the cache or, for another class, by the instance.
            let owner = vm.stack[len - 1];
            let name = code.names[(arg >> 1) as usize];
            let cache = code.caches[this_ip].get();
            let epoch = vm.class_epoch;
            let facts_for = |class| Some(crate::specialize::attribute_facts(vm, class, name));
            match crate::fast_paths::instance_load(op, owner, name, arg, cache, epoch, facts_for) {
                Some(crate::fast_paths::InstanceLoad::Value(value)) => {
                    vm.stack[len - 1] = value;
                    if arg & 1 != 0 {
                        vm.stack.push(Value::NULL);
                    }
                }
                Some(crate::fast_paths::InstanceLoad::Method(method)) => {
                    vm.stack[len - 1] = method;
                    vm.stack.push(owner);
                }
                None => return Specialized::Miss,
            }
            Specialized::Hit
        }
        A::STORE_ATTR_INSTANCE_VALUE => {
            let (value, owner) = (vm.stack[len - 2], vm.stack[len - 1]);
            match store_instance_value(vm, code, this_ip, arg, owner, value) {
                InstanceStore::Miss => return Specialized::Miss,
                InstanceStore::Stored => {}
                InstanceStore::NotInPlace { dict } => {
                    let name = code.names[arg as usize];
                    if let Err(error) = ops::dict_set(vm, dict, name, value) {
                        return Specialized::Failed(Unwind::Raise(error));
                    }
                }
            }
            vm.stack.truncate(len - 2);
            Specialized::Hit
        }
        _ => Specialized::Miss,
    }
}

/// `STORE_ATTR_INSTANCE_VALUE`'s guards (the class, or a class whose MRO says the same
/// about the name, at the same class epoch) and its in-place store.
#[inline(always)]
fn store_instance_value(
    vm: &mut Vm,
    code: &CodeData,
    this_ip: usize,
    arg: u32,
    owner: Value,
    value: Value,
) -> InstanceStore {
    let name = code.names[arg as usize];
    let cache = code.caches[this_ip].get();
    let epoch = vm.class_epoch;
    let plain_for = |class| crate::specialize::is_plain_attribute(vm, class, name);
    crate::fast_paths::instance_store(owner, name, value, cache, epoch, plain_for)
}

/// `STORE_ATTR_INSTANCE_VALUE` (with its argument, at `this_ip` of `code`) on the
/// value stack, for the JIT's fast helper, when its guards hold and the name is at
/// the cached namespace entry: whether it stored (and popped the two operands). Any
/// other case changes nothing; it never raises or runs Python code.
pub fn store_instance_attribute(vm: &mut Vm, code: &CodeData, this_ip: usize, arg: u32) -> bool {
    let len = vm.stack.len();
    let (value, owner) = (vm.stack[len - 2], vm.stack[len - 1]);
    match store_instance_value(vm, code, this_ip, arg, owner, value) {
        InstanceStore::Stored => {
            vm.stack.truncate(len - 2);
            true
        }
        InstanceStore::Miss | InstanceStore::NotInPlace { .. } => false,
    }
}

/// `LOAD_ATTR_INSTANCE_VALUE` or `LOAD_ATTR_METHOD_WITH_VALUES` (`op`, with its
/// argument, at `this_ip` of `code`) on the value stack, for the JIT's fast helper:
/// whether its guards held and it ran. A miss changes nothing, and these forms never
/// raise or run Python code.
pub fn load_instance_attribute(
    vm: &mut Vm,
    code: &CodeData,
    this_ip: usize,
    op: AdaptiveOpcode,
    arg: u32,
) -> bool {
    debug_assert!(matches!(
        op,
        AdaptiveOpcode::LOAD_ATTR_INSTANCE_VALUE | AdaptiveOpcode::LOAD_ATTR_METHOD_WITH_VALUES
    ));
    matches!(
        instance_attribute(vm, code, this_ip, op, arg),
        Specialized::Hit
    )
}

/// Whether the instance namespace `dict` has `name` (which then shadows the class's
/// method). Usually it has not, which the table's hash bits mostly prove at once.
#[inline]
pub(crate) fn instance_has(dict: Value, name: Value) -> bool {
    if let (Some(ObjKind::Dict(table)), Some(ObjKind::Str(s))) = (kind(&dict), kind(&name)) {
        if let Some(hash) = s.hash.get() {
            if !table.borrow().may_contain_hash(hash) {
                return false;
            }
        }
    }
    ops::dict_get_str(dict, name).is_some()
}

/// [`run_specialized`] for the inner loop, on the VM's top frame: the specialized
/// instruction at `this_ip`. Returns what it did and the next instruction's index.
#[inline(never)]
pub(crate) fn run_specialized_in_top_frame(
    vm: &mut Vm,
    this_ip: usize,
    op: AdaptiveOpcode,
    arg: u32,
) -> (Specialized, usize) {
    let frame_index = vm.frames.len() - 1;
    let frame = vm.frames[frame_index];
    let code = code_data(&frame.code);
    let mut ip = this_ip + 1;
    let outcome = run_specialized(vm, code, frame.base, frame_index, &mut ip, this_ip, op, arg);
    (outcome, ip)
}

/// Which of `eval`'s code the inner loop hands an instruction to.
#[derive(Clone, Copy)]
pub(crate) enum OutOfLine {
    /// A specialized form: [`run_specialized`].
    Specialized,
    /// A generic instruction that stays in its frame: [`execute`].
    Generic,
    /// A generic `BINARY_OP` whose fast paths did not apply: [`binary_op_in_top_frame`].
    BinaryOp,
}

/// What an instruction run by [`run_out_of_line`] did.
pub(crate) enum OutOfLineOutcome {
    /// Completed; the next instruction is at index `ip`. The stack is `height` values
    /// high; the vector holds room for the frame's deepest stack above that (the inner
    /// loop's high-water mark), so pushes after a call out seldom grow it.
    Next { ip: usize, height: usize },
    /// A guard failed; nothing done: the generic form runs in `eval::run`.
    Miss,
    /// A Python frame was pushed on top.
    PushedFrame,
    /// It raised.
    Raised(Unwind),
}

/// Runs the instruction at `this_ip` of the top frame (`op`, `arg`) for the inner loop
/// with `eval`'s code for it (see [`OutOfLine`]).
#[inline(never)]
pub(crate) fn run_out_of_line(
    vm: &mut Vm,
    this_ip: usize,
    op: AdaptiveOpcode,
    arg: u32,
    kind: OutOfLine,
) -> OutOfLineOutcome {
    match kind {
        OutOfLine::Specialized => {
            let (outcome, next) = run_specialized_in_top_frame(vm, this_ip, op, arg);
            match outcome {
                Specialized::Hit => completed(vm, next),
                Specialized::Miss => OutOfLineOutcome::Miss,
                Specialized::PushedFrame => OutOfLineOutcome::PushedFrame,
                Specialized::Failed(unwind) => OutOfLineOutcome::Raised(unwind),
            }
        }
        // A call with keywords: a Python callee's frame goes on top (the inner loop
        // runs it); anything else is called here.
        OutOfLine::Generic if op == AdaptiveOpcode::CALL_KW => {
            match call_instruction(vm, Opcode::CALL_KW, arg) {
                Ok(true) => OutOfLineOutcome::PushedFrame,
                Ok(false) => completed(vm, this_ip + 1),
                Err(error) => OutOfLineOutcome::Raised(Unwind::Raise(error)),
            }
        }
        OutOfLine::Generic => match execute_in_top_frame(vm, this_ip, op.family(), arg) {
            Ok(next) => completed(vm, next),
            Err(unwind) => OutOfLineOutcome::Raised(unwind),
        },
        OutOfLine::BinaryOp => binary_op_in_top_frame(vm, this_ip, arg),
    }
}

/// An instruction run out of line completed, the next at `ip`: the exact stack's
/// height, with the vector padded to the frame's extent for the inner loop.
fn completed(vm: &mut Vm, ip: usize) -> OutOfLineOutcome {
    let height = vm.stack.len();
    let frame = vm.frames.last().expect("a frame runs");
    let extent = frame.base + code_data(&frame.code).frame_extent;
    if height < extent {
        vm.stack.resize(extent, Value::NULL);
    }
    OutOfLineOutcome::Next { ip, height }
}

/// The generic `BINARY_OP` at `this_ip` of the top frame for the inner loop, whose fast
/// paths did not apply. On two instances of one Python class whose special method is
/// all the operator does ([`crate::specialize::binary_method`]), pushes that method's frame
/// ([`BINARY_METHOD_FRAME_GAP`] above the operands, which stay where they are) and
/// returns `PushedFrame`; otherwise executes the operator.
#[inline(never)]
fn binary_op_in_top_frame(vm: &mut Vm, this_ip: usize, arg: u32) -> OutOfLineOutcome {
    let frame_index = vm.frames.len() - 1;
    let frame = vm.frames[frame_index];
    let code = code_data(&frame.code);
    let len = vm.stack.len();
    let (lhs, rhs) = (vm.stack[len - 2], vm.stack[len - 1]);
    let method = BinaryOpArg::from_arg(arg).and_then(|operator| {
        crate::specialize::binary_method(vm, code, this_ip, lhs, rhs, operator)
    });
    if let Some(function) = method.filter(|_| vm.frames.len() < vm.recursion_limit) {
        if let Some(ObjKind::Function(f)) = kind(&function) {
            let callee = code_data(&f.code);
            let at = len - 2;
            let base = at + BINARY_METHOD_FRAME_GAP;
            vm.stack.resize(base + callee.nlocalsplus, Value::NULL);
            vm.stack[base] = lhs;
            vm.stack[base + 1] = rhs;
            vm.frames[frame_index].ip = this_ip + 1;
            vm.frames[frame_index].last_ip = this_ip;
            vm.frames.push(Frame::for_call(function, f, base, at));
            return OutOfLineOutcome::PushedFrame;
        }
    }
    match execute_in_top_frame(vm, this_ip, Opcode::BINARY_OP, arg) {
        Ok(next) => completed(vm, next),
        Err(unwind) => OutOfLineOutcome::Raised(unwind),
    }
}

/// [`execute`] for the inner loop, on the VM's top frame: the generic instruction at
/// `this_ip` (one that stays in its frame). Returns the next instruction's index.
#[inline(never)]
pub(crate) fn execute_in_top_frame(
    vm: &mut Vm,
    this_ip: usize,
    opcode: Opcode,
    arg: u32,
) -> Result<usize, Unwind> {
    let frame_index = vm.frames.len() - 1;
    let frame = vm.frames[frame_index];
    let code = code_data(&frame.code);
    let mut ip = this_ip + 1;
    execute(
        vm,
        code,
        frame.base,
        frame_index,
        &mut ip,
        Instruction::new(opcode, arg),
    )?;
    Ok(ip)
}

/// Executes a specialized instruction: guard, then the fast operation.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
pub(crate) fn run_specialized(
    vm: &mut Vm,
    code: &CodeData,
    base: usize,
    frame_index: usize,
    ip: &mut usize,
    this_ip: usize,
    op: AdaptiveOpcode,
    arg: u32,
) -> Specialized {
    use AdaptiveOpcode as A;
    let _ = base;
    let len = vm.stack.len();
    match op {
        A::BINARY_OP_ADD_UNICODE => {
            let (lhs, rhs) = (vm.stack[len - 2], vm.stack[len - 1]);
            if !matches!(kind(&lhs), Some(ObjKind::Str(_)))
                || !matches!(kind(&rhs), Some(ObjKind::Str(_)))
            {
                return Specialized::Miss;
            }
            let result = ops::binary_op(vm, lhs, rhs, BinaryOpArg::Add);
            binary_result(vm, len, result)
        }
        A::COMPARE_OP_STR => {
            let (lhs, rhs) = (vm.stack[len - 2], vm.stack[len - 1]);
            let Some(result) = crate::fast_paths::comparison(op, lhs, rhs, arg) else {
                return Specialized::Miss;
            };
            vm.stack.truncate(len - 1);
            vm.stack[len - 2] = Value::bool(result);
            Specialized::Hit
        }
        A::TO_BOOL_NONE | A::TO_BOOL_LIST | A::TO_BOOL_STR => {
            let Some(truth) = crate::fast_paths::truth(op, vm.stack[len - 1]) else {
                return Specialized::Miss;
            };
            vm.stack[len - 1] = Value::bool(truth);
            Specialized::Hit
        }
        A::LOAD_GLOBAL_BUILTIN => {
            let name = code.names[(arg >> 1) as usize];
            let cache = code.caches[this_ip].get();
            let frame = &vm.frames[frame_index];
            match crate::fast_paths::cached_global(op, name, cache, frame.globals, frame.builtins) {
                Some(value) => {
                    vm.stack.push(value);
                    if arg & 1 != 0 {
                        vm.stack.push(Value::NULL);
                    }
                    Specialized::Hit
                }
                None => Specialized::Miss,
            }
        }
        A::LOAD_ATTR_METHOD_NO_DICT => {
            let owner = vm.stack[len - 1];
            let cache = code.caches[this_ip].get();
            let Some(method) = crate::fast_paths::builtin_method(owner, arg, cache, &vm.types)
            else {
                return Specialized::Miss;
            };
            vm.stack[len - 1] = method;
            vm.stack.push(owner);
            Specialized::Hit
        }
        A::LOAD_ATTR_INSTANCE_VALUE
        | A::LOAD_ATTR_METHOD_WITH_VALUES
        | A::STORE_ATTR_INSTANCE_VALUE => instance_attribute(vm, code, this_ip, op, arg),
        A::LOAD_ATTR_MODULE => {
            let owner = vm.stack[len - 1];
            let name = code.names[(arg >> 1) as usize];
            let cache = code.caches[this_ip].get();
            let Some(value) = crate::fast_paths::module_attribute(owner, name, cache) else {
                return Specialized::Miss;
            };
            vm.stack[len - 1] = value;
            if arg & 1 != 0 {
                vm.stack.push(Value::NULL);
            }
            Specialized::Hit
        }
        A::CALL_PY_EXACT_ARGS | A::CALL_BOUND_METHOD_EXACT_ARGS => {
            let n = arg as usize;
            let callable_index = len - n - 2;
            let cache = code.caches[this_ip].get();
            let callable = vm.stack[callable_index];
            if op == A::CALL_BOUND_METHOD_EXACT_ARGS {
                let Some(ObjKind::BoundMethod(m)) = kind(&callable) else {
                    return Specialized::Miss;
                };
                if m.function != cache.value || !vm.stack[callable_index + 1].is_null() {
                    return Specialized::Miss;
                }
                let (function, receiver) = (m.function, m.receiver);
                vm.stack[callable_index] = function;
                vm.stack[callable_index + 1] = receiver;
            } else if callable != cache.value {
                return Specialized::Miss;
            }
            vm.frames[frame_index].ip = *ip;
            vm.frames[frame_index].last_ip = this_ip;
            match push_positional_frame(vm, callable_index, n, Positional::Exact) {
                Ok(true) => Specialized::PushedFrame,
                Ok(false) => Specialized::Miss,
                Err(e) => Specialized::Failed(Unwind::Raise(e)),
            }
        }
        A::CALL_PY_WITH_DEFAULTS => {
            let callable_index = len - arg as usize - 2;
            vm.frames[frame_index].ip = *ip;
            vm.frames[frame_index].last_ip = this_ip;
            match push_positional_frame(vm, callable_index, arg as usize, Positional::WithDefaults)
            {
                Ok(true) => Specialized::PushedFrame,
                Ok(false) => Specialized::Miss,
                Err(e) => Specialized::Failed(Unwind::Raise(e)),
            }
        }
        A::CALL_LEN
        | A::CALL_ISINSTANCE
        | A::CALL_BUILTIN_FAST
        | A::CALL_METHOD_DESCRIPTOR_FAST
        | A::CALL_BUILTIN_CLASS
        | A::CALL_LIST_APPEND => {
            let n = arg as usize;
            let callable_index = len - n - 2;
            let cache = code.caches[this_ip].get();
            let callable = vm.stack[callable_index];
            let self_or_null = vm.stack[callable_index + 1];
            if callable != cache.value {
                return Specialized::Miss;
            }
            let needs_self = matches!(op, A::CALL_METHOD_DESCRIPTOR_FAST | A::CALL_LIST_APPEND);
            if needs_self == self_or_null.is_null() {
                return Specialized::Miss;
            }
            if op == A::CALL_LIST_APPEND {
                let Some(ObjKind::List(items)) = kind(&self_or_null) else {
                    return Specialized::Miss;
                };
                if n != 1 {
                    return Specialized::Miss;
                }
                items.borrow_mut().push(vm.stack[len - 1]);
                vm.stack.truncate(callable_index);
                vm.stack.push(Value::NONE);
                return Specialized::Hit;
            }
            if op == A::CALL_LEN {
                if n != 1 {
                    return Specialized::Miss;
                }
                let arg_value = vm.stack[len - 1];
                vm.frames[frame_index].last_ip = this_ip;
                return match ops::len(vm, arg_value) {
                    Ok(length) => {
                        vm.stack.truncate(callable_index);
                        let v = vm.new_int(length as i64);
                        vm.stack.push(v);
                        Specialized::Hit
                    }
                    Err(e) => Specialized::Failed(e.into()),
                };
            }
            let first = if self_or_null.is_null() {
                callable_index + 2
            } else {
                callable_index + 1
            };
            // The arguments stay on the stack (rooted) while the native runs: it may
            // run Python code that collects (`max(generator)`). The native gets a copy
            // (it takes the whole VM), kept off the heap for the usual few.
            let result = match vm.stack[first..] {
                ref few if few.len() <= FEW_ARGUMENTS => {
                    let mut copy = [Value::NULL; FEW_ARGUMENTS];
                    let count = few.len();
                    copy[..count].copy_from_slice(few);
                    cpjit_runtime::call::call(vm, callable, &copy[..count], &[])
                }
                ref many => {
                    let args = many.to_vec();
                    cpjit_runtime::call::call(vm, callable, &args, &[])
                }
            };
            vm.stack.truncate(callable_index);
            match result {
                Ok(result) => {
                    vm.stack.push(result);
                    Specialized::Hit
                }
                Err(e) => Specialized::Failed(e.into()),
            }
        }
        A::BINARY_SUBSCR_LIST_INT | A::BINARY_SUBSCR_TUPLE_INT | A::BINARY_SUBSCR_STR_INT => {
            let (container, key) = (vm.stack[len - 2], vm.stack[len - 1]);
            let guard = key.is_small_int()
                && match op {
                    A::BINARY_SUBSCR_LIST_INT => matches!(kind(&container), Some(ObjKind::List(_))),
                    A::BINARY_SUBSCR_TUPLE_INT => {
                        matches!(kind(&container), Some(ObjKind::Tuple(_)))
                    }
                    _ => matches!(kind(&container), Some(ObjKind::Str(_))),
                };
            if !guard {
                return Specialized::Miss;
            }
            let result = match subscript_fast(container, key) {
                Some(v) => Ok(v),
                None => ops::getitem(vm, container, key),
            };
            binary_result(vm, len, result)
        }
        A::BINARY_SUBSCR_DICT => {
            let (container, key) = (vm.stack[len - 2], vm.stack[len - 1]);
            if !matches!(kind(&container), Some(ObjKind::Dict(_))) {
                return Specialized::Miss;
            }
            vm.stack.truncate(len - 2);
            match ops::getitem(vm, container, key) {
                Ok(v) => {
                    vm.stack.push(v);
                    Specialized::Hit
                }
                Err(e) => Specialized::Failed(e.into()),
            }
        }
        A::STORE_SUBSCR_LIST_INT | A::STORE_SUBSCR_DICT => {
            let (value, container, key) = (vm.stack[len - 3], vm.stack[len - 2], vm.stack[len - 1]);
            let guard = match op {
                A::STORE_SUBSCR_LIST_INT => {
                    key.is_small_int() && matches!(kind(&container), Some(ObjKind::List(_)))
                }
                _ => matches!(kind(&container), Some(ObjKind::Dict(_))),
            };
            if !guard {
                return Specialized::Miss;
            }
            vm.stack.truncate(len - 3);
            match ops::setitem(vm, container, key, value) {
                Ok(()) => Specialized::Hit,
                Err(e) => Specialized::Failed(e.into()),
            }
        }
        A::FOR_ITER_RANGE | A::FOR_ITER_LIST | A::FOR_ITER_TUPLE => {
            let iterator = vm.stack[len - 1];
            match crate::fast_paths::next_item(op, iterator, |i| Some(vm.new_int(i))) {
                Some(Some(v)) => vm.stack.push(v),
                Some(None) => {
                    vm.stack.truncate(len - 1);
                    *ip = arg as usize + 2;
                }
                None => return Specialized::Miss,
            }
            Specialized::Hit
        }
        A::UNPACK_SEQUENCE_TWO_TUPLE | A::UNPACK_SEQUENCE_TUPLE | A::UNPACK_SEQUENCE_LIST => {
            // Straight from the sequence onto the stack (last item deepest).
            let seq = vm.stack[len - 1];
            match (kind(&seq), op) {
                (
                    Some(ObjKind::Tuple(items)),
                    A::UNPACK_SEQUENCE_TWO_TUPLE | A::UNPACK_SEQUENCE_TUPLE,
                ) if items.len() == arg as usize => {
                    vm.stack.truncate(len - 1);
                    vm.stack.extend(items.iter().rev());
                }
                (Some(ObjKind::List(items)), A::UNPACK_SEQUENCE_LIST)
                    if items.borrow().len() == arg as usize =>
                {
                    vm.stack.truncate(len - 1);
                    vm.stack.extend(items.borrow().iter().rev());
                }
                _ => return Specialized::Miss,
            }
            Specialized::Hit
        }
        A::CONTAINS_OP_DICT | A::CONTAINS_OP_SET => {
            let (item, container) = (vm.stack[len - 2], vm.stack[len - 1]);
            let guard = match op {
                A::CONTAINS_OP_DICT => matches!(kind(&container), Some(ObjKind::Dict(_))),
                _ => matches!(kind(&container), Some(ObjKind::Set(_))),
            };
            if !guard {
                return Specialized::Miss;
            }
            vm.stack.truncate(len - 2);
            match ops::table_contains(vm, container, item) {
                Ok(found) => {
                    vm.stack.push(Value::bool(found != (arg == 1)));
                    Specialized::Hit
                }
                Err(e) => Specialized::Failed(e.into()),
            }
        }
        _ => Specialized::Miss,
    }
}

fn unsupported_message(op: Opcode) -> String {
    let construct = match op {
        Opcode::RETURN_GENERATOR
        | Opcode::YIELD_VALUE
        | Opcode::SEND
        | Opcode::END_SEND
        | Opcode::GET_YIELD_FROM_ITER
        | Opcode::CLEANUP_THROW => "generators",
        Opcode::CALL_INTRINSIC_2 => "'except*'",
        _ => op.name(),
    };
    format!("{construct} are not supported yet")
}

/// Routes an exception to the innermost handler, unwinding frames. `Ok` means a handler
/// was found (in some frame at or above `entry_depth`); `Err` means it escaped.
///
/// The handler search in the raising frame starts at `raising_ip` (the instruction that
/// raised, even for `RERAISE`, as CPython's `exception_unwind`); `Frame::last_ip` may
/// differ (RERAISE restores the original `lasti`) and is what tracebacks and pushed
/// `lasti` values use.
fn handle_exception(
    vm: &mut Vm,
    unwind: Unwind,
    raising_ip: usize,
    entry_depth: usize,
) -> Result<(), PyErr> {
    let (error, add_traceback) = match unwind {
        Unwind::Raise(e) => (e, true),
        Unwind::Reraise(e, _) => (e, false),
    };
    if add_traceback {
        // Implicit chaining: a new exception raised while handling another.
        chain_to_handled(vm, error.0);
    }
    let mut add_traceback = add_traceback;
    let mut lookup_ip = Some(raising_ip);
    loop {
        let frame_index = vm.frames.len() - 1;
        let frame = vm.frames[frame_index];
        let code_value = frame.code;
        let code = code_data(&code_value);
        if add_traceback {
            let line = code.code.line_of(frame.last_ip);
            if let Some(ObjKind::Exception(e)) = kind(&error.0) {
                e.traceback.borrow_mut().push((code_value, line));
            }
        }
        let ip = lookup_ip.take().unwrap_or(frame.last_ip);
        let handler = code
            .code
            .exception_table
            .iter()
            .find(|entry| (entry.start as usize) <= ip && ip < entry.end as usize)
            .copied();
        if let Some(entry) = handler {
            let depth = frame.base + code.nlocalsplus + entry.depth as usize;
            vm.stack.truncate(depth);
            if entry.push_lasti {
                let lasti = vm.new_int(frame.last_ip as i64);
                vm.stack.push(lasti);
            }
            vm.stack.push(error.0);
            vm.frames[frame_index].ip = entry.target as usize;
            return Ok(());
        }
        vm.frames.pop();
        vm.stack.truncate(frame.caller_sp);
        if frame_index == entry_depth {
            return Err(error);
        }
        if !frame.generator.is_null() {
            // A generator resumed inline raised: it is finished, and the exception
            // continues in its caller as if raised there (where `FOR_ITER`/`SEND`
            // would have re-raised it, chained to the caller's handled exception).
            crate::generators::leave_inline(vm, frame.generator, true);
            chain_to_handled(vm, error.0);
        }
        add_traceback = true;
    }
}

/// Implicit chaining: an exception raised while another is handled gets it as its
/// `__context__` (unless it has one, or that would make a cycle).
fn chain_to_handled(vm: &mut Vm, error: Value) {
    let handled = vm.handled_exception;
    if !handled.is_null() && handled != error {
        if let Some(ObjKind::Exception(e)) = kind(&error) {
            if e.context.get().is_none() && !creates_cycle(error, handled) {
                e.context.set(handled);
            }
        }
    }
}

fn creates_cycle(exc: Value, context: Value) -> bool {
    let mut current = context;
    for _ in 0..100 {
        if current == exc {
            return true;
        }
        match kind(&current) {
            Some(ObjKind::Exception(e)) => current = e.context.get(),
            _ => return false,
        }
    }
    false
}

fn namespace_of(frame: &Frame) -> Value {
    if frame.locals_dict.is_null() {
        frame.globals
    } else {
        frame.locals_dict
    }
}

fn lookup_name(vm: &mut Vm, frame: &Frame, name: Value, raise: bool) -> PyResult<Value> {
    if !frame.locals_dict.is_null() {
        if let Some(v) = ops::dict_get_str(frame.locals_dict, name) {
            return Ok(v);
        }
    }
    if let Some(v) = ops::dict_get_str(frame.globals, name) {
        return Ok(v);
    }
    if let Some(v) = ops::dict_get_str(frame.builtins, name) {
        return Ok(v);
    }
    let _ = raise;
    Err(name_error(vm, name))
}

fn name_error(vm: &mut Vm, name: Value) -> PyErr {
    let text = str_text(&name).unwrap_or("?").to_string();
    vm.new_error(
        vm.exceptions.name_error,
        format!("name '{text}' is not defined"),
    )
}

fn unbound_local(vm: &mut Vm, code: &CodeData, slot: usize) -> PyErr {
    let name = str_text(&code.localsplus_names[slot])
        .unwrap_or("?")
        .to_string();
    vm.new_error(
        vm.exceptions.unbound_local_error,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

fn unbound_deref(vm: &mut Vm, code: &CodeData, slot: usize) -> PyErr {
    let name = str_text(&code.localsplus_names[slot])
        .unwrap_or("?")
        .to_string();
    let is_free = slot >= code.nlocalsplus - code.code.freevars.len();
    if is_free {
        vm.new_error(
            vm.exceptions.name_error,
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
        )
    } else {
        vm.new_error(
            vm.exceptions.unbound_local_error,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }
}

fn unpack_exact(vm: &mut Vm, seq: Value, n: usize) -> PyResult<Vec<Value>> {
    if let Some(ObjKind::Tuple(items)) = kind(&seq) {
        if items.len() == n {
            return Ok(items.to_vec());
        }
    }
    let items = cpjit_runtime::iter::collect(vm, seq).map_err(|e| {
        if vm.isinstance(e.0, vm.exceptions.type_error)
            && !matches!(
                kind(&seq),
                Some(ObjKind::Instance(_) | ObjKind::Iterator(_))
            )
        {
            let name = vm.type_name(seq);
            vm.type_error(format!("cannot unpack non-iterable {name} object"))
        } else {
            e
        }
    })?;
    if items.len() < n {
        return Err(vm.value_error(format!(
            "not enough values to unpack (expected {n}, got {})",
            items.len()
        )));
    }
    if items.len() > n {
        return Err(vm.value_error(format!("too many values to unpack (expected {n})")));
    }
    Ok(items)
}

/// Whether `v` can be iterated (for CALL_FUNCTION_EX's "argument after *" error).
fn is_iterable(vm: &mut Vm, v: Value) -> bool {
    match kind(&v) {
        Some(
            ObjKind::List(_)
            | ObjKind::Tuple(_)
            | ObjKind::Str(_)
            | ObjKind::Dict(_)
            | ObjKind::Set(_)
            | ObjKind::Range(_)
            | ObjKind::DictView(_)
            | ObjKind::Iterator(_)
            | ObjKind::Generator(_),
        ) => true,
        Some(ObjKind::Instance(_)) => {
            cpjit_runtime::dunder::has_special(vm, v, "__iter__")
                || cpjit_runtime::dunder::has_special(vm, v, "__getitem__")
        }
        _ => false,
    }
}

/// How CPython names a callable in call errors: `module.qualname()` or `name()`.
fn callable_display_name(vm: &mut Vm, callable: Value) -> String {
    let dunder_name = vm.names.dunder_name;
    let callable = match kind(&callable) {
        Some(ObjKind::BoundMethod(method)) => method.function,
        _ => callable,
    };
    match kind(&callable) {
        Some(ObjKind::Function(f)) => {
            let q = *f.qualname.borrow();
            let module = ops::dict_get_str(f.globals, dunder_name)
                .and_then(|m| str_text(&m).map(str::to_string));
            match module {
                Some(module) => format!("{module}.{}()", str_text(&q).unwrap_or("?")),
                None => format!("{}()", str_text(&q).unwrap_or("?")),
            }
        }
        Some(ObjKind::Native(n)) => format!("{}()", n.name),
        _ => "function".into(),
    }
}

fn dict_merge(vm: &mut Vm, dict: Value, update: Value, callable: Value) -> PyResult<()> {
    let Some(entries) = cpjit_runtime::methods::mapping_items(vm, update)? else {
        let name = vm.type_name(update);
        let fname = callable_display_name(vm, callable);
        return Err(vm.type_error(format!(
            "{fname} argument after ** must be a mapping, not {name}"
        )));
    };
    for (k, v) in entries {
        if ops::dict_get(vm, dict, k)?.is_some() {
            let key = str_text(&k).unwrap_or("?").to_string();
            let fname = callable_display_name(vm, callable);
            return Err(vm.type_error(format!(
                "{fname} got multiple values for keyword argument '{key}'"
            )));
        }
        ops::dict_set(vm, dict, k, v)?;
    }
    Ok(())
}

fn exception_matches(vm: &mut Vm, exc: Value, class: Value) -> PyResult<bool> {
    let check_one = |vm: &mut Vm, c: Value| -> PyResult<bool> {
        if !matches!(kind(&c), Some(ObjKind::Type(_)))
            || !vm.is_subtype(c, vm.exceptions.base_exception)
        {
            return Err(vm.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        Ok(vm.isinstance(exc, c))
    };
    match kind(&class) {
        Some(ObjKind::Tuple(items)) => {
            let items = items.to_vec();
            let mut matched = false;
            for item in items {
                if check_one(vm, item)? {
                    matched = true;
                }
            }
            Ok(matched)
        }
        _ => check_one(vm, class),
    }
}

/// Normalises a raised value into an exception instance (instantiating classes).
pub fn make_exception(vm: &mut Vm, value: Value) -> PyResult<Value> {
    match kind(&value) {
        Some(ObjKind::Exception(_)) => Ok(value),
        Some(ObjKind::Type(_)) if vm.is_subtype(value, vm.exceptions.base_exception) => {
            cpjit_runtime::call::call(vm, value, &[], &[])
        }
        _ => Err(vm.type_error("exceptions must derive from BaseException")),
    }
}

fn raise_varargs(vm: &mut Vm, arg: u32) -> Result<Unwind, Unwind> {
    match arg {
        0 => {
            let current = vm.handled_exception;
            if current.is_null() {
                return Ok(Unwind::Raise(
                    vm.runtime_error("No active exception to reraise"),
                ));
            }
            Ok(Unwind::Reraise(PyErr(current), None))
        }
        1 => {
            let value = pop(vm);
            let exc = make_exception(vm, value)?;
            Ok(Unwind::Raise(PyErr(exc)))
        }
        _ => {
            let cause = pop(vm);
            let value = pop(vm);
            let exc = make_exception(vm, value)?;
            let cause = if cause.is_none() {
                Value::NONE
            } else {
                match make_exception(vm, cause) {
                    Ok(c) => c,
                    Err(_) => {
                        return Ok(Unwind::Raise(
                            vm.type_error("exception causes must derive from BaseException"),
                        ))
                    }
                }
            };
            if let Some(ObjKind::Exception(e)) = kind(&exc) {
                e.cause.set(cause);
                e.suppress_context.set(true);
            }
            Ok(Unwind::Raise(PyErr(exc)))
        }
    }
}

/// Creates a function object from a code object.
pub fn make_function(vm: &mut Vm, code_value: Value, globals: Value, builtins: Value) -> Value {
    let (name, qualname) = match kind(&code_value) {
        Some(ObjKind::Code(c)) => (c.name_value, c.qualname_value),
        _ => (Value::NONE, Value::NONE),
    };
    vm.alloc(ObjKind::Function(Box::new(FunctionObj {
        code: code_value,
        globals,
        builtins,
        name: std::cell::RefCell::new(name),
        qualname: std::cell::RefCell::new(qualname),
        defaults: std::cell::RefCell::new(Value::NULL),
        kwdefaults: std::cell::RefCell::new(Value::NULL),
        closure: std::cell::RefCell::new(Value::NULL),
        attrs: std::cell::RefCell::new(Value::NULL),
    })))
}

/// Executes `CALL`/`CALL_KW`/`CALL_FUNCTION_EX`. Returns `Ok(true)` when a new frame
/// was pushed (the loop must switch to it), `Ok(false)` when the result is on the stack.
fn call_instruction(vm: &mut Vm, opcode: Opcode, arg: u32) -> PyResult<bool> {
    let (callable_index, args, kwnames): (usize, Vec<Value>, Vec<Value>) = match opcode {
        Opcode::CALL => {
            let n = arg as usize;
            let callable_index = vm.stack.len() - n - 2;
            let self_or_null = vm.stack[callable_index + 1];
            // Fast paths: positional calls of a simple Python function, exact or with
            // defaults; an instance whose class's `__call__` is one gets called like a
            // bound method of it.
            if push_simple_frame(vm, callable_index, n)? {
                return Ok(true);
            }
            if self_or_null.is_null() {
                let instance = vm.stack[callable_index];
                if let Some(method) = python_call_method(vm, instance) {
                    vm.stack[callable_index] = method;
                    vm.stack[callable_index + 1] = instance;
                    if push_simple_frame(vm, callable_index, n)? {
                        return Ok(true);
                    }
                    vm.stack[callable_index] = instance;
                    vm.stack[callable_index + 1] = Value::NULL;
                }
            }
            let mut args = Vec::with_capacity(n + 1);
            if !self_or_null.is_null() {
                args.push(self_or_null);
            }
            args.extend_from_slice(&vm.stack[callable_index + 2..]);
            (callable_index, args, Vec::new())
        }
        Opcode::CALL_KW => {
            let kwnames_tuple = pop(vm);
            let n = arg as usize;
            let callable_index = vm.stack.len() - n - 2;
            if push_keyword_frame(vm, callable_index, n, kwnames_tuple)? {
                return Ok(true);
            }
            let self_or_null = vm.stack[callable_index + 1];
            let mut args = Vec::with_capacity(n + 1);
            if !self_or_null.is_null() {
                args.push(self_or_null);
            }
            args.extend_from_slice(&vm.stack[callable_index + 2..]);
            let kwnames = match kind(&kwnames_tuple) {
                Some(ObjKind::Tuple(items)) => items.to_vec(),
                _ => Vec::new(),
            };
            (callable_index, args, kwnames)
        }
        _ => {
            // The argument tuple and keyword dict stay on the stack (rooted) until the
            // call is made; truncating to `callable_index` removes them.
            let top = vm.stack.len();
            let (callargs, kwargs, callable_index) = if arg & 1 != 0 {
                (vm.stack[top - 2], vm.stack[top - 1], top - 4)
            } else {
                (vm.stack[top - 1], Value::NULL, top - 3)
            };
            let mut args = match kind(&callargs) {
                Some(ObjKind::Tuple(items)) => items.to_vec(),
                _ => match cpjit_runtime::iter::collect(vm, callargs) {
                    Ok(items) => items,
                    Err(_) if !is_iterable(vm, callargs) => {
                        let callable = vm.stack[callable_index];
                        let fname = callable_display_name(vm, callable);
                        let name = vm.type_name(callargs);
                        return Err(vm.type_error(format!(
                            "{fname} argument after * must be an iterable, not {name}"
                        )));
                    }
                    Err(e) => return Err(e),
                },
            };
            let mut kwnames = Vec::new();
            if let Some(ObjKind::Dict(table)) = kind(&kwargs) {
                let entries: Vec<(Value, Value)> =
                    table.borrow().iter().map(|e| (e.key, e.value)).collect();
                for (k, v) in entries {
                    if str_text(&k).is_none() {
                        return Err(vm.type_error("keywords must be strings"));
                    }
                    kwnames.push(k);
                    args.push(v);
                }
            }
            let self_or_null = vm.stack[callable_index + 1];
            if !self_or_null.is_null() {
                args.insert(0, self_or_null);
            }
            (callable_index, args, kwnames)
        }
    };
    let callable = vm.stack[callable_index];
    // Python functions (and bound methods of them) get a frame in this loop.
    let (function, args) = match kind(&callable) {
        Some(ObjKind::Function(_)) => (callable, args),
        Some(ObjKind::BoundMethod(m))
            if matches!(kind(&m.function), Some(ObjKind::Function(_))) =>
        {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(m.receiver);
            full.extend(args);
            (m.function, full)
        }
        _ => {
            // The arguments stay on the stack (rooted) while the callee runs: a native
            // may run Python code that collects (`max(generator, key=…)`).
            let result = call_object(vm, callable, &args, &kwnames);
            vm.stack.truncate(callable_index);
            vm.stack.push(result?);
            return Ok(false);
        }
    };
    let Some(ObjKind::Function(f)) = kind(&function) else {
        unreachable!("checked above");
    };
    let code_value = f.code;
    let code = code_data(&code_value);
    let locals = bind_arguments(vm, f, code, &args, &kwnames)?;
    vm.stack.truncate(callable_index);
    push_frame(vm, function, &locals, callable_index)?;
    Ok(true)
}

/// Arguments a specialized builtin call passes from a copy on the Rust stack at most
/// (more are copied into a vector).
const FEW_ARGUMENTS: usize = 8;

/// Keyword arguments a call binds in place at most (more go through `bind_arguments`).
const MAX_KEYWORDS_IN_PLACE: usize = 16;

/// `CALL_KW` of a Python function with simple parameters (no `*args`, `**kwargs` or
/// keyword-only ones) where every keyword names a parameter not given positionally and
/// not named twice, and defaults cover the parameters left out: the frame is built in
/// place from the stack (`n` arguments above `self` or NULL, the last ones the values
/// of the keywords in `kwnames`), with no vectors. Returns `Ok(false)`, having changed
/// nothing, for any other call (the general binding raises what it must).
fn push_keyword_frame(
    vm: &mut Vm,
    callable_index: usize,
    n: usize,
    kwnames: Value,
) -> PyResult<bool> {
    let callable = vm.stack[callable_index];
    let (Some(ObjKind::Function(f)), Some(ObjKind::Tuple(names))) =
        (kind(&callable), kind(&kwnames))
    else {
        return Ok(false);
    };
    let code = code_data(&f.code);
    let keywords = names.len();
    let with_self = usize::from(!vm.stack[callable_index + 1].is_null());
    let Some(positional) = n.checked_sub(keywords).map(|given| given + with_self) else {
        return Ok(false);
    };
    let parameters = code.exact_arity as usize;
    if code.exact_arity == u32::MAX || positional > parameters || keywords > MAX_KEYWORDS_IN_PLACE {
        return Ok(false);
    }
    // The parameter each keyword binds (positional-only ones cannot be named).
    let mut parameter_of = [0usize; MAX_KEYWORDS_IN_PLACE];
    let first_named = code.code.posonly_arg_count as usize;
    for (k, name) in names.iter().enumerate() {
        // (Both are interned as a rule: the text is compared only when that fails.)
        let named = |i: &usize| code.localsplus_names[*i] == *name;
        let spelled = |i: &usize| {
            str_text(name).is_some() && str_text(&code.localsplus_names[*i]) == str_text(name)
        };
        let Some(parameter) = (first_named..parameters)
            .find(named)
            .or_else(|| (first_named..parameters).find(spelled))
        else {
            return Ok(false);
        };
        if parameter < positional || parameter_of[..k].contains(&parameter) {
            return Ok(false);
        }
        parameter_of[k] = parameter;
    }
    let defaults_value = *f.defaults.borrow();
    let defaults: &[Value] = match kind(&defaults_value) {
        Some(ObjKind::Tuple(defaults)) => defaults,
        _ => &[],
    };
    let first_default = parameters.saturating_sub(defaults.len());
    let covered = |i: usize| i >= first_default || parameter_of[..keywords].contains(&i);
    if !(positional..parameters).all(covered) {
        return Ok(false);
    }
    vm.check_frame_depth()?;
    let top = vm.stack.len();
    let mut values = [Value::NULL; MAX_KEYWORDS_IN_PLACE];
    values[..keywords].copy_from_slice(&vm.stack[top - keywords..]);
    vm.stack.truncate(top - keywords);
    let sp = vm.stack.len();
    let end = inner_loop::enter_exact(&mut vm.stack, sp, &mut vm.frames, callable_index, f, code);
    let base = end - code.nlocalsplus;
    for (parameter, value) in parameter_of.iter().zip(&values[..keywords]) {
        vm.stack[base + parameter] = *value;
    }
    for i in positional..parameters {
        if vm.stack[base + i].is_null() {
            vm.stack[base + i] = defaults[i - first_default];
        }
    }
    Ok(true)
}

/// How a call's positional arguments bind a Python function's parameters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Positional {
    /// One to one (`CALL_PY_EXACT_ARGS`).
    Exact,
    /// To the first parameters, the function's defaults filling the rest
    /// (`CALL_PY_WITH_DEFAULTS`).
    WithDefaults,
}

/// [`push_positional_frame`] for a positional call that binds exactly or with
/// defaults, whichever applies.
fn push_simple_frame(vm: &mut Vm, callable_index: usize, n: usize) -> PyResult<bool> {
    Ok(
        push_positional_frame(vm, callable_index, n, Positional::Exact)?
            || push_positional_frame(vm, callable_index, n, Positional::WithDefaults)?,
    )
}

/// Pushes a frame for a call of a Python function whose parameters the positional
/// arguments on the stack (CPython's layout: callable, self-or-NULL, args) bind as
/// `binding` says, binding them in place. Returns `Ok(false)` if the callee is not
/// such a function.
#[inline(always)]
fn push_positional_frame(
    vm: &mut Vm,
    callable_index: usize,
    n: usize,
    binding: Positional,
) -> PyResult<bool> {
    let callable = vm.stack[callable_index];
    let Some(ObjKind::Function(f)) = kind(&callable) else {
        return Ok(false);
    };
    let code = code_data(&f.code);
    let nargs = n + usize::from(!vm.stack[callable_index + 1].is_null());
    let binds = match binding {
        Positional::Exact => inner_loop::binds_exactly(code, nargs),
        Positional::WithDefaults => inner_loop::binds_with_defaults(f, code, nargs),
    };
    if !binds {
        return Ok(false);
    }
    vm.check_frame_depth()?;
    let sp = vm.stack.len();
    let (stack, frames) = (&mut vm.stack, &mut vm.frames);
    let end = match binding {
        Positional::Exact => inner_loop::enter_exact(stack, sp, frames, callable_index, f, code),
        Positional::WithDefaults => {
            inner_loop::enter_with_defaults(stack, sp, frames, callable_index, f, code)
        }
    };
    debug_assert_eq!(vm.stack.len(), end, "an exact vector stays exact");
    Ok(true)
}

/// How far a frame pushed by [`push_init_frame`] starts above the stack height its
/// caller returns to: `[instance, __init__, NULL]` sit in between, the instance being
/// the call's result. No other frame has this gap (exact calls have 1 or 2, frames
/// with bound arguments 0), so `RETURN_*` recognizes an `__init__` frame by it.
pub(crate) const INIT_FRAME_GAP: usize = 3;

/// How far a frame pushed for an operator's special method (`inner_loop`'s
/// `BINARY_OP` on two instances of a Python class) starts above the stack height its
/// caller returns to: the operands and two NULLs sit in between. Its return checks for
/// `NotImplemented` ([`binary_method_not_implemented`]).
pub(crate) const BINARY_METHOD_FRAME_GAP: usize = 4;

/// An operator's special method run as a frame (see [`BINARY_METHOD_FRAME_GAP`])
/// returned `NotImplemented`: the TypeError the operator raises, for the operands `a`
/// and `b` of the `BINARY_OP` at `at` in the caller's `code`.
#[inline(never)]
pub(crate) fn binary_method_not_implemented(
    vm: &mut Vm,
    code: &CodeData,
    at: usize,
    a: Value,
    b: Value,
) -> PyErr {
    let arg = code.instructions[at].get().arg;
    let operator = BinaryOpArg::from_arg(arg).unwrap_or(BinaryOpArg::Add);
    ops::binary_type_error(vm, a, b, operator)
}

/// `CALL_ALLOC_AND_ENTER_INIT`: allocates an instance of the class at `callable_index`
/// (`object.__new__`'s work) and pushes a frame running `init` with the instance and
/// the `n` arguments above it. Returns `Ok(false)` (nothing changed) when `init` no
/// longer binds them exactly.
fn push_init_frame(vm: &mut Vm, callable_index: usize, n: usize, init: Value) -> PyResult<bool> {
    let binds = match kind(&init) {
        Some(ObjKind::Function(f)) => crate::specialize::binds_exactly_and_returns(&f.code, n + 1),
        _ => false,
    };
    if !binds {
        return Ok(false);
    }
    vm.check_frame_depth()?;
    let sp = vm.stack.len();
    let height = inner_loop::enter_init(
        &mut vm.stack,
        sp,
        &mut vm.frames,
        &mut vm.heap,
        callable_index,
        n,
        init,
    );
    // (An exact vector again: the room for the frame's stack is not kept here.)
    if let Some(height) = height {
        vm.stack.truncate(height);
    }
    Ok(height.is_some())
}

/// After an `__init__` entered by [`push_init_frame`] returned: its class's next
/// instance starts with room for as many attributes as this one has.
pub(crate) fn remember_instance_size(instance: Value) {
    if let Some(ObjKind::Instance(i)) = kind(&instance) {
        if let (Some(ObjKind::Type(t)), Some(ObjKind::Dict(table))) =
            (kind(&i.class), kind(&i.dict))
        {
            let len = table.borrow().len().min(64) as u32;
            t.instance_attributes_hint.set(len);
        }
    }
}

/// Calls a non-function callable from the interpreter (natives, types, instances).
fn call_object(vm: &mut Vm, callable: Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    match kind(&callable) {
        Some(ObjKind::Native(_) | ObjKind::Type(_) | ObjKind::BoundMethod(_)) => {
            cpjit_runtime::call::call(vm, callable, args, kwnames)
        }
        _ => call_hook(vm, callable, args, kwnames),
    }
}

/// The `__call__` of an instance's class when it is a Python function (what calling
/// the instance runs, with the instance as `self`).
fn python_call_method(vm: &mut Vm, instance: Value) -> Option<Value> {
    if !matches!(kind(&instance), Some(ObjKind::Instance(_))) {
        return None;
    }
    let class = vm.type_of(instance);
    let name = vm.intern_static("__call__");
    attr::type_lookup(class, name)
        .filter(|method| matches!(kind(method), Some(ObjKind::Function(_))))
}

/// The VM's call hook: calls any callable, running Python functions in a nested loop.
pub fn call_hook(
    vm: &mut Vm,
    callable: Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    match kind(&callable) {
        Some(ObjKind::Function(f)) => {
            let code_value = f.code;
            let code = code_data(&code_value);
            let caller_sp = vm.stack.len();
            if kwnames.is_empty() && inner_loop::binds_exactly(code, args.len()) {
                // The arguments are the first locals as they are: straight onto the
                // stack, without binding them into a vector first.
                push_frame(vm, callable, args, caller_sp)?;
                vm.stack.resize(caller_sp + code.nlocalsplus, Value::NULL);
            } else {
                let locals = bind_arguments(vm, f, code, args, kwnames)?;
                push_frame(vm, callable, &locals, caller_sp)?;
            }
            let depth = vm.frames.len() - 1;
            run(vm, depth)
        }
        Some(ObjKind::Native(_) | ObjKind::Type(_) | ObjKind::BoundMethod(_)) => {
            cpjit_runtime::call::call(vm, callable, args, kwnames)
        }
        Some(ObjKind::Instance(_)) => {
            let ty = vm.type_of(callable);
            let name = vm.intern_static("__call__");
            match attr::type_lookup(ty, name) {
                // A `staticmethod`, `classmethod` or `property` goes through its
                // `__get__` (CPython's `slot_tp_call`); anything else gets the
                // instance as its first argument.
                Some(method) if matches!(kind(&method), Some(ObjKind::Descriptor(_))) => {
                    let bound = attr::resolve_descriptor(vm, method, callable, ty, name)?;
                    cpjit_runtime::call::call(vm, bound, args, kwnames)
                }
                Some(method) => {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(callable);
                    full.extend_from_slice(args);
                    cpjit_runtime::call::call(vm, method, &full, kwnames)
                }
                None => {
                    let type_name = vm.type_name(callable);
                    Err(vm.type_error(format!("'{type_name}' object is not callable")))
                }
            }
        }
        _ => {
            let type_name = vm.type_name(callable);
            Err(vm.type_error(format!("'{type_name}' object is not callable")))
        }
    }
}
