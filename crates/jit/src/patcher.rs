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
    table: &'static StencilTable,
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
        offset = offset.next_multiple_of(stencil.align.max(1) as usize);
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
            place(Site::Stub(i), &table.exit_trampoline, &mut placed);
        }
    }
    let fatal_offset = placed[1 + uops.len()].offset;
    let deopt_offset = placed[2 + uops.len()].offset;
    Layout {
        uops,
        table,
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
        helper_address: fn(Helper) -> usize,
        thunk: &dyn Fn(Helper) -> usize,
    ) -> Result<(), PatchError> {
        let _ = self.table;
        let uops = self.uops;
        let helpers: Vec<usize> = cpjit_bytecode::jit_abi::ALL_HELPERS
            .iter()
            .map(|h| helper_address(*h))
            .collect();
        for (n, p) in self.placed.iter().enumerate() {
            let end = p.offset + p.stencil.code.len();
            bytes[p.offset..end].copy_from_slice(p.stencil.code);
            // Padding: no-ops where a stencil falls into the next, traps elsewhere.
            let next = self.placed.get(n + 1).map_or(bytes.len(), |q| q.offset);
            if next > end {
                bytes[end..next].fill(if p.stencil.falls_through { 0x90 } else { 0xCC });
            }
            let (oparg, operand, index) = match p.site {
                Site::Uop(i) | Site::Stub(i) => (uops[i].oparg, uops[i].operand, i as u64),
                Site::Entry | Site::Fatal | Site::Deopt => (0, 0, 0),
            };
            for hole in p.stencil.holes {
                let unencodable = |detail: String| PatchError::Unencodable {
                    stencil: p.stencil.name,
                    offset: hole.offset,
                    value: hole.value,
                    detail,
                };
                let target_offset = |value: HoleValue| -> Result<usize, PatchError> {
                    Ok(match (value, p.site) {
                        (HoleValue::Continue, Site::Entry) => self.uop_start(0),
                        (HoleValue::Continue, Site::Uop(i) | Site::Stub(i)) => self.next_of(i),
                        (HoleValue::JumpTarget, _) => self.uop_start(0),
                        (HoleValue::Deopt, _) => self.deopt_offset,
                        (HoleValue::Exit, Site::Uop(i)) => {
                            let stub = self.stub_index[i].ok_or(PatchError::MissingStub {
                                stencil: p.stencil.name,
                            })?;
                            self.placed[stub].offset
                        }
                        _ => self.fatal_offset,
                    })
                };
                let patch_at = p.offset + hole.offset as usize;
                let at = base + patch_at;
                match hole.kind {
                    HoleKind::Abs64 => {
                        let value = match hole.value {
                            HoleValue::Oparg => oparg,
                            HoleValue::Operand => operand,
                            HoleValue::UopIndex => index,
                            other => (base + target_offset(other)?) as u64,
                        };
                        let patched = (value as i128) + i128::from(hole.addend);
                        let patched = u64::try_from(patched)
                            .map_err(|_| unencodable(format!("{patched} is not 64-bit")))?;
                        bytes[patch_at..patch_at + 8].copy_from_slice(&patched.to_le_bytes());
                    }
                    HoleKind::Rel32 => {
                        let rel = |target: usize| -> Option<i32> {
                            let d = target as i128 + i128::from(hole.addend) - at as i128;
                            i32::try_from(d).ok()
                        };
                        let displacement = match hole.value {
                            HoleValue::Helper(helper) => {
                                rel(helpers[helper as usize]).or_else(|| rel(thunk(helper)))
                            }
                            HoleValue::Oparg | HoleValue::Operand | HoleValue::UopIndex => {
                                return Err(unencodable(
                                    "a value hole cannot be PC-relative".into(),
                                ))
                            }
                            other => rel(base + target_offset(other)?),
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
            layout.write(bytes, base, helper_address, &thunk)
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
