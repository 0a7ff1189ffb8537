//! Attribute access: `getattr`/`setattr`/`delattr`, method lookup without binding (for
//! `LOAD_ATTR` with the method bit), and type MRO lookup.
//!
//! Owns the attribute model and CPython's AttributeError messages. Must never cache
//! lookups (inline caches belong to the interpreter).

use crate::display::str_text;
use crate::object::{BoundMethodObj, DescriptorKind, NativeFn, NativeObj, ObjKind};
use crate::ops::{dict_get_str, dict_set};
use crate::value::Value;
use crate::vm::{kind, PyResult, Vm};

/// Finds `name` in the namespaces of `ty`'s MRO.
pub fn type_lookup(ty: Value, name: Value) -> Option<Value> {
    let Some(ObjKind::Type(t)) = kind(&ty) else {
        return None;
    };
    let Some(ObjKind::Str(s)) = kind(&name) else {
        return None;
    };
    let h = match s.hash.get() {
        Some(h) => h,
        None => crate::ops::str_hash(&s.text),
    };
    for class in t.mro.borrow().iter() {
        if let Some(ObjKind::Type(c)) = kind(class) {
            let found = c.dict.borrow().get(h, |k| {
                k == name || matches!(kind(&k), Some(ObjKind::Str(x)) if x.text == s.text)
            });
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

/// Whether a type attribute is a data descriptor (a property, or a user object whose
/// class defines `__set__` or `__delete__`): it takes precedence over the instance dict.
fn is_data_descriptor(vm: &mut Vm, v: Value) -> bool {
    match kind(&v) {
        Some(ObjKind::Descriptor(d)) => d.kind == DescriptorKind::Property,
        Some(ObjKind::Instance(_)) => {
            crate::dunder::has_special(vm, v, "__set__")
                || crate::dunder::has_special(vm, v, "__delete__")
        }
        _ => false,
    }
}

/// A user descriptor's `__get__(instance, owner)` (instance None for class access),
/// or None when `v` is not a user object with `__get__`.
fn user_descriptor_get(
    vm: &mut Vm,
    v: Value,
    instance: Value,
    owner: Value,
) -> PyResult<Option<Value>> {
    if !matches!(kind(&v), Some(ObjKind::Instance(_)))
        || !crate::dunder::has_special(vm, v, "__get__")
    {
        return Ok(None);
    }
    let get_name = vm.intern_static("__get__");
    let method = get_attr(vm, v, get_name)?;
    crate::call::call(vm, method, &[instance, owner], &[]).map(Some)
}

/// Whether a type attribute binds to instances when looked up through them.
fn is_method_like(v: &Value) -> bool {
    match kind(v) {
        Some(ObjKind::Function(_)) => true,
        Some(ObjKind::Native(n)) => !n.owner.is_null() && n.receiver.is_null(),
        _ => false,
    }
}

fn bind(vm: &mut Vm, function: Value, receiver: Value) -> Value {
    match kind(&function) {
        Some(ObjKind::Native(n)) => {
            let (name, func, owner) = (n.name, n.func, n.owner);
            vm.alloc(ObjKind::Native(NativeObj {
                name,
                func,
                receiver,
                owner,
            }))
        }
        _ => vm.alloc(ObjKind::BoundMethod(BoundMethodObj { function, receiver })),
    }
}

/// `obj.name` for `LOAD_ATTR` with the method bit: returns `(callable, self)` with
/// `self` NULL when no binding is needed, avoiding a bound-method allocation.
pub fn load_method(vm: &mut Vm, obj: Value, name: Value) -> PyResult<(Value, Value)> {
    if attr_hook(vm, obj, "__getattribute__").is_some() {
        return Ok((get_attr(vm, obj, name)?, Value::NULL));
    }
    let instance_dict = match kind(&obj) {
        // `super` objects resolve every attribute along the MRO themselves.
        Some(ObjKind::Instance(i)) if i.class == vm.types.super_ => {
            return Ok((get_attr(vm, obj, name)?, Value::NULL));
        }
        Some(ObjKind::Instance(i)) => Some(i.dict),
        Some(ObjKind::Module(_) | ObjKind::Type(_)) => None,
        _ => None,
    };
    if !matches!(kind(&obj), Some(ObjKind::Module(_) | ObjKind::Type(_))) {
        let ty = vm.type_of(obj);
        let found = type_lookup(ty, name);
        // A data descriptor on the type wins over the instance dict.
        let data_descriptor = found.is_some_and(|f| is_data_descriptor(vm, f));
        if !data_descriptor {
            if let Some(dict) = instance_dict {
                if let Some(v) = dict_get_str(dict, name) {
                    return Ok((v, Value::NULL));
                }
            }
            if let Some(found) = found.filter(is_method_like) {
                return Ok((found, obj));
            }
        }
    }
    Ok((get_attr(vm, obj, name)?, Value::NULL))
}

/// `getattr(obj, name)`.
pub fn get_attr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Value> {
    match lookup_attr(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(attribute_error(vm, obj, name)),
    }
}

/// The AttributeError CPython raises for a missing attribute.
pub fn attribute_error(vm: &mut Vm, obj: Value, name: Value) -> crate::vm::PyErr {
    let attr = str_text(&name).unwrap_or("?").to_string();
    let message = match kind(&obj) {
        Some(ObjKind::Module(m)) => {
            let module = str_text(&m.name).unwrap_or("?").to_string();
            format!("module '{module}' has no attribute '{attr}'")
        }
        Some(ObjKind::Type(t)) => {
            format!("type object '{}' has no attribute '{attr}'", t.name)
        }
        _ => {
            let type_name = vm.type_name(obj);
            format!("'{type_name}' object has no attribute '{attr}'")
        }
    };
    let error = vm.attribute_error(message);
    // CPython 3.13 records name/obj on the exception; keep the text only.
    error
}

/// `getattr` that returns `Ok(None)` for a missing attribute.
pub fn lookup_attr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    if let Some(hook) = attr_hook(vm, obj, "__getattribute__") {
        // A class's own `__getattribute__` sees every lookup; `__getattr__` still
        // handles the AttributeError it raises.
        return match crate::call::call(vm, hook, &[obj, name], &[]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if vm.isinstance(e.0, vm.exceptions.attribute_error) => {
                let ty = vm.type_of(obj);
                let getattr_name = vm.intern_static("__getattr__");
                match type_lookup(ty, getattr_name) {
                    Some(getattr) => crate::call::call(vm, getattr, &[obj, name], &[]).map(Some),
                    None => Err(e),
                }
            }
            Err(e) => Err(e),
        };
    }
    lookup_attr_generic(vm, obj, name, true)
}

/// `object.__getattribute__(obj, name)`: the lookup without the class's
/// `__getattribute__` and `__getattr__` hooks.
pub fn generic_get_attr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Value> {
    match lookup_attr_generic(vm, obj, name, false)? {
        Some(v) => Ok(v),
        None => Err(attribute_error(vm, obj, name)),
    }
}

/// The attribute lookup proper; `use_getattr` says whether a missing instance
/// attribute falls back to the class's `__getattr__`.
fn lookup_attr_generic(
    vm: &mut Vm,
    obj: Value,
    name: Value,
    use_getattr: bool,
) -> PyResult<Option<Value>> {
    let attr = str_text(&name).unwrap_or("");
    if attr == "__class__" {
        return Ok(Some(vm.type_of(obj)));
    }
    match kind(&obj) {
        Some(ObjKind::Module(m)) => {
            if attr == "__dict__" {
                return Ok(Some(m.dict));
            }
            if let Some(value) = dict_get_str(m.dict, name) {
                return Ok(Some(value));
            }
            // A module-level `__getattr__` (PEP 562) answers missing names.
            let hook_name = vm.intern_static("__getattr__");
            return match dict_get_str(m.dict, hook_name) {
                Some(hook) => match crate::call::call(vm, hook, &[name], &[]) {
                    Ok(value) => Ok(Some(value)),
                    Err(error) if vm.isinstance(error.0, vm.exceptions.attribute_error) => Ok(None),
                    Err(error) => Err(error),
                },
                None => Ok(None),
            };
        }
        Some(ObjKind::Type(t)) => {
            match attr {
                "__name__" => {
                    let text = t.name.to_string();
                    return Ok(Some(vm.new_string(text)));
                }
                "__qualname__" => {
                    let text = type_qualname(vm, obj);
                    return Ok(Some(vm.new_string(text)));
                }
                "__mro__" => {
                    let mro = t.mro.borrow().clone();
                    return Ok(Some(vm.new_tuple(mro)));
                }
                "__bases__" => {
                    let bases = t.bases.clone();
                    return Ok(Some(vm.new_tuple(bases)));
                }
                "__base__" => return Ok(Some(t.bases.first().copied().unwrap_or(Value::NONE))),
                "__dict__" => {
                    // A snapshot of the namespace (CPython's is a read-only mappingproxy).
                    let mut table = crate::dict::DictTable::new();
                    for entry in t.dict.borrow().iter() {
                        table.push_new(entry.hash, entry.key, entry.value);
                    }
                    let dict = vm.alloc(ObjKind::Dict(Box::new(std::cell::RefCell::new(table))));
                    return Ok(Some(dict));
                }
                "__module__" if t.builtin.is_some() => {
                    return Ok(Some(vm.intern_static("builtins")))
                }
                "__doc__" => {
                    if let Some(v) = type_lookup(obj, name) {
                        return Ok(Some(v));
                    }
                    return Ok(Some(Value::NONE));
                }
                _ => {}
            }
            let metaclass = t.metaclass;
            return match type_lookup(obj, name) {
                Some(found) => match kind(&found) {
                    Some(ObjKind::Descriptor(d)) if d.kind != DescriptorKind::Property => {
                        resolve_descriptor(vm, found, Value::NULL, obj, name).map(Some)
                    }
                    Some(ObjKind::Instance(_)) => {
                        match user_descriptor_get(vm, found, Value::NONE, obj)? {
                            Some(v) => Ok(Some(v)),
                            None => Ok(Some(found)),
                        }
                    }
                    _ => Ok(Some(found)),
                },
                // Methods and properties of the metaclass, bound to the class.
                None if !metaclass.is_null() => match type_lookup(metaclass, name) {
                    Some(found) if is_method_like(&found) => Ok(Some(bind(vm, found, obj))),
                    Some(found) if matches!(kind(&found), Some(ObjKind::Descriptor(_))) => {
                        resolve_descriptor(vm, found, obj, metaclass, name).map(Some)
                    }
                    other => Ok(other),
                },
                None => Ok(None),
            };
        }
        Some(ObjKind::Instance(i)) => {
            let super_field = matches!(attr, "__thisclass__" | "__self__" | "__self_class__");
            if i.class == vm.types.super_ && !super_field {
                return super_object_attr(vm, i.dict, name).map(Some);
            }
            if let Some(SlotLookup { is_slot, has_dict }) = slot_lookup(vm, obj, name) {
                if attr == "__dict__" && !has_dict {
                    return Ok(None);
                }
                if is_slot {
                    let values = i.slot_values.get();
                    if !values.is_null() {
                        if let Some(v) = dict_get_str(values, name) {
                            return Ok(Some(v));
                        }
                    }
                    // An unset slot: only `__getattr__` can still answer.
                    let ty = vm.type_of(obj);
                    let getattr_name = vm.intern_static("__getattr__");
                    return match type_lookup(ty, getattr_name) {
                        Some(hook) => crate::call::call(vm, hook, &[obj, name], &[]).map(Some),
                        None => Ok(None),
                    };
                }
            }
            if attr == "__dict__" {
                return Ok(Some(i.dict));
            }
            // A property on the type is a data descriptor: it wins over the instance.
            let ty = vm.type_of(obj);
            if let Some(found) = type_lookup(ty, name) {
                if let Some(ObjKind::Descriptor(d)) = kind(&found) {
                    if d.kind == DescriptorKind::Property {
                        return resolve_descriptor(vm, found, obj, ty, name).map(Some);
                    }
                }
                if is_data_descriptor(vm, found) {
                    if let Some(v) = user_descriptor_get(vm, found, obj, ty)? {
                        return Ok(Some(v));
                    }
                }
            }
            if let Some(v) = dict_get_str(i.dict, name) {
                return Ok(Some(v));
            }
        }
        Some(ObjKind::Descriptor(d)) => {
            let function = d.function;
            let or_none = |v: Value| if v.is_null() { Value::NONE } else { v };
            match attr {
                "fset" if d.kind == DescriptorKind::Property => return Ok(Some(or_none(d.setter))),
                "fdel" if d.kind == DescriptorKind::Property => {
                    return Ok(Some(or_none(d.deleter)))
                }
                "__doc__" if d.kind == DescriptorKind::Property => {
                    if !d.doc.is_null() {
                        return Ok(Some(d.doc));
                    }
                    if function.is_null() {
                        return Ok(Some(Value::NONE));
                    }
                    return lookup_attr(vm, function, name);
                }
                "__func__" | "fget" => {
                    return Ok(Some(if function.is_null() {
                        Value::NONE
                    } else {
                        function
                    }))
                }
                "setter" | "getter" | "deleter" if d.kind == DescriptorKind::Property => {
                    let method: NativeFn = match attr {
                        "setter" => property_setter,
                        "getter" => property_getter,
                        _ => property_deleter,
                    };
                    let owner = vm.types.property;
                    return Ok(Some(vm.alloc(ObjKind::Native(NativeObj {
                        name: "setter",
                        func: method,
                        receiver: obj,
                        owner,
                    }))));
                }
                _ => {}
            }
        }
        Some(ObjKind::Generator(g)) if matches!(attr, "__name__" | "__qualname__") => {
            let function = g.function;
            return lookup_attr(vm, function, name);
        }
        Some(ObjKind::Generator(g)) if matches!(attr, "gi_running" | "gi_suspended") => {
            use crate::object::GeneratorState;
            let state = g.state.get();
            return Ok(Some(Value::bool(if attr == "gi_running" {
                state == GeneratorState::Running
            } else {
                state == GeneratorState::Suspended
            })));
        }
        Some(ObjKind::Generator(g)) if attr == "gi_code" => return Ok(Some(g.code)),
        Some(ObjKind::Cell(cell)) if attr == "cell_contents" => {
            let value = cell.get();
            if value.is_null() {
                return Err(vm.value_error("Cell is empty"));
            }
            return Ok(Some(value));
        }
        Some(ObjKind::Code(c)) => {
            if let Some(v) = code_attribute(vm, c, attr) {
                return Ok(Some(v));
            }
        }
        Some(ObjKind::Function(f)) => {
            match attr {
                "__name__" => return Ok(Some(*f.name.borrow())),
                "__qualname__" => return Ok(Some(*f.qualname.borrow())),
                "__defaults__" => {
                    let d = *f.defaults.borrow();
                    return Ok(Some(if d.is_null() { Value::NONE } else { d }));
                }
                "__kwdefaults__" => {
                    let d = *f.kwdefaults.borrow();
                    return Ok(Some(if d.is_null() { Value::NONE } else { d }));
                }
                "__code__" => return Ok(Some(f.code)),
                "__annotations__" => {
                    // Created empty on first access, as CPython does.
                    let attrs = *f.attrs.borrow();
                    if let Some(found) = (!attrs.is_null())
                        .then(|| dict_get_str(attrs, name))
                        .flatten()
                    {
                        return Ok(Some(found));
                    }
                    let dict = vm.new_dict();
                    set_attr(vm, obj, name, dict)?;
                    return Ok(Some(dict));
                }
                "__closure__" => {
                    let closure = *f.closure.borrow();
                    return Ok(Some(if closure.is_null() {
                        Value::NONE
                    } else {
                        closure
                    }));
                }
                "__globals__" => return Ok(Some(f.globals)),
                "__module__" => {
                    let key = vm.names.dunder_name;
                    return Ok(Some(dict_get_str(f.globals, key).unwrap_or(Value::NONE)));
                }
                "__doc__" => {
                    // An assigned `__doc__` (e.g. by functools.wraps) wins.
                    let attrs = *f.attrs.borrow();
                    if let Some(doc) = (!attrs.is_null())
                        .then(|| dict_get_str(attrs, name))
                        .flatten()
                    {
                        return Ok(Some(doc));
                    }
                    if let Some(ObjKind::Code(c)) = kind(&f.code) {
                        if let Some(first) = c.consts.first() {
                            if str_text(first).is_some() {
                                return Ok(Some(*first));
                            }
                        }
                    }
                    return Ok(Some(Value::NONE));
                }
                _ => {}
            }
            let attrs = *f.attrs.borrow();
            if !attrs.is_null() {
                if attr == "__dict__" {
                    return Ok(Some(attrs));
                }
                if let Some(v) = dict_get_str(attrs, name) {
                    return Ok(Some(v));
                }
            }
        }
        Some(ObjKind::Native(n)) => match attr {
            "__name__" | "__qualname__" => {
                let name = n.name;
                return Ok(Some(vm.intern(name)));
            }
            "__self__" => {
                return Ok(Some(if n.receiver.is_null() {
                    Value::NONE
                } else {
                    n.receiver
                }))
            }
            _ => {}
        },
        Some(ObjKind::BoundMethod(m)) => match attr {
            "__self__" => return Ok(Some(m.receiver)),
            "__func__" => return Ok(Some(m.function)),
            _ => {
                let function = m.function;
                return lookup_attr(vm, function, name);
            }
        },
        Some(ObjKind::Exception(e)) => {
            match attr {
                "args" => return Ok(Some(*e.args.borrow())),
                "__traceback__" => return Ok(Some(Value::NONE)),
                "__cause__" => return Ok(Some(e.cause.get())),
                "__context__" => return Ok(Some(e.context.get())),
                "__suppress_context__" => return Ok(Some(Value::bool(e.suppress_context.get()))),
                _ => {}
            }
            let attrs = *e.attrs.borrow();
            if !attrs.is_null() {
                if attr == "__dict__" {
                    return Ok(Some(attrs));
                }
                if let Some(v) = dict_get_str(attrs, name) {
                    return Ok(Some(v));
                }
            }
            let class = e.class;
            let first_arg = match kind(&e.args.borrow()) {
                Some(ObjKind::Tuple(items)) => items.first().copied(),
                _ => None,
            };
            if (attr == "code" && vm.is_subtype(class, vm.exceptions.system_exit))
                || (attr == "value" && vm.is_subtype(class, vm.exceptions.stop_iteration))
            {
                return Ok(Some(first_arg.unwrap_or(Value::NONE)));
            }
        }
        _ => {}
    }
    if let Some(v) = crate::methods::builtin_attribute(vm, obj, attr)? {
        return Ok(Some(v));
    }
    let ty = vm.type_of(obj);
    if let Some(found) = type_lookup(ty, name) {
        if is_method_like(&found) {
            return Ok(Some(bind(vm, found, obj)));
        }
        if let Some(ObjKind::Descriptor(_)) = kind(&found) {
            return resolve_descriptor(vm, found, obj, ty, name).map(Some);
        }
        if let Some(v) = user_descriptor_get(vm, found, obj, ty)? {
            return Ok(Some(v));
        }
        return Ok(Some(found));
    }
    if use_getattr && matches!(kind(&obj), Some(ObjKind::Instance(_))) {
        let getattr_name = vm.intern_static("__getattr__");
        if let Some(hook) = type_lookup(ty, getattr_name) {
            return crate::call::call(vm, hook, &[obj, name], &[]).map(Some);
        }
    }
    Ok(None)
}

/// The value a `staticmethod`/`classmethod`/`property` found on `class` gives for
/// `instance` (NULL when looked up through the class itself).
pub fn resolve_descriptor(
    vm: &mut Vm,
    descriptor: Value,
    instance: Value,
    class: Value,
    name: Value,
) -> PyResult<Value> {
    let Some(ObjKind::Descriptor(d)) = kind(&descriptor) else {
        return Ok(descriptor);
    };
    let (descriptor_kind, function) = (d.kind, d.function);
    match descriptor_kind {
        DescriptorKind::StaticMethod => Ok(function),
        DescriptorKind::ClassMethod => Ok(vm.alloc(ObjKind::BoundMethod(BoundMethodObj {
            function,
            receiver: class,
        }))),
        DescriptorKind::Member => {
            if instance.is_null() {
                return Ok(descriptor);
            }
            let values = match kind(&instance) {
                Some(ObjKind::Instance(i)) => i.slot_values.get(),
                _ => Value::NULL,
            };
            match (!values.is_null())
                .then(|| dict_get_str(values, function))
                .flatten()
            {
                Some(value) => Ok(value),
                None => Err(attribute_error(vm, instance, name)),
            }
        }
        DescriptorKind::Property => {
            if instance.is_null() {
                return Ok(descriptor);
            }
            if function.is_null() {
                let attr = str_text(&name).unwrap_or("?").to_string();
                let type_name = vm.type_name(instance);
                return Err(vm.attribute_error(format!(
                    "property '{attr}' of '{type_name}' object has no getter"
                )));
            }
            crate::call::call(vm, function, &[instance], &[])
        }
    }
}

fn property_setter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::call::arg_count(vm, "setter", &args[1..], 1, 1)?;
    crate::builtins::property_with(vm, args[0], "setter", args[1])
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::call::arg_count(vm, "getter", &args[1..], 1, 1)?;
    crate::builtins::property_with(vm, args[0], "getter", args[1])
}

fn property_deleter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::call::arg_count(vm, "deleter", &args[1..], 1, 1)?;
    crate::builtins::property_with(vm, args[0], "deleter", args[1])
}

