//! The guard-and-compute part of specialized instructions, written once and used by
//! every place that runs them: `eval::run` (its inline forms), `eval::run_specialized`
//! (also tier 2's step) and the inner loop (`inner_loop.rs`).
//!
//! Owns what a form computes when its guard holds. Each function answers `None` when
//! the guard fails, having changed nothing; the caller then takes its slow path (a
//! miss, or an exit from the inner loop). Must never touch the value stack, raise, or
//! run Python code.

use cpjit_bytecode::{AdaptiveOpcode, CompareOp};
use cpjit_runtime::object::{InlineCache, IterState, ObjKind};
use cpjit_runtime::vm::{kind, AttributeFacts, BuiltinTypes};
use cpjit_runtime::Value;

use crate::eval::{compare_fast, instance_has, instance_value};

/// `BINARY_OP_{ADD,SUBTRACT,MULTIPLY}_{INT,FLOAT}`: the result, or `None` when an
/// operand is not the form's type or an int result leaves the small-int range.
#[inline(always)]
pub(crate) fn arithmetic(op: AdaptiveOpcode, lhs: Value, rhs: Value) -> Option<Value> {
    use AdaptiveOpcode as A;
    match op {
        A::BINARY_OP_ADD_INT | A::BINARY_OP_SUBTRACT_INT | A::BINARY_OP_MULTIPLY_INT => {
            let (a, b) = (lhs.as_small_int()?, rhs.as_small_int()?);
            match op {
                A::BINARY_OP_ADD_INT => Value::small_int(a + b),
                A::BINARY_OP_SUBTRACT_INT => Value::small_int(a - b),
                _ => a.checked_mul(b).and_then(Value::small_int),
            }
        }
        _ => {
            let (a, b) = (lhs.as_float()?, rhs.as_float()?);
            Some(Value::float(match op {
                A::BINARY_OP_ADD_FLOAT => a + b,
                A::BINARY_OP_SUBTRACT_FLOAT => a - b,
                _ => a * b,
            }))
        }
    }
}

/// `COMPARE_OP_INT`, `COMPARE_OP_FLOAT` and `COMPARE_OP_STR` (`==`/`!=` of exact
/// strings) with the instruction's argument.
#[inline(always)]
pub(crate) fn comparison(op: AdaptiveOpcode, lhs: Value, rhs: Value, arg: u32) -> Option<bool> {
    match op {
        AdaptiveOpcode::COMPARE_OP_INT if lhs.is_small_int() && rhs.is_small_int() => {
            compare_fast(lhs, rhs, arg)
        }
        AdaptiveOpcode::COMPARE_OP_FLOAT if lhs.is_float() && rhs.is_float() => {
            compare_fast(lhs, rhs, arg)
        }
        AdaptiveOpcode::COMPARE_OP_STR => match (kind(&lhs), kind(&rhs)) {
            (Some(ObjKind::Str(a)), Some(ObjKind::Str(b))) => {
                let equal = a.text == b.text;
                Some(if arg >> 5 == CompareOp::Ne as u32 {
                    !equal
                } else {
                    equal
                })
            }
            _ => None,
        },
        _ => None,
    }
}

/// The `TO_BOOL_*` forms: the truth of `v`.
#[inline(always)]
pub(crate) fn truth(op: AdaptiveOpcode, v: Value) -> Option<bool> {
    use AdaptiveOpcode as A;
    match op {
        A::TO_BOOL_BOOL => v.is_bool().then(|| v == Value::TRUE),
        A::TO_BOOL_INT => v.as_small_int().map(|i| i != 0),
        A::TO_BOOL_NONE => v.is_none().then_some(false),
        A::TO_BOOL_LIST => match kind(&v) {
            Some(ObjKind::List(items)) => items.try_borrow().map(|items| !items.is_empty()),
            _ => None,
        },
        A::TO_BOOL_STR => match kind(&v) {
            Some(ObjKind::Str(s)) => Some(!s.text.is_empty()),
            _ => None,
        },
        _ => None,
    }
}

