//! `import`: builtin modules, and `.py` modules and packages found on `sys.path`.
//!
//! Owns module lookup and caching in `sys.modules`: native modules built by the runtime
//! (`sys`, `math`, `time`, `_random`), standard-library modules written in Python
//! (`crates/interpreter/src/stdlib/*.py`, embedded in the binary and compiled at first
//! import), and source modules found on `sys.path` (the script's directory first):
//! `NAME/__init__.py` (a package, whose `__path__` is searched for submodules) or
//! `NAME.py`. Resolves relative imports against `__package__`, and handles the
//! `fromlist` (`from pkg import submodule`). A source module is in `sys.modules` while
//! its body runs (so circular imports see the partially initialised module, as in
//! CPython) and is removed again if the body raises: a failed import never leaves a
//! half-built module behind.

use cpjit_runtime::display::str_text;
use cpjit_runtime::object::ObjKind;
use cpjit_runtime::ops;
use cpjit_runtime::vm::kind;
use cpjit_runtime::{PyResult, Value, Vm};

/// The modules CPython 3.13 compiles into the interpreter (`sys.builtin_module_names`),
/// found before `sys.path` is searched; every other module can be shadowed by a file.
const BUILTIN_MODULE_NAMES: &[&str] = &[
    "sys",
    "time",
    "itertools",
    "_itertools",
    "_operator",
    "_functools",
];

/// Standard-library modules written in Python: (module name, source, native module
/// whose names the namespace starts with — CPython's `from _heapq import *`).
const PYTHON_MODULES: &[(&str, &str, Option<&str>)] = &[
    ("random", include_str!("stdlib/random.py"), None),
    ("string", include_str!("stdlib/string.py"), None),
    (
        "operator",
        include_str!("stdlib/operator.py"),
        Some("_operator"),
    ),
    ("bisect", include_str!("stdlib/bisect.py"), Some("_bisect")),
    ("heapq", include_str!("stdlib/heapq.py"), Some("_heapq")),
    (
        "functools",
        include_str!("stdlib/functools.py"),
        Some("_functools"),
    ),
    (
        "itertools",
        include_str!("stdlib/itertools.py"),
        Some("_itertools"),
    ),
    ("collections", include_str!("stdlib/collections.py"), None),
];

/// `IMPORT_NAME`: `import name` / `from name import fromlist` at a relative `level`,
/// from code whose module namespace is `globals`. Returns what the instruction pushes:
/// the top-level package for a plain `import a.b`, else the named module itself.
pub fn import_name(
    vm: &mut Vm,
    name: Value,
    fromlist: Value,
    level: Value,
    globals: Value,
) -> PyResult<Value> {
    let text = str_text(&name).unwrap_or("").to_string();
    let level = ops::to_i64(level).unwrap_or(0);
    let absolute = if level > 0 {
        resolve_relative(vm, &text, level, globals)?
    } else {
        if text.is_empty() {
            return Err(vm.value_error("Empty module name"));
        }
        text.clone()
    };
    // Module bodies run in the loop below, not through a native call, so collection is
    // not inhibited: the names and modules held here are rooted until the end.
    let roots = vm.temp_roots.len();
    let result = import_prefixes_and_fromlist(vm, &absolute, fromlist, level);
    vm.temp_roots.truncate(roots);
    result
}

/// The body of [`import_name`]: imports `a`, `a.b`, `a.b.c`, then the fromlist's
/// submodules; every value it holds across an import is in `vm.temp_roots`.
fn import_prefixes_and_fromlist(
    vm: &mut Vm,
    absolute: &str,
    fromlist: Value,
    level: i64,
) -> PyResult<Value> {
    let mut prefix = String::new();
    let mut first = Value::NONE;
    let mut module = Value::NONE;
    for part in absolute.split('.') {
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(part);
        let key = vm.new_str(&prefix);
        vm.temp_roots.push(key);
        module = import(vm, key)?;
        vm.temp_roots.push(module);
        if first.is_none() {
            first = module;
        }
    }
    let names = if fromlist.is_none() || fromlist.is_null() {
        Vec::new()
    } else {
        cpjit_runtime::iter::collect(vm, fromlist)?
    };
    if names.is_empty() {
        // `import a.b` binds `a`; a relative form always has a fromlist.
        return Ok(if level > 0 { module } else { first });
    }
    // `from package import submodule` imports the submodule when it is not an
    // attribute yet (CPython's `_handle_fromlist`).
    if module_path(module).is_some() {
        for item in names {
            let Some(item_text) = str_text(&item).map(str::to_string) else {
                continue;
            };
            if item_text == "*" || cpjit_runtime::attr::lookup_attr(vm, module, item)?.is_some() {
                continue;
            }
            let child = vm.new_str(&format!("{absolute}.{item_text}"));
            vm.temp_roots.push(child);
            if let Err(error) = import(vm, child) {
                // A missing submodule is reported by IMPORT_FROM as a missing name.
                if !vm.isinstance(error.0, vm.exceptions.module_not_found_error) {
                    return Err(error);
                }
            }
        }
    }
    Ok(module)
}

