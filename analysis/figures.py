#!/usr/bin/python3
"""Standard figures of a recordflow run.

Usage: /usr/bin/python3 analysis/figures.py RESULTS.json --out DIR [--svg] [--dpi 150] [--top-flows 12] [--point N]

Writes PNG files (and SVG with --svg) into DIR and prints the path of each file written, one per line.
A figure whose data is absent from the results (no comparisons, a single design, no daily series, ...)
is skipped with a note on stderr. Exit codes: 0 ok, 1 a figure failed unexpectedly (the others are
still written), 2 unreadable or non-results input, or bad usage.
"""
from __future__ import annotations

import argparse
import math
import pathlib
import sys
import traceback

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import availability  # noqa: E402
import load  # noqa: E402

# matplotlib, numpy and pandas are imported on first drawing (import_plotting), so that a bad input file
# is reported at once.
matplotlib = plt = np = pd = Line2D = Patch = FuncFormatter = MaxNLocator = None


def import_plotting():
    global matplotlib, plt, np, pd, Line2D, Patch, FuncFormatter, MaxNLocator
    if plt is not None:
        return
    import matplotlib as _matplotlib
    _matplotlib.use("Agg")
    import matplotlib.pyplot as _plt
    import numpy as _np
    import pandas as _pd
    from matplotlib.lines import Line2D as _Line2D
    from matplotlib.patches import Patch as _Patch
    from matplotlib.ticker import FuncFormatter as _FuncFormatter, MaxNLocator as _MaxNLocator
    matplotlib, plt, np, pd = _matplotlib, _plt, _np, _pd
    Line2D, Patch, FuncFormatter, MaxNLocator = _Line2D, _Patch, _FuncFormatter, _MaxNLocator

# ---------------------------------------------------------------------------------------------------
# vocabulary: labels, units, colours

CAUSES = ["in_transit", "paper_only", "lost", "outage", "not_looked", "stale"]
CAUSE_LABELS = {"in_transit": "in transit (not yet arrived)", "paper_only": "on paper, not yet filed",
                "lost": "lost (never arrives)", "outage": "system or link down",
                "not_looked": "available, not looked at", "stale": "older version seen"}
CAUSE_COLOURS = {"in_transit": "#56B4E9", "paper_only": "#E69F00", "lost": "#D55E00", "outage": "#333333",
                 "not_looked": "#CC79A7", "stale": "#009E73"}
ORG_LABELS = {"acute": "acute", "primary": "primary care", "community": "community",
              "mental_health": "mental health", "social_care": "social care"}
ORG_COLOURS = {"acute": "#8DA0CB", "primary": "#66C2A5", "community": "#A6D854", "mental_health": "#E78AC3",
               "social_care": "#FC8D62"}
# baseline first in grey, then the Okabe-Ito colours that read well on white
DESIGN_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C6D31", "#F0E442"]
BASELINE_COLOUR = "#6E6E6E"
# staff tasks: Okabe-Ito colours with hatches, so that neighbouring segments differ in two ways
TASK_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442"]
HATCHES = ["", "//", "..", "xx", "\\\\", "oo", "--"]
# one marker per design (in declaration order), so that lines differ without colour
DESIGN_MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
BETTER, WORSE, UNCLEAR = "#1A7F37", "#C0392B", "#8A8A8A"

# metric -> (label, kind, lower is better?)   kinds: share, hours, count, minutes, hours_per_year
METRICS = {
    "gap_rate": ("Gap rate (needed document not seen)", "share", True),
    "share_encounters_with_gap": ("Encounters with at least one gap", "share", True),
    "gap_share": ("Gap share", "share", True),
    "share_within_target": ("Copies available within target", "share", False),
    "share_lost": ("Copies lost", "share", True),
    "delay_mean": ("Delay, mean", "hours", True),
    "delay_p50": ("Delay, median (p50)", "hours", True),
    "delay_p90": ("Delay, 90th percentile", "hours", True),
    "delay_p95": ("Delay, 95th percentile", "hours", True),
    "delay_p99": ("Delay, 99th percentile", "hours", True),
    "staff_hours_per_year": ("Staff time", "hours_per_year", True),
    "staff_minutes": ("Staff time (measured period)", "minutes", True),
    "staff_minutes_per_1000_copies": ("Staff minutes per 1,000 copies", "minutes", True),
    "phone_calls": ("Phone calls to the source", "count", True),
    "gaps_resolved_by_phone": ("Gaps resolved by phone", "count", None),
    "gaps": ("Gaps", "count", True),
    "needs": ("Information needs", "count", None),
    "needs_with_document": ("Needs with an existing document", "count", None),
    "encounters": ("Encounters with a need", "count", None),
    "encounters_with_gap": ("Encounters with a gap", "count", True),
    "copies_created": ("Copies created", "count", None),
    "copies_available": ("Copies available", "count", None),
    "copies_lost": ("Copies lost", "count", True),
    "copies_in_flight": ("Copies in flight at the horizon", "count", None),
    "items_processed": ("Items processed", "count", None),
    "backlog_max": ("Largest backlog", "count", True),
    "backlog_clear_time": ("Time to clear a backlog", "hours", True),
    "backlogs_not_cleared": ("Backlogs not cleared by the horizon", "count", True),
    "downtime_hours": ("Downtime", "hours", True),
    "copies_back_entered": ("Paper records keyed in after downtime", "count", True),
}
COUNT_UNITS = {"phone_calls": "calls in the measured period", "gaps": "gaps in the measured period",
               "copies_lost": "copies in the measured period"}
