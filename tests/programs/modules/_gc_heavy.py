# helper: a module body that allocates enough to make the collector run while it is imported
import sys

chunks = []
for i in range(120000):
    chunks.append([i, str(i), (i, i)])
    if len(chunks) > 1000:
        chunks = chunks[-10:]
result = sum(c[0] for c in chunks)
