//! Copy-and-patch: lays out a trace's stencils back to back and fills their holes.
//!
//! Owns the two passes: the first sums sizes and records where every uop (and every
//! deopt stub) starts; the second copies the bytes into the arena and patches each
//! hole, range-checked — a value that does not fit its hole aborts the compile with an
//! error (the loop stays in the lower tier), never leaves bad code behind. A helper out
//! of rel32 range is reached through the arena's thunk.
//!
//! Layout: `[entry][uop 0]…[uop n-1][fatal][deopt][exit trampolines…]` — the deopt
//! stencil and the trampolines (one per uop with an inline fast path, passing its
//! index to the deopt stencil) are cold, after everything hot.
//!
//! Must never interpret what a stencil does: it only knows bytes and holes.

use cpjit_bytecode::jit_abi::{Helper, HoleValue};

use crate::memory::{CodeArena, CodeSpace, MemoryError};
use crate::stencil::{HoleKind, Stencil, StencilTable};

/// One uop to compile: its stencil (the uop's own or the step stencil) and values.
#[derive(Clone, Copy, Debug)]
pub struct PlannedUop {
    pub stencil: &'static Stencil,
    pub oparg: u64,
    pub operand: u64,
    /// Its exit trampoline, when the stencil has an `Exit` hole.
    pub trampoline: &'static Stencil,
    /// The address of its exit slot (a word naming an attached side trace, or 0).
    pub exit_slot: u64,
}

/// Why a trace could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatchError {
    /// A value does not fit its hole.
    Unencodable {
        stencil: &'static str,
        offset: u32,
        value: HoleValue,
        detail: String,
    },
    /// The stencil has a hole this target cannot patch.
    UnsupportedHole {
        stencil: &'static str,
        kind: HoleKind,
    },
    /// A stencil refers to a deopt stub it was not given.
    MissingStub {
        stencil: &'static str,
    },
    Memory(MemoryError),
}

impl std::fmt::Display for PatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PatchError::Unencodable {
                stencil,
                offset,
                value,
                detail,
            } => write!(
                f,
                "{stencil}+{offset}: {value:?} cannot be encoded: {detail}"
            ),
            PatchError::UnsupportedHole { stencil, kind } => {
                write!(
                    f,
                    "{stencil}: {kind:?} holes cannot be patched on this machine"
                )
            }
            PatchError::MissingStub { stencil } => write!(f, "{stencil}: no deopt stub"),
            PatchError::Memory(e) => e.fmt(f),
        }
    }
}

/// A compiled trace's place in memory.
#[derive(Debug, Clone)]
pub struct PatchedCode {
    pub space: CodeSpace,
    /// Address of the entry stencil (SystemV `(frame, stack_pointer, state) -> status`).
    pub entry: usize,
    /// Offset of each uop's code from the start, then one more: where the uop after
    /// the last would be (the fatal stencil).
    pub uop_offsets: Vec<u32>,
    /// Offset where the cold part (fatal stencil and deopt stubs) starts.
    pub cold_offset: u32,
    pub size: usize,
}

#[derive(Clone, Copy)]
enum Site {
    Entry,
    Uop(usize),
    Stub(usize),
    Fatal,
    Deopt,
}

struct Placed {
    site: Site,
    stencil: &'static Stencil,
    offset: usize,
}

/// Where everything of a trace goes (pass 1).
pub struct Layout<'u> {
    uops: &'u [PlannedUop],
    placed: Vec<Placed>,
    stub_index: Vec<Option<usize>>,
    fatal_offset: usize,
    deopt_offset: usize,
    /// Total bytes.
    pub size: usize,
}

/// Pass 1: sizes and offsets of every stencil copy.
pub fn layout<'u>(table: &'static StencilTable, uops: &'u [PlannedUop]) -> Layout<'u> {
    let mut placed: Vec<Placed> = Vec::with_capacity(uops.len() * 2 + 2);
    let mut offset = 0usize;
    let mut place = |site: Site, stencil: &'static Stencil, placed: &mut Vec<Placed>| {
        // Alignments are powers of two (Cranelift's); no division on this hot path.
        let mask = stencil.align.max(1) as usize - 1;
        offset = (offset + mask) & !mask;
        placed.push(Placed {
            site,
            stencil,
            offset,
        });
        offset += stencil.code.len();
    };
    place(Site::Entry, &table.entry, &mut placed);
    for (i, uop) in uops.iter().enumerate() {
        place(Site::Uop(i), uop.stencil, &mut placed);
    }
    place(Site::Fatal, &table.fatal, &mut placed);
    place(Site::Deopt, &table.deopt, &mut placed);
    let mut stub_index = vec![None; uops.len()];
    for (i, uop) in uops.iter().enumerate() {
        if uop.stencil.needs_deopt_stub {
            stub_index[i] = Some(placed.len());
            place(Site::Stub(i), uop.trampoline, &mut placed);
        }
    }
    let fatal_offset = placed[1 + uops.len()].offset;
    let deopt_offset = placed[2 + uops.len()].offset;
    Layout {
        uops,
        placed,
        stub_index,
        fatal_offset,
        deopt_offset,
        size: offset.max(1),
    }
}

