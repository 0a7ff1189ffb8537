//! The conformance corpus: every `tests/programs/**.py` runs through cpjit and must
//! print exactly what CPython 3.13 printed (stdout byte for byte; for failing programs
//! the exit code and the last stderr line) — under every interpreter configuration
//! ([`Mode`]).

use std::path::Path;

use cpjit_conformance::Mode;
use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs");
    let mut trials = Vec::new();
    for mode in Mode::ALL {
        for program in cpjit_conformance::programs(&root) {
            let name = program
                .strip_prefix(&root)
                .unwrap_or(&program)
                .with_extension("")
                .display()
                .to_string();
            trials.push(Trial::test(format!("{}::{name}", mode.name()), move || {
                let expected = cpjit_conformance::read_expected(&program)
                    .map_err(|e| Failed::from(format!("missing expected output: {e}")))?;
                let outcome = cpjit_conformance::run_program_with_timeout(&program, &[], mode)
                    .map_err(Failed::from)?;
                cpjit_conformance::check(&outcome, &expected).map_err(Failed::from)
            }));
        }
    }
    assert!(
        !trials.is_empty(),
        "no conformance programs found under {}",
        root.display()
    );
    libtest_mimic::run(&args, trials).exit();
}
