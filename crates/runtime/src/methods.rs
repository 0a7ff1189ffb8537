//! Methods of the builtin types (`str`, `list`, `dict`, `set`, `tuple`, `int`, `float`)
//! and the tables that register them as method descriptors on their types.
//!
//! Owns builtin method behaviour and messages. Must never hold a container borrow while
//! calling back into Python (e.g. `list.sort(key=…)` sorts a copy, then stores it).

use cpjit_bytecode::BinaryOpArg;
use num_traits::{Signed, ToPrimitive};

use crate::call::{arg_count, bind, call, no_kwargs, split_kwargs};
use crate::display::{self, str_text};
use crate::numeric::{int_view, IntView};
use crate::object::{DictViewKind, DictViewObj, NativeFn, NativeObj, ObjKind};
use crate::ops::{self, dict_get, dict_remove, dict_set, eq, set_add, table_contains, truthy};
use crate::value::Value;
use crate::vm::{kind, PyResult, Vm};

/// Registers the method tables on the builtin types.
pub fn install(vm: &mut Vm) {
    let tables: Vec<(Value, &[(&'static str, NativeFn)])> = vec![
        (vm.types.str, STR_METHODS),
        (vm.types.list, LIST_METHODS),
        (vm.types.dict, DICT_METHODS),
        (vm.types.set, SET_METHODS),
        (vm.types.frozenset, FROZENSET_METHODS),
        (vm.types.tuple, TUPLE_METHODS),
        (vm.types.int, INT_METHODS),
        (vm.types.float, FLOAT_METHODS),
        (vm.types.range, RANGE_METHODS),
        (vm.exceptions.base_exception, EXCEPTION_METHODS),
        (vm.types.object, OBJECT_METHODS),
        (vm.types.generator, GENERATOR_METHODS),
    ];
    for (ty, methods) in tables {
        for (name, func) in methods {
            let descriptor = vm.alloc(ObjKind::Native(NativeObj {
                name,
                func: *func,
                receiver: Value::NULL,
                owner: ty,
            }));
            let key = vm.intern(name);
            let h = ops::str_hash(name);
            if let Some(ObjKind::Type(t)) = kind(&ty) {
                t.dict.borrow_mut().insert(h, key, descriptor, |k| k == key);
            }
            vm.type_changed();
        }
    }
    // Static methods: `str.maketrans` is called on the type. (`object.__new__` and
    // the builtin types' other constructors are `subclass::install`'s.)
    let str_type = vm.types.str;
    install_static(vm, str_type, "maketrans", str_maketrans);
}

/// Puts `func` on the builtin type `ty` as a static method called `name`.
fn install_static(vm: &mut Vm, ty: Value, name: &'static str, func: NativeFn) {
    let function = vm.alloc(ObjKind::Native(NativeObj {
        name,
        func,
        receiver: Value::NULL,
        owner: Value::NULL,
    }));
    let descriptor = vm.alloc(ObjKind::Descriptor(Box::new(
        crate::object::DescriptorObj {
            kind: crate::object::DescriptorKind::StaticMethod,
            function,
            setter: Value::NULL,
            deleter: Value::NULL,
            doc: Value::NULL,
        },
    )));
    crate::attr::set_type_attr(vm, ty, name, descriptor);
}

/// `str.maketrans(x[, y[, z]])`: a translation table mapping code points.
fn str_maketrans(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "maketrans", kw)?;
    arg_count(vm, "maketrans", args, 1, 3)?;
    let table = vm.new_dict();
    if args.len() == 1 {
        let Some(entries) = mapping_items(vm, args[0])? else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        for (k, v) in entries {
            let key = match str_text(&k) {
                Some(text) if text.chars().count() == 1 => {
                    let c = text.chars().next().unwrap_or('\0');
                    vm.new_int(i64::from(u32::from(c)))
                }
                Some(_) => {
                    return Err(vm.value_error("string keys in translate table must be of length 1"))
                }
                None if int_view(&k).is_some() => k,
                None => {
                    return Err(vm.type_error("keys in translate table must be strings or integers"))
                }
            };
            dict_set(vm, table, key, v)?;
        }
        return Ok(table);
    }
    let texts: Vec<String> = args
        .iter()
        .map(|a| str_text(a).map(str::to_string))
        .collect::<Option<_>>()
        .ok_or_else(|| vm.type_error("maketrans() arguments must be strings"))?;
    let (from, to): (Vec<char>, Vec<char>) =
        (texts[0].chars().collect(), texts[1].chars().collect());
    if from.len() != to.len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in from.into_iter().zip(to) {
        let (key, value) = (
            vm.new_int(i64::from(u32::from(a))),
            vm.new_int(i64::from(u32::from(b))),
        );
        dict_set(vm, table, key, value)?;
    }
    if let Some(deleted) = texts.get(2) {
        for c in deleted.chars() {
            let key = vm.new_int(i64::from(u32::from(c)));
            dict_set(vm, table, key, Value::NONE)?;
        }
    }
    Ok(table)
}

/// `str.translate(table)`: each character's code point is looked up in `table`
/// (missing: kept; None: deleted; an int: that code point; a str: inserted).
fn str_translate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "translate", kw)?;
    arg_count(vm, "str.translate", args, 2, 2)?;
    let s = this_str(vm, args, "translate")?;
    let table = args[1];
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = vm.new_int(i64::from(u32::from(c)));
        let mapped = match crate::ops::getitem(vm, table, key) {
            Ok(v) => v,
            Err(e) if vm.isinstance(e.0, vm.exceptions.lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if mapped.is_none() {
            continue;
        }
        if let Some(text) = str_text(&mapped) {
            out.push_str(text);
            continue;
        }
        match int_view(&mapped).and_then(|v| v.to_i64()) {
            Some(code) => match u32::try_from(code).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            },
            None => return Err(vm.type_error("character mapping must return integer, None or str")),
        }
    }
    Ok(vm.new_string(out))
}

/// The special methods builtin values expose as attributes (`[].__len__`,
/// `iter(x).__next__`, …), bound to the value and backed by the generic operations.
fn slot_wrapper(vm: &mut Vm, obj: Value, name: &str) -> Option<Value> {
    let is_container = matches!(
        kind(&obj),
        Some(
            ObjKind::Str(_)
                | ObjKind::List(_)
                | ObjKind::Tuple(_)
                | ObjKind::Dict(_)
                | ObjKind::Set(_)
                | ObjKind::Range(_)
                | ObjKind::DictView(_)
        )
    );
    let is_iterator = matches!(
        kind(&obj),
        Some(ObjKind::Iterator(_) | ObjKind::Generator(_))
    );
    let is_subscriptable = matches!(
        kind(&obj),
        Some(
            ObjKind::Str(_)
                | ObjKind::List(_)
                | ObjKind::Tuple(_)
                | ObjKind::Dict(_)
                | ObjKind::Range(_)
        )
    );
    let is_number = int_view(&obj).is_some() || obj.is_float();
    if is_number {
        let int_only: &[(&str, NativeFn)] = if obj.is_float() {
            &[]
        } else {
            &[("__index__", number_int)]
        };
        let found = NUMBER_SLOTS
            .iter()
            .chain(NUMBER_BINARY_SLOTS)
            .chain(NUMBER_COMPARE_SLOTS)
            .chain(int_only)
            .find(|(n, _)| *n == name);
        if let Some((name, func)) = found {
            let owner = vm.type_of(obj);
            return Some(vm.alloc(ObjKind::Native(NativeObj {
                name,
                func: *func,
                receiver: obj,
                owner,
            })));
        }
    }
    let func: NativeFn = match name {
        "__len__" if is_container => slot_len,
        "__contains__" if is_container => slot_contains,
        "__iter__" if is_container || is_iterator => slot_iter,
        "__next__" if is_iterator => slot_next,
        "__getitem__" if is_subscriptable => slot_getitem,
        "__repr__" => slot_repr,
        "__str__" => slot_str,
        "__hash__" => slot_hash,
        "__eq__" => slot_eq,
        "__ne__" => slot_ne,
        _ => return None,
    };
    let name: &'static str = match name {
        "__len__" => "__len__",
        "__contains__" => "__contains__",
        "__iter__" => "__iter__",
        "__next__" => "__next__",
        "__getitem__" => "__getitem__",
        "__repr__" => "__repr__",
        "__str__" => "__str__",
        "__hash__" => "__hash__",
        "__eq__" => "__eq__",
        _ => "__ne__",
    };
    let owner = vm.type_of(obj);
    Some(vm.alloc(ObjKind::Native(NativeObj {
        name,
        func,
        receiver: obj,
        owner,
    })))
}

fn slot_len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "__len__", &args[1..], 0, 0)?;
    let n = ops::len(vm, args[0])?;
    Ok(vm.new_int(n as i64))
}

fn slot_contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "__contains__", &args[1..], 1, 1)?;
    Ok(Value::bool(ops::contains(vm, args[0], args[1])?))
}

fn slot_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "__iter__", &args[1..], 0, 0)?;
    crate::iter::get_iter(vm, args[0])
}

fn slot_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "__next__", &args[1..], 0, 0)?;
    match crate::iter::next(vm, args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration()),
    }
}

fn slot_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "__getitem__", &args[1..], 1, 1)?;
    ops::getitem(vm, args[0], args[1])
}

fn slot_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let text = display::repr(vm, args[0])?;
    Ok(vm.new_string(text))
}

fn slot_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let text = display::str(vm, args[0])?;
    Ok(vm.new_string(text))
}

