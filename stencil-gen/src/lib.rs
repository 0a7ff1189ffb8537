//! cpjit stencil generator (build time only).
//!
//! Owns turning the templates ([`templates`]) into stencils: every template is compiled
//! by Cranelift into one relocatable object (`cranelift-object`), the object is read
//! back (`object`), each function's bytes are cut out and every relocation becomes a
//! typed hole; an unexpected relocation or symbol fails generation with a message.
//! [`render`] writes the result as the Rust source of `crates/jit/src/jit_stencils.rs`.
//!
//! Must never be a dependency of a runtime crate: the JIT only ever copies and patches
//! what this crate produced ahead of time.

mod frames;
pub mod templates;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use anyhow::{anyhow, bail, Context as _};
use cranelift_codegen::ir::{Function, Signature, UserFuncName};
use cranelift_codegen::isa::TargetIsa;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_module::{DataId, FuncId, Linkage, Module};
use cranelift_object::{ObjectBuilder, ObjectModule};
use object::{Object, ObjectSection, ObjectSymbol, RelocationFlags, RelocationTarget};

use cpjit_bytecode::jit_abi::{BinaryOpStencil, Hole, HoleKind, HoleValue, SpecializedStencil};
use cpjit_bytecode::uops::ALL_UOPS;
use templates::StencilKind;

/// The machines stencils are made for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// x86-64 (SystemV): the stencils the JIT runs.
    X86_64,
    /// AArch64: generated from the same templates for review (snapshots only).
    Aarch64,
}

impl Target {
    pub fn triple(self) -> &'static str {
        match self {
            Target::X86_64 => "x86_64-unknown-linux-gnu",
            Target::Aarch64 => "aarch64-unknown-linux-gnu",
        }
    }

    /// The prefix of the generated tables' names.
    pub fn table_prefix(self) -> &'static str {
        match self {
            Target::X86_64 => "X86_64",
            Target::Aarch64 => "AARCH64",
        }
    }
}

/// One generated stencil.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stencil {
    pub name: &'static str,
    pub code: Vec<u8>,
    /// Alignment the code needs where it is copied (1 unless it embeds constants).
    pub align: u32,
    pub holes: Vec<Hole>,
    /// Whether the trailing continue jump was dropped (the next stencil follows).
    pub falls_through: bool,
}

/// All stencils for one target.
#[derive(Clone, Debug)]
pub struct StencilSet {
    pub target: Target,
    pub entry: Stencil,
    pub step: Stencil,
    pub fatal: Stencil,
    pub deopt: Stencil,
    pub exit_trampoline: Stencil,
    pub exit_trampoline_pop: Stencil,
    /// The `_BINARY_OP` variants, in `BinaryOpStencil::ALL` order.
    pub binary_ops: Vec<Stencil>,
    /// The `_RUN_SPECIALIZED` forms with stencils, in `SpecializedStencil::ALL` order.
    pub specialized: Vec<Stencil>,
    /// Indexed by `Uop as usize`.
    pub uops: Vec<Stencil>,
    /// FNV-1a of every template's Cranelift IR and the compiler settings.
    pub input_hash: u64,
}

fn all_kinds() -> Vec<StencilKind> {
    let mut kinds = vec![
        StencilKind::Entry,
        StencilKind::Step,
        StencilKind::Fatal,
        StencilKind::Deopt,
        StencilKind::ExitTrampoline,
        StencilKind::ExitTrampolinePop,
    ];
    kinds.extend(ALL_UOPS.iter().map(|u| StencilKind::Uop(*u)));
    kinds.extend(
        BinaryOpStencil::ALL
            .iter()
            .map(|v| StencilKind::BinaryOp(*v)),
    );
    kinds.extend(
        SpecializedStencil::ALL
            .iter()
            .map(|v| StencilKind::Specialized(*v)),
    );
    kinds
}

