#!/usr/bin/python3
"""QGIS's side of the world admin-1 export in bench/issue12.sh: renders one vector layer to a PNG
headless, with a simple style like Idlib Atlas's (pale land, grey outlines, sea background), and
prints how long it took. Installs Debian's python3-qgis first if it is missing (as root).

Usage: qgis_export.py SOURCE OUT.png [--size 1920x1080] [--crs EPSG:8857] [--extent world|layer]
SOURCE is anything QGIS's OGR provider opens, e.g. admin1.gpkg or world_map.gpkg|layername=X.
Prints `qgis_init_s=.. load_s=.. render_s=.. total_s=..`: starting QGIS, opening the layer, and
rendering + writing the PNG (QgsMapRendererParallelJob, as QGIS's own canvas and exports use)."""
import argparse
import os
import subprocess
import sys
import tempfile
import time

STARTED = time.perf_counter()
# Equal Earth's whole world in metres (EPSG:8857: x within ±17,243,959, y within ±8,392,927).
WORLD_EQUAL_EARTH = (-17_243_959.06, -8_392_927.6, 17_243_959.06, 8_392_927.6)


def ensure_qgis():
    try:
        import qgis.core  # noqa: F401
        return
    except ImportError:
        pass
    if os.geteuid() != 0:
        sys.exit("qgis_export.py: python3-qgis is missing; run `sudo apt-get install python3-qgis`")
    print("qgis_export.py: installing Debian's python3-qgis", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "python3-qgis"],
                   check=True, env=env, stdout=sys.stderr)


def arguments():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("source")
    p.add_argument("out")
    p.add_argument("--size", default="1920x1080")
    p.add_argument("--crs", default="EPSG:8857", help="the map's CRS (default Equal Earth)")
    p.add_argument("--extent", default="world", choices=["world", "layer"],
                   help="world: Equal Earth's whole world; layer: the layer's extent")
    return p.parse_args()


def main():
    args = arguments()
    width, height = (int(v) for v in args.size.lower().split("x"))
    ensure_qgis()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "XDG_RUNTIME_DIR" not in os.environ:
        os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="qgis-runtime-")
    from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                           QgsFillSymbol, QgsMapRendererParallelJob, QgsMapSettings,
                           QgsProject, QgsRectangle, QgsSingleSymbolRenderer, QgsVectorLayer)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    t0 = time.perf_counter()
    app = QgsApplication([], False)
    app.initQgis()
    t1 = time.perf_counter()
    layer = QgsVectorLayer(args.source, "layer", "ogr")
    if not layer.isValid():
        sys.exit(f"qgis_export.py: QGIS cannot open {args.source}")
    symbol = QgsFillSymbol.createSimple({"color": "#efe9dc", "outline_color": "#8c8c8c",
                                         "outline_width": "0.2"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    crs = QgsCoordinateReferenceSystem(args.crs)
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setOutputSize(QSize(width, height))
    settings.setDestinationCrs(crs)
    settings.setBackgroundColor(QColor("#cfe0ea"))
    settings.setFlag(QgsMapSettings.Antialiasing, True)
    if args.extent == "world" and args.crs == "EPSG:8857":
        settings.setExtent(QgsRectangle(*WORLD_EQUAL_EARTH))
    else:
        to_map = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
        settings.setExtent(to_map.transformBoundingBox(layer.extent()))
    t2 = time.perf_counter()
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    if not job.renderedImage().save(args.out, "PNG"):
        sys.exit(f"qgis_export.py: cannot write {args.out}")
    t3 = time.perf_counter()
    print(f"qgis_init_s={t1 - t0:.3f} load_s={t2 - t1:.3f} render_s={t3 - t2:.3f} "
          f"total_s={t3 - STARTED:.3f} features={layer.featureCount()}", flush=True)
    # QGIS 3.22's exitQgis() from Python segfaults at times: the PNG is written, so leave now.
    os._exit(0)


if __name__ == "__main__":
    main()
