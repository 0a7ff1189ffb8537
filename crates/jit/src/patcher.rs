//! Copy-and-patch: lays out a trace's stencils back to back and fills their holes.
//!
//! Owns the two passes: the first sums sizes and records where every uop starts (and
//! where the cold part and the trampolines begin); the second copies each uop with its
//! trampoline into the arena and patches each hole, range-checked — a value that does not fit its hole aborts the compile with an
//! error (the loop stays in the lower tier), never leaves bad code behind. A helper out
//! of rel32 range is reached through the arena's thunk.
//!
//! Layout: `[entry][uop 0]…[uop n-1][fatal][deopt][exit trampolines…]` — the deopt
//! stencil and the trampolines (one per uop with an inline fast path, passing its
//! index to the deopt stencil) are cold, after everything hot.
//!
//! Must never interpret what a stencil does: it only knows bytes and holes.

use cpjit_bytecode::jit_abi::{Helper, HoleValue, ALL_HELPERS};

use crate::memory::{CodeArena, CodeSpace, MemoryError};
use crate::stencil::{Hole, HoleKind, Stencil, StencilTable};

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
    /// A stencil's `Exit` holes and its need for a trampoline disagree.
    TrampolineMismatch {
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
            PatchError::TrampolineMismatch { stencil } => {
                write!(f, "{stencil}: exit holes and trampoline flag disagree")
            }
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

/// Where everything of a trace goes (pass 1).
pub struct Layout<'u> {
    table: &'static StencilTable,
    uops: &'u [PlannedUop],
    /// Offset of each uop's code, then of the fatal stencil.
    uop_offsets: Vec<u32>,
    deopt_offset: usize,
    /// Where the exit trampolines start (they follow in uop order).
    stubs_offset: usize,
    /// Total bytes.
    pub size: usize,
}

/// `offset` rounded up to the stencil's alignment (a power of two: Cranelift's).
#[inline]
fn aligned(offset: usize, stencil: &Stencil) -> usize {
    let mask = stencil.align.max(1) as usize - 1;
    (offset + mask) & !mask
}

/// Pass 1: sizes and offsets of every stencil copy.
pub fn layout<'u>(table: &'static StencilTable, uops: &'u [PlannedUop]) -> Layout<'u> {
    let mut uop_offsets = Vec::with_capacity(uops.len() + 1);
    let mut offset = table.entry.code.len();
    for uop in uops {
        offset = aligned(offset, uop.stencil);
        uop_offsets.push(offset as u32);
        offset += uop.stencil.code.len();
    }
    offset = aligned(offset, &table.fatal);
    uop_offsets.push(offset as u32);
    offset += table.fatal.code.len();
    offset = aligned(offset, &table.deopt);
    let deopt_offset = offset;
    offset += table.deopt.code.len();
    let stubs_offset = offset;
    for uop in uops.iter().filter(|u| u.stencil.needs_deopt_stub) {
        offset = aligned(offset, uop.trampoline) + uop.trampoline.code.len();
    }
    Layout {
        table,
        uops,
        uop_offsets,
        deopt_offset,
        stubs_offset,
        size: offset.max(1),
    }
}

/// Every helper's address, resolved once (not per compile).
#[derive(Clone, Debug)]
pub struct HelperAddresses([u64; ALL_HELPERS.len()]);

impl HelperAddresses {
    pub fn resolve(helper_address: fn(Helper) -> usize) -> HelperAddresses {
        let mut addresses = [0; ALL_HELPERS.len()];
        for helper in ALL_HELPERS {
            addresses[*helper as usize] = helper_address(*helper) as u64;
        }
        HelperAddresses(addresses)
    }
}

/// Copies `src` to the front of `dst`. Stencils are tens of bytes: fixed 16-byte
/// moves (the last one overlapping) beat a call into `memcpy` at these sizes.
#[inline(always)]
fn copy_code(dst: &mut [u8], src: &[u8]) {
    let n = src.len();
    if n < 16 {
        dst[..n].copy_from_slice(src);
        return;
    }
    let dst = &mut dst[..n];
    let mut at = 0;
    while at + 16 < n {
        dst[at..at + 16].copy_from_slice(&src[at..at + 16]);
        at += 16;
    }
    dst[n - 16..].copy_from_slice(&src[n - 16..]);
}

