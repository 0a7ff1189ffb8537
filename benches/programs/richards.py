# Martin Richards' operating-system simulation benchmark, written with classes:
# a scheduler walks a priority-ordered list of tasks (idle, worker, two packet
# handlers, two devices) that pass packets to each other. Stresses method calls,
# subclass overriding, super().__init__, attribute loads/stores and `is None`.
import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
KIND_DEVICE = 1000
KIND_WORK = 1001
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        """Put this packet at the end of `queue`; return the new queue head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue, waiting):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = queue is not None
        self.waiting = waiting
        self.holding = False
        # Tasks form a singly linked list, highest priority first.
        self.link = sched.task_list
        sched.task_list = self
        sched.tasks[ident] = self

    def is_held_or_suspended(self):
        return self.holding or (self.waiting and not self.packet_pending)

    def run(self):
        if self.waiting and self.packet_pending:
            packet = self.queue
            self.queue = packet.link
            self.packet_pending = self.queue is not None
            self.waiting = False
        else:
            packet = None
        return self.step(packet)

    def step(self, packet):
        raise NotImplementedError

    def add_packet(self, packet, current):
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            packet.append_to(self.queue)
        return current

    # Operations a task performs on the scheduler; each returns the next task to run.
    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.sched.hold_count += 1
        self.holding = True
        return self.link

    def release(self, ident):
        task = self.sched.tasks[ident]
        task.holding = False
        if task.priority > self.priority:
            return task
        return self

    def send(self, packet):
        target = self.sched.tasks[packet.ident]
        self.sched.packet_count += 1
        packet.link = None
        packet.ident = self.ident
        return target.add_packet(packet, self)


class IdleTask(Task):
    def __init__(self, sched, count):
        super().__init__(sched, IDLE, 0, None, False)
        self.control = 1
        self.count = count
        self.packet_pending = True

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control //= 2
            return self.release(DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, queue):
        super().__init__(sched, WORKER, 1000, queue, True)
        self.destination = HANDLER_A
        self.count = 0

    def step(self, packet):
        if packet is None:
            return self.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = 64 + self.count
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, True)
        self.work_queue = None
        self.device_queue = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_queue = packet.append_to(self.work_queue)
            else:
                self.device_queue = packet.append_to(self.device_queue)
        work = self.work_queue
        if work is not None:
            count = work.datum
            if count >= BUFSIZE:
                self.work_queue = work.link
                return self.send(work)
            device = self.device_queue
            if device is not None:
                self.device_queue = device.link
                device.datum = work.data[count]
                work.datum = count + 1
                return self.send(device)
        return self.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        super().__init__(sched, ident, priority, None, True)
        self.pending = None
        self.checksum = 0

    def step(self, packet):
        if packet is None:
            packet = self.pending
            if packet is None:
                return self.wait()
            self.pending = None
            return self.send(packet)
        self.pending = packet
        self.checksum = (self.checksum * 31 + packet.datum) % 1000003
        return self.hold()


class Scheduler:
    def __init__(self):
        self.task_list = None
        self.tasks = [None] * 7
        self.packet_count = 0
        self.hold_count = 0

    def run(self):
        task = self.task_list
        while task is not None:
            if task.is_held_or_suspended():
                task = task.link
            else:
                task = task.run()


def richards(idle_count):
    sched = Scheduler()
    IdleTask(sched, idle_count)

    queue = Packet(None, 0, KIND_WORK)
    queue = Packet(queue, 0, KIND_WORK)
    WorkerTask(sched, queue)

    queue = Packet(None, DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, DEVICE_A, KIND_DEVICE)
    HandlerTask(sched, HANDLER_A, 2000, queue)

    queue = Packet(None, DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, DEVICE_B, KIND_DEVICE)
    HandlerTask(sched, HANDLER_B, 3000, queue)

    DeviceTask(sched, DEVICE_A, 4000)
    DeviceTask(sched, DEVICE_B, 5000)

    sched.run()
    device_sum = sched.tasks[DEVICE_A].checksum + sched.tasks[DEVICE_B].checksum
    return sched.packet_count, sched.hold_count, device_sum


def main():
    iterations = 20
    if len(sys.argv) > 1:
        iterations = int(sys.argv[1])
    total = 0
    result = None
    for i in range(iterations):
        result = richards(10000)
        total += result[0] + result[1] + result[2]
    # The reference counts for one run with 10000 idle steps are 23246 and 9297.
    ok = result is not None and result[0] == 23246 and result[1] == 9297
    print("richards", iterations, result, total, ok)


main()
