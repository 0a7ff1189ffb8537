//! Subclasses of builtin types (`class L(list)`, `class D(dict)`, `class T(tuple)`,
//! `class S(str)`, `class I(int)`, `class F(float)`, `set` and `frozenset`): the special methods the builtin
//! types expose for them (`list.__getitem__`, `dict.__init__`, `tuple.__new__`, …) and
//! the allocation of their instances.
//!
//! An instance of such a class is an `ObjKind::Instance` whose `payload` is a plain
//! builtin value holding the builtin state. Ordinary methods of the builtin type are
//! called on the payload (`call::call` unwraps the receiver); the special methods here
//! receive the instance itself, because some consult its class (`dict.__getitem__`
//! calls `__missing__`), and unwrap it. Must never let a payload escape as if it were
//! the instance: an operation that returns `self` returns the instance.

use crate::attr::set_type_attr;
use crate::call::{call, split_kwargs};
use crate::object::{
    builtin_payload, DescriptorKind, DescriptorObj, InstanceObj, NativeFn, NativeObj, ObjKind,
};
use crate::ops;
use crate::value::Value;
use crate::vm::{kind, PyResult, Vm};

/// Registers the special methods on the subclassable builtin types and `__new__` on
/// them and on `object`.
pub fn install(vm: &mut Vm) {
    let container: &[(&'static str, NativeFn)] = &[
        ("__len__", sub_len),
        ("__iter__", sub_iter),
        ("__contains__", sub_contains),
        ("__getitem__", sub_getitem),
        ("__repr__", sub_repr),
        ("__eq__", sub_eq),
        ("__ne__", sub_ne),
    ];
    let mutable: &[(&'static str, NativeFn)] =
        &[("__setitem__", sub_setitem), ("__delitem__", sub_delitem)];
    let number: &[(&'static str, NativeFn)] = &[
        ("__repr__", sub_repr),
        ("__eq__", sub_eq),
        ("__ne__", sub_ne),
        ("__hash__", sub_hash),
    ];
    let set_like: &[(&'static str, NativeFn)] = &[
        ("__len__", sub_len),
        ("__iter__", sub_iter),
        ("__contains__", sub_contains),
        ("__repr__", sub_repr),
        ("__eq__", sub_eq),
        ("__ne__", sub_ne),
    ];
    let tables: Vec<(Value, Vec<(&'static str, NativeFn)>)> = vec![
        (
            vm.types.set,
            [set_like, &[("__init__", set_init as NativeFn)]].concat(),
        ),
        (
            vm.types.frozenset,
            [set_like, &[("__hash__", sub_hash as NativeFn)]].concat(),
        ),
        (
            vm.types.list,
            [container, mutable, &[("__init__", list_init as NativeFn)]].concat(),
        ),
        (
            vm.types.dict,
            [container, mutable, &[("__init__", dict_init as NativeFn)]].concat(),
        ),
        (
            vm.types.tuple,
            [container, &[("__hash__", sub_hash as NativeFn)]].concat(),
        ),
        (
            vm.types.str,
            [
                container,
                &[("__hash__", sub_hash as NativeFn), ("__str__", sub_str)],
            ]
            .concat(),
        ),
        (vm.types.int, number.to_vec()),
        (vm.types.float, number.to_vec()),
    ];
    for (ty, methods) in tables {
        for (name, func) in methods {
            let method = vm.alloc(ObjKind::Native(NativeObj {
                name,
                func,
                receiver: Value::NULL,
                owner: ty,
            }));
            set_type_attr(vm, ty, name, method);
        }
    }
    let constructors: [(Value, NativeFn); 9] = [
        (vm.types.set, set_new),
        (vm.types.frozenset, frozenset_new),
        (vm.types.object, object_new),
        (vm.types.list, list_new),
        (vm.types.dict, dict_new),
        (vm.types.tuple, tuple_new),
        (vm.types.str, str_new),
        (vm.types.int, int_new),
        (vm.types.float, float_new),
    ];
    for (ty, func) in constructors {
        let native = vm.new_native("__new__", func);
        let descriptor = vm.alloc(ObjKind::Descriptor(Box::new(DescriptorObj {
            kind: DescriptorKind::StaticMethod,
            function: native,
            setter: Value::NULL,
            deleter: Value::NULL,
            doc: Value::NULL,
        })));
        set_type_attr(vm, ty, "__new__", descriptor);
    }
}

/// The builtin value `v` stands for: its payload, or `v` itself.
fn unwrap(v: Value) -> Value {
    builtin_payload(&v).unwrap_or(v)
}

fn one_arg(vm: &mut Vm, name: &str, args: &[Value], wanted: usize) -> PyResult<()> {
    let given = args.len().saturating_sub(1);
    if args.is_empty() {
        return Err(vm.type_error(format!("descriptor '{name}' needs an argument")));
    }
    if given != wanted {
        return Err(vm.type_error(format!(
            "expected {wanted} argument{}, got {given}",
            if wanted == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

fn sub_len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "__len__", args, 0)?;
    let n = ops::len(vm, unwrap(args[0]))?;
    Ok(vm.new_int(n as i64))
}

fn sub_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "__iter__", args, 0)?;
    crate::iter::get_iter(vm, unwrap(args[0]))
}

fn sub_contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "__contains__", args, 1)?;
    Ok(Value::bool(ops::contains(vm, unwrap(args[0]), args[1])?))
}

/// `__getitem__`; for a dict subclass a missing key goes to the class's `__missing__`.
fn sub_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "__getitem__", args, 1)?;
    let (this, key) = (args[0], args[1]);
    let target = unwrap(this);
    if target != this && matches!(kind(&target), Some(ObjKind::Dict(_))) {
        if let Some(value) = ops::dict_get(vm, target, key)? {
            return Ok(value);
        }
        let class = vm.type_of(this);
        let missing_name = vm.intern_static("__missing__");
        if let Some(missing) = crate::attr::type_lookup(class, missing_name) {
            return call(vm, missing, &[this, key], &[]);
        }
        return Err(vm.key_error(key));
    }
    ops::getitem(vm, target, key)
}

fn sub_setitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "__setitem__", args, 2)?;
    ops::setitem(vm, unwrap(args[0]), args[1], args[2])?;
    Ok(Value::NONE)
}

fn sub_delitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "__delitem__", args, 1)?;
    ops::delitem(vm, unwrap(args[0]), args[1])?;
    Ok(Value::NONE)
}

