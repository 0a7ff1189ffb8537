//! The inner loop of tier 1: runs the simplest instructions, and calls between Python
//! functions, with the value stack, the frame stack and the code objects in registers.
//!
//! Owns the instructions (and specialized forms on their fast path) that can neither
//! raise nor run Python code: local, cell and constant loads
//! and stores, stack shuffles, jumps and back edges, branches on bools, small-int and
//! float arithmetic and comparisons, list/tuple indexing, range/list/tuple iteration,
//! `in` on dicts and sets with simple keys, globals, instance, module and builtin-type
//! attributes whose caches (or the specializer's memo) hold, `len` of builtin
//! containers, `list.append`, iterators over builtin iterables, tuples and lists, and
//! calls of Python functions whose arguments bind exactly (class calls that allocate
//! the instance and enter `__init__` too), with their returns. It allocates on the GC
//! heap but never collects: it re-checks the allocation debt after each allocation
//! and leaves the next safepoint to `eval::run` once a collection is due, so no value
//! it holds can be freed under it.
//!
//! Some instructions it does not implement but runs anyway, by calling `eval`'s own
//! code for them with the whole VM (`call_out!`): calls of native functions and
//! methods, operators on other types than small ints and floats (special methods
//! included), slices, formatting, building sets and dicts, and the generic forms of
//! specializable instructions while their counter counts down (`runs_specialized_out`,
//! `runs_generic_out`, `runs_adaptive_out`; `eval::run_out_of_line`). Those may raise
//! or run Python code (and collect, in the Python code they run): the stack is exact
//! and the frame's position stored before the call, and an exception comes back in
//! [`Stop::error`] for `eval::run` to unwind. One source of truth for what they do, and
//! no return to `eval::run` and new entry here for each of them. An operator on two
//! instances of a Python class whose special method is all it does gets that method's
//! frame pushed there (`eval::BINARY_METHOD_FRAME_GAP`), and runs it here like a call.
//!
//! [`run`] executes instructions until it meets one it cannot finish and stops there
//! *without having changed anything for it*; `eval::run` then dispatches it as usual
//! (a guard that failed here fails there too and takes the generic path, with its
//! counters and its error messages).
//!
//! Why a separate loop: in `eval::run` every instruction shares one function with all
//! the others, so the stack, the instruction pointer and the code object live in
//! memory between instructions. Here they stay in registers: over the bench programs
//! the interpreter executes about 1.2× fewer machine instructions than with
//! `eval::run` alone (`cargo xtask instructions --base OLD_BINARY` measures it).
//!
//! Must never raise by itself, collect, or leave a frame half made: whatever needs one
//! of those is left to `eval::run`, or done by `eval`'s code through `call_out!`.
//! Back edges and `RESUME` are safepoints and hot-loop counters: when a collection is
//! due or a counter fires, they are left to `eval::run` too. Counters for `--stats`
//! are not kept here, so `eval::run` does not use this loop when stats are enabled.

use cpjit_bytecode::{AdaptiveOpcode, BinaryOpArg, ALL_ADAPTIVE_OPCODES};
use cpjit_runtime::gc::Heap;
use cpjit_runtime::iter::builtin_iter_state;
use cpjit_runtime::layout::ListObj;
use cpjit_runtime::layout::ReprCell;
use cpjit_runtime::object::{counter, CodeData, FunctionObj, ObjKind, RangeObj};
use cpjit_runtime::ops;
use cpjit_runtime::vm::kind;
use cpjit_runtime::vm::{AttributeMemoSlot, BuiltinTypes, ATTRIBUTE_MEMO_SLOTS};
use cpjit_runtime::{Frame, Value, Vm};

use crate::eval::{
    code_data, record_branch, remember_instance_size, run_out_of_line, subscript_fast, OutOfLine,
    OutOfLineOutcome, Unwind, BINARY_METHOD_FRAME_GAP, INIT_FRAME_GAP,
};
use crate::fast_paths;
use crate::generators;

/// What the inner loop reads from the VM besides its stack, frames and heap: nothing
/// here changes while it runs its own instructions (it re-checks `collection_due`
/// itself after allocating); all of it is read again after a call out.
#[derive(Clone, Copy)]
pub(crate) struct Limits<'a> {
    /// The class epoch: attribute caches are valid only at the epoch they were filled in.
    pub class_epoch: u64,
    /// Whether a collection is due (`Vm::collection_due`): safepoints (`RESUME`, back
    /// edges) are then left to `eval::run`. Re-checked after every allocation here.
    pub collection_due: bool,
    /// Whether collection is held off (`Vm::gc_inhibit`), for that re-check.
    pub gc_inhibited: bool,
    /// Frames may not outnumber this (a call beyond it is left to `eval::run`, which
    /// raises `RecursionError`).
    pub recursion_limit: usize,
    /// The index of the frame `eval::run` was entered for: its return is left to
    /// `eval::run`, which returns to its caller.
    pub entry_depth: usize,
    /// The specializer's memo of what class MROs say about attribute names (read
    /// only: a site that misses it is left to `eval::run`).
    pub attribute_memo: &'a [AttributeMemoSlot; ATTRIBUTE_MEMO_SLOTS],
    /// The builtin types, for `type(x)` guards.
    pub types: &'a BuiltinTypes,
}

/// Where the inner loop stopped: the instruction it left undone, in the top frame, or
/// the one that raised.
pub(crate) struct Stop {
    pub ip: usize,
    /// Whether the top frame is another than when it was entered (it made or returned
    /// from a call); `eval::run` then reloads the frame.
    pub frame_changed: bool,
    /// The exception the instruction at `ip` raised (an instruction run through
    /// `eval`'s own code, see `call_out!`); `eval::run` unwinds from there.
    pub error: Option<Unwind>,
    /// The entry frame (the one `eval::run` was called for) left with this value: it
    /// returned, or, a generator's frame, yielded (`Left::yielded`). Its frame is
    /// popped and the stack cut back to where it started; `eval::run` returns the
    /// value to its native caller.
    pub left: Option<Left>,
}

/// How the entry frame left the inner loop (see [`Stop::left`]).
#[derive(Clone, Copy)]
pub(crate) struct Left {
    pub value: Value,
    /// It yielded (its generator suspended) rather than returned.
    pub yielded: bool,
}

/// Whether [`run`] may execute `op` (it still returns at once when a guard fails).
/// `eval::run` checks this before calling, so a stretch of other instructions does
/// not pay for a call per instruction.
#[inline(always)]
pub(crate) fn handles(op: AdaptiveOpcode) -> bool {
    HANDLED[op as usize]
}

const HANDLED: [bool; ALL_ADAPTIVE_OPCODES.len()] = {
    let mut table = [false; ALL_ADAPTIVE_OPCODES.len()];
    let mut i = 0;
    while i < ALL_ADAPTIVE_OPCODES.len() {
        table[i] = is_handled(ALL_ADAPTIVE_OPCODES[i]);
        i += 1;
    }
    table
};

