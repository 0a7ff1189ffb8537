//! The contract between the stencil generator (build time) and the JIT (run time):
//! the names of the holes a stencil may contain, the helpers a stencil may call, the
//! layout of the state block every stencil receives, and the status codes stencils
//! return. This module is the one source of truth for those tables; `stencil-gen`
//! builds templates from it and `cpjit-jit` patches holes and lays out its state block
//! by it (a test there checks its `#[repr(C)]` struct against the offsets here).
//!
//! Must never describe machine code itself: only names, numbers and offsets.
//!
//! # The stencil calling convention
//! Every uop stencil is a function in Cranelift's `tail` convention with the signature
//! `(frame, stack_pointer, state) -> status`:
//! - `frame` points at local 0 of the running frame (locals live in the VM's value
//!   stack, so `frame[i]` is local `i`);
//! - `stack_pointer` points one past the top of the value stack;
//! - `state` points at the [`JitState`](STATE_FRAME) block of this run.
//!
//! A stencil passes control to the next one with a tail call to
//! [`HoleValue::Continue`]. To leave the trace it returns a status
//! ([`STATUS_LEAVE`]) to the entry stencil, which returns it to Rust.

/// A stencil's helper returned this: go on with the next uop.
pub const STATUS_CONTINUE: u64 = 0;
/// Leave the trace: the helper recorded the outcome in the state block.
pub const STATUS_LEAVE: u64 = 1;
/// A side exit was stitched to compiled code: tail-call the address at
/// [`STATE_JUMP_TARGET`] with the frame and stack pointer in the state block.
pub const STATUS_JUMP: u64 = 2;

/// Leave the trace for tier 1 at the instruction in [`STATE_EXIT_TARGET`], with the
/// stack pointer in the state block and the leaving trace (its `__JIT_EXECUTOR`) at
/// [`STATE_JUMP_TARGET`]: an `_EXIT_TRACE` whose exit the executor found cold (its
/// slot holds [`EXIT_SLOT_COLD`]) leaves without the step helper.
pub const STATUS_EXIT: u64 = 3;
/// What a cold `_EXIT_TRACE`'s exit slot holds (no code address is this).
pub const EXIT_SLOT_COLD: u64 = u64::MAX;

/// Offsets in the state block (`#[repr(C)]`, 8-byte fields) stencils read or write.
/// After every helper call a stencil reloads `frame` and `stack_pointer` from here
/// (a helper may grow the value stack, which can move it).
pub const STATE_FRAME: i32 = 0;
pub const STATE_STACK_POINTER: i32 = 8;
/// `_SET_IP` stores its instruction index here; helpers copy it into the frame.
pub const STATE_LAST_IP: i32 = 16;
/// Where [`STATUS_JUMP`] goes (the first uop of another compiled trace); after the
/// step helper returns [`STATUS_CONTINUE`], the code of the uop after the one it ran.
pub const STATE_JUMP_TARGET: i32 = 24;
/// The address of the heap's allocation pressure (`debt`, `threshold`: two words at
/// the offsets `cpjit_runtime::layout::jit` gives): back edges call the safepoint
/// helper only when `debt > threshold`.
pub const STATE_GC_PRESSURE: i32 = 32;
/// `vm.frames.len()` as of the last helper call (frames only change in helpers, or
/// as the pending frames below).
pub const STATE_FRAME_COUNT: i32 = 40;
/// The VM's recursion limit: an inlined call that would reach it takes the slow path
/// (which raises `RecursionError` in tier 1).
pub const STATE_RECURSION_LIMIT: i32 = 48;
/// The highest stack pointer an inlined call may leave before the uops after it run:
/// the value stack's end less the headroom every uop may use without a check.
pub const STATE_STACK_LIMIT: i32 = 56;
/// How many inlined calls the stencils entered that the VM has not been told of.
///
/// `_PUSH_FRAME` records its frame here instead of pushing a VM frame, and
/// `_POP_FRAME` drops the newest record; the step helper turns the records into real
/// frames (oldest first) before it does anything else, so every helper that looks
/// at frames sees exactly what the tier-2 interpreter would have made. A
/// `_POP_FRAME` with no record (its frame became real) takes the slow path.
pub const STATE_PENDING_COUNT: i32 = 64;
/// The pending frame records, [`PENDING_FRAME_SIZE`] bytes each, oldest first.
pub const STATE_PENDING_FRAMES: i32 = 72;
/// At most this many pending frames (deeper inlined calls take the slow path).
pub const MAX_PENDING_FRAMES: usize = 4;
pub const PENDING_FRAME_SIZE: i32 = 32;
/// Where [`STATUS_EXIT`] resumes tier 1 (after the pending frames).
pub const STATE_EXIT_TARGET: i32 =
    STATE_PENDING_FRAMES + MAX_PENDING_FRAMES as i32 * PENDING_FRAME_SIZE;
