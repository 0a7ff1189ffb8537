//! Generators: creating them (`RETURN_GENERATOR`), suspending (`YIELD_VALUE`),
//! resuming with a sent value or a thrown exception, and `yield from` (`SEND`).
//!
//! Owns moving a generator's frame between the VM stack (while it runs) and the
//! generator object (while it is suspended), and the generator life cycle. Must never
//! run bytecode itself (that is `eval::run`).

use cpjit_runtime::object::{GeneratorObj, GeneratorState, ObjKind};
use cpjit_runtime::vm::{kind, GeneratorResume};
use cpjit_runtime::{Frame, PyErr, PyResult, Value, Vm};

/// Makes the generator for the frame at the top of the stack (its arguments bound),
/// to resume at `resume_ip`. The caller pops the frame.
pub fn create(vm: &mut Vm, frame: &Frame, resume_ip: usize) -> Value {
    create_in(&mut vm.heap, frame, &vm.stack[frame.base..], resume_ip)
}

/// [`create`]'s work, on the heap, with the frame's values (its localsplus and operand
/// stack).
#[inline(never)]
pub(crate) fn create_in(
    heap: &mut cpjit_runtime::gc::Heap,
    frame: &Frame,
    frame_values: &[Value],
    resume_ip: usize,
) -> Value {
    let saved = frame_values.to_vec();
    heap.alloc(ObjKind::Generator(Box::new(GeneratorObj {
        function: frame.function,
        code: frame.code,
        globals: frame.globals,
        builtins: frame.builtins,
        state: std::cell::Cell::new(GeneratorState::Created),
        saved: std::cell::RefCell::new(saved),
        ip: std::cell::Cell::new(resume_ip),
        saved_exception: std::cell::Cell::new(Value::NULL),
    })))
}

/// `YIELD_VALUE` in the generator frame at the top: saves its locals and operand stack
/// into the generator (to resume at `resume_ip`). The caller pops the frame.
pub fn suspend(vm: &mut Vm, frame: &Frame, resume_ip: usize) {
    save_frame(frame.generator, &vm.stack[frame.base..], resume_ip);
    vm.generator_yielded = true;
}

/// [`suspend`]'s work on the generator: `frame_values` (its localsplus and operand
/// stack) are saved, to resume at `resume_ip`.
#[inline(never)]
pub(crate) fn save_frame(generator: Value, frame_values: &[Value], resume_ip: usize) {
    if let Some(ObjKind::Generator(g)) = kind(&generator) {
        // Into the buffer's existing allocation (a generator yields many times).
        let mut saved = g.saved.borrow_mut();
        saved.clear();
        saved.extend_from_slice(frame_values);
        g.ip.set(resume_ip);
        g.state.set(GeneratorState::Suspended);
    }
}

/// Resumes `generator`, sending `sent` (the value of the `yield` expression) or
/// raising `throw` at the `yield`.
pub fn resume(
    vm: &mut Vm,
    generator: Value,
    sent: Value,
    mut throw: Option<Value>,
) -> PyResult<GeneratorResume> {
    if let Some(exception) = throw {
        match throw_into_delegate(vm, generator, exception)? {
            Delegated::Yielded(value) => return Ok(GeneratorResume::Yielded(value)),
            Delegated::Raise(exception) => throw = Some(exception),
        }
    }
    let Some(ObjKind::Generator(g)) = kind(&generator) else {
        return Err(vm.type_error("resume: not a generator"));
    };
    match g.state.get() {
        GeneratorState::Running => return Err(vm.value_error("generator already executing")),
        GeneratorState::Finished => {
            return match throw {
                Some(exception) => Err(PyErr(exception)),
                None => Ok(GeneratorResume::Returned(Value::NONE)),
            };
        }
        GeneratorState::Created => {
            if let Some(exception) = throw {
                g.state.set(GeneratorState::Finished);
                return Err(PyErr(exception));
            }
            if !sent.is_none() {
                return Err(vm.type_error("can't send non-None value to a just-started generator"));
            }
        }
        GeneratorState::Suspended => {}
    }
    vm.check_frame_depth()?;
    let ip = g.ip.get();
    let base = vm.stack.len();
    {
        // Emptied, not freed: the next suspension refills the same allocation.
        let mut saved = g.saved.borrow_mut();
        vm.stack.extend_from_slice(&saved);
        saved.clear();
    }
    vm.frames.push(resumed_frame(g, generator, base, ip));
    let depth = vm.frames.len() - 1;
    g.state.set(GeneratorState::Running);
    let outer_exception = vm.handled_exception;
    vm.handled_exception = seen_inside(g.saved_exception.get(), outer_exception);
    vm.generator_yielded = false;
    let result = match throw {
        None => {
            vm.stack.push(sent);
            crate::eval::run(vm, depth)
        }
        // Thrown in at the `yield` (the instruction before the resume point).
        Some(exception) => crate::eval::run_raising(vm, depth, exception, ip.saturating_sub(1)),
    };
    let yielded = std::mem::take(&mut vm.generator_yielded);
    g.saved_exception
        .set(own_exception(vm.handled_exception, outer_exception));
    vm.handled_exception = outer_exception;
    match result {
        Ok(value) if yielded => Ok(GeneratorResume::Yielded(value)),
        Ok(value) => {
            g.state.set(GeneratorState::Finished);
            Ok(GeneratorResume::Returned(value))
        }
        Err(error) => {
            g.state.set(GeneratorState::Finished);
            Err(error)
        }
    }
}

