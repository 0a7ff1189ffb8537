//! Heap object layouts: every kind of Python object the runtime allocates.
//!
//! Owns the shape of objects and how the collector finds the values inside them
//! ([`Object::trace`]). Must never decide *when* to collect (that is `gc.rs`) nor hold
//! Rust references into another object across a call that can run Python code.

use std::cell::{Cell, RefCell};
use std::sync::Arc;

use cpjit_bytecode::{AdaptiveOpcode, CodeObject};
use num_bigint::BigInt;

use crate::dict::DictTable;
use crate::layout::{ListObj, ReprCell};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A GC-managed heap object: a mark bit and the payload. `repr(C)` so the JIT can
/// rely on where the payload is (`layout::jit`).
#[repr(C)]
pub struct Object {
    pub(crate) marked: Cell<bool>,
    pub kind: ObjKind,
}

/// A native function: positional args first, then the values of keyword arguments whose
/// names are in `kwnames` (CPython's vectorcall convention).
pub type NativeFn = fn(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value>;

/// The payload of a heap object. `repr(u8)`: the first byte is the variant's tag, which
/// the JIT compares (`layout::jit`).
#[repr(u8)]
pub enum ObjKind {
    Str(StrObj),
    BigInt(BigInt),
    List(ListObj) = ObjKind::LIST_TAG,
    Tuple(Box<[Value]>),
    Dict(Box<RefCell<DictTable>>),
    Set(Box<SetObj>),
    Range(Box<RangeObj>),
    Slice(SliceObj),
    Function(Box<FunctionObj>) = ObjKind::FUNCTION_TAG,
    Code(Box<CodeData>),
    Cell(Cell<Value>),
    Native(NativeObj),
    Type(Box<TypeObj>),
    Exception(Box<ExceptionObj>),
    Module(ModuleObj),
    Iterator(ReprCell<IterState>) = ObjKind::ITERATOR_TAG,
    DictView(DictViewObj),
    BoundMethod(BoundMethodObj),
    Descriptor(Box<DescriptorObj>),
    Generator(Box<GeneratorObj>),
    Instance(InstanceObj),
}

impl ObjKind {
    /// The tag of `List` (its position; written out so the JIT's copy has a name).
    pub const LIST_TAG: u8 = 2;
    /// The tag of `Function`.
    pub const FUNCTION_TAG: u8 = 8;
    /// The tag of `Iterator`.
    pub const ITERATOR_TAG: u8 = 15;
}

/// An instance of a class whose layout is a plain attribute dict.
pub struct InstanceObj {
    pub class: Value,
    /// The instance `__dict__`.
    pub dict: Value,
    /// For an instance of a subclass of a builtin type (`class L(list)`), the builtin
    /// value that holds its builtin state (a `list`, `dict`, `tuple`, `str`, `int` or
    /// `float`), which the builtin type's methods and operations work on; else NULL.
    pub payload: Value,
    /// The values of `__slots__` attributes (a dict, created at the first store), kept
    /// apart from `dict` so `__dict__` never shows them; NULL until then.
    pub slot_values: Cell<Value>,
}

/// The builtin value inside an instance of a builtin type's subclass, if `v` is one.
#[inline]
pub fn builtin_payload(v: &Value) -> Option<Value> {
    match v.as_object().map(|o| &o.kind) {
        Some(ObjKind::Instance(i)) if !i.payload.is_null() => Some(i.payload),
        _ => None,
    }
}

/// A `str`: UTF-8 text (inline up to 24 bytes, so short strings cost one allocation)
/// plus its length in code points and a cached hash.
pub struct StrObj {
    pub text: compact_str::CompactString,
    pub char_len: usize,
    pub hash: Cell<Option<i64>>,
}

impl StrObj {
    pub fn new(text: compact_str::CompactString) -> StrObj {
        let char_len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        StrObj::with_char_len(text, char_len)
    }

    /// A `str` whose length in code points is already known to be `char_len`.
    pub fn with_char_len(text: compact_str::CompactString, char_len: usize) -> StrObj {
        StrObj {
            text,
            char_len,
            hash: Cell::new(None),
        }
    }

    pub fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    /// The texts of `parts` one after another (`BUILD_STRING`; a part that is not a
    /// `str` adds nothing), built at its final size, its length known from theirs.
    pub fn concat(parts: &[Value]) -> StrObj {
        let (mut bytes, mut char_len) = (0, 0);
        for part in parts {
            if let Some(ObjKind::Str(s)) = part.as_object().map(|o| &o.kind) {
                bytes += s.text.len();
                char_len += s.char_len;
            }
        }
        let mut text = compact_str::CompactString::with_capacity(bytes);
        for part in parts {
            if let Some(ObjKind::Str(s)) = part.as_object().map(|o| &o.kind) {
                text.push_str(&s.text);
            }
        }
        StrObj::with_char_len(text, char_len)
    }
}

/// `set` and `frozenset`: a key-only [`DictTable`].
pub struct SetObj {
    pub frozen: bool,
    pub table: RefCell<DictTable>,
}

/// `range(start, stop, step)`. Bounds are 128-bit so ranges past `sys.maxsize` index
/// and test membership correctly; `len()` of such a range raises OverflowError as in
/// CPython.
#[derive(Clone, Copy)]
pub struct RangeObj {
    pub start: i128,
    pub stop: i128,
    pub step: i128,
}

impl RangeObj {
    pub fn len(&self) -> i128 {
        let (start, stop, step) = (self.start, self.stop, self.step);
        if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, index: i128) -> i128 {
        self.start + index * self.step
    }

    /// Whether every value of the range fits in an `i64` (the fast iterator's domain).
    pub fn fits_i64(&self) -> bool {
        let fits = |v: i128| i64::try_from(v).is_ok();
        fits(self.start) && fits(self.stop) && fits(self.step) && fits(self.len())
    }

    /// Index of `value` in the range, if it is a member.
    pub fn position(&self, value: i128) -> Option<i128> {
        let offset = value - self.start;
        if offset % self.step != 0 {
            return None;
        }
        let index = offset / self.step;
        (index >= 0 && index < self.len()).then_some(index)
    }
}

pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// A Python function: code plus the environment it closes over.
/// `repr(C)`: the JIT reads `code` (`layout::jit`).
#[repr(C)]
pub struct FunctionObj {
    /// A `Code` object.
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// Tuple of positional defaults, or NULL.
    pub defaults: RefCell<Value>,
    /// Dict of keyword-only defaults, or NULL.
    pub kwdefaults: RefCell<Value>,
    /// Tuple of cells, or NULL.
    pub closure: RefCell<Value>,
    /// `__dict__` for function attributes, or NULL until first set.
    pub attrs: RefCell<Value>,
}

/// One instruction as the specializing interpreter stores it: the opcode may be
/// rewritten at run time into a specialized form of the same family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AdaptiveInstruction {
    pub op: AdaptiveOpcode,
    pub arg: u32,
}

