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
    ($( $name:ident : $has_arg:literal, $caches:literal, $jump:ident ; )*) => {
        /// A tier-1 instruction opcode, named as in CPython 3.13.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Opcode { $( $name, )* }

        const OPCODE_TABLE: &[OpcodeInfo] = &[
            $( OpcodeInfo { name: stringify!($name), has_arg: $has_arg, cache_entries: $caches, jump: JumpKind::$jump }, )*
        ];

        /// Every opcode in table order.
        pub const ALL_OPCODES: &[Opcode] = &[ $( Opcode::$name, )* ];
    };
}

define_opcodes! {
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
    ENTER_EXECUTOR: true, 0, None;
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
        }
    }
}
