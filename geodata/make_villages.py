#!/usr/bin/env python3
"""Regenerates villages.geojson from the shared north-west Syria gazetteer (issue 15).

Input: ../../shared/gazetteer/nw-syria-localities.geojson (Who's On First localities of the Idlib,
Aleppo, Hama and Latakia governorates, positions mostly from GeoNames; see its README).
Output: villages.geojson beside this script, one point per village, properties in the same
spirit as towns.geojson: name (English where WOF has one), name_ar, alt_names (the WOF
transliteration and its plain-ASCII form, so search finds 'Ma`arr Shamarin' as 'Maarr Shamarin'),
governorate, population (null where WOF has none), wof_id, source (the credit for that point).

Usage: ./make_villages.py [GAZETTEER] [OUTPUT]
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import gazetteer  # noqa: E402  (same folder: the name handling the data was matched with)

CREDIT = "Who's On First (whosonfirst.org, licence: https://whosonfirst.org/docs/licenses/)"
POSITION = {"geonames": "position GeoNames (geonames.org, CC BY 4.0)",
            "quattroshapes": "position Quattroshapes (CC BY)",
            "qs_pg": "position Quattroshapes (CC BY)",
            "naturalearth": "position Natural Earth (public domain)"}


def ascii_form(name):
    """'Ma`arr Shamarin' -> 'Maarr Shamarin': diacritics and ayn marks dropped, articles kept."""
    import unicodedata
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "".join(c for c in text if c not in "`'’‘ʿʾ´")


def village(feature):
    p = feature["properties"]
    name = p.get("name_en") or p["name"]
    spellings = []
    for n in (p["name"], ascii_form(p["name"]), p.get("name_en") and ascii_form(p["name_en"])):
        if n and n != name and n not in spellings:
            spellings.append(n)
    source = CREDIT + "; " + POSITION.get(p.get("geometry_source"), "position Who's On First")
    lon, lat = feature["geometry"]["coordinates"]
    return {"type": "Feature",
            "properties": {"name": name, "name_ar": p.get("name_ar") or "",
                           "alt_names": ";".join(spellings), "governorate": p["governorate"],
                           "population": p.get("population"), "wof_id": p["wof_id"],
                           "source": source},
            "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}}


def main(argv):
    source = argv[1] if len(argv) > 1 else gazetteer.DEFAULT_GAZETTEER
    output = argv[2] if len(argv) > 2 else os.path.join(HERE, "villages.geojson")
    features = sorted((village(f) for f in gazetteer.load(source)),
                      key=lambda f: (-(f["properties"]["population"] or 0), f["properties"]["name"]))
    with open(output, "w", encoding="utf-8") as out:
        # One feature a line, like towns.geojson, so a diff shows which villages changed.
        out.write('{"type":"FeatureCollection","name":"villages","features":[\n')
        out.write(",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features))
        out.write("\n]}\n")
    print(f"{output}: {len(features)} villages")


if __name__ == "__main__":
    main(sys.argv)