UNITS = {"share": "%", "hours": "hours", "count": "", "minutes": "minutes", "hours_per_year": "hours per year"}
DIFF_UNITS = {"share": "percentage points", "hours": "hours", "count": "", "minutes": "minutes",
              "hours_per_year": "hours per year"}
# the headline comparisons, in display order
HEADLINE = ["gap_rate", "share_encounters_with_gap", "share_within_target", "delay_p90", "share_lost",
            "staff_hours_per_year", "phone_calls"]


def metric_info(metric):
    return METRICS.get(metric, (metric.replace("_", " ").capitalize(), "count", None))


def scale_of(kind):
    return 100.0 if kind == "share" else 1.0


def fmt_value(x, kind, signed=False):
    """Human format of a metric value (shares as %, hours, counts with thousands separators)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    sign = "+" if signed else ""
    if kind == "share":
        v = x * 100
        text = f"{v:{sign}.1f} %" if abs(v) >= 0.1 or v == 0 else f"{v:{sign}.2f} %"
        return text[1:] if not signed and text.startswith("-") and float(text[:-2]) == 0 else text
    if kind in ("hours",):
        if x != 0 and abs(x) < 1:
            m = x * 60
            return f"{m:{sign}.1f} min" if abs(m) < 10 else f"{m:{sign}.0f} min"
        return f"{x:{sign},.1f} h" if abs(x) < 100 else f"{x:{sign},.0f} h"
    if kind == "hours_per_year":
        return f"{x:{sign},.0f} h/yr"
    if kind == "minutes":
        return f"{x:{sign},.0f} min"
    if abs(x) >= 100 or float(x).is_integer():
        return f"{x:{sign},.0f}"
    return f"{x:{sign},.1f}" if abs(x) >= 1 else f"{x:{sign},.3g}"


def minus(text: str) -> str:
    """Typographic minus sign for numbers shown to readers."""
    return text.replace("-", "\u2212")


def fmt_diff(x, kind):
    if x is None or math.isnan(x):
        return "–"
    if kind == "share":
        return minus(f"{x * 100:+.1f} pp")
    return minus(fmt_value(x, kind, signed=True))


def design_colours(res) -> dict:
    out, i = {}, 0
    for d in res.designs:
        if d == res.baseline:
            out[d] = BASELINE_COLOUR
        else:
            out[d] = DESIGN_COLOURS[i % len(DESIGN_COLOURS)]
            i += 1
    return out


def design_text(res, d):
    """The design's readable label from the scenario (its name when it has none)."""
    spec = (res.scenario.get("designs") or {}).get(d)
    return spec["label"] if isinstance(spec, dict) and isinstance(spec.get("label"), str) else str(d)


def design_label(res, d):
    """design_text, marked when it is the baseline."""
    text = design_text(res, d)
    return f"{text} (baseline)" if d == res.baseline and len(res.designs) > 1 else text


def subtitle(res, interval=True):
    reps = sorted({r for r in (res.replications_of(d) for d in res.designs) if r})
    parts = [f"Scenario: {res.scenario_name}"]
    if res.point is not None:
        parts.append(f"sweep point {res.point}: {res.point_label(res.point)}")
    if reps:
        parts.append(f"{'/'.join(str(r) for r in reps)} replication{'s' if reps != [1] else ''} per design")
    if interval and _has_intervals(res):
        parts.append("error bars: 95 % confidence interval")
    return "  ·  ".join(parts)


def _has_intervals(res):
    s = res.summary
    return bool(len(s)) and bool((s["ci_high"] > s["ci_low"]).any())


def pretty(text: str) -> str:
    return str(text).replace("_", " ")


def org(o):
    return ORG_LABELS.get(o, pretty(o))


# ---------------------------------------------------------------------------------------------------
# output


class Skip(Exception):
    """The results hold no data for this figure."""


def setup_style():
    import_plotting()
    plt.rcParams.update({
        "font.size": 11, "axes.titlesize": 12.5, "axes.titleweight": "bold", "axes.labelsize": 11,
        "figure.titlesize": 15, "figure.titleweight": "bold", "legend.fontsize": 10, "legend.frameon": False,
        "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True, "grid.color": "#E3E3E3",
        "grid.linewidth": 0.8, "axes.axisbelow": True, "savefig.facecolor": "white", "figure.facecolor": "white",
        "svg.fonttype": "none",
    })


def header(fig, res, title, sub=None, handles=None, ncol=4, legend_title=None, interval=True, more=()):
    """Title, subtitle and (optionally) legends at the top of the figure, sized in inches so that they
    look the same whatever the figure's height. `more`: further (handles, ncol) legends under the first.
    Returns the top of the area left for the axes."""
    h = fig.get_figheight()
    fig.text(0.01, 1 - 0.12 / h, title, fontsize=15, fontweight="bold", ha="left", va="top")
    fig.text(0.01, 1 - 0.5 / h, sub if sub is not None else subtitle(res, interval), fontsize=10,
             color="#555555", ha="left", va="top")
    used = 0.78
    groups = ([(handles, ncol, legend_title)] if handles else []) + [(hh, nc, None) for hh, nc in more if hh]
    for hh, nc, lt in groups:
        rows = math.ceil(len(hh) / nc)
        fig.legend(handles=hh, ncol=nc, loc="upper left", bbox_to_anchor=(0.005, 1 - used / h),
                   title=lt, alignment="left", title_fontsize=10)
        used += 0.1 + 0.26 * rows + (0.26 if lt else 0)
    return 1 - (used + 0.15) / h


