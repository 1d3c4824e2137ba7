#!/usr/bin/env python3
"""Find a village in the shared gazetteer (../shared/gazetteer) by any spelling.

Names in reports and in Who's On First differ in transliteration (Ma`arrat / Maarat / Maaret,
al- / el- / ad-, Kafr / Kafar / Kfar), so names are compared by a consonant skeleton and by
similarity, never by exact string alone. Used by hand ("./gazetteer.py 'Maar Shamarin'") and by
the data checks in tests/data_check/.
"""
import difflib
import json
import math
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GAZETTEER = os.path.join(HERE, "..", "..", "shared", "gazetteer", "nw-syria-localities.geojson")

ARTICLES = r"\b(?:al|el|al|ad|adh|as|ash|at|ath|ar|az|an|ad|es|et|ed|er|ez|en)\b"
# Spellings that mean the same consonant in the reports' transliterations.
SOUND_CLASSES = [("kh", "x"), ("sh", "$"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("q", "k"),
                 ("ou", "u"), ("ee", "i"), ("oo", "u"), ("w", "u"), ("j", "g"), ("z", "s"),
                 ("p", "b"), ("v", "f"), ("c", "k"), ("e", "a"), ("o", "u")]


def plain(name):
    """Lower case ASCII, no diacritics, ayn/hamza marks or articles: 'Ma`arrat al-Nu`man' -> 'maarrat numan'."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[`'’‘ʿʾ´]", "", text.lower())
    text = re.sub(r"[-_/().,]", " ", text)
    text = re.sub(ARTICLES, " ", text)
    text = re.sub(r"\bkafar\b|\bkfar\b|\bkfr\b", "kafr", text)
    text = re.sub(r"\btal\b|\btel\b", "tell", text)
    text = re.sub(r"\bjebel\b|\bjabl\b", "jabal", text)
    return " ".join(text.split())


def skeleton(name):
    """Consonants only, sound classes merged, doubles collapsed: tolerant of vowel spellings."""
    text = plain(name).replace(" ", "")
    for spelling, sound in SOUND_CLASSES:
        text = text.replace(spelling, sound)
    text = re.sub(r"[aiuyh]", "", text)  # vowels and the h of many final -ah/-eh endings
    return re.sub(r"(.)\1+", r"\1", text)


def load(path=DEFAULT_GAZETTEER):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


def names_of(feature):
    p = feature["properties"]
    return [n for n in (p.get("name"), p.get("name_en")) if n]


def distance_km(lat1, lon1, lat2, lon2):
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def score(query, feature):
    """0..1: how well a gazetteer entry's names match a spelling from a report."""
    best = 0.0
    qs, qp = skeleton(query), plain(query)
    for n in names_of(feature):
        s = difflib.SequenceMatcher(None, qs, skeleton(n)).ratio()
        p = difflib.SequenceMatcher(None, qp, plain(n)).ratio()
        best = max(best, 0.6 * s + 0.4 * p, 1.0 if qs == skeleton(n) and qs else 0.0)
    return best


def candidates(query, features, governorate=None, near=None, radius_km=None, limit=8):
    """Best matches; optionally only in one governorate, or within radius_km of (lat, lon)."""
    rows = []
    for f in features:
        p = f["properties"]
        if governorate and p.get("governorate") != governorate:
            continue
        lon, lat = f["geometry"]["coordinates"]
        dist = distance_km(near[0], near[1], lat, lon) if near else None
        if radius_km and dist is not None and dist > radius_km:
            continue
        rows.append((score(query, f), dist, f))
    rows.sort(key=lambda r: -r[0])
    return rows[:limit]


def main(argv):
    features = load()
    near = None
    gov = None
    queries = []
    for a in argv[1:]:
        if a.startswith("--gov="):
            gov = a[6:]
        elif a.startswith("--near="):
            near = tuple(float(x) for x in a[7:].split(","))
        else:
            queries.append(a)
    for q in queries:
        print(f"== {q}  [{skeleton(q)}]")
        for s, dist, f in candidates(q, features, gov, near, 40 if near else None):
            p = f["properties"]
            lon, lat = f["geometry"]["coordinates"]
            d = f" {dist:5.1f} km" if dist is not None else ""
            print(f"  {s:.2f}{d}  {p['name']!s:28} {p.get('name_en') or '':20} {p.get('name_ar') or '':14} "
                  f"{p['governorate']:8} {lat:.5f},{lon:.5f} pop={p.get('population')} wof={p['wof_id']} "
                  f"geom={p.get('geometry_source')}")


if __name__ == "__main__":
    main(sys.argv)
