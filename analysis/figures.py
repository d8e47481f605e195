#!/usr/bin/python3
"""Standard figures of a recordflow run.

Usage: /usr/bin/python3 analysis/figures.py RESULTS.json --out DIR [--svg] [--dpi 150] [--top-flows 12] [--point N]

Writes PNG files (and SVG with --svg) into DIR and prints the path of each file written, one per line.
A figure whose data is absent from the results (no comparisons, a single design, no daily series, ...)
is skipped with a note on stderr. Exit codes: 0 ok, 1 a figure failed unexpectedly (the others are
still written), 2 unreadable or non-results input, or bad usage.

The figures live in modules by concept (comparison_figures, delay_figure, staff_figure, series_figures),
on the shared vocabulary (vocabulary) and output helpers (figure_output); plotting is the one module that
imports matplotlib. This module lists the figures, draws them all and is the command; it re-exports the
vocabulary and the helpers that report.py and the other scripts use.
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import traceback

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import load  # noqa: E402
import plotting  # noqa: E402
from comparison_figures import fig_differences, fig_gap_rate, fig_gaps_by_cause  # noqa: E402
from delay_figure import FLOOR_H, fig_delay  # noqa: E402,F401
from figure_output import Skip, header, in_design_order, mean_ci, save, setup_style  # noqa: E402,F401
from series_figures import fig_backlog, fig_daily_gaps, warm_up_days  # noqa: E402,F401
from staff_figure import fig_staff, zero_filled_means  # noqa: E402,F401
from vocabulary import *  # noqa: E402,F401,F403  (labels, units, colours and formats, used through figures)

matplotlib = plt = np = pd = Line2D = Patch = FuncFormatter = MaxNLocator = None  # see plotting.py
plotting.bind(globals())
import_plotting = plotting.import_plotting


FIGURES = [
    ("gap rate by design", fig_gap_rate),
    ("gaps by cause", fig_gaps_by_cause),
    ("delay per flow", fig_delay),
    ("staff hours by design", fig_staff),
    ("backlog over time", fig_backlog),
    ("gaps per day", fig_daily_gaps),
    ("differences vs baseline", fig_differences),
]


def make_figures(res, out: pathlib.Path, opts, log=sys.stderr):
    """Draw every figure the results allow. Returns (written paths, {figure: skip note}, [failed figures])."""
    setup_style()
    out.mkdir(parents=True, exist_ok=True)
    written, skipped, failed = [], {}, []
    for title, fn in FIGURES:
        try:
            written += fn(res, out, opts)
        except Skip as e:
            skipped[title] = str(e)
            print(f"note: skipped figure '{title}': {e}", file=log)
        except Exception:  # a drawing bug must not cost the other figures
            failed.append(title)
            print(f"error: figure '{title}' failed:\n{traceback.format_exc()}", file=log)
        finally:
            plt.close("all")
    return written, skipped, failed


def options(argv=None, prog=None, description=None):
    p = argparse.ArgumentParser(prog=prog, description=description or "Standard figures of a recordflow run.")
    p.add_argument("results", help="results.json written by 'recordflow run'")
    p.add_argument("--out", required=True, help="directory to write the figures into (created if missing)")
    p.add_argument("--svg", action="store_true", help="also write each figure as SVG")
    p.add_argument("--dpi", type=int, default=150, help="PNG resolution (default 150)")
    p.add_argument("--top-flows", type=int, default=12,
                   help="delay figure: show at most this many flows, the largest by copies (default 12)")
    p.add_argument("--point", type=int, default=None,
                   help="results of a sweep: the point to draw (default: the first; see manifest.points)")
    return p.parse_args(argv)


def choose_point(res, opts):
    """A sweep's results hold every point: restrict them to --point (default the first), saying so."""
    has = any("point" in f.columns for f in (res.summary, res.comparisons, res.series, res.replications))
    if not has and not res.points:
        if opts.point is not None:
            print("note: --point ignored: these results are not from a sweep", file=sys.stderr)
        return res
    available = sorted({int(p) for f in (res.summary, res.series) if "point" in f.columns
                        for p in f["point"].dropna().unique()} | {p["point"] for p in res.points
                                                                    if isinstance(p.get("point"), int)})
    if not available:
        return res
    point = available[0] if opts.point is None else opts.point
    if point not in available:
        raise load.ResultsError(f"{res.path}: no sweep point {point} (points: "
                                f"{', '.join(str(p) for p in available)})")
    if opts.point is None and len(available) > 1:
        print(f"note: sweep results with {len(available)} points: drawing point {point} "
              f"({res.point_label(point)}); choose another with --point", file=sys.stderr)
    return res.at_point(point)


def main(argv=None) -> int:
    opts = options(argv)
    try:
        res = choose_point(load.load(opts.results), opts)
    except load.ResultsError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    out = pathlib.Path(opts.out)
    try:
        written, _, failed = make_figures(res, out, opts)
    except OSError as e:
        print(f"error: cannot write into {out}: {e}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
