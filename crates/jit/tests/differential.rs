//! Differential test: for each uop, a small generated trace (`_START_EXECUTOR`, the
//! uop, `_EXIT_TRACE`) runs from the same frame and stack under the tier-2 interpreter
//! and under the JIT, over a grid of operand values (ints at the small-int limits,
//! floats with NaN and infinities, bools, None, a string, a big int, unbound locals;
//! for the list and iteration uops also lists and range and list iterators, reset
//! before every run); the outcome (exit or raise, and where), the value stack, the
//! containers' contents and the frame's `last_ip` must be identical.

use std::cell::Cell;
use std::rc::Rc;

use cpjit_bytecode::uops::{Uop, ALL_UOPS};
use cpjit_jit::JitCompiler;
use cpjit_optimizer::trace::{Trace, UopInstruction};
use cpjit_optimizer::{ExecutorOutcome, TraceCompiler};
use cpjit_runtime::object::{IterState, ObjKind};
use cpjit_runtime::value::{SMALL_INT_MAX, SMALL_INT_MIN};
use cpjit_runtime::{Frame, Value, Vm};

/// Uops this test cannot drive in isolation, and why.
const NOT_DRIVEN: &[(Uop, &str)] = &[
    (
        Uop::_JUMP_TO_TOP,
        "loops forever without a guard in the trace",
    ),
    (
        Uop::_PUSH_FRAME,
        "needs a call site (covered by the corpus)",
    ),
    (
        Uop::_POP_FRAME,
        "needs an inlined frame (covered by the corpus)",
    ),
    (
        Uop::_LOAD_GLOBAL_MODULE,
        "needs a specialized cache (covered by the corpus)",
    ),
    (
        Uop::_LOAD_GLOBAL_BUILTINS,
        "needs a specialized cache (covered by the corpus)",
    ),
    (
        Uop::_RUN_SPECIALIZED,
        "needs a specialized instruction (covered by the corpus)",
    ),
];

const LOCALS: usize = 4;

struct Fixture {
    vm: Vm,
    code: Value,
    globals: Value,
    values: Vec<Value>,
    /// Lists and iterators, for the uops that index, store into or iterate them.
    containers: Vec<Container>,
}

/// A container in the grid and the state every run starts it from.
enum Container {
    List(Value, Vec<Value>),
    Range {
        iterator: Value,
        next: i64,
        remaining: i64,
        step: i64,
    },
    ListIterator {
        iterator: Value,
        list: Value,
        index: usize,
    },
}

impl Container {
    fn value(&self) -> Value {
        *self.value_ref()
    }

    fn value_ref(&self) -> &Value {
        match self {
            Container::List(v, _)
            | Container::Range { iterator: v, .. }
            | Container::ListIterator { iterator: v, .. } => v,
        }
    }

    fn reset(&self) {
        match (self, kind(self.value_ref())) {
            (Container::List(_, items), ObjKind::List(list)) => {
                *list.borrow_mut() = items.clone();
            }
            (
                &Container::Range {
                    next,
                    remaining,
                    step,
                    ..
                },
                ObjKind::Iterator(state),
            ) => {
                *state.borrow_mut() = IterState::Range {
                    next,
                    remaining,
                    step,
                };
            }
            (&Container::ListIterator { list, index, .. }, ObjKind::Iterator(state)) => {
                *state.borrow_mut() = IterState::List { list, index };
            }
            _ => unreachable!("a container of the wrong kind"),
        }
    }

    /// What a run left in it.
    fn describe(&self) -> String {
        match kind(self.value_ref()) {
            ObjKind::List(list) => format!(
                "list {:?}",
                list.borrow()
                    .iter()
                    .map(|v| describe(*v))
                    .collect::<Vec<_>>()
            ),
            ObjKind::Iterator(state) => match &*state.borrow() {
                IterState::Range {
                    next,
                    remaining,
                    step,
                } => format!("range iterator {next} {remaining} {step}"),
                IterState::List { index, .. } => format!("list iterator at {index}"),
                IterState::Exhausted => "exhausted iterator".to_string(),
                _ => "another iterator".to_string(),
            },
            _ => unreachable!("not a container"),
        }
    }
}

fn kind(v: &Value) -> &ObjKind {
    cpjit_runtime::vm::kind(v).expect("a heap object")
}

/// Uops that take lists or iterators: the grid has containers for them.
fn takes_containers(uop: Uop) -> bool {
    let name = uop.name();
    ["LIST", "RANGE", "ITER", "SUBSCR"]
        .iter()
        .any(|part| name.contains(part))
}

