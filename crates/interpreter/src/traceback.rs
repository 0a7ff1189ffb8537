//! Formatting uncaught exceptions and compile errors the way CPython 3.13 prints them.
//!
//! Owns the text of tracebacks (including chained exceptions and repeated-frame
//! folding) and of `SyntaxError` reports. Must never decide exit codes.

use std::collections::HashMap;

use cpjit_compiler::CompileError;
use cpjit_runtime::display::{self, str_text};
use cpjit_runtime::object::ObjKind;
use cpjit_runtime::vm::kind;
use cpjit_runtime::{Value, Vm};

/// Source lines by file name, loaded on demand for traceback display.
#[derive(Default)]
pub struct SourceCache {
    files: HashMap<String, Vec<String>>,
}

impl SourceCache {
    /// Registers the text of a file (the main script is known without re-reading).
    pub fn insert(&mut self, filename: &str, source: &str) {
        self.files.insert(
            filename.to_string(),
            source.lines().map(str::to_string).collect(),
        );
    }

    fn line(&mut self, filename: &str, line: u32) -> Option<String> {
        if !self.files.contains_key(filename) {
            let lines = std::fs::read_to_string(filename)
                .map(|text| text.lines().map(str::to_string).collect())
                .unwrap_or_default();
            self.files.insert(filename.to_string(), lines);
        }
        let lines = self.files.get(filename)?;
        lines.get((line as usize).checked_sub(1)?).cloned()
    }
}

/// The last line of a traceback: `TypeName: message` (or `TypeName`).
pub fn exception_summary(vm: &mut Vm, exc: Value) -> String {
    let class = vm.type_of(exc);
    let name = match kind(&class) {
        Some(ObjKind::Type(t)) => t.name.to_string(),
        _ => "Exception".into(),
    };
    let message = display::str(vm, exc).unwrap_or_else(|_| "<exception str() failed>".into());
    if message.is_empty() {
        name
    } else {
        format!("{name}: {message}")
    }
}

/// The notes added with `add_note()`, one per line after the summary (a non-str note
/// is shown by its repr, as CPython does for ones added behind its back).
fn push_notes(vm: &mut Vm, exc: Value, out: &mut String) {
    let key = vm.intern_static("__notes__");
    let Ok(Some(notes)) = cpjit_runtime::attr::lookup_attr(vm, exc, key) else {
        return;
    };
    let Some(ObjKind::List(items)) = kind(&notes) else {
        return;
    };
    let items = items.borrow().to_vec();
    for note in items {
        let text = match text_of(&note) {
            Some(t) => t.to_string(),
            None => display::repr(vm, note).unwrap_or_default(),
        };
        out.push_str(&text);
        out.push('\n');
    }
}

fn format_frames(vm: &mut Vm, exc: Value, sources: &mut SourceCache, out: &mut String) {
    let entries: Vec<(Value, u32)> = match kind(&exc) {
        Some(ObjKind::Exception(e)) => e.traceback.borrow().iter().rev().copied().collect(),
        _ => Vec::new(),
    };
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
    }
    let mut last: Option<(String, u32, String)> = None;
    let mut repeats = 0usize;
    let flush_repeats = |out: &mut String, repeats: usize| {
        if repeats > 3 {
            let more = repeats - 3;
            out.push_str(&format!(
                "  [Previous line repeated {more} more time{}]\n",
                if more == 1 { "" } else { "s" }
            ));
        }
    };
    for (code_value, line) in entries {
        let (filename, name) = match kind(&code_value) {
            Some(ObjKind::Code(c)) => (c.code.filename.to_string(), c.code.name.to_string()),
            _ => ("?".into(), "?".into()),
        };
        let key = (filename.clone(), line, name.clone());
        if last.as_ref() == Some(&key) {
            repeats += 1;
            if repeats > 3 {
                continue;
            }
        } else {
            flush_repeats(out, repeats);
            repeats = 1;
            last = Some(key);
        }
        out.push_str(&format!("  File \"{filename}\", line {line}, in {name}\n"));
        if let Some(text) = sources.line(&filename, line) {
            let trimmed = text.trim();
            if !trimmed.is_empty() {
                out.push_str(&format!("    {trimmed}\n"));
            }
        }
    }
    flush_repeats(out, repeats);
    let _ = vm;
}

