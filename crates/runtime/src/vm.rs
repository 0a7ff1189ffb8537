//! `Vm`: the state of one Python runtime — heap, builtin types, builtins, modules,
//! interned strings, frames and value stack, output streams.
//!
//! Owns object construction helpers, exception construction and the GC root set.
//! Must never run bytecode: the interpreter installs [`Vm::call_hook`] so native code
//! (e.g. `sorted(key=…)`) can call Python functions without this crate depending on it.

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::sync::Arc;

use cpjit_bytecode::{CodeObject, Constant};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::dict::DictTable;
use crate::display::str_text;
use crate::gc::Heap;
use crate::layout::{ListObj, ReprCell};
use crate::object::*;
use crate::value::Value;

/// A raised Python exception: the exception instance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PyErr(pub Value);

pub type PyResult<T> = Result<T, PyErr>;

/// What resuming a generator produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeneratorResume {
    Yielded(Value),
    /// The generator finished, returning this value (`StopIteration.value`).
    Returned(Value),
}

/// Resumes a generator sending a value, or throwing an exception into it (installed
/// by the interpreter).
pub type ResumeHook =
    fn(&mut Vm, generator: Value, sent: Value, throw: Option<Value>) -> PyResult<GeneratorResume>;

fn unset_resume_hook(
    vm: &mut Vm,
    _g: Value,
    _s: Value,
    _t: Option<Value>,
) -> PyResult<GeneratorResume> {
    Err(vm.runtime_error("no interpreter installed"))
}

/// Called with the code object and the index of a `JUMP_BACKWARD` whose counter fired.
pub type HotLoopHook = fn(&mut Vm, code: Value, instruction: usize);

/// Calls a callable (Python function or anything else) with vectorcall arguments.
pub type CallHook =
    fn(&mut Vm, callable: Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value>;

/// One activation record. Locals live in `Vm::stack[base..base + nlocalsplus]`, the
/// operand stack right above them.
#[derive(Clone, Copy, Debug)]
#[repr(C)]
pub struct Frame {
    pub function: Value,
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    /// For module/class bodies: the namespace dict used by `*_NAME`; NULL otherwise.
    pub locals_dict: Value,
    pub base: usize,
    /// Index of the next instruction to execute.
    pub ip: usize,
    /// Index of the instruction being executed (for tracebacks and `lasti`).
    pub last_ip: usize,
    /// Value-stack height to restore in the caller when this frame returns.
    pub caller_sp: usize,
    /// The generator object this frame runs for, or NULL.
    pub generator: Value,
}

impl Frame {
    /// The frame of a call of the Python function `function` (whose object is `f`):
    /// its locals start at `base`, and the caller's stack goes back to `caller_sp`
    /// when it returns.
    #[inline]
    pub fn for_call(function: Value, f: &FunctionObj, base: usize, caller_sp: usize) -> Frame {
        Frame {
            function,
            code: f.code,
            globals: f.globals,
            builtins: f.builtins,
            locals_dict: Value::NULL,
            base,
            ip: 0,
            last_ip: 0,
            caller_sp,
            generator: Value::NULL,
        }
    }
}

macro_rules! exception_types {
    ($root:ident; $( $field:ident : $name:literal < $base:ident ),* $(,)?) => {
        /// The builtin exception classes. The list below is the one source of truth for
        /// their names and hierarchy.
        pub struct ExceptionTypes {
            pub base_exception: Value,
            $( pub $field: Value, )*
        }

        impl ExceptionTypes {
            fn create(vm_types: &mut TypeFactory) -> ExceptionTypes {
                let $root = vm_types.make("BaseException", vec![vm_types.object], Some(BuiltinTypeId::BaseException));
                $( let $field = vm_types.make($name, vec![$base], None); )*
                ExceptionTypes { base_exception: $root, $( $field, )* }
            }

            /// All exception classes with their names.
            pub fn all(&self) -> Vec<(&'static str, Value)> {
                vec![("BaseException", self.base_exception), $( ($name, self.$field), )*]
            }
        }
    };
}

exception_types! {
    base_exception;
    exception: "Exception" < base_exception,
    system_exit: "SystemExit" < base_exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception,
    generator_exit: "GeneratorExit" < base_exception,
    arithmetic_error: "ArithmeticError" < exception,
    zero_division_error: "ZeroDivisionError" < arithmetic_error,
    overflow_error: "OverflowError" < arithmetic_error,
    floating_point_error: "FloatingPointError" < arithmetic_error,
    lookup_error: "LookupError" < exception,
    index_error: "IndexError" < lookup_error,
    key_error: "KeyError" < lookup_error,
    value_error: "ValueError" < exception,
    unicode_error: "UnicodeError" < value_error,
    type_error: "TypeError" < exception,
    name_error: "NameError" < exception,
    unbound_local_error: "UnboundLocalError" < name_error,
    attribute_error: "AttributeError" < exception,
    stop_iteration: "StopIteration" < exception,
    stop_async_iteration: "StopAsyncIteration" < exception,
    runtime_error: "RuntimeError" < exception,
    recursion_error: "RecursionError" < runtime_error,
    not_implemented_error: "NotImplementedError" < runtime_error,
    assertion_error: "AssertionError" < exception,
    import_error: "ImportError" < exception,
    module_not_found_error: "ModuleNotFoundError" < import_error,
    memory_error: "MemoryError" < exception,
    eof_error: "EOFError" < exception,
    os_error: "OSError" < exception,
    blocking_io_error: "BlockingIOError" < os_error,
    child_process_error: "ChildProcessError" < os_error,
    connection_error: "ConnectionError" < os_error,
    broken_pipe_error: "BrokenPipeError" < connection_error,
    connection_aborted_error: "ConnectionAbortedError" < connection_error,
    connection_refused_error: "ConnectionRefusedError" < connection_error,
    connection_reset_error: "ConnectionResetError" < connection_error,
    file_exists_error: "FileExistsError" < os_error,
    file_not_found_error: "FileNotFoundError" < os_error,
    interrupted_error: "InterruptedError" < os_error,
    is_a_directory_error: "IsADirectoryError" < os_error,
    not_a_directory_error: "NotADirectoryError" < os_error,
    permission_error: "PermissionError" < os_error,
    process_lookup_error: "ProcessLookupError" < os_error,
    timeout_error: "TimeoutError" < os_error,
    buffer_error: "BufferError" < exception,
    reference_error: "ReferenceError" < exception,
    system_error: "SystemError" < exception,
    syntax_error: "SyntaxError" < exception,
    indentation_error: "IndentationError" < syntax_error,
    tab_error: "TabError" < indentation_error,
    warning: "Warning" < exception,
    user_warning: "UserWarning" < warning,
    deprecation_warning: "DeprecationWarning" < warning,
    pending_deprecation_warning: "PendingDeprecationWarning" < warning,
    syntax_warning: "SyntaxWarning" < warning,
    runtime_warning: "RuntimeWarning" < warning,
    future_warning: "FutureWarning" < warning,
    import_warning: "ImportWarning" < warning,
    unicode_warning: "UnicodeWarning" < warning,
    bytes_warning: "BytesWarning" < warning,
    resource_warning: "ResourceWarning" < warning,
    encoding_warning: "EncodingWarning" < warning,
}

struct TypeFactory<'a> {
    heap: &'a mut Heap,
    object: Value,
}

