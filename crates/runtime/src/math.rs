//! The `math` module: CPython's functions with its results and errors ("math domain
//! error", "math range error", integer-only functions on arbitrary-size ints).
//!
//! Owns `math`'s behaviour. Must never format or print (callers use `display`).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::builtins::{new_module, set_name};
use crate::call::{arg_count, no_kwargs};
use crate::numeric::{self, int_view};
use crate::object::NativeFn;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match numeric::as_f64(vm, v) {
        Some(f) => f,
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("must be real number, not {name}")))
        }
    }
}

fn int_arg(vm: &mut Vm, v: Value, function: &str) -> PyResult<BigInt> {
    let number = numeric::number_payload(v);
    match int_view(&number) {
        Some(view) => Ok(view.to_bigint()),
        None => {
            let name = vm.type_name(v);
            let _ = function;
            Err(vm.type_error(format!(
                "'{name}' object cannot be interpreted as an integer"
            )))
        }
    }
}

fn domain_error(vm: &mut Vm) -> crate::vm::PyErr {
    vm.value_error("math domain error")
}

/// Applies a one-argument float function with CPython's error rules: a NaN result from
/// a non-NaN input is a domain error, an infinite result from a finite one a range error.
fn unary(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    no_kwargs(vm, name, kw)?;
    arg_count(vm, name, args, 1, 1)?;
    let x = float_arg(vm, args[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(Value::float(r))
}

macro_rules! unary_fns {
    ($( $fn_name:ident => $py:literal, $f:expr; )*) => {
        $( fn $fn_name(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            unary(vm, args, kw, $py, $f)
        } )*
    };
}

unary_fns! {
    math_exp => "exp", f64::exp;
    math_expm1 => "expm1", f64::exp_m1;
    math_sin => "sin", f64::sin;
    math_cos => "cos", f64::cos;
    math_tan => "tan", f64::tan;
    math_asin => "asin", f64::asin;
    math_acos => "acos", f64::acos;
    math_atan => "atan", f64::atan;
    math_sinh => "sinh", f64::sinh;
    math_cosh => "cosh", f64::cosh;
    math_tanh => "tanh", f64::tanh;
    math_asinh => "asinh", f64::asinh;
    math_acosh => "acosh", f64::acosh;
    math_atanh => "atanh", f64::atanh;
    math_fabs => "fabs", f64::abs;
    math_degrees => "degrees", f64::to_degrees;
    math_radians => "radians", f64::to_radians;
    math_log1p => "log1p", f64::ln_1p;
    math_cbrt => "cbrt", f64::cbrt;
    // fdlibm's error functions (CPython calls the C library's, of the same lineage).
    math_erf => "erf", libm::erf;
    math_erfc => "erfc", libm::erfc;
}

fn math_sqrt(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "sqrt", kw)?;
    arg_count(vm, "sqrt", args, 1, 1)?;
    let x = float_arg(vm, args[0])?;
    if x < 0.0 {
        return Err(domain_error(vm));
    }
    Ok(Value::float(x.sqrt()))
}

/// CPython's `loghelper`: floats and ints that fit a float go straight to `f`; larger
/// ints are split as `m * 2**e` (`m` in [0.5, 1)) so that `f(m) + f(2) * e` is exact
/// to the same rounding as CPython.
fn log_with(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(view) = int_view(&v) {
        let b = view.to_bigint();
        if b.sign() != num_bigint::Sign::Plus {
            return Err(domain_error(vm));
        }
        if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        let bits = b.bits();
        let top = (&b >> (bits - 53) as usize).to_f64().unwrap_or(1.0);
        let m = top / 2f64.powi(53);
        return Ok(f(m) + f(2.0) * bits as f64);
    }
    let x = float_arg(vm, v)?;
    if x <= 0.0 || x.is_nan() {
        if x.is_nan() {
            return Ok(x);
        }
        return Err(domain_error(vm));
    }
    Ok(f(x))
}

fn math_log(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "log", kw)?;
    arg_count(vm, "log", args, 1, 2)?;
    let x = log_with(vm, args[0], f64::ln)?;
    if let Some(base) = args.get(1) {
        let b = log_with(vm, *base, f64::ln)?;
        if b == 0.0 {
            return Err(vm.zero_division("float division by zero"));
        }
        return Ok(Value::float(x / b));
    }
    Ok(Value::float(x))
}

fn math_log2(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "log2", kw)?;
    arg_count(vm, "log2", args, 1, 1)?;
    Ok(Value::float(log_with(vm, args[0], f64::log2)?))
}

fn math_log10(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "log10", kw)?;
    arg_count(vm, "log10", args, 1, 1)?;
    Ok(Value::float(log_with(vm, args[0], f64::log10)?))
}