/// The instructions [`run`] has an arm for (the table [`handles`] reads).
const fn is_handled(op: AdaptiveOpcode) -> bool {
    use AdaptiveOpcode as A;
    matches!(
        op,
        A::NOP
            | A::RESUME
            | A::POP_TOP
            | A::END_FOR
            | A::PUSH_NULL
            | A::COPY
            | A::SWAP
            | A::LOAD_CONST
            | A::LOAD_FAST
            | A::LOAD_FAST_CHECK
            | A::LOAD_FAST_AND_CLEAR
            | A::LOAD_FAST_LOAD_FAST
            | A::COPY_FREE_VARS
            | A::LOAD_DEREF
            | A::STORE_DEREF
            | A::STORE_FAST
            | A::STORE_FAST_LOAD_FAST
            | A::STORE_FAST_STORE_FAST
            | A::JUMP_FORWARD
            | A::JUMP_BACKWARD
            | A::JUMP_BACKWARD_NO_INTERRUPT
            | A::POP_JUMP_IF_FALSE
            | A::POP_JUMP_IF_TRUE
            | A::POP_JUMP_IF_NONE
            | A::POP_JUMP_IF_NOT_NONE
            | A::BINARY_OP
            | A::BINARY_OP_ADD_INT
            | A::BINARY_OP_SUBTRACT_INT
            | A::BINARY_OP_MULTIPLY_INT
            | A::BINARY_OP_ADD_FLOAT
            | A::BINARY_OP_SUBTRACT_FLOAT
            | A::BINARY_OP_MULTIPLY_FLOAT
            | A::COMPARE_OP_INT
            | A::COMPARE_OP_FLOAT
            | A::TO_BOOL_BOOL
            | A::TO_BOOL_INT
            | A::TO_BOOL_NONE
            | A::TO_BOOL_LIST
            | A::TO_BOOL_STR
            | A::LOAD_GLOBAL_MODULE
            | A::LOAD_GLOBAL_BUILTIN
            | A::LOAD_ATTR_INSTANCE_VALUE
            | A::LOAD_ATTR_METHOD_WITH_VALUES
            | A::STORE_ATTR_INSTANCE_VALUE
            | A::BINARY_SUBSCR_LIST_INT
            | A::BINARY_SUBSCR_TUPLE_INT
            | A::STORE_SUBSCR_LIST_INT
            | A::FOR_ITER_RANGE
            | A::FOR_ITER_LIST
            | A::FOR_ITER_TUPLE
            | A::UNPACK_SEQUENCE_TWO_TUPLE
            | A::CALL_LIST_APPEND
            | A::CALL_PY_EXACT_ARGS
            | A::CALL_BOUND_METHOD_EXACT_ARGS
            | A::RETURN_VALUE
            | A::RETURN_CONST
            | A::UNARY_NOT
            | A::UNARY_NEGATIVE
            | A::IS_OP
            | A::LIST_APPEND
            | A::CALL_LEN
            | A::LOAD_ATTR_MODULE
            | A::LOAD_ATTR_METHOD_NO_DICT
            | A::CONTAINS_OP_DICT
            | A::CONTAINS_OP_SET
            | A::COMPARE_OP_STR
            | A::GET_ITER
            | A::BUILD_TUPLE
            | A::BUILD_LIST
            | A::CALL_ALLOC_AND_ENTER_INIT
            | A::FOR_ITER_GEN
            | A::SEND_GEN
            | A::YIELD_VALUE
            | A::RETURN_GENERATOR
            | A::GET_YIELD_FROM_ITER
            | A::END_SEND
            | A::CALL_BUILTIN_CLASS
    ) || runs_specialized_out(op)
        || runs_generic_out(op)
        || runs_adaptive_out(op)
}

/// Generic forms of specializable instructions that stay in their frame, which the
/// inner loop runs through `eval`'s own code for them while their adaptive counter
/// counts down (when it fires, `eval::run` tries to specialize the site).
const fn runs_adaptive_out(op: AdaptiveOpcode) -> bool {
    use AdaptiveOpcode as A;
    matches!(
        op,
        A::BINARY_SUBSCR
            | A::STORE_SUBSCR
            | A::COMPARE_OP
            | A::CONTAINS_OP
            | A::TO_BOOL
            | A::UNPACK_SEQUENCE
            | A::FOR_ITER
            | A::LOAD_ATTR
            | A::STORE_ATTR
            | A::LOAD_GLOBAL
    )
}

/// Specialized instructions the inner loop runs through `eval`'s own code for them
/// (`run_specialized_in_top_frame`, by `call_out!`): calls of native functions and
/// the forms whose work may raise or run Python code.
const fn runs_specialized_out(op: AdaptiveOpcode) -> bool {
    use AdaptiveOpcode as A;
    matches!(
        op,
        A::BINARY_OP_ADD_UNICODE
            | A::CALL_ISINSTANCE
            | A::CALL_BUILTIN_FAST
            | A::CALL_METHOD_DESCRIPTOR_FAST
            | A::BINARY_SUBSCR_STR_INT
            | A::BINARY_SUBSCR_DICT
            | A::STORE_SUBSCR_DICT
            | A::UNPACK_SEQUENCE_TUPLE
            | A::UNPACK_SEQUENCE_LIST
            | A::CALL_PY_WITH_DEFAULTS
    )
}

/// Generic instructions without specialized forms (no adaptive counter to keep) that
/// stay in their frame, which the inner loop runs through `eval`'s own code for them
/// (`execute_in_top_frame`, by `call_out!`).
const fn runs_generic_out(op: AdaptiveOpcode) -> bool {
    use AdaptiveOpcode as A;
    matches!(
        op,
        A::BINARY_SLICE
            | A::STORE_SLICE
            | A::BUILD_SLICE
            | A::FORMAT_SIMPLE
            | A::FORMAT_WITH_SPEC
            | A::CONVERT_VALUE
            | A::BUILD_STRING
            | A::UNARY_INVERT
            | A::DELETE_SUBSCR
            | A::BUILD_SET
            | A::BUILD_MAP
            | A::BUILD_CONST_KEY_MAP
            | A::LIST_EXTEND
            | A::SET_ADD
            | A::MAP_ADD
            | A::SET_UPDATE
            | A::DICT_UPDATE
            | A::GET_LEN
            | A::MAKE_FUNCTION
            | A::SET_FUNCTION_ATTRIBUTE
            | A::UNPACK_EX
            | A::CALL_KW
    )
}

