//! Code objects: instructions, constants, names, line and exception tables.

use std::fmt;
use std::sync::Arc;

use num_bigint::BigInt;

use crate::opcode::Opcode;

/// One tier-1 instruction. `arg` is 0 for opcodes without an argument. For jumps, `arg`
/// is the absolute index of the target instruction in [`CodeObject::instructions`]
/// (`dis` converts it to CPython's relative code-unit delta for display).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    pub opcode: Opcode,
    pub arg: u32,
}

impl Instruction {
    pub const fn new(opcode: Opcode, arg: u32) -> Self {
        Instruction { opcode, arg }
    }
}

/// Source range of an instruction. Lines are 1-based; columns are 0-based character
/// (code point) offsets within their line, as CPython's `co_positions`. `line == 0`
/// means "no line" (shown as `--` by `dis`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

impl Location {
    /// A location with no line number (exception-handler cleanup code, for example).
    pub const NONE: Location = Location {
        line: 0,
        end_line: 0,
        col: 0,
        end_col: 0,
    };

    pub fn has_line(&self) -> bool {
        self.line != 0
    }
}

/// One row of the exception table: instructions `start..end` (exclusive) are covered by
/// the handler at `target`; on entry the value stack is cut to `depth` items, then (if
/// `push_lasti`) the index of the raising instruction and the exception are pushed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Ellipsis,
    Bool(bool),
    /// Integers that fit in an `i64`; larger ones use [`Constant::BigInt`].
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(Arc<str>),
    Bytes(Arc<[u8]>),
    Tuple(Arc<[Constant]>),
    FrozenSet(Arc<[Constant]>),
    Code(Arc<CodeObject>),
}

impl Constant {
    /// Python `repr` of the constant, as `dis` shows it.
    pub fn repr(&self) -> String {
        match self {
            Constant::None => "None".into(),
            Constant::Ellipsis => "Ellipsis".into(),
            Constant::Bool(true) => "True".into(),
            Constant::Bool(false) => "False".into(),
            Constant::Int(v) => v.to_string(),
            Constant::BigInt(v) => v.to_string(),
            Constant::Float(v) => crate::repr::float_repr(*v),
            Constant::Complex { real, imag } => crate::repr::complex_repr(*real, *imag),
            Constant::Str(s) => crate::repr::str_repr(s),
            Constant::Bytes(b) => crate::repr::bytes_repr(b),
            Constant::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(Constant::repr).collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Constant::FrozenSet(items) => {
                let parts: Vec<String> = items.iter().map(Constant::repr).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
            Constant::Code(code) => code.repr(),
        }
    }
}

/// Code object flags (`co_flags`), with CPython's bit values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
    pub const COROUTINE: u32 = 0x80;

    pub fn contains(self, bit: u32) -> bool {
        self.0 & bit != 0
    }
}

/// A compiled unit: module body, function, lambda, class body or comprehension.
///
/// Local variable slots follow CPython 3.13's "localsplus" layout: `varnames` (parameters
/// first, in order: positional, keyword-only, `*args`, `**kwargs`; then other locals),
/// then `cellvars` that are not also in `varnames`, then `freevars`. `LOAD_FAST`,
/// `LOAD_DEREF`, `MAKE_CELL` … index that combined array.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    pub filename: Arc<str>,
    pub first_line: u32,
    pub arg_count: u32,
    pub posonly_arg_count: u32,
    pub kwonly_arg_count: u32,
    pub flags: CodeFlags,
    pub instructions: Vec<Instruction>,
    /// One location per instruction.
    pub locations: Vec<Location>,
    pub constants: Vec<Constant>,
    /// Names used by `*_NAME`, `*_GLOBAL`, `*_ATTR`, `IMPORT_*`.
    pub names: Vec<Arc<str>>,
    pub varnames: Vec<Arc<str>>,
    /// Variables of this scope captured by inner scopes (may overlap `varnames`).
    pub cellvars: Vec<Arc<str>>,
    pub freevars: Vec<Arc<str>>,
    pub exception_table: Vec<ExceptionTableEntry>,
    /// Maximum value-stack depth.
    pub stack_size: u32,
}

impl CodeObject {
    /// Names of all local slots in localsplus order.
    pub fn localsplus_names(&self) -> Vec<Arc<str>> {
        let mut names = self.varnames.clone();
        for cell in &self.cellvars {
            if !self.varnames.contains(cell) {
                names.push(cell.clone());
            }
        }
        names.extend(self.freevars.iter().cloned());
        names
    }