fn sub_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "__repr__", args, 0)?;
    let this = args[0];
    let target = unwrap(this);
    let text = crate::display::repr(vm, target)?;
    // Sets name their class: `S({1, 2})`, `S()` (lists, dicts and tuples do not).
    if let (Some(ObjKind::Set(set)), true) = (kind(&target), target != this) {
        let name = vm.type_name(this);
        if set.table.borrow().is_empty() {
            return Ok(vm.new_string(format!("{name}()")));
        }
        let inner = text
            .strip_prefix("frozenset(")
            .and_then(|t| t.strip_suffix(')'))
            .unwrap_or(&text)
            .to_string();
        return Ok(vm.new_string(format!("{name}({inner})")));
    }
    Ok(vm.new_string(text))
}

fn sub_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "__str__", args, 0)?;
    let text = crate::display::str(vm, unwrap(args[0]))?;
    Ok(vm.new_string(text))
}

fn sub_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "__eq__", args, 1)?;
    Ok(Value::bool(ops::eq(vm, unwrap(args[0]), unwrap(args[1]))?))
}

fn sub_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "__ne__", args, 1)?;
    Ok(Value::bool(!ops::eq(vm, unwrap(args[0]), unwrap(args[1]))?))
}

fn sub_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    one_arg(vm, "__hash__", args, 0)?;
    let h = ops::hash(vm, unwrap(args[0]))?;
    Ok(vm.new_int(h))
}

