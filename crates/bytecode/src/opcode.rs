//! The opcode table: one definition per tier-1 instruction. Names, argument use,
//! inline-cache sizes (as CPython 3.13's `_PyOpcode_Caches`) and jump kinds are all
//! read from here; nothing else restates them.

/// How an instruction's argument relates to control flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JumpKind {
    /// Not a jump.
    None,
    /// The argument is the absolute index of a later instruction.
    Forward,
    /// The argument is the absolute index of an earlier (or the same) instruction.
    Backward,
}

/// Static facts about one opcode.
#[derive(Clone, Copy, Debug)]
pub struct OpcodeInfo {
    pub name: &'static str,
    pub has_arg: bool,
    /// Inline cache entries (16-bit code units) CPython 3.13 reserves after it; used for
    /// CPython-compatible jump deltas in `dis`.
    pub cache_entries: u8,
    pub jump: JumpKind,
}

macro_rules! define_opcodes {
    (
        base { $( $name:ident : $has_arg:literal, $caches:literal, $jump:ident ; )* }
        specialized { $( $special:ident => $family:ident ; )* }
    ) => {
        /// A tier-1 instruction opcode, named as in CPython 3.13, as the compiler emits it.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Opcode { $( $name, )* }

        const OPCODE_TABLE: &[OpcodeInfo] = &[
            $( OpcodeInfo { name: stringify!($name), has_arg: $has_arg, cache_entries: $caches, jump: JumpKind::$jump }, )*
        ];

        /// Every opcode in table order.
        pub const ALL_OPCODES: &[Opcode] = &[ $( Opcode::$name, )* ];

        /// An opcode as the specializing interpreter stores it: every [`Opcode`] (same
        /// discriminant) plus CPython 3.13's specialized forms, each belonging to the
        /// family of the generic instruction it replaces.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum AdaptiveOpcode { $( $name, )* $( $special, )* }

        /// Every adaptive opcode in table order.
        pub const ALL_ADAPTIVE_OPCODES: &[AdaptiveOpcode] =
            &[ $( AdaptiveOpcode::$name, )* $( AdaptiveOpcode::$special, )* ];

        const ADAPTIVE_NAMES: &[&str] = &[ $( stringify!($name), )* $( stringify!($special), )* ];

        const ADAPTIVE_FAMILY: &[Opcode] = &[ $( Opcode::$name, )* $( Opcode::$family, )* ];

        impl Opcode {
            /// Whether the instruction has specialized forms (and so an adaptive
            /// counter and an inline cache).
            #[inline]
            #[allow(unreachable_patterns)]
            pub const fn is_specializable(self) -> bool {
                matches!(self, $( Opcode::$family )|*)
            }
        }
    };
}

