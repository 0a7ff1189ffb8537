//! Traces: projecting a hot loop's specialized bytecode into micro-ops, and the passes
//! that simplify the result.
//!
//! Owns [`Trace`], [`project`] and the passes ([`optimize`]). Must never execute a
//! trace (the tier-2 interpreter in `cpjit-interpreter` does) or emit machine code.

use std::fmt::Write as _;

use cpjit_bytecode::uops::{expansion, Expansion, Uop, UopArg};
use cpjit_bytecode::AdaptiveOpcode;
use cpjit_runtime::object::CodeData;
use cpjit_runtime::Value;

/// Longest trace the projector builds (longer loops exit to tier 1 at that point).
pub const MAX_TRACE_LENGTH: usize = 512;

/// One micro-op of a trace. `target` is the tier-1 instruction index execution
/// resumes at when the uop exits (a failed guard, or `_EXIT_TRACE`); the value stack
/// then is exactly what tier 1 expects there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UopInstruction {
    pub uop: Uop,
    pub oparg: u32,
    pub target: u32,
    /// Which of [`Trace::codes`] the uop belongs to (inlined calls run other code).
    pub code: u16,
    /// An extra operand: the expected function's value bits for `_CHECK_FUNCTION`;
    /// the specialized opcode for `_RUN_SPECIALIZED`; the branch instruction for
    /// `_GUARD_IS_TRUE_POP`/`_GUARD_IS_FALSE_POP`.
    pub operand: u64,
}

impl UopInstruction {
    pub fn new(uop: Uop, oparg: u32, target: u32, code: u16) -> UopInstruction {
        UopInstruction {
            uop,
            oparg,
            target,
            code,
            operand: 0,
        }
    }
}

/// A projected loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trace {
    /// Code objects the trace runs: `codes[0]` is the loop's; inlined callees follow.
    pub codes: Vec<Value>,
    pub uops: Vec<UopInstruction>,
    /// The tier-1 index of the loop head (`_JUMP_TO_TOP` goes back to uop 0).
    pub loop_head: usize,
    /// Where the trace starts: the loop head, or a side exit's target.
    pub start: usize,
}

impl Trace {
    /// A listing for `cpjit trace` and snapshot tests: one uop per line with its
    /// argument and exit target.
    pub fn listing(&self) -> String {
        let mut out = String::new();
        for (i, u) in self.uops.iter().enumerate() {
            let arg = if u.uop.flags().uses_oparg {
                u.oparg.to_string()
            } else {
                String::new()
            };
            let arg = match cpjit_bytecode::ALL_ADAPTIVE_OPCODES.get(u.operand as usize) {
                Some(op) if u.uop == Uop::_RUN_SPECIALIZED => format!("{arg} {}", op.name()),
                _ => arg,
            };
            let exit = if u.uop.flags().guard || u.uop == Uop::_EXIT_TRACE {
                format!("-> @{}", u.target)
            } else {
                String::new()
            };
            let frame = if u.code == 0 {
                String::new()
            } else {
                format!("  [code {}]", u.code)
            };
            let _ = writeln!(out, "{i:>3}: {:<28} {arg:>4} {exit}{frame}", u.uop.name());
        }
        out
    }
}

/// Why projection gave up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AbortReason {
    /// The loop head itself cannot be traced.
    UnsupportedLoopHead(&'static str),
}

impl std::fmt::Display for AbortReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AbortReason::UnsupportedLoopHead(op) => {
                write!(f, "unsupported instruction {op} at the loop head")
            }
        }
    }
}

/// Whether a conditional branch's recorded history says it is usually taken.
fn likely_taken(history: u32) -> bool {
    history.count_ones() > 16
}

/// Deepest chain of calls inlined into a trace.
pub const MAX_INLINE_DEPTH: usize = 3;

fn code_data(value: &Value) -> Option<&CodeData> {
    match cpjit_runtime::vm::kind(value) {
        Some(cpjit_runtime::object::ObjKind::Code(c)) => Some(c),
        _ => None,
    }
}

