# helper: shadows the standard library's heapq when its directory is first on sys.path
marker = "local heapq"


def heappush(heap, item):
    heap.append(("pushed", item))
