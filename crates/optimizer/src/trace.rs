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
pub const MAX_TRACE_LENGTH: usize = 256;

/// One micro-op of a trace. `target` is the tier-1 instruction index execution
/// resumes at when the uop exits (a failed guard, or `_EXIT_TRACE`); the value stack
/// then is exactly what tier 1 expects there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UopInstruction {
    pub uop: Uop,
    pub oparg: u32,
    pub target: u32,
}

/// A projected loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trace {
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
            let exit = if u.uop.flags().guard || u.uop == Uop::_EXIT_TRACE {
                format!("-> @{}", u.target)
            } else {
                String::new()
            };
            let _ = writeln!(out, "{i:>3}: {:<28} {arg:>4} {exit}", u.uop.name());
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

/// Projects the loop whose head is `loop_head`, following specialized instructions
/// and recorded branch directions.
pub fn project(code: &CodeData, loop_head: usize) -> Result<Trace, AbortReason> {
    project_from(code, loop_head, loop_head)
}

/// Projects a trace that starts at `start` inside the loop `loop_head..=back_edge`:
/// the loop itself (`start == loop_head`, ending in `_JUMP_TO_TOP`) or a side trace
/// from a hot exit (ending in `_EXIT_TRACE` to the loop head at a back edge, where the
/// executor stitches it back to the loop's trace). Any back edge to the loop head
/// closes the loop (a loop body may have several).
pub fn project_from(code: &CodeData, start: usize, loop_head: usize) -> Result<Trace, AbortReason> {
    let mut uops = vec![
        UopInstruction {
            uop: Uop::_START_EXECUTOR,
            oparg: 0,
            target: start as u32,
        },
        UopInstruction {
            uop: Uop::_CHECK_VALIDITY,
            oparg: 0,
            target: start as u32,
        },
    ];
    let mut ip = start;
    let mut steps = 0;
    loop {
        steps += 1;
        if uops.len() >= MAX_TRACE_LENGTH
            || steps > MAX_TRACE_LENGTH
            || ip >= code.instructions.len()
        {
            uops.push(UopInstruction {
                uop: Uop::_EXIT_TRACE,
                oparg: 0,
                target: ip as u32,
            });
            break;
        }
        let instruction = code.instructions[ip].get();
        let here = ip as u32;
        match expansion(instruction.op) {
            Expansion::Uops(parts) => {
                uops.push(UopInstruction {
                    uop: Uop::_SET_IP,
                    oparg: here,
                    target: here,
                });
                for (uop, source) in parts {
                    let oparg = match source {
                        UopArg::None => 0,
                        UopArg::Oparg => instruction.arg,
                        UopArg::OpargHigh => instruction.arg >> 4,
                        UopArg::OpargLow => instruction.arg & 15,
                    };
                    uops.push(UopInstruction {
                        uop: *uop,
                        oparg,
                        target: here,
                    });
                }
                ip += 1;
            }
            Expansion::ControlFlow => match instruction.op {
                AdaptiveOpcode::JUMP_FORWARD => ip = instruction.arg as usize,
                AdaptiveOpcode::JUMP_BACKWARD | AdaptiveOpcode::JUMP_BACKWARD_NO_INTERRUPT => {
                    let closes_loop = instruction.arg as usize == loop_head;
                    if closes_loop && start == loop_head {
                        uops.push(UopInstruction {
                            uop: Uop::_JUMP_TO_TOP,
                            oparg: 0,
                            target: loop_head as u32,
                        });
                    } else {
                        // A side trace reaching the loop's back edge rejoins the loop
                        // trace (the executor stitches `_EXIT_TRACE` to the loop head);
                        // any other back edge is left to tier 1.
                        let target = if closes_loop { loop_head as u32 } else { here };
                        uops.push(UopInstruction {
                            uop: Uop::_EXIT_TRACE,
                            oparg: 0,
                            target,
                        });
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
                    uops.push(UopInstruction {
                        uop: Uop::_SET_IP,
                        oparg: here,
                        target: here,
                    });
                    uops.push(UopInstruction {
                        uop: guard,
                        oparg: 0,
                        target: exit as u32,
                    });
                    ip = next;
                }
            },
            Expansion::Stop => {
                if ip == start {
                    return Err(AbortReason::UnsupportedLoopHead(instruction.op.name()));
                }
                uops.push(UopInstruction {
                    uop: Uop::_EXIT_TRACE,
                    oparg: 0,
                    target: here,
                });
                break;
            }
        }
    }
    Ok(Trace {
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
pub fn remove_redundant_guards(trace: &mut Trace, code: &CodeData) {
    use Uop::*;
    let mut stack: Vec<Known> = Vec::new();
    let mut locals = vec![Known::Unknown; code.nlocalsplus];
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
                code.consts
                    .get(u.oparg as usize)
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

/// All passes, in order.
pub fn optimize(trace: &mut Trace, code: &CodeData) {
    remove_redundant_guards(trace, code);
    remove_set_ip_and_nops(trace);
}

#[cfg(test)]
mod tests {
    use super::*;
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