/// The code object of a Python function that a call with `nargs` positional arguments
/// binds exactly (no defaults, `*args`, `**kwargs`, keyword-only or cell variables).
fn inlinable_callee(function: Value, nargs: usize) -> Option<Value> {
    let Some(cpjit_runtime::object::ObjKind::Function(f)) = cpjit_runtime::vm::kind(&function)
    else {
        return None;
    };
    let code = code_data(&f.code)?;
    let co = &code.code;
    let simple = co.flags.0 & 0x2C == 0
        && co.kwonly_arg_count == 0
        && co.arg_count as usize == nargs
        && co.cellvars.is_empty()
        && co.freevars.is_empty();
    simple.then_some(f.code)
}

/// Projects the loop whose head is `loop_head`, following specialized instructions
/// and recorded branch directions.
pub fn project(code: Value, loop_head: usize) -> Result<Trace, AbortReason> {
    project_from(code, loop_head, loop_head)
}

/// Projects a trace that starts at `start` inside the loop at `loop_head` of `code`:
/// the loop itself (`start == loop_head`, ending in `_JUMP_TO_TOP`) or a side trace
/// from a hot exit (ending in `_EXIT_TRACE` to the loop head at a back edge, where the
/// executor stitches it back to the loop's trace). Any back edge to the loop head
/// closes the loop (a loop body may have several). Calls of known simple Python
/// functions are inlined: `_CHECK_FUNCTION`, `_PUSH_FRAME`, the callee's uops,
/// `_POP_FRAME`.
pub fn project_from(
    code_value: Value,
    start: usize,
    loop_head: usize,
) -> Result<Trace, AbortReason> {
    project_with(code_value, start, loop_head, false)
}

/// Projects a side trace for a loop that is done: `for_iter` is a specialized
/// `FOR_ITER` whose iterator has no item left (its `_GUARD_NOT_EXHAUSTED_*` exit got
/// hot). The trace finishes the iterator (`_ITER_END`, which goes back to `for_iter`
/// if an item turned up) and goes on with the code after the loop, as tier 1's
/// `FOR_ITER` would — instead of tier 1 running that code until the next back edge.
pub fn project_loop_exit(
    code_value: Value,
    for_iter: usize,
    loop_head: usize,
) -> Result<Trace, AbortReason> {
    project_with(code_value, for_iter, loop_head, true)
}

