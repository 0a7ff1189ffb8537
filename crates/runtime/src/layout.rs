//! Object layouts the JIT's stencils read directly: an object's kind tag, a list's
//! items, the interior mutability cell of a builtin iterator, a function's code, and
//! the heap's allocation pressure.
//!
//! Owns [`ListObj`] (a list's items as three `repr(C)` words beside a borrow flag, in
//! place of a `RefCell<Vec<Value>>` whose layout Rust does not fix), [`ReprCell`] (a
//! `RefCell` with a fixed layout), and [`jit`], the byte offsets stencil-gen compiles
//! into the inline list and iterator fast paths. Both cells keep `RefCell`'s rules — any
//! number of shared borrows or one exclusive borrow, a conflicting borrow panics — and
//! their guards give Rust code the same `Vec`/`&T` API as before.
//!
//! Must never hand out the items' address beyond a guard's lifetime, and never change a
//! field [`jit`] names without changing its offset there (the layout tests check every
//! offset against a real object).

use std::cell::{Cell, UnsafeCell};
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};

use crate::value::Value;

/// The borrow flag of both cells: `0` free, `n > 0` shared `n` times, `-1` exclusive.
const EXCLUSIVE: isize = -1;

/// A list's items: the parts of a `Vec<Value>` the list owns, and a borrow flag.
///
/// While an exclusive borrow is live, the `Vec` is rebuilt inside the guard and may
/// reallocate; its parts are written back when the guard drops. So the fields are only
/// up to date while the flag is not [`EXCLUSIVE`], which is what the JIT checks first.
#[repr(C)]
pub struct ListObj {
    borrow: Cell<isize>,
    items: Cell<*mut Value>,
    len: Cell<usize>,
    capacity: Cell<usize>,
}

impl ListObj {
    pub fn new(items: Vec<Value>) -> ListObj {
        let mut items = ManuallyDrop::new(items);
        ListObj {
            borrow: Cell::new(0),
            items: Cell::new(items.as_mut_ptr()),
            len: Cell::new(items.len()),
            capacity: Cell::new(items.capacity()),
        }
    }

    /// The items, shared. Panics while an exclusive borrow is live (as `RefCell`).
    #[inline]
    #[track_caller]
    pub fn borrow(&self) -> ListRef<'_> {
        self.try_borrow().expect("list already mutably borrowed")
    }

    #[inline]
    pub fn try_borrow(&self) -> Option<ListRef<'_>> {
        let flag = self.borrow.get();
        if flag == EXCLUSIVE {
            return None;
        }
        self.borrow.set(flag + 1);
        Some(ListRef { list: self })
    }

    /// The items as a `Vec`, exclusively. Panics while any other borrow is live.
    #[inline]
    #[track_caller]
    pub fn borrow_mut(&self) -> ListRefMut<'_> {
        self.try_borrow_mut().expect("list already borrowed")
    }

    #[inline]
    pub fn try_borrow_mut(&self) -> Option<ListRefMut<'_>> {
        if self.borrow.get() != 0 {
            return None;
        }
        self.borrow.set(EXCLUSIVE);
        // SAFETY: the three parts are always those of a `Vec<Value>` this list owns
        // (set by `new` or written back by the last exclusive guard), and no other
        // guard is live (the flag was 0), so this is the only `Vec` made from them
        // until the guard writes them back.
        let items =
            unsafe { Vec::from_raw_parts(self.items.get(), self.len.get(), self.capacity.get()) };
        Some(ListRefMut {
            list: self,
            items: ManuallyDrop::new(items),
        })
    }

    /// Allocated capacity in items (for the collector's size estimate).
    pub fn capacity(&self) -> usize {
        self.capacity.get()
    }
}

impl Drop for ListObj {
    fn drop(&mut self) {
        // SAFETY: `&mut self` means no guard is live, so the parts are those of the
        // `Vec` this list owns; it is rebuilt once, here, and dropped.
        drop(unsafe { Vec::from_raw_parts(self.items.get(), self.len.get(), self.capacity.get()) });
    }
}

/// A shared borrow of a list's items: derefs to the slice.
pub struct ListRef<'a> {
    list: &'a ListObj,
}

impl Deref for ListRef<'_> {
    type Target = [Value];

    #[inline]
    fn deref(&self) -> &[Value] {
        // SAFETY: while a shared guard is live no exclusive one is, so the parts are
        // current and nothing writes the items; `Vec::as_mut_ptr` of an empty vector is
        // non-null and aligned, as `from_raw_parts` requires for length 0.
        unsafe { std::slice::from_raw_parts(self.list.items.get(), self.list.len.get()) }
    }
}

impl Drop for ListRef<'_> {
    #[inline]
    fn drop(&mut self) {
        self.list.borrow.set(self.list.borrow.get() - 1);
    }
}