fn slot_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let h = ops::hash(vm, args[0])?;
    Ok(vm.new_int(h))
}

/// Whether `other` is an operand the number `receiver`'s own operator methods accept:
/// an `int` takes ints (and bools), a `float` also takes ints.
fn number_operand(receiver: Value, other: Value) -> bool {
    int_view(&other).is_some() || (receiver.is_float() && other.is_float())
}

/// `int`/`float` operator methods (`(1).__add__(2)`, `(2.5).__rmul__(2)`): the
/// operation for accepted operands, NotImplemented otherwise.
macro_rules! number_slots {
    ($( $name:literal, $reflected:literal => $forward_fn:ident, $reflected_fn:ident, $op:ident; )*) => {
        $(
            fn $forward_fn(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                arg_count(vm, $name, &args[1..], 1, 1)?;
                if !number_operand(args[0], args[1]) {
                    return Ok(Value::NOT_IMPLEMENTED);
                }
                ops::binary_op(vm, args[0], args[1], BinaryOpArg::$op)
            }
            fn $reflected_fn(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                arg_count(vm, $reflected, &args[1..], 1, 1)?;
                if !number_operand(args[0], args[1]) {
                    return Ok(Value::NOT_IMPLEMENTED);
                }
                ops::binary_op(vm, args[1], args[0], BinaryOpArg::$op)
            }
        )*
        const NUMBER_BINARY_SLOTS: &[(&str, NativeFn)] = &[
            $( ($name, $forward_fn), ($reflected, $reflected_fn), )*
        ];
    };
}

number_slots! {
    "__add__", "__radd__" => number_add, number_radd, Add;
    "__sub__", "__rsub__" => number_sub, number_rsub, Subtract;
    "__mul__", "__rmul__" => number_mul, number_rmul, Multiply;
    "__truediv__", "__rtruediv__" => number_truediv, number_rtruediv, TrueDivide;
    "__floordiv__", "__rfloordiv__" => number_floordiv, number_rfloordiv, FloorDivide;
    "__mod__", "__rmod__" => number_mod, number_rmod, Remainder;
    "__pow__", "__rpow__" => number_pow, number_rpow, Power;
    "__and__", "__rand__" => number_and, number_rand, And;
    "__or__", "__ror__" => number_or, number_ror, Or;
    "__xor__", "__rxor__" => number_xor, number_rxor, Xor;
    "__lshift__", "__rlshift__" => number_lshift, number_rlshift, Lshift;
    "__rshift__", "__rrshift__" => number_rshift, number_rrshift, Rshift;
}

/// `int`/`float` comparison methods: NotImplemented for operands they do not take.
macro_rules! number_compares {
    ($( $name:literal => $fn_name:ident, $op:ident; )*) => {
        $(
            fn $fn_name(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                arg_count(vm, $name, &args[1..], 1, 1)?;
                if !number_operand(args[0], args[1]) {
                    return Ok(Value::NOT_IMPLEMENTED);
                }
                ops::compare(vm, args[0], args[1], cpjit_bytecode::CompareOp::$op)
            }
        )*
        const NUMBER_COMPARE_SLOTS: &[(&str, NativeFn)] = &[ $( ($name, $fn_name), )* ];
    };
}

number_compares! {
    "__lt__" => number_lt, Lt;
    "__le__" => number_le, Le;
    "__gt__" => number_gt, Gt;
    "__ge__" => number_ge, Ge;
}

fn number_neg(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "__neg__", &args[1..], 0, 0)?;
    ops::unary_negative(vm, args[0])
}

fn number_abs(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "__abs__", &args[1..], 0, 0)?;
    if let Some(f) = args[0].as_float() {
        return Ok(Value::float(f.abs()));
    }
    if ops::compare(
        vm,
        args[0],
        Value::small_int(0).unwrap_or(Value::NONE),
        cpjit_bytecode::CompareOp::Lt,
    )? == Value::TRUE
    {
        return ops::unary_negative(vm, args[0]);
    }
    ops::unary_positive(vm, args[0])
}

fn number_bool(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "__bool__", &args[1..], 0, 0)?;
    Ok(Value::bool(ops::truthy(vm, args[0])?))
}

/// `__int__` (and an int's `__index__`): the value as an int.
fn number_int(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "__int__", &args[1..], 0, 0)?;
    if let Some(f) = args[0].as_float() {
        return crate::numeric::float_to_int(vm, f.trunc());
    }
    let v = int_view(&args[0])
        .map(|v| v.to_bigint())
        .unwrap_or_default();
    Ok(vm.new_bigint(v))
}

/// `__float__`: the value as a float.
fn number_float(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "__float__", &args[1..], 0, 0)?;
    match crate::numeric::as_f64(vm, args[0]) {
        Some(f) => Ok(Value::float(f?)),
        None => Err(vm.type_error("descriptor '__float__' requires a number")),
    }
}

/// The operator methods numbers expose as attributes.
const NUMBER_SLOTS: &[(&str, NativeFn)] = &[
    ("__neg__", number_neg),
    ("__abs__", number_abs),
    ("__bool__", number_bool),
    ("__int__", number_int),
    ("__float__", number_float),
];

fn slot_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "__eq__", &args[1..], 1, 1)?;
    Ok(Value::bool(eq(vm, args[0], args[1])?))
}

fn slot_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "__ne__", &args[1..], 1, 1)?;
    Ok(Value::bool(!eq(vm, args[0], args[1])?))
}

/// Non-method attributes of builtin values (`x.real`, `x.imag`, …).
pub fn builtin_attribute(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Option<Value>> {
    if name.starts_with("__") && !matches!(kind(&obj), Some(ObjKind::Instance(_))) {
        if let Some(wrapper) = slot_wrapper(vm, obj, name) {
            return Ok(Some(wrapper));
        }
    }
    if let Some(view) = int_view(&obj) {
        return Ok(match name {
            "real" | "numerator" => {
                let v = view.to_bigint();
                Some(vm.new_bigint(v))
            }
            "imag" => Some(vm.new_int(0)),
            "denominator" => Some(vm.new_int(1)),
            _ => None,
        });
    }
    if let Some(f) = obj.as_float() {
        return Ok(match name {
            "real" => Some(Value::float(f)),
            "imag" => Some(Value::float(0.0)),
            _ => None,
        });
    }
    if let Some(ObjKind::Range(r)) = kind(&obj) {
        let r = **r;
        return Ok(match name {
            "start" => Some(vm.new_int_i128(r.start)),
            "stop" => Some(vm.new_int_i128(r.stop)),
            "step" => Some(vm.new_int_i128(r.step)),
            _ => None,
        });
    }
    if let Some(ObjKind::Slice(s)) = kind(&obj) {
        return Ok(match name {
            "start" => Some(s.start),
            "stop" => Some(s.stop),
            "step" => Some(s.step),
            "indices" => {
                let owner = vm.types.slice;
                Some(vm.alloc(ObjKind::Native(NativeObj {
                    name: "indices",
                    func: slice_indices_method,
                    receiver: obj,
                    owner,
                })))
            }
            _ => None,
        });
    }
    Ok(None)
}

/// `slice.indices(length)`: `(start, stop, step)` resolved against `length`.
fn slice_indices_method(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "indices", kw)?;
    arg_count(vm, "indices", &args[1..], 1, 1)?;
    let Some(length) = crate::ops::index_value(vm, args[1])? else {
        let name = vm.type_name(args[1]);
        return Err(vm.type_error(format!(
            "'{name}' object cannot be interpreted as an integer"
        )));
    };
    if length < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let Some(ObjKind::Slice(s)) = kind(&args[0]) else {
        return Err(vm.type_error("descriptor 'indices' requires a 'slice' object"));
    };
    let (start, stop, step, _) = crate::ops::slice_indices(vm, s, length)?;
    let items = vec![vm.new_int(start), vm.new_int(stop), vm.new_int(step)];
    Ok(vm.new_tuple(items))
}

fn this_str(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<String> {
    match args.first().and_then(str_text) {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!("descriptor '{method}' requires a 'str' object"))),
    }
}

fn str_arg(vm: &mut Vm, value: Value, method: &str, position: usize) -> PyResult<String> {
    match str_text(&value) {
        Some(s) => Ok(s.to_string()),
        None => {
            let name = vm.type_name(value);
            let _ = position;
            Err(vm.type_error(format!("{method}() argument must be str, not {name}")))
        }
    }
}

fn optional_str(vm: &mut Vm, value: Value, method: &str) -> PyResult<Option<String>> {
    if value.is_null() || value.is_none() {
        return Ok(None);
    }
    match str_text(&value) {
        Some(s) => Ok(Some(s.to_string())),
        None => {
            let name = vm.type_name(value);
            Err(vm.type_error(format!("{method} arg must be None or str, not {name}")))
        }
    }
}

fn int_arg(vm: &mut Vm, value: Value, default: i64) -> PyResult<i64> {
    if value.is_null() || value.is_none() {
        return Ok(default);
    }
    match ops::to_i64(value) {
        Some(i) => Ok(i),
        None => {
            let name = vm.type_name(value);
            Err(vm.type_error(format!(
                "'{name}' object cannot be interpreted as an integer"
            )))
        }
    }
}

// ----- str ------------------------------------------------------------------------------