impl TypeFactory<'_> {
    fn make(&mut self, name: &str, bases: Vec<Value>, builtin: Option<BuiltinTypeId>) -> Value {
        let ty = self.heap.alloc(ObjKind::Type(Box::new(TypeObj {
            name: Arc::from(name),
            bases: bases.clone(),
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(DictTable::new()),
            builtin,
            constructor: Cell::new(None),
            metaclass: Value::NULL,
            slots: None,
            has_dict: true,
            attr_hooks: Cell::new(false),
            instance_attributes_hint: Cell::new(0),
        })));
        let mut mro = vec![ty];
        if let Some(base) = bases.first() {
            if let Some(ObjKind::Type(base_type)) = base.as_object().map(|o| &o.kind) {
                mro.extend(base_type.mro.borrow().iter().copied());
            }
        }
        if let Some(ObjKind::Type(t)) = ty.as_object().map(|o| &o.kind) {
            *t.mro.borrow_mut() = mro;
        }
        ty
    }
}

macro_rules! builtin_types {
    ($( $field:ident : $name:literal = $id:ident ),* $(,)?) => {
        /// The builtin (non-exception) types.
        pub struct BuiltinTypes {
            pub object: Value,
            $( pub $field: Value, )*
        }

        impl BuiltinTypes {
            fn create(factory: &mut TypeFactory) -> BuiltinTypes {
                let object = factory.object;
                $( let $field = factory.make($name, vec![object], Some(BuiltinTypeId::$id)); )*
                BuiltinTypes { object, $( $field, )* }
            }

            pub fn all(&self) -> Vec<(&'static str, Value)> {
                vec![("object", self.object), $( ($name, self.$field), )*]
            }
        }
    };
}

builtin_types! {
    type_: "type" = Type,
    int: "int" = Int,
    bool_: "bool" = Bool,
    float: "float" = Float,
    complex: "complex" = Complex,
    str: "str" = Str,
    bytes: "bytes" = Bytes,
    list: "list" = List,
    tuple: "tuple" = Tuple,
    dict: "dict" = Dict,
    set: "set" = Set,
    frozenset: "frozenset" = FrozenSet,
    range: "range" = Range,
    slice: "slice" = Slice,
    none_type: "NoneType" = NoneType,
    ellipsis: "ellipsis" = EllipsisType,
    not_implemented_type: "NotImplementedType" = NotImplementedType,
    function: "function" = Function,
    builtin_function: "builtin_function_or_method" = BuiltinFunction,
    code: "code" = Code,
    cell: "cell" = Cell,
    module: "module" = Module,
    list_iterator: "list_iterator" = Iterator,
    list_reverseiterator: "list_reverseiterator" = Iterator,
    tuple_iterator: "tuple_iterator" = Iterator,
    str_iterator: "str_ascii_iterator" = Iterator,
    range_iterator: "range_iterator" = Iterator,
    dict_keyiterator: "dict_keyiterator" = Iterator,
    dict_valueiterator: "dict_valueiterator" = Iterator,
    dict_itemiterator: "dict_itemiterator" = Iterator,
    set_iterator: "set_iterator" = Iterator,
    reversed: "reversed" = Iterator,
    enumerate: "enumerate" = Iterator,
    zip: "zip" = Iterator,
    map: "map" = Iterator,
    filter: "filter" = Iterator,
    callable_iterator: "callable_iterator" = Iterator,
    seq_iterator: "iterator" = Iterator,
    permutations: "permutations" = Iterator,
    dict_keys: "dict_keys" = DictKeys,
    dict_values: "dict_values" = DictValues,
    dict_items: "dict_items" = DictItems,
    method: "method" = Method,
    staticmethod: "staticmethod" = Object,
    classmethod: "classmethod" = Object,
    property: "property" = Object,
    member_descriptor: "member_descriptor" = Object,
    generator: "generator" = Iterator,
    text_io: "TextIOWrapper" = Object,
    super_: "super" = Object,
}

/// Specialization counters of one instruction family.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FamilyStats {
    /// A specialized form ran and its guards held.
    pub hits: u64,
    /// A specialized form's guard failed; the generic instruction ran instead.
    pub misses: u64,
    /// A specialized instruction was rewritten back to the generic form.
    pub deopts: u64,
    /// Attempts to specialize that succeeded / found no applicable form.
    pub specialized: u64,
    pub failed: u64,
}

/// Counters reported by `--stats`.
#[derive(Clone, Debug, Default)]
pub struct RuntimeStats {
    /// Whether per-execution counters (hits, misses) are kept; off by default because
    /// counting every specialized instruction costs time (CPython needs a stats build).
    pub enabled: bool,
    pub gc_collections: u64,
    /// Per family, indexed by the generic opcode.
    pub specialization: Vec<FamilyStats>,
    /// Times a `JUMP_BACKWARD` counter fired (the hot-loop hook was called).
    pub hot_loops: u64,
    /// Micro-ops run by the tier-2 interpreter (counted when `enabled`).
    pub uops_executed: u64,
    /// Traces left through a failed guard (deopt) or an `_EXIT_TRACE`.
    pub deopts: u64,
    pub trace_exits: u64,
}

/// Slots of `Vm::static_names`.
const STATIC_NAME_SLOTS: usize = 64;

