//! cpjit stencil generator (build-time only; placeholder until the JIT issue).
//!
//! Will own: every micro-op's machine-code template written as Cranelift IR, emitted into
//! one object file and read back into typed holes, written out as
//! `crates/jit/src/jit_stencils.rs` by `cargo xtask gen-stencils`. Must never be a
//! dependency of a runtime crate.
