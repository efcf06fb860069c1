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
import shlex
import statistics
import subprocess
import sys
import time


def run_once(command, prepare):
    if prepare:
        subprocess.run(prepare, shell=True, check=True)
    start = time.perf_counter()
    child = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if child.returncode not in (0, 1):  # 1: "nothing found" answers (plan due) are fine
        sys.exit(f"pairs.py: {' '.join(command)} exited with {child.returncode}")
    return elapsed


def peak_mib(command, prepare):
    """Peak memory of one run, from GNU time. Not from the timed runs: a child that Python starts
    (vfork) reports Python's own resident size as its peak, about 15 MiB, whatever it uses."""
    if prepare:
        subprocess.run(prepare, shell=True, check=True)
    child = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
    return int(child.stderr.strip().splitlines()[-1]) / 1024


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
    times_a, times_b, ratios = [], [], []
    for index in range(options.runs):
        # Alternate which side goes first, so neither always runs on a cache the other warmed.
        first_a = index % 2 == 0
        if first_a:
            ta = run_once(a, options.prepare_a)
            tb = run_once(b, options.prepare_b)
        else:
            tb = run_once(b, options.prepare_b)
            ta = run_once(a, options.prepare_a)
        times_a.append(ta)
        times_b.append(tb)
        ratios.append(tb / ta)
    rss_a, rss_b = peak_mib(a, options.prepare_a), peak_mib(b, options.prepare_b)
    print("\t".join([options.name,
                     f"{statistics.median(times_a) * 1000:.1f}",
                     f"{statistics.median(times_b) * 1000:.1f}",
                     f"{statistics.median(ratios):.3f}",
                     f"{min(ratios):.3f}", f"{max(ratios):.3f}",
                     f"{rss_a:.1f}", f"{rss_b:.1f}"]))


if __name__ == "__main__":
    main()
