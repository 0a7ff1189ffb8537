//! `DictTable`: the insertion-ordered hash table behind `dict`, `set` and type/module
//! namespaces: a compact entries array plus a lookup structure over it. A dict's is a
//! `hashbrown` index (like CPython's dict); a set's is CPython's own open-addressing
//! slot table, which also gives its iteration order. A table of at most
//! [`SMALL_TABLE_SLOTS`] entry slots (most instance namespaces) needs no index: a
//! lookup scans the entries, comparing stored hashes first.
//!
//! Owns storage, ordering and the mutation version counter. Must never compute Python
//! hashes or equality itself: callers pass the hash and an equality closure, so the
//! table stays independent of the object model.

use hashbrown::HashTable;

use crate::value::Value;

#[derive(Clone, Copy, Debug)]
pub struct DictEntry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// Tables with at most this many entry slots (live or removed) keep no hash index.
const SMALL_TABLE_SLOTS: usize = 8;

#[derive(Default)]
pub struct DictTable {
    entries: Vec<Option<DictEntry>>,
    /// Entry positions by hash: every live entry while `entries` holds more than
    /// [`SMALL_TABLE_SLOTS`] slots, else empty.
    index: HashTable<usize>,
    len: usize,
    /// Incremented on every change of keys or values.
    version: u64,
    /// Incremented when keys are added or removed (not when values change); inline
    /// caches that remember an entry position key on it.
    keys_version: u64,
    /// One bit (the hash modulo 64) for every key added since the last clear: a clear
    /// bit proves a hash absent without probing ([`DictTable::may_contain_hash`]).
    hash_bits: u64,
    /// For sets: CPython's open-addressing slot layout, so iteration order matches.
    set_slots: Option<Box<SetSlots>>,
}

/// CPython's `setobject.c` table (linear probes, then perturbation), recording which
/// entry sits in which slot. It decides a set's iteration order, which programs print,
/// and is the set's only lookup structure: probes compare the entry's stored hash, then
/// call `eq`.
#[derive(Clone, Default)]
struct SetSlots {
    /// `EMPTY`, `DUMMY`, or an index into `entries`.
    slots: Vec<u32>,
    fill: usize,
    used: usize,
}

/// The hash of the entry at `position`, for rehashing the index (removed entries are
/// never in it).
#[inline]
fn hash_at(entries: &[Option<DictEntry>], position: usize) -> u64 {
    entries[position].as_ref().map_or(0, |e| e.hash as u64)
}

/// The bit of [`DictTable::hash_bits`] a key's hash sets.
#[inline]
fn hash_bit(hash: i64) -> u64 {
    1 << (hash as u64 & 63)
}

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const SET_MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// The slots `setobject.c` visits for a hash, in order: runs of `LINEAR_PROBES + 1`
/// adjacent slots (one slot when the run would pass the end of the table), each run
/// starting where the perturbed recurrence `i = i * 5 + 1 + perturb` lands. Endless:
/// callers stop at an `EMPTY` slot, and a table always has one.
struct ProbeSequence {
    mask: usize,
    perturb: u64,
    run_start: usize,
    next: usize,
    run_end: usize,
}

impl ProbeSequence {
    #[inline]
    fn new(hash: i64, mask: usize) -> ProbeSequence {
        let start = hash as u64 as usize & mask;
        ProbeSequence {
            mask,
            perturb: hash as u64,
            run_start: start,
            next: start,
            run_end: run_end(start, mask),
        }
    }

    #[inline]
    fn next_slot(&mut self) -> usize {
        if self.next > self.run_end {
            self.perturb >>= PERTURB_SHIFT;
            self.run_start = self
                .run_start
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize)
                & self.mask;
            self.next = self.run_start;
            self.run_end = run_end(self.run_start, self.mask);
        }
        let slot = self.next;
        self.next += 1;
        slot
    }
}