fn make_isa(target: Target) -> anyhow::Result<std::sync::Arc<dyn TargetIsa>> {
    let mut flags = settings::builder();
    for (name, value) in SETTINGS {
        flags.set(name, value)?;
    }
    let triple: target_lexicon::Triple = target
        .triple()
        .parse()
        .map_err(|e| anyhow!("bad triple: {e}"))?;
    let isa = cranelift_codegen::isa::lookup(triple)?.finish(settings::Flags::new(flags))?;
    Ok(isa)
}

/// Cranelift settings every stencil is compiled with (part of the input hash).
const SETTINGS: &[(&str, &str)] = &[
    ("opt_level", "speed"),
    // `return_call` on x86-64 needs frame pointers kept.
    ("preserve_frame_pointers", "true"),
    ("enable_verifier", "true"),
    // Non-PIC: value holes become 64-bit absolute immediates, not GOT loads.
    ("is_pic", "false"),
];

struct ModuleSymbols<'m> {
    module: &'m mut ObjectModule,
    functions: BTreeMap<&'static str, FuncId>,
    data: BTreeMap<&'static str, DataId>,
    error: Option<anyhow::Error>,
}

impl templates::Symbols for ModuleSymbols<'_> {
    fn function_index(&mut self, hole: HoleValue, signature: &Signature) -> u32 {
        let name = hole.symbol();
        if let Some(id) = self.functions.get(name) {
            return id.as_u32();
        }
        match self
            .module
            .declare_function(name, Linkage::Import, signature)
        {
            Ok(id) => {
                self.functions.insert(name, id);
                id.as_u32()
            }
            Err(e) => {
                self.error.get_or_insert(anyhow!("declaring {name}: {e}"));
                0
            }
        }
    }

    fn data_index(&mut self, hole: HoleValue) -> u32 {
        let name = hole.symbol();
        if let Some(id) = self.data.get(name) {
            return id.as_u32();
        }
        match self
            .module
            .declare_data(name, Linkage::Import, false, false)
        {
            Ok(id) => {
                self.data.insert(name, id);
                id.as_u32()
            }
            Err(e) => {
                self.error.get_or_insert(anyhow!("declaring {name}: {e}"));
                0
            }
        }
    }
}

fn fnv1a(hash: &mut u64, bytes: &[u8]) {
    for b in bytes {
        *hash ^= u64::from(*b);
        *hash = hash.wrapping_mul(0x100_0000_01b3);
    }
}

/// Compiles every template for `target` and reads the stencils back out of the object.
pub fn generate(target: Target) -> anyhow::Result<StencilSet> {
    let isa = make_isa(target)?;
    let builder = ObjectBuilder::new(
        isa.clone(),
        "cpjit_stencils",
        cranelift_module::default_libcall_names(),
    )?;
    let mut module = ObjectModule::new(builder);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    fnv1a(&mut hash, target.triple().as_bytes());
    for (name, value) in SETTINGS {
        fnv1a(&mut hash, name.as_bytes());
        fnv1a(&mut hash, value.as_bytes());
    }
    let mut alignments = BTreeMap::new();
    for kind in all_kinds() {
        let signature = match kind {
            StencilKind::Entry => templates::entry_signature(&*isa),
            StencilKind::Deopt => templates::deopt_signature(),
            _ => templates::uop_signature(),
        };
        let id = module
            .declare_function(kind.name(), Linkage::Export, &signature)
            .with_context(|| format!("declaring {}", kind.name()))?;
        let mut func = Function::with_name_signature(UserFuncName::user(0, id.as_u32()), signature);
        let mut symbols = ModuleSymbols {
            module: &mut module,
            functions: BTreeMap::new(),
            data: BTreeMap::new(),
            error: None,
        };
        templates::build(kind, &*isa, &mut func, &mut symbols);
        if let Some(error) = symbols.error {
            return Err(error);
        }
        fnv1a(&mut hash, func.display().to_string().as_bytes());
        let mut ctx = cranelift_codegen::Context::for_function(func);
        module
            .define_function(id, &mut ctx)
            .map_err(|e| anyhow!("compiling {}: {e:?}", kind.name()))?;
        let align = ctx.compiled_code().map(|c| c.buffer.alignment).unwrap_or(1);
        alignments.insert(kind.name(), align);
    }
    let object_bytes = module.finish().emit()?;
    let mut stencils = read_object(target, &object_bytes)?;
    let mut take = |name: &str| -> anyhow::Result<Stencil> {
        let mut stencil = stencils
            .remove(name)
            .ok_or_else(|| anyhow!("{name} missing from the object"))?;
        stencil.align = alignments.get(name).copied().unwrap_or(1).max(1);
        Ok(stencil)
    };
    let entry = take("_ENTRY")?;
    let step = take("_STEP")?;
    let fatal = take("_FATAL")?;
    let deopt = take("_DEOPT")?;
    let exit_trampoline = take("_EXIT_TRAMPOLINE")?;
    let exit_trampoline_pop = take("_EXIT_TRAMPOLINE_POP")?;
    let uops = ALL_UOPS
        .iter()
        .map(|u| take(u.name()))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let binary_ops = BinaryOpStencil::ALL
        .iter()
        .map(|v| take(v.name()))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let specialized = SpecializedStencil::ALL
        .iter()
        .map(|v| take(v.name()))
        .collect::<anyhow::Result<Vec<_>>>()?;
    if let Some(extra) = stencils.keys().next() {
        bail!("unexpected function {extra} in the object");
    }
    Ok(StencilSet {
        target,
        entry,
        step,
        fatal,
        deopt,
        exit_trampoline,
        exit_trampoline_pop,
        binary_ops,
        specialized,
        uops,
        input_hash: hash,
    })
}

