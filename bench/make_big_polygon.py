#!/usr/bin/env python3
"""Writes one polygon with N vertices (default 1,000,000) as GeoJSON, for timing the loading of a
single huge feature: `make_big_polygon.py OUT.geojson [N]`. Deterministic: the same bytes on every
run. The ring is star-shaped around Idlib (36.63 E, 35.93 N), about a degree across, with wiggles at
several scales, so it is a simple, valid polygon that the home view shows whole, and every vertex
matters at street zoom (nothing collapses to a straight line)."""
import math
import sys

CENTRE = (36.63, 35.93)


def radius(theta):
    """Radius in degrees at angle theta: a lobed outline with fine teeth; always positive."""
    return 0.9 * (1.0 + 0.12 * math.sin(5 * theta) + 0.04 * math.sin(97 * theta)
                  + 0.01 * math.sin(1201 * theta) + 0.002 * math.sin(20011 * theta))


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    if not 3 <= n <= 50_000_000:
        sys.exit(f"make_big_polygon.py: N must be 3..50000000, got {n}")
    cx, cy = CENTRE
    with open(out + ".part", "w") as f:
        f.write('{"type":"FeatureCollection","features":[{"type":"Feature",'
                f'"properties":{{"name":"star {n}","vertices":{n}}},'
                '"geometry":{"type":"Polygon","coordinates":[[')
        for i in range(n):
            t = 2 * math.pi * i / n
            r = radius(t)
            f.write(f"[{cx + r * math.cos(t):.7f},{cy + 0.8 * r * math.sin(t):.7f}],")
        r = radius(0.0)
        f.write(f"[{cx + r:.7f},{cy:.7f}]]]}}}}]}}\n")
    import os
    os.replace(out + ".part", out)


if __name__ == "__main__":
    main()
