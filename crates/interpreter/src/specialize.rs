//! Specialization: deciding, from the operands an instruction sees, which of CPython
//! 3.13's specialized forms to rewrite it into, and filling its inline cache.
//!
//! Owns the decisions and the statistics of success and failure. Must never execute
//! an instruction (that is `eval.rs`); every specialized form it installs re-checks its
//! guard when it runs, so a wrong guess costs a miss, never a wrong result.

use cpjit_bytecode::{AdaptiveOpcode, BinaryOpArg, CodeFlags, CompareOp, Opcode};
use cpjit_runtime::object::{
    counter, AdaptiveInstruction, CodeData, InlineCache, IterState, ObjKind,
};
use cpjit_runtime::ops;
use cpjit_runtime::vm::{kind, AttributeFacts, AttributeMemoSlot};
use cpjit_runtime::{Value, Vm};

fn peek(vm: &Vm, depth: usize) -> Value {
    vm.stack[vm.stack.len() - depth]
}

/// Runs the adaptive prologue of a generic specializable instruction at `index`.
/// Returns `true` when the instruction was just (re)specialized and must be dispatched
/// again; otherwise counts down its warm-up counter.
#[inline]
pub fn adapt(
    vm: &mut Vm,
    code: &CodeData,
    index: usize,
    family: Opcode,
    arg: u32,
    frame_globals: (Value, Value),
) -> bool {
    let cache = &code.caches[index];
    let mut entry = cache.get();
    if !counter::triggers(entry.counter) {
        entry.counter = counter::decrement(entry.counter);
        cache.set(entry);
        return false;
    }
    if !vm.specialization_enabled || vm.unspecialized_families.contains(&family) {
        // Kept generic: the counter backs off as after a failed attempt, so the
        // instruction runs as it would if the family had no specialized forms (and
        // does not stop the inner loop at every execution).
        entry.counter = counter::backoff(entry.counter);
        cache.set(entry);
        return false;
    }
    let was_specialized = code.instructions[index].get().op.is_specialized();
    let chosen = choose(vm, code, family, arg, frame_globals);
    let stats = &mut vm.stats.specialization[family as usize];
    match chosen {
        Some((op, mut fresh)) => {
            stats.specialized += 1;
            fresh.counter = counter::COOLDOWN;
            cache.set(fresh);
            code.instructions[index].set(AdaptiveInstruction { op, arg });
        }
        None => {
            stats.failed += 1;
            if was_specialized {
                stats.deopts += 1;
            }
            entry.counter = counter::backoff(entry.counter);
            cache.set(entry);
            code.instructions[index].set(AdaptiveInstruction {
                op: family.into(),
                arg,
            });
        }
    }
    true
}

/// Whether `name` on instances of `class` is a plain instance attribute — read from
/// and written to the instance's namespace, whatever it holds — as far as the class
/// says: no data descriptor (property, slot) or attribute hook in the MRO decides
/// instead, and it is not a dunder the attribute model answers itself (`__class__`,
/// `__dict__`). Returns the class and the class epoch (as a cache index) the answer
/// holds for; `None` when it is not, or the epoch no longer fits a cache entry.
fn plain_instance_attribute(vm: &mut Vm, class: Value, name: Value) -> Option<(Value, u32)> {
    let epoch = u32::try_from(vm.class_epoch)
        .ok()
        .filter(|e| *e != u32::MAX)?;
    is_plain_attribute(vm, class, name).then_some((class, epoch))
}

/// Whether `name` is a plain instance attribute for instances of `class` at the
/// current class epoch (see [`plain_instance_attribute`]), memoized in the VM.
pub(crate) fn is_plain_attribute(vm: &mut Vm, class: Value, name: Value) -> bool {
    attribute_facts(vm, class, name).plain
}

/// What `class`'s MRO says about `name` at the current class epoch, memoized.
#[inline]
pub(crate) fn attribute_facts(vm: &mut Vm, class: Value, name: Value) -> AttributeFacts {
    match AttributeMemoSlot::lookup(&vm.attribute_memo, class, name, vm.class_epoch) {
        Some(facts) => facts,
        None => attribute_facts_slow(vm, class, name),
    }
}