fn fixture() -> Fixture {
    let mut vm = cpjit_interpreter::new_vm(Box::new(std::io::sink()), Box::new(std::io::sink()));
    let code_object = cpjit_compiler::compile_module(
        "a = 1\nb = 2.5\nc = 'text'\nd = -3.0\ne = True\n",
        "<differential>",
    )
    .expect("compiles");
    let code = vm.new_code(code_object);
    let globals = vm.new_dict();
    let big = vm.new_int_i128(1 << 60);
    let text = vm.intern_static("text");
    let mut values = vec![
        Value::small_int(0).unwrap(),
        Value::small_int(1).unwrap(),
        Value::small_int(-7).unwrap(),
        Value::small_int(SMALL_INT_MAX).unwrap(),
        Value::small_int(SMALL_INT_MIN).unwrap(),
        Value::small_int(1 << 24).unwrap(),
        Value::float(0.0),
        Value::float(-2.5),
        Value::float(f64::INFINITY),
        Value::float(f64::NAN),
        Value::TRUE,
        Value::FALSE,
        Value::NONE,
        text,
        big,
    ];
    values.dedup();
    let seven = Value::small_int(7).unwrap();
    let two_items = vm.new_list(vec![seven, text]);
    let empty = vm.new_list(vec![]);
    let mut containers = vec![
        Container::List(two_items, vec![seven, text]),
        Container::List(empty, vec![]),
    ];
    // A range iterator with two items left, one whose next item is past the small
    // ints (the slow path boxes it), an exhausted one; list iterators at an item and
    // past the end.
    for (next, remaining, step) in [(5, 2, -3), (SMALL_INT_MAX + 1, 1, 1), (9, 0, 1)] {
        let iterator = vm.new_iterator(IterState::Range {
            next,
            remaining,
            step,
        });
        containers.push(Container::Range {
            iterator,
            next,
            remaining,
            step,
        });
    }
    for index in [1, 2] {
        let iterator = vm.new_iterator(IterState::List {
            list: two_items,
            index,
        });
        containers.push(Container::ListIterator {
            iterator,
            list: two_items,
            index,
        });
    }
    Fixture {
        vm,
        code,
        globals,
        values,
        containers,
    }
}

/// What a run left behind, comparable across tiers (NaN payloads are fresh per
/// operation, so NaNs compare as "a NaN").
#[derive(Debug, PartialEq)]
struct State {
    outcome: String,
    stack: Vec<String>,
    containers: Vec<String>,
    last_ip: usize,
}

fn describe(v: Value) -> String {
    match v.as_float() {
        Some(f) if f.is_nan() => "nan".to_string(),
        _ => format!("{:#x}", v.raw()),
    }
}

/// Like [`describe`], but objects made during the run (a big-int sum, a boxed
/// result, an iterator) are compared by their repr, since each tier allocates its
/// own (an address in the repr, as in `<… object at 0x…>`, is left out).
fn describe_in(vm: &mut Vm, v: Value, before: &[Value]) -> String {
    if v.is_object() && !before.contains(&v) {
        let text = cpjit_runtime::display::repr(vm, v).unwrap_or_else(|_| "<repr failed>".into());
        let text = match text.find(" at 0x") {
            Some(at) => format!("{} at …>", &text[..at]),
            None => text,
        };
        return format!("new object {text}");
    }
    describe(v)
}

fn set_up(f: &mut Fixture, locals: &[Value], stack: &[Value]) {
    for container in &f.containers {
        container.reset();
    }
    f.vm.frames.clear();
    f.vm.stack.clear();
    f.vm.stack.extend_from_slice(locals);
    f.vm.stack.extend_from_slice(stack);
    let builtins = f.vm.builtins;
    f.vm.frames.push(Frame {
        function: Value::NONE,
        code: f.code,
        globals: f.globals,
        builtins,
        locals_dict: Value::NULL,
        base: 0,
        ip: 0,
        last_ip: 3,
        caller_sp: 0,
        generator: Value::NULL,
    });
}

fn observe(f: &mut Fixture, outcome: ExecutorOutcome) -> State {
    let outcome = match outcome {
        ExecutorOutcome::ResumeAt(t) => format!("resume @{t}"),
        ExecutorOutcome::Raise { at, .. } => format!("raise @{at}"),
        ExecutorOutcome::SideExit {
            uop,
            target,
            in_loop_code,
        } => format!("exit uop {uop} -> @{target} ({in_loop_code})"),
    };
    State {
        outcome,
        stack: {
            let stack = f.vm.stack.clone();
            let known = f.values.clone();
            stack
                .iter()
                .map(|v| describe_in(&mut f.vm, *v, &known))
                .collect()
        },
        containers: f.containers.iter().map(Container::describe).collect(),
        last_ip: f.vm.frames.last().map_or(0, |fr| fr.last_ip),
    }
}

