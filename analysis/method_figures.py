"""Figures that justify the run's method, for the report.

* warm_up.png — Welch's graphical method: each daily series (gaps, copies created, staff minutes,
  total backlog) averaged over replications and designs, then smoothed with a centred moving average of
  w days (w = 7, or fewer for short runs); the warm-up the run used is marked (and said to be chosen by
  MSER-5 when the scenario asked for "warm_up": "auto"). A warm-up is long enough when the smoothed curves
  are flat after it.
* replications_precision.png — for each design, the relative 95 % half-width of the mean gap rate (and
  of staff hours a year) that the first n replications give, n = 2 .. N: how precision grows with the
  number of replications, with the adaptive rule's target when the run used one.
Both read each replication's own values (`replications` in results.json).
"""
from __future__ import annotations

import math

import figures
import load

WARM_UP_SERIES = [("gaps", "gaps per day"), ("copies_created", "copies created per day"),
                  ("staff_minutes", "staff minutes per day"), ("backlog", "items waiting, all systems")]
PRECISION_METRICS = ["gap_rate", "staff_hours_per_year"]


def welch_average(values, window):
    """Welch's moving average: centred over 2w+1 days, over the days available near the ends."""
    out = []
    n = len(values)
    for i in range(n):
        half = min(window, i, n - 1 - i)
        chunk = values[i - half:i + half + 1]
        out.append(sum(chunk) / len(chunk))
    return out


def draw_warm_up(res):
    figures.setup_style()
    plt = figures.plt
    frame = load.replication_series_frame(res.doc)
    if "point" in frame.columns and res.point is not None:
        frame = frame[frame["point"] == res.point]
    frame = frame[frame["design"].isin(res.designs)]
    present = [(n, t) for n, t in WARM_UP_SERIES if (frame["name"] == n).any()]
    if not present:
        raise figures.Skip("no per-replication daily series in the results")
    fig, axes = plt.subplots(len(present), 1, figsize=(11, 1.9 + 2.3 * len(present)), squeeze=False, sharex=True)
    warm = figures.warm_up_days(res)
    mser = (res.manifest.get("warm_up") or {}).get("method") == "mser-5"
    for ax, (name, title) in zip(axes[:, 0], present):
        f = frame[frame["name"] == name]
        per_day = f.groupby(["design", "replication", "day"])["value"].sum().groupby("day").mean().sort_index()
        days = list(per_day.index)
        window = 7 if len(days) >= 42 else max(1, len(days) // 6)
        smooth = welch_average(list(per_day.to_numpy(float)), window)
        ax.plot(days, per_day.to_numpy(float), color="#9E9E9E", lw=0.8, label="daily mean over replications")
        ax.plot(days, smooth, color="#0072B2", lw=2.2, label=f"Welch moving average (w = {window}: {2 * window + 1}-day window)")
        if warm:
            how = "chosen by MSER-5" if mser else "used"
            ax.axvline(warm - 0.5, color="#D55E00", lw=1.6, ls="--", label=f"warm-up {how} ({warm:g} days)")
        ax.set_title(title, loc="left")
        ax.set_xlim(days[0] - 0.5, days[-1] + 0.5)
        top = max(max(smooth), float(per_day.max()))
        ax.set_ylim(0, top * 1.08 if top > 0 else 1)
    axes[-1, 0].set_xlabel("simulated day")
    handles, labels = axes[0, 0].get_legend_handles_labels()
    top = figures.header(fig, res, "Warm-up: are the daily series steady after the warm-up?",
                         "Welch's method: mean over all replications and designs, smoothed", handles=handles,
                         ncol=3)
    fig.tight_layout(rect=(0, 0, 1, top))
    return fig


def relative_half_widths(values):
    """[(n, half-width / |mean|)] for the first n values, n = 2 .. len(values) (95 % Student-t)."""
    from scipy import stats
    out = []
    for n in range(2, len(values) + 1):
        head = values[:n]
        mean = sum(head) / n
        sd = math.sqrt(sum((v - mean) ** 2 for v in head) / (n - 1))
        half = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n)
        out.append((n, half / abs(mean) if mean else float("nan")))
    return out


def draw_precision(res):
    figures.setup_style()
    plt = figures.plt
    r = res.replications
    r = r[(r["dim_keys"] == "") & r["metric"].isin(PRECISION_METRICS)]
    metrics = [m for m in PRECISION_METRICS if (r["metric"] == m).any()]
    if not metrics or r["replication"].nunique() < 3:
        raise figures.Skip("fewer than three replications: no precision curve to draw")
    colours = figures.design_colours(res)
    fig, axes = plt.subplots(1, len(metrics), figsize=(5.6 * len(metrics), 4.8), squeeze=False)
    adaptive = res.manifest.get("adaptive")
    target = adaptive.get("target_relative_half_width") if isinstance(adaptive, dict) else None
    for ax, metric in zip(axes[0], metrics):
        for k, d in enumerate(res.designs):
            v = r[(r["metric"] == metric) & (r["design"] == d)].sort_values("replication")["value"].tolist()
            curve = relative_half_widths(v)
            if curve:
                ax.plot([n for n, _ in curve], [h * 100 for _, h in curve], color=colours.get(d, "#999"),
                        marker=MARKERS[k % len(MARKERS)], lw=1.6, label=figures.design_label(res, d))
        if isinstance(target, (int, float)):
            ax.axhline(target * 100, color="#D55E00", ls="--", lw=1.4, label="adaptive rule's target")
        ax.set_title(figures.metric_info(metric)[0], loc="left")
        ax.set_xlabel("replications")
        ax.set_ylabel("95 % half-width, % of the mean")
        ax.set_ylim(bottom=0)
        ax.xaxis.set_major_locator(figures.MaxNLocator(integer=True))
    handles, _ = axes[0, 0].get_legend_handles_labels()
    top = figures.header(fig, res, "Precision against the number of replications",
                         "relative half-width of the 95 % interval from the first n replications",
                         handles=handles, ncol=min(len(handles), 3))
    fig.tight_layout(rect=(0, 0, 1, top))
    return fig


MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]


def write(res, out, opts):
    """Draw and save both figures; returns (written paths, {name: skip note})."""
    written, skipped = [], {}
    for name, draw in (("warm_up", draw_warm_up), ("replications_precision", draw_precision)):
        try:
            written += figures.save(draw(res), out, name, opts)
        except figures.Skip as e:
            skipped[name] = str(e)
    return written, skipped