/// Runs instructions from `ip` in the top frame while they are ones this loop handles
/// and their guards hold, following calls to and returns from Python functions with
/// exactly bound arguments; stops at the first instruction it did not run (`eval::run`
/// executes that one). Never raises: anything that could is left undone.
#[inline(never)]
pub(crate) fn run(vm: &mut Vm, entry_depth: usize, mut ip: usize) -> Stop {
    use AdaptiveOpcode as A;
    // What the loop reads from the rest of the VM; read again after a call out, which
    // may have run Python code (a class changed, garbage collected, a limit set).
    macro_rules! limits_of {
        ($vm:ident) => {
            Limits {
                class_epoch: $vm.class_epoch,
                collection_due: $vm.collection_due(),
                gc_inhibited: $vm.gc_inhibit != 0,
                recursion_limit: $vm.recursion_limit,
                entry_depth,
                attribute_memo: &$vm.attribute_memo,
                types: &$vm.types,
            }
        };
    }
    let mut limits = limits_of!(vm);
    // The parts of the VM the instructions work on, borrowed one by one so that they
    // stay in registers; a call out (`call_out!`) ends these borrows, hands the whole
    // VM over and takes them again afterwards.
    let mut stack: &mut Vec<Value> = &mut vm.stack;
    let mut frames: &mut Vec<Frame> = &mut vm.frames;
    let mut heap: &mut Heap = &mut vm.heap;
    let mut handled_exception: &mut Value = &mut vm.handled_exception;
    let mut frame_changed = false;
    let mut collection_due = limits.collection_due;
    // After every allocation here, so the safepoints see the debt it added.
    macro_rules! allocated {
        () => {
            collection_due = heap.wants_collection() && !limits.gc_inhibited
        };
    }
    // The stack's height lives in `sp`, a local the compiler keeps in a register, and
    // its cells are reached through `slots`, a slice of the vector: no instruction
    // stores a length back to memory and reloads it in the next one (that chain cost
    // more than the work of simple instructions). While this loop runs the vector's
    // length is a high-water mark (cells from `sp` up hold stale values nothing
    // reads); truncating it to `sp` on the way out makes it exact again. Each frame
    // starts with room for its deepest stack, and `push!` grows the vector if a push
    // still reaches its end. `with_exact_stack!` hands helpers that push and pop an
    // exact vector; `slots` is stale after it, so a frame switch must follow (the
    // borrow checker sees to that).
    let mut sp = stack.len();
    let mut slots: &mut [Value];
    macro_rules! push {
        ($value:expr) => {{
            let value = $value;
            if sp >= slots.len() {
                grow(stack);
                slots = stack.as_mut_slice();
            }
            slots[sp] = value;
            sp += 1;
        }};
    }
    macro_rules! replace_two {
        ($result:expr) => {{
            slots[sp - 2] = $result;
            sp -= 1;
        }};
    }
    macro_rules! with_exact_stack {
        ($call:expr) => {{
            stack.truncate(sp);
            let result = $call;
            sp = stack.len();
            result
        }};
    }
    // Runs `$body` with the whole VM (`$vm`) for the instruction at `ip`: what the
    // inner loop does not do itself but `eval` does without leaving the frame (a
    // native function's call, an operator that may run a special method, building a
    // slice). The stack is made exact and the frame's position stored first, as the
    // callee may run Python code, collect garbage or build a traceback; the borrows
    // of the VM's parts end here and are taken again afterwards, and what the loop
    // caches from the VM is read again. Instead of a return to `eval::run` and a new
    // entry here, one call; arms that need it `break 'dispatch` with the kind of code
    // to run (`OutOfLine`), so the loop holds one copy of it.
    macro_rules! call_out {
        ($vm:ident => $body:expr) => {{
            stack.truncate(sp);
            let caller = frames.last_mut().expect("a frame runs");
            caller.ip = ip + 1;
            caller.last_ip = ip;
            let result = {
                let $vm = &mut *vm;
                $body
            };
            // (Some paths leave the frame right after, without reading all of these.)
            #[allow(unused_assignments)]
            {
                limits = limits_of!(vm);
                collection_due = limits.collection_due;
                stack = &mut vm.stack;
                frames = &mut vm.frames;
                heap = &mut vm.heap;
                handled_exception = &mut vm.handled_exception;
                sp = stack.len();
                slots = stack.as_mut_slice();
            }
            result
        }};
    }
    // Set when an instruction run by `call_out!` raised (it stops the loop there).
    let mut error: Option<Unwind> = None;
    // Set when the entry frame returns or yields (it stops the loop there).
    let mut left: Option<Left> = None;
    let stopped_at = 'frames: loop {
        // (Only what every instruction needs is loaded here: entering this loop must
        // stay cheap, as it happens after every instruction `eval::run` executes.)
        let (code_value, base) = match frames.last() {
            Some(frame) => (frame.code, frame.base),
            None => break ip,
        };
        let code = code_data(&code_value);
        // Room for the frame's deepest stack, so its pushes seldom grow the vector.
        let extent = base + code.frame_extent;
        if stack.len() < extent {
            stack.resize(extent, Value::NULL);
        }
        slots = stack.as_mut_slice();
        // A local slice: its pointer and length stay in registers across the frame.
        let instructions: &[std::cell::Cell<cpjit_runtime::object::AdaptiveInstruction>] =
            &code.instructions;
        'instructions: loop {
            let instruction = instructions[ip].get();
            let arg = instruction.arg;
            let len = sp;
            // Arm bodies shared by several forms of one family. Each form gets its own
            // arm that passes its opcode as a constant, so the body is compiled once per
            // form with the family's inner `match` on the opcode folded away (one arm for
            // the family dispatched twice: once here, once inside the body).
            macro_rules! arithmetic {
                ($op:expr) => {
                    match fast_paths::arithmetic($op, slots[len - 2], slots[len - 1]) {
                        Some(result) => replace_two!(result),
                        None => break 'frames ip,
                    }
                };
            }
            macro_rules! truth {
                ($op:expr) => {
                    match fast_paths::truth($op, slots[len - 1]) {
                        Some(truth) => slots[len - 1] = Value::bool(truth),
                        None => break 'frames ip,
                    }
                };
            }
            macro_rules! comparison {
                ($op:expr) => {
                    match fast_paths::comparison($op, slots[len - 2], slots[len - 1], arg) {
                        Some(result) => replace_two!(Value::bool(result)),
                        None => break 'frames ip,
                    }
                };
            }
            macro_rules! jump_if_bool {
                ($jump_if:expr) => {{
                    let v = slots[len - 1];
                    if !v.is_bool() {
                        break 'frames ip;
                    }
                    sp = len - 1;
                    let taken = (v == Value::TRUE) == $jump_if;
                    record_branch(code, ip, taken);
                    if taken {
                        ip = arg as usize;
                        continue 'instructions;
                    }
                }};
            }
            macro_rules! cached_global {
                ($op:expr) => {{
                    let name = code.names[(arg >> 1) as usize];
                    let frame = frames.last().expect("a frame runs");
                    let cache = code.caches[ip].get();
                    match fast_paths::cached_global($op, name, cache, frame.globals, frame.builtins)
                    {
                        Some(value) => {
                            push!(value);
                            if arg & 1 != 0 {
                                push!(Value::NULL);
                            }
                        }
                        None => break 'frames ip,
                    }
                }};
            }
            macro_rules! next_item {
                ($op:expr) => {
                    // (A range's number past the small-int range needs a heap int: left undone.)
                    match fast_paths::next_item($op, slots[len - 1], Value::small_int) {
                        Some(Some(item)) => push!(item),
                        Some(None) => {
                            // Exhausted: pop the iterator and skip the loop's END_FOR.
                            sp = len - 1;
                            ip = arg as usize + 2;
                            continue 'instructions;
                        }
                        None => break 'frames ip,
                    }
                };
            }
            macro_rules! enter_exact_call {
                ($bound:expr) => {{
                    let n = arg as usize;
                    let callable_index = len - n - 2;
                    let (function, self_or_null) = match $bound {
                        false => (slots[callable_index], slots[callable_index + 1]),
                        true => match kind(&slots[callable_index]) {
                            Some(ObjKind::BoundMethod(m))
                                if slots[callable_index + 1].is_null() =>
                            {
                                (m.function, m.receiver)
                            }
                            _ => break 'frames ip,
                        },
                    };
                    // Another function than the cached one (a polymorphic site: a method
                    // of several subclasses) is entered the same way when it binds the
                    // arguments exactly too: the cache only saves the check.
                    if frames.len() >= limits.recursion_limit {
                        break 'frames ip;
                    }
                    let Some(ObjKind::Function(f)) = kind(&function) else {
                        break 'frames ip;
                    };
                    let callee = code_data(&f.code);
                    if !binds_exactly(callee, n + usize::from(!self_or_null.is_null())) {
                        break 'frames ip;
                    }
                    slots[callable_index] = function;
                    slots[callable_index + 1] = self_or_null;
                    let caller = frames.last_mut().expect("a frame runs");
                    caller.ip = ip + 1;
                    caller.last_ip = ip;
                    sp = enter_exact(stack, sp, frames, callable_index, f, callee);
                    frame_changed = true;
                    ip = 0;
                    continue 'frames;
                }};
            }
            macro_rules! return_value {
                ($value:expr) => {{
                    // A return to a Python caller, or, from the entry frame, to `eval::run`'s
                    // native caller (through `Stop::left`).
                    let frame = *frames.last().expect("a frame runs");
                    let mut value = $value;
                    if frames.len() - 1 == limits.entry_depth {
                        // Back to `eval::run`'s native caller, as it is.
                        frames.pop();
                        sp = frame.caller_sp;
                        left = Some(Left {
                            value,
                            yielded: false,
                        });
                        break 'frames ip;
                    }
                    if value == Value::NOT_IMPLEMENTED
                        && frame.base == frame.caller_sp + BINARY_METHOD_FRAME_GAP
                    {
                        // An operator's special method declined: `eval::run` raises the
                        // operator's TypeError.
                        break 'frames ip;
                    }
                    if frame.base == frame.caller_sp + INIT_FRAME_GAP {
                        // `__init__` entered by CALL_ALLOC_AND_ENTER_INIT: the call's result is the
                        // instance below the frame (a result other than None raises, in `eval::run`).
                        if !value.is_none() {
                            break 'frames ip;
                        }
                        value = slots[frame.caller_sp];
                        remember_instance_size(value);
                    }
                    frames.pop();
                    sp = frame.caller_sp;
                    if frame.generator.is_null() {
                        push!(value);
                    } else {
                        with_exact_stack!(generators::return_inline(
                            stack,
                            frames,
                            handled_exception,
                            frame.generator,
                            value,
                        ));
                    }
                    frame_changed = true;
                    ip = frames.last().expect("the caller's frame").ip;
                    continue 'frames;
                }};
            }
            macro_rules! instance_load {
                ($op:expr) => {{
                    // The cached class, or another whose MRO the memo knows says the same.
                    let owner = slots[len - 1];
                    let name = code.names[(arg >> 1) as usize];
                    let cache = code.caches[ip].get();
                    let epoch = limits.class_epoch;
                    let facts_for = |class| {
                        AttributeMemoSlot::lookup(limits.attribute_memo, class, name, epoch)
                    };
                    match fast_paths::instance_load($op, owner, name, arg, cache, epoch, facts_for)
                    {
                        Some(fast_paths::InstanceLoad::Value(value)) => {
                            slots[len - 1] = value;
                            if arg & 1 != 0 {
                                push!(Value::NULL);
                            }
                        }
                        Some(fast_paths::InstanceLoad::Method(method)) => {
                            slots[len - 1] = method;
                            push!(owner);
                        }
                        None => break 'frames ip,
                    }
                }};
            }
            macro_rules! subscript {
                ($op:expr) => {{
                    let container = slots[len - 2];
                    let same_kind = match $op {
                        A::BINARY_SUBSCR_LIST_INT => {
                            matches!(kind(&container), Some(ObjKind::List(_)))
                        }
                        _ => matches!(kind(&container), Some(ObjKind::Tuple(_))),
                    };
                    // An out-of-range index is left to `eval::run`, which raises.
                    match subscript_fast(container, slots[len - 1]).filter(|_| same_kind) {
                        Some(item) => replace_two!(item),
                        None => break 'frames ip,
                    }
                }};
            }
            macro_rules! contains {
                ($op:expr) => {{
                    // Keys whose equality and hash need no Python code.
                    let (item, container) = (slots[len - 2], slots[len - 1]);
                    let set = $op == A::CONTAINS_OP_SET;
                    match ops::simple_key_in_table(container, item, set) {
                        Some(found) => replace_two!(Value::bool(found != (arg == 1))),
                        None => break 'frames ip,
                    }
                }};
            }
            macro_rules! jump_if_none {
                ($jump_if:expr) => {{
                    let is_none = slots[len - 1].is_none();
                    sp = len - 1;
                    if is_none == $jump_if {
                        ip = arg as usize;
                        continue 'instructions;
                    }
                }};
            }
            let kind: OutOfLine = 'dispatch: {
                match instruction.op {
                    A::NOP => {}
                    A::RESUME => {
                        if collection_due {
                            break 'frames ip;
                        }
                    }
                    A::POP_TOP | A::END_FOR => sp -= 1,
                    A::PUSH_NULL => push!(Value::NULL),
                    A::COPY => {
                        let v = slots[len - arg as usize];
                        push!(v);
                    }
                    A::SWAP => slots.swap(len - 1, len - arg as usize),
                    A::LOAD_CONST => push!(code.consts[arg as usize]),
                    A::LOAD_FAST => {
                        let v = slots[base + arg as usize];
                        push!(v);
                    }
                    A::LOAD_FAST_CHECK => {
                        let v = slots[base + arg as usize];
                        if v.is_null() {
                            break 'frames ip;
                        }
                        push!(v);
                    }
                    A::LOAD_FAST_AND_CLEAR => {
                        let slot = base + arg as usize;
                        let v = slots[slot];
                        slots[slot] = Value::NULL;
                        push!(v);
                    }
                    A::LOAD_FAST_LOAD_FAST => {
                        let a = slots[base + (arg >> 4) as usize];
                        let b = slots[base + (arg & 15) as usize];
                        push!(a);
                        push!(b);
                    }
                    A::COPY_FREE_VARS => {
                        // The closure's cells into the frame's last `arg` locals.
                        let function = frames.last().expect("a frame runs").function;
                        let n = arg as usize;
                        let first = base + code.nlocalsplus - n;
                        if !copy_free_vars(function, &mut slots[first..first + n]) {
                            break 'frames ip;
                        }
                    }
                    A::LOAD_DEREF => {
                        // A cell's value; an empty cell (which raises) is left undone.
                        let v = match kind(&slots[base + arg as usize]) {
                            Some(ObjKind::Cell(cell)) => cell.get(),
                            _ => Value::NULL,
                        };
                        if v.is_null() {
                            break 'frames ip;
                        }
                        push!(v);
                    }
                    A::STORE_DEREF => {
                        let Some(ObjKind::Cell(cell)) = kind(&slots[base + arg as usize]) else {
                            break 'frames ip;
                        };
                        cell.set(slots[len - 1]);
                        sp = len - 1;
                    }
                    A::STORE_FAST => {
                        slots[base + arg as usize] = slots[len - 1];
                        sp = len - 1;
                    }
                    A::STORE_FAST_LOAD_FAST => {
                        slots[base + (arg >> 4) as usize] = slots[len - 1];
                        slots[len - 1] = slots[base + (arg & 15) as usize];
                    }
                    A::STORE_FAST_STORE_FAST => {
                        slots[base + (arg >> 4) as usize] = slots[len - 1];
                        slots[base + (arg & 15) as usize] = slots[len - 2];
                        sp = len - 2;
                    }
                    A::JUMP_FORWARD | A::JUMP_BACKWARD_NO_INTERRUPT => {
                        ip = arg as usize;
                        continue 'instructions;
                    }
                    A::JUMP_BACKWARD => {
                        // A back edge is a safepoint and counts towards the loop's hotness:
                        // when either has something to do (a collection, the optimizer's
                        // hook), `eval::run` does it.
                        let cache = &code.caches[ip];
                        let mut entry = cache.get();
                        if collection_due || counter::triggers(entry.counter) {
                            break 'frames ip;
                        }
                        entry.counter = counter::decrement(entry.counter);
                        cache.set(entry);
                        ip = arg as usize;
                        continue 'instructions;
                    }
                    A::POP_JUMP_IF_FALSE => jump_if_bool!(false),
                    A::POP_JUMP_IF_TRUE => jump_if_bool!(true),
                    A::POP_JUMP_IF_NONE => jump_if_none!(true),
                    A::POP_JUMP_IF_NOT_NONE => jump_if_none!(false),
                    A::BINARY_OP => {
                        // The generic form's small-int/float fast path. For `+`, `-` and `*` it
                        // counts down the adaptive counter as `eval::run` would; when the
                        // counter fires, `eval::run` (re)specializes the site.
                        let Some(operator) = BinaryOpArg::from_arg(arg) else {
                            break 'frames ip;
                        };
                        let adaptive = matches!(
                            operator.base(),
                            BinaryOpArg::Add | BinaryOpArg::Subtract | BinaryOpArg::Multiply
                        );
                        let cache = &code.caches[ip];
                        let mut entry = cache.get();
                        if adaptive && counter::triggers(entry.counter) {
                            // Time to (re)specialize: `eval::run`'s adaptive prologue does it.
                            break 'frames ip;
                        }
                        if adaptive {
                            // What the adaptive prologue does when it does not specialize.
                            entry.counter = counter::decrement(entry.counter);
                            cache.set(entry);
                        }
                        let (lhs, rhs) = (slots[len - 2], slots[len - 1]);
                        if let Some(result) =
                            cpjit_runtime::numeric::binary_op_fast(lhs, rhs, operator)
                        {
                            replace_two!(result);
                            ip += 1;
                            continue 'instructions;
                        }
                        // Other types, out of line: two instances of a Python class whose
                        // special method is all the operator does get its frame pushed, to
                        // run here as a call would (`eval::run` calls it through the runtime
                        // and a new `eval::run`).
                        break 'dispatch OutOfLine::BinaryOp;
                    }
                    A::BINARY_OP_ADD_INT => arithmetic!(A::BINARY_OP_ADD_INT),
                    A::BINARY_OP_SUBTRACT_INT => arithmetic!(A::BINARY_OP_SUBTRACT_INT),
                    A::BINARY_OP_MULTIPLY_INT => arithmetic!(A::BINARY_OP_MULTIPLY_INT),
                    A::BINARY_OP_ADD_FLOAT => arithmetic!(A::BINARY_OP_ADD_FLOAT),
                    A::BINARY_OP_SUBTRACT_FLOAT => arithmetic!(A::BINARY_OP_SUBTRACT_FLOAT),
                    A::BINARY_OP_MULTIPLY_FLOAT => arithmetic!(A::BINARY_OP_MULTIPLY_FLOAT),
                    A::TO_BOOL_BOOL => truth!(A::TO_BOOL_BOOL),
                    A::TO_BOOL_INT => truth!(A::TO_BOOL_INT),
                    A::TO_BOOL_NONE => truth!(A::TO_BOOL_NONE),
                    A::TO_BOOL_LIST => truth!(A::TO_BOOL_LIST),
                    A::TO_BOOL_STR => truth!(A::TO_BOOL_STR),
                    A::LOAD_GLOBAL_MODULE => cached_global!(A::LOAD_GLOBAL_MODULE),
                    A::LOAD_GLOBAL_BUILTIN => cached_global!(A::LOAD_GLOBAL_BUILTIN),
                    A::LOAD_ATTR_INSTANCE_VALUE => instance_load!(A::LOAD_ATTR_INSTANCE_VALUE),
                    A::LOAD_ATTR_METHOD_WITH_VALUES => {
                        instance_load!(A::LOAD_ATTR_METHOD_WITH_VALUES)
                    }
                    A::STORE_ATTR_INSTANCE_VALUE => {
                        // The cached class, or another whose MRO the memo knows says the same.
                        let (value, owner) = (slots[len - 2], slots[len - 1]);
                        let name = code.names[arg as usize];
                        let cache = code.caches[ip].get();
                        let epoch = limits.class_epoch;
                        let plain_for = |class| {
                            AttributeMemoSlot::lookup(limits.attribute_memo, class, name, epoch)
                                .is_some_and(|facts| facts.plain)
                        };
                        match fast_paths::instance_store(
                            owner, name, value, cache, epoch, plain_for,
                        ) {
                            fast_paths::InstanceStore::Stored => {}
                            fast_paths::InstanceStore::NotInPlace { dict } => {
                                // Elsewhere in the namespace, or a new attribute: a `str` key with its
                                // hash known needs no Python code to find or add.
                                let (Some(ObjKind::Dict(cell)), Some(ObjKind::Str(s))) =
                                    (kind(&dict), kind(&name))
                                else {
                                    break 'frames ip;
                                };
                                let Some(hash) = s.hash.get() else {
                                    break 'frames ip;
                                };
                                if !ops::store_str_key(cell, name, hash, value) {
                                    break 'frames ip;
                                }
                            }
                            fast_paths::InstanceStore::Miss => break 'frames ip,
                        }
                        sp = len - 2;
                    }
                    A::BINARY_SUBSCR_LIST_INT => subscript!(A::BINARY_SUBSCR_LIST_INT),
                    A::BINARY_SUBSCR_TUPLE_INT => subscript!(A::BINARY_SUBSCR_TUPLE_INT),
                    A::STORE_SUBSCR_LIST_INT => {
                        // (What `iter::list_store_fast` does, written out: calling it here,
                        // and `list_append_fast` below, measured 2-3% more instructions.)
                        let (value, container, key) =
                            (slots[len - 3], slots[len - 2], slots[len - 1]);
                        let (Some(ObjKind::List(items)), Some(i)) =
                            (kind(&container), key.as_small_int())
                        else {
                            break 'frames ip;
                        };
                        let Some(mut items) = items.try_borrow_mut() else {
                            break 'frames ip;
                        };
                        let length = items.len() as i64;
                        let index = if i < 0 { i + length } else { i };
                        if !(0..length).contains(&index) {
                            break 'frames ip;
                        }
                        items[index as usize] = value;
                        drop(items);
                        sp = len - 3;
                    }
                    A::FOR_ITER_RANGE => next_item!(A::FOR_ITER_RANGE),
                    A::FOR_ITER_LIST => next_item!(A::FOR_ITER_LIST),
                    A::FOR_ITER_TUPLE => next_item!(A::FOR_ITER_TUPLE),
                    A::UNPACK_SEQUENCE_TWO_TUPLE => {
                        let mut items = [Value::NULL; 2];
                        if arg != 2
                            || !cpjit_runtime::iter::unpack_exact(slots[len - 1], false, &mut items)
                        {
                            break 'frames ip;
                        }
                        // (Last item first: the order they are pushed in.)
                        slots[len - 1] = items[0];
                        push!(items[1]);
                    }
                    A::CALL_LIST_APPEND => {
                        // `list.append(x)` on an exact list: [append, list, x] becomes [None].
                        let callable_index = len - 3;
                        if arg != 1 || slots[callable_index] != code.caches[ip].get().value {
                            break 'frames ip;
                        }
                        let Some(ObjKind::List(items)) = kind(&slots[len - 2]) else {
                            break 'frames ip;
                        };
                        let Some(mut items) = items.try_borrow_mut() else {
                            break 'frames ip;
                        };
                        items.push(slots[len - 1]);
                        drop(items);
                        sp = callable_index;
                        push!(Value::NONE);
                    }
                    A::UNARY_NOT => {
                        let v = slots[len - 1];
                        if !v.is_bool() {
                            break 'frames ip;
                        }
                        slots[len - 1] = Value::bool(v != Value::TRUE);
                    }
                    A::UNARY_NEGATIVE => {
                        let v = slots[len - 1];
                        let negated = match (v.as_small_int(), v.as_float()) {
                            (Some(i), _) => Value::small_int(-i),
                            (None, Some(f)) => Some(Value::float(-f)),
                            _ => None,
                        };
                        match negated {
                            Some(negated) => slots[len - 1] = negated,
                            None => break 'frames ip,
                        }
                    }
                    A::IS_OP => {
                        let same = slots[len - 2] == slots[len - 1];
                        replace_two!(Value::bool(same != (arg == 1)));
                    }
                    A::LIST_APPEND => {
                        // The list a comprehension builds, `arg` below the item.
                        let item = slots[len - 1];
                        let Some(ObjKind::List(items)) = kind(&slots[len - 1 - arg as usize])
                        else {
                            break 'frames ip;
                        };
                        let Some(mut items) = items.try_borrow_mut() else {
                            break 'frames ip;
                        };
                        items.push(item);
                        drop(items);
                        sp = len - 1;
                    }
                    A::CALL_LEN => {
                        // `len(x)` of a builtin container (no `__len__` of a subclass to run).
                        let callable_index = len - 3;
                        if arg != 1
                            || slots[callable_index] != code.caches[ip].get().value
                            || !slots[callable_index + 1].is_null()
                        {
                            break 'frames ip;
                        }
                        let length = match kind(&slots[len - 1]) {
                            Some(ObjKind::List(items)) => {
                                items.try_borrow().map(|items| items.len())
                            }
                            Some(ObjKind::Tuple(items)) => Some(items.len()),
                            Some(ObjKind::Str(s)) => Some(s.char_len),
                            Some(ObjKind::Dict(table)) => table.try_borrow().ok().map(|t| t.len()),
                            Some(ObjKind::Set(set)) => set.table.try_borrow().ok().map(|t| t.len()),
                            _ => None,
                        };
                        let Some(length) = length.and_then(|n| Value::small_int(n as i64)) else {
                            break 'frames ip;
                        };
                        sp = callable_index;
                        push!(length);
                    }
                    A::LOAD_ATTR_METHOD_NO_DICT => {
                        // A method of a builtin type's instance: the cached function, the receiver as
                        // `self`.
                        let owner = slots[len - 1];
                        let cache = code.caches[ip].get();
                        match fast_paths::builtin_method(owner, arg, cache, limits.types) {
                            Some(method) => {
                                slots[len - 1] = method;
                                push!(owner);
                            }
                            None => break 'frames ip,
                        }
                    }
                    A::CONTAINS_OP_DICT => contains!(A::CONTAINS_OP_DICT),
                    A::CONTAINS_OP_SET => contains!(A::CONTAINS_OP_SET),
                    A::LOAD_ATTR_MODULE => {
                        let name = code.names[(arg >> 1) as usize];
                        let cache = code.caches[ip].get();
                        match fast_paths::module_attribute(slots[len - 1], name, cache) {
                            Some(value) => {
                                slots[len - 1] = value;
                                if arg & 1 != 0 {
                                    push!(Value::NULL);
                                }
                            }
                            None => break 'frames ip,
                        }
                    }
                    A::COMPARE_OP_INT => comparison!(A::COMPARE_OP_INT),
                    A::COMPARE_OP_FLOAT => comparison!(A::COMPARE_OP_FLOAT),
                    A::COMPARE_OP_STR => comparison!(A::COMPARE_OP_STR),
                    A::GET_ITER => {
                        // Builtin containers, ranges and strings get a builtin iterator;
                        // an iterator or generator is its own.
                        let iterable = slots[len - 1];
                        match kind(&iterable) {
                            Some(ObjKind::Iterator(_) | ObjKind::Generator(_)) => {}
                            _ => match new_iterator(heap, iterable) {
                                Some(iterator) => {
                                    slots[len - 1] = iterator;
                                    allocated!();
                                }
                                None => break 'frames ip,
                            },
                        }
                    }
                    A::BUILD_TUPLE | A::BUILD_LIST => {
                        let items = &slots[len - arg as usize..len];
                        let built = match instruction.op {
                            A::BUILD_TUPLE => ObjKind::Tuple(items.into()),
                            _ => ObjKind::List(ListObj::new(items.to_vec())),
                        };
                        sp = len - arg as usize;
                        push!(heap.alloc(built));
                        allocated!();
                    }
                    A::CALL_ALLOC_AND_ENTER_INIT => {
                        // A plain class's call: its instance, then `__init__`'s frame.
                        let n = arg as usize;
                        let callable_index = len - n - 2;
                        let cache = code.caches[ip].get();
                        if slots[callable_index] != cache.value
                            || !slots[callable_index + 1].is_null()
                            || limits.class_epoch != u64::from(cache.index)
                            || frames.len() >= limits.recursion_limit
                        {
                            break 'frames ip;
                        }
                        let caller = frames.len() - 1;
                        let init = Value::from_raw(cache.key);
                        let Some(height) =
                            enter_init(stack, sp, frames, heap, callable_index, n, init)
                        else {
                            break 'frames ip;
                        };
                        sp = height;
                        allocated!();
                        frames[caller].ip = ip + 1;
                        frames[caller].last_ip = ip;
                        frame_changed = true;
                        ip = 0;
                        continue 'frames;
                    }
                    A::CALL_BUILTIN_CLASS => {
                        // `range(...)` of small ints (what a `for` loop over numbers calls);
                        // other classes, and arguments that need conversion or raise, are
                        // left to `eval::run`.
                        let n = arg as usize;
                        let callable_index = len - n - 2;
                        if slots[callable_index] != limits.types.range
                            || !slots[callable_index + 1].is_null()
                            || !(1..=3).contains(&n)
                        {
                            break 'dispatch OutOfLine::Specialized;
                        }
                        let Some(range) = new_range(heap, &slots[len - n..len]) else {
                            break 'dispatch OutOfLine::Specialized;
                        };
                        allocated!();
                        sp = callable_index;
                        push!(range);
                    }
                    A::FOR_ITER_GEN | A::SEND_GEN => {
                        // Resume a generator in place: its frame goes on top.
                        let sending = instruction.op == A::SEND_GEN;
                        let (generator, sent) = match sending {
                            true => (slots[len - 2], slots[len - 1]),
                            false => (slots[len - 1], Value::NONE),
                        };
                        if !generators::resumable_inline(generator, sent)
                            || frames.len() >= limits.recursion_limit
                        {
                            break 'frames ip;
                        }
                        let caller = frames.last_mut().expect("a frame runs");
                        caller.ip = ip + 1;
                        caller.last_ip = ip;
                        sp = generators::resume_inline(
                            stack,
                            sp,
                            frames,
                            handled_exception,
                            generator,
                            sending,
                        );
                        ip = frames.last().expect("the generator's frame").ip;
                        frame_changed = true;
                        continue 'frames;
                    }
                    A::GET_YIELD_FROM_ITER => {
                        // A generator is its own iterator; anything else gets `iter()`.
                        if !matches!(kind(&slots[len - 1]), Some(ObjKind::Generator(_))) {
                            break 'dispatch OutOfLine::Generic;
                        }
                    }
                    A::END_SEND => {
                        // `yield from` is done: its value replaces the sub-iterator.
                        replace_two!(slots[len - 1]);
                    }
                    A::RETURN_GENERATOR => {
                        // A generator function's call: the generator takes the frame's
                        // values and is what the call returns.
                        let frame = *frames.last().expect("a frame runs");
                        let generator =
                            generators::create_in(heap, &frame, &slots[frame.base..len], ip + 1);
                        allocated!();
                        frames.pop();
                        sp = frame.caller_sp;
                        if frames.len() == limits.entry_depth {
                            left = Some(Left {
                                value: generator,
                                yielded: false,
                            });
                            break 'frames ip;
                        }
                        push!(generator);
                        ip = frames.last().expect("the caller's frame").ip;
                        frame_changed = true;
                        continue 'frames;
                    }
                    A::YIELD_VALUE => {
                        // A generator resumed inline yields to the frame that resumed it; the
                        // entry frame (resumed by `generators::resume`) yields through
                        // `Stop::left`.
                        let frame = *frames.last().expect("a frame runs");
                        if frame.generator.is_null() {
                            break 'frames ip;
                        }
                        let value = slots[len - 1];
                        generators::save_frame(
                            frame.generator,
                            &slots[frame.base..len - 1],
                            ip + 1,
                        );
                        frames.pop();
                        sp = frame.caller_sp;
                        if frames.len() == limits.entry_depth {
                            // Resumed by `generators::resume`, which takes the value
                            // back to its native caller.
                            left = Some(Left {
                                value,
                                yielded: true,
                            });
                            break 'frames ip;
                        }
                        generators::hand_back(handled_exception, frame.generator, false);
                        push!(value);
                        ip = frames.last().expect("the resuming frame").ip;
                        frame_changed = true;
                        continue 'frames;
                    }
                    A::CALL_PY_EXACT_ARGS => enter_exact_call!(false),
                    A::CALL_BOUND_METHOD_EXACT_ARGS => enter_exact_call!(true),
                    A::RETURN_VALUE => return_value!(slots[len - 1]),
                    A::RETURN_CONST => return_value!(code.consts[arg as usize]),
                    op if runs_specialized_out(op) => break 'dispatch OutOfLine::Specialized,
                    op if runs_generic_out(op) => break 'dispatch OutOfLine::Generic,
                    op if runs_adaptive_out(op) => {
                        // What the adaptive prologue does while it does not specialize.
                        let cache = &code.caches[ip];
                        let mut entry = cache.get();
                        if counter::triggers(entry.counter) {
                            break 'frames ip;
                        }
                        entry.counter = counter::decrement(entry.counter);
                        cache.set(entry);
                        break 'dispatch OutOfLine::Generic;
                    }
                    _ => break 'frames ip,
                }
                ip += 1;
                continue 'instructions;
            };
            // The one call out: `eval`'s code for the instruction, with the whole VM.
            match call_out!(vm => run_out_of_line(vm, ip, instruction.op, arg, kind)) {
                OutOfLineOutcome::Next { ip: next, height } => {
                    ip = next;
                    sp = height;
                }
                OutOfLineOutcome::Miss => break 'frames ip,
                OutOfLineOutcome::PushedFrame => {
                    frame_changed = true;
                    ip = frames.last().expect("the pushed frame").ip;
                    continue 'frames;
                }
                OutOfLineOutcome::Raised(unwind) => {
                    error = Some(unwind);
                    break 'frames ip;
                }
            }
        }
    };
    stack.truncate(sp);
    Stop {
        ip: stopped_at,
        frame_changed,
        error,
        left,
    }
}

