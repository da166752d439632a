#!/usr/bin/env python3
"""Writes the published sample agendas in Schedules/ for GPs of Schedules/roster.csv.

Every GP here is invented; every file shows one or more features of a real publishing tool
(see Schedules/README.md). Re-run after changing the roster: python3 Scripts/make-schedules.py
"""
import csv, datetime as dt, json, os, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SCHED = os.path.join(ROOT, "Schedules")
roster = list(csv.DictReader(open(os.path.join(SCHED, "roster.csv"), encoding="utf-8")))
snp = [r for r in roster if r["snp"].strip().lower() in ("yes", "true", "1", "oui")]
if len(snp) < 12:
    sys.exit("need at least 12 SNP GPs in the roster")

def easter(y):
    a = y % 19; b = y // 100; c = y % 100; d = b // 4; e = b % 4; f = (b + 8) // 25; g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30; i = c // 4; k = c % 4; l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451; month = (h + l - 7 * m + 114) // 31; day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(y, month, day)

def holidays(years):
    out = []
    for y in years:
        e = easter(y)
        out += [dt.date(y, 1, 1), e + dt.timedelta(1), dt.date(y, 5, 1), dt.date(y, 5, 8), e + dt.timedelta(39),
                e + dt.timedelta(50), dt.date(y, 7, 14), dt.date(y, 8, 15), dt.date(y, 11, 1), dt.date(y, 11, 11), dt.date(y, 12, 25)]
    return sorted(out)

HOLIDAYS = holidays([2026, 2027, 2028])

def fold(line):
    """RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + space); never split a UTF-8 sequence here."""
    b = line.encode("utf-8"); out = []; first = True
    while len(b) > (75 if first else 74):
        cut = 75 if first else 74
        while cut > 0 and (b[cut] & 0xC0) == 0x80: cut -= 1
        out.append(b[:cut]); b = b[cut:]; first = False
    out.append(b)
    return b"\r\n ".join(out).decode("utf-8")

def write_ics(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("".join(fold(l) + "\r\n" for l in lines))

PARIS_VTIMEZONE = [
    "BEGIN:VTIMEZONE", "TZID:Europe/Paris", "X-LIC-LOCATION:Europe/Paris",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
    "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
    "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE",
]
STAMP = "DTSTAMP:20261201T080000Z"

def exdates(weekdays, hhmm, tz="Europe/Paris"):
    days = [h for h in HOLIDAYS if h.weekday() in weekdays]
    return [f"EXDATE;TZID={tz}:" + ",".join(d.strftime("%Y%m%d") + "T" + hhmm + "00" for d in days)]

def cal_header(rpps, name):
    return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cabinet medical (fictif)//Agenda SNP//FR", "CALSCALE:GREGORIAN",
            f"X-SLOTMATCH-RPPS:{rpps}", f"X-WR-CALNAME:Créneaux SNP {name}"]

files = {}

