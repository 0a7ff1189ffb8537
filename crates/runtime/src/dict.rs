//! `DictTable`: the insertion-ordered hash table behind `dict`, `set` and type/module
//! namespaces (a compact entries array plus a `hashbrown` index, like CPython's dict).
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

#[derive(Default)]
pub struct DictTable {
    entries: Vec<Option<DictEntry>>,
    index: HashTable<usize>,
    len: usize,
    /// Incremented on every change of keys or values; caches key on it.
    version: u64,
}

impl DictTable {
    pub fn new() -> DictTable {
        DictTable::default()
    }

    pub fn with_capacity(capacity: usize) -> DictTable {
        DictTable {
            entries: Vec::with_capacity(capacity),
            index: HashTable::with_capacity(capacity),
            len: 0,
            version: 0,
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

    pub(crate) fn capacity_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Option<DictEntry>>() + self.index.capacity() * 8
    }

    /// Index (into the entries array) of the entry whose key matches.
    pub fn find(&self, hash: i64, mut eq: impl FnMut(Value) -> bool) -> Option<usize> {
        let entries = &self.entries;
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
        let position = self.entries.len();
        self.entries.push(Some(DictEntry { hash, key, value }));
        let entries = &self.entries;
        self.index.insert_unique(hash as u64, position, |&i| {
            entries[i].as_ref().map_or(0, |e| e.hash as u64)
        });
        self.len += 1;
    }

    pub fn remove(&mut self, hash: i64, eq: impl FnMut(Value) -> bool) -> Option<DictEntry> {
        let i = self.find(hash, eq)?;
        self.remove_at(i)
    }

    fn remove_at(&mut self, i: usize) -> Option<DictEntry> {
        let hash = self.entries[i].as_ref()?.hash;
        if let Ok(found) = self.index.find_entry(hash as u64, |&j| j == i) {
            found.remove();
        }
        self.len -= 1;
        self.version = self.version.wrapping_add(1);
        self.entries[i].take()
    }

    /// Removes and returns the last entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<DictEntry> {
        let i = self.entries.iter().rposition(Option::is_some)?;
        let entry = self.remove_at(i);
        self.entries.truncate(i);
        entry
    }

    /// Removes and returns the first entry.
    pub fn pop_first(&mut self) -> Option<DictEntry> {
        let i = self.entries.iter().position(Option::is_some)?;
        self.remove_at(i)
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.len = 0;
        self.version = self.version.wrapping_add(1);
    }

    fn compact(&mut self) {
        self.entries.retain(Option::is_some);
        self.index.clear();
        for (position, entry) in self.entries.iter().enumerate() {
            let hash = entry.as_ref().map_or(0, |e| e.hash);
            let entries = &self.entries;
            self.index.insert_unique(hash as u64, position, |&i| {
                entries[i].as_ref().map_or(0, |e| e.hash as u64)
            });
        }
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &DictEntry> + '_ {
        self.entries.iter().flatten()
    }

    /// The live entry at or after `position` in the entries array, and the position
    /// after it (for iterators that survive between calls).
    pub fn next_entry(&self, position: usize) -> Option<(DictEntry, usize)> {
        let mut i = position;
        while i < self.entries.len() {
            if let Some(entry) = self.entries[i] {
                return Some((entry, i + 1));
            }
            i += 1;
        }
        None
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
mod tests {
    use super::*;

    fn int(v: i64) -> Value {
        Value::small_int(v).unwrap()
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
        let keys: Vec<i64> = table.keys().iter().map(|v| v.as_small_int().unwrap()).collect();
        assert_eq!(keys, (90..100).chain([5]).collect::<Vec<_>>());
        assert_eq!(table.get(95, |o| o == int(95)), Some(int(950)));
        assert_eq!(table.len(), 11);
    }
}
