# tests: an ordinary simulation: a discrete-event scheduler with callbacks, closures capturing state, classes with __lt__ for heap ordering, and a deterministic event log
import heapq

class Event:
    def __init__(self, time, seq, name, action):
        self.time = time
        self.seq = seq
        self.name = name
        self.action = action
    def __lt__(self, other):
        return (self.time, self.seq) < (other.time, other.seq)
    def __repr__(self):
        return f"Event({self.time}, {self.name})"

class Scheduler:
    def __init__(self):
        self.queue = []
        self.now = 0
        self.seq = 0
        self.log = []
    def at(self, delay, name, action):
        heapq.heappush(self.queue, Event(self.now + delay, self.seq, name, action))
        self.seq += 1
    def run(self, until):
        while self.queue and self.queue[0].time <= until:
            ev = heapq.heappop(self.queue)
            self.now = ev.time
            self.log.append(f"t={ev.time:>3} {ev.name}")
            ev.action(self)
        return len(self.queue)

def make_ticker(name, period, limit):
    count = 0
    def tick(s):
        nonlocal count
        count += 1
        if count < limit:
            s.at(period, f"{name}#{count + 1}", tick)
    return tick

def make_producer(buffer):
    def produce(s):
        buffer.append(s.now)
        if len(buffer) < 5:
            s.at(3, "produce", produce)
        s.at(1, "consume", consume)
    def consume(s):
        if buffer:
            item = buffer.pop(0)
            s.log.append(f"      consumed item from t={item}")
    return produce

s = Scheduler()
s.at(0, "fast#1", make_ticker("fast", 2, 4))
s.at(1, "slow#1", make_ticker("slow", 5, 3))
buf = []
s.at(2, "produce", make_producer(buf))
left = s.run(until=12)
print("\n".join(s.log))
print("pending:", left, sorted(s.queue)[:3], "buffer:", buf)
s.run(until=100)
print(len(s.log), s.now, s.queue)