# 1. Weekly SNP windows with a VTIMEZONE-defined zone, holidays as EXDATE, a moved session, a holiday week, folded lines.
g = snp[0]
lines = cal_header(g["rpps"], g["name"]) + PARIS_VTIMEZONE + [
    "BEGIN:VEVENT", f"UID:snp-weekday-evenings-{g['rpps']}@cabinet.example", STAMP,
    "DTSTART;TZID=Europe/Paris:20260105T170000", "DTEND;TZID=Europe/Paris:20260105T190000",
    "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,TH,FR", *exdates({0, 1, 3, 4}, "1700"),
    "TRANSP:TRANSPARENT", "CATEGORIES:SNP,Soins non programmés", "X-SLOT-DURATION:PT15M",
    "X-SLOTMATCH-MODE:AMB", "X-SLOTMATCH-VISIBILITY:SNP,CPTS",
    "SUMMARY:Consultations non programmées (régulation SAS)",
    "DESCRIPTION:Plage ouverte à la régulation du SAS Yvelines Sud et à la CPTS Rambouillet Territoires\\, "
    "consultations de 15 minutes au cabinet\\; merci de ne pas réserver ces créneaux en dehors de la régulation.",
    "END:VEVENT",
    # A moved session: Thursday 2027-01-14 evening moved to Wednesday 2027-01-13 14:00-16:00.
    "BEGIN:VEVENT", f"UID:snp-weekday-evenings-{g['rpps']}@cabinet.example", STAMP,
    "RECURRENCE-ID;TZID=Europe/Paris:20270114T170000",
    "DTSTART;TZID=Europe/Paris:20270113T140000", "DTEND;TZID=Europe/Paris:20270113T160000",
    "TRANSP:TRANSPARENT", "CATEGORIES:SNP", "X-SLOT-DURATION:PT15M", "X-SLOTMATCH-VISIBILITY:SNP,CPTS",
    "SUMMARY:Séance SNP déplacée au mercredi", "END:VEVENT",
    # A holiday week: opaque busy time.
    "BEGIN:VEVENT", f"UID:conges-fevrier-2027-{g['rpps']}@cabinet.example", STAMP,
    "DTSTART;TZID=Europe/Paris:20270215T000000", "DTEND;TZID=Europe/Paris:20270221T000000",
    "TRANSP:OPAQUE", "SUMMARY:Congés", "END:VEVENT",
    "END:VCALENDAR",
]
files[f"ics/{g['rpps']}-weekday-evenings.ics"] = lines

# 2. Alternate Saturdays, last Saturday of the month on call (home visits), Windows zone name, all-day absence.
g = snp[1]
lines = cal_header(g["rpps"], g["name"]) + [
    "BEGIN:VEVENT", f"UID:samedi-une-semaine-sur-deux-{g['rpps']}@agenda.example", STAMP,
    "DTSTART;TZID=Romance Standard Time:20260110T090000", "DTEND;TZID=Romance Standard Time:20260110T120000",
    "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA", "TRANSP:TRANSPARENT", "CATEGORIES:snp",
    "X-SLOT-DURATION:PT20M", "SUMMARY:Samedi matin SNP (une semaine sur deux)", "END:VEVENT",
    "BEGIN:VEVENT", f"UID:garde-dernier-samedi-{g['rpps']}@agenda.example", STAMP,
    "DTSTART;TZID=Romance Standard Time:20260131T090000", "DTEND;TZID=Romance Standard Time:20260131T130000",
    "RRULE:FREQ=MONTHLY;BYDAY=-1SA", "TRANSP:TRANSPARENT", "CATEGORIES:Garde,SNP",
    "X-SLOT-DURATION:PT30M", "X-SLOTMATCH-MODE:HH", "SUMMARY:Astreinte visites du dernier samedi du mois", "END:VEVENT",
    "BEGIN:VEVENT", f"UID:formation-{g['rpps']}@agenda.example", STAMP,
    "DTSTART;VALUE=DATE:20270312", "DTEND;VALUE=DATE:20270314", "SUMMARY:Formation DPC (absent)", "END:VEVENT",
    "END:VCALENDAR",
]
files[f"ics/{g['rpps']}-saturdays.ics"] = lines

# 3. BYSETPOS: first and last weekday of each month, UTC and a mozilla-style TZID.
g = snp[2]
lines = cal_header(g["rpps"], g["name"]) + [
    "BEGIN:VEVENT", f"UID:premier-jour-ouvre-{g['rpps']}@agenda.example", STAMP,
    "DTSTART;TZID=/mozilla.org/20070129_1/Europe/Paris:20260101T140000",
    "DTEND;TZID=/mozilla.org/20070129_1/Europe/Paris:20260101T180000",
    "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1", "TRANSP:TRANSPARENT", "CATEGORIES:SNP",
    "SUMMARY:Premier jour ouvré du mois: après-midi SNP", "END:VEVENT",
    "BEGIN:VEVENT", f"UID:dernier-jour-ouvre-{g['rpps']}@agenda.example", STAMP,
    "DTSTART:20260130T070000Z", "DURATION:PT3H",
    "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "TRANSP:TRANSPARENT", "CATEGORIES:SNP",
    "X-SLOTMATCH-MODE:VR", "X-SLOTMATCH-VISIBILITY:SNP", "SUMMARY:Dernier jour ouvré: téléconsultations", "END:VEVENT",
    "BEGIN:VEVENT", f"UID:reunion-cpts-{g['rpps']}@agenda.example", STAMP,
    "DTSTART;TZID=/mozilla.org/20070129_1/Europe/Paris:20260302T150000",
    "DTEND;TZID=/mozilla.org/20070129_1/Europe/Paris:20260302T163000",
    "RRULE:FREQ=MONTHLY;BYDAY=1MO", "SUMMARY:Réunion CPTS", "END:VEVENT",
    "END:VCALENDAR",
]
files[f"ics/{g['rpps']}-first-last-weekday.ics"] = lines

