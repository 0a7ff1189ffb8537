//! Metaclasses: `type.__new__`/`type.__init__`/`type.__call__` as methods subclasses of
//! `type` can extend, the choice of a class's metaclass from its bases, and
//! `__init_subclass__`.
//!
//! Owns what happens between "the class body ran" and "the class object exists" for any
//! metaclass, and how calling a class goes through its metaclass's `__call__`. Must
//! never run a class body (that is the interpreter's `__build_class__`) nor compute an
//! MRO (`Vm::new_class`).

use crate::attr::set_type_attr;
use crate::call::{call, split_kwargs};
use crate::display::str_text;
use crate::object::{BoundMethodObj, DescriptorKind, DescriptorObj, NativeFn, NativeObj, ObjKind};
use crate::ops;
use crate::value::Value;
use crate::vm::{kind, PyResult, Vm};

/// Registers `type.__new__`, `type.__init__`, `type.__call__` and
/// `object.__init_subclass__`.
pub fn install(vm: &mut Vm) {
    let type_ = vm.types.type_;
    let new = vm.new_native("__new__", type_new);
    let new = static_method(vm, new);
    set_type_attr(vm, type_, "__new__", new);
    for (name, func) in [("__init__", type_init as NativeFn), ("__call__", type_call)] {
        let method = vm.alloc(ObjKind::Native(NativeObj {
            name,
            func,
            receiver: Value::NULL,
            owner: type_,
        }));
        set_type_attr(vm, type_, name, method);
    }
    let init_subclass = vm.new_native("__init_subclass__", object_init_subclass);
    let init_subclass = vm.alloc(ObjKind::Descriptor(Box::new(DescriptorObj {
        kind: DescriptorKind::ClassMethod,
        function: init_subclass,
        setter: Value::NULL,
        deleter: Value::NULL,
        doc: Value::NULL,
    })));
    let object = vm.types.object;
    set_type_attr(vm, object, "__init_subclass__", init_subclass);
}

fn static_method(vm: &mut Vm, function: Value) -> Value {
    vm.alloc(ObjKind::Descriptor(Box::new(DescriptorObj {
        kind: DescriptorKind::StaticMethod,
        function,
        setter: Value::NULL,
        deleter: Value::NULL,
        doc: Value::NULL,
    })))
}

fn type_name(ty: Value) -> String {
    match kind(&ty) {
        Some(ObjKind::Type(t)) => t.name.to_string(),
        _ => "?".into(),
    }
}

/// CPython's `_PyType_CalculateMetaclass`: the most derived of `explicit` and the
/// metaclasses of `bases`, or the "metaclass conflict" TypeError.
pub fn calculate_metaclass(vm: &mut Vm, explicit: Value, bases: &[Value]) -> PyResult<Value> {
    let mut winner = explicit;
    for base in bases {
        let base_meta = vm.type_of(*base);
        if vm.is_subtype(winner, base_meta) {
            continue;
        }
        if vm.is_subtype(base_meta, winner) {
            winner = base_meta;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// The (user) `__call__` a class's metaclass defines, if it has a metaclass that does.
pub fn metaclass_call(vm: &mut Vm, class: Value) -> Option<Value> {
    let Some(ObjKind::Type(t)) = kind(&class) else {
        return None;
    };
    if t.metaclass.is_null() {
        return None;
    }
    let metaclass = t.metaclass;
    let key = vm.intern_static("__call__");
    crate::attr::type_lookup(metaclass, key)
        .filter(|found| !matches!(kind(found), Some(ObjKind::Native(_))))
}

/// `type.__new__(mcs, name, bases, namespace, **kwargs)`: creates the class (with
/// `mcs` as its metaclass) and runs the parent's `__init_subclass__(**kwargs)`.
fn type_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (positional, keywords) = split_kwargs(args, kwnames);
    let Some(&metaclass) = positional.first() else {
        return Err(vm.type_error("type.__new__(): not enough arguments"));
    };
    if !matches!(kind(&metaclass), Some(ObjKind::Type(_))) {
        let got = vm.type_name(metaclass);
        return Err(vm.type_error(format!("type.__new__(X): X is not a type object ({got})")));
    }
    if !vm.is_subtype(metaclass, vm.types.type_) {
        let name = type_name(metaclass);
        return Err(vm.type_error(format!(
            "type.__new__({name}): {name} is not a subtype of type"
        )));
    }
    if positional.len() != 4 {
        return Err(vm.type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            positional.len() - 1
        )));
    }
    let (name, bases, namespace) = (positional[1], positional[2], positional[3]);
    let Some(name_text) = str_text(&name).map(str::to_string) else {
        let got = vm.type_name(name);
        return Err(vm.type_error(format!("type.__new__() argument 1 must be str, not {got}")));
    };
    let Some(ObjKind::Tuple(base_items)) = kind(&bases) else {
        let got = vm.type_name(bases);
        return Err(vm.type_error(format!(
            "type.__new__() argument 2 must be tuple, not {got}"
        )));
    };
    let bases = base_items.to_vec();
    let Some(ObjKind::Dict(table)) = kind(&namespace) else {
        let got = vm.type_name(namespace);
        return Err(vm.type_error(format!("type.__new__() argument 3 must be dict, not {got}")));
    };
    let entries: Vec<(Value, Value)> = table.borrow().iter().map(|e| (e.key, e.value)).collect();
    let winner = calculate_metaclass(vm, metaclass, &bases)?;
    let copy = vm.new_dict();
    vm.temp_roots.push(copy);
    let mut result = Ok(());
    for (key, value) in entries {
        if let Err(e) = ops::dict_set(vm, copy, key, value) {
            result = Err(e);
            break;
        }
    }
    let stored_metaclass = if winner == vm.types.type_ {
        Value::NULL
    } else {
        winner
    };
    let class = result
        .and_then(|()| vm.new_class_with_metaclass(&name_text, bases, copy, stored_metaclass));
    vm.temp_roots.pop();
    let class = class?;
    vm.temp_roots.push(class);
    let result = init_subclass(vm, class, &keywords);
    vm.temp_roots.pop();
    result?;
    Ok(class)
}