/// The full report for an uncaught exception, with its cause/context chain.
pub fn format_exception(vm: &mut Vm, exc: Value, sources: &mut SourceCache) -> String {
    let mut chain = vec![(exc, "")];
    let mut current = exc;
    for _ in 0..50 {
        let Some(ObjKind::Exception(e)) = kind(&current) else {
            break;
        };
        let cause = e.cause.get();
        let context = e.context.get();
        let next = if !cause.is_none() && !cause.is_null() {
            Some((
                cause,
                "\nThe above exception was the direct cause of the following exception:\n\n",
            ))
        } else if !e.suppress_context.get() && !context.is_none() && !context.is_null() {
            Some((
                context,
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            ))
        } else {
            None
        };
        match next {
            Some((next_exc, separator)) if !chain.iter().any(|(v, _)| *v == next_exc) => {
                // The separator is printed after the older exception's report.
                chain.push((next_exc, separator));
                current = next_exc;
            }
            _ => break,
        }
    }
    let mut out = String::new();
    for (exc, separator) in chain.into_iter().rev() {
        format_frames(vm, exc, sources, &mut out);
        if let Some(location) = syntax_error_location(vm, exc) {
            out.push_str(&location);
        }
        out.push_str(&exception_summary(vm, exc));
        out.push('\n');
        push_notes(vm, exc, &mut out);
        out.push_str(separator);
    }
    out
}

/// CPython's report of a compile-time error.
pub fn format_compile_error(error: &CompileError) -> String {
    let kind_name = match error.kind {
        cpjit_compiler::CompileErrorKind::SyntaxError => "SyntaxError",
        cpjit_compiler::CompileErrorKind::IndentationError => "IndentationError",
        cpjit_compiler::CompileErrorKind::TabError => "TabError",
        cpjit_compiler::CompileErrorKind::NotSupported => "NotImplementedError",
    };
    let mut out = location_block(error);
    out.push_str(&format!("{kind_name}: {}\n", error.message));
    out
}

/// The `File "…", line N` / source line / carets block CPython prints for a syntax
/// error (also under the traceback of a SyntaxError raised by an import).
fn location_block(error: &CompileError) -> String {
    let mut out = format!("  File \"{}\", line {}\n", error.filename, error.line);
    if let Some(source_line) = &error.source_line {
        let stripped = source_line.trim_start();
        let indent = source_line.chars().count() - stripped.chars().count();
        let stripped = stripped.trim_end();
        if !stripped.is_empty() {
            out.push_str(&format!("    {stripped}\n"));
            let start = (error.offset as usize)
                .saturating_sub(1)
                .saturating_sub(indent);
            let end = if error.end_line == error.line && error.end_offset > error.offset {
                (error.end_offset as usize)
                    .saturating_sub(1)
                    .saturating_sub(indent)
            } else {
                start + 1
            };
            let width = stripped.chars().count();
            let start = start.min(width);
            let end = end.clamp(start + 1, width.max(start + 1));
            out.push_str(&format!(
                "    {}{}\n",
                " ".repeat(start),
                "^".repeat(end - start)
            ));
        }
    }
    out
}

/// The location block of a SyntaxError object, from the attributes an import sets
/// (`filename`, `lineno`, `offset`, `text`, `end_lineno`, `end_offset`).
fn syntax_error_location(vm: &mut Vm, exc: Value) -> Option<String> {
    if !vm.isinstance(exc, vm.exceptions.syntax_error) {
        return None;
    }
    let mut get = |name: &str| {
        let key = vm.intern(name);
        cpjit_runtime::attr::lookup_attr(vm, exc, key)
            .ok()
            .flatten()
    };
    let filename = get("filename").and_then(|v| str_text(&v).map(str::to_string))?;
    let number = |v: Option<Value>| v.and_then(cpjit_runtime::ops::to_i64).unwrap_or(0) as u32;
    let line = number(get("lineno"));
    let offset = number(get("offset"));
    let end_line = number(get("end_lineno"));
    let end_offset = number(get("end_offset"));
    let source_line = get("text").and_then(|v| str_text(&v).map(str::to_string));
    Some(location_block(&CompileError {
        kind: cpjit_compiler::CompileErrorKind::SyntaxError,
        message: String::new(),
        filename,
        line,
        offset,
        end_line,
        end_offset,
        source_line,
    }))
}

/// `str_text` re-export for callers formatting `SystemExit` payloads.
pub fn text_of(value: &Value) -> Option<&str> {
    str_text(value)
}
