"""Figures of the series over simulated time: the backlog at each system (hourly around scripted episodes
where the results hold it, daily elsewhere; outages and infrastructure incidents shaded) and the gaps per day."""
from __future__ import annotations

import math
import sys

import availability
import load
import plotting
from vocabulary import DESIGN_MARKERS, design_colours, design_label, subtitle
from figure_output import Skip, header, save

matplotlib = plt = np = pd = Line2D = Patch = FuncFormatter = MaxNLocator = None  # see plotting.py
plotting.bind(globals())


# ---------------------------------------------------------------------------------------------------
# (e) daily series


def warm_up_days(res):
    w = res.manifest.get("warm_up_hours")
    return float(w) / 24 if isinstance(w, (int, float)) and w > 0 else None


def _series_frame(res, name, keys):
    return res.series[(res.series["name"] == name) & (res.series["dim_keys"] == ",".join(keys))]


def _series_panels(res, name, keys, max_panels, what, drop_zero=False, finer=None):
    """The panels (dims, daily frame) of series `name`, highest peak first. `finer`: the rows of a finer
    series of the same dims (hourly), which count too when deciding whether a series stays at zero."""
    s = _series_frame(res, name, keys)
    if s.empty:
        raise Skip(f"no daily series '{name}'{' by ' + '/'.join(keys) if keys else ''}")
    groups = list(s.groupby("dims", sort=True))
    if drop_zero:
        def peak(dims, frame):
            rows = [frame] + ([finer[finer["dims"] == dims]] if finer is not None else [])
            return max(float(r[["mean", "ci_high"]].fillna(0).abs().to_numpy().max(initial=0)) for r in rows)
        flat = [g for g in groups if not (peak(*g) > 0)]
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
    wu = warm_up_days(res)
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


def _plot_hourly(ax, res, frame, colours):
    """The hourly means of each design as a thin line over the daily one: hour h is drawn at the centre of its
    hour on the day axis (day d spans d - 0.5 to d + 0.5), one segment per run of consecutive kept hours.
    Widens the y axis to the hourly peaks. Returns whether anything was drawn."""
    if frame.empty:
        return False
    for d in res.designs:
        f = frame[frame["design"] == d].sort_values("hour")
        if f.empty:
            continue
        hours = f["hour"].to_numpy(float)
        x = (hours + 0.5) / 24 - 0.5
        y = f["mean"].to_numpy(float).copy()
        breaks = np.flatnonzero(np.diff(hours) > 1) + 1  # a gap between episodes: no line across it
        x, y = np.insert(x, breaks, np.nan), np.insert(y, breaks, np.nan)
        ax.plot(x, y, color=colours.get(d, "#999"), lw=0.9, label=f"_hourly {d}", zorder=3)
    top = float(np.nanmax(frame[["mean", "ci_high"]].to_numpy(float)))
    if top > 0 and top * 1.06 > ax.get_ylim()[1]:
        ax.set_ylim(0, top * 1.06)
    return True


def fig_backlog(res, out, opts):
    hourly = _series_frame(res, "backlog_hourly", ("system",))
    groups = _series_panels(res, "backlog", ("system",), 12, "backlog figure", drop_zero=True, finer=hourly)
    colours = design_colours(res)
    n = len(groups)
    ncol = 1 if n == 1 else 2
    nrow = math.ceil(n / ncol)
    fig, axes = plt.subplots(nrow, ncol, figsize=(7.2 * ncol if ncol > 1 else 11, 1.8 + 3.1 * nrow),
                             squeeze=False, sharex=True)
    shown_hourly = False
    for k, (dims, frame) in enumerate(groups):
        ax = axes[k // ncol][k % ncol]
        system = load.parse_dims(dims).get('system', dims)
        for start, end, kind in availability.windows(res, system):
            colour, alpha, _ = availability.style(kind)
            ax.axvspan(start / 24 - 0.5, end / 24 - 0.5, color=colour, alpha=alpha, lw=0, zorder=0.5,
                       label=f"_{kind}")
        _plot_series(ax, res, frame, colours)
        shown_hourly |= _plot_hourly(ax, res, hourly[hourly["dims"] == dims], colours)
        ax.set_title(f"system: {system}", loc="left")
        ax.set_ylabel("items waiting (end of day / hour)" if shown_hourly else "items waiting (end of day)")
        if k // ncol == nrow - 1 or k + ncol >= n:
            ax.set_xlabel("simulated day")
            ax.xaxis.set_tick_params(labelbottom=True)
    for k in range(n, nrow * ncol):
        axes[k // ncol][k % ncol].set_visible(False)
    shown = set(pd.concat([g[1] for g in groups])["design"])
    handles = [Line2D([], [], color=colours[d], lw=2, marker=DESIGN_MARKERS[k % len(DESIGN_MARKERS)], mfc="white",
                      label=design_label(res, d)) for k, d in enumerate(res.designs) if d in shown]
    if shown_hourly:
        handles.append(Line2D([], [], color="#444444", lw=0.9, label="thin: hourly, around scripted episodes"))
    if warm_up_days(res):
        handles.append(Patch(color="#EFEFEF", label="warm-up (not counted)"))
    kinds = {kind for _, frame in groups for kind in
             {w[2] for w in availability.windows(res, load.parse_dims(_).get("system", _))}}
    handles += [Patch(color=availability.style(k)[0], alpha=availability.style(k)[1] + 0.1,
                      label=availability.style(k)[2]) for k in availability.legend_order(kinds)]
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
    if warm_up_days(res):
        handles.append(Patch(color="#EFEFEF", label="warm-up (not counted)"))
    how = ("bold: 7-day rolling mean (thin: each day)  ·  band: 95 % interval, smoothed alike" if smooth
           else "line: mean over replications, band: 95 % confidence interval")
    top = header(fig, res, "Gaps per day (all encounters)", subtitle(res, interval=False) + "  ·  " + how,
                 handles=handles, ncol=min(len(handles), 5))
    fig.tight_layout(rect=(0, 0, 1, top))
    return save(fig, out, "gaps_per_day", opts)