/// `list.__init__(self, iterable=())`: replaces the contents.
fn list_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("descriptor '__init__' of 'list' object needs an argument"));
    }
    if !kw.is_empty() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "list expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let items = match args.get(1) {
        Some(iterable) => crate::iter::collect(vm, *iterable)?,
        None => Vec::new(),
    };
    match kind(&unwrap(args[0])) {
        Some(ObjKind::List(list)) => *list.borrow_mut() = items,
        _ => {
            let name = vm.type_name(args[0]);
            return Err(vm.type_error(format!(
                "descriptor '__init__' requires a 'list' object but received a '{name}'"
            )));
        }
    }
    Ok(Value::NONE)
}

/// `dict.__init__(self, mapping_or_pairs=(), **kwargs)`: adds the entries.
fn dict_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("descriptor '__init__' of 'dict' object needs an argument"));
    }
    let target = unwrap(args[0]);
    if !matches!(kind(&target), Some(ObjKind::Dict(_))) {
        let name = vm.type_name(args[0]);
        return Err(vm.type_error(format!(
            "descriptor '__init__' requires a 'dict' object but received a '{name}'"
        )));
    }
    let (positional, keywords) = split_kwargs(&args[1..], kw);
    if positional.len() > 1 {
        return Err(vm.type_error(format!(
            "dict expected at most 1 argument, got {}",
            positional.len()
        )));
    }
    if let Some(source) = positional.first() {
        crate::methods::dict_update_from(vm, target, *source)?;
    }
    for (key, value) in keywords {
        ops::dict_set(vm, target, key, value)?;
    }
    Ok(Value::NONE)
}

/// `set.__init__(self, iterable=())`: replaces the elements.
fn set_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("descriptor '__init__' of 'set' object needs an argument"));
    }
    if !kw.is_empty() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "set expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let target = unwrap(args[0]);
    match kind(&target) {
        Some(ObjKind::Set(set)) if !set.frozen => set.table.borrow_mut().clear(),
        _ => {
            let name = vm.type_name(args[0]);
            return Err(vm.type_error(format!(
                "descriptor '__init__' requires a 'set' object but received a '{name}'"
            )));
        }
    }
    if let Some(iterable) = args.get(1) {
        for item in crate::iter::collect(vm, *iterable)? {
            ops::set_add(vm, target, item)?;
        }
    }
    Ok(Value::NONE)
}

/// An instance of `class` (a subclass of a builtin type) around `payload`.
pub fn new_instance(vm: &mut Vm, class: Value, payload: Value) -> Value {
    vm.temp_roots.push(payload);
    let dict = vm.new_dict();
    vm.temp_roots.pop();
    vm.alloc(ObjKind::Instance(InstanceObj {
        class,
        dict,
        payload,
        slot_values: std::cell::Cell::new(Value::NULL),
    }))
}

/// A fresh instance of a class without a builtin base, its namespace made with room
/// for `attributes` entries.
pub fn new_plain_instance(vm: &mut Vm, class: Value, attributes: usize) -> Value {
    new_plain_instance_in(&mut vm.heap, class, attributes)
}

/// [`new_plain_instance`] for code that holds the heap but not the whole VM.
pub fn new_plain_instance_in(heap: &mut crate::gc::Heap, class: Value, attributes: usize) -> Value {
    let dict = heap.alloc(ObjKind::Dict(Box::new(std::cell::RefCell::new(
        crate::dict::DictTable::with_capacity(attributes),
    ))));
    heap.alloc(ObjKind::Instance(InstanceObj {
        class,
        dict,
        payload: Value::NULL,
        slot_values: std::cell::Cell::new(Value::NULL),
    }))
}

/// The instance `class(*args)` starts as before `__init__` runs, when `class` does
/// not define `__new__`: an empty payload for the mutable `list` and `dict` (their
/// `__init__` fills it), the builtin type called with the arguments for the
/// immutable ones, no payload for a class without a builtin base.
pub fn default_instance(
    vm: &mut Vm,
    class: Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    if vm.is_subtype(class, vm.types.type_) {
        return crate::metaclass::default_class(vm, class, args, kwnames);
    }
    let payload = match vm.builtin_base(class) {
        None => Value::NULL,
        Some(base) if base == vm.types.list => vm.new_list(Vec::new()),
        Some(base) if base == vm.types.dict => vm.new_dict(),
        Some(base) if base == vm.types.set => vm.new_set(false),
        Some(base) => call(vm, base, args, kwnames)?,
    };
    Ok(new_instance(vm, class, payload))
}

