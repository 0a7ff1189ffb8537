//! Calling values from native code, and argument binding for native functions.
//!
//! Owns the native calling convention (vectorcall: positional values, then keyword
//! values named by `kwnames`) and CPython-style argument errors. Python functions are
//! called through `Vm::call_hook`, installed by the interpreter; while such a call runs,
//! collection is inhibited because the caller's temporaries live on the native stack.

use crate::object::{builtin_payload, ObjKind};
use crate::value::Value;
use crate::vm::{kind, PyResult, Vm};

/// Maximum nesting of native → Python → native calls before RecursionError.
pub const MAX_NATIVE_DEPTH: usize = 200;

/// Calls any callable with vectorcall arguments.
pub fn call(vm: &mut Vm, callable: Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    match kind(&callable) {
        Some(ObjKind::Native(native)) => {
            let (func, receiver) = (native.func, native.receiver);
            // A builtin type's method called on an instance of a subclass works on the
            // builtin value inside (`L([1]).append(2)`); special methods (`__getitem__`,
            // …) get the instance itself, since they may consult its class
            // (`__missing__`), and unwrap it themselves. The payload test comes first: it
            // is a tag check that almost always fails.
            let unwraps = |native: &crate::object::NativeObj| {
                !native.owner.is_null() && !native.name.starts_with("__")
            };
            if receiver.is_null() {
                if !native.owner.is_null() && args.len() == kwnames.len() {
                    // A method descriptor called without its `self`.
                    let name = native.name;
                    let owner = match kind(&native.owner) {
                        Some(ObjKind::Type(t)) => t.name.to_string(),
                        _ => "?".to_string(),
                    };
                    return Err(
                        vm.type_error(if name.starts_with("__") && name.ends_with("__") {
                            format!("descriptor '{name}' of '{owner}' object needs an argument")
                        } else {
                            format!("unbound method {owner}.{name}() needs an argument")
                        }),
                    );
                }
                return match args.first().and_then(builtin_payload) {
                    Some(payload) if unwraps(native) => {
                        let mut full = args.to_vec();
                        full[0] = payload;
                        func(vm, &full, kwnames)
                    }
                    _ => func(vm, args, kwnames),
                };
            }
            let receiver = match builtin_payload(&receiver) {
                Some(payload) if unwraps(native) => payload,
                _ => receiver,
            };
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(receiver);
            full.extend_from_slice(args);
            func(vm, &full, kwnames)
        }
        Some(ObjKind::BoundMethod(method)) => {
            let (function, receiver) = (method.function, method.receiver);
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(receiver);
            full.extend_from_slice(args);
            call(vm, function, &full, kwnames)
        }
        Some(ObjKind::Type(_)) if crate::metaclass::metaclass_call(vm, callable).is_some() => {
            // The metaclass's own `__call__` (`super().__call__` reaches `type.__call__`).
            let method = crate::metaclass::metaclass_call(vm, callable).unwrap_or(Value::NONE);
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(callable);
            full.extend_from_slice(args);
            call(vm, method, &full, kwnames)
        }
        Some(ObjKind::Type(t)) => match t.constructor.get() {
            Some(constructor) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(callable);
                full.extend_from_slice(args);
                constructor(vm, &full, kwnames)
            }
            None => crate::dunder::construct(vm, callable, args, kwnames),
        },
        _ => call_python(vm, callable, args, kwnames),
    }
}

/// Calls through the interpreter's hook (Python functions, instances with `__call__`).
pub fn call_python(
    vm: &mut Vm,
    callable: Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    if vm.native_depth >= MAX_NATIVE_DEPTH {
        return Err(vm.recursion_error());
    }
    vm.native_depth += 1;
    vm.gc_inhibit += 1;
    let hook = vm.call_hook;
    let result = hook(vm, callable, args, kwnames);
    vm.gc_inhibit -= 1;
    vm.native_depth -= 1;
    result
}

/// Splits vectorcall arguments into positional values and (name, value) pairs.
pub fn split_kwargs<'a>(
    args: &'a [Value],
    kwnames: &[Value],
) -> (&'a [Value], Vec<(Value, Value)>) {
    let positional = &args[..args.len() - kwnames.len()];
    let keywords = kwnames
        .iter()
        .copied()
        .zip(args[args.len() - kwnames.len()..].iter().copied())
        .collect();
    (positional, keywords)
}

/// Binds native arguments to named parameters: the first `positional.len()` may be
/// given positionally or by keyword, `keyword_only` only by keyword. Missing ones are
/// NULL; fewer than `required` is an error, as are unknown or duplicate keywords.
pub fn bind(
    vm: &mut Vm,
    function: &str,
    args: &[Value],
    kwnames: &[Value],
    positional: &[&str],
    required: usize,
    keyword_only: &[&str],
) -> PyResult<Vec<Value>> {
    let (given, keywords) = split_kwargs(args, kwnames);
    let total = positional.len() + keyword_only.len();
    let mut out = vec![Value::NULL; total];
    if given.len() > positional.len() {
        let message = if positional.len() == 1 && required == 1 {
            format!(
                "{function}() takes exactly one argument ({} given)",
                given.len()
            )
        } else if required == positional.len() {
            format!(
                "{function}() takes exactly {} arguments ({} given)",
                positional.len(),
                given.len()
            )
        } else {
            format!(
                "{function}() takes at most {} arguments ({} given)",
                positional.len(),
                given.len()
            )
        };
        return Err(vm.type_error(message));
    }
    out[..given.len()].copy_from_slice(given);
    for (name, value) in keywords {
        let name_text = crate::display::str_text(&name).unwrap_or("").to_string();
        let slot = positional
            .iter()
            .chain(keyword_only.iter())
            .position(|p| *p == name_text);
        match slot {
            Some(i) => {
                if !out[i].is_null() {
                    return Err(vm.type_error(format!(
                        "argument for {function}() given by name ('{name_text}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = value;
            }
            None => {
                return Err(vm.type_error(format!(
                    "{function}() got an unexpected keyword argument '{name_text}'"
                )));
            }
        }
    }
    for (i, value) in out.iter().enumerate().take(required) {
        if value.is_null() {
            let message = if required == 1 && positional.len() == 1 {
                format!("{function}() takes exactly one argument (0 given)")
            } else {
                format!(
                    "{function}() missing required argument '{}' (pos {})",
                    positional.get(i).copied().unwrap_or("?"),
                    i + 1
                )
            };
            return Err(vm.type_error(message));
        }
    }
    Ok(out)
}

/// Rejects keyword arguments for functions that take none.
pub fn no_kwargs(vm: &mut Vm, function: &str, kwnames: &[Value]) -> PyResult<()> {
    if kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{function}() takes no keyword arguments")))
    }
}

/// Checks a positional-only argument count range.
pub fn arg_count(
    vm: &mut Vm,
    function: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    if args.len() >= min && args.len() <= max {
        return Ok(());
    }
    let message = if min == max {
        match min {
            0 => format!("{function}() takes no arguments ({} given)", args.len()),
            1 => format!(
                "{function}() takes exactly one argument ({} given)",
                args.len()
            ),
            _ => format!("{function} expected {min} arguments, got {}", args.len()),
        }
    } else if args.len() < min {
        format!(
            "{function} expected at least {min} argument{}, got {}",
            if min == 1 { "" } else { "s" },
            args.len()
        )
    } else {
        format!(
            "{function} expected at most {max} argument{}, got {}",
            if max == 1 { "" } else { "s" },
            args.len()
        )
    };
    Err(vm.type_error(message))
}