/// The last slot of the linear run starting at `start`.
#[inline]
fn run_end(start: usize, mask: usize) -> usize {
    if start + LINEAR_PROBES <= mask {
        start + LINEAR_PROBES
    } else {
        start
    }
}

impl SetSlots {
    fn new() -> SetSlots {
        SetSlots {
            slots: vec![EMPTY; SET_MIN_SIZE],
            fill: 0,
            used: 0,
        }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// `set_lookkey`: the entry whose key matches.
    #[inline]
    fn find(
        &self,
        hash: i64,
        entries: &[Option<DictEntry>],
        mut eq: impl FnMut(Value) -> bool,
    ) -> Option<usize> {
        let mut probe = ProbeSequence::new(hash, self.mask());
        loop {
            match self.slots[probe.next_slot()] {
                EMPTY => return None,
                DUMMY => {}
                entry => {
                    if let Some(stored) = &entries[entry as usize] {
                        if stored.hash == hash && eq(stored.key) {
                            return Some(entry as usize);
                        }
                    }
                }
            }
        }
    }

    /// Positions and keys of the entries whose hash equals `hash`, in probe order (an
    /// entry may come more than once).
    fn candidates(&self, hash: i64, entries: &[Option<DictEntry>]) -> Vec<(usize, Value)> {
        let mut found = Vec::new();
        let mut probe = ProbeSequence::new(hash, self.mask());
        loop {
            match self.slots[probe.next_slot()] {
                EMPTY => return found,
                DUMMY => {}
                entry => {
                    if let Some(stored) = entries[entry as usize].filter(|e| e.hash == hash) {
                        found.push((entry as usize, stored.key));
                    }
                }
            }
        }
    }

    /// `set_add_entry` for a key known to be absent: the last dummy on the probe path
    /// (CPython 3.13 overwrites its `freeslot` at every dummy it passes), else the
    /// empty slot that ends it.
    fn insert(&mut self, hash: i64, entry: u32, entries: &[Option<DictEntry>]) {
        let mask = self.mask();
        let mut probe = ProbeSequence::new(hash, mask);
        let mut free_slot = None;
        loop {
            let slot = probe.next_slot();
            match self.slots[slot] {
                EMPTY => {
                    match free_slot {
                        Some(free) => self.slots[free] = entry,
                        None => {
                            self.slots[slot] = entry;
                            self.fill += 1;
                        }
                    }
                    self.used += 1;
                    if self.fill * 5 >= mask * 3 {
                        let minused = if self.used > 50000 {
                            self.used * 2
                        } else {
                            self.used * 4
                        };
                        self.resize(minused, entries);
                    }
                    return;
                }
                DUMMY => free_slot = Some(slot),
                _ => {}
            }
        }
    }

    /// `set_table_resize`: reinsert live entries in old slot order (`set_insert_clean`).
    fn resize(&mut self, minused: usize, entries: &[Option<DictEntry>]) {
        let mut size = SET_MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; size]);
        let mask = size - 1;
        for entry in old.into_iter().filter(|&s| s != EMPTY && s != DUMMY) {
            let hash = entries[entry as usize].map_or(0, |e| e.hash);
            let mut probe = ProbeSequence::new(hash, mask);
            loop {
                let slot = probe.next_slot();
                if self.slots[slot] == EMPTY {
                    self.slots[slot] = entry;
                    break;
                }
            }
        }
        self.fill = self.used;
    }

    /// Turns the slot holding `entry` (whose key hashes to `hash`) into a dummy.
    fn remove(&mut self, hash: i64, entry: u32) {
        let mut probe = ProbeSequence::new(hash, self.mask());
        loop {
            let slot = probe.next_slot();
            match self.slots[slot] {
                EMPTY => {
                    debug_assert!(false, "a live set entry is on its probe path");
                    return;
                }
                found if found == entry => {
                    self.slots[slot] = DUMMY;
                    self.used -= 1;
                    return;
                }
                _ => {}
            }
        }
    }

    /// `set_clear_internal`: back to an empty minimum-size table.
    fn reset(&mut self) {
        self.slots.clear();
        self.slots.resize(SET_MIN_SIZE, EMPTY);
        self.fill = 0;
        self.used = 0;
    }
}