/// An exclusive borrow of a list's items as a `Vec`; its parts go back to the list
/// when it drops (also while unwinding).
pub struct ListRefMut<'a> {
    list: &'a ListObj,
    items: ManuallyDrop<Vec<Value>>,
}

impl Deref for ListRefMut<'_> {
    type Target = Vec<Value>;

    #[inline]
    fn deref(&self) -> &Vec<Value> {
        &self.items
    }
}

impl DerefMut for ListRefMut<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.items
    }
}

impl Drop for ListRefMut<'_> {
    #[inline]
    fn drop(&mut self) {
        let items = &mut self.items;
        self.list.items.set(items.as_mut_ptr());
        self.list.len.set(items.len());
        self.list.capacity.set(items.capacity());
        self.list.borrow.set(0);
    }
}

/// `RefCell` with a fixed layout: the borrow flag, then the value.
#[repr(C)]
pub struct ReprCell<T> {
    borrow: Cell<isize>,
    value: UnsafeCell<T>,
}

impl<T> ReprCell<T> {
    pub fn new(value: T) -> ReprCell<T> {
        ReprCell {
            borrow: Cell::new(0),
            value: UnsafeCell::new(value),
        }
    }

    /// Shared access. Panics while an exclusive borrow is live (as `RefCell`).
    #[inline]
    #[track_caller]
    pub fn borrow(&self) -> ReprRef<'_, T> {
        self.try_borrow().expect("value already mutably borrowed")
    }

    #[inline]
    pub fn try_borrow(&self) -> Option<ReprRef<'_, T>> {
        let flag = self.borrow.get();
        if flag == EXCLUSIVE {
            return None;
        }
        self.borrow.set(flag + 1);
        Some(ReprRef { cell: self })
    }

    /// Exclusive access. Panics while any other borrow is live (as `RefCell`).
    #[inline]
    #[track_caller]
    pub fn borrow_mut(&self) -> ReprRefMut<'_, T> {
        self.try_borrow_mut().expect("value already borrowed")
    }

    #[inline]
    pub fn try_borrow_mut(&self) -> Option<ReprRefMut<'_, T>> {
        if self.borrow.get() != 0 {
            return None;
        }
        self.borrow.set(EXCLUSIVE);
        Some(ReprRefMut { cell: self })
    }

    /// Replaces the value, returning the old one. Panics while borrowed.
    #[track_caller]
    pub fn replace(&self, value: T) -> T {
        std::mem::replace(&mut *self.borrow_mut(), value)
    }
}

/// A shared borrow of a [`ReprCell`].
pub struct ReprRef<'a, T> {
    cell: &'a ReprCell<T>,
}

impl<T> Deref for ReprRef<'_, T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the flag counts this guard, so no exclusive guard is live and nothing
        // writes the value while the reference lives.
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> Drop for ReprRef<'_, T> {
    #[inline]
    fn drop(&mut self) {
        self.cell.borrow.set(self.cell.borrow.get() - 1);
    }
}

/// An exclusive borrow of a [`ReprCell`].
pub struct ReprRefMut<'a, T> {
    cell: &'a ReprCell<T>,
}

impl<T> Deref for ReprRefMut<'_, T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: this guard is the only one live (the flag is `EXCLUSIVE`).
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> DerefMut for ReprRefMut<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: this guard is the only one live (the flag is `EXCLUSIVE`), and
        // `&mut self` makes this reference unique among the guard's own.
        unsafe { &mut *self.cell.value.get() }
    }
}

impl<T> Drop for ReprRefMut<'_, T> {
    #[inline]
    fn drop(&mut self) {
        self.cell.borrow.set(0);
    }
}

/// Byte offsets from an object's address (the pointer in its value word) that the
/// JIT's inline list and iterator paths load and store, and the tags they compare.
/// The one source of truth stencil-gen compiles in; the tests below check each
/// against real objects.
pub mod jit {
    use std::mem::{align_of, offset_of};

    use super::{ListObj, ReprCell};
    use crate::object::{FunctionObj, IterState, ObjKind, Object};

    /// Where `Object::kind` starts; its first byte is the kind's tag (`ObjKind` is
    /// `repr(u8)`).
    pub const KIND: i32 = offset_of!(Object, kind) as i32;
    /// The payload of a `repr(u8)` enum variant with one field of type `T` starts at
    /// the first multiple of `T`'s alignment after the one-byte tag.
    const fn payload<T>() -> i32 {
        KIND + align_of::<T>() as i32
    }

    pub const KIND_TAG_LIST: u8 = ObjKind::LIST_TAG;
    pub const KIND_TAG_FUNCTION: u8 = ObjKind::FUNCTION_TAG;
    pub const KIND_TAG_ITERATOR: u8 = ObjKind::ITERATOR_TAG;