/// `LOAD_GLOBAL_MODULE` / `LOAD_GLOBAL_BUILTIN` with their cache: the global `name`,
/// while the entry the cache points at (in the globals, or in the builtins with the
/// globals' keys unchanged) still holds it.
#[inline(always)]
pub(crate) fn cached_global(
    op: AdaptiveOpcode,
    name: Value,
    cache: InlineCache,
    globals: Value,
    builtins: Value,
) -> Option<Value> {
    let Some(ObjKind::Dict(globals)) = kind(&globals) else {
        return None;
    };
    let entry = if op == AdaptiveOpcode::LOAD_GLOBAL_MODULE {
        globals.try_borrow().ok()?.entry_at(cache.index as usize)
    } else {
        let Some(ObjKind::Dict(builtins)) = kind(&builtins) else {
            return None;
        };
        if globals.try_borrow().ok()?.keys_version() != cache.key {
            return None;
        }
        builtins.try_borrow().ok()?.entry_at(cache.index as usize)
    };
    entry
        .filter(|entry| entry.key == name)
        .map(|entry| entry.value)
}

/// `FOR_ITER_RANGE` / `FOR_ITER_LIST` / `FOR_ITER_TUPLE`: `Some(Some(item))` (the
/// iterator advanced), `Some(None)` (exhausted; the iterator is marked so), or `None`
/// when the iterator is not the form's kind, or `make_int` declines the next number
/// of a range (the inner loop cannot allocate a big int), leaving it unchanged.
#[inline(always)]
pub(crate) fn next_item(
    op: AdaptiveOpcode,
    iterator: Value,
    make_int: impl FnOnce(i64) -> Option<Value>,
) -> Option<Option<Value>> {
    use AdaptiveOpcode as A;
    let Some(ObjKind::Iterator(cell)) = kind(&iterator) else {
        return None;
    };
    let mut state = cell.try_borrow_mut()?;
    match (&mut *state, op) {
        (
            IterState::Range {
                next,
                remaining,
                step,
            },
            A::FOR_ITER_RANGE,
        ) => {
            if *remaining <= 0 {
                return Some(None);
            }
            let value = make_int(*next)?;
            *remaining -= 1;
            *next = next.wrapping_add(*step);
            Some(Some(value))
        }
        (IterState::List { list, index }, A::FOR_ITER_LIST) => {
            let item = match kind(list) {
                Some(ObjKind::List(items)) => items.try_borrow()?.get(*index).copied(),
                _ => None,
            };
            match item {
                Some(_) => *index += 1,
                None => *state = IterState::Exhausted,
            }
            Some(item)
        }
        (IterState::Tuple { tuple, index }, A::FOR_ITER_TUPLE) => {
            let item = match kind(tuple) {
                Some(ObjKind::Tuple(items)) => items.get(*index).copied(),
                _ => None,
            };
            match item {
                Some(_) => *index += 1,
                None => *state = IterState::Exhausted,
            }
            Some(item)
        }
        _ => None,
    }
}

/// What `LOAD_ATTR_INSTANCE_VALUE` / `LOAD_ATTR_METHOD_WITH_VALUES` found.
pub(crate) enum InstanceLoad {
    /// The attribute's value (replaces the owner; a NULL goes above it when the
    /// instruction's low bit asks for one).
    Value(Value),
    /// The method (replaces the owner, which goes above it as `self`).
    Method(Value),
}