fn project_with(
    code_value: Value,
    start: usize,
    loop_head: usize,
    loop_exit: bool,
) -> Result<Trace, AbortReason> {
    let mut codes = vec![code_value];
    let mut uops = vec![
        UopInstruction::new(Uop::_START_EXECUTOR, 0, start as u32, 0),
        UopInstruction::new(Uop::_CHECK_VALIDITY, 0, start as u32, 0),
    ];
    // Inlined frames: (code index, return ip in the caller).
    let mut inline_stack: Vec<(u16, usize)> = Vec::new();
    let mut current: u16 = 0;
    let mut ip = start;
    if loop_exit {
        let instruction = code_data(&code_value)
            .and_then(|code| code.instructions.get(start))
            .map(|i| i.get())
            .filter(|i| {
                matches!(
                    i.op,
                    AdaptiveOpcode::FOR_ITER_RANGE | AdaptiveOpcode::FOR_ITER_LIST
                )
            })
            .ok_or(AbortReason::UnsupportedLoopHead("<not a fast FOR_ITER>"))?;
        uops.push(UopInstruction::new(
            Uop::_SET_IP,
            start as u32,
            start as u32,
            0,
        ));
        uops.push(UopInstruction::new(Uop::_ITER_END, 0, start as u32, 0));
        // Past the loop's `END_FOR` and `POP_TOP`, where tier 1's exhausted
        // `FOR_ITER` jumps.
        ip = instruction.arg as usize + 2;
    }
    let mut steps = 0;
    loop {
        steps += 1;
        let Some(code) = code_data(&codes[current as usize]) else {
            return Err(AbortReason::UnsupportedLoopHead("<no code>"));
        };
        if uops.len() >= MAX_TRACE_LENGTH
            || steps > MAX_TRACE_LENGTH
            || ip >= code.instructions.len()
        {
            uops.push(UopInstruction::new(Uop::_EXIT_TRACE, 0, ip as u32, current));
            break;
        }
        let instruction = code.instructions[ip].get();
        let here = ip as u32;
        let depth = inline_stack.len();
        match instruction.op {
            AdaptiveOpcode::CALL_PY_EXACT_ARGS if depth < MAX_INLINE_DEPTH => {
                let n = instruction.arg as usize;
                let function = code.caches[ip].get().value;
                if let Some(callee) =
                    inlinable_callee(function, n).filter(|_| codes.len() < u16::MAX as usize)
                {
                    uops.push(UopInstruction::new(Uop::_SET_IP, here, here, current));
                    let mut check =
                        UopInstruction::new(Uop::_CHECK_FUNCTION, instruction.arg, here, current);
                    check.operand = function.raw();
                    uops.push(check);
                    codes.push(callee);
                    let callee_index = (codes.len() - 1) as u16;
                    // `_PUSH_FRAME`'s target is where the caller resumes after the call.
                    uops.push(UopInstruction::new(
                        Uop::_PUSH_FRAME,
                        instruction.arg,
                        here + 1,
                        callee_index,
                    ));
                    inline_stack.push((current, ip + 1));
                    current = callee_index;
                    ip = 0;
                    continue;
                }
                uops.push(UopInstruction::new(Uop::_EXIT_TRACE, 0, here, current));
                break;
            }
            AdaptiveOpcode::RETURN_VALUE | AdaptiveOpcode::RETURN_CONST if depth > 0 => {
                if instruction.op == AdaptiveOpcode::RETURN_CONST {
                    uops.push(UopInstruction::new(
                        Uop::_LOAD_CONST,
                        instruction.arg,
                        here,
                        current,
                    ));
                }
                let (caller, return_ip) = inline_stack.pop().expect("depth > 0");
                uops.push(UopInstruction::new(
                    Uop::_POP_FRAME,
                    0,
                    return_ip as u32,
                    caller,
                ));
                current = caller;
                ip = return_ip;
                continue;
            }
            _ => {}
        }
        match expansion(instruction.op) {
            Expansion::Uops(parts) => {
                uops.push(UopInstruction::new(Uop::_SET_IP, here, here, current));
                for (uop, source) in parts {
                    let oparg = match source {
                        UopArg::None => 0,
                        UopArg::Oparg => instruction.arg,
                        UopArg::OpargHigh => instruction.arg >> 4,
                        UopArg::OpargLow => instruction.arg & 15,
                    };
                    let mut u = UopInstruction::new(*uop, oparg, here, current);
                    if *uop == Uop::_RUN_SPECIALIZED {
                        // Which specialized form the trace was made for.
                        u.operand = instruction.op as u64;
                    }
                    uops.push(u);
                }
                ip += 1;
            }
            Expansion::ControlFlow => match instruction.op {
                AdaptiveOpcode::JUMP_FORWARD => ip = instruction.arg as usize,
                AdaptiveOpcode::JUMP_BACKWARD
                | AdaptiveOpcode::JUMP_BACKWARD_NO_INTERRUPT
                | AdaptiveOpcode::ENTER_EXECUTOR => {
                    // An `ENTER_EXECUTOR` (another back edge of a loop that has an
                    // executor) keeps its jump's target in its cache's index.
                    let target = if instruction.op == AdaptiveOpcode::ENTER_EXECUTOR {
                        code.caches[ip].get().index as usize
                    } else {
                        instruction.arg as usize
                    };
                    let closes_loop = depth == 0 && target == loop_head;
                    if !closes_loop && ip == start && depth == 0 {
                        // Another loop's back edge (tier 1 enters that loop's
                        // executor there): a trace of nothing.
                        return Err(AbortReason::UnsupportedLoopHead(instruction.op.name()));
                    }
                    if closes_loop && start == loop_head {
                        uops.push(UopInstruction::new(
                            Uop::_JUMP_TO_TOP,
                            0,
                            loop_head as u32,
                            0,
                        ));
                    } else {
                        // A side trace reaching the loop's back edge rejoins the loop
                        // trace (the executor stitches `_EXIT_TRACE` to the loop head);
                        // any other back edge is left to tier 1.
                        let target = if closes_loop { loop_head as u32 } else { here };
                        uops.push(UopInstruction::new(Uop::_EXIT_TRACE, 0, target, current));
                    }
                    break;
                }
                _ => {
                    // POP_JUMP_IF_FALSE / POP_JUMP_IF_TRUE: follow the likely side; the
                    // guard leaves for the other side (the condition already popped).
                    let jump_target = instruction.arg as usize;
                    let taken = likely_taken(code.caches[ip].get().index);
                    let jumps_when_true = instruction.op == AdaptiveOpcode::POP_JUMP_IF_TRUE;
                    let (guard, exit, next) = match (taken, jumps_when_true) {
                        (true, true) => (Uop::_GUARD_IS_TRUE_POP, ip + 1, jump_target),
                        (true, false) => (Uop::_GUARD_IS_FALSE_POP, ip + 1, jump_target),
                        (false, true) => (Uop::_GUARD_IS_FALSE_POP, jump_target, ip + 1),
                        (false, false) => (Uop::_GUARD_IS_TRUE_POP, jump_target, ip + 1),
                    };
                    uops.push(UopInstruction::new(Uop::_SET_IP, here, here, current));
                    let mut guard = UopInstruction::new(guard, 0, exit as u32, current);
                    // The branch instruction itself (where a forced failure in the
                    // deopt stress mode resumes, its condition not yet popped).
                    guard.operand = u64::from(here);
                    uops.push(guard);
                    ip = next;
                }
            },
            Expansion::Stop => {
                if ip == start && depth == 0 {
                    return Err(AbortReason::UnsupportedLoopHead(instruction.op.name()));
                }
                uops.push(UopInstruction::new(Uop::_EXIT_TRACE, 0, here, current));
                break;
            }
        }
    }
    Ok(Trace {
        codes,
        uops,
        loop_head,
        start,
    })
}

