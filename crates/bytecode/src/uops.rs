//! Micro-ops: the tier-2 instruction set, and how tier-1 instructions expand into it.
//!
//! One table ([`define_uops!`]) gives every uop its CPython name and flags; one function
//! ([`expansion`]) says which uops each (specialized) tier-1 instruction becomes, or
//! that it stops a trace. The projector, the passes, the tier-2 interpreter and (later)
//! the stencil generator all read these; tests check every uop has an interpreter arm.
//!
//! Must never know about run-time values or machine code.

use crate::opcode::AdaptiveOpcode;

/// Facts about a uop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UopFlags {
    /// Checks a condition and leaves the trace (deoptimizes) when it fails.
    pub guard: bool,
    /// Ends the trace or jumps within it (no fall-through to the next uop).
    pub terminator: bool,
    /// Uses its `oparg`.
    pub uses_oparg: bool,
}

impl Uop {
    /// Whether the uop calls a generic runtime operation that may raise.
    pub fn can_error(self) -> bool {
        matches!(
            self,
            Uop::_BINARY_OP
                | Uop::_COMPARE_OP
                | Uop::_TO_BOOL
                | Uop::_BINARY_SUBSCR
                | Uop::_STORE_SUBSCR
                | Uop::_CONTAINS_OP
                | Uop::_UNARY_NEGATIVE
        )
    }
}

macro_rules! define_uops {
    ($( $name:ident { guard: $guard:literal, terminator: $term:literal, oparg: $oparg:literal } ),* $(,)?) => {
        /// A micro-op, named as in CPython 3.13.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Uop { $( $name, )* }

        const UOP_TABLE: &[(&str, UopFlags)] = &[
            $( (stringify!($name), UopFlags { guard: $guard, terminator: $term, uses_oparg: $oparg }), )*
        ];

        /// Every uop, in table order.
        pub const ALL_UOPS: &[Uop] = &[ $( Uop::$name, )* ];
    };
}

define_uops! {
    _START_EXECUTOR { guard: false, terminator: false, oparg: false },
    _CHECK_VALIDITY { guard: true, terminator: false, oparg: false },
    _SET_IP { guard: false, terminator: false, oparg: true },
    _JUMP_TO_TOP { guard: false, terminator: true, oparg: false },
    _EXIT_TRACE { guard: false, terminator: true, oparg: false },
    _NOP { guard: false, terminator: false, oparg: false },
    _LOAD_FAST { guard: false, terminator: false, oparg: true },
    _LOAD_CONST { guard: false, terminator: false, oparg: true },
    _STORE_FAST { guard: false, terminator: false, oparg: true },
    _POP_TOP { guard: false, terminator: false, oparg: false },
    _COPY { guard: false, terminator: false, oparg: true },
    _SWAP { guard: false, terminator: false, oparg: true },
    _GUARD_BOTH_INT { guard: true, terminator: false, oparg: false },
    _BINARY_OP_ADD_INT { guard: true, terminator: false, oparg: false },
    _BINARY_OP_SUBTRACT_INT { guard: true, terminator: false, oparg: false },
    _BINARY_OP_MULTIPLY_INT { guard: true, terminator: false, oparg: false },
    _GUARD_BOTH_FLOAT { guard: true, terminator: false, oparg: false },
    _BINARY_OP_ADD_FLOAT { guard: false, terminator: false, oparg: false },
    _BINARY_OP_SUBTRACT_FLOAT { guard: false, terminator: false, oparg: false },
    _BINARY_OP_MULTIPLY_FLOAT { guard: false, terminator: false, oparg: false },
    _COMPARE_OP_INT { guard: false, terminator: false, oparg: true },
    _COMPARE_OP_FLOAT { guard: false, terminator: false, oparg: true },
    _GUARD_TOS_BOOL { guard: true, terminator: false, oparg: false },
    _TO_BOOL_INT { guard: true, terminator: false, oparg: false },
    _GUARD_IS_TRUE_POP { guard: true, terminator: false, oparg: false },
    _GUARD_IS_FALSE_POP { guard: true, terminator: false, oparg: false },
    _ITER_CHECK_RANGE { guard: true, terminator: false, oparg: false },
    _GUARD_NOT_EXHAUSTED_RANGE { guard: true, terminator: false, oparg: false },
    _ITER_NEXT_RANGE { guard: false, terminator: false, oparg: false },
    _ITER_CHECK_LIST { guard: true, terminator: false, oparg: false },
    _GUARD_NOT_EXHAUSTED_LIST { guard: true, terminator: false, oparg: false },
    _ITER_NEXT_LIST { guard: false, terminator: false, oparg: false },
    _ITER_END { guard: true, terminator: false, oparg: false },
    _GET_ITER { guard: false, terminator: false, oparg: false },
    _LIST_APPEND { guard: false, terminator: false, oparg: true },
    _BINARY_SUBSCR_LIST_INT { guard: true, terminator: false, oparg: false },
    _STORE_SUBSCR_LIST_INT { guard: true, terminator: false, oparg: false },
    _LOAD_GLOBAL_MODULE { guard: true, terminator: false, oparg: true },
    _LOAD_GLOBAL_BUILTINS { guard: true, terminator: false, oparg: true },
    _BINARY_OP { guard: false, terminator: false, oparg: true },
    _COMPARE_OP { guard: false, terminator: false, oparg: true },
    _TO_BOOL { guard: false, terminator: false, oparg: false },
    _BINARY_SUBSCR { guard: false, terminator: false, oparg: false },
    _STORE_SUBSCR { guard: false, terminator: false, oparg: false },
    _CONTAINS_OP { guard: false, terminator: false, oparg: true },
    _IS_OP { guard: false, terminator: false, oparg: true },
    _UNARY_NOT { guard: false, terminator: false, oparg: false },
    _UNARY_NEGATIVE { guard: false, terminator: false, oparg: false },
    _CHECK_FUNCTION { guard: true, terminator: false, oparg: true },
    _PUSH_FRAME { guard: false, terminator: false, oparg: true },
    _POP_FRAME { guard: false, terminator: false, oparg: false },
    _RUN_SPECIALIZED { guard: true, terminator: false, oparg: true },
}

