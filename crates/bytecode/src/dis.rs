//! `dis`: listings in the layout of CPython 3.13's `python3.13 -m dis` (default options:
//! no offsets, labels for jump and exception-table targets, line-number column).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::code::{
    BinaryOpArg, CodeObject, CompareOp, Constant, ConvertValueKind, IntrinsicFunction1,
    SetFunctionAttributeFlag,
};
use crate::opcode::{JumpKind, Opcode};

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;
const NO_LINENO: &str = "  --";

const INTRINSIC_2_NAMES: [&str; 6] = [
    "INTRINSIC_2_INVALID",
    "INTRINSIC_PREP_RERAISE_STAR",
    "INTRINSIC_TYPEVAR_WITH_BOUND",
    "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
    "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
    "INTRINSIC_SET_TYPEPARAM_DEFAULT",
];

/// Code-unit offset (CPython's, in 2-byte units counting inline caches) of every
/// instruction, plus one past the end.
fn code_unit_offsets(code: &CodeObject) -> Vec<u32> {
    // CPython spends EXTENDED_ARG prefixes on arguments over 255; for jumps the encoded
    // argument is the relative delta, which itself depends on the prefixes, so iterate
    // to a fixed point as CPython's assembler does.
    let mut extended: Vec<u32> = code
        .instructions
        .iter()
        .map(|i| match i.opcode.jump() {
            JumpKind::None => extended_arg_count(i.arg),
            _ => 0,
        })
        .collect();
    for _ in 0..8 {
        let mut offsets = Vec::with_capacity(code.instructions.len() + 1);
        let mut offset = 0u32;
        for (index, instruction) in code.instructions.iter().enumerate() {
            // An instruction (and a jump to it) starts at its first EXTENDED_ARG.
            offsets.push(offset);
            offset += extended[index] + 1 + instruction.opcode.info().cache_entries as u32;
        }
        offsets.push(offset);
        let mut changed = false;
        for (index, instruction) in code.instructions.iter().enumerate() {
            let kind = instruction.opcode.jump();
            if kind != JumpKind::None {
                let delta = cpython_jump_arg(&offsets, index, instruction.arg as usize, kind);
                let needed = extended_arg_count(delta);
                if needed != extended[index] {
                    extended[index] = needed;
                    changed = true;
                }
            }
        }
        if !changed {
            return offsets;
        }
    }
    let mut offsets = Vec::new();
    let mut offset = 0u32;
    for (index, instruction) in code.instructions.iter().enumerate() {
        offsets.push(offset);
        offset += extended[index] + 1 + instruction.opcode.info().cache_entries as u32;
    }
    offsets.push(offset);
    offsets
}

fn extended_arg_count(arg: u32) -> u32 {
    match arg {
        0..=0xff => 0,
        0x100..=0xffff => 1,
        0x1_0000..=0xff_ffff => 2,
        _ => 3,
    }
}

/// The argument CPython would show for a jump: the delta in code units from the end of
/// the instruction (and its caches) to the target.
fn cpython_jump_arg(offsets: &[u32], index: usize, target: usize, kind: JumpKind) -> u32 {
    let cache = offsets[index + 1];
    let target = offsets.get(target).copied().unwrap_or(cache);
    match kind {
        JumpKind::Backward => cache.saturating_sub(target),
        _ => target.saturating_sub(cache),
    }
}

/// Disassembles one code object (not the code objects in its constants).
pub fn disassemble(code: &CodeObject) -> String {
    disassemble_showing(code, &|_| None)
}

