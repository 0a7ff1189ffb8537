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
        Ok(code) => {
            if std::env::var_os("CPJIT_POSITIONS").is_some() {
                print_positions(&code);
            } else {
                print!("{}", cpjit_bytecode::disassemble_recursive(&code));
            }
        }
        Err(e) => {
            println!(
                "{:?}: {} (line {}, offset {})",
                e.kind, e.message, e.line, e.offset
            );
            std::process::exit(1);
        }
    }
}

fn print_positions(code: &cpjit_bytecode::CodeObject) {
    println!("{}", code.qualname);
    for (i, l) in code.instructions.iter().zip(code.locations.iter()) {
        if l.has_line() {
            println!(
                "{} {} {} {} {}",
                i.opcode.name(),
                l.line,
                l.end_line,
                l.col,
                l.end_col
            );
        } else {
            println!("{} None None None None", i.opcode.name());
        }
    }
    for c in &code.constants {
        if let cpjit_bytecode::Constant::Code(inner) = c {
            print_positions(inner);
        }
    }
}
