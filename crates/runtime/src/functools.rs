//! The `_functools` module: `reduce` as a builtin function, with CPython's argument
//! errors (`reduce expected at least 2 arguments, got 1`).
//!
//! Owns `reduce` only. Must never implement the rest of `functools` (`partial`,
//! `lru_cache`, `wraps`, … are Python code in `functools.py`).

use crate::builtins::{new_module, set_name};
use crate::call::{arg_count, call, no_kwargs};
use crate::iter;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn functools_reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "reduce", kw)?;
    arg_count(vm, "reduce", args, 2, 3)?;
    let function = args[0];
    let iterator = match iter::get_iter(vm, args[1]) {
        Ok(iterator) => iterator,
        Err(error) if vm.isinstance(error.0, vm.exceptions.type_error) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"));
        }
        Err(error) => return Err(error),
    };
    vm.temp_roots.push(iterator);
    let result = (|| {
        let mut value = match args.get(2) {
            Some(initial) => *initial,
            None => match iter::next(vm, iterator)? {
                Some(first) => first,
                None => {
                    return Err(vm.type_error("reduce() of empty iterable with no initial value"))
                }
            },
        };
        while let Some(element) = iter::next(vm, iterator)? {
            value = call(vm, function, &[value, element], &[])?;
        }
        Ok(value)
    })();
    vm.temp_roots.pop();
    result
}

/// Builds the `_functools` module.
pub fn make_module(vm: &mut Vm) -> Value {
    let dict = vm.new_dict();
    let native = vm.new_native("reduce", functools_reduce);
    let key = vm.intern_static("reduce");
    set_name(vm, dict, key, native);
    new_module(vm, "_functools", dict)
}
