//! The specializing interpreter looks inside: hot sites rewrite themselves into
//! CPython 3.13's specialized forms, polymorphic sites back off, and guards that fail
//! never change results.

use std::io::sink;

use cpjit_bytecode::{AdaptiveOpcode, Opcode};
use cpjit_runtime::object::{counter, ObjKind};
use cpjit_runtime::vm::kind;
use cpjit_runtime::Vm;

fn run(source: &str) -> Vm {
    let code = cpjit_compiler::compile_module(source, "spec.py").expect("compiles");
    let mut vm = cpjit_interpreter::new_vm(Box::new(sink()), Box::new(sink()));
    vm.stats.enabled = true;
    cpjit_interpreter::run_main_module(&mut vm, code).expect("runs");
    vm
}

/// The current opcodes of the code object named `name`.
fn ops_of(vm: &Vm, name: &str) -> Vec<AdaptiveOpcode> {
    for value in &vm.code_objects {
        if let Some(ObjKind::Code(data)) = kind(value) {
            if &*data.code.name == name {
                return data.instructions.iter().map(|i| i.get().op).collect();
            }
        }
    }
    panic!("no code object named {name}");
}

fn counters_of(vm: &Vm, name: &str, family: Opcode) -> Vec<u16> {
    for value in &vm.code_objects {
        if let Some(ObjKind::Code(data)) = kind(value) {
            if &*data.code.name == name {
                return data
                    .instructions
                    .iter()
                    .zip(data.caches.iter())
                    .filter(|(i, _)| i.get().op.family() == family)
                    .map(|(_, c)| c.get().counter)
                    .collect();
            }
        }
    }
    panic!("no code object named {name}");
}

