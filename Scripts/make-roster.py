#!/usr/bin/env python3
"""Writes Schedules/roster.csv: fictional GPs for the demo and the tests.

Names are invented combinations of common French first names and surnames; RPPS numbers are
synthetic (prefix 10, eight random digits, a Luhn check digit). Seeded, so the file is reproducible:
    python3 Scripts/make-roster.py > Schedules/roster.csv
"""
import random

rng = random.Random(78517)

FIRST = ["Claire", "Julien", "Sophie", "Nicolas", "Isabelle", "Thomas", "Nathalie", "Antoine", "Camille", "Mathieu",
         "Élodie", "Pierre", "Aurélie", "François", "Hélène", "Laurent", "Céline", "Olivier", "Marion", "Sébastien",
         "Anne", "Guillaume", "Émilie", "Vincent", "Pauline", "Benoît", "Agnès", "Xavier", "Léa", "Hugo",
         "Chloé", "Rémi", "Sandrine", "Yves", "Margaux", "Damien", "Inès", "Arnaud", "Lucie", "Gilles",
         "Juliette", "Stéphane", "Manon", "Denis", "Valérie", "Cyril", "Noémie", "Bruno"]
LAST = ["Martinet", "Bernardin", "Durandal", "Lefèvre-Roux", "Moreau-Vidal", "Garnier", "Faucheux", "Chevalier", "Lemaire",
        "Rouvière", "Perrot", "Brunel", "Delacroix", "Marchand", "Vasseur", "Carré", "Lebrun", "Guérin", "Renaudin",
        "Aubert", "Fontaine", "Tessier", "Barbier", "Collin", "Mercier", "Hamelin", "Lacombe", "Poulain", "Royer",
        "Besnard", "Charpentier", "Dumoulin", "Fleury", "Gauthier", "Hébert", "Joubert", "Laurent-Sage", "Maillard",
        "Noël", "Olivier", "Prévost", "Quentin", "Rivière", "Sauvage", "Thibault", "Vallée", "Weber", "Yvon"]

# Where the GPs practise: concentrated in Rambouillet and Le Perray-en-Yvelines, then the two
# other poles, a few other communes; most small communes have none (as the CPTS health project says).
SUPPLY = [("78517", 16), ("78486", 8), ("78537", 6), ("78562", 3), ("78220", 4), ("78003", 3), ("78087", 2),
          ("78128", 1), ("78601", 1), ("78030", 1)]

MODES = ["AMB"] * 5 + ["AMB|HH"] * 4 + ["AMB|VR"] * 3 + ["AMB|HH|VR"] * 2 + ["HH"] + ["VR"]
CAPS = ["", "", "", "20", "15", "12", "10", "8", "18"]
RADII = ["", "", "5", "8", "12", "15", "7.5", "20"]


def luhn_check_digit(prefix: str) -> int:
    for d in range(10):
        total = 0
        for i, ch in enumerate(reversed(prefix + str(d))):
            v = int(ch)
            if i % 2 == 1:
                v *= 2
                if v > 9:
                    v -= 9
            total += v
        if total % 10 == 0:
            return d
    raise AssertionError


def main() -> None:
    print("rpps,name,commune_insee,modes,snp,weekly_cap,home_radius_km")
    firsts = rng.sample(FIRST, len(FIRST))
    lasts = rng.sample(LAST, len(LAST))
    seen = set()
    n = 0
    for insee, count in SUPPLY:
        for _ in range(count):
            while True:
                prefix = "10" + "".join(str(rng.randrange(10)) for _ in range(8))
                if prefix not in seen:
                    seen.add(prefix)
                    break
            rpps = prefix + str(luhn_check_digit(prefix))
            name = f"Dr {firsts[n % len(firsts)]} {lasts[n % len(lasts)]}"
            modes = rng.choice(MODES)
            snp = "no" if rng.random() < 0.18 else "yes"
            cap = rng.choice(CAPS)
            radius = rng.choice(RADII) if "HH" in modes else rng.choice(["", ""])
            print(f"{rpps},{name},{insee},{modes},{snp},{cap},{radius}")
            n += 1


main()