/// The values a stencil copy's holes are filled with, indexed by [`HoleValue::slot`]:
/// the trace-wide ones are set once, the per-copy ones before each copy.
struct HoleValues([u64; HoleValue::SLOTS]);

impl HoleValues {
    #[inline]
    fn set(&mut self, value: HoleValue, to: u64) {
        self.0[value.slot()] = to;
    }
}

/// Copies `stencil` to `at` in `bytes` (which will live at `base`) and fills its holes
/// from `values`; `next` is where the following copy starts (the gap is padded).
#[inline(always)]
fn copy_and_patch(
    bytes: &mut [u8],
    base: usize,
    at: usize,
    next: usize,
    stencil: &'static Stencil,
    values: &HoleValues,
    thunk: &dyn Fn(Helper) -> usize,
) -> Result<(), PatchError> {
    let end = at + stencil.code.len();
    copy_code(&mut bytes[at..], stencil.code);
    if next > end {
        // Padding: no-ops where a stencil falls into the next, traps elsewhere.
        bytes[end..next].fill(if stencil.falls_through { 0x90 } else { 0xCC });
    }
    for hole in stencil.holes {
        let value = values.0[hole.value.slot()];
        let patch_at = at + hole.offset as usize;
        match hole.kind {
            HoleKind::Abs64 => {
                let Some(patched) = value.checked_add_signed(hole.addend) else {
                    return Err(unencodable(stencil, hole, "not a 64-bit value".into()));
                };
                bytes[patch_at..patch_at + 8].copy_from_slice(&patched.to_le_bytes());
            }
            HoleKind::Rel32 => {
                // `validate` has made sure only code holes are PC-relative.
                let here = (base + patch_at) as i64;
                let rel = |target: u64| i32::try_from((target as i64 + hole.addend) - here).ok();
                let displacement = match rel(value) {
                    Some(d) => d,
                    None => match hole.value {
                        HoleValue::Helper(helper) => rel(thunk(helper) as u64),
                        _ => None,
                    }
                    .ok_or_else(|| unencodable(stencil, hole, "out of rel32 range".into()))?,
                };
                bytes[patch_at..patch_at + 4].copy_from_slice(&displacement.to_le_bytes());
            }
            HoleKind::Branch26 => {
                return Err(PatchError::UnsupportedHole {
                    stencil: stencil.name,
                    kind: hole.kind,
                })
            }
        }
    }
    Ok(())
}

#[cold]
fn unencodable(stencil: &'static Stencil, hole: &Hole, detail: String) -> PatchError {
    PatchError::Unencodable {
        stencil: stencil.name,
        offset: hole.offset,
        value: hole.value,
        detail,
    }
}

/// Checks what the patcher relies on and does not re-check per copy: value holes are
/// never PC-relative, and exactly the stencils marked as needing a trampoline have
/// `Exit` holes. A table that breaks either is rejected before anything is compiled.
pub fn validate(table: &'static StencilTable) -> Result<(), PatchError> {
    for stencil in table.all() {
        let exits = stencil.holes.iter().any(|h| h.value == HoleValue::Exit);
        if exits != stencil.needs_deopt_stub {
            return Err(PatchError::TrampolineMismatch {
                stencil: stencil.name,
            });
        }
        for hole in stencil.holes {
            if hole.kind != HoleKind::Abs64 && hole.value.is_value() {
                return Err(unencodable(
                    stencil,
                    hole,
                    "a value hole cannot be PC-relative".into(),
                ));
            }
        }
    }
    Ok(())
}