impl DictTable {
    pub fn new() -> DictTable {
        DictTable::default()
    }

    pub fn with_capacity(capacity: usize) -> DictTable {
        let index_capacity = if capacity > SMALL_TABLE_SLOTS {
            capacity
        } else {
            0
        };
        DictTable {
            entries: Vec::with_capacity(capacity),
            index: if index_capacity == 0 {
                HashTable::new()
            } else {
                HashTable::with_capacity(index_capacity)
            },
            len: 0,
            version: 0,
            keys_version: 0,
            hash_bits: 0,
            set_slots: None,
        }
    }

    /// A key-only table that iterates in CPython's set order.
    pub fn new_set() -> DictTable {
        DictTable {
            set_slots: Some(Box::new(SetSlots::new())),
            ..DictTable::default()
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    pub fn keys_version(&self) -> u64 {
        self.keys_version
    }

    /// Where `version` lives, for compiled code that checks it inline (the table is
    /// boxed inside its dict, so the address is stable while the dict lives).
    pub fn version_address(&self) -> *const u64 {
        &self.version
    }

    pub(crate) fn capacity_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Option<DictEntry>>()
            + self.index.capacity() * 8
    }

    /// Makes room for `additional` more keys in the entries and a dict's hash index
    /// (not in a set's slots, whose growth decides iteration order as CPython's).
    pub fn reserve(&mut self, additional: usize) {
        self.entries.reserve(additional);
        if self.set_slots.is_none() && self.entries.len() + additional > SMALL_TABLE_SLOTS {
            // A small table's index is empty but will hold every live entry once built.
            let entries = &self.entries;
            self.index
                .reserve(self.len - self.index.len() + additional, |&i| {
                    hash_at(entries, i)
                });
        }
    }

    /// Whether lookups scan `entries` (else they go through a set's slots or a dict's
    /// index).
    #[inline]
    fn is_small(&self) -> bool {
        self.entries.len() <= SMALL_TABLE_SLOTS
    }

    /// Whether `index` holds the live entries (a dict that is not small).
    #[inline]
    fn is_indexed(&self) -> bool {
        !self.is_small() && self.set_slots.is_none()
    }

    /// Refills `index` from the live entries (empty for a small table).
    fn rebuild_index(&mut self) {
        self.index.clear();
        if !self.is_indexed() {
            return;
        }
        let entries = &self.entries;
        self.index.reserve(self.len, |&i| hash_at(entries, i));
        for (position, entry) in entries.iter().enumerate() {
            if let Some(entry) = entry {
                self.index
                    .insert_unique(entry.hash as u64, position, |&i| hash_at(entries, i));
            }
        }
    }

    /// Whether a key with this hash may be in the table; `false` proves it absent
    /// (a quick answer for lookups that usually miss, like a method name in an
    /// instance's namespace).
    #[inline]
    pub fn may_contain_hash(&self, hash: i64) -> bool {
        self.hash_bits & hash_bit(hash) != 0
    }

    /// Index (into the entries array) of the entry whose key matches.
    pub fn find(&self, hash: i64, mut eq: impl FnMut(Value) -> bool) -> Option<usize> {
        let entries = &self.entries;
        if self.is_small() {
            return entries.iter().position(|slot| {
                slot.as_ref()
                    .is_some_and(|entry| entry.hash == hash && eq(entry.key))
            });
        }
        if let Some(slots) = &self.set_slots {
            return slots.find(hash, entries, eq);
        }
        self.index
            .find(hash as u64, |&i| {
                entries[i]
                    .as_ref()
                    .is_some_and(|entry| entry.hash == hash && eq(entry.key))
            })
            .copied()
    }

    pub fn get(&self, hash: i64, eq: impl FnMut(Value) -> bool) -> Option<Value> {
        self.find(hash, eq)
            .and_then(|i| self.entries[i].as_ref().map(|e| e.value))
    }

    /// Inserts or replaces; returns the previous value. An existing key keeps its
    /// position and its original key object, as in CPython.
    pub fn insert(
        &mut self,
        hash: i64,
        key: Value,
        value: Value,
        eq: impl FnMut(Value) -> bool,
    ) -> Option<Value> {
        self.version = self.version.wrapping_add(1);
        if let Some(i) = self.find(hash, eq) {
            let entry = self.entries[i].as_mut().expect("found entries are live");
            return Some(std::mem::replace(&mut entry.value, value));
        }
        self.push_new(hash, key, value);
        None
    }

    /// Appends a key known to be absent.
    pub fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        self.version = self.version.wrapping_add(1);
        if self.entries.len() >= 16 && self.entries.len() > 2 * self.len + 8 {
            self.compact();
        }
        self.keys_version = self.keys_version.wrapping_add(1);
        self.hash_bits |= hash_bit(hash);
        let position = self.entries.len();
        self.entries.push(Some(DictEntry { hash, key, value }));
        self.len += 1;
        if let Some(slots) = self.set_slots.as_mut() {
            slots.insert(hash, position as u32, &self.entries);
        } else if position == SMALL_TABLE_SLOTS {
            self.rebuild_index();
        } else if position > SMALL_TABLE_SLOTS {
            let entries = &self.entries;
            self.index
                .insert_unique(hash as u64, position, |&i| hash_at(entries, i));
        }
    }