/// In a pending frame record: the caller's frame pointer (restored by `_POP_FRAME`).
pub const PENDING_CALLER_FRAME: i32 = 0;
/// The callee's frame pointer (its local 0: the first argument).
pub const PENDING_CALLEE_FRAME: i32 = 8;
/// The address of the `_PUSH_FRAME` uop's frame plan.
pub const PENDING_PLAN: i32 = 16;

/// Offsets in a `_PUSH_FRAME` uop's frame plan (its operand is the address): the code
/// object the callee must run (a value word), how many locals beyond the arguments
/// to set unbound, and where the caller resumes.
pub const FRAME_PLAN_CODE: i32 = 0;
pub const FRAME_PLAN_EXTRA_LOCALS: i32 = 8;
pub const FRAME_PLAN_TARGET: i32 = 16;

/// Offsets in the JIT's per-uop `LOAD_GLOBAL` record (`#[repr(C)]`, 8-byte fields;
/// the operand of `_LOAD_GLOBAL_MODULE`/`_LOAD_GLOBAL_BUILTINS` is its address):
/// the addresses of the globals' and builtins' mutation versions, the versions the
/// cached value was read at, and the value. The stencil pushes the value while both
/// (the module form: the globals') versions are unchanged.
pub const GLOBAL_SLOT_GLOBALS_VERSION: i32 = 0;
pub const GLOBAL_SLOT_BUILTINS_VERSION: i32 = 8;
pub const GLOBAL_SLOT_SEEN_GLOBALS_VERSION: i32 = 16;
pub const GLOBAL_SLOT_SEEN_BUILTINS_VERSION: i32 = 24;
pub const GLOBAL_SLOT_VALUE: i32 = 32;
/// The value stored at [`STATE_LAST_IP`] when no `_SET_IP` ran since the last sync.
pub const LAST_IP_UNSET: u64 = u64::MAX;

macro_rules! define_helpers {
    ($( $variant:ident = $symbol:literal, $arity:literal : $doc:literal ),* $(,)?) => {
        /// A runtime function stencils may call (`extern "C"`, SystemV; every argument
        /// and the result are 64-bit words). No stencil calls an address that is not in
        /// this table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Helper { $( #[doc = $doc] $variant, )* }

        /// Every helper, in table order.
        pub const ALL_HELPERS: &[Helper] = &[ $( Helper::$variant, )* ];

        impl Helper {
            /// The external symbol a stencil calls it by.
            pub fn symbol(self) -> &'static str {
                match self { $( Helper::$variant => $symbol, )* }
            }

            /// How many 64-bit arguments it takes.
            pub fn arity(self) -> usize {
                match self { $( Helper::$variant => $arity, )* }
            }
        }
    };
}

