//! Generic Python operations on values: binary and unary operators, comparisons,
//! equality, hashing, truth, containment, subscripts and `len`.
//!
//! Owns the dispatch on operand types and CPython's error messages for them. Must never
//! execute bytecode directly; calls into Python code go through `Vm::call_hook`.

use std::cmp::Ordering;

use cpjit_bytecode::{BinaryOpArg, CompareOp};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use crate::numeric::{self, int_view, IntView};
use crate::object::{DictViewKind, ObjKind, RangeObj, SliceObj};
use crate::value::Value;
use crate::vm::{kind, PyErr, PyResult, Vm};

/// Depth limit for recursive container operations (repr, ==, hash).
pub const MAX_CONTAINER_DEPTH: usize = 900;

/// Runs `body` one level deeper in container recursion, raising RecursionError past
/// the limit (CPython's `Py_EnterRecursiveCall` for repr, ==, hash).
pub(crate) fn with_depth<T>(
    vm: &mut Vm,
    what: &str,
    body: impl FnOnce(&mut Vm) -> PyResult<T>,
) -> PyResult<T> {
    let depth = vm.repr_depth.get();
    if depth >= MAX_CONTAINER_DEPTH {
        return Err(vm.new_error(
            vm.exceptions.recursion_error,
            format!("maximum recursion depth exceeded {what}"),
        ));
    }
    vm.repr_depth.set(depth + 1);
    let result = body(vm);
    vm.repr_depth.set(depth);
    result
}

// ----- operators ----------------------------------------------------------------------

/// Whether `v` is a class whose metaclass is not `type` (its special methods come
/// from the metaclass, like an instance's from its class).
fn has_metaclass(v: &Value) -> bool {
    matches!(kind(v), Some(ObjKind::Type(t)) if !t.metaclass.is_null())
}

/// `a <op> b` for `BINARY_OP`.
pub fn binary_op(vm: &mut Vm, a: Value, b: Value, op: BinaryOpArg) -> PyResult<Value> {
    let base = op.base();
    // Fast paths: small ints and floats (shared with the JIT's helpers).
    if let Some(result) = numeric::binary_op_fast(a, b, op) {
        return Ok(result);
    }
    if let Some(result) = numeric_binary(vm, a, b, base)? {
        return Ok(result);
    }
    if let Some(result) = sequence_binary(vm, a, b, op)? {
        return Ok(result);
    }
    if let Some(result) = crate::dunder::binary_op(vm, a, b, op)? {
        return Ok(result);
    }
    Err(binary_type_error(vm, a, b, op))
}

/// The TypeError of an operator no operand supports (`unsupported operand type(s)`, or
/// the sequence forms of the message).
pub fn binary_type_error(vm: &mut Vm, a: Value, b: Value, op: BinaryOpArg) -> PyErr {
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    let base = op.base();
    if base == BinaryOpArg::Add {
        if let Some(ObjKind::Str(_)) = kind(&a) {
            return vm.type_error(format!("can only concatenate str (not \"{tb}\") to str"));
        }
        if let Some(ObjKind::List(_)) = kind(&a) {
            return vm.type_error(format!("can only concatenate list (not \"{tb}\") to list"));
        }
        if let Some(ObjKind::Tuple(_)) = kind(&a) {
            return vm.type_error(format!(
                "can only concatenate tuple (not \"{tb}\") to tuple"
            ));
        }
    }
    if base == BinaryOpArg::Multiply && (is_sequence(a) || is_sequence(b)) {
        let other = if is_sequence(a) { tb } else { ta };
        return vm.type_error(format!(
            "can't multiply sequence by non-int of type '{other}'"
        ));
    }
    let symbol = if base == BinaryOpArg::Power && !op.is_inplace() {
        "** or pow()"
    } else {
        op.symbol()
    };
    vm.type_error(format!(
        "unsupported operand type(s) for {symbol}: '{ta}' and '{tb}'"
    ))
}

fn is_sequence(v: Value) -> bool {
    matches!(
        kind(&v),
        Some(ObjKind::Str(_) | ObjKind::List(_) | ObjKind::Tuple(_))
    )
}

