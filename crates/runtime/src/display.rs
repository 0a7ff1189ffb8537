//! `repr()` and `str()` of values, as CPython 3.13 prints them.
//!
//! Owns textual representations, including recursive containers (`[...]`) and the
//! depth guard that turns pathological nesting into RecursionError. Must never write to
//! an output stream itself.

use cpjit_bytecode::repr::{float_repr, str_repr};

use crate::object::{DictViewKind, ObjKind};
use crate::ops::with_depth;
use crate::value::Value;
use crate::vm::{kind, PyResult, Vm};

/// `repr(v)`.
pub fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    // Continue the list of containers being shown by an outer repr (one that called
    // into a Python `__repr__` which called repr again).
    let mut active = std::mem::take(&mut vm.repr_active);
    let result = repr_inner(vm, v, &mut active);
    vm.repr_active = active;
    result
}

/// `str(v)`.
pub fn str(vm: &mut Vm, v: Value) -> PyResult<String> {
    match kind(&v) {
        Some(ObjKind::Str(s)) => Ok(s.text.to_string()),
        Some(ObjKind::Exception(_)) if crate::dunder::has_special(vm, v, "__str__") => {
            crate::dunder::str(vm, v)
        }
        Some(ObjKind::Exception(e)) => {
            let args = *e.args.borrow();
            let items = match kind(&args) {
                Some(ObjKind::Tuple(items)) => items.to_vec(),
                _ => Vec::new(),
            };
            if vm.is_subtype(e.class, vm.exceptions.key_error) && items.len() == 1 {
                return repr(vm, items[0]);
            }
            match items.len() {
                0 => Ok(String::new()),
                1 => str(vm, items[0]),
                _ => repr(vm, args),
            }
        }
        Some(ObjKind::Instance(_)) => crate::dunder::str(vm, v),
        _ => repr(vm, v),
    }
}

/// The text of a `str` value (no conversion).
pub fn str_text(v: &Value) -> Option<&str> {
    match kind(v) {
        Some(ObjKind::Str(s)) => Some(&s.text),
        _ => None,
    }
}

fn join_items(vm: &mut Vm, items: &[Value], active: &mut Vec<Value>) -> PyResult<String> {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_inner(vm, *item, active)?);
    }
    Ok(out)
}

