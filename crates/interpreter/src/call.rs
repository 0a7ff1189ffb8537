//! Calling Python functions: binding arguments to parameters with CPython's rules and
//! messages, and pushing frames.
//!
//! Owns frame creation and the argument-binding errors. Must never execute bytecode
//! (that is `eval.rs`).

use cpjit_bytecode::CodeFlags;
use cpjit_runtime::display::str_text;
use cpjit_runtime::object::{CodeData, FunctionObj, ObjKind};
use cpjit_runtime::vm::kind;
use cpjit_runtime::{Frame, PyResult, Value, Vm};

/// Formats `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as CPython does.
fn name_list(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => format!("'{}'", names[0]),
        2 => format!("'{}' and '{}'", names[0], names[1]),
        _ => {
            let head: Vec<String> = names[..names.len() - 1]
                .iter()
                .map(|n| format!("'{n}'"))
                .collect();
            format!("{}, and '{}'", head.join(", "), names[names.len() - 1])
        }
    }
}

fn qualname(function: &FunctionObj) -> String {
    let q = *function.qualname.borrow();
    str_text(&q).unwrap_or("?").to_string()
}

/// Binds `args` (vectorcall: positional then keyword values named by `kwnames`) to the
/// parameters of `function`, returning the initial localsplus values.
pub fn bind_arguments(
    vm: &mut Vm,
    function: &FunctionObj,
    code: &CodeData,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Vec<Value>> {
    let co = &code.code;
    let nlocals = code.nlocalsplus;
    let mut locals = vec![Value::NULL; nlocals];
    let argcount = co.arg_count as usize;
    let posonly = co.posonly_arg_count as usize;
    let kwonly = co.kwonly_arg_count as usize;
    let has_varargs = co.flags.contains(CodeFlags::VARARGS);
    let has_varkw = co.flags.contains(CodeFlags::VARKEYWORDS);
    let npositional = args.len() - kwnames.len();
    let positional = &args[..npositional];

    // Positional parameters.
    let take = npositional.min(argcount);
    locals[..take].copy_from_slice(&positional[..take]);
    let varargs_slot = argcount + kwonly;
    if has_varargs {
        let extra = positional[take..].to_vec();
        locals[varargs_slot] = vm.new_tuple(extra);
    } else if npositional > argcount {
        let defaults_count = defaults_len(function);
        let given_kw = kwnames
            .iter()
            .filter(|k| {
                let name = str_text(k).unwrap_or("");
                co.varnames[argcount..argcount + kwonly]
                    .iter()
                    .any(|v| &**v == name)
            })
            .count();
        let takes = if defaults_count > 0 {
            format!("from {} to {}", argcount - defaults_count, argcount)
        } else {
            argcount.to_string()
        };
        let plural = if argcount == 1 && defaults_count == 0 {
            ""
        } else {
            "s"
        };
        let kw_part = if given_kw > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{})",
                if npositional == 1 { "" } else { "s" },
                given_kw,
                if given_kw == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        };
        let message = if given_kw > 0 {
            format!(
                "{}() takes {takes} positional argument{plural} but {npositional}{kw_part} were given",
                qualname(function)
            )
        } else {
            format!(
                "{}() takes {takes} positional argument{plural} but {npositional} {} given",
                qualname(function),
                if npositional == 1 { "was" } else { "were" }
            )
        };
        return Err(vm.type_error(message));
    }

    // Keyword arguments.
    let kwargs_slot = varargs_slot + usize::from(has_varargs);
    let kwargs_dict = if has_varkw {
        let d = vm.new_dict();
        locals[kwargs_slot] = d;
        Some(d)
    } else {
        None
    };
    for (i, name) in kwnames.iter().enumerate() {
        let value = args[npositional + i];
        let text = str_text(name).unwrap_or("");
        let slot = co.varnames[..argcount + kwonly]
            .iter()
            .position(|v| &**v == text)
            .filter(|&s| s >= posonly);
        match slot {
            Some(s) => {
                if !locals[s].is_null() {
                    return Err(vm.type_error(format!(
                        "{}() got multiple values for argument '{text}'",
                        qualname(function)
                    )));
                }
                locals[s] = value;
            }
            None => match kwargs_dict {
                Some(d) => cpjit_runtime::ops::dict_set(vm, d, *name, value)?,
                None => {
                    let is_posonly = co.varnames[..posonly].iter().any(|v| &**v == text);
                    let message = if is_posonly {
                        // Every positional-only parameter passed by keyword, in
                        // parameter order (as CPython lists them).
                        let passed: Vec<&str> = co.varnames[..posonly]
                            .iter()
                            .filter(|v| kwnames.iter().any(|k| str_text(k) == Some(&***v)))
                            .map(|v| &**v)
                            .collect();
                        format!(
                            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                            qualname(function),
                            passed.join(", ")
                        )
                    } else {
                        format!(
                            "{}() got an unexpected keyword argument '{text}'",
                            qualname(function)
                        )
                    };
                    return Err(vm.type_error(message));
                }
            },
        }
    }

    // Defaults for missing positional parameters.
    let defaults = *function.defaults.borrow();
    let defaults: Vec<Value> = match kind(&defaults) {
        Some(ObjKind::Tuple(items)) => items.to_vec(),
        _ => Vec::new(),
    };
    let first_default = argcount - defaults.len().min(argcount);
    let mut missing = Vec::new();
    for i in 0..argcount {
        if locals[i].is_null() {
            if i >= first_default {
                locals[i] = defaults[i - first_default];
            } else {
                missing.push(co.varnames[i].to_string());
            }
        }
    }
    if !missing.is_empty() {
        return Err(vm.type_error(format!(
            "{}() missing {} required positional argument{}: {}",
            qualname(function),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            name_list(&missing)
        )));
    }
    // Keyword-only defaults.
    let kwdefaults = *function.kwdefaults.borrow();
    let mut missing = Vec::new();
    for (i, varname) in co
        .varnames
        .iter()
        .enumerate()
        .take(argcount + kwonly)
        .skip(argcount)
    {
        if locals[i].is_null() {
            let name = varname.to_string();
            let default = if kwdefaults.is_null() {
                None
            } else {
                let key = vm.new_str(&name);
                cpjit_runtime::ops::dict_get(vm, kwdefaults, key)?
            };
            match default {
                Some(v) => locals[i] = v,
                None => missing.push(name),
            }
        }
    }
    if !missing.is_empty() {
        return Err(vm.type_error(format!(
            "{}() missing {} required keyword-only argument{}: {}",
            qualname(function),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            name_list(&missing)
        )));
    }
    Ok(locals)
}

fn defaults_len(function: &FunctionObj) -> usize {
    match kind(&function.defaults.borrow()) {
        Some(ObjKind::Tuple(items)) => items.len(),
        _ => 0,
    }
}

/// Pushes a frame for `function` whose locals are `locals` (already bound), placed at
/// the top of the value stack. `caller_sp` is where the caller's stack is cut back to
/// when the frame returns.
pub fn push_frame(
    vm: &mut Vm,
    function_value: Value,
    locals: &[Value],
    caller_sp: usize,
) -> PyResult<()> {
    vm.check_frame_depth()?;
    let Some(ObjKind::Function(function)) = kind(&function_value) else {
        return Err(vm.type_error("push_frame: not a function"));
    };
    let base = vm.stack.len();
    vm.stack.extend_from_slice(locals);
    vm.frames
        .push(Frame::for_call(function_value, function, base, caller_sp));
    Ok(())
}
