//! The `_operator` module: the operator functions of CPython's `operator` module as
//! builtin functions (`operator.add` is `<built-in function add>` and argument errors
//! read `add expected 2 arguments, got 1`, as in CPython).
//!
//! Owns mapping each function to the runtime operation it names. Must never implement
//! an operation itself (the semantics live in `ops.rs`/`dunder.rs`), nor the callable
//! classes (`itemgetter`, `attrgetter`, `methodcaller`), which are Python code in
//! `operator.py`.

use cpjit_bytecode::{BinaryOpArg, CompareOp};

use crate::builtins::{new_module, set_name};
use crate::call::{arg_count, no_kwargs};
use crate::numeric::int_view;
use crate::object::NativeFn;
use crate::ops;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn args2(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<(Value, Value)> {
    no_kwargs(vm, name, kw)?;
    arg_count(vm, name, args, 2, 2)?;
    Ok((args[0], args[1]))
}

fn args1(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, name, kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(args[0])
}

macro_rules! binary_fns {
    ($( $fn_name:ident => $py:literal, $op:expr; )*) => {
        $( fn $fn_name(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let (a, b) = args2(vm, $py, args, kw)?;
            ops::binary_op(vm, a, b, $op)
        } )*
    };
}

binary_fns! {
    op_add => "add", BinaryOpArg::Add;
    op_sub => "sub", BinaryOpArg::Subtract;
    op_mul => "mul", BinaryOpArg::Multiply;
    op_truediv => "truediv", BinaryOpArg::TrueDivide;
    op_floordiv => "floordiv", BinaryOpArg::FloorDivide;
    op_mod => "mod", BinaryOpArg::Remainder;
    op_pow => "pow", BinaryOpArg::Power;
    op_and => "and_", BinaryOpArg::And;
    op_or => "or_", BinaryOpArg::Or;
    op_xor => "xor", BinaryOpArg::Xor;
    op_lshift => "lshift", BinaryOpArg::Lshift;
    op_rshift => "rshift", BinaryOpArg::Rshift;
    op_matmul => "matmul", BinaryOpArg::MatrixMultiply;
    op_iadd => "iadd", BinaryOpArg::InplaceAdd;
    op_isub => "isub", BinaryOpArg::InplaceSubtract;
    op_imul => "imul", BinaryOpArg::InplaceMultiply;
    op_itruediv => "itruediv", BinaryOpArg::InplaceTrueDivide;
    op_ifloordiv => "ifloordiv", BinaryOpArg::InplaceFloorDivide;
    op_imod => "imod", BinaryOpArg::InplaceRemainder;
    op_ipow => "ipow", BinaryOpArg::InplacePower;
    op_iand => "iand", BinaryOpArg::InplaceAnd;
    op_ior => "ior", BinaryOpArg::InplaceOr;
    op_ixor => "ixor", BinaryOpArg::InplaceXor;
    op_ilshift => "ilshift", BinaryOpArg::InplaceLshift;
    op_irshift => "irshift", BinaryOpArg::InplaceRshift;
    op_imatmul => "imatmul", BinaryOpArg::InplaceMatrixMultiply;
}

macro_rules! compare_fns {
    ($( $fn_name:ident => $py:literal, $op:expr; )*) => {
        $( fn $fn_name(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let (a, b) = args2(vm, $py, args, kw)?;
            ops::compare(vm, a, b, $op)
        } )*
    };
}

compare_fns! {
    op_lt => "lt", CompareOp::Lt;
    op_le => "le", CompareOp::Le;
    op_eq => "eq", CompareOp::Eq;
    op_ne => "ne", CompareOp::Ne;
    op_gt => "gt", CompareOp::Gt;
    op_ge => "ge", CompareOp::Ge;
}

fn op_neg(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = args1(vm, "neg", args, kw)?;
    ops::unary_negative(vm, v)
}

fn op_pos(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = args1(vm, "pos", args, kw)?;
    ops::unary_positive(vm, v)
}

fn op_invert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = args1(vm, "invert", args, kw)?;
    ops::unary_invert(vm, v)
}

fn op_not(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = args1(vm, "not_", args, kw)?;
    Ok(Value::bool(!ops::truthy(vm, v)?))
}

fn op_truth(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = args1(vm, "truth", args, kw)?;
    Ok(Value::bool(ops::truthy(vm, v)?))
}

fn op_is(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = args2(vm, "is_", args, kw)?;
    Ok(Value::bool(a == b))
}

fn op_is_not(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = args2(vm, "is_not", args, kw)?;
    Ok(Value::bool(a != b))
}

fn op_contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = args2(vm, "contains", args, kw)?;
    Ok(Value::bool(ops::contains(vm, a, b)?))
}

fn op_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = args2(vm, "getitem", args, kw)?;
    ops::getitem(vm, a, b)
}

fn op_setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "setitem", kw)?;
    arg_count(vm, "setitem", args, 3, 3)?;
    ops::setitem(vm, args[0], args[1], args[2])?;
    Ok(Value::NONE)
}

fn op_delitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = args2(vm, "delitem", args, kw)?;
    ops::delitem(vm, a, b)?;
    Ok(Value::NONE)
}

fn op_index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = args1(vm, "index", args, kw)?;
    match int_view(&v) {
        Some(_) if v.is_bool() => Ok(vm.new_int(i64::from(v == Value::TRUE))),
        Some(_) => Ok(v),
        None => {
            let name = vm.type_name(v);
            Err(vm.type_error(format!(
                "'{name}' object cannot be interpreted as an integer"
            )))
        }
    }
}

/// Builds the `_operator` module.
pub fn make_module(vm: &mut Vm) -> Value {
    let dict = vm.new_dict();
    let functions: &[(&'static str, NativeFn)] = &[
        ("add", op_add),
        ("sub", op_sub),
        ("mul", op_mul),
        ("truediv", op_truediv),
        ("floordiv", op_floordiv),
        ("mod", op_mod),
        ("pow", op_pow),
        ("and_", op_and),
        ("or_", op_or),
        ("xor", op_xor),
        ("lshift", op_lshift),
        ("rshift", op_rshift),
        ("matmul", op_matmul),
        ("iadd", op_iadd),
        ("isub", op_isub),
        ("imul", op_imul),
        ("itruediv", op_itruediv),
        ("ifloordiv", op_ifloordiv),
        ("imod", op_imod),
        ("ipow", op_ipow),
        ("iand", op_iand),
        ("ior", op_ior),
        ("ixor", op_ixor),
        ("ilshift", op_ilshift),
        ("irshift", op_irshift),
        ("imatmul", op_imatmul),
        ("lt", op_lt),
        ("le", op_le),
        ("eq", op_eq),
        ("ne", op_ne),
        ("gt", op_gt),
        ("ge", op_ge),
        ("neg", op_neg),
        ("pos", op_pos),
        ("invert", op_invert),
        ("inv", op_invert),
        ("not_", op_not),
        ("truth", op_truth),
        ("is_", op_is),
        ("is_not", op_is_not),
        ("contains", op_contains),
        ("getitem", op_getitem),
        ("setitem", op_setitem),
        ("delitem", op_delitem),
        ("index", op_index),
    ];
    for (name, function) in functions {
        let native = vm.new_native(name, *function);
        let key = vm.intern(name);
        set_name(vm, dict, key, native);
    }
    new_module(vm, "_operator", dict)
}