    pub fn remove(&mut self, hash: i64, eq: impl FnMut(Value) -> bool) -> Option<DictEntry> {
        let i = self.find(hash, eq)?;
        self.remove_at(i)
    }

    /// Removes the entry at position `i` (as returned by [`DictTable::find`]), if live.
    pub fn remove_at(&mut self, i: usize) -> Option<DictEntry> {
        let hash = self.entries[i].as_ref()?.hash;
        if self.is_indexed() {
            if let Ok(found) = self.index.find_entry(hash as u64, |&j| j == i) {
                found.remove();
            }
        }
        self.len -= 1;
        self.version = self.version.wrapping_add(1);
        self.keys_version = self.keys_version.wrapping_add(1);
        if let Some(slots) = self.set_slots.as_mut() {
            slots.remove(hash, i as u32);
        }
        self.entries[i].take()
    }

    /// Removes and returns the last entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<DictEntry> {
        let i = self.entries.iter().rposition(Option::is_some)?;
        let entry = self.remove_at(i);
        let was_indexed = self.is_indexed();
        self.entries.truncate(i);
        if was_indexed && !self.is_indexed() {
            self.index.clear();
        }
        entry
    }

    /// Removes and returns the first entry in iteration order.
    pub fn pop_first(&mut self) -> Option<DictEntry> {
        let i = match &self.set_slots {
            Some(slots) => *slots.slots.iter().find(|&&s| s != EMPTY && s != DUMMY)? as usize,
            None => self.entries.iter().position(Option::is_some)?,
        };
        self.remove_at(i)
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.len = 0;
        self.keys_version = self.keys_version.wrapping_add(1);
        self.hash_bits = 0;
        if let Some(slots) = self.set_slots.as_mut() {
            slots.reset();
        }
        self.version = self.version.wrapping_add(1);
    }

    fn compact(&mut self) {
        if let Some(slots) = self.set_slots.as_mut() {
            // Renumber slot references to the compacted entry positions.
            let mut new_position = vec![0u32; self.entries.len()];
            let mut next = 0u32;
            for (i, entry) in self.entries.iter().enumerate() {
                if entry.is_some() {
                    new_position[i] = next;
                    next += 1;
                }
            }
            for slot in slots.slots.iter_mut() {
                if *slot != EMPTY && *slot != DUMMY {
                    *slot = new_position[*slot as usize];
                }
            }
        }
        self.entries.retain(Option::is_some);
        self.keys_version = self.keys_version.wrapping_add(1);
        self.rebuild_index();
    }

    /// Live entries in iteration order (insertion order; CPython's slot order for sets).
    pub fn iter(&self) -> Box<dyn Iterator<Item = &DictEntry> + '_> {
        match &self.set_slots {
            Some(slots) => Box::new(
                slots
                    .slots
                    .iter()
                    .filter(|&&s| s != EMPTY && s != DUMMY)
                    .filter_map(|&s| self.entries[s as usize].as_ref()),
            ),
            None => Box::new(self.entries.iter().flatten()),
        }
    }

    /// The live entry at or after `position` in iteration order, and the position
    /// after it (for iterators that survive between calls). Positions are slot numbers
    /// for sets and entry numbers for dicts.
    pub fn next_entry(&self, position: usize) -> Option<(DictEntry, usize)> {
        if let Some(slots) = &self.set_slots {
            let mut i = position;
            while i < slots.slots.len() {
                let s = slots.slots[i];
                if s != EMPTY && s != DUMMY {
                    if let Some(entry) = self.entries[s as usize] {
                        return Some((entry, i + 1));
                    }
                }
                i += 1;
            }
            return None;
        }
        let mut i = position;
        while i < self.entries.len() {
            if let Some(entry) = self.entries[i] {
                return Some((entry, i + 1));
            }
            i += 1;
        }
        None
    }

    /// The live entry stored at entry index `i` (as returned by [`DictTable::find`]).
    pub fn entry_at(&self, i: usize) -> Option<DictEntry> {
        self.entries.get(i).copied().flatten()
    }

    /// Entry indices and keys of the entries whose hash equals `hash`, in entry order
    /// (for fallible equality, whose `__eq__` calls happen in this order).
    pub fn candidates(&self, hash: i64) -> Vec<(usize, Value)> {
        let entries = &self.entries;
        let with_hash = |i: usize| entries[i].filter(|e| e.hash == hash).map(|e| (i, e.key));
        if self.is_small() {
            return (0..entries.len()).filter_map(with_hash).collect();
        }
        let mut found: Vec<(usize, Value)> = match &self.set_slots {
            Some(slots) => slots.candidates(hash, entries),
            None => self
                .index
                .iter_hash(hash as u64)
                .filter_map(|&i| with_hash(i))
                .collect(),
        };
        found.sort_unstable_by_key(|&(i, _)| i);
        // A set's probe sequence may pass a slot more than once.
        found.dedup_by_key(|&mut (i, _)| i);
        found
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value).collect()
    }

    /// Overwrites the value of the entry at `position` (which must be live).
    pub fn set_value_at(&mut self, position: usize, value: Value) {
        if let Some(entry) = self.entries[position].as_mut() {
            entry.value = value;
            self.version = self.version.wrapping_add(1);
        }
    }

    pub(crate) fn trace(&self, out: &mut Vec<Value>) {
        for entry in self.iter() {
            out.push(entry.key);
            out.push(entry.value);
        }
    }
}

