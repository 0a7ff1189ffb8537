//! `Value`: every Python value in one 64-bit word (NaN-boxing).
//!
//! Owns the bit layout of values. Must never allocate or know about the interpreter.
//!
//! Layout (upper 16 bits):
//! - below `0xFFF9`: an `f64`, stored as its own bits. Every NaN is a positive quiet
//!   NaN (`0x7FF8…` with a unique payload, see [`Value::float`]), so the negative
//!   quiet-NaN space above is free for tags.
//! - `0xFFF9`: a small int, 48-bit two's complement payload. Ints outside that range
//!   are heap `BigInt`s; an int that fits is *always* small, so equality of small ints
//!   is equality of words.
//! - `0xFFFA`: an immediate: `None`, `True`, `False`, `Ellipsis`, `NotImplemented`, or
//!   the "null" marker used for unbound local slots and `PUSH_NULL`.
//! - `0xFFFC`: a pointer to a GC-managed [`crate::object::Object`] (48-bit address).

use crate::object::Object;

/// One Python value.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

const TAG_SHIFT: u32 = 48;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
const TAG_INT: u64 = 0xFFF9;
const TAG_IMMEDIATE: u64 = 0xFFFA;
const TAG_OBJECT: u64 = 0xFFFC;
const FIRST_TAG: u64 = 0xFFF9;
const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;
/// Payload bits of a positive quiet NaN (below the quiet bit).
const NAN_PAYLOAD_MASK: u64 = (1 << 51) - 1;

/// Smallest int stored inline.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
/// Largest int stored inline.
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

const IMM_NULL: u64 = 0;
const IMM_NONE: u64 = 1;
const IMM_FALSE: u64 = 2;
const IMM_TRUE: u64 = 3;
const IMM_ELLIPSIS: u64 = 4;
const IMM_NOT_IMPLEMENTED: u64 = 5;

/// Bit patterns exported for the JIT templates (stencil-gen reads these, never literals).
pub mod bits {
    pub const TAG_SHIFT: u32 = super::TAG_SHIFT;
    pub const TAG_INT: u64 = super::TAG_INT;
    pub const TAG_IMMEDIATE: u64 = super::TAG_IMMEDIATE;
    pub const TAG_OBJECT: u64 = super::TAG_OBJECT;
    pub const NONE: u64 = super::Value::NONE.0;
    pub const TRUE: u64 = super::Value::TRUE.0;
    pub const FALSE: u64 = super::Value::FALSE.0;
    pub const NULL: u64 = super::Value::NULL.0;
}

impl Value {
    pub const NULL: Value = Value((TAG_IMMEDIATE << TAG_SHIFT) | IMM_NULL);
    pub const NONE: Value = Value((TAG_IMMEDIATE << TAG_SHIFT) | IMM_NONE);
    pub const FALSE: Value = Value((TAG_IMMEDIATE << TAG_SHIFT) | IMM_FALSE);
    pub const TRUE: Value = Value((TAG_IMMEDIATE << TAG_SHIFT) | IMM_TRUE);
    pub const ELLIPSIS: Value = Value((TAG_IMMEDIATE << TAG_SHIFT) | IMM_ELLIPSIS);
    pub const NOT_IMPLEMENTED: Value = Value((TAG_IMMEDIATE << TAG_SHIFT) | IMM_NOT_IMPLEMENTED);

    #[inline]
    pub fn raw(self) -> u64 {
        self.0
    }

    #[inline]
    pub fn from_raw(bits: u64) -> Value {
        Value(bits)
    }

    #[inline]
    fn tag(self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    /// A float. Every NaN produced gets a fresh payload in the positive quiet-NaN
    /// space: in CPython each NaN is a separate object, and identity matters for NaN
    /// (`x in [x]` is true, `float('nan') in [float('nan')]` is false), so distinct NaNs
    /// must be distinct words while copies of one NaN stay identical.
    #[inline]
    pub fn float(value: f64) -> Value {
        if value.is_nan() {
            Value::fresh_nan()
        } else {
            Value(value.to_bits())
        }
    }

    #[cold]
    fn fresh_nan() -> Value {
        use std::sync::atomic::{AtomicU64, Ordering};
        static SERIAL: AtomicU64 = AtomicU64::new(1);
        let serial = SERIAL.fetch_add(1, Ordering::Relaxed) & NAN_PAYLOAD_MASK;
        Value(CANONICAL_NAN | serial)
    }

    #[inline]
    pub fn is_float(self) -> bool {
        self.tag() < FIRST_TAG
    }

    #[inline]
    pub fn as_float(self) -> Option<f64> {
        self.is_float().then(|| f64::from_bits(self.0))
    }

    /// The float in a value known to be a float.
    #[inline]
    pub fn float_unchecked(self) -> f64 {
        debug_assert!(self.is_float());
        f64::from_bits(self.0)
    }

    /// A small int; `None` when `value` is outside the inline range.
    #[inline]
    pub fn small_int(value: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&value) {
            Some(Value(
                (TAG_INT << TAG_SHIFT) | (value as u64 & PAYLOAD_MASK),
            ))
        } else {
            None
        }
    }