impl Layout<'_> {
    /// Offset of each uop's code, then of the fatal stencil (where the uop after
    /// the last one would be).
    pub fn uop_offsets_and_end(&self) -> &[u32] {
        &self.uop_offsets
    }

    /// Offset of each uop's code.
    pub fn uop_offsets(&self) -> &[u32] {
        &self.uop_offsets[..self.uops.len()]
    }

    /// Offset where the cold part (fatal stencil, deopt stencil, trampolines) starts.
    pub fn cold_offset(&self) -> usize {
        self.uop_offsets[self.uops.len()] as usize
    }

    /// Pass 2: copies every stencil into `bytes` (which will live at `base`) and
    /// patches its holes; `thunk` gives the in-range thunk for a far helper.
    pub fn write(
        &self,
        bytes: &mut [u8],
        base: usize,
        executor: u64,
        helpers: &HelperAddresses,
        thunk: &dyn Fn(Helper) -> usize,
    ) -> Result<(), PatchError> {
        let table = self.table;
        let uops = self.uops;
        let fatal_offset = self.cold_offset();
        let mut values = HoleValues([0; HoleValue::SLOTS]);
        values.0[HoleValue::Helper(ALL_HELPERS[0]).slot()..].copy_from_slice(&helpers.0);
        let first_uop = base + self.uop_offsets[0] as usize;
        values.set(HoleValue::JumpTarget, first_uop as u64);
        values.set(HoleValue::Deopt, (base + self.deopt_offset) as u64);
        values.set(HoleValue::Executor, executor);

        values.set(HoleValue::Continue, first_uop as u64);
        copy_and_patch(
            bytes,
            base,
            0,
            self.uop_offsets[0] as usize,
            &table.entry,
            &values,
            thunk,
        )?;

        let mut stub_at = self.stubs_offset;
        for (i, uop) in uops.iter().enumerate() {
            let at = self.uop_offsets[i] as usize;
            let next = self.uop_offsets[i + 1] as usize;
            values.set(HoleValue::UopIndex, i as u64);
            values.set(HoleValue::Continue, (base + next) as u64);
            if uop.stencil.needs_deopt_stub {
                // The uop's own trampoline, written here too: same index and
                // continuation, its operand is the uop's exit slot.
                let trampoline = uop.trampoline;
                let stub = aligned(stub_at, trampoline);
                if stub > stub_at {
                    bytes[stub_at..stub].fill(0xCC);
                }
                stub_at = stub + trampoline.code.len();
                values.set(HoleValue::Operand, uop.exit_slot);
                values.set(HoleValue::Oparg, 0);
                copy_and_patch(bytes, base, stub, stub_at, trampoline, &values, thunk)?;
                values.set(HoleValue::Exit, (base + stub) as u64);
            }
            values.set(HoleValue::Oparg, uop.oparg);
            values.set(HoleValue::Operand, uop.operand);
            copy_and_patch(bytes, base, at, next, uop.stencil, &values, thunk)?;
        }

        values.set(HoleValue::UopIndex, 0);
        values.set(HoleValue::Oparg, 0);
        values.set(HoleValue::Operand, 0);
        values.set(HoleValue::Continue, (base + fatal_offset) as u64);
        copy_and_patch(
            bytes,
            base,
            fatal_offset,
            self.deopt_offset,
            &table.fatal,
            &values,
            thunk,
        )?;
        copy_and_patch(
            bytes,
            base,
            self.deopt_offset,
            self.stubs_offset,
            &table.deopt,
            &values,
            thunk,
        )?;
        if stub_at < bytes.len() {
            bytes[stub_at..].fill(0xCC);
        }
        Ok(())
    }
}

