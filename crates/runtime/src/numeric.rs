//! Python arithmetic on `int`, `bool` and `float`: unbounded ints with Python's sign
//! rules for `//`, `%`, `**`, shifts and bitwise ops, and IEEE floats with CPython's
//! error behaviour.
//!
//! Owns numeric semantics only. Must never dispatch on non-numeric types (`ops.rs`
//! does that) or print anything.

use cpjit_bytecode::BinaryOpArg;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A borrowed view of an int-like value (int or bool).
#[derive(Clone, Debug)]
pub enum IntView<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntView<'_> {
    pub fn to_bigint(&self) -> BigInt {
        match self {
            IntView::Small(v) => BigInt::from(*v),
            IntView::Big(b) => (*b).clone(),
        }
    }

    pub fn to_i64(&self) -> Option<i64> {
        match self {
            IntView::Small(v) => Some(*v),
            IntView::Big(b) => b.to_i64(),
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            IntView::Small(v) => *v == 0,
            IntView::Big(b) => b.is_zero(),
        }
    }

    pub fn is_negative(&self) -> bool {
        match self {
            IntView::Small(v) => *v < 0,
            IntView::Big(b) => b.is_negative(),
        }
    }
}

/// The int view of an `int` or `bool` value.
#[inline]
pub fn int_view(value: &Value) -> Option<IntView<'_>> {
    if let Some(v) = value.as_small_int() {
        return Some(IntView::Small(v));
    }
    if *value == Value::TRUE {
        return Some(IntView::Small(1));
    }
    if *value == Value::FALSE {
        return Some(IntView::Small(0));
    }
    match value.as_object().map(|o| &o.kind) {
        Some(ObjKind::BigInt(b)) => Some(IntView::Big(b)),
        _ => None,
    }
}

/// Whether the value is an int or bool.
#[inline]
pub fn is_int(value: Value) -> bool {
    int_view(&value).is_some()
}

/// Converts an int to float, raising OverflowError when it is too large.
pub fn int_to_float(vm: &mut Vm, view: &IntView) -> PyResult<f64> {
    match view {
        IntView::Small(v) => Ok(*v as f64),
        IntView::Big(b) => match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(vm.overflow_error("int too large to convert to float")),
        },
    }
}

/// A number as a float for mixed arithmetic (int, bool or float).
pub fn as_f64(vm: &mut Vm, value: Value) -> Option<PyResult<f64>> {
    let value = number_payload(value);
    if let Some(f) = value.as_float() {
        return Some(Ok(f));
    }
    let view = int_view(&value)?;
    let view = view.clone();
    Some(int_to_float(vm, &view))
}

/// The number inside an instance of an `int`/`float` subclass, for builtin functions
/// that take numbers (`divmod`, `math.*`); any other value unchanged. (Operators go
/// through the class's special methods first, in `dunder.rs`.)
pub fn number_payload(value: Value) -> Value {
    match crate::object::builtin_payload(&value) {
        Some(payload) if payload.as_float().is_some() || int_view(&payload).is_some() => payload,
        _ => value,
    }
}

fn big(vm: &mut Vm, value: BigInt) -> Value {
    vm.new_bigint(value)
}

/// `x <op> y` on two inline ints when the result is an `i64` and no error is due;
/// `None` otherwise (overflow, a zero divisor, a negative shift: the big-int path
/// decides). Pure, so the JIT's helpers share it.
pub fn small_int_op(op: IntOp, x: i64, y: i64) -> Option<i64> {
    match op {
        IntOp::Add => x.checked_add(y),
        IntOp::Sub => x.checked_sub(y),
        IntOp::Mul => x.checked_mul(y),
        IntOp::And => Some(x & y),
        IntOp::Or => Some(x | y),
        IntOp::Xor => Some(x ^ y),
        IntOp::FloorDiv if y != 0 => x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y)),
        IntOp::Mod if y != 0 => x.checked_rem(y).map(|_| Integer::mod_floor(&x, &y)),
        IntOp::Lshift if y >= 0 => {
            if x == 0 {
                Some(0)
            } else if y < 63 && x.unsigned_abs() < (1u64 << (62 - y)) {
                Some(x << y)
            } else {
                None
            }
        }
        IntOp::Rshift if y >= 0 => Some(if y >= 64 {
            if x < 0 {
                -1
            } else {
                0
            }
        } else {
            x >> y
        }),
        _ => None,
    }
}

