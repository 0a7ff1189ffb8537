//! The run-time half of `match` statements (PEP 634): `MATCH_MAPPING`,
//! `MATCH_SEQUENCE`, `MATCH_KEYS` and `MATCH_CLASS`, with CPython 3.13's rules and
//! error messages.
//!
//! Owns which values count as mappings and sequences for patterns, looking keys up
//! with `get`, and `__match_args__`. Must never decide control flow (the compiler's
//! pattern code jumps on the results).

use cpjit_runtime::attr;
use cpjit_runtime::display::str_text;
use cpjit_runtime::object::{builtin_payload, BuiltinTypeId, ObjKind};
use cpjit_runtime::ops;
use cpjit_runtime::vm::kind;
use cpjit_runtime::{PyResult, Value, Vm};

/// `Py_TPFLAGS_MAPPING`: `dict` and its subclasses.
pub fn is_mapping(vm: &Vm, subject: Value) -> bool {
    match kind(&subject) {
        Some(ObjKind::Dict(_)) => true,
        Some(ObjKind::Instance(_)) => vm.isinstance(subject, vm.types.dict),
        _ => false,
    }
}

/// `Py_TPFLAGS_SEQUENCE`: `list`, `tuple`, `range`, their subclasses, and
/// `collections.deque` (never `str`, `bytes` or mappings).
pub fn is_sequence(vm: &mut Vm, subject: Value) -> bool {
    match kind(&subject) {
        Some(ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Range(_)) => true,
        Some(ObjKind::Instance(_)) => {
            if builtin_payload(&subject).is_some() {
                return vm.isinstance(subject, vm.types.list)
                    || vm.isinstance(subject, vm.types.tuple);
            }
            // `collections.deque` is written in Python here; CPython's is a sequence.
            let class = vm.type_of(subject);
            let module_key = vm.intern_static("__module__");
            let mro = match kind(&class) {
                Some(ObjKind::Type(t)) => t.mro.borrow().clone(),
                _ => Vec::new(),
            };
            mro.iter().any(|c| match kind(c) {
                Some(ObjKind::Type(t)) => {
                    &*t.name == "deque"
                        && attr::type_lookup(*c, module_key)
                            .is_some_and(|m| str_text(&m) == Some("collections"))
                }
                _ => false,
            })
        }
        _ => false,
    }
}

/// `MATCH_KEYS`: the values of `keys` (a tuple) in the mapping `subject`, looked up
/// with `subject.get(key, <dummy>)` as CPython does, as a tuple; `None` when one is
/// missing.
pub fn match_keys(vm: &mut Vm, subject: Value, keys: Value) -> PyResult<Value> {
    let keys: Vec<Value> = match kind(&keys) {
        Some(ObjKind::Tuple(items)) => items.to_vec(),
        _ => Vec::new(),
    };
    if keys.is_empty() {
        return Ok(vm.new_tuple(Vec::new()));
    }
    let get_name = vm.intern_static("get");
    let get = attr::get_attr(vm, subject, get_name)?;
    // A fresh object no mapping can hold stands for "missing".
    let dummy = vm.new_list(Vec::new());
    vm.temp_roots.extend([get, dummy]);
    let result = lookup_keys(vm, get, dummy, &keys);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    match result? {
        Some(values) => Ok(vm.new_tuple(values)),
        None => Ok(Value::NONE),
    }
}

fn lookup_keys(
    vm: &mut Vm,
    get: Value,
    dummy: Value,
    keys: &[Value],
) -> PyResult<Option<Vec<Value>>> {
    let mut seen: Vec<Value> = Vec::with_capacity(keys.len());
    let mut values = Vec::with_capacity(keys.len());
    for key in keys {
        for earlier in &seen {
            if ops::eq(vm, *earlier, *key)? {
                let shown = cpjit_runtime::display::repr(vm, *key)?;
                return Err(
                    vm.value_error(format!("mapping pattern checks duplicate key ({shown})"))
                );
            }
        }
        seen.push(*key);
        let value = cpjit_runtime::call::call(vm, get, &[*key, dummy], &[])?;
        if value == dummy {
            return Ok(None);
        }
        values.push(value);
    }
    Ok(Some(values))
}

