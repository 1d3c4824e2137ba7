#!/usr/bin/env python3
"""Checks on the bundled hand-compiled data, as an analyst would make them (issue 15).

1. Every control row's locality lies within 2 km of its gazetteer point, or its notes name the
   source of its own position ("coords <source>"). A row that cites a gazetteer entry
   ("wof_id N") must sit on that entry's point, and the entry must carry the locality's name.
2. Every row whose source names an article file (NNN_<hex>.txt) names one that exists in
   ../shared/seeds.
3. No two observation posts share a point unless a note says a source puts them there
   ("shares this point").
4. Every article has its ledger (geodata/article_ledger.csv): each thing it reports, in reading
   order, with the rows that record it or a remark saying why none does. Each named row exists and
   cites that article, and every row of the fact tables that cites an article is in its ledger.

Usage: bundled_data_check.py REPO_ROOT      check the repository's geodata
       bundled_data_check.py --self-test REPO_ROOT   plant one fault of each kind in a copy;
                                                      expect each reported
Exit 0: all pass; 1: a check failed (each failure printed); 77: nothing could be checked
(../shared absent).
"""
import contextlib
import csv
import io
import os
import re
import shutil
import sys
import tempfile

GAZETTEER_KM = 2.0
ON_POINT_KM = 0.05  # coordinates are rounded to 5 decimals (about 1 m)
ARTICLE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")
OWN_POSITION = re.compile(r"\bcoords\b\s*\S+", re.IGNORECASE)
SHARED_NOTE = "shares this point"


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def bare_name(locality):
    """'al-Burj (Idlib)' -> 'al-Burj': the bracket only tells same-named places apart."""
    return re.sub(r"\s*\(.*?\)\s*", " ", locality).strip()


def check_positions(rows, gz, features):
    by_id = {f["properties"]["wof_id"]: f for f in features}
    failures, far_with_own_source = [], 0
    seen = {}
    for n, r in enumerate(rows, start=2):
        where = f"control_changes.csv line {n} ({r['locality']})"
        lat, lon = float(r["latitude"]), float(r["longitude"])
        if seen.setdefault(r["locality"], (lat, lon)) != (lat, lon):
            failures.append(f"{where}: position differs from the locality's other rows")
        cited = re.search(r"wof_id (\d+)", r["notes"])
        if cited:
            f = by_id.get(int(cited.group(1)))
            if f is None:
                failures.append(f"{where}: cites wof_id {cited.group(1)}, which the gazetteer lacks")
                continue
            flon, flat = f["geometry"]["coordinates"]
            if gz.distance_km(lat, lon, flat, flon) > ON_POINT_KM:
                failures.append(f"{where}: cites wof_id {cited.group(1)} but lies "
                                f"{gz.distance_km(lat, lon, flat, flon):.2f} km from its point")
            if gz.score(bare_name(r["locality"]), f) < 0.6:
                failures.append(f"{where}: wof_id {cited.group(1)} is named "
                                f"'{f['properties']['name']}', not like '{r['locality']}'")
            continue
        near = [c for c in gz.candidates(bare_name(r["locality"]), features, near=(lat, lon),
                                         radius_km=GAZETTEER_KM, limit=1) if c[0] >= 0.85]
        if near:
            continue
        if OWN_POSITION.search(r["notes"]):
            far_with_own_source += 1
            continue
        failures.append(f"{where}: more than {GAZETTEER_KM} km from any gazetteer point of that "
                        "name and its notes name no source for its position ('coords ...')")
    return failures, far_with_own_source


def check_articles(geodata, seeds):
    failures = []
    for name in sorted(os.listdir(geodata)):
        if not name.endswith(".csv"):
            continue
        for n, r in enumerate(read_rows(os.path.join(geodata, name)), start=2):
            for column in ("source", "sources", "source_article"):
                for article in ARTICLE.findall(r.get(column) or ""):
                    if not os.path.isfile(os.path.join(seeds, article)):
                        failures.append(f"{name} line {n}: cites {article}, not in {seeds}")
    return failures


def check_posts(rows, gz):
    failures = []
    placed = [r for r in rows if r["latitude"] and r["longitude"]]
    for i, a in enumerate(placed):
        for b in placed[i + 1:]:
            d = gz.distance_km(float(a["latitude"]), float(a["longitude"]),
                               float(b["latitude"]), float(b["longitude"]))
            if d < ON_POINT_KM and SHARED_NOTE not in a["location_note"] + b["location_note"]:
                failures.append(f"observation_posts.csv: {a['post_id']} and {b['post_id']} share "
                                f"a point and no note says a source puts them there")
    return failures


# The tables whose rows state facts, and the column that names each row in the ledger.
FACT_TABLES = {"events.csv": "event_id", "displacement_figures.csv": "figure_id",
               "displacement_flows.csv": "flow_id", "control_changes.csv": None}


def fact_rows(geodata):
    """Every fact row by its ledger name (a control change is 'Locality@date'), with its source."""
    rows = {}
    for table, key in FACT_TABLES.items():
        for r in read_rows(os.path.join(geodata, table)):
            name = r[key] if key else f"{r['locality']}@{r['date']}"
            rows[name] = (table, r["source"])
    return rows