def save(fig, out: pathlib.Path, name: str, opts) -> list:
    written = []
    for ext in ["png"] + (["svg"] if opts.svg else []):
        path = out / f"{name}.{ext}"
        tmp = path.with_name(f".{path.name}.tmp")
        fig.savefig(tmp, dpi=opts.dpi, format=ext)
        tmp.replace(path)
        written.append(path)
    plt.close(fig)
    return written


def _mean_ci(frame, scale=1.0):
    m = frame["mean"].to_numpy(float) * scale
    lo = frame["ci_low"].to_numpy(float) * scale
    hi = frame["ci_high"].to_numpy(float) * scale
    lo = np.where(np.isnan(lo), m, lo)
    hi = np.where(np.isnan(hi), m, hi)
    return m, np.clip(m - lo, 0, None), np.clip(hi - m, 0, None)


def _ordered(res, frame):
    order = {d: i for i, d in enumerate(res.designs)}
    return frame.assign(_o=frame["design"].map(order).fillna(len(order))).sort_values("_o").drop(columns="_o")


# ---------------------------------------------------------------------------------------------------
# (a) gap rate by design


def fig_gap_rate(res, out, opts):
    panels = [m for m in ("gap_rate", "share_encounters_with_gap")
              if len(load.select(res.summary, m, ()))]
    if "gap_rate" not in panels:
        raise Skip("no overall gap_rate in the summary")
    colours = design_colours(res)
    n = len(res.designs)
    longest = max((len(design_label(res, d)) for d in res.designs), default=10)
    fig, axes = plt.subplots(1, len(panels), figsize=(6.2 * len(panels) + 0.5 + 0.045 * longest * len(panels),
                                                      max(3.2, 1.9 + 0.62 * n)), squeeze=False)
    for ax, metric in zip(axes[0], panels):
        rows = _ordered(res, load.select(res.summary, metric, ()))
        m, el, eh = _mean_ci(rows, 100)
        y = np.arange(len(rows))
        ax.barh(y, np.nan_to_num(m), color=[colours.get(d, "#999") for d in rows["design"]], height=0.62, alpha=0.9)
        if (el > 0).any() or (eh > 0).any():
            ax.errorbar(m, y, xerr=[el, eh], fmt="none", ecolor="black", elinewidth=1.4, capsize=5)
        ax.set_yticks(y, [design_label(res, d) for d in rows["design"]])
        ax.invert_yaxis()
        top = float(np.nanmax(m + eh)) if len(m) and not np.isnan(m).all() else 1
        ax.set_xlim(0, top * 1.6 if top > 0 else 1)
        for yi, (mi, hi, lo_, hi_) in enumerate(zip(m, eh, rows["ci_low"], rows["ci_high"])):
            if math.isnan(mi):
                ax.text(0, yi, "  no value", va="center", fontsize=10, color="#777777")
                continue
            txt = f"{mi:.1f} %"
            if not (math.isnan(lo_) or math.isnan(hi_)) and hi_ > lo_:
                txt += minus(f"  ({lo_ * 100:.1f} to {hi_ * 100:.1f})")
            ax.text(mi + hi + top * 0.02, yi, txt, va="center", fontsize=10)
        ax.grid(axis="y", visible=False)
        label = metric_info(metric)[0]
        ax.set_title(label, loc="left")
        ax.set_xlabel("% of needs with an existing document" if metric == "gap_rate"
                      else "% of encounters with an information need")
    top = header(fig, res, "How often is a needed document not seen?")
    fig.tight_layout(rect=(0, 0, 1, top))
    return save(fig, out, "gap_rate_by_design", opts)


# ---------------------------------------------------------------------------------------------------
# (b) gaps by cause


def _gap_shares(res):
    rows = load.select(res.summary, "gap_share", ("cause",))
    if len(rows):
        return rows.pivot_table(index="design", columns="cause", values="mean", aggfunc="first")
    gaps = load.select(res.summary, "gaps", ("cause",))
    nwd = load.select(res.summary, "needs_with_document", ())
    if len(gaps) and len(nwd):
        denom = nwd.set_index("design")["mean"]
        t = gaps.pivot_table(index="design", columns="cause", values="mean", aggfunc="first")
        return t.div(denom, axis=0)
    return None


