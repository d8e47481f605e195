#!/usr/bin/python3
"""Draws each figure from the synthetic results and checks what was drawn, artist by artist, against the
numbers in the results (not only that a file exists); checks the board summary, the bounded intervals,
the STRESS-DES checklist and the provenance of report.html.

Usage: check_drawn_data.py --analysis ANALYSIS --results FIXTURE
Exit 0 when every check passes, 1 otherwise (each failure listed on stderr).
"""
import argparse
import copy
import json
import math
import pathlib
import sys
import types

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}", file=sys.stderr)


def close(a, b, tol=1e-9):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def drawn(figures, fn, res):
    """Runs a figure function with save() (as its own module sees it) replaced by one that keeps the figure."""
    kept = []
    module = sys.modules[fn.__module__]
    original = module.save
    module.save = lambda fig, out, name, opts: kept.append(fig) or []
    try:
        fn(res, pathlib.Path("/nonexistent"), types.SimpleNamespace(svg=False, dpi=72, top_flows=12))
    finally:
        module.save = original
    return kept[0]


def check_backlog(figures, load, res):
    fig = drawn(figures, figures.fig_backlog, res)
    series = res.series[res.series["name"] == "backlog"]
    panels = [ax for ax in fig.axes if ax.get_title(loc="left").startswith("system: ")]
    check(panels, "backlog: no system panel")
    for ax in panels:
        system = ax.get_title(loc="left")[len("system: "):]
        lines = [ln for ln in ax.get_lines() if not ln.get_label().startswith("_")]
        markers = {ln.get_marker() for ln in lines}
        check(len(markers) == len(lines), f"backlog {system}: designs share a marker ({markers})")
        for ln in lines:
            design = next(d for d in res.designs if figures.design_label(res, d) == ln.get_label())
            f = series[(series["design"] == design) & (series["system"] == system)].sort_values("day")
            check(list(ln.get_xdata()) == list(f["day"]), f"backlog {system}/{design}: days drawn differ")
            check(all(close(a, b) for a, b in zip(ln.get_ydata(), f["mean"])),
                  f"backlog {system}/{design}: means drawn differ from the results")
        hourly = res.series[(res.series["name"] == "backlog_hourly") & (res.series["system"] == system)]
        top = float(pd_max(series[series["system"] == system], hourly))
        check(ax.get_ylim()[1] <= top * 1.06 + 1e-9, f"backlog {system}: y axis {ax.get_ylim()} beyond the data {top}")
        spans = [p for p in ax.patches if p.get_label() == "_incident"]
        if system == "city_epr":
            check(len(spans) == 1, f"backlog city_epr: {len(spans)} incident spans, expected 1")
            if spans:
                xs = [v[0] for v in spans[0].get_xy()]
                check(close(min(xs), 60 - 0.5) and close(max(xs), 62 - 0.5),
                      f"backlog city_epr: incident shaded over {min(xs)}..{max(xs)}, expected days 60 to 62")
            check(any(p.get_label() == "_recovery" for p in ax.patches), "backlog city_epr: recovery not shaded")


