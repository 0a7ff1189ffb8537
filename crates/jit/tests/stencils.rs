//! Snapshot review of every stencil: a change to a template shows up as a diff of its
//! machine code (x86-64 disassembly with holes marked; AArch64 as words with holes).

use cpjit_jit::disasm::{word_listing, x86_64_listing};
use cpjit_jit::jit_stencils::{AARCH64, X86_64};

#[test]
fn x86_64_stencils() {
    for stencil in X86_64.all() {
        insta::assert_snapshot!(
            format!("x86_64{}", stencil.name.to_lowercase()),
            x86_64_listing(stencil)
        );
    }
}

#[test]
fn aarch64_stencils() {
    for stencil in AARCH64.all() {
        insta::assert_snapshot!(
            format!("aarch64{}", stencil.name.to_lowercase()),
            word_listing(stencil)
        );
    }
}

/// Every uop of the micro-op table has a stencil, in table order.
#[test]
fn every_uop_has_a_stencil() {
    for table in [&X86_64, &AARCH64] {
        assert_eq!(table.uops.len(), cpjit_bytecode::uops::ALL_UOPS.len());
        for (uop, stencil) in cpjit_bytecode::uops::ALL_UOPS.iter().zip(table.uops) {
            assert_eq!(uop.name(), stencil.name);
        }
    }
}

/// Holes lie inside their stencil, and x86-64 holes are of the kinds the patcher
/// handles.
#[test]
fn holes_are_in_bounds() {
    for stencil in X86_64.all() {
        for hole in stencil.holes {
            let width = match hole.kind {
                cpjit_jit::stencil::HoleKind::Abs64 => 8,
                _ => 4,
            };
            assert!(
                hole.offset as usize + width <= stencil.code.len(),
                "{}: hole at {} past the end",
                stencil.name,
                hole.offset
            );
            assert_ne!(hole.kind, cpjit_jit::stencil::HoleKind::Branch26);
        }
    }
}

/// x86-64 stencils carry no constant pool (it would force 16-byte alignment, padding
/// between copies, and keep the trailing continue jump): constants are immediates.
#[test]
fn x86_64_stencils_need_no_alignment() {
    for stencil in X86_64.all() {
        assert_eq!(stencil.align, 1, "{} has a constant pool?", stencil.name);
    }
}