    /// Number of local slots (localsplus).
    pub fn localsplus_count(&self) -> usize {
        self.varnames.len()
            + self
                .cellvars
                .iter()
                .filter(|c| !self.varnames.contains(c))
                .count()
            + self.freevars.len()
    }

    /// Total number of parameters including `*args`/`**kwargs`.
    pub fn total_arg_count(&self) -> usize {
        let mut n = (self.arg_count + self.kwonly_arg_count) as usize;
        if self.flags.contains(CodeFlags::VARARGS) {
            n += 1;
        }
        if self.flags.contains(CodeFlags::VARKEYWORDS) {
            n += 1;
        }
        n
    }

    /// Stable pseudo-address used in `repr` so listings are reproducible.
    pub fn pseudo_address(&self) -> u64 {
        // FNV-1a over the identifying fields.
        let mut hash: u64 = 0xcbf29ce484222325;
        for byte in self
            .qualname
            .bytes()
            .chain(self.filename.bytes())
            .chain(self.first_line.to_le_bytes())
        {
            hash ^= byte as u64;
            hash = hash.wrapping_mul(0x100000001b3);
        }
        0x7f00_0000_0000 | (hash & 0xff_ffff_fff0)
    }

    /// `<code object NAME at 0x…, file "FILE", line N>`.
    pub fn repr(&self) -> String {
        format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            self.name,
            self.pseudo_address(),
            self.filename,
            self.first_line
        )
    }

    /// Line of instruction `index` (0 when it has none).
    pub fn line_of(&self, index: usize) -> u32 {
        self.locations.get(index).map(|l| l.line).unwrap_or(0)
    }
}

impl fmt::Display for CodeObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

/// `BINARY_OP` arguments (CPython's `NB_*`), in CPython's numbering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOpArg {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    InplaceAdd = 13,
    InplaceAnd = 14,
    InplaceFloorDivide = 15,
    InplaceLshift = 16,
    InplaceMatrixMultiply = 17,
    InplaceMultiply = 18,
    InplaceRemainder = 19,
    InplaceOr = 20,
    InplacePower = 21,
    InplaceRshift = 22,
    InplaceSubtract = 23,
    InplaceTrueDivide = 24,
    InplaceXor = 25,
}

const BINARY_OP_SYMBOLS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];

impl BinaryOpArg {
    pub fn from_arg(arg: u32) -> Option<Self> {
        if arg < 26 {
            Some(BINARY_OP_ALL[arg as usize])
        } else {
            None
        }
    }

    /// The operator symbol (`+`, `+=`, …).
    pub fn symbol(self) -> &'static str {
        BINARY_OP_SYMBOLS[self as usize]
    }

    /// The in-place form's underlying binary operator (`+=` → `+`); identity otherwise.
    pub fn base(self) -> BinaryOpArg {
        let index = self as usize;
        if index >= 13 {
            BINARY_OP_ALL[index - 13]
        } else {
            self
        }
    }

    pub fn is_inplace(self) -> bool {
        self as usize >= 13
    }
}

const BINARY_OP_ALL: [BinaryOpArg; 26] = [
    BinaryOpArg::Add,
    BinaryOpArg::And,
    BinaryOpArg::FloorDivide,
    BinaryOpArg::Lshift,
    BinaryOpArg::MatrixMultiply,
    BinaryOpArg::Multiply,
    BinaryOpArg::Remainder,
    BinaryOpArg::Or,
    BinaryOpArg::Power,
    BinaryOpArg::Rshift,
    BinaryOpArg::Subtract,
    BinaryOpArg::TrueDivide,
    BinaryOpArg::Xor,
    BinaryOpArg::InplaceAdd,
    BinaryOpArg::InplaceAnd,
    BinaryOpArg::InplaceFloorDivide,
    BinaryOpArg::InplaceLshift,
    BinaryOpArg::InplaceMatrixMultiply,
    BinaryOpArg::InplaceMultiply,
    BinaryOpArg::InplaceRemainder,
    BinaryOpArg::InplaceOr,
    BinaryOpArg::InplacePower,
    BinaryOpArg::InplaceRshift,
    BinaryOpArg::InplaceSubtract,
    BinaryOpArg::InplaceTrueDivide,
    BinaryOpArg::InplaceXor,
];

