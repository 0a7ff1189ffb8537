//! Special ("dunder") methods of user-defined classes: operators, comparisons,
//! hashing, truth, containers, iteration, `repr`/`str`/`format`, and construction.
//!
//! Owns the protocol of looking a special method up on the *type* and calling it, with
//! reflected operands and `NotImplemented`; for instances of builtin types' subclasses,
//! an operation the class does not override applies to the builtin payload (`I(2) + 3`
//! is `2 + 3`). Must never special-case builtin types (their behaviour lives in
//! `ops.rs`).

use cpjit_bytecode::{BinaryOpArg, CompareOp};

use crate::attr::type_lookup;
use crate::call::call;
use crate::object::{builtin_payload, DescriptorKind, ObjKind};
use crate::value::Value;
use crate::vm::{kind, PyResult, Vm};

/// Whether `v`'s type is a Python class whose special methods apply: an instance, or a
/// class whose metaclass is not `type`.
fn is_instance(v: Value) -> bool {
    match kind(&v) {
        Some(ObjKind::Instance(_)) => true,
        Some(ObjKind::Type(t)) => !t.metaclass.is_null(),
        _ => false,
    }
}

/// Looks `name` up on the type of `v` (only for user instances and classes with a
/// metaclass).
fn special(vm: &mut Vm, v: Value, name: &'static str) -> Option<Value> {
    if !is_instance(v) && !matches!(kind(&v), Some(ObjKind::Exception(_))) {
        return None;
    }
    let ty = vm.type_of(v);
    let key = vm.intern_static(name);
    type_lookup(ty, key)
}

/// Whether the type of the user instance `v` defines `name` (and does not set it to
/// None).
pub fn has_special(vm: &mut Vm, v: Value, name: &'static str) -> bool {
    special(vm, v, name).is_some_and(|m| !m.is_none())
}

fn call_special(
    vm: &mut Vm,
    v: Value,
    name: &'static str,
    args: &[Value],
) -> PyResult<Option<Value>> {
    match special(vm, v, name) {
        // A `staticmethod`, `classmethod` or `property` on the class: what it gives
        // for `v` is called with the arguments alone (CPython's `lookup_maybe_method`
        // binds descriptors that are not plain functions through `__get__`).
        Some(descriptor) if matches!(kind(&descriptor), Some(ObjKind::Descriptor(_))) => {
            let ty = vm.type_of(v);
            let key = vm.intern_static(name);
            let bound = crate::attr::resolve_descriptor(vm, descriptor, v, ty, key)?;
            call(vm, bound, args, &[]).map(Some)
        }
        Some(method) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(v);
            full.extend_from_slice(args);
            call(vm, method, &full, &[]).map(Some)
        }
        None => Ok(None),
    }
}