impl Uop {
    pub fn name(self) -> &'static str {
        UOP_TABLE[self as usize].0
    }

    pub fn flags(self) -> UopFlags {
        UOP_TABLE[self as usize].1
    }
}

/// One piece of an instruction's expansion: the uop and where its argument comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UopArg {
    /// No argument.
    None,
    /// The instruction's oparg.
    Oparg,
    /// The high nibble of the oparg (superinstructions: `arg >> 4`).
    OpargHigh,
    /// The low nibble of the oparg (`arg & 15`).
    OpargLow,
}

/// How a tier-1 instruction enters a trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expansion {
    /// These uops, in order.
    Uops(&'static [(Uop, UopArg)]),
    /// Control flow the projector handles itself (branches, jumps, back edges).
    ControlFlow,
    /// Not supported in traces: the trace exits to tier 1 here.
    Stop,
}

/// The expansion of a tier-1 instruction (generic or specialized).
pub fn expansion(op: AdaptiveOpcode) -> Expansion {
    use AdaptiveOpcode as A;
    use Uop::*;
    use UopArg::*;
    match op {
        A::NOP | A::RESUME => Expansion::Uops(&[(_NOP, None)]),
        A::LOAD_FAST | A::LOAD_FAST_CHECK => Expansion::Uops(&[(_LOAD_FAST, Oparg)]),
        A::LOAD_FAST_LOAD_FAST => {
            Expansion::Uops(&[(_LOAD_FAST, OpargHigh), (_LOAD_FAST, OpargLow)])
        }
        A::LOAD_CONST => Expansion::Uops(&[(_LOAD_CONST, Oparg)]),
        A::STORE_FAST => Expansion::Uops(&[(_STORE_FAST, Oparg)]),
        A::STORE_FAST_LOAD_FAST => {
            Expansion::Uops(&[(_STORE_FAST, OpargHigh), (_LOAD_FAST, OpargLow)])
        }
        A::STORE_FAST_STORE_FAST => {
            Expansion::Uops(&[(_STORE_FAST, OpargHigh), (_STORE_FAST, OpargLow)])
        }
        A::POP_TOP => Expansion::Uops(&[(_POP_TOP, None)]),
        A::COPY => Expansion::Uops(&[(_COPY, Oparg)]),
        A::SWAP => Expansion::Uops(&[(_SWAP, Oparg)]),
        A::BINARY_OP_ADD_INT => {
            Expansion::Uops(&[(_GUARD_BOTH_INT, None), (_BINARY_OP_ADD_INT, None)])
        }
        A::BINARY_OP_SUBTRACT_INT => {
            Expansion::Uops(&[(_GUARD_BOTH_INT, None), (_BINARY_OP_SUBTRACT_INT, None)])
        }
        A::BINARY_OP_MULTIPLY_INT => {
            Expansion::Uops(&[(_GUARD_BOTH_INT, None), (_BINARY_OP_MULTIPLY_INT, None)])
        }
        A::BINARY_OP_ADD_FLOAT => {
            Expansion::Uops(&[(_GUARD_BOTH_FLOAT, None), (_BINARY_OP_ADD_FLOAT, None)])
        }
        A::BINARY_OP_SUBTRACT_FLOAT => {
            Expansion::Uops(&[(_GUARD_BOTH_FLOAT, None), (_BINARY_OP_SUBTRACT_FLOAT, None)])
        }
        A::BINARY_OP_MULTIPLY_FLOAT => {
            Expansion::Uops(&[(_GUARD_BOTH_FLOAT, None), (_BINARY_OP_MULTIPLY_FLOAT, None)])
        }
        A::COMPARE_OP_INT => Expansion::Uops(&[(_GUARD_BOTH_INT, None), (_COMPARE_OP_INT, Oparg)]),
        A::COMPARE_OP_FLOAT => {
            Expansion::Uops(&[(_GUARD_BOTH_FLOAT, None), (_COMPARE_OP_FLOAT, Oparg)])
        }
        A::TO_BOOL_BOOL => Expansion::Uops(&[(_GUARD_TOS_BOOL, None)]),
        A::TO_BOOL_INT => Expansion::Uops(&[(_TO_BOOL_INT, None)]),
        A::FOR_ITER_RANGE => Expansion::Uops(&[
            (_ITER_CHECK_RANGE, None),
            (_GUARD_NOT_EXHAUSTED_RANGE, None),
            (_ITER_NEXT_RANGE, None),
        ]),
        A::FOR_ITER_LIST => Expansion::Uops(&[
            (_ITER_CHECK_LIST, None),
            (_GUARD_NOT_EXHAUSTED_LIST, None),
            (_ITER_NEXT_LIST, None),
        ]),
        A::BINARY_SUBSCR_LIST_INT => Expansion::Uops(&[(_BINARY_SUBSCR_LIST_INT, None)]),
        A::STORE_SUBSCR_LIST_INT => Expansion::Uops(&[(_STORE_SUBSCR_LIST_INT, None)]),
        A::LOAD_GLOBAL_MODULE => Expansion::Uops(&[(_LOAD_GLOBAL_MODULE, Oparg)]),
        A::LOAD_GLOBAL_BUILTIN => Expansion::Uops(&[(_LOAD_GLOBAL_BUILTINS, Oparg)]),
        // Generic forms: call the runtime's operation and may raise.
        A::BINARY_OP => Expansion::Uops(&[(_BINARY_OP, Oparg)]),
        A::COMPARE_OP => Expansion::Uops(&[(_COMPARE_OP, Oparg)]),
        A::TO_BOOL => Expansion::Uops(&[(_TO_BOOL, None)]),
        A::BINARY_SUBSCR => Expansion::Uops(&[(_BINARY_SUBSCR, None)]),
        A::STORE_SUBSCR => Expansion::Uops(&[(_STORE_SUBSCR, None)]),
        A::CONTAINS_OP => Expansion::Uops(&[(_CONTAINS_OP, Oparg)]),
        A::IS_OP => Expansion::Uops(&[(_IS_OP, Oparg)]),
        A::UNARY_NOT => Expansion::Uops(&[(_UNARY_NOT, None)]),
        A::UNARY_NEGATIVE => Expansion::Uops(&[(_UNARY_NEGATIVE, None)]),
        A::GET_ITER => Expansion::Uops(&[(_GET_ITER, None)]),
        A::LIST_APPEND => Expansion::Uops(&[(_LIST_APPEND, Oparg)]),
        // Specialized instructions without uops of their own run their tier-1 body as
        // one uop (its guards checked against the live inline cache; a miss exits).
        op if runs_as_specialized(op) => Expansion::Uops(&[(_RUN_SPECIALIZED, Oparg)]),
        A::POP_JUMP_IF_FALSE
        | A::POP_JUMP_IF_TRUE
        | A::JUMP_FORWARD
        | A::JUMP_BACKWARD
        | A::JUMP_BACKWARD_NO_INTERRUPT
        | A::ENTER_EXECUTOR => Expansion::ControlFlow,
        _ => Expansion::Stop,
    }
}