define_helpers! {
    Step = "__JIT_HELPER_STEP", 5:
        "`(frame, stack_pointer, state, uop_index, executor) -> status`: runs uop \
         `uop_index` of the compiled trace `executor` in the tier-2 interpreter's \
         machine (the reference meaning of every uop), then stores the new frame and \
         stack pointer in the state block.",
    Safepoint = "__JIT_HELPER_SAFEPOINT", 3:
        "`(frame, stack_pointer, state) -> status`: the back edge's safepoint (the GC \
         may run; the value stack does not move).",
    ListAppend = "__JIT_HELPER_LIST_APPEND", 2:
        "`(list, item) -> 0|1`: `list.append(item)` for a list (`LIST_APPEND`).",
    Unpack = "__JIT_HELPER_UNPACK", 4:
        "`(sequence, destination, count, is_list) -> 0|1`: the items of an exact tuple \
         (or, with `is_list`, a list) of exactly `count` items, written from \
         `destination` up in the order `UNPACK_SEQUENCE` pushes them (the last \
         first); 0, writing nothing, for anything else.",
    Len = "__JIT_HELPER_LEN", 1:
        "`(value) -> int|NULL`: `len` of a builtin `str`, `list`, `tuple`, `dict` or \
         `set` as a small int; NULL for anything else.",
    LoadAttrInstance = "__JIT_HELPER_LOAD_ATTR_INSTANCE", 3:
        "`(stack_pointer, state, record) -> stack_pointer|0`: an instance attribute \
         load (`record` names the instruction) run on the value stack as tier 1 runs \
         it; the new stack pointer, or 0 (nothing changed) when a guard failed.",
    StoreAttrInstance = "__JIT_HELPER_STORE_ATTR_INSTANCE", 3:
        "`(stack_pointer, state, record) -> stack_pointer|0`: an instance attribute \
         store (`record` names the instruction) when tier 1's guards hold and the \
         name is at the cached namespace entry; the new stack pointer, or 0 \
         (nothing changed).",
    Contains = "__JIT_HELPER_CONTAINS", 3:
        "`(container, key, flags) -> bool|NULL`: `key in container` (bit 1 of `flags`: \
         `not in`) for an exact `dict` (bit 0 clear) or `set` (bit 0 set) and a small \
         int, `str` or float key, when no Python code can be involved; NULL otherwise.",
    NumberBinary = "__JIT_HELPER_NUMBER_BINARY", 3:
        "`(lhs, rhs, oparg) -> value|NULL`: a generic `BINARY_OP` on small ints and \
         floats whose result needs no allocation and raises nothing; NULL otherwise.",
}

/// What a hole is filled with.
///
/// `repr(u8)` with the plain values first and in [`HoleValue::PLAIN`] order: the
/// tag *is* the slot for them, so [`HoleValue::slot`] compiles to a compare and an
/// add, not a jump table (it runs once per hole per compiled trace).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum HoleValue {
    /// The uop's argument.
    Oparg,
    /// The uop's 64-bit operand (a constant's bits, a flag's address…).
    Operand,
    /// The uop's index in its trace (what the step helper is told to run).
    UopIndex,
    /// The next uop's code.
    Continue,
    /// The first uop of the trace (`_JUMP_TO_TOP`).
    JumpTarget,
    /// The uop's exit trampoline, in the trace's cold part. An inline fast path whose
    /// assumption fails jumps here; the trampoline passes the uop's index to the
    /// trace's deopt stencil, which runs the uop in the tier-2 interpreter's machine
    /// (which makes the guard fail, boxes the big int, makes the fresh NaN…) and goes
    /// on, jumps to a stitched trace, or leaves.
    Exit,
    /// The trace's one deopt stencil (`(frame, stack_pointer, state, uop_index)`).
    Deopt,
    /// The compiled trace the code belongs to (its identity for the step helper).
    Executor,
    /// A helper's code.
    Helper(Helper),
}