/// `a <op> b` for two small ints, two floats, or a small int and a float, when the
/// result needs no allocation and no error is due; `None` otherwise (the generic path
/// decides). Pure, so the JIT's helpers share it.
pub fn binary_op_fast(a: Value, b: Value, op: BinaryOpArg) -> Option<Value> {
    let base = op.base();
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        if base == BinaryOpArg::TrueDivide {
            // Both convert exactly (48-bit), so the quotient is correctly rounded.
            return (y != 0).then(|| Value::float(x as f64 / y as f64));
        }
        return small_int_op(int_op_for(base)?, x, y).and_then(Value::small_int);
    }
    // A small int converts to a float exactly; bools are not small ints.
    let as_float = |v: Value| v.as_float().or_else(|| v.as_small_int().map(|i| i as f64));
    let (x, y) = (as_float(a)?, as_float(b)?);
    match base {
        BinaryOpArg::Add => Some(Value::float(x + y)),
        BinaryOpArg::Subtract => Some(Value::float(x - y)),
        BinaryOpArg::Multiply => Some(Value::float(x * y)),
        BinaryOpArg::TrueDivide if y != 0.0 => Some(Value::float(x / y)),
        // A positive finite base: C's `pow`, as CPython calls it; a result that
        // overflows to infinity raises there, so it takes the generic path.
        BinaryOpArg::Power if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            r.is_finite().then(|| Value::float(r))
        }
        _ => None,
    }
}

/// The int operation a `BINARY_OP` argument stands for (in-place forms included).
pub fn int_op_for(op: BinaryOpArg) -> Option<IntOp> {
    Some(match op.base() {
        BinaryOpArg::Add => IntOp::Add,
        BinaryOpArg::Subtract => IntOp::Sub,
        BinaryOpArg::Multiply => IntOp::Mul,
        BinaryOpArg::FloorDivide => IntOp::FloorDiv,
        BinaryOpArg::Remainder => IntOp::Mod,
        BinaryOpArg::And => IntOp::And,
        BinaryOpArg::Or => IntOp::Or,
        BinaryOpArg::Xor => IntOp::Xor,
        BinaryOpArg::Lshift => IntOp::Lshift,
        BinaryOpArg::Rshift => IntOp::Rshift,
        _ => return None,
    })
}

