//! The `cpjit` binary: parses the command line and exits with the program's status.

/// The runtime allocates many small, short-lived objects; mimalloc serves them much
/// faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    cpjit_runtime::gc::prefer_small_pages();
    let args: Vec<String> = std::env::args().collect();
    // A panic is a cpjit bug; report it plainly instead of a Rust backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("cpjit: internal error: {info}");
        eprintln!("This is a bug in cpjit; please report it with the program that caused it.");
    }));
    let code = std::panic::catch_unwind(|| cpjit::main_with_args(args)).unwrap_or(70);
    std::process::exit(code);
}
