#!/usr/bin/env python3
"""Turns a JMH JSON result of the growth benchmarks into the tables of BENCHMARKS.md.

Usage:
  python3 domain-events-benchmarks/tools/growth_table.py RESULT.json

Reads RegistrationGrowthBenchmark (time per operation and per handler: registering or closing
all handlers of a dispatcher, by class, across 256 classes, as listeners; closing in order,
newest first, at random, by listener), HandlerCountBenchmark (one dispatch to N handlers, and to one
handler among N others) and DispatchGrowthBenchmark (dispatch across 1, 16, 256 event classes of
a 12-level hierarchy). Standard library only. A cell is "n/a" when the run has no result for it.
"""

import json
import sys

PACKAGE = "io.github.domainevents.benchmarks."
LISTENER_METHODS = 256
UNIT_NS = {"ns/op": 1, "us/op": 1_000, "ms/op": 1_000_000, "s/op": 1_000_000_000}


def fmt(value):
    if value is None:
        return "n/a"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as file:
        entries = json.load(file)
    results = {}
    for entry in entries:
        name = entry["benchmark"].removeprefix(PACKAGE)
        params = entry.get("params", {})
        metric = entry["primaryMetric"]
        error = metric.get("scoreError")
        results[(name, tuple(sorted(params.items())))] = (
            metric["score"], error if isinstance(error, (int, float)) and error == error else None,
            metric["scoreUnit"])

    def get(name, **params):
        key = (name, tuple(sorted((k, str(v)) for k, v in params.items())))
        return results.get(key)

    sizes = sorted({int(dict(p).get("handlers", 0)) for (n, p) in results
                    if n.startswith("RegistrationGrowthBenchmark")})

    def per_handler(method, n, count):
        r = get(f"RegistrationGrowthBenchmark.{method}", handlers=n)
        if r is None or count == 0:
            return "n/a"
        return f"{fmt(r[0])} {r[2]} · {fmt(r[0] * UNIT_NS.get(r[2], 1) / count)} ns"

    def listener_handlers(n):
        return n // LISTENER_METHODS * LISTENER_METHODS

    out = ["### Registering\n",
           "One operation registers all N handlers of a fresh dispatcher; per handler is the "
           "operation's time divided by the handlers registered. Linear total cost is a flat "
           f"per-handler column. Listeners: N / {LISTENER_METHODS} listeners of "
           f"{LISTENER_METHODS} @HandleEvent methods each (reading the methods included).\n",
           "| N | one class: total · per handler | 256 classes: total · per handler "
           "| listeners: total · per handler |",
           "|---:|---:|---:|---:|"]
    for n in sizes:
        cells = [per_handler("registerOneType", n, n), per_handler("registerAcrossTypes", n, n),
                 per_handler("registerListeners", n, listener_handlers(n))]
        out.append(f"| {n:,} | " + " | ".join(cells) + " |")
    out.append("")
    out += ["### Closing\n",
            "One operation closes all N registrations of a full dispatcher (N handlers of one "
            "class; listeners as above).\n",
            "| N | in order: total · per handler | newest first: total · per handler "
            "| random order: total · per handler | listeners: total · per handler "
            "| register + dispatch + close one, among N |",
            "|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        cells = [per_handler("closeInOrder", n, n), per_handler("closeNewestFirst", n, n),
                 per_handler("closeInRandomOrder", n, n),
                 per_handler("closeListeners", n, listener_handlers(n))]
        r = get("RegistrationGrowthBenchmark.registerDispatchClose", handlers=n)
        cells.append("n/a" if r is None else f"{fmt(r[0])} {r[2]}")
        out.append(f"| {n:,} | " + " | ".join(cells) + " |")
    out.append("")

    out.append("### A dispatcher with many handlers\n")
    out.append("| N | all N run: domain-events · per handler | all N run: reference · per handler "
               "| one among N: domain-events | one among N: reference |")
    out.append("|---:|---:|---:|---:|---:|")
    counts = sorted({int(dict(p).get("handlers", 0)) for (n, p) in results
                     if n.startswith("HandlerCountBenchmark")})
    for n in counts:
        cells = []
        for target in ("DOMAIN_EVENTS", "REFERENCE"):
            r = get("HandlerCountBenchmark.allRun", handlers=n, target=target)
            cells.append("n/a" if r is None else f"{fmt(r[0])} ns · {fmt(r[0] / n)} ns")
        for target in ("DOMAIN_EVENTS", "REFERENCE"):
            r = get("HandlerCountBenchmark.oneAmongMany", handlers=n, target=target)
            cells.append("n/a" if r is None else f"{fmt(r[0])} ns")
        out.append(f"| {n:,} | " + " | ".join(cells) + " |")
    out.append("")

    out.append("### Dispatch across many event classes (12-level interface hierarchy)\n")
    out.append("| event classes in turn | domain-events ns/op | reference ns/op |")
    out.append("|---:|---:|---:|")
    types = sorted({int(dict(p).get("types", 0)) for (n, p) in results
                    if n.startswith("DispatchGrowthBenchmark")})
    for t in types:
        cells = []
        for target in ("DOMAIN_EVENTS", "REFERENCE"):
            r = get("DispatchGrowthBenchmark.dispatchInTurn", types=t, target=target)
            cells.append("n/a" if r is None else
                         fmt(r[0]) + (f" ± {fmt(r[1])}" if r[1] is not None else ""))
        out.append(f"| {t} | " + " | ".join(cells) + " |")
    print("\n".join(out))


if __name__ == "__main__":
    main()