/// Cuts every defined function out of the object, with its relocations as holes.
fn read_object(target: Target, bytes: &[u8]) -> anyhow::Result<BTreeMap<String, Stencil>> {
    let file = object::File::parse(bytes)?;
    let text = file
        .section_by_name(".text")
        .ok_or_else(|| anyhow!("the object has no .text"))?;
    let text_data = text.data()?;
    let mut functions: Vec<(u64, u64, String)> = Vec::new();
    for symbol in file.symbols() {
        if symbol.section_index() == Some(text.index()) && symbol.is_definition() {
            functions.push((symbol.address(), symbol.size(), symbol.name()?.to_string()));
        }
    }
    functions.sort();
    let mut relocations: Vec<(u64, object::Relocation)> = text.relocations().collect();
    relocations.sort_by_key(|(offset, _)| *offset);
    let mut out = BTreeMap::new();
    for (start, size, name) in functions {
        let end = start + size;
        let code = text_data
            .get(start as usize..end as usize)
            .ok_or_else(|| anyhow!("{name}: bytes out of the section"))?
            .to_vec();
        let mut holes = Vec::new();
        for (offset, reloc) in relocations.iter().filter(|(o, _)| (start..end).contains(o)) {
            let RelocationTarget::Symbol(index) = reloc.target() else {
                bail!("{name}: relocation at {offset:#x} does not name a symbol");
            };
            let symbol_name = file.symbol_by_index(index)?.name()?;
            let value = HoleValue::from_symbol(symbol_name).ok_or_else(|| {
                anyhow!("{name}: relocation against unknown symbol {symbol_name}")
            })?;
            let RelocationFlags::Elf { r_type } = reloc.flags() else {
                bail!("{name}: not an ELF relocation");
            };
            use object::elf;
            let kind = match (target, r_type) {
                (Target::X86_64, elf::R_X86_64_64) => HoleKind::Abs64,
                (Target::X86_64, elf::R_X86_64_PLT32 | elf::R_X86_64_PC32) => HoleKind::Rel32,
                (Target::Aarch64, elf::R_AARCH64_ABS64) => HoleKind::Abs64,
                (Target::Aarch64, elf::R_AARCH64_CALL26 | elf::R_AARCH64_JUMP26) => {
                    HoleKind::Branch26
                }
                _ => bail!(
                    "{name}: unexpected relocation type {r_type} against {symbol_name} at {offset:#x}"
                ),
            };
            if value.is_value() != (kind == HoleKind::Abs64) {
                bail!("{name}: {symbol_name} patched as {kind:?}");
            }
            holes.push(Hole {
                offset: (offset - start) as u32,
                kind,
                value,
                addend: reloc.addend(),
            });
        }
        let mut stencil = Stencil {
            name: "",
            code,
            align: 1,
            holes,
            falls_through: false,
        };
        drop_trailing_continue(target, &mut stencil);
        if target == Target::X86_64 && frames::strip_leaf_frame(&mut stencil) {
            frames::fold_exit_branch(&mut stencil);
        }
        out.insert(name, stencil);
    }
    // Give the stencils their static names.
    let mut named = BTreeMap::new();
    for kind in all_kinds() {
        if let Some(mut stencil) = out.remove(kind.name()) {
            stencil.name = kind.name();
            named.insert(kind.name().to_string(), stencil);
        }
    }
    if let Some(extra) = out.keys().next() {
        bail!("unexpected symbol {extra} in .text");
    }
    Ok(named)
}