const STR_METHODS: &[(&str, NativeFn)] = &[
    ("upper", str_upper),
    ("lower", str_lower),
    ("strip", str_strip),
    ("lstrip", str_lstrip),
    ("rstrip", str_rstrip),
    ("split", str_split),
    ("rsplit", str_rsplit),
    ("join", str_join),
    ("replace", str_replace),
    ("find", str_find),
    ("rfind", str_rfind),
    ("index", str_index),
    ("rindex", str_rindex),
    ("count", str_count),
    ("startswith", str_startswith),
    ("endswith", str_endswith),
    ("isdigit", str_isdigit),
    ("isdecimal", str_isdecimal),
    ("isnumeric", str_isnumeric),
    ("isalpha", str_isalpha),
    ("isalnum", str_isalnum),
    ("isspace", str_isspace),
    ("isupper", str_isupper),
    ("islower", str_islower),
    ("isidentifier", str_isidentifier),
    ("istitle", str_istitle),
    ("title", str_title),
    ("capitalize", str_capitalize),
    ("swapcase", str_swapcase),
    ("casefold", str_casefold),
    ("translate", str_translate),
    ("center", str_center),
    ("ljust", str_ljust),
    ("rjust", str_rjust),
    ("zfill", str_zfill),
    ("partition", str_partition),
    ("rpartition", str_rpartition),
    ("splitlines", str_splitlines),
    ("format", str_format_method),
    ("format_map", str_format_map),
    ("expandtabs", str_expandtabs),
    ("removeprefix", str_removeprefix),
    ("removesuffix", str_removesuffix),
    ("__len__", str_len),
];

fn str_len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = ops::len(vm, args[0])?;
    Ok(vm.new_int(n as i64))
}

fn str_upper(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "upper", kw)?;
    arg_count(vm, "str.upper", args, 1, 1)?;
    let s = this_str(vm, args, "upper")?;
    Ok(vm.new_string(s.to_uppercase()))
}

fn str_lower(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "lower", kw)?;
    arg_count(vm, "str.lower", args, 1, 1)?;
    let s = this_str(vm, args, "lower")?;
    Ok(vm.new_string(s.to_lowercase()))
}

/// `str.casefold()`: lowercase, then the case foldings of Unicode's CaseFolding.txt
/// that differ from lowercasing for the common cases (sharp s, final sigma, the Greek
/// symbol variants, long s, micro sign and the Latin ligatures).
fn str_casefold(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "casefold", kw)?;
    arg_count(vm, "str.casefold", args, 1, 1)?;
    let s = this_str(vm, args, "casefold")?;
    let mut out = String::with_capacity(s.len());
    for c in s.to_lowercase().chars() {
        let folded: &str = match c {
            'ß' | 'ẞ' => "ss",
            'ſ' => "s",
            'ς' => "σ",
            'µ' => "μ",
            'ϐ' => "β",
            'ϑ' => "θ",
            'ϕ' => "φ",
            'ϖ' => "π",
            'ϰ' => "κ",
            'ϱ' => "ρ",
            'ϵ' => "ε",
            'ﬀ' => "ff",
            'ﬁ' => "fi",
            'ﬂ' => "fl",
            'ﬃ' => "ffi",
            'ﬄ' => "ffl",
            'ﬅ' | 'ﬆ' => "st",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(folded);
    }
    Ok(vm.new_string(out))
}

fn strip_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    no_kwargs(vm, name, kw)?;
    arg_count(vm, name, &args[1..], 0, 1)?;
    let s = this_str(vm, args, name)?;
    let chars = optional_str(vm, args.get(1).copied().unwrap_or(Value::NULL), name)?;
    let is_strip = |c: char| match &chars {
        Some(set) => set.contains(c),
        None => c.is_whitespace(),
    };
    let mut result: &str = &s;
    if left {
        result = result.trim_start_matches(is_strip);
    }
    if right {
        result = result.trim_end_matches(is_strip);
    }
    if result.len() == s.len() {
        return Ok(args[0]);
    }
    Ok(vm.new_str(result))
}

fn str_strip(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(vm, args, kw, "strip", true, true)
}

fn str_lstrip(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(vm, args, kw, "lstrip", true, false)
}

fn str_rstrip(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(vm, args, kw, "rstrip", false, true)
}

fn split_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    from_right: bool,
) -> PyResult<Value> {
    let bound = bind(vm, name, &args[1..], kw, &["sep", "maxsplit"], 0, &[])?;
    let s = this_str(vm, args, name)?;
    let sep = optional_str(vm, bound[0], name)?;
    let maxsplit = int_arg(vm, bound[1], -1)?;
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let pieces: Vec<String> = match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            if from_right {
                let mut parts: Vec<String> = s
                    .rsplitn(limit.saturating_add(1), sep.as_str())
                    .map(String::from)
                    .collect();
                parts.reverse();
                parts
            } else {
                s.splitn(limit.saturating_add(1), sep.as_str())
                    .map(String::from)
                    .collect()
            }
        }
        None => whitespace_split(&s, limit, from_right),
    };
    let values = pieces.into_iter().map(|p| vm.new_string(p)).collect();
    Ok(vm.new_list(values))
}

fn whitespace_split(s: &str, limit: usize, from_right: bool) -> Vec<String> {
    let mut parts = Vec::new();
    if from_right {
        let mut rest = s.trim_end();
        while !rest.is_empty() {
            if parts.len() == limit {
                parts.push(rest.to_string());
                break;
            }
            match rest.rfind(char::is_whitespace) {
                Some(pos) => {
                    let ws_len = rest[pos..].chars().next().map_or(1, char::len_utf8);
                    parts.push(rest[pos + ws_len..].to_string());
                    rest = rest[..pos].trim_end();
                }
                None => {
                    parts.push(rest.to_string());
                    break;
                }
            }
        }
        parts.reverse();
    } else {
        let mut rest = s.trim_start();
        while !rest.is_empty() {
            if parts.len() == limit {
                parts.push(rest.to_string());
                break;
            }
            match rest.find(char::is_whitespace) {
                Some(pos) => {
                    parts.push(rest[..pos].to_string());
                    rest = rest[pos..].trim_start();
                }
                None => {
                    parts.push(rest.to_string());
                    break;
                }
            }
        }
    }
    parts
}

fn str_split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    split_impl(vm, args, kw, "split", false)
}

fn str_rsplit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    split_impl(vm, args, kw, "rsplit", true)
}

fn str_join(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "join", kw)?;
    arg_count(vm, "str.join", &args[1..], 1, 1)?;
    let sep = this_str(vm, args, "join")?;
    let items = crate::iter::collect(vm, args[1])?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        // A `str` subclass instance joins as the text inside it.
        let text_value = crate::object::builtin_payload(item).unwrap_or(*item);
        match str_text(&text_value) {
            Some(t) => out.push_str(t),
            None => {
                let name = vm.type_name(*item);
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {name} found"
                )));
            }
        }
    }
    Ok(vm.new_string(out))
}

fn str_replace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let bound = bind(
        vm,
        "replace",
        &args[1..],
        kw,
        &["old", "new", "count"],
        2,
        &[],
    )?;
    let s = this_str(vm, args, "replace")?;
    let old = str_arg(vm, bound[0], "replace", 1)?;
    let new = str_arg(vm, bound[1], "replace", 2)?;
    let count = int_arg(vm, bound[2], -1)?;
    let result = if count < 0 {
        s.replace(&old, &new)
    } else if old.is_empty() {
        // Insert `new` before each of the first `count` characters (and at the end).
        let mut out = String::new();
        let mut inserted = 0;
        for c in s.chars() {
            if inserted < count {
                out.push_str(&new);
                inserted += 1;
            }
            out.push(c);
        }
        if inserted < count {
            out.push_str(&new);
        }
        out
    } else {
        s.replacen(&old, &new, count as usize)
    };
    Ok(vm.new_string(result))
}

/// Resolves optional start/end arguments to a char range of `s`, returned as byte range.
fn char_window(s: &str, start: i64, end: i64) -> Option<(usize, usize)> {
    let len = s.chars().count() as i64;
    let norm = |i: i64| -> i64 {
        if i < 0 {
            (i + len).max(0)
        } else {
            i.min(len)
        }
    };
    let (start, end) = (norm(start), norm(end));
    if start > end {
        return None;
    }
    let byte_at = |ci: i64| -> usize {
        s.char_indices()
            .nth(ci as usize)
            .map_or(s.len(), |(b, _)| b)
    };
    Some((byte_at(start), byte_at(end)))
}

fn byte_to_char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

fn find_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    reverse: bool,
) -> PyResult<Option<i64>> {
    no_kwargs(vm, name, kw)?;
    arg_count(vm, name, &args[1..], 1, 3)?;
    let s = this_str(vm, args, name)?;
    let needle = str_arg(vm, args[1], name, 1)?;
    let start = int_arg(vm, args.get(2).copied().unwrap_or(Value::NULL), 0)?;
    let end = int_arg(vm, args.get(3).copied().unwrap_or(Value::NULL), i64::MAX)?;
    let Some((lo, hi)) = char_window(&s, start, end) else {
        return Ok(None);
    };
    let window = &s[lo..hi];
    let found = if reverse {
        window.rfind(&needle)
    } else {
        window.find(&needle)
    };
    Ok(found.map(|b| byte_to_char_index(&s, lo + b)))
}

fn str_find(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let r = find_impl(vm, args, kw, "find", false)?;
    Ok(vm.new_int(r.unwrap_or(-1)))
}

fn str_rfind(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let r = find_impl(vm, args, kw, "rfind", true)?;
    Ok(vm.new_int(r.unwrap_or(-1)))
}

