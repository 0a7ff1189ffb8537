//! The `_heapq` and `_bisect` modules: CPython's C heap and bisection functions, with
//! the same comparison sequence (so user `__lt__` sees the same calls), results and
//! argument errors.
//!
//! Owns `heappush`, `heappop`, `heapify`, `heapreplace`, `heappushpop`, `bisect_left`,
//! `bisect_right`, `insort_left`, `insort_right`. Must never implement the pure-Python
//! parts of `heapq` (`nlargest`, `nsmallest`, `merge` live in `heapq.py`, as in
//! CPython) and must never hold a `RefCell` borrow of a list across a comparison (user
//! `__lt__` may mutate the list; that is a RuntimeError, never a panic).

use crate::builtins::{new_module, set_name};
use crate::call::{arg_count, bind, call, no_kwargs};
use crate::numeric::int_view;
use crate::object::{NativeFn, ObjKind};
use crate::ops;
use crate::value::Value;
use crate::vm::{kind, PyErr, PyResult, Vm};

fn type_text(vm: &Vm, v: Value) -> String {
    if v.is_none() {
        "None".into()
    } else {
        vm.type_name(v).to_string()
    }
}

/// The list argument of a heap function (`argument` is `""` or `" 1"`, as in CPython's
/// messages).
fn heap_list<'a>(
    vm: &mut Vm,
    heap: &'a Value,
    function: &str,
    argument: &str,
) -> PyResult<&'a crate::layout::ListObj> {
    // A list subclass's instance works on the list inside (`PyList_Check`).
    let target: &'a Value = match kind(heap) {
        Some(ObjKind::Instance(i)) if !i.payload.is_null() => &i.payload,
        _ => heap,
    };
    match kind(target) {
        Some(ObjKind::List(items)) if vm.isinstance(*heap, vm.types.list) => Ok(items),
        _ => {
            let got = type_text(vm, *heap);
            Err(vm.type_error(format!(
                "{function}() argument{argument} must be list, not {got}"
            )))
        }
    }
}

fn changed_size(vm: &mut Vm) -> PyErr {
    vm.new_error(
        vm.exceptions.runtime_error,
        "list changed size during iteration",
    )
}

fn get(items: &crate::layout::ListObj, i: usize) -> Value {
    items.borrow().get(i).copied().unwrap_or(Value::NONE)
}

fn swap(items: &crate::layout::ListObj, a: usize, b: usize) {
    let mut items = items.borrow_mut();
    if a < items.len() && b < items.len() {
        items.swap(a, b);
    }
}

/// CPython's `siftdown`: moves the item at `pos` up towards `start`.
fn sift_down(
    vm: &mut Vm,
    items: &crate::layout::ListObj,
    start: usize,
    mut pos: usize,
) -> PyResult<()> {
    let size = items.borrow().len();
    if pos >= size {
        return Ok(());
    }
    let newitem = get(items, pos);
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let parent = get(items, parentpos);
        let lower = ops::less_than(vm, newitem, parent)?;
        if items.borrow().len() != size {
            return Err(changed_size(vm));
        }
        if !lower {
            break;
        }
        swap(items, parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

/// CPython's `siftup`: moves the smaller child up until a leaf, then `siftdown`.
fn sift_up(vm: &mut Vm, items: &crate::layout::ListObj, mut pos: usize) -> PyResult<()> {
    let end = items.borrow().len();
    let start = pos;
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (a, b) = (get(items, child), get(items, child + 1));
            let lower = ops::less_than(vm, a, b)?;
            if !lower {
                child += 1;
            }
            if items.borrow().len() != end {
                return Err(changed_size(vm));
            }
        }
        swap(items, child, pos);
        pos = child;
    }
    sift_down(vm, items, start, pos)
}

fn index_error(vm: &mut Vm) -> PyErr {
    vm.new_error(vm.exceptions.index_error, "index out of range")
}

fn one_argument(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    no_kwargs(vm, &format!("_heapq.{name}"), kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "_heapq.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(())
}

fn heapq_heappush(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "_heapq.heappush", kw)?;
    arg_count(vm, "heappush", args, 2, 2)?;
    let items = heap_list(vm, &args[0], "heappush", " 1")?;
    items.borrow_mut().push(args[1]);
    let last = items.borrow().len() - 1;
    sift_down(vm, items, 0, last)?;
    Ok(Value::NONE)
}

fn heapq_heappop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_argument(vm, "heappop", args, kw)?;
    let items = heap_list(vm, &args[0], "heappop", "")?;
    let Some(last) = items.borrow_mut().pop() else {
        return Err(index_error(vm));
    };
    if items.borrow().is_empty() {
        return Ok(last);
    }
    let top = std::mem::replace(&mut items.borrow_mut()[0], last);
    vm.temp_roots.push(top);
    let result = sift_up(vm, items, 0);
    vm.temp_roots.pop();
    result.map(|()| top)
}

fn heapq_heapreplace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "_heapq.heapreplace", kw)?;
    arg_count(vm, "heapreplace", args, 2, 2)?;
    let items = heap_list(vm, &args[0], "heapreplace", " 1")?;
    if items.borrow().is_empty() {
        return Err(index_error(vm));
    }
    let top = std::mem::replace(&mut items.borrow_mut()[0], args[1]);
    vm.temp_roots.push(top);
    let result = sift_up(vm, items, 0);
    vm.temp_roots.pop();
    result.map(|()| top)
}

