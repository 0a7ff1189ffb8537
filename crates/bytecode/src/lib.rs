//! cpjit bytecode: the tier-1 instruction set, code objects and `dis`.
//!
//! Owns: the opcode table (CPython 3.13 names and meanings — the one source of truth for
//! opcode names, argument use, inline-cache sizes and jump kinds), [`CodeObject`] with its
//! constants, line table and exception table, CPython-compatible `repr` of constants, and
//! the `dis` listing in the layout of `python3.13 -m dis`.
//!
//! It also owns the micro-op table ([`uops`]) and the contract between the stencil
//! generator and the JIT ([`jit_abi`]: hole names, helpers, state-block offsets).
//!
//! Must never: know about run-time values, heap objects or machine code. Everything
//! here is plain data that the compiler produces and the interpreter consumes.

mod code;
mod dis;
pub mod jit_abi;
mod opcode;
pub mod repr;
pub mod uops;

pub use code::{
    BinaryOpArg, CodeFlags, CodeObject, CompareOp, Constant, ConvertValueKind, ExceptionTableEntry,
    Instruction, IntrinsicFunction1, Location, SetFunctionAttributeFlag,
};
pub use dis::{
    disassemble, disassemble_recursive, disassemble_recursive_showing, disassemble_showing,
};
pub use opcode::{
    AdaptiveOpcode, JumpKind, Opcode, OpcodeInfo, ALL_ADAPTIVE_OPCODES, ALL_OPCODES, OPCODE_COUNT,
};