/// `obj.name = value` through a property on the instance's type, if there is one.
fn set_through_property(
    vm: &mut Vm,
    obj: Value,
    name: Value,
    value: Option<Value>,
) -> PyResult<bool> {
    if !matches!(kind(&obj), Some(ObjKind::Instance(_))) {
        return Ok(false);
    }
    let ty = vm.type_of(obj);
    let Some(found) = type_lookup(ty, name) else {
        return Ok(false);
    };
    if let Some(ObjKind::Instance(_)) = kind(&found) {
        // A user descriptor with `__set__` / `__delete__`.
        let hook = if value.is_some() {
            "__set__"
        } else {
            "__delete__"
        };
        if !crate::dunder::has_special(vm, found, hook) {
            return Ok(false);
        }
        let hook_name = vm.intern(hook);
        let method = get_attr(vm, found, hook_name)?;
        match value {
            Some(v) => crate::call::call(vm, method, &[obj, v], &[])?,
            None => crate::call::call(vm, method, &[obj], &[])?,
        };
        return Ok(true);
    }
    let Some(ObjKind::Descriptor(d)) = kind(&found) else {
        return Ok(false);
    };
    if d.kind != DescriptorKind::Property {
        return Ok(false);
    }
    let (setter, deleter) = (d.setter, d.deleter);
    let attr = str_text(&name).unwrap_or("?").to_string();
    let type_name = vm.type_name(obj);
    match value {
        Some(v) => {
            if setter.is_null() {
                return Err(vm.attribute_error(format!(
                    "property '{attr}' of '{type_name}' object has no setter"
                )));
            }
            crate::call::call(vm, setter, &[obj, v], &[])?;
        }
        None => {
            if deleter.is_null() {
                return Err(vm.attribute_error(format!(
                    "property '{attr}' of '{type_name}' object has no deleter"
                )));
            }
            crate::call::call(vm, deleter, &[obj], &[])?;
        }
    }
    Ok(true)
}