def fig_gaps_by_cause(res, out, opts):
    table = _gap_shares(res)
    if table is None or table.empty:
        raise Skip("no gap_share (or gaps) by cause in the summary")
    designs = [d for d in res.designs if d in table.index]
    table = table.reindex(designs).fillna(0.0) * 100
    causes = [c for c in CAUSES if c in table.columns] + sorted(c for c in table.columns if c not in CAUSES)
    total_rows = load.select(res.summary, "gap_rate", ())
    totals = total_rows.set_index("design") if len(total_rows) else None
    n = len(designs)
    fig, ax = plt.subplots(figsize=(11, 3.0 + 0.62 * n))
    y = np.arange(n)
    left = np.zeros(n)
    for c in causes:
        vals = table[c].to_numpy(float)
        ax.barh(y, vals, left=left, height=0.62, color=CAUSE_COLOURS.get(c, "#BBBBBB"),
                label=CAUSE_LABELS.get(c, pretty(c)), edgecolor="white", linewidth=0.6)
        for yi, (l, v) in enumerate(zip(left, vals)):
            if v >= 1.6:
                dark = CAUSE_COLOURS.get(c, "#BBBBBB") in ("#333333", "#D55E00", "#009E73", "#CC79A7")
                ax.text(l + v / 2, yi, f"{v:.1f}", ha="center", va="center", fontsize=9,
                        color="white" if dark else "black")
        left += vals
    xmax = float(left.max()) if n else 1
    for yi, d in enumerate(designs):
        txt = f"{left[yi]:.1f} %"
        if totals is not None and d in totals.index:
            r = totals.loc[d]
            if not (math.isnan(r["ci_low"]) or math.isnan(r["ci_high"])):
                txt = minus(f"{r['mean'] * 100:.1f} %  ({r['ci_low'] * 100:.1f} to {r['ci_high'] * 100:.1f})")
        ax.text(left[yi] + xmax * 0.015, yi, txt, va="center", fontsize=10, fontweight="bold")
    ax.set_yticks(y, [design_label(res, d) for d in designs])
    ax.invert_yaxis()
    ax.set_xlim(0, xmax * 1.3 if xmax > 0 else 1)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("gaps as % of needs with an existing document (segments sum to the gap rate)")
    handles = [Patch(color=CAUSE_COLOURS.get(c, "#BBBBBB"), label=CAUSE_LABELS.get(c, pretty(c))) for c in causes]
    top = header(fig, res, "Why are documents not seen? Gaps by cause",
                 subtitle(res, interval=False) + "  ·  bold: gap rate, mean (95 % confidence interval)",
                 handles=handles, ncol=3, legend_title="cause of the gap")
    fig.tight_layout(rect=(0, 0, 1, top))
    return save(fig, out, "gaps_by_cause", opts)


# ---------------------------------------------------------------------------------------------------
# (c) delay per flow

HOUR_TICKS = [(1 / 60, "1 min"), (10 / 60, "10 min"), (1, "1 h"), (4, "4 h"), (24, "1 day"),
              (168, "1 week"), (672, "4 weeks"), (2016, "12 weeks"), (8760, "1 year")]
FLOOR_H = 1 / 60


parse_hours = load.parse_hours


def doc_target_hours(res, document):
    dt = res.scenario.get("document_types")
    if isinstance(dt, dict) and isinstance(dt.get(document), dict):
        return parse_hours(dt[document].get("target"))
    return None