/// Drops the final `jmp __JIT_CONTINUE` when it is the stencil's last instruction: the
/// next uop's stencil is copied right after it. Checked on the bytes, not assumed.
fn drop_trailing_continue(target: Target, stencil: &mut Stencil) {
    let len = stencil.code.len();
    let Some(last) = stencil.holes.last().copied() else {
        return;
    };
    if last.value != HoleValue::Continue {
        return;
    }
    let (opcode_ok, jump_len) = match target {
        Target::X86_64 => (
            len >= 5 && stencil.code[len - 5] == 0xE9 && last.offset as usize == len - 4,
            5,
        ),
        // `b` (not `bl`): opcode bits 0b000101 in the top six bits.
        Target::Aarch64 => (
            len >= 4 && last.offset as usize == len - 4 && stencil.code[len - 1] & 0xFC == 0x14,
            4,
        ),
    };
    if opcode_ok {
        stencil.code.truncate(len - jump_len);
        stencil.holes.pop();
        stencil.falls_through = true;
    }
}

/// The Rust source of `jit_stencils.rs` for the given sets.
pub fn render(sets: &[StencilSet]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for set in sets {
        fnv1a(&mut hash, &set.input_hash.to_le_bytes());
    }
    let mut out = String::new();
    out.push_str(
        "//! Generated copy-and-patch stencils, one per uop, plus the entry, step and\n\
         //! fatal stencils, for every target (x86-64 runs; the others are for review).\n\n\
         // @generated by `cargo xtask gen-stencils` (stencil-gen): do not edit.\n\
         // `cargo xtask gen-stencils --check` fails when this file is stale.\n\n\
         #![allow(clippy::all)]\n\n\
         use crate::stencil::{Hole, HoleKind, Stencil, StencilTable};\n\
         use cpjit_bytecode::jit_abi::{Helper, HoleValue};\n\n",
    );
    let _ = writeln!(
        out,
        "/// Hash of the generator's inputs (templates' IR and compiler settings).\npub const INPUT_HASH: u64 = {hash:#018x};\n"
    );
    for set in sets {
        let prefix = set.target.table_prefix();
        let _ = writeln!(
            out,
            "/// Stencils for {}.\npub static {prefix}: StencilTable = StencilTable {{",
            set.target.triple()
        );
        write_stencil(&mut out, "entry", &set.entry);
        write_stencil(&mut out, "step", &set.step);
        write_stencil(&mut out, "fatal", &set.fatal);
        write_stencil(&mut out, "deopt", &set.deopt);
        write_stencil(&mut out, "exit_trampoline", &set.exit_trampoline);
        write_stencil(&mut out, "exit_trampoline_pop", &set.exit_trampoline_pop);
        for (field, stencils) in [
            ("binary_ops", &set.binary_ops),
            ("specialized", &set.specialized),
            ("uops", &set.uops),
        ] {
            let _ = writeln!(out, "    {field}: &[");
            for stencil in stencils {
                out.push_str("        ");
                write_stencil_value(&mut out, stencil, 8);
                out.push_str(",\n");
            }
            out.push_str("    ],\n");
        }
        out.push_str("};\n\n");
    }
    out
}