impl HoleValue {
    /// Every hole value that is not a helper.
    pub const PLAIN: &'static [HoleValue] = &[
        HoleValue::Oparg,
        HoleValue::Operand,
        HoleValue::UopIndex,
        HoleValue::Continue,
        HoleValue::JumpTarget,
        HoleValue::Exit,
        HoleValue::Deopt,
        HoleValue::Executor,
    ];

    /// The external symbol that stands for the hole in a template.
    pub fn symbol(self) -> &'static str {
        match self {
            HoleValue::Oparg => "__JIT_OPARG",
            HoleValue::Operand => "__JIT_OPERAND",
            HoleValue::UopIndex => "__JIT_UOP_INDEX",
            HoleValue::Continue => "__JIT_CONTINUE",
            HoleValue::JumpTarget => "__JIT_JUMP_TARGET",
            HoleValue::Exit => "__JIT_EXIT",
            HoleValue::Deopt => "__JIT_DEOPT",
            HoleValue::Executor => "__JIT_EXECUTOR",
            HoleValue::Helper(h) => h.symbol(),
        }
    }

    /// The hole value a symbol stands for.
    pub fn from_symbol(symbol: &str) -> Option<HoleValue> {
        HoleValue::PLAIN
            .iter()
            .copied()
            .chain(ALL_HELPERS.iter().map(|h| HoleValue::Helper(*h)))
            .find(|v| v.symbol() == symbol)
    }

    /// Number of distinct hole values: the size of a dense table indexed by
    /// [`HoleValue::slot`] (the patcher resolves a trace's values into one, so a hole
    /// is filled by an index, not a branch).
    pub const SLOTS: usize = HoleValue::PLAIN.len() + ALL_HELPERS.len();

    /// The value's index in a dense table: the plain values in [`HoleValue::PLAIN`]
    /// order, then the helpers in table order.
    #[inline]
    pub const fn slot(self) -> usize {
        // Two constant-valued matches (the first is the identity on the tag) rather
        // than one with a computed arm: the compiler turns these into arithmetic.
        let tag = match self {
            HoleValue::Oparg => 0,
            HoleValue::Operand => 1,
            HoleValue::UopIndex => 2,
            HoleValue::Continue => 3,
            HoleValue::JumpTarget => 4,
            HoleValue::Exit => 5,
            HoleValue::Deopt => 6,
            HoleValue::Executor => 7,
            HoleValue::Helper(_) => 8,
        };
        let helper = match self {
            HoleValue::Helper(h) => h as usize,
            _ => 0,
        };
        tag + helper
    }

    /// Whether the symbol's address *is* the value (data symbols, 64-bit absolute),
    /// as opposed to code reached by a jump or call (PC-relative).
    pub fn is_value(self) -> bool {
        matches!(
            self,
            HoleValue::Oparg | HoleValue::Operand | HoleValue::UopIndex | HoleValue::Executor
        )
    }
}

/// The stencils of the generic `_BINARY_OP`, one per operator family: the patcher
/// copies the one for the uop's argument, so a trace carries only that operator's
/// inline path (the `_BINARY_OP` uop stencil, with every operator, is the reference).
/// The discriminant is the variant's index in a stencil table's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOpStencil {
    /// No inline path: the number helper, then the step helper.
    Helper,
    /// The small-int paths of `&`, `|`, `^`, `%`, `//` and `>>` (and in-place forms).
    And,
    Or,
    Xor,
    Remainder,
    FloorDivide,
    Rshift,
    /// `/` and `/=` on small ints and floats.
    TrueDivide,
    /// `+`, `-`, `*` (and in-place forms) on small ints and floats, mixed too (an
    /// int beside a float is converted, exactly: it has at most 48 bits).
    Add,
    Subtract,
    Multiply,
}

impl BinaryOpStencil {
    /// Every variant, in table order.
    pub const ALL: [BinaryOpStencil; 11] = [
        BinaryOpStencil::Helper,
        BinaryOpStencil::And,
        BinaryOpStencil::Or,
        BinaryOpStencil::Xor,
        BinaryOpStencil::Remainder,
        BinaryOpStencil::FloorDivide,
        BinaryOpStencil::Rshift,
        BinaryOpStencil::TrueDivide,
        BinaryOpStencil::Add,
        BinaryOpStencil::Subtract,
        BinaryOpStencil::Multiply,
    ];

    /// The variant for a `BINARY_OP` argument.
    pub fn for_oparg(oparg: u32) -> BinaryOpStencil {
        use crate::BinaryOpArg as B;
        match crate::BinaryOpArg::from_arg(oparg).map(B::base) {
            Some(B::And) => BinaryOpStencil::And,
            Some(B::Or) => BinaryOpStencil::Or,
            Some(B::Xor) => BinaryOpStencil::Xor,
            Some(B::Remainder) => BinaryOpStencil::Remainder,
            Some(B::FloorDivide) => BinaryOpStencil::FloorDivide,
            Some(B::Rshift) => BinaryOpStencil::Rshift,
            Some(B::TrueDivide) => BinaryOpStencil::TrueDivide,
            Some(B::Add) => BinaryOpStencil::Add,
            Some(B::Subtract) => BinaryOpStencil::Subtract,
            Some(B::Multiply) => BinaryOpStencil::Multiply,
            _ => BinaryOpStencil::Helper,
        }
    }

