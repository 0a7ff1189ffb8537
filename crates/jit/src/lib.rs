//! cpjit copy-and-patch JIT runtime (placeholder until the JIT issue).
//!
//! Will own: executable memory (W^X), copying stencils and patching their holes with
//! range checks, thunks for far helpers, and the generated `jit_stencils.rs`. Must never
//! call Cranelift at run time: stencils are built ahead of time by `stencil-gen`.
