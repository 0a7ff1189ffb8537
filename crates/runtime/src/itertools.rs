//! The `_itertools` module: the parts of `itertools` whose pure-Python form costs
//! programs too much in hot loops, native as CPython's C module is: `permutations`
//! (as the iterator state [`Permutations`], stepped by `iter::next`).
//!
//! Owns the combinatorial stepping only. Must never implement the `itertools` classes
//! themselves (argument binding, reprs and errors are Python code in `itertools.py`).

use crate::builtins::{new_module, set_name};
use crate::call::{arg_count, no_kwargs};
use crate::object::{IterState, ObjKind};
use crate::value::Value;
use crate::vm::{kind, PyResult, Vm};

/// The state of a `permutations(pool, r)` iterator: CPython's `permutationsobject`
/// (indices into the pool and the cycle counters), whose steps follow the pure-Python
/// equivalent in the `itertools` documentation.
pub struct Permutations {
    pub pool: Box<[Value]>,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    r: usize,
    started: bool,
}

impl Permutations {
    fn new(pool: Box<[Value]>, r: usize) -> Permutations {
        let n = pool.len();
        Permutations {
            indices: (0..n).collect(),
            cycles: (0..r.min(n)).map(|i| n - i).collect(),
            pool,
            r,
            started: false,
        }
    }

    /// The next permutation's items, or `None` when there are no more.
    pub fn step(&mut self) -> Option<Vec<Value>> {
        let n = self.pool.len();
        let r = self.r;
        if r > n {
            return None;
        }
        if !self.started {
            self.started = true;
            return Some(self.current());
        }
        if n == 0 {
            return None;
        }
        for i in (0..r).rev() {
            self.cycles[i] -= 1;
            if self.cycles[i] == 0 {
                self.indices[i..].rotate_left(1);
                self.cycles[i] = n - i;
            } else {
                let j = self.cycles[i];
                self.indices.swap(i, n - j);
                return Some(self.current());
            }
        }
        None
    }

    fn current(&self) -> Vec<Value> {
        self.indices[..self.r]
            .iter()
            .map(|&i| self.pool[i])
            .collect()
    }
}

/// `_permutations_iterator(pool, r)`: `pool` a tuple, `r` a non-negative int (both
/// checked by the Python caller).
fn permutations_iterator(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "_permutations_iterator", kw)?;
    arg_count(vm, "_permutations_iterator", args, 2, 2)?;
    let Some(ObjKind::Tuple(items)) = kind(&args[0]) else {
        return Err(vm.type_error("_permutations_iterator: pool must be a tuple"));
    };
    let pool: Box<[Value]> = items.to_vec().into_boxed_slice();
    let r = match args[1].as_small_int() {
        Some(r) if r >= 0 => r as usize,
        _ => return Err(vm.value_error("r must be non-negative")),
    };
    Ok(
        vm.new_iterator(IterState::Permutations(Box::new(Permutations::new(
            pool, r,
        )))),
    )
}

/// Builds the `_itertools` module.
pub fn make_module(vm: &mut Vm) -> Value {
    let dict = vm.new_dict();
    let native = vm.new_native("_permutations_iterator", permutations_iterator);
    let key = vm.intern_static("_permutations_iterator");
    set_name(vm, dict, key, native);
    new_module(vm, "_itertools", dict)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permutations_follow_cpython_order() {
        let pool: Box<[Value]> = (0..3).map(|i| Value::small_int(i).unwrap()).collect();
        let mut p = Permutations::new(pool, 2);
        let mut seen = Vec::new();
        while let Some(items) = p.step() {
            seen.push(
                items
                    .iter()
                    .map(|v| v.as_small_int().unwrap())
                    .collect::<Vec<_>>(),
            );
        }
        assert_eq!(
            seen,
            vec![
                vec![0, 1],
                vec![0, 2],
                vec![1, 0],
                vec![1, 2],
                vec![2, 0],
                vec![2, 1]
            ]
        );
        assert!(Permutations::new(Box::new([]), 1).step().is_none());
        let mut empty = Permutations::new(Box::new([]), 0);
        assert_eq!(empty.step().map(|items| items.len()), Some(0));
        assert!(empty.step().is_none());
    }
}