fn str_index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match find_impl(vm, args, kw, "index", false)? {
        Some(i) => Ok(vm.new_int(i)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_rindex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match find_impl(vm, args, kw, "rindex", true)? {
        Some(i) => Ok(vm.new_int(i)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "count", kw)?;
    arg_count(vm, "count", &args[1..], 1, 3)?;
    let s = this_str(vm, args, "count")?;
    let needle = str_arg(vm, args[1], "count", 1)?;
    let start = int_arg(vm, args.get(2).copied().unwrap_or(Value::NULL), 0)?;
    let end = int_arg(vm, args.get(3).copied().unwrap_or(Value::NULL), i64::MAX)?;
    let Some((lo, hi)) = char_window(&s, start, end) else {
        return Ok(vm.new_int(0));
    };
    let window = &s[lo..hi];
    let n = if needle.is_empty() {
        window.chars().count() + 1
    } else {
        window.matches(&needle).count()
    };
    Ok(vm.new_int(n as i64))
}

fn affix_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    suffix: bool,
) -> PyResult<Value> {
    no_kwargs(vm, name, kw)?;
    arg_count(vm, name, &args[1..], 1, 3)?;
    let s = this_str(vm, args, name)?;
    let start = int_arg(vm, args.get(2).copied().unwrap_or(Value::NULL), 0)?;
    let end = int_arg(vm, args.get(3).copied().unwrap_or(Value::NULL), i64::MAX)?;
    let candidates: Vec<String> = match kind(&args[1]) {
        Some(ObjKind::Str(p)) => vec![p.text.to_string()],
        Some(ObjKind::Tuple(items)) => {
            let items = items.to_vec();
            let mut out = Vec::new();
            for item in items {
                match str_text(&item) {
                    Some(t) => out.push(t.to_string()),
                    None => {
                        let tn = vm.type_name(item);
                        return Err(vm.type_error(format!(
                            "tuple for {name} must only contain str, not {tn}"
                        )));
                    }
                }
            }
            out
        }
        _ => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {tn}"
            )));
        }
    };
    let Some((lo, hi)) = char_window(&s, start, end) else {
        return Ok(Value::FALSE);
    };
    let window = &s[lo..hi];
    let hit = candidates.iter().any(|c| {
        if suffix {
            window.ends_with(c.as_str())
        } else {
            window.starts_with(c.as_str())
        }
    });
    Ok(Value::bool(hit))
}

fn str_startswith(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_impl(vm, args, kw, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_impl(vm, args, kw, "endswith", true)
}

fn predicate(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    test: impl Fn(&str) -> bool,
) -> PyResult<Value> {
    arg_count(vm, name, &args[1..], 0, 0)?;
    let s = this_str(vm, args, name)?;
    Ok(Value::bool(test(&s)))
}

/// Numeric characters that are not decimal digits (Unicode categories No/Nl), by range.
fn is_non_decimal_numeric(c: char) -> bool {
    matches!(c as u32,
        0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE | 0x9F4..=0x9F9 | 0xBF0..=0xBF2 | 0xF2A..=0xF33
        | 0x1369..=0x137C | 0x16EE..=0x16F0 | 0x17F0..=0x17F9 | 0x2070..=0x2079 | 0x2080..=0x2089
        | 0x2150..=0x218B | 0x2460..=0x249B | 0x24EA..=0x24FF | 0x2776..=0x2793 | 0x2CFD
        | 0x3007 | 0x3021..=0x3029 | 0x3038..=0x303A | 0x3192..=0x3195 | 0x3220..=0x3229
        | 0x3248..=0x324F | 0x3251..=0x325F | 0x3280..=0x3289 | 0x32B1..=0x32BF
        | 0x10107..=0x10133 | 0x1F100..=0x1F10C)
}

/// Non-decimal characters whose Unicode numeric type is "Digit" (superscripts,
/// subscripts, circled digits), which `str.isdigit` accepts.
fn is_digit_not_decimal(c: char) -> bool {
    matches!(c as u32,
        0xB2 | 0xB3 | 0xB9 | 0x1369..=0x1371 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089
        | 0x2460..=0x2468 | 0x2474..=0x247C | 0x2488..=0x2490 | 0x24EA | 0x24F5..=0x24FD
        | 0x24FF | 0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792 | 0x1F100..=0x1F10A)
}

fn is_decimal_char(c: char) -> bool {
    c.is_numeric() && !is_non_decimal_numeric(c)
}

fn str_isdigit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    predicate(vm, args, "isdigit", |s| {
        !s.is_empty()
            && s.chars()
                .all(|c| is_decimal_char(c) || is_digit_not_decimal(c))
    })
}

fn str_isdecimal(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    predicate(vm, args, "isdecimal", |s| {
        !s.is_empty() && s.chars().all(is_decimal_char)
    })
}

fn str_isnumeric(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    predicate(vm, args, "isnumeric", |s| {
        !s.is_empty() && s.chars().all(char::is_numeric)
    })
}

fn str_isalpha(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    predicate(vm, args, "isalpha", |s| {
        !s.is_empty() && s.chars().all(char::is_alphabetic)
    })
}

fn str_isalnum(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    predicate(vm, args, "isalnum", |s| {
        !s.is_empty() && s.chars().all(char::is_alphanumeric)
    })
}

fn str_isspace(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    predicate(vm, args, "isspace", |s| {
        !s.is_empty() && s.chars().all(char::is_whitespace)
    })
}

fn str_isupper(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    predicate(vm, args, "isupper", |s| {
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
    })
}

fn str_islower(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    predicate(vm, args, "islower", |s| {
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase)
    })
}

fn str_isidentifier(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    predicate(vm, args, "isidentifier", |s| {
        let mut chars = s.chars();
        match chars.next() {
            Some(c) if c == '_' || c.is_alphabetic() => {
                chars.all(|c| c == '_' || c.is_alphanumeric())
            }
            _ => false,
        }
    })
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for c in s.chars() {
        if previous_cased {
            out.extend(c.to_lowercase());
        } else {
            push_titlecase(&mut out, c);
        }
        previous_cased = c.is_alphabetic();
    }
    out
}

/// Appends the titlecase form of `c`: its uppercase, except for the Latin digraphs
/// (which have a distinct titlecase letter) and the characters whose full titlecase
/// mapping is an uppercase letter followed by lowercase ones.
fn push_titlecase(out: &mut String, c: char) {
    let special = match c {
        'Ǆ' | 'ǅ' | 'ǆ' => "ǅ",
        'Ǉ' | 'ǈ' | 'ǉ' => "ǈ",
        'Ǌ' | 'ǋ' | 'ǌ' => "ǋ",
        'Ǳ' | 'ǲ' | 'ǳ' => "ǲ",
        'ß' => "Ss",
        'ﬀ' => "Ff",
        'ﬁ' => "Fi",
        'ﬂ' => "Fl",
        'ﬃ' => "Ffi",
        'ﬄ' => "Ffl",
        'ﬅ' | 'ﬆ' => "St",
        _ => {
            out.extend(c.to_uppercase());
            return;
        }
    };
    out.push_str(special);
}

fn str_istitle(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    predicate(vm, args, "istitle", |s| {
        s.chars().any(char::is_alphabetic) && title_case(s) == s
    })
}

fn str_title(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this_str(vm, args, "title")?;
    Ok(vm.new_string(title_case(&s)))
}

fn str_capitalize(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this_str(vm, args, "capitalize")?;
    let mut chars = s.chars();
    let mut result = String::with_capacity(s.len());
    if let Some(first) = chars.next() {
        push_titlecase(&mut result, first);
        result.extend(chars.flat_map(char::to_lowercase));
    }
    Ok(vm.new_string(result))
}

fn str_swapcase(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this_str(vm, args, "swapcase")?;
    let result: String = s
        .chars()
        .flat_map(|c| {
            if c.is_uppercase() {
                c.to_lowercase().collect::<Vec<_>>()
            } else {
                c.to_uppercase().collect::<Vec<_>>()
            }
        })
        .collect();
    Ok(vm.new_string(result))
}

fn justify(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult<Value> {
    no_kwargs(vm, name, kw)?;
    arg_count(vm, name, &args[1..], 1, 2)?;
    let s = this_str(vm, args, name)?;
    let width = int_arg(vm, args[1], 0)?;
    let fill = match args.get(2) {
        Some(v) => match str_text(v) {
            Some(t) if t.chars().count() == 1 => t.chars().next().unwrap_or(' '),
            _ => return Err(vm.type_error("The fill character must be exactly one character long")),
        },
        None => ' ',
    };
    let len = s.chars().count() as i64;
    if width <= len {
        return Ok(args[0]);
    }
    let total = (width - len) as usize;
    let fill_n = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    let result = match name {
        "ljust" => format!("{s}{}", fill_n(total)),
        "rjust" => format!("{}{s}", fill_n(total)),
        _ => {
            // CPython's center: left gets the extra char when total is odd and width odd.
            let left = total / 2 + (total & width as usize & 1);
            format!("{}{s}{}", fill_n(left), fill_n(total - left))
        }
    };
    Ok(vm.new_string(result))
}

fn str_center(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    justify(vm, args, kw, "center")
}

fn str_ljust(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    justify(vm, args, kw, "ljust")
}

fn str_rjust(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    justify(vm, args, kw, "rjust")
}

fn str_zfill(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "zfill", kw)?;
    arg_count(vm, "zfill", &args[1..], 1, 1)?;
    let s = this_str(vm, args, "zfill")?;
    let width = int_arg(vm, args[1], 0)?;
    let len = s.chars().count() as i64;
    if width <= len {
        return Ok(args[0]);
    }
    let zeros = "0".repeat((width - len) as usize);
    let result = if s.starts_with('+') || s.starts_with('-') {
        format!("{}{zeros}{}", &s[..1], &s[1..])
    } else {
        format!("{zeros}{s}")
    };
    Ok(vm.new_string(result))
}

