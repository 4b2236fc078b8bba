#!/usr/bin/python3
"""Deterministic test generator for 13-two-sum-fn (writes tests/*.in and tests/*.out)."""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def solve(nums, target):
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
    raise AssertionError("no pair")


def pairs(nums, target):
    count, seen = 0, {}
    for x in nums:
        count += seen.get(target - x, 0)
        seen[x] = seen.get(x, 0) + 1
    return count


def write(name, nums, target):
    assert 2 <= len(nums) <= 10**5 and pairs(nums, target) == 1
    assert all(abs(x) <= 10**9 for x in nums) and abs(target) <= 2 * 10**9
    with open(os.path.join(HERE, "tests", name + ".in"), "w") as f:
        f.write(json.dumps({"nums": nums, "target": target}) + "\n")
    with open(os.path.join(HERE, "tests", name + ".out"), "w") as f:
        f.write(json.dumps(solve(nums, target)) + "\n")


def random_case(rng, n, lo, hi):
    while True:
        nums = rng.sample(range(lo, hi + 1), n)
        i, j = sorted(rng.sample(range(n), 2))
        target = nums[i] + nums[j]
        if pairs(nums, target) == 1:
            return nums, target


def main():
    rng = random.Random(2024_13)
    write("01", [2, 7, 11, 15], 9)
    write("02", [3, 2, 4], 6)
    write("03", [3, 3], 6)                                  # equal values, minimum size
    write("04", [-1, -2, -3, -4, -5], -8)                   # negatives
    write("05", [0, 4, 3, 0], 0)                            # zero twice
    write("06", [10**9, -10**9, 5, 10**9 - 1], 2 * 10**9 - 1)  # extremes
    write("07", *random_case(rng, 1000, -10**6, 10**6))
    nums, target = random_case(rng, 10000, -10**9, 10**9)  # large
    write("08", nums, target)
    nums = list(range(1, 15001))                            # the pair is at the very end
    write("09", nums, 14999 + 15000)
    write("10", [5, 1, 5, 2, 7], 9)                         # repeated values, one pair


if __name__ == "__main__":
    main()