/// [`attribute_facts`] past its direct-mapped front: the map, or the MRO.
#[inline(never)]
fn attribute_facts_slow(vm: &mut Vm, class: Value, name: Value) -> AttributeFacts {
    let facts = attribute_facts_in_map(vm, class, name);
    AttributeMemoSlot::insert(&mut vm.attribute_memo, class, name, facts);
    facts
}

fn attribute_facts_in_map(vm: &mut Vm, class: Value, name: Value) -> AttributeFacts {
    let key = (class.raw(), name.raw());
    match vm.plain_attributes.get(&key) {
        Some(facts) if facts.epoch == vm.class_epoch => *facts,
        _ => {
            let (plain, on_class) = find_plain_attribute(vm, class, name);
            let method = on_class
                .filter(|m| plain && matches!(kind(m), Some(ObjKind::Function(_))))
                .unwrap_or(Value::NULL);
            let facts = AttributeFacts {
                epoch: vm.class_epoch,
                plain,
                method,
            };
            vm.plain_attributes.insert(key, facts);
            facts
        }
    }
}

/// Whether `name` is a plain instance attribute of `class`'s instances, and what the
/// class's MRO holds under it.
fn find_plain_attribute(vm: &mut Vm, class: Value, name: Value) -> (bool, Option<Value>) {
    use cpjit_runtime::attr::type_lookup;
    // User classes only (instances of builtin types such as `super` answer their
    // attributes themselves).
    if !matches!(kind(&class), Some(ObjKind::Type(t)) if t.builtin.is_none()) {
        return (false, None);
    }
    let Some(text) = cpjit_runtime::display::str_text(&name) else {
        return (false, None);
    };
    if text.starts_with("__") && text.ends_with("__") {
        return (false, None);
    }
    // Slots, or attribute hooks written in Python (`object`'s own are builtins).
    for hook in [
        "__slots__",
        "__getattribute__",
        "__setattr__",
        "__delattr__",
    ] {
        let hook = vm.intern(hook);
        let written_in_python = type_lookup(class, hook)
            .is_some_and(|found| !matches!(kind(&found), Some(ObjKind::Native(_))));
        if written_in_python {
            return (false, None);
        }
    }
    let on_class = type_lookup(class, name);
    if let Some(found) = on_class {
        // A function or plain value on the class is non-data: the instance's
        // namespace wins over it. Anything else may be a descriptor.
        let non_data = match kind(&found) {
            None => true,
            Some(k) => matches!(
                k,
                ObjKind::Function(_)
                    | ObjKind::Str(_)
                    | ObjKind::BigInt(_)
                    | ObjKind::Tuple(_)
                    | ObjKind::List(_)
                    | ObjKind::Dict(_)
            ),
        };
        if !non_data {
            return (false, on_class);
        }
    }
    (true, on_class)
}

/// Where `name` is in the namespace `dict` (an entry position), if it is there.
fn dict_position(dict: Value, name: Value) -> Option<usize> {
    let Some(ObjKind::Dict(table)) = kind(&dict) else {
        return None;
    };
    let Some(ObjKind::Str(s)) = kind(&name) else {
        return None;
    };
    let hash = s
        .hash
        .get()
        .unwrap_or_else(|| cpjit_runtime::ops::str_hash(&s.text));
    let table = table.borrow();
    table.find(hash, |k| k == name)
}

fn cache_with(value: Value, key: u64, index: u32) -> InlineCache {
    InlineCache {
        counter: 0,
        index,
        key,
        value,
    }
}

fn is_str(v: &Value) -> bool {
    matches!(kind(v), Some(ObjKind::Str(_)))
}