/// Arithmetic on int/bool/float operands; `None` when the operands are not numbers.
fn numeric_binary(vm: &mut Vm, a: Value, b: Value, op: BinaryOpArg) -> PyResult<Option<Value>> {
    if let (Some(x), Some(y)) = (int_view(&a), int_view(&b)) {
        // bool & bool stays bool.
        if a.is_bool() && b.is_bool() {
            let (p, q) = (a == Value::TRUE, b == Value::TRUE);
            match op {
                BinaryOpArg::And => return Ok(Some(Value::bool(p & q))),
                BinaryOpArg::Or => return Ok(Some(Value::bool(p | q))),
                BinaryOpArg::Xor => return Ok(Some(Value::bool(p ^ q))),
                _ => {}
            }
        }
        let (x, y) = (x.clone(), y.clone());
        return match op {
            BinaryOpArg::TrueDivide => numeric::int_true_divide(vm, &x, &y).map(Some),
            BinaryOpArg::Power => numeric::int_pow(vm, &x, &y, None).map(Some),
            _ => match crate::numeric::int_op_for(op) {
                Some(int_op) => numeric::int_binary(vm, int_op, &x, &y).map(Some),
                None => Ok(None),
            },
        };
    }
    let (x, y) = match (a.as_float(), b.as_float()) {
        (Some(x), Some(y)) => (x, y),
        (Some(x), None) if int_view(&b).is_some() => match numeric::as_f64(vm, b) {
            Some(y) => (x, y?),
            None => return Ok(None),
        },
        (None, Some(y)) if int_view(&a).is_some() => match numeric::as_f64(vm, a) {
            Some(x) => (x?, y),
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    let result = match op {
        BinaryOpArg::Add => x + y,
        BinaryOpArg::Subtract => x - y,
        BinaryOpArg::Multiply => x * y,
        BinaryOpArg::TrueDivide => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        BinaryOpArg::FloorDivide => numeric::float_floor_divide(vm, x, y)?,
        BinaryOpArg::Remainder => numeric::float_mod(vm, x, y)?,
        BinaryOpArg::Power => return numeric::float_pow(vm, x, y).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(Value::float(result)))
}

/// Sequence and container operators (`+`, `*`, `%` on str, set algebra, dict `|`).
/// An operand of a dict-view set operation as a fresh set (never the operand itself,
/// so the operation cannot modify it).
fn view_operand_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let items = crate::iter::collect(vm, v)?;
    let set = vm.new_set(false);
    for item in items {
        set_add(vm, set, item)?;
    }
    Ok(set)
}

fn sequence_binary(vm: &mut Vm, a: Value, b: Value, op: BinaryOpArg) -> PyResult<Option<Value>> {
    let base = op.base();
    match (kind(&a), kind(&b), base) {
        (Some(ObjKind::Str(_)), Some(ObjKind::Str(_)), BinaryOpArg::Add) => Ok(Some(
            vm.alloc(ObjKind::Str(crate::object::StrObj::concat(&[a, b]))),
        )),
        (Some(ObjKind::Str(_)), _, BinaryOpArg::Remainder) => {
            crate::format::percent_format(vm, a, b).map(Some)
        }
        (Some(ObjKind::List(x)), Some(ObjKind::List(y)), BinaryOpArg::Add) => {
            if op.is_inplace() {
                let extra = y.borrow().to_vec();
                x.borrow_mut().extend(extra);
                return Ok(Some(a));
            }
            let mut items = x.borrow().to_vec();
            items.extend(y.borrow().iter().copied());
            Ok(Some(vm.new_list(items)))
        }
        (Some(ObjKind::List(x)), _, BinaryOpArg::Add) if op.is_inplace() => {
            let extra = crate::iter::collect(vm, b)?;
            x.borrow_mut().extend(extra);
            Ok(Some(a))
        }
        (Some(ObjKind::Tuple(x)), Some(ObjKind::Tuple(y)), BinaryOpArg::Add) => {
            let items: Vec<Value> = x.iter().chain(y.iter()).copied().collect();
            Ok(Some(vm.new_tuple(items)))
        }
        (Some(ObjKind::Set(_)), Some(ObjKind::Set(_)), _) => {
            crate::methods::set_operator(vm, a, b, op)
        }
        // Keys and items views combine with any iterable into a new set.
        (Some(ObjKind::DictView(v)), _, _) | (_, Some(ObjKind::DictView(v)), _)
            if v.kind != DictViewKind::Values
                && matches!(
                    base,
                    BinaryOpArg::And | BinaryOpArg::Or | BinaryOpArg::Xor | BinaryOpArg::Subtract
                ) =>
        {
            let left = view_operand_set(vm, a)?;
            let right = view_operand_set(vm, b)?;
            crate::methods::set_operator(vm, left, right, base)
        }
        (Some(ObjKind::Dict(_)), Some(ObjKind::Dict(_)), BinaryOpArg::Or) => {
            let target = if op.is_inplace() {
                a
            } else {
                crate::methods::dict_copy(vm, a)
            };
            crate::methods::dict_update_from(vm, target, b)?;
            Ok(Some(target))
        }
        (_, _, BinaryOpArg::Multiply) => {
            if let Some(count) = int_view(&b) {
                if is_sequence(a) {
                    return repeat_sequence(vm, a, &count, op.is_inplace()).map(Some);
                }
            }
            if let Some(count) = int_view(&a) {
                if is_sequence(b) {
                    return repeat_sequence(vm, b, &count, false).map(Some);
                }
            }
            Ok(None)
        }
        _ => Ok(None),
    }
}

fn repeat_sequence(vm: &mut Vm, seq: Value, count: &IntView, inplace: bool) -> PyResult<Value> {
    let n = match count.to_i64() {
        Some(n) => n.max(0) as usize,
        None if count.is_negative() => 0,
        None => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
    };
    match kind(&seq) {
        Some(ObjKind::Str(s)) => {
            if s.text.len().saturating_mul(n) > (1 << 34) {
                return Err(vm.new_error(vm.exceptions.memory_error, ""));
            }
            let text = s.text.as_str().repeat(n);
            Ok(vm.new_string(text))
        }
        Some(ObjKind::List(items)) => {
            if items.borrow().len().saturating_mul(n) > (1 << 31) {
                return Err(vm.new_error(vm.exceptions.memory_error, ""));
            }
            let repeated = items.borrow().repeat(n);
            if inplace {
                *items.borrow_mut() = repeated;
                return Ok(seq);
            }
            Ok(vm.new_list(repeated))
        }
        Some(ObjKind::Tuple(items)) => {
            if items.len().saturating_mul(n) > (1 << 31) {
                return Err(vm.new_error(vm.exceptions.memory_error, ""));
            }
            let repeated = items.repeat(n);
            Ok(vm.new_tuple(repeated))
        }
        _ => Err(vm.type_error("can't multiply sequence")),
    }
}

/// A unary operator on a value builtins do not handle: the type's special method, or
/// CPython's TypeError.
fn unary_fallback(vm: &mut Vm, v: Value, dunder: &'static str, symbol: &str) -> PyResult<Value> {
    if let Some(result) = crate::dunder::unary_op(vm, v, dunder)? {
        return Ok(result);
    }
    let name = vm.type_name(v);
    Err(vm.type_error(format!("bad operand type for unary {symbol}: '{name}'")))
}

/// `-x`.
pub fn unary_negative(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if let Some(f) = v.as_float() {
        return Ok(Value::float(-f));
    }
    if let Some(view) = int_view(&v) {
        return Ok(match view {
            IntView::Small(x) => vm.new_int(-x),
            IntView::Big(b) => {
                let negated = -b.clone();
                vm.new_bigint(negated)
            }
        });
    }
    unary_fallback(vm, v, "__neg__", "-")
}

/// `+x`.
pub fn unary_positive(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_float() {
        return Ok(v);
    }
    if let Some(view) = int_view(&v) {
        return Ok(match view {
            IntView::Small(x) => vm.new_int(x),
            IntView::Big(_) => v,
        });
    }
    unary_fallback(vm, v, "__pos__", "+")
}

/// `~x`.
pub fn unary_invert(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if let Some(view) = int_view(&v) {
        return Ok(match view {
            IntView::Small(x) => vm.new_int(!x),
            IntView::Big(b) => {
                let inverted = -b.clone() - 1;
                vm.new_bigint(inverted)
            }
        });
    }
    unary_fallback(vm, v, "__invert__", "~")
}

// ----- truth --------------------------------------------------------------------------

/// `bool(v)`.
pub fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if v == Value::TRUE {
        return Ok(true);
    }
    if v == Value::FALSE || v == Value::NONE {
        return Ok(false);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    if let Some(f) = v.as_float() {
        return Ok(f != 0.0);
    }
    Ok(match kind(&v) {
        Some(ObjKind::Str(s)) => !s.text.is_empty(),
        Some(ObjKind::BigInt(b)) => !b.is_zero(),
        Some(ObjKind::List(items)) => !items.borrow().is_empty(),
        Some(ObjKind::Tuple(items)) => !items.is_empty(),
        Some(ObjKind::Dict(table)) => !table.borrow().is_empty(),
        Some(ObjKind::Set(set)) => !set.table.borrow().is_empty(),
        Some(ObjKind::Range(r)) => !r.is_empty(),
        Some(ObjKind::DictView(view)) => match kind(&view.dict) {
            Some(ObjKind::Dict(table)) => !table.borrow().is_empty(),
            _ => true,
        },
        Some(ObjKind::Type(t)) if !t.metaclass.is_null() => return crate::dunder::truthy(vm, v),
        Some(ObjKind::Instance(_)) => return crate::dunder::truthy(vm, v),
        _ => true,
    })
}

// ----- equality, ordering, hashing ----------------------------------------------------

/// `a == b` as a bool.
pub fn eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        // Identity implies equality except for NaN, which is canonical and unequal.
        return Ok(!a.as_float().is_some_and(f64::is_nan));
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return Ok(x == y);
    }
    if a.is_small_int() && b.is_small_int() {
        return Ok(false);
    }
    if let Some(result) = numeric_compare(&a, &b) {
        return Ok(result == Some(Ordering::Equal));
    }
    match (kind(&a), kind(&b)) {
        (Some(ObjKind::Str(x)), Some(ObjKind::Str(y))) => Ok(x.text == y.text),
        (Some(ObjKind::List(x)), Some(ObjKind::List(y))) => {
            let (x, y) = (x.borrow().to_vec(), y.borrow().to_vec());
            sequence_eq(vm, &x, &y)
        }
        (Some(ObjKind::Tuple(x)), Some(ObjKind::Tuple(y))) => {
            let (x, y) = (x.to_vec(), y.to_vec());
            sequence_eq(vm, &x, &y)
        }
        (Some(ObjKind::Range(x)), Some(ObjKind::Range(y))) => Ok(range_eq(x, y)),
        (Some(ObjKind::Dict(x)), Some(ObjKind::Dict(y))) => {
            if x.borrow().len() != y.borrow().len() {
                return Ok(false);
            }
            let entries: Vec<_> = x.borrow().iter().copied().collect();
            with_depth(vm, "in comparison", |vm| {
                for entry in entries {
                    match dict_lookup_hashed(vm, b, entry.key, entry.hash)? {
                        Some(other) => {
                            if !eq(vm, entry.value, other)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                Ok(true)
            })
        }
        (Some(ObjKind::Set(x)), Some(ObjKind::Set(y))) => {
            if x.table.borrow().len() != y.table.borrow().len() {
                return Ok(false);
            }
            crate::methods::set_is_subset(vm, a, b)
        }
        (Some(ObjKind::DictView(x)), Some(ObjKind::DictView(y)))
            if x.kind == DictViewKind::Keys && y.kind == DictViewKind::Keys =>
        {
            let (sa, sb) = (
                crate::methods::to_set(vm, a)?,
                crate::methods::to_set(vm, b)?,
            );
            eq(vm, sa, sb)
        }
        _ if has_metaclass(&a) || has_metaclass(&b) => crate::dunder::eq(vm, a, b),
        (Some(ObjKind::Instance(_)), _) | (_, Some(ObjKind::Instance(_))) => {
            crate::dunder::eq(vm, a, b)
        }
        _ => Ok(false),
    }
}

fn range_eq(x: &RangeObj, y: &RangeObj) -> bool {
    let (lx, ly) = (x.len(), y.len());
    if lx != ly {
        return false;
    }
    if lx == 0 {
        return true;
    }
    if x.start != y.start {
        return false;
    }
    lx == 1 || x.step == y.step
}

fn sequence_eq(vm: &mut Vm, x: &[Value], y: &[Value]) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    with_depth(vm, "in comparison", |vm| {
        for (a, b) in x.iter().zip(y) {
            if a != b && !eq(vm, *a, *b)? {
                return Ok(false);
            }
        }
        Ok(true)
    })
}

/// Compares two numbers exactly (int vs float without rounding). `None` if either is
/// not a number; `Some(None)` if unordered (NaN).
pub fn numeric_compare(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    match (int_view(a), int_view(b)) {
        (Some(x), Some(y)) => Some(Some(match (x, y) {
            (IntView::Small(x), IntView::Small(y)) => x.cmp(&y),
            (x, y) => x.to_bigint().cmp(&y.to_bigint()),
        })),
        (Some(x), None) => {
            let y = b.as_float()?;
            Some(compare_int_float(&x, y))
        }
        (None, Some(y)) => {
            let x = a.as_float()?;
            Some(compare_int_float(&y, x).map(Ordering::reverse))
        }
        (None, None) => {
            let (x, y) = (a.as_float()?, b.as_float()?);
            Some(x.partial_cmp(&y))
        }
    }
}

fn compare_int_float(x: &IntView, y: f64) -> Option<Ordering> {
    if y.is_nan() {
        return None;
    }
    if y.is_infinite() {
        return Some(if y > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let IntView::Small(v) = x {
        if v.unsigned_abs() < (1 << 53) {
            return (*v as f64).partial_cmp(&y);
        }
    }
    // Exact: compare x with floor(y), then the fractional part.
    let floor = y.floor();
    let floor_int: BigInt = num_traits::FromPrimitive::from_f64(floor)?;
    let xb = x.to_bigint();
    match xb.cmp(&floor_int) {
        Ordering::Equal => {
            if y > floor {
                Some(Ordering::Less)
            } else {
                Some(Ordering::Equal)
            }
        }
        other => Some(other),
    }
}

/// Rich comparison for `COMPARE_OP`, returning a value (a bool for builtins).
pub fn compare(vm: &mut Vm, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(Value::bool(compare_ordering(x.cmp(&y), op)));
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return Ok(Value::bool(match op {
            CompareOp::Lt => x < y,
            CompareOp::Le => x <= y,
            CompareOp::Eq => x == y,
            CompareOp::Ne => x != y,
            CompareOp::Gt => x > y,
            CompareOp::Ge => x >= y,
        }));
    }
    match op {
        CompareOp::Eq => return Ok(Value::bool(eq(vm, a, b)?)),
        CompareOp::Ne => return Ok(Value::bool(!eq(vm, a, b)?)),
        _ => {}
    }
    if let Some(ordering) = numeric_compare(&a, &b) {
        return Ok(Value::bool(match ordering {
            Some(o) => compare_ordering(o, op),
            None => false,
        }));
    }
    match (kind(&a), kind(&b)) {
        (Some(ObjKind::Str(x)), Some(ObjKind::Str(y))) => {
            Ok(Value::bool(compare_ordering(x.text.cmp(&y.text), op)))
        }
        (Some(ObjKind::List(x)), Some(ObjKind::List(y))) => {
            let (x, y) = (x.borrow().to_vec(), y.borrow().to_vec());
            sequence_compare(vm, &x, &y, op)
        }
        (Some(ObjKind::Tuple(x)), Some(ObjKind::Tuple(y))) => {
            let (x, y) = (x.to_vec(), y.to_vec());
            sequence_compare(vm, &x, &y, op)
        }
        (Some(ObjKind::Set(_)), Some(ObjKind::Set(_))) => {
            let result = match op {
                CompareOp::Le => crate::methods::set_is_subset(vm, a, b)?,
                CompareOp::Ge => crate::methods::set_is_subset(vm, b, a)?,
                CompareOp::Lt => crate::methods::set_is_subset(vm, a, b)? && !eq(vm, a, b)?,
                CompareOp::Gt => crate::methods::set_is_subset(vm, b, a)? && !eq(vm, a, b)?,
                _ => unreachable!("== and != handled above"),
            };
            Ok(Value::bool(result))
        }
        _ if has_metaclass(&a) || has_metaclass(&b) => {
            match crate::dunder::compare(vm, a, b, op)? {
                Some(v) => Ok(v),
                None => Err(compare_type_error(vm, a, b, op)),
            }
        }
        (Some(ObjKind::Instance(_)), _) | (_, Some(ObjKind::Instance(_))) => {
            match crate::dunder::compare(vm, a, b, op)? {
                Some(v) => Ok(v),
                None => Err(compare_type_error(vm, a, b, op)),
            }
        }
        _ => Err(compare_type_error(vm, a, b, op)),
    }
}

fn compare_type_error(vm: &mut Vm, a: Value, b: Value, op: CompareOp) -> PyErr {
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    vm.type_error(format!(
        "'{}' not supported between instances of '{ta}' and '{tb}'",
        op.symbol()
    ))
}

fn compare_ordering(ordering: Ordering, op: CompareOp) -> bool {
    match op {
        CompareOp::Lt => ordering == Ordering::Less,
        CompareOp::Le => ordering != Ordering::Greater,
        CompareOp::Eq => ordering == Ordering::Equal,
        CompareOp::Ne => ordering != Ordering::Equal,
        CompareOp::Gt => ordering == Ordering::Greater,
        CompareOp::Ge => ordering != Ordering::Less,
    }
}

fn sequence_compare(vm: &mut Vm, x: &[Value], y: &[Value], op: CompareOp) -> PyResult<Value> {
    with_depth(vm, "in comparison", |vm| {
        for (a, b) in x.iter().zip(y) {
            if a == b || eq(vm, *a, *b)? {
                continue;
            }
            return compare(vm, *a, *b, op);
        }
        Ok(Value::bool(compare_ordering(x.len().cmp(&y.len()), op)))
    })
}

/// Ordering used by `sorted`, `min`, `max`: `a < b`.
pub fn less_than(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(x < y);
    }
    let result = compare(vm, a, b, CompareOp::Lt)?;
    truthy(vm, result)
}

/// A `str`'s hash, computed once and kept in the string.
#[inline]
pub fn cached_str_hash(s: &crate::object::StrObj) -> i64 {
    if let Some(h) = s.hash.get() {
        return h;
    }
    let h = str_hash(&s.text);
    s.hash.set(Some(h));
    h
}

/// `hash(v)` for the values whose hash needs neither allocation nor Python code: small
/// ints, floats, bools, `None` and `str`; `None` for anything else.
#[inline]
pub fn simple_hash(v: Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(numeric::hash_int(&IntView::Small(i)));
    }
    if let Some(f) = v.as_float() {
        return Some(numeric::hash_float(f));
    }
    match v {
        Value::TRUE => Some(1),
        Value::FALSE => Some(0),
        Value::NONE => Some(0x5f3759df),
        _ => match kind(&v)? {
            ObjKind::Str(s) => Some(cached_str_hash(s)),
            _ => None,
        },
    }
}