/// `FOR_ITER_GEN` / `SEND_GEN` (CPython 3.13's inline resumption): pushes `generator`'s
/// frame onto the running loop's frame stack, so it runs without a nested `eval::run`.
/// For `SEND_GEN` the sent value is on top of the caller's stack and is moved to the
/// generator's; `FOR_ITER_GEN` sends None. While it runs, the generator holds its
/// caller's handled exception (swapped back by [`leave_inline`]).
///
/// Returns `Ok(false)` (nothing changed) when the generator cannot be resumed this way
/// — not a generator, running, finished, or a non-None value sent to a fresh one —
/// so the generic instruction runs and raises what it must.
pub fn enter_inline(vm: &mut Vm, generator: Value, sending: bool) -> PyResult<bool> {
    let sent = if sending {
        *vm.stack.last().expect("SEND has a value")
    } else {
        Value::NONE
    };
    if !resumable_inline(generator, sent) {
        return Ok(false);
    }
    vm.check_frame_depth()?;
    let height = vm.stack.len();
    let sp = resume_inline(
        &mut vm.stack,
        height,
        &mut vm.frames,
        &mut vm.handled_exception,
        generator,
        sending,
    );
    vm.stack.truncate(sp);
    Ok(true)
}

/// Whether [`enter_inline`] can resume `generator` sending `sent`.
#[inline]
pub(crate) fn resumable_inline(generator: Value, sent: Value) -> bool {
    match kind(&generator) {
        Some(ObjKind::Generator(g)) => match g.state.get() {
            GeneratorState::Suspended => true,
            GeneratorState::Created => sent.is_none(),
            _ => false,
        },
        _ => false,
    }
}

/// [`enter_inline`]'s work once [`resumable_inline`] said yes and the recursion limit
/// was checked, on a stack whose height is `sp` (the vector may be longer: the inner
/// loop's high-water mark): the generator's frame goes on top of `frames`, its saved
/// values and the sent value (for `SEND_GEN`, the value at `sp - 1`) above the
/// resumer's stack, and it takes over `handled_exception`. Returns the new height; the
/// vector is made long enough for the generator frame's deepest stack (so the inner
/// loop's frame entry need not grow it).
#[inline(never)]
pub(crate) fn resume_inline(
    stack: &mut Vec<Value>,
    sp: usize,
    frames: &mut Vec<Frame>,
    handled_exception: &mut Value,
    generator: Value,
    sending: bool,
) -> usize {
    let Some(ObjKind::Generator(g)) = kind(&generator) else {
        return sp;
    };
    let (base, sent) = if sending {
        (sp - 1, stack[sp - 1])
    } else {
        (sp, Value::NONE)
    };
    let ip = g.ip.get();
    let extent = base + crate::eval::code_data(&g.code).frame_extent;
    if stack.len() < extent {
        stack.resize(extent, Value::NULL);
    }
    let top = {
        let mut saved = g.saved.borrow_mut();
        let top = base + saved.len();
        stack[base..top].copy_from_slice(&saved);
        saved.clear();
        top
    };
    stack[top] = sent;
    frames.push(resumed_frame(g, generator, base, ip));
    g.state.set(GeneratorState::Running);
    let outer_exception = *handled_exception;
    *handled_exception = seen_inside(g.saved_exception.get(), outer_exception);
    g.saved_exception.set(outer_exception);
    top + 1
}

