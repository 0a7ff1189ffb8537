//! Human-readable stencils: bytes, holes and x86-64 disassembly (iced-x86), for
//! `cpjit stencils` and the snapshot tests that make every template change a reviewed
//! machine-code diff.
//!
//! Must never be needed to run code: it only formats.

use std::fmt::Write as _;

use iced_x86::{Decoder, DecoderOptions, Formatter, IntelFormatter};

use crate::stencil::{HoleKind, Stencil};

/// A listing of an x86-64 stencil: one instruction per line, holes marked.
pub fn x86_64_listing(stencil: &Stencil) -> String {
    let mut out = String::new();
    header(&mut out, stencil);
    let mut decoder = Decoder::with_ip(64, stencil.code, 0, DecoderOptions::NONE);
    let mut formatter = IntelFormatter::new();
    let mut text = String::new();
    while decoder.can_decode() {
        let instruction = decoder.decode();
        let start = instruction.ip() as usize;
        let end = start + instruction.len();
        text.clear();
        formatter.format(&instruction, &mut text);
        let bytes: Vec<String> = stencil.code[start..end]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let _ = write!(out, "{start:04x}: {:<30} {text}", bytes.join(" "));
        for hole in stencil
            .holes
            .iter()
            .filter(|h| (start..end).contains(&(h.offset as usize)))
        {
            let _ = write!(out, "    ; {} {:?}", hole_kind_name(hole.kind), hole.value);
            if hole.addend != 0 {
                let _ = write!(out, " {:+}", hole.addend);
            }
        }
        out.push('\n');
    }
    out
}

/// A listing of a stencil for a machine without a disassembler here: 32-bit words.
pub fn word_listing(stencil: &Stencil) -> String {
    let mut out = String::new();
    header(&mut out, stencil);
    for (i, word) in stencil.code.chunks(4).enumerate() {
        let offset = i * 4;
        let value = word
            .iter()
            .rev()
            .fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
        let _ = write!(out, "{offset:04x}: {value:08x}");
        for hole in stencil
            .holes
            .iter()
            .filter(|h| (offset..offset + 4).contains(&(h.offset as usize)))
        {
            let _ = write!(out, "    ; {} {:?}", hole_kind_name(hole.kind), hole.value);
        }
        out.push('\n');
    }
    out
}

fn header(out: &mut String, stencil: &Stencil) {
    let _ = writeln!(
        out,
        "{}: {} bytes, align {}{}",
        stencil.name,
        stencil.code.len(),
        stencil.align,
        if stencil.falls_through {
            ", falls through to the next stencil"
        } else {
            ""
        }
    );
}

fn hole_kind_name(kind: HoleKind) -> &'static str {
    match kind {
        HoleKind::Abs64 => "abs64",
        HoleKind::Rel32 => "rel32",
        HoleKind::Branch26 => "branch26",
    }
}
