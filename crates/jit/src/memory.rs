//! Executable memory for compiled traces: an arena of mappings that are writable
//! *or* executable, never both.
//!
//! Owns mapping pages (memmap2), handing out space to executors (small ones share a
//! chunk; freeing an executor returns its space to the chunk's free list), and one
//! thunk per helper at the start of every chunk, so a stencil's rel32 `call` can reach
//! a helper that lies more than ±2 GiB away. To write, a chunk is flipped to
//! read-write (nothing in it can run meanwhile: the VM is single-threaded and does not
//! write while JIT code runs), written, then flipped back to read-execute.
//!
//! Must never leave a chunk writable after [`CodeArena::allocate`] returns, nor hand
//! out overlapping space.

use std::ops::Range;

use cpjit_bytecode::jit_abi::{Helper, ALL_HELPERS};
use memmap2::{Mmap, MmapMut};

/// Size of a chunk (a larger trace gets a chunk of its own).
pub const CHUNK_SIZE: usize = 256 * 1024;
/// `jmp qword ptr [rip + 0]` followed by the 64-bit target: 14 bytes, padded to 16.
const THUNK_SIZE: usize = 16;

/// Why code could not be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemoryError {
    Map(String),
    Protect(String),
}

impl std::fmt::Display for MemoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MemoryError::Map(e) => write!(f, "cannot map JIT memory: {e}"),
            MemoryError::Protect(e) => write!(f, "cannot change JIT memory protection: {e}"),
        }
    }
}

struct Chunk {
    /// Read-execute between writes; `None` only while being flipped.
    mapping: Option<Mmap>,
    base: usize,
    len: usize,
    /// Free byte ranges (sorted, merged), after the thunks.
    free: Vec<Range<usize>>,
}

impl Chunk {
    fn new(len: usize, helpers: &dyn Fn(Helper) -> usize) -> Result<Chunk, MemoryError> {
        let mut map = MmapMut::map_anon(len).map_err(|e| MemoryError::Map(e.to_string()))?;
        let base = map.as_ptr() as usize;
        for (i, helper) in ALL_HELPERS.iter().enumerate() {
            let thunk = &mut map[i * THUNK_SIZE..(i + 1) * THUNK_SIZE];
            thunk[..6].copy_from_slice(&[0xFF, 0x25, 0, 0, 0, 0]);
            thunk[6..14].copy_from_slice(&(helpers(*helper) as u64).to_le_bytes());
            thunk[14..].fill(0xCC);
        }
        let thunks_end = ALL_HELPERS.len() * THUNK_SIZE;
        let map = map
            .make_exec()
            .map_err(|e| MemoryError::Protect(e.to_string()))?;
        Ok(Chunk {
            mapping: Some(map),
            base,
            len,
            free: std::iter::once(thunks_end..len).collect(),
        })
    }

    fn take(&mut self, size: usize, align: usize) -> Option<usize> {
        for i in 0..self.free.len() {
            let range = self.free[i].clone();
            let start = (self.base + range.start).next_multiple_of(align) - self.base;
            if start + size <= range.end {
                let mut replacement = Vec::new();
                if start > range.start {
                    replacement.push(range.start..start);
                }
                if start + size < range.end {
                    replacement.push(start + size..range.end);
                }
                self.free.splice(i..=i, replacement);
                return Some(start);
            }
        }
        None
    }

    fn give_back(&mut self, range: Range<usize>) {
        let at = self.free.partition_point(|r| r.start < range.start);
        self.free.insert(at, range);
        // Merge neighbours.
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(self.free.len());
        for r in self.free.drain(..) {
            match merged.last_mut() {
                Some(last) if last.end == r.start => last.end = r.end,
                _ => merged.push(r),
            }
        }
        self.free = merged;
    }

    /// Runs `write` on `range` with the chunk read-write, then makes it read-execute.
    fn write<E>(
        &mut self,
        range: Range<usize>,
        write: impl FnOnce(&mut [u8]) -> Result<(), E>,
    ) -> Result<Result<(), E>, MemoryError> {
        let mut map = match self.mapping.take() {
            Some(map) => map
                .make_mut()
                .map_err(|e| MemoryError::Protect(e.to_string()))?,
            None => return Err(MemoryError::Protect("chunk lost its mapping".into())),
        };
        let result = write(&mut map[range]);
        let map = map
            .make_exec()
            .map_err(|e| MemoryError::Protect(e.to_string()))?;
        self.mapping = Some(map);
        Ok(result)
    }
}

/// Space handed out by the arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeSpace {
    chunk: usize,
    offset: usize,
    len: usize,
    /// Address of the first byte.
    pub address: usize,
}

/// The arena of executable chunks.
pub struct CodeArena {
    chunks: Vec<Chunk>,
    helper_address: fn(Helper) -> usize,
}

impl CodeArena {
    /// An arena whose thunks jump to `helper_address(helper)`.
    pub fn new(helper_address: fn(Helper) -> usize) -> CodeArena {
        CodeArena {
            chunks: Vec::new(),
            helper_address,
        }
    }

    /// Address of the thunk for `helper` in the chunk `space` is in.
    pub fn thunk_address(&self, space: &CodeSpace, helper: Helper) -> usize {
        // `ALL_HELPERS` is in declaration order: a helper's discriminant is its index.
        self.chunks[space.chunk].base + helper as usize * THUNK_SIZE
    }