define_opcodes! {
    base {
    NOP: false, 0, None;
    RESUME: true, 0, None;
    POP_TOP: false, 0, None;
    PUSH_NULL: false, 0, None;
    END_FOR: false, 0, None;
    COPY: true, 0, None;
    SWAP: true, 0, None;
    LOAD_CONST: true, 0, None;
    RETURN_CONST: true, 0, None;
    RETURN_VALUE: false, 0, None;
    LOAD_FAST: true, 0, None;
    LOAD_FAST_CHECK: true, 0, None;
    LOAD_FAST_AND_CLEAR: true, 0, None;
    LOAD_FAST_LOAD_FAST: true, 0, None;
    STORE_FAST: true, 0, None;
    STORE_FAST_LOAD_FAST: true, 0, None;
    STORE_FAST_STORE_FAST: true, 0, None;
    DELETE_FAST: true, 0, None;
    LOAD_NAME: true, 0, None;
    STORE_NAME: true, 0, None;
    DELETE_NAME: true, 0, None;
    LOAD_GLOBAL: true, 4, None;
    STORE_GLOBAL: true, 0, None;
    DELETE_GLOBAL: true, 0, None;
    MAKE_CELL: true, 0, None;
    COPY_FREE_VARS: true, 0, None;
    LOAD_DEREF: true, 0, None;
    STORE_DEREF: true, 0, None;
    DELETE_DEREF: true, 0, None;
    LOAD_FROM_DICT_OR_DEREF: true, 0, None;
    LOAD_ATTR: true, 9, None;
    STORE_ATTR: true, 4, None;
    DELETE_ATTR: true, 0, None;
    LOAD_SUPER_ATTR: true, 1, None;
    UNARY_NEGATIVE: false, 0, None;
    UNARY_NOT: false, 0, None;
    UNARY_INVERT: false, 0, None;
    TO_BOOL: false, 3, None;
    BINARY_OP: true, 1, None;
    COMPARE_OP: true, 1, None;
    IS_OP: true, 0, None;
    CONTAINS_OP: true, 1, None;
    BINARY_SUBSCR: false, 1, None;
    STORE_SUBSCR: false, 1, None;
    DELETE_SUBSCR: false, 0, None;
    BINARY_SLICE: false, 0, None;
    STORE_SLICE: false, 0, None;
    BUILD_SLICE: true, 0, None;
    BUILD_TUPLE: true, 0, None;
    BUILD_LIST: true, 0, None;
    BUILD_SET: true, 0, None;
    BUILD_MAP: true, 0, None;
    BUILD_CONST_KEY_MAP: true, 0, None;
    BUILD_STRING: true, 0, None;
    LIST_APPEND: true, 0, None;
    LIST_EXTEND: true, 0, None;
    SET_ADD: true, 0, None;
    SET_UPDATE: true, 0, None;
    MAP_ADD: true, 0, None;
    DICT_UPDATE: true, 0, None;
    DICT_MERGE: true, 0, None;
    UNPACK_SEQUENCE: true, 1, None;
    UNPACK_EX: true, 0, None;
    FORMAT_SIMPLE: false, 0, None;
    FORMAT_WITH_SPEC: false, 0, None;
    CONVERT_VALUE: true, 0, None;
    GET_ITER: false, 0, None;
    FOR_ITER: true, 1, Forward;
    JUMP_FORWARD: true, 0, Forward;
    JUMP_BACKWARD: true, 1, Backward;
    JUMP_BACKWARD_NO_INTERRUPT: true, 0, Backward;
    POP_JUMP_IF_FALSE: true, 1, Forward;
    POP_JUMP_IF_TRUE: true, 1, Forward;
    POP_JUMP_IF_NONE: true, 1, Forward;
    POP_JUMP_IF_NOT_NONE: true, 1, Forward;
    MAKE_FUNCTION: false, 0, None;
    SET_FUNCTION_ATTRIBUTE: true, 0, None;
    CALL: true, 3, None;
    CALL_KW: true, 0, None;
    CALL_FUNCTION_EX: true, 0, None;
    CALL_INTRINSIC_1: true, 0, None;
    CALL_INTRINSIC_2: true, 0, None;
    RAISE_VARARGS: true, 0, None;
    RERAISE: true, 0, None;
    PUSH_EXC_INFO: false, 0, None;
    POP_EXCEPT: false, 0, None;
    CHECK_EXC_MATCH: false, 0, None;
    LOAD_ASSERTION_ERROR: false, 0, None;
    LOAD_BUILD_CLASS: false, 0, None;
    LOAD_LOCALS: false, 0, None;
    IMPORT_NAME: true, 0, None;
    IMPORT_FROM: true, 0, None;
    BEFORE_WITH: false, 0, None;
    WITH_EXCEPT_START: false, 0, None;
    RETURN_GENERATOR: false, 0, None;
    YIELD_VALUE: true, 0, None;
    SEND: true, 1, Forward;
    END_SEND: false, 0, None;
    GET_YIELD_FROM_ITER: false, 0, None;
    CLEANUP_THROW: false, 0, None;
    SETUP_ANNOTATIONS: false, 0, None;
    GET_LEN: false, 0, None;
    MATCH_MAPPING: false, 0, None;
    MATCH_SEQUENCE: false, 0, None;
    MATCH_KEYS: false, 0, None;
    MATCH_CLASS: true, 0, None;
    ENTER_EXECUTOR: true, 0, None;
    }
    specialized {
        BINARY_OP_ADD_INT => BINARY_OP;
        BINARY_OP_SUBTRACT_INT => BINARY_OP;
        BINARY_OP_MULTIPLY_INT => BINARY_OP;
        BINARY_OP_ADD_FLOAT => BINARY_OP;
        BINARY_OP_SUBTRACT_FLOAT => BINARY_OP;
        BINARY_OP_MULTIPLY_FLOAT => BINARY_OP;
        BINARY_OP_ADD_UNICODE => BINARY_OP;
        COMPARE_OP_INT => COMPARE_OP;
        COMPARE_OP_FLOAT => COMPARE_OP;
        COMPARE_OP_STR => COMPARE_OP;
        TO_BOOL_BOOL => TO_BOOL;
        TO_BOOL_INT => TO_BOOL;
        TO_BOOL_NONE => TO_BOOL;
        TO_BOOL_LIST => TO_BOOL;
        TO_BOOL_STR => TO_BOOL;
        LOAD_GLOBAL_MODULE => LOAD_GLOBAL;
        LOAD_GLOBAL_BUILTIN => LOAD_GLOBAL;
        LOAD_ATTR_METHOD_NO_DICT => LOAD_ATTR;
        LOAD_ATTR_MODULE => LOAD_ATTR;
        LOAD_ATTR_INSTANCE_VALUE => LOAD_ATTR;
        LOAD_ATTR_METHOD_WITH_VALUES => LOAD_ATTR;
        STORE_ATTR_INSTANCE_VALUE => STORE_ATTR;
        CALL_PY_EXACT_ARGS => CALL;
        CALL_BOUND_METHOD_EXACT_ARGS => CALL;
        CALL_LEN => CALL;
        CALL_ISINSTANCE => CALL;
        CALL_LIST_APPEND => CALL;
        CALL_BUILTIN_FAST => CALL;
        CALL_METHOD_DESCRIPTOR_FAST => CALL;
        CALL_BUILTIN_CLASS => CALL;
        BINARY_SUBSCR_LIST_INT => BINARY_SUBSCR;
        BINARY_SUBSCR_TUPLE_INT => BINARY_SUBSCR;
        BINARY_SUBSCR_STR_INT => BINARY_SUBSCR;
        BINARY_SUBSCR_DICT => BINARY_SUBSCR;
        STORE_SUBSCR_LIST_INT => STORE_SUBSCR;
        STORE_SUBSCR_DICT => STORE_SUBSCR;
        FOR_ITER_RANGE => FOR_ITER;
        FOR_ITER_LIST => FOR_ITER;
        FOR_ITER_TUPLE => FOR_ITER;
        UNPACK_SEQUENCE_TWO_TUPLE => UNPACK_SEQUENCE;
        UNPACK_SEQUENCE_TUPLE => UNPACK_SEQUENCE;
        UNPACK_SEQUENCE_LIST => UNPACK_SEQUENCE;
        CONTAINS_OP_DICT => CONTAINS_OP;
        CONTAINS_OP_SET => CONTAINS_OP;
        CALL_ALLOC_AND_ENTER_INIT => CALL;
        FOR_ITER_GEN => FOR_ITER;
        SEND_GEN => SEND;
        CALL_PY_WITH_DEFAULTS => CALL;
    }
}

