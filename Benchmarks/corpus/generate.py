#!/usr/bin/env python3
"""Synthetic corpus of GP availability calendars (RFC 5545) for the expansion benchmark.

One .ics file per GP, deterministic for a given --seed: the same arguments always give the same bytes.
Each calendar holds about a dozen recurring windows over --year (weekly SNP windows, alternate weeks,
the last Saturday of the month, a BYSETPOS rule, DAILY with COUNT, some UNTIL), the French public holidays
of the year as EXDATE, one or two moved sessions (RECURRENCE-ID), opaque busy events and an all-day
VALUE=DATE absence. Most files use TZID=Europe/Paris with their own VTIMEZONE block; some rules are in UTC.

Nothing is placed on the benchmark window's edges (the year's first and last UTC instants), so that
"overlaps [start, end)" and "starts in [start, end)" give the same count in every tool.

Usage: generate.py --gps 5000 --seed 1 --out DIR [--year 2027] [--concat FILE]
"""

import argparse
import datetime as dt
import os
import random
import sys

CRLF = b"\r\n"
PARIS = "Europe/Paris"
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

VTIMEZONE_PARIS = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Paris",
    "X-LIC-LOCATION:Europe/Paris",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]

FIRST_NAMES = ["Camille", "Nicolas", "Élodie", "Thomas", "Anaïs", "Julien", "Sophie", "Mathieu", "Chloé",
               "Antoine", "Léa", "Guillaume", "Hélène", "François", "Maëlle", "Benoît", "Agnès", "Rémi"]
LAST_NAMES = ["Moreau", "Lefèvre", "Garnier", "Chevalier", "Rousseau", "Lambert", "Bonnet", "Fontaine",
              "Mercier", "Dupré", "Girard", "Aubert", "Barbier", "Lemaître", "Perrin", "Renaud", "Vasseur"]
COMMUNES = ["Rambouillet", "Le Perray-en-Yvelines", "Saint-Arnoult-en-Yvelines", "Saint-Léger-en-Yvelines",
            "Les Essarts-le-Roi", "Ablis", "Gazeran", "Auffargis", "Clairefontaine-en-Yvelines"]