/// Picks a specialized form for the operands on the stack, or `None`.
fn choose(
    vm: &mut Vm,
    code: &CodeData,
    family: Opcode,
    arg: u32,
    (globals, builtins): (Value, Value),
) -> Option<(AdaptiveOpcode, InlineCache)> {
    use AdaptiveOpcode as A;
    let plain = InlineCache::default();
    match family {
        Opcode::BINARY_OP => {
            let (lhs, rhs) = (peek(vm, 2), peek(vm, 1));
            let op = BinaryOpArg::from_arg(arg)?.base();
            if lhs.is_small_int() && rhs.is_small_int() {
                return match op {
                    BinaryOpArg::Add => Some((A::BINARY_OP_ADD_INT, plain)),
                    BinaryOpArg::Subtract => Some((A::BINARY_OP_SUBTRACT_INT, plain)),
                    BinaryOpArg::Multiply => Some((A::BINARY_OP_MULTIPLY_INT, plain)),
                    _ => None,
                };
            }
            if lhs.is_float() && rhs.is_float() {
                return match op {
                    BinaryOpArg::Add => Some((A::BINARY_OP_ADD_FLOAT, plain)),
                    BinaryOpArg::Subtract => Some((A::BINARY_OP_SUBTRACT_FLOAT, plain)),
                    BinaryOpArg::Multiply => Some((A::BINARY_OP_MULTIPLY_FLOAT, plain)),
                    _ => None,
                };
            }
            if is_str(&lhs) && is_str(&rhs) && op == BinaryOpArg::Add {
                return Some((A::BINARY_OP_ADD_UNICODE, plain));
            }
            None
        }
        Opcode::COMPARE_OP => {
            let (lhs, rhs) = (peek(vm, 2), peek(vm, 1));
            let (op, _) = CompareOp::from_arg(arg)?;
            if lhs.is_small_int() && rhs.is_small_int() {
                return Some((A::COMPARE_OP_INT, plain));
            }
            if lhs.is_float() && rhs.is_float() {
                return Some((A::COMPARE_OP_FLOAT, plain));
            }
            if is_str(&lhs) && is_str(&rhs) && matches!(op, CompareOp::Eq | CompareOp::Ne) {
                return Some((A::COMPARE_OP_STR, plain));
            }
            None
        }
        Opcode::TO_BOOL => {
            let v = peek(vm, 1);
            if v.is_bool() {
                Some((A::TO_BOOL_BOOL, plain))
            } else if v.is_small_int() {
                Some((A::TO_BOOL_INT, plain))
            } else if v.is_none() {
                Some((A::TO_BOOL_NONE, plain))
            } else {
                match kind(&v) {
                    Some(ObjKind::List(_)) => Some((A::TO_BOOL_LIST, plain)),
                    Some(ObjKind::Str(_)) => Some((A::TO_BOOL_STR, plain)),
                    _ => None,
                }
            }
        }
        Opcode::LOAD_GLOBAL => {
            let name = code.names[(arg >> 1) as usize];
            let (Some(ObjKind::Dict(g)), Some(ObjKind::Dict(b))) =
                (kind(&globals), kind(&builtins))
            else {
                return None;
            };
            let hash = str_hash(&name)?;
            if let Some(index) = g.borrow().find(hash, |k| k == name) {
                return Some((
                    A::LOAD_GLOBAL_MODULE,
                    cache_with(Value::NULL, 0, index as u32),
                ));
            }
            let keys_version = g.borrow().keys_version();
            let index = b.borrow().find(hash, |k| k == name)?;
            Some((
                A::LOAD_GLOBAL_BUILTIN,
                cache_with(Value::NULL, keys_version, index as u32),
            ))
        }
        Opcode::LOAD_ATTR => {
            let owner = peek(vm, 1);
            let name = code.names[(arg >> 1) as usize];
            match kind(&owner) {
                Some(ObjKind::Module(m)) => {
                    let Some(ObjKind::Dict(d)) = kind(&m.dict) else {
                        return None;
                    };
                    let index = d.borrow().find(str_hash(&name)?, |k| k == name)?;
                    Some((
                        A::LOAD_ATTR_MODULE,
                        cache_with(Value::NULL, owner.raw(), index as u32),
                    ))
                }
                Some(ObjKind::Instance(instance)) => {
                    let (class, epoch) = plain_instance_attribute(vm, instance.class, name)?;
                    let in_dict = dict_position(instance.dict, name);
                    match (in_dict, arg & 1 != 0) {
                        // In the instance's own namespace (with the method bit, a
                        // callable attribute: pushed with NULL, no binding).
                        (Some(position), _) => Some((
                            A::LOAD_ATTR_INSTANCE_VALUE,
                            cache_with(class, position as u64, epoch),
                        )),
                        // A method found on the class, not shadowed: pushed unbound
                        // with the instance as `self`.
                        (None, true) => {
                            let method = cpjit_runtime::attr::type_lookup(class, name)?;
                            matches!(kind(&method), Some(ObjKind::Function(_))).then(|| {
                                (
                                    A::LOAD_ATTR_METHOD_WITH_VALUES,
                                    cache_with(class, method.raw(), epoch),
                                )
                            })
                        }
                        (None, false) => None,
                    }
                }
                Some(ObjKind::Type(_) | ObjKind::Exception(_) | ObjKind::Function(_)) => None,
                _ if arg & 1 != 0 => {
                    let ty = vm.type_of(owner);
                    let descriptor = cpjit_runtime::attr::type_lookup(ty, name)?;
                    match kind(&descriptor) {
                        Some(ObjKind::Native(n)) if !n.owner.is_null() && n.receiver.is_null() => {
                            Some((
                                A::LOAD_ATTR_METHOD_NO_DICT,
                                cache_with(descriptor, ty.raw(), 0),
                            ))
                        }
                        _ => None,
                    }
                }
                _ => None,
            }
        }
        Opcode::CALL => {
            let n = arg as usize;
            let callable = peek(vm, n + 2);
            let self_or_null = peek(vm, n + 1);
            let with_self = usize::from(!self_or_null.is_null());
            match kind(&callable) {
                Some(ObjKind::Function(f)) => {
                    let code = crate::eval::code_data(&f.code);
                    let nargs = n + with_self;
                    let op = if crate::inner_loop::binds_exactly(code, nargs) {
                        A::CALL_PY_EXACT_ARGS
                    } else if crate::inner_loop::binds_with_defaults(f, code, nargs) {
                        A::CALL_PY_WITH_DEFAULTS
                    } else {
                        return None;
                    };
                    Some((op, cache_with(callable, 0, 0)))
                }
                Some(ObjKind::BoundMethod(m)) if self_or_null.is_null() => {
                    match kind(&m.function) {
                        Some(ObjKind::Function(f)) if exact_args(&f.code, n + 1) => Some((
                            A::CALL_BOUND_METHOD_EXACT_ARGS,
                            cache_with(m.function, 0, 0),
                        )),
                        _ => None,
                    }
                }
                Some(ObjKind::Native(native)) => {
                    if native.owner.is_null() {
                        if !self_or_null.is_null() {
                            return None;
                        }
                        let op = match (native.name, n) {
                            ("len", 1) if native.receiver.is_null() => A::CALL_LEN,
                            ("isinstance", 2) if native.receiver.is_null() => A::CALL_ISINSTANCE,
                            _ => A::CALL_BUILTIN_FAST,
                        };
                        Some((op, cache_with(callable, 0, 0)))
                    } else if !self_or_null.is_null() {
                        let is_list_append = native.name == "append"
                            && native.owner == vm.types.list
                            && n == 1
                            && matches!(kind(&self_or_null), Some(ObjKind::List(_)));
                        let op = if is_list_append {
                            A::CALL_LIST_APPEND
                        } else {
                            A::CALL_METHOD_DESCRIPTOR_FAST
                        };
                        Some((op, cache_with(callable, 0, 0)))
                    } else {
                        None
                    }
                }
                Some(ObjKind::Type(t))
                    if t.constructor.get().is_some() && self_or_null.is_null() =>
                {
                    Some((A::CALL_BUILTIN_CLASS, cache_with(callable, 0, 0)))
                }
                Some(ObjKind::Type(_)) if self_or_null.is_null() => {
                    let (init, epoch) = plain_construction(vm, callable, n)?;
                    Some((
                        A::CALL_ALLOC_AND_ENTER_INIT,
                        cache_with(callable, init.raw(), epoch),
                    ))
                }
                _ => None,
            }
        }
        Opcode::BINARY_SUBSCR => {
            let (container, key) = (peek(vm, 2), peek(vm, 1));
            match kind(&container) {
                Some(ObjKind::List(_)) if key.is_small_int() => {
                    Some((A::BINARY_SUBSCR_LIST_INT, plain))
                }
                Some(ObjKind::Tuple(_)) if key.is_small_int() => {
                    Some((A::BINARY_SUBSCR_TUPLE_INT, plain))
                }
                Some(ObjKind::Str(_)) if key.is_small_int() => {
                    Some((A::BINARY_SUBSCR_STR_INT, plain))
                }
                Some(ObjKind::Dict(_)) => Some((A::BINARY_SUBSCR_DICT, plain)),
                _ => None,
            }
        }
        Opcode::STORE_ATTR => {
            let owner = peek(vm, 1);
            let name = code.names[arg as usize];
            let Some(ObjKind::Instance(instance)) = kind(&owner) else {
                return None;
            };
            let (class, epoch) = plain_instance_attribute(vm, instance.class, name)?;
            // Where the name sits in the namespace now (if it does): the usual place
            // for it in every instance its class's `__init__` made.
            let position = dict_position(instance.dict, name).map_or(u64::MAX, |p| p as u64);
            Some((
                A::STORE_ATTR_INSTANCE_VALUE,
                cache_with(class, position, epoch),
            ))
        }
        Opcode::STORE_SUBSCR => {
            let (container, key) = (peek(vm, 2), peek(vm, 1));
            match kind(&container) {
                Some(ObjKind::List(_)) if key.is_small_int() => {
                    Some((A::STORE_SUBSCR_LIST_INT, plain))
                }
                Some(ObjKind::Dict(_)) => Some((A::STORE_SUBSCR_DICT, plain)),
                _ => None,
            }
        }
        Opcode::FOR_ITER => match kind(&peek(vm, 1)) {
            Some(ObjKind::Generator(_)) => Some((A::FOR_ITER_GEN, plain)),
            Some(ObjKind::Iterator(state)) => match &*state.borrow() {
                IterState::Range { .. } => Some((A::FOR_ITER_RANGE, plain)),
                IterState::List { .. } => Some((A::FOR_ITER_LIST, plain)),
                IterState::Tuple { .. } => Some((A::FOR_ITER_TUPLE, plain)),
                _ => None,
            },
            _ => None,
        },
        Opcode::SEND => match kind(&peek(vm, 2)) {
            Some(ObjKind::Generator(_)) => Some((A::SEND_GEN, plain)),
            _ => None,
        },
        Opcode::UNPACK_SEQUENCE => match kind(&peek(vm, 1)) {
            Some(ObjKind::Tuple(items)) if items.len() == arg as usize => {
                if arg == 2 {
                    Some((A::UNPACK_SEQUENCE_TWO_TUPLE, plain))
                } else {
                    Some((A::UNPACK_SEQUENCE_TUPLE, plain))
                }
            }
            Some(ObjKind::List(items)) if items.borrow().len() == arg as usize => {
                Some((A::UNPACK_SEQUENCE_LIST, plain))
            }
            _ => None,
        },
        Opcode::CONTAINS_OP => match kind(&peek(vm, 1)) {
            Some(ObjKind::Dict(_)) => Some((A::CONTAINS_OP_DICT, plain)),
            Some(ObjKind::Set(_)) => Some((A::CONTAINS_OP_SET, plain)),
            _ => None,
        },
        _ => None,
    }
}