/// Number of opcodes in the table.
pub const OPCODE_COUNT: usize = OPCODE_TABLE.len();

impl Opcode {
    /// Static facts about this opcode.
    #[inline]
    pub fn info(self) -> &'static OpcodeInfo {
        &OPCODE_TABLE[self as usize]
    }

    /// CPython's name for the opcode (`LOAD_FAST`, …).
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// Whether the instruction uses its argument.
    pub fn has_arg(self) -> bool {
        self.info().has_arg
    }

    /// Jump kind of the instruction.
    pub fn jump(self) -> JumpKind {
        self.info().jump
    }

    /// Looks an opcode up by its CPython name.
    pub fn from_name(name: &str) -> Option<Opcode> {
        ALL_OPCODES.iter().copied().find(|op| op.name() == name)
    }

    /// Whether control never falls through to the next instruction.
    pub fn is_terminator(self) -> bool {
        matches!(
            self,
            Opcode::RETURN_VALUE
                | Opcode::RETURN_CONST
                | Opcode::RAISE_VARARGS
                | Opcode::RERAISE
                | Opcode::JUMP_FORWARD
                | Opcode::JUMP_BACKWARD
                | Opcode::JUMP_BACKWARD_NO_INTERRUPT
        )
    }
}

impl AdaptiveOpcode {
    /// The generic instruction this one specializes (itself for generic opcodes).
    #[inline]
    pub fn family(self) -> Opcode {
        ADAPTIVE_FAMILY[self as usize]
    }

    /// CPython's name (`BINARY_OP_ADD_INT`, …).
    pub fn name(self) -> &'static str {
        ADAPTIVE_NAMES[self as usize]
    }

    /// Whether this is a specialized form (not an opcode the compiler emits).
    pub fn is_specialized(self) -> bool {
        self as usize >= OPCODE_COUNT
    }

    /// Looks an adaptive opcode up by its CPython name.
    pub fn from_name(name: &str) -> Option<AdaptiveOpcode> {
        ALL_ADAPTIVE_OPCODES
            .iter()
            .copied()
            .find(|op| op.name() == name)
    }

    /// The specialized forms of a family.
    pub fn specializations_of(family: Opcode) -> impl Iterator<Item = AdaptiveOpcode> {
        ALL_ADAPTIVE_OPCODES
            .iter()
            .copied()
            .filter(move |op| op.is_specialized() && op.family() == family)
    }
}

impl From<Opcode> for AdaptiveOpcode {
    #[inline]
    fn from(op: Opcode) -> AdaptiveOpcode {
        ALL_ADAPTIVE_OPCODES[op as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        for (index, op) in ALL_OPCODES.iter().enumerate() {
            assert_eq!(*op as usize, index);
            assert_eq!(Opcode::from_name(op.name()), Some(*op));
            if op.jump() != JumpKind::None {
                assert!(op.has_arg(), "{} jumps but has no argument", op.name());
            }
            let adaptive = AdaptiveOpcode::from(*op);
            assert_eq!(adaptive.name(), op.name());
            assert_eq!(adaptive.family(), *op);
            assert!(!adaptive.is_specialized());
        }
    }

    #[test]
    fn specialized_forms_belong_to_their_family() {
        for op in ALL_ADAPTIVE_OPCODES.iter().filter(|op| op.is_specialized()) {
            let family = op.family().name();
            // CPython's naming: a specialized form's name starts with its family's.
            assert!(
                op.name().starts_with(family),
                "{} is not in family {family}",
                op.name()
            );
            assert_eq!(AdaptiveOpcode::from_name(op.name()), Some(*op));
        }
        assert_eq!(
            AdaptiveOpcode::specializations_of(Opcode::FOR_ITER).count(),
            4
        );
    }
}
