#!/usr/bin/env python3
"""Writes a synthetic table with ACLED's export columns (as in ACLED's 2023 codebook), for timing
the loading of an analyst's export: `acled_sample.py ROWS OUT.csv`. Seeded, so every run writes the
same file. The values are made up (places are random points in north-west Syria); only the shape is
ACLED's: its column set, its `9-May-20` dates, quoted notes with commas, Unix timestamps."""
import csv
import random
import sys

COLUMNS = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
           "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
           "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
           "source,source_scale,notes,fatalities,tags,timestamp").split(",")
TYPES = [("Political violence", "Battles", "Armed clash"),
         ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Political violence", "Explosions/Remote violence", "Air/drone strike"),
         ("Political violence", "Violence against civilians", "Attack"),
         ("Strategic developments", "Strategic developments", "Non-violent transfer of territory"),
         ("Demonstrations", "Protests", "Peaceful protest")]
ACTORS = ["Military Forces of Syria (2000-)", "Hayat Tahrir al-Sham", "National Front for Liberation",
          "Military Forces of Turkey (2016-)", "Military Forces of Russia (2000-)", "Civilians (Syria)"]
ADMIN = [("Idlib", "Idleb", "Saraqab"), ("Idlib", "Ariha", "Ariha"), ("Idlib", "Maarrat An Nouman",
         "Kafr Nobol"), ("Hama", "As-Suqaylabiyah", "Madiq Castle"), ("Aleppo", "Jebel Saman", "Zarbah")]
WORDS = ("on date forces shelled positions near the town killing wounded reported according to "
         "sources local residents said an attack targeted village clashes continued").split()
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def row(rng, i):
    year, month, day = rng.choice([2017, 2018, 2019, 2020]), rng.randint(1, 12), rng.randint(1, 28)
    disorder, kind, sub = rng.choice(TYPES)
    admin1, admin2, admin3 = rng.choice(ADMIN)
    notes = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40)))
    return [f"SYR{i}", f"{day}-{MONTHS[month - 1]}-{year % 100:02d}", year, rng.randint(1, 3),
            disorder, kind, sub, rng.choice(ACTORS), "", rng.randint(1, 8), rng.choice(ACTORS), "",
            rng.randint(0, 8), rng.randint(10, 88), "", 760, "Middle East", "Syria", admin1, admin2,
            admin3, admin3, f"{rng.uniform(35.2, 36.6):.4f}", f"{rng.uniform(36.0, 37.3):.4f}",
            rng.randint(1, 3), "Syrian Observatory for Human Rights", "National", f'"{notes}", it said',
            rng.choice([0, 0, 0, 1, 2, 5]), "", 1600000000 + i]


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20200206)
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for i in range(rows):
            w.writerow(row(rng, i))


if __name__ == "__main__":
    main()
