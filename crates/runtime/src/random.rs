//! The `_random` module: CPython's Mersenne Twister core (`Modules/_randommodule.c`),
//! bit for bit, so a seeded program draws the same numbers as under CPython.
//!
//! Owns MT19937 (`init_genrand`, `init_by_array`, `genrand_uint32`), seeding from an int
//! or a hash, `random()` (53-bit floats) and `getrandbits(k)`. The generator state is a
//! plain Python `list` of 625 small ints (624 state words, then the index), owned by a
//! `random.Random` instance, so the GC and `getstate` need nothing special. Must never
//! implement the distribution methods (`randrange`, `choice`, `shuffle`, …): those are
//! Python code in `random.py`, exactly as in CPython, and must stay there.

use num_bigint::{BigInt, Sign};
use num_traits::Signed;

use crate::builtins::{new_module, set_name};
use crate::call::{arg_count, no_kwargs};
use crate::numeric::int_view;
use crate::object::{NativeFn, ObjKind};
use crate::value::Value;
use crate::vm::{kind, PyResult, Vm};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// An MT19937 generator: CPython's `RandomObject` state.
struct Mt19937 {
    state: [u32; N],
    index: usize,
}

impl Mt19937 {
    fn init_genrand(seed: u32) -> Mt19937 {
        let mut state = [0u32; N];
        state[0] = seed;
        for i in 1..N {
            let previous = state[i - 1];
            state[i] = 1_812_433_253u32
                .wrapping_mul(previous ^ (previous >> 30))
                .wrapping_add(i as u32);
        }
        Mt19937 { state, index: N }
    }