/// Specialized instructions a trace runs through `_RUN_SPECIALIZED`: their tier-1
/// body neither pushes a frame nor jumps, and a miss leaves the stack untouched.
pub fn runs_as_specialized(op: AdaptiveOpcode) -> bool {
    use AdaptiveOpcode as A;
    matches!(
        op,
        A::BINARY_OP_ADD_UNICODE
            | A::COMPARE_OP_STR
            | A::TO_BOOL_NONE
            | A::TO_BOOL_LIST
            | A::TO_BOOL_STR
            | A::LOAD_ATTR_METHOD_NO_DICT
            | A::LOAD_ATTR_MODULE
            | A::LOAD_ATTR_INSTANCE_VALUE
            | A::LOAD_ATTR_METHOD_WITH_VALUES
            | A::STORE_ATTR_INSTANCE_VALUE
            | A::CALL_LEN
            | A::CALL_ISINSTANCE
            | A::CALL_LIST_APPEND
            | A::CALL_BUILTIN_FAST
            | A::CALL_METHOD_DESCRIPTOR_FAST
            | A::CALL_BUILTIN_CLASS
            | A::BINARY_SUBSCR_TUPLE_INT
            | A::BINARY_SUBSCR_STR_INT
            | A::BINARY_SUBSCR_DICT
            | A::STORE_SUBSCR_DICT
            | A::UNPACK_SEQUENCE_TWO_TUPLE
            | A::UNPACK_SEQUENCE_TUPLE
            | A::UNPACK_SEQUENCE_LIST
            | A::CONTAINS_OP_DICT
            | A::CONTAINS_OP_SET
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opcode::ALL_ADAPTIVE_OPCODES;

    #[test]
    fn table_is_consistent() {
        for (i, uop) in ALL_UOPS.iter().enumerate() {
            assert_eq!(*uop as usize, i);
            assert!(uop.name().starts_with('_'));
        }
    }

    /// Every specialized instruction either expands into uops or is explicitly a trace
    /// stopper; the list of stoppers is written out so a new specialization is a
    /// conscious decision.
    #[test]
    fn every_specialized_instruction_expands_or_stops() {
        let stoppers = [
            "CALL_PY_EXACT_ARGS",
            "CALL_BOUND_METHOD_EXACT_ARGS",
            "CALL_PY_WITH_DEFAULTS",
            "FOR_ITER_TUPLE",
            // They push a frame (`__init__`'s, the generator's) that tier 1 runs.
            "CALL_ALLOC_AND_ENTER_INIT",
            "FOR_ITER_GEN",
            "SEND_GEN",
        ];
        for op in ALL_ADAPTIVE_OPCODES.iter().filter(|op| op.is_specialized()) {
            let listed = stoppers.contains(&op.name());
            match expansion(*op) {
                Expansion::Uops(_) => {
                    assert!(!listed, "{} expands but is listed as a stopper", op.name())
                }
                Expansion::Stop => assert!(
                    listed,
                    "{} neither expands nor is a listed stopper",
                    op.name()
                ),
                Expansion::ControlFlow => panic!("{} is not control flow", op.name()),
            }
        }
    }
}
