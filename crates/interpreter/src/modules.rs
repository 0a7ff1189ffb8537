//! `import`: the builtin modules the runtime provides.
//!
//! Owns module lookup and caching in `sys.modules`. Must never execute arbitrary files
//! yet (importing `.py` files next to the script arrives with the Python-breadth work).

use cpjit_runtime::display::str_text;
use cpjit_runtime::ops;
use cpjit_runtime::{PyResult, Value, Vm};

/// `import name` for a builtin module.
pub fn import(vm: &mut Vm, name: Value) -> PyResult<Value> {
    if let Some(module) = ops::dict_get_str(vm.modules, name) {
        return Ok(module);
    }
    let text = str_text(&name).unwrap_or("?").to_string();
    let module = match text.as_str() {
        "sys" => cpjit_runtime::builtins::make_sys_module(vm),
        "math" => cpjit_runtime::math::make_module(vm),
        _ => {
            return Err(vm.new_error(
                vm.exceptions.module_not_found_error,
                format!("No module named '{text}'"),
            ))
        }
    };
    ops::dict_set(vm, vm.modules, name, module)?;
    Ok(module)
}