fn partition_impl(vm: &mut Vm, args: &[Value], name: &str, reverse: bool) -> PyResult<Value> {
    arg_count(vm, name, &args[1..], 1, 1)?;
    let s = this_str(vm, args, name)?;
    let sep = str_arg(vm, args[1], name, 1)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if reverse { s.rfind(&sep) } else { s.find(&sep) };
    let parts = match found {
        Some(pos) => [
            s[..pos].to_string(),
            sep.clone(),
            s[pos + sep.len()..].to_string(),
        ],
        None if reverse => [String::new(), String::new(), s.clone()],
        None => [s.clone(), String::new(), String::new()],
    };
    let values = parts.into_iter().map(|p| vm.new_string(p)).collect();
    Ok(vm.new_tuple(values))
}

fn str_partition(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}

fn str_rpartition(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

fn str_splitlines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let bound = bind(vm, "splitlines", &args[1..], kw, &["keepends"], 0, &[])?;
    let s = this_str(vm, args, "splitlines")?;
    let keep = !bound[0].is_null() && truthy(vm, bound[0])?;
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut ending = c.to_string();
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                ending.push('\n');
            }
            if keep {
                current.push_str(&ending);
            }
            lines.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let values = lines.into_iter().map(|l| vm.new_string(l)).collect();
    Ok(vm.new_list(values))
}

fn str_format_method(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = this_str(vm, args, "format")?;
    let (positional, keywords) = split_kwargs(&args[1..], kw);
    let positional = positional.to_vec();
    let result = crate::format::str_format(vm, &s, &positional, &keywords)?;
    Ok(vm.new_string(result))
}

/// `str.format_map(mapping)`: `format(**mapping)` without copying into keyword
/// arguments first (the mapping's items are the named fields).
fn str_format_map(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "format_map", kw)?;
    arg_count(vm, "format_map", &args[1..], 1, 1)?;
    let s = this_str(vm, args, "format_map")?;
    let Some(keywords) = mapping_items(vm, args[1])? else {
        let name = vm.type_name(args[1]);
        return Err(vm.type_error(format!("'{name}' object is not a mapping")));
    };
    let result = crate::format::str_format(vm, &s, &[], &keywords)?;
    Ok(vm.new_string(result))
}

fn str_expandtabs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let bound = bind(vm, "expandtabs", &args[1..], kw, &["tabsize"], 0, &[])?;
    let s = this_str(vm, args, "expandtabs")?;
    let tab = int_arg(vm, bound[0], 8)?.max(0) as usize;
    let mut out = String::new();
    let mut column = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let spaces = tab - column % tab;
                    out.push_str(&" ".repeat(spaces));
                    column += spaces;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(vm.new_string(out))
}

fn str_removeprefix(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "removeprefix", &args[1..], 1, 1)?;
    let s = this_str(vm, args, "removeprefix")?;
    let p = str_arg(vm, args[1], "removeprefix", 1)?;
    Ok(vm.new_str(s.strip_prefix(p.as_str()).unwrap_or(&s)))
}

fn str_removesuffix(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "removesuffix", &args[1..], 1, 1)?;
    let s = this_str(vm, args, "removesuffix")?;
    let p = str_arg(vm, args[1], "removesuffix", 1)?;
    Ok(vm.new_str(s.strip_suffix(p.as_str()).unwrap_or(&s)))
}

// ----- list -----------------------------------------------------------------------------

const LIST_METHODS: &[(&str, NativeFn)] = &[
    ("append", list_append),
    ("extend", list_extend),
    ("insert", list_insert),
    ("pop", list_pop),
    ("remove", list_remove),
    ("index", list_index),
    ("count", list_count),
    ("sort", list_sort),
    ("reverse", list_reverse),
    ("clear", list_clear),
    ("copy", list_copy),
];

fn list_items(v: &Value) -> &crate::layout::ListObj {
    match kind(v) {
        Some(ObjKind::List(items)) => items,
        _ => panic!("list method called on a non-list (descriptor checks precede this)"),
    }
}

fn check_list(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<()> {
    match args.first().map(kind) {
        Some(Some(ObjKind::List(_))) => Ok(()),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply"
        ))),
    }
}

fn list_append(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_list(vm, args, "append")?;
    no_kwargs(vm, "list.append", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "list.append() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    list_items(&args[0]).borrow_mut().push(args[1]);
    Ok(Value::NONE)
}

fn list_extend(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_list(vm, args, "extend")?;
    arg_count(vm, "list.extend", &args[1..], 1, 1)?;
    let items = crate::iter::collect(vm, args[1])?;
    list_items(&args[0]).borrow_mut().extend(items);
    Ok(Value::NONE)
}

fn list_insert(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_list(vm, args, "insert")?;
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "insert expected 2 arguments, got {}",
            args.len() - 1
        )));
    }
    let index = int_arg(vm, args[1], 0)?;
    let mut items = list_items(&args[0]).borrow_mut();
    let len = items.len() as i64;
    let position = if index < 0 {
        (index + len).max(0)
    } else {
        index.min(len)
    };
    items.insert(position as usize, args[2]);
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_list(vm, args, "pop")?;
    arg_count(vm, "pop", &args[1..], 0, 1)?;
    let index = int_arg(vm, args.get(1).copied().unwrap_or(Value::NULL), -1)?;
    let mut items = list_items(&args[0]).borrow_mut();
    if items.is_empty() {
        drop(items);
        return Err(vm.index_error("pop from empty list"));
    }
    let len = items.len() as i64;
    let i = if index < 0 { index + len } else { index };
    if i < 0 || i >= len {
        drop(items);
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(items.remove(i as usize))
}

