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
/// Operators (unary, binary, `not`, `lambda`, `if` …) between two commas at one bracket
/// level bound how deeply ruff's recursive parser nests; CPython's own parser gives up
/// around 6 000 levels ("too complex to parse").
const MAX_OPERATOR_CHAIN: usize = 50_000;

pub(crate) fn check_nesting(source: &str, pos: &Positions<'_>) -> Result<(), CompileError> {
    let bytes = source.as_bytes();
    let mut i = 0usize;
    let mut depth = 0usize;
    let mut line = 1u32;
    let mut line_start = 0usize;
    let mut at_line_start = true;
    let mut indents: Vec<usize> = vec![0];
    let mut chain: Vec<usize> = vec![0];
    let mut chain_sum = 0usize;
    while i < bytes.len() {
        let c = bytes[i];
        if at_line_start && depth == 0 {
            // Measure indentation of a logical line start.
            let mut col = 0usize;
            let mut j = i;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\x0c')
            {
                col = if bytes[j] == b'\t' {
                    (col / 8 + 1) * 8
                } else {
                    col + 1
                };
                j += 1;
            }
            at_line_start = false;
            let blank = j >= bytes.len() || matches!(bytes[j], b'\n' | b'\r' | b'#' | b'\\');
            if !blank {
                if col > *indents.last().unwrap_or(&0) {
                    indents.push(col);
                    if indents.len() > MAXINDENT {
                        return Err(pos.error_at_line(
                            CompileErrorKind::IndentationError,
                            "too many levels of indentation".into(),
                            line,
                            1,
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
                if depth == 0 {
                    chain.clear();
                    chain.push(0);
                    chain_sum = 0;
                }
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
            b',' | b';' => {
                if let Some(top) = chain.last_mut() {
                    chain_sum -= *top;
                    *top = 0;
                }
                i += 1;
            }
            b'+' | b'-' | b'*' | b'/' | b'%' | b'&' | b'|' | b'^' | b'~' | b'<' | b'>' | b'@'
            | b'=' => {
                if let Some(top) = chain.last_mut() {
                    *top += 1;
                    chain_sum += 1;
                }
                if chain_sum > MAX_OPERATOR_CHAIN {
                    return Err(too_complex(pos, line));
                }
                i += 1;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let st = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                if matches!(
                    &bytes[st..i],
                    b"not"
                        | b"lambda"
                        | b"if"
                        | b"await"
                        | b"yield"
                        | b"and"
                        | b"or"
                        | b"in"
                        | b"is"
                ) {
                    if let Some(top) = chain.last_mut() {
                        *top += 1;
                        chain_sum += 1;
                    }
                    if chain_sum > MAX_OPERATOR_CHAIN {
                        return Err(too_complex(pos, line));
                    }
                }
                // A string prefix (`f"`, `rb'`…) is handled by the quote arm next.
            }
            b'(' | b'[' | b'{' => {
                chain.push(0);
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
                if chain.len() > 1 {
                    if let Some(top) = chain.pop() {
                        chain_sum -= top;
                    }
                }
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
                            if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote)
                            {
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

fn too_complex(pos: &Positions<'_>, line: u32) -> CompileError {
    pos.error_at_line(
        CompileErrorKind::SyntaxError,
        "Parser stack overflowed - Python source too complex to parse".into(),
        line,
        1,
    )
}

/// A bracket problem found by [`bracket_problem`].
pub(crate) struct BracketProblem {
    pub open: Option<char>,
    pub open_offset: usize,
    pub close: Option<char>,
    /// Byte offset the error is reported at.
    pub offset: usize,
}

/// Finds the first unmatched or mismatched closing bracket, or the innermost bracket left
/// open at the end of the source (skipping strings and comments).
pub(crate) fn bracket_problem(source: &str) -> Option<BracketProblem> {
    let bytes = source.as_bytes();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut i = 0usize;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                let triple = bytes.get(i + 1) == Some(&c) && bytes.get(i + 2) == Some(&c);
                i += if triple { 3 } else { 1 };
                while i < bytes.len() {
                    let b = bytes[i];
                    if b == b'\\' {
                        i += 2;
                        continue;
                    }
                    if !triple && (b == b'\n' || b == b'\r') {
                        break;
                    }
                    if b == c {
                        if !triple {
                            i += 1;
                            break;
                        }
                        if bytes.get(i + 1) == Some(&c) && bytes.get(i + 2) == Some(&c) {
                            i += 3;
                            break;
                        }
                    }
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' => stack.push((c, i)),
            b')' | b']' | b'}' => {
                let want = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match stack.pop() {
                    None => {
                        return Some(BracketProblem {
                            open: None,
                            open_offset: 0,
                            close: Some(c as char),
                            offset: i,
                        })
                    }
                    Some((o, at)) if o != want => {
                        return Some(BracketProblem {
                            open: Some(o as char),
                            open_offset: at,
                            close: Some(c as char),
                            offset: i,
                        })
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack.pop().map(|(o, at)| BracketProblem {
        open: Some(o as char),
        open_offset: at,
        close: None,
        offset: at,
    })
}
