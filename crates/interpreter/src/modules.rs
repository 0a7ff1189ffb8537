//! `import`: the builtin modules the runtime provides.
//!
//! Owns module lookup and caching in `sys.modules`: native modules built by the runtime
//! (`sys`, `math`, `time`, `_random`) and standard-library modules written in Python
//! (`crates/interpreter/src/stdlib/*.py`, embedded in the binary and compiled at first
//! import). Must never execute arbitrary files yet (importing `.py` files next to the
//! script arrives with the Python-breadth work), and must never let a failed import
//! leave a half-built module in `sys.modules`.

use cpjit_runtime::display::str_text;
use cpjit_runtime::object::ObjKind;
use cpjit_runtime::ops;
use cpjit_runtime::vm::kind;
use cpjit_runtime::{PyResult, Value, Vm};

/// Standard-library modules written in Python: (module name, source, native module
/// whose names the namespace starts with — CPython's `from _heapq import *`).
const PYTHON_MODULES: &[(&str, &str, Option<&str>)] = &[
    ("random", include_str!("stdlib/random.py"), None),
    ("string", include_str!("stdlib/string.py"), None),
    (
        "operator",
        include_str!("stdlib/operator.py"),
        Some("_operator"),
    ),
    ("bisect", include_str!("stdlib/bisect.py"), Some("_bisect")),
    ("heapq", include_str!("stdlib/heapq.py"), Some("_heapq")),
    (
        "functools",
        include_str!("stdlib/functools.py"),
        Some("_functools"),
    ),
    ("itertools", include_str!("stdlib/itertools.py"), None),
    ("collections", include_str!("stdlib/collections.py"), None),
];

/// `import name` for a builtin module.
pub fn import(vm: &mut Vm, name: Value) -> PyResult<Value> {
    if let Some(module) = ops::dict_get_str(vm.modules, name) {
        return Ok(module);
    }
    let text = str_text(&name).unwrap_or("?").to_string();
    if let Some((parent, rest)) = text.split_once('.') {
        return Err(submodule_error(vm, parent, rest));
    }
    let module = match text.as_str() {
        "sys" => cpjit_runtime::builtins::make_sys_module(vm),
        "math" => cpjit_runtime::math::make_module(vm),
        "time" => cpjit_runtime::time::make_module(vm),
        "_random" => cpjit_runtime::random::make_module(vm),
        "_operator" => cpjit_runtime::operator::make_module(vm),
        "_heapq" => cpjit_runtime::heapq::make_heapq_module(vm),
        "_bisect" => cpjit_runtime::heapq::make_bisect_module(vm),
        "_functools" => cpjit_runtime::functools::make_module(vm),
        _ => match PYTHON_MODULES.iter().find(|(module, _, _)| *module == text) {
            Some((_, source, natives)) => python_module(vm, &text, source, *natives)?,
            None => {
                return Err(vm.new_error(
                    vm.exceptions.module_not_found_error,
                    format!("No module named '{text}'"),
                ))
            }
        },
    };
    ops::dict_set(vm, vm.modules, name, module)?;
    Ok(module)
}

/// `from module import *` (`CALL_INTRINSIC_1 INTRINSIC_IMPORT_STAR`): the names in
/// `__all__`, or else every module global not starting with `_`, bound in `namespace`.
pub fn import_star(vm: &mut Vm, module: Value, namespace: Value) -> PyResult<()> {
    let Some(ObjKind::Module(m)) = kind(&module) else {
        return Ok(());
    };
    let (module_name, module_dict) = (m.name, m.dict);
    let all_key = vm.intern("__all__");
    let names = match ops::dict_get_str(module_dict, all_key) {
        Some(all) => {
            let names = cpjit_runtime::iter::collect(vm, all)?;
            for name in &names {
                if str_text(name).is_none() {
                    let module_text = str_text(&module_name).unwrap_or("?").to_string();
                    let type_name = vm.type_name(*name);
                    return Err(vm.type_error(format!(
                        "Item in {module_text}.__all__ must be str, not {type_name}"
                    )));
                }
            }
            names
        }
        None => match kind(&module_dict) {
            Some(ObjKind::Dict(table)) => table
                .borrow()
                .keys()
                .into_iter()
                .filter(|k| str_text(k).is_some_and(|t| !t.starts_with('_')))
                .collect(),
            _ => Vec::new(),
        },
    };
    for name in names {
        match cpjit_runtime::attr::lookup_attr(vm, module, name)? {
            Some(value) => ops::dict_set(vm, namespace, name, value)?,
            None => {
                let module_text = str_text(&module_name).unwrap_or("?").to_string();
                let name_text = str_text(&name).unwrap_or("?").to_string();
                return Err(vm.attribute_error(format!(
                    "module '{module_text}' has no attribute '{name_text}'"
                )));
            }
        }
    }
    Ok(())
}

/// `import parent.child…`: no builtin module has submodules, so this is CPython's error
/// for the first missing level (after importing `parent`, which may fail first).
fn submodule_error(vm: &mut Vm, parent: &str, rest: &str) -> cpjit_runtime::PyErr {
    let parent_name = vm.intern(parent);
    if let Err(error) = import(vm, parent_name) {
        return error;
    }
    let child = rest.split('.').next().unwrap_or(rest);
    // Of the modules provided, only `collections` is a package in CPython.
    let message = if parent == "collections" {
        format!("No module named '{parent}.{child}'")
    } else {
        format!("No module named '{parent}.{child}'; '{parent}' is not a package")
    };
    vm.new_error(vm.exceptions.module_not_found_error, message)
}

/// Compiles and runs an embedded Python module in a fresh namespace.
fn python_module(vm: &mut Vm, name: &str, source: &str, natives: Option<&str>) -> PyResult<Value> {
    let filename = format!("<frozen {name}>");
    let code = match cpjit_compiler::compile_module(source, &filename) {
        Ok(code) => code,
        Err(error) => {
            // The embedded sources are compiled by the tests; reaching this is a cpjit bug,
            // reported as Python's SystemError rather than a panic.
            return Err(vm.new_error(
                vm.exceptions.runtime_error,
                format!("cannot compile builtin module '{name}': {error:?}"),
            ));
        }
    };
    let globals = vm.new_dict();
    if let Some(natives) = natives {
        let key = vm.intern(natives);
        let natives = import(vm, key)?;
        if let Some(ObjKind::Module(m)) = kind(&natives) {
            let entries: Vec<(Value, Value)> = match kind(&m.dict) {
                Some(ObjKind::Dict(table)) => {
                    table.borrow().iter().map(|e| (e.key, e.value)).collect()
                }
                _ => Vec::new(),
            };
            for (key, value) in entries {
                ops::dict_set(vm, globals, key, value)?;
            }
        }
    }
    let name_key = vm.names.dunder_name;
    let name_value = vm.intern(name);
    ops::dict_set(vm, globals, name_key, name_value)?;
    vm.temp_roots.push(globals);
    let result = crate::run_module_code(vm, code, globals);
    vm.temp_roots.pop();
    result?;
    Ok(cpjit_runtime::builtins::new_module(vm, name, globals))
}

#[cfg(test)]
mod tests {
    use super::PYTHON_MODULES;

    #[test]
    fn embedded_modules_compile() {
        for (name, source, _) in PYTHON_MODULES {
            let filename = format!("<frozen {name}>");
            if let Err(error) = cpjit_compiler::compile_module(source, &filename) {
                panic!("{name}: {error:?}");
            }
        }
    }
}