/// Whether a `__new__` found on a type is one of the builtin ones installed here.
fn is_builtin_new(found: &Value) -> bool {
    matches!(kind(found), Some(ObjKind::Descriptor(d)) if matches!(kind(&d.function), Some(ObjKind::Native(_))))
}

fn type_name_of_type(ty: Value) -> String {
    match kind(&ty) {
        Some(ObjKind::Type(t)) => t.name.to_string(),
        _ => "?".into(),
    }
}

/// The shared body of `T.__new__(cls, *args)`: checks `cls`, then builds the value.
fn builtin_new(vm: &mut Vm, base: Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let base_name = type_name_of_type(base);
    let Some(&class) = args.first() else {
        return Err(vm.type_error(format!("{base_name}.__new__(): not enough arguments")));
    };
    if !matches!(kind(&class), Some(ObjKind::Type(_))) {
        let got = vm.type_name(class);
        return Err(vm.type_error(format!(
            "{base_name}.__new__(X): X is not a type object ({got})"
        )));
    }
    let class_name = type_name_of_type(class);
    if !vm.is_subtype(class, base) {
        return Err(vm.type_error(format!(
            "{base_name}.__new__({class_name}): {class_name} is not a subtype of {base_name}"
        )));
    }
    if base == vm.types.object {
        // Builtin layouts need their own `__new__`.
        let unsafe_layout = vm.builtin_base(class).is_some()
            || vm.is_subtype(class, vm.exceptions.base_exception)
            || vm.is_subtype(class, vm.types.type_);
        if unsafe_layout {
            return Err(vm.type_error(format!(
                "object.__new__({class_name}) is not safe, use {class_name}.__new__()"
            )));
        }
        // CPython's `object_new`: extra arguments are an error when the class overrides
        // `__new__`, or when it overrides neither `__new__` nor `__init__`.
        if args.len() > 1 || !kwnames.is_empty() {
            let new_key = vm.intern_static("__new__");
            let init_key = vm.intern_static("__init__");
            let overrides_new =
                crate::attr::type_lookup(class, new_key).is_some_and(|f| !is_builtin_new(&f));
            let overrides_init = crate::attr::type_lookup(class, init_key).is_some_and(
                |f| !matches!(kind(&f), Some(ObjKind::Native(n)) if n.owner == vm.types.object),
            );
            if overrides_new {
                return Err(vm.type_error(
                    "object.__new__() takes exactly one argument (the type to instantiate)",
                ));
            }
            if !overrides_init {
                return Err(vm.type_error(format!("{class_name}() takes no arguments")));
            }
        }
        return default_instance(vm, class, &[], &[]);
    }
    let payload = if base == vm.types.list {
        vm.new_list(Vec::new())
    } else if base == vm.types.dict {
        vm.new_dict()
    } else if base == vm.types.set {
        vm.new_set(false)
    } else {
        call(vm, base, &args[1..], kwnames)?
    };
    if class == base {
        return Ok(payload);
    }
    Ok(new_instance(vm, class, payload))
}

fn object_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let base = vm.types.object;
    builtin_new(vm, base, args, kw)
}

fn list_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let base = vm.types.list;
    builtin_new(vm, base, args, kw)
}

fn dict_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let base = vm.types.dict;
    builtin_new(vm, base, args, kw)
}

fn set_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let base = vm.types.set;
    builtin_new(vm, base, args, kw)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let base = vm.types.frozenset;
    builtin_new(vm, base, args, kw)
}

fn tuple_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let base = vm.types.tuple;
    builtin_new(vm, base, args, kw)
}

fn str_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let base = vm.types.str;
    builtin_new(vm, base, args, kw)
}

fn int_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let base = vm.types.int;
    builtin_new(vm, base, args, kw)
}

fn float_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let base = vm.types.float;
    builtin_new(vm, base, args, kw)
}