const BINARY_NAMES: [(&str, &str, &str); 13] = [
    ("__add__", "__radd__", "__iadd__"),
    ("__and__", "__rand__", "__iand__"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ("__lshift__", "__rlshift__", "__ilshift__"),
    ("__matmul__", "__rmatmul__", "__imatmul__"),
    ("__mul__", "__rmul__", "__imul__"),
    ("__mod__", "__rmod__", "__imod__"),
    ("__or__", "__ror__", "__ior__"),
    ("__pow__", "__rpow__", "__ipow__"),
    ("__rshift__", "__rrshift__", "__irshift__"),
    ("__sub__", "__rsub__", "__isub__"),
    ("__truediv__", "__rtruediv__", "__itruediv__"),
    ("__xor__", "__rxor__", "__ixor__"),
];

/// When `a op b` on two plain instances (no builtin value inside) of one class comes
/// down to one call `type(a).__op__(a, b)` of a function written in Python — for an
/// in-place operator, when the class has no in-place method — that function: the
/// interpreter may then run the call as a frame of its own. Only a result of
/// `NotImplemented` is left to say, by [`crate::ops::binary_type_error`] (same classes:
/// no reflected method is tried, [`binary_op`] does the same).
pub fn python_binary_method(vm: &mut Vm, a: Value, b: Value, op: BinaryOpArg) -> Option<Value> {
    let (Some(ObjKind::Instance(x)), Some(ObjKind::Instance(y))) = (kind(&a), kind(&b)) else {
        return None;
    };
    if x.class != y.class || builtin_payload(&a).is_some() || !is_instance(a) {
        return None;
    }
    let (forward, _, inplace) = BINARY_NAMES[op.base() as usize];
    if op.is_inplace() && special(vm, a, inplace).is_some() {
        return None;
    }
    special(vm, a, forward).filter(|method| matches!(kind(method), Some(ObjKind::Function(_))))
}

/// Binary operator via `__op__` / `__rop__` / `__iop__`.
pub fn binary_op(vm: &mut Vm, a: Value, b: Value, op: BinaryOpArg) -> PyResult<Option<Value>> {
    if !is_instance(a) && !is_instance(b) {
        return Ok(None);
    }
    let (forward, reflected, inplace) = BINARY_NAMES[op.base() as usize];
    if op.is_inplace() {
        if let Some(result) = call_special(vm, a, inplace, &[b])? {
            if result != Value::NOT_IMPLEMENTED {
                return Ok(Some(result));
            }
        }
    }
    // A subclass's own reflected method goes first (CPython's `method_is_overloaded`
    // in `SLOT1BINFULL`): `Base() + Sub()` asks `Sub.__radd__` before `Base.__add__`.
    let (type_a, type_b) = (vm.type_of(a), vm.type_of(b));
    let reflected_first = type_a != type_b && is_instance(b) && vm.is_subtype(type_b, type_a) && {
        let name = vm.intern_static(reflected);
        let on_b = type_lookup(type_b, name);
        on_b.is_some() && on_b != type_lookup(type_a, name)
    };
    if reflected_first {
        if let Some(result) = call_special(vm, b, reflected, &[a])? {
            if result != Value::NOT_IMPLEMENTED {
                return Ok(Some(result));
            }
        }
    }
    if let Some(result) = call_special(vm, a, forward, &[b])? {
        if result != Value::NOT_IMPLEMENTED {
            return Ok(Some(result));
        }
    }
    if !reflected_first && (type_a != type_b || !is_instance(a)) {
        if let Some(result) = call_special(vm, b, reflected, &[a])? {
            if result != Value::NOT_IMPLEMENTED {
                return Ok(Some(result));
            }
        }
    }
    let (payload_a, payload_b) = (builtin_payload(&a), builtin_payload(&b));
    if payload_a.is_none() && payload_b.is_none() {
        return Ok(None);
    }
    let (inner_a, inner_b) = (payload_a.unwrap_or(a), payload_b.unwrap_or(b));
    let result = crate::ops::binary_op(vm, inner_a, inner_b, op)?;
    // `l += [x]` on a list subclass extends the payload in place: the result is `l`.
    if op.is_inplace() && payload_a.is_some() && result == inner_a {
        return Ok(Some(a));
    }
    Ok(Some(result))
}

/// A binary operation with no operator syntax (`divmod`, three-argument `pow`):
/// `a.forward(b, *extra)`, then `b.reflected(a)` for a different type.
pub fn binary_named(
    vm: &mut Vm,
    a: Value,
    b: Value,
    extra: &[Value],
    forward: &'static str,
    reflected: &'static str,
) -> PyResult<Option<Value>> {
    let mut args = vec![b];
    args.extend_from_slice(extra);
    if let Some(result) = call_special(vm, a, forward, &args)? {
        if result != Value::NOT_IMPLEMENTED {
            return Ok(Some(result));
        }
    }
    if extra.is_empty() && (vm.type_of(a) != vm.type_of(b) || !is_instance(a)) {
        if let Some(result) = call_special(vm, b, reflected, &[a])? {
            if result != Value::NOT_IMPLEMENTED {
                return Ok(Some(result));
            }
        }
    }
    Ok(None)
}

pub fn unary_op(vm: &mut Vm, v: Value, name: &'static str) -> PyResult<Option<Value>> {
    if let Some(result) = call_special(vm, v, name, &[])? {
        return Ok(Some(result));
    }
    let Some(payload) = builtin_payload(&v) else {
        return Ok(None);
    };
    // Not overridden: the builtin operation on the payload.
    let builtin = match name {
        "__neg__" => return crate::ops::unary_negative(vm, payload).map(Some),
        "__pos__" => return crate::ops::unary_positive(vm, payload).map(Some),
        "__invert__" => return crate::ops::unary_invert(vm, payload).map(Some),
        "__abs__" => "abs",
        "__float__" => "float",
        "__int__" => "int",
        "__round__" => "round",
        "__reversed__" => "reversed",
        _ => return Ok(None),
    };
    let key = vm.intern(builtin);
    match crate::ops::dict_get_str(vm.builtins, key) {
        Some(function) => call(vm, function, &[payload], &[]).map(Some),
        None => Ok(None),
    }
}

pub fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if let Some(result) = call_special(vm, v, "__bool__", &[])? {
        if !result.is_bool() {
            let name = vm.type_name(result);
            return Err(vm.type_error(format!("__bool__ should return bool, returned {name}")));
        }
        return Ok(result == Value::TRUE);
    }
    if let Some(result) = call_special(vm, v, "__len__", &[])? {
        return Ok(crate::ops::to_i64(result).unwrap_or(0) != 0);
    }
    match builtin_payload(&v) {
        Some(payload) => crate::ops::truthy(vm, payload),
        None => Ok(true),
    }
}

