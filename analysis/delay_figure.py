"""The delay figure: per flow, the median and 90th percentile delay of each design on a log-hour axis,
with their 95 % intervals across replications and the document type's target."""
from __future__ import annotations

import math
import sys

import load
import plotting
from vocabulary import design_colours, design_label, org, pretty, subtitle
from figure_output import Skip, header, save

matplotlib = plt = np = pd = Line2D = Patch = FuncFormatter = MaxNLocator = None  # see plotting.py
plotting.bind(globals())


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