/// `hash(v)`.
pub fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(h) = simple_hash(v) {
        return Ok(h);
    }
    match kind(&v) {
        Some(ObjKind::BigInt(b)) => Ok(numeric::hash_int(&IntView::Big(b))),
        Some(ObjKind::Tuple(items)) => {
            let items = items.to_vec();
            with_depth(vm, "while hashing", |vm| tuple_hash(vm, &items))
        }
        Some(ObjKind::Set(set)) if set.frozen => {
            let hashes: Vec<i64> = set.table.borrow().iter().map(|e| e.hash).collect();
            let mut h: u64 = 0;
            for eh in &hashes {
                let x = *eh as u64;
                h ^= ((x ^ 89869747) ^ (x << 16)).wrapping_mul(3644798167);
            }
            h ^= (hashes.len() as u64 + 1).wrapping_mul(1927868237);
            h ^= (h >> 11) ^ (h >> 25);
            h = h.wrapping_mul(69069).wrapping_add(907133923);
            let h = h as i64;
            Ok(if h == -1 { 590923713 } else { h })
        }
        Some(ObjKind::Range(r)) => {
            let len = r.len();
            let parts = if len == 0 {
                vec![vm.new_int(0), Value::NONE, Value::NONE]
            } else if len == 1 {
                vec![vm.new_int(1), vm.new_int_i128(r.start), Value::NONE]
            } else {
                vec![
                    vm.new_int_i128(len),
                    vm.new_int_i128(r.start),
                    vm.new_int_i128(r.step),
                ]
            };
            tuple_hash(vm, &parts)
        }
        Some(ObjKind::List(_) | ObjKind::Dict(_) | ObjKind::Set(_) | ObjKind::Slice(_)) => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("unhashable type: '{name}'")))
        }
        Some(ObjKind::Type(t)) if !t.metaclass.is_null() => crate::dunder::hash(vm, v),
        Some(ObjKind::Instance(_)) => crate::dunder::hash(vm, v),
        _ => Ok(((v.raw() & 0xffff_ffff_ffff) >> 4) as i64),
    }
}

