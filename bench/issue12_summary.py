#!/usr/bin/env python3
"""Turns a run of bench/issue12.sh (OUT/results.tsv, OUT/bench_admin1.json, OUT/*.log) into the
Markdown table of BENCHMARKS.md's issue-12 section: each figure of Idlib Atlas beside GDAL's (or
QGIS's) from the same run, the ratio and the issue's goal. Usage: issue12_summary.py OUT"""
import json
import os
import re
import statistics
import sys


def load_results(out):
    """name -> list of (wall, peak_mib, exit, cpu, extra) over its runs (NAME.1, NAME.2... merged)."""
    runs = {}
    with open(os.path.join(out, "results.tsv")) as f:
        for line in f:
            name, wall, peak, code, cpu, extra = (line.rstrip("\n").split("\t") + [""] * 6)[:6]
            base = re.sub(r"\.\d+$", "", name)
            runs.setdefault(base, []).append((wall, peak, code, cpu, extra))
    return runs


def wall_of(runs, name):
    """Median wall time in seconds, or a '>N' string when any run hit its limit; None if absent."""
    if name not in runs:
        return None
    walls = [r[0] for r in runs[name]]
    capped = [w for w in walls if w.startswith(">")]
    if capped:
        return capped[0]
    try:
        return statistics.median(float(w) for w in walls)
    except ValueError:
        return walls[0]


def cpu_of(runs, name):
    """Median CPU seconds (user + system) of the process and its threads."""
    try:
        return statistics.median(float(r[3]) for r in runs.get(name, []))
    except ValueError:
        return None


def peak_of(runs, name):
    try:
        return max(float(r[1]) for r in runs.get(name, []))
    except ValueError:
        return None


def extra_of(runs, name, key):
    values = [float(m.group(1)) for r in runs.get(name, [])
              for m in [re.search(rf"\b{key}=([0-9.]+)", r[4])] if m]
    return statistics.median(values) if values else None


def seconds(v):
    if v is None:
        return "not run"
    return f"{v} s" if isinstance(v, str) else f"{v:.2f} s"


def mib(v):
    return "not run" if v is None else f"{v:.0f} MiB"


