//! The iteration protocol for builtin objects: `iter()`, `next()`, and collecting an
//! iterable into a `Vec`.
//!
//! Owns iterator state transitions and CPython's "changed size during iteration"
//! errors. Must never hold a borrow of a container across a call into Python code.

use crate::object::{DictViewKind, IterState, ObjKind};
use crate::value::Value;
use crate::vm::{kind, PyResult, Vm};

/// `iter(v)`.
pub fn get_iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if let Some(state) = builtin_iter_state(v) {
        return Ok(vm.new_iterator(state));
    }
    match kind(&v) {
        Some(ObjKind::Iterator(_) | ObjKind::Generator(_)) => Ok(v),
        Some(ObjKind::Instance(_)) => crate::dunder::iter(vm, v),
        Some(ObjKind::Type(t)) if !t.metaclass.is_null() => crate::dunder::iter(vm, v),
        _ => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!("'{name}' object is not iterable")))
        }
    }
}

/// The state of a new iterator over a builtin container, range or string (what
/// `iter(v)` makes for them, with no Python code involved); `None` for anything else.
pub fn builtin_iter_state(v: Value) -> Option<IterState> {
    Some(match kind(&v)? {
        ObjKind::List(_) => IterState::List { list: v, index: 0 },
        ObjKind::Tuple(_) => IterState::Tuple { tuple: v, index: 0 },
        ObjKind::Str(_) => IterState::Str {
            string: v,
            byte_pos: 0,
        },
        ObjKind::Range(r) if r.fits_i64() => IterState::Range {
            next: r.start as i64,
            remaining: r.len() as i64,
            step: r.step as i64,
        },
        ObjKind::Range(_) => IterState::Sequence {
            sequence: v,
            next_index: 0,
        },
        ObjKind::Dict(table) => IterState::Table {
            owner: v,
            kind: DictViewKind::Keys,
            entry_index: 0,
            expected_len: table.borrow().len(),
        },
        ObjKind::Set(set) => IterState::Table {
            owner: v,
            kind: DictViewKind::Keys,
            entry_index: 0,
            expected_len: set.table.borrow().len(),
        },
        ObjKind::DictView(view) => {
            let expected_len = match kind(&view.dict) {
                Some(ObjKind::Dict(table)) => table.borrow().len(),
                _ => 0,
            };
            IterState::Table {
                owner: view.dict,
                kind: view.kind,
                entry_index: 0,
                expected_len,
            }
        }
        _ => return None,
    })
}