def check_infrastructure_shading(figures, load, doc):
    """A hosting zone holding city_epr, nested in a data centre joined to the network by a link: each one's
    incident is shaded on the city_epr panel over its scripted hours (recovery stages after it), with a
    legend entry per kind; integration_engine, outside them, gets none."""
    doc = copy.deepcopy(doc)
    doc["manifest"]["scenario"]["infrastructure"] = {
        "zones": {"dc": {"kind": "data_centre"}, "hosting": {"kind": "hosting", "in": "dc", "systems": ["city_epr"]},
                  "core": {"kind": "other", "systems": ["integration_engine"]}},
        "links": {"wan": {"kind": "supplier_link", "latency": "5 ms", "bandwidth": "1 Gbit/s",
                          "connects": ["dc", "core"]}},
        "incidents": [{"zone": "hosting", "start": "20 d", "duration": "1 d", "recovery": [{"duration": "2 d",
                                                                                      "capacity": 0.5}]},
                      {"zone": "dc", "start": "30 d", "duration": "12 h"},
                      {"link": "wan", "start": "40 d", "duration": "6 h"}]}
    # integration_engine sits in "core", which the link joins too: make the link reach city_epr only.
    doc["manifest"]["scenario"]["infrastructure"]["links"]["wan"]["connects"] = ["dc"]
    path = pathlib.Path("/tmp") / f"drawn-infrastructure-{__import__('os').getpid()}.json"
    path.write_text(json.dumps(doc))
    try:
        res = load.load(path)
    finally:
        path.unlink()
    fig = drawn(figures, figures.fig_backlog, res)
    panels = {ax.get_title(loc="left")[len("system: "):]: ax for ax in fig.axes
              if ax.get_title(loc="left").startswith("system: ")}
    check(set(panels) >= {"city_epr", "integration_engine"}, f"infrastructure: panels {sorted(panels)}")
    if "city_epr" not in panels:
        return

    def spans(ax, label):
        return sorted((min(v[0] for v in p.get_xy()), max(v[0] for v in p.get_xy())) for p in ax.patches
                      if p.get_label() == label)
    epr = panels["city_epr"]
    for label, days in (("_zone:hosting", (20, 21)), ("_zone:data_centre", (30, 30.5)), ("_link", (40, 40.25))):
        got = spans(epr, label)
        check(len(got) == 1 and close(got[0][0], days[0] - 0.5) and close(got[0][1], days[1] - 0.5),
              f"infrastructure: {label} shaded over {got}, expected days {days[0]} to {days[1]}")
    recovery = spans(epr, "_recovery")
    check(any(close(a, 21 - 0.5) and close(b, 23 - 0.5) for a, b in recovery),
          f"infrastructure: the hosting recovery (days 21 to 23) is not shaded: {recovery}")
    other = panels.get("integration_engine")
    if other is not None:
        foreign = [p.get_label() for p in other.patches if p.get_label().startswith(("_zone:", "_link"))]
        check(not foreign, f"infrastructure: integration_engine shaded for {foreign}")
    legend = [t.get_text() for lg in fig.legends for t in lg.get_texts()]
    for text in ("hosting incident (zone)", "data-centre incident (zone)", "network link incident"):
        check(text in legend, f"infrastructure: legend lacks '{text}' ({legend})")


def pd_max(*frames):
    return max(float(f[["mean", "ci_high"]].max().max()) for f in frames if len(f))


HOURLY_FROM, HOURLY_TO = 59 * 24, 68 * 24  # kept hours around the city_epr incident (days 59..67)


def hourly_backlog(design_index, hour):
    """The synthetic hourly backlog: builds up while city_epr is down (days 60 and 61), drains in a day."""
    if 60 * 24 <= hour < 62 * 24:
        return (hour - 60 * 24 + 1) * (2 + design_index)
    if 62 * 24 <= hour < 63 * 24:
        return (63 * 24 - hour) * (2 + design_index)
    return 0


def add_hourly_backlog(doc):
    """An hourly city_epr backlog in every design, kept (as the recorder keeps it) only around the incident."""
    hours = list(range(HOURLY_FROM, HOURLY_TO))
    designs = [s["design"] for s in doc["series"] if s["name"] == "backlog" and s["dims"] == {"system": "city_epr"}]
    for i, d in enumerate(designs):
        mean = [hourly_backlog(i, h) for h in hours]
        doc["series"].append({"design": d, "name": "backlog_hourly", "dims": {"system": "city_epr"}, "n": 5,
                              "hours": hours, "mean": mean, "ci_low": [m * 0.9 for m in mean],
                              "ci_high": [m * 1.1 for m in mean]})
    return designs


def check_backlog_hourly(figures, res, designs):
    """The outage's shape is drawn hour by hour: 48 points over the two days down, at the centre of each hour,
    with the hourly means, a peak the end-of-day series cannot show, and the y axis fitted to it."""
    fig = drawn(figures, figures.fig_backlog, res)
    ax = next(a for a in fig.axes if a.get_title(loc="left") == "system: city_epr")
    for i, d in enumerate(designs):
        line = [ln for ln in ax.get_lines() if ln.get_label() == f"_hourly {d}"]
        check(len(line) == 1, f"backlog hourly: {len(line)} hourly lines for {d}, expected 1")
        if not line:
            continue
        x, y = line[0].get_xdata(), line[0].get_ydata()
        points = [(a, b) for a, b in zip(x, y) if not math.isnan(a)]
        check(len(points) == HOURLY_TO - HOURLY_FROM, f"backlog hourly {d}: {len(points)} points drawn")
        down = [p for p in points if 60 - 0.5 <= p[0] < 62 - 0.5]
        check(len(down) == 48, f"backlog hourly {d}: {len(down)} points over the two days down, expected 48")
        for h, (a, b) in zip(range(HOURLY_FROM, HOURLY_TO), points):
            if not (close(a, (h + 0.5) / 24 - 0.5) and close(b, hourly_backlog(i, h))):
                check(False, f"backlog hourly {d}: hour {h} drawn at ({a}, {b})")
                break
        peak = max(b for _, b in points)
        check(close(peak, 48 * (2 + i)), f"backlog hourly {d}: peak {peak}, expected {48 * (2 + i)}")
    check(ax.get_ylim()[1] >= 48 * (1 + len(designs)) * 1.1, f"backlog hourly: y axis {ax.get_ylim()} below the peak")
    labels = [tx.get_text() for lg in fig.legends for tx in lg.get_texts()]
    check(any(lb.startswith("thin: hourly") for lb in labels), f"backlog hourly: no legend entry ({labels})")


