#!/usr/bin/env python3
"""Times two commands in alternating pairs (A B A B ...) and prints the median ratio B/A.

A shared, noisy machine makes absolute times from separate runs meaningless; a ratio taken within
each pair sees the same load on both sides. Usage:

    pairs.py --runs 21 --name NAME --a 'CMD A' --b 'CMD B' [--prepare-a CMD] [--prepare-b CMD]

Commands are split like a shell would split them (shlex) but run without a shell; their output
goes to /dev/null. Prints one tab-separated row: name, median A ms, median B ms, median ratio
B/A, lowest and highest ratio, and the peak memory of A and B in MiB.
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(command, prepare):
    if prepare:
        subprocess.run(prepare, shell=True, check=True)
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):  # 1: "nothing found" answers (plan due) are fine
        sys.exit(f"pairs.py: {' '.join(command)} exited with {child.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--name", required=True)
    parser.add_argument("--a", required=True)
    parser.add_argument("--b", required=True)
    parser.add_argument("--prepare-a", default="")
    parser.add_argument("--prepare-b", default="")
    parser.add_argument("--warmup", type=int, default=2)
    options = parser.parse_args()
    a, b = shlex.split(options.a), shlex.split(options.b)
    for _ in range(options.warmup):
        run_once(a, options.prepare_a)
        run_once(b, options.prepare_b)
    times_a, times_b, ratios, rss_a, rss_b = [], [], [], 0.0, 0.0
    for index in range(options.runs):
        # Alternate which side goes first, so neither always runs on a cache the other warmed.
        first_a = index % 2 == 0
        if first_a:
            ta, ma = run_once(a, options.prepare_a)
            tb, mb = run_once(b, options.prepare_b)
        else:
            tb, mb = run_once(b, options.prepare_b)
            ta, ma = run_once(a, options.prepare_a)
        times_a.append(ta)
        times_b.append(tb)
        ratios.append(tb / ta)
        rss_a, rss_b = max(rss_a, ma), max(rss_b, mb)
    print("\t".join([options.name,
                     f"{statistics.median(times_a) * 1000:.1f}",
                     f"{statistics.median(times_b) * 1000:.1f}",
                     f"{statistics.median(ratios):.3f}",
                     f"{min(ratios):.3f}", f"{max(ratios):.3f}",
                     f"{rss_a:.1f}", f"{rss_b:.1f}"]))


if __name__ == "__main__":
    main()