/// `obj.name = value`.
pub fn set_attr(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    if let Some(hook) = attr_hook(vm, obj, "__setattr__") {
        crate::call::call(vm, hook, &[obj, name, value], &[])?;
        return Ok(());
    }
    generic_set_attr(vm, obj, name, value)
}

/// The Python-level `__setattr__`/`__delattr__`/`__getattribute__` of an instance's
/// class, if it has one.
fn attr_hook(vm: &mut Vm, obj: Value, hook: &str) -> Option<Value> {
    let Some(ObjKind::Instance(i)) = kind(&obj) else {
        return None;
    };
    let class = i.class;
    match kind(&class) {
        Some(ObjKind::Type(t)) if t.attr_hooks.get() => {}
        _ => return None,
    }
    let key = vm.intern(hook);
    type_lookup(class, key).filter(|f| !matches!(kind(f), Some(ObjKind::Native(_))))
}

/// `object.__setattr__`: the store without the class's `__setattr__` hook.
pub fn generic_set_attr(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    if set_through_property(vm, obj, name, Some(value))? {
        return Ok(());
    }
    if let Some(SlotLookup { is_slot, has_dict }) = slot_lookup(vm, obj, name) {
        if is_slot {
            let Some(ObjKind::Instance(i)) = kind(&obj) else {
                return Ok(());
            };
            let mut values = i.slot_values.get();
            if values.is_null() {
                values = vm.new_dict();
                i.slot_values.set(values);
            }
            return dict_set(vm, values, name, value);
        }
        if !has_dict {
            return Err(no_dict_error(vm, obj, name));
        }
    }
    let target = match kind(&obj) {
        Some(ObjKind::Instance(i)) => Some(i.dict),
        Some(ObjKind::Module(m)) => Some(m.dict),
        Some(ObjKind::Type(t)) if t.builtin.is_none() => {
            if matches!(
                str_text(&name),
                Some("__setattr__" | "__delattr__" | "__getattribute__")
            ) {
                t.attr_hooks.set(true);
            }
            let h = crate::ops::hash(vm, name)?;
            t.dict.borrow_mut().insert(h, name, value, |k| {
                k == name || str_text(&k) == str_text(&name)
            });
            vm.type_changed();
            return Ok(());
        }
        Some(ObjKind::Function(f)) => {
            match str_text(&name) {
                Some("__name__" | "__qualname__") => {
                    if str_text(&value).is_none() {
                        let attr = str_text(&name).unwrap_or("").to_string();
                        return Err(vm.type_error(format!("{attr} must be set to a string object")));
                    }
                    if str_text(&name) == Some("__name__") {
                        *f.name.borrow_mut() = value;
                    } else {
                        *f.qualname.borrow_mut() = value;
                    }
                    return Ok(());
                }
                Some("__defaults__") => {
                    *f.defaults.borrow_mut() = if value.is_none() { Value::NULL } else { value };
                    return Ok(());
                }
                Some("__kwdefaults__") => {
                    *f.kwdefaults.borrow_mut() = if value.is_none() { Value::NULL } else { value };
                    return Ok(());
                }
                _ => {}
            }
            let mut attrs = *f.attrs.borrow();
            if attrs.is_null() {
                attrs = vm.new_dict();
                if let Some(ObjKind::Function(f)) = kind(&obj) {
                    *f.attrs.borrow_mut() = attrs;
                }
            }
            Some(attrs)
        }
        Some(ObjKind::Exception(e)) => {
            let mut attrs = *e.attrs.borrow();
            if attrs.is_null() {
                attrs = vm.new_dict();
                if let Some(ObjKind::Exception(e)) = kind(&obj) {
                    *e.attrs.borrow_mut() = attrs;
                }
            }
            if str_text(&name) == Some("__cause__") {
                if let Some(ObjKind::Exception(e)) = kind(&obj) {
                    e.cause.set(value);
                    e.suppress_context.set(true);
                }
                return Ok(());
            }
            if str_text(&name) == Some("args") {
                let items = crate::iter::collect(vm, value)?;
                let args = vm.new_tuple(items);
                if let Some(ObjKind::Exception(e)) = kind(&obj) {
                    *e.args.borrow_mut() = args;
                }
                return Ok(());
            }
            if str_text(&name) == Some("__context__") {
                if let Some(ObjKind::Exception(e)) = kind(&obj) {
                    e.context.set(value);
                }
                return Ok(());
            }
            if str_text(&name) == Some("__suppress_context__") {
                let flag = crate::ops::truthy(vm, value)?;
                if let Some(ObjKind::Exception(e)) = kind(&obj) {
                    e.suppress_context.set(flag);
                }
                return Ok(());
            }
            Some(attrs)
        }
        _ => None,
    };
    match target {
        Some(dict) => dict_set(vm, dict, name, value),
        None => Err(no_dict_error(vm, obj, name)),
    }
}

