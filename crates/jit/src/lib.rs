//! cpjit copy-and-patch JIT runtime.
//!
//! Owns turning a uop trace into machine code by copying prebuilt stencils back to
//! back and patching their holes ([`patcher`]), the executable memory they live in
//! ([`memory`], never writable and executable at once), running compiled traces and
//! the helper stencils call ([`executor`]), and the [`JitOptimizer`] that plugs it all
//! into the optimizer API. The stencils themselves are generated ahead of time by
//! `stencil-gen` into [`jit_stencils`].
//!
//! Must never call Cranelift at run time, nor write code that did not come from a
//! stencil (the only other bytes it writes are padding and helper thunks).

pub mod disasm;
pub mod executor;
#[rustfmt::skip]
pub mod jit_stencils;
pub mod memory;
pub mod patcher;
pub mod stencil;

pub use executor::{JitCompiler, JitOptimizer};
