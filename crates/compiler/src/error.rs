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

/// CPython's `_PyPegen_get_expr_name`.
fn expr_kind_name(e: &ruff_python_ast::Expr) -> &'static str {
    use ruff_python_ast::Expr::*;
    match e {
        Attribute(_) => "attribute",
        Subscript(_) => "subscript",
        Starred(_) => "starred",
        Name(_) => "name",
        List(_) => "list",
        Tuple(_) => "tuple",
        Lambda(_) => "lambda",
        Call(_) => "function call",
        BoolOp(_) | BinOp(_) | UnaryOp(_) => "expression",
        Generator(_) => "generator expression",
        Yield(_) | YieldFrom(_) => "yield expression",
        Await(_) => "await expression",
        ListComp(_) => "list comprehension",
        SetComp(_) => "set comprehension",
        DictComp(_) => "dict comprehension",
        Dict(_) => "dict literal",
        Set(_) => "set display",
        FString(_) | TString(_) => "f-string expression",
        NoneLiteral(_) => "None",
        BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        EllipsisLiteral(_) => "ellipsis",
        StringLiteral(_) | BytesLiteral(_) | NumberLiteral(_) => "literal",
        Compare(_) => "comparison",
        If(_) => "conditional expression",
        Named(_) => "named expression",
        Slice(_) | IpyEscapeCommand(_) => "expression",
    }
}

