#!/usr/bin/env python3
"""Recall, precision and conflicts of `idlib-atlas --extract` on the five seed articles.

Usage: extract_recall.py PATH/TO/idlib-atlas [SEEDS_DIR] [--published-undated]

Recall: the project's article-sourced rows (geodata/events.csv and displacement_figures.csv whose
source starts with seeds/NNN) that some candidate of that article matches: the candidate's days
[date_first, date_last] overlap the row's date widened by its precision (week +-6 days, month +-31,
year +-365; a figure's period_start..date), and the place is the same (names folded, "province"
dropped) or a candidate figure is within 10 % of the row's count.
Precision: the share of candidates judged real reported facts in tests/data/extraction_review.csv
(judged by hand, keyed by article and byte span; a candidate not judged there is reported).
--published-undated: give the two undated articles the publication dates the project's rows infer
(000: 2019-06-05, 002: 2020-02-07), as an analyst who knows them would.
Skips with a message (exit 0) when the seeds are absent.
"""
import csv
import datetime as dt
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNDATED = {"000": "2019-06-05", "002": "2020-02-07"}
WIDEN = {"day": 0, "week": 6, "month": 31, "year": 365}


def day(s):
    return dt.date.fromisoformat(s) if s else None


def fold(s):
    s = re.sub(r"[^a-z ]", "", s.lower().replace("-", " "))
    return s.replace(" province", "").strip()


def candidates_of(binary, article, published):
    cmd = [binary, "--extract", article, "--format", "json"]
    if published:
        cmd += ["--published", published]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def overlaps(c, first, last):
    if not c["date_first"]:
        return False
    return day(c["date_first"]) <= last and day(c["date_last"]) >= first


def figure_match(c, count):
    if not count:
        return False
    values = [f["value"] for f in c["figures"] if f["value"]]
    return any(abs(v - count) <= 0.1 * count for v in values)


def rows(seeds_dir):
    out = []
    for r in csv.DictReader(open(os.path.join(ROOT, "geodata/events.csv"))):
        m = re.match(r"seeds/(\d{3})_", r["source"])
        if not m:
            continue
        d, w = day(r["event_date"]), WIDEN.get(r["date_precision"], 0)
        count = next((float(r[k]) for k in ("fatalities", "displaced", "attacks") if r[k]), None)
        out.append((r["event_id"], m.group(1), d - dt.timedelta(w), d + dt.timedelta(w), r["location"], count))
    for r in csv.DictReader(open(os.path.join(ROOT, "geodata/displacement_figures.csv"))):
        m = re.match(r"seeds/(\d{3})_", r["source"])
        if not m:
            continue
        d, w = day(r["date"]), WIDEN.get(r["date_precision"], 0)
        first = day(r["period_start"]) or d - dt.timedelta(w)
        out.append((r["figure_id"], m.group(1), min(first, d - dt.timedelta(w)), d + dt.timedelta(w), r["place"], float(r["people"])))
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    binary = args[0]
    seeds = args[1] if len(args) > 1 else os.path.join(ROOT, "..", "shared", "seeds")
    if not os.path.isdir(seeds):
        print(f"skipped: no seed articles at {seeds}")
        return 0
    articles = {f[:3]: os.path.join(seeds, f) for f in sorted(os.listdir(seeds)) if f.endswith(".txt")}
    published = UNDATED if "--published-undated" in sys.argv else {}
    found = {k: candidates_of(binary, path, published.get(k)) for k, path in articles.items()}
    review = {}
    review_path = os.path.join(ROOT, "tests/data/extraction_review.csv")
    if os.path.exists(review_path):
        for r in csv.DictReader(open(review_path)):
            review[(r["article"], int(r["span_start"]), int(r["span_end"]))] = r["judgement"]
    matched, missed = [], []
    for rid, art, first, last, place, count in rows(seeds):
        cs = found[art]["candidates"]
        hit = [c for c in cs if overlaps(c, first, last) and (fold(c["location"]) == fold(place) or figure_match(c, count))]
        (matched if hit else missed).append(rid)
    total = len(matched) + len(missed)
    judged = real = unjudged = conflicts = 0
    for art, ex in found.items():
        for c in ex["candidates"]:
            conflicts += bool(c["conflict"])
            j = review.get((art, c["span_start"], c["span_end"]))
            if j is None:
                unjudged += 1
                print(f"not judged: {art} {c['event_id']} [{c['span_start']},{c['span_end']})")
                continue
            judged += 1
            real += j == "real"
    n = sum(len(ex["candidates"]) for ex in found.values())
    print(f"recall {len(matched)}/{total} = {100 * len(matched) / total:.0f} %")
    print(f"missed: {' '.join(missed)}")
    if judged:
        print(f"precision {real}/{judged} = {100 * real / judged:.0f} % of judged candidates ({n} candidates, {unjudged} not judged)")
    print(f"conflicts flagged: {conflicts}")
    for art, ex in found.items():
        for c in ex["candidates"]:
            if c["conflict"]:
                print(f"  {art} {c['event_id']} {c['event_date']} {c['event_type']} at {c['location']}: conflicts with {c['conflict']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