/// Rich comparison operators, numbered as CPython's `Py_LT` … `Py_GE`.
/// `COMPARE_OP`'s argument is `(op << 5) | (16 if the result is coerced to bool) | mask`
/// where `mask` is CPython's comparison mask for the operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub const ALL: [CompareOp; 6] = [
        CompareOp::Lt,
        CompareOp::Le,
        CompareOp::Eq,
        CompareOp::Ne,
        CompareOp::Gt,
        CompareOp::Ge,
    ];

    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }

    /// CPython's `compare_masks` entry (UNORDERED=1, LESS_THAN=2, GREATER_THAN=4,
    /// EQUAL=8).
    pub fn mask(self) -> u32 {
        // `!=` includes UNORDERED (1), as CPython's `compare_masks`.
        [2, 2 | 8, 8, 1 | 2 | 4, 4, 4 | 8][self as usize]
    }

    /// Encodes a `COMPARE_OP` argument.
    pub fn to_arg(self, coerce_to_bool: bool) -> u32 {
        ((self as u32) << 5) | if coerce_to_bool { 16 } else { 0 } | self.mask()
    }

    /// Decodes a `COMPARE_OP` argument into the operator and the bool-coercion flag.
    pub fn from_arg(arg: u32) -> Option<(CompareOp, bool)> {
        let op = *CompareOp::ALL.get((arg >> 5) as usize)?;
        Some((op, arg & 16 != 0))
    }

    /// The operator with its operands swapped (`a < b` ⇔ `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }
}

/// `CALL_INTRINSIC_1` functions, numbered as CPython 3.13.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum IntrinsicFunction1 {
    Invalid = 0,
    Print = 1,
    ImportStar = 2,
    StopIterationError = 3,
    AsyncGenWrap = 4,
    UnaryPositive = 5,
    ListToTuple = 6,
    TypeVar = 7,
    ParamSpec = 8,
    TypeVarTuple = 9,
    SubscriptGeneric = 10,
    TypeAlias = 11,
}

impl IntrinsicFunction1 {
    pub fn name(arg: u32) -> &'static str {
        [
            "INTRINSIC_1_INVALID",
            "INTRINSIC_PRINT",
            "INTRINSIC_IMPORT_STAR",
            "INTRINSIC_STOPITERATION_ERROR",
            "INTRINSIC_ASYNC_GEN_WRAP",
            "INTRINSIC_UNARY_POSITIVE",
            "INTRINSIC_LIST_TO_TUPLE",
            "INTRINSIC_TYPEVAR",
            "INTRINSIC_PARAMSPEC",
            "INTRINSIC_TYPEVARTUPLE",
            "INTRINSIC_SUBSCRIPT_GENERIC",
            "INTRINSIC_TYPEALIAS",
        ]
        .get(arg as usize)
        .copied()
        .unwrap_or("<invalid>")
    }
}

/// `SET_FUNCTION_ATTRIBUTE` flags, as CPython 3.13.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetFunctionAttributeFlag;

impl SetFunctionAttributeFlag {
    pub const DEFAULTS: u32 = 1;
    pub const KWDEFAULTS: u32 = 2;
    pub const ANNOTATIONS: u32 = 4;
    pub const CLOSURE: u32 = 8;

    pub fn name(arg: u32) -> &'static str {
        match arg {
            1 => "defaults",
            2 => "kwdefaults",
            4 => "annotations",
            8 => "closure",
            _ => "",
        }
    }
}

/// `CONVERT_VALUE` arguments (`!s`, `!r`, `!a`), as CPython 3.13.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConvertValueKind;

impl ConvertValueKind {
    pub const STR: u32 = 1;
    pub const REPR: u32 = 2;
    pub const ASCII: u32 = 3;

    pub fn name(arg: u32) -> &'static str {
        match arg {
            1 => "str",
            2 => "repr",
            3 => "ascii",
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_op_args_match_cpython() {
        // Values read from `python3.13 -m dis`.
        assert_eq!(CompareOp::Eq.to_arg(true), 88);
        assert_eq!(CompareOp::Gt.to_arg(true), 148);
        assert_eq!(CompareOp::from_arg(88), Some((CompareOp::Eq, true)));
        assert_eq!(CompareOp::Ne.to_arg(true), 119);
    }

    #[test]
    fn binary_op_table_round_trips() {
        for arg in 0..26 {
            assert_eq!(BinaryOpArg::from_arg(arg).unwrap() as u32, arg);
        }
        assert_eq!(BinaryOpArg::InplaceAdd.base(), BinaryOpArg::Add);
        assert_eq!(BinaryOpArg::from_arg(13).unwrap().symbol(), "+=");
    }
}