/// The inline cache of one instruction (CPython keeps these in the code units after
/// the instruction; cpjit keeps a parallel array). `counter` is the adaptive backoff
/// counter; `index`, `key` and `value` hold whatever the instruction's specialization
/// needs (a dict entry position and keys version, a type, a cached callee). Every
/// specialized instruction re-checks its guard against these, so a stale entry can only
/// cause a miss; `value` is traced by the collector so a cached object cannot be freed
/// and its address reused while the cache refers to it. An `ENTER_EXECUTOR` keeps the
/// replaced `JUMP_BACKWARD`'s target (the loop head) in `index`.
#[derive(Clone, Copy, Debug)]
pub struct InlineCache {
    pub counter: u16,
    pub index: u32,
    pub key: u64,
    pub value: Value,
}

/// CPython 3.13's adaptive backoff counter (`_Py_BackoffCounter`): a 12-bit value
/// that counts down and a 4-bit backoff exponent. It "triggers" at zero; after a
/// failed attempt it restarts at `2**backoff - 1` with the exponent raised (capped at
/// 12), so repeatedly unspecializable sites are retried exponentially less often.
pub mod counter {
    const BACKOFF_BITS: u16 = 4;
    const MAX_BACKOFF: u16 = 12;

    pub const fn make(value: u16, backoff: u16) -> u16 {
        (value << BACKOFF_BITS) | backoff
    }

    /// Initial counter of specializable instructions (`adaptive_counter_warmup`).
    pub const WARMUP: u16 = make(1, 1);
    /// Counter after a successful specialization (`adaptive_counter_cooldown`): misses
    /// tolerated before re-specializing.
    pub const COOLDOWN: u16 = make(52, 0);

    #[inline]
    pub fn triggers(counter: u16) -> bool {
        counter >> BACKOFF_BITS == 0
    }