def easter(year):
    """Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def french_holidays(year):
    """The eleven public holidays of metropolitan France (Code du travail L3133-1)."""
    e = easter(year)
    return sorted([
        dt.date(year, 1, 1), e + dt.timedelta(days=1), dt.date(year, 5, 1), dt.date(year, 5, 8),
        e + dt.timedelta(days=39), e + dt.timedelta(days=50), dt.date(year, 7, 14), dt.date(year, 8, 15),
        dt.date(year, 11, 1), dt.date(year, 11, 11), dt.date(year, 12, 25),
    ])


def rpps(gp):
    """A synthetic 11-digit RPPS number: a 10-digit prefix and its Luhn check digit (never a real GP's)."""
    prefix = f"19{gp:08d}"
    for check in range(10):
        digits = [int(c) for c in prefix + str(check)][::-1]
        total = sum(d if i % 2 == 0 else (2 * d - 9 if d > 4 else 2 * d) for i, d in enumerate(digits))
        if total % 10 == 0:
            return prefix + str(check)
    raise AssertionError("unreachable")


def escape_text(s):
    """RFC 5545 §3.3.11 TEXT escaping."""
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line):
    """RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + one space), never inside a UTF-8 sequence."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data + CRLF
    out = bytearray()
    limit = 75
    start = 0
    while len(data) - start > limit:
        cut = start + limit
        while (data[cut] & 0xC0) == 0x80:  # do not split a multi-octet character
            cut -= 1
        out += data[start:cut] + CRLF + b" "
        start = cut
        limit = 74  # the leading space counts
    out += data[start:] + CRLF
    return bytes(out)


def fmt_local(d, seconds):
    t = dt.datetime.combine(d, dt.time()) + dt.timedelta(seconds=seconds)
    return t.strftime("%Y%m%dT%H%M%S")


def paris_offset_hours(d):
    """+2 in summer time, +1 otherwise (EU rule: last Sunday of March to last Sunday of October)."""
    def last_sunday(month):
        day = dt.date(d.year, month, 31)
        return day - dt.timedelta(days=(day.weekday() + 1) % 7)
    return 2 if last_sunday(3) <= d < last_sunday(10) else 1


def first_weekday_on_or_after(d, weekday):
    return d + dt.timedelta(days=(weekday - d.weekday()) % 7)


class Calendar:
    def __init__(self, gp, rng, year):
        self.gp, self.rng, self.year = gp, rng, year
        self.holidays = french_holidays(year)
        self.lines = []
        self.uid_counter = 0

    def uid(self):
        self.uid_counter += 1
        return f"gp{self.gp:05d}-{self.uid_counter:02d}@bench.slotmatch.invalid"

    def time_props(self, name, d, seconds, tz):
        if tz == PARIS:
            return f"{name};TZID={PARIS}:{fmt_local(d, seconds)}"
        return f"{name}:{fmt_local(d, seconds)}Z"

    def event(self, props):
        self.lines.append("BEGIN:VEVENT")
        self.lines.append("DTSTAMP:20261201T080000Z")
        self.lines.extend(props)
        self.lines.append("END:VEVENT")

    def recurring(self, summary, weekdays, start_date, start_s, length_s, tz, rrule, instance_dates,
                  snp=True, exdate_style="multi", override=False):
        """A recurring window; instance_dates are the rule's dates (for EXDATE and RECURRENCE-ID placement)."""
        uid = self.uid()
        props = [f"UID:{uid}",
                 self.time_props("DTSTART", start_date, start_s, tz),
                 self.time_props("DTEND", start_date, start_s + length_s, tz),
                 f"RRULE:{rrule}",
                 f"SUMMARY:{escape_text(summary)}"]
        if snp:
            props += ["TRANSP:TRANSPARENT", "CATEGORIES:SNP"]
        else:
            props += ["TRANSP:OPAQUE"]
        excluded = [d for d in instance_dates if d in self.holidays]
        if excluded:
            values = [fmt_local(d, start_s) + ("" if tz == PARIS else "Z") for d in excluded]
            prefix = f"EXDATE;TZID={PARIS}:" if tz == PARIS else "EXDATE:"
            if exdate_style == "multi":
                props.append(prefix + ",".join(values))
            else:
                props += [prefix + v for v in values]
        self.event(props)
        if override:
            candidates = [d for d in instance_dates if d not in self.holidays
                          and dt.date(self.year, 2, 1) <= d <= dt.date(self.year, 11, 30)]
            if candidates:
                moved = self.rng.choice(candidates)
                shift = self.rng.choice([3600, 2 * 3600, 86400])
                self.event([f"UID:{uid}",
                            self.time_props("RECURRENCE-ID", moved, start_s, tz),
                            self.time_props("DTSTART", moved, start_s + shift, tz),
                            self.time_props("DTEND", moved, start_s + shift + length_s, tz),
                            "SEQUENCE:1",
                            f"SUMMARY:{escape_text(summary + ' (déplacée)')}",
                            "TRANSP:TRANSPARENT" if snp else "TRANSP:OPAQUE"]
                           + (["CATEGORIES:SNP"] if snp else []))

    def build(self):
        rng, year = self.rng, self.year
        y0 = dt.date(year, 1, 1)
        y_end = dt.date(year, 12, 31)
        paris = rng.random() < 0.8  # most practices publish in local time with a VTIMEZONE
        main_tz = PARIS if paris else "UTC"
        doctor = f"Dr {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        commune = rng.choice(COMMUNES)
        self.lines += ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SlotMatch//Benchmark corpus 1.0//FR",
                       "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                       f"X-WR-CALNAME:{escape_text(doctor + ' – créneaux de soins non programmés, ' + commune)}",
                       f"X-SLOTMATCH-RPPS:{rpps(self.gp)}"]
        # No X-WR-TIMEZONE: it is not RFC 5545, and recurring-ical-events applies it to UTC rules (it expands
        # them in that zone's wall time), which the standard does not; see docs/benchmarks.md.
        if paris:
            self.lines += VTIMEZONE_PARIS
        description = escape_text(
            f"Créneaux réservés à la régulation SAS (soins non programmés) du cabinet de {doctor}, {commune}. "
            "Prise de rendez-vous uniquement par l'opérateur de soins non programmés; merci de ne pas "
            "communiquer ces créneaux aux patients.\nContact CPTS: secrétariat, du lundi au vendredi.")

        overrides_left = rng.choice([1, 2])

        def take_override():
            nonlocal overrides_left
            if overrides_left > 0 and rng.random() < 0.5:
                overrides_left -= 1
                return True
            return False

        # 1. Weekly SNP windows (six rules), one weekday each or two, some with UNTIL, some from the year before.
        for n in range(6):
            days = sorted(rng.sample(range(5), rng.choice([1, 1, 2])))
            start_s = rng.choice([8, 9, 11, 14, 17, 18]) * 3600 + rng.choice([0, 1800])
            length_s = rng.choice([3600, 5400, 7200])
            first = dt.date(year - 1, 9, 6) if rng.random() < 0.25 else y0
            start_date = first_weekday_on_or_after(first, days[0])
            byday = ",".join(WEEKDAYS[d] for d in days)
            rule = f"FREQ=WEEKLY;BYDAY={byday}"
            last = dt.date(year + 1, 12, 31)
            ending = rng.random()
            if ending < 0.3:
                last = dt.date(year, rng.choice([6, 9, 11]), 28)
                until_utc = dt.datetime.combine(last, dt.time(22, 59, 59))
                rule += ";UNTIL=" + until_utc.strftime("%Y%m%dT%H%M%SZ")
            elif ending < 0.45:
                count = rng.choice([30, 40, 80])
                rule += f";COUNT={count}"
            tz = main_tz if rng.random() < 0.85 else "UTC"
            dates = []
            monday = start_date - dt.timedelta(days=start_date.weekday())
            while monday <= last:
                dates += [monday + dt.timedelta(days=wd) for wd in days
                          if start_date <= monday + dt.timedelta(days=wd) <= last]
                monday += dt.timedelta(days=7)
            if 0.3 <= ending < 0.45:
                dates = dates[:count]
            self.recurring(f"SNP – consultation {n + 1}", days, start_date, start_s, length_s, tz, rule, dates,
                           exdate_style=rng.choice(["multi", "single"]), override=take_override())

        # 2. Alternate weeks (two rules): INTERVAL=2.
        for n in range(2):
            days = sorted(rng.sample(range(5), 2))
            start_s = rng.choice([9, 13, 16]) * 3600
            start_date = first_weekday_on_or_after(y0 + dt.timedelta(days=rng.choice([0, 7])), days[0])
            rule = f"FREQ=WEEKLY;INTERVAL=2;BYDAY={','.join(WEEKDAYS[d] for d in days)}"
            dates = []
            monday = start_date - dt.timedelta(days=start_date.weekday())
            while monday <= dt.date(year + 1, 1, 31):
                for wd in days:
                    day = monday + dt.timedelta(days=wd)
                    if day >= start_date:
                        dates.append(day)
                monday += dt.timedelta(days=14)
            self.recurring(f"SNP – semaine paire {n + 1}", days, start_date, start_s, 3 * 3600, main_tz, rule,
                           dates, override=take_override())

        # 3. The last Saturday morning of the month on call: MONTHLY;BYDAY=-1SA.
        def last_weekday_of_month(y, m, wd):
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            d = nxt - dt.timedelta(days=1)
            return d - dt.timedelta(days=(d.weekday() - wd) % 7)
        dates = [last_weekday_of_month(year, m, 5) for m in range(1, 13)]
        self.recurring("Garde du samedi matin", [5], dates[0], 9 * 3600, 3 * 3600, main_tz,
                       "FREQ=MONTHLY;BYDAY=-1SA", dates, override=take_override())

        # 4. BYSETPOS: the first or the last working day of the month.
        pos = rng.choice([1, -1])
        dates = []
        for m in range(1, 13):
            days = [dt.date(year, m, 1) + dt.timedelta(days=i) for i in range(31)]
            days = [d for d in days if d.month == m and d.weekday() < 5]
            dates.append(days[0] if pos == 1 else days[-1])
        self.recurring("Réunion CPTS et créneaux SNP", [], dates[0], 12 * 3600 + 1800, 5400, main_tz,
                       f"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS={pos}", dates, snp=rng.random() < 0.5)

        # 5. DAILY with COUNT: the winter epidemic reinforcement.
        count = rng.choice([10, 15, 20])
        start_date = dt.date(year, 1, rng.choice([11, 18, 25]))
        dates = [start_date + dt.timedelta(days=i) for i in range(count)]
        self.recurring("Renfort épidémie hivernale", [], start_date, 19 * 3600, 3600, main_tz,
                       f"FREQ=DAILY;COUNT={count}", dates)

        # 6. Summer timetable: MO,WE,FR from June to August, UNTIL in UTC.
        start_date = first_weekday_on_or_after(dt.date(year, 6, 1), 0)
        last = dt.date(year, 8, 31)
        dates = []
        d = start_date
        while d <= last:
            if d.weekday() in (0, 2, 4):
                dates.append(d)
            d += dt.timedelta(days=1)
        self.recurring("SNP – horaires d'été", [0, 2, 4], start_date, 8 * 3600, 7200, main_tz,
                       "FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=" + last.strftime("%Y%m%d") + "T215959Z", dates)

        # 7. Busy time (opaque): a holiday week, meetings, training days, some in UTC.
        week = dt.date(year, rng.choice([7, 8]), rng.choice([5, 12, 19]))
        week = week - dt.timedelta(days=week.weekday())
        self.event([f"UID:{self.uid()}", self.time_props("DTSTART", week, 0, main_tz),
                    self.time_props("DTEND", week + dt.timedelta(days=7), 0, main_tz),
                    "SUMMARY:Congés", "TRANSP:OPAQUE", f"DESCRIPTION:{description}"])
        for _ in range(rng.randint(3, 6)):
            day = y0 + dt.timedelta(days=rng.randint(10, 350))
            start_s = rng.choice([8, 10, 14, 16]) * 3600
            if rng.random() < 0.5:
                hours = paris_offset_hours(day)
                props = [f"DTSTART:{fmt_local(day, start_s - hours * 3600)}Z",
                         f"DTEND:{fmt_local(day, start_s - hours * 3600 + 7200)}Z"]
            else:
                props = [self.time_props("DTSTART", day, start_s, main_tz),
                         f"DURATION:PT{rng.choice([1, 2, 3])}H"]
            self.event([f"UID:{self.uid()}"] + props +
                       ["SUMMARY:Indisponible \\; formation\\, réunion", "TRANSP:OPAQUE"])

        # 8. An all-day absence (VALUE=DATE, exclusive end).
        day = y0 + dt.timedelta(days=rng.randint(60, 300))
        self.event([f"UID:{self.uid()}", f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
                    f"DTEND;VALUE=DATE:{(day + dt.timedelta(days=rng.choice([1, 2, 3]))).strftime('%Y%m%d')}",
                    "SUMMARY:Absent", "TRANSP:OPAQUE"])

        self.lines.append("END:VCALENDAR")
        return b"".join(fold(line) for line in self.lines)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gps", type=int, default=5000, help="number of GP calendars (files)")
    p.add_argument("--seed", default="1", help="seed: the same seed gives the same corpus, byte for byte")
    p.add_argument("--out", required=True, help="directory to write gp-NNNNN.ics files into")
    p.add_argument("--year", type=int, default=2027, help="the year the windows cover")
    p.add_argument("--concat", help="also write every calendar into this one file (raw parse MB/s)")
    args = p.parse_args(argv)
    if args.gps < 1:
        p.error("--gps must be at least 1")
    os.makedirs(args.out, exist_ok=True)
    total = 0
    concat = open(args.concat, "wb") if args.concat else None
    try:
        for gp in range(1, args.gps + 1):
            rng = random.Random(f"{args.seed}:{gp}")  # str seeds are hashed with SHA-512: stable across runs
            data = Calendar(gp, rng, args.year).build()
            with open(os.path.join(args.out, f"gp-{gp:05d}.ics"), "wb") as f:
                f.write(data)
            if concat:
                concat.write(data)
            total += len(data)
    finally:
        if concat:
            concat.close()
    print(f"generate.py: {args.gps} calendars, {total} bytes in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
