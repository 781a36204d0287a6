#!/usr/bin/env python3
"""Turns a JMH JSON result of this module into the tables of BENCHMARKS.md.

Usage:
  python3 domain-events-benchmarks/tools/results_table.py RESULT.json \
      [--command "java -jar ..."] [--note "quick run on a loaded machine"] > BENCHMARKS.md

With --compare OTHER.json --labels "JDK 17" "JDK 25", also prints scenarios 1 to 6 of both runs
side by side (for the same table on two JDKs).

Reads only the JSON (standard library only). Prints: the contender x scenario table (ns/op and
B/op, B/op from -prof gc's gc.alloc.rate.norm), the event-creation table (scenario 7), the
scaling table (scenario 6 against scenario 1) and each goal of issue 6 marked met or not met
with its numbers. A cell is "n/a" when the run has no result for it.
"""

import argparse
import json
import os
import platform
import sys

PACKAGE = "io.github.domainevents.benchmarks."

# Scenario columns of DispatchBenchmark: method -> heading.
SCENARIOS = [
    ("exactType", "1 exact type"),
    ("fiveHandlers", "2 five handlers"),
    ("interfaceHandler", "3 interface"),
    ("noHandler", "4 no handler"),
    ("followUp", "5 follow-up"),
    ("sharedByThreads", "6 shared, {threads} threads"),
]

CONTENDERS = [
    ("DIRECT", "direct call (floor)"),
    ("REFERENCE", "reference dispatcher (ClassValue + array, floor)"),
    ("DOMAIN_EVENTS", "**domain-events** dispatch"),
    ("DOMAIN_EVENTS_DEFAULTS", "domain-events, default configuration (logging at default level)"),
    ("DOMAIN_EVENTS_DEFAULTS_LOGGING_OFF", "domain-events, default configuration, logging off"),
    ("DOMAIN_EVENTS_ASYNC", "domain-events dispatchAsync (same thread)"),
    ("SPRING_PAYLOAD", "Spring 7 payload event (@EventListener)"),
    ("SPRING_APPLICATION_EVENT", "Spring 7 ApplicationEvent (ApplicationListener)"),
    ("GUAVA", "Guava 33 EventBus"),
    ("GREENROBOT", "greenrobot 3.3.1 POSTING"),
    ("MBASSADOR", "MBassador 1.3.2 sync"),
    ("AXON", "Axon 4.13 SimpleEventBus"),
]

CREATION = [
    ("headerCreate", "record + `EventHeader.create()`", 1),
    ("headerCreate_2threads", "record + `EventHeader.create()`", 2),
    ("randomUuid", "record + `UUID.randomUUID()` + `Instant.now()`", 1),
    ("randomUuid_2threads", "record + `UUID.randomUUID()` + `Instant.now()`", 2),
]

# Below this, -prof gc's B/op is measurement noise (JMH's own allocation spread over ops).
ZERO_BYTES = 0.5


class Result:
    def __init__(self, entry):
        self.ns = entry["primaryMetric"]["score"]
        error = entry["primaryMetric"].get("scoreError")
        self.error = error if isinstance(error, (int, float)) and error == error else None
        norm = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        self.bytes = norm["score"] if norm else None
        self.threads = entry["threads"]


def load(path):
    with open(path, encoding="utf-8") as file:
        entries = json.load(file)
    results = {}
    for entry in entries:
        name = entry["benchmark"].removeprefix(PACKAGE)
        contender = entry.get("params", {}).get("contender")
        results[(name, contender)] = Result(entry)
    return entries, results


def fmt_ns(value):
    if value is None:
        return "n/a"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def fmt_bytes(value):
    if value is None:
        return "n/a"
    if value < ZERO_BYTES:
        return "0"
    return f"{value:,.0f}"


def cell(result):
    if result is None:
        return "n/a"
    return f"{fmt_ns(result.ns)} ns · {fmt_bytes(result.bytes)} B"


def cell_error(result):
    if result is None:
        return "n/a"
    error = f" ± {fmt_ns(result.error)}" if result.error is not None else ""
    return f"{fmt_ns(result.ns)}{error} ns · {fmt_bytes(result.bytes)} B"


def ratio(numerator, denominator):
    if numerator is None or denominator is None or denominator.ns <= 0:
        return None
    return numerator.ns / denominator.ns