def fig_delay(res, out, opts):
    keys = ("document", "from", "to")
    q = {p: load.select(res.summary, f"delay_{p}", keys) for p in ("p50", "p90", "p95", "p99")}
    if q["p50"].empty:
        raise Skip("no per-flow delay percentiles (delay_p50 by document/from/to) in the summary")
    idx = ["design", "document", "from", "to"]
    t = q["p50"].set_index(idx)[["mean"]].rename(columns={"mean": "p50"})
    for p in ("p50", "p90"):  # the percentiles' 95 % intervals across replications
        if len(q[p]):
            t = t.join(q[p].set_index(idx)[["ci_low", "ci_high"]].rename(
                columns={"ci_low": f"{p}_low", "ci_high": f"{p}_high"}), how="left")
        else:
            t[f"{p}_low"] = t[f"{p}_high"] = np.nan
    for p in ("p90", "p95", "p99"):
        if len(q[p]):
            t = t.join(q[p].set_index(idx)["mean"].rename(p), how="left")
        else:
            t[p] = np.nan
    t = t.reset_index()
    vol = load.select(res.summary, "copies_created", keys)
    if len(vol):
        volumes = vol.groupby(["document", "from", "to"])["mean"].max()
    else:
        volumes = t.groupby(["document", "from", "to"]).size().astype(float)
    flows = [f for f in volumes.sort_values(ascending=False).index if ((t["document"] == f[0]) & (t["from"] == f[1]) & (t["to"] == f[2])).any()]
    dropped = len(flows) - opts.top_flows
    if dropped > 0:
        print(f"note: delay figure shows the {opts.top_flows} flows with most copies; {dropped} smaller flows "
              "left out (--top-flows to change)", file=sys.stderr)
        flows = flows[:opts.top_flows]
    # panels: one per document type, in order of volume
    docs = []
    for f in flows:
        if f[0] not in docs:
            docs.append(f[0])
    colours = design_colours(res)
    designs = [d for d in res.designs if d in set(t["design"])]
    nd = len(designs)
    heights = [sum(1 for f in flows if f[0] == doc) * (nd + 0.8) for doc in docs]
    fig_h = 2.5 + 0.26 * math.ceil(nd / 4) + 0.15 * sum(heights) + 0.5 * len(docs)
    fig, axes = plt.subplots(len(docs), 1, figsize=(11, fig_h), sharex=True, squeeze=False,
                             gridspec_kw={"height_ratios": heights})
    axes = axes[:, 0]
    lo_all, hi_all = [], []
    floor_used = False
    for ax, doc in zip(axes, docs):
        dflows = [f for f in flows if f[0] == doc]
        yticks, ylabels = [], []
        y = 0.0
        for f in dflows:
            yticks.append(y + (nd - 1) / 2)
            ylabels.append(f"{org(f[1])} → {org(f[2])}")
            for j, d in enumerate(designs):
                row = t[(t["design"] == d) & (t["document"] == f[0]) & (t["from"] == f[1]) & (t["to"] == f[2])]
                yy = y + j
                if row.empty:
                    continue
                r = row.iloc[0]
                vals = {p: r[p] for p in ("p50", "p90", "p95", "p99")}
                if any(not math.isnan(v) and v < FLOOR_H for v in vals.values()):
                    floor_used = True
                v = {p: (max(x, FLOOR_H) if not math.isnan(x) else np.nan) for p, x in vals.items()}
                c = colours.get(d, "#999")
                if not math.isnan(v["p99"]):
                    ax.plot([v["p50"], v["p99"]], [yy, yy], color=c, lw=1.3, solid_capstyle="butt")
                    ax.plot([v["p99"]], [yy], marker="|", ms=9, mew=1.6, color=c)
                if not math.isnan(v["p90"]):
                    ax.plot([v["p50"], v["p90"]], [yy, yy], color=c, lw=5.5, solid_capstyle="butt", alpha=0.85)
                if not math.isnan(v["p95"]):
                    ax.plot([v["p95"]], [yy], marker="D", ms=4.5, color="white", mec=c, mew=1.4)
                if math.isnan(v["p50"]):
                    continue
                for p in ("p50", "p90"):  # interval of the percentile across replications
                    low, high = r[f"{p}_low"], r[f"{p}_high"]
                    if not (math.isnan(low) or math.isnan(high)) and high > low and not math.isnan(v[p]):
                        ax.plot([max(low, FLOOR_H), max(high, FLOOR_H)], [yy, yy], color="black", lw=1.0,
                                marker="|", ms=7, zorder=6, label="_interval")
                ax.plot([v["p50"]], [yy], marker="o", ms=8, color=c, mec="black", mew=0.8, zorder=5)
                lo_all.append(v["p50"])
                hi_all.append(max(x for x in v.values() if not math.isnan(x)))
            y += nd + 0.8
        ax.set_yticks(yticks, ylabels)
        ax.set_ylim(y - 0.8 + 0.2 - 0.5 + 0.3, -0.7)
        ax.grid(axis="y", visible=False)
        target = doc_target_hours(res, doc)
        title = pretty(doc)
        if target:
            ax.axvline(target, color="#B03030", ls="--", lw=1.2)
            ax.text(target, -0.75, f" target {fmt_target(target)}", color="#B03030", fontsize=9, va="bottom")
            hi_all.append(target)
        ax.set_title(title, loc="left", pad=14 if target else 6)
    ax = axes[-1]
    ax.set_xscale("log")
    lo = max(min(lo_all) if lo_all else FLOOR_H, FLOOR_H)
    hi = max(hi_all) if hi_all else 24
    ax.set_xlim(lo / 2.2, hi * 2.2)
    ticks = [(h, l) for h, l in HOUR_TICKS if lo / 2.2 <= h <= hi * 2.2]
    ax.set_xticks([h for h, _ in ticks], [lbl for _, lbl in ticks])
    ax.minorticks_off()
    ax.set_xlabel("time from creation at the source to availability at the destination (log scale)")
    handles = [Line2D([], [], color=colours[d], marker="s", ls="", ms=9, label=design_label(res, d)) for d in designs]
    glyphs = [Line2D([], [], color="#444", marker="o", ls="", ms=7, mec="black", label="median (p50)"),
              Line2D([], [], color="#444", lw=5.5, label="p50 to p90"),
              Line2D([], [], color="#444", marker="D", ls="", ms=5, mfc="white", label="p95"),
              Line2D([], [], color="#444", lw=1.3, marker="|", ms=9, label="to p99"),
              Line2D([], [], color="black", lw=1.0, marker="|", ms=7, label="95 % interval of p50, p90")]
    sub = subtitle(res, interval=False) + "  ·  percentiles are means over replications"
    if floor_used:
        sub += "  ·  under 1 min shown at 1 min"
    top = header(fig, res, "How long until a document is available where it is needed?", sub,
                 handles=handles, ncol=min(len(handles), 4), more=[(glyphs, 5)])
    fig.tight_layout(rect=(0, 0, 1, top))
    return save(fig, out, "delay_by_flow", opts)


def fmt_target(h):
    if h >= 24 and abs(h / 24 - round(h / 24)) < 1e-9:
        d = int(round(h / 24))
        return f"{d} day{'s' if d != 1 else ''}"
    if h >= 1:
        return f"{h:g} h"
    return f"{h * 60:g} min"


# ---------------------------------------------------------------------------------------------------
# (d) staff time