def check_staff(figures, load, res):
    fig = drawn(figures, figures.fig_staff, res)
    total = load.select(res.summary, "staff_hours_per_year", ()).set_index("design")
    by_task = fig.axes[0]
    designs = [d for d in res.designs if d in total.index]
    widths = {}
    for bar in by_task.patches:
        y = round(bar.get_y() + bar.get_height() / 2)
        widths[y] = widths.get(y, 0.0) + bar.get_width()
    zero = figures.zero_filled_means(res, "staff_hours_per_year", ("org_type", "task"))
    for i, d in enumerate(designs):
        expected = float(zero[zero["design"] == d]["mean"].sum())
        check(close(widths.get(i, 0.0), expected, 1e-6), f"staff: bars of {d} add to {widths.get(i)}, expected {expected}")
    hi = float(total["ci_high"].max())
    check(by_task.get_xlim()[1] <= hi * 1.05, f"staff: x axis to {by_task.get_xlim()[1]} for data up to {hi}")
    colours = {tuple(bar.get_facecolor()) for bar in by_task.patches}
    check(len(colours) <= len(figures.TASK_COLOURS), f"staff: {len(colours)} task colours, at most "
                                                      f"{len(figures.TASK_COLOURS)} wanted")


def check_delay(figures, load, res):
    fig = drawn(figures, figures.fig_delay, res)
    p50 = load.select(res.summary, "delay_p50", ("document", "from", "to"))
    intervals = [ln for ax in fig.axes for ln in ax.get_lines() if ln.get_label() == "_interval"]
    check(intervals, "delay: no interval drawn on the percentiles")
    drawn_x = {(round(float(ln.get_xdata()[0]), 9), round(float(ln.get_xdata()[1]), 9)) for ln in intervals}
    r = p50.dropna(subset=["ci_low"]).iloc[0]
    want = (round(max(r["ci_low"], figures.FLOOR_H), 9), round(max(r["ci_high"], figures.FLOOR_H), 9))
    check(want in drawn_x, f"delay: the p50 interval {want} of {r['design']}/{r['document']} is not drawn")
    check(fig.get_figheight() * 150 < 2000, f"delay: figure {fig.get_figheight() * 150:.0f} px tall at 150 dpi")


def check_method(method, figures, load, res):
    fig = method.draw_warm_up(res)
    reps = load.replication_series_frame(res.doc)
    gaps = reps[reps["name"] == "gaps"].groupby(["design", "replication", "day"])["value"].sum()
    per_day = gaps.groupby("day").mean().sort_index().tolist()
    ax = next(a for a in fig.axes if a.get_title(loc="left") == "gaps per day")
    welch = next(ln for ln in ax.get_lines() if ln.get_label().startswith("Welch"))
    expected = method.welch_average(per_day, 7)
    check(all(close(a, b) for a, b in zip(welch.get_ydata(), expected)), "warm-up: Welch curve differs")
    warm = res.manifest["warm_up_hours"] / 24
    vline = [ln for ln in ax.get_lines() if ln.get_label().startswith("warm-up used")]
    check(vline and close(vline[0].get_xdata()[0], warm - 0.5), "warm-up: the warm-up used is not marked")
    # precision: the curve at n equals the half-width of the first n replications, computed here
    from scipy import stats
    fig = method.draw_precision(res)
    ax = fig.axes[0]
    d = res.designs[1]
    line = next(ln for ln in ax.get_lines() if ln.get_label() == figures.design_label(res, d))
    v = res.replications[(res.replications["metric"] == "gap_rate") & (res.replications["dim_keys"] == "")
                         & (res.replications["design"] == d)].sort_values("replication")["value"].tolist()
    n = 4
    mean = sum(v[:n]) / n
    sd = math.sqrt(sum((x - mean) ** 2 for x in v[:n]) / (n - 1))
    want = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n) / mean * 100
    got = dict(zip(line.get_xdata(), line.get_ydata()))[n]
    check(close(got, want, 1e-9), f"precision: n={n} gives {got}, expected {want}")