/// What `__slots__` say about one attribute of an instance.
struct SlotLookup {
    /// `name` is a slot (its value lives in the instance's `slot_values`).
    is_slot: bool,
    /// Instances also have a `__dict__` (for every other name).
    has_dict: bool,
}

/// For an instance whose class declares `__slots__` (along its MRO), where `name`
/// lives; `None` for every other object.
fn slot_lookup(vm: &Vm, obj: Value, name: Value) -> Option<SlotLookup> {
    if !matches!(kind(&obj), Some(ObjKind::Instance(_))) {
        return None;
    }
    let ty = vm.type_of(obj);
    let Some(ObjKind::Type(t)) = kind(&ty) else {
        return None;
    };
    let slots = t.slots.as_ref()?;
    let text = str_text(&name);
    Some(SlotLookup {
        is_slot: slots.iter().any(|s| *s == name || str_text(s) == text),
        has_dict: t.has_dict,
    })
}

/// CPython's AttributeError for setting an attribute an object has no room for.
fn no_dict_error(vm: &mut Vm, obj: Value, name: Value) -> crate::vm::PyErr {
    let type_name = vm.type_name(obj);
    let attr = str_text(&name).unwrap_or("?").to_string();
    let has_attr = matches!(lookup_attr(vm, obj, name), Ok(Some(_)));
    if has_attr {
        vm.attribute_error(format!(
            "'{type_name}' object attribute '{attr}' is read-only"
        ))
    } else {
        vm.attribute_error(format!(
            "'{type_name}' object has no attribute '{attr}' and no __dict__ for setting new attributes"
        ))
    }
}

