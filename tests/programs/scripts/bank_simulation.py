# tests: an ordinary simulation with a seeded random stream: a bank queue with tellers, event loop on a heap, statistics
import random
import heapq

class Customer:
    def __init__(self, ident, arrival, service):
        self.ident = ident
        self.arrival = arrival
        self.service = service
        self.start = None

class Bank:
    def __init__(self, tellers, rng):
        self.free = tellers
        self.queue = []
        self.events = []
        self.rng = rng
        self.done = []
        self.clock = 0.0
        self.seq = 0

    def schedule(self, time, kind, customer):
        heapq.heappush(self.events, (time, self.seq, kind, customer))
        self.seq += 1

    def run(self, n_customers):
        t = 0.0
        for i in range(n_customers):
            t += self.rng.expovariate(1 / 2.0)
            self.schedule(t, "arrive", Customer(i, t, self.rng.uniform(1.0, 5.0)))
        while self.events:
            self.clock, _, kind, c = heapq.heappop(self.events)
            if kind == "arrive":
                if self.free:
                    self.free -= 1
                    self.begin(c)
                else:
                    self.queue.append(c)
            else:
                self.done.append(c)
                if self.queue:
                    self.begin(self.queue.pop(0))
                else:
                    self.free += 1

    def begin(self, c):
        c.start = self.clock
        self.schedule(self.clock + c.service, "leave", c)

for tellers in (1, 2, 3):
    bank = Bank(tellers, random.Random(42))
    bank.run(200)
    waits = [c.start - c.arrival for c in bank.done]
    print(tellers, len(bank.done), round(sum(waits) / len(waits), 4), round(max(waits), 4),
          sum(1 for w in waits if w == 0), round(bank.clock, 3))