fn kind_of_range(pos: &Positions<'_>, range: TextRange) -> &'static str {
    let text = pos
        .source
        .get(range.start().to_usize()..range.end().to_usize())
        .unwrap_or("");
    match ruff_python_parser::parse_expression(text.trim()) {
        Ok(p) => expr_kind_name(&p.syntax().body),
        Err(_) => "expression",
    }
}

/// Unclosed or mismatched brackets, as CPython's tokenizer reports them.
pub(crate) fn bracket_error(pos: &Positions<'_>) -> Option<CompileError> {
    let b = crate::prescan::bracket_problem(pos.source)?;
    let (line, col) = pos.line_col(b.offset);
    let message = match (b.open, b.close) {
        (Some(o), None) => format!("'{o}' was never closed"),
        (None, Some(c)) => format!("unmatched '{c}'"),
        (Some(o), Some(c)) => {
            let (oline, _) = pos.line_col(b.open_offset);
            if oline != line {
                format!("closing parenthesis '{c}' does not match opening parenthesis '{o}' on line {oline}")
            } else {
                format!("closing parenthesis '{c}' does not match opening parenthesis '{o}'")
            }
        }
        (None, None) => return None,
    };
    Some(pos.error_at_line(CompileErrorKind::SyntaxError, message, line, col + 1))
}

/// Maps a ruff parse error onto CPython's message and exception kind.
pub(crate) fn from_parse_error(pos: &Positions<'_>, err: &ParseError) -> CompileError {
    use CompileErrorKind::*;
    let range = err.location;
    if let Some(b) = bracket_error(pos) {
        let (eline, _) = pos.line_col(range.start().to_usize());
        let eof = matches!(err.error, ParseErrorType::Lexical(LexicalErrorType::Eof))
            || range.start().to_usize() >= pos.source.trim_end().len();
        if b.line <= eline || eof {
            return b;
        }
    }
    let (line, col) = pos.line_col(range.start().to_usize());
    let text = err.error.to_string();
    let line_text = pos.line_text(line).unwrap_or_default();
    let at = |l: u32, o: u32, kind: CompileErrorKind, m: String| pos.error_at_line(kind, m, l, o);
    match &err.error {
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::UnclosedStringError => {
                return pos.error(
                    SyntaxError,
                    format!("unterminated string literal (detected at line {line})"),
                    range,
                )
            }
            LexicalErrorType::IndentationError => {
                let len = line_text.chars().count() as u32;
                return at(
                    line,
                    len + 1,
                    IndentationError,
                    "unindent does not match any outer indentation level".into(),
                );
            }
            LexicalErrorType::LineContinuationError => {
                return pos.error(
                    SyntaxError,
                    "unexpected character after line continuation character".into(),
                    range,
                )
            }
            LexicalErrorType::OtherError(msg) if msg.contains("tab") => {
                return pos.error(
                    TabError,
                    "inconsistent use of tabs and spaces in indentation".into(),
                    range,
                )
            }
            _ => {}
        },
        ParseErrorType::UnexpectedIndentation => {
            let (l, c) = pos.line_col(range.end().to_usize());
            return at(l, c, IndentationError, "unexpected indent".into());
        }
        ParseErrorType::InvalidAssignmentTarget => {
            let kind = kind_of_range(pos, range);
            let after = pos.source.get(range.end().to_usize()..).unwrap_or("");
            let after = after.trim_start_matches([' ', '\t']);
            let simple = after.starts_with('=')
                && !after.starts_with("==")
                && !matches!(kind, "tuple" | "list" | "None" | "True" | "False");
            let msg = if simple {
                format!("cannot assign to {kind} here. Maybe you meant '==' instead of '='?")
            } else {
                format!("cannot assign to {kind}")
            };
            return pos.error(SyntaxError, msg, range);
        }
        ParseErrorType::InvalidNamedAssignmentTarget => {
            let kind = kind_of_range(pos, range);
            return pos.error(
                SyntaxError,
                format!("cannot use assignment expressions with {kind}"),
                range,
            );
        }
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            let kind = kind_of_range(pos, range);
            return pos.error(
                SyntaxError,
                format!("'{kind}' is an illegal expression for augmented assignment"),
                range,
            );
        }
        ParseErrorType::InvalidAnnotatedAssignmentTarget => {
            let kind = kind_of_range(pos, range);
            return pos.error(
                SyntaxError,
                format!("only single target (not {kind}) can be annotated"),
                range,
            );
        }
        ParseErrorType::InvalidDeleteTarget => {
            let kind = kind_of_range(pos, range);
            return pos.error(SyntaxError, format!("cannot delete {kind}"), range);
        }
        ParseErrorType::PositionalAfterKeywordArgument => {
            return pos.error(
                SyntaxError,
                "positional argument follows keyword argument".into(),
                range,
            )
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            return pos.error(
                SyntaxError,
                "positional argument follows keyword argument unpacking".into(),
                range,
            )
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            return pos.error(
                SyntaxError,
                "iterable argument unpacking follows keyword argument unpacking".into(),
                range,
            )
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            return pos.error(
                SyntaxError,
                "parameter without a default follows parameter with a default".into(),
                range,
            )
        }
        ParseErrorType::EmptyImportNames => {
            return pos.error(
                SyntaxError,
                "Expected one or more names after 'import'".into(),
                range,
            )
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            let trimmed = line_text.trim_start();
            for kw in ["print", "exec"] {
                if trimmed.starts_with(kw) && trimmed[kw.len()..].starts_with([' ', '\t']) {
                    let indent = (line_text.len() - trimmed.len()) as u32;
                    return at(
                        line,
                        indent + 1,
                        SyntaxError,
                        format!("Missing parentheses in call to '{kw}'. Did you mean {kw}(...)?"),
                    );
                }
            }
        }
        ParseErrorType::ExpectedToken { .. } => {
            let lower = text.to_ascii_lowercase();
            if lower.starts_with("expected `:`") {
                return pos.error(SyntaxError, "expected ':'".into(), range);
            }
            if lower.starts_with("expected `,`") {
                // Point at the start of the expression before the error, as CPython.
                let bytes = pos.source.as_bytes();
                let mut i = range.start().to_usize().min(bytes.len());
                while i > 0 && matches!(bytes[i - 1], b' ' | b'\t') {
                    i -= 1;
                }
                while i > 0
                    && (bytes[i - 1].is_ascii_alphanumeric()
                        || bytes[i - 1] == b'_'
                        || bytes[i - 1] >= 0x80)
                {
                    i -= 1;
                }
                let (l, c) = pos.line_col(i);
                return at(
                    l,
                    c + 1,
                    SyntaxError,
                    "invalid syntax. Perhaps you forgot a comma?".into(),
                );
            }
        }
        ParseErrorType::OtherError(msg) => {
            if let Some(rest) = msg.strip_prefix("Expected an indented block after ") {
                let what = rest.replace('`', "'");
                let header = header_line(pos, range.start().to_usize());
                return at(
                    line,
                    col + 1,
                    IndentationError,
                    format!("expected an indented block after {what} on line {header}"),
                );
            }
        }
        _ => {}
    }
    pos.error(SyntaxError, "invalid syntax".to_string(), range)
}

/// The line of the compound-statement header preceding byte `offset`.
fn header_line(pos: &Positions<'_>, offset: usize) -> u32 {
    let (line, _) = pos.line_col(offset);
    let mut l = line.saturating_sub(1);
    while l > 1 {
        let t = pos.line_text(l).unwrap_or_default();
        let t = t.trim();
        if !t.is_empty() && !t.starts_with('#') {
            break;
        }
        l -= 1;
    }
    l.max(1)
}
