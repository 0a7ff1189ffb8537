//! The `builtins` namespace: builtin functions, constructors of the builtin types,
//! exception constructors, and the `sys` module.
//!
//! Owns the behaviour and argument errors of builtins. Must never reach into frames or
//! bytecode; Python callbacks (`key=`, `map`, …) go through `call::call`.

use num_bigint::BigInt;
use num_traits::Num;

use crate::call::{arg_count, bind, call, no_kwargs, split_kwargs};
use crate::display::{self, str_text};
use crate::numeric::{self, int_view, IntView};
use crate::object::{IterState, ModuleObj, NativeFn, ObjKind, RangeObj, SliceObj};
use crate::ops::{self, dict_set, set_add, truthy};
use crate::value::Value;
use crate::vm::{kind, PyErr, PyResult, Vm};

/// Fills `vm.builtins`, registers type constructors and builtin modules.
pub fn install(vm: &mut Vm) {
    crate::methods::install(vm);
    crate::subclass::install(vm);
    crate::metaclass::install(vm);
    let functions: &[(&'static str, NativeFn)] = &[
        ("print", builtin_print),
        ("len", builtin_len),
        ("repr", builtin_repr),
        ("abs", builtin_abs),
        ("min", builtin_min),
        ("max", builtin_max),
        ("sum", builtin_sum),
        ("divmod", builtin_divmod),
        ("pow", builtin_pow),
        ("round", builtin_round),
        ("hash", builtin_hash),
        ("ord", builtin_ord),
        ("chr", builtin_chr),
        ("hex", builtin_hex),
        ("bin", builtin_bin),
        ("oct", builtin_oct),
        ("isinstance", builtin_isinstance),
        ("issubclass", builtin_issubclass),
        ("sorted", builtin_sorted),
        ("any", builtin_any),
        ("all", builtin_all),
        ("iter", builtin_iter),
        ("next", builtin_next),
        ("callable", builtin_callable),
        ("getattr", builtin_getattr),
        ("setattr", builtin_setattr),
        ("hasattr", builtin_hasattr),
        ("delattr", builtin_delattr),
        ("id", builtin_id),
        ("format", builtin_format),
        ("ascii", builtin_ascii),
        ("globals", builtin_globals),
        ("locals", builtin_locals),
        ("vars", builtin_vars),
        ("input", builtin_input),
        ("open", builtin_open),
        ("exit", builtin_exit),
        ("quit", builtin_exit),
    ];
    for (name, func) in functions {
        let value = vm.new_native(name, *func);
        let key = vm.intern(name);
        set_name(vm, vm.builtins, key, value);
    }
    let constructors: Vec<(Value, NativeFn)> = vec![
        (vm.types.int, construct_int),
        (vm.types.bool_, construct_bool),
        (vm.types.float, construct_float),
        (vm.types.str, construct_str),
        (vm.types.list, construct_list),
        (vm.types.tuple, construct_tuple),
        (vm.types.dict, construct_dict),
        (vm.types.set, construct_set),
        (vm.types.frozenset, construct_frozenset),
        (vm.types.range, construct_range),
        (vm.types.slice, construct_slice),
        (vm.types.type_, construct_type),
        (vm.types.object, construct_object),
        (vm.types.enumerate, construct_enumerate),
        (vm.types.zip, construct_zip),
        (vm.types.map, construct_map),
        (vm.types.filter, construct_filter),
        (vm.types.reversed, construct_reversed),
        (vm.types.staticmethod, construct_staticmethod),
        (vm.types.classmethod, construct_classmethod),
        (vm.types.property, construct_property),
    ];
    for (ty, constructor) in constructors {
        set_constructor(ty, constructor);
    }
    for (name, ty) in vm.types.all() {
        if matches!(
            name,
            "int"
                | "bool"
                | "float"
                | "str"
                | "list"
                | "tuple"
                | "dict"
                | "set"
                | "frozenset"
                | "range"
                | "slice"
                | "type"
                | "object"
                | "enumerate"
                | "zip"
                | "map"
                | "filter"
                | "reversed"
                | "staticmethod"
                | "classmethod"
                | "property"
        ) {
            let key = vm.intern(name);
            set_name(vm, vm.builtins, key, ty);
        }
    }
    for (name, ty) in vm.exceptions.all() {
        set_constructor(ty, construct_exception);
        let key = vm.intern(name);
        set_name(vm, vm.builtins, key, ty);
    }
    let none_key = vm.intern_static("None");
    set_name(vm, vm.builtins, none_key, Value::NONE);
    let ellipsis_key = vm.intern_static("Ellipsis");
    set_name(vm, vm.builtins, ellipsis_key, Value::ELLIPSIS);
    let ni_key = vm.intern_static("NotImplemented");
    set_name(vm, vm.builtins, ni_key, Value::NOT_IMPLEMENTED);
    let builtins_module = new_module(vm, "builtins", vm.builtins);
    let key = vm.intern_static("builtins");
    set_name(vm, vm.modules, key, builtins_module);
}

fn set_constructor(ty: Value, constructor: NativeFn) {
    if let Some(ObjKind::Type(t)) = kind(&ty) {
        t.constructor.set(Some(constructor));
    }
}

/// Stores a name in a namespace dict (infallible for str keys).
pub fn set_name(vm: &mut Vm, dict: Value, key: Value, value: Value) {
    let _ = dict_set(vm, dict, key, value);
}

/// The absolute directory of the script (`sys.argv[0]`), which starts `sys.path`.
pub fn script_directory(vm: &Vm) -> String {
    if let Some(dir) = &vm.script_dir {
        return dir.display().to_string();
    }
    let script = vm.argv.first().map(String::as_str).unwrap_or("");
    let parent = std::path::Path::new(script)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    std::fs::canonicalize(parent)
        .or_else(|_| std::path::absolute(parent))
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| parent.display().to_string())
}

/// A module object with the given namespace.
pub fn new_module(vm: &mut Vm, name: &str, dict: Value) -> Value {
    let name_value = vm.intern(name);
    let key = vm.names.dunder_name;
    set_name(vm, dict, key, name_value);
    vm.alloc(ObjKind::Module(ModuleObj {
        name: name_value,
        dict,
    }))
}

/// Writes text to the VM's stdout, turning I/O failure into OSError.
pub fn write_stdout(vm: &mut Vm, text: &str) -> PyResult<()> {
    if vm.stdout.write_all(text.as_bytes()).is_err() {
        return Err(vm.new_error(vm.exceptions.os_error, "[Errno 32] Broken pipe"));
    }
    Ok(())
}

// ----- I/O ----------------------------------------------------------------------------

