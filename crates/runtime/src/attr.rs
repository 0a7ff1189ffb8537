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
    let instance_dict = match kind(&obj) {
        Some(ObjKind::Instance(i)) => Some(i.dict),
        Some(ObjKind::Module(_) | ObjKind::Type(_)) => None,
        _ => None,
    };
    if !matches!(kind(&obj), Some(ObjKind::Module(_) | ObjKind::Type(_))) {
        if let Some(dict) = instance_dict {
            if let Some(v) = dict_get_str(dict, name) {
                return Ok((v, Value::NULL));
            }
        }
        let ty = vm.type_of(obj);
        if let Some(found) = type_lookup(ty, name) {
            if is_method_like(&found) {
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
            let hook_name = vm.intern("__getattr__");
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
                "__name__" | "__qualname__" => {
                    let text = t.name.to_string();
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
                    // A snapshot (CPython's is a read-only live mappingproxy).
                    let entries: Vec<(Value, Value)> =
                        t.dict.borrow().iter().map(|e| (e.key, e.value)).collect();
                    let copy = vm.new_dict();
                    vm.temp_roots.push(copy);
                    for (key, value) in entries {
                        if let Err(error) = dict_set(vm, copy, key, value) {
                            vm.temp_roots.pop();
                            return Err(error);
                        }
                    }
                    vm.temp_roots.pop();
                    return Ok(Some(copy));
                }
                "__module__" if t.builtin.is_some() => return Ok(Some(vm.intern("builtins"))),
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
                    let getattr_name = vm.intern("__getattr__");
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
            }
            if let Some(v) = dict_get_str(i.dict, name) {
                return Ok(Some(v));
            }
        }
        Some(ObjKind::Descriptor(d)) => {
            let function = d.function;
            match attr {
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
                "__globals__" => return Ok(Some(f.globals)),
                "__module__" => {
                    let key = vm.names.dunder_name;
                    return Ok(Some(dict_get_str(f.globals, key).unwrap_or(Value::NONE)));
                }
                "__doc__" => {
                    if let Some(ObjKind::Code(c)) = kind(&f.code) {
                        if let Some(first) = c.consts.first() {
                            if str_text(first).is_some() && c.code.flags.0 & 0x4000_0000 != 0 {
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
        if let Some(ObjKind::Instance(_)) = kind(&found) {
            // Descriptors such as `property` live in `crate::dunder` later.
        }
        return Ok(Some(found));
    }
    if let Some(ObjKind::Instance(_)) = kind(&obj) {
        let getattr_name = vm.intern("__getattr__");
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

/// `del obj.name`.
pub fn del_attr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<()> {
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
