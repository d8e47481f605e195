#!/usr/bin/python3
"""Figures of how robust a comparison of designs is to its uncertain inputs.

Usage:
  /usr/bin/python3 analysis/robustness_figures.py --sensitivity OUT/sensitivity.json --out DIR
  /usr/bin/python3 analysis/robustness_figures.py --sweep SWEEP/results.json --factor PTR --metric M
                                                  [--reference DESIGN] --out DIR

* tornado_<metric>_<design>_vs_<versus>.png — one bar per important input (sensitivity.json `switching`):
  the paired difference (design minus versus) at the low and at the high end of the input's range, the
  other inputs at their medians; the vertical line is the difference with every input at its median.
* sobol_<metric>_<design>.png — first-order and total Sobol indices of each important input on the
  difference design minus baseline (sensitivity.json `sobol`), with their 95 % bootstrap intervals.
* response_<metric>.png — a sweep's metric against one factor's value, one line per design with its
  95 % Student-t interval; with --reference, each design's paired difference from that design over the
  replications both hold (common random numbers), the reference then being the zero line.

Prints each file written. Exit codes: 0 ok, 2 unreadable input, bad usage or nothing to draw.
"""
from __future__ import annotations

import argparse
import json
import math
import pathlib
import re
import sys

plt = None


class InputError(Exception):
    pass


def import_plotting():
    global plt
    if plt is None:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as _plt
        plt = _plt


def t_quantile(p, df):
    from scipy.stats import t
    return float(t.ppf(p, df))


def mean_interval(values):
    """Mean and 95 % Student-t interval (None bounds with fewer than two values)."""
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, None, None
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = t_quantile(0.975, n - 1) * sd / math.sqrt(n)
    return mean, mean - half, mean + half


def slug(text):
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_")


def short(pointer):
    """The last two steps of a JSON Pointer: enough to name an input on an axis."""
    return "/".join(pointer.split("/")[-2:])


def save(fig, out, name):
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    tmp = path.with_name(f".{path.name}.tmp")
    fig.savefig(tmp, dpi=110, format="png")
    tmp.replace(path)
    plt.close(fig)
    return path


def tornado_data(entries):
    """[(input pointer, low-end difference, high-end difference, central difference)] of one
    (design, versus, metric), widest swing first."""
    rows = []
    for e in entries:
        grid = e["grid"]
        central = grid[len(grid) // 2]["mean"]
        rows.append((e["pointer"], grid[0]["mean"], grid[-1]["mean"], central))
    rows.sort(key=lambda r: abs(r[2] - r[1]), reverse=True)
    return rows


def draw_tornado(rows, design, versus, metric):
    import_plotting()
    fig, ax = plt.subplots(figsize=(8, 1.4 + 0.5 * len(rows)))
    for i, (pointer, low, high, central) in enumerate(rows):
        y = len(rows) - 1 - i
        ax.barh(y, low - central, left=central, color="#56B4E9", label="low end of range" if i == 0 else None)
        ax.barh(y, high - central, left=central, color="#D55E00", label="high end of range" if i == 0 else None)
    central = rows[0][3] if rows else 0.0
    ax.axvline(central, color="#333333", linewidth=1)
    ax.axvline(0, color="#999999", linewidth=0.8, linestyle=":")
    ax.set_yticks(range(len(rows)), [short(r[0]) for r in reversed(rows)])
    ax.set_xlabel(f"{metric}: {design} minus {versus}")
    ax.set_title(f"What moves {design} vs {versus} on {metric} (others at their medians)", loc="left", fontsize=11)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig


def draw_sobol(entry):
    import_plotting()
    inputs = entry["inputs"]
    fig, ax = plt.subplots(figsize=(8, 1.4 + 0.6 * len(inputs)))
    ys = list(range(len(inputs)))
    for offset, key, colour, label in ((0.18, "first", "#0072B2", "first-order"),
                                       (-0.18, "total", "#E69F00", "total")):
        values = [i[key] for i in inputs]
        err = [[max(0.0, i[key] - i[f"{key}_low"]) for i in inputs],
               [max(0.0, i[f"{key}_high"] - i[key]) for i in inputs]]
        ax.barh([len(inputs) - 1 - y + offset for y in ys], values, height=0.34, xerr=err, color=colour,
                label=label, error_kw={"ecolor": "#333333", "capsize": 3})
    ax.set_yticks([len(inputs) - 1 - y for y in ys], [short(i["pointer"]) for i in inputs])
    ax.set_xlim(min(0.0, ax.get_xlim()[0]), max(1.05, ax.get_xlim()[1]))
    ax.set_xlabel("share of the variance of the difference (95 % bootstrap interval)")
    ax.set_title(f"Sobol indices: {entry['design']} minus baseline on {entry['metric']}", loc="left",
                 fontsize=11)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig


def response_data(doc, factor, metric, reference=None):
    """{design: [(factor value, mean, low, high)]} over the sweep's points, from the stored replications;
    with `reference`, paired differences from it."""
    points = doc.get("manifest", {}).get("points") or []
    x_of = {}
    for p in points:
        if factor not in p.get("factors", {}):
            raise InputError(f"/manifest/points/{p.get('point')}/factors: no factor {factor}")
        value = p["factors"][factor]
        if not isinstance(value, (int, float)):
            raise InputError(f"/manifest/points/{p.get('point')}/factors: {factor} is not a number ({value!r})")
        x_of[p["point"]] = float(value)
    if not x_of:
        raise InputError("/manifest/points: these results are not a sweep")
    values = {}  # (point, design) -> {replication: value}
    for r in doc.get("replications", []):
        for m in r.get("metrics", []):
            if m.get("metric") == metric and not m.get("dims"):
                values.setdefault((r.get("point"), r["design"]), {})[r["replication"]] = m["value"]
    designs = doc["manifest"].get("designs", [])
    if reference is not None and reference not in designs:
        raise InputError(f"/manifest/designs: no design {reference} (designs: {', '.join(designs)})")
    curves = {}
    for d in designs:
        line = []
        for point, x in sorted(x_of.items(), key=lambda kv: kv[1]):
            own = values.get((point, d), {})
            if reference is not None:
                ref = values.get((point, reference), {})
                own = {i: v - ref[i] for i, v in own.items() if i in ref}
            if own:
                line.append((x, *mean_interval([own[i] for i in sorted(own)])))
        if line:
            curves[d] = line
    if not curves:
        raise InputError(f"/replications: no values of {metric} to draw")
    return curves


def draw_response(curves, factor, metric, reference=None):
    import_plotting()
    fig, ax = plt.subplots(figsize=(8, 4.5))
    colours = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C6D31", "#6E6E6E"]
    for i, (design, line) in enumerate(curves.items()):
        xs = [p[0] for p in line]
        ax.plot(xs, [p[1] for p in line], marker="o", color=colours[i % len(colours)], label=design)
        if all(p[2] is not None for p in line):
            ax.fill_between(xs, [p[2] for p in line], [p[3] for p in line], color=colours[i % len(colours)],
                            alpha=0.18, linewidth=0)
    ax.set_xlabel(factor)
    ax.set_ylabel(f"{metric} minus {reference}" if reference else metric)
    ax.set_title(f"{metric} against {short(factor)} (95 % intervals)", loc="left", fontsize=11)
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def read_json(path, what):
    try:
        doc = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"{path}: cannot read {what}: {e}")
    return doc


