//! A checked post-pass that strips the frame setup from x86-64 leaf stencils.
//!
//! Cranelift keeps frame pointers in every function (`return_call` needs them), so
//! even a stencil that only loads, compares and falls through to the next one begins
//! with `push rbp; mov rbp, rsp` and ends each path with `mov rsp, rbp; pop rbp`. For a
//! stencil that otherwise never touches `rsp`/`rbp` and calls nothing, that pair is
//! dead weight on the hottest path. Owns proving that from the decoded instructions
//! and rewriting the bytes; must never change a stencil it cannot prove safe.

use iced_x86::{Decoder, DecoderOptions, FlowControl, InstructionInfoFactory, Register};

use crate::Stencil;

const PROLOGUE: [u8; 4] = [0x55, 0x48, 0x89, 0xE5];
const EPILOGUE: [u8; 4] = [0x48, 0x89, 0xEC, 0x5D];
/// `nop dword ptr [rax]`: the same length as an epilogue, so no branch moves.
const NOP4: [u8; 4] = [0x0F, 0x1F, 0x40, 0x00];

fn touches_frame(register: Register) -> bool {
    matches!(register.full_register(), Register::RSP | Register::RBP)
}

/// Strips the frame of a leaf stencil; returns whether it did.
pub fn strip_leaf_frame(stencil: &mut Stencil) -> bool {
    let code = &stencil.code;
    if !code.starts_with(&PROLOGUE) {
        return false;
    }
    let mut decoder = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
    let mut info = InstructionInfoFactory::new();
    let mut epilogues = Vec::new();
    let mut offset = 0usize;
    let mut previous_was_mov_rsp_rbp = false;
    while decoder.can_decode() {
        let instruction = decoder.decode();
        if instruction.is_invalid() {
            return false;
        }
        let start = offset;
        offset += instruction.len();
        let bytes = &code[start..offset];
        if start < PROLOGUE.len() {
            // `push rbp` and `mov rbp, rsp`.
            continue;
        }
        if bytes == [0x48, 0x89, 0xEC] {
            previous_was_mov_rsp_rbp = true;
            continue;
        }
        if bytes == [0x5D] && previous_was_mov_rsp_rbp {
            previous_was_mov_rsp_rbp = false;
            epilogues.push(start - 3);
            continue;
        }
        if previous_was_mov_rsp_rbp {
            return false;
        }
        if matches!(
            instruction.flow_control(),
            FlowControl::Call | FlowControl::IndirectCall | FlowControl::Return
        ) {
            return false;
        }
        let used = info.info(&instruction);
        if used
            .used_registers()
            .iter()
            .any(|r| touches_frame(r.register()))
            || used.used_memory().iter().any(|m| touches_frame(m.base()))
        {
            return false;
        }
    }
    if previous_was_mov_rsp_rbp {
        return false;
    }
    let mut code = stencil.code.clone();
    for at in &epilogues {
        debug_assert_eq!(code[*at..*at + 4], EPILOGUE);
        code[*at..*at + 4].copy_from_slice(&NOP4);
    }
    code.drain(..PROLOGUE.len());
    // An epilogue that ended the stencil guarded the dropped continue jump: a branch
    // to it now lands on the next stencil, which is where the jump went.
    while stencil.falls_through && code.ends_with(&NOP4) {
        code.truncate(code.len() - NOP4.len());
    }
    for hole in &mut stencil.holes {
        hole.offset -= PROLOGUE.len() as u32;
    }
    stencil.code = code;
    true
}

/// After stripping, a leaf guard reads `jcc FAST; [nop]; jmp __JIT_EXIT; FAST: …`
/// (or ends with the exit when the fast path is empty): the hot path jumps over the
/// exit. Folds that into one inverted `jcc __JIT_EXIT`, so the hot path falls straight
/// through. Only done when no other branch crosses or lands in the bytes it replaces
/// and nothing is addressed relative to the instruction pointer (checked on the
/// decoded instructions).
pub fn fold_exit_branch(stencil: &mut Stencil) -> bool {
    use cpjit_bytecode::jit_abi::HoleValue;
    let code = &stencil.code;
    let Some(exit_index) = stencil
        .holes
        .iter()
        .position(|h| h.value == HoleValue::Exit)
    else {
        return false;
    };
    let exit_hole = stencil.holes[exit_index];
    let jump_end = exit_hole.offset as usize + 4;
    let Some(jump_at) = (exit_hole.offset as usize).checked_sub(1) else {
        return false;
    };
    if code[jump_at] != 0xE9 {
        return false;
    }
    let mut region_start = jump_at;
    if code[..region_start].ends_with(&NOP4) {
        region_start -= NOP4.len();
    }
    let mut decoder = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
    let mut guard: Option<(usize, iced_x86::ConditionCode)> = None;
    let mut branches = Vec::new();
    let mut offset = 0usize;
    while decoder.can_decode() {
        let instruction = decoder.decode();
        let start = offset;
        offset += instruction.len();
        if instruction.is_invalid() || instruction.is_ip_rel_memory_operand() {
            return false;
        }
        if start == jump_at {
            // The exit jump itself (its displacement is the hole).
            continue;
        }
        if instruction.is_jcc_short_or_near() || instruction.is_jmp_short_or_near() {
            let target = instruction.near_branch_target() as usize;
            if offset == region_start && instruction.is_jcc_short_or_near() && target == jump_end {
                guard = Some((start, instruction.condition_code()));
            } else {
                branches.push((start, offset, target));
            }
        }
    }
    let Some((guard_start, condition)) = guard else {
        return false;
    };
    // Every other branch must stay on one side of the replaced bytes.
    let replaced = guard_start..jump_end;
    for (start, end, target) in branches {
        let before = end <= guard_start && target <= guard_start;
        let after = start >= jump_end && target >= jump_end;
        if !(before || after) || replaced.contains(&target) {
            return false;
        }
    }
    // x86 condition codes come in pairs that differ in the low bit (e/ne, l/ge…).
    let Some(inverted) = jcc_near_opcode(condition).map(|op| op ^ 1) else {
        return false;
    };
    let replacement = [0x0F, inverted, 0, 0, 0, 0];
    let removed = (jump_end - guard_start) - replacement.len();
    stencil
        .code
        .splice(guard_start..jump_end, replacement.iter().copied());
    for (i, hole) in stencil.holes.iter_mut().enumerate() {
        if i == exit_index {
            hole.offset = (guard_start + 2) as u32;
        } else if hole.offset as usize >= jump_end {
            hole.offset -= removed as u32;
        }
    }
    true
}

/// The second byte of `jcc rel32` (`0f 8x`) for a condition.
fn jcc_near_opcode(condition: iced_x86::ConditionCode) -> Option<u8> {
    use iced_x86::ConditionCode as C;
    Some(match condition {
        C::o => 0x80,
        C::no => 0x81,
        C::b => 0x82,
        C::ae => 0x83,
        C::e => 0x84,
        C::ne => 0x85,
        C::be => 0x86,
        C::a => 0x87,
        C::s => 0x88,
        C::ns => 0x89,
        C::p => 0x8A,
        C::np => 0x8B,
        C::l => 0x8C,
        C::ge => 0x8D,
        C::le => 0x8E,
        C::g => 0x8F,
        C::None => return None,
    })
}