/// What the abstract interpreter knows about a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Known {
    Unknown,
    Int,
    Float,
    Bool,
    /// A bool whose value is known (a `True`/`False` constant).
    ConstBool(bool),
}

impl Known {
    fn is_bool(self) -> bool {
        matches!(self, Known::Bool | Known::ConstBool(_))
    }
}

fn known_constant(value: Value) -> Known {
    if value.is_small_int() {
        Known::Int
    } else if value.is_float() {
        Known::Float
    } else if value.is_bool() {
        Known::ConstBool(value == Value::TRUE)
    } else {
        Known::Unknown
    }
}

/// Removes guards that abstract interpretation of types and constants proves always
/// pass, and folds branches on known constants.
pub fn remove_redundant_guards(trace: &mut Trace) {
    use Uop::*;
    let codes = trace.codes.clone();
    let consts_of = |index: u16| code_data(&codes[index as usize]).map(|c| &c.consts);
    let mut stack: Vec<Known> = Vec::new();
    let mut locals = vec![Known::Unknown; 256];
    // Caller states saved across inlined calls.
    let mut frames: Vec<(Vec<Known>, Vec<Known>, u32)> = Vec::new();
    let pop = |stack: &mut Vec<Known>| stack.pop().unwrap_or(Known::Unknown);
    let top2 = |stack: &Vec<Known>| {
        let n = stack.len();
        (
            if n >= 2 { stack[n - 2] } else { Known::Unknown },
            if n >= 1 { stack[n - 1] } else { Known::Unknown },
        )
    };
    for u in trace.uops.iter_mut() {
        match u.uop {
            _LOAD_FAST => stack.push(
                locals
                    .get(u.oparg as usize)
                    .copied()
                    .unwrap_or(Known::Unknown),
            ),
            _LOAD_CONST => stack.push(
                consts_of(u.code)
                    .and_then(|consts| consts.get(u.oparg as usize))
                    .copied()
                    .map_or(Known::Unknown, known_constant),
            ),
            _STORE_FAST => {
                let t = pop(&mut stack);
                if let Some(slot) = locals.get_mut(u.oparg as usize) {
                    *slot = t;
                }
            }
            _POP_TOP => {
                pop(&mut stack);
            }
            _COPY => {
                let n = u.oparg as usize;
                let t = if stack.len() >= n && n > 0 {
                    stack[stack.len() - n]
                } else {
                    Known::Unknown
                };
                stack.push(t);
            }
            _SWAP => {
                let n = u.oparg as usize;
                let len = stack.len();
                if n >= 2 && len >= n {
                    stack.swap(len - 1, len - n);
                }
            }
            _GUARD_BOTH_INT => {
                if top2(&stack) == (Known::Int, Known::Int) {
                    u.uop = _NOP;
                } else {
                    let len = stack.len();
                    if len >= 2 {
                        stack[len - 2] = Known::Int;
                        stack[len - 1] = Known::Int;
                    }
                }
            }
            _GUARD_BOTH_FLOAT => {
                if top2(&stack) == (Known::Float, Known::Float) {
                    u.uop = _NOP;
                } else {
                    let len = stack.len();
                    if len >= 2 {
                        stack[len - 2] = Known::Float;
                        stack[len - 1] = Known::Float;
                    }
                }
            }
            _BINARY_OP_ADD_INT | _BINARY_OP_SUBTRACT_INT | _BINARY_OP_MULTIPLY_INT => {
                pop(&mut stack);
                pop(&mut stack);
                stack.push(Known::Int);
            }
            _BINARY_OP_ADD_FLOAT | _BINARY_OP_SUBTRACT_FLOAT | _BINARY_OP_MULTIPLY_FLOAT => {
                pop(&mut stack);
                pop(&mut stack);
                stack.push(Known::Float);
            }
            _COMPARE_OP_INT | _COMPARE_OP_FLOAT => {
                pop(&mut stack);
                pop(&mut stack);
                stack.push(Known::Bool);
            }
            _GUARD_TOS_BOOL => {
                if stack.last().is_some_and(|k| k.is_bool()) {
                    u.uop = _NOP;
                } else if let Some(t) = stack.last_mut() {
                    *t = Known::Bool;
                }
            }
            _TO_BOOL_INT => {
                pop(&mut stack);
                stack.push(Known::Bool);
            }
            _GUARD_IS_TRUE_POP | _GUARD_IS_FALSE_POP => {
                // A branch on a known constant that always goes the traced way folds
                // into a plain pop.
                let expected = u.uop == _GUARD_IS_TRUE_POP;
                if pop(&mut stack) == Known::ConstBool(expected) {
                    u.uop = _POP_TOP;
                }
            }
            _ITER_NEXT_RANGE => stack.push(Known::Int),
            _ITER_END | _LIST_APPEND => {
                pop(&mut stack);
            }
            _GET_ITER => {
                pop(&mut stack);
                stack.push(Known::Unknown);
            }
            _ITER_NEXT_LIST => stack.push(Known::Unknown),
            _BINARY_SUBSCR_LIST_INT => {
                pop(&mut stack);
                pop(&mut stack);
                stack.push(Known::Unknown);
            }
            _STORE_SUBSCR_LIST_INT => {
                pop(&mut stack);
                pop(&mut stack);
                pop(&mut stack);
            }
            _LOAD_GLOBAL_MODULE | _LOAD_GLOBAL_BUILTINS => {
                stack.push(Known::Unknown);
                if u.oparg & 1 != 0 {
                    stack.push(Known::Unknown);
                }
            }
            _BINARY_OP | _BINARY_SUBSCR => {
                pop(&mut stack);
                pop(&mut stack);
                stack.push(Known::Unknown);
            }
            _COMPARE_OP => {
                pop(&mut stack);
                pop(&mut stack);
                // With the bool flag (a branch follows) the result is a bool.
                stack.push(if u.oparg & 16 != 0 {
                    Known::Bool
                } else {
                    Known::Unknown
                });
            }
            _CONTAINS_OP | _IS_OP => {
                pop(&mut stack);
                pop(&mut stack);
                stack.push(Known::Bool);
            }
            _TO_BOOL | _UNARY_NOT => {
                pop(&mut stack);
                stack.push(Known::Bool);
            }
            _UNARY_NEGATIVE => {
                let t = pop(&mut stack);
                stack.push(if matches!(t, Known::Float) {
                    Known::Float
                } else {
                    Known::Unknown
                });
            }
            _STORE_SUBSCR => {
                pop(&mut stack);
                pop(&mut stack);
                pop(&mut stack);
            }
            _CHECK_FUNCTION => {}
            // Its stack effect depends on the instruction: forget what is known about
            // the stack (values pushed later are tracked again; locals are untouched).
            _RUN_SPECIALIZED => stack.clear(),
            _PUSH_FRAME => {
                // The callee starts with its arguments as locals, types unknown; the caller's
                // knowledge is kept for after the return.
                let n = u.oparg as usize + 2;
                let keep = stack.len().saturating_sub(n);
                let caller_stack = stack[..keep].to_vec();
                let caller_locals = std::mem::replace(&mut locals, vec![Known::Unknown; 256]);
                frames.push((caller_stack, caller_locals, u.oparg));
                stack.clear();
            }
            _POP_FRAME => {
                if let Some((caller_stack, caller_locals, _)) = frames.pop() {
                    stack = caller_stack;
                    locals = caller_locals;
                    stack.push(Known::Unknown);
                } else {
                    stack.clear();
                }
            }
            _START_EXECUTOR
            | _CHECK_VALIDITY
            | _SET_IP
            | _NOP
            | _ITER_CHECK_RANGE
            | _GUARD_NOT_EXHAUSTED_RANGE
            | _ITER_CHECK_LIST
            | _GUARD_NOT_EXHAUSTED_LIST => {}
            _JUMP_TO_TOP | _EXIT_TRACE => break,
        }
    }
}

