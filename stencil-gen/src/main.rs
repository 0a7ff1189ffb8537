//! `cpjit-stencil-gen [--check] OUTPUT`: writes (or with `--check`, compares against)
//! the generated stencil table. Run through `cargo xtask gen-stencils`.

use std::process::ExitCode;

use cpjit_stencil_gen::{generate, render, Target};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    let Some(output) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: cpjit-stencil-gen [--check] OUTPUT");
        return ExitCode::from(2);
    };
    let sets = match [Target::X86_64, Target::Aarch64]
        .into_iter()
        .map(generate)
        .collect::<anyhow::Result<Vec<_>>>()
    {
        Ok(sets) => sets,
        Err(e) => {
            eprintln!("stencil generation failed: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    let text = render(&sets);
    if check {
        match std::fs::read_to_string(output) {
            Ok(existing) if existing == text => {
                println!("{output} is up to date");
                ExitCode::SUCCESS
            }
            Ok(_) => {
                eprintln!("{output} is stale: run `cargo xtask gen-stencils`");
                ExitCode::FAILURE
            }
            Err(e) => {
                eprintln!("cannot read {output}: {e}");
                ExitCode::FAILURE
            }
        }
    } else {
        match std::fs::write(output, text) {
            Ok(()) => {
                println!("wrote {output}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("cannot write {output}: {e}");
                ExitCode::FAILURE
            }
        }
    }
}