/// `a + b`, `a - b`, `a * b` … on ints.
pub fn int_binary(vm: &mut Vm, op: IntOp, a: &IntView, b: &IntView) -> PyResult<Value> {
    if let (IntView::Small(x), IntView::Small(y)) = (a, b) {
        if let Some(result) = small_int_op(op, *x, *y) {
            return Ok(vm.new_int(result));
        }
    }
    let (x, y) = (a.to_bigint(), b.to_bigint());
    let result = match op {
        IntOp::Add => x + y,
        IntOp::Sub => x - y,
        IntOp::Mul => x * y,
        IntOp::And => x & y,
        IntOp::Or => x | y,
        IntOp::Xor => x ^ y,
        IntOp::FloorDiv => {
            if y.is_zero() {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            x.div_floor(&y)
        }
        IntOp::Mod => {
            if y.is_zero() {
                return Err(vm.zero_division("integer modulo by zero"));
            }
            x.mod_floor(&y)
        }
        IntOp::Lshift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            let shift = match y.to_usize() {
                Some(s) if s < (1 << 32) => s,
                _ => return Err(vm.overflow_error("too many digits in integer")),
            };
            x << shift
        }
        IntOp::Rshift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_usize() {
                Some(s) => {
                    // Arithmetic shift rounding toward negative infinity.
                    if x.is_negative() {
                        -((-x - 1u32) >> s) - 1u32
                    } else {
                        x >> s
                    }
                }
                None => {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
    };
    Ok(big(vm, result))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntOp {
    Add,
    Sub,
    Mul,
    FloorDiv,
    Mod,
    And,
    Or,
    Xor,
    Lshift,
    Rshift,
}

/// `a / b` on ints: a correctly rounded float.
pub fn int_true_divide(vm: &mut Vm, a: &IntView, b: &IntView) -> PyResult<Value> {
    if b.is_zero() {
        return Err(vm.zero_division("division by zero"));
    }
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() <= (1 << 53) && y.unsigned_abs() <= (1 << 53) {
            return Ok(Value::float(x as f64 / y as f64));
        }
    }
    let (x, y) = (a.to_bigint(), b.to_bigint());
    // Scale so the quotient has 64+ significant bits, then round via f64 conversion.
    let shift = 128i64 - (x.bits() as i64 - y.bits() as i64);
    let quotient = if shift >= 0 {
        (x << shift as usize) / &y
    } else {
        x / (y << (-shift) as usize)
    };
    let mantissa = quotient.to_f64().unwrap_or(f64::INFINITY);
    let result = mantissa * 2f64.powi(-(shift as i32).clamp(-1100, 1100));
    if result.is_infinite() {
        return Err(vm.overflow_error("integer division result too large for a float"));
    }
    Ok(Value::float(result))
}

/// `a ** b` (and `pow(a, b, m)`) on ints.
pub fn int_pow(
    vm: &mut Vm,
    a: &IntView,
    b: &IntView,
    modulus: Option<&IntView>,
) -> PyResult<Value> {
    if let Some(m) = modulus {
        let m = m.to_bigint();
        if m.is_zero() {
            return Err(vm.value_error("pow() 3rd argument cannot be 0"));
        }
        let mut base = a.to_bigint();
        let exponent = b.to_bigint();
        if exponent.is_negative() {
            // Modular inverse.
            let inverse = mod_inverse(&base.mod_floor(&m), &m);
            match inverse {
                Some(inv) => base = inv,
                None => return Err(vm.value_error("base is not invertible for the given modulus")),
            }
            let result = base.modpow(&(-exponent), &m.abs());
            return Ok(big(vm, normalize_mod(result, &m)));
        }
        let result = base.mod_floor(&m.abs()).modpow(&exponent, &m.abs());
        return Ok(big(vm, normalize_mod(result, &m)));
    }
    if b.is_negative() {
        let base = int_to_float(vm, a)?;
        let exponent = int_to_float(vm, b)?;
        return float_pow(vm, base, exponent);
    }
    let exponent = match b.to_i64() {
        Some(e) => e,
        None => {
            // Only 0, 1 and -1 survive astronomically large exponents.
            let base = a.to_bigint();
            if base.is_zero() || base.is_one() {
                return Ok(big(vm, base));
            }
            if base == BigInt::from(-1) {
                let odd = b.to_bigint().is_odd();
                return Ok(vm.new_int(if odd { -1 } else { 1 }));
            }
            return Err(vm.overflow_error("exponent too large"));
        }
    };
    if let Some(x) = a.to_i64() {
        if let Ok(e) = u32::try_from(exponent) {
            if let Some(r) = x.checked_pow(e) {
                return Ok(vm.new_int(r));
            }
        }
    }
    let base = a.to_bigint();
    let bits = base.bits() as u128 * exponent as u128;
    if bits > 1u128 << 34 {
        return Err(vm.new_error(vm.exceptions.memory_error, ""));
    }
    Ok(big(vm, num_traits::pow(base, exponent as usize)))
}

fn normalize_mod(result: BigInt, m: &BigInt) -> BigInt {
    if m.is_negative() && !result.is_zero() {
        result + m
    } else {
        result
    }
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let egcd = a.extended_gcd(&m);
    if !egcd.gcd.is_one() {
        return None;
    }
    Some(egcd.x.mod_floor(&m))
}

/// Python float `//`.
pub fn float_floor_divide(vm: &mut Vm, a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(vm.zero_division("float floor division by zero"));
    }
    Ok(float_divmod_parts(a, b).0)
}

/// Python float `%`.
pub fn float_mod(vm: &mut Vm, a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(vm.zero_division("float modulo by zero"));
    }
    Ok(float_divmod_parts(a, b).1)
}

/// CPython's `float_divmod` (b != 0).
pub fn float_divmod_parts(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// Python float `**` with CPython's errors.
pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(Value::float(1.0));
    }
    if x.is_nan() {
        return Ok(Value::float(if y == 0.0 { 1.0 } else { x }));
    }
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.is_finite() && y != y.floor() {
        return Err(vm.value_error(
            "complex numbers are not supported yet (negative number raised to a fractional power)",
        ));
    }
    let result = x.powf(y);
    if result.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::float(result))
}