/// Removes `_SET_IP` (every exit and every uop that can raise carries its own
/// tier-1 target, which becomes `lasti`) and `_NOP`s left by other passes.
pub fn remove_set_ip_and_nops(trace: &mut Trace) {
    trace
        .uops
        .retain(|u| !matches!(u.uop, Uop::_SET_IP | Uop::_NOP));
}

/// Fewest uops of real work a loop trace that does not close the loop must have.
pub const MIN_OPEN_TRACE_WORK: usize = 8;

/// Whether a loop trace exits to tier 1 (instead of closing the loop) after so little
/// work that entering it costs more than it saves.
pub fn too_short_to_pay_off(trace: &Trace) -> bool {
    let closes_loop = trace
        .uops
        .last()
        .is_some_and(|u| u.uop == Uop::_JUMP_TO_TOP);
    let work = trace
        .uops
        .iter()
        .filter(|u| {
            !matches!(
                u.uop,
                Uop::_START_EXECUTOR
                    | Uop::_CHECK_VALIDITY
                    | Uop::_SET_IP
                    | Uop::_NOP
                    | Uop::_EXIT_TRACE
            )
        })
        .count();
    !closes_loop && work < MIN_OPEN_TRACE_WORK
}

/// All passes, in order.
pub fn optimize(trace: &mut Trace) {
    remove_redundant_guards(trace);
    remove_set_ip_and_nops(trace);
}

#[cfg(test)]
mod tests {
    use cpjit_bytecode::uops::ALL_UOPS;

    /// Every uop has an arm in the tier-2 interpreter: the interpreter's `match` has no
    /// catch-all, and this tidy check names any uop its source does not mention.
    #[test]
    fn every_uop_has_a_tier2_interpreter_arm() {
        let source = include_str!("../../interpreter/src/uop_interpreter.rs");
        for uop in ALL_UOPS {
            assert!(
                source.contains(&format!("Uop::{}", uop.name())),
                "{} has no arm in the tier-2 interpreter",
                uop.name()
            );
        }
    }
}