fn builtin_print(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (positional, keywords) = split_kwargs(args, kwnames);
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut to_stderr = false;
    for (name, value) in keywords {
        let text = |vm: &mut Vm, what: &str| -> PyResult<Option<String>> {
            if value.is_none() {
                return Ok(None);
            }
            match str_text(&value) {
                Some(t) => Ok(Some(t.to_string())),
                None => {
                    let name = vm.type_name(value);
                    Err(vm.type_error(format!("{what} must be None or a string, not {name}")))
                }
            }
        };
        match str_text(&name) {
            Some("sep") => {
                if let Some(t) = text(vm, "sep")? {
                    sep = t;
                }
            }
            Some("end") => {
                if let Some(t) = text(vm, "end")? {
                    end = t;
                }
            }
            Some("flush") => {}
            Some("file") => {
                let stderr_module = vm.intern_static("stderr");
                let sys = vm.intern_static("sys");
                if let Some(sys_module) = ops::dict_get_str(vm.modules, sys) {
                    if let Ok(err_stream) = crate::attr::get_attr(vm, sys_module, stderr_module) {
                        to_stderr = value == err_stream;
                    }
                }
            }
            Some(other) => {
                let other = other.to_string();
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for print()"
                )));
            }
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let mut out = String::new();
    for (i, value) in positional.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&display::str(vm, *value)?);
    }
    out.push_str(&end);
    if to_stderr {
        let _ = vm.stdout.flush();
        let _ = vm.stderr.write_all(out.as_bytes());
        return Ok(Value::NONE);
    }
    write_stdout(vm, &out)?;
    Ok(Value::NONE)
}

use std::io::Write;

fn builtin_input(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(vm.new_error(vm.exceptions.eof_error, "EOF when reading a line"))
}

fn builtin_open(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(vm.not_implemented("open() is not supported yet"))
}

fn builtin_exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr(
        vm.new_exception(vm.exceptions.system_exit, args.to_vec()),
    ))
}

/// `globals()`: the namespace of the calling Python frame (natives push no frame).
fn builtin_globals(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "globals", kw)?;
    arg_count(vm, "globals", args, 0, 0)?;
    match vm.frames.last() {
        Some(frame) => Ok(frame.globals),
        None => Ok(Value::NONE),
    }
}

/// `locals()`: at module level the namespace dict; inside functions a snapshot dict
/// of the fast locals, as CPython 3.13.
/// `vars()` is `locals()`; `vars(obj)` is `obj.__dict__`.
fn builtin_vars(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "vars", kw)?;
    arg_count(vm, "vars", args, 0, 1)?;
    let Some(&obj) = args.first() else {
        return builtin_locals(vm, args, kw);
    };
    let key = vm.intern_static("__dict__");
    match crate::attr::lookup_attr(vm, obj, key) {
        Ok(Some(dict)) => Ok(dict),
        Ok(None) => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        Err(e) if vm.isinstance(e.0, vm.exceptions.attribute_error) => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

fn builtin_locals(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "locals", kw)?;
    arg_count(vm, "locals", args, 0, 0)?;
    let Some(frame) = vm.frames.last().copied() else {
        return Ok(Value::NONE);
    };
    if !frame.locals_dict.is_null() {
        return Ok(frame.locals_dict);
    }
    let names: Vec<Value> = match kind(&frame.code) {
        Some(ObjKind::Code(c)) => c.localsplus_names.clone(),
        _ => Vec::new(),
    };
    let dict = vm.new_dict();
    for (i, name) in names.into_iter().enumerate() {
        let mut value = vm.stack.get(frame.base + i).copied().unwrap_or(Value::NULL);
        if let Some(ObjKind::Cell(cell)) = kind(&value) {
            value = cell.get();
        }
        if !value.is_null() {
            dict_set(vm, dict, name, value)?;
        }
    }
    Ok(dict)
}

// ----- simple builtins -------------------------------------------------------------------

fn builtin_len(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "len", kw)?;
    arg_count(vm, "len", args, 1, 1)?;
    let n = ops::len(vm, args[0])?;
    Ok(vm.new_int(n as i64))
}

fn builtin_repr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "repr", kw)?;
    arg_count(vm, "repr", args, 1, 1)?;
    let text = display::repr(vm, args[0])?;
    Ok(vm.new_string(text))
}

fn builtin_ascii(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "ascii", kw)?;
    arg_count(vm, "ascii", args, 1, 1)?;
    let text = display::repr(vm, args[0])?;
    Ok(vm.new_string(crate::format::ascii_escape(&text)))
}

fn builtin_abs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "abs", kw)?;
    arg_count(vm, "abs", args, 1, 1)?;
    let v = args[0];
    if let Some(f) = v.as_float() {
        return Ok(Value::float(f.abs()));
    }
    if let Some(view) = int_view(&v) {
        return Ok(match view {
            IntView::Small(i) => vm.new_int(i.abs()),
            IntView::Big(b) => {
                let a = num_traits::Signed::abs(b);
                vm.new_bigint(a)
            }
        });
    }
    if let Some(r) = crate::dunder::unary_op(vm, v, "__abs__")? {
        return Ok(r);
    }
    let name = vm.type_name(v);
    Err(vm.type_error(format!("bad operand type for abs(): '{name}'")))
}

fn min_max(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    want_max: bool,
) -> PyResult<Value> {
    let (positional, keywords) = split_kwargs(args, kwnames);
    let mut key = Value::NONE;
    let mut default = Value::NULL;
    for (k, v) in keywords {
        match str_text(&k) {
            Some("key") => key = v,
            Some("default") => default = v,
            Some(other) => {
                let other = other.to_string();
                return Err(vm.type_error(format!(
                    "{name}() got an unexpected keyword argument '{other}'"
                )));
            }
            None => {}
        }
    }
    // CPython compares `item > best` for max and `item < best` for min.
    let op = if want_max {
        cpjit_bytecode::CompareOp::Gt
    } else {
        cpjit_bytecode::CompareOp::Lt
    };
    let iterator = match positional.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => crate::iter::get_iter(vm, positional[0])?,
        _ => {
            if !default.is_null() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            Value::NULL
        }
    };
    // Items are pulled one at a time, each key computed as its item arrives (the order
    // CPython calls them in). The iterator, the best item and key and the current item
    // and key stay rooted: a generator being drained, or the key function, may run the
    // collector.
    let roots = vm.temp_roots.len();
    let (best_slot, best_key_slot, item_slot, item_key_slot) =
        (roots + 1, roots + 2, roots + 3, roots + 4);
    vm.temp_roots
        .extend([iterator, Value::NULL, Value::NULL, Value::NULL, Value::NULL]);
    let mut remaining = positional.iter();
    let result = (|| {
        loop {
            let item = if iterator.is_null() {
                match remaining.next() {
                    Some(item) => *item,
                    None => break,
                }
            } else {
                match crate::iter::next_letting_generators_collect(vm, iterator)? {
                    Some(item) => item,
                    None => break,
                }
            };
            vm.temp_roots[item_slot] = item;
            let item_key = if key.is_none() {
                item
            } else {
                call(vm, key, &[item], &[])?
            };
            vm.temp_roots[item_key_slot] = item_key;
            let best_key = vm.temp_roots[best_key_slot];
            let better = best_key.is_null() || {
                let result = ops::compare(vm, item_key, best_key, op)?;
                truthy(vm, result)?
            };
            if better {
                vm.temp_roots[best_slot] = item;
                vm.temp_roots[best_key_slot] = item_key;
            }
        }
        Ok(vm.temp_roots[best_slot])
    })();
    vm.temp_roots.truncate(roots);
    let best = result?;
    if !best.is_null() {
        return Ok(best);
    }
    if !default.is_null() {
        return Ok(default);
    }
    Err(vm.value_error(format!("{name}() iterable argument is empty")))
}