/// The exception a resumed generator sees as being handled: its own, else (CPython
/// walks its chain of exception states) the one its resumer is handling.
fn seen_inside(own: Value, resumer: Value) -> Value {
    if own.is_null() {
        resumer
    } else {
        own
    }
}

/// What a generator keeps as its own handled exception when it leaves: nothing when
/// what it sees is just its resumer's (see [`seen_inside`]).
fn own_exception(seen: Value, resumer: Value) -> Value {
    if seen == resumer {
        Value::NULL
    } else {
        seen
    }
}

/// A generator frame pushed by [`enter_inline`] has left (its frame already popped):
/// it yielded (`finished` false; [`suspend`] saved it) or returned or raised
/// (`finished`). Restores the caller's handled exception.
pub fn leave_inline(vm: &mut Vm, generator: Value, finished: bool) {
    vm.generator_yielded = false;
    hand_back(&mut vm.handled_exception, generator, finished);
}

/// A generator resumed inline returned `value` (its frame popped, the stack cut back to
/// where the frame started): it is finished, hands the handled exception back, and its
/// resumer goes on. A `FOR_ITER_GEN` is exhausted (the generator popped, the loop
/// skipped); a `SEND_GEN` jumps with the value.
pub(crate) fn return_inline(
    stack: &mut Vec<Value>,
    frames: &mut [Frame],
    handled_exception: &mut Value,
    generator: Value,
    value: Value,
) {
    hand_back(handled_exception, generator, true);
    let caller = frames.last_mut().expect("the resuming frame");
    let resumed_by = crate::eval::code_data(&caller.code).instructions[caller.last_ip].get();
    if resumed_by.op.family() == cpjit_bytecode::Opcode::FOR_ITER {
        stack.pop();
        caller.ip = resumed_by.arg as usize + 2;
    } else {
        stack.push(value);
        caller.ip = resumed_by.arg as usize;
    }
}

/// [`leave_inline`]'s work on the generator and the handled exception.
#[inline(never)]
pub(crate) fn hand_back(handled_exception: &mut Value, generator: Value, finished: bool) {
    if let Some(ObjKind::Generator(g)) = kind(&generator) {
        if finished {
            g.state.set(GeneratorState::Finished);
        }
        // While it ran, `saved_exception` held its resumer's.
        let resumer_exception = g.saved_exception.get();
        g.saved_exception
            .set(own_exception(*handled_exception, resumer_exception));
        *handled_exception = resumer_exception;
    }
}

/// What throwing into a generator's `yield from` sub-iterator gave.
enum Delegated {
    /// The sub-iterator yielded: the generator stays suspended in its `yield from`.
    Yielded(Value),
    /// Raise this at the generator's `yield` (the original exception, the one the
    /// sub-iterator raised, or its StopIteration, which `CLEANUP_THROW` turns into the
    /// value of the `yield from`).
    Raise(Value),
}

/// `generator.throw()` while the generator is suspended in `yield from`: the exception
/// goes to the sub-iterator first (CPython's `_gen_throw`). GeneratorExit closes the
/// sub-iterator and is then raised in the generator itself.
fn throw_into_delegate(vm: &mut Vm, generator: Value, exception: Value) -> PyResult<Delegated> {
    let Some(delegate) = yield_from_target(generator) else {
        return Ok(Delegated::Raise(exception));
    };
    let Some(ObjKind::Generator(g)) = kind(&generator) else {
        return Ok(Delegated::Raise(exception));
    };
    g.state.set(GeneratorState::Running);
    let outcome = if vm.isinstance(exception, vm.exceptions.generator_exit) {
        let close = vm.intern_static("close");
        let closed = match cpjit_runtime::attr::lookup_attr(vm, delegate, close) {
            Ok(Some(method)) => cpjit_runtime::call::call(vm, method, &[], &[]).map(|_| ()),
            Ok(None) => Ok(()),
            Err(error) => Err(error),
        };
        Ok(match closed {
            Ok(()) => Delegated::Raise(exception),
            Err(error) => Delegated::Raise(error.0),
        })
    } else if let Some(ObjKind::Generator(_)) = kind(&delegate) {
        match resume(vm, delegate, Value::NONE, Some(exception)) {
            Ok(GeneratorResume::Yielded(value)) => Ok(Delegated::Yielded(value)),
            Ok(GeneratorResume::Returned(value)) => {
                let args = if value.is_none() { vec![] } else { vec![value] };
                let stop = vm.new_exception(vm.exceptions.stop_iteration, args);
                Ok(Delegated::Raise(stop))
            }
            Err(error) => Ok(Delegated::Raise(error.0)),
        }
    } else {
        let throw_name = vm.intern_static("throw");
        match cpjit_runtime::attr::lookup_attr(vm, delegate, throw_name) {
            Ok(Some(method)) => match cpjit_runtime::call::call(vm, method, &[exception], &[]) {
                Ok(value) => Ok(Delegated::Yielded(value)),
                Err(error) => Ok(Delegated::Raise(error.0)),
            },
            Ok(None) => Ok(Delegated::Raise(exception)),
            Err(error) => Err(error),
        }
    };
    g.state.set(GeneratorState::Suspended);
    outcome
}