/// Like [`disassemble`], but `shown_name(index)` may replace the opcode name printed
/// for an instruction — `dis --adaptive` shows specialized forms this way while the
/// arguments are still decoded by the generic opcode.
pub fn disassemble_showing(
    code: &CodeObject,
    shown_name: &dyn Fn(usize) -> Option<&'static str>,
) -> String {
    let mut out = String::new();
    let offsets = code_unit_offsets(code);

    let mut label_targets = BTreeSet::new();
    for instruction in &code.instructions {
        if instruction.opcode.jump() != JumpKind::None {
            label_targets.insert(instruction.arg as usize);
        }
    }
    for entry in &code.exception_table {
        label_targets.insert(entry.start as usize);
        label_targets.insert(entry.end as usize);
        label_targets.insert(entry.target as usize);
    }
    let labels: Vec<usize> = label_targets.into_iter().collect();
    let label_of = |index: usize| labels.binary_search(&index).ok().map(|i| i + 1);
    let label_width = 4 + labels.len().to_string().len();

    // Line starts: an instruction starts a line when its line differs from the previous
    // instruction's (a missing line counts as a value of its own).
    let mut line_starts: Vec<Option<Option<u32>>> = Vec::with_capacity(code.instructions.len());
    let mut last: Option<Option<u32>> = None;
    for index in 0..code.instructions.len() {
        let line = code.line_of(index);
        let line = if line == 0 { None } else { Some(line) };
        if last != Some(line) {
            line_starts.push(Some(line));
            last = Some(line);
        } else {
            line_starts.push(None);
        }
    }
    let max_line = line_starts.iter().flatten().flatten().copied().max();
    let any_missing = line_starts.iter().flatten().any(|l| l.is_none());
    let lineno_width = match max_line {
        None => 0,
        Some(max) => {
            let width = max.to_string().len().max(3);
            if width < NO_LINENO.len() && any_missing {
                NO_LINENO.len()
            } else {
                width
            }
        }
    };

    let localsplus = code.localsplus_names();
    let local_name = |i: u32| {
        localsplus
            .get(i as usize)
            .map(|n| n.to_string())
            .unwrap_or_else(|| i.to_string())
    };
    let name = |i: u32| {
        code.names
            .get(i as usize)
            .map(|n| n.to_string())
            .unwrap_or_else(|| i.to_string())
    };

    for (index, instruction) in code.instructions.iter().enumerate() {
        let op = instruction.opcode;
        let arg = instruction.arg;
        let starts = line_starts[index];
        if lineno_width > 0 && starts.is_some() && index > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        if lineno_width > 0 {
            match starts {
                Some(Some(line)) => fields.push(format!("{line:>lineno_width$}")),
                Some(None) => fields.push(format!("{NO_LINENO:>lineno_width$}")),
                None => fields.push(" ".repeat(lineno_width)),
            }
        }
        match label_of(index) {
            Some(label) => fields.push(format!("{:>label_width$}", format!("L{label}:"))),
            None => fields.push(" ".repeat(label_width)),
        }
        fields.push("   ".into());
        let shown_arg = match op.jump() {
            JumpKind::None => arg,
            kind => cpython_jump_arg(&offsets, index, arg as usize, kind),
        };
        // The EXTENDED_ARG prefixes CPython encodes (each shows the argument so far);
        // the first takes the line number and label.
        let prefixes = if op.has_arg() {
            extended_arg_count(shown_arg)
        } else {
            0
        };
        for k in (1..=prefixes).rev() {
            let mut prefix = fields.clone();
            prefix.push(format!("{:<OPNAME_WIDTH$}", "EXTENDED_ARG"));
            prefix.push(format!("{:>OPARG_WIDTH$}", shown_arg >> (8 * k)));
            out.push_str(prefix.join(" ").trim_end());
            out.push('\n');
            fields.truncate(fields.len() - 1);
            let blank = fields.len() - 1;
            fields[blank] = " ".repeat(label_width);
            if lineno_width > 0 {
                fields[0] = " ".repeat(lineno_width);
            }
            fields.push("   ".into());
        }
        let opname = shown_name(index).unwrap_or(op.name());
        fields.push(format!("{opname:<OPNAME_WIDTH$}"));
        if op.has_arg() {
            let excess = opname.len().saturating_sub(OPNAME_WIDTH);
            let width = OPARG_WIDTH.saturating_sub(excess);
            fields.push(format!("{shown_arg:>width$}"));
            let argrepr = argument_repr(code, op, arg, &label_of, &local_name, &name);
            if !argrepr.is_empty() {
                fields.push(format!("({argrepr})"));
            }
        }
        let line = fields.join(" ");
        out.push_str(line.trim_end());
        out.push('\n');
    }

    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for entry in &code.exception_table {
            let lasti = if entry.push_lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  L{} to L{} -> L{} [{}]{}",
                label_of(entry.start as usize).unwrap_or(0),
                label_of(entry.end as usize).unwrap_or(0),
                label_of(entry.target as usize).unwrap_or(0),
                entry.depth,
                lasti
            );
        }
    }
    out
}