    /// A function object's payload: the pointer to its boxed `FunctionObj`.
    pub const FUNCTION_BOX: i32 = payload::<Box<FunctionObj>>();
    /// The function's code object (a value word) in its `FunctionObj`.
    pub const FUNCTION_CODE: i32 = offset_of!(FunctionObj, code) as i32;

    const LIST: i32 = payload::<ListObj>();
    /// The list's borrow flag (an `isize`; negative while exclusively borrowed).
    pub const LIST_BORROW: i32 = LIST + offset_of!(ListObj, borrow) as i32;
    /// Pointer to the first item.
    pub const LIST_ITEMS: i32 = LIST + offset_of!(ListObj, items) as i32;
    /// Number of items.
    pub const LIST_LEN: i32 = LIST + offset_of!(ListObj, len) as i32;

    const ITERATOR: i32 = payload::<ReprCell<IterState>>();
    /// The iterator cell's borrow flag.
    pub const ITER_BORROW: i32 = ITERATOR + offset_of!(ReprCell<IterState>, borrow) as i32;
    /// The first byte of the `IterState` (`repr(u8)`): which iterator this is.
    pub const ITER_STATE_TAG: i32 = ITERATOR + offset_of!(ReprCell<IterState>, value) as i32;
    pub const ITER_TAG_LIST: u8 = IterState::LIST_TAG;
    pub const ITER_TAG_RANGE: u8 = IterState::RANGE_TAG;

    /// `IterState::List`'s fields as the `repr(u8)` layout places them.
    #[repr(C)]
    struct ListIterFields {
        tag: u8,
        list: crate::value::Value,
        index: usize,
    }
    /// `IterState::Range`'s fields as the `repr(u8)` layout places them.
    #[repr(C)]
    struct RangeIterFields {
        tag: u8,
        next: i64,
        remaining: i64,
        step: i64,
    }
    /// The list a list iterator walks (a value word).
    pub const LIST_ITER_LIST: i32 = ITER_STATE_TAG + offset_of!(ListIterFields, list) as i32;
    /// The list iterator's next index (`usize`).
    pub const LIST_ITER_INDEX: i32 = ITER_STATE_TAG + offset_of!(ListIterFields, index) as i32;
    /// The range iterator's next value (`i64`).
    pub const RANGE_NEXT: i32 = ITER_STATE_TAG + offset_of!(RangeIterFields, next) as i32;
    /// How many values the range iterator has left (`i64`).
    pub const RANGE_REMAINING: i32 = ITER_STATE_TAG + offset_of!(RangeIterFields, remaining) as i32;
    /// The range's step (`i64`).
    pub const RANGE_STEP: i32 = ITER_STATE_TAG + offset_of!(RangeIterFields, step) as i32;

    /// Bytes allocated since the last collection, in `GcPressure` (whose address the
    /// JIT's state block holds).
    pub const GC_DEBT: i32 = offset_of!(crate::gc::GcPressure, debt) as i32;
    /// The debt past which a safepoint collects.
    pub const GC_THRESHOLD: i32 = offset_of!(crate::gc::GcPressure, threshold) as i32;
}

#[cfg(test)]
mod tests {
    use super::jit;
    use super::*;
    use crate::object::{FunctionObj, IterState, ObjKind};
    use crate::vm::Vm;

    fn offset_in(object: &crate::object::Object, field: *const u8) -> i32 {
        (field as usize - object as *const _ as usize) as i32
    }

    fn kind_tag(object: &crate::object::Object) -> u8 {
        let address = object as *const _ as *const u8;
        // SAFETY: `jit::KIND` is within the object (checked by `offset_of!`), and the
        // byte there is the initialized tag of a `repr(u8)` enum.
        unsafe { *address.add(jit::KIND as usize) }
    }

    #[test]
    fn list_offsets_match_a_real_list() {
        let mut vm = Vm::new(Box::new(std::io::sink()), Box::new(std::io::sink()));
        let list = vm.new_list(vec![Value::small_int(7).unwrap(), Value::NONE]);
        let object = list.as_object().unwrap();
        assert_eq!(kind_tag(object), jit::KIND_TAG_LIST);
        let ObjKind::List(items) = &object.kind else {
            panic!("not a list")
        };
        assert_eq!(
            offset_in(object, &items.borrow as *const _ as *const u8),
            jit::LIST_BORROW
        );
        assert_eq!(
            offset_in(object, &items.items as *const _ as *const u8),
            jit::LIST_ITEMS
        );
        assert_eq!(
            offset_in(object, &items.len as *const _ as *const u8),
            jit::LIST_LEN
        );
        assert_eq!(items.len.get(), 2);
        assert_eq!(items.borrow()[0], Value::small_int(7).unwrap());
    }

