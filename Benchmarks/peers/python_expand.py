#!/usr/bin/env python3
"""Python peer for the expansion benchmark: icalendar + recurring-ical-events (docs/benchmarks.md).

Reads every .ics file of a directory (or one file) into memory first, then times only
icalendar.Calendar.from_ical and recurring_ical_events.of(cal).between(from, to), and prints one JSON line:
  {"tool":"recurring-ical-events","files":N,"bytes":B,"occurrences":K,"seconds":S,...}

recurring-ical-events applies RRULE, RDATE, EXDATE and RECURRENCE-ID overrides itself (RFC 5545 §3.8.4.4,
§3.8.5) and returns every occurrence that overlaps [from, to): the counting rule every tool of the benchmark
shares. Only VEVENT is expanded (components=["VEVENT"]), as in the other peers.

Usage: python_expand.py DIR|FILE [--from 2027-01-01T00:00:00Z] [--to 2028-01-01T00:00:00Z]
"""

import argparse
import datetime as dt
import json
import os
import sys
import time
from importlib import metadata


def instant(s):
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)


def epoch(value):
    """UTC seconds of a date-time, or of a date read as UTC midnight (as libical reads floating dates)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return int(value.timestamp())


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("path")
    p.add_argument("--from", dest="start", default="2027-01-01T00:00:00Z")
    p.add_argument("--to", dest="end", default="2028-01-01T00:00:00Z")
    p.add_argument("--dump", help='write one "UID start end" line (UTC seconds) per occurrence (not timed)')
    args = p.parse_args(argv)
    try:
        import icalendar
        import recurring_ical_events
    except ImportError as e:
        print(f"python_expand.py: {e}; run Scripts/bench-peers to install the Python peers", file=sys.stderr)
        return 69
    start, end = instant(args.start), instant(args.end)

    if os.path.isdir(args.path):
        names = sorted(os.path.join(args.path, n) for n in os.listdir(args.path) if n.endswith(".ics"))
    else:
        names = [args.path]
    blobs = []
    for name in names:  # reading is not timed
        with open(name, "rb") as f:
            blobs.append(f.read())

    occurrences = 0
    t0 = time.perf_counter()
    for blob in blobs:
        for cal in icalendar.Calendar.from_ical(blob, multiple=True):
            occurrences += sum(1 for _ in recurring_ical_events.of(cal, components=["VEVENT"]).between(start, end))
    seconds = time.perf_counter() - t0

    if args.dump:
        with open(args.dump, "w") as out:
            for blob in blobs:
                for cal in icalendar.Calendar.from_ical(blob, multiple=True):
                    for ev in recurring_ical_events.of(cal, components=["VEVENT"]).between(start, end):
                        out.write(f"{ev['UID']} {epoch(ev['DTSTART'].dt)} {epoch(ev['DTEND'].dt)}\n")

    print(json.dumps({
        "tool": "recurring-ical-events",
        "version": f"icalendar {metadata.version('icalendar')}, "
                   f"recurring-ical-events {metadata.version('recurring-ical-events')}",
        "files": len(blobs),
        "bytes": sum(len(b) for b in blobs),
        "occurrences": occurrences,
        "seconds": round(seconds, 6),
    }, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