/// `IMPORT_FROM`: `name` from `module`, falling back to the submodule
/// `sys.modules["module.name"]`, else CPython's ImportError (which names the module's
/// file, and says so when the module is still being initialised: a circular import).
pub fn import_from(vm: &mut Vm, module: Value, name: Value) -> PyResult<Value> {
    if let Some(value) = cpjit_runtime::attr::lookup_attr(vm, module, name)? {
        return Ok(value);
    }
    let attr = str_text(&name).unwrap_or("?").to_string();
    let (module_name, file) = match kind(&module) {
        Some(ObjKind::Module(m)) => {
            let file_key = vm.intern_static("__file__");
            let file =
                ops::dict_get_str(m.dict, file_key).and_then(|f| str_text(&f).map(str::to_string));
            (str_text(&m.name).unwrap_or("?").to_string(), file)
        }
        _ => ("<unknown module name>".to_string(), None),
    };
    let submodule = vm.new_str(&format!("{module_name}.{attr}"));
    if let Some(found) = ops::dict_get_str(vm.modules, submodule) {
        return Ok(found);
    }
    let location = file.unwrap_or_else(|| "unknown location".to_string());
    let message = if vm.initializing_modules.contains(&module_name) {
        format!(
            "cannot import name '{attr}' from partially initialized module '{module_name}' \
             (most likely due to a circular import) ({location})"
        )
    } else {
        format!("cannot import name '{attr}' from '{module_name}' ({location})")
    };
    Err(vm.new_error(vm.exceptions.import_error, message))
}

/// The absolute name of `from .name import …` (`level` dots) in a module whose
/// namespace is `globals`, with CPython's errors.
fn resolve_relative(vm: &mut Vm, name: &str, level: i64, globals: Value) -> PyResult<String> {
    let package_key = vm.intern_static("__package__");
    let package = ops::dict_get_str(globals, package_key)
        .and_then(|p| str_text(&p).map(str::to_string))
        .unwrap_or_default();
    if package.is_empty() {
        return Err(vm.new_error(
            vm.exceptions.import_error,
            "attempted relative import with no known parent package",
        ));
    }
    let parts: Vec<&str> = package.split('.').collect();
    let keep = parts.len() as i64 - (level - 1);
    if keep <= 0 {
        return Err(vm.new_error(
            vm.exceptions.import_error,
            "attempted relative import beyond top-level package",
        ));
    }
    let base = parts[..keep as usize].join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}

/// A package's `__path__` directories (`None` for a plain module).
fn module_path(module: Value) -> Option<Vec<String>> {
    let Some(ObjKind::Module(m)) = kind(&module) else {
        return None;
    };
    let path = match kind(&m.dict) {
        Some(ObjKind::Dict(table)) => table
            .borrow()
            .iter()
            .find(|e| str_text(&e.key) == Some("__path__"))
            .map(|e| e.value)?,
        _ => return None,
    };
    match kind(&path) {
        Some(ObjKind::List(items)) => Some(
            items
                .borrow()
                .iter()
                .filter_map(|v| str_text(v).map(str::to_string))
                .collect(),
        ),
        _ => Some(Vec::new()),
    }
}