/// `COPY_FREE_VARS`: the cells of `function`'s closure into `free_vars`, the frame's
/// last locals. `false` (nothing copied) when it has no closure tuple.
#[inline(never)]
fn copy_free_vars(function: Value, free_vars: &mut [Value]) -> bool {
    let Some(ObjKind::Function(f)) = kind(&function) else {
        return false;
    };
    let closure = *f.closure.borrow();
    let Some(ObjKind::Tuple(cells)) = kind(&closure) else {
        return false;
    };
    for (slot, cell) in free_vars.iter_mut().zip(cells.iter()) {
        *slot = *cell;
    }
    true
}

/// `range(*bounds)` for one to three small ints (a zero step or anything else: `None`).
#[inline(never)]
fn new_range(heap: &mut Heap, bounds: &[Value]) -> Option<Value> {
    let mut ints = [0i64; 3];
    for (int, value) in ints.iter_mut().zip(bounds) {
        *int = value.as_small_int()?;
    }
    let (start, stop, step) = match bounds.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        _ => (ints[0], ints[1], ints[2]),
    };
    if step == 0 {
        return None;
    }
    Some(heap.alloc(ObjKind::Range(Box::new(RangeObj {
        start: start.into(),
        stop: stop.into(),
        step: step.into(),
    }))))
}