#[test]
fn hot_monomorphic_sites_specialize() {
    let vm = run("
def work(n):
    total = 0
    items = [1, 2, 3]
    for i in range(n):
        total = total + items[i % 3] * 2
        if total > 10 ** 9:
            total = 0
    return total
work(200)
");
    let ops = ops_of(&vm, "work");
    for expected in [
        AdaptiveOpcode::FOR_ITER_RANGE,
        AdaptiveOpcode::BINARY_SUBSCR_LIST_INT,
        AdaptiveOpcode::BINARY_OP_MULTIPLY_INT,
        AdaptiveOpcode::BINARY_OP_ADD_INT,
        AdaptiveOpcode::COMPARE_OP_INT,
    ] {
        assert!(ops.contains(&expected), "{expected:?} missing from {ops:?}");
    }
    let binary = vm.stats.specialization[Opcode::BINARY_OP as usize];
    assert!(binary.hits > 300, "{binary:?}");
}

#[test]
fn polymorphic_site_misses_and_respecializes() {
    // `a + b` sees int, float and str operands in turn: the specialized form misses,
    // and after the cooldown the site is re-specialized for what it sees then.
    let vm = run("
def add(a, b):
    return a + b
values = [(1, 2), (1.5, 2.5), ('a', 'b')]
for i in range(600):
    a, b = values[i % 3]
    add(a, b)
");
    let stats = vm.stats.specialization[Opcode::BINARY_OP as usize];
    assert!(stats.misses > 100, "{stats:?}");
    assert!(stats.specialized > 1, "never re-specialized: {stats:?}");
}

#[test]
fn instance_attribute_sites_specialize() {
    let vm = run("
class P:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x
def work(ps):
    total = 0
    for p in ps:
        p.x = p.x + 1
        total += p.get()
    return total
ps = [P(i) for i in range(50)]
for _ in range(10):
    work(ps)
");
    let ops = ops_of(&vm, "work");
    for expected in [
        AdaptiveOpcode::LOAD_ATTR_INSTANCE_VALUE,
        AdaptiveOpcode::LOAD_ATTR_METHOD_WITH_VALUES,
        AdaptiveOpcode::STORE_ATTR_INSTANCE_VALUE,
    ] {
        assert!(ops.contains(&expected), "{expected:?} missing from {ops:?}");
    }
    let loads = vm.stats.specialization[Opcode::LOAD_ATTR as usize];
    assert!(loads.hits > 900 && loads.misses == 0, "{loads:?}");
    let stores = vm.stats.specialization[Opcode::STORE_ATTR as usize];
    assert!(stores.hits > 400 && stores.misses == 0, "{stores:?}");
}

#[test]
fn polymorphic_instance_attribute_sites_keep_hitting() {
    // Subclasses through one site: the specializer's memo answers for each class
    // (an overriding method included) without a miss.
    let vm = run("
class Base:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
class A(Base):
    pass
class B(Base):
    def get(self):
        return -self.v
def work(objs):
    total = 0
    for o in objs:
        total += o.v + o.get()
    return total
objs = [Base(1), A(2), B(3)] * 10
for _ in range(40):
    assert work(objs) == 10 * (2 + 4 + 0)
");
    let loads = vm.stats.specialization[Opcode::LOAD_ATTR as usize];
    assert!(loads.hits > 2000 && loads.misses == 0, "{loads:?}");
}

#[test]
fn changing_any_class_makes_instance_attribute_sites_miss() {
    // The cached answer about a name depends on the class's MRO: after a class
    // attribute is set, the sites miss (and re-specialize later), and the property
    // that now owns the name wins over the instance's value.
    let vm = run("
class P:
    def __init__(self, x):
        self.x = x
def work(ps):
    return sum(p.x for p in ps)
ps = [P(i) for i in range(50)]
results = []
for round in range(20):
    if round == 10:
        P.x = property(lambda self: 1)
    results.append(work(ps))
assert results[9] == 1225 and results[10] == 50, results
");
    let loads = vm.stats.specialization[Opcode::LOAD_ATTR as usize];
    assert!(loads.misses > 0, "{loads:?}");
}

#[test]
fn calls_that_need_defaults_specialize() {
    // `f(i)` and `c.bump()` leave parameters to their defaults: the sites become
    // CALL_PY_WITH_DEFAULTS, which reads the defaults at every call (rebinding
    // `__defaults__` mid-loop changes the results), while an exact call stays
    // CALL_PY_EXACT_ARGS.
    let vm = run("
def f(a, b=2, c=3):
    return a * b + c
class C:
    def __init__(self):
        self.n = 0
    def bump(self, by=1):
        self.n += by
def work():
    total = 0
    c = C()
    for i in range(100):
        if i == 50:
            f.__defaults__ = (10, 0)
        total += f(i)
        total += f(i, 1, 0)
        c.bump()
    return total, c.n
expected = sum(i * 2 + 3 for i in range(50)) + sum(i * 10 for i in range(50, 100))
assert work() == (expected + sum(range(100)), 100), work()
");
    let ops = ops_of(&vm, "work");
    let with_defaults = ops
        .iter()
        .filter(|op| **op == AdaptiveOpcode::CALL_PY_WITH_DEFAULTS)
        .count();
    assert_eq!(with_defaults, 2, "{ops:?}");
    assert!(ops.contains(&AdaptiveOpcode::CALL_PY_EXACT_ARGS), "{ops:?}");
}

#[test]
fn class_calls_allocate_and_enter_init() {
    // A plain class's call site becomes CALL_ALLOC_AND_ENTER_INIT; redefining
    // `__init__` or adding `__new__` makes it miss (the new methods run), and an
    // `__init__` returning a value still raises at the call.
    let vm = run("
class P:
    def __init__(self, x):
        self.x = x
def make(n):
    return [P(i) for i in range(n)]
def work():
    total = 0
    for i in range(60):
        if i == 30:
            P.__init__ = lambda self, x: setattr(self, 'x', -x)
        if i == 45:
            P.__new__ = staticmethod(lambda cls, x: 7)
        p = P(i)
        total += p if p == 7 else p.x
    return total
assert sum(p.x for p in make(100)) == 4950
assert work() == sum(range(30)) - sum(range(30, 45)) + 7 * 15, work
class Bad:
    def __init__(self, v):
        if v == 40:
            return v
caught = []
for i in range(50):
    try:
        Bad(i)
    except TypeError as e:
        caught.append((i, str(e)))
assert caught == [(40, \"__init__() should return None, not 'int'\")], caught
");
    assert!(ops_of(&vm, "make").contains(&AdaptiveOpcode::CALL_ALLOC_AND_ENTER_INIT));
    let calls = vm.stats.specialization[Opcode::CALL as usize];
    assert!(calls.misses > 0, "{calls:?}");
}

#[test]
fn generator_sites_resume_inline() {
    // `for` over a generator becomes FOR_ITER_GEN and `yield from` a generator
    // SEND_GEN; a site that sees a list after generators misses and re-specializes.
    let vm = run("
def gen(n):
    for i in range(n):
        yield i
def chain(n):
    yield from gen(n)
    return n
def total(it):
    t = 0
    for v in it:
        t += v
    return t
results = [total(chain(10)) for _ in range(30)]
results.append(total([1, 2, 3]))
assert results == [45] * 30 + [6], results
");
    assert!(ops_of(&vm, "chain").contains(&AdaptiveOpcode::SEND_GEN));
    let for_iter = vm.stats.specialization[Opcode::FOR_ITER as usize];
    assert!(for_iter.misses > 0, "{for_iter:?}");
    let send = vm.stats.specialization[Opcode::SEND as usize];
    assert!(send.hits > 200, "{send:?}");
}

#[test]
fn unspecializable_site_backs_off_exponentially() {
    // List concatenation has no specialized form: each attempt fails and the next one
    // comes exponentially later, so there are few attempts for many executions.
    let vm = run("
def join(a, b):
    return a + b
for i in range(2000):
    join([i], [i])
");
    let stats = vm.stats.specialization[Opcode::BINARY_OP as usize];
    assert!(stats.failed >= 3 && stats.failed < 15, "{stats:?}");
    let counters = counters_of(&vm, "join", Opcode::BINARY_OP);
    assert!(
        counters.iter().all(|&c| counter::backoff_exponent(c) >= 4),
        "{counters:?}"
    );
}

#[test]
fn failed_guards_keep_results_exact() {
    let vm = run("
def step(x, y):
    return x + y
acc = 0
for i in range(100):
    acc = step(acc, i)
big = step(2 ** 47 - 1, 1)
text = step('spam', 'eggs')
result = (acc, big, text, step(0.5, 0.25))
");
    let globals_value = vm.frames.first().map(|f| f.globals);
    assert!(globals_value.is_none(), "module frame popped after the run");
    let stats = vm.stats.specialization[Opcode::BINARY_OP as usize];
    assert!(
        stats.misses >= 2,
        "int overflow and str must miss: {stats:?}"
    );
}

#[test]
fn specialization_can_be_disabled() {
    let code = cpjit_compiler::compile_module(
        "def f(n):\n    t = 0\n    for i in range(n):\n        t = t + i\n    return t\nf(100)\n",
        "off.py",
    )
    .unwrap();
    let mut vm = cpjit_interpreter::new_vm(Box::new(sink()), Box::new(sink()));
    vm.specialization_enabled = false;
    cpjit_interpreter::run_main_module(&mut vm, code).unwrap();
    assert!(ops_of(&vm, "f").iter().all(|op| !op.is_specialized()));
}

#[test]
fn back_edges_call_the_hot_loop_hook() {
    fn hook(vm: &mut Vm, _code: cpjit_runtime::Value, _index: usize) {
        vm.temp_roots.push(cpjit_runtime::Value::NONE);
    }
    let code =
        cpjit_compiler::compile_module("for i in range(1000):\n    pass\n", "hot.py").unwrap();
    let mut vm = cpjit_interpreter::new_vm(Box::new(sink()), Box::new(sink()));
    vm.hot_loop_hook = Some(hook);
    cpjit_interpreter::run_main_module(&mut vm, code).unwrap();
    // Threshold 16 with exponential backoff: fires a handful of times, not 1000.
    let fired = vm.temp_roots.len();
    assert!((3..20).contains(&fired), "hook fired {fired} times");
    assert_eq!(vm.stats.hot_loops as usize, fired);
}

/// `cpjit dis --adaptive`'s listing of a warmed-up function, reviewed as a snapshot.
#[test]
fn adaptive_listing_snapshot() {
    let vm = run("
def kernel(xs, scale):
    total = 0.0
    for x in xs:
        total = total + x * scale
    return total
data = [float(i) for i in range(50)]
for _ in range(3):
    kernel(data, 0.5)
");
    insta::assert_snapshot!(cpjit_interpreter::stats::adaptive_listing(&vm));
}

#[test]
fn one_family_can_be_kept_generic() {
    // `p.x` is LOAD_ATTR and `t + p.x` BINARY_OP: with LOAD_ATTR kept generic the
    // attribute loads stay generic (their counters backing off as after failed
    // attempts), while the addition still specializes.
    let code = cpjit_compiler::compile_module(
        "class P:\n    def __init__(self):\n        self.x = 1\n\
         def f(n):\n    p = P()\n    t = 0\n    for i in range(n):\n        t = t + p.x\n    return t\n\
         f(500)\n",
        "family.py",
    )
    .unwrap();
    let mut vm = cpjit_interpreter::new_vm(Box::new(sink()), Box::new(sink()));
    vm.unspecialized_families = vec![Opcode::LOAD_ATTR];
    cpjit_interpreter::run_main_module(&mut vm, code).unwrap();
    let ops = ops_of(&vm, "f");
    assert!(ops.contains(&AdaptiveOpcode::LOAD_ATTR), "{ops:?}");
    assert!(ops
        .iter()
        .all(|op| op.family() != Opcode::LOAD_ATTR || !op.is_specialized()));
    assert!(ops.contains(&AdaptiveOpcode::BINARY_OP_ADD_INT), "{ops:?}");
    // Backed off: 500 executions, so far fewer attempts than executions.
    let failed = vm.stats.specialization[Opcode::LOAD_ATTR as usize].failed;
    assert_eq!(failed, 0, "a kept-generic family is not counted as failing");
    let counters = counters_of(&vm, "f", Opcode::LOAD_ATTR);
    assert!(counters.iter().any(|&c| counter::backoff_exponent(c) >= 4));
}