    #[test]
    fn function_offsets_match_a_real_function() {
        let mut vm = Vm::new(Box::new(std::io::sink()), Box::new(std::io::sink()));
        // Any value stands in for the code object: only the layout is checked.
        let code = vm.new_list(vec![]);
        let cell = || std::cell::RefCell::new(Value::NULL);
        let function = vm.alloc(ObjKind::Function(Box::new(FunctionObj {
            code,
            globals: Value::NONE,
            builtins: Value::NONE,
            name: cell(),
            qualname: cell(),
            defaults: cell(),
            kwdefaults: cell(),
            closure: cell(),
            attrs: cell(),
        })));
        let object = function.as_object().unwrap();
        assert_eq!(kind_tag(object), jit::KIND_TAG_FUNCTION);
        let ObjKind::Function(f) = &object.kind else {
            panic!("not a function")
        };
        let boxed: &FunctionObj = f;
        let address = object as *const _ as *const u8;
        // SAFETY: `FUNCTION_BOX` is within the object, where the variant's one field,
        // the box's pointer, is stored.
        let stored = unsafe { *(address.add(jit::FUNCTION_BOX as usize) as *const usize) };
        assert_eq!(stored, boxed as *const FunctionObj as usize);
        assert_eq!(
            &f.code as *const Value as usize - stored,
            jit::FUNCTION_CODE as usize
        );
        assert_eq!(f.code, code);
    }

    #[test]
    fn iterator_offsets_match_real_iterators() {
        let mut vm = Vm::new(Box::new(std::io::sink()), Box::new(std::io::sink()));
        let list = vm.new_list(vec![]);
        let iterators = [
            vm.new_iterator(IterState::Range {
                next: 3,
                remaining: 4,
                step: 5,
            }),
            vm.new_iterator(IterState::List { list, index: 9 }),
        ];
        for iterator in iterators {
            let object = iterator.as_object().unwrap();
            assert_eq!(kind_tag(object), jit::KIND_TAG_ITERATOR);
            let ObjKind::Iterator(cell) = &object.kind else {
                panic!("not an iterator")
            };
            assert_eq!(
                offset_in(object, &cell.borrow as *const _ as *const u8),
                jit::ITER_BORROW
            );
            let state = cell.borrow();
            let state_address = &*state as *const IterState as *const u8;
            assert_eq!(offset_in(object, state_address), jit::ITER_STATE_TAG);
            match &*state {
                IterState::Range {
                    next,
                    remaining,
                    step,
                } => {
                    assert_eq!(offset_in(object, next as *const _ as _), jit::RANGE_NEXT);
                    assert_eq!(
                        offset_in(object, remaining as *const _ as _),
                        jit::RANGE_REMAINING
                    );
                    assert_eq!(offset_in(object, step as *const _ as _), jit::RANGE_STEP);
                    // SAFETY: the state's address is valid and its first byte is the
                    // initialized tag of a `repr(u8)` enum.
                    assert_eq!(unsafe { *state_address }, jit::ITER_TAG_RANGE);
                }
                IterState::List { list, index } => {
                    assert_eq!(
                        offset_in(object, list as *const _ as _),
                        jit::LIST_ITER_LIST
                    );
                    assert_eq!(
                        offset_in(object, index as *const _ as _),
                        jit::LIST_ITER_INDEX
                    );
                    // SAFETY: as above.
                    assert_eq!(unsafe { *state_address }, jit::ITER_TAG_LIST);
                }
                _ => unreachable!(),
            }
        }
    }

    #[test]
    fn list_borrows_follow_refcell_rules_and_write_back() {
        let list = ListObj::new(Vec::new());
        {
            let mut items = list.borrow_mut();
            assert!(list.try_borrow().is_none());
            assert!(list.try_borrow_mut().is_none());
            items.extend((0..100).map(|i| Value::small_int(i).unwrap()));
        }
        let shared = list.borrow();
        let again = list.borrow();
        assert!(list.try_borrow_mut().is_none());
        assert_eq!(shared.len(), 100);
        assert_eq!(again[99], Value::small_int(99).unwrap());
        drop((shared, again));
        let taken = std::mem::take(&mut *list.borrow_mut());
        assert_eq!(taken.len(), 100);
        assert!(list.borrow().is_empty());
        assert!(list.capacity() == 0);
    }

    #[test]
    fn an_unwinding_exclusive_borrow_writes_its_parts_back() {
        let list = ListObj::new(vec![Value::NONE]);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut items = list.borrow_mut();
            items.extend(std::iter::repeat_n(Value::TRUE, 1000));
            panic!("in the middle");
        }));
        assert!(result.is_err());
        assert_eq!(list.borrow().len(), 1001);
        assert!(list.try_borrow_mut().is_some());
    }
}