/// `sys.path` when `sys` has been imported (a program may have changed it), else the
/// directory of the script, which is what `sys.path` starts with.
fn search_path(vm: &mut Vm) -> Vec<String> {
    let sys_key = vm.intern_static("sys");
    if let Some(ObjKind::Module(m)) = ops::dict_get_str(vm.modules, sys_key)
        .as_ref()
        .and_then(kind)
    {
        let path_key = vm.intern_static("path");
        if let Some(list) = ops::dict_get_str(m.dict, path_key) {
            if let Some(ObjKind::List(items)) = kind(&list) {
                return items
                    .borrow()
                    .iter()
                    .filter_map(|v| str_text(v).map(str::to_string))
                    .collect();
            }
        }
    }
    vec![cpjit_runtime::builtins::script_directory(vm)]
}

/// `import name` for one fully qualified module name (its parent package, if any,
/// already imported): `sys.modules`, then builtin modules, then the source files on
/// the search path (the parent package's `__path__` for a submodule).
pub fn import(vm: &mut Vm, name: Value) -> PyResult<Value> {
    if let Some(module) = ops::dict_get_str(vm.modules, name) {
        return Ok(module);
    }
    let text = str_text(&name).unwrap_or("?").to_string();
    if let Some((parent, child)) = text.rsplit_once('.') {
        let parent_key = vm.new_str(parent);
        vm.temp_roots.push(parent_key);
        let parent_module = import(vm, parent_key);
        vm.temp_roots.pop();
        let parent_module = parent_module?;
        let Some(directories) = module_path(parent_module) else {
            return Err(submodule_error(vm, parent, child));
        };
        vm.temp_roots.push(parent_module);
        let found = source_module(vm, &text, child, &directories);
        vm.temp_roots.pop();
        if let Some(module) = found? {
            // The submodule becomes an attribute of its package.
            if let Some(ObjKind::Module(p)) = kind(&parent_module) {
                let child_key = vm.new_str(child);
                ops::dict_set(vm, p.dict, child_key, module)?;
            }
            return Ok(module);
        }
        return Err(submodule_error(vm, parent, child));
    }
    // CPython finds its built-in modules first, then searches `sys.path` (the script's
    // directory first), where a local `random.py` shadows the standard library's.
    if !BUILTIN_MODULE_NAMES.contains(&text.as_str()) {
        let directories = search_path(vm);
        if let Some(module) = source_module(vm, &text, &text, &directories)? {
            return Ok(module);
        }
    }
    let module = match text.as_str() {
        "sys" => cpjit_runtime::builtins::make_sys_module(vm),
        "math" => cpjit_runtime::math::make_module(vm),
        "time" => cpjit_runtime::time::make_module(vm),
        "_random" => cpjit_runtime::random::make_module(vm),
        "_operator" => cpjit_runtime::operator::make_module(vm),
        "_heapq" => cpjit_runtime::heapq::make_heapq_module(vm),
        "_bisect" => cpjit_runtime::heapq::make_bisect_module(vm),
        "_functools" => cpjit_runtime::functools::make_module(vm),
        "_itertools" => cpjit_runtime::itertools::make_module(vm),
        _ => match PYTHON_MODULES.iter().find(|(module, _, _)| *module == text) {
            Some((_, source, natives)) => python_module(vm, &text, source, *natives)?,
            None => {
                return Err(vm.new_error(
                    vm.exceptions.module_not_found_error,
                    format!("No module named '{text}'"),
                ))
            }
        },
    };
    ops::dict_set(vm, vm.modules, name, module)?;
    Ok(module)
}

/// `from module import *` (`CALL_INTRINSIC_1 INTRINSIC_IMPORT_STAR`): the names in
/// `__all__`, or else every module global not starting with `_`, bound in `namespace`.
pub fn import_star(vm: &mut Vm, module: Value, namespace: Value) -> PyResult<()> {
    let Some(ObjKind::Module(m)) = kind(&module) else {
        return Ok(());
    };
    let (module_name, module_dict) = (m.name, m.dict);
    let all_key = vm.intern_static("__all__");
    let names = match ops::dict_get_str(module_dict, all_key) {
        Some(all) => {
            let names = cpjit_runtime::iter::collect(vm, all)?;
            for name in &names {
                if str_text(name).is_none() {
                    let module_text = str_text(&module_name).unwrap_or("?").to_string();
                    let type_name = vm.type_name(*name);
                    return Err(vm.type_error(format!(
                        "Item in {module_text}.__all__ must be str, not {type_name}"
                    )));
                }
            }
            names
        }
        None => match kind(&module_dict) {
            Some(ObjKind::Dict(table)) => table
                .borrow()
                .keys()
                .into_iter()
                .filter(|k| str_text(k).is_some_and(|t| !t.starts_with('_')))
                .collect(),
            _ => Vec::new(),
        },
    };
    for name in names {
        match cpjit_runtime::attr::lookup_attr(vm, module, name)? {
            Some(value) => ops::dict_set(vm, namespace, name, value)?,
            None => {
                let module_text = str_text(&module_name).unwrap_or("?").to_string();
                let name_text = str_text(&name).unwrap_or("?").to_string();
                return Err(vm.attribute_error(format!(
                    "module '{module_text}' has no attribute '{name_text}'"
                )));
            }
        }
    }
    Ok(())
}