def zero_filled_means(res, metric, keys):
    """Mean over replications of each breakdown row, counting a row absent from a replication as 0.
    (Rows such as staff time per {org_type, task} exist only where the work occurred, so the summary's
    mean, taken over the replications that have the row, would overstate rare rows.) Falls back to the
    summary when the results carry no replications."""
    reps = load.select(res.replications, metric, keys)
    if reps.empty:
        return load.select(res.summary, metric, keys)
    per_design = res.replications.groupby("design")["replication"].nunique()
    sums = reps.groupby(["design", "dims"] + list(keys), dropna=False)["value"].sum().reset_index()
    sums["mean"] = sums["value"] / sums["design"].map(per_design)
    return sums


def fig_staff(res, out, opts):
    rows = zero_filled_means(res, "staff_hours_per_year", ("org_type", "task"))
    if rows.empty:
        raise Skip("no staff_hours_per_year by org_type and task in the summary")
    designs = [d for d in res.designs if d in set(rows["design"])]
    total = load.select(res.summary, "staff_hours_per_year", ()).set_index("design")
    comp = load.select(res.comparisons, "staff_hours_per_year", ()).set_index("design") if len(res.comparisons) else None
    n = len(designs)
    panel_h = 0.9 + 0.55 * n
    fig_h = 1.6 + 2 * panel_h + 0.9
    fig, axes = plt.subplots(2, 1, figsize=(13, fig_h), sharex=True)
    y = np.arange(n)
    ends = np.zeros(n)
    for ax, by in zip(axes, ("task", "org_type")):
        t = rows.pivot_table(index="design", columns=by, values="mean", aggfunc="sum").reindex(designs).fillna(0)
        cols = t.sum().sort_values(ascending=False).index.tolist()
        if by == "task" and len(cols) > len(TASK_COLOURS):  # the largest tasks, then the rest together
            keep = cols[:len(TASK_COLOURS) - 1]
            t = t[keep].assign(other_tasks=t[cols[len(keep):]].sum(axis=1))
            cols = keep + ["other_tasks"]
        left = np.zeros(n)
        for i, c in enumerate(cols):
            vals = t[c].to_numpy(float)
            colour = ("#BBBBBB" if c == "other_tasks" else TASK_COLOURS[i]) if by == "task" \
                else ORG_COLOURS.get(c, TASK_COLOURS[i % len(TASK_COLOURS)])
            ax.barh(y, vals, left=left, height=0.62, color=colour, edgecolor="white", linewidth=0.6,
                    hatch=HATCHES[i % len(HATCHES)] if by == "task" else None,
                    label=org(c) if by == "org_type" else pretty(c))
            left += vals
        ends = np.maximum(ends, left)
        ax.set_yticks(y, [design_label(res, d) for d in designs])
        ax.set_ylim(n - 0.5, -0.5)
        ax.grid(axis="y", visible=False)
        ax.set_title("by task" if by == "task" else "by organisation type", loc="left")
        ax.legend(ncol=1 if len(cols) <= 8 else 2, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9.5,
                  title="task" if by == "task" else "organisation type", title_fontsize=9.5, alignment="left")
    # totals with their interval and the difference from the baseline, in the design labels (so the axis
    # covers the data only)
    xmax = float(ends.max()) if n else 1
    labels = []
    for yi, d in enumerate(designs):
        txt = f"{design_label(res, d)}\n{ends[yi]:,.0f} h/yr"
        if comp is not None and d in comp.index:
            c = comp.loc[d]
            txt += minus(f", {c['mean_difference']:+,.0f}")
            if not math.isnan(c["ci_low"]):
                txt += minus(f" ({c['ci_low']:+,.0f} to {c['ci_high']:+,.0f})")
        labels.append(txt)
    for ax in axes:
        ax.set_yticks(y, labels, fontsize=9.5)
        for yi, d in enumerate(designs):
            if d in total.index and not math.isnan(total.loc[d, "ci_low"]):
                m, el, eh = _mean_ci(total.loc[[d]])
                if el[0] > 0 or eh[0] > 0:
                    ax.errorbar(m, [yi], xerr=[el, eh], fmt="none", ecolor="black", capsize=4, elinewidth=1.2)
    hi = max([xmax] + [float(total.loc[d, "ci_high"]) for d in designs
                       if d in total.index and not math.isnan(total.loc[d, "ci_high"])])
    axes[1].set_xlim(0, hi * 1.04 if hi > 0 else 1)
    axes[1].xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    axes[1].set_xlabel("staff hours per year (manual work after the warm-up, scaled to a year)")
    top = header(fig, res, "Staff time spent moving and finding information",
                 subtitle(res, interval=False) + "  ·  whisker: 95 % confidence interval of the total"
                 + (f"  ·  under each design: total, difference vs {design_text(res, res.baseline)} (95 % interval)"
                    if comp is not None and len(comp) else ""))
    fig.tight_layout(rect=(0, 0, 1, top))
    return save(fig, out, "staff_hours_by_design", opts)


# ---------------------------------------------------------------------------------------------------
# (e) daily series


def _warm_up_days(res):
    w = res.manifest.get("warm_up_hours")
    return float(w) / 24 if isinstance(w, (int, float)) and w > 0 else None