#[cfg(test)]
impl DictTable {
    /// Checks the table's invariants: `len` counts the live entries, and the index
    /// (when the table has one) finds every live entry at its position and nothing else.
    fn verify(&self) {
        let live: Vec<usize> = (0..self.entries.len())
            .filter(|&i| self.entries[i].is_some())
            .collect();
        assert_eq!(self.len, live.len(), "len counts live entries");
        for &position in &live {
            let hash = self.entries[position].unwrap().hash;
            let scanned: Vec<(usize, Value)> = (0..self.entries.len())
                .filter_map(|i| {
                    self.entries[i]
                        .filter(|e| e.hash == hash)
                        .map(|e| (i, e.key))
                })
                .collect();
            assert_eq!(self.candidates(hash), scanned, "candidates in entry order");
        }
        if self.is_indexed() {
            assert_eq!(self.index.len(), self.len, "index holds every live entry");
            for &position in &live {
                let hash = self.entries[position].unwrap().hash;
                assert!(
                    self.index.find(hash as u64, |&i| i == position).is_some(),
                    "entry {position} is in the index"
                );
            }
        } else {
            assert!(
                self.index.is_empty(),
                "a small or set table has no index entries"
            );
        }
        if let Some(slots) = &self.set_slots {
            assert!(slots.slots.len().is_power_of_two() && slots.slots.len() >= SET_MIN_SIZE);
            let mut seen = vec![0; self.entries.len()];
            for &slot in &slots.slots {
                if slot != EMPTY && slot != DUMMY {
                    assert!(
                        self.entries[slot as usize].is_some(),
                        "slots hold live entries"
                    );
                    seen[slot as usize] += 1;
                }
            }
            for (position, &count) in seen.iter().enumerate() {
                let expected = usize::from(self.entries[position].is_some());
                assert_eq!(count, expected, "entry {position} sits in one slot");
            }
            assert_eq!(slots.used, self.len);
            let filled = slots.slots.iter().filter(|&&s| s != EMPTY).count();
            assert_eq!(slots.fill, filled, "fill counts live and dummy slots");
            assert!(filled < slots.slots.len(), "an empty slot ends every probe");
            for &position in &live {
                let entry = self.entries[position].unwrap();
                let found = slots.find(entry.hash, &self.entries, |k| k == entry.key);
                assert_eq!(
                    found,
                    Some(position),
                    "entry {position} is on its probe path"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(v: i64) -> Value {
        Value::small_int(v).unwrap()
    }

    /// Hashes that collide often, so lookups must compare keys, not just hashes.
    fn colliding_hash(k: i64) -> i64 {
        k % 7
    }

    /// Positions of `keys` as `find` reports them.
    fn positions(table: &DictTable, keys: &[i64]) -> Vec<Option<usize>> {
        keys.iter()
            .map(|&k| table.find(colliding_hash(k), |other| other == int(k)))
            .collect()
    }

    fn key_order(table: &DictTable) -> Vec<i64> {
        table
            .keys()
            .iter()
            .map(|v| v.as_small_int().unwrap())
            .collect()
    }

    #[test]
    fn small_tables_have_no_index() {
        let mut table = DictTable::with_capacity(SMALL_TABLE_SLOTS);
        assert_eq!(table.index.capacity(), 0);
        for k in 0..SMALL_TABLE_SLOTS as i64 {
            table.push_new(colliding_hash(k), int(k), int(k));
        }
        assert_eq!(
            table.index.capacity(),
            0,
            "filling a small table builds no index"
        );
        table.verify();
        assert!(
            DictTable::with_capacity(SMALL_TABLE_SLOTS + 1)
                .index
                .capacity()
                > 0
        );
    }

    #[test]
    fn small_to_large_and_back_keeps_order_and_positions() {
        let mut table = DictTable::new();
        let mut order: Vec<i64> = Vec::new();
        let small = SMALL_TABLE_SLOTS as i64;
        for k in 0..small {
            table.insert(colliding_hash(k), int(k), int(k), |o| o == int(k));
            order.push(k);
        }
        let before = positions(&table, &order);
        assert_eq!(before, (0..SMALL_TABLE_SLOTS).map(Some).collect::<Vec<_>>());
        // One more slot builds the index; nobody moves.
        table.insert(colliding_hash(small), int(small), int(0), |o| {
            o == int(small)
        });
        order.push(small);
        table.verify();
        assert!(table.is_indexed());
        assert_eq!(positions(&table, &order[..SMALL_TABLE_SLOTS]), before);
        // Removals leave holes (positions stay); re-inserts go to the end.
        let versions = (table.version(), table.keys_version());
        for k in [1, 3, 5] {
            assert!(table.remove(colliding_hash(k), |o| o == int(k)).is_some());
            order.retain(|&o| o != k);
            table.verify();
        }
        assert!(table.version() > versions.0 && table.keys_version() > versions.1);
        assert_eq!(
            positions(&table, &[0, 2, 4]),
            vec![Some(0), Some(2), Some(4)]
        );
        assert_eq!(positions(&table, &[1, 3, 5]), vec![None, None, None]);
        for k in [3, 100, 1] {
            table.insert(colliding_hash(k), int(k), int(k), |o| o == int(k));
            order.push(k);
            table.verify();
        }
        assert_eq!(key_order(&table), order);
        assert_eq!(
            positions(&table, &[3, 100, 1]),
            vec![Some(9), Some(10), Some(11)]
        );
        // popitem shrinks the slots back to a small table without an index.
        while table.entries.len() > SMALL_TABLE_SLOTS {
            let popped = table.pop_last().unwrap().key.as_small_int().unwrap();
            assert_eq!(Some(popped), order.pop());
            table.verify();
        }
        assert!(!table.is_indexed());
        assert_eq!(key_order(&table), order);
        for &k in &order {
            assert_eq!(table.get(colliding_hash(k), |o| o == int(k)), Some(int(k)));
        }
    }

    /// Hashes that share their low bits, so set probes run long and wrap.
    fn set_hash(k: i64) -> i64 {
        (k % 5) * 64 - (k % 3) * 8
    }

    #[test]
    fn sets_survive_add_discard_cycles() {
        let mut set = DictTable::new_set();
        let mut members: Vec<i64> = Vec::new();
        let mut state = 99u64;
        let (mut probed_steps, mut largest_table) = (0, 0);
        for step in 0..30_000 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let span = 3 + (step / 1000 % 6) * 10;
            let k = ((state >> 24) % span) as i64;
            let hash = set_hash(k);
            let found = set.find(hash, |o| o == int(k));
            assert_eq!(found.is_some(), members.contains(&k));
            match (state >> 40) % 64 {
                0 => {
                    set.clear();
                    members.clear();
                }
                1..=2 => {
                    let first = key_order(&set).first().copied();
                    let popped = set.pop_first().map(|e| e.key.as_small_int().unwrap());
                    assert_eq!(popped, first, "pop takes the first in iteration order");
                    if let Some(p) = popped {
                        members.retain(|&m| m != p);
                    }
                }
                roll if roll < 34 => {
                    if found.is_none() {
                        set.push_new(hash, int(k), Value::NONE);
                        members.push(k);
                    }
                }
                _ => {
                    let removed = set.remove(hash, |o| o == int(k));
                    assert_eq!(removed.is_some(), found.is_some());
                    members.retain(|&m| m != k);
                }
            }
            set.verify();
            if !set.is_small() {
                probed_steps += 1;
            }
            largest_table = largest_table.max(set.set_slots.as_ref().unwrap().slots.len());
            let mut keys = key_order(&set);
            keys.sort_unstable();
            let mut expected = members.clone();
            expected.sort_unstable();
            assert_eq!(keys, expected);
        }
        assert!(probed_steps > 10_000 && largest_table >= 64);
    }

    /// A set of small ints (which hash to themselves) after `ops`: `(true, k)` discards
    /// `k`, `(false, k)` adds it.
    fn int_set_after(ops: impl IntoIterator<Item = (bool, i64)>) -> Vec<i64> {
        let mut set = DictTable::new_set();
        for (discard, k) in ops {
            let present = set.find(k, |o| o == int(k)).is_some();
            if discard {
                set.remove(k, |o| o == int(k));
            } else if !present {
                set.push_new(k, int(k), Value::NONE);
            }
            set.verify();
        }
        key_order(&set)
    }

    /// Iteration orders recorded from CPython 3.13 (`list(s)` after the same adds and
    /// discards).
    #[test]
    fn set_order_matches_cpython_after_discards() {
        // An add reuses the *last* dummy slot on its probe path, not the first.
        let ops = [49, 80, 64, 17].map(|k| (false, k)).into_iter().chain([
            (true, 80),
            (true, 17),
            (false, 80),
            (false, 16),
        ]);
        assert_eq!(int_set_after(ops), vec![16, 49, 64, 80]);
        let ops = (0..300).map(|step: i64| {
            if step % 3 == 2 {
                (true, (step * 31) % 97 * 8 - 300)
            } else {
                (false, (step * 7919) % 97 * 8 - 300)
            }
        });
        let cpython = [
            260, 4, -252, 268, 12, -244, 276, 20, -236, 36, -220, 300, 44, -212, 308, 52, -204,
            -196, 316, 60, 324, 68, -188, 332, 76, -180, 340, 84, -172, 348, 100, -156, 364, 108,
            -148, 372, 116, -140, -132, 124, 380, 388, -124, 396, 140, -116, 404, 148, -108, 412,
            -92, 428, 172, -84, 436, 180, -76, -68, 444, 188, 452, -60, 460, 204, -52, 468, 212,
            -44, -300, -28, -284, 236, -20, -4, -276, -12, 244, -268, 252, -260,
        ];
        assert_eq!(int_set_after(ops), cpython);
    }

    /// Random inserts, removals, pops and clears against a plain list of keys.
    #[test]
    fn random_churn_matches_a_model() {
        let mut table = DictTable::new();
        let mut order: Vec<i64> = Vec::new();
        let mut state = 12345u64;
        let (mut small_steps, mut indexed_steps) = (0, 0);
        for step in 0..20_000i64 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let roll = (state >> 33) % 100;
            // Key ranges that widen and narrow, so tables cross the small limit both ways.
            let span = 4 + (step / 500 % 8) * 6;
            let k = ((state >> 20) % span as u64) as i64;
            let hash = colliding_hash(k);
            match roll {
                0..=54 => {
                    let previous = table.insert(hash, int(k), int(step), |o| o == int(k));
                    assert_eq!(previous.is_some(), order.contains(&k));
                    if previous.is_none() {
                        order.push(k);
                    }
                }
                55..=94 => {
                    let removed = table.remove(hash, |o| o == int(k));
                    assert_eq!(removed.is_some(), order.contains(&k));
                    order.retain(|&o| o != k);
                }
                95..=98 => {
                    let popped = table.pop_last().map(|e| e.key.as_small_int().unwrap());
                    assert_eq!(popped, order.pop());
                }
                _ => {
                    table.clear();
                    order.clear();
                }
            }
            table.verify();
            if table.is_indexed() {
                indexed_steps += 1;
            } else {
                small_steps += 1;
            }
            assert_eq!(key_order(&table), order);
            for (i, &k) in order.iter().enumerate().filter(|(i, _)| i % 3 == 0) {
                let position = table.find(colliding_hash(k), |o| o == int(k));
                let entry = table
                    .entry_at(position.expect("live key is found"))
                    .unwrap();
                assert_eq!(entry.key, int(k), "key {i} found at its own entry");
            }
        }
        assert!(small_steps > 1000 && indexed_steps > 1000);
    }

    #[test]
    fn keeps_insertion_order_through_deletes_and_compaction() {
        let mut table = DictTable::new();
        for k in 0..100 {
            table.insert(k, int(k), int(k * 10), |other| other == int(k));
        }
        for k in 0..90 {
            assert!(table.remove(k, |other| other == int(k)).is_some());
        }
        table.insert(5, int(5), int(0), |other| other == int(5));
        let keys: Vec<i64> = table
            .keys()
            .iter()
            .map(|v| v.as_small_int().unwrap())
            .collect();
        assert_eq!(keys, (90..100).chain([5]).collect::<Vec<_>>());
        assert_eq!(table.get(95, |o| o == int(95)), Some(int(950)));
        assert_eq!(table.len(), 11);
    }
}
