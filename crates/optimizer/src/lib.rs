//! cpjit optimizer API (placeholder until the tier-2 issue).
//!
//! Will own: the plugin traits `Optimizer` and `Executor`, trace projection from
//! specialized bytecode into micro-ops, the uop passes, and the executor registry with
//! its invalidation. Must never emit machine code (that is `cpjit-jit`'s job) nor depend
//! on the interpreter.