/// The sub-iterator a suspended generator is delegating to with `yield from`: its
/// resume point is `RESUME` with oparg 2 (after a `yield from`'s `YIELD_VALUE`) and the
/// sub-iterator is on top of its saved operand stack (CPython's `_PyGen_yf`).
fn yield_from_target(generator: Value) -> Option<Value> {
    let Some(ObjKind::Generator(g)) = kind(&generator) else {
        return None;
    };
    if g.state.get() != GeneratorState::Suspended {
        return None;
    }
    let Some(ObjKind::Code(code)) = kind(&g.code) else {
        return None;
    };
    let instruction = code.code.instructions.get(g.ip.get())?;
    // The low two bits of RESUME's oparg say where it is: 2 = after `yield from`.
    if instruction.opcode != cpjit_bytecode::Opcode::RESUME || instruction.arg & 3 < 2 {
        return None;
    }
    g.saved.borrow().last().copied()
}

/// One step of `yield from`/`SEND`: resume a generator, or `next`/`send` another
/// iterator. `Returned` carries the sub-iterator's return value.
pub fn send(vm: &mut Vm, receiver: Value, value: Value) -> PyResult<GeneratorResume> {
    if let Some(ObjKind::Generator(_)) = kind(&receiver) {
        return resume(vm, receiver, value, None);
    }
    let step = if value.is_none() {
        if let Some(ObjKind::Instance(_)) = kind(&receiver) {
            // Keep a user iterator's StopIteration: its value is the result.
            cpjit_runtime::dunder::next_raising(vm, receiver)
                .map(|v| Some(GeneratorResume::Yielded(v)))
        } else {
            cpjit_runtime::iter::next(vm, receiver).map(|v| v.map(GeneratorResume::Yielded))
        }
    } else {
        let send_name = vm.intern_static("send");
        let method = cpjit_runtime::attr::get_attr(vm, receiver, send_name)?;
        cpjit_runtime::call::call(vm, method, &[value], &[])
            .map(|v| Some(GeneratorResume::Yielded(v)))
    };
    match step {
        Ok(Some(resume)) => Ok(resume),
        Ok(None) => Ok(GeneratorResume::Returned(Value::NONE)),
        Err(error) if vm.isinstance(error.0, vm.exceptions.stop_iteration) => {
            Ok(GeneratorResume::Returned(stop_iteration_value(error.0)))
        }
        Err(error) => Err(error),
    }
}

/// `StopIteration.value`: its first argument, or None.
pub fn stop_iteration_value(exception: Value) -> Value {
    match kind(&exception) {
        Some(ObjKind::Exception(e)) => match kind(&e.args.borrow()) {
            Some(ObjKind::Tuple(items)) => items.first().copied().unwrap_or(Value::NONE),
            _ => Value::NONE,
        },
        _ => Value::NONE,
    }
}

/// The frame a suspended generator resumes in: its locals start at `base`, the next
/// instruction is `ip`, and its stack is gone once it yields or returns.
fn resumed_frame(g: &GeneratorObj, generator: Value, base: usize, ip: usize) -> Frame {
    Frame {
        function: g.function,
        code: g.code,
        globals: g.globals,
        builtins: g.builtins,
        locals_dict: Value::NULL,
        base,
        ip,
        last_ip: ip.saturating_sub(1),
        caller_sp: base,
        generator,
    }
}