    fn init_by_array(key: &[u32]) -> Mt19937 {
        let mut mt = Mt19937::init_genrand(19_650_218);
        let state = &mut mt.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let previous = state[i - 1];
            state[i] = (state[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                state[0] = state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let previous = state[i - 1];
            state[i] = (state[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                state[0] = state[N - 1];
                i = 1;
            }
        }
        state[0] = 0x8000_0000;
        mt
    }

    fn twist(&mut self) {
        let state = &mut self.state;
        let mag01 = [0u32, MATRIX_A];
        for kk in 0..N {
            let y = (state[kk] & UPPER_MASK) | (state[(kk + 1) % N] & LOWER_MASK);
            state[kk] = state[(kk + M) % N] ^ (y >> 1) ^ mag01[(y & 1) as usize];
        }
        self.index = 0;
    }

    #[cfg(test)]
    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    #[cfg(test)]
    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Seeds from the 32-bit words of a non-negative int, least significant first.
    fn from_magnitude(n: &BigInt) -> Mt19937 {
        let (_, mut words) = n.to_u32_digits();
        if words.is_empty() {
            words.push(0);
        }
        Mt19937::init_by_array(&words)
    }
}

/// The state list passed as the first argument.
fn state_list<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a crate::layout::ListObj> {
    match kind(v) {
        Some(ObjKind::List(items)) if items.borrow().len() == N + 1 => Ok(items),
        _ => Err(vm.type_error("invalid random state")),
    }
}

fn store(vm: &mut Vm, v: &Value, mt: &Mt19937) -> PyResult<()> {
    let mut items = state_list(vm, v)?.borrow_mut();
    for (item, word) in items.iter_mut().zip(mt.state.iter()) {
        *item = Value::small_int(i64::from(*word)).unwrap_or(Value::NONE);
    }
    items[N] = Value::small_int(mt.index as i64).unwrap_or(Value::NONE);
    Ok(())
}

/// A generator whose state lives in a state list: draws read one word and bump the
/// index; only a twist (every 624 words) converts the whole state.
struct ListGenerator<'a> {
    items: crate::layout::ListRefMut<'a>,
}

impl ListGenerator<'_> {
    fn next_u32(&mut self) -> u32 {
        let mut index = self.items[N]
            .as_small_int()
            .unwrap_or(N as i64)
            .clamp(0, N as i64) as usize;
        if index >= N {
            let mut mt = Mt19937 {
                state: [0u32; N],
                index,
            };
            for (word, item) in mt.state.iter_mut().zip(self.items.iter()) {
                *word = item.as_small_int().unwrap_or(0) as u32;
            }
            mt.twist();
            for (item, word) in self.items.iter_mut().zip(mt.state.iter()) {
                *item = Value::small_int(i64::from(*word)).unwrap_or(Value::NONE);
            }
            index = 0;
        }
        let mut y = self.items[index].as_small_int().unwrap_or(0) as u32;
        self.items[N] = Value::small_int(index as i64 + 1).unwrap_or(Value::NONE);
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

fn with_generator<T>(
    vm: &mut Vm,
    v: &Value,
    f: impl FnOnce(&mut ListGenerator<'_>) -> T,
) -> PyResult<T> {
    let items = state_list(vm, v)?.borrow_mut();
    let mut generator = ListGenerator { items };
    Ok(f(&mut generator))
}

fn entropy_seed() -> BigInt {
    use std::hash::{BuildHasher, Hasher};
    let mut words = Vec::new();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    for salt in 0..4u64 {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u128(now);
        hasher.write_u64(salt);
        hasher.write_u32(std::process::id());
        let h = hasher.finish();
        words.push(h as u32);
        words.push((h >> 32) as u32);
    }
    BigInt::from_slice(Sign::Plus, &words)
}

/// SHA-512 (FIPS 180-4), for seeding from a `str` as CPython's `random.seed` does with
/// `hashlib.sha512`. The round constants are the fractional parts of the cube roots
/// (and the initial hash the square roots) of the first primes, computed exactly with
/// integer roots rather than typed in.
fn sha512(data: &[u8]) -> [u8; 64] {
    use num_bigint::BigUint;
    use std::sync::OnceLock;
    static TABLES: OnceLock<([u64; 80], [u64; 8])> = OnceLock::new();
    let (k, h0) = TABLES.get_or_init(|| {
        let mut primes = Vec::with_capacity(80);
        let mut candidate = 2u64;
        while primes.len() < 80 {
            if primes.iter().all(|p| !candidate.is_multiple_of(*p)) {
                primes.push(candidate);
            }
            candidate += 1;
        }
        let low64 = |n: BigUint| -> u64 { n.iter_u64_digits().next().unwrap_or(0) };
        let mut k = [0u64; 80];
        for (slot, p) in k.iter_mut().zip(&primes) {
            *slot = low64((BigUint::from(*p) << 192usize).cbrt());
        }
        let mut h = [0u64; 8];
        for (slot, p) in h.iter_mut().zip(&primes) {
            *slot = low64((BigUint::from(*p) << 128usize).sqrt());
        }
        (k, h)
    });
    let mut message = data.to_vec();
    let bit_len = (data.len() as u128) * 8;
    message.push(0x80);
    while message.len() % 128 != 112 {
        message.push(0);
    }
    message.extend_from_slice(&bit_len.to_be_bytes());
    let mut h = *h0;
    for block in message.chunks_exact(128) {
        let mut w = [0u64; 80];
        for (t, word) in block.chunks_exact(8).enumerate() {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(word);
            w[t] = u64::from_be_bytes(bytes);
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16]
                .wrapping_add(s0)
                .wrapping_add(w[t - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for t in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let temp1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(k[t])
                .wrapping_add(w[t]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let temp2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(temp1);
            d = c;
            c = b;
            b = a;
            a = temp1.wrapping_add(temp2);
        }
        for (slot, value) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *slot = slot.wrapping_add(value);
        }
    }
    let mut digest = [0u8; 64];
    for (chunk, word) in digest.chunks_exact_mut(8).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    digest
}

/// `_random.new_state()`: a fresh, unseeded state list.
fn random_new_state(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "new_state", kw)?;
    arg_count(vm, "new_state", args, 0, 0)?;
    let mut items = vec![Value::small_int(0).unwrap_or(Value::NONE); N];
    items.push(Value::small_int(N as i64).unwrap_or(Value::NONE));
    Ok(vm.new_list(items))
}

/// `_random.seed(state, a)`: CPython's `Random.seed` (version 2) — an exact int seeds
/// with its absolute value, a str with its UTF-8 bytes followed by their SHA-512,
/// `None` from entropy, anything else with its hash as an unsigned 64-bit number.
fn random_seed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "seed", kw)?;
    arg_count(vm, "seed", args, 2, 2)?;
    let a = args[1];
    let is_exact_int = !a.is_bool() && int_view(&a).is_some();
    let magnitude = if a.is_none() {
        entropy_seed()
    } else if let Some(text) = crate::display::str_text(&a) {
        // CPython: int.from_bytes(a.encode() + sha512(a.encode()).digest()).
        let mut bytes = text.as_bytes().to_vec();
        bytes.extend_from_slice(&sha512(text.as_bytes()));
        BigInt::from_bytes_be(Sign::Plus, &bytes)
    } else if is_exact_int {
        int_view(&a)
            .map(|view| view.to_bigint().abs())
            .unwrap_or_default()
    } else {
        let hash = crate::ops::hash(vm, a)?;
        BigInt::from(hash as u64)
    };
    let mt = Mt19937::from_magnitude(&magnitude);
    store(vm, &args[0], &mt)?;
    Ok(Value::NONE)
}

/// `_random.random(state)`: a float in [0.0, 1.0) with 53 random bits.
fn random_random(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "Random.random", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "Random.random() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let x = with_generator(vm, &args[0], |g| g.random())?;
    Ok(Value::float(x))
}

/// `_random.getrandbits(state, k)`: an int with `k` random bits, 32-bit words drawn
/// least significant first, the last word keeping its high bits.
fn random_getrandbits(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "Random.getrandbits", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "Random.getrandbits() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let k = match int_view(&args[1]) {
        Some(view) => view.to_bigint(),
        None => {
            let name = vm.type_name(args[1]);
            return Err(vm.type_error(format!(
                "'{name}' object cannot be interpreted as an integer"
            )));
        }
    };
    if k.is_negative() {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let Ok(k) = u64::try_from(&k) else {
        return Err(vm.new_error(
            vm.exceptions.overflow_error,
            "Python int too large to convert to C int",
        ));
    };
    if k > i32::MAX as u64 {
        return Err(vm.new_error(
            vm.exceptions.overflow_error,
            "Python int too large to convert to C int",
        ));
    }
    if k == 0 {
        return Ok(vm.new_int(0));
    }
    if k <= 32 {
        let word = with_generator(vm, &args[0], |mt| mt.next_u32() >> (32 - k))?;
        return Ok(vm.new_int(i64::from(word)));
    }
    let words = with_generator(vm, &args[0], |mt| {
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut remaining = k;
        while remaining > 0 {
            let mut word = mt.next_u32();
            if remaining < 32 {
                word >>= 32 - remaining;
            }
            words.push(word);
            remaining = remaining.saturating_sub(32);
        }
        words
    })?;
    Ok(vm.new_bigint(BigInt::from_slice(Sign::Plus, &words)))
}

/// `_random.bind(state, name)`: `random` or `getrandbits` as a builtin method bound to a
/// state list — what `Random()` instances expose, so a draw costs no Python frame and
/// argument errors read as CPython's C methods.
fn random_bind(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "bind", kw)?;
    arg_count(vm, "bind", args, 2, 2)?;
    state_list(vm, &args[0])?;
    let (name, func): (&'static str, NativeFn) = match crate::display::str_text(&args[1]) {
        Some("random") => ("random", random_random),
        Some("getrandbits") => ("getrandbits", random_getrandbits),
        _ => return Err(vm.value_error("bind() expects 'random' or 'getrandbits'")),
    };
    Ok(vm.alloc(ObjKind::Native(crate::object::NativeObj {
        name,
        func,
        receiver: args[0],
        owner: Value::NULL,
    })))
}