    /// Reserves `size` bytes aligned to `align` (the caller learns the address before
    /// writing, since patching depends on it).
    pub fn reserve(&mut self, size: usize, align: usize) -> Result<CodeSpace, MemoryError> {
        let align = align.max(1);
        for (index, chunk) in self.chunks.iter_mut().enumerate() {
            if let Some(offset) = chunk.take(size, align) {
                return Ok(CodeSpace {
                    chunk: index,
                    offset,
                    len: size,
                    address: chunk.base + offset,
                });
            }
        }
        let thunks = ALL_HELPERS.len() * THUNK_SIZE;
        let len = (size + align + thunks)
            .max(CHUNK_SIZE)
            .next_multiple_of(4096);
        let helper_address = self.helper_address;
        let mut chunk = Chunk::new(len, &|h| helper_address(h))?;
        let offset = chunk
            .take(size, align)
            .ok_or_else(|| MemoryError::Map("a fresh chunk is too small".into()))?;
        let address = chunk.base + offset;
        self.chunks.push(chunk);
        Ok(CodeSpace {
            chunk: self.chunks.len() - 1,
            offset,
            len: size,
            address,
        })
    }

    /// Fills reserved space: the chunk is writable only during `write`.
    pub fn fill<E>(
        &mut self,
        space: &CodeSpace,
        write: impl FnOnce(&mut [u8]) -> Result<(), E>,
    ) -> Result<Result<(), E>, MemoryError> {
        self.chunks[space.chunk].write(space.offset..space.offset + space.len, write)
    }

    /// Returns space to the arena. Its bytes stay as they were until the space is
    /// handed out again (nothing jumps there: an executor's code is freed only when
    /// the executor is dropped); that saves two protection changes per free.
    pub fn free(&mut self, space: CodeSpace) {
        let chunk = &mut self.chunks[space.chunk];
        chunk.give_back(space.offset..space.offset + space.len);
    }

    /// Bytes currently free in all chunks (for tests and stats).
    pub fn free_bytes(&self) -> usize {
        self.chunks
            .iter()
            .flat_map(|c| c.free.iter())
            .map(|r| r.len())
            .sum()
    }

    /// Number of chunks mapped.
    pub fn chunk_count(&self) -> usize {
        self.chunks.len()
    }

    /// Total bytes mapped.
    pub fn mapped_bytes(&self) -> usize {
        self.chunks.iter().map(|c| c.len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_helper(_: Helper) -> usize {
        0x1000
    }

    /// Serializes the tests that change mappings: `/proc/self/maps` is not read
    /// atomically, and a mapping split or merged meanwhile can hide a line.
    static MAPPINGS: std::sync::Mutex<()> = std::sync::Mutex::new(());

    fn lock() -> std::sync::MutexGuard<'static, ()> {
        MAPPINGS
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The permissions of the mapping containing `address`, from `/proc/self/maps`
    /// (read again if another thread's mapping change hid the line).
    fn permissions(address: usize) -> String {
        for _ in 0..100 {
            let maps = std::fs::read_to_string("/proc/self/maps").expect("procfs");
            for line in maps.lines() {
                let mut fields = line.split_whitespace();
                let (Some(range), Some(perms)) = (fields.next(), fields.next()) else {
                    continue;
                };
                let Some((start, end)) = range.split_once('-') else {
                    continue;
                };
                let start = usize::from_str_radix(start, 16).expect("hex");
                let end = usize::from_str_radix(end, 16).expect("hex");
                if (start..end).contains(&address) {
                    return perms.to_string();
                }
            }
        }
        panic!("{address:#x} is not mapped");
    }

    #[test]
    fn code_is_never_writable_and_executable() {
        let _guard = lock();
        let mut arena = CodeArena::new(no_helper);
        let space = arena.reserve(64, 16).expect("reserve");
        assert_eq!(permissions(space.address), "r-xp");
        // While being written the chunk is read-write, not executable.
        let mut during = String::new();
        arena
            .fill(&space, |bytes| {
                bytes.fill(0xC3);
                during = permissions(space.address);
                Ok::<(), ()>(())
            })
            .expect("fill")
            .expect("write");
        assert_eq!(during, "rw-p");
        assert_eq!(permissions(space.address), "r-xp");
    }

    #[test]
    fn small_executors_share_a_chunk_and_freed_space_is_reused() {
        let _guard = lock();
        let mut arena = CodeArena::new(no_helper);
        let a = arena.reserve(1000, 16).expect("a");
        let b = arena.reserve(1000, 16).expect("b");
        assert_eq!(arena.chunk_count(), 1);
        assert!(b.address >= a.address + 1000);
        let free_before = arena.free_bytes();
        arena.free(a);
        assert_eq!(arena.free_bytes(), free_before + 1000);
        let c = arena.reserve(900, 16).expect("c");
        assert_eq!(c.address, a.address, "freed space is handed out again");
        assert_eq!(arena.chunk_count(), 1);
    }

    #[test]
    fn a_large_trace_gets_its_own_chunk() {
        let _guard = lock();
        let mut arena = CodeArena::new(no_helper);
        let big = arena.reserve(CHUNK_SIZE * 2, 16).expect("big");
        assert!(arena.mapped_bytes() >= CHUNK_SIZE * 2);
        assert_eq!(permissions(big.address), "r-xp");
    }

    #[test]
    fn thunks_jump_to_the_helper() {
        let _guard = lock();
        let mut arena = CodeArena::new(no_helper);
        let space = arena.reserve(16, 16).expect("reserve");
        let thunk = arena.thunk_address(&space, Helper::Step);
        // SAFETY: the thunk lies in a live, readable mapping of the arena.
        let bytes = unsafe { std::slice::from_raw_parts(thunk as *const u8, 14) };
        assert_eq!(&bytes[..6], &[0xFF, 0x25, 0, 0, 0, 0]);
        assert_eq!(u64::from_le_bytes(bytes[6..14].try_into().unwrap()), 0x1000);
    }
}