/// CPython's error for `import parent.child` when `child` is not found: builtin modules
/// are not packages, except `collections` (whose submodules cpjit does not provide).
fn submodule_error(vm: &mut Vm, parent: &str, child: &str) -> cpjit_runtime::PyErr {
    let is_package = parent == "collections" || parent.contains('.') || {
        let key = vm.new_str(parent);
        ops::dict_get_str(vm.modules, key).is_some_and(|m| module_path(m).is_some())
    };
    let message = if is_package {
        format!("No module named '{parent}.{child}'")
    } else {
        format!("No module named '{parent}.{child}'; '{parent}' is not a package")
    };
    vm.new_error(vm.exceptions.module_not_found_error, message)
}

/// Finds `short` (`NAME/__init__.py`, then `NAME.py`) in `directories`, and runs it as
/// module `full_name`; `Ok(None)` when there is no such file.
fn source_module(
    vm: &mut Vm,
    full_name: &str,
    short: &str,
    directories: &[String],
) -> PyResult<Option<Value>> {
    for directory in directories {
        let base = std::path::Path::new(if directory.is_empty() { "." } else { directory });
        let package_init = base.join(short).join("__init__.py");
        if package_init.is_file() {
            let package_dir = base.join(short).display().to_string();
            return run_source_module(vm, full_name, &package_init, Some(package_dir)).map(Some);
        }
        let file = base.join(format!("{short}.py"));
        if file.is_file() {
            return run_source_module(vm, full_name, &file, None).map(Some);
        }
    }
    Ok(None)
}

/// Compiles and runs a source module. The module is in `sys.modules` while its body
/// runs and is taken out again if the body (or compilation) fails.
fn run_source_module(
    vm: &mut Vm,
    full_name: &str,
    file: &std::path::Path,
    package_dir: Option<String>,
) -> PyResult<Value> {
    let filename = file.display().to_string();
    let source = match std::fs::read(file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(error) => {
            return Err(vm.new_error(
                vm.exceptions.import_error,
                format!("cannot read '{filename}': {error}"),
            ))
        }
    };
    let code = match cpjit_compiler::compile_module_to_run(&source, &filename) {
        Ok(code) => code,
        Err(error) => return Err(compile_error_exception(vm, &error)),
    };
    let globals = vm.new_dict();
    let package = match &package_dir {
        Some(_) => full_name.to_string(),
        None => full_name
            .rsplit_once('.')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default(),
    };
    let entries: Vec<(&str, Value)> = vec![
        ("__file__", vm.new_str(&filename)),
        ("__package__", vm.new_str(&package)),
        ("__doc__", Value::NONE),
    ];
    for (key, value) in entries {
        let key = vm.intern(key);
        ops::dict_set(vm, globals, key, value)?;
    }
    if let Some(directory) = package_dir {
        let directory = vm.new_str(&directory);
        let path = vm.new_list(vec![directory]);
        let key = vm.intern_static("__path__");
        ops::dict_set(vm, globals, key, path)?;
    }
    let module = cpjit_runtime::builtins::new_module(vm, full_name, globals);
    let name_key = vm.new_str(full_name);
    ops::dict_set(vm, vm.modules, name_key, module)?;
    vm.temp_roots.extend([module, name_key]);
    vm.initializing_modules.push(full_name.to_string());
    let result = crate::run_module_code(vm, code, globals);
    vm.initializing_modules.pop();
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    if let Err(error) = result {
        ops::dict_remove(vm, vm.modules, name_key)?;
        return Err(error);
    }
    // A module may replace itself in `sys.modules` while it runs; one that removed
    // itself is CPython's KeyError (importlib pops the name).
    match ops::dict_get_str(vm.modules, name_key) {
        Some(found) => Ok(found),
        None => Err(vm.key_error(name_key)),
    }
}

