"""Figures that compare designs on the summary: the gap rate, gaps by cause, and the paired differences
from the baseline with verdict colours."""
from __future__ import annotations

import math

import load
import plotting
from vocabulary import (
    BETTER, CAUSES, CAUSE_COLOURS, CAUSE_LABELS, COUNT_UNITS, DIFF_UNITS, HEADLINE, design_colours, design_label,
    fmt_diff, metric_info, minus, pretty, scale_of, subtitle, UNCLEAR, WORSE)
from figure_output import Skip, header, in_design_order, mean_ci, save

matplotlib = plt = np = pd = Line2D = Patch = FuncFormatter = MaxNLocator = None  # see plotting.py
plotting.bind(globals())


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
        rows = in_design_order(res, load.select(res.summary, metric, ()))
        m, el, eh = mean_ci(rows, 100)
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
    fig_h = 1.9 + panel_h * nrow
    fig, axes = plt.subplots(nrow, ncol, figsize=(13 if ncol > 1 else 9, fig_h), squeeze=False)
    baseline_names = sorted(set(comp["baseline"].dropna()))
    base = baseline_names[0] if len(baseline_names) == 1 else (res.baseline or "baseline")
    for k, metric in enumerate(metrics):
        ax = axes[k // ncol][k % ncol]
        label, kind, lower_better = metric_info(metric)
        sc = scale_of(kind)
        rows = in_design_order(res, load.select(comp, metric, ()))
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
    top = header(fig, res, f"What does each design change compared with {base}?",
                 subtitle(res, interval=False) + "  ·  paired differences (common random numbers), "
                 "95 % confidence interval", handles=handles, ncol=3)
    fig.tight_layout(rect=(0, 0, 1, top))
    return save(fig, out, "differences_vs_baseline", opts)