/// CPython's tuple hash (xxHash-derived, 3.8+).
fn tuple_hash(vm: &mut Vm, items: &[Value]) -> PyResult<i64> {
    const PRIME_1: u64 = 11400714785074694791;
    const PRIME_2: u64 = 14029467366897019727;
    const PRIME_5: u64 = 2870177450012600261;
    let mut acc = PRIME_5;
    for item in items {
        let lane = hash(vm, *item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(items.len() as u64 ^ (PRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

/// Hash of a string's text (FNV-1a; stable across runs).
pub fn str_hash(text: &str) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for byte in text.bytes() {
        h ^= byte as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

// ----- dicts and sets -----------------------------------------------------------------

/// Equality used for dict/set keys: identity, then builtin equality (never fails for
/// builtin keys; user `__eq__` goes through the call hook).
fn key_eq(vm: &mut Vm, stored: Value, key: Value) -> PyResult<bool> {
    if stored == key {
        return Ok(true);
    }
    if let (Some(ObjKind::Str(x)), Some(ObjKind::Str(y))) = (kind(&stored), kind(&key)) {
        return Ok(x.text == y.text);
    }
    if stored.is_small_int() && key.is_small_int() {
        return Ok(false);
    }
    eq(vm, stored, key)
}

fn table_of(value: &Value) -> Option<&std::cell::RefCell<crate::dict::DictTable>> {
    match kind(value) {
        Some(ObjKind::Dict(t)) => Some(t),
        Some(ObjKind::Set(s)) => Some(&s.table),
        _ => None,
    }
}

/// Finds the entry position for `key` with known hash in a dict or set.
/// Whether `key` is a small int, a `str` or a float: keys whose equality with any
/// stored key but an instance needs no Python code.
fn is_simple_key(key: Value) -> bool {
    key.is_small_int() || matches!(kind(&key), Some(ObjKind::Str(_))) || key.is_float()
}

/// The lookup of a simple key (see [`is_simple_key`]) in `table`: `Some` answer, or
/// `None` when a stored instance (a `str` subclass key, say) may be equal and only
/// its own `__eq__` can tell.
pub fn find_simple_key(
    table: &std::cell::RefCell<crate::dict::DictTable>,
    key: Value,
    hash: i64,
) -> Option<Option<usize>> {
    let mut stored_instance = false;
    let found = table.borrow().find(hash, |stored| {
        stored == key
            || match (kind(&stored), kind(&key)) {
                (Some(ObjKind::Str(x)), Some(ObjKind::Str(y))) => x.text == y.text,
                (Some(ObjKind::Instance(_)), _) => {
                    stored_instance = true;
                    false
                }
                _ => {
                    // Numeric cross-type equality (1 == 1.0 == True).
                    numeric_compare(&stored, &key) == Some(Some(Ordering::Equal))
                }
            }
    });
    (found.is_some() || !stored_instance).then_some(found)
}

/// `table[key] = value` for a `str` key whose hash is `hash`, when that needs no Python
/// code (what `STORE_ATTR` does to an instance's namespace); `false`, having changed
/// nothing, otherwise. A key the table's hash bits prove absent is added without a
/// probe (the stores of a fresh instance's `__init__`).
#[inline(never)]
pub fn store_str_key(
    table: &std::cell::RefCell<crate::dict::DictTable>,
    key: Value,
    hash: i64,
    value: Value,
) -> bool {
    let Ok(mut writable) = table.try_borrow_mut() else {
        return false;
    };
    if !writable.may_contain_hash(hash) {
        writable.push_new(hash, key, value);
        return true;
    }
    drop(writable);
    match find_simple_key(table, key, hash) {
        Some(Some(position)) => table.borrow_mut().set_value_at(position, value),
        Some(None) => table.borrow_mut().push_new(hash, key, value),
        None => return false,
    }
    true
}

/// `key in container` for an exact `dict` or `set` (`set`: `container_is_set`) and a
/// simple key, when that needs no Python code; `None` otherwise (another container,
/// another key, a stored instance that may be equal, a borrowed table).
pub fn simple_key_in_table(container: Value, key: Value, container_is_set: bool) -> Option<bool> {
    let table = match kind(&container)? {
        ObjKind::Dict(table) if !container_is_set => &**table,
        ObjKind::Set(set) if container_is_set => &set.table,
        _ => return None,
    };
    if !is_simple_key(key) || table.try_borrow_mut().is_err() {
        return None;
    }
    let hash = simple_hash(key)?;
    find_simple_key(table, key, hash).map(|found| found.is_some())
}

fn table_find(vm: &mut Vm, container: Value, key: Value, hash: i64) -> PyResult<Option<usize>> {
    let table = table_of(&container).expect("table_find on a dict or set");
    // Fast path: no fallible equality needed for str/int/identity keys.
    if is_simple_key(key) {
        if let Some(found) = find_simple_key(table, key, hash) {
            return Ok(found);
        }
    }
    // General path: collect candidate positions, then compare with fallible equality.
    let candidates = table.borrow().candidates(hash);
    for (position, stored) in candidates {
        if key_eq(vm, stored, key)? {
            // An `__eq__` may have changed the table: report where the key is now.
            let table = table.borrow();
            if table.entry_at(position).is_some_and(|e| e.key == stored) {
                return Ok(Some(position));
            }
            return Ok(table.find(hash, |k| k == stored));
        }
    }
    Ok(None)
}

/// `d[key]` lookup without raising: `Ok(None)` when missing.
pub fn dict_get(vm: &mut Vm, dict: Value, key: Value) -> PyResult<Option<Value>> {
    let h = hash(vm, key)?;
    dict_lookup_hashed(vm, dict, key, h)
}

fn dict_lookup_hashed(vm: &mut Vm, dict: Value, key: Value, h: i64) -> PyResult<Option<Value>> {
    let position = table_find(vm, dict, key, h)?;
    let table = table_of(&dict).expect("dict");
    Ok(position.and_then(|p| table.borrow().entry_at(p).map(|e| e.value)))
}

/// Looks up an interned-or-not str key in a dict (namespaces); never fails.
pub fn dict_get_str(dict: Value, key: Value) -> Option<Value> {
    let Some(ObjKind::Str(s)) = kind(&key) else {
        return None;
    };
    let h = cached_str_hash(s);
    let table = table_of(&dict)?;
    let table = table.borrow();
    table.get(h, |stored| {
        stored == key || matches!(kind(&stored), Some(ObjKind::Str(x)) if x.text == s.text)
    })
}

/// `d[key] = value`.
pub fn dict_set(vm: &mut Vm, dict: Value, key: Value, value: Value) -> PyResult<()> {
    let h = hash(vm, key)?;
    let position = table_find(vm, dict, key, h)?;
    let table = table_of(&dict).expect("dict");
    let mut table = table.borrow_mut();
    match position {
        Some(p) => table.set_value_at(p, value),
        None => table.push_new(h, key, value),
    }
    Ok(())
}

/// `del d[key]`; returns the removed value or `None` if absent.
pub fn dict_remove(vm: &mut Vm, dict: Value, key: Value) -> PyResult<Option<Value>> {
    let h = hash(vm, key)?;
    let position = table_find(vm, dict, key, h)?;
    let Some(position) = position else {
        return Ok(None);
    };
    let table = table_of(&dict).expect("dict");
    let removed = table.borrow_mut().remove_at(position);
    Ok(removed.map(|entry| entry.value))
}

/// `set.add(v)`.
pub fn set_add(vm: &mut Vm, set: Value, item: Value) -> PyResult<()> {
    let h = hash(vm, item)?;
    if table_find(vm, set, item, h)?.is_none() {
        let table = table_of(&set).expect("set");
        table.borrow_mut().push_new(h, item, Value::NONE);
    }
    Ok(())
}

/// `set.discard(v)`; whether `v` was there.
pub fn set_discard(vm: &mut Vm, set: Value, item: Value) -> PyResult<bool> {
    let h = hash(vm, item)?;
    let Some(position) = table_find(vm, set, item, h)? else {
        return Ok(false);
    };
    let table = table_of(&set).expect("set");
    Ok(table.borrow_mut().remove_at(position).is_some())
}

/// Whether a dict or set contains `key`.
pub fn table_contains(vm: &mut Vm, container: Value, key: Value) -> PyResult<bool> {
    let h = hash(vm, key)?;
    Ok(table_find(vm, container, key, h)?.is_some())
}

// ----- containment and subscripts ------------------------------------------------------

/// `item in container`.
pub fn contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    match kind(&container) {
        Some(ObjKind::Str(s)) => match kind(&crate::object::builtin_payload(&item).unwrap_or(item))
        {
            Some(ObjKind::Str(needle)) => Ok(s.text.contains(&*needle.text)),
            _ => {
                let name = vm.type_name(item);
                Err(vm.type_error(format!(
                    "'in <string>' requires string as left operand, not {name}"
                )))
            }
        },
        Some(ObjKind::List(items)) => {
            let items = items.borrow().to_vec();
            for candidate in items {
                if candidate == item || eq(vm, candidate, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Some(ObjKind::Tuple(items)) => {
            let items = items.to_vec();
            for candidate in items {
                if candidate == item || eq(vm, candidate, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Some(ObjKind::Dict(_) | ObjKind::Set(_)) => table_contains(vm, container, item),
        Some(ObjKind::DictView(view)) => match view.kind {
            DictViewKind::Keys => table_contains(vm, view.dict, item),
            _ => {
                let items = crate::iter::collect(vm, container)?;
                for candidate in items {
                    if eq(vm, candidate, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        },
        Some(ObjKind::Range(r)) => {
            let r = **r;
            match int_view(&item) {
                Some(view) => Ok(num_traits::ToPrimitive::to_i128(&view.to_bigint())
                    .is_some_and(|v| r.position(v).is_some())),
                None => {
                    let items = crate::iter::collect(vm, container)?;
                    for candidate in items {
                        if eq(vm, candidate, item)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
            }
        }
        Some(ObjKind::Type(t)) if !t.metaclass.is_null() => {
            crate::dunder::contains(vm, container, item)
        }
        Some(ObjKind::Instance(_)) => crate::dunder::contains(vm, container, item),
        Some(ObjKind::Iterator(_)) => loop {
            match crate::iter::next(vm, container)? {
                Some(candidate) => {
                    if eq(vm, candidate, item)? {
                        return Ok(true);
                    }
                }
                None => return Ok(false),
            }
        },
        _ => {
            let name = vm.type_name(container);
            Err(vm.type_error(format!("argument of type '{name}' is not iterable")))
        }
    }
}

/// Converts an index-like value (int or bool) to `i64`, or raises TypeError with the
/// message CPython uses for `what`.
pub fn index_value(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    match int_view(&v) {
        Some(view) => match view.to_i64() {
            Some(i) => Ok(Some(i)),
            None => {
                let name = vm.type_name(v);
                Err(vm.new_error(
                    vm.exceptions.index_error,
                    format!("cannot fit '{name}' into an index-sized integer"),
                ))
            }
        },
        // `__index__` of a user object, or the value inside an `int` subclass.
        None => crate::dunder::index(vm, v),
    }
}

/// Resolves a slice against a sequence length: (start, stop, step, slice length), as
/// CPython's `PySlice_AdjustIndices`.
pub fn slice_indices(vm: &mut Vm, slice: &SliceObj, length: i64) -> PyResult<(i64, i64, i64, i64)> {
    let step = if slice.step.is_none() {
        1
    } else {
        match slice_bound(vm, slice.step)? {
            0 => return Err(vm.value_error("slice step cannot be zero")),
            s => s.max(-i64::MAX),
        }
    };
    let (default_start, default_stop) = if step < 0 {
        (length - 1, -1)
    } else {
        (0, length)
    };
    let adjust = |v: i64, negative_floor: i64, high: i64| -> i64 {
        if v < 0 {
            let v = v.saturating_add(length);
            if v < 0 {
                negative_floor
            } else {
                v
            }
        } else if v >= length {
            high
        } else {
            v
        }
    };
    let (low_clamp, high_clamp) = if step < 0 {
        (-1, length - 1)
    } else {
        (0, length)
    };
    let start = if slice.start.is_none() {
        default_start
    } else {
        let v = slice_bound(vm, slice.start)?;
        adjust(v, low_clamp, high_clamp)
    };
    let stop = if slice.stop.is_none() {
        default_stop
    } else {
        let v = slice_bound(vm, slice.stop)?;
        adjust(v, low_clamp, high_clamp)
    };
    let count = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, count))
}

fn slice_bound(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match int_view(&v) {
        Some(IntView::Small(i)) => Ok(i),
        Some(IntView::Big(b)) => Ok(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        }),
        None => match crate::dunder::index(vm, v)? {
            Some(i) => Ok(i),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
    }
}

fn normalize_index(index: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let i = if index < 0 { index + len } else { index };
    (0..len).contains(&i).then_some(i as usize)
}

/// Selects the elements of `items` chosen by a resolved slice.
fn slice_select<T: Copy>(items: &[T], start: i64, step: i64, count: i64) -> Vec<T> {
    (0..count)
        .map(|k| items[(start + k * step) as usize])
        .collect()
}

/// `obj[start:stop]` (`BINARY_SLICE`) without allocating a slice object for the common
/// cases: str, list or tuple with int or `None` bounds. `Ok(None)` means "use the
/// general path".
pub fn get_slice_fast(
    vm: &mut Vm,
    obj: Value,
    start: Value,
    stop: Value,
) -> PyResult<Option<Value>> {
    let bound = |v: Value| -> Option<Option<i64>> {
        if v.is_none() {
            Some(None)
        } else {
            v.as_small_int().map(Some)
        }
    };
    let (Some(start), Some(stop)) = (bound(start), bound(stop)) else {
        return Ok(None);
    };
    let clamp = |index: Option<i64>, default: i64, len: i64| -> usize {
        match index {
            None => default as usize,
            Some(i) if i < 0 => (i + len).max(0) as usize,
            Some(i) => i.min(len) as usize,
        }
    };
    match kind(&obj) {
        Some(ObjKind::Str(s)) if s.is_ascii() => {
            let len = s.text.len() as i64;
            let (a, b) = (clamp(start, 0, len), clamp(stop, len, len));
            let piece = if a < b { &s.text[a..b] } else { "" };
            if piece.len() == s.text.len() {
                return Ok(Some(obj));
            }
            Ok(Some(vm.new_str(piece)))
        }
        Some(ObjKind::List(items)) => {
            let items = items.borrow();
            let len = items.len() as i64;
            let (a, b) = (clamp(start, 0, len), clamp(stop, len, len));
            let piece = if a < b {
                items[a..b].to_vec()
            } else {
                Vec::new()
            };
            drop(items);
            Ok(Some(vm.new_list(piece)))
        }
        Some(ObjKind::Tuple(items)) => {
            let len = items.len() as i64;
            let (a, b) = (clamp(start, 0, len), clamp(stop, len, len));
            if a == 0 && b == items.len() {
                return Ok(Some(obj));
            }
            let piece = if a < b {
                items[a..b].to_vec()
            } else {
                Vec::new()
            };
            Ok(Some(vm.new_tuple(piece)))
        }
        _ => Ok(None),
    }
}

/// `obj[key]`.
pub fn getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    match kind(&obj) {
        Some(ObjKind::List(items)) => {
            if let Some(i) = key.as_small_int() {
                let items = items.borrow();
                return match normalize_index(i, items.len()) {
                    Some(i) => Ok(items[i]),
                    None => {
                        drop(items);
                        Err(vm.index_error("list index out of range"))
                    }
                };
            }
            if let Some(ObjKind::Slice(slice)) = kind(&key) {
                let len = items.borrow().len() as i64;
                let (start, _, step, count) = slice_indices(vm, slice, len)?;
                let selected = slice_select(&items.borrow(), start, step, count);
                return Ok(vm.new_list(selected));
            }
            match index_value(vm, key)? {
                Some(i) => {
                    let items = items.borrow();
                    match normalize_index(i, items.len()) {
                        Some(i) => Ok(items[i]),
                        None => {
                            drop(items);
                            Err(vm.index_error("list index out of range"))
                        }
                    }
                }
                None => {
                    let name = vm.type_name(key);
                    Err(vm.type_error(format!(
                        "list indices must be integers or slices, not {name}"
                    )))
                }
            }
        }
        Some(ObjKind::Tuple(items)) => {
            if let Some(ObjKind::Slice(slice)) = kind(&key) {
                let (start, _, step, count) = slice_indices(vm, slice, items.len() as i64)?;
                if start == 0 && step == 1 && count == items.len() as i64 {
                    return Ok(obj);
                }
                let selected = slice_select(items, start, step, count);
                return Ok(vm.new_tuple(selected));
            }
            match index_value(vm, key)? {
                Some(i) => match normalize_index(i, items.len()) {
                    Some(i) => Ok(items[i]),
                    None => Err(vm.index_error("tuple index out of range")),
                },
                None => {
                    let name = vm.type_name(key);
                    Err(vm.type_error(format!(
                        "tuple indices must be integers or slices, not {name}"
                    )))
                }
            }
        }
        Some(ObjKind::Str(s)) => {
            if let Some(ObjKind::Slice(slice)) = kind(&key) {
                let (start, _, step, count) = slice_indices(vm, slice, s.char_len as i64)?;
                let text: String = if s.is_ascii() {
                    let bytes = slice_select(s.text.as_bytes(), start, step, count);
                    String::from_utf8(bytes).unwrap_or_default()
                } else {
                    let chars: Vec<char> = s.text.chars().collect();
                    slice_select(&chars, start, step, count)
                        .into_iter()
                        .collect()
                };
                return Ok(vm.new_string(text));
            }
            match index_value(vm, key)? {
                Some(i) => match normalize_index(i, s.char_len) {
                    Some(i) => {
                        let c = if s.is_ascii() {
                            s.text.as_bytes()[i] as char
                        } else {
                            s.text.chars().nth(i).unwrap_or(' ')
                        };
                        let mut buffer = [0u8; 4];
                        let text = c.encode_utf8(&mut buffer);
                        Ok(vm.intern(text))
                    }
                    None => Err(vm.index_error("string index out of range")),
                },
                None => {
                    let name = vm.type_name(key);
                    Err(vm.type_error(format!("string indices must be integers, not '{name}'")))
                }
            }
        }
        Some(ObjKind::Dict(_)) => match dict_get(vm, obj, key)? {
            Some(v) => Ok(v),
            None => Err(vm.key_error(key)),
        },
        Some(ObjKind::Range(r)) => {
            let r = **r;
            if let Some(ObjKind::Slice(slice)) = kind(&key) {
                let length = i64::try_from(r.len()).unwrap_or(i64::MAX);
                let (start, stop, step, _) = slice_indices(vm, slice, length)?;
                let new = RangeObj {
                    start: r.start + start as i128 * r.step,
                    stop: r.start + stop as i128 * r.step,
                    step: r.step * step as i128,
                };
                return Ok(vm.alloc(ObjKind::Range(Box::new(new))));
            }
            match index_value(vm, key)? {
                Some(i) => {
                    let len = r.len();
                    let i = i as i128;
                    let i = if i < 0 { i + len } else { i };
                    if i < 0 || i >= len {
                        return Err(vm.index_error("range object index out of range"));
                    }
                    let value = r.get(i);
                    Ok(vm.new_int_i128(value))
                }
                None => {
                    let name = vm.type_name(key);
                    Err(vm.type_error(format!(
                        "range indices must be integers or slices, not {name}"
                    )))
                }
            }
        }
        Some(ObjKind::Instance(_)) => crate::dunder::getitem(vm, obj, key),
        Some(ObjKind::Type(t)) => {
            let (metaclass, builtin) = (t.metaclass, t.builtin.is_some());
            // The metaclass's `__getitem__`, else the class's `__class_getitem__`.
            let getitem_name = vm.intern_static("__getitem__");
            if !metaclass.is_null() && crate::attr::type_lookup(metaclass, getitem_name).is_some() {
                return crate::dunder::getitem(vm, obj, key);
            }
            let hook_name = vm.intern_static("__class_getitem__");
            if let Some(hook) = crate::attr::type_lookup(obj, hook_name) {
                let hook = crate::attr::resolve_descriptor(vm, hook, Value::NULL, obj, hook_name)?;
                return crate::call::call(vm, hook, &[key], &[]);
            }
            if builtin {
                // `list[int]` and friends: generic aliases are not modelled; the type.
                return Ok(obj);
            }
            let name = match kind(&obj) {
                Some(ObjKind::Type(t)) => t.name.to_string(),
                _ => "?".into(),
            };
            Err(vm.type_error(format!("type '{name}' is not subscriptable")))
        }
        _ => {
            let name = vm.type_name(obj);
            Err(vm.type_error(format!("'{name}' object is not subscriptable")))
        }
    }
}

/// Resolves `key` to an in-bounds position of `items` for `list[key] = v` and
/// `del list[key]`, with CPython's errors. The length is read after `key` is
/// converted, since a user `__index__` may resize the list.
fn list_assignment_index(
    vm: &mut Vm,
    key: Value,
    items: &crate::layout::ListObj,
) -> PyResult<usize> {
    match index_value(vm, key)? {
        Some(i) => normalize_index(i, items.borrow().len())
            .ok_or_else(|| vm.index_error("list assignment index out of range")),
        None => {
            let name = vm.type_name(key);
            Err(vm.type_error(format!(
                "list indices must be integers or slices, not {name}"
            )))
        }
    }
}

/// `obj[key] = value`.
pub fn setitem(vm: &mut Vm, obj: Value, key: Value, value: Value) -> PyResult<()> {
    match kind(&obj) {
        Some(ObjKind::List(items)) => {
            if let Some(ObjKind::Slice(slice)) = kind(&key) {
                let new_items = crate::iter::collect(vm, value)?;
                let len = items.borrow().len() as i64;
                let (start, stop, step, count) = slice_indices(vm, slice, len)?;
                let mut items = items.borrow_mut();
                if step == 1 {
                    let stop = stop.max(start);
                    items.splice(start as usize..stop as usize, new_items);
                    return Ok(());
                }
                if new_items.len() as i64 != count {
                    drop(items);
                    return Err(vm.value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {count}",
                        new_items.len()
                    )));
                }
                for (k, item) in new_items.into_iter().enumerate() {
                    items[(start + k as i64 * step) as usize] = item;
                }
                return Ok(());
            }
            let i = list_assignment_index(vm, key, items)?;
            items.borrow_mut()[i] = value;
            Ok(())
        }
        Some(ObjKind::Dict(_)) => dict_set(vm, obj, key, value),
        Some(ObjKind::Type(t)) if !t.metaclass.is_null() => {
            crate::dunder::setitem(vm, obj, key, value)
        }
        Some(ObjKind::Instance(_)) => crate::dunder::setitem(vm, obj, key, value),
        _ => {
            let name = vm.type_name(obj);
            Err(vm.type_error(format!("'{name}' object does not support item assignment")))
        }
    }
}

/// `del obj[key]`.
pub fn delitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<()> {
    match kind(&obj) {
        Some(ObjKind::List(items)) => {
            if let Some(ObjKind::Slice(slice)) = kind(&key) {
                let len = items.borrow().len() as i64;
                let (start, _, step, count) = slice_indices(vm, slice, len)?;
                let mut items = items.borrow_mut();
                if count <= 0 {
                    return Ok(());
                }
                // One pass over the list, never one shift per deleted item (deleting
                // a prefix is how queues are drained).
                if step == 1 {
                    items.drain(start as usize..(start + count) as usize);
                } else {
                    let mut doomed = vec![false; items.len()];
                    for k in 0..count {
                        if let Some(slot) = doomed.get_mut((start + k * step) as usize) {
                            *slot = true;
                        }
                    }
                    let mut position = 0;
                    items.retain(|_| {
                        let keep = !doomed[position];
                        position += 1;
                        keep
                    });
                }
                return Ok(());
            }
            let i = list_assignment_index(vm, key, items)?;
            items.borrow_mut().remove(i);
            Ok(())
        }
        Some(ObjKind::Dict(_)) => match dict_remove(vm, obj, key)? {
            Some(_) => Ok(()),
            None => Err(vm.key_error(key)),
        },
        Some(ObjKind::Type(t)) if !t.metaclass.is_null() => crate::dunder::delitem(vm, obj, key),
        Some(ObjKind::Instance(_)) => crate::dunder::delitem(vm, obj, key),
        _ => {
            let name = vm.type_name(obj);
            Err(vm.type_error(format!("'{name}' object doesn't support item deletion")))
        }
    }
}

/// `len(v)`.
/// `len(v)` for the builtin containers whose length needs no Python code (a `str`,
/// `list`, `tuple`, `dict` or `set`, exactly); `None` for anything else.
pub fn builtin_len(v: Value) -> Option<usize> {
    match kind(&v)? {
        ObjKind::Str(s) => Some(s.char_len),
        ObjKind::List(items) => items.try_borrow().map(|items| items.len()),
        ObjKind::Tuple(items) => Some(items.len()),
        ObjKind::Dict(table) => table.try_borrow().ok().map(|t| t.len()),
        ObjKind::Set(set) => set.table.try_borrow().ok().map(|t| t.len()),
        _ => None,
    }
}

pub fn len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    Ok(match kind(&v) {
        Some(ObjKind::Str(s)) => s.char_len,
        Some(ObjKind::List(items)) => items.borrow().len(),
        Some(ObjKind::Tuple(items)) => items.len(),
        Some(ObjKind::Dict(table)) => table.borrow().len(),
        Some(ObjKind::Set(set)) => set.table.borrow().len(),
        Some(ObjKind::Range(r)) => match i64::try_from(r.len()) {
            Ok(n) => n as usize,
            Err(_) => return Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        },
        Some(ObjKind::DictView(view)) => match kind(&view.dict) {
            Some(ObjKind::Dict(table)) => table.borrow().len(),
            _ => 0,
        },
        Some(ObjKind::Type(t)) if !t.metaclass.is_null() => return crate::dunder::len(vm, v),
        Some(ObjKind::Instance(_)) => return crate::dunder::len(vm, v),
        _ => {
            let name = vm.type_name(v);
            return Err(vm.type_error(format!("object of type '{name}' has no len()")));
        }
    })
}

/// `int` value of an int-like `Value` as `i64`, for builtins that need machine ints.
pub fn to_i64(v: Value) -> Option<i64> {
    int_view(&v).and_then(|view| view.to_i64())
}

/// Converts a big integer result to a value (normalising small ones).
pub fn bigint_value(vm: &mut Vm, b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => vm.new_int(i),
        None => vm.new_bigint(b),
    }
}

/// What a specialized `LOAD_GLOBAL` reads: entry `index` of `globals` (module form,
/// `builtins_keys_version` `None`), or of `builtins` while `globals`' keys version is
/// still `builtins_keys_version` (no global shadows the builtin); only when that
/// entry's key is `name`. Shared by the tier-2 interpreter and the JIT's helper.
pub fn cached_global(
    globals: Value,
    builtins: Value,
    name: Value,
    index: usize,
    builtins_keys_version: Option<u64>,
) -> Option<Value> {
    let (Some(ObjKind::Dict(g)), Some(ObjKind::Dict(b))) = (kind(&globals), kind(&builtins)) else {
        return None;
    };
    let entry = match builtins_keys_version {
        None => g.borrow().entry_at(index),
        Some(version) if g.borrow().keys_version() == version => b.borrow().entry_at(index),
        Some(_) => None,
    }?;
    (entry.key == name).then_some(entry.value)
}
