//! The heap and its tracing, non-moving mark-sweep collector.
//!
//! Owns allocation, the registry of live objects, marking (with an explicit work list,
//! so deep structures cannot overflow the native stack) and sweeping. Must never decide
//! on its own to collect: the VM calls [`Heap::collect`] only at safepoints (back edges,
//! calls) with a complete root set, and never while native code holds unrooted values
//! (see `Vm::gc_inhibit`). Objects never move.

use crate::object::{ObjKind, Object};
use crate::value::Value;
use std::cell::Cell;

/// Minimum allocation debt (bytes) between collections: small enough that the objects
/// a sweep frees are still in cache when allocation reuses them.
const MIN_GC_THRESHOLD: usize = 1 << 20;

/// Allocation pressure: bytes allocated since the last collection and the threshold
/// past which a safepoint collects. `repr(C)`: compiled code reads both words.
#[repr(C)]
pub struct GcPressure {
    pub debt: usize,
    pub threshold: usize,
}

pub struct Heap {
    objects: Vec<*mut Object>,
    /// Bytes allocated since the last collection.
    /// Allocation since the last collection, and the threshold past which the next
    /// safepoint collects; boxed so compiled code can check it at a fixed address.
    pressure: Box<GcPressure>,
    /// The least `threshold` gets after a collection.
    minimum_threshold: usize,
    /// Approximate bytes live after the last collection.
    live_bytes: usize,
    pub collections: u64,
    pub objects_freed: u64,
    /// The marking work list, kept between collections so a large heap does not make
    /// every collection map (and fault in) a fresh multi-megabyte buffer.
    mark_stack: Vec<Value>,
    /// Swept object cells kept for reuse: every object has the same size, so recycling
    /// the cell skips the allocator and keeps the heap's memory warm instead of
    /// returning pages to the OS after each collection and faulting them in again.
    free_cells: Vec<*mut Object>,
}

/// At most this many swept cells are kept for reuse (64 MiB of 64-byte objects beyond
/// what the program keeps live); the rest go back to the allocator.
const MAX_FREE_CELLS: usize = 1 << 20;

/// Turns transparent huge pages off for this process (Linux; elsewhere a no-op).
///
/// The heap is millions of small objects that the allocator lays out in fresh pages as
/// the program grows. With huge pages, each first touch of a 2 MiB region makes the
/// kernel zero (and sometimes compact memory for) the whole huge page, on the
/// program's time: measured on the `float` bench program, runs took 0.34–0.61 s with
/// huge pages against a steady 0.36 s without. CPython's own allocator does not ask for
/// huge pages either. The policy is the process's, not the library's: the `cpjit`
/// binary calls this first thing; an embedder decides for its own process.
pub fn prefer_small_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: `prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0)` takes no pointers and only sets a
    // flag on this process's memory descriptor; it cannot touch any Rust-owned memory.
    // A failure (an old kernel) leaves the default, so its result is not needed.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            objects: Vec::with_capacity(1024),
            pressure: Box::new(GcPressure {
                debt: 0,
                threshold: MIN_GC_THRESHOLD,
            }),
            minimum_threshold: MIN_GC_THRESHOLD,
            live_bytes: 0,
            collections: 0,
            objects_freed: 0,
            mark_stack: Vec::new(),
            free_cells: Vec::new(),
        }
    }

    /// Allocates an object and returns a value pointing to it.
    pub fn alloc(&mut self, kind: ObjKind) -> Value {
        // (Measured before the payload moves into its cell: no load back from it.)
        self.pressure.debt += kind.approximate_size();
        let ptr = match self.free_cells.pop() {
            Some(ptr) => {
                // SAFETY: cells in `free_cells` were swept: unreachable from every root,
                // not in `objects`, owned by the heap alone, and still valid boxes. The
                // assignment drops the placeholder payload left there by the sweep.
                let object = unsafe { &mut *ptr };
                object.kind = kind;
                object.marked.set(false);
                ptr
            }
            None => Box::into_raw(Box::new(Object {
                marked: Cell::new(false),
                kind,
            })),
        };
        self.objects.push(ptr);
        Value::from_object(ptr)
    }

    /// Collect after every `bytes` of allocation at least (the default keeps 1 MiB;
    /// a small value is a stress mode for finding unrooted values).
    pub fn set_minimum_threshold(&mut self, bytes: usize) {
        self.minimum_threshold = bytes;
        self.pressure.threshold = self.pressure.threshold.min(bytes.max(1));
    }

    /// Where the allocation pressure lives (stable for the heap's lifetime): the JIT's
    /// back edges compare its two words inline and call the safepoint only when
    /// `debt > threshold`.
    pub fn pressure_address(&self) -> *const GcPressure {
        &*self.pressure
    }

    /// Whether enough has been allocated that the next safepoint should collect.
    #[inline]
    pub fn wants_collection(&self) -> bool {
        self.pressure.debt > self.pressure.threshold
    }

    /// Number of objects currently registered (live or not yet swept).
    pub fn object_count(&self) -> usize {
        self.objects.len()
    }

    pub fn live_bytes(&self) -> usize {
        self.live_bytes
    }

    /// Marks everything reachable from `roots` and frees the rest.
    pub fn collect(&mut self, roots: impl IntoIterator<Item = Value>) {
        let mut work = std::mem::take(&mut self.mark_stack);
        work.clear();
        work.extend(roots);
        while let Some(value) = work.pop() {
            if let Some(object) = value.as_object() {
                if !object.marked.get() {
                    object.marked.set(true);
                    object.trace(&mut work);
                }
            }
        }
        let mut live_bytes = 0;
        let before = self.objects.len();
        let free_cells = &mut self.free_cells;
        self.objects.retain(|&ptr| {
            // SAFETY: every pointer in `objects` came from `Box::into_raw` in `alloc`
            // and is removed from the registry in the same step that frees it, so it
            // is valid here.
            let object = unsafe { &*ptr };
            if object.marked.get() {
                object.marked.set(false);
                live_bytes += object.approximate_size();
                true
            } else if free_cells.len() < MAX_FREE_CELLS {
                // SAFETY: the object is unreachable from every root (it was not marked)
                // and collection only runs at safepoints where no Rust reference into
                // the heap is live; the heap now owns the cell exclusively. Its payload
                // is dropped here and the cell kept for reuse by `alloc`.
                unsafe { (*ptr).kind = ObjKind::Cell(Cell::new(Value::NONE)) };
                free_cells.push(ptr);
                false
            } else {
                // SAFETY: as above; this cell is freed instead of kept.
                drop(unsafe { Box::from_raw(ptr) });
                false
            }
        });
        self.mark_stack = work;
        self.objects_freed += (before - self.objects.len()) as u64;
        self.collections += 1;
        self.live_bytes = live_bytes;
        self.pressure.debt = 0;
        self.pressure.threshold = if self.minimum_threshold < MIN_GC_THRESHOLD {
            // Stress mode: collect often, whatever is live.
            self.minimum_threshold
        } else {
            self.minimum_threshold.max(headroom_for(live_bytes))
        };
    }
}