def _series_panels(res, name, keys, max_panels, what, drop_zero=False):
    s = res.series[(res.series["name"] == name) & (res.series["dim_keys"] == ",".join(keys))]
    if s.empty:
        raise Skip(f"no daily series '{name}'{' by ' + '/'.join(keys) if keys else ''}")
    groups = list(s.groupby("dims", sort=True))
    if drop_zero:
        flat = [g for g in groups if not (g[1][["mean", "ci_high"]].fillna(0).abs().to_numpy().max() > 0)]
        groups = [g for g in groups if g not in flat]
        if not groups:
            raise Skip(f"every '{name}' series is zero in every design")
        if flat:
            print(f"note: {what} leaves out {len(flat)} series that stay at zero in every design: "
                  + ", ".join(load.parse_dims(g[0]).get(keys[0], g[0]) if keys else g[0] for g in flat[:8])
                  + (" ..." if len(flat) > 8 else ""), file=sys.stderr)
    groups.sort(key=lambda g: -float(np.nan_to_num(g[1]["mean"].max())))
    if len(groups) > max_panels:
        print(f"note: {what} shows the {max_panels} series with the highest peak; "
              f"{len(groups) - max_panels} left out", file=sys.stderr)
        groups = groups[:max_panels]
    return groups


def _plot_series(ax, res, frame, colours, smooth=0):
    """One line per design with its 95 % band. smooth=k > 1: the daily mean thin and faint, and a centred
    k-day rolling mean of it (and of the band) drawn over it."""
    wu = _warm_up_days(res)
    if wu:
        ax.axvspan(-0.5, wu - 0.5, color="#EFEFEF", zorder=0)
    for k, d in enumerate(res.designs):
        f = frame[frame["design"] == d].sort_values("day")
        if f.empty:
            continue
        c = colours.get(d, "#999")
        marks = dict(marker=DESIGN_MARKERS[k % len(DESIGN_MARKERS)], markevery=max(1, len(f) // 12), ms=5.5,
                     mfc="white", mew=1.3)
        if smooth > 1:
            ax.plot(f["day"], f["mean"], color=c, lw=0.7, alpha=0.35)
            roll = f[["mean", "ci_low", "ci_high"]].rolling(smooth, center=True, min_periods=1).mean()
            ax.plot(f["day"], roll["mean"], color=c, lw=2.0, label=design_label(res, d), **marks)
            if roll["ci_low"].notna().any():
                ax.fill_between(f["day"], roll["ci_low"], roll["ci_high"], color=c, alpha=0.15, lw=0)
            continue
        ax.plot(f["day"], f["mean"], color=c, lw=1.6, label=design_label(res, d), **marks)
        if f["ci_low"].notna().any():
            ax.fill_between(f["day"], f["ci_low"], f["ci_high"], color=c, alpha=0.18, lw=0)
    last = frame["day"].max()
    ax.set_xlim(-0.5, (last if pd.notna(last) else 0) + 0.5)
    top = float(np.nanmax(frame[["mean", "ci_high"]].to_numpy(float))) if len(frame) else 0.0
    ax.set_ylim(0, top * 1.06 if top > 0 and not math.isnan(top) else 1)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.10g}"))


