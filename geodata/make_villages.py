#!/usr/bin/env python3
"""Regenerates villages.geojson from the shared north-west Syria gazetteer (issue 15).

Input: ../../shared/gazetteer/nw-syria-localities.geojson (Who's On First localities of the Idlib,
Aleppo, Hama and Latakia governorates, positions mostly from GeoNames; see its README).
Output: villages.geojson beside this script, one point per village, properties in the same
spirit as towns.geojson: name (English where WOF has one), name_ar, alt_names (the WOF
transliteration and its plain-ASCII form, so search finds 'Ma`arr Shamarin' as 'Maarr Shamarin'),
governorate, population (null where WOF has none), wof_id, source (the credit for that point).

A gazetteer place that is one of the bundled towns (towns.geojson: within 3 km and the same name by
gazetteer.score) is not a village of its own: instead the town gets the gazetteer's Arabic name
(`name_ar`) and spellings (added to its `alt_names`), so search finds every town by those too, and
the map shows one point per place. Run it after make_towns.sh (which calls it).

Usage: ./make_villages.py [GAZETTEER] [OUTPUT] [TOWNS]
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


def write_collection(path, name, features):
    # One feature a line, like towns.geojson, so a diff shows which places changed; written to a
    # temporary file first, so an interrupted run leaves the old file whole.
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        out.write('{"type":"FeatureCollection","name":"%s","features":[\n' % name)
        out.write(",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features))
        out.write("\n]}\n")
    os.replace(path + ".tmp", path)


def town_of(place, towns):
    """The bundled town that `place` (a gazetteer feature) is, if any."""
    lon, lat = place["geometry"]["coordinates"]
    for town in towns:
        tlon, tlat = town["geometry"]["coordinates"]
        if gazetteer.distance_km(lat, lon, tlat, tlon) > 3:
            continue
        spellings = [town["properties"]["name"]] + (town["properties"].get("alt_names") or "").split(";")
        if max(gazetteer.score(s, place) for s in spellings if s) >= 0.85:
            return town
    return None


def enrich_town(town, place):
    """Gives `town` the gazetteer's Arabic name and spellings."""
    p = town["properties"]
    extra = village(place)["properties"]
    if extra["name_ar"] and not p.get("name_ar"):
        p["name_ar"] = extra["name_ar"]
    spellings = [s for s in (p.get("alt_names") or "").split(";") if s]
    for s in [extra["name"]] + extra["alt_names"].split(";"):
        if s and s != p["name"] and s not in spellings:
            spellings.append(s)
    p["alt_names"] = ";".join(spellings)


def main(argv):
    source = argv[1] if len(argv) > 1 else gazetteer.DEFAULT_GAZETTEER
    output = argv[2] if len(argv) > 2 else os.path.join(HERE, "villages.geojson")
    towns_path = argv[3] if len(argv) > 3 else os.path.join(HERE, "towns.geojson")
    with open(towns_path, encoding="utf-8") as f:
        towns = json.load(f)["features"]
    villages = []
    for place in gazetteer.load(source):
        town = town_of(place, towns)
        if town:
            enrich_town(town, place)
        else:
            villages.append(village(place))
    villages.sort(key=lambda f: (-(f["properties"]["population"] or 0), f["properties"]["name"]))
    write_collection(output, "villages", villages)
    write_collection(towns_path, "towns", towns)
    print(f"{output}: {len(villages)} villages; {len(towns)} towns given the gazetteer's names")


if __name__ == "__main__":
    main(sys.argv)