# 4. VAVAILABILITY with priorities (RFC 7953).
g = snp[3]
lines = cal_header(g["rpps"], g["name"]) + PARIS_VTIMEZONE + [
    "BEGIN:VAVAILABILITY", f"UID:dispo-reguliere-{g['rpps']}@agenda.example", STAMP,
    "DTSTART;TZID=Europe/Paris:20260101T000000", "PRIORITY:9", "BUSYTYPE:BUSY-UNAVAILABLE",
    "SUMMARY:Disponibilités habituelles pour le SAS",
    "BEGIN:AVAILABLE", f"UID:dispo-matin-{g['rpps']}@agenda.example", STAMP,
    "DTSTART;TZID=Europe/Paris:20260105T083000", "DTEND;TZID=Europe/Paris:20260105T100000",
    "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR", *exdates({0, 2, 4}, "0830"), "SUMMARY:Matinée SNP", "END:AVAILABLE",
    "BEGIN:AVAILABLE", f"UID:dispo-mardi-soir-{g['rpps']}@agenda.example", STAMP,
    "DTSTART;TZID=Europe/Paris:20260106T180000", "DTEND;TZID=Europe/Paris:20260106T200000",
    "RRULE:FREQ=WEEKLY;BYDAY=TU", "X-SLOT-DURATION:PT20M", "SUMMARY:Mardi soir", "END:AVAILABLE",
    "END:VAVAILABILITY",
    "BEGIN:VAVAILABILITY", f"UID:ete-2027-{g['rpps']}@agenda.example", STAMP,
    "DTSTART;TZID=Europe/Paris:20270802T000000", "DTEND;TZID=Europe/Paris:20270823T000000", "PRIORITY:1",
    "SUMMARY:Été 2027: mardi soir seulement",
    "BEGIN:AVAILABLE", f"UID:ete-2027-mardi-{g['rpps']}@agenda.example", STAMP,
    "DTSTART;TZID=Europe/Paris:20270803T180000", "DTEND;TZID=Europe/Paris:20270803T200000",
    "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3", "X-SLOT-DURATION:PT20M", "END:AVAILABLE",
    "END:VAVAILABILITY",
    "END:VCALENDAR",
]
files[f"vavailability/{g['rpps']}-priorities.ics"] = lines

for rel, content in files.items():
    write_ics(os.path.join(SCHED, rel), content)

# 5. xCal (RFC 6321): the same kind of weekly window, in XML.
g = snp[4]
xcal = f"""<?xml version="1.0" encoding="UTF-8"?>
<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0">
  <vcalendar>
    <properties>
      <prodid><text>-//Maison de santé (fictive)//xCal//FR</text></prodid>
      <version><text>2.0</text></version>
      <x-slotmatch-rpps><unknown>{g['rpps']}</unknown></x-slotmatch-rpps>
    </properties>
    <components>
      <vevent>
        <properties>
          <uid><text>xcal-snp-{g['rpps']}@msp.example</text></uid>
          <dtstamp><date-time>2026-12-01T08:00:00Z</date-time></dtstamp>
          <dtstart><parameters><tzid><text>Europe/Paris</text></tzid></parameters><date-time>2026-01-07T13:30:00</date-time></dtstart>
          <dtend><parameters><tzid><text>Europe/Paris</text></tzid></parameters><date-time>2026-01-07T15:30:00</date-time></dtend>
          <rrule><recur><freq>WEEKLY</freq><byday>WE</byday></recur></rrule>
          <transp><text>TRANSPARENT</text></transp>
          <categories><text>SNP</text></categories>
          <x-slot-duration><unknown>PT15M</unknown></x-slot-duration>
          <summary><text>Mercredi après-midi SNP</text></summary>
        </properties>
      </vevent>
      <vevent>
        <properties>
          <uid><text>xcal-busy-{g['rpps']}@msp.example</text></uid>
          <dtstamp><date-time>2026-12-01T08:00:00Z</date-time></dtstamp>
          <dtstart><date>2027-04-26</date></dtstart>
          <dtend><date>2027-05-01</date></dtend>
          <summary><text>Vacances</text></summary>
        </properties>
      </vevent>
    </components>
  </vcalendar>
</icalendar>
"""
os.makedirs(os.path.join(SCHED, "xcal"), exist_ok=True)
open(os.path.join(SCHED, "xcal", f"{g['rpps']}.xml"), "w", encoding="utf-8").write(xcal)

