#!/usr/bin/env python3
"""Compares the expansion benchmark's results and prints the figures (docs/benchmarks.md).

Input: a file of JSON lines, one per tool, as printed by the tools themselves:
  {"tool":"libical","files":N,"bytes":B,"occurrences":K,"seconds":S,...}
  {"tool":"recurring-ical-events",...}
  {"tool":"slotmatch",...}                      (the Swift side on one core, optional)
  {"tool":"slotmatch-parallel","jobs":N,...}    (the Swift side reading N files at once, optional)
  {"tool":"slotmatch-parse","bytes":B,"seconds":S,...}   (raw parse of the concatenated file, optional)
A tool may appear several times (runs): its runs must agree, and the fastest is kept.

It fails (exit 1) when the tools did not read the same corpus, or do not count the same occurrences:
every tool counts by the same rule (docs/benchmarks.md, "What is counted"); the one RFC-explained
difference of a peer (libical 3.0 does not apply RECURRENCE-ID overrides) is corrected inside that
peer, which reports its own raw count beside it. Then it prints MB/s, occurrences per second, the
ratios of SlotMatch to each peer and whether the goals are met. The goals are judged on one core (the
peers use one); the parallel figure, when there, is printed beside them as what `slotmatch import --jobs N`
gives on this machine, never in their place.

Usage: compare.py RESULTS.jsonl [--markdown]
"""

import argparse
import json
import sys

PEERS = ["libical", "recurring-ical-events"]
SWIFT = "slotmatch"
PARALLEL = "slotmatch-parallel"
PARSE = "slotmatch-parse"
# Goals of issue 3: SlotMatch's occurrences per second against each peer's, and raw parse MB/s on one core.
GOALS = {"libical": 10.0, "recurring-ical-events": 300.0}
PARSE_GOAL_MB_S = 100.0
MB = 1e6


def fail(message):
    print(f"compare.py: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def load(path):
    results = {}
    with open(path) as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                fail(f"{path}:{number}: not a JSON line ({e}): {line[:120]}")
            for key in ("tool", "bytes", "seconds"):
                if key not in r:
                    fail(f"{path}:{number}: the result has no '{key}': {line[:120]}")
            if r["seconds"] <= 0:
                fail(f"{path}:{number}: {r['tool']} reports {r['seconds']} s")
            r.setdefault("runs", 1)
            # Several runs of one tool: they must agree; the fastest is kept (the least disturbed by the
            # other processes of a shared machine).
            previous = results.get(r["tool"])
            if previous is not None:
                for key in ("files", "bytes", "occurrences"):
                    if previous.get(key) != r.get(key):
                        fail(f"{path}:{number}: two runs of {r['tool']} disagree on {key}: "
                             f"{previous.get(key)} and {r.get(key)}")
                runs = previous["runs"] + r["runs"]
                if previous["seconds"] <= r["seconds"]:
                    r = previous
                r = dict(r, runs=runs)
            results[r["tool"]] = r
    return results


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("results")
    p.add_argument("--markdown", action="store_true", help="print the tables as Markdown (for docs/benchmarks.md)")
    args = p.parse_args(argv)
    results = load(args.results)

    expanders = [t for t in PEERS + [SWIFT, PARALLEL] if t in results]
    missing_peers = [t for t in PEERS if t not in results]
    if missing_peers:
        fail(f"no result from {', '.join(missing_peers)}: run Scripts/bench-peers, then Scripts/bench-import")
    if len(expanders) < 2:
        fail("need at least two expansion results to compare")

    # Same corpus: same number of files and bytes.
    first = results[expanders[0]]
    for t in expanders[1:]:
        r = results[t]
        if (r.get("files"), r["bytes"]) != (first.get("files"), first["bytes"]):
            fail(f"{t} read {r.get('files')} files / {r['bytes']} bytes but {first['tool']} read "
                 f"{first.get('files')} files / {first['bytes']} bytes: not the same corpus")

    # Same occurrences.
    counts = {t: results[t]["occurrences"] for t in expanders}
    if len(set(counts.values())) != 1:
        lines = "\n".join(f"  {t:24} {counts[t]:>12}" for t in expanders)
        fail("the tools do not count the same occurrences:\n" + lines + "\n"
             "  To find where: run each tool with --dump FILE on the corpus and diff the sorted dumps "
             "(docs/benchmarks.md, 'When the counts differ').")

    rows = []
    for t in expanders:
        r = results[t]
        rows.append((t, r.get("version", ""), r["runs"], r["bytes"] / MB, r["seconds"],
                     r["bytes"] / MB / r["seconds"], r["occurrences"], r["occurrences"] / r["seconds"]))

    def table(header, body):
        if args.markdown:
            print("| " + " | ".join(header) + " |")
            print("|" + "|".join(" --- " for _ in header) + "|")
            for row in body:
                print("| " + " | ".join(row) + " |")
        else:
            widths = [max(len(h), *(len(row[i]) for row in body)) for i, h in enumerate(header)]
            print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
            for row in body:
                print("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        print()

    occurrences = counts[expanders[0]]
    print(f"Expansion over the same {first.get('files')} files ({first['bytes'] / MB:.1f} MB): "
          f"every tool counts {occurrences} occurrences.\n")
    def label(t):
        return f"{t} ({results[t].get('jobs')} jobs)" if t == PARALLEL else t

    table(["tool", "version", "runs", "best seconds", "MB/s", "occurrences/s"],
          [(label(t), v, str(n), f"{s:.3f}", f"{mbs:.2f}", f"{ops:,.0f}") for t, v, n, _, s, mbs, _, ops in rows])

    status = 0
    if SWIFT in results:
        swift = results[SWIFT]["occurrences"] / results[SWIFT]["seconds"]
        body = []
        for peer in PEERS:
            ratio = swift / (results[peer]["occurrences"] / results[peer]["seconds"])
            goal = GOALS[peer]
            body.append((f"{SWIFT} / {peer} (one core)", f"{ratio:,.1f}×", f"≥ {goal:g}×",
                         "met" if ratio >= goal else "MISSED"))
        if PARALLEL in results:
            parallel = results[PARALLEL]["occurrences"] / results[PARALLEL]["seconds"]
            for peer in PEERS:
                ratio = parallel / (results[peer]["occurrences"] / results[peer]["seconds"])
                body.append((f"{PARALLEL} / {peer} ({results[PARALLEL].get('jobs')} jobs)", f"{ratio:,.1f}×",
                             "(not a goal: the peers use one core)", ""))
            body.append((f"{PARALLEL} / {SWIFT}", f"{parallel / swift:,.2f}×", "", ""))
        if PARSE in results:
            r = results[PARSE]
            mbs = r["bytes"] / MB / r["seconds"]
            body.append((f"raw parse (one core, best of {r['runs']})", f"{mbs:,.1f} MB/s", f"> {PARSE_GOAL_MB_S:g} MB/s",
                         "met" if mbs > PARSE_GOAL_MB_S else "MISSED"))
        table(["ratio", "measured", "goal", ""], body)
    else:
        print("SlotMatch was not measured (no 'slotmatch' result): only the peers were compared.")
        status = 0
    sys.exit(status)


if __name__ == "__main__":
    main()