/// `LOAD_ATTR_INSTANCE_VALUE` / `LOAD_ATTR_METHOD_WITH_VALUES` on `owner` with the
/// site's cache, at class epoch `class_epoch`. For an instance of another class than
/// the cached one (a polymorphic site), `facts_for(class)` says what that class's MRO
/// says about `name`; `None` (not known here) is a miss like a non-plain attribute.
#[inline(always)]
pub(crate) fn instance_load(
    op: AdaptiveOpcode,
    owner: Value,
    name: Value,
    arg: u32,
    cache: InlineCache,
    class_epoch: u64,
    facts_for: impl FnOnce(Value) -> Option<AttributeFacts>,
) -> Option<InstanceLoad> {
    let Some(ObjKind::Instance(instance)) = kind(&owner) else {
        return None;
    };
    if class_epoch != u64::from(cache.index) {
        return None;
    }
    let mut method = Value::from_raw(cache.key);
    if instance.class != cache.value {
        let facts = facts_for(instance.class).filter(|facts| facts.plain)?;
        method = facts.method;
    }
    if op == AdaptiveOpcode::LOAD_ATTR_INSTANCE_VALUE {
        // (The cache's key is the entry position seen when specialized.)
        instance_value(instance.dict, name, cache.key).map(InstanceLoad::Value)
    } else if arg & 1 == 0 || method.is_null() || instance_has(instance.dict, name) {
        // Shadowed by the instance's own namespace, or not a method call.
        None
    } else {
        Some(InstanceLoad::Method(method))
    }
}

/// What `STORE_ATTR_INSTANCE_VALUE`'s guards and in-place store did.
pub(crate) enum InstanceStore {
    /// A guard failed; nothing changed.
    Miss,
    /// The value went into the namespace entry the cache points at.
    Stored,
    /// The guards held but the name is not at the cached entry (elsewhere, or a new
    /// attribute): the caller stores through the namespace `dict` (nothing changed yet).
    NotInPlace { dict: Value },
}

/// `STORE_ATTR_INSTANCE_VALUE` of `value` as `owner.name` with the site's cache, at
/// class epoch `class_epoch`: the guards (the cached class, or another for which
/// `plain_for(class)` says the name is a plain attribute too) and the in-place store.
#[inline(always)]
pub(crate) fn instance_store(
    owner: Value,
    name: Value,
    value: Value,
    cache: InlineCache,
    class_epoch: u64,
    plain_for: impl FnOnce(Value) -> bool,
) -> InstanceStore {
    let Some(ObjKind::Instance(instance)) = kind(&owner) else {
        return InstanceStore::Miss;
    };
    if class_epoch != u64::from(cache.index)
        || (instance.class != cache.value && !plain_for(instance.class))
    {
        return InstanceStore::Miss;
    }
    let Some(ObjKind::Dict(table)) = kind(&instance.dict) else {
        return InstanceStore::Miss;
    };
    let Ok(mut table) = table.try_borrow_mut() else {
        return InstanceStore::Miss;
    };
    let at = cache.key as usize;
    match table.entry_at(at) {
        // (`u64::MAX`, for a name not there when specialized, finds none.)
        Some(entry) if entry.key == name => {
            table.set_value_at(at, value);
            InstanceStore::Stored
        }
        _ => InstanceStore::NotInPlace {
            dict: instance.dict,
        },
    }
}

/// `LOAD_ATTR_MODULE` with its cache: the module attribute `name`, while the entry of
/// the cached module's namespace the cache points at still holds it.
#[inline(always)]
pub(crate) fn module_attribute(owner: Value, name: Value, cache: InlineCache) -> Option<Value> {
    let Some(ObjKind::Module(module)) = kind(&owner) else {
        return None;
    };
    if owner.raw() != cache.key {
        return None;
    }
    let Some(ObjKind::Dict(table)) = kind(&module.dict) else {
        return None;
    };
    let entry = table.try_borrow().ok()?.entry_at(cache.index as usize)?;
    (entry.key == name).then_some(entry.value)
}

/// `LOAD_ATTR_METHOD_NO_DICT` with its argument and cache: the cached method of the
/// builtin type `owner` is an instance of (not a user class's instance, whose
/// namespace could shadow it).
#[inline(always)]
pub(crate) fn builtin_method(
    owner: Value,
    arg: u32,
    cache: InlineCache,
    types: &BuiltinTypes,
) -> Option<Value> {
    let guard = arg & 1 != 0
        && !matches!(kind(&owner), Some(ObjKind::Instance(_)))
        && types.type_of(owner).raw() == cache.key;
    guard.then_some(cache.value)
}