fn trace_for(f: &Fixture, uop: Uop, oparg: u32) -> Trace {
    let mut under_test = UopInstruction::new(uop, oparg, 40, 0);
    if uop == Uop::_CHECK_FUNCTION {
        // The "function" it expects: one of the grid's objects, so that some
        // stacks pass the check and the others exit.
        under_test.operand = f
            .values
            .iter()
            .find(|v| v.is_object())
            .expect("the grid has an object")
            .raw();
    }
    Trace {
        codes: vec![f.code],
        uops: vec![
            UopInstruction::new(Uop::_START_EXECUTOR, 0, 0, 0),
            under_test,
            UopInstruction::new(Uop::_EXIT_TRACE, 0, 77, 0),
        ],
        loop_head: 0,
        start: 0,
    }
}

/// The opargs worth trying for a uop.
fn opargs(uop: Uop) -> Vec<u32> {
    match uop {
        Uop::_LOAD_FAST | Uop::_STORE_FAST => (0..LOCALS as u32).collect(),
        // 1, 2.5, 'text', -3.0, True, None
        Uop::_LOAD_CONST => (0..6).collect(),
        Uop::_COPY | Uop::_SWAP => vec![1, 2, 3],
        Uop::_SET_IP => vec![0, 9],
        // (comparison << 5) | to-bool bit | CPython's mask, for < <= == != > >=.
        Uop::_COMPARE_OP_INT | Uop::_COMPARE_OP_FLOAT | Uop::_COMPARE_OP => [2u32, 10, 8, 7, 4, 12]
            .iter()
            .enumerate()
            .map(|(op, mask)| ((op as u32) << 5) | 16 | mask)
            .collect(),
        Uop::_IS_OP | Uop::_CONTAINS_OP => vec![0, 1],
        // The callable two or three slots down.
        Uop::_CHECK_FUNCTION => vec![0, 1],
        // The list one or two slots under the item (the grid has no list, so these
        // check the exit; comprehensions in the corpus check the append).
        Uop::_LIST_APPEND => vec![1, 2],
        // + & // * % | >> - / ^, and the in-place += &= //= *= %= -= /= forms
        Uop::_BINARY_OP => vec![0, 1, 2, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 18, 19, 23, 24],
        _ => vec![0],
    }
}

#[test]
fn every_uop_agrees_between_the_tier2_interpreter_and_the_jit() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let mut f = fixture();
    let compiler = JitCompiler::new();
    let mut compared = 0usize;
    for uop in ALL_UOPS {
        if NOT_DRIVEN.iter().any(|(u, _)| u == uop) {
            continue;
        }
        let mut values = f.values.clone();
        if takes_containers(*uop) {
            values.extend(f.containers.iter().map(Container::value));
        }
        for oparg in opargs(*uop) {
            let trace = trace_for(&f, *uop, oparg);
            // Three stack slots cover every uop's inputs; the locals include an
            // unbound one.
            for (i, a) in values.iter().enumerate() {
                for b in &values {
                    for c in values.iter().skip(i % 3).step_by(3) {
                        let locals = [*a, *b, Value::NULL, *c];
                        let stack = [*c, *a, *b];
                        let valid = Rc::new(Cell::new(true));

                        set_up(&mut f, &locals, &stack);
                        let outcome = cpjit_interpreter::uop_interpreter::run_trace(
                            &mut f.vm, f.code, &trace, &valid,
                        );
                        let interpreted = observe(&mut f, outcome);

                        set_up(&mut f, &locals, &stack);
                        let compiled = compiler
                            .compile(&f.vm, &trace, &valid)
                            .unwrap_or_else(|e| panic!("{}: {e}", uop.name()));
                        let outcome = compiled.run(&mut f.vm, &mut |_, _, _, _| None);
                        let jitted = observe(&mut f, outcome);

                        assert_eq!(
                            interpreted,
                            jitted,
                            "{} oparg {oparg}, locals {:?}, stack {:?}",
                            uop.name(),
                            locals.map(describe),
                            stack.map(describe)
                        );
                        compared += 1;
                    }
                }
            }
        }
    }
    assert!(compared > 10_000, "only {compared} comparisons");
}

/// An invalidated executor's `_CHECK_VALIDITY` exits in both tiers.
#[test]
fn check_validity_exits_when_invalid() {
    if !cfg!(target_arch = "x86_64") {
        return;
    }
    let mut f = fixture();
    let compiler = JitCompiler::new();
    let trace = trace_for(&f, Uop::_CHECK_VALIDITY, 0);
    let valid = Rc::new(Cell::new(false));
    set_up(&mut f, &[Value::NONE; LOCALS], &[]);
    let interpreted =
        cpjit_interpreter::uop_interpreter::run_trace(&mut f.vm, f.code, &trace, &valid);
    let interpreted = observe(&mut f, interpreted);
    set_up(&mut f, &[Value::NONE; LOCALS], &[]);
    let compiled = compiler.compile(&f.vm, &trace, &valid).expect("compiles");
    let jitted = compiled.run(&mut f.vm, &mut |_, _, _, _| None);
    assert_eq!(interpreted, observe(&mut f, jitted));
    assert_eq!(interpreted.outcome, "exit uop 1 -> @40 (true)");
}
