# helper: a module with a module-level __getattr__ (PEP 562)
present = "here"


def __getattr__(name):
    if name.startswith("lazy_"):
        return name.upper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