def from_sensitivity(path, out):
    doc = read_json(path, "a sensitivity analysis")
    if doc.get("format") != "recordflow-sensitivity":
        raise InputError(f"{path}: /format: not a recordflow sensitivity analysis")
    written = []
    groups = {}
    for e in doc.get("switching", []):
        groups.setdefault((e["design"], e["versus"], e["metric"]), []).append(e)
    for (design, versus, metric), entries in groups.items():
        written.append(save(draw_tornado(tornado_data(entries), design, versus, metric), out,
                            f"tornado_{slug(metric)}_{slug(design)}_vs_{slug(versus)}"))
    for entry in doc.get("sobol", []):
        if entry["inputs"]:
            written.append(save(draw_sobol(entry), out, f"sobol_{slug(entry['metric'])}_{slug(entry['design'])}"))
    if not written:
        raise InputError(f"{path}: /switching, /sobol: nothing to draw (run with --sobol-base and --switch-grid)")
    return written


def main(argv=None):
    p = argparse.ArgumentParser(description="Robustness figures: tornado, Sobol indices, response curves.")
    p.add_argument("--sensitivity", help="sensitivity.json written by 'recordflow sensitivity'")
    p.add_argument("--sweep", help="results.json of a sweep, for response curves")
    p.add_argument("--factor", help="the sweep factor (JSON Pointer) on the x axis")
    p.add_argument("--metric", default="gap_rate", help="metric of the response curves (default gap_rate)")
    p.add_argument("--reference", help="draw each design's paired difference from this design")
    p.add_argument("--out", required=True, help="directory to write the figures into")
    opts = p.parse_args(argv)
    if not opts.sensitivity and not opts.sweep:
        print("error: give --sensitivity or --sweep", file=sys.stderr)
        return 2
    out = pathlib.Path(opts.out)
    try:
        written = from_sensitivity(opts.sensitivity, out) if opts.sensitivity else []
        if opts.sweep:
            if not opts.factor:
                raise InputError("--factor: needed with --sweep")
            doc = read_json(opts.sweep, "a results document")
            curves = response_data(doc, opts.factor, opts.metric, opts.reference)
            written.append(save(draw_response(curves, opts.factor, opts.metric, opts.reference), out,
                                f"response_{slug(opts.metric)}"))
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
