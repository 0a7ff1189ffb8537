# tests: an uncaught user exception raised from another exception (traceback shows both; exit code 1)
class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__(f"invalid {field}: {value!r}")
        self.field = field

def validate(record):
    try:
        age = int(record["age"])
    except (KeyError, ValueError) as e:
        raise ValidationError("age", record.get("age")) from e
    return age

print(validate({"age": "41"}))
print("validating bad record")
validate({"age": "forty"})
