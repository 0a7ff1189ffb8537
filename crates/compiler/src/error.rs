//! Compile errors and source positions.
//!
//! Owns: [`CompileError`] (CPython's `SyntaxError` fields), the conversion of ruff byte
//! ranges into 1-based lines and character columns, and the mapping of ruff's parse errors
//! onto CPython's messages.
//!
//! Must never: decide whether code is valid; it only describes errors others found.

use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::TextRange;

/// Which Python exception a compile error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Valid Python this compiler does not handle yet (the message names the construct).
    NotSupported,
}

/// A compile-time error with CPython's `SyntaxError` fields.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message} ({filename}, line {line})")]
pub struct CompileError {
    pub kind: CompileErrorKind,
    pub message: String,
    pub filename: String,
    pub line: u32,
    /// 1-based column in characters, like `SyntaxError.offset`.
    pub offset: u32,
    pub end_line: u32,
    pub end_offset: u32,
    /// The raw text of the line.
    pub source_line: Option<String>,
}

/// Byte offset → (line, column) conversion for one source text.
pub(crate) struct Positions<'a> {
    pub source: &'a str,
    pub filename: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Positions<'a> {
    pub(crate) fn new(source: &'a str, filename: &'a str) -> Self {
        let mut line_starts = vec![0];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        Positions {
            source,
            filename,
            line_starts,
        }
    }

    /// 1-based line and 0-based character column of a byte offset.
    pub(crate) fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.source.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts[line];
        let col = self
            .source
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0);
        (line as u32 + 1, col as u32)
    }

    pub(crate) fn line_text(&self, line: u32) -> Option<String> {
        let idx = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(idx)?;
        let end = self
            .line_starts
            .get(idx + 1)
            .copied()
            .unwrap_or(self.source.len());
        let text = self.source.get(start..end)?;
        Some(text.trim_end_matches(['\n', '\r']).to_string())
    }

    pub(crate) fn error(
        &self,
        kind: CompileErrorKind,
        message: String,
        range: TextRange,
    ) -> CompileError {
        let (line, col) = self.line_col(range.start().to_usize());
        let (end_line, end_col) = self.line_col(range.end().to_usize());
        CompileError {
            kind,
            message,
            filename: self.filename.to_string(),
            line,
            offset: col + 1,
            end_line,
            end_offset: end_col + 1,
            source_line: self.line_text(line),
        }
    }

    pub(crate) fn error_at_line(
        &self,
        kind: CompileErrorKind,
        message: String,
        line: u32,
        offset: u32,
    ) -> CompileError {
        CompileError {
            kind,
            message,
            filename: self.filename.to_string(),
            line,
            offset,
            end_line: line,
            end_offset: offset,
            source_line: self.line_text(line),
        }
    }
}

/// Maps a ruff parse error onto CPython's message and exception kind.
pub(crate) fn from_parse_error(pos: &Positions<'_>, err: &ParseError) -> CompileError {
    use CompileErrorKind::*;
    let range = err.location;
    let (line, _) = pos.line_col(range.start().to_usize());
    let text = err.error.to_string();
    let (kind, message) = match &err.error {
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::UnclosedStringError => (
                SyntaxError,
                format!("unterminated string literal (detected at line {line})"),
            ),
            LexicalErrorType::IndentationError => (
                IndentationError,
                "unindent does not match any outer indentation level".to_string(),
            ),
            LexicalErrorType::LineContinuationError => (
                SyntaxError,
                "unexpected character after line continuation character".to_string(),
            ),
            LexicalErrorType::Eof => (SyntaxError, "unexpected EOF while parsing".to_string()),
            LexicalErrorType::UnicodeError => (
                SyntaxError,
                "(unicode error) 'unicodeescape' codec can't decode bytes".to_string(),
            ),
            LexicalErrorType::OtherError(msg) if msg.contains("mix of tabs") => {
                (TabError, "inconsistent use of tabs and spaces in indentation".to_string())
            }
            _ => (SyntaxError, "invalid syntax".to_string()),
        },
        ParseErrorType::UnexpectedIndentation => (IndentationError, "unexpected indent".to_string()),
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget => {
            (SyntaxError, "cannot assign to expression".to_string())
        }
        ParseErrorType::InvalidDeleteTarget => (SyntaxError, "cannot delete expression".to_string()),
        ParseErrorType::PositionalAfterKeywordArgument => (
            SyntaxError,
            "positional argument follows keyword argument".to_string(),
        ),
        ParseErrorType::NonDefaultParamAfterDefaultParam => (
            SyntaxError,
            "parameter without a default follows parameter with a default".to_string(),
        ),
        _ => {
            let lower = text.to_ascii_lowercase();
            if lower.contains("expected an indented block") {
                (IndentationError, "expected an indented block".to_string())
            } else if lower.contains("expected ':'") || lower.contains("expected `:`") {
                (SyntaxError, "expected ':'".to_string())
            } else {
                (SyntaxError, "invalid syntax".to_string())
            }
        }
    };
    pos.error(kind, message, range)
}