/// A new iterator over a builtin iterable (`None` for anything else).
#[inline(never)]
fn new_iterator(heap: &mut Heap, iterable: Value) -> Option<Value> {
    let state = builtin_iter_state(iterable)?;
    Some(heap.alloc(ObjKind::Iterator(ReprCell::new(state))))
}

/// `CALL_ALLOC_AND_ENTER_INIT` once its guards held, for the class at
/// `callable_index` called with the `n` arguments above it, on a stack `sp` values high
/// (the vector may be longer: the inner loop's high-water mark): allocates the
/// instance (`object.__new__`'s work) and pushes a frame running `init` with the
/// instance and the arguments (`[instance, init, NULL]` stay below it,
/// [`INIT_FRAME_GAP`] slots). Returns the new height, the vector long enough for the
/// frame's deepest stack; `None`, having changed nothing, when `init` no longer binds
/// them exactly. The caller has checked the recursion limit.
#[inline(never)]
pub(crate) fn enter_init(
    stack: &mut Vec<Value>,
    sp: usize,
    frames: &mut Vec<Frame>,
    heap: &mut Heap,
    callable_index: usize,
    n: usize,
    init: Value,
) -> Option<usize> {
    let Some(ObjKind::Function(f)) = kind(&init) else {
        return None;
    };
    if !crate::specialize::binds_exactly_and_returns(&f.code, n + 1) {
        return None;
    }
    let class = stack[callable_index];
    let attributes = match kind(&class) {
        Some(ObjKind::Type(t)) => t.instance_attributes_hint.get() as usize,
        _ => 0,
    };
    let instance = cpjit_runtime::subclass::new_plain_instance_in(heap, class, attributes);
    let code = code_data(&f.code);
    let base = callable_index + INIT_FRAME_GAP;
    let extent = base + code.frame_extent;
    if stack.len() < extent {
        stack.resize(extent, Value::NULL);
    }
    // The arguments move up past the gap; the frame's other locals start unbound.
    stack.copy_within(callable_index + 2..sp, base + 1);
    let end = base + code.nlocalsplus;
    stack[base + 1 + n..end].fill(Value::NULL);
    stack[callable_index] = instance;
    stack[callable_index + 1] = init;
    stack[callable_index + 2] = Value::NULL;
    stack[base] = instance;
    frames.push(Frame::for_call(init, f, base, callable_index));
    Some(end)
}