/// Advances an iterator: `Ok(None)` when exhausted.
pub fn next(vm: &mut Vm, iterator: Value) -> PyResult<Option<Value>> {
    let Some(ObjKind::Iterator(cell)) = kind(&iterator) else {
        if let Some(ObjKind::Instance(_)) = kind(&iterator) {
            return crate::dunder::next(vm, iterator);
        }
        if let Some(ObjKind::Generator(_)) = kind(&iterator) {
            return generator_next(vm, iterator, true);
        }
        let name = vm.type_name(iterator);
        return Err(vm.type_error(format!("'{name}' object is not an iterator")));
    };
    // Simple states advance in place; composite ones release the borrow first.
    let mut state = cell.borrow_mut();
    match &mut *state {
        IterState::Exhausted => Ok(None),
        IterState::List { list, index } => {
            let item = match kind(list) {
                Some(ObjKind::List(items)) => items.borrow().get(*index).copied(),
                _ => None,
            };
            match item {
                Some(v) => {
                    *index += 1;
                    Ok(Some(v))
                }
                None => {
                    *state = IterState::Exhausted;
                    Ok(None)
                }
            }
        }
        IterState::Tuple { tuple, index } => {
            let item = match kind(tuple) {
                Some(ObjKind::Tuple(items)) => items.get(*index).copied(),
                _ => None,
            };
            match item {
                Some(v) => {
                    *index += 1;
                    Ok(Some(v))
                }
                None => {
                    *state = IterState::Exhausted;
                    Ok(None)
                }
            }
        }
        IterState::Str { string, byte_pos } => {
            let next_char = match kind(string) {
                Some(ObjKind::Str(s)) => s.text[*byte_pos..].chars().next(),
                _ => None,
            };
            match next_char {
                Some(c) => {
                    *byte_pos += c.len_utf8();
                    drop(state);
                    let mut buffer = [0u8; 4];
                    Ok(Some(vm.intern(c.encode_utf8(&mut buffer))))
                }
                None => {
                    *state = IterState::Exhausted;
                    Ok(None)
                }
            }
        }
        IterState::Range {
            next,
            remaining,
            step,
        } => {
            if *remaining <= 0 {
                return Ok(None);
            }
            let value = *next;
            *remaining -= 1;
            *next = next.wrapping_add(*step);
            drop(state);
            Ok(Some(vm.new_int(value)))
        }
        IterState::Table {
            owner,
            kind: view_kind,
            entry_index,
            expected_len,
        } => {
            let (owner, view_kind) = (*owner, *view_kind);
            let (entry, is_set) = match kind(&owner) {
                Some(ObjKind::Dict(table)) => {
                    let table = table.borrow();
                    if table.len() != *expected_len {
                        drop(table);
                        *state = IterState::Exhausted;
                        drop(state);
                        return Err(vm.runtime_error("dictionary changed size during iteration"));
                    }
                    (table.next_entry(*entry_index), false)
                }
                Some(ObjKind::Set(set)) => {
                    let table = set.table.borrow();
                    if table.len() != *expected_len {
                        drop(table);
                        *state = IterState::Exhausted;
                        drop(state);
                        return Err(vm.runtime_error("Set changed size during iteration"));
                    }
                    (table.next_entry(*entry_index), true)
                }
                _ => (None, false),
            };
            let _ = is_set;
            match entry {
                Some((entry, after)) => {
                    *entry_index = after;
                    drop(state);
                    Ok(Some(match view_kind {
                        DictViewKind::Keys => entry.key,
                        DictViewKind::Values => entry.value,
                        DictViewKind::Items => vm.new_tuple(vec![entry.key, entry.value]),
                    }))
                }
                None => {
                    *state = IterState::Exhausted;
                    Ok(None)
                }
            }
        }
        IterState::Reversed {
            sequence,
            next_index,
        } => {
            if *next_index < 0 {
                *state = IterState::Exhausted;
                return Ok(None);
            }
            let (sequence, index) = (*sequence, *next_index);
            *next_index -= 1;
            drop(state);
            let len = crate::ops::len(vm, sequence)? as isize;
            if index >= len {
                *cell.borrow_mut() = IterState::Exhausted;
                return Ok(None);
            }
            let key = vm.new_int(index as i64);
            crate::ops::getitem(vm, sequence, key).map(Some)
        }
        IterState::Sequence {
            sequence,
            next_index,
        } => {
            let (sequence, index) = (*sequence, *next_index);
            *next_index += 1;
            drop(state);
            let length = match kind(&sequence) {
                Some(ObjKind::Range(r)) => r.len(),
                _ => crate::ops::len(vm, sequence)? as i128,
            };
            if index as i128 >= length {
                *cell.borrow_mut() = IterState::Exhausted;
                return Ok(None);
            }
            let key = vm.new_int(index as i64);
            crate::ops::getitem(vm, sequence, key).map(Some)
        }
        IterState::Enumerate { inner, count } => {
            let (inner, count) = (*inner, *count);
            drop(state);
            match next(vm, inner)? {
                Some(item) => {
                    let one = Value::small_int(1).expect("1 is small");
                    let incremented =
                        crate::ops::binary_op(vm, count, one, cpjit_bytecode::BinaryOpArg::Add)?;
                    if let IterState::Enumerate { count: c, .. } = &mut *cell.borrow_mut() {
                        *c = incremented;
                    }
                    Ok(Some(vm.new_tuple(vec![count, item])))
                }
                None => Ok(None),
            }
        }
        IterState::Zip { iterators, strict } => {
            let (iterators, strict) = (iterators.clone(), *strict);
            drop(state);
            if iterators.is_empty() {
                return Ok(None);
            }
            let mut items = Vec::with_capacity(iterators.len());
            for (position, it) in iterators.iter().enumerate() {
                match next(vm, *it)? {
                    Some(v) => items.push(v),
                    None => {
                        *cell.borrow_mut() = IterState::Exhausted;
                        if strict {
                            if position > 0 {
                                let plural = if position == 1 { "" } else { "s" };
                                return Err(vm.value_error(format!(
                                    "zip() argument {} is shorter than argument{plural} {}",
                                    position + 1,
                                    if position == 1 {
                                        "1".to_string()
                                    } else {
                                        format!("1-{position}")
                                    }
                                )));
                            }
                            for (later, it) in iterators.iter().enumerate().skip(1) {
                                if next(vm, *it)?.is_some() {
                                    let plural = if later == 1 { "" } else { "s" };
                                    return Err(vm.value_error(format!(
                                        "zip() argument {} is longer than argument{plural} {}",
                                        later + 1,
                                        if later == 1 {
                                            "1".to_string()
                                        } else {
                                            format!("1-{later}")
                                        }
                                    )));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(vm.new_tuple(items)))
        }
        IterState::Map {
            function,
            iterators,
        } => {
            let (function, iterators) = (*function, iterators.clone());
            drop(state);
            let mut args = Vec::with_capacity(iterators.len());
            for it in iterators {
                match next(vm, it)? {
                    Some(v) => args.push(v),
                    None => {
                        *cell.borrow_mut() = IterState::Exhausted;
                        return Ok(None);
                    }
                }
            }
            crate::call::call(vm, function, &args, &[]).map(Some)
        }
        IterState::Filter { function, inner } => {
            let (function, inner) = (*function, *inner);
            drop(state);
            loop {
                let Some(item) = next(vm, inner)? else {
                    *cell.borrow_mut() = IterState::Exhausted;
                    return Ok(None);
                };
                let keep = if function.is_none() {
                    crate::ops::truthy(vm, item)?
                } else {
                    let result = crate::call::call(vm, function, &[item], &[])?;
                    crate::ops::truthy(vm, result)?
                };
                if keep {
                    return Ok(Some(item));
                }
            }
        }
        IterState::Permutations(p) => match p.step() {
            Some(items) => {
                drop(state);
                Ok(Some(vm.new_tuple(items)))
            }
            None => {
                *state = IterState::Exhausted;
                Ok(None)
            }
        },
        IterState::Callable { function, sentinel } => {
            let (function, sentinel) = (*function, *sentinel);
            drop(state);
            let value = crate::call::call(vm, function, &[], &[])?;
            if crate::ops::eq(vm, value, sentinel)? {
                *cell.borrow_mut() = IterState::Exhausted;
                return Ok(None);
            }
            Ok(Some(value))
        }
        IterState::GetItem {
            sequence,
            next_index,
        } => {
            let (sequence, index) = (*sequence, *next_index);
            *next_index += 1;
            drop(state);
            let key = vm.new_int(index as i64);
            match crate::ops::getitem(vm, sequence, key) {
                Ok(item) => Ok(Some(item)),
                Err(error)
                    if vm.isinstance(error.0, vm.exceptions.index_error)
                        || vm.isinstance(error.0, vm.exceptions.stop_iteration) =>
                {
                    *cell.borrow_mut() = IterState::Exhausted;
                    Ok(None)
                }
                Err(error) => Err(error),
            }
        }
    }
}

/// Resumes a generator from native code (collection is held off meanwhile, as for any
/// native → Python call: the caller's temporaries are on the native stack).
pub fn resume_generator(
    vm: &mut Vm,
    generator: Value,
    sent: Value,
    throw: Option<Value>,
) -> PyResult<crate::vm::GeneratorResume> {
    resume_generator_from_native(vm, generator, sent, throw, true)
}

/// Resumes a generator from native code; with `hold_collector` the collector stays off
/// while it runs (the native caller may hold values the collector cannot see).
fn resume_generator_from_native(
    vm: &mut Vm,
    generator: Value,
    sent: Value,
    throw: Option<Value>,
    hold_collector: bool,
) -> PyResult<crate::vm::GeneratorResume> {
    if vm.native_depth >= crate::call::MAX_NATIVE_DEPTH {
        return Err(vm.recursion_error());
    }
    let inhibit = u32::from(hold_collector);
    vm.native_depth += 1;
    vm.gc_inhibit += inhibit;
    let hook = vm.resume_hook;
    let result = hook(vm, generator, sent, throw);
    vm.gc_inhibit -= inhibit;
    vm.native_depth -= 1;
    result
}

/// [`next`] for callers that have rooted `iterator` and hold no other value the
/// collector cannot see (`any`, `all`): a generator runs without the collector held
/// off (see [`collect_letting_generators_collect`]).
pub fn next_letting_generators_collect(vm: &mut Vm, iterator: Value) -> PyResult<Option<Value>> {
    if !matches!(kind(&iterator), Some(ObjKind::Generator(_))) {
        return next(vm, iterator);
    }
    generator_next(vm, iterator, false)
}

/// `next(generator)` from native code (see [`resume_generator_from_native`]).
fn generator_next(vm: &mut Vm, generator: Value, hold_collector: bool) -> PyResult<Option<Value>> {
    Ok(
        match resume_generator_from_native(vm, generator, Value::NONE, None, hold_collector)? {
            crate::vm::GeneratorResume::Yielded(item) => Some(item),
            crate::vm::GeneratorResume::Returned(_) => None,
        },
    )
}

/// [`collect`] for callers that hold no value of their own the collector cannot see
/// while it runs (the builtin constructors `list(it)`, `tuple(it)`, `set(it)`,
/// `frozenset(it)`: their other argument is the builtin type). Draining a generator,
/// the items gathered so far live in a rooted list and the generator is rooted, so its
/// code may run the collector — a long generator (`list(gen)`) would otherwise keep
/// every object it made alive until it finished. Anything else goes through
/// [`collect`].
pub fn collect_letting_generators_collect(vm: &mut Vm, iterable: Value) -> PyResult<Vec<Value>> {
    if !matches!(kind(&iterable), Some(ObjKind::Generator(_))) {
        return collect(vm, iterable);
    }
    let gathered = vm.new_list(Vec::new());
    vm.temp_roots.push(iterable);
    vm.temp_roots.push(gathered);
    let result = (|| {
        while let Some(item) = generator_next(vm, iterable, false)? {
            if let Some(ObjKind::List(items)) = kind(&gathered) {
                items.borrow_mut().push(item);
            }
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    vm.temp_roots.pop();
    result?;
    Ok(match kind(&gathered) {
        Some(ObjKind::List(items)) => std::mem::take(&mut *items.borrow_mut()),
        _ => Vec::new(),
    })
}

/// Collects any iterable into a vector (fast paths for the builtin sequences).
pub fn collect(vm: &mut Vm, iterable: Value) -> PyResult<Vec<Value>> {
    match kind(&iterable) {
        Some(ObjKind::List(items)) => return Ok(items.borrow().to_vec()),
        Some(ObjKind::Tuple(items)) => return Ok(items.to_vec()),
        Some(ObjKind::Dict(table)) => return Ok(table.borrow().keys()),
        Some(ObjKind::Set(set)) => return Ok(set.table.borrow().keys()),
        Some(ObjKind::Range(r)) => {
            let r = **r;
            let len = r.len();
            if len > 1 << 28 {
                return Err(vm.new_error(vm.exceptions.memory_error, ""));
            }
            return Ok((0..len).map(|i| vm.new_int_i128(r.get(i))).collect());
        }
        _ => {}
    }
    let iterator = get_iter(vm, iterable)?;
    let mut out = Vec::new();
    vm.temp_roots.push(iterator);
    let result = (|| {
        while let Some(v) = next(vm, iterator)? {
            out.push(v);
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    result.map(|_| out)
}

/// The iterators tier 2 iterates without the generic protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FastIter {
    Range,
    List,
}

/// What [`fast_next`] produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FastNext {
    /// An item to push as is.
    Item(Value),
    /// A range value (the caller boxes it).
    Int(i64),
}

/// Whether `iterator` is an iterator of the given kind (`_ITER_CHECK_*`).
pub fn is_fast_iterator(iterator: Value, expected: FastIter) -> bool {
    match kind(&iterator) {
        Some(ObjKind::Iterator(state)) => matches!(
            (&*state.borrow(), expected),
            (IterState::Range { .. }, FastIter::Range) | (IterState::List { .. }, FastIter::List)
        ),
        _ => false,
    }
}

/// Whether a range or list iterator has an item left (`_GUARD_NOT_EXHAUSTED_*`).
pub fn fast_iterator_has_next(iterator: Value) -> bool {
    match kind(&iterator) {
        Some(ObjKind::Iterator(state)) => match &*state.borrow() {
            IterState::Range { remaining, .. } => *remaining > 0,
            IterState::List { list, index } => match kind(list) {
                Some(ObjKind::List(items)) => *index < items.borrow().len(),
                _ => false,
            },
            _ => false,
        },
        _ => false,
    }
}

/// Finishes a range or list iterator that has no item left, as tier 1's exhausted
/// `FOR_ITER` does (a list iterator stays exhausted even if its list grows later).
/// Returns false, changing nothing, when it is not such an iterator or has an item
/// left (`_ITER_END`'s guard).
pub fn finish_fast_iterator(iterator: Value) -> bool {
    let Some(ObjKind::Iterator(state)) = kind(&iterator) else {
        return false;
    };
    let mut state = state.borrow_mut();
    match &*state {
        IterState::Range { remaining, .. } => *remaining <= 0,
        IterState::List { list, index } => match kind(list) {
            Some(ObjKind::List(items)) if *index >= items.borrow().len() => {
                *state = IterState::Exhausted;
                true
            }
            _ => false,
        },
        _ => false,
    }
}

/// Advances a range or list iterator (`_ITER_NEXT_*`). `None` leaves the iterator as
/// it was: not a range or list iterator, a list with no item left, or (with
/// `small_only`) a range value outside the inline int range (the caller's slow path
/// boxes it).
pub fn fast_next(iterator: Value, small_only: bool) -> Option<FastNext> {
    let Some(ObjKind::Iterator(state)) = kind(&iterator) else {
        return None;
    };
    match &mut *state.borrow_mut() {
        IterState::Range {
            next,
            remaining,
            step,
        } => {
            let value = *next;
            if small_only && Value::small_int(value).is_none() {
                return None;
            }
            *remaining -= 1;
            *next = next.wrapping_add(*step);
            Some(FastNext::Int(value))
        }
        IterState::List { list, index } => {
            let item = match kind(list) {
                Some(ObjKind::List(items)) => items.borrow().get(*index).copied(),
                _ => None,
            }?;
            *index += 1;
            Some(FastNext::Item(item))
        }
        _ => None,
    }
}

/// `list[i]` for a list and an in-range small int (`_BINARY_SUBSCR_LIST_INT`).
pub fn list_item_fast(container: Value, key: Value) -> Option<Value> {
    let (Some(ObjKind::List(items)), Some(i)) = (kind(&container), key.as_small_int()) else {
        return None;
    };
    let items = items.borrow();
    let n = items.len() as i64;
    let index = if i < 0 { i + n } else { i };
    (0..n).contains(&index).then(|| items[index as usize])
}

/// `list.append(item)` as `LIST_APPEND` does it (comprehensions); false, changing
/// nothing, when `list` is not a list.
pub fn list_append_fast(list: Value, item: Value) -> bool {
    match kind(&list) {
        Some(ObjKind::List(items)) => {
            items.borrow_mut().push(item);
            true
        }
        _ => false,
    }
}

/// `list[i] = value` for a list and an in-range small int (`_STORE_SUBSCR_LIST_INT`);
/// whether it stored.
pub fn list_store_fast(container: Value, key: Value, value: Value) -> bool {
    let (Some(ObjKind::List(items)), Some(i)) = (kind(&container), key.as_small_int()) else {
        return false;
    };
    let mut items = items.borrow_mut();
    let n = items.len() as i64;
    let index = if i < 0 { i + n } else { i };
    if (0..n).contains(&index) {
        items[index as usize] = value;
        true
    } else {
        false
    }
}

/// `UNPACK_SEQUENCE_TUPLE`/`_TWO_TUPLE` (`list` false) and `UNPACK_SEQUENCE_LIST`'s
/// fast form: the items of an exact tuple or list with exactly `out.len()` items,
/// last first (the order they are pushed in), into `out`; false, writing nothing,
/// for anything else.
pub fn unpack_exact(sequence: Value, list: bool, out: &mut [Value]) -> bool {
    let copy = |items: &[Value], out: &mut [Value]| {
        for (slot, item) in out.iter_mut().zip(items.iter().rev()) {
            *slot = *item;
        }
    };
    match (kind(&sequence), list) {
        (Some(ObjKind::Tuple(items)), false) if items.len() == out.len() => {
            copy(items, out);
            true
        }
        (Some(ObjKind::List(items)), true) => match items.try_borrow() {
            Some(items) if items.len() == out.len() => {
                copy(&items, out);
                true
            }
            _ => false,
        },
        _ => false,
    }
}