fn builtin_min(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    min_max(vm, args, kw, "min", false)
}

fn builtin_max(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    min_max(vm, args, kw, "max", true)
}

fn builtin_sum(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let bound = bind(vm, "sum", args, kw, &["iterable", "start"], 1, &[])?;
    let start = if bound[1].is_null() {
        vm.new_int(0)
    } else {
        bound[1]
    };
    if let Some(ObjKind::Str(_)) = kind(&start) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let iterator = crate::iter::get_iter(vm, bound[0])?;
    // The iterator, the running total and the current item stay rooted: a generator
    // being drained, or an `__add__`, may run the collector.
    let roots = vm.temp_roots.len();
    vm.temp_roots.extend([iterator, start, Value::NULL]);
    let result = sum_items(vm, iterator, roots + 1, roots + 2);
    vm.temp_roots.truncate(roots);
    result
}

/// CPython's `sum` loop: while the total and the items are ints it adds machine
/// integers; from a float total on it adds floats with Neumaier compensation (ints that
/// fit in 64 bits join in as floats); at the first item of any other kind it adds with
/// `+` from there to the end. The total lives in `temp_roots[total_slot]`.
fn sum_items(vm: &mut Vm, iterator: Value, total_slot: usize, item_slot: usize) -> PyResult<Value> {
    let next = |vm: &mut Vm| -> PyResult<Option<Value>> {
        let item = crate::iter::next_letting_generators_collect(vm, iterator)?;
        if let Some(item) = item {
            vm.temp_roots[item_slot] = item;
        }
        Ok(item)
    };
    let add = |vm: &mut Vm, total: Value, item: Value| -> PyResult<Value> {
        let total = ops::binary_op(vm, total, item, cpjit_bytecode::BinaryOpArg::Add)?;
        vm.temp_roots[total_slot] = total;
        Ok(total)
    };
    let mut total = vm.temp_roots[total_slot];
    let exact_int_total = (!total.is_bool())
        .then(|| numeric::int_view(&total).and_then(|v| v.to_i64()))
        .flatten();
    if let Some(mut int_total) = exact_int_total {
        loop {
            let Some(item) = next(vm)? else {
                return Ok(vm.new_int(int_total));
            };
            let sum = numeric::int_view(&item)
                .and_then(|v| v.to_i64())
                .and_then(|b| int_total.checked_add(b));
            if let Some(sum) = sum {
                int_total = sum;
                continue;
            }
            let boxed = vm.new_int(int_total);
            vm.temp_roots[total_slot] = boxed;
            total = add(vm, boxed, item)?;
            break;
        }
    }
    if let Some(mut float_total) = total.as_float() {
        let mut compensation = 0.0;
        loop {
            let Some(item) = next(vm)? else {
                return Ok(Value::float(compensated(float_total, compensation)));
            };
            let x = match item.as_float() {
                Some(x) => Some(x),
                None => numeric::int_view(&numeric::number_payload(item))
                    .and_then(|v| v.to_i64())
                    .map(|i| i as f64),
            };
            if let Some(x) = x {
                neumaier_step(&mut float_total, &mut compensation, x);
                continue;
            }
            let boxed = Value::float(compensated(float_total, compensation));
            vm.temp_roots[total_slot] = boxed;
            total = add(vm, boxed, item)?;
            break;
        }
    }
    while let Some(item) = next(vm)? {
        total = add(vm, total, item)?;
    }
    Ok(total)
}

/// One step of Neumaier's improved Kahan–Babuška summation (as CPython's `sum`).
fn neumaier_step(sum: &mut f64, compensation: &mut f64, x: f64) {
    let t = *sum + x;
    if sum.abs() >= x.abs() {
        *compensation += (*sum - t) + x;
    } else {
        *compensation += (x - t) + *sum;
    }
    *sum = t;
}

/// The compensated total, unless the compensation is zero or not finite (so an
/// infinite or overflowed sum does not turn into a NaN, and -0.0 keeps its sign).
fn compensated(sum: f64, compensation: f64) -> f64 {
    if compensation != 0.0 && compensation.is_finite() {
        sum + compensation
    } else {
        sum
    }
}

fn builtin_divmod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "divmod", kw)?;
    arg_count(vm, "divmod", args, 2, 2)?;
    let (a, b) = (
        numeric::number_payload(args[0]),
        numeric::number_payload(args[1]),
    );
    if let (Some(x), Some(y)) = (int_view(&a), int_view(&b)) {
        let (x, y) = (x.clone(), y.clone());
        let q = numeric::int_binary(vm, numeric::IntOp::FloorDiv, &x, &y)?;
        let r = numeric::int_binary(vm, numeric::IntOp::Mod, &x, &y)?;
        return Ok(vm.new_tuple(vec![q, r]));
    }
    if let (Some(x), Some(y)) = (numeric::as_f64(vm, a), numeric::as_f64(vm, b)) {
        let (x, y) = (x?, y?);
        if y == 0.0 {
            return Err(vm.zero_division("float divmod()"));
        }
        let (q, r) = numeric::float_divmod_parts(x, y);
        return Ok(vm.new_tuple(vec![Value::float(q), Value::float(r)]));
    }
    if let Some(result) = crate::dunder::binary_named(vm, a, b, &[], "__divmod__", "__rdivmod__")? {
        return Ok(result);
    }
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
    )))
}

fn builtin_pow(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let bound = bind(vm, "pow", args, kw, &["base", "exp", "mod"], 2, &[])?;
    if bound[2].is_null() || bound[2].is_none() {
        return ops::binary_op(vm, bound[0], bound[1], cpjit_bytecode::BinaryOpArg::Power);
    }
    let numbers: Vec<Value> = bound.iter().map(|v| numeric::number_payload(*v)).collect();
    match (
        int_view(&numbers[0]),
        int_view(&numbers[1]),
        int_view(&numbers[2]),
    ) {
        (Some(a), Some(b), Some(m)) => {
            let (a, b, m) = (a.clone(), b.clone(), m.clone());
            numeric::int_pow(vm, &a, &b, Some(&m))
        }
        _ => {
            let (base, exp, modulus) = (bound[0], bound[1], bound[2]);
            if let Some(result) =
                crate::dunder::binary_named(vm, base, exp, &[modulus], "__pow__", "__rpow__")?
            {
                return Ok(result);
            }
            Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"))
        }
    }
}

