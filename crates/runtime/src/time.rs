//! The `time` module: wall clock, monotonic and performance counters, `sleep`.
//!
//! Owns reading the system clocks with CPython's result types (floats in seconds, ints
//! in nanoseconds for the `_ns` variants) and `sleep`'s argument errors. Must never
//! format dates (`strftime`, `localtime` are not provided yet) nor keep clock state
//! anywhere but a process-wide start instant for the monotonic clocks.

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::builtins::{new_module, set_name};
use crate::call::no_kwargs;
use crate::numeric::int_view;
use crate::object::NativeFn;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The origin of the monotonic clocks (CPython's are also relative to an unspecified
/// point; only differences are meaningful).
fn origin() -> Instant {
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    *ORIGIN.get_or_init(Instant::now)
}

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    no_kwargs(vm, &format!("time.{name}"), kw)?;
    if args.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!(
            "time.{name}() takes no arguments ({} given)",
            args.len()
        )))
    }
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
}

fn monotonic_elapsed() -> Duration {
    // Start after zero so the first reading is positive like CPython's.
    origin().elapsed() + Duration::from_secs(1)
}

fn time_time(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "time", args, kw)?;
    Ok(Value::float(since_epoch().as_secs_f64()))
}

fn time_time_ns(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "time_ns", args, kw)?;
    Ok(vm.new_int_i128(since_epoch().as_nanos() as i128))
}

fn time_perf_counter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "perf_counter", args, kw)?;
    Ok(Value::float(monotonic_elapsed().as_secs_f64()))
}

fn time_perf_counter_ns(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "perf_counter_ns", args, kw)?;
    Ok(vm.new_int_i128(monotonic_elapsed().as_nanos() as i128))
}

fn time_monotonic(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "monotonic", args, kw)?;
    Ok(Value::float(monotonic_elapsed().as_secs_f64()))
}

fn time_monotonic_ns(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "monotonic_ns", args, kw)?;
    Ok(vm.new_int_i128(monotonic_elapsed().as_nanos() as i128))
}

fn time_process_time(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args(vm, "process_time", args, kw)?;
    // No portable CPU clock without `unsafe`/libc here; elapsed time is an upper bound.
    Ok(Value::float(monotonic_elapsed().as_secs_f64()))
}

fn time_sleep(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "time.sleep", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "time.sleep() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    // CPython converts to int64 nanoseconds (PyTime_t); ints and floats overflow with
    // different messages.
    let seconds = if let Some(f) = args[0].as_float() {
        if f.is_finite() && f * 1e9 >= i64::MAX as f64 {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        f
    } else if let Some(view) = int_view(&args[0]) {
        use num_traits::ToPrimitive;
        let n = view.to_bigint();
        if n >= num_bigint::BigInt::from(9_223_372_037i64) {
            return Err(vm.overflow_error("timestamp too large to convert to C PyTime_t"));
        }
        n.to_f64().unwrap_or(0.0)
    } else {
        let name = vm.type_name(args[0]);
        return Err(vm.type_error(format!(
            "'{name}' object cannot be interpreted as an integer"
        )));
    };
    if seconds.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if seconds < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if seconds.is_infinite() {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    let _ = std::io::Write::flush(&mut vm.stdout);
    std::thread::sleep(Duration::from_secs_f64(seconds));
    Ok(Value::NONE)
}

/// Builds the `time` module.
pub fn make_module(vm: &mut Vm) -> Value {
    origin();
    let dict = vm.new_dict();
    let functions: &[(&'static str, NativeFn)] = &[
        ("time", time_time),
        ("time_ns", time_time_ns),
        ("perf_counter", time_perf_counter),
        ("perf_counter_ns", time_perf_counter_ns),
        ("monotonic", time_monotonic),
        ("monotonic_ns", time_monotonic_ns),
        ("process_time", time_process_time),
        ("sleep", time_sleep),
    ];
    for (name, function) in functions {
        let native = vm.new_native(name, *function);
        let key = vm.intern(name);
        set_name(vm, dict, key, native);
    }
    new_module(vm, "time", dict)
}