pub fn eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    match compare(vm, a, b, CompareOp::Eq)? {
        Some(result) => crate::ops::truthy(vm, result),
        None => Ok(a == b),
    }
}

const COMPARE_NAMES: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

/// Rich comparison via `__lt__` … with the reflected operator as fallback.
pub fn compare(vm: &mut Vm, a: Value, b: Value, op: CompareOp) -> PyResult<Option<Value>> {
    // When the right operand's type is a proper subclass of the left's, its reflected
    // method goes first (so a subclass can override a base's comparison).
    let (ta, tb) = (vm.type_of(a), vm.type_of(b));
    if ta != tb && is_instance(b) && vm.is_subtype(tb, ta) {
        if let Some(result) = call_special(vm, b, COMPARE_NAMES[op.swapped() as usize], &[a])? {
            if result != Value::NOT_IMPLEMENTED {
                return Ok(Some(result));
            }
        }
    }
    if let Some(result) = call_special(vm, a, COMPARE_NAMES[op as usize], &[b])? {
        if result != Value::NOT_IMPLEMENTED {
            return Ok(Some(result));
        }
    }
    if let Some(result) = call_special(vm, b, COMPARE_NAMES[op.swapped() as usize], &[a])? {
        if result != Value::NOT_IMPLEMENTED {
            return Ok(Some(result));
        }
    }
    let (payload_a, payload_b) = (builtin_payload(&a), builtin_payload(&b));
    if payload_a.is_some() || payload_b.is_some() {
        let (inner_a, inner_b) = (payload_a.unwrap_or(a), payload_b.unwrap_or(b));
        return crate::ops::compare(vm, inner_a, inner_b, op).map(Some);
    }
    match op {
        CompareOp::Eq => Ok(Some(Value::bool(a == b))),
        CompareOp::Ne => {
            if let Some(result) = call_special(vm, a, "__eq__", &[b])? {
                if result != Value::NOT_IMPLEMENTED {
                    let truth = crate::ops::truthy(vm, result)?;
                    return Ok(Some(Value::bool(!truth)));
                }
            }
            Ok(Some(Value::bool(a != b)))
        }
        _ => Ok(None),
    }
}

pub fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let ty = vm.type_of(v);
    let hash_name = vm.intern_static("__hash__");
    match type_lookup(ty, hash_name) {
        Some(Value::NONE) => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("unhashable type: '{name}'")))
        }
        Some(method) => {
            let result = call(vm, method, &[v], &[])?;
            // An int in the machine range is kept as is (so `__hash__` returning
            // `hash(y)` hashes like `y`); a bigger one is reduced as `hash(int)` does.
            let h = match (
                crate::ops::to_i64(result),
                crate::numeric::int_view(&result),
            ) {
                (Some(h), _) => h,
                (None, Some(view)) => crate::numeric::hash_int(&view),
                (None, None) => {
                    return Err(vm.type_error("__hash__ method should return an integer"))
                }
            };
            Ok(if h == -1 { -2 } else { h })
        }
        None => {
            // `object.__hash__`: identity. A class defining `__eq__` without
            // `__hash__` got `__hash__ = None` (`Vm::new_class`); mutable builtin
            // payloads are unhashable.
            let mutable = |p: Value| match kind(&p) {
                Some(ObjKind::List(_) | ObjKind::Dict(_)) => true,
                Some(ObjKind::Set(s)) => !s.frozen,
                _ => false,
            };
            if builtin_payload(&v).is_some_and(mutable) {
                let name = vm.type_name(v);
                return Err(vm.type_error(format!("unhashable type: '{name}'")));
            }
            Ok(((v.raw() & 0xffff_ffff_ffff) >> 4) as i64)
        }
    }
}