fn heapq_heappushpop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "_heapq.heappushpop", kw)?;
    arg_count(vm, "heappushpop", args, 2, 2)?;
    let items = heap_list(vm, &args[0], "heappushpop", " 1")?;
    let item = args[1];
    let Some(top) = items.borrow().first().copied() else {
        return Ok(item);
    };
    if !ops::less_than(vm, top, item)? {
        return Ok(item);
    }
    if items.borrow().is_empty() {
        return Err(index_error(vm));
    }
    let top = std::mem::replace(&mut items.borrow_mut()[0], item);
    vm.temp_roots.push(top);
    let result = sift_up(vm, items, 0);
    vm.temp_roots.pop();
    result.map(|()| top)
}

fn heapq_heapify(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_argument(vm, "heapify", args, kw)?;
    let items = heap_list(vm, &args[0], "heapify", "")?;
    let n = items.borrow().len();
    for i in (0..n / 2).rev() {
        sift_up(vm, items, i)?;
    }
    Ok(Value::NONE)
}

// ----- bisect --------------------------------------------------------------------------

/// Binds `(a, x, lo=0, hi=None, *, key=None)` and resolves `lo`/`hi` as `_bisect` does.
fn bisect_args(
    vm: &mut Vm,
    function: &str,
    args: &[Value],
    kw: &[Value],
) -> PyResult<(Value, Value, i64, i64, Value)> {
    let positional = args.len() - kw.len();
    if positional > 4 {
        return Err(vm.type_error(format!(
            "{function}() takes at most 4 positional arguments ({positional} given)"
        )));
    }
    let bound = bind(vm, function, args, kw, &["a", "x", "lo", "hi"], 2, &["key"])?;
    let (a, x) = (bound[0], bound[1]);
    let lo = if bound[2].is_null() {
        0
    } else {
        index_arg(vm, bound[2])?
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let hi = if bound[3].is_null() || bound[3].is_none() {
        -1
    } else {
        index_arg(vm, bound[3])?
    };
    let hi = if hi == -1 {
        ops::len(vm, a)? as i64
    } else {
        hi
    };
    let key = if bound[4].is_null() {
        Value::NONE
    } else {
        bound[4]
    };
    Ok((a, x, lo, hi, key))
}

fn index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match int_view(&v) {
        Some(view) => match view.to_i64() {
            Some(i) => Ok(i),
            None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        },
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!(
                "'{name}' object cannot be interpreted as an integer"
            )))
        }
    }
}

fn item_key(vm: &mut Vm, a: Value, mid: i64, key: Value) -> PyResult<Value> {
    let index = vm.new_int(mid);
    let item = ops::getitem(vm, a, index)?;
    if key.is_none() {
        Ok(item)
    } else {
        call(vm, key, &[item], &[])
    }
}

fn search(
    vm: &mut Vm,
    a: Value,
    x: Value,
    mut lo: i64,
    mut hi: i64,
    key: Value,
    right: bool,
) -> PyResult<i64> {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let item = item_key(vm, a, mid, key)?;
        let go_left = if right {
            ops::less_than(vm, x, item)?
        } else {
            !ops::less_than(vm, item, x)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect_right(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, x, lo, hi, key) = bisect_args(vm, "bisect_right", args, kw)?;
    let index = search(vm, a, x, lo, hi, key, true)?;
    Ok(vm.new_int(index))
}

fn bisect_left(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, x, lo, hi, key) = bisect_args(vm, "bisect_left", args, kw)?;
    let index = search(vm, a, x, lo, hi, key, false)?;
    Ok(vm.new_int(index))
}

fn insort(
    vm: &mut Vm,
    function: &str,
    args: &[Value],
    kw: &[Value],
    right: bool,
) -> PyResult<Value> {
    let (a, x, lo, hi, key) = bisect_args(vm, function, args, kw)?;
    let probe = if key.is_none() {
        x
    } else {
        call(vm, key, &[x], &[])?
    };
    let index = search(vm, a, probe, lo, hi, key, right)?;
    if let Some(ObjKind::List(items)) = kind(&a) {
        if vm.type_of(a) == vm.types.list {
            let mut items = items.borrow_mut();
            let at = (index.max(0) as usize).min(items.len());
            items.insert(at, x);
            return Ok(Value::NONE);
        }
    }
    let insert = vm.intern_static("insert");
    let Some(method) = crate::attr::lookup_attr(vm, a, insert)? else {
        let name = vm.type_name(a);
        return Err(vm.attribute_error(format!("'{name}' object has no attribute 'insert'")));
    };
    let index = vm.new_int(index);
    call(vm, method, &[index, x], &[])?;
    Ok(Value::NONE)
}

fn insort_right(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    insort(vm, "insort_right", args, kw, true)
}

fn insort_left(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    insort(vm, "insort_left", args, kw, false)
}

fn module(vm: &mut Vm, name: &str, functions: &[(&'static str, NativeFn)]) -> Value {
    let dict = vm.new_dict();
    for (function_name, function) in functions {
        let native = vm.new_native(function_name, *function);
        let key = vm.intern(function_name);
        set_name(vm, dict, key, native);
    }
    new_module(vm, name, dict)
}

/// Builds the `_heapq` module.
pub fn make_heapq_module(vm: &mut Vm) -> Value {
    module(
        vm,
        "_heapq",
        &[
            ("heappush", heapq_heappush),
            ("heappop", heapq_heappop),
            ("heapreplace", heapq_heapreplace),
            ("heappushpop", heapq_heappushpop),
            ("heapify", heapq_heapify),
        ],
    )
}

/// Builds the `_bisect` module.
pub fn make_bisect_module(vm: &mut Vm) -> Value {
    module(
        vm,
        "_bisect",
        &[
            ("bisect_right", bisect_right),
            ("bisect_left", bisect_left),
            ("insort_right", insort_right),
            ("insort_left", insort_left),
        ],
    )
}