fn rounding(vm: &mut Vm, args: &[Value], name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    arg_count(vm, name, args, 1, 1)?;
    if int_view(&args[0]).is_some() {
        let v = int_view(&args[0])
            .map(|v| v.to_bigint())
            .unwrap_or_default();
        return Ok(vm.new_bigint(v));
    }
    // A user object rounds itself through `__floor__` / `__ceil__` / `__trunc__`.
    let hook = match name {
        "floor" => "__floor__",
        "ceil" => "__ceil__",
        _ => "__trunc__",
    };
    if let Some(result) = crate::dunder::unary_op(vm, args[0], hook)? {
        return Ok(result);
    }
    let x = float_arg(vm, args[0])?;
    numeric::float_to_int(vm, f(x))
}

// ----- gamma and lgamma: CPython's own Lanczos implementation (mathmodule.c), so
// results match it bit for bit rather than the platform libm's.

// CPython's literals, kept verbatim (both are exact binary fractions).
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM_COEFFS: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN_COEFFS: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM_COEFFS[i];
            den = den * x + LANCZOS_DEN_COEFFS[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM_COEFFS[i];
            den = den / x + LANCZOS_DEN_COEFFS[i];
        }
    }
    num / den
}

fn sin_pi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let pi = std::f64::consts::PI;
    let r = match n {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

/// `Ok(value)`, or `Err(true)` for a domain error, `Err(false)` for a range error.
fn lgamma(x: f64) -> Result<f64, bool> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(true) } else { Ok(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sin_pi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(false);
    }
    Ok(r)
}

fn tgamma(x: f64) -> Result<f64, bool> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Ok(x)
        } else {
            Err(true)
        };
    }
    if x == 0.0 {
        return Err(true);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(true);
        }
        if x <= 23.0 {
            let mut factorial = 1.0f64;
            for k in 1..(x as u32) {
                factorial *= f64::from(k);
            }
            return Ok(factorial);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(false) } else { Ok(r) };
    }
    if absx > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / sin_pi(x))
        } else {
            Err(false)
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let r = if x < 0.0 {
        let mut r = -std::f64::consts::PI / sin_pi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
        r
    } else {
        let mut r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
        r
    };
    if r.is_infinite() {
        return Err(false);
    }
    Ok(r)
}

fn gamma_function(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    f: fn(f64) -> Result<f64, bool>,
) -> PyResult<Value> {
    no_kwargs(vm, name, kw)?;
    arg_count(vm, name, args, 1, 1)?;
    let x = float_arg(vm, args[0])?;
    match f(x) {
        Ok(r) => Ok(Value::float(r)),
        Err(true) => Err(domain_error(vm)),
        Err(false) => Err(vm.overflow_error("math range error")),
    }
}

fn math_gamma(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    gamma_function(vm, args, kw, "gamma", tgamma)
}

fn math_lgamma(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    gamma_function(vm, args, kw, "lgamma", lgamma)
}

fn math_floor(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    rounding(vm, args, "floor", f64::floor)
}

fn math_ceil(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    rounding(vm, args, "ceil", f64::ceil)
}

fn math_trunc(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    rounding(vm, args, "trunc", f64::trunc)
}

fn math_pow(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "pow", args, 2, 2)?;
    let (x, y) = (float_arg(vm, args[0])?, float_arg(vm, args[1])?);
    if x == 0.0 && y < 0.0 {
        return Err(domain_error(vm));
    }
    if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
        return Err(domain_error(vm));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(Value::float(r))
}

fn two_floats(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(f64, f64)> {
    arg_count(vm, name, args, 2, 2)?;
    Ok((float_arg(vm, args[0])?, float_arg(vm, args[1])?))
}

fn math_atan2(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (y, x) = two_floats(vm, args, "atan2")?;
    Ok(Value::float(y.atan2(x)))
}

fn math_copysign(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, "copysign")?;
    Ok(Value::float(x.copysign(y)))
}

fn math_fmod(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, "fmod")?;
    if y == 0.0 || x.is_infinite() {
        return Err(domain_error(vm));
    }
    Ok(Value::float(x % y))
}

/// `math.remainder(x, y)`: the IEEE 754 remainder `x - n*y` with `n` the integer
/// nearest `x/y` (ties to even), computed as CPython's `m_remainder` does.
fn math_remainder(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, "remainder")?;
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    if y.is_nan() {
        return Ok(Value::float(y));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error(vm));
    }
    if y.is_infinite() {
        return Ok(Value::float(x));
    }
    let (absx, absy) = (x.abs(), y.abs());
    let m = absx % absy;
    let c = absy - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Half-way: pick the even multiple.
        m - 2.0 * ((0.5 * (absx - m)) % absy)
    };
    Ok(Value::float(1.0f64.copysign(x) * r))
}

