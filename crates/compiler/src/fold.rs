//! Constant folding, as CPython 3.13's AST optimizer (`Python/ast_opt.c`) does it.
//!
//! Owns: deciding whether an expression is a compile-time constant and computing its
//! value (literals, unary and binary operators on constants within CPython's size limits,
//! tuples of constants, `__debug__`).
//!
//! Must never: emit instructions, or fold anything CPython would not (observable through
//! `co_consts` and through which operations raise at run time).

use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use ruff_python_ast::{self as ast, Expr, Number, Operator, UnaryOp};

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_DEPTH: u32 = 200;

use cpjit_bytecode::Constant;

pub(crate) fn int_const(v: BigInt) -> Constant {
    match v.to_i64() {
        Some(i) => Constant::Int(i),
        None => Constant::BigInt(v),
    }
}

fn as_bigint(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(b) => Some(b.clone()),
        Constant::Bool(b) => Some(BigInt::from(*b as i64)),
        _ => None,
    }
}

fn as_f64(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        Constant::Int(i) => Some(*i as f64),
        Constant::BigInt(b) => b.to_f64(),
        Constant::Bool(b) => Some(*b as i64 as f64),
        _ => None,
    }
}

/// Value of a literal number as written.
pub(crate) fn number_const(n: &Number) -> Constant {
    match n {
        Number::Int(i) => {
            if let Some(v) = i.as_i64() {
                Constant::Int(v)
            } else {
                let s = i.to_string();
                parse_big_int(&s).map(int_const).unwrap_or(Constant::Int(0))
            }
        }
        Number::Float(f) => Constant::Float(*f),
        Number::Complex { real, imag } => Constant::Complex {
            real: *real,
            imag: *imag,
        },
    }
}

fn parse_big_int(s: &str) -> Option<BigInt> {
    let s: String = s.chars().filter(|c| *c != '_').collect();
    let lower = s.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

fn bit_len(v: &BigInt) -> u64 {
    v.bits()
}

fn py_floordiv(a: &BigInt, b: &BigInt) -> BigInt {
    let (q, r) = (a / b, a % b);
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q - 1
    } else {
        q
    }
}

fn py_mod(a: &BigInt, b: &BigInt) -> BigInt {
    let r = a % b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        r + b
    } else {
        r
    }
}

fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

fn as_complex(c: &Constant) -> Option<(f64, f64)> {
    match c {
        Constant::Complex { real, imag } => Some((*real, *imag)),
        other => as_f64(other).map(|x| (x, 0.0)),
    }
}

