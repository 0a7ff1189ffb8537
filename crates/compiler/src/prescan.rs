//! The limits CPython's tokenizer enforces and ruff's recursive parser does not:
//! at most 200 open brackets (`too many nested parentheses`) and 100 indentation levels
//! (`too many levels of indentation`).
//!
//! Owns: a linear scan of the source that skips comments and string literals (including
//! triple-quoted ones and f-string text, conservatively) and counts bracket depth and
//! indentation depth.
//!
//! Must never: reject anything CPython accepts because of these limits; it does not
//! try to validate anything else.

use crate::error::{CompileError, CompileErrorKind, Positions};

const MAXLEVEL: usize = 200;
const MAXINDENT: usize = 100;

pub(crate) fn check_nesting(source: &str, pos: &Positions<'_>) -> Result<(), CompileError> {
    let bytes = source.as_bytes();
    let mut i = 0usize;
    let mut depth = 0usize;
    let mut line = 1u32;
    let mut line_start = 0usize;
    let mut at_line_start = true;
    let mut indents: Vec<usize> = vec![0];
    while i < bytes.len() {
        let c = bytes[i];
        if at_line_start && depth == 0 {
            // Measure indentation of a logical line start.
            let mut col = 0usize;
            let mut j = i;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\x0c') {
                col = if bytes[j] == b'\t' { (col / 8 + 1) * 8 } else { col + 1 };
                j += 1;
            }
            at_line_start = false;
            let blank = j >= bytes.len() || matches!(bytes[j], b'\n' | b'\r' | b'#' | b'\\');
            if !blank {
                if col > *indents.last().unwrap_or(&0) {
                    indents.push(col);
                    if indents.len() > MAXINDENT + 1 {
                        return Err(pos.error_at_line(
                            CompileErrorKind::IndentationError,
                            "too many levels of indentation".into(),
                            line,
                            (j - line_start) as u32 + 1,
                        ));
                    }
                } else {
                    while indents.len() > 1 && col < *indents.last().unwrap_or(&0) {
                        indents.pop();
                    }
                }
            }
            i = j;
            continue;
        }
        match c {
            b'\n' => {
                line += 1;
                i += 1;
                line_start = i;
                at_line_start = true;
            }
            b'\r' => {
                line += 1;
                i += 1;
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                line_start = i;
                at_line_start = true;
            }
            b'\\' => {
                // Line continuation: skip the newline without starting a logical line.
                i += 1;
                if bytes.get(i) == Some(&b'\r') {
                    i += 1;
                }
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                line += 1;
                line_start = i;
            }
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAXLEVEL {
                    return Err(pos.error_at_line(
                        CompileErrorKind::SyntaxError,
                        "too many nested parentheses".into(),
                        line,
                        (i - line_start) as u32 + 1,
                    ));
                }
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'\'' | b'"' => {
                // Is it an f-string? Look at the prefix letters before the quote.
                let mut k = i;
                let mut is_f = false;
                while k > 0 && bytes[k - 1].is_ascii_alphabetic() {
                    k -= 1;
                    if matches!(bytes[k], b'f' | b'F' | b't' | b'T') {
                        is_f = true;
                    }
                }
                let quote = c;
                let triple = bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote);
                i += if triple { 3 } else { 1 };
                // f-strings can nest brackets in replacement fields; those count in
                // CPython too, but we only skip their text conservatively.
                let _ = is_f;
                loop {
                    if i >= bytes.len() {
                        break;
                    }
                    let b = bytes[i];
                    if b == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b == b'\n' || b == b'\r' {
                        if !triple {
                            break;
                        }
                        line += 1;
                        if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                            i += 1;
                        }
                        i += 1;
                        line_start = i;
                        continue;
                    }
                    if b == quote {
                        if triple {
                            if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                                i += 3;
                                break;
                            }
                        } else {
                            i += 1;
                            break;
                        }
                    }
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    Ok(())
}