/// The next float after `x` towards `y` (C's `nextafter`).
fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x < y {
        x.next_up()
    } else {
        x.next_down()
    }
}

/// `math.nextafter(x, y)`.
fn math_nextafter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, "nextafter")?;
    Ok(Value::float(next_after(x, y)))
}

/// `math.ulp(x)`: the value of the least significant bit of `x`.
fn math_ulp(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "ulp", args, 1, 1)?;
    let x = float_arg(vm, args[0])?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::float(x));
    }
    let up = next_after(x, f64::INFINITY);
    if up.is_infinite() {
        return Ok(Value::float(x - next_after(x, f64::NEG_INFINITY)));
    }
    Ok(Value::float(up - x))
}

fn math_hypot(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut acc = 0.0f64;
    for v in args {
        let x = float_arg(vm, *v)?;
        acc = acc.hypot(x);
    }
    Ok(Value::float(acc))
}

fn math_isnan(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "isnan", args, 1, 1)?;
    Ok(Value::bool(float_arg(vm, args[0])?.is_nan()))
}

fn math_isinf(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "isinf", args, 1, 1)?;
    Ok(Value::bool(float_arg(vm, args[0])?.is_infinite()))
}

fn math_isfinite(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "isfinite", args, 1, 1)?;
    Ok(Value::bool(float_arg(vm, args[0])?.is_finite()))
}

fn math_isclose(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let bound = crate::call::bind(
        vm,
        "isclose",
        args,
        kw,
        &["a", "b"],
        2,
        &["rel_tol", "abs_tol"],
    )?;
    let (a, b) = (float_arg(vm, bound[0])?, float_arg(vm, bound[1])?);
    let rel = if bound[2].is_null() {
        1e-9
    } else {
        float_arg(vm, bound[2])?
    };
    let abs = if bound[3].is_null() {
        0.0
    } else {
        float_arg(vm, bound[3])?
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (b - a).abs();
    Ok(Value::bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

fn math_gcd(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut acc = BigInt::zero();
    for v in args {
        let n = int_arg(vm, *v, "gcd")?;
        acc = acc.gcd(&n);
    }
    Ok(vm.new_bigint(acc))
}

fn math_lcm(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut acc = BigInt::one();
    for v in args {
        let n = int_arg(vm, *v, "lcm")?;
        if n.is_zero() {
            return Ok(vm.new_int(0));
        }
        acc = acc.lcm(&n);
    }
    Ok(vm.new_bigint(acc.abs()))
}

fn math_factorial(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "factorial", args, 1, 1)?;
    if args[0].is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int_arg(vm, args[0], "factorial")?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().unwrap_or(u64::MAX);
    if n > 100_000 {
        return Err(vm.overflow_error("factorial() argument should not exceed 100000"));
    }
    let mut acc = BigInt::one();
    for k in 2..=n {
        acc *= k;
    }
    Ok(vm.new_bigint(acc))
}

fn comb_perm(vm: &mut Vm, args: &[Value], name: &str, comb: bool) -> PyResult<Value> {
    arg_count(vm, name, args, 1, 2)?;
    let n = int_arg(vm, args[0], name)?;
    let k = match args.get(1) {
        Some(v) if !v.is_none() => int_arg(vm, *v, name)?,
        _ if !comb => n.clone(),
        _ => return Err(vm.type_error("comb expected 2 arguments, got 1")),
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(vm.new_int(0));
    }
    let k = k.to_u64().unwrap_or(0);
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= &n - BigInt::from(i);
    }
    if comb {
        let mut denominator = BigInt::one();
        for i in 2..=k {
            denominator *= i;
        }
        acc /= denominator;
    }
    Ok(vm.new_bigint(acc))
}

fn math_comb(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    comb_perm(vm, args, "comb", true)
}

fn math_perm(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    comb_perm(vm, args, "perm", false)
}

fn math_isqrt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "isqrt", args, 1, 1)?;
    let n = int_arg(vm, args[0], "isqrt")?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(n.sqrt()))
}

fn math_modf(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "modf", args, 1, 1)?;
    let x = float_arg(vm, args[0])?;
    let int_part = x.trunc();
    let frac = if x.is_infinite() {
        0.0f64.copysign(x)
    } else {
        x - int_part
    };
    Ok(vm.new_tuple(vec![Value::float(frac), Value::float(int_part)]))
}

