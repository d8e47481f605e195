#!/usr/bin/python3
"""The hourly backlog from a real run: the demo scenario shortened to 12 days with its EPR outage moved to day
6 (down 6..8 d, recovering 8..10 d), two replications. Checks that the results keep the EPR's backlog hour by
hour exactly over days 5..11 (the day before the outage to the second day after its recovery), that the
tidy series file has the same hourly rows, and that the backlog figure draws those hourly means at the
centre of each hour, 48 points over the two days down.

Usage: check_hourly_backlog_run.py --analysis ANALYSIS --recordflow BINARY --scenario DEMO --out DIR
Exit 0 when every check passes, 1 otherwise.
"""
import argparse
import csv
import pathlib
import subprocess
import sys
import types

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    for name in ("--analysis", "--recordflow", "--scenario", "--out"):
        ap.add_argument(name, required=True, type=pathlib.Path)
    a = ap.parse_args()
    out = a.out / "run"
    p = subprocess.run([str(a.recordflow), "run", str(a.scenario), "--out", str(out), "--quiet", "--jobs", "2",
                        "--replications", "2", "--set", "/experiment/horizon=12 d",
                        "--set", "/experiment/warm_up=2 d",
                        "--set", "/systems/acute_epr/availability/incidents/0/start=6 d"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        print(f"recordflow run failed ({p.returncode}): {p.stderr[-2000:]}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(a.analysis))
    import figures
    import load
    figures.setup_style()
    res = load.load(out / "results.json")
    hourly = res.series[(res.series["name"] == "backlog_hourly") & (res.series["system"] == "acute_epr")]
    expected_hours = list(range(5 * 24, 12 * 24))
    for d in res.designs:
        hours = hourly[hourly["design"] == d]["hour"].astype(int).tolist()
        check(hours == expected_hours, f"{d}: hourly backlog kept for hours {hours[:3]}..{hours[-3:]}, "
                                       f"expected 120..287")
    check(hourly["mean"].max() > 0, "the EPR outage leaves no hourly backlog in any design")

    with open(out / "tidy_series.csv", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["series"] == "backlog_hourly" and r["system"] == "acute_epr"]
    check(len(rows) == len(expected_hours) * len(res.designs) * 2,
          f"tidy_series.csv: {len(rows)} hourly acute_epr rows, expected {len(expected_hours) * len(res.designs) * 2}")
    check(all(int(r["day"]) == int(r["hour"]) // 24 for r in rows), "tidy_series.csv: day is not the hour's day")

    kept = []
    module = sys.modules[figures.fig_backlog.__module__]
    original = module.save
    module.save = lambda fig, out_, name, opts: kept.append(fig) or []
    try:
        figures.fig_backlog(res, a.out, types.SimpleNamespace(svg=False, dpi=72, top_flows=12))
    finally:
        module.save = original
    ax = next((x for x in kept[0].axes if x.get_title(loc="left") == "system: acute_epr"), None)
    check(ax is not None, "backlog figure: no acute_epr panel")
    if ax is not None:
        for d in res.designs:
            lines = [ln for ln in ax.get_lines() if ln.get_label() == f"_hourly {d}"]
            check(len(lines) == 1, f"backlog figure: {len(lines)} hourly lines for {d}")
            if not lines:
                continue
            f = hourly[hourly["design"] == d].sort_values("hour")
            xs, ys = list(lines[0].get_xdata()), list(lines[0].get_ydata())
            want_x = [(h + 0.5) / 24 - 0.5 for h in f["hour"]]
            check(len(xs) == len(want_x) and all(abs(x - w) < 1e-9 for x, w in zip(xs, want_x)),
                  f"backlog figure {d}: hourly points not at the centre of each kept hour")
            check(all(abs(y - m) < 1e-9 for y, m in zip(ys, f["mean"])), f"backlog figure {d}: hourly means differ")
            down = [x for x in xs if 6 - 0.5 <= x < 8 - 0.5]
            check(len(down) == 48, f"backlog figure {d}: {len(down)} points over the two days down, expected 48")
    print(f"{'FAILED' if failures else 'ok'}: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
