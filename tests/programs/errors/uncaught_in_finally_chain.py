# tests: an exception raised in a finally block while another is propagating: the later one is reported (exit code 1)
def cleanup(resource):
    raise OSError(f"could not release {resource}")

def process(items):
    try:
        for item in items:
            if item < 0:
                raise ValueError(f"negative item {item}")
            print("processed", item)
    finally:
        cleanup("lock")

process([1, 2, -3, 4])
