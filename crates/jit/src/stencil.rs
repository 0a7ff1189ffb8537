//! The shape of a stencil as `stencil-gen` writes it into `jit_stencils.rs`.
//!
//! Owns the plain data types only. Must never hold anything but `'static` tables: the
//! generated file is the single source of stencil bytes and holes.

use cpjit_bytecode::jit_abi::HoleValue;

/// How a hole is patched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoleKind {
    /// 64-bit absolute: the value plus the addend.
    Abs64,
    /// 32-bit PC-relative: value + addend - the hole's address (x86-64 `jmp`/`call`).
    Rel32,
    /// AArch64 `b`/`bl` 26-bit word offset (generated for review; not patched here).
    Branch26,
}

/// A place in a stencil filled at compile time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hole {
    pub offset: u32,
    pub kind: HoleKind,
    pub value: HoleValue,
    pub addend: i64,
}

/// A machine-code template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stencil {
    pub name: &'static str,
    pub code: &'static [u8],
    /// Alignment the copy must have.
    pub align: u32,
    /// The trailing continue jump was dropped: the next uop's code must follow.
    pub falls_through: bool,
    /// It has an `Exit` hole, so the trace needs a deopt stub for it.
    pub needs_deopt_stub: bool,
    pub holes: &'static [Hole],
}

/// Every stencil for one target.
#[derive(Clone, Copy, Debug)]
pub struct StencilTable {
    /// SystemV entry: calls the first uop and returns its status.
    pub entry: Stencil,
    /// Any uop through the step helper (generic uops; guards in the stress mode).
    pub step: Stencil,
    /// Follows a trace's last uop; traps if ever reached.
    pub fatal: Stencil,
    /// The trace's one deopt stencil: runs a uop through the step helper.
    pub deopt: Stencil,
    /// Per uop with an inline fast path: passes its index to `deopt`.
    pub exit_trampoline: Stencil,
    /// Indexed by `Uop as usize`.
    pub uops: &'static [Stencil],
}
