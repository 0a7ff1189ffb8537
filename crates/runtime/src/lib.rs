//! cpjit runtime: Python values, heap objects, the garbage collector, builtin types and
//! functions, and the `sys` module.
//!
//! Owns everything a Python program manipulates at run time, independent of how
//! bytecode is executed. Must never depend on the interpreter, the optimizer or the JIT:
//! the interpreter plugs in through [`vm::Vm::call_hook`].
//!
//! Start reading at [`value`] (the 64-bit value word), then [`object`] and [`gc`], then
//! [`vm`].

pub mod attr;
pub mod builtins;
pub mod call;
pub mod dict;
pub mod display;
pub mod dunder;
pub mod format;
pub mod functools;
pub mod gc;
pub mod heapq;
pub mod iter;
pub mod itertools;
pub mod layout;
pub mod math;
pub mod metaclass;
pub mod methods;
pub mod numeric;
pub mod object;
pub mod operator;
pub mod ops;
pub mod random;
pub mod subclass;
pub mod time;
pub mod value;
pub mod vm;

pub use value::Value;
pub use vm::{Frame, PyErr, PyResult, Vm};