fn argument_repr(
    code: &CodeObject,
    op: Opcode,
    arg: u32,
    label_of: &dyn Fn(usize) -> Option<usize>,
    local_name: &dyn Fn(u32) -> String,
    name: &dyn Fn(u32) -> String,
) -> String {
    use Opcode::*;
    match op {
        LOAD_CONST | RETURN_CONST => code
            .constants
            .get(arg as usize)
            .map(Constant::repr)
            .unwrap_or_default(),
        LOAD_GLOBAL => {
            let base = name(arg >> 1);
            if arg & 1 != 0 {
                format!("{base} + NULL")
            } else {
                base
            }
        }
        LOAD_ATTR => {
            let base = name(arg >> 1);
            if arg & 1 != 0 {
                format!("{base} + NULL|self")
            } else {
                base
            }
        }
        LOAD_SUPER_ATTR => {
            let base = name(arg >> 2);
            if arg & 1 != 0 {
                format!("{base} + NULL|self")
            } else {
                base
            }
        }
        LOAD_NAME | STORE_NAME | DELETE_NAME | STORE_GLOBAL | DELETE_GLOBAL | STORE_ATTR
        | DELETE_ATTR | IMPORT_NAME | IMPORT_FROM => name(arg),
        LOAD_FAST_LOAD_FAST | STORE_FAST_LOAD_FAST | STORE_FAST_STORE_FAST => {
            format!("{}, {}", local_name(arg >> 4), local_name(arg & 15))
        }
        LOAD_FAST
        | LOAD_FAST_CHECK
        | LOAD_FAST_AND_CLEAR
        | STORE_FAST
        | DELETE_FAST
        | LOAD_DEREF
        | STORE_DEREF
        | DELETE_DEREF
        | MAKE_CELL
        | LOAD_FROM_DICT_OR_DEREF => local_name(arg),
        COMPARE_OP => match CompareOp::from_arg(arg) {
            Some((cmp, true)) => format!("bool({})", cmp.symbol()),
            Some((cmp, false)) => cmp.symbol().to_string(),
            None => String::new(),
        },
        CONVERT_VALUE => ConvertValueKind::name(arg).to_string(),
        SET_FUNCTION_ATTRIBUTE => {
            let names: Vec<&str> = [
                SetFunctionAttributeFlag::DEFAULTS,
                SetFunctionAttributeFlag::KWDEFAULTS,
                SetFunctionAttributeFlag::ANNOTATIONS,
                SetFunctionAttributeFlag::CLOSURE,
            ]
            .into_iter()
            .filter(|flag| arg & flag != 0)
            .map(SetFunctionAttributeFlag::name)
            .collect();
            names.join(", ")
        }
        BINARY_OP => BinaryOpArg::from_arg(arg)
            .map(|b| b.symbol().to_string())
            .unwrap_or_default(),
        CALL_INTRINSIC_1 => IntrinsicFunction1::name(arg).to_string(),
        CALL_INTRINSIC_2 => INTRINSIC_2_NAMES
            .get(arg as usize)
            .copied()
            .unwrap_or("")
            .to_string(),
        _ if op.jump() != JumpKind::None => label_of(arg as usize)
            .map(|l| format!("to L{l}"))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Disassembles a code object and, depth first, every code object among its constants,
/// each introduced by `Disassembly of <code object …>:` as CPython does.
pub fn disassemble_recursive(code: &CodeObject) -> String {
    disassemble_recursive_showing(code, &|_, _| None)
}

/// [`disassemble_recursive`] with per-instruction name overrides; `shown_name` gets the
/// code object being listed and the instruction index.
pub fn disassemble_recursive_showing(
    code: &CodeObject,
    shown_name: &dyn Fn(&CodeObject, usize) -> Option<&'static str>,
) -> String {
    let mut out = disassemble_showing(code, &|index| shown_name(code, index));
    for constant in &code.constants {
        if let Constant::Code(inner) = constant {
            out.push('\n');
            let _ = writeln!(out, "Disassembly of {}:", inner.repr());
            out.push_str(&disassemble_recursive_showing(inner, shown_name));
        }
    }
    out
}