fn builtin_round(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let bound = bind(vm, "round", args, kw, &["number", "ndigits"], 1, &[])?;
    let (number, ndigits) = (bound[0], bound[1]);
    if crate::dunder::has_special(vm, number, "__round__") {
        let extra: Vec<Value> = if ndigits.is_null() {
            vec![]
        } else {
            vec![ndigits]
        };
        let method = vm.intern_static("__round__");
        let method = crate::attr::get_attr(vm, number, method)?;
        return call(vm, method, &extra, &[]);
    }
    // An int or float subclass's value rounds as the builtin it carries.
    let (number, ndigits) = (
        numeric::number_payload(number),
        numeric::number_payload(ndigits),
    );
    let ndigits = if ndigits.is_null() || ndigits.is_none() {
        None
    } else {
        match int_view(&ndigits) {
            Some(v) => Some(v.to_i64().unwrap_or(if v.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })),
            None => {
                let name = vm.type_name(ndigits);
                return Err(vm.type_error(format!(
                    "'{name}' object cannot be interpreted as an integer"
                )));
            }
        }
    };
    if let Some(f) = number.as_float() {
        return match ndigits {
            None => numeric::float_round_to_int(vm, f),
            Some(n) => Ok(Value::float(numeric::float_round_digits(f, n))),
        };
    }
    if let Some(view) = int_view(&number) {
        let value = view.to_bigint();
        return match ndigits {
            None => Ok(vm.new_bigint(value)),
            Some(n) if n >= 0 => Ok(vm.new_bigint(value)),
            Some(n) => {
                // Round half to even at 10**(-n).
                let digits = (-n).min(10_000) as u32;
                let factor = num_traits::pow(BigInt::from(10), digits as usize);
                let half = &factor / 2;
                let (q, r) = num_integer::Integer::div_mod_floor(&value, &factor);
                let mut q = q;
                if r > half || (r == half && num_integer::Integer::is_odd(&q)) {
                    q += 1;
                }
                Ok(vm.new_bigint(q * factor))
            }
        };
    }
    if let Some(r) = crate::dunder::unary_op(vm, number, "__round__")? {
        return Ok(r);
    }
    let name = vm.type_name(number);
    Err(vm.type_error(format!("type {name} doesn't define __round__ method")))
}

fn builtin_hash(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "hash", kw)?;
    arg_count(vm, "hash", args, 1, 1)?;
    let h = ops::hash(vm, args[0])?;
    Ok(vm.new_int(h))
}

fn builtin_ord(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "ord", kw)?;
    arg_count(vm, "ord", args, 1, 1)?;
    match kind(&args[0]) {
        Some(ObjKind::Str(s)) => {
            if s.char_len != 1 {
                let n = s.char_len;
                return Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {n} found"
                )));
            }
            let c = s.text.chars().next().unwrap_or('\0');
            Ok(vm.new_int(c as i64))
        }
        _ => {
            let name = vm.type_name(args[0]);
            Err(vm.type_error(format!(
                "ord() expected string of length 1, but {name} found"
            )))
        }
    }
}

fn builtin_chr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "chr", kw)?;
    arg_count(vm, "chr", args, 1, 1)?;
    let number = numeric::number_payload(args[0]);
    let Some(view) = int_view(&number) else {
        let name = vm.type_name(args[0]);
        return Err(vm.type_error(format!(
            "'{name}' object cannot be interpreted as an integer"
        )));
    };
    let code = view.to_i64();
    match code
        .and_then(|c| u32::try_from(c).ok())
        .filter(|c| *c < 0x110000)
    {
        Some(c) => match char::from_u32(c) {
            Some(ch) => Ok(vm.new_string(ch.to_string())),
            None => Err(vm.value_error("surrogate characters are not supported yet")),
        },
        None => {
            if code.is_none() {
                Err(vm.overflow_error("Python int too large to convert to C int"))
            } else {
                Err(vm.value_error("chr() arg not in range(0x110000)"))
            }
        }
    }
}

fn radix_builtin(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    radix: u32,
    prefix: &str,
) -> PyResult<Value> {
    no_kwargs(vm, name, kw)?;
    arg_count(vm, name, args, 1, 1)?;
    let number = numeric::number_payload(args[0]);
    let v = match int_view(&number) {
        Some(view) => view.to_bigint(),
        None => match crate::dunder::index(vm, args[0])? {
            Some(i) => BigInt::from(i),
            None => {
                let tn = vm.type_name(args[0]);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        },
    };
    let sign = if v.sign() == num_bigint::Sign::Minus {
        "-"
    } else {
        ""
    };
    let digits = num_traits::Signed::abs(&v).to_str_radix(radix);
    Ok(vm.new_string(format!("{sign}{prefix}{digits}")))
}

fn builtin_hex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    radix_builtin(vm, args, kw, "hex", 16, "0x")
}

fn builtin_bin(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    radix_builtin(vm, args, kw, "bin", 2, "0b")
}

fn builtin_oct(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    radix_builtin(vm, args, kw, "oct", 8, "0o")
}

fn class_check(
    vm: &mut Vm,
    value: Value,
    classes: Value,
    name: &str,
    subclass: bool,
) -> PyResult<bool> {
    match kind(&classes) {
        Some(ObjKind::Type(_)) => Ok(if subclass {
            vm.is_subtype(value, classes)
        } else {
            vm.isinstance(value, classes)
        }),
        Some(ObjKind::Tuple(items)) => {
            let items = items.to_vec();
            for item in items {
                if class_check(vm, value, item, name, subclass)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(vm.type_error(format!(
            "{name}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

fn builtin_isinstance(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "isinstance", kw)?;
    arg_count(vm, "isinstance", args, 2, 2)?;
    Ok(Value::bool(class_check(
        vm,
        args[0],
        args[1],
        "isinstance",
        false,
    )?))
}

fn builtin_issubclass(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "issubclass", kw)?;
    arg_count(vm, "issubclass", args, 2, 2)?;
    if !matches!(kind(&args[0]), Some(ObjKind::Type(_))) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    Ok(Value::bool(class_check(
        vm,
        args[0],
        args[1],
        "issubclass",
        true,
    )?))
}

fn builtin_sorted(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (positional, _) = split_kwargs(args, kw);
    if positional.len() != 1 {
        return Err(vm.type_error(format!(
            "sorted expected 1 argument, got {}",
            positional.len()
        )));
    }
    let items = crate::iter::collect(vm, positional[0])?;
    let list = vm.new_list(items);
    let sort = vm.intern_static("sort");
    let (method, receiver) = crate::attr::load_method(vm, list, sort)?;
    let mut full = vec![receiver];
    full.extend_from_slice(&args[1..]);
    call(vm, method, &full, kw)?;
    Ok(list)
}

fn builtin_any(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "any", kw)?;
    arg_count(vm, "any", args, 1, 1)?;
    let iterator = crate::iter::get_iter(vm, args[0])?;
    vm.temp_roots.push(iterator);
    let found = (|| {
        while let Some(item) = crate::iter::next_letting_generators_collect(vm, iterator)? {
            if truthy(vm, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    })();
    vm.temp_roots.pop();
    Ok(if found? { Value::TRUE } else { Value::FALSE })
}

fn builtin_all(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "all", kw)?;
    arg_count(vm, "all", args, 1, 1)?;
    let iterator = crate::iter::get_iter(vm, args[0])?;
    vm.temp_roots.push(iterator);
    let found = (|| {
        while let Some(item) = crate::iter::next_letting_generators_collect(vm, iterator)? {
            if !truthy(vm, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    })();
    vm.temp_roots.pop();
    Ok(if found? { Value::FALSE } else { Value::TRUE })
}

fn builtin_iter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "iter", kw)?;
    arg_count(vm, "iter", args, 1, 2)?;
    if args.len() == 2 {
        return Ok(vm.new_iterator(IterState::Callable {
            function: args[0],
            sentinel: args[1],
        }));
    }
    crate::iter::get_iter(vm, args[0])
}

fn builtin_next(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "next", kw)?;
    arg_count(vm, "next", args, 1, 2)?;
    if !matches!(
        kind(&args[0]),
        Some(ObjKind::Iterator(_) | ObjKind::Instance(_) | ObjKind::Generator(_))
    ) {
        let name = vm.type_name(args[0]);
        return Err(vm.type_error(format!("'{name}' object is not an iterator")));
    }
    if let Some(ObjKind::Generator(_)) = kind(&args[0]) {
        // A finished generator's StopIteration carries its return value.
        return match crate::iter::resume_generator(vm, args[0], Value::NONE, None)? {
            crate::vm::GeneratorResume::Yielded(v) => Ok(v),
            crate::vm::GeneratorResume::Returned(v) => match args.get(1) {
                Some(default) => Ok(*default),
                None => {
                    let payload = if v.is_none() { vec![] } else { vec![v] };
                    Err(PyErr(
                        vm.new_exception(vm.exceptions.stop_iteration, payload),
                    ))
                }
            },
        };
    }
    if let Some(ObjKind::Instance(_)) = kind(&args[0]) {
        // A user `__next__`'s own StopIteration (with its args) propagates.
        return match crate::dunder::next_raising(vm, args[0]) {
            Err(e) if args.len() == 2 && vm.isinstance(e.0, vm.exceptions.stop_iteration) => {
                Ok(args[1])
            }
            result => result,
        };
    }
    match crate::iter::next(vm, args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(default) => Ok(*default),
            None => Err(vm.stop_iteration()),
        },
    }
}

fn builtin_callable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "callable", kw)?;
    arg_count(vm, "callable", args, 1, 1)?;
    let result = match kind(&args[0]) {
        Some(
            ObjKind::Function(_) | ObjKind::Native(_) | ObjKind::Type(_) | ObjKind::BoundMethod(_),
        ) => true,
        Some(ObjKind::Instance(_)) => {
            let ty = vm.type_of(args[0]);
            let name = vm.intern_static("__call__");
            crate::attr::type_lookup(ty, name).is_some()
        }
        _ => false,
    };
    Ok(Value::bool(result))
}

/// An attribute name argument (`getattr`, `object.__setattr__`…) as an interned
/// string, or CPython's `TypeError`.
pub(crate) fn attr_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match str_text(&v) {
        Some(t) => {
            let t = t.to_string();
            Ok(vm.intern(&t))
        }
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("attribute name must be string, not '{name}'")))
        }
    }
}

