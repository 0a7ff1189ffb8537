//! Class creation (`__build_class__`, run by `LOAD_BUILD_CLASS`) and zero-argument
//! `super()` (`LOAD_SUPER_ATTR`).
//!
//! Owns running a class body in its namespace and filling the `__class__` cell. Must
//! never decide attribute semantics (that is `cpjit_runtime::attr`) nor the MRO
//! algorithm (`Vm::new_class`).

use cpjit_runtime::display::str_text;
use cpjit_runtime::object::{InstanceObj, ObjKind};
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
    vm.check_frame_depth()?;
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
    let key = vm.intern_static("__prepare__");
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
/// `LOAD_SUPER_ATTR` where it can): `super(type, obj)`, or with no arguments the
/// calling function's `__class__` cell and first argument. The result is an instance
/// of the builtin `super` type carrying `__thisclass__`, `__self__` and
/// `__self_class__`; `cpjit_runtime::attr` resolves its attributes.
pub fn super_builtin(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("super() takes no keyword arguments"));
    }
    let (class, receiver) = match args.len() {
        0 => zero_arg_super(vm)?,
        2 => (args[0], args[1]),
        1 => return Err(vm.not_implemented("unbound super objects are not supported yet")),
        n => return Err(vm.type_error(format!("super() takes at most 2 arguments ({n} given)"))),
    };
    if !matches!(kind(&class), Some(ObjKind::Type(_))) {
        let name = vm.type_name(class);
        return Err(vm.type_error(format!("super() argument 1 must be a type, not {name}")));
    }
    let self_class = cpjit_runtime::attr::super_check(vm, class, receiver)?;
    let dict = vm.new_dict();
    for (name, value) in [
        ("__thisclass__", class),
        ("__self__", receiver),
        ("__self_class__", self_class),
    ] {
        let key = vm.intern(name);
        cpjit_runtime::ops::dict_set(vm, dict, key, value)?;
    }
    let super_type = vm.types.super_;
    Ok(vm.alloc(ObjKind::Instance(InstanceObj {
        class: super_type,
        dict,
        payload: Value::NULL,
        slot_values: std::cell::Cell::new(Value::NULL),
    })))
}

/// `super()` inside a method: the `__class__` cell of the calling frame and its first
/// argument (dereferenced when it lives in a cell).
fn zero_arg_super(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let Some(frame) = vm.frames.last().copied() else {
        return Err(vm.runtime_error("super(): no current frame"));
    };
    let Some(ObjKind::Code(code)) = kind(&frame.code) else {
        return Err(vm.runtime_error("super(): no current frame"));
    };
    if code.code.arg_count == 0 && code.code.posonly_arg_count == 0 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let names = code.code.localsplus_names();
    let Some(class_slot) = names.iter().rposition(|n| &**n == "__class__") else {
        return Err(vm.runtime_error("super(): __class__ cell not found"));
    };
    let first_name = names[0].clone();
    let first_is_cell = code.code.cellvars.contains(&first_name);
    let read = |slot: usize| {
        vm.stack
            .get(frame.base + slot)
            .copied()
            .unwrap_or(Value::NULL)
    };
    let class = match kind(&read(class_slot)) {
        Some(ObjKind::Cell(cell)) => cell.get(),
        _ => Value::NULL,
    };
    let mut receiver = read(0);
    if first_is_cell {
        if let Some(ObjKind::Cell(cell)) = kind(&receiver) {
            receiver = cell.get();
        }
    }
    if class.is_null() {
        return Err(vm.runtime_error("super(): empty __class__ cell"));
    }
    if receiver.is_null() {
        return Err(vm.runtime_error("super(): arg[0] deleted"));
    }
    Ok((class, receiver))
}