pub struct Vm {
    pub heap: Heap,
    pub types: BuiltinTypes,
    pub exceptions: ExceptionTypes,
    /// The `builtins` module's namespace dict.
    pub builtins: Value,
    /// `sys.modules`: name → module.
    pub modules: Value,
    interned: rustc_hash::FxHashMap<Box<str>, Value>,
    /// A direct-mapped cache in front of `interned` for names written in the source of
    /// cpjit itself (`"__add__"`, `"__get__"`): keyed by the literal's address and
    /// length, which never change for a `&'static str` and so need no text compared.
    /// Operators on instances look their special method up by name at every call.
    /// Every value here is also in `interned`, which roots it.
    static_names: [(usize, usize, Value); STATIC_NAME_SLOTS],
    /// One-character ASCII strings (indexing and iterating strings produce these).
    ascii_chars: [Value; 128],
    pub frames: Vec<Frame>,
    pub stack: Vec<Value>,
    /// The exception being handled (`sys.exception()`), or NULL.
    pub handled_exception: Value,
    /// Values native code keeps alive across calls back into Python.
    pub temp_roots: Vec<Value>,
    /// While non-zero, safepoints do not collect.
    pub gc_inhibit: u32,
    pub recursion_limit: usize,
    /// Depth of nested native → Python calls (bounded to protect the native stack).
    pub native_depth: usize,
    /// Depth guard for recursive `repr`, equality and hashing of containers.
    pub repr_depth: Cell<usize>,
    /// Containers whose `repr` is in progress, kept across calls into Python `__repr__`
    /// (CPython's `Py_ReprEnter` list), so `[...]`/`{...}` appear wherever CPython
    /// shows them. Only `display::repr` pushes and pops.
    pub repr_active: Vec<Value>,
    pub call_hook: CallHook,
    /// Runs generator frames (installed by the interpreter).
    pub resume_hook: ResumeHook,
    /// Set by `YIELD_VALUE` when the value a frame hands back is a yield, not a return.
    pub generator_yielded: bool,
    /// Called when a loop's back edge becomes hot (the optimizer API connects here).
    pub hot_loop_hook: Option<HotLoopHook>,
    /// `JUMP_BACKWARD` warm-up: the counter's initial value and backoff exponent.
    pub hot_threshold: u16,
    pub hot_backoff: u16,
    /// Whether generic instructions may specialize (off: the plain tier-1 interpreter,
    /// for measuring what specialization buys).
    pub specialization_enabled: bool,
    /// Specializable families that stay generic while the others specialize
    /// (`cpjit run --no-specialize-family`), for measuring what each family's
    /// specialized forms buy (`cargo xtask bench --families`).
    pub unspecialized_families: Vec<cpjit_bytecode::Opcode>,
    /// Whether tier 1 runs simple instructions in its inner loop (off: every
    /// instruction through the main loop; the GC stress mode of the conformance tests
    /// turns it off so both loops' versions of those instructions are exercised).
    pub inner_loop_enabled: bool,
    /// Stress mode (`CPJIT_FORCE_DEOPT=1`): tier-2 guards fail on purpose, one in every
    /// [`FORCED_DEOPT_PERIOD`] guard executions, whatever their check would say — so
    /// every guard's exit path runs, and traces still get past their first guard.
    pub force_deopt: bool,
    /// Guard executions counted in the stress mode.
    pub forced_deopt_tick: u64,
    /// Bumped whenever any existing type's namespace changes (`Vm::type_changed`):
    /// specialized attribute accesses cache what a class's MRO said about a name and
    /// re-check this instead of walking the MRO again.
    pub class_epoch: u64,
    /// What the specializer found about `(class, attribute name)` (their value bits)
    /// and at which class epoch: the memo that lets a polymorphic attribute site
    /// answer for a class it was not specialized for by one probe instead of an MRO
    /// walk. Cleared by every collection (a freed class's address may be reused);
    /// entries of an older epoch are ignored.
    pub plain_attributes: rustc_hash::FxHashMap<(u64, u64), AttributeFacts>,
    /// A direct-mapped front for `plain_attributes` (same validity rules, cleared with
    /// it): a polymorphic attribute site asks it on every execution, so one indexed
    /// compare instead of hashing into the map.
    pub attribute_memo: Box<[AttributeMemoSlot; ATTRIBUTE_MEMO_SLOTS]>,
    /// Every code object made runnable, in creation order (for `dis --adaptive`).
    pub code_objects: Vec<Value>,
    /// State owned by the tier-2 machinery of the interpreter (installed optimizer,
    /// executors); opaque here so the runtime does not depend on it.
    pub tier2: Option<Box<dyn std::any::Any>>,
    pub stdout: Box<dyn Write>,
    pub stderr: Box<dyn Write>,
    pub argv: Vec<String>,
    /// Directory of the main script, which starts `sys.path` (derived from `argv[0]`
    /// when not set).
    pub script_dir: Option<std::path::PathBuf>,
    /// Names of the source modules whose bodies are running (imports in progress), for
    /// CPython's "partially initialized module" message.
    pub initializing_modules: Vec<String>,
    pub stats: RuntimeStats,
    /// Attribute-name strings used by the runtime itself.
    pub names: KnownNames,
}

/// Interned strings the runtime looks up often.
pub struct KnownNames {
    pub dunder_name: Value,
    pub dunder_main: Value,
    pub dunder_builtins: Value,
    pub args: Value,
}

fn unset_call_hook(
    vm: &mut Vm,
    _callable: Value,
    _args: &[Value],
    _kw: &[Value],
) -> PyResult<Value> {
    Err(vm.new_error(vm.exceptions.runtime_error, "no interpreter installed"))
}

/// What a class's MRO says about an attribute name (see `Vm::plain_attributes`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttributeFacts {
    /// The class epoch this holds for.
    pub epoch: u64,
    /// A plain instance attribute: read from and written to the instance's namespace
    /// (nothing in the MRO intercepts it).
    pub plain: bool,
    /// The function the MRO holds under the name (a method), when it is one and the
    /// attribute is plain; NULL otherwise.
    pub method: Value,
}

impl BuiltinTypes {
    /// The class of `value` (`type(value)`): needs only the builtin types, so code
    /// that holds other parts of the VM borrowed can ask too.
    pub fn type_of(&self, value: Value) -> Value {
        if value.is_float() {
            return self.float;
        }
        if value.is_small_int() {
            return self.int;
        }
        if let Some(object) = value.as_object() {
            return match &object.kind {
                ObjKind::Str(_) => self.str,
                ObjKind::BigInt(_) => self.int,
                ObjKind::List(_) => self.list,
                ObjKind::Tuple(_) => self.tuple,
                ObjKind::Dict(_) => self.dict,
                ObjKind::Set(s) => {
                    if s.frozen {
                        self.frozenset
                    } else {
                        self.set
                    }
                }
                ObjKind::Range(_) => self.range,
                ObjKind::Slice(_) => self.slice,
                ObjKind::Function(_) => self.function,
                ObjKind::Code(_) => self.code,
                ObjKind::Cell(_) => self.cell,
                ObjKind::Native(_) => self.builtin_function,
                ObjKind::Type(t) if !t.metaclass.is_null() => t.metaclass,
                ObjKind::Type(_) => self.type_,
                ObjKind::Exception(e) => e.class,
                ObjKind::Module(_) => self.module,
                ObjKind::DictView(v) => match v.kind {
                    DictViewKind::Keys => self.dict_keys,
                    DictViewKind::Values => self.dict_values,
                    DictViewKind::Items => self.dict_items,
                },
                ObjKind::BoundMethod(_) => self.method,
                ObjKind::Generator(_) => self.generator,
                ObjKind::Descriptor(d) => match d.kind {
                    DescriptorKind::StaticMethod => self.staticmethod,
                    DescriptorKind::ClassMethod => self.classmethod,
                    DescriptorKind::Property => self.property,
                    DescriptorKind::Member => self.member_descriptor,
                },
                ObjKind::Instance(i) => i.class,
                ObjKind::Iterator(state) => match &*state.borrow() {
                    IterState::List { .. } | IterState::Exhausted => self.list_iterator,
                    IterState::Tuple { .. } => self.tuple_iterator,
                    IterState::Str { .. } => self.str_iterator,
                    IterState::Range { .. } => self.range_iterator,
                    IterState::Table { owner, kind, .. } => {
                        if matches!(owner.as_object().map(|o| &o.kind), Some(ObjKind::Set(_))) {
                            self.set_iterator
                        } else {
                            match kind {
                                DictViewKind::Keys => self.dict_keyiterator,
                                DictViewKind::Values => self.dict_valueiterator,
                                DictViewKind::Items => self.dict_itemiterator,
                            }
                        }
                    }
                    IterState::Reversed { sequence, .. } => {
                        if matches!(
                            sequence.as_object().map(|o| &o.kind),
                            Some(ObjKind::List(_))
                        ) {
                            self.list_reverseiterator
                        } else {
                            self.reversed
                        }
                    }
                    IterState::Enumerate { .. } => self.enumerate,
                    IterState::Sequence { .. } => self.range_iterator,
                    IterState::Zip { .. } => self.zip,
                    IterState::Map { .. } => self.map,
                    IterState::Filter { .. } => self.filter,
                    IterState::Callable { .. } => self.callable_iterator,
                    IterState::GetItem { .. } => self.seq_iterator,
                    IterState::Permutations(_) => self.permutations,
                },
            };
        }
        match value {
            Value::TRUE | Value::FALSE => self.bool_,
            Value::NONE => self.none_type,
            Value::ELLIPSIS => self.ellipsis,
            Value::NOT_IMPLEMENTED => self.not_implemented_type,
            _ => self.none_type,
        }
    }
}