fn repr_inner(vm: &mut Vm, v: Value, active: &mut Vec<Value>) -> PyResult<String> {
    if let Some(i) = v.as_small_int() {
        return Ok(i.to_string());
    }
    if let Some(f) = v.as_float() {
        return Ok(float_repr(f));
    }
    match v {
        Value::NONE => return Ok("None".into()),
        Value::TRUE => return Ok("True".into()),
        Value::FALSE => return Ok("False".into()),
        Value::ELLIPSIS => return Ok("Ellipsis".into()),
        Value::NOT_IMPLEMENTED => return Ok("NotImplemented".into()),
        Value::NULL => return Ok("<NULL>".into()),
        _ => {}
    }
    let is_container = matches!(
        kind(&v),
        Some(
            ObjKind::List(_)
                | ObjKind::Dict(_)
                | ObjKind::Set(_)
                | ObjKind::Tuple(_)
                | ObjKind::DictView(_)
        )
    );
    if is_container {
        if active.contains(&v) {
            return Ok(match kind(&v) {
                Some(ObjKind::List(_)) => "[...]".into(),
                Some(ObjKind::Dict(_)) => "{...}".into(),
                _ => "...".into(),
            });
        }
        active.push(v);
        let result = with_depth(vm, "while getting the repr of an object", |vm| {
            container_repr(vm, v, active)
        });
        active.pop();
        return result;
    }
    Ok(match kind(&v) {
        Some(ObjKind::Str(s)) => str_repr(&s.text),
        Some(ObjKind::BigInt(b)) => {
            let text = b.to_string();
            if text.len() > 4300 + usize::from(b.sign() == num_bigint::Sign::Minus) {
                return Err(vm.value_error(
                    "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                ));
            }
            text
        }
        Some(ObjKind::Range(r)) => {
            if r.step == 1 {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            }
        }
        Some(ObjKind::Slice(s)) => {
            let (a, b, c) = (s.start, s.stop, s.step);
            format!(
                "slice({}, {}, {})",
                repr_inner(vm, a, active)?,
                repr_inner(vm, b, active)?,
                repr_inner(vm, c, active)?
            )
        }
        Some(ObjKind::Function(f)) => {
            let qualname = *f.qualname.borrow();
            format!(
                "<function {} at {:#x}>",
                str_text(&qualname).unwrap_or("?"),
                address(v)
            )
        }
        Some(ObjKind::Native(n)) => {
            if n.receiver.is_null() || matches!(kind(&n.receiver), Some(ObjKind::Module(_))) {
                format!("<built-in function {}>", n.name)
            } else {
                let owner = vm.type_name(n.receiver);
                format!(
                    "<built-in method {} of {} object at {:#x}>",
                    n.name,
                    owner,
                    address(n.receiver)
                )
            }
        }
        Some(ObjKind::Code(c)) => c.code.repr(),
        Some(ObjKind::Cell(_)) => format!("<cell at {:#x}>", address(v)),
        Some(ObjKind::Type(t))
            if !t.metaclass.is_null() && metaclass_repr(vm, t.metaclass).is_some() =>
        {
            let method = metaclass_repr(vm, t.metaclass).unwrap_or(Value::NONE);
            let result = crate::call::call(vm, method, &[v], &[])?;
            match str_text(&result) {
                Some(text) => text.to_string(),
                None => {
                    let name = vm.type_name(result);
                    return Err(
                        vm.type_error(format!("__repr__ returned non-string (type {name})"))
                    );
                }
            }
        }
        Some(ObjKind::Type(t)) => {
            if t.builtin.is_some() || vm.exceptions.all().iter().any(|(_, e)| *e == v) {
                format!("<class '{}'>", t.name)
            } else {
                let module_key = vm.intern_static("__module__");
                let module = crate::attr::type_lookup(v, module_key)
                    .and_then(|m| str_text(&m).map(str::to_string))
                    .unwrap_or_else(|| "__main__".to_string());
                let qualname = crate::attr::type_qualname(vm, v);
                format!("<class '{module}.{qualname}'>")
            }
        }
        Some(ObjKind::Exception(_)) if crate::dunder::has_special(vm, v, "__repr__") => {
            crate::dunder::repr(vm, v)?
        }
        Some(ObjKind::Exception(e)) => {
            let class_name = match kind(&e.class) {
                Some(ObjKind::Type(t)) => t.name.to_string(),
                _ => "Exception".into(),
            };
            let args = *e.args.borrow();
            let items = match kind(&args) {
                Some(ObjKind::Tuple(items)) => items.to_vec(),
                _ => Vec::new(),
            };
            if items.len() == 1 {
                format!("{class_name}({})", repr_inner(vm, items[0], active)?)
            } else {
                format!("{class_name}({})", join_items(vm, &items, active)?)
            }
        }
        Some(ObjKind::Module(m)) => {
            let (name, dict) = (m.name, m.dict);
            let name = str_repr(str_text(&name).unwrap_or("?"));
            let file_key = vm.intern_static("__file__");
            match crate::ops::dict_get_str(dict, file_key)
                .as_ref()
                .and_then(str_text)
            {
                Some(file) => format!("<module {name} from {}>", str_repr(file)),
                None => format!("<module {name}>"),
            }
        }
        Some(ObjKind::Iterator(_)) => {
            let name = vm.type_name(v);
            format!("<{name} object at {:#x}>", address(v))
        }
        Some(ObjKind::BoundMethod(m)) => {
            let (function, receiver) = (m.function, m.receiver);
            let name = match kind(&function) {
                Some(ObjKind::Function(f)) => {
                    let q = *f.qualname.borrow();
                    str_text(&q).unwrap_or("?").to_string()
                }
                _ => "?".into(),
            };
            let receiver_repr = repr_inner(vm, receiver, active)?;
            format!("<bound method {name} of {receiver_repr}>")
        }
        Some(ObjKind::Instance(_)) => {
            // Hand the in-progress list to the VM for reprs inside `__repr__`.
            vm.repr_active = std::mem::take(active);
            let result = crate::dunder::repr(vm, v);
            *active = std::mem::take(&mut vm.repr_active);
            return result;
        }
        Some(ObjKind::Descriptor(d)) if d.kind == crate::object::DescriptorKind::Member => {
            let owner = match kind(&d.setter) {
                Some(ObjKind::Type(t)) => t.name.to_string(),
                _ => "?".into(),
            };
            format!(
                "<member {} of '{owner}' objects>",
                str_repr(str_text(&d.function).unwrap_or("?"))
            )
        }
        Some(ObjKind::Generator(g)) => {
            let qualname = match kind(&g.code) {
                Some(ObjKind::Code(c)) => c.code.qualname.to_string(),
                _ => "?".into(),
            };
            format!("<generator object {qualname} at {:#x}>", address(v))
        }
        _ => format!("<object at {:#x}>", address(v)),
    })
}

fn container_repr(vm: &mut Vm, v: Value, active: &mut Vec<Value>) -> PyResult<String> {
    match kind(&v) {
        Some(ObjKind::List(items)) => {
            let items = items.borrow().to_vec();
            Ok(format!("[{}]", join_items(vm, &items, active)?))
        }
        Some(ObjKind::Tuple(items)) => {
            let items = items.to_vec();
            if items.len() == 1 {
                Ok(format!("({},)", repr_inner(vm, items[0], active)?))
            } else {
                Ok(format!("({})", join_items(vm, &items, active)?))
            }
        }
        Some(ObjKind::Dict(table)) => {
            let entries: Vec<_> = table.borrow().iter().map(|e| (e.key, e.value)).collect();
            let mut out = String::from("{");
            for (i, (key, value)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&repr_inner(vm, key, active)?);
                out.push_str(": ");
                out.push_str(&repr_inner(vm, value, active)?);
            }
            out.push('}');
            Ok(out)
        }
        Some(ObjKind::Set(set)) => {
            let frozen = set.frozen;
            let items = set.table.borrow().keys();
            if items.is_empty() {
                return Ok(if frozen {
                    "frozenset()".into()
                } else {
                    "set()".into()
                });
            }
            let body = join_items(vm, &items, active)?;
            Ok(if frozen {
                format!("frozenset({{{body}}})")
            } else {
                format!("{{{body}}}")
            })
        }
        Some(ObjKind::DictView(view)) => {
            let name = match view.kind {
                DictViewKind::Keys => "dict_keys",
                DictViewKind::Values => "dict_values",
                DictViewKind::Items => "dict_items",
            };
            let items = crate::iter::collect(vm, v)?;
            Ok(format!("{name}([{}])", join_items(vm, &items, active)?))
        }
        _ => Ok(String::new()),
    }
}

/// A stable-looking address for `repr` of objects without a better text.
pub fn address(v: Value) -> u64 {
    v.raw() & 0xffff_ffff_ffff
}

/// A Python-level `__repr__` defined by a class's metaclass.
fn metaclass_repr(vm: &mut Vm, metaclass: Value) -> Option<Value> {
    let key = vm.intern_static("__repr__");
    crate::attr::type_lookup(metaclass, key)
        .filter(|found| matches!(kind(found), Some(ObjKind::Function(_))))
}