def ratio(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b:
        return f"{a / b:.2f}×"
    if isinstance(a, str) and a.startswith(">") and isinstance(b, (int, float)) and b:
        return f"> {float(a[1:]) / b:.1f}×"
    return "–"


def bench_medians(out):
    """idlib-bench's median real time (ms) per benchmark name, and the load's peak RSS counter."""
    path = os.path.join(out, "bench_admin1.json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        doc = json.load(f)
    times, peaks = {}, {}
    for b in doc.get("benchmarks", []):
        if b.get("run_type") == "iteration":
            times.setdefault(b["run_name"].split("/")[0], []).append(b["real_time"])
            peaks[b["run_name"].split("/")[0]] = b.get("peak_rss_MiB")
    return {name: (statistics.median(t), peaks[name]) for name, t in times.items()}


def cell(r, name):
    """'wall / CPU / peak' of a measured process."""
    if name not in r:
        return "not run"
    cpu = cpu_of(r, name)
    cpu_text = "" if cpu is None else f" ({cpu:.1f} s CPU)"
    return f"{seconds(wall_of(r, name))}{cpu_text}, {mib(peak_of(r, name))}"


def rows(out):
    r = load_results(out)
    table = []

    def add(figure, atlas, other, rat, goal):
        table.append(f"| {figure} | {atlas} | {other} | {rat} | {goal} |")

    def time_and_memory_ratio(a, b):
        return (f"time {ratio(wall_of(r, a), wall_of(r, b))}, "
                f"memory {ratio(peak_of(r, a), peak_of(r, b))}")

    add("8.1M-vertex world file (168 MB GeoJSON): load + export of the Idlib view",
        cell(r, "atlas_world_export"), "GDAL read " + cell(r, "gdal_world"),
        time_and_memory_ratio("atlas_world_export", "gdal_world"), "≤ 1.5× GDAL's time and memory")
    add("8.1M-vertex world file: first frame of the Idlib view in a window, from launch",
        seconds(wall_of(r, "first_frame_world")), "GDAL read " + seconds(wall_of(r, "gdal_world")),
        "–", "≤ GDAL's read + 2 s")
    add("1M-vertex polygon: load + export of the Idlib view", cell(r, "atlas_polygon1m_export"),
        "GDAL read " + cell(r, "gdal_polygon1m"),
        time_and_memory_ratio("atlas_polygon1m_export", "gdal_polygon1m"), "< 3 s")
    add("1M-vertex polygon: first frame in a window, from launch",
        seconds(wall_of(r, "first_frame_polygon1m")), "–", "–", "–")
    b = bench_medians(out)
    load, read = b.get("LoadReprojectTriangulateWorldAdmin1"), b.get("GdalReadWorldAdmin1")
    if load and read:
        add("world admin-1: load in one process (idlib-bench, median real time)",
            f"{load[0]:.0f} ms", f"GDAL read {read[0]:.1f} ms", f"{load[0] / read[0]:.0f}×",
            "< 3× GDAL")
    ga = extra_of(r, "gdal_admin1", "seconds")
    add("world admin-1: GDAL's read as its own process (gdal-read)", "–",
        cell(r, "gdal_admin1") + f"; the read alone {seconds(ga)}", "–", "–")
    add("export of the Idlib view without any added layer (the app's fixed cost)",
        cell(r, "atlas_nolayer_export"), "–", "–", "–")
    add("export of the Idlib view with world admin-1", cell(r, "atlas_admin1_export"), "–", "–",
        "–")
    qtotal = extra_of(r, "qgis_admin1_world", "total_s")
    qrender = extra_of(r, "qgis_admin1_world", "render_s")
    add("world admin-1: one-shot 1920×1080 export of the whole world",
        cell(r, "atlas_admin1_world_export"),
        f"QGIS {cell(r, 'qgis_admin1_world')}; in the script {seconds(qtotal)}, "
        f"of which rendering {seconds(qrender)}",
        "time " + ratio(wall_of(r, "atlas_admin1_world_export"), wall_of(r, "qgis_admin1_world")),
        "faster than QGIS")
    base = peak_of(r, "atlas_events_bundled")
    add("events: the bundled 44 only (`--events`), the baseline of the next rows",
        cell(r, "atlas_events_bundled"), "–", "–", "–")
    for rows_n, label in ((1_000_000, "1m"), (5_000_000, "5m")):
        name = f"atlas_events_{label}"
        if name not in r:
            continue
        add(f"events: {label.upper()} ACLED-style rows, first open (`--events --event-file`)",
            cell(r, name), "GDAL read " + cell(r, f"gdal_acled{label}"),
            time_and_memory_ratio(name, f"gdal_acled{label}"),
            "time ≤ 1× GDAL" + ("; under 1 GB" if label == "5m" else ""))
        peak, capped = peak_of(r, name), isinstance(wall_of(r, name), str)
        if capped:
            add(f"events: {label.upper()} rows, bytes per event", "not known: the load was cut off "
                "at the time limit, so its peak covers only part of the rows", "–", "–", "≤ 150 B")
        elif base is not None and peak is not None:
            add(f"events: {label.upper()} rows, bytes per event (peak − bundled-only peak)",
                f"{(peak - base) * 1024 * 1024 / rows_n:.0f} B", "–", "–", "≤ 150 B")
        if label == "1m":
            add("events: 1M rows, reopened (second run; cache kept)", cell(r, name + "_reopen"),
                "–", "–", "< 1 s")
    header = ["| figure | Idlib Atlas: wall (CPU), peak memory | yardstick, same run | ratio | goal |",
              "|---|---|---|---|---|"]
    return header + table


def main():
    out = sys.argv[1]
    print("\n".join(rows(out)))
    fps = os.path.join(out, "window_fps.log")
    if os.path.exists(fps):
        print("\nbench/window_fps.sh:\n\n```\n" + open(fps).read().strip() + "\n```")


if __name__ == "__main__":
    main()