    #[inline]
    pub fn decrement(counter: u16) -> u16 {
        counter.saturating_sub(1 << BACKOFF_BITS)
    }

    /// The counter after a failed attempt: exponential backoff.
    pub fn backoff(counter: u16) -> u16 {
        let exponent = ((counter & ((1 << BACKOFF_BITS) - 1)) + 1).min(MAX_BACKOFF);
        make((1 << exponent) - 1, exponent)
    }

    pub fn value(counter: u16) -> u16 {
        counter >> BACKOFF_BITS
    }

    pub fn backoff_exponent(counter: u16) -> u16 {
        counter & ((1 << BACKOFF_BITS) - 1)
    }
}

impl Default for InlineCache {
    fn default() -> Self {
        InlineCache {
            counter: 0,
            index: 0,
            key: 0,
            value: Value::NULL,
        }
    }
}

/// Run-time companion of a [`CodeObject`]: its constants and names as values.
pub struct CodeData {
    /// The instructions as executed: a copy of `code.instructions` that specialization
    /// rewrites in place.
    pub instructions: Box<[Cell<AdaptiveInstruction>]>,
    /// One inline cache per instruction.
    pub caches: Box<[Cell<InlineCache>]>,
    pub code: Arc<CodeObject>,
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    /// Names of the localsplus slots, as str values.
    pub localsplus_names: Vec<Value>,
    /// Number of localsplus slots.
    pub nlocalsplus: usize,
    /// Stack cells a frame of this code can use: its locals and its deepest stack.
    pub frame_extent: usize,
    /// How many positional arguments a call binds one to one to the parameters (no
    /// defaults, `*args`, `**kwargs` or keyword-only parameters involved), or
    /// `u32::MAX` when binding this code's parameters needs more (a copy of what
    /// `code` says, next to the other fields a call reads).
    pub exact_arity: u32,
    /// `code.flags`, copied for the same reason.
    pub flags: u32,
    /// Index of the first cell/free slot that needs `MAKE_CELL` (informational).
    pub name_value: Value,
    pub qualname_value: Value,
}

/// A builtin function or a method descriptor of a builtin type.
pub struct NativeObj {
    pub name: &'static str,
    pub func: NativeFn,
    /// Bound receiver (e.g. `sys.stdout` for `sys.stdout.write`), or NULL.
    pub receiver: Value,
    /// For method descriptors: the type that owns it (for error messages), or NULL.
    pub owner: Value,
}

/// A class (builtin or user-defined).
pub struct TypeObj {
    pub name: Arc<str>,
    pub bases: Vec<Value>,
    /// Method resolution order, starting with the type itself.
    pub mro: RefCell<Vec<Value>>,
    /// The class namespace. Once the type exists, every change must be followed by
    /// `Vm::type_changed` (specialized attribute accesses depend on it).
    pub dict: RefCell<DictTable>,
    pub builtin: Option<BuiltinTypeId>,
    /// Constructor for builtin types (`int(...)`, `ValueError(...)`), or `None`.
    pub constructor: Cell<Option<NativeFn>>,
    /// The class's metaclass when it is not `type` (`class C(metaclass=M)`), else NULL.
    pub metaclass: Value,
    /// Every `__slots__` name declared along the MRO (`None` when no class declares
    /// `__slots__`).
    pub slots: Option<Box<[Value]>>,
    /// Whether instances have a `__dict__` (false when every class along the MRO
    /// declares `__slots__` without `"__dict__"`).
    pub has_dict: bool,
    /// The class or a base defines `__setattr__`, `__delattr__` or `__getattribute__`
    /// in Python, so attribute accesses on instances must look the hook up.
    pub attr_hooks: Cell<bool>,
    /// How many attributes the last instance whose `__init__` the interpreter entered
    /// directly had when `__init__` returned: the next one's namespace is made with
    /// room for as many, instead of growing there attribute by attribute.
    pub instance_attributes_hint: Cell<u32>,
}

/// Builtin types that the runtime treats specially.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BuiltinTypeId {
    Object,
    Type,
    Int,
    Bool,
    Float,
    Complex,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    NoneType,
    EllipsisType,
    NotImplementedType,
    Function,
    BuiltinFunction,
    Code,
    Cell,
    Module,
    Iterator,
    DictKeys,
    DictValues,
    DictItems,
    Method,
    BaseException,
}