fn math_fsum(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "fsum", args, 1, 1)?;
    let items = crate::iter::collect(vm, args[0])?;
    // Shewchuk's exact partial sums, as CPython (`math_fsum` in mathmodule.c),
    // with its handling of infinities, NaNs and overflow.
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for item in items {
        let mut x = float_arg(vm, item)?;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special_sum += x;
            partials.clear();
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // The sum of finite values overflowed.
                return Err(vm.overflow_error("intermediate overflow in fsum"));
            }
            partials.push(x);
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special_sum));
    }
    // Sum the partials from the top, stopping when the sum becomes inexact; then
    // make half-even rounding work across partials.
    let mut n = partials.len();
    let mut hi = 0.0f64;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

fn math_prod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let bound = crate::call::bind(vm, "prod", args, kw, &["iterable"], 1, &["start"])?;
    let mut acc = if bound[1].is_null() {
        vm.new_int(1)
    } else {
        bound[1]
    };
    let items = crate::iter::collect(vm, bound[0])?;
    for item in items {
        acc = crate::ops::binary_op(vm, acc, item, cpjit_bytecode::BinaryOpArg::Multiply)?;
    }
    Ok(acc)
}

fn math_dist(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "dist", args, 2, 2)?;
    let p = crate::iter::collect(vm, args[0])?;
    let q = crate::iter::collect(vm, args[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut acc = 0.0f64;
    for (a, b) in p.into_iter().zip(q) {
        let d = float_arg(vm, a)? - float_arg(vm, b)?;
        acc = acc.hypot(d);
    }
    Ok(Value::float(acc))
}

fn math_frexp(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "frexp", args, 1, 1)?;
    let x = float_arg(vm, args[0])?;
    if x == 0.0 || !x.is_finite() {
        let zero = vm.new_int(0);
        return Ok(vm.new_tuple(vec![Value::float(x), zero]));
    }
    let exponent = x.abs().log2().floor() as i64 + 1;
    let mut m = x / 2f64.powi(exponent as i32);
    let mut e = exponent;
    if m.abs() >= 1.0 {
        m /= 2.0;
        e += 1;
    } else if m.abs() < 0.5 {
        m *= 2.0;
        e -= 1;
    }
    let e = vm.new_int(e);
    Ok(vm.new_tuple(vec![Value::float(m), e]))
}

fn math_ldexp(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "ldexp", args, 2, 2)?;
    let x = float_arg(vm, args[0])?;
    let i = int_arg(vm, args[1], "ldexp")?.to_i32().unwrap_or(i32::MAX);
    let r = x * 2f64.powi(i);
    if r.is_infinite() && x.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(Value::float(r))
}

/// Builds the `math` module.
pub fn make_module(vm: &mut Vm) -> Value {
    let dict = vm.new_dict();
    let functions: &[(&'static str, NativeFn)] = &[
        ("sqrt", math_sqrt),
        ("exp", math_exp),
        ("expm1", math_expm1),
        ("log", math_log),
        ("log2", math_log2),
        ("log10", math_log10),
        ("log1p", math_log1p),
        ("sin", math_sin),
        ("cos", math_cos),
        ("tan", math_tan),
        ("asin", math_asin),
        ("acos", math_acos),
        ("atan", math_atan),
        ("atan2", math_atan2),
        ("sinh", math_sinh),
        ("cosh", math_cosh),
        ("tanh", math_tanh),
        ("asinh", math_asinh),
        ("acosh", math_acosh),
        ("atanh", math_atanh),
        ("fabs", math_fabs),
        ("gamma", math_gamma),
        ("lgamma", math_lgamma),
        ("degrees", math_degrees),
        ("radians", math_radians),
        ("cbrt", math_cbrt),
        ("floor", math_floor),
        ("ceil", math_ceil),
        ("trunc", math_trunc),
        ("pow", math_pow),
        ("copysign", math_copysign),
        ("fmod", math_fmod),
        ("remainder", math_remainder),
        ("erf", math_erf),
        ("nextafter", math_nextafter),
        ("ulp", math_ulp),
        ("erfc", math_erfc),
        ("hypot", math_hypot),
        ("isnan", math_isnan),
        ("isinf", math_isinf),
        ("isfinite", math_isfinite),
        ("isclose", math_isclose),
        ("gcd", math_gcd),
        ("lcm", math_lcm),
        ("factorial", math_factorial),
        ("comb", math_comb),
        ("perm", math_perm),
        ("isqrt", math_isqrt),
        ("modf", math_modf),
        ("fsum", math_fsum),
        ("prod", math_prod),
        ("dist", math_dist),
        ("frexp", math_frexp),
        ("ldexp", math_ldexp),
    ];
    for (name, function) in functions {
        let native = vm.new_native(name, *function);
        let key = vm.intern(name);
        set_name(vm, dict, key, native);
    }
    for (name, value) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let key = vm.intern(name);
        set_name(vm, dict, key, Value::float(value));
    }
    new_module(vm, "math", dict)
}