def fmt_ratio(value):
    return "n/a" if value is None else f"{value:.2f}×"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("result", help="JMH JSON result (-rf json)")
    parser.add_argument("--command", help="the command that produced the result")
    parser.add_argument("--note", help="a sentence about the run (machine load, profile)")
    parser.add_argument("--chart", help="an SVG of scenarios 1 and 6 (report.DispatchChart) to "
                        "show beside the table, as a path relative to the repository root")
    parser.add_argument("--compare", help="a second JMH JSON result to print side by side")
    parser.add_argument("--labels", nargs=2, default=["first", "second"],
                        help="names of the two runs for --compare, e.g. 'JDK 17' 'JDK 25'")
    args = parser.parse_args()

    entries, results = load(args.result)
    if not entries:
        sys.exit(f"{args.result}: no results")
    first = entries[0]

    def get(method, contender="DOMAIN_EVENTS"):
        return results.get((f"DispatchBenchmark.{method}", contender))

    def creation(method):
        return results.get((f"EventCreationBenchmark.{method}", None))

    shared_threads = next(
        (r.threads for (name, _), r in results.items() if name.endswith("sharedByThreads")), 2)

    out = []
    out.append("# Benchmarks\n")
    out.append(
        "Generated by `domain-events-benchmarks/tools/results_table.py` from "
        f"`{os.path.relpath(args.result)}`. How to build and run: "
        "[domain-events-benchmarks/README.md](domain-events-benchmarks/README.md).\n")
    if args.note:
        out.append(f"> {args.note}\n")
    out.append("## Run\n")
    out.append(f"- Machine: {os.cpu_count()} CPUs (`nproc`), {platform.system()} "
               f"{platform.machine()}")
    out.append(f"- JDK: {first.get('vmName')} {first.get('vmVersion')}, JMH "
               f"{first.get('jmhVersion')}, JVM args `{' '.join(first.get('jvmArgs', []))}`")
    out.append(f"- Forks {first.get('forks')}, warm-up {first.get('warmupIterations')} × "
               f"{first.get('warmupTime')}, measurement {first.get('measurementIterations')} × "
               f"{first.get('measurementTime')}")
    if args.command:
        out.append(f"- Command: `{args.command}`")
    out.append("")

    out.append("## Dispatch: contender × scenario\n")
    out.append("Average time per published event (per thread in scenario 6) and bytes allocated "
               "per event (`gc.alloc.rate.norm`). The event is made before measuring, except "
               "scenario 5's follow-up, which every contender makes inside the operation. "
               "Lower is better.\n")
    headings = [h.format(threads=shared_threads) for _, h in SCENARIOS]
    out.append("| contender | " + " | ".join(headings) + " |")
    out.append("|---|" + "---:|" * len(SCENARIOS))
    for contender, label in CONTENDERS:
        cells = [cell(get(method, contender)) for method, _ in SCENARIOS]
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    out.append("")
    if args.chart:
        out.append(f"![Scenarios 1 and 6 per contender, from {os.path.basename(args.result)}]"
                   f"({args.chart})\n")

    out.append("### Scenario 1 and 6 relative to this library\n")
    out.append("| contender | scenario 1 ÷ domain-events | scenario 6 per-op ÷ its scenario 1 |")
    out.append("|---|---:|---:|")
    ours = get("exactType")
    for contender, label in CONTENDERS:
        exact = get("exactType", contender)
        shared = get("sharedByThreads", contender)
        out.append(f"| {label} | {fmt_ratio(ratio(exact, ours))} | "
                   f"{fmt_ratio(ratio(shared, exact))} |")
    out.append("")

    out.append("## Event creation (scenario 7)\n")
    out.append("| event | threads | ns/op | B/op |")
    out.append("|---|---:|---:|---:|")
    for method, label, threads in CREATION:
        result = creation(method)
        out.append(f"| {label} | {threads} | {fmt_ns(result.ns if result else None)} | "
                   f"{fmt_bytes(result.bytes if result else None)} |")
    out.append("")

    out.append("## Goals of issue 6\n")
    out.append("| goal | measured | met? |")
    out.append("|---|---|---|")

    def goal(text, measured, met):
        verdict = "n/a" if met is None else ("**met**" if met else "**not met**")
        out.append(f"| {text} | {measured} | {verdict} |")

    def at_most(result, limit):
        return None if result is None else result.ns <= limit

    def zero_bytes(result):
        return None if result is None or result.bytes is None else result.bytes < ZERO_BYTES

    def at_least(value, limit):
        return None if value is None else value >= limit

    def both(*checks):
        if any(check is None for check in checks):
            return None
        return all(checks)

    s1, s2, s3, s4 = get("exactType"), get("fiveHandlers"), get("interfaceHandler"), get("noHandler")
    s6 = get("sharedByThreads")
    goal("S1: ≤ 10 ns/op and 0 B/op", cell(s1), both(at_most(s1, 10), zero_bytes(s1)))
    for contender, label, limit in [
        ("SPRING_APPLICATION_EVENT", "Spring ApplicationEvent", 4),
        ("SPRING_PAYLOAD", "Spring payload event", 15),
        ("GREENROBOT", "greenrobot", 6),
        ("GUAVA", "Guava", 6),
    ]:
        value = ratio(get("exactType", contender), s1)
        goal(f"S1: ≥ {limit}× faster than {label}", fmt_ratio(value), at_least(value, limit))
    goal("S2: ≤ 25 ns/op and 0 B/op", cell(s2), both(at_most(s2, 25), zero_bytes(s2)))
    value = ratio(s3, s1)
    goal("S3: within 10% of S1", f"{fmt_ratio(value)} ({fmt_ns(s3.ns if s3 else None)} vs "
         f"{fmt_ns(s1.ns if s1 else None)} ns)", None if value is None else value <= 1.10)
    goal("S4: ≤ 5 ns/op and 0 B/op", cell(s4), both(at_most(s4, 5), zero_bytes(s4)))
    value = ratio(s6, s1)
    goal(f"S6: per-op time from {shared_threads} threads ≤ 1.3× one thread",
         f"{fmt_ratio(value)} ({fmt_ns(s6.ns if s6 else None)} vs "
         f"{fmt_ns(s1.ns if s1 else None)} ns)", None if value is None else value <= 1.3)
    create1, create2 = creation("headerCreate"), creation("headerCreate_2threads")
    random1, random2 = creation("randomUuid"), creation("randomUuid_2threads")
    goal("S7: `EventHeader.create()` event ≤ 60 ns", fmt_ns(create1.ns if create1 else None)
         + " ns", at_most(create1, 60))
    value = ratio(random1, create1)
    goal("S7: ≥ 2.5× cheaper than `UUID.randomUUID()`, 1 thread", fmt_ratio(value),
         at_least(value, 2.5))
    value = ratio(random2, create2)
    goal("S7: ≥ 10× cheaper than `UUID.randomUUID()`, 2 threads", fmt_ratio(value),
         at_least(value, 10))
    value = ratio(get("exactType", "DOMAIN_EVENTS_ASYNC"), s1)
    out.append("")
    out.append(f"Not a goal, for information: `dispatchAsync` on a same-thread executor costs "
               f"{fmt_ratio(value)} the synchronous `dispatch` in scenario 1.")
    out.append("")

    out.append("## Goals of issue 14\n")
    out.append("Error bars are JMH's 99.9% confidence intervals; a ratio is met only if it is met "
               "by the scores themselves (the error bars say how far to trust that).\n")
    out.append("| goal | measured | met? |")
    out.append("|---|---|---|")
    reference = get("exactType", "REFERENCE")
    value = ratio(s1, reference)
    goal("S1: ≤ 2× the reference dispatcher",
         f"{fmt_ratio(value)} ({cell_error(s1)} vs {cell_error(reference)})",
         None if value is None else value <= 2)
    value = ratio(get("exactType", "SPRING_APPLICATION_EVENT"), s1)
    goal("S1: ≥ 5× faster than Spring ApplicationEvent", fmt_ratio(value), at_least(value, 5))
    goal("S2: ≤ 25 ns/op", cell_error(s2), at_most(s2, 25))
    goal("S4: ≤ 5 ns/op, dead events ignored (`DeadEventHandler.ignore()`)", cell_error(s4), at_most(s4, 5))
    s4_off = get("noHandler", "DOMAIN_EVENTS_DEFAULTS_LOGGING_OFF")
    goal("S4: 0 B/op in the default configuration with logging off", cell_error(s4_off),
         zero_bytes(s4_off))
    value = ratio(s6, s1)
    goal(f"S6: per-op time from {shared_threads} threads ≤ 1.3× one thread (this run's collector)",
         f"{fmt_ratio(value)} ({cell_error(s6)} vs {cell_error(s1)})",
         None if value is None else value <= 1.3)
    value = ratio(random2, create2)
    goal("S7: ≥ 10× cheaper than `UUID.randomUUID()`, 2 threads", fmt_ratio(value),
         at_least(value, 10))

    if args.compare:
        _, other = load(args.compare)
        first_label, second_label = args.labels
        out.append("")
        out.append(f"## {first_label} and {second_label} side by side\n")
        out.append(f"ns/op, {first_label} / {second_label} (`{os.path.relpath(args.result)}` / "
                   f"`{os.path.relpath(args.compare)}`).\n")
        out.append("| contender | " + " | ".join(headings) + " |")
        out.append("|---|" + "---:|" * len(SCENARIOS))
        for contender, label in CONTENDERS:
            cells = []
            for method, _ in SCENARIOS:
                a = get(method, contender)
                b = other.get((f"DispatchBenchmark.{method}", contender))
                cells.append(f"{fmt_ns(a.ns if a else None)} / {fmt_ns(b.ns if b else None)}")
            out.append(f"| {label} | " + " | ".join(cells) + " |")
    print("\n".join(out))


if __name__ == "__main__":
    main()