fn write_stencil(out: &mut String, field: &str, stencil: &Stencil) {
    let _ = write!(out, "    {field}: ");
    write_stencil_value(out, stencil, 4);
    out.push_str(",\n");
}

fn write_stencil_value(out: &mut String, stencil: &Stencil, indent: usize) {
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "Stencil {{");
    let _ = writeln!(out, "{pad}    name: {:?},", stencil.name);
    let _ = write!(out, "{pad}    code: &[");
    for (i, b) in stencil.code.iter().enumerate() {
        if i % 16 == 0 {
            let _ = write!(out, "\n{pad}        ");
        } else {
            out.push(' ');
        }
        let _ = write!(out, "0x{b:02x},");
    }
    if !stencil.code.is_empty() {
        let _ = write!(out, "\n{pad}    ");
    }
    out.push_str("],\n");
    let _ = writeln!(out, "{pad}    align: {},", stencil.align);
    let _ = writeln!(out, "{pad}    falls_through: {},", stencil.falls_through);
    let needs_stub = stencil.holes.iter().any(|h| h.value == HoleValue::Exit);
    let _ = writeln!(out, "{pad}    needs_deopt_stub: {needs_stub},");
    let _ = write!(out, "{pad}    holes: &[");
    for hole in &stencil.holes {
        let value = match hole.value {
            HoleValue::Helper(h) => format!("HoleValue::Helper(Helper::{h:?})"),
            other => format!("HoleValue::{other:?}"),
        };
        let _ = write!(
            out,
            "\n{pad}        Hole {{ offset: {}, kind: HoleKind::{:?}, value: {value}, addend: {} }},",
            hole.offset, hole.kind, hole.addend
        );
    }
    if !stencil.holes.is_empty() {
        let _ = write!(out, "\n{pad}    ");
    }
    out.push_str("],\n");
    let _ = write!(out, "{pad}}}");
}

/// Symbols for compiling a template outside an object (nothing is linked).
#[derive(Default)]
struct LooseSymbols {
    indices: BTreeMap<&'static str, u32>,
}

impl templates::Symbols for LooseSymbols {
    fn function_index(&mut self, hole: HoleValue, _signature: &Signature) -> u32 {
        let next = self.indices.len() as u32;
        *self.indices.entry(hole.symbol()).or_insert(next)
    }

    fn data_index(&mut self, hole: HoleValue) -> u32 {
        self.function_index(hole, &templates::uop_signature())
    }
}

/// A Cranelift compiler for the templates at run time: what compiling a trace with
/// Cranelift instead of copying stencils costs (the JIT benchmark's baseline).
pub struct RuntimeCranelift {
    isa: std::sync::Arc<dyn TargetIsa>,
    context: cranelift_codegen::Context,
}

impl RuntimeCranelift {
    pub fn new() -> anyhow::Result<RuntimeCranelift> {
        Ok(RuntimeCranelift {
            isa: make_isa(Target::X86_64)?,
            context: cranelift_codegen::Context::new(),
        })
    }

    /// Builds and compiles every uop's template, as a run-time Cranelift JIT would
    /// for the trace; returns the machine-code bytes made.
    pub fn compile_uops(&mut self, uops: &[cpjit_bytecode::uops::Uop]) -> anyhow::Result<usize> {
        let mut bytes = 0;
        for uop in uops {
            let mut func = Function::with_name_signature(
                UserFuncName::user(0, *uop as u32),
                templates::uop_signature(),
            );
            let mut symbols = LooseSymbols::default();
            templates::build(StencilKind::Uop(*uop), &*self.isa, &mut func, &mut symbols);
            self.context.clear();
            self.context.func = func;
            let compiled = self
                .context
                .compile(&*self.isa, &mut Default::default())
                .map_err(|e| anyhow!("compiling {}: {:?}", uop.name(), e.inner))?;
            bytes += compiled.code_buffer().len();
        }
        Ok(bytes)
    }
}