# 6. FHIR R4 bundles in the SAS aggregator shape: every Wednesday and Friday 2026-12 … 2028-12, JSON and XML.
def paris_offset(d):
    # Last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC is +02:00.
    def last_sunday(y, m):
        x = dt.date(y, m + 1, 1) - dt.timedelta(1)
        return x - dt.timedelta((x.weekday() + 1) % 7)
    return "+02:00" if last_sunday(d.year, 3) <= d < last_sunday(d.year, 10) else "+01:00"

def fhir_slots(rpps, weekdays, start_hm, count, minutes, mode, security):
    d = dt.date(2026, 12, 1)
    while d <= dt.date(2028, 12, 31):
        if d.weekday() in weekdays and d not in HOLIDAYS:
            h, m = start_hm
            for i in range(count):
                t0 = dt.datetime(d.year, d.month, d.day, h, m) + dt.timedelta(minutes=minutes * i)
                t1 = t0 + dt.timedelta(minutes=minutes)
                yield t0, t1, paris_offset(d), mode, security
        d += dt.timedelta(1)

def fhir_bundle_json(g, weekdays, hm, count, minutes, mode):
    rpps = g["rpps"]
    entries = [
        {"fullUrl": f"urn:uuid:prac-{rpps}", "resource": {"resourceType": "Practitioner", "id": f"prac-{rpps}",
            "identifier": [{"system": "urn:oid:1.2.250.1.71.4.2.1", "value": "8" + rpps}],
            "name": [{"text": g["name"]}]}},
        {"fullUrl": f"urn:uuid:role-{rpps}", "resource": {"resourceType": "PractitionerRole", "id": f"role-{rpps}",
            "practitioner": {"reference": f"urn:uuid:prac-{rpps}"},
            "location": [{"reference": f"urn:uuid:loc-{rpps}"}]}},
        {"fullUrl": f"urn:uuid:loc-{rpps}", "resource": {"resourceType": "Location", "id": f"loc-{rpps}",
            "name": "Cabinet médical (fictif)", "address": {"postalCode": "78120", "city": "Rambouillet"}}},
        {"fullUrl": f"urn:uuid:sched-{rpps}", "resource": {"resourceType": "Schedule", "id": f"sched-{rpps}",
            "actor": [{"reference": f"urn:uuid:role-{rpps}"}],
            "planningHorizon": {"start": "2026-12-01T00:00:00+01:00", "end": "2029-01-01T00:00:00+01:00"}}},
    ]
    n = 0
    for t0, t1, off, mode_, sec in fhir_slots(rpps, weekdays, hm, count, minutes, mode, "SNP"):
        n += 1
        status = "busy" if n % 17 == 0 else "free"
        entries.append({"fullUrl": f"urn:uuid:slot-{rpps}-{n}", "resource": {"resourceType": "Slot", "id": f"slot-{rpps}-{n}",
            "meta": {"security": [{"system": "urn:oid:1.2.250.1.213.1.1.4.5", "code": "SNP"}]},
            "serviceType": [{"coding": [{"system": "urn:oid:1.2.250.1.213.1.1.4.5.9", "code": mode_}]}],
            "appointmentType": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0276", "code": "ROUTINE"}]},
            "schedule": {"reference": f"urn:uuid:sched-{rpps}"}, "status": status,
            "start": t0.strftime("%Y-%m-%dT%H:%M:%S") + off, "end": t1.strftime("%Y-%m-%dT%H:%M:%S") + off}})
    return {"resourceType": "Bundle", "type": "searchset", "total": n, "entry": entries}

