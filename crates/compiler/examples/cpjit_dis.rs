//! Prints the `dis` listing of a Python file (developer aid for comparing with CPython).
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: cpjit_dis FILE");
        std::process::exit(2);
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    match cpjit_compiler::compile_module(&source, &path) {
        Ok(code) => print!("{}", cpjit_bytecode::disassemble_recursive(&code)),
        Err(e) => {
            println!("{:?}: {} (line {}, offset {})", e.kind, e.message, e.line, e.offset);
            std::process::exit(1);
        }
    }
}