/// `CALL_PY_EXACT_ARGS`'s frame once its guards held and [`binds_exactly`] said yes
/// for the function `f` (whose code is `code`) at `callable_index`, with `self` or NULL
/// above it and the arguments above that: the function's other locals start unbound
/// above the arguments. The caller has checked the recursion limit.
#[inline(always)]
pub(crate) fn enter_exact(
    stack: &mut Vec<Value>,
    sp: usize,
    frames: &mut Vec<Frame>,
    callable_index: usize,
    f: &FunctionObj,
    code: &CodeData,
) -> usize {
    let base = if stack[callable_index + 1].is_null() {
        callable_index + 2
    } else {
        callable_index + 1
    };
    // The locals past the arguments (from `sp`) start unbound, whether their cells
    // hold stale values (the inner loop's vector) or are not there yet.
    let end = base + code.nlocalsplus;
    let present = stack.len().min(end);
    stack[sp..present].fill(Value::NULL);
    if stack.len() < end {
        stack.resize(end, Value::NULL);
    }
    frames.push(Frame::for_call(
        stack[callable_index],
        f,
        base,
        callable_index,
    ));
    end
}

/// Whether a call of `f` (whose code is `code`) with `nargs` positional arguments
/// binds them to its first parameters one to one and its positional defaults fill the
/// rest (no `*args`, `**kwargs` or keyword-only parameters involved):
/// `CALL_PY_WITH_DEFAULTS`.
#[inline]
pub(crate) fn binds_with_defaults(f: &FunctionObj, code: &CodeData, nargs: usize) -> bool {
    let parameters = code.exact_arity as usize;
    code.exact_arity != u32::MAX
        && nargs < parameters
        && match kind(&f.defaults.borrow()) {
            Some(ObjKind::Tuple(defaults)) => parameters - nargs <= defaults.len(),
            _ => false,
        }
}