fn list_position(
    vm: &mut Vm,
    list: Value,
    item: Value,
    start: usize,
    end: usize,
) -> PyResult<Option<usize>> {
    let snapshot = list_items(&list).borrow().to_vec();
    for (i, candidate) in snapshot.iter().enumerate().take(end).skip(start) {
        if *candidate == item || eq(vm, *candidate, item)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn list_remove(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_list(vm, args, "remove")?;
    arg_count(vm, "list.remove", &args[1..], 1, 1)?;
    match list_position(vm, args[0], args[1], 0, usize::MAX)? {
        Some(i) => {
            let mut items = list_items(&args[0]).borrow_mut();
            if i < items.len() {
                items.remove(i);
            }
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn window(len: usize, start: i64, end: i64) -> (usize, usize) {
    let len = len as i64;
    let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
    (norm(start) as usize, norm(end) as usize)
}

fn list_index(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_list(vm, args, "index")?;
    arg_count(vm, "index", &args[1..], 1, 3)?;
    let start = int_arg(vm, args.get(2).copied().unwrap_or(Value::NULL), 0)?;
    let end = int_arg(vm, args.get(3).copied().unwrap_or(Value::NULL), i64::MAX)?;
    let len = list_items(&args[0]).borrow().len();
    let (lo, hi) = window(len, start, end);
    match list_position(vm, args[0], args[1], lo, hi)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => {
            let text = display::repr(vm, args[1])?;
            Err(vm.value_error(format!("{text} is not in list")))
        }
    }
}

fn list_count(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_list(vm, args, "count")?;
    arg_count(vm, "list.count", &args[1..], 1, 1)?;
    let snapshot = list_items(&args[0]).borrow().to_vec();
    let mut n = 0;
    for candidate in snapshot {
        if candidate == args[1] || eq(vm, candidate, args[1])? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

/// Stable merge sort with a fallible comparison (Python's `<`).
pub fn sort_values(
    vm: &mut Vm,
    items: &mut [Value],
    keys: Option<&[Value]>,
    reverse: bool,
) -> PyResult<()> {
    let n = items.len();
    let mut order: Vec<usize> = (0..n).collect();
    let key_of = |i: usize| keys.map_or(items[i], |k| k[i]);
    let mut error = None;
    // Insertion-merge sort over indices; `less` returns false after an error.
    let mut less = |vm: &mut Vm, a: usize, b: usize| -> bool {
        if error.is_some() {
            return false;
        }
        let (x, y) = (key_of(a), key_of(b));
        let result = if reverse {
            ops::less_than(vm, y, x)
        } else {
            ops::less_than(vm, x, y)
        };
        match result {
            Ok(v) => v,
            Err(e) => {
                error = Some(e);
                false
            }
        }
    };
    merge_sort(vm, &mut order, &mut less);
    if let Some(e) = error {
        return Err(e);
    }
    let sorted: Vec<Value> = order.iter().map(|&i| items[i]).collect();
    items.copy_from_slice(&sorted);
    Ok(())
}

fn merge_sort(
    vm: &mut Vm,
    v: &mut Vec<usize>,
    less: &mut dyn FnMut(&mut Vm, usize, usize) -> bool,
) {
    let n = v.len();
    if n <= 1 {
        return;
    }
    // Bottom-up: insertion sort runs of 16, then merge.
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && less(vm, v[j], v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buffer = vec![0usize; n];
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // Take from the right only when strictly less: keeps stability.
                if less(vm, v[j], v[i]) {
                    buffer[k] = v[j];
                    j += 1;
                } else {
                    buffer[k] = v[i];
                    i += 1;
                }
                k += 1;
            }
            while i < mid {
                buffer[k] = v[i];
                i += 1;
                k += 1;
            }
            while j < hi {
                buffer[k] = v[j];
                j += 1;
                k += 1;
            }
            lo = hi;
        }
        std::mem::swap(v, &mut buffer);
        width *= 2;
    }
}

fn list_sort(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_list(vm, args, "sort")?;
    let bound = bind(vm, "sort", &args[1..], kw, &[], 0, &["key", "reverse"])?;
    let list = args[0];
    let mut items = std::mem::take(&mut *list_items(&list).borrow_mut());
    let reverse = !bound[1].is_null() && truthy(vm, bound[1])?;
    let result = (|| {
        let keys = if bound[0].is_null() || bound[0].is_none() {
            None
        } else {
            let mut keys = Vec::with_capacity(items.len());
            for item in &items {
                keys.push(call(vm, bound[0], &[*item], &[])?);
            }
            Some(keys)
        };
        sort_values(vm, &mut items, keys.as_deref(), reverse)
    })();
    let modified = !list_items(&list).borrow().is_empty();
    *list_items(&list).borrow_mut() = items;
    result?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::NONE)
}

fn list_reverse(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_list(vm, args, "reverse")?;
    list_items(&args[0]).borrow_mut().reverse();
    Ok(Value::NONE)
}

fn list_clear(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_list(vm, args, "clear")?;
    list_items(&args[0]).borrow_mut().clear();
    Ok(Value::NONE)
}

fn list_copy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_list(vm, args, "copy")?;
    let items = list_items(&args[0]).borrow().to_vec();
    Ok(vm.new_list(items))
}

// ----- tuple ----------------------------------------------------------------------------

const TUPLE_METHODS: &[(&str, NativeFn)] = &[("index", tuple_index), ("count", tuple_count)];

fn tuple_values(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    match kind(&v) {
        Some(ObjKind::Tuple(items)) => Ok(items.to_vec()),
        _ => Err(vm.type_error("descriptor requires a 'tuple' object")),
    }
}

fn tuple_index(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "index", &args[1..], 1, 3)?;
    let items = tuple_values(vm, args[0])?;
    let start = int_arg(vm, args.get(2).copied().unwrap_or(Value::NULL), 0)?;
    let end = int_arg(vm, args.get(3).copied().unwrap_or(Value::NULL), i64::MAX)?;
    let (lo, hi) = window(items.len(), start, end);
    for (i, candidate) in items.iter().enumerate().take(hi).skip(lo) {
        if *candidate == args[1] || eq(vm, *candidate, args[1])? {
            return Ok(vm.new_int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "tuple.count", &args[1..], 1, 1)?;
    let items = tuple_values(vm, args[0])?;
    let mut n = 0;
    for candidate in items {
        if candidate == args[1] || eq(vm, candidate, args[1])? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

// ----- dict -----------------------------------------------------------------------------

const DICT_METHODS: &[(&str, NativeFn)] = &[
    ("get", dict_get_method),
    ("setdefault", dict_setdefault),
    ("pop", dict_pop),
    ("popitem", dict_popitem),
    ("update", dict_update),
    ("keys", dict_keys),
    ("values", dict_values),
    ("items", dict_items),
    ("copy", dict_copy_method),
    ("clear", dict_clear),
    ("fromkeys", dict_fromkeys),
];

fn check_dict(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<()> {
    match args.first().map(kind) {
        Some(Some(ObjKind::Dict(_))) => Ok(()),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'dict' objects doesn't apply"
        ))),
    }
}

fn dict_get_method(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_dict(vm, args, "get")?;
    arg_count(vm, "get", &args[1..], 1, 2)?;
    let default = args.get(2).copied().unwrap_or(Value::NONE);
    Ok(dict_get(vm, args[0], args[1])?.unwrap_or(default))
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_dict(vm, args, "setdefault")?;
    arg_count(vm, "setdefault", &args[1..], 1, 2)?;
    let default = args.get(2).copied().unwrap_or(Value::NONE);
    if let Some(v) = dict_get(vm, args[0], args[1])? {
        return Ok(v);
    }
    dict_set(vm, args[0], args[1], default)?;
    Ok(default)
}

fn dict_pop(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_dict(vm, args, "pop")?;
    arg_count(vm, "pop", &args[1..], 1, 2)?;
    match dict_remove(vm, args[0], args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(d) => Ok(*d),
            None => Err(vm.key_error(args[1])),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_dict(vm, args, "popitem")?;
    let entry = match kind(&args[0]) {
        Some(ObjKind::Dict(table)) => table.borrow_mut().pop_last(),
        _ => None,
    };
    match entry {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => Err(vm.new_error(vm.exceptions.key_error, "popitem(): dictionary is empty")),
    }
}

/// The (key, value) pairs of a mapping: a dict, or (as CPython's `PyDict_Merge`) any
/// object with a `keys` attribute, read through `keys()` and `obj[key]`. `None` when
/// `source` is not a mapping.
pub fn mapping_items(vm: &mut Vm, source: Value) -> PyResult<Option<Vec<(Value, Value)>>> {
    if let Some(ObjKind::Dict(table)) = kind(&source) {
        return Ok(Some(
            table.borrow().iter().map(|e| (e.key, e.value)).collect(),
        ));
    }
    if !matches!(kind(&source), Some(ObjKind::Instance(_))) {
        return Ok(None);
    }
    let keys_name = vm.intern_static("keys");
    let Some(keys_method) = crate::attr::lookup_attr(vm, source, keys_name)? else {
        return Ok(None);
    };
    vm.temp_roots.push(source);
    let result = (|| {
        let keys = crate::call::call(vm, keys_method, &[], &[])?;
        let keys = crate::iter::collect(vm, keys)?;
        let mut items = Vec::with_capacity(keys.len());
        for key in keys {
            let value = crate::ops::getitem(vm, source, key)?;
            items.push((key, value));
        }
        Ok(items)
    })();
    vm.temp_roots.pop();
    result.map(Some)
}

/// Merges `source` (a mapping or an iterable of pairs) into `target`.
pub fn dict_update_from(vm: &mut Vm, target: Value, source: Value) -> PyResult<()> {
    if let Some(entries) = mapping_items(vm, source)? {
        for (k, v) in entries {
            dict_set(vm, target, k, v)?;
        }
        return Ok(());
    }
    let items = crate::iter::collect(vm, source)?;
    for (i, item) in items.into_iter().enumerate() {
        let pair = crate::iter::collect(vm, item).map_err(|_| {
            vm.type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        dict_set(vm, target, pair[0], pair[1])?;
    }
    Ok(())
}

fn dict_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_dict(vm, args, "update")?;
    let (positional, keywords) = split_kwargs(&args[1..], kw);
    if positional.len() > 1 {
        return Err(vm.type_error(format!(
            "update expected at most 1 argument, got {}",
            positional.len()
        )));
    }
    if let Some(source) = positional.first() {
        dict_update_from(vm, args[0], *source)?;
    }
    for (k, v) in keywords {
        dict_set(vm, args[0], k, v)?;
    }
    Ok(Value::NONE)
}

fn view(vm: &mut Vm, args: &[Value], kind_: DictViewKind, name: &str) -> PyResult<Value> {
    check_dict(vm, args, name)?;
    Ok(vm.alloc(ObjKind::DictView(DictViewObj {
        dict: args[0],
        kind: kind_,
    })))
}

fn dict_keys(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view(vm, args, DictViewKind::Keys, "keys")
}

fn dict_values(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view(vm, args, DictViewKind::Values, "values")
}

fn dict_items(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    view(vm, args, DictViewKind::Items, "items")
}

/// A shallow copy of a dict.
pub fn dict_copy(vm: &mut Vm, dict: Value) -> Value {
    let entries: Vec<_> = match kind(&dict) {
        Some(ObjKind::Dict(table)) => table.borrow().iter().copied().collect(),
        _ => Vec::new(),
    };
    let copy = vm.new_dict();
    if let Some(ObjKind::Dict(table)) = kind(&copy) {
        let mut table = table.borrow_mut();
        for e in entries {
            table.push_new(e.hash, e.key, e.value);
        }
    }
    copy
}

fn dict_copy_method(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_dict(vm, args, "copy")?;
    Ok(dict_copy(vm, args[0]))
}

fn dict_clear(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_dict(vm, args, "clear")?;
    if let Some(ObjKind::Dict(table)) = kind(&args[0]) {
        table.borrow_mut().clear();
    }
    Ok(Value::NONE)
}

fn dict_fromkeys(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // Called on an instance (d.fromkeys) or through the type (dict.fromkeys → bound to
    // the type object by the caller); skip a leading dict/type receiver.
    let rest = if matches!(
        args.first().map(kind),
        Some(Some(ObjKind::Dict(_) | ObjKind::Type(_)))
    ) {
        &args[1..]
    } else {
        args
    };
    arg_count(vm, "fromkeys", rest, 1, 2)?;
    let value = rest.get(1).copied().unwrap_or(Value::NONE);
    let keys = crate::iter::collect(vm, rest[0])?;
    let dict = vm.new_dict();
    for k in keys {
        dict_set(vm, dict, k, value)?;
    }
    Ok(dict)
}

// ----- set ------------------------------------------------------------------------------

const SET_METHODS: &[(&str, NativeFn)] = &[
    ("add", set_add_method),
    ("discard", set_discard),
    ("remove", set_remove),
    ("pop", set_pop),
    ("clear", set_clear),
    ("copy", set_copy),
    ("update", set_update),
    ("union", set_union),
    ("intersection", set_intersection),
    ("difference", set_difference),
    ("symmetric_difference", set_symmetric_difference),
    ("intersection_update", set_intersection_update),
    ("difference_update", set_difference_update),
    (
        "symmetric_difference_update",
        set_symmetric_difference_update,
    ),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("isdisjoint", set_isdisjoint),
];

const FROZENSET_METHODS: &[(&str, NativeFn)] = &[
    ("copy", set_copy),
    ("union", set_union),
    ("intersection", set_intersection),
    ("difference", set_difference),
    ("symmetric_difference", set_symmetric_difference),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("isdisjoint", set_isdisjoint),
];

fn set_elements(v: Value) -> Vec<Value> {
    match kind(&v) {
        Some(ObjKind::Set(s)) => s.table.borrow().keys(),
        _ => Vec::new(),
    }
}

fn is_frozen(v: Value) -> bool {
    matches!(kind(&v), Some(ObjKind::Set(s)) if s.frozen)
}

/// Builds a new set (frozen like `like`) from values.
fn new_set_like(vm: &mut Vm, like: Value, items: Vec<Value>) -> PyResult<Value> {
    let set = vm.new_set(is_frozen(like));
    for item in items {
        set_add(vm, set, item)?;
    }
    Ok(set)
}

/// Any iterable as a set value.
pub fn to_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if let Some(ObjKind::Set(_)) = kind(&v) {
        return Ok(v);
    }
    let items = crate::iter::collect(vm, v)?;
    let set = vm.new_set(false);
    for item in items {
        set_add(vm, set, item)?;
    }
    Ok(set)
}

/// Whether every element of `a` is in `b`.
pub fn set_is_subset(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    for item in set_elements(a) {
        if !table_contains(vm, b, item)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_algebra(vm: &mut Vm, a: Value, b: Value, op: BinaryOpArg) -> PyResult<Value> {
    let (xs, ys) = (set_elements(a), set_elements(b));
    let mut out = Vec::new();
    match op {
        BinaryOpArg::Or => {
            out.extend(xs);
            out.extend(ys);
        }
        BinaryOpArg::And => {
            for x in xs {
                if table_contains(vm, b, x)? {
                    out.push(x);
                }
            }
        }
        BinaryOpArg::Subtract => {
            for x in xs {
                if !table_contains(vm, b, x)? {
                    out.push(x);
                }
            }
        }
        _ => {
            for x in xs {
                if !table_contains(vm, b, x)? {
                    out.push(x);
                }
            }
            for y in ys {
                if !table_contains(vm, a, y)? {
                    out.push(y);
                }
            }
        }
    }
    new_set_like(vm, a, out)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` (and in-place forms) on sets.
pub fn set_operator(vm: &mut Vm, a: Value, b: Value, op: BinaryOpArg) -> PyResult<Option<Value>> {
    let base = op.base();
    if !matches!(
        base,
        BinaryOpArg::Or | BinaryOpArg::And | BinaryOpArg::Subtract | BinaryOpArg::Xor
    ) {
        return Ok(None);
    }
    let result = set_algebra(vm, a, b, base)?;
    if op.is_inplace() && !is_frozen(a) {
        let items = set_elements(result);
        if let Some(ObjKind::Set(s)) = kind(&a) {
            s.table.borrow_mut().clear();
        }
        for item in items {
            set_add(vm, a, item)?;
        }
        return Ok(Some(a));
    }
    Ok(Some(result))
}

fn check_set(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<()> {
    match args.first().map(kind) {
        Some(Some(ObjKind::Set(_))) => Ok(()),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'set' objects doesn't apply"
        ))),
    }
}

fn set_add_method(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_set(vm, args, "add")?;
    arg_count(vm, "set.add", &args[1..], 1, 1)?;
    set_add(vm, args[0], args[1])?;
    Ok(Value::NONE)
}

fn set_discard(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_set(vm, args, "discard")?;
    arg_count(vm, "set.discard", &args[1..], 1, 1)?;
    ops::set_discard(vm, args[0], args[1])?;
    Ok(Value::NONE)
}

fn set_remove(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_set(vm, args, "remove")?;
    arg_count(vm, "set.remove", &args[1..], 1, 1)?;
    if ops::set_discard(vm, args[0], args[1])? {
        Ok(Value::NONE)
    } else {
        Err(vm.key_error(args[1]))
    }
}

fn set_pop(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_set(vm, args, "pop")?;
    let entry = match kind(&args[0]) {
        Some(ObjKind::Set(s)) => s.table.borrow_mut().pop_first(),
        _ => None,
    };
    match entry {
        Some(e) => Ok(e.key),
        None => Err(vm.new_error(vm.exceptions.key_error, "'pop from an empty set'")),
    }
}

fn set_clear(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_set(vm, args, "clear")?;
    if let Some(ObjKind::Set(s)) = kind(&args[0]) {
        s.table.borrow_mut().clear();
    }
    Ok(Value::NONE)
}

fn set_copy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_set(vm, args, "copy")?;
    let items = set_elements(args[0]);
    new_set_like(vm, args[0], items)
}

fn set_update(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_set(vm, args, "update")?;
    for other in &args[1..] {
        let items = crate::iter::collect(vm, *other)?;
        for item in items {
            set_add(vm, args[0], item)?;
        }
    }
    Ok(Value::NONE)
}

fn multi_set_op(vm: &mut Vm, args: &[Value], name: &str, op: BinaryOpArg) -> PyResult<Value> {
    check_set(vm, args, name)?;
    let mut result = new_set_like(vm, args[0], set_elements(args[0]))?;
    for other in &args[1..] {
        let other = to_set(vm, *other)?;
        result = set_algebra(vm, result, other, op)?;
    }
    Ok(result)
}

fn set_union(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    multi_set_op(vm, args, "union", BinaryOpArg::Or)
}

fn set_intersection(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    multi_set_op(vm, args, "intersection", BinaryOpArg::And)
}

fn set_difference(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    multi_set_op(vm, args, "difference", BinaryOpArg::Subtract)
}

fn set_symmetric_difference(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "symmetric_difference", &args[1..], 1, 1)?;
    multi_set_op(vm, args, "symmetric_difference", BinaryOpArg::Xor)
}

fn replace_contents(vm: &mut Vm, set: Value, result: Value) -> PyResult<Value> {
    let items = set_elements(result);
    if let Some(ObjKind::Set(s)) = kind(&set) {
        s.table.borrow_mut().clear();
    }
    for item in items {
        set_add(vm, set, item)?;
    }
    Ok(Value::NONE)
}

fn set_intersection_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let result = set_intersection(vm, args, kw)?;
    replace_contents(vm, args[0], result)
}

fn set_difference_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let result = set_difference(vm, args, kw)?;
    replace_contents(vm, args[0], result)
}

/// `set.symmetric_difference_update(other)`, in place as CPython does it (each
/// distinct element of `other` is discarded if present, else added), so the slot
/// layout, and with it the iteration order, matches.
fn set_symmetric_difference_update(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_set(vm, args, "symmetric_difference_update")?;
    arg_count(vm, "symmetric_difference_update", &args[1..], 1, 1)?;
    let other = if args[0] == args[1] {
        // `s ^= s` empties the set.
        let items = set_elements(args[0]);
        for item in items {
            ops::set_discard(vm, args[0], item)?;
        }
        return Ok(Value::NONE);
    } else {
        to_set(vm, args[1])?
    };
    for item in set_elements(other) {
        if !ops::set_discard(vm, args[0], item)? {
            set_add(vm, args[0], item)?;
        }
    }
    Ok(Value::NONE)
}

fn set_issubset(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_set(vm, args, "issubset")?;
    arg_count(vm, "issubset", &args[1..], 1, 1)?;
    let other = to_set(vm, args[1])?;
    Ok(Value::bool(set_is_subset(vm, args[0], other)?))
}

fn set_issuperset(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_set(vm, args, "issuperset")?;
    arg_count(vm, "issuperset", &args[1..], 1, 1)?;
    let other = to_set(vm, args[1])?;
    Ok(Value::bool(set_is_subset(vm, other, args[0])?))
}

fn set_isdisjoint(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_set(vm, args, "isdisjoint")?;
    arg_count(vm, "isdisjoint", &args[1..], 1, 1)?;
    let items = crate::iter::collect(vm, args[1])?;
    for item in items {
        if table_contains(vm, args[0], item)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

// ----- int and float ----------------------------------------------------------------------

const INT_METHODS: &[(&str, NativeFn)] = &[
    ("bit_length", int_bit_length),
    ("bit_count", int_bit_count),
    ("conjugate", int_conjugate),
    ("is_integer", int_is_integer),
    ("as_integer_ratio", int_as_integer_ratio),
];

/// `int.as_integer_ratio()`: `(int(self), 1)`.
fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "as_integer_ratio", &args[1..], 0, 0)?;
    let v = int_of(vm, args)?;
    let numerator = vm.new_bigint(v);
    let one = vm.new_int(1);
    Ok(vm.new_tuple(vec![numerator, one]))
}

fn int_of(vm: &mut Vm, args: &[Value]) -> PyResult<num_bigint::BigInt> {
    match args.first().and_then(int_view) {
        Some(v) => Ok(v.to_bigint()),
        None => Err(vm.type_error("descriptor requires an 'int' object")),
    }
}

fn int_bit_length(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = int_of(vm, args)?;
    Ok(vm.new_int(v.abs().bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = int_of(vm, args)?;
    let ones: u64 = v
        .abs()
        .to_u64_digits()
        .1
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(vm.new_int(ones as i64))
}

fn int_conjugate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = int_of(vm, args)?;
    Ok(vm.new_bigint(v))
}

fn int_is_integer(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::TRUE)
}

const FLOAT_METHODS: &[(&str, NativeFn)] = &[
    ("is_integer", float_is_integer),
    ("conjugate", float_conjugate),
    ("hex", float_hex),
    ("as_integer_ratio", float_as_integer_ratio),
];

fn float_of(vm: &mut Vm, args: &[Value]) -> PyResult<f64> {
    match args.first().and_then(|v| v.as_float()) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("descriptor requires a 'float' object")),
    }
}

fn float_is_integer(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = float_of(vm, args)?;
    Ok(Value::bool(f.is_finite() && f == f.trunc()))
}

fn float_conjugate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(float_of(vm, args)?))
}

fn float_hex(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = float_of(vm, args)?;
    let text = if f == 0.0 {
        if f.is_sign_negative() {
            "-0x0.0p+0".to_string()
        } else {
            "0x0.0p+0".to_string()
        }
    } else if !f.is_finite() {
        cpjit_bytecode::repr::float_repr(f)
    } else {
        let bits = f.to_bits();
        let sign = if f < 0.0 { "-" } else { "" };
        let exponent = ((bits >> 52) & 0x7ff) as i64;
        let mantissa = bits & ((1 << 52) - 1);
        let (lead, exp) = if exponent == 0 {
            (0, -1022)
        } else {
            (1, exponent - 1023)
        };
        let mut hex = format!("{mantissa:013x}");
        while hex.len() > 1 && hex.ends_with('0') {
            hex.pop();
        }
        format!(
            "{sign}0x{lead}.{hex}p{}{}",
            if exp >= 0 { "+" } else { "-" },
            exp.abs()
        )
    };
    Ok(vm.new_string(text))
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = float_of(vm, args)?;
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let mut numerator = f;
    let mut denominator = num_bigint::BigInt::from(1);
    while numerator != numerator.floor() {
        numerator *= 2.0;
        denominator *= 2;
    }
    let n: num_bigint::BigInt = num_traits::FromPrimitive::from_f64(numerator).unwrap_or_default();
    let n = vm.new_bigint(n);
    let d = vm.new_bigint(denominator);
    Ok(vm.new_tuple(vec![n, d]))
}

// ----- range ----------------------------------------------------------------------------

const RANGE_METHODS: &[(&str, NativeFn)] = &[("index", range_index), ("count", range_count)];

fn range_position(vm: &mut Vm, args: &[Value]) -> PyResult<Option<i128>> {
    arg_count(vm, "index", &args[1..], 1, 1)?;
    let Some(ObjKind::Range(r)) = kind(&args[0]) else {
        return Err(vm.type_error("descriptor requires a 'range' object"));
    };
    let r = **r;
    let value = int_view(&args[1]).and_then(|v| num_traits::ToPrimitive::to_i128(&v.to_bigint()));
    Ok(value.and_then(|v| r.position(v)))
}

fn range_index(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match range_position(vm, args)? {
        Some(i) => Ok(vm.new_int_i128(i)),
        None => {
            let text = display::repr(vm, args[1])?;
            Err(vm.value_error(format!("{text} is not in range")))
        }
    }
}

fn range_count(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let found = range_position(vm, args)?.is_some();
    Ok(vm.new_int(i64::from(found)))
}

// ----- exceptions ---------------------------------------------------------------------

const EXCEPTION_METHODS: &[(&str, NativeFn)] = &[
    ("with_traceback", exception_with_traceback),
    ("add_note", exception_add_note),
    ("__init__", exception_init),
];

const OBJECT_METHODS: &[(&str, NativeFn)] = &[
    ("__init__", object_init),
    ("__setattr__", object_setattr),
    ("__getattribute__", object_getattribute),
    ("__init_subclass__", object_init_subclass),
    ("__delattr__", object_delattr),
];

const GENERATOR_METHODS: &[(&str, NativeFn)] = &[
    ("send", generator_send),
    ("throw", generator_throw),
    ("close", generator_close),
];

fn generator_finished(vm: &mut Vm, result: crate::vm::GeneratorResume) -> PyResult<Value> {
    match result {
        crate::vm::GeneratorResume::Yielded(v) => Ok(v),
        crate::vm::GeneratorResume::Returned(v) => {
            let args = if v.is_none() { vec![] } else { vec![v] };
            Err(crate::vm::PyErr(
                vm.new_exception(vm.exceptions.stop_iteration, args),
            ))
        }
    }
}

/// `generator.send(value)`.
fn generator_send(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "send", &args[1..], 1, 1)?;
    let result = crate::iter::resume_generator(vm, args[0], args[1], None)?;
    generator_finished(vm, result)
}

/// `generator.throw(exception)`.
fn generator_throw(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    arg_count(vm, "throw", &args[1..], 1, 3)?;
    let exception = match kind(&args[1]) {
        Some(ObjKind::Type(_)) => call(vm, args[1], &[], &[])?,
        _ => args[1],
    };
    let result = crate::iter::resume_generator(vm, args[0], Value::NONE, Some(exception))?;
    generator_finished(vm, result)
}

/// `generator.close()`: throws GeneratorExit; a generator that yields again is an error.
fn generator_close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(ObjKind::Generator(g)) = kind(&args[0]) else {
        return Err(vm.type_error("descriptor 'close' requires a 'generator' object"));
    };
    if matches!(
        g.state.get(),
        crate::object::GeneratorState::Created | crate::object::GeneratorState::Finished
    ) {
        g.state.set(crate::object::GeneratorState::Finished);
        return Ok(Value::NONE);
    }
    let exit = vm.new_exception(vm.exceptions.generator_exit, vec![]);
    match crate::iter::resume_generator(vm, args[0], Value::NONE, Some(exit)) {
        Ok(crate::vm::GeneratorResume::Yielded(_)) => {
            Err(vm.runtime_error("generator ignored GeneratorExit"))
        }
        // 3.13: a generator that returns on GeneratorExit gives close() its value.
        Ok(crate::vm::GeneratorResume::Returned(v)) => Ok(v),
        Err(e)
            if vm.isinstance(e.0, vm.exceptions.generator_exit)
                || vm.isinstance(e.0, vm.exceptions.stop_iteration) =>
        {
            Ok(Value::NONE)
        }
        Err(e) => Err(e),
    }
}

/// `BaseException.__init__(self, *args)`: stores the arguments.
fn exception_init(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let rest = args[1..].to_vec();
    let tuple = vm.new_tuple(rest);
    if let Some(ObjKind::Exception(e)) = kind(&args[0]) {
        *e.args.borrow_mut() = tuple;
    }
    Ok(Value::NONE)
}

/// `object.__setattr__(self, name, value)`.
fn object_setattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "__setattr__", kw)?;
    arg_count(vm, "__setattr__", &args[1..], 2, 2)?;
    let name = crate::builtins::attr_name(vm, args[1])?;
    crate::attr::generic_set_attr(vm, args[0], name, args[2])?;
    Ok(Value::NONE)
}

/// `object.__init_subclass__()`: does nothing.
fn object_init_subclass(vm: &mut Vm, _args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "__init_subclass__", kw)?;
    Ok(Value::NONE)
}

/// `object.__getattribute__(self, name)`.
fn object_getattribute(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "__getattribute__", kw)?;
    arg_count(vm, "__getattribute__", &args[1..], 1, 1)?;
    let name = crate::builtins::attr_name(vm, args[1])?;
    crate::attr::generic_get_attr(vm, args[0], name)
}

/// `object.__delattr__(self, name)`.
fn object_delattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "__delattr__", kw)?;
    arg_count(vm, "__delattr__", &args[1..], 1, 1)?;
    let name = crate::builtins::attr_name(vm, args[1])?;
    crate::attr::generic_del_attr(vm, args[0], name)?;
    Ok(Value::NONE)
}

/// `object.__init__(self)`.
fn object_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        let name = vm.type_name(args[0]);
        return Err(vm.type_error(format!(
            "{name}.__init__() takes exactly one argument (the instance to initialize)"
        )));
    }
    Ok(Value::NONE)
}

/// `BaseException.add_note(note)`: appends to the exception's `__notes__` list.
fn exception_add_note(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "add_note", kw)?;
    arg_count(vm, "add_note", &args[1..], 1, 1)?;
    if str_text(&args[1]).is_none() {
        let name = vm.type_name(args[1]);
        return Err(vm.type_error(format!("note must be a str, not '{name}'")));
    }
    let key = vm.intern_static("__notes__");
    let notes = match crate::attr::lookup_attr(vm, args[0], key)? {
        Some(existing) => existing,
        None => {
            let list = vm.new_list(Vec::new());
            crate::attr::set_attr(vm, args[0], key, list)?;
            list
        }
    };
    let Some(ObjKind::List(items)) = kind(&notes) else {
        return Err(vm.type_error("Cannot add note: __notes__ is not a list"));
    };
    items.borrow_mut().push(args[1]);
    Ok(Value::NONE)
}

fn exception_with_traceback(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0])
}

/// Unused helper kept for the int view import.
#[allow(dead_code)]
fn view_to_i64(v: &IntView) -> Option<i64> {
    v.to_bigint().to_i64()
}