/// Slots of `Vm::attribute_memo` (a power of two).
pub const ATTRIBUTE_MEMO_SLOTS: usize = 512;

/// One slot of `Vm::attribute_memo`: the facts about `(class, name)` (value bits);
/// a class of 0 marks an empty slot.
#[derive(Clone, Copy, Debug)]
pub struct AttributeMemoSlot {
    pub class: u64,
    pub name: u64,
    pub facts: AttributeFacts,
}

impl AttributeMemoSlot {
    pub const EMPTY: AttributeMemoSlot = AttributeMemoSlot {
        class: 0,
        name: 0,
        facts: AttributeFacts {
            epoch: u64::MAX,
            plain: false,
            method: Value::NULL,
        },
    };

    /// The slot `(class, name)` lives in.
    #[inline]
    pub fn index(class: Value, name: Value) -> usize {
        let mixed = (class.raw() >> 4) ^ (name.raw() >> 3).rotate_left(17);
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize & (ATTRIBUTE_MEMO_SLOTS - 1)
    }

    /// Memoizes `facts` (found at the current class epoch) for `(class, name)`. The
    /// memo is two-way set associative: a pair lives in slot `index` or the one beside
    /// it. A free way (empty, stale, or this pair's) is used first; with none, the
    /// pair in `index` moves to the other way (evicting the pair there) and the new one
    /// takes `index`. So two hot pairs whose addresses happen to hash alike do not
    /// evict each other at every lookup (three still can).
    pub fn insert(
        memo: &mut [AttributeMemoSlot; ATTRIBUTE_MEMO_SLOTS],
        class: Value,
        name: Value,
        facts: AttributeFacts,
    ) {
        let first = AttributeMemoSlot::index(class, name);
        let slot = AttributeMemoSlot {
            class: class.raw(),
            name: name.raw(),
            facts,
        };
        let free = |way: &AttributeMemoSlot| {
            way.class == 0
                || way.facts.epoch != facts.epoch
                || (way.class == slot.class && way.name == slot.name)
        };
        if free(&memo[first]) {
            memo[first] = slot;
        } else if free(&memo[first ^ 1]) {
            memo[first ^ 1] = slot;
        } else {
            memo[first ^ 1] = memo[first];
            memo[first] = slot;
        }
    }

    /// The facts memoized for `(class, name)` at class epoch `epoch`, if its slot holds
    /// them.
    #[inline]
    pub fn lookup(
        memo: &[AttributeMemoSlot; ATTRIBUTE_MEMO_SLOTS],
        class: Value,
        name: Value,
        epoch: u64,
    ) -> Option<AttributeFacts> {
        let first = AttributeMemoSlot::index(class, name);
        let holds = |slot: &AttributeMemoSlot| {
            slot.class == class.raw() && slot.name == name.raw() && slot.facts.epoch == epoch
        };
        if holds(&memo[first]) {
            Some(memo[first].facts)
        } else if holds(&memo[first ^ 1]) {
            Some(memo[first ^ 1].facts)
        } else {
            None
        }
    }
}

/// In the forced-deopt stress mode, one guard execution in this many fails.
pub const FORCED_DEOPT_PERIOD: u64 = 3;

impl Vm {
    /// Records that a type's namespace changed: every cached attribute lookup that
    /// depended on a class's MRO is stale from now on.
    pub fn type_changed(&mut self) {
        self.class_epoch = self.class_epoch.wrapping_add(1);
    }

    /// Stress mode: whether the guard about to run must fail (counts the execution).
    pub fn force_this_guard(&mut self) -> bool {
        if !self.force_deopt {
            return false;
        }
        self.forced_deopt_tick += 1;
        self.forced_deopt_tick.is_multiple_of(FORCED_DEOPT_PERIOD)
    }

    /// A fresh runtime writing to the given streams.
    pub fn new(stdout: Box<dyn Write>, stderr: Box<dyn Write>) -> Vm {
        let mut heap = Heap::new();
        let object = heap.alloc(ObjKind::Type(Box::new(TypeObj {
            name: Arc::from("object"),
            bases: Vec::new(),
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(DictTable::new()),
            builtin: Some(BuiltinTypeId::Object),
            constructor: Cell::new(None),
            metaclass: Value::NULL,
            slots: None,
            has_dict: true,
            attr_hooks: Cell::new(false),
            instance_attributes_hint: Cell::new(0),
        })));
        if let Some(ObjKind::Type(t)) = object.as_object().map(|o| &o.kind) {
            t.mro.borrow_mut().push(object);
        }
        let mut factory = TypeFactory {
            heap: &mut heap,
            object,
        };
        let types = BuiltinTypes::create(&mut factory);
        let exceptions = ExceptionTypes::create(&mut factory);
        // bool's base is int.
        let bool_type = types.bool_;
        let int_type = types.int;
        let mut vm = Vm {
            heap,
            types,
            exceptions,
            builtins: Value::NONE,
            modules: Value::NONE,
            interned: Default::default(),
            ascii_chars: [Value::NULL; 128],
            static_names: [(0, 0, Value::NULL); STATIC_NAME_SLOTS],
            frames: Vec::new(),
            stack: Vec::with_capacity(1 << 16),
            handled_exception: Value::NULL,
            temp_roots: Vec::new(),
            gc_inhibit: 0,
            recursion_limit: 1000,
            native_depth: 0,
            repr_depth: Cell::new(0),
            repr_active: Vec::new(),
            call_hook: unset_call_hook,
            resume_hook: unset_resume_hook,
            generator_yielded: false,
            hot_loop_hook: None,
            hot_threshold: 16,
            hot_backoff: 4,
            specialization_enabled: true,
            unspecialized_families: Vec::new(),
            inner_loop_enabled: true,
            force_deopt: false,
            forced_deopt_tick: 0,
            class_epoch: 0,
            plain_attributes: Default::default(),
            attribute_memo: Box::new([AttributeMemoSlot::EMPTY; ATTRIBUTE_MEMO_SLOTS]),
            code_objects: Vec::new(),
            tier2: None,
            stdout,
            stderr,
            argv: Vec::new(),
            script_dir: None,
            initializing_modules: Vec::new(),
            stats: RuntimeStats {
                specialization: vec![FamilyStats::default(); cpjit_bytecode::OPCODE_COUNT],
                ..RuntimeStats::default()
            },
            names: KnownNames {
                dunder_name: Value::NONE,
                dunder_main: Value::NONE,
                dunder_builtins: Value::NONE,
                args: Value::NONE,
            },
        };
        if let Some(ObjKind::Type(t)) = bool_type.as_object().map(|o| &o.kind) {
            *t.mro.borrow_mut() = vec![bool_type, int_type, object];
        }
        vm.names = KnownNames {
            dunder_name: vm.intern_static("__name__"),
            dunder_main: vm.intern_static("__main__"),
            dunder_builtins: vm.intern_static("__builtins__"),
            args: vm.intern_static("args"),
        };
        vm.builtins = vm.new_dict();
        vm.modules = vm.new_dict();
        crate::builtins::install(&mut vm);
        vm
    }