impl Layout<'_> {
    fn uop_start(&self, i: usize) -> usize {
        self.placed[1 + i].offset
    }

    fn next_of(&self, i: usize) -> usize {
        if i + 1 < self.uops.len() {
            self.uop_start(i + 1)
        } else {
            self.fatal_offset
        }
    }

    /// Offset of each uop's code, then of the fatal stencil (where the uop after
    /// the last one would be).
    pub fn uop_offsets_and_end(&self) -> Vec<u32> {
        let mut offsets = self.uop_offsets();
        offsets.push(self.fatal_offset as u32);
        offsets
    }

    /// Offset of each uop's code.
    pub fn uop_offsets(&self) -> Vec<u32> {
        (0..self.uops.len())
            .map(|i| self.uop_start(i) as u32)
            .collect()
    }

    /// Pass 2: copies every stencil into `bytes` (which will live at `base`) and
    /// patches its holes; `thunk` gives the in-range thunk for a far helper.
    pub fn write(
        &self,
        bytes: &mut [u8],
        base: usize,
        executor: u64,
        helper_address: fn(Helper) -> usize,
        thunk: &dyn Fn(Helper) -> usize,
    ) -> Result<(), PatchError> {
        let uops = self.uops;
        let helpers: Vec<usize> = cpjit_bytecode::jit_abi::ALL_HELPERS
            .iter()
            .map(|h| helper_address(*h))
            .collect();
        let first_uop = base + self.uop_start(0);
        let deopt = base + self.deopt_offset;
        for (n, p) in self.placed.iter().enumerate() {
            let end = p.offset + p.stencil.code.len();
            bytes[p.offset..end].copy_from_slice(p.stencil.code);
            // Padding: no-ops where a stencil falls into the next, traps elsewhere.
            let next = self.placed.get(n + 1).map_or(bytes.len(), |q| q.offset);
            if next > end {
                bytes[end..next].fill(if p.stencil.falls_through { 0x90 } else { 0xCC });
            }
            if p.stencil.holes.is_empty() {
                continue;
            }
            // Everything this copy's holes can ask for, resolved once.
            let (oparg, operand, index, continue_to, exit_to) = match p.site {
                Site::Uop(i) => (
                    uops[i].oparg,
                    uops[i].operand,
                    i as u64,
                    base + self.next_of(i),
                    self.stub_index[i].map(|stub| base + self.placed[stub].offset),
                ),
                Site::Stub(i) => (0, uops[i].exit_slot, i as u64, base + self.next_of(i), None),
                Site::Entry => (0, 0, 0, first_uop, None),
                Site::Fatal | Site::Deopt => (0, 0, 0, base + self.fatal_offset, None),
            };
            for hole in p.stencil.holes {
                let unencodable = |detail: String| PatchError::Unencodable {
                    stencil: p.stencil.name,
                    offset: hole.offset,
                    value: hole.value,
                    detail,
                };
                let value = match hole.value {
                    HoleValue::Oparg => oparg,
                    HoleValue::Operand => operand,
                    HoleValue::UopIndex => index,
                    HoleValue::Continue => continue_to as u64,
                    HoleValue::JumpTarget => first_uop as u64,
                    HoleValue::Deopt => deopt as u64,
                    HoleValue::Executor => executor,
                    HoleValue::Exit => exit_to.ok_or(PatchError::MissingStub {
                        stencil: p.stencil.name,
                    })? as u64,
                    HoleValue::Helper(helper) => helpers[helper as usize] as u64,
                };
                let patch_at = p.offset + hole.offset as usize;
                match hole.kind {
                    HoleKind::Abs64 => {
                        let patched = i128::from(value) + i128::from(hole.addend);
                        let patched = u64::try_from(patched)
                            .map_err(|_| unencodable(format!("{patched} is not 64-bit")))?;
                        bytes[patch_at..patch_at + 8].copy_from_slice(&patched.to_le_bytes());
                    }
                    HoleKind::Rel32 => {
                        if hole.value.is_value() {
                            return Err(unencodable("a value hole cannot be PC-relative".into()));
                        }
                        let at = (base + patch_at) as i128;
                        let rel = |target: u64| {
                            i32::try_from(i128::from(target) + i128::from(hole.addend) - at).ok()
                        };
                        let displacement = match hole.value {
                            HoleValue::Helper(helper) => {
                                rel(value).or_else(|| rel(thunk(helper) as u64))
                            }
                            _ => rel(value),
                        }
                        .ok_or_else(|| unencodable("out of rel32 range".into()))?;
                        bytes[patch_at..patch_at + 4].copy_from_slice(&displacement.to_le_bytes());
                    }
                    HoleKind::Branch26 => {
                        return Err(PatchError::UnsupportedHole {
                            stencil: p.stencil.name,
                            kind: hole.kind,
                        })
                    }
                }
            }
        }
        Ok(())
    }
}

