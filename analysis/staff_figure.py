"""The staff time figure: each design's staff hours per year, by task and by organisation type, with the
total's interval and its difference from the baseline."""
from __future__ import annotations

import math

import load
import plotting
from vocabulary import HATCHES, ORG_COLOURS, TASK_COLOURS, design_label, design_text, minus, org, pretty, subtitle
from figure_output import Skip, header, mean_ci, save

matplotlib = plt = np = pd = Line2D = Patch = FuncFormatter = MaxNLocator = None  # see plotting.py
plotting.bind(globals())


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
                m, el, eh = mean_ci(total.loc[[d]])
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