/// Whether calling `class` with `nargs` positional arguments is what
/// `CALL_ALLOC_AND_ENTER_INIT` does (CPython's `specialize_class_call`): a plain user
/// class (metaclass `type`, no builtin base, not an exception, no Python `__new__`)
/// whose `__init__` is a Python function binding `self` and the arguments exactly.
/// Returns that `__init__` and the class epoch (as a cache index) the answer holds for.
fn plain_construction(vm: &mut Vm, class: Value, nargs: usize) -> Option<(Value, u32)> {
    use cpjit_runtime::attr::type_lookup;
    let epoch = u32::try_from(vm.class_epoch)
        .ok()
        .filter(|e| *e != u32::MAX)?;
    let Some(ObjKind::Type(t)) = kind(&class) else {
        return None;
    };
    if t.builtin.is_some()
        || t.constructor.get().is_some()
        || !t.metaclass.is_null()
        || vm.is_subtype(class, vm.types.type_)
        || vm.is_subtype(class, vm.exceptions.base_exception)
        || vm.builtin_base(class).is_some()
    {
        return None;
    }
    let new_name = vm.intern_static("__new__");
    let new_is_builtin = match type_lookup(class, new_name).as_ref().map(kind) {
        None => true,
        Some(Some(ObjKind::Native(_))) => true,
        Some(Some(ObjKind::Descriptor(d))) => matches!(kind(&d.function), Some(ObjKind::Native(_))),
        Some(_) => false,
    };
    if !new_is_builtin {
        return None;
    }
    let init_name = vm.intern_static("__init__");
    let init = type_lookup(class, init_name)?;
    let Some(ObjKind::Function(f)) = kind(&init) else {
        return None;
    };
    binds_exactly_and_returns(&f.code, nargs + 1).then_some((init, epoch))
}

