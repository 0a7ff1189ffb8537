//! String formatting: the format-spec mini-language (`format()`, `str.format`,
//! f-strings) and printf-style `%` formatting, with CPython's results and errors.
//!
//! Owns number/str rendering under a spec. Must never look up attributes or call Python
//! code except through `display::str`/`repr` for `%s`/`%r` and `!s`/`!r`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::display;
use crate::numeric::{int_view, IntView};
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{kind, PyResult, Vm};

/// A parsed format specification.
#[derive(Clone, Debug, Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    no_neg_zero: bool,
    alternate: bool,
    zero: bool,
    width: Option<usize>,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn parse_spec(vm: &mut Vm, spec: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut out = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        out.fill = Some(chars[0]);
        out.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        out.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        out.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        out.no_neg_zero = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        out.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        out.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let digits: String = chars[start..i].iter().collect();
        out.width = Some(
            digits
                .parse()
                .map_err(|_| vm.value_error("Too many decimal digits in format string"))?,
        );
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        out.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(vm.value_error("Format specifier missing precision"));
        }
        let digits: String = chars[start..i].iter().collect();
        out.precision = Some(
            digits
                .parse()
                .map_err(|_| vm.value_error("Too many decimal digits in format string"))?,
        );
    }
    if i < chars.len() {
        out.kind = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(vm.value_error("Invalid format specifier"));
    }
    Ok(out)
}

/// `format(value, spec)`.
pub fn format_value(vm: &mut Vm, value: Value, spec_text: &str) -> PyResult<String> {
    if let Some(ObjKind::Instance(_)) = kind(&value) {
        return crate::dunder::format(vm, value, spec_text);
    }
    if spec_text.is_empty() {
        return display::str(vm, value);
    }
    // A bool with a non-empty spec formats as its int (CPython's `int.__format__`).
    let spec = parse_spec(vm, spec_text)?;
    if let Some(view) = int_view(&value) {
        let view = view.clone();
        return format_int(vm, &view, &spec, value);
    }
    if let Some(f) = value.as_float() {
        return format_float(vm, f, &spec, "float");
    }
    if let Some(ObjKind::Str(s)) = kind(&value) {
        let text = s.text.to_string();
        return format_str(vm, &text, &spec);
    }
    let type_name = vm.type_name(value);
    if spec_text.is_empty() {
        return display::str(vm, value);
    }
    Err(vm.type_error(format!(
        "unsupported format string passed to {type_name}.__format__"
    )))
}

