# tests: uncaught explicit raise Exception with message
print("about to raise")
raise Exception("custom failure")