/// An exception instance (of a builtin or user exception class).
pub struct ExceptionObj {
    pub class: Value,
    pub args: RefCell<Value>,
    /// Frames the exception passed through, innermost first: (code object, line).
    pub traceback: RefCell<Vec<(Value, u32)>>,
    pub cause: Cell<Value>,
    pub context: Cell<Value>,
    pub suppress_context: Cell<bool>,
    /// Extra attributes (`SystemExit.code`, user attributes), or NULL.
    pub attrs: RefCell<Value>,
}

pub struct ModuleObj {
    pub name: Value,
    pub dict: Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictViewKind {
    Keys,
    Values,
    Items,
}

pub struct DictViewObj {
    pub dict: Value,
    pub kind: DictViewKind,
}

/// Where a generator is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeneratorState {
    Created,
    Suspended,
    Running,
    Finished,
}

/// A generator: a suspended frame (its locals and operand stack saved here while it
/// is not running) and where to resume it.
pub struct GeneratorObj {
    pub function: Value,
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    pub state: Cell<GeneratorState>,
    /// The frame's localsplus followed by its operand stack.
    pub saved: RefCell<Vec<Value>>,
    /// Instruction to resume at.
    pub ip: Cell<usize>,
    /// The exception being handled inside the generator while it is suspended.
    pub saved_exception: Cell<Value>,
}