/// Sets `name` in the namespace of the type `ty` directly (installing builtin
/// methods and constructors: no descriptor or hook is consulted).
pub fn set_type_attr(vm: &mut Vm, ty: Value, name: &str, value: Value) {
    let key = vm.intern(name);
    let hash = crate::ops::str_hash(name);
    if let Some(ObjKind::Type(t)) = kind(&ty) {
        t.dict.borrow_mut().insert(hash, key, value, |k| k == key);
    }
    vm.type_changed();
}

/// `del obj.name`.
pub fn del_attr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<()> {
    if let Some(hook) = attr_hook(vm, obj, "__delattr__") {
        crate::call::call(vm, hook, &[obj, name], &[])?;
        return Ok(());
    }
    generic_del_attr(vm, obj, name)
}

/// `object.__delattr__`: the deletion without the class's `__delattr__` hook.
pub fn generic_del_attr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<()> {
    if set_through_property(vm, obj, name, None)? {
        return Ok(());
    }
    if let Some(SlotLookup { is_slot: true, .. }) = slot_lookup(vm, obj, name) {
        let values = match kind(&obj) {
            Some(ObjKind::Instance(i)) => i.slot_values.get(),
            _ => Value::NULL,
        };
        if !values.is_null() && crate::ops::dict_remove(vm, values, name)?.is_some() {
            return Ok(());
        }
        // CPython's member descriptor: the bare attribute name.
        let attr = str_text(&name).unwrap_or("?").to_string();
        return Err(vm.attribute_error(attr));
    }
    if let Some(ObjKind::Type(t)) = kind(&obj) {
        if t.builtin.is_none() {
            let text = str_text(&name).unwrap_or("").to_string();
            let h = crate::ops::str_hash(&text);
            let removed = t
                .dict
                .borrow_mut()
                .remove(h, |k| k == name || str_text(&k) == Some(text.as_str()));
            if removed.is_some() {
                vm.type_changed();
                return Ok(());
            }
        }
        return Err(attribute_error(vm, obj, name));
    }
    let dict = match kind(&obj) {
        Some(ObjKind::Instance(i)) => Some(i.dict),
        Some(ObjKind::Module(m)) => Some(m.dict),
        Some(ObjKind::Function(f)) => Some(*f.attrs.borrow()).filter(|d| !d.is_null()),
        Some(ObjKind::Exception(e)) => Some(*e.attrs.borrow()).filter(|d| !d.is_null()),
        _ => None,
    };
    if let Some(dict) = dict {
        if crate::ops::dict_remove(vm, dict, name)?.is_some() {
            return Ok(());
        }
    }
    Err(attribute_error(vm, obj, name))
}