    /// The operator whose small-int path the variant has inline, if it has one.
    pub fn small_int_operator(self) -> Option<crate::BinaryOpArg> {
        use crate::BinaryOpArg as B;
        match self {
            BinaryOpStencil::And => Some(B::And),
            BinaryOpStencil::Or => Some(B::Or),
            BinaryOpStencil::Xor => Some(B::Xor),
            BinaryOpStencil::Remainder => Some(B::Remainder),
            BinaryOpStencil::FloorDivide => Some(B::FloorDivide),
            BinaryOpStencil::Rshift => Some(B::Rshift),
            _ => None,
        }
    }

    /// The operator whose number path (ints, floats, mixed) the variant has inline.
    pub fn arithmetic_operator(self) -> Option<crate::BinaryOpArg> {
        use crate::BinaryOpArg as B;
        match self {
            BinaryOpStencil::Add => Some(B::Add),
            BinaryOpStencil::Subtract => Some(B::Subtract),
            BinaryOpStencil::Multiply => Some(B::Multiply),
            _ => None,
        }
    }

    /// Its index in [`BinaryOpStencil::ALL`] (and in a stencil table's list).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The stencil's symbol.
    pub fn name(self) -> &'static str {
        match self {
            BinaryOpStencil::Helper => "_BINARY_OP__HELPER",
            BinaryOpStencil::And => "_BINARY_OP__AND",
            BinaryOpStencil::Or => "_BINARY_OP__OR",
            BinaryOpStencil::Xor => "_BINARY_OP__XOR",
            BinaryOpStencil::Remainder => "_BINARY_OP__REMAINDER",
            BinaryOpStencil::FloorDivide => "_BINARY_OP__FLOOR_DIVIDE",
            BinaryOpStencil::Rshift => "_BINARY_OP__RSHIFT",
            BinaryOpStencil::TrueDivide => "_BINARY_OP__TRUE_DIVIDE",
            BinaryOpStencil::Add => "_BINARY_OP__ADD",
            BinaryOpStencil::Subtract => "_BINARY_OP__SUBTRACT",
            BinaryOpStencil::Multiply => "_BINARY_OP__MULTIPLY",
        }
    }
}

