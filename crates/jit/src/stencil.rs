//! The shape of a stencil as `stencil-gen` writes it into `jit_stencils.rs`.
//!
//! Owns the plain data types only. Must never hold anything but `'static` tables: the
//! generated file is the single source of stencil bytes and holes.

pub use cpjit_bytecode::jit_abi::{Hole, HoleKind};

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
    /// Per uop with an inline fast path: jumps to an attached side trace, or passes
    /// the uop's index to `deopt`.
    pub exit_trampoline: Stencil,
    /// The same for branch guards (the exit pops the condition first).
    pub exit_trampoline_pop: Stencil,
    /// The generic `_BINARY_OP`'s variants, indexed by `BinaryOpStencil::index`
    /// (one operator family's inline path each).
    pub binary_ops: &'static [Stencil],
    /// `_RUN_SPECIALIZED` forms with stencils of their own, indexed by
    /// `SpecializedStencil::index`.
    pub specialized: &'static [Stencil],
    /// Indexed by `Uop as usize`.
    pub uops: &'static [Stencil],
}

impl StencilTable {
    /// Every stencil: the fixed ones, then one per uop.
    pub fn all(&'static self) -> impl Iterator<Item = &'static Stencil> {
        [
            &self.entry,
            &self.step,
            &self.fatal,
            &self.deopt,
            &self.exit_trampoline,
            &self.exit_trampoline_pop,
        ]
        .into_iter()
        .chain(self.uops.iter())
        .chain(self.binary_ops.iter())
        .chain(self.specialized.iter())
    }
}