/// Whether `code` binds `nargs` positional arguments exactly and returns normally (not
/// a generator or coroutine, whose call would return an object): what a frame pushed
/// in place of a call needs (`__init__` entered by `CALL_ALLOC_AND_ENTER_INIT`, an
/// operator's special method).
pub(crate) fn binds_exactly_and_returns(code_value: &Value, nargs: usize) -> bool {
    exact_args(code_value, nargs)
        && matches!(kind(code_value), Some(ObjKind::Code(c)) if c.flags & GENERATOR_LIKE == 0)
}

/// `CO_GENERATOR | CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR`.
const GENERATOR_LIKE: u32 = CodeFlags::GENERATOR | CodeFlags::COROUTINE | 0x100 | 0x200;

/// Whether a call with `nargs` positional arguments binds to `code` without defaults,
/// `*args`, `**kwargs` or keyword-only parameters.
fn exact_args(code_value: &Value, nargs: usize) -> bool {
    match kind(code_value) {
        Some(ObjKind::Code(c)) => crate::inner_loop::binds_exactly(c, nargs),
        _ => false,
    }
}

fn str_hash(name: &Value) -> Option<i64> {
    match kind(name) {
        Some(ObjKind::Str(s)) => Some(s.hash.get().unwrap_or_else(|| {
            let h = ops::str_hash(&s.text);
            s.hash.set(Some(h));
            h
        })),
        _ => None,
    }
}