/// `super().name` (`LOAD_SUPER_ATTR`, and attributes of `super` objects): `name`
/// looked up along `type(receiver).__mro__` after `class`. Returns
/// `(attribute, self_or_null)` for the method form, `(attribute, NULL)` otherwise (the
/// attribute bound when it is a function).
pub fn super_attr(
    vm: &mut Vm,
    class: Value,
    receiver: Value,
    name: Value,
    method: bool,
) -> PyResult<(Value, Value)> {
    // CPython's `supercheck`: a class receiver that derives from `class` (a
    // classmethod's `cls`) is searched itself; anything else (an instance, or a class
    // that is an instance of a metaclass `class`) through its type.
    let receiver_type = super_check(vm, class, receiver)?;
    let receiver_is_class = receiver_type == receiver;
    let mro = match kind(&receiver_type) {
        Some(ObjKind::Type(t)) => t.mro.borrow().clone(),
        _ => Vec::new(),
    };
    let start = mro
        .iter()
        .position(|c| *c == class)
        .map_or(mro.len(), |i| i + 1);
    for owner in &mro[start..] {
        let Some(found) = owner_lookup(*owner, name) else {
            continue;
        };
        if let Some(ObjKind::Descriptor(_)) = kind(&found) {
            let instance = if receiver_is_class {
                Value::NULL
            } else {
                receiver
            };
            let value = resolve_descriptor(vm, found, instance, receiver_type, name)?;
            return Ok((value, Value::NULL));
        }
        let is_function = matches!(kind(&found), Some(ObjKind::Function(_)))
            || matches!(kind(&found), Some(ObjKind::Native(n)) if !n.owner.is_null() && n.receiver.is_null());
        if is_function && method {
            return Ok((found, receiver));
        }
        if is_function {
            let bound = vm.alloc(ObjKind::BoundMethod(BoundMethodObj {
                function: found,
                receiver,
            }));
            return Ok((bound, Value::NULL));
        }
        return Ok((found, Value::NULL));
    }
    let attr = str_text(&name).unwrap_or("?").to_string();
    Err(vm.attribute_error(format!("'super' object has no attribute '{attr}'")))
}

