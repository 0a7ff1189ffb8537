# tests: raise SystemExit(7) directly
print("raising SystemExit")
raise SystemExit(7)
