//! Class creation (`__build_class__`, run by `LOAD_BUILD_CLASS`) and zero-argument
//! `super()` (`LOAD_SUPER_ATTR`).
//!
//! Owns running a class body in its namespace and filling the `__class__` cell. Must
//! never decide attribute semantics (that is `cpjit_runtime::attr`) nor the MRO
//! algorithm (`Vm::new_class`).

use cpjit_runtime::attr::type_lookup;
use cpjit_runtime::display::str_text;
use cpjit_runtime::object::{BoundMethodObj, ObjKind};
use cpjit_runtime::vm::kind;
use cpjit_runtime::{Frame, PyResult, Value, Vm};

/// `__build_class__(func, name, *bases, **kwds)`: picks the metaclass (the `metaclass=`
/// keyword or the most derived metaclass of the bases), asks its `__prepare__` for the
/// namespace, runs the body there, then calls the metaclass with the remaining
/// keywords (which reach `__init_subclass__` through `type.__new__`).
pub fn build_class(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (positional, keywords) = cpjit_runtime::call::split_kwargs(args, kwnames);
    if positional.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let (function, name) = (positional[0], positional[1]);
    if str_text(&name).is_none() {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    let bases = positional[2..].to_vec();
    let mut explicit = None;
    let mut rest: Vec<(Value, Value)> = Vec::new();
    for (key, value) in keywords {
        if str_text(&key) == Some("metaclass") {
            explicit = Some(value);
        } else {
            rest.push((key, value));
        }
    }
    let metaclass = match explicit {
        Some(m) if !matches!(kind(&m), Some(ObjKind::Type(_))) => m,
        Some(m) => cpjit_runtime::metaclass::calculate_metaclass(vm, m, &bases)?,
        // As CPython: start from the type of the first base.
        None => {
            let first = match bases.first() {
                Some(base) => vm.type_of(*base),
                None => vm.types.type_,
            };
            cpjit_runtime::metaclass::calculate_metaclass(vm, first, &bases)?
        }
    };
    let Some(ObjKind::Function(f)) = kind(&function) else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    let (code_value, globals, builtins) = (f.code, f.globals, f.builtins);
    let nlocals = match kind(&code_value) {
        Some(ObjKind::Code(c)) => c.nlocalsplus,
        _ => 0,
    };
    let bases_tuple = vm.new_tuple(bases.clone());
    vm.temp_roots.push(bases_tuple);
    let namespace = prepare_namespace(vm, metaclass, name, bases_tuple, &rest);
    vm.temp_roots.pop();
    let namespace = namespace?;
    // Run the class body with the namespace as its locals.
    if vm.frames.len() >= vm.recursion_limit {
        return Err(vm.new_error(
            vm.exceptions.recursion_error,
            "maximum recursion depth exceeded",
        ));
    }
    let base = vm.stack.len();
    vm.stack.extend(std::iter::repeat_n(Value::NULL, nlocals));
    vm.frames.push(Frame {
        function,
        code: code_value,
        globals,
        builtins,
        locals_dict: namespace,
        base,
        ip: 0,
        last_ip: 0,
        caller_sp: base,
        generator: Value::NULL,
    });
    let depth = vm.frames.len() - 1;
    // The body runs outside a native call (collection is not inhibited), and the
    // call's arguments are no longer on the VM stack: root what is needed afterwards.
    let roots = vm.temp_roots.len();
    vm.temp_roots
        .extend([namespace, bases_tuple, metaclass, name]);
    vm.temp_roots
        .extend(rest.iter().flat_map(|(k, v)| [*k, *v]));
    let body = crate::eval::run(vm, depth);
    let class = body.and_then(|class_cell| {
        let mut call_args = vec![name, bases_tuple, namespace];
        call_args.extend(rest.iter().map(|(_, v)| *v));
        let call_names: Vec<Value> = rest.iter().map(|(k, _)| *k).collect();
        let class = if metaclass == vm.types.type_ {
            cpjit_runtime::metaclass::default_class(vm, metaclass, &call_args, &call_names)?
        } else {
            cpjit_runtime::call::call(vm, metaclass, &call_args, &call_names)?
        };
        if let Some(ObjKind::Cell(cell)) = kind(&class_cell) {
            cell.set(class);
        }
        Ok(class)
    });
    vm.temp_roots.truncate(roots);
    class
}

/// The namespace a class body runs in: `metaclass.__prepare__(name, bases, **kwds)`
/// when the metaclass defines one (it must return a dict), else a fresh dict.
fn prepare_namespace(
    vm: &mut Vm,
    metaclass: Value,
    name: Value,
    bases: Value,
    keywords: &[(Value, Value)],
) -> PyResult<Value> {
    if !matches!(kind(&metaclass), Some(ObjKind::Type(_))) || metaclass == vm.types.type_ {
        return Ok(vm.new_dict());
    }
    let key = vm.intern("__prepare__");
    let Some(prepare) = cpjit_runtime::attr::lookup_attr(vm, metaclass, key)? else {
        return Ok(vm.new_dict());
    };
    let mut call_args = vec![name, bases];
    call_args.extend(keywords.iter().map(|(_, v)| *v));
    let call_names: Vec<Value> = keywords.iter().map(|(k, _)| *k).collect();
    let namespace = cpjit_runtime::call::call(vm, prepare, &call_args, &call_names)?;
    if !matches!(kind(&namespace), Some(ObjKind::Dict(_))) {
        return Err(vm.not_implemented(
            "class namespaces other than dict (from __prepare__) are not supported yet",
        ));
    }
    Ok(namespace)
}

/// `super()` called as a plain function (the compiler turns `super().name` into
/// `LOAD_SUPER_ATTR`, so this only runs for other uses).
pub fn super_builtin(vm: &mut Vm, _args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    Err(vm.not_implemented("super() objects other than super().attribute are not supported yet"))
}

/// `LOAD_SUPER_ATTR`: `name` looked up along `type(receiver).__mro__` after `class`.
/// Returns `(attribute, self_or_null)` for the method form, `(attribute, NULL)`
/// otherwise (the attribute bound when it is a function).
pub fn load_super_attr(
    vm: &mut Vm,
    class: Value,
    receiver: Value,
    name: Value,
    method: bool,
) -> PyResult<(Value, Value)> {
    // CPython's `supercheck`: a class receiver that derives from `class` (a
    // classmethod's `cls`) is searched itself; anything else (an instance, or a class
    // that is an instance of a metaclass `class`) through its type.
    let receiver_is_class =
        matches!(kind(&receiver), Some(ObjKind::Type(_))) && vm.is_subtype(receiver, class);
    let receiver_type = if receiver_is_class {
        receiver
    } else {
        vm.type_of(receiver)
    };
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
            let value =
                cpjit_runtime::attr::resolve_descriptor(vm, found, instance, receiver_type, name)?;
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
    let hash = cpjit_runtime::ops::str_hash(text);
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