/// `name` in the namespace of one class (not its bases).
fn owner_lookup(class: Value, name: Value) -> Option<Value> {
    let Some(ObjKind::Type(t)) = kind(&class) else {
        return None;
    };
    let own_mro = t.mro.borrow();
    // Look only at this class: a lookup on an MRO of just [class].
    let _ = own_mro;
    let text = str_text(&name)?;
    let hash = crate::ops::str_hash(text);
    t.dict
        .borrow()
        .get(hash, |k| k == name || str_text(&k) == Some(text))
        .or_else(|| {
            // `object`'s methods live on the builtin type too.
            if t.builtin.is_some() {
                type_lookup(class, name)
            } else {
                None
            }
        })
}

/// An attribute of a `super` object (made by `super(...)` called as a function).
fn super_object_attr(vm: &mut Vm, dict: Value, name: Value) -> PyResult<Value> {
    let field = |vm: &mut Vm, field: &str| {
        let key = vm.intern(field);
        dict_get_str(dict, key).unwrap_or(Value::NONE)
    };
    let class = field(vm, "__thisclass__");
    let receiver = field(vm, "__self__");
    super_attr(vm, class, receiver, name, false).map(|(value, _)| value)
}

/// The `co_*` attributes of a code object.
fn code_attribute(vm: &mut Vm, c: &crate::object::CodeData, attr: &str) -> Option<Value> {
    let code = c.code.clone();
    let names = |vm: &mut Vm, list: &[std::sync::Arc<str>]| {
        let items = list.iter().map(|n| vm.new_str(n)).collect();
        vm.new_tuple(items)
    };
    Some(match attr {
        "co_name" => c.name_value,
        "co_qualname" => c.qualname_value,
        "co_filename" => vm.new_str(&code.filename),
        "co_firstlineno" => vm.new_int(i64::from(code.first_line)),
        "co_argcount" => vm.new_int(i64::from(code.arg_count)),
        "co_posonlyargcount" => vm.new_int(i64::from(code.posonly_arg_count)),
        "co_kwonlyargcount" => vm.new_int(i64::from(code.kwonly_arg_count)),
        "co_flags" => vm.new_int(i64::from(code.flags.0)),
        "co_nlocals" => vm.new_int(code.varnames.len() as i64),
        "co_varnames" => names(vm, &code.varnames),
        "co_cellvars" => names(vm, &code.cellvars),
        "co_freevars" => names(vm, &code.freevars),
        "co_names" => {
            let items = c.names.clone();
            vm.new_tuple(items)
        }
        "co_consts" => {
            let items = c.consts.clone();
            vm.new_tuple(items)
        }
        _ => return None,
    })
}