/// Whether instances of `class` match themselves for one positional sub-pattern
/// (`Py_TPFLAGS_MATCH_SELF`: `bool`, `bytes`, `dict`, `float`, `frozenset`, `int`,
/// `list`, `set`, `str`, `tuple` and their subclasses).
fn matches_self(class: Value) -> bool {
    let Some(ObjKind::Type(t)) = kind(&class) else {
        return false;
    };
    let mro = t.mro.borrow();
    mro.iter().any(|c| {
        matches!(kind(c), Some(ObjKind::Type(t)) if matches!(
            t.builtin,
            Some(BuiltinTypeId::Bool | BuiltinTypeId::Bytes | BuiltinTypeId::Dict
                | BuiltinTypeId::Float | BuiltinTypeId::FrozenSet | BuiltinTypeId::Int
                | BuiltinTypeId::List | BuiltinTypeId::Set | BuiltinTypeId::Str
                | BuiltinTypeId::Tuple)
        ))
    })
}

fn class_name(class: Value) -> String {
    match kind(&class) {
        Some(ObjKind::Type(t)) => t.name.to_string(),
        _ => "?".into(),
    }
}

/// `MATCH_CLASS`: `nargs` positional sub-patterns (through `__match_args__`) and the
/// keyword attribute `names`; the tuple of attribute values, or `None` when `subject`
/// is not an instance of `class` or lacks an attribute.
pub fn match_class(
    vm: &mut Vm,
    subject: Value,
    class: Value,
    nargs: usize,
    names: Value,
) -> PyResult<Value> {
    if !matches!(kind(&class), Some(ObjKind::Type(_))) {
        return Err(vm.type_error("called match pattern must be a class"));
    }
    if !vm.isinstance(subject, class) {
        return Ok(Value::NONE);
    }
    let keyword_names: Vec<Value> = match kind(&names) {
        Some(ObjKind::Tuple(items)) => items.to_vec(),
        _ => Vec::new(),
    };
    let mut seen: Vec<Value> = Vec::new();
    let mut attributes = Vec::with_capacity(nargs + keyword_names.len());
    if nargs > 0 {
        let match_args_name = vm.intern_static("__match_args__");
        let match_args = attr::lookup_attr(vm, class, match_args_name)?;
        let (positional_names, match_self) = match match_args {
            Some(value) => match kind(&value) {
                Some(ObjKind::Tuple(items)) => (items.to_vec(), false),
                _ => {
                    let got = vm.type_name(value);
                    let name = class_name(class);
                    return Err(
                        vm.type_error(format!("{name}.__match_args__ must be a tuple (got {got})"))
                    );
                }
            },
            None => (Vec::new(), matches_self(class)),
        };
        let allowed = if match_self {
            1
        } else {
            positional_names.len()
        };
        if allowed < nargs {
            let name = class_name(class);
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(vm.type_error(format!(
                "{name}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)"
            )));
        }
        if match_self {
            attributes.push(subject);
        } else {
            for name in positional_names.iter().take(nargs) {
                if str_text(name).is_none() {
                    let got = vm.type_name(*name);
                    return Err(vm.type_error(format!(
                        "__match_args__ elements must be strings (got {got})"
                    )));
                }
                match class_attribute(vm, subject, class, *name, &mut seen)? {
                    Some(value) => attributes.push(value),
                    None => return Ok(Value::NONE),
                }
            }
        }
    }
    for name in keyword_names {
        match class_attribute(vm, subject, class, name, &mut seen)? {
            Some(value) => attributes.push(value),
            None => return Ok(Value::NONE),
        }
    }
    Ok(vm.new_tuple(attributes))
}

/// One attribute for a class pattern; `None` when it is missing (no match).
fn class_attribute(
    vm: &mut Vm,
    subject: Value,
    class: Value,
    name: Value,
    seen: &mut Vec<Value>,
) -> PyResult<Option<Value>> {
    let text = str_text(&name).unwrap_or("?").to_string();
    if seen.iter().any(|s| str_text(s) == Some(text.as_str())) {
        let class_text = class_name(class);
        return Err(vm.type_error(format!(
            "{class_text}() got multiple sub-patterns for attribute '{text}'"
        )));
    }
    seen.push(name);
    match attr::get_attr(vm, subject, name) {
        Ok(value) => Ok(Some(value)),
        Err(error) if vm.isinstance(error.0, vm.exceptions.attribute_error) => Ok(None),
        Err(error) => Err(error),
    }
}