    // ----- allocation ---------------------------------------------------------------

    pub fn alloc(&mut self, kind: ObjKind) -> Value {
        self.heap.alloc(kind)
    }

    pub fn new_str(&mut self, text: &str) -> Value {
        self.alloc(ObjKind::Str(StrObj::new(compact_str::CompactString::new(
            text,
        ))))
    }

    /// `str(value)` of a small int, without going through a `String`.
    pub fn small_int_str(&mut self, value: i64) -> Value {
        let text = compact_str::ToCompactString::to_compact_string(&value);
        let char_len = text.len();
        self.alloc(ObjKind::Str(StrObj::with_char_len(text, char_len)))
    }

    pub fn new_string(&mut self, text: String) -> Value {
        self.alloc(ObjKind::Str(StrObj::new(compact_str::CompactString::from(
            text,
        ))))
    }

    /// The interned `str` for `text` (identifiers, constants): one object per text.
    pub fn intern(&mut self, text: &str) -> Value {
        if let [byte] = text.as_bytes() {
            if byte.is_ascii() {
                let cached = self.ascii_chars[*byte as usize];
                if !cached.is_null() {
                    return cached;
                }
                let value = self.new_str(text);
                self.ascii_chars[*byte as usize] = value;
                return value;
            }
        }
        if let Some(&value) = self.interned.get(text) {
            return value;
        }
        let value = self.new_str(text);
        self.interned.insert(text.into(), value);
        value
    }

    /// [`Vm::intern`] for a name cpjit's own source spells out: the same object, found
    /// without hashing the text when the literal was interned before.
    #[inline]
    pub fn intern_static(&mut self, text: &'static str) -> Value {
        let address = text.as_ptr() as usize;
        let slot = (address >> 3) % STATIC_NAME_SLOTS;
        let (cached_address, cached_len, value) = self.static_names[slot];
        if cached_address == address && cached_len == text.len() {
            return value;
        }
        let value = self.intern(text);
        self.static_names[slot] = (address, text.len(), value);
        value
    }

    pub fn new_int(&mut self, value: i64) -> Value {
        match Value::small_int(value) {
            Some(v) => v,
            None => self.alloc(ObjKind::BigInt(BigInt::from(value))),
        }
    }

    pub fn new_int_i128(&mut self, value: i128) -> Value {
        match i64::try_from(value) {
            Ok(v) => self.new_int(v),
            Err(_) => self.alloc(ObjKind::BigInt(BigInt::from(value))),
        }
    }

    /// An int from a big integer, normalised to a small int when it fits.
    pub fn new_bigint(&mut self, value: BigInt) -> Value {
        if let Some(small) = value.to_i64().and_then(Value::small_int) {
            return small;
        }
        self.alloc(ObjKind::BigInt(value))
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        self.alloc(ObjKind::List(ListObj::new(items)))
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        self.alloc(ObjKind::Tuple(items.into_boxed_slice()))
    }

    pub fn new_dict(&mut self) -> Value {
        self.alloc(ObjKind::Dict(Box::new(RefCell::new(DictTable::new()))))
    }

    pub fn new_set(&mut self, frozen: bool) -> Value {
        self.alloc(ObjKind::Set(Box::new(SetObj {
            frozen,
            table: RefCell::new(DictTable::new_set()),
        })))
    }

    pub fn new_native(&mut self, name: &'static str, func: NativeFn) -> Value {
        self.alloc(ObjKind::Native(NativeObj {
            name,
            func,
            receiver: Value::NULL,
            owner: Value::NULL,
        }))
    }

    pub fn new_iterator(&mut self, state: IterState) -> Value {
        self.alloc(ObjKind::Iterator(ReprCell::new(state)))
    }

    /// Materialises a compile-time constant.
    pub fn constant_to_value(&mut self, constant: &Constant) -> Value {
        match constant {
            Constant::None => Value::NONE,
            Constant::Ellipsis => Value::ELLIPSIS,
            Constant::Bool(b) => Value::bool(*b),
            Constant::Int(i) => self.new_int(*i),
            Constant::BigInt(b) => self.new_bigint(b.clone()),
            Constant::Float(f) => Value::float(*f),
            Constant::Complex { .. } => self.new_str("<complex constant>"),
            Constant::Str(s) => self.intern(s),
            Constant::Bytes(_) => self.new_str("<bytes constant>"),
            Constant::Tuple(items) => {
                let values = items.iter().map(|c| self.constant_to_value(c)).collect();
                self.new_tuple(values)
            }
            Constant::FrozenSet(items) => {
                let values: Vec<Value> = items.iter().map(|c| self.constant_to_value(c)).collect();
                let set = self.new_set(true);
                for v in values {
                    // Constant members are hashable builtins; a failure cannot happen.
                    let _ = crate::ops::set_add(self, set, v);
                }
                set
            }
            Constant::Code(code) => self.new_code(code.clone()),
        }
    }

    /// Wraps a compiled code object (and, recursively, its constants) for execution.
    pub fn new_code(&mut self, code: Arc<CodeObject>) -> Value {
        let consts = code
            .constants
            .iter()
            .map(|c| self.constant_to_value(c))
            .collect();
        let names = code.names.iter().map(|n| self.intern(n)).collect();
        let localsplus_names: Vec<Value> = code
            .localsplus_names()
            .iter()
            .map(|n| self.intern(n))
            .collect();
        let name_value = self.intern(&code.name);
        let qualname_value = self.intern(&code.qualname);
        let nlocalsplus = localsplus_names.len();
        let frame_extent = nlocalsplus + code.stack_size as usize;
        let flags = code.flags.0;
        let simple_parameters = flags
            & (cpjit_bytecode::CodeFlags::VARARGS | cpjit_bytecode::CodeFlags::VARKEYWORDS)
            == 0
            && code.kwonly_arg_count == 0;
        let exact_arity = if simple_parameters {
            code.arg_count
        } else {
            u32::MAX
        };
        let instructions = code
            .instructions
            .iter()
            .map(|i| {
                Cell::new(AdaptiveInstruction {
                    op: i.opcode.into(),
                    arg: i.arg,
                })
            })
            .collect();
        // Quickening: specializable instructions start warming up; back edges count
        // towards the hot-loop threshold.
        let jump_counter = counter::make(self.hot_threshold, self.hot_backoff);
        let caches = code
            .instructions
            .iter()
            .map(|i| {
                let counter = if i.opcode == cpjit_bytecode::Opcode::JUMP_BACKWARD {
                    jump_counter
                } else if i.opcode.is_specializable() {
                    counter::WARMUP
                } else {
                    0
                };
                Cell::new(InlineCache {
                    counter,
                    ..InlineCache::default()
                })
            })
            .collect();
        let value = self.alloc(ObjKind::Code(Box::new(CodeData {
            instructions,
            caches,
            code,
            consts,
            names,
            localsplus_names,
            frame_extent,
            exact_arity,
            flags,
            nlocalsplus,
            name_value,
            qualname_value,
        })));
        self.code_objects.push(value);
        value
    }