g = snp[5]
os.makedirs(os.path.join(SCHED, "fhir"), exist_ok=True)
json.dump(fhir_bundle_json(g, {2}, (11, 0), 4, 15, "AMB"), open(os.path.join(SCHED, "fhir", f"{g['rpps']}-bundle.json"), "w", encoding="utf-8"),
          ensure_ascii=False, indent=1)

g = snp[6]
b = fhir_bundle_json(g, {4}, (16, 0), 3, 20, "AMB")
def xml_escape(s): return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
def to_xml(obj, name, indent):
    pad = "  " * indent
    if isinstance(obj, dict):
        inner = "".join(to_xml(v, k, indent + 1) for k, v in obj.items() if k not in ("resourceType",))
        return f"{pad}<{name}>\n{inner}{pad}</{name}>\n"
    if isinstance(obj, list):
        return "".join(to_xml(v, name, indent) for v in obj)
    return f'{pad}<{name} value="{xml_escape(str(obj))}"/>\n'
out = ['<?xml version="1.0" encoding="UTF-8"?>', '<Bundle xmlns="http://hl7.org/fhir">', '  <type value="searchset"/>']
for e in b["entry"]:
    r = e["resource"]
    body = "".join(to_xml(v, k, 4) for k, v in r.items() if k != "resourceType")
    out.append(f'  <entry>\n    <fullUrl value="{e["fullUrl"]}"/>\n    <resource>\n      <{r["resourceType"]}>\n{body}      </{r["resourceType"]}>\n    </resource>\n  </entry>')
out.append("</Bundle>")
# FHIR XML puts id first as an element with a value attribute, as the to_xml helper does.
open(os.path.join(SCHED, "fhir", f"{g['rpps']}-bundle.xml"), "w", encoding="utf-8").write("\n".join(out) + "\n")

# 7. CSV: a spreadsheet typed by a practice secretary (local times; one row per window).
g1, g2 = snp[7], snp[8]
rows = ["rpps,start,end,mode,visibility,slot_minutes"]
d = dt.date(2026, 12, 5)
while d <= dt.date(2028, 12, 31):
    if d.weekday() == 5 and d not in HOLIDAYS:
        rows.append(f"{g1['rpps']},{d.isoformat()} 09:00,{d.isoformat()} 12:00,AMB,\"SNP,CPTS\",15")
    if d.weekday() == 1 and d not in HOLIDAYS:
        rows.append(f"{g2['rpps']},{d.isoformat()}T12:30+01:00,{d.isoformat()}T13:30+01:00,VR,SNP,")
    d += dt.timedelta(1)
os.makedirs(os.path.join(SCHED, "csv"), exist_ok=True)
open(os.path.join(SCHED, "csv", "secretariat-saturdays.csv"), "w", encoding="utf-8").write("\n".join(rows) + "\n")

# 8. The inbox: DIR/<RPPS>/ holds each GP's published files, as the CPTS's file drop lays them out.
for g in snp[9:12]:
    folder = os.path.join(SCHED, "inbox", g["rpps"])
    os.makedirs(folder, exist_ok=True)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Logiciel de cabinet (fictif)//FR"] + [
        "BEGIN:VEVENT", f"UID:inbox-{g['rpps']}@cabinet.example", STAMP,
        "DTSTART;TZID=Europe/Paris:20260106T140000", "DTEND;TZID=Europe/Paris:20260106T160000",
        "RRULE:FREQ=WEEKLY;BYDAY=TU,TH", *exdates({1, 3}, "1400"), "TRANSP:TRANSPARENT", "CATEGORIES:SNP",
        "SUMMARY:Après-midi SNP", "END:VEVENT", "END:VCALENDAR"]
    write_ics(os.path.join(folder, "agenda.ics"), lines)
print("wrote Schedules for", len(files) + 7, "files")