fn builtin_getattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "getattr", kw)?;
    arg_count(vm, "getattr", args, 2, 3)?;
    let name = attr_name(vm, args[1])?;
    match crate::attr::lookup_attr(vm, args[0], name) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match args.get(2) {
            Some(d) => Ok(*d),
            None => Err(crate::attr::attribute_error(vm, args[0], name)),
        },
        Err(e) if args.len() == 3 && vm.isinstance(e.0, vm.exceptions.attribute_error) => {
            Ok(args[2])
        }
        Err(e) => Err(e),
    }
}

fn builtin_setattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "setattr", kw)?;
    arg_count(vm, "setattr", args, 3, 3)?;
    let name = attr_name(vm, args[1])?;
    crate::attr::set_attr(vm, args[0], name, args[2])?;
    Ok(Value::NONE)
}

fn builtin_hasattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "hasattr", kw)?;
    arg_count(vm, "hasattr", args, 2, 2)?;
    let name = attr_name(vm, args[1])?;
    match crate::attr::lookup_attr(vm, args[0], name) {
        Ok(found) => Ok(Value::bool(found.is_some())),
        Err(e) if vm.isinstance(e.0, vm.exceptions.attribute_error) => Ok(Value::FALSE),
        Err(e) => Err(e),
    }
}

fn builtin_delattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "delattr", kw)?;
    arg_count(vm, "delattr", args, 2, 2)?;
    let name = attr_name(vm, args[1])?;
    crate::attr::del_attr(vm, args[0], name)?;
    Ok(Value::NONE)
}

fn builtin_id(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "id", kw)?;
    arg_count(vm, "id", args, 1, 1)?;
    let v = args[0];
    let id = (v.raw() & 0xffff_ffff_ffff) as i64;
    Ok(vm.new_int(id))
}

fn builtin_format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "format", kw)?;
    arg_count(vm, "format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => match str_text(s) {
            Some(t) => t.to_string(),
            None => {
                let name = vm.type_name(*s);
                return Err(vm.type_error(format!("format() argument 2 must be str, not {name}")));
            }
        },
        None => String::new(),
    };
    let text = crate::format::format_value(vm, args[0], &spec)?;
    Ok(vm.new_string(text))
}

// ----- constructors ------------------------------------------------------------------------

/// Parses an int literal the way `int(text, base)` does.
pub fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    let trimmed = text.trim();
    let (negative, body) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let lower = body.to_ascii_lowercase();
    let has_prefix = matches!(lower.get(..2), Some("0x" | "0o" | "0b"));
    let (base, digits) = match base {
        0 => {
            if let Some(rest) = lower.strip_prefix("0x") {
                (16, rest.to_string())
            } else if let Some(rest) = lower.strip_prefix("0o") {
                (8, rest.to_string())
            } else if let Some(rest) = lower.strip_prefix("0b") {
                (2, rest.to_string())
            } else {
                if lower.len() > 1
                    && lower.starts_with('0')
                    && lower.chars().any(|c| c != '0' && c != '_')
                {
                    return None;
                }
                (10, lower.clone())
            }
        }
        16 => (16, lower.strip_prefix("0x").unwrap_or(&lower).to_string()),
        8 => (8, lower.strip_prefix("0o").unwrap_or(&lower).to_string()),
        2 => (2, lower.strip_prefix("0b").unwrap_or(&lower).to_string()),
        b => (b, lower.clone()),
    };
    // An underscore may directly follow a base prefix (`0x_ff`), nowhere else at the start.
    let digits = if has_prefix {
        digits
            .strip_prefix('_')
            .map(str::to_string)
            .unwrap_or(digits)
    } else {
        digits
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    // Unicode decimal digits are accepted by CPython; map them to ASCII.
    let clean: String = clean
        .chars()
        .map(|c| {
            c.to_digit(10)
                .map_or(c, |d| char::from_digit(d, 10).unwrap_or(c))
        })
        .collect();
    let value = BigInt::from_str_radix(&clean, base).ok()?;
    Some(if negative { -value } else { value })
}

