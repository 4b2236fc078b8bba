#!/usr/bin/python3
"""Deterministic test generator for 20-sensor-smoothing-fn (writes tests/*.in and tests/*.out)."""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def smooth(readings, alpha):
    out = [float(readings[0])]
    for r in readings[1:]:
        out.append(alpha * r + (1 - alpha) * out[-1])
    return out


def write(name, readings, alpha):
    assert 1 <= len(readings) <= 20000 and 0 < alpha <= 1
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write(json.dumps({"readings": readings, "alpha": alpha}) + "\n")
    with open(os.path.join(HERE, "tests", name + ".out"), "w") as f:
        f.write(json.dumps(smooth(readings, alpha)) + "\n")


def main():
    rng = random.Random(2024_20)
    write("01", [10, 20, 20, 5], 0.5)
    write("02", [1.5, -2.25, 3.0], 0.1)
    write("03", [42.0], 0.3)                               # a single reading
    write("04", [3, 1, 4, 1, 5, 9, 2, 6], 1)                # alpha 1: nothing smoothed
    write("05", [0.0] * 5 + [100.0] * 5, 0.2)              # a step
    write("06", [round(rng.uniform(-50, 50), 3) for _ in range(1000)], 0.05)
    write("07", [round(rng.gauss(20, 5), 2) for _ in range(4000)], 0.01)
    write("08", [rng.choice([1e-9, 1e9]) for _ in range(200)], 0.75)  # wide range
    write("09", [round(rng.uniform(0, 1), 6) for _ in range(1500)], 0.999)


if __name__ == "__main__":
    main()
