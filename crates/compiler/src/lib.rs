//! cpjit compiler: Python source → [`CodeObject`]s with CPython 3.13's bytecode.
//!
//! Owns: parsing (through `ruff_python_parser`), the nesting limits CPython's tokenizer
//! enforces, symbol tables, code generation, constant folding, the flow-graph
//! optimizations and assembly, and every compile-time error CPython raises.
//!
//! Must never: execute anything, or panic on any input — every failure is a
//! [`CompileError`]. Parsing and compiling run on a dedicated thread with a large stack,
//! so no input can overflow the caller's native stack.
//!
//! Where to start reading: [`compile_module`], then `codegen` (AST → instruction
//! sequence), then `cfg` (CPython's `flowgraph.c` + `assemble.c`).

mod cfg;
mod codegen;
mod error;
mod fold;
mod prescan;
mod symtable;

use std::sync::Arc;

use cpjit_bytecode::CodeObject;
use ruff_text_size::{TextRange, TextSize};

pub use error::{CompileError, CompileErrorKind};

const COMPILER_STACK_SIZE: usize = 256 * 1024 * 1024;

/// [`compile_module`] for running the code: also refuses what compiles (and lists, as
/// `cpjit dis` does with `compile_module`) but cannot run yet — a `bytes` constant,
/// since the runtime has no `bytes` type — naming the first one's position, rather
/// than running it as something else.
pub fn compile_module_to_run(
    source: &str,
    filename: &str,
) -> Result<Arc<CodeObject>, CompileError> {
    let code = compile_module(source, filename)?;
    if let Some(at) = first_bytes_constant(&code) {
        let line = at.line.max(1);
        return Err(CompileError {
            kind: CompileErrorKind::NotSupported,
            message: "bytes literals are not supported yet".to_string(),
            filename: filename.to_string(),
            line,
            offset: at.col + 1,
            end_line: at.end_line.max(line),
            end_offset: at.end_col + 1,
            source_line: source.lines().nth(line as usize - 1).map(str::to_string),
        });
    }
    Ok(code)
}

/// Where the earliest instruction that loads a constant holding `bytes` is, in `code`
/// and the code objects nested in it.
fn first_bytes_constant(code: &CodeObject) -> Option<cpjit_bytecode::Location> {
    use cpjit_bytecode::{Constant, Opcode};
    fn holds_bytes(c: &Constant) -> bool {
        match c {
            Constant::Bytes(_) => true,
            Constant::Tuple(items) | Constant::FrozenSet(items) => items.iter().any(holds_bytes),
            _ => false,
        }
    }
    let here = code
        .instructions
        .iter()
        .zip(&code.locations)
        .filter(|(i, _)| matches!(i.opcode, Opcode::LOAD_CONST | Opcode::RETURN_CONST))
        .filter(|(i, _)| code.constants.get(i.arg as usize).is_some_and(holds_bytes))
        .map(|(_, at)| *at);
    let nested = code.constants.iter().filter_map(|c| match c {
        Constant::Code(inner) => first_bytes_constant(inner),
        _ => None,
    });
    here.chain(nested).min_by_key(|at| (at.line, at.col))
}

/// Compiles a module's source into its code object.
pub fn compile_module(source: &str, filename: &str) -> Result<Arc<CodeObject>, CompileError> {
    let src = source.to_string();
    let name = filename.to_string();
    let handle = std::thread::Builder::new()
        .name("cpjit-compiler".into())
        .stack_size(COMPILER_STACK_SIZE)
        .spawn(move || compile_on_this_thread(&src, &name));
    let fallback = |message: &str| CompileError {
        kind: CompileErrorKind::SyntaxError,
        message: message.to_string(),
        filename: filename.to_string(),
        line: 1,
        offset: 1,
        end_line: 1,
        end_offset: 1,
        source_line: None,
    };
    match handle {
        Ok(h) => match h.join() {
            Ok(r) => r,
            Err(_) => Err(fallback("internal compiler error")),
        },
        // Could not get a big stack: compile here (the prescan still bounds nesting).
        Err(_) => compile_on_this_thread(source, filename),
    }
}

fn compile_on_this_thread(source: &str, filename: &str) -> Result<Arc<CodeObject>, CompileError> {
    let pos = error::Positions::new(source, filename);
    prescan::check_nesting(source, &pos)?;
    let parsed = match ruff_python_parser::parse_module(source) {
        Ok(p) => p,
        Err(e) => return Err(error::from_parse_error(&pos, &e)),
    };
    let module = parsed.syntax();
    let range = TextRange::new(TextSize::new(0), TextSize::new(source.len() as u32));
    let table = symtable::build(&module.body, &pos, range)?;
    let compiler = codegen::Compiler::new(table, &pos);
    compiler.compile_module(&module.body, range)
}

#[cfg(test)]
mod tests;