def check_intervals(intervals):
    lo, hi = intervals.bounded_interval(2.4, 3.1, "count")  # a t interval would be -0.7 to 5.5
    check(lo > 0 and hi > 2.4, f"count interval {lo}..{hi} must stay above 0")
    lo, hi = intervals.bounded_interval(0.002, 0.01, "share")
    check(0 < lo < 0.002 < hi < 1, f"share interval {lo}..{hi} must stay in (0, 1)")
    lo, hi = intervals.bounded_interval(0.995, 0.02, "share")
    check(hi < 1, f"share interval {lo}..{hi} must stay below 1")
    # coverage: the logit interval covers a known share in about 95 % of simulated studies (error rate 5 %;
    # with 2,000 studies the share outside 0.92..0.98 has probability below 1e-4)
    import random
    from scipy import stats
    rng, p, n, covered = random.Random(12345), 0.05, 10, 0
    for _ in range(2000):
        values = [sum(rng.random() < p for _ in range(400)) / 400 for _ in range(n)]
        m = sum(values) / n
        sd = math.sqrt(sum((x - m) ** 2 for x in values) / (n - 1))
        lo, hi = intervals.bounded_interval(m, stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n), "share")
        covered += lo <= p <= hi
    check(0.92 <= covered / 2000 <= 0.98, f"logit interval covers the true share in {covered / 2000:.3f} of studies")


def check_report(report, board, res):
    page = report.build_html(res, [], {}, [])
    check(page.index('class="board"') < page.index("<h2>The run</h2>"), "report: the summary does not come first")
    comp = res.comparisons[(res.comparisons["metric"] == "gap_rate") & (res.comparisons["dim_keys"] == "")]
    row = comp.iloc[0]
    sentence = board.comparison_sentence(res, row["design"], "gap_rate")
    check(sentence and f"{abs(row['mean_difference']) * 100:.1f} percentage points" in sentence,
          f"summary: '{sentence}' lacks the difference {row['mean_difference']}")
    check("better" in sentence if row["ci_high"] < 0 else True, f"summary: '{sentence}' lacks the verdict")
    check("STRESS-DES" in page and "4.1 Initialisation" in page, "report: no STRESS-DES checklist")
    check("program commit" in page and "not recorded in these results" in page, "report: provenance missing")
    res.doc["manifest"]["program_commit"] = "0123abc"
    res.doc["manifest"]["command_line"] = ["recordflow", "run", "x.json"]
    page = report.build_html(res, [], {}, [])
    check("0123abc" in page and "recordflow run x.json" in page, "report: manifest provenance not shown")
    check("-0.0 %" not in page and "−0.0 %" not in page, "report: a negative zero share is printed")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--analysis", required=True, type=pathlib.Path)
    ap.add_argument("--results", required=True, type=pathlib.Path)
    a = ap.parse_args()
    sys.path.insert(0, str(a.analysis))
    import board_summary
    import figures
    import intervals
    import load
    import method_figures
    import report
    figures.setup_style()
    doc = json.loads(a.results.read_text())
    doc = copy.deepcopy(doc)
    doc["manifest"]["scenario"].setdefault("systems", {})["city_epr"] = {
        "kind": "epr", "availability": {"incidents": [{"start": "60 d", "duration": "2 d",
                                                       "recovery": [{"duration": "3 d", "capacity": 0.5}]}]}}
    hourly_designs = add_hourly_backlog(doc)
    path = pathlib.Path("/tmp") / f"drawn-data-{__import__('os').getpid()}.json"
    path.write_text(json.dumps(doc))
    try:
        res = load.load(path)
    finally:
        path.unlink()
    check_backlog(figures, load, res)
    check_backlog_hourly(figures, res, hourly_designs)
    check_infrastructure_shading(figures, load, doc)
    check_staff(figures, load, res)
    check_delay(figures, load, res)
    check_method(method_figures, figures, load, res)
    check_intervals(intervals)
    check_report(report, board_summary, res)
    print(f"{'FAILED' if failures else 'ok'}: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