macro_rules! define_specialized_stencils {
    ($( $(#[$doc:meta])* $variant:ident = $symbol:literal ),* $(,)?) => {
        /// A `_RUN_SPECIALIZED` uop whose specialized instruction has a stencil of its
        /// own (its fast path calls a fast helper or is inline, instead of running the
        /// tier-1 body through the step helper; a miss takes the slow path, which
        /// does). The discriminant is the variant's index in a stencil table's list.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum SpecializedStencil { $( $(#[$doc])* $variant, )* }

        impl SpecializedStencil {
            /// Every variant, in table order.
            pub const ALL: &[SpecializedStencil] = &[ $( SpecializedStencil::$variant, )* ];

            /// The stencil's symbol.
            pub fn name(self) -> &'static str {
                match self { $( SpecializedStencil::$variant => $symbol, )* }
            }
        }
    };
}

define_specialized_stencils! {
    /// `UNPACK_SEQUENCE_TWO_TUPLE` and `UNPACK_SEQUENCE_TUPLE`.
    UnpackTuple = "_RUN_SPECIALIZED__UNPACK_TUPLE",
    /// `UNPACK_SEQUENCE_LIST`.
    UnpackList = "_RUN_SPECIALIZED__UNPACK_LIST",
    /// `CALL_LEN`: `len` (the operand) of a builtin container, through a fast helper.
    CallLen = "_RUN_SPECIALIZED__CALL_LEN",
    /// `CALL_LIST_APPEND` with one argument: `list.append` (the operand) on a list.
    CallListAppend = "_RUN_SPECIALIZED__CALL_LIST_APPEND",
    /// `CALL_BUILTIN_CLASS` of `float` (the operand) on a small int or a float, inline.
    CallFloat = "_RUN_SPECIALIZED__CALL_FLOAT",
    /// `LOAD_ATTR_INSTANCE_VALUE` and `LOAD_ATTR_METHOD_WITH_VALUES`: tier 1's guards
    /// and lookup on the stack, through a fast helper (the operand is the JIT's record
    /// of the instruction).
    LoadAttrInstance = "_RUN_SPECIALIZED__LOAD_ATTR_INSTANCE",
    /// `STORE_ATTR_INSTANCE_VALUE`: tier 1's guards and in-place store on the stack,
    /// through a fast helper (the operand is the JIT's record of the instruction).
    StoreAttrInstance = "_RUN_SPECIALIZED__STORE_ATTR_INSTANCE",
    /// `CONTAINS_OP_DICT`: a small int, `str` or float key in an exact `dict`, through
    /// a fast helper.
    ContainsDict = "_RUN_SPECIALIZED__CONTAINS_DICT",
    /// `CONTAINS_OP_SET`: the same in an exact `set`.
    ContainsSet = "_RUN_SPECIALIZED__CONTAINS_SET",
}

impl SpecializedStencil {
    /// The stencil for a `_RUN_SPECIALIZED` of `op`, if it has one (the JIT further
    /// checks the call forms' cached callable and argument count).
    pub fn for_instruction(op: crate::AdaptiveOpcode) -> Option<SpecializedStencil> {
        use crate::AdaptiveOpcode as A;
        match op {
            A::CALL_LEN => Some(SpecializedStencil::CallLen),
            A::CALL_LIST_APPEND => Some(SpecializedStencil::CallListAppend),
            A::CALL_BUILTIN_CLASS => Some(SpecializedStencil::CallFloat),
            A::LOAD_ATTR_INSTANCE_VALUE | A::LOAD_ATTR_METHOD_WITH_VALUES => {
                Some(SpecializedStencil::LoadAttrInstance)
            }
            A::STORE_ATTR_INSTANCE_VALUE => Some(SpecializedStencil::StoreAttrInstance),
            A::CONTAINS_OP_DICT => Some(SpecializedStencil::ContainsDict),
            A::CONTAINS_OP_SET => Some(SpecializedStencil::ContainsSet),
            A::UNPACK_SEQUENCE_TWO_TUPLE | A::UNPACK_SEQUENCE_TUPLE => {
                Some(SpecializedStencil::UnpackTuple)
            }
            A::UNPACK_SEQUENCE_LIST => Some(SpecializedStencil::UnpackList),
            _ => None,
        }
    }

    /// Its index in [`SpecializedStencil::ALL`] (and in a stencil table's list).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// How a hole is patched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoleKind {
    /// 64-bit absolute: the value plus the addend (`R_X86_64_64`, `R_AARCH64_ABS64`).
    Abs64,
    /// 32-bit PC-relative: value + addend - the hole's address (`R_X86_64_PLT32`/`PC32`:
    /// x86-64 `jmp`/`call`).
    Rel32,
    /// AArch64 `b`/`bl` 26-bit word offset (`R_AARCH64_JUMP26`/`CALL26`; generated for
    /// review, not patched on this machine).
    Branch26,
}

/// A place in a stencil filled when the stencil is copied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hole {
    pub offset: u32,
    pub kind: HoleKind,
    pub value: HoleValue,
    pub addend: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_op_stencils_cover_every_argument() {
        for oparg in 0..26 {
            let variant = BinaryOpStencil::for_oparg(oparg);
            assert_eq!(BinaryOpStencil::ALL[variant.index()], variant, "{oparg}");
        }
        let names: std::collections::BTreeSet<_> =
            BinaryOpStencil::ALL.iter().map(|v| v.name()).collect();
        assert_eq!(names.len(), BinaryOpStencil::ALL.len());
    }

    #[test]
    fn slots_are_dense_and_follow_the_tables() {
        let all: Vec<HoleValue> = HoleValue::PLAIN
            .iter()
            .copied()
            .chain(ALL_HELPERS.iter().map(|h| HoleValue::Helper(*h)))
            .collect();
        assert_eq!(all.len(), HoleValue::SLOTS);
        for (index, value) in all.iter().enumerate() {
            assert_eq!(value.slot(), index, "{value:?}");
        }
    }

    #[test]
    fn symbols_round_trip() {
        for v in HoleValue::PLAIN
            .iter()
            .copied()
            .chain(ALL_HELPERS.iter().map(|h| HoleValue::Helper(*h)))
        {
            assert_eq!(HoleValue::from_symbol(v.symbol()), Some(v));
            assert!(v.symbol().starts_with("__JIT_"));
        }
        assert_eq!(HoleValue::from_symbol("memcpy"), None);
    }
}