/// For the generic `BINARY_OP` at `index` on `lhs` and `rhs`: the special method to
/// run as a frame when the operands are two instances of one class and the operator is
/// nothing but a call of that class's method ([`cpjit_runtime::dunder::python_binary_method`],
/// binding `(self, other)` exactly and not a generator). The answer is remembered per
/// class in the instruction's inline cache (which the generic form keeps between
/// specialization attempts): class, class epoch, and the function or 0 when there is
/// none; the counter is kept. Nothing is remembered at a class epoch past what a cache
/// entry holds.
pub(crate) fn binary_method(
    vm: &mut Vm,
    code: &CodeData,
    index: usize,
    lhs: Value,
    rhs: Value,
    operator: BinaryOpArg,
) -> Option<Value> {
    let (Some(ObjKind::Instance(x)), Some(ObjKind::Instance(y))) = (kind(&lhs), kind(&rhs)) else {
        return None;
    };
    let class = x.class;
    if y.class != class {
        return None;
    }
    let epoch = u32::try_from(vm.class_epoch)
        .ok()
        .filter(|e| *e != u32::MAX)?;
    let cache = &code.caches[index];
    let mut entry = cache.get();
    if entry.value != class || entry.index != epoch {
        let function = cpjit_runtime::dunder::python_binary_method(vm, lhs, rhs, operator).filter(
            |function| match kind(function) {
                Some(ObjKind::Function(f)) => binds_exactly_and_returns(&f.code, 2),
                _ => false,
            },
        );
        entry = cache.get();
        entry.value = class;
        entry.index = epoch;
        entry.key = function.map_or(0, |function| function.raw());
        cache.set(entry);
    }
    (entry.key != 0).then(|| Value::from_raw(entry.key))
}