/// Builds the `_random` module.
pub fn make_module(vm: &mut Vm) -> Value {
    let dict = vm.new_dict();
    let functions: &[(&'static str, NativeFn)] = &[
        ("new_state", random_new_state),
        ("seed", random_seed),
        ("random", random_random),
        ("getrandbits", random_getrandbits),
        ("bind", random_bind),
    ];
    for (name, function) in functions {
        let native = vm.new_native(name, *function);
        let key = vm.intern(name);
        set_name(vm, dict, key, native);
    }
    new_module(vm, "_random", dict)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha512_matches_hashlib() {
        // python3.13 -c "import hashlib; print(hashlib.sha512(b'abc').hexdigest()[:32])"
        let hex: String = sha512(b"abc")[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(hex, "ddaf35a193617abacc417349ae204131");
        let long = vec![b'x'; 300];
        assert_eq!(sha512(&long).len(), 64);
    }

    #[test]
    fn matches_cpython_seed_42() {
        // python3.13 -c "import random; random.seed(42); print(random.getrandbits(32))"
        let mut mt = Mt19937::from_magnitude(&BigInt::from(42));
        assert_eq!(mt.next_u32(), 2_746_317_213);
        let mut mt = Mt19937::from_magnitude(&BigInt::from(42));
        assert_eq!(mt.random(), 0.6394267984578837);
    }
}