fn construct_int(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let bound = bind(vm, "int", &args[1..], kw, &["x", "base"], 0, &[])?;
    let (x, base) = (bound[0], bound[1]);
    if x.is_null() {
        if !base.is_null() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(vm.new_int(0));
    }
    if !base.is_null() {
        let base = match ops::to_i64(base) {
            Some(b) if b == 0 || (2..=36).contains(&b) => b as u32,
            _ => return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0")),
        };
        let Some(text) = str_text(&x).map(str::to_string) else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        return match parse_int(&text, base) {
            Some(v) => Ok(vm.new_bigint(v)),
            None => {
                let shown = cpjit_bytecode::repr::str_repr(&text);
                Err(vm.value_error(format!(
                    "invalid literal for int() with base {base}: {shown}"
                )))
            }
        };
    }
    if let Some(view) = int_view(&x) {
        let v = view.to_bigint();
        return Ok(vm.new_bigint(v));
    }
    if let Some(f) = x.as_float() {
        return numeric::float_to_int(vm, f);
    }
    if let Some(text) = str_text(&x).map(str::to_string) {
        return match parse_int(&text, 10) {
            Some(v) => Ok(vm.new_bigint(v)),
            None => {
                let shown = cpjit_bytecode::repr::str_repr(&text);
                Err(vm.value_error(format!("invalid literal for int() with base 10: {shown}")))
            }
        };
    }
    for name in ["__int__", "__index__"] {
        if let Some(r) = crate::dunder::unary_op(vm, x, name)? {
            if int_view(&r).is_none() {
                let type_name = vm.type_name(r);
                return Err(vm.type_error(format!("{name} returned non-int (type {type_name})")));
            }
            return Ok(r);
        }
    }
    let name = vm.type_name(x);
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{name}'"
    )))
}

fn construct_bool(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "bool", kw)?;
    arg_count(vm, "bool", &args[1..], 0, 1)?;
    match args.get(1) {
        Some(v) => Ok(Value::bool(truthy(vm, *v)?)),
        None => Ok(Value::FALSE),
    }
}

/// Parses a float literal the way `float(text)` does.
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    let negative = lower.starts_with('-');
    let special = match unsigned {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        if lower.len() - unsigned.len() > 1 {
            return None;
        }
        return Some(if negative { -v } else { v });
    }
    if t.is_empty() || t.contains("__") || t.starts_with('_') || t.ends_with('_') {
        return None;
    }
    let valid = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-' | '_'));
    if !valid {
        return None;
    }
    // Underscores only between digits.
    let chars: Vec<char> = t.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '_'
            && !(i > 0
                && chars[i - 1].is_ascii_digit()
                && i + 1 < chars.len()
                && chars[i + 1].is_ascii_digit())
        {
            return None;
        }
    }
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    clean.parse::<f64>().ok()
}

fn construct_float(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "float", kw)?;
    arg_count(vm, "float", &args[1..], 0, 1)?;
    let Some(&x) = args.get(1) else {
        return Ok(Value::float(0.0));
    };
    if x.is_float() {
        return Ok(x);
    }
    if let Some(f) = numeric::as_f64(vm, x) {
        return Ok(Value::float(f?));
    }
    if let Some(text) = str_text(&x).map(str::to_string) {
        return match parse_float(&text) {
            Some(f) => Ok(Value::float(f)),
            None => {
                let shown = cpjit_bytecode::repr::str_repr(&text);
                Err(vm.value_error(format!("could not convert string to float: {shown}")))
            }
        };
    }
    if let Some(r) = crate::dunder::unary_op(vm, x, "__float__")? {
        if !r.is_float() {
            let (owner, type_name) = (vm.type_name(x), vm.type_name(r));
            return Err(vm.type_error(format!(
                "{owner}.__float__ returned non-float (type {type_name})"
            )));
        }
        return Ok(r);
    }
    let name = vm.type_name(x);
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{name}'"
    )))
}

fn construct_str(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    // `str(x)`: the common one-argument form without argument binding.
    if args.len() == 2 && kw.is_empty() {
        let value = args[1];
        if str_text(&value).is_some() {
            return Ok(value);
        }
        if let Some(i) = value.as_small_int() {
            return Ok(vm.small_int_str(i));
        }
        let text = display::str(vm, value)?;
        return Ok(vm.new_string(text));
    }
    let bound = bind(
        vm,
        "str",
        &args[1..],
        kw,
        &["object", "encoding", "errors"],
        0,
        &[],
    )?;
    if bound[0].is_null() {
        return Ok(vm.intern_static(""));
    }
    if str_text(&bound[0]).is_some() {
        return Ok(bound[0]);
    }
    let text = display::str(vm, bound[0])?;
    Ok(vm.new_string(text))
}

fn construct_list(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "list", kw)?;
    arg_count(vm, "list", &args[1..], 0, 1)?;
    let items = match args.get(1) {
        Some(v) => crate::iter::collect_letting_generators_collect(vm, *v)?,
        None => Vec::new(),
    };
    Ok(vm.new_list(items))
}

fn construct_tuple(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "tuple", kw)?;
    arg_count(vm, "tuple", &args[1..], 0, 1)?;
    match args.get(1) {
        Some(v) if matches!(kind(v), Some(ObjKind::Tuple(_))) => Ok(*v),
        Some(v) => {
            let items = crate::iter::collect_letting_generators_collect(vm, *v)?;
            Ok(vm.new_tuple(items))
        }
        None => Ok(vm.new_tuple(Vec::new())),
    }
}

fn construct_dict(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (positional, keywords) = split_kwargs(&args[1..], kw);
    if positional.len() > 1 {
        return Err(vm.type_error(format!(
            "dict expected at most 1 argument, got {}",
            positional.len()
        )));
    }
    let dict = vm.new_dict();
    if let Some(source) = positional.first() {
        crate::methods::dict_update_from(vm, dict, *source)?;
    }
    for (k, v) in keywords {
        dict_set(vm, dict, k, v)?;
    }
    Ok(dict)
}

fn construct_set_kind(vm: &mut Vm, args: &[Value], kw: &[Value], frozen: bool) -> PyResult<Value> {
    let name = if frozen { "frozenset" } else { "set" };
    no_kwargs(vm, name, kw)?;
    arg_count(vm, name, &args[1..], 0, 1)?;
    let set = vm.new_set(frozen);
    if let Some(v) = args.get(1) {
        vm.temp_roots.push(set);
        let items = crate::iter::collect_letting_generators_collect(vm, *v);
        vm.temp_roots.pop();
        let items = items?;
        if let Some(ObjKind::Set(s)) = kind(&set) {
            s.table.borrow_mut().reserve(items.len());
        }
        for item in items {
            set_add(vm, set, item)?;
        }
    }
    Ok(set)
}

fn construct_set(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    construct_set_kind(vm, args, kw, false)
}

fn construct_frozenset(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    construct_set_kind(vm, args, kw, true)
}

fn range_bound(vm: &mut Vm, v: Value) -> PyResult<i128> {
    match int_view(&v) {
        Some(view) => match num_traits::ToPrimitive::to_i128(&view.to_bigint()) {
            // 120 bits keep every derived quantity (length, index * step) inside i128.
            Some(i) if i.unsigned_abs() < 1 << 120 => Ok(i),
            _ => Err(vm.overflow_error("range() arguments beyond 120 bits are not supported yet")),
        },
        None => {
            if let Some(i) = crate::dunder::index(vm, v)? {
                return Ok(i as i128);
            }
            let name = vm.type_name(v);
            Err(vm.type_error(format!(
                "'{name}' object cannot be interpreted as an integer"
            )))
        }
    }
}