fn fold_binop(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    // bool & | ^ bool stays a bool.
    if let (Constant::Bool(a), Constant::Bool(b)) = (l, r) {
        match op {
            Operator::BitAnd => return Some(Constant::Bool(a & b)),
            Operator::BitOr => return Some(Constant::Bool(a | b)),
            Operator::BitXor => return Some(Constant::Bool(a ^ b)),
            _ => {}
        }
    }
    // Complex numbers.
    if matches!(l, Constant::Complex { .. }) || matches!(r, Constant::Complex { .. }) {
        let (a, b) = as_complex(l)?;
        let (c, d) = as_complex(r)?;
        let (re, im) = match op {
            Operator::Add => (a + c, b + d),
            Operator::Sub => (a - c, b - d),
            Operator::Mult => {
                // Python's complex multiplication with a real operand keeps signed zeros
                // only approximately; fold only the simple, exact cases.
                (a * c - b * d, a * d + b * c)
            }
            _ => return None,
        };
        return Some(Constant::Complex { real: re, imag: im });
    }
    // Integers (and bools).
    if let (Some(a), Some(b)) = (as_bigint(l), as_bigint(r)) {
        return match op {
            Operator::Add => Some(int_const(a + b)),
            Operator::Sub => Some(int_const(a - b)),
            Operator::Mult => {
                if bit_len(&a) + bit_len(&b) > MAX_INT_SIZE {
                    None
                } else {
                    Some(int_const(a * b))
                }
            }
            Operator::FloorDiv => {
                if b.is_zero() {
                    None
                } else {
                    Some(int_const(py_floordiv(&a, &b)))
                }
            }
            Operator::Mod => {
                if b.is_zero() {
                    None
                } else {
                    Some(int_const(py_mod(&a, &b)))
                }
            }
            Operator::Div => {
                if b.is_zero() {
                    None
                } else {
                    let (x, y) = (a.to_f64()?, b.to_f64()?);
                    Some(Constant::Float(x / y))
                }
            }
            Operator::Pow => {
                if b.is_negative() {
                    if a.is_zero() {
                        return None;
                    }
                    let (x, y) = (a.to_f64()?, b.to_f64()?);
                    return Some(Constant::Float(x.powf(y)));
                }
                let e = b.to_u64()?;
                if bit_len(&a).saturating_mul(e) > MAX_INT_SIZE {
                    return None;
                }
                Some(int_const(num_traits::pow(a, e as usize)))
            }
            Operator::LShift => {
                if b.is_negative() {
                    return None;
                }
                let e = b.to_u64()?;
                if bit_len(&a) > MAX_INT_SIZE || e > MAX_INT_SIZE || bit_len(&a) + e > MAX_INT_SIZE
                {
                    return None;
                }
                Some(int_const(a << e as usize))
            }
            Operator::RShift => {
                if b.is_negative() {
                    return None;
                }
                let e = b.to_u64()?.min(1 << 20);
                Some(int_const(a >> e as usize))
            }
            Operator::BitAnd => Some(int_const(a & b)),
            Operator::BitOr => Some(int_const(a | b)),
            Operator::BitXor => Some(int_const(a ^ b)),
            Operator::MatMult => None,
        };
    }
    // Floats mixed with ints.
    if matches!(l, Constant::Float(_)) || matches!(r, Constant::Float(_)) {
        let (a, b) = (as_f64(l)?, as_f64(r)?);
        let v = match op {
            Operator::Add => a + b,
            Operator::Sub => a - b,
            Operator::Mult => a * b,
            Operator::Div => {
                if b == 0.0 {
                    return None;
                }
                a / b
            }
            Operator::FloorDiv => {
                if b == 0.0 {
                    return None;
                }
                let m = float_mod(a, b);
                let d = (a - m) / b;
                if d == 0.0 {
                    0.0f64.copysign(a / b)
                } else {
                    let f = d.floor();
                    if d - f > 0.5 {
                        f + 1.0
                    } else {
                        f
                    }
                }
            }
            Operator::Mod => {
                if b == 0.0 {
                    return None;
                }
                float_mod(a, b)
            }
            Operator::Pow => {
                if a == 0.0 && b < 0.0 {
                    return None;
                }
                if a < 0.0 && b.fract() != 0.0 {
                    return None;
                }
                a.powf(b)
            }
            _ => return None,
        };
        // Float overflow to inf/nan does not raise, except in `**` (OverflowError).
        if op == Operator::Pow && !v.is_finite() && a.is_finite() && b.is_finite() {
            return None;
        }
        return Some(Constant::Float(v));
    }
    // Strings and bytes.
    match (op, l, r) {
        (Operator::Add, Constant::Str(a), Constant::Str(b)) => {
            if a.chars().count() + b.chars().count() > MAX_STR_SIZE {
                return None;
            }
            Some(Constant::Str(format!("{a}{b}").into()))
        }
        (Operator::Add, Constant::Bytes(a), Constant::Bytes(b)) => {
            if a.len() + b.len() > MAX_STR_SIZE {
                return None;
            }
            let mut v = a.to_vec();
            v.extend_from_slice(b);
            Some(Constant::Bytes(v.into()))
        }
        (Operator::Mult, Constant::Str(s), n) | (Operator::Mult, n, Constant::Str(s))
            if as_bigint(n).is_some() =>
        {
            let n = as_bigint(n)?.to_i64()?.max(0) as usize;
            let len = s.chars().count();
            if len > 0 && n > MAX_STR_SIZE / len {
                return None;
            }
            Some(Constant::Str(s.repeat(n).into()))
        }
        (Operator::Mult, Constant::Bytes(s), n) | (Operator::Mult, n, Constant::Bytes(s))
            if as_bigint(n).is_some() =>
        {
            let n = as_bigint(n)?.to_i64()?.max(0) as usize;
            if !s.is_empty() && n > MAX_STR_SIZE / s.len() {
                return None;
            }
            Some(Constant::Bytes(s.repeat(n).into()))
        }
        (Operator::Add, Constant::Tuple(a), Constant::Tuple(b)) => {
            if a.len() + b.len() > MAX_COLLECTION_SIZE {
                return None;
            }
            let v: Vec<Constant> = a.iter().chain(b.iter()).cloned().collect();
            Some(Constant::Tuple(v.into()))
        }
        _ => None,
    }
}