def check_ledger(geodata, seeds):
    failures = []
    facts = fact_rows(geodata)
    listed = {}  # article -> row names its ledger gives
    items = {}
    for n, item in enumerate(read_rows(os.path.join(geodata, "article_ledger.csv")), start=2):
        where = f"article_ledger.csv line {n}"
        article = item["article"]
        if not os.path.isfile(os.path.join(seeds, article)):
            failures.append(f"{where}: {article} is not in {seeds}")
        items.setdefault(article, []).append(int(item["item"]))
        names = item["rows"].split()
        if not names and not item["remark"].strip():
            failures.append(f"{where}: names no row and gives no remark saying why")
        for name in names:
            listed.setdefault(article, set()).add(name)
            if name not in facts:
                failures.append(f"{where}: row {name} is in none of {', '.join(FACT_TABLES)}")
            elif article not in facts[name][1]:
                failures.append(f"{where}: row {name} ({facts[name][0]}) does not cite {article}")
    for article in sorted(os.listdir(seeds)):
        if ARTICLE.fullmatch(article) and items.get(article, []) != list(
                range(1, len(items.get(article, [])) + 1)):
            failures.append(f"article_ledger.csv: {article}'s items are not numbered 1, 2, ... "
                            "in reading order (or it has none)")
    for name, (table, source) in sorted(facts.items()):
        for article in ARTICLE.findall(source):
            if name not in listed.get(article, set()):
                failures.append(f"{table} row {name} cites {article}, but that article's ledger "
                                "does not list it")
    return failures


def run(repo):
    geodata = os.path.join(repo, "geodata")
    shared = os.path.join(repo, "..", "shared")
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    sys.path.insert(0, geodata)
    import gazetteer as gz  # geodata/gazetteer.py: spellings compared as the data was matched

    failures, checked = [], 0
    gazetteer = os.path.join(shared, "gazetteer", "nw-syria-localities.geojson")
    if os.path.isfile(gazetteer):
        control = read_rows(os.path.join(geodata, "control_changes.csv"))
        f, own = check_positions(control, gz, gz.load(gazetteer))
        failures += f
        checked += 1
        print(f"positions: {len(control)} control rows; {own} lie beyond {GAZETTEER_KM} km of a "
              "same-named gazetteer point (or have none) and name their own position source")
    else:
        print(f"SKIP positions: no gazetteer at {gazetteer}")
    seeds = os.path.join(shared, "seeds")
    if os.path.isdir(seeds):
        failures += check_articles(geodata, seeds)
        checked += 1
        print("articles: every article file cited in geodata/*.csv checked against", seeds)
        failures += check_ledger(geodata, seeds)
        print("ledger: every article's statements in article_ledger.csv, each with its rows or why none")
    else:
        print(f"SKIP articles: no {seeds}")
    failures += check_posts(read_rows(os.path.join(geodata, "observation_posts.csv")), gz)
    for f in failures:
        print("FAIL", f)
    if failures:
        return 1
    return 0 if checked else 77


def append_row(path, changes):
    """Append a copy of the file's first row with some cells changed."""
    rows = read_rows(path)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows + [dict(rows[0], **changes)])


def self_test(repo):
    """Each check must catch a fault planted in a copy of the data."""
    with tempfile.TemporaryDirectory() as tmp:
        fake_repo = os.path.join(tmp, "repo")
        shutil.copytree(os.path.join(repo, "geodata"), os.path.join(fake_repo, "geodata"))
        os.makedirs(os.path.join(tmp, "shared"))
        real_shared = os.path.join(repo, "..", "shared")
        for part in ("gazetteer", "seeds"):
            if not os.path.isdir(os.path.join(real_shared, part)):
                print(f"SKIP self-test: no {part} in {real_shared}")
                return 77
            os.symlink(os.path.abspath(os.path.join(real_shared, part)), os.path.join(tmp, "shared", part))
        geodata = os.path.join(fake_repo, "geodata")
        with open(os.path.join(geodata, "control_changes.csv"), "a", encoding="utf-8") as f:
            # Babila's WOF point moved 5 km north, and a village with no position source.
            f.write('Babila,35.74600,36.73007,2017-05-01,opposition,day,src,high,"coords gazetteer (WOF wof_id 1276847679, position GeoNames)"\n')
            f.write('Nowhere Village,35.50000,36.50000,2017-05-01,opposition,day,src,high,no position note\n')
        append_row(os.path.join(geodata, "events.csv"),
                   {"source": "seeds/999_0123456789abcdef.txt (2020-01-01)"})
        # A row citing an article its ledger does not list; a ledger item naming a missing row, and
        # one with neither rows nor a reason.
        append_row(os.path.join(geodata, "events.csv"),
                   {"event_id": "zz-01", "source": "seeds/000_c2a9752209b4bb0f.txt"})
        with open(os.path.join(geodata, "article_ledger.csv"), "a", encoding="utf-8") as f:
            f.write("004_e78f9370a36171e7.txt,16,a planted item,no date,a999-99,\n")
            f.write("004_e78f9370a36171e7.txt,17,a planted item,no date,,\n")
        append_row(os.path.join(geodata, "observation_posts.csv"),
                   {"post_id": "zz99", "location_note": "a second post at the first one's point"})

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = run(fake_repo)
        text = out.getvalue()
        expected = ["Babila): position differs", "Babila): cites wof_id 1276847679 but lies",
                    "(Nowhere Village): more than", "999_0123456789abcdef.txt, not in",
                    "and zz99 share a point", "events.csv row zz-01 cites 000_",
                    "row a999-99 is in none of", "names no row and gives no remark"]
        missing = [e for e in expected if e not in text]
        if code != 1 or missing:
            print(text)
            print("self-test: exit", code, "; not reported:", missing)
            return 1
        print("self-test: every planted fault was reported")
        return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--self-test":
        sys.exit(self_test(sys.argv[2]))
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(run(sys.argv[1]))