/// Compiles `uops` with `table` into `arena`; `helpers` are the helpers' real
/// addresses.
pub fn compile(
    arena: &mut CodeArena,
    table: &'static StencilTable,
    uops: &[PlannedUop],
    executor: u64,
    helpers: &HelperAddresses,
) -> Result<PatchedCode, PatchError> {
    let layout = layout(table, uops);
    let space = arena.reserve(layout.size, 16).map_err(PatchError::Memory)?;
    let thunks: [usize; ALL_HELPERS.len()] =
        std::array::from_fn(|i| arena.thunk_address(&space, ALL_HELPERS[i]));
    let thunk = |helper: Helper| thunks[helper as usize];
    let base = space.address;
    let result = arena
        .fill(&space, |bytes| {
            layout.write(bytes, base, executor, helpers, &thunk)
        })
        .map_err(PatchError::Memory)?;
    if let Err(error) = result {
        arena.free(space);
        return Err(error);
    }
    Ok(PatchedCode {
        space,
        entry: base,
        cold_offset: layout.cold_offset() as u32,
        size: layout.size,
        uop_offsets: layout.uop_offsets,
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

    /// Where the tests pretend the code lives.
    const BASE: usize = 0x7f00_0000_0000;

    /// Both passes for `uops` at [`BASE`], far helpers through a thunk in range.
    fn lay_out_and_write(uops: &[PlannedUop]) -> (Layout<'_>, Vec<u8>) {
        let layout = layout(&X86_64, uops);
        let mut bytes = vec![0u8; layout.size];
        layout
            .write(
                &mut bytes,
                BASE,
                0,
                &HelperAddresses::resolve(far_helper),
                &|_| BASE + 0x100,
            )
            .expect("patches");
        (layout, bytes)
    }

    /// A helper that neither the code nor its thunk can reach is an error, not a
    /// silently truncated displacement.
    #[test]
    fn an_unreachable_helper_aborts_the_compile() {
        let uops = plan(&[Uop::_START_EXECUTOR, Uop::_BINARY_OP, Uop::_EXIT_TRACE]);
        let layout = layout(&X86_64, &uops);
        let mut bytes = vec![0u8; layout.size];
        let error = layout
            .write(
                &mut bytes,
                0x7f00_0000_0000,
                0,
                &HelperAddresses::resolve(far_helper),
                &|_| 0x2000,
            )
            .expect_err("out of range");
        assert!(matches!(error, PatchError::Unencodable { .. }), "{error}");
        assert!(error.to_string().contains("out of rel32 range"), "{error}");
        // Through an in-range thunk it patches.
        layout
            .write(
                &mut bytes,
                0x7f00_0000_0000,
                0,
                &HelperAddresses::resolve(far_helper),
                &|_| 0x7f00_0010_0000,
            )
            .expect("reaches the helper through the thunk");
    }

    /// Patched rel32 displacements land where the layout says: the entry's call goes
    /// to uop 0, and every falling-through stencil is followed by the next one.
    /// The shipped tables keep the promises the patcher does not re-check per copy.
    #[test]
    fn shipped_tables_validate() {
        validate(&X86_64).expect("x86-64 table");
        validate(&crate::jit_stencils::AARCH64).expect("aarch64 table");
    }

    /// Each trampoline carries its own uop's index and exit slot; each guard's exit
    /// hole points at its own trampoline.
    #[test]
    fn every_guard_gets_its_own_trampoline() {
        let mut uops = plan(&[
            Uop::_START_EXECUTOR,
            Uop::_GUARD_BOTH_INT,
            Uop::_BINARY_OP_ADD_INT,
            Uop::_GUARD_BOTH_INT,
            Uop::_JUMP_TO_TOP,
        ]);
        for (i, uop) in uops.iter_mut().enumerate() {
            uop.exit_slot = 0x5000 + i as u64 * 8;
        }
        let (layout, bytes) = lay_out_and_write(&uops);
        let base = BASE;
        let tramp = &X86_64.exit_trampoline;
        let slot_hole = tramp
            .holes
            .iter()
            .find(|h| h.value == HoleValue::Operand)
            .expect("trampolines read their exit slot");
        let mut stub = layout.stubs_offset;
        for (i, uop) in uops.iter().enumerate() {
            if !uop.stencil.needs_deopt_stub {
                continue;
            }
            let at = stub + slot_hole.offset as usize;
            let slot = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
            assert_eq!(slot as i64 - slot_hole.addend, 0x5000 + i as i64 * 8);
            for exit in uop
                .stencil
                .holes
                .iter()
                .filter(|h| h.value == HoleValue::Exit)
            {
                let at = layout.uop_offsets()[i] as usize + exit.offset as usize;
                let displacement = i32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
                let target = (base + at) as i64 + i64::from(displacement) - exit.addend;
                assert_eq!(target as usize, base + stub, "uop {i}");
            }
            stub += tramp.code.len();
        }
    }

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
        let (layout, bytes) = lay_out_and_write(&uops);
        let base = BASE;
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
        // Guards get trampolines in the cold part, after the deopt stencil.
        let guards = uops.iter().filter(|u| u.stencil.needs_deopt_stub).count();
        assert!(guards >= 3);
        assert_eq!(
            layout.size,
            layout.stubs_offset + guards * X86_64.exit_trampoline.code.len()
        );
        // Every stencil falls into the next uop's code: continue targets are adjacent.
        for (i, uop) in uops.iter().enumerate() {
            let end = layout.uop_offsets_and_end()[i] as usize + uop.stencil.code.len();
            if uop.stencil.falls_through {
                assert_eq!(end, layout.uop_offsets_and_end()[i + 1] as usize);
            }
        }
    }
}