/// `CALL_PY_WITH_DEFAULTS`'s frame once [`binds_with_defaults`] said yes for the
/// function `f` (whose code is `code`) at `callable_index`, with `self` or NULL above
/// it and the arguments above that, up to `sp`: the parameters without an argument
/// take the last defaults, the other locals start unbound. Returns the new stack
/// height. The caller has checked the recursion limit.
#[inline(never)]
pub(crate) fn enter_with_defaults(
    stack: &mut Vec<Value>,
    sp: usize,
    frames: &mut Vec<Frame>,
    callable_index: usize,
    f: &FunctionObj,
    code: &CodeData,
) -> usize {
    let end = enter_exact(stack, sp, frames, callable_index, f, code);
    let base = end - code.nlocalsplus;
    let parameters = code.exact_arity as usize;
    if let Some(ObjKind::Tuple(defaults)) = kind(&f.defaults.borrow()) {
        let missing = base + parameters - sp;
        stack[sp..base + parameters].copy_from_slice(&defaults[defaults.len() - missing..]);
    }
    end
}

/// Whether a call with `nargs` positional arguments binds them to `code`'s parameters
/// one to one (no defaults, `*args`, `**kwargs` or keyword-only parameters involved).
#[inline(always)]
pub(crate) fn binds_exactly(code: &CodeData, nargs: usize) -> bool {
    code.exact_arity as usize == nargs
}

/// Makes room above the inner loop's stack when a push reaches the vector's end.
#[cold]
#[inline(never)]
fn grow(stack: &mut Vec<Value>) {
    stack.resize(stack.len() + 32, Value::NULL);
}