/// `round(x)` for floats: ties to even, returning an int.
pub fn float_round_to_int(vm: &mut Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    float_to_int(vm, x.round_ties_even())
}

/// `int(x)` for a finite float: truncation toward zero.
pub fn float_to_int(vm: &mut Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9.0e15 {
        return Ok(vm.new_int(t as i64));
    }
    let b = num_bigint::BigInt::from_f64_exact(t);
    Ok(vm.new_bigint(b))
}

trait FromF64Exact {
    fn from_f64_exact(x: f64) -> BigInt;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(x: f64) -> BigInt {
        num_traits::FromPrimitive::from_f64(x).unwrap_or_default()
    }
}

/// `round(x, ndigits)` for floats, correctly rounded like CPython (via exact decimal
/// formatting, ties to even on the exact binary value).
pub fn float_round_digits(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if ndigits > 22 {
        return x;
    }
    if ndigits >= 0 {
        let text = format!("{:.*}", ndigits as usize, x);
        let rounded: f64 = text.parse().unwrap_or(x);
        if rounded == 0.0 {
            return 0.0f64.copysign(x);
        }
        return rounded;
    }
    let factor = 10f64.powi((-ndigits) as i32);
    if !factor.is_finite() {
        return 0.0f64.copysign(x);
    }
    let scaled = x / factor;
    let rounded = scaled.round_ties_even() * factor;
    if rounded.is_infinite() {
        return x;
    }
    if rounded == 0.0 {
        0.0f64.copysign(x)
    } else {
        rounded
    }
}

/// CPython's hash of an int: the value modulo the Mersenne prime 2**61 - 1, with -1
/// mapped to -2.
pub fn hash_int(view: &IntView) -> i64 {
    const MODULUS: i64 = (1 << 61) - 1;
    let h = match view {
        // Below the modulus (every small int) an int is its own hash: no division.
        IntView::Small(v) if v.unsigned_abs() < MODULUS as u64 => *v,
        IntView::Small(v) => {
            let r = (v.unsigned_abs() % MODULUS as u64) as i64;
            if *v < 0 {
                -r
            } else {
                r
            }
        }
        IntView::Big(b) => {
            let m = BigInt::from(MODULUS);
            let r = (b.abs() % m).to_i64().unwrap_or(0);
            if b.is_negative() {
                -r
            } else {
                r
            }
        }
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `_Py_HashDouble`.
pub fn hash_float(x: f64) -> i64 {
    const BITS: i32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    if !x.is_finite() {
        if x.is_infinite() {
            return if x > 0.0 { 314159 } else { -314159 };
        }
        return 0;
    }
    let (mut m, mut e) = frexp(x);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x_acc: u64 = 0;
    while m != 0.0 {
        x_acc = ((x_acc << 28) & MODULUS) | (x_acc >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x_acc += y;
        if x_acc >= MODULUS {
            x_acc -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    x_acc = ((x_acc << e) & MODULUS) | (x_acc >> (BITS - e));
    let h = x_acc as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    if exponent == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exponent - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_hash_matches_cpython() {
        // Values from CPython 3.13: hash(0.5), hash(1.5), hash(-2.25), hash(1e100).
        assert_eq!(hash_float(0.5), 1152921504606846976);
        assert_eq!(hash_float(1.5), 1152921504606846977);
        assert_eq!(hash_float(-2.25), -576460752303423490);
        assert_eq!(hash_float(1e100), 1822893315824342674);
    }

    #[test]
    fn int_hash_matches_cpython() {
        assert_eq!(hash_int(&IntView::Small(-1)), -2);
        assert_eq!(hash_int(&IntView::Small(1 << 61)), 1);
        assert_eq!(hash_float(3.0), 3);
    }

    #[test]
    fn divmod_follows_python_signs() {
        assert_eq!(float_divmod_parts(7.0, -2.0), (-4.0, -1.0));
        assert_eq!(float_divmod_parts(-7.5, 2.0), (-4.0, 0.5));
    }

    #[test]
    fn round_digits_is_correctly_rounded() {
        assert_eq!(float_round_digits(2.675, 2), 2.67);
        assert_eq!(float_round_digits(0.125, 2), 0.12);
        assert_eq!(float_round_digits(1234.5, -2), 1200.0);
    }
}