fn construct_range(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "range", kw)?;
    let rest = &args[1..];
    if rest.is_empty() {
        return Err(vm.type_error("range expected at least 1 argument, got 0"));
    }
    if rest.len() > 3 {
        return Err(vm.type_error(format!(
            "range expected at most 3 arguments, got {}",
            rest.len()
        )));
    }
    let (start, stop, step) = match rest.len() {
        1 => (0, range_bound(vm, rest[0])?, 1),
        2 => (range_bound(vm, rest[0])?, range_bound(vm, rest[1])?, 1),
        _ => (
            range_bound(vm, rest[0])?,
            range_bound(vm, rest[1])?,
            range_bound(vm, rest[2])?,
        ),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(vm.alloc(ObjKind::Range(Box::new(RangeObj { start, stop, step }))))
}

fn construct_slice(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "slice", kw)?;
    let rest = &args[1..];
    arg_count(vm, "slice", rest, 1, 3)?;
    let (start, stop, step) = match rest.len() {
        1 => (Value::NONE, rest[0], Value::NONE),
        2 => (rest[0], rest[1], Value::NONE),
        _ => (rest[0], rest[1], rest[2]),
    };
    Ok(vm.alloc(ObjKind::Slice(SliceObj { start, stop, step })))
}

fn construct_type(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match args.len() - 1 - kw.len() {
        1 if kw.is_empty() => Ok(vm.type_of(args[1])),
        3 => {
            // `type(name, bases, namespace)` defers to the most derived metaclass of the
            // bases, as CPython's `type_new` does.
            let bases = match kind(&args[2]) {
                Some(ObjKind::Tuple(items)) => items.to_vec(),
                _ => Vec::new(),
            };
            let type_ = vm.types.type_;
            let winner = crate::metaclass::calculate_metaclass(vm, type_, &bases)?;
            if winner != type_ {
                return call(vm, winner, &args[1..], kw);
            }
            crate::metaclass::default_class(vm, type_, &args[1..], kw)
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

fn construct_object(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("object() takes no arguments"));
    }
    let dict = vm.new_dict();
    let class = vm.types.object;
    Ok(vm.alloc(ObjKind::Instance(crate::object::InstanceObj {
        class,
        dict,
        payload: Value::NULL,
        slot_values: std::cell::Cell::new(Value::NULL),
    })))
}

fn construct_enumerate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let bound = bind(
        vm,
        "enumerate",
        &args[1..],
        kw,
        &["iterable", "start"],
        1,
        &[],
    )?;
    let inner = crate::iter::get_iter(vm, bound[0])?;
    let count = if bound[1].is_null() {
        vm.new_int(0)
    } else if int_view(&bound[1]).is_some() {
        bound[1]
    } else {
        let name = vm.type_name(bound[1]);
        return Err(vm.type_error(format!(
            "'{name}' object cannot be interpreted as an integer"
        )));
    };
    Ok(vm.new_iterator(IterState::Enumerate { inner, count }))
}

fn construct_zip(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (positional, keywords) = split_kwargs(&args[1..], kw);
    let mut strict = false;
    for (k, v) in keywords {
        if str_text(&k) == Some("strict") {
            strict = truthy(vm, v)?;
        } else {
            return Err(vm.type_error("zip() got an unexpected keyword argument"));
        }
    }
    let mut iterators = Vec::with_capacity(positional.len());
    for iterable in positional {
        iterators.push(crate::iter::get_iter(vm, *iterable)?);
    }
    Ok(vm.new_iterator(IterState::Zip { iterators, strict }))
}

fn construct_map(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "map", kw)?;
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let function = args[1];
    let mut iterators = Vec::new();
    for iterable in &args[2..] {
        iterators.push(crate::iter::get_iter(vm, *iterable)?);
    }
    Ok(vm.new_iterator(IterState::Map {
        function,
        iterators,
    }))
}

fn construct_filter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "filter", kw)?;
    arg_count(vm, "filter", &args[1..], 2, 2)?;
    let inner = crate::iter::get_iter(vm, args[2])?;
    Ok(vm.new_iterator(IterState::Filter {
        function: args[1],
        inner,
    }))
}

fn construct_reversed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "reversed", kw)?;
    arg_count(vm, "reversed", &args[1..], 1, 1)?;
    let sequence = args[1];
    match kind(&sequence) {
        Some(ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Str(_) | ObjKind::Range(_)) => {
            let len = ops::len(vm, sequence)? as isize;
            Ok(vm.new_iterator(IterState::Reversed {
                sequence,
                next_index: len - 1,
            }))
        }
        Some(ObjKind::Dict(_) | ObjKind::DictView(_)) => {
            let mut keys = crate::iter::collect(vm, sequence)?;
            keys.reverse();
            let list = vm.new_list(keys);
            crate::iter::get_iter(vm, list)
        }
        _ => {
            if let Some(r) = crate::dunder::unary_op(vm, sequence, "__reversed__")? {
                return Ok(r);
            }
            // The sequence protocol: `__len__` and `__getitem__`.
            if crate::dunder::has_special(vm, sequence, "__len__")
                && crate::dunder::has_special(vm, sequence, "__getitem__")
            {
                let len = ops::len(vm, sequence)? as isize;
                return Ok(vm.new_iterator(IterState::Reversed {
                    sequence,
                    next_index: len - 1,
                }));
            }
            let name = vm.type_name(sequence);
            Err(vm.type_error(format!("'{name}' object is not reversible")))
        }
    }
}

fn new_descriptor(
    vm: &mut Vm,
    kind: crate::object::DescriptorKind,
    function: Value,
    setter: Value,
    deleter: Value,
) -> Value {
    vm.alloc(ObjKind::Descriptor(Box::new(
        crate::object::DescriptorObj {
            kind,
            function,
            setter,
            deleter,
            doc: Value::NULL,
        },
    )))
}

fn construct_staticmethod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "staticmethod", kw)?;
    arg_count(vm, "staticmethod", &args[1..], 1, 1)?;
    Ok(new_descriptor(
        vm,
        crate::object::DescriptorKind::StaticMethod,
        args[1],
        Value::NULL,
        Value::NULL,
    ))
}

fn construct_classmethod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "classmethod", kw)?;
    arg_count(vm, "classmethod", &args[1..], 1, 1)?;
    Ok(new_descriptor(
        vm,
        crate::object::DescriptorKind::ClassMethod,
        args[1],
        Value::NULL,
        Value::NULL,
    ))
}

fn construct_property(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let bound = bind(
        vm,
        "property",
        &args[1..],
        kw,
        &["fget", "fset", "fdel", "doc"],
        0,
        &[],
    )?;
    let or_null = |v: Value| if v.is_none() { Value::NULL } else { v };
    Ok(new_property(
        vm,
        [or_null(bound[0]), or_null(bound[1]), or_null(bound[2])],
        or_null(bound[3]),
    ))
}

