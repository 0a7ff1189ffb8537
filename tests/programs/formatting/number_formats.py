# tests: formatting floats with various precisions, large/small magnitudes, rounding of halves
vals = [0.0, 1.0, -1.5, 0.125, 2.5, 1e-7, 123456789.123, 1e22, 1/3]
for v in vals:
    print(f"{v} | {v:.2f} | {v:.3e} | {v:g} | {v:.10g} | {v:12.4f}|")
for v in [0.5, 1.5, 2.5, 0.05, 0.15, 0.25, 0.35]:
    print("%.0f %.1f" % (v, v), f"{v:.0f} {v:.1f}")
print(f"{123456:e}", f"{0.000012345:G}", f"{1e100:g}", f"{12345678901234567890:,}")