fn missing(vm: &mut Vm, v: Value, what: &str) -> crate::vm::PyErr {
    let name = vm.type_name(v);
    vm.type_error(format!("'{name}' object {what}"))
}

pub fn contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    if let Some(result) = call_special(vm, container, "__contains__", &[item])? {
        return crate::ops::truthy(vm, result);
    }
    if special(vm, container, "__iter__").is_some()
        || special(vm, container, "__getitem__").is_some()
    {
        let iterator = iter(vm, container)?;
        while let Some(candidate) = crate::iter::next(vm, iterator)? {
            if crate::ops::eq(vm, candidate, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let name = vm.type_name(container);
    Err(vm.type_error(format!("argument of type '{name}' is not iterable")))
}

pub fn getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    match call_special(vm, obj, "__getitem__", &[key])? {
        Some(v) => Ok(v),
        None => Err(missing(vm, obj, "is not subscriptable")),
    }
}

pub fn setitem(vm: &mut Vm, obj: Value, key: Value, value: Value) -> PyResult<()> {
    match call_special(vm, obj, "__setitem__", &[key, value])? {
        Some(_) => Ok(()),
        None => Err(missing(vm, obj, "does not support item assignment")),
    }
}

pub fn delitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<()> {
    match call_special(vm, obj, "__delitem__", &[key])? {
        Some(_) => Ok(()),
        None => Err(missing(vm, obj, "doesn't support item deletion")),
    }
}

pub fn len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    match call_special(vm, v, "__len__", &[])? {
        Some(result) => match crate::ops::to_i64(result) {
            Some(n) if n >= 0 => Ok(n as usize),
            Some(_) => Err(vm.value_error("__len__() should return >= 0")),
            None => {
                let name = vm.type_name(result);
                Err(vm.type_error(format!(
                    "'{name}' object cannot be interpreted as an integer"
                )))
            }
        },
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("object of type '{name}' has no len()")))
        }
    }
}

/// `iter(v)` for user instances: `__iter__` (whose result must be an iterator), else
/// the sequence protocol when the class has `__getitem__`.
pub fn iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match special(vm, v, "__iter__") {
        Some(Value::NONE) => Err(missing(vm, v, "is not iterable")),
        Some(method) => {
            let it = call(vm, method, &[v], &[])?;
            if !is_iterator(vm, it) {
                let name = vm.type_name(it);
                return Err(vm.type_error(format!("iter() returned non-iterator of type '{name}'")));
            }
            Ok(it)
        }
        None if special(vm, v, "__getitem__").is_some() => {
            Ok(vm.new_iterator(crate::object::IterState::GetItem {
                sequence: v,
                next_index: 0,
            }))
        }
        None => Err(missing(vm, v, "is not iterable")),
    }
}

/// Whether `v` has a `__next__` (builtin iterators, generators, user iterators).
fn is_iterator(vm: &mut Vm, v: Value) -> bool {
    match kind(&v) {
        Some(ObjKind::Iterator(_) | ObjKind::Generator(_)) => true,
        _ => special(vm, v, "__next__").is_some(),
    }
}

/// `v.__next__()` with its StopIteration left as an error (for `next()` and
/// `yield from`, which need the exception's value).
pub fn next_raising(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match call_special(vm, v, "__next__", &[])? {
        Some(item) => Ok(item),
        None => Err(missing(vm, v, "is not an iterator")),
    }
}

pub fn next(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    match call_special(vm, v, "__next__", &[]) {
        Ok(Some(item)) => Ok(Some(item)),
        Ok(None) => Err(missing(vm, v, "is not an iterator")),
        Err(error) => {
            if vm.isinstance(error.0, vm.exceptions.stop_iteration) {
                Ok(None)
            } else {
                Err(error)
            }
        }
    }
}

pub fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    match call_special(vm, v, "__repr__", &[])? {
        Some(result) => match crate::display::str_text(&result) {
            Some(text) => Ok(text.to_string()),
            None => {
                let name = vm.type_name(result);
                Err(vm.type_error(format!("__repr__ returned non-string (type {name})")))
            }
        },
        None if builtin_payload(&v).is_some() => {
            let payload = builtin_payload(&v).unwrap_or(v);
            crate::display::repr(vm, payload)
        }
        None => {
            let name = vm.type_name(v);
            let ty = vm.type_of(v);
            let module_key = vm.intern_static("__module__");
            let module = type_lookup(ty, module_key)
                .and_then(|m| crate::display::str_text(&m).map(str::to_string))
                .unwrap_or_else(|| "__main__".to_string());
            Ok(format!(
                "<{module}.{name} object at {:#x}>",
                crate::display::address(v)
            ))
        }
    }
}