/// Compiles `uops` with `table` into `arena`; `helper_address` gives each helper's
/// real address.
pub fn compile(
    arena: &mut CodeArena,
    table: &'static StencilTable,
    uops: &[PlannedUop],
    executor: u64,
    helper_address: fn(Helper) -> usize,
) -> Result<PatchedCode, PatchError> {
    let layout = layout(table, uops);
    let space = arena.reserve(layout.size, 16).map_err(PatchError::Memory)?;
    let thunks: Vec<(Helper, usize)> = cpjit_bytecode::jit_abi::ALL_HELPERS
        .iter()
        .map(|h| (*h, arena.thunk_address(&space, *h)))
        .collect();
    let thunk = |helper: Helper| {
        thunks
            .iter()
            .find(|(h, _)| *h == helper)
            .map_or(0, |(_, a)| *a)
    };
    let base = space.address;
    let result = arena
        .fill(&space, |bytes| {
            layout.write(bytes, base, executor, helper_address, &thunk)
        })
        .map_err(PatchError::Memory)?;
    if let Err(error) = result {
        arena.free(space);
        return Err(error);
    }
    Ok(PatchedCode {
        space,
        entry: base + layout.placed[0].offset,
        uop_offsets: layout.uop_offsets_and_end(),
        cold_offset: layout.fatal_offset as u32,
        size: layout.size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jit_stencils::X86_64;
    use cpjit_bytecode::uops::Uop;

    fn plan(uops: &[Uop]) -> Vec<PlannedUop> {
        uops.iter()
            .map(|u| PlannedUop {
                stencil: &X86_64.uops[*u as usize],
                oparg: 1,
                operand: 0,
                trampoline: &X86_64.exit_trampoline,
                exit_slot: 0x1000,
            })
            .collect()
    }

    fn far_helper(_: Helper) -> usize {
        0x1000
    }

    /// A helper that neither the code nor its thunk can reach is an error, not a
    /// silently truncated displacement.
    #[test]
    fn an_unreachable_helper_aborts_the_compile() {
        let uops = plan(&[Uop::_START_EXECUTOR, Uop::_BINARY_OP, Uop::_EXIT_TRACE]);
        let layout = layout(&X86_64, &uops);
        let mut bytes = vec![0u8; layout.size];
        let error = layout
            .write(&mut bytes, 0x7f00_0000_0000, 0, far_helper, &|_| 0x2000)
            .expect_err("out of range");
        assert!(matches!(error, PatchError::Unencodable { .. }), "{error}");
        assert!(error.to_string().contains("out of rel32 range"), "{error}");
        // Through an in-range thunk it patches.
        layout
            .write(&mut bytes, 0x7f00_0000_0000, 0, far_helper, &|_| {
                0x7f00_0010_0000
            })
            .expect("reaches the helper through the thunk");
    }

    /// Patched rel32 displacements land where the layout says: the entry's call goes
    /// to uop 0, and every falling-through stencil is followed by the next one.
    #[test]
    fn layout_and_patches_agree() {
        let uops = plan(&[
            Uop::_START_EXECUTOR,
            Uop::_LOAD_FAST,
            Uop::_LOAD_FAST,
            Uop::_GUARD_BOTH_INT,
            Uop::_BINARY_OP_ADD_INT,
            Uop::_STORE_FAST,
            Uop::_JUMP_TO_TOP,
        ]);
        let layout = layout(&X86_64, &uops);
        let base = 0x7f00_0000_0000usize;
        let mut bytes = vec![0u8; layout.size];
        layout
            .write(&mut bytes, base, 0, far_helper, &|_| base + 0x100)
            .expect("patches");
        let entry_call = X86_64
            .entry
            .holes
            .iter()
            .find(|h| h.value == HoleValue::Continue)
            .expect("entry calls uop 0");
        let at = entry_call.offset as usize;
        let displacement = i32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
        let target = (base + at) as i64 + i64::from(displacement) - entry_call.addend;
        assert_eq!(target as usize, base + layout.uop_offsets()[0] as usize);
        // Guards get trampolines in the cold part.
        assert!(layout.stub_index.iter().flatten().count() >= 3);
        assert!(layout.size > layout.fatal_offset);
    }
}