/// `prop.setter(f)` / `prop.getter(f)` / `prop.deleter(f)`: a copy with one function
/// replaced.
pub fn property_with(
    vm: &mut Vm,
    property: Value,
    which: &str,
    function: Value,
) -> PyResult<Value> {
    let Some(ObjKind::Descriptor(d)) = kind(&property) else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    let (mut getter, mut setter, mut deleter) = (d.function, d.setter, d.deleter);
    let doc = d.doc;
    match which {
        "setter" => setter = function,
        "getter" => getter = function,
        _ => deleter = function,
    }
    Ok(new_property(vm, [getter, setter, deleter], doc))
}

/// A property from its getter, setter and deleter (each NULL when absent) and `doc`.
fn new_property(vm: &mut Vm, [function, setter, deleter]: [Value; 3], doc: Value) -> Value {
    vm.alloc(ObjKind::Descriptor(Box::new(
        crate::object::DescriptorObj {
            kind: crate::object::DescriptorKind::Property,
            function,
            setter,
            deleter,
            doc,
        },
    )))
}

fn construct_exception(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let class = args[0];
    let (positional, keywords) = split_kwargs(&args[1..], kw);
    if !keywords.is_empty() {
        let class_name = match kind(&class) {
            Some(ObjKind::Type(t)) => t.name.to_string(),
            _ => "Exception".into(),
        };
        return Err(vm.type_error(format!("{class_name}() takes no keyword arguments")));
    }
    Ok(vm.new_exception(class, positional.to_vec()))
}

// ----- sys ----------------------------------------------------------------------------------

/// Creates the `sys` module for a program run with `argv`.
pub fn make_sys_module(vm: &mut Vm) -> Value {
    let dict = vm.new_dict();
    let argv: Vec<Value> = vm.argv.clone().iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    let entries: Vec<(&str, Value)> = vec![
        ("argv", argv),
        ("maxsize", Value::small_int(0).expect("0 is small")),
        ("byteorder", vm.intern_static("little")),
        ("platform", vm.intern_static("linux")),
        ("implementation_name", vm.intern_static("cpjit")),
    ];
    for (name, value) in entries {
        let key = vm.intern(name);
        set_name(vm, dict, key, value);
    }
    let maxsize = vm.new_bigint(BigInt::from(i64::MAX));
    let key = vm.intern_static("maxsize");
    set_name(vm, dict, key, maxsize);
    let version = vm.new_tuple(vec![
        Value::small_int(3).expect("small"),
        Value::small_int(13).expect("small"),
        Value::small_int(0).expect("small"),
    ]);
    let key = vm.intern_static("version_info");
    set_name(vm, dict, key, version);
    let version_text = vm.intern_static("3.13.0 (cpjit)");
    let key = vm.intern_static("version");
    set_name(vm, dict, key, version_text);
    let functions: &[(&'static str, NativeFn)] = &[
        ("exit", sys_exit),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("intern", sys_intern),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
    ];
    for (name, func) in functions {
        let value = vm.new_native(name, *func);
        let key = vm.intern(name);
        set_name(vm, dict, key, value);
    }
    let stdout = make_stream(vm, false);
    let stderr = make_stream(vm, true);
    let key = vm.intern_static("stdout");
    set_name(vm, dict, key, stdout);
    let key = vm.intern_static("stderr");
    set_name(vm, dict, key, stderr);
    let directory = script_directory(vm);
    let directory = vm.new_str(&directory);
    let path = vm.new_list(vec![directory]);
    let key = vm.intern_static("path");
    set_name(vm, dict, key, path);
    let module = new_module(vm, "sys", dict);
    let key = vm.intern_static("modules");
    let modules = vm.modules;
    set_name(vm, dict, key, modules);
    module
}

/// The exception being handled (`sys.exception()`), or None.
fn handled_exception(vm: &Vm) -> Value {
    let e = vm.handled_exception;
    if e.is_null() {
        Value::NONE
    } else {
        e
    }
}

/// `sys.exception()`.
fn sys_exception(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "exception", kw)?;
    arg_count(vm, "exception", args, 0, 0)?;
    Ok(handled_exception(vm))
}

/// `sys.exc_info()`: `(type, value, traceback)` of the handled exception. Traceback
/// objects are not modelled, so the third item is None.
fn sys_exc_info(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "exc_info", kw)?;
    arg_count(vm, "exc_info", args, 0, 0)?;
    let e = handled_exception(vm);
    let items = if e.is_none() {
        vec![Value::NONE; 3]
    } else {
        vec![vm.type_of(e), e, Value::NONE]
    };
    Ok(vm.new_tuple(items))
}

fn make_stream(vm: &mut Vm, is_stderr: bool) -> Value {
    let class = vm.types.text_io;
    let dict = vm.new_dict();
    let write: NativeFn = if is_stderr {
        stderr_write
    } else {
        stdout_write
    };
    let native = vm.new_native("write", write);
    let flush = vm.new_native("flush", stream_flush);
    let key = vm.intern_static("write");
    set_name(vm, dict, key, native);
    let key = vm.intern_static("flush");
    set_name(vm, dict, key, flush);
    vm.alloc(ObjKind::Instance(crate::object::InstanceObj {
        class,
        dict,
        payload: Value::NULL,
        slot_values: std::cell::Cell::new(Value::NULL),
    }))
}

fn stream_text(vm: &mut Vm, args: &[Value]) -> PyResult<String> {
    arg_count(vm, "write", args, 1, 1)?;
    match str_text(&args[0]) {
        Some(t) => Ok(t.to_string()),
        None => {
            let name = vm.type_name(args[0]);
            Err(vm.type_error(format!("write() argument must be str, not {name}")))
        }
    }
}

fn stdout_write(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let text = stream_text(vm, args)?;
    write_stdout(vm, &text)?;
    Ok(vm.new_int(text.chars().count() as i64))
}

fn stderr_write(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let text = stream_text(vm, args)?;
    let _ = vm.stdout.flush();
    let _ = vm.stderr.write_all(text.as_bytes());
    Ok(vm.new_int(text.chars().count() as i64))
}

fn stream_flush(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let _ = vm.stdout.flush();
    Ok(Value::NONE)
}

fn sys_exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "exit", args, 0, 1)?;
    Err(PyErr(
        vm.new_exception(vm.exceptions.system_exit, args.to_vec()),
    ))
}

fn sys_getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let limit = vm.recursion_limit as i64;
    Ok(vm.new_int(limit))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "setrecursionlimit", args, 1, 1)?;
    match ops::to_i64(args[0]) {
        Some(n) if n >= 1 => {
            // Frames live in VM memory, so the limit only bounds memory; cap it so a
            // runaway program still ends in RecursionError rather than exhausting RAM.
            vm.recursion_limit = n.min(1_000_000) as usize;
            Ok(Value::NONE)
        }
        Some(_) => Err(vm.value_error("recursion limit must be greater or equal than 1")),
        None => {
            let name = vm.type_name(args[0]);
            Err(vm.type_error(format!(
                "'{name}' object cannot be interpreted as an integer"
            )))
        }
    }
}

fn sys_intern(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "intern", args, 1, 1)?;
    match str_text(&args[0]).map(str::to_string) {
        Some(t) => Ok(vm.intern(&t)),
        None => Err(vm.type_error("intern() argument must be str")),
    }
}