pub fn str(vm: &mut Vm, v: Value) -> PyResult<String> {
    match call_special(vm, v, "__str__", &[])? {
        Some(result) => match crate::display::str_text(&result) {
            Some(text) => Ok(text.to_string()),
            None => {
                let name = vm.type_name(result);
                Err(vm.type_error(format!("__str__ returned non-string (type {name})")))
            }
        },
        None => repr(vm, v),
    }
}

pub fn format(vm: &mut Vm, v: Value, spec: &str) -> PyResult<String> {
    let spec_value = vm.new_str(spec);
    match call_special(vm, v, "__format__", &[spec_value])? {
        Some(result) => Ok(crate::display::str_text(&result).unwrap_or("").to_string()),
        None if builtin_payload(&v).is_some() && !spec.is_empty() => {
            let payload = builtin_payload(&v).unwrap_or(v);
            crate::format::format_value(vm, payload, spec)
        }
        None => {
            if !spec.is_empty() {
                let name = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "unsupported format string passed to {name}.__format__"
                )));
            }
            str(vm, v)
        }
    }
}

/// `__index__` for slice bounds and `range()` arguments.
pub fn index(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    match call_special(vm, v, "__index__", &[])? {
        Some(result) => Ok(crate::ops::to_i64(result)),
        None => Ok(builtin_payload(&v)
            .filter(|p| crate::numeric::int_view(p).is_some())
            .and_then(crate::ops::to_i64)),
    }
}

/// Calling a user-defined class: its `__new__` (a Python one, or the default
/// allocation: a plain instance, an exception object for exception subclasses, an
/// instance with a builtin payload for builtin types' subclasses), then `__init__` when
/// the result is an instance of the class.
pub fn construct(vm: &mut Vm, class: Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let new_name = vm.intern_static("__new__");
    let user_new = type_lookup(class, new_name).and_then(|found| match kind(&found) {
        Some(ObjKind::Descriptor(d))
            if d.kind == DescriptorKind::StaticMethod
                && !matches!(kind(&d.function), Some(ObjKind::Native(_))) =>
        {
            Some(d.function)
        }
        _ => None,
    });
    let is_exception = vm.is_subtype(class, vm.exceptions.base_exception);
    let instance = if let Some(new) = user_new {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(class);
        full.extend_from_slice(args);
        let instance = call(vm, new, &full, kwnames)?;
        if !vm.isinstance(instance, class) {
            return Ok(instance);
        }
        instance
    } else if is_exception {
        let (positional, _) = crate::call::split_kwargs(args, kwnames);
        let exception = vm.new_exception(class, positional.to_vec());
        if let Some(ObjKind::Exception(e)) = kind(&exception) {
            let attrs = vm.new_dict();
            *e.attrs.borrow_mut() = attrs;
        }
        exception
    } else {
        crate::subclass::default_instance(vm, class, args, kwnames)?
    };
    let init_name = vm.intern_static("__init__");
    let init = type_lookup(class, init_name);
    let is_object_init = match init.as_ref().and_then(kind) {
        Some(ObjKind::Native(n)) => n.owner == vm.types.object || is_exception,
        _ => init.is_none(),
    };
    if is_object_init {
        // `object.__init__` accepts arguments only when `__new__` took them.
        let takes_args = user_new.is_some() || is_exception || vm.builtin_base(class).is_some();
        if !args.is_empty() && !takes_args {
            let name = vm.type_name(instance);
            return Err(vm.type_error(format!("{name}() takes no arguments")));
        }
        return Ok(instance);
    }
    let Some(init) = init else {
        return Ok(instance);
    };
    vm.temp_roots.push(instance);
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(instance);
    full.extend_from_slice(args);
    let result = call(vm, init, &full, kwnames);
    vm.temp_roots.pop();
    let result = result?;
    if !result.is_none() {
        let name = vm.type_name(result);
        return Err(vm.type_error(format!("__init__() should return None, not '{name}'")));
    }
    Ok(instance)
}