/// The constant value of `e` if CPython's AST optimizer turns it into a constant.
pub(crate) fn fold_expr(e: &Expr) -> Option<Constant> {
    fold_depth(e, 0)
}

fn fold_depth(e: &Expr, depth: u32) -> Option<Constant> {
    if depth > MAX_DEPTH {
        return None;
    }
    match e {
        Expr::NumberLiteral(n) => Some(number_const(&n.value)),
        Expr::StringLiteral(s) => Some(Constant::Str(Arc::from(s.value.to_str()))),
        Expr::BytesLiteral(b) => {
            let v: Vec<u8> = b.value.bytes().collect();
            Some(Constant::Bytes(v.into()))
        }
        Expr::BooleanLiteral(b) => Some(Constant::Bool(b.value)),
        Expr::NoneLiteral(_) => Some(Constant::None),
        Expr::EllipsisLiteral(_) => Some(Constant::Ellipsis),
        Expr::Name(n) if n.id.as_str() == "__debug__" && n.ctx == ast::ExprContext::Load => {
            Some(Constant::Bool(true))
        }
        Expr::UnaryOp(u) => {
            let v = fold_depth(&u.operand, depth + 1)?;
            match u.op {
                UnaryOp::USub => match v {
                    Constant::Int(i) => Some(match i.checked_neg() {
                        Some(n) => Constant::Int(n),
                        None => int_const(-BigInt::from(i)),
                    }),
                    Constant::BigInt(b) => Some(int_const(-b)),
                    Constant::Bool(b) => Some(Constant::Int(-(b as i64))),
                    Constant::Float(f) => Some(Constant::Float(-f)),
                    Constant::Complex { real, imag } => Some(Constant::Complex {
                        real: -real,
                        imag: -imag,
                    }),
                    _ => None,
                },
                UnaryOp::UAdd => match v {
                    Constant::Int(_) | Constant::BigInt(_) | Constant::Float(_) => Some(v),
                    Constant::Complex { .. } => Some(v),
                    Constant::Bool(b) => Some(Constant::Int(b as i64)),
                    _ => None,
                },
                UnaryOp::Invert => match v {
                    Constant::Int(i) => Some(Constant::Int(!i)),
                    Constant::BigInt(b) => Some(int_const(-b - 1)),
                    _ => None,
                },
                UnaryOp::Not => Some(Constant::Bool(!truthy(&v))),
            }
        }
        Expr::BinOp(b) => {
            let l = fold_depth(&b.left, depth + 1)?;
            let r = fold_depth(&b.right, depth + 1)?;
            fold_binop(b.op, &l, &r)
        }
        Expr::Subscript(s) if s.ctx == ast::ExprContext::Load => {
            let v = fold_depth(&s.value, depth + 1)?;
            let i = fold_depth(&s.slice, depth + 1)?;
            fold_subscript(&v, &i)
        }
        Expr::Tuple(t) if t.ctx == ast::ExprContext::Load => {
            if t.elts.len() > MAX_COLLECTION_SIZE * 4 {
                return None;
            }
            let mut items = Vec::with_capacity(t.elts.len());
            for x in &t.elts {
                if matches!(x, Expr::Starred(_)) {
                    return None;
                }
                items.push(fold_depth(x, depth + 1)?);
            }
            Some(Constant::Tuple(items.into()))
        }
        _ => None,
    }
}

fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(b) => !b.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Ellipsis | Constant::Code(_) => true,
    }
}

/// `[a, b]` / `{a, b}` of constants as the tuple / frozenset CPython folds them into
/// when they are iterated over or tested with `in`.
pub(crate) fn fold_iterable(e: &Expr) -> Option<Constant> {
    let (elts, set) = match e {
        Expr::List(l) => (&l.elts, false),
        Expr::Set(s) => (&s.elts, true),
        _ => return None,
    };
    let mut items = Vec::with_capacity(elts.len());
    for x in elts {
        if matches!(x, Expr::Starred(_)) {
            return None;
        }
        items.push(fold_expr(x)?);
    }
    Some(if set {
        frozenset(items)
    } else {
        Constant::Tuple(items.into())
    })
}

/// A frozenset constant: duplicates (by Python equality, `1 == 1.0 == True`) keep the
/// first occurrence, as building the set does.
pub(crate) fn frozenset(items: Vec<Constant>) -> Constant {
    let mut out: Vec<Constant> = Vec::with_capacity(items.len());
    for item in items {
        if !out.iter().any(|x| py_eq(x, &item)) {
            out.push(item);
        }
    }
    Constant::FrozenSet(out.into())
}

fn py_eq(a: &Constant, b: &Constant) -> bool {
    use Constant::*;
    let num = |c: &Constant| -> Option<(f64, f64, Option<num_bigint::BigInt>)> {
        match c {
            Bool(x) => Some((
                *x as i64 as f64,
                0.0,
                Some(num_bigint::BigInt::from(*x as i64)),
            )),
            Int(i) => Some((*i as f64, 0.0, Some(num_bigint::BigInt::from(*i)))),
            BigInt(v) => Some((v.to_f64().unwrap_or(f64::NAN), 0.0, Some(v.clone()))),
            Float(f) => Some((*f, 0.0, Option::None)),
            Complex { real, imag } => Some((*real, *imag, Option::None)),
            _ => Option::None,
        }
    };
    if let (Some((ar, ai, abig)), Some((br, bi, bbig))) = (num(a), num(b)) {
        if let (Some(x), Some(y)) = (&abig, &bbig) {
            return x == y;
        }
        return ar == br && ai == bi;
    }
    match (a, b) {
        (None, None) | (Ellipsis, Ellipsis) => true,
        (Str(x), Str(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (Tuple(x), Tuple(y)) | (FrozenSet(x), FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| py_eq(p, q))
        }
        _ => false,
    }
}

fn fold_subscript(v: &Constant, i: &Constant) -> Option<Constant> {
    let idx = match i {
        Constant::Int(i) => *i,
        Constant::Bool(b) => *b as i64,
        _ => return None,
    };
    let norm = |len: usize| -> Option<usize> {
        let len = len as i64;
        let k = if idx < 0 { idx + len } else { idx };
        if k < 0 || k >= len {
            None
        } else {
            Some(k as usize)
        }
    };
    match v {
        Constant::Tuple(t) => t.get(norm(t.len())?).cloned(),
        Constant::Str(s) => {
            let n = s.chars().count();
            let k = norm(n)?;
            s.chars()
                .nth(k)
                .map(|c| Constant::Str(c.to_string().into()))
        }
        Constant::Bytes(b) => b.get(norm(b.len())?).map(|x| Constant::Int(*x as i64)),
        _ => None,
    }
}
