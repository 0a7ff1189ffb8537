# tests: an exception raised inside a metaclass __new__ propagates out of the class statement
class Strict(type):
    def __new__(mcs, name, bases, namespace):
        if "required" not in namespace:
            raise TypeError(f"class {name} must define 'required'")
        return super().__new__(mcs, name, bases, namespace)


class Fine(metaclass=Strict):
    required = True


print("Fine created:", Fine.required)


class Broken(metaclass=Strict):
    pass