/// A class's `__qualname__`: the `__qualname__` its body recorded (e.g.
/// `Outer.Inner`), else its name.
pub fn type_qualname(vm: &mut Vm, class: Value) -> String {
    let Some(ObjKind::Type(t)) = kind(&class) else {
        return "?".to_string();
    };
    if t.builtin.is_none() {
        let key = vm.intern_static("__qualname__");
        let own = t
            .dict
            .borrow()
            .get(crate::ops::str_hash("__qualname__"), |k| {
                k == key || str_text(&k) == Some("__qualname__")
            });
        if let Some(text) = own.as_ref().and_then(str_text) {
            return text.to_string();
        }
    }
    t.name.to_string()
}

/// `MAKE_FUNCTION`'s annotations: a flat tuple `(name, value, name, value, …)` becomes
/// the function's `__annotations__` dict.
pub fn set_function_annotations(vm: &mut Vm, function: Value, pairs: Value) -> PyResult<()> {
    let items: Vec<Value> = match kind(&pairs) {
        Some(ObjKind::Tuple(items)) => items.to_vec(),
        Some(ObjKind::Dict(_)) => {
            let key = vm.intern_static("__annotations__");
            return set_attr(vm, function, key, pairs);
        }
        _ => return Ok(()),
    };
    let dict = vm.new_dict();
    for pair in items.chunks(2) {
        if let [name, value] = pair {
            dict_set(vm, dict, *name, *value)?;
        }
    }
    let key = vm.intern_static("__annotations__");
    set_attr(vm, function, key, dict)
}

/// CPython's `supercheck`: `receiver` must be an instance or a subtype of `class`.
/// Returns the type whose MRO the lookup walks.
pub fn super_check(vm: &mut Vm, class: Value, receiver: Value) -> PyResult<Value> {
    let receiver_is_type = matches!(kind(&receiver), Some(ObjKind::Type(_)));
    if receiver_is_type && vm.is_subtype(receiver, class) {
        return Ok(receiver);
    }
    if vm.isinstance(receiver, class) {
        return Ok(vm.type_of(receiver));
    }
    let (what, shown) = if receiver_is_type {
        ("type", type_qualname_plain(receiver))
    } else {
        ("instance of", vm.type_name(receiver).to_string())
    };
    let class_name = type_qualname_plain(class);
    Err(vm.type_error(format!(
        "super(type, obj): obj ({what} {shown}) is not an instance or subtype of type ({class_name})."
    )))
}

fn type_qualname_plain(class: Value) -> String {
    match kind(&class) {
        Some(ObjKind::Type(t)) => t.name.to_string(),
        _ => "?".to_string(),
    }
}