    // ----- exceptions ---------------------------------------------------------------

    /// A new exception instance of `class` with the given args.
    pub fn new_exception(&mut self, class: Value, args: Vec<Value>) -> Value {
        let args = self.new_tuple(args);
        self.alloc(ObjKind::Exception(Box::new(ExceptionObj {
            class,
            args: RefCell::new(args),
            traceback: RefCell::new(Vec::new()),
            cause: Cell::new(Value::NONE),
            context: Cell::new(Value::NONE),
            suppress_context: Cell::new(false),
            attrs: RefCell::new(Value::NULL),
        })))
    }

    /// An exception of `class` with one string argument, ready to return as `Err`.
    /// CPython's `RecursionError` for a call too deep.
    pub fn recursion_error(&mut self) -> PyErr {
        self.new_error(
            self.exceptions.recursion_error,
            "maximum recursion depth exceeded",
        )
    }

    /// `RecursionError` when one more Python frame would reach the recursion limit.
    #[inline]
    pub fn check_frame_depth(&mut self) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        Ok(())
    }

    pub fn new_error(&mut self, class: Value, message: impl AsRef<str>) -> PyErr {
        let message = self.new_str(message.as_ref());
        PyErr(self.new_exception(class, vec![message]))
    }

    pub fn type_error(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.exceptions.type_error, message)
    }

    pub fn value_error(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.exceptions.value_error, message)
    }

    pub fn index_error(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.exceptions.index_error, message)
    }

    pub fn overflow_error(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.exceptions.overflow_error, message)
    }

    pub fn zero_division(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.exceptions.zero_division_error, message)
    }

    pub fn attribute_error(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.exceptions.attribute_error, message)
    }

    pub fn runtime_error(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.exceptions.runtime_error, message)
    }

    pub fn not_implemented(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.exceptions.not_implemented_error, message)
    }

    /// `KeyError(key)`.
    pub fn key_error(&mut self, key: Value) -> PyErr {
        PyErr(self.new_exception(self.exceptions.key_error, vec![key]))
    }

    /// `StopIteration()`.
    pub fn stop_iteration(&mut self) -> PyErr {
        PyErr(self.new_exception(self.exceptions.stop_iteration, vec![]))
    }

    // ----- types --------------------------------------------------------------------

    /// `type(value)`.
    pub fn type_of(&self, value: Value) -> Value {
        self.types.type_of(value)
    }

    /// `type(value).__name__`.
    pub fn type_name(&self, value: Value) -> Arc<str> {
        match self.type_of(value).as_object().map(|o| &o.kind) {
            Some(ObjKind::Type(t)) => t.name.clone(),
            _ => Arc::from("object"),
        }
    }

    /// Creates a user class: C3 linearization of the bases, the namespace's entries as
    /// its attributes. Of the builtin types, `list`, `dict`, `tuple`, `str`, `int`,
    /// `float`, `set` and `frozenset` can be subclassed (instances hold a builtin payload, see
    /// [`crate::object::InstanceObj::payload`]); at most one of them per class, as
    /// CPython's instance lay-out rule says. `metaclass` is NULL for `type`. As in
    /// CPython's `type.__new__`: `__new__` becomes a staticmethod (and
    /// `__init_subclass__` a classmethod), a class defining
    /// `__eq__` without `__hash__` gets `__hash__ = None`, and `__slots__` (along the
    /// whole MRO) removes the instance `__dict__`.
    pub fn new_class(
        &mut self,
        name: &str,
        bases: Vec<Value>,
        namespace: Value,
    ) -> PyResult<Value> {
        self.new_class_with_metaclass(name, bases, namespace, Value::NULL)
    }

    /// [`Vm::new_class`] with an explicit metaclass (NULL for `type`).
    pub fn new_class_with_metaclass(
        &mut self,
        name: &str,
        bases: Vec<Value>,
        namespace: Value,
        metaclass: Value,
    ) -> PyResult<Value> {
        let bases = if bases.is_empty() {
            vec![self.types.object]
        } else {
            bases
        };
        let mut solid_base: Option<Value> = None;
        for base in &bases {
            match kind(base) {
                Some(ObjKind::Type(t)) => {
                    if matches!(t.builtin, Some(BuiltinTypeId::Bool)) {
                        return Err(self.type_error("type 'bool' is not an acceptable base type"));
                    }
                    let allowed = t.builtin.is_none()
                        || matches!(
                            t.builtin,
                            Some(
                                BuiltinTypeId::Object
                                    | BuiltinTypeId::Type
                                    | BuiltinTypeId::BaseException
                                    | BuiltinTypeId::List
                                    | BuiltinTypeId::Dict
                                    | BuiltinTypeId::Tuple
                                    | BuiltinTypeId::Str
                                    | BuiltinTypeId::Int
                                    | BuiltinTypeId::Float
                                    | BuiltinTypeId::Set
                                    | BuiltinTypeId::FrozenSet
                            )
                        );
                    if !allowed {
                        let base_name = t.name.to_string();
                        return Err(self.not_implemented(format!(
                            "subclassing the builtin type '{base_name}' is not supported yet"
                        )));
                    }
                    if let Some(builtin) = self.builtin_base(*base) {
                        match solid_base {
                            Some(other) if other != builtin => {
                                return Err(self
                                    .type_error("multiple bases have instance lay-out conflict"));
                            }
                            _ => solid_base = Some(builtin),
                        }
                    }
                }
                _ => {
                    let type_name = self.type_name(*base);
                    return Err(self.type_error(format!("bases must be types, not {type_name}")));
                }
            }
        }
        for (i, base) in bases.iter().enumerate() {
            if bases[..i].contains(base) {
                let base_name = match kind(base) {
                    Some(ObjKind::Type(t)) => t.name.to_string(),
                    _ => "?".into(),
                };
                return Err(self.type_error(format!("duplicate base class {base_name}")));
            }
        }
        // C3: merge the bases' MROs and the list of bases.
        let mut sequences: Vec<Vec<Value>> = bases
            .iter()
            .map(|b| match kind(b) {
                Some(ObjKind::Type(t)) => t.mro.borrow().clone(),
                _ => Vec::new(),
            })
            .collect();
        sequences.push(bases.clone());
        let mut merged = Vec::new();
        loop {
            sequences.retain(|s| !s.is_empty());
            if sequences.is_empty() {
                break;
            }
            let candidate = sequences
                .iter()
                .map(|s| s[0])
                .find(|head| !sequences.iter().any(|s| s[1..].contains(head)));
            let Some(next) = candidate else {
                // CPython names the heads of the lists left unmerged, each once.
                let mut heads: Vec<Value> = Vec::new();
                for s in &sequences {
                    if !heads.contains(&s[0]) {
                        heads.push(s[0]);
                    }
                }
                let names: Vec<String> = heads
                    .iter()
                    .map(|b| match kind(b) {
                        Some(ObjKind::Type(t)) => t.name.to_string(),
                        _ => "?".into(),
                    })
                    .collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution order (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            merged.push(next);
            for s in sequences.iter_mut() {
                if s.first() == Some(&next) {
                    s.remove(0);
                }
            }
        }
        let mut table = DictTable::new();
        let entries: Vec<(i64, Value, Value)> = match kind(&namespace) {
            Some(ObjKind::Dict(ns)) => ns
                .borrow()
                .iter()
                .map(|e| (e.hash, e.key, e.value))
                .collect(),
            _ => Vec::new(),
        };
        let has = |wanted: &str| entries.iter().any(|(_, k, _)| str_text(k) == Some(wanted));
        let needs_hash_none = has("__eq__") && !has("__hash__");
        for (hash, key, mut value) in entries.iter().copied() {
            let implicit = match str_text(&key) {
                Some("__new__") => Some(DescriptorKind::StaticMethod),
                Some("__init_subclass__" | "__class_getitem__") => {
                    Some(DescriptorKind::ClassMethod)
                }
                _ => None,
            };
            if let Some(descriptor_kind) = implicit {
                if matches!(kind(&value), Some(ObjKind::Function(_))) {
                    value = self.alloc(ObjKind::Descriptor(Box::new(DescriptorObj {
                        kind: descriptor_kind,
                        function: value,
                        setter: Value::NULL,
                        deleter: Value::NULL,
                        doc: Value::NULL,
                    })));
                }
            }
            table.push_new(hash, key, value);
        }
        if needs_hash_none {
            let key = self.intern_static("__hash__");
            table.push_new(crate::ops::str_hash("__hash__"), key, Value::NONE);
        }
        let ClassSlots {
            names: slots,
            has_dict,
            own: own_slots,
        } = self.class_slots(name, &merged, &entries)?;
        let attr_hooks = table.iter().any(|e| {
            matches!(
                crate::display::str_text(&e.key),
                Some("__setattr__" | "__delattr__" | "__getattribute__")
            )
        }) || bases
            .iter()
            .any(|b| matches!(kind(b), Some(ObjKind::Type(t)) if t.attr_hooks.get()));
        let class = self.alloc(ObjKind::Type(Box::new(TypeObj {
            name: Arc::from(name),
            bases,
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(table),
            builtin: None,
            constructor: Cell::new(None),
            metaclass,
            slots,
            has_dict,
            attr_hooks: Cell::new(attr_hooks),
            instance_attributes_hint: Cell::new(0),
        })));
        merged.insert(0, class);
        if let Some(ObjKind::Type(t)) = kind(&class) {
            *t.mro.borrow_mut() = merged;
        }
        // The class's own slots appear on it as member descriptors (`P.x`).
        let own: Vec<Value> = match kind(&class) {
            Some(ObjKind::Type(t)) => t
                .slots
                .iter()
                .flat_map(|s| s[..own_slots].to_vec())
                .collect(),
            _ => Vec::new(),
        };
        for slot in own {
            let member = self.alloc(ObjKind::Descriptor(Box::new(DescriptorObj {
                kind: DescriptorKind::Member,
                function: slot,
                setter: class,
                deleter: Value::NULL,
                doc: Value::NULL,
            })));
            let hash = crate::ops::str_hash(str_text(&slot).unwrap_or(""));
            if let Some(ObjKind::Type(t)) = kind(&class) {
                t.dict.borrow_mut().insert(hash, slot, member, |k| {
                    k == slot || str_text(&k) == str_text(&slot)
                });
            }
            self.type_changed();
        }
        self.notify_set_name(class)?;
        Ok(class)
    }

    /// The builtin type whose payload instances of `class` carry (`list` for
    /// `class L(list)`), if any: the first subclassable container or number type
    /// along its MRO.
    pub fn builtin_base(&self, class: Value) -> Option<Value> {
        let Some(ObjKind::Type(t)) = kind(&class) else {
            return None;
        };
        let mro = t.mro.borrow();
        mro.iter().copied().find(|c| {
            matches!(kind(c), Some(ObjKind::Type(t)) if matches!(
                t.builtin,
                Some(BuiltinTypeId::List | BuiltinTypeId::Dict | BuiltinTypeId::Tuple
                    | BuiltinTypeId::Str | BuiltinTypeId::Int | BuiltinTypeId::Float
                    | BuiltinTypeId::Set | BuiltinTypeId::FrozenSet)
            ))
        })
    }

    /// The `__slots__` of a new class whose MRO (without itself) is `bases_mro` and
    /// whose namespace holds `entries`: every slot name declared along the MRO (`None`
    /// when none is; the class's own come first), whether instances have a `__dict__`
    /// (some class along the MRO has no `__slots__`, or one lists `"__dict__"`), and how
    /// many of the names are the class's own.
    fn class_slots(
        &mut self,
        class_name: &str,
        bases_mro: &[Value],
        entries: &[(i64, Value, Value)],
    ) -> PyResult<ClassSlots> {
        let mut slots = Vec::new();
        let mut any_declared = false;
        let mut has_dict = false;
        match entries
            .iter()
            .find(|(_, k, _)| str_text(k) == Some("__slots__"))
            .copied()
        {
            None => has_dict = true,
            Some((_, _, declared)) => {
                any_declared = true;
                let names = if str_text(&declared).is_some() {
                    vec![declared]
                } else {
                    crate::iter::collect(self, declared)?
                };
                for name in &names {
                    let Some(text) = str_text(name) else {
                        let type_name = self.type_name(*name);
                        return Err(self.type_error(format!(
                            "__slots__ items must be strings, not '{type_name}'"
                        )));
                    };
                    if text == "__dict__" {
                        has_dict = true;
                        continue;
                    }
                    if entries.iter().any(|(_, k, _)| str_text(k) == Some(text)) {
                        return Err(self.value_error(format!(
                            "'{text}' in __slots__ conflicts with class variable"
                        )));
                    }
                    // `__x` is private to the class: stored as `_Class__x`, the name
                    // `self.__x` compiles to.
                    let stripped = class_name.trim_start_matches('_');
                    if text.starts_with("__") && !text.ends_with("__") && !stripped.is_empty() {
                        let mangled = format!("_{stripped}{text}");
                        slots.push(self.intern(&mangled));
                    } else {
                        slots.push(*name);
                    }
                }
            }
        }
        let own = slots.len();
        for base in bases_mro {
            let Some(ObjKind::Type(t)) = kind(base) else {
                continue;
            };
            if t.builtin.is_some() {
                continue;
            }
            if let Some(inherited) = &t.slots {
                any_declared = true;
                slots.extend(inherited.iter().copied());
            }
            has_dict |= t.has_dict;
        }
        Ok(ClassSlots {
            names: any_declared.then(|| slots.into_boxed_slice()),
            has_dict,
            own,
        })
    }

    /// Calls `__set_name__(class, name)` on each attribute of a new class whose type
    /// defines it (descriptors learning the name they are stored under).
    fn notify_set_name(&mut self, class: Value) -> PyResult<()> {
        let entries: Vec<(Value, Value)> = match kind(&class) {
            Some(ObjKind::Type(t)) => t
                .dict
                .borrow()
                .iter()
                .filter(|e| matches!(kind(&e.value), Some(ObjKind::Instance(_))))
                .map(|e| (e.key, e.value))
                .collect(),
            _ => Vec::new(),
        };
        for (name, value) in entries {
            if crate::dunder::has_special(self, value, "__set_name__") {
                let hook_name = self.intern_static("__set_name__");
                let hook = crate::attr::get_attr(self, value, hook_name)?;
                crate::call::call(self, hook, &[class, name], &[])?;
            }
        }
        Ok(())
    }

    /// Whether `sub` is `base` or derives from it (by MRO).
    pub fn is_subtype(&self, sub: Value, base: Value) -> bool {
        if sub == base {
            return true;
        }
        match sub.as_object().map(|o| &o.kind) {
            Some(ObjKind::Type(t)) => t.mro.borrow().contains(&base),
            _ => false,
        }
    }

    pub fn isinstance(&self, value: Value, class: Value) -> bool {
        self.is_subtype(self.type_of(value), class)
    }

    // ----- garbage collection -------------------------------------------------------

    /// Whether the next safepoint collects (enough allocated, collection not held off).
    /// Nothing changes it but allocation and `gc_inhibit`.
    #[inline]
    pub fn collection_due(&self) -> bool {
        self.heap.wants_collection() && self.gc_inhibit == 0
    }

    /// Collects if allocation debt is high and nothing inhibits collection. Call only
    /// where every live value is reachable from the VM's roots.
    #[inline]
    pub fn safepoint(&mut self) {
        if self.collection_due() {
            self.collect_garbage();
        }
    }

    /// Runs a full collection now.
    pub fn collect_garbage(&mut self) {
        let mut roots: Vec<Value> = Vec::with_capacity(self.stack.len() + 64);
        roots.extend_from_slice(&self.stack);
        for frame in &self.frames {
            roots.extend([
                frame.function,
                frame.code,
                frame.globals,
                frame.builtins,
                frame.locals_dict,
                frame.generator,
            ]);
        }
        roots.extend(self.interned.values().copied());
        roots.extend(self.ascii_chars.iter().copied());
        roots.extend(self.types.all().into_iter().map(|(_, v)| v));
        roots.extend(self.exceptions.all().into_iter().map(|(_, v)| v));
        roots.extend([self.builtins, self.modules, self.handled_exception]);
        roots.extend(self.temp_roots.iter().copied());
        roots.extend(self.code_objects.iter().copied());
        self.heap.collect(roots);
        self.plain_attributes.clear();
        self.attribute_memo.fill(AttributeMemoSlot::EMPTY);
        self.stats.gc_collections += 1;
    }
}

/// What `__slots__` along a new class's MRO give its instances.
struct ClassSlots {
    /// Every slot name (the class's own first); `None` when no class declares
    /// `__slots__`.
    names: Option<Box<[Value]>>,
    /// Whether instances have a `__dict__`.
    has_dict: bool,
    /// How many of `names` the class itself declares.
    own: usize,
}

/// Shorthand used across the runtime: the payload of a value, if it is an object.
#[inline]
pub fn kind(value: &Value) -> Option<&ObjKind> {
    value.as_object().map(|o| &o.kind)
}

#[cfg(test)]
mod attribute_memo_tests {
    use super::{AttributeFacts, AttributeMemoSlot, ATTRIBUTE_MEMO_SLOTS};
    use crate::value::Value;

    fn facts(epoch: u64) -> AttributeFacts {
        AttributeFacts {
            epoch,
            plain: true,
            method: Value::NULL,
        }
    }

    /// `count` distinct (class, name) pairs whose first way is `index` (object-like
    /// aligned addresses, as real classes and names have).
    fn pairs_at(index: usize, count: usize) -> Vec<(Value, Value)> {
        let name = Value::from_raw(0xFFFC_0000_0010_0000);
        (1..)
            .map(|k: u64| Value::from_raw(0xFFFC_0000_2000_0000 + k * 64))
            .filter(|class| AttributeMemoSlot::index(*class, name) == index)
            .take(count)
            .map(|class| (class, name))
            .collect()
    }

    #[test]
    fn two_pairs_of_one_slot_both_stay() {
        let mut memo = Box::new([AttributeMemoSlot::EMPTY; ATTRIBUTE_MEMO_SLOTS]);
        let pairs = pairs_at(10, 3);
        let [(a, name), (b, _), (c, _)] = pairs[..] else {
            panic!("three colliding pairs")
        };
        AttributeMemoSlot::insert(&mut memo, a, name, facts(1));
        AttributeMemoSlot::insert(&mut memo, b, name, facts(1));
        assert!(AttributeMemoSlot::lookup(&memo, a, name, 1).is_some());
        assert!(AttributeMemoSlot::lookup(&memo, b, name, 1).is_some());
        // A third takes the first way; the pair there moves to the second, whose
        // pair is evicted.
        AttributeMemoSlot::insert(&mut memo, c, name, facts(1));
        assert!(AttributeMemoSlot::lookup(&memo, c, name, 1).is_some());
        assert!(AttributeMemoSlot::lookup(&memo, a, name, 1).is_some());
        assert!(AttributeMemoSlot::lookup(&memo, b, name, 1).is_none());
        // Facts from an older class epoch are not answers.
        assert!(AttributeMemoSlot::lookup(&memo, b, name, 2).is_none());
    }

    #[test]
    fn neighbouring_slots_share_their_two_ways() {
        // A pair whose first way is 11 and one whose first way is 10 use the two
        // ways of one set without evicting each other.
        let mut memo = Box::new([AttributeMemoSlot::EMPTY; ATTRIBUTE_MEMO_SLOTS]);
        let (a, name) = pairs_at(10, 1)[0];
        let (b, _) = pairs_at(11, 1)[0];
        AttributeMemoSlot::insert(&mut memo, a, name, facts(1));
        AttributeMemoSlot::insert(&mut memo, b, name, facts(1));
        AttributeMemoSlot::insert(&mut memo, a, name, facts(1));
        assert!(AttributeMemoSlot::lookup(&memo, a, name, 1).is_some());
        assert!(AttributeMemoSlot::lookup(&memo, b, name, 1).is_some());
    }
}