fn format_str(vm: &mut Vm, text: &str, spec: &Spec) -> PyResult<String> {
    if let Some(k) = spec.kind {
        if k != 's' {
            return Err(vm.value_error(format!(
                "Unknown format code '{k}' for object of type 'str'"
            )));
        }
    }
    if spec.sign.is_some() {
        return Err(vm.value_error("Sign not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == Some('=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    if let Some(g) = spec.grouping {
        return Err(vm.value_error(format!("Cannot specify '{g}' with 's'.")));
    }
    let truncated: String = match spec.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    // The `0` flag fills with zeros (alignment stays left unless given).
    let mut spec = spec.clone();
    if spec.zero && spec.fill.is_none() {
        spec.fill = Some('0');
    }
    Ok(pad(&truncated, &spec, '<'))
}

/// Pads `body` to the spec's width with its fill and alignment (`default_align` when
/// none was given). For `=`, the sign/prefix is kept at the left.
fn pad(body: &str, spec: &Spec, default_align: char) -> String {
    let width = spec.width.unwrap_or(0);
    let len = body.chars().count();
    if len >= width {
        return body.to_string();
    }
    let fill = spec.fill.unwrap_or(' ');
    let total = width - len;
    let align = spec.align.unwrap_or(default_align);
    let fill_str = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    match align {
        '<' => format!("{body}{}", fill_str(total)),
        '^' => format!(
            "{}{body}{}",
            fill_str(total / 2),
            fill_str(total - total / 2)
        ),
        '=' => {
            let split = body
                .char_indices()
                .find(|(_, c)| !matches!(c, '+' | '-' | ' '))
                .map(|(i, _)| i)
                .unwrap_or(0);
            let (sign, rest) = body.split_at(split);
            // Keep a 0x/0b/0o prefix with the sign.
            let prefix_len = if rest.len() >= 2
                && rest.starts_with('0')
                && matches!(rest.as_bytes()[1], b'x' | b'X' | b'b' | b'B' | b'o' | b'O')
            {
                2
            } else {
                0
            };
            let (prefix, digits) = rest.split_at(prefix_len);
            format!("{sign}{prefix}{}{digits}", fill_str(total))
        }
        _ => format!("{}{body}", fill_str(total)),
    }
}

fn group_digits(digits: &str, separator: char, group: usize) -> String {
    let bytes: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in bytes.iter().enumerate() {
        if i > 0 && (bytes.len() - i).is_multiple_of(group) {
            out.push(separator);
        }
        out.push(*c);
    }
    out
}

fn sign_prefix(negative: bool, sign: Option<char>) -> &'static str {
    if negative {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Applies zero padding (the `0` flag): fill `0` unless a fill was given, and `=`
/// alignment unless an alignment was given (CPython's format-spec parser).
fn zero_pad_spec(spec: &Spec) -> Spec {
    let mut spec = spec.clone();
    if spec.zero && spec.fill.is_none() {
        spec.fill = Some('0');
        if spec.align.is_none() {
            spec.align = Some('=');
        }
    }
    spec
}

/// Inserts grouping separators into the integer part of zero-padded output so that
/// `{:08,}` pads with grouped zeros as CPython does.
fn finish_number(sign: &str, prefix: &str, digits: &str, spec: &Spec, group: usize) -> String {
    let spec = zero_pad_spec(spec);
    if let (Some(separator), Some('0'), Some('='), Some(width)) =
        (spec.grouping, spec.fill, spec.align, spec.width)
    {
        // Pad the digit string with zeros until the grouped result reaches the width.
        let mut padded = digits.to_string();
        loop {
            let grouped = group_digits(&padded, separator, group);
            if sign.len() + prefix.len() + grouped.chars().count() >= width {
                return format!("{sign}{prefix}{grouped}");
            }
            padded.insert(0, '0');
        }
    }
    let grouped = match spec.grouping {
        Some(separator) => group_digits(digits, separator, group),
        None => digits.to_string(),
    };
    pad(&format!("{sign}{prefix}{grouped}"), &spec, '>')
}

fn format_int(vm: &mut Vm, view: &IntView, spec: &Spec, value: Value) -> PyResult<String> {
    let k = spec.kind.unwrap_or('d');
    match k {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = crate::numeric::int_to_float(vm, view)?;
            return format_float(vm, f, spec, "int");
        }
        'n' | 'd' | 'b' | 'o' | 'x' | 'X' | 'c' => {}
        other => {
            return Err(vm.value_error(format!(
                "Unknown format code '{other}' for object of type 'int'"
            )))
        }
    }
    if spec.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    let big = view.to_bigint();
    let negative = big.is_negative();
    let magnitude = big.abs();
    if k == 'c' {
        if spec.sign.is_some() {
            return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
        }
        let code = magnitude
            .to_u32()
            .filter(|_| !negative)
            .and_then(char::from_u32);
        let Some(c) = code else {
            return Err(vm.overflow_error("%c arg not in range(0x110000)"));
        };
        return Ok(pad(&c.to_string(), spec, '<'));
    }
    let _ = value;
    let (digits, prefix, group) = match k {
        'b' => (magnitude.to_str_radix(2), "0b", 4),
        'o' => (magnitude.to_str_radix(8), "0o", 4),
        'x' => (magnitude.to_str_radix(16), "0x", 4),
        'X' => (magnitude.to_str_radix(16).to_uppercase(), "0X", 4),
        _ => (magnitude.to_string(), "", 3),
    };
    if spec.grouping == Some(',') && !matches!(k, 'd' | 'n') {
        return Err(vm.value_error(format!("Cannot specify ',' with '{k}'.")));
    }
    let prefix = if spec.alternate { prefix } else { "" };
    Ok(finish_number(
        sign_prefix(negative, spec.sign),
        prefix,
        &digits,
        spec,
        group,
    ))
}

/// Formats a float under a spec (`type_name` is used in error messages).
fn format_float(vm: &mut Vm, f: f64, spec: &Spec, type_name: &str) -> PyResult<String> {
    let k = spec.kind;
    if let Some(k) = k {
        if !matches!(k, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(vm.value_error(format!(
                "Unknown format code '{k}' for object of type '{type_name}'"
            )));
        }
    }
    let mut negative = f.is_sign_negative() && !f.is_nan();
    let magnitude = f.abs();
    let mut body = match k {
        None => match spec.precision {
            None => cpjit_bytecode::repr::float_repr(magnitude),
            Some(p) => format_general(magnitude, p.max(1), false, true),
        },
        Some('f') | Some('F') => fixed(magnitude, spec.precision.unwrap_or(6)),
        Some('e') | Some('E') => scientific(magnitude, spec.precision.unwrap_or(6)),
        Some('g') | Some('G') | Some('n') => format_general(
            magnitude,
            spec.precision.unwrap_or(6).max(1),
            spec.alternate,
            false,
        ),
        Some('%') => format!("{}%", fixed(magnitude * 100.0, spec.precision.unwrap_or(6))),
        Some(_) => unreachable!("checked above"),
    };
    if spec.alternate
        && !body.contains('.')
        && matches!(k, Some('f' | 'F' | 'e' | 'E' | '%') | None)
        && magnitude.is_finite()
    {
        // '#' keeps the decimal point.
        if let Some(pos) = body.find(['e', '%']) {
            body.insert(pos, '.');
        } else {
            body.push('.');
        }
    }
    if matches!(k, Some('E' | 'F' | 'G')) {
        body = body.to_uppercase();
    }
    if spec.no_neg_zero && negative && body.chars().all(|c| !c.is_ascii_digit() || c == '0') {
        negative = false;
    }
    let sign = sign_prefix(negative, spec.sign);
    // Split digits from the fractional/exponent tail for grouping.
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (int_part, tail) = body.split_at(split);
    if !magnitude.is_finite() {
        // `inf`/`nan` are zero-padded like numbers.
        let spec = zero_pad_spec(spec);
        return Ok(pad(&format!("{sign}{body}"), &spec, '>'));
    }
    let grouped_tail = tail.to_string();
    let spec_z = zero_pad_spec(spec);
    let int_grouped = match spec_z.grouping {
        Some(separator) => group_digits(int_part, separator, 3),
        None => int_part.to_string(),
    };
    if let (Some(separator), Some('0'), Some('='), Some(width)) =
        (spec_z.grouping, spec_z.fill, spec_z.align, spec_z.width)
    {
        let mut padded = int_part.to_string();
        loop {
            let grouped = group_digits(&padded, separator, 3);
            if sign.len() + grouped.chars().count() + grouped_tail.chars().count() >= width {
                return Ok(format!("{sign}{grouped}{grouped_tail}"));
            }
            padded.insert(0, '0');
        }
    }
    Ok(pad(
        &format!("{sign}{int_grouped}{grouped_tail}"),
        &spec_z,
        '>',
    ))
}

fn non_finite(f: f64) -> Option<String> {
    if f.is_nan() {
        Some("nan".into())
    } else if f.is_infinite() {
        Some("inf".into())
    } else {
        None
    }
}

/// `%.Nf` of a non-negative value.
pub fn fixed(f: f64, precision: usize) -> String {
    if let Some(s) = non_finite(f) {
        return s;
    }
    format!("{:.*}", precision, f)
}

/// `%.Ne` of a non-negative value with a signed, two-digit exponent.
pub fn scientific(f: f64, precision: usize) -> String {
    if let Some(s) = non_finite(f) {
        return s;
    }
    let text = format!("{:.*e}", precision, f);
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let sign = if exponent < 0 { '-' } else { '+' };
    format!("{mantissa}e{sign}{:02}", exponent.abs())
}

/// `%g`-style formatting with `precision` significant digits. `repr_style` is the
/// no-type-with-precision variant (always keeps one fractional digit in fixed form and
/// switches to exponent at `exp >= precision`… as CPython's 'r'-like None type).
fn format_general(f: f64, precision: usize, alternate: bool, repr_style: bool) -> String {
    if let Some(s) = non_finite(f) {
        return s;
    }
    if f == 0.0 {
        return if alternate {
            format!("0.{}", "0".repeat(precision.saturating_sub(1)))
        } else if repr_style {
            "0.0".into()
        } else {
            "0".into()
        };
    }
    let sci = format!("{:.*e}", precision - 1, f);
    let exponent: i32 = sci
        .split_once('e')
        .map_or(0, |(_, e)| e.parse().unwrap_or(0));
    // With no presentation type (`repr_style`), a result that would need ".0" added
    // switches to exponent notation one digit earlier (CPython's `Py_DTSF_ADD_DOT_0`).
    let limit = if repr_style {
        precision as i32 - 1
    } else {
        precision as i32
    };
    let use_fixed = exponent >= -4 && exponent < limit;
    let mut text = if use_fixed {
        let decimals = (precision as i32 - 1 - exponent).max(0) as usize;
        format!("{:.*}", decimals, f)
    } else {
        scientific(f, precision - 1)
    };
    if !alternate {
        // Strip trailing zeros (and a bare point) from the mantissa.
        let (mantissa, exp_part) = match text.find('e') {
            Some(pos) => (text[..pos].to_string(), text[pos..].to_string()),
            None => (text.clone(), String::new()),
        };
        let mut mantissa = mantissa;
        if mantissa.contains('.') {
            while mantissa.ends_with('0') {
                mantissa.pop();
            }
            if mantissa.ends_with('.') {
                mantissa.pop();
            }
        }
        if repr_style && use_fixed && !mantissa.contains('.') {
            mantissa.push_str(".0");
        }
        text = format!("{mantissa}{exp_part}");
    }
    text
}

// ----- printf-style formatting --------------------------------------------------------

/// `format % args`.
pub fn percent_format(vm: &mut Vm, format: Value, args: Value) -> PyResult<Value> {
    let Some(ObjKind::Str(s)) = kind(&format) else {
        return Err(vm.type_error("format requires a str"));
    };
    let text = s.text.to_string();
    let (items, is_mapping) = match kind(&args) {
        Some(ObjKind::Tuple(items)) => (items.to_vec(), false),
        Some(ObjKind::Dict(_)) => (vec![args], true),
        _ => (vec![args], false),
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut next_arg = 0usize;
    let mut i = 0;
    let take_arg = |vm: &mut Vm, next_arg: &mut usize| -> PyResult<Value> {
        match items.get(*next_arg) {
            Some(v) => {
                *next_arg += 1;
                Ok(*v)
            }
            None => Err(vm.type_error("not enough arguments for format string")),
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        // Mapping key.
        let mut mapping_value = None;
        if chars[i] == '(' {
            let start = i + 1;
            let mut depth = 1;
            let mut j = start;
            while j < chars.len() && depth > 0 {
                if chars[j] == '(' {
                    depth += 1;
                } else if chars[j] == ')' {
                    depth -= 1;
                }
                j += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key: String = chars[start..j - 1].iter().collect();
            if !is_mapping {
                return Err(vm.type_error("format requires a mapping"));
            }
            let key_value = vm.new_string(key);
            mapping_value = Some(crate::ops::getitem(vm, args, key_value)?);
            i = j;
        }
        let mut spec = Spec::default();
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            match chars[i] {
                '-' => spec.align = Some('<'),
                '+' => spec.sign = Some('+'),
                ' ' => {
                    if spec.sign.is_none() {
                        spec.sign = Some(' ')
                    }
                }
                '#' => spec.alternate = true,
                _ => spec.zero = true,
            }
            i += 1;
        }
        if i < chars.len() && chars[i] == '*' {
            let w = take_arg(vm, &mut next_arg)?;
            let w = crate::ops::to_i64(w).ok_or_else(|| vm.type_error("* wants int"))?;
            if w < 0 {
                spec.align = Some('<');
            }
            spec.width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > start {
                spec.width = chars[start..i].iter().collect::<String>().parse().ok();
            }
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = take_arg(vm, &mut next_arg)?;
                spec.precision = crate::ops::to_i64(p).map(|p| p.max(0) as usize);
                i += 1;
            } else {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                spec.precision = Some(
                    chars[start..i]
                        .iter()
                        .collect::<String>()
                        .parse()
                        .unwrap_or(0),
                );
            }
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let conversion = chars[i];
        i += 1;
        if conversion == '%' {
            out.push('%');
            continue;
        }
        let value = match mapping_value {
            Some(v) => v,
            None => take_arg(vm, &mut next_arg)?,
        };
        if spec.align == Some('<') {
            spec.zero = false;
        }
        // Numeric conversions of an `int`/`float` subclass use the value inside
        // (`%s`/`%r` keep the instance, for its own `__str__`/`__repr__`).
        let value = match (conversion, crate::object::builtin_payload(&value)) {
            ('s' | 'r' | 'a', _) | (_, None) => value,
            (_, Some(payload)) => payload,
        };
        let piece = percent_one(vm, conversion, value, &spec, i - 1)?;
        out.push_str(&piece);
    }
    if !is_mapping && next_arg < items.len() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(vm.new_string(out))
}

fn percent_one(
    vm: &mut Vm,
    conversion: char,
    value: Value,
    spec: &Spec,
    index: usize,
) -> PyResult<String> {
    let text_spec = Spec {
        align: Some(spec.align.unwrap_or('>')),
        width: spec.width,
        ..Spec::default()
    };
    match conversion {
        's' | 'r' | 'a' => {
            let mut text = if conversion == 's' {
                display::str(vm, value)?
            } else {
                display::repr(vm, value)?
            };
            if conversion == 'a' {
                text = ascii_escape(&text);
            }
            if let Some(p) = spec.precision {
                text = text.chars().take(p).collect();
            }
            Ok(pad(&text, &text_spec, '>'))
        }
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            let int_value = if let Some(view) = int_view(&value) {
                view.to_bigint()
            } else if let Some(f) = value.as_float() {
                if conversion != 'd' && conversion != 'i' && conversion != 'u' {
                    return Err(vm.type_error(format!(
                        "%{conversion} format: an integer is required, not float"
                    )));
                }
                if !f.is_finite() {
                    let v = crate::numeric::float_to_int(vm, f)?;
                    return display::str(vm, v);
                }
                num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default()
            } else {
                let name = vm.type_name(value);
                let what = if matches!(conversion, 'd' | 'i' | 'u') {
                    "a real number is required".to_string()
                } else {
                    "an integer is required".to_string()
                };
                return Err(vm.type_error(format!("%{conversion} format: {what}, not {name}")));
            };
            let negative = int_value.is_negative();
            let magnitude: BigInt = int_value.abs();
            let (mut digits, prefix) = match conversion {
                'x' => (magnitude.to_str_radix(16), "0x"),
                'X' => (magnitude.to_str_radix(16).to_uppercase(), "0X"),
                'o' => (magnitude.to_str_radix(8), "0o"),
                _ => (magnitude.to_string(), ""),
            };
            if let Some(p) = spec.precision {
                while digits.len() < p {
                    digits.insert(0, '0');
                }
            }
            let prefix = if spec.alternate { prefix } else { "" };
            let sign = sign_prefix(negative, spec.sign);
            let body = format!("{sign}{prefix}{digits}");
            Ok(pad_printf(&body, spec))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = match crate::numeric::as_f64(vm, value) {
                Some(f) => f?,
                None => {
                    let name = vm.type_name(value);
                    return Err(vm.type_error(format!("must be real number, not {name}")));
                }
            };
            let precision = spec.precision.unwrap_or(6);
            let magnitude = f.abs();
            let mut body = match conversion {
                'e' | 'E' => scientific(magnitude, precision),
                'f' | 'F' => fixed(magnitude, precision),
                _ => format_general(magnitude, precision.max(1), spec.alternate, false),
            };
            if conversion.is_ascii_uppercase() {
                body = body.to_uppercase();
            }
            let sign = sign_prefix(f.is_sign_negative() && !f.is_nan(), spec.sign);
            Ok(pad_printf(&format!("{sign}{body}"), spec))
        }
        'c' => {
            let c = if let Some(i) = crate::ops::to_i64(value) {
                u32::try_from(i)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| vm.overflow_error("%c arg not in range(0x110000)"))?
            } else if let Some(ObjKind::Str(s)) = kind(&value) {
                if s.char_len != 1 {
                    return Err(vm.type_error(
                        "%c requires an int or a unicode character, not a string of length "
                            .to_string()
                            + &s.char_len.to_string(),
                    ));
                }
                s.text.chars().next().unwrap_or(' ')
            } else {
                let name = vm.type_name(value);
                return Err(vm.type_error(format!(
                    "%c requires an int or a unicode character, not {name}"
                )));
            };
            Ok(pad(&c.to_string(), &text_spec, '>'))
        }
        other => Err(vm.value_error(format!(
            "unsupported format character '{other}' (0x{:x}) at index {index}",
            other as u32
        ))),
    }
}

fn pad_printf(body: &str, spec: &Spec) -> String {
    let width = spec.width.unwrap_or(0);
    let len = body.chars().count();
    if len >= width {
        return body.to_string();
    }
    if spec.align == Some('<') {
        return format!("{body}{}", " ".repeat(width - len));
    }
    if spec.zero {
        let split = body
            .char_indices()
            .find(|(_, c)| !matches!(c, '+' | '-' | ' '))
            .map(|(i, _)| i)
            .unwrap_or(0);
        let (sign, rest) = body.split_at(split);
        let prefix_len = if rest.len() >= 2
            && rest.starts_with('0')
            && matches!(rest.as_bytes()[1], b'x' | b'X' | b'o')
        {
            2
        } else {
            0
        };
        let (prefix, digits) = rest.split_at(prefix_len);
        return format!("{sign}{prefix}{}{digits}", "0".repeat(width - len));
    }
    format!("{}{body}", " ".repeat(width - len))
}

/// `ascii()`-style escaping of non-ASCII characters in an already-repr'd text.
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(
    vm: &mut Vm,
    template: &str,
    args: &[Value],
    kwargs: &[(Value, Value)],
) -> PyResult<String> {
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut auto_index = 0usize;
    let mut used_manual = false;
    let mut used_auto = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if i + 1 < chars.len() && chars[i + 1] == '{' {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (allowing one level of nesting in the spec).
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                let message = if chars[i + 1..].contains(&'}') {
                    "expected '}' before end of string"
                } else {
                    "Single '{' encountered in format string"
                };
                return Err(vm.value_error(message));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            i = j;
            // Split field into name, conversion, spec.
            let (name_part, spec_part) = split_field(&field);
            let (name, conversion) = match name_part.split_once('!') {
                Some((n, conv)) => (n.to_string(), Some(conv.to_string())),
                None => (name_part.to_string(), None),
            };
            // Resolve the first component.
            let first_end = name.find(['.', '[']).unwrap_or(name.len());
            let first = &name[..first_end];
            let mut value = if first.is_empty() {
                if used_manual {
                    return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
                }
                used_auto = true;
                let v = args.get(auto_index).copied();
                auto_index += 1;
                match v {
                    Some(v) => v,
                    None => {
                        return Err(vm.index_error(format!(
                            "Replacement index {} out of range for positional args tuple",
                            auto_index - 1
                        )))
                    }
                }
            } else if let Ok(index) = first.parse::<usize>() {
                if used_auto {
                    return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
                }
                used_manual = true;
                match args.get(index) {
                    Some(v) => *v,
                    None => {
                        return Err(vm.index_error(format!(
                            "Replacement index {index} out of range for positional args tuple"
                        )))
                    }
                }
            } else {
                let found = kwargs
                    .iter()
                    .find(|(k, _)| display::str_text(k) == Some(first));
                match found {
                    Some((_, v)) => *v,
                    None => {
                        let key = vm.new_str(first);
                        return Err(vm.key_error(key));
                    }
                }
            };
            // Attribute and index accessors.
            let mut rest = &name[first_end..];
            while !rest.is_empty() {
                if let Some(after) = rest.strip_prefix('.') {
                    let end = after.find(['.', '[']).unwrap_or(after.len());
                    let attr = vm.intern(&after[..end]);
                    value = crate::attr::get_attr(vm, value, attr)?;
                    rest = &after[end..];
                } else if let Some(after) = rest.strip_prefix('[') {
                    let end = after
                        .find(']')
                        .ok_or_else(|| vm.value_error("Missing ']' in format string"))?;
                    let key_text = &after[..end];
                    let key = match key_text.parse::<i64>() {
                        Ok(n) => vm.new_int(n),
                        Err(_) => vm.new_str(key_text),
                    };
                    value = crate::ops::getitem(vm, value, key)?;
                    rest = &after[end + 1..];
                } else {
                    return Err(
                        vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                    );
                }
            }
            let value = match conversion.as_deref() {
                None => value,
                Some("r") => {
                    let t = display::repr(vm, value)?;
                    vm.new_string(t)
                }
                Some("s") => {
                    let t = display::str(vm, value)?;
                    vm.new_string(t)
                }
                Some("a") => {
                    let t = display::repr(vm, value)?;
                    vm.new_string(ascii_escape(&t))
                }
                Some(other) => {
                    return Err(vm.value_error(format!("Unknown conversion specifier {other}")))
                }
            };
            // Nested replacement fields in the spec.
            let spec = if spec_part.contains('{') {
                str_format(vm, &spec_part, args, kwargs)?
            } else {
                spec_part
            };
            out.push_str(&format_value(vm, value, &spec)?);
        } else if c == '}' {
            if i + 1 < chars.len() && chars[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn split_field(field: &str) -> (String, String) {
    // The spec starts at the first ':' outside brackets.
    let mut depth = 0;
    for (i, c) in field.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            ':' if depth == 0 => return (field[..i].to_string(), field[i + 1..].to_string()),
            _ => {}
        }
    }
    (field.to_string(), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_format_matches_cpython() {
        assert_eq!(format_general(1234567.0, 6, false, false), "1.23457e+06");
        assert_eq!(format_general(0.0001, 6, false, false), "0.0001");
        assert_eq!(format_general(0.00001, 6, false, false), "1e-05");
        assert_eq!(format_general(100.0, 6, false, false), "100");
        assert_eq!(scientific(12345.678, 3), "1.235e+04");
    }

    #[test]
    fn grouping() {
        assert_eq!(group_digits("1234567", ',', 3), "1,234,567");
        assert_eq!(group_digits("123", ',', 3), "123");
    }
}