/// `staticmethod`, `classmethod` and `property` objects.
pub struct DescriptorObj {
    pub kind: DescriptorKind,
    /// The wrapped function (the getter for a property).
    pub function: Value,
    /// Property setter and deleter, or NULL.
    pub setter: Value,
    pub deleter: Value,
    /// A property's `doc` argument, or NULL (then `__doc__` is the getter's).
    pub doc: Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DescriptorKind {
    StaticMethod,
    ClassMethod,
    Property,
    /// A `__slots__` attribute (CPython's `member_descriptor`): `function` is the slot
    /// name, `setter` the class that declared it.
    Member,
}

pub struct BoundMethodObj {
    pub function: Value,
    pub receiver: Value,
}

/// The state of a builtin iterator. `repr(u8)`: the JIT reads the `List` and `Range`
/// states in place (`layout::jit`).
#[repr(u8)]
pub enum IterState {
    Exhausted,
    /// Sequence iteration by index over a list, tuple or `str` (by code point index for
    /// `str`, tracked with the byte position).
    /// `list` is always a `list` object (the JIT's inline path relies on it).
    List {
        list: Value,
        index: usize,
    } = IterState::LIST_TAG,
    Tuple {
        tuple: Value,
        index: usize,
    },
    Str {
        string: Value,
        byte_pos: usize,
    },
    Range {
        next: i64,
        remaining: i64,
        step: i64,
    } = IterState::RANGE_TAG,
    /// Iteration over a dict table (dict, set, or a dict view); raises if the table's
    /// size changes.
    Table {
        owner: Value,
        kind: DictViewKind,
        entry_index: usize,
        expected_len: usize,
    },
    Reversed {
        sequence: Value,
        next_index: isize,
    },
    /// Forward iteration by index through `getitem` (ranges beyond 64 bits).
    Sequence {
        sequence: Value,
        next_index: usize,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        iterators: Vec<Value>,
        strict: bool,
    },
    Map {
        function: Value,
        iterators: Vec<Value>,
    },
    Filter {
        function: Value,
        inner: Value,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        function: Value,
        sentinel: Value,
    },
    /// The old sequence protocol: `__getitem__(0)`, `__getitem__(1)`, … until
    /// IndexError or StopIteration (objects with `__getitem__` but no `__iter__`).
    GetItem {
        sequence: Value,
        next_index: usize,
    },
    /// `itertools.permutations` (native, as in CPython).
    Permutations(Box<crate::itertools::Permutations>),
}

impl IterState {
    pub const LIST_TAG: u8 = 1;
    pub const RANGE_TAG: u8 = 4;
}

impl Object {
    /// Pushes every value this object holds onto `out` (for marking).
    pub(crate) fn trace(&self, out: &mut Vec<Value>) {
        match &self.kind {
            ObjKind::Str(_) | ObjKind::BigInt(_) | ObjKind::Range(_) => {}
            ObjKind::List(items) => out.extend(items.borrow().iter().filter(|v| v.is_object())),
            ObjKind::Tuple(items) => out.extend(items.iter().filter(|v| v.is_object())),
            ObjKind::Dict(table) => table.borrow().trace(out),
            ObjKind::Set(set) => set.table.borrow().trace(out),
            ObjKind::Slice(s) => out.extend([s.start, s.stop, s.step]),
            ObjKind::Function(f) => out.extend([
                f.code,
                f.globals,
                f.builtins,
                *f.name.borrow(),
                *f.qualname.borrow(),
                *f.defaults.borrow(),
                *f.kwdefaults.borrow(),
                *f.closure.borrow(),
                *f.attrs.borrow(),
            ]),
            ObjKind::Code(c) => {
                out.extend(c.caches.iter().map(|cache| cache.get().value));
                out.extend(c.consts.iter().copied());
                out.extend(c.names.iter().copied());
                out.extend(c.localsplus_names.iter().copied());
                out.extend([c.name_value, c.qualname_value]);
            }
            ObjKind::Cell(c) => out.push(c.get()),
            ObjKind::Native(n) => out.extend([n.receiver, n.owner]),
            ObjKind::Type(t) => {
                out.extend(t.bases.iter().copied());
                out.extend(t.mro.borrow().iter().copied());
                t.dict.borrow().trace(out);
                out.push(t.metaclass);
                out.extend(t.slots.iter().flat_map(|s| s.iter().copied()));
            }
            ObjKind::Exception(e) => {
                out.extend([
                    e.class,
                    *e.args.borrow(),
                    e.cause.get(),
                    e.context.get(),
                    *e.attrs.borrow(),
                ]);
                out.extend(e.traceback.borrow().iter().map(|(code, _)| *code));
            }
            ObjKind::Module(m) => out.extend([m.name, m.dict]),
            ObjKind::DictView(v) => out.push(v.dict),
            ObjKind::BoundMethod(m) => out.extend([m.function, m.receiver]),
            ObjKind::Descriptor(d) => out.extend([d.function, d.setter, d.deleter, d.doc]),
            ObjKind::Generator(g) => {
                out.extend([
                    g.function,
                    g.code,
                    g.globals,
                    g.builtins,
                    g.saved_exception.get(),
                ]);
                out.extend(g.saved.borrow().iter().copied());
            }
            ObjKind::Instance(i) => out.extend([i.class, i.dict, i.payload, i.slot_values.get()]),
            ObjKind::Iterator(state) => match &*state.borrow() {
                IterState::Exhausted | IterState::Range { .. } => {}
                IterState::List { list, .. } => out.push(*list),
                IterState::Tuple { tuple, .. } => out.push(*tuple),
                IterState::Str { string, .. } => out.push(*string),
                IterState::Table { owner, .. } => out.push(*owner),
                IterState::Reversed { sequence, .. }
                | IterState::Sequence { sequence, .. }
                | IterState::GetItem { sequence, .. } => out.push(*sequence),
                IterState::Enumerate { inner, count } => out.extend([*inner, *count]),
                IterState::Zip { iterators, .. } => out.extend(iterators.iter().copied()),
                IterState::Map {
                    function,
                    iterators,
                } => {
                    out.push(*function);
                    out.extend(iterators.iter().copied());
                }
                IterState::Filter { function, inner } => out.extend([*function, *inner]),
                IterState::Callable { function, sentinel } => out.extend([*function, *sentinel]),
                IterState::Permutations(p) => out.extend(p.pool.iter().copied()),
            },
        }
    }

    /// Rough size in bytes, for the collector's allocation debt.
    pub(crate) fn approximate_size(&self) -> usize {
        self.kind.approximate_size()
    }
}

impl ObjKind {
    /// Rough size in bytes of an object with this payload (see
    /// [`Object::approximate_size`]).
    #[inline]
    pub(crate) fn approximate_size(&self) -> usize {
        let payload = match self {
            ObjKind::Str(s) => s.text.len(),
            ObjKind::BigInt(b) => (b.bits() / 8) as usize,
            ObjKind::List(items) => items.capacity() * 8,
            ObjKind::Tuple(items) => items.len() * 8,
            ObjKind::Dict(table) => table.borrow().capacity_bytes(),
            ObjKind::Set(set) => set.table.borrow().capacity_bytes(),
            _ => 32,
        };
        std::mem::size_of::<Object>() + payload
    }
}

#[cfg(test)]
mod size_tests {
    /// Every heap object pays this size; large payloads are boxed to keep it small.
    #[test]
    fn objects_stay_small() {
        assert!(std::mem::size_of::<super::Object>() <= 64);
    }
}