    #[inline]
    pub fn is_small_int(self) -> bool {
        self.tag() == TAG_INT
    }

    #[inline]
    pub fn as_small_int(self) -> Option<i64> {
        self.is_small_int().then(|| self.small_int_unchecked())
    }

    /// The int in a value known to be a small int.
    #[inline]
    pub fn small_int_unchecked(self) -> i64 {
        debug_assert!(self.is_small_int());
        ((self.0 << 16) as i64) >> 16
    }

    #[inline]
    pub fn bool(value: bool) -> Value {
        if value {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    #[inline]
    pub fn is_bool(self) -> bool {
        self == Value::TRUE || self == Value::FALSE
    }

    #[inline]
    pub fn is_none(self) -> bool {
        self == Value::NONE
    }

    #[inline]
    pub fn is_null(self) -> bool {
        self == Value::NULL
    }

    #[inline]
    pub fn is_immediate(self) -> bool {
        self.tag() == TAG_IMMEDIATE
    }

    #[inline]
    pub fn is_object(self) -> bool {
        self.tag() == TAG_OBJECT
    }

    /// Wraps a pointer to a live heap object.
    #[inline]
    pub fn from_object(ptr: *const Object) -> Value {
        let address = ptr as u64;
        debug_assert_eq!(address & !PAYLOAD_MASK, 0, "heap address above 48 bits");
        Value((TAG_OBJECT << TAG_SHIFT) | address)
    }

    #[inline]
    pub fn object_ptr(self) -> Option<*mut Object> {
        self.is_object()
            .then_some((self.0 & PAYLOAD_MASK) as usize as *mut Object)
    }

    /// The heap object this value points to.
    #[inline]
    pub fn as_object(&self) -> Option<&Object> {
        if self.is_object() {
            let ptr = (self.0 & PAYLOAD_MASK) as usize as *const Object;
            // SAFETY: object values are only made by `Heap::alloc` from live boxes, and
            // the collector frees an object only when no root reaches it; a `Value` held
            // by running code is reachable from a root (frame stacks, globals, handle
            // scopes) or collection is inhibited (see `gc.rs`), so the pointee is alive
            // for as long as this borrow of the value.
            Some(unsafe { &*ptr })
        } else {
            None
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(v) = self.as_float() {
            write!(f, "Float({v})")
        } else if let Some(v) = self.as_small_int() {
            write!(f, "Int({v})")
        } else if self.is_object() {
            write!(f, "Object({:#x})", self.0 & PAYLOAD_MASK)
        } else {
            match self.0 & PAYLOAD_MASK {
                IMM_NULL => f.write_str("NULL"),
                IMM_NONE => f.write_str("None"),
                IMM_FALSE => f.write_str("False"),
                IMM_TRUE => f.write_str("True"),
                IMM_ELLIPSIS => f.write_str("Ellipsis"),
                _ => f.write_str("NotImplemented"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip() {
        for v in [0, 1, -1, 42, SMALL_INT_MAX, SMALL_INT_MIN, -123456789] {
            let value = Value::small_int(v).unwrap();
            assert!(value.is_small_int() && !value.is_float() && !value.is_object());
            assert_eq!(value.as_small_int(), Some(v));
        }
        assert!(Value::small_int(SMALL_INT_MAX + 1).is_none());
        assert!(Value::small_int(SMALL_INT_MIN - 1).is_none());
    }

    #[test]
    fn floats_round_trip_and_nan_is_canonical() {
        for v in [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN,
            1e-300,
        ] {
            let value = Value::float(v);
            assert!(value.is_float());
            assert_eq!(value.as_float().unwrap().to_bits(), v.to_bits());
        }
        let nan = Value::float(-f64::NAN);
        assert!(nan.is_float() && nan.as_float().unwrap().is_nan());
        // Two NaNs made separately are different values; a copy is the same value.
        let other = Value::float(f64::NAN);
        assert_ne!(nan, other);
        let copy = nan;
        assert_eq!(copy, nan);
    }

    #[test]
    fn immediates_are_distinct() {
        let all = [
            Value::NULL,
            Value::NONE,
            Value::TRUE,
            Value::FALSE,
            Value::ELLIPSIS,
            Value::NOT_IMPLEMENTED,
        ];
        for (i, a) in all.iter().enumerate() {
            assert!(a.is_immediate() && !a.is_float());
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