/// Calls `super(class, class).__init_subclass__(**keywords)` for a new class.
pub fn init_subclass(vm: &mut Vm, class: Value, keywords: &[(Value, Value)]) -> PyResult<()> {
    let mro = match kind(&class) {
        Some(ObjKind::Type(t)) => t.mro.borrow().clone(),
        _ => return Ok(()),
    };
    let key = vm.intern_static("__init_subclass__");
    let Some(found) = mro.iter().skip(1).find_map(|owner| match kind(owner) {
        Some(ObjKind::Type(t)) => t
            .dict
            .borrow()
            .get(ops::str_hash("__init_subclass__"), |k| {
                k == key || str_text(&k) == Some("__init_subclass__")
            }),
        _ => None,
    }) else {
        return Ok(());
    };
    let function = match kind(&found) {
        Some(ObjKind::Descriptor(d)) if d.kind == DescriptorKind::ClassMethod => d.function,
        Some(ObjKind::Descriptor(d)) if d.kind == DescriptorKind::StaticMethod => {
            let function = d.function;
            let (values, names): (Vec<Value>, Vec<Value>) =
                keywords.iter().map(|(k, v)| (*v, *k)).unzip();
            call(vm, function, &values, &names)?;
            return Ok(());
        }
        _ => found,
    };
    let bound = vm.alloc(ObjKind::BoundMethod(BoundMethodObj {
        function,
        receiver: class,
    }));
    let (values, names): (Vec<Value>, Vec<Value>) = keywords.iter().map(|(k, v)| (*v, *k)).unzip();
    call(vm, bound, &values, &names)?;
    Ok(())
}

/// `object.__init_subclass__()`: accepts no keyword arguments.
fn object_init_subclass(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() || args.len() > 1 {
        let name = args.first().map(|c| type_name(*c)).unwrap_or_default();
        return Err(vm.type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::NONE)
}

/// `type.__init__(cls, name, bases, namespace)`: nothing to do once `__new__` ran.
fn type_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // Keywords (the class statement's, for `__init_subclass__`) are accepted with the
    // three-argument form only.
    let given = args.len().saturating_sub(1 + kwnames.len());
    if given == 1 && !kwnames.is_empty() {
        return Err(vm.type_error("type.__init__() takes no keyword arguments"));
    }
    if given != 1 && given != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::NONE)
}

/// `type.__call__(cls, *args, **kwargs)`: the default instance creation (what
/// `super().__call__(...)` in a metaclass's `__call__` reaches).
fn type_call(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(&class) = args.first() else {
        return Err(vm.type_error("descriptor '__call__' of 'type' object needs an argument"));
    };
    let Some(ObjKind::Type(t)) = kind(&class) else {
        let got = vm.type_name(class);
        return Err(vm.type_error(format!(
            "descriptor '__call__' requires a 'type' object but received a '{got}'"
        )));
    };
    match t.constructor.get() {
        Some(constructor) => constructor(vm, args, kwnames),
        None => crate::dunder::construct(vm, class, &args[1..], kwnames),
    }
}

/// The class a metaclass creates when called without its own `__new__`
/// (`M(name, bases, namespace)`): `type.__new__(M, …)`.
pub fn default_class(
    vm: &mut Vm,
    metaclass: Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(metaclass);
    full.extend_from_slice(args);
    type_new(vm, &full, kwnames)
}