/// How much may be allocated before the next collection, given what survived this one:
/// four times the live bytes while they are small (a collection marks everything live,
/// so rarer collections keep marking cheap), then twice the live bytes plus 64 MiB, so a
/// large heap does not grow to five times what it holds.
fn headroom_for(live_bytes: usize) -> usize {
    const FOURFOLD_UP_TO: usize = 32 << 20;
    live_bytes
        .saturating_mul(2)
        .saturating_add(live_bytes.min(FOURFOLD_UP_TO).saturating_mul(2))
}

impl Drop for Heap {
    fn drop(&mut self) {
        for &ptr in self.objects.iter().chain(self.free_cells.iter()) {
            // SAFETY: the heap owns every registered object; when it is dropped no
            // values into it can be used any more (the VM that owns it is gone).
            drop(unsafe { Box::from_raw(ptr) });
        }
    }
}

/// Whether a value is an object of the given kind (helper for tests).
pub fn is_kind(value: Value, predicate: impl Fn(&ObjKind) -> bool) -> bool {
    value.as_object().is_some_and(|o| predicate(&o.kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreachable_objects_are_freed_and_reachable_ones_kept() {
        let mut heap = Heap::new();
        let kept_item = heap.alloc(ObjKind::BigInt(1.into()));
        let kept = heap.alloc(ObjKind::List(crate::layout::ListObj::new(vec![kept_item])));
        for _ in 0..1000 {
            heap.alloc(ObjKind::List(crate::layout::ListObj::new(vec![
                Value::NONE,
            ])));
        }
        heap.collect([kept]);
        assert_eq!(heap.object_count(), 2);
        assert!(is_kind(kept, |k| matches!(k, ObjKind::List(_))));
        heap.collect([]);
        assert_eq!(heap.object_count(), 0);
    }

    #[test]
    fn deep_structures_mark_without_recursion() {
        let mut heap = Heap::new();
        let mut nested = Value::NONE;
        for _ in 0..200_000 {
            nested = heap.alloc(ObjKind::List(crate::layout::ListObj::new(vec![nested])));
        }
        heap.collect([nested]);
        assert_eq!(heap.object_count(), 200_000);
    }
}