/// The SyntaxError (or IndentationError, …) a failed compilation raises at the import.
fn compile_error_exception(
    vm: &mut Vm,
    error: &cpjit_compiler::CompileError,
) -> cpjit_runtime::PyErr {
    let class = match error.kind {
        cpjit_compiler::CompileErrorKind::SyntaxError => vm.exceptions.syntax_error,
        cpjit_compiler::CompileErrorKind::IndentationError => vm.exceptions.indentation_error,
        cpjit_compiler::CompileErrorKind::TabError => vm.exceptions.indentation_error,
        cpjit_compiler::CompileErrorKind::NotSupported => vm.exceptions.not_implemented_error,
    };
    if error.kind == cpjit_compiler::CompileErrorKind::NotSupported {
        return vm.new_error(class, format!("{} (line {})", error.message, error.line));
    }
    let exception = vm.new_error(class, error.message.clone());
    // CPython's SyntaxError attributes; the traceback shows the line and carets.
    let attributes = [
        ("msg", vm.new_str(&error.message)),
        ("filename", vm.new_str(&error.filename)),
        ("lineno", vm.new_int(i64::from(error.line))),
        ("offset", vm.new_int(i64::from(error.offset))),
        ("end_lineno", vm.new_int(i64::from(error.end_line))),
        ("end_offset", vm.new_int(i64::from(error.end_offset))),
        (
            "text",
            match &error.source_line {
                // As CPython's tokenizer has it: with the line's newline.
                Some(text) => vm.new_str(&format!("{text}\n")),
                None => Value::NONE,
            },
        ),
    ];
    for (name, value) in attributes {
        let key = vm.intern(name);
        // Setting an attribute on a fresh exception cannot fail.
        let _ = cpjit_runtime::attr::set_attr(vm, exception.0, key, value);
    }
    exception
}

/// Compiles and runs an embedded Python module in a fresh namespace.
fn python_module(vm: &mut Vm, name: &str, source: &str, natives: Option<&str>) -> PyResult<Value> {
    let filename = format!("<frozen {name}>");
    let code = match cpjit_compiler::compile_module_to_run(source, &filename) {
        Ok(code) => code,
        Err(error) => {
            // The embedded sources are compiled by the tests; reaching this is a cpjit bug,
            // reported as Python's SystemError rather than a panic.
            return Err(vm.new_error(
                vm.exceptions.runtime_error,
                format!("cannot compile builtin module '{name}': {error:?}"),
            ));
        }
    };
    let globals = vm.new_dict();
    if let Some(natives) = natives {
        let key = vm.intern(natives);
        let natives = import(vm, key)?;
        if let Some(ObjKind::Module(m)) = kind(&natives) {
            let entries: Vec<(Value, Value)> = match kind(&m.dict) {
                Some(ObjKind::Dict(table)) => {
                    table.borrow().iter().map(|e| (e.key, e.value)).collect()
                }
                _ => Vec::new(),
            };
            for (key, value) in entries {
                ops::dict_set(vm, globals, key, value)?;
            }
        }
    }
    let name_key = vm.names.dunder_name;
    let name_value = vm.intern(name);
    ops::dict_set(vm, globals, name_key, name_value)?;
    vm.temp_roots.push(globals);
    let result = crate::run_module_code(vm, code, globals);
    vm.temp_roots.pop();
    result?;
    Ok(cpjit_runtime::builtins::new_module(vm, name, globals))
}

#[cfg(test)]
mod tests {
    use super::PYTHON_MODULES;

    #[test]
    fn embedded_modules_compile() {
        for (name, source, _) in PYTHON_MODULES {
            let filename = format!("<frozen {name}>");
            if let Err(error) = cpjit_compiler::compile_module_to_run(source, &filename) {
                panic!("{name}: {error:?}");
            }
        }
    }
}