def fig_backlog(res, out, opts):
    groups = _series_panels(res, "backlog", ("system",), 12, "backlog figure", drop_zero=True)
    colours = design_colours(res)
    n = len(groups)
    ncol = 1 if n == 1 else 2
    nrow = math.ceil(n / ncol)
    fig, axes = plt.subplots(nrow, ncol, figsize=(7.2 * ncol if ncol > 1 else 11, 1.8 + 3.1 * nrow),
                             squeeze=False, sharex=True)
    for k, (dims, frame) in enumerate(groups):
        ax = axes[k // ncol][k % ncol]
        system = load.parse_dims(dims).get('system', dims)
        for start, end, kind in availability.windows(res, system):
            colour, alpha, _ = availability.STYLE[kind]
            ax.axvspan(start / 24 - 0.5, end / 24 - 0.5, color=colour, alpha=alpha, lw=0, zorder=0.5,
                       label=f"_{kind}")
        _plot_series(ax, res, frame, colours)
        ax.set_title(f"system: {system}", loc="left")
        ax.set_ylabel("items waiting (end of day)")
        if k // ncol == nrow - 1 or k + ncol >= n:
            ax.set_xlabel("simulated day")
            ax.xaxis.set_tick_params(labelbottom=True)
    for k in range(n, nrow * ncol):
        axes[k // ncol][k % ncol].set_visible(False)
    shown = set(pd.concat([g[1] for g in groups])["design"])
    handles = [Line2D([], [], color=colours[d], lw=2, marker=DESIGN_MARKERS[k % len(DESIGN_MARKERS)], mfc="white",
                      label=design_label(res, d)) for k, d in enumerate(res.designs) if d in shown]
    if _warm_up_days(res):
        handles.append(Patch(color="#EFEFEF", label="warm-up (not counted)"))
    kinds = {kind for _, frame in groups for kind in
             {w[2] for w in availability.windows(res, load.parse_dims(_).get("system", _))}}
    handles += [Patch(color=availability.STYLE[k][0], alpha=availability.STYLE[k][1] + 0.1,
                      label=availability.STYLE[k][2]) for k in ("incident", "recovery", "degraded", "planned") if k in kinds]
    top = header(fig, res, "Backlog at each system over time",
                 subtitle(res, interval=False) + "  ·  line: mean over replications, band: 95 % confidence interval",
                 handles=handles, ncol=min(len(handles), 5))
    fig.tight_layout(rect=(0, 0, 1, top))
    return save(fig, out, "backlog_over_time", opts)


def fig_daily_gaps(res, out, opts):
    groups = _series_panels(res, "gaps", (), 1, "daily gaps figure")
    colours = design_colours(res)
    fig, ax = plt.subplots(figsize=(11, 5.4))
    days = groups[0][1]["day"].nunique()
    smooth = 7 if days >= 28 else 0
    _plot_series(ax, res, groups[0][1], colours, smooth=smooth)
    ax.set_ylabel("gaps per day")
    ax.set_xlabel("simulated day")
    handles = [Line2D([], [], color=colours[d], lw=2, label=design_label(res, d)) for d in res.designs
               if d in set(groups[0][1]["design"])]
    if _warm_up_days(res):
        handles.append(Patch(color="#EFEFEF", label="warm-up (not counted)"))
    how = ("bold: 7-day rolling mean (thin: each day)  ·  band: 95 % interval, smoothed alike" if smooth
           else "line: mean over replications, band: 95 % confidence interval")
    top = header(fig, res, "Gaps per day (all encounters)", subtitle(res, interval=False) + "  ·  " + how,
                 handles=handles, ncol=min(len(handles), 5))
    fig.tight_layout(rect=(0, 0, 1, top))
    return save(fig, out, "gaps_per_day", opts)


# ---------------------------------------------------------------------------------------------------
# (f) differences vs baseline


def fig_differences(res, out, opts):
    comp = res.comparisons
    if comp.empty:
        raise Skip("no comparisons in the results (a single design, or no baseline)")
    metrics = [m for m in HEADLINE if len(load.select(comp, m, ()))]
    if not metrics:
        raise Skip("no headline metric among the comparisons")
    designs = [d for d in res.designs if d in set(comp["design"])]
    nd = len(designs)
    ncol = 1 if len(metrics) == 1 else 2
    nrow = math.ceil(len(metrics) / ncol)
    panel_h = 0.9 + 0.48 * nd
    fig, axes = plt.subplots(nrow, ncol, figsize=(13 if ncol > 1 else 9, 1.9 + panel_h * nrow), squeeze=False)
    baseline_names = sorted(set(comp["baseline"].dropna()))
    base = baseline_names[0] if len(baseline_names) == 1 else (res.baseline or "baseline")
    for k, metric in enumerate(metrics):
        ax = axes[k // ncol][k % ncol]
        label, kind, lower_better = metric_info(metric)
        sc = scale_of(kind)
        rows = _ordered(res, load.select(comp, metric, ()))
        rows = rows[rows["design"].isin(designs)]
        y = np.arange(len(rows))
        span = []
        for yi, (_, r) in enumerate(rows.iterrows()):
            m, lo, hi = r["mean_difference"] * sc, r["ci_low"] * sc, r["ci_high"] * sc
            if math.isnan(lo) or math.isnan(hi):
                lo = hi = m
            if lower_better is None or (lo <= 0 <= hi):
                colour = UNCLEAR
            else:
                colour = BETTER if ((hi < 0) == lower_better) else WORSE
            ax.plot([lo, hi], [yi, yi], color=colour, lw=2.6, solid_capstyle="round")
            ax.plot([m], [yi], marker="o", ms=8, color=colour, mec="black", mew=0.7, zorder=5)
            span += [lo, hi, m]
            ax.annotate(fmt_diff(r["mean_difference"], kind), (hi, yi), xytext=(7, 0), textcoords="offset points",
                        va="center", fontsize=9.5)
        ax.axvline(0, color="black", lw=1)
        lo_, hi_ = (min(span), max(span)) if span else (-1, 1)
        width = max(hi_ - lo_, abs(hi_), abs(lo_), 1e-9)
        ax.set_xlim(min(lo_, 0) - 0.12 * width, max(hi_, 0) + 0.42 * width)
        ax.set_yticks(y, list(rows["design"]))
        ax.set_ylim(len(rows) - 0.4, -0.6)
        ax.grid(axis="y", visible=False)
        unit = DIFF_UNITS[kind]
        hint = "" if lower_better is None else ("  ·  lower is better" if lower_better else "  ·  higher is better")
        ax.set_title(label, loc="left", fontsize=11.5)
        unit = unit or COUNT_UNITS.get(metric, "")
        ax.set_xlabel(f"difference vs {base}" + (f", {unit}" if unit else "") + hint)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: minus(f"{v:,.10g}")))
    for k in range(len(metrics), nrow * ncol):
        axes[k // ncol][k % ncol].set_visible(False)
    handles = [Line2D([], [], color=BETTER, lw=2.6, marker="o", mec="black", label="better, 95 % CI excludes 0"),
               Line2D([], [], color=WORSE, lw=2.6, marker="o", mec="black", label="worse, 95 % CI excludes 0"),
               Line2D([], [], color=UNCLEAR, lw=2.6, marker="o", mec="black", label="no clear difference")]
    fig_h = 1.9 + panel_h * nrow
    top = header(fig, res, f"What does each design change compared with {base}?",
                 subtitle(res, interval=False) + "  ·  paired differences (common random numbers), "
                 "95 % confidence interval", handles=handles, ncol=3)
    fig.tight_layout(rect=(0, 0, 1, top))
    return save(fig, out, "differences_vs_baseline", opts)


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
