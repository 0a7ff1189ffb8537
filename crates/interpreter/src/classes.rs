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

/// `__build_class__(func, name, *bases, **kwds)`.
pub fn build_class(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(
            vm.not_implemented("class keyword arguments (metaclass=...) are not supported yet")
        );
    }
    if args.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let (function, name) = (args[0], args[1]);
    let Some(name_text) = str_text(&name).map(str::to_string) else {
        return Err(vm.type_error("__build_class__: name is not a string"));
    };
    let bases = args[2..].to_vec();
    let Some(ObjKind::Function(f)) = kind(&function) else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    let (code_value, globals, builtins) = (f.code, f.globals, f.builtins);
    let nlocals = match kind(&code_value) {
        Some(ObjKind::Code(c)) => c.nlocalsplus,
        _ => 0,
    };
    let namespace = vm.new_dict();
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
    vm.temp_roots.push(namespace);
    let body = crate::eval::run(vm, depth);
    vm.temp_roots.pop();
    let class_cell = body?;
    let class = vm.new_class(&name_text, bases, namespace)?;
    if let Some(ObjKind::Cell(cell)) = kind(&class_cell) {
        cell.set(class);
    }
    Ok(class)
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
    cpjit_runtime::attr::super_attr(vm, class, receiver, name, method)
}
