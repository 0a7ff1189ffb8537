# tests: an ordinary app-like script: a todo manager with classes, enum-like constants, dates as tuples, filtering and grouping with comprehensions, sorting with multiple keys, string formatting of a report
LOW, MEDIUM, HIGH = 1, 2, 3
PRIORITY_NAMES = {LOW: "low", MEDIUM: "medium", HIGH: "high"}

class Task:
    _ids = 0
    def __init__(self, title, priority=MEDIUM, due=None, tags=()):
        Task._ids += 1
        self.id = Task._ids
        self.title = title
        self.priority = priority
        self.due = due
        self.tags = set(tags)
        self.done = False
    def __repr__(self):
        mark = "x" if self.done else " "
        due = "%04d-%02d-%02d" % self.due if self.due else "----------"
        return f"[{mark}] #{self.id:<2} {PRIORITY_NAMES[self.priority]:<6} {due} {self.title}"

class TodoList:
    def __init__(self):
        self.tasks = []
    def add(self, *args, **kwargs):
        task = Task(*args, **kwargs)
        self.tasks.append(task)
        return task
    def complete(self, task_id):
        for t in self.tasks:
            if t.id == task_id:
                t.done = True
                return t
        raise LookupError(f"no task #{task_id}")
    def pending(self):
        return [t for t in self.tasks if not t.done]
    def agenda(self):
        def key(t):
            return (t.due is None, t.due or (0, 0, 0), -t.priority, t.title)
        return sorted(self.pending(), key=key)
    def by_tag(self):
        tags = sorted({tag for t in self.tasks for tag in t.tags})
        return {tag: [t.id for t in self.tasks if tag in t.tags] for tag in tags}

todo = TodoList()
todo.add("write report", HIGH, (2024, 3, 1), ["work"])
todo.add("buy milk", LOW, tags=["home", "errand"])
todo.add("call plumber", MEDIUM, (2024, 2, 27), ["home"])
todo.add("review PR", HIGH, (2024, 2, 27), ["work"])
todo.add("book flights", MEDIUM, (2024, 4, 15), ["travel", "errand"])
todo.complete(3)
for t in todo.agenda():
    print(t)
print(todo.by_tag())
print(sum(1 for t in todo.tasks if t.done), "done,", len(todo.pending()), "pending")
high = [t.title for t in todo.pending() if t.priority == HIGH]
print("high priority:", ", ".join(high))
try:
    todo.complete(42)
except LookupError as e:
    print("LookupError:", e)
counts = {}
for t in todo.tasks:
    counts[PRIORITY_NAMES[t.priority]] = counts.get(PRIORITY_NAMES[t.priority], 0) + 1
print(counts, max(counts, key=counts.get))
