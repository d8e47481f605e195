#!/usr/bin/python3
"""Draws the robustness figures (analysis/robustness_figures.py) from synthetic analyses and checks what
was drawn against the numbers given: tornado bar ends, Sobol bar heights and interval whiskers, response
curves (means and paired differences from a reference design); the report's 'how robust is this'
sentences (analysis/robustness_summary.py); bad input exits 2.

Usage: check_robustness_figures.py --analysis ANALYSIS --out DIR
"""
import argparse
import json
import pathlib
import sys

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}", file=sys.stderr)


def close(a, b, tol=1e-9):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def grid(values):
    return [{"value": 0.1 * i, "mean": m, "ci_low": m - 0.01, "ci_high": m + 0.01} for i, m in enumerate(values)]


SENSITIVITY = {
    "format": "recordflow-sensitivity", "version": 1,
    "switching": [
        {"design": "b", "versus": "a", "metric": "gap_rate", "pointer": "/x/look_probability", "unit": "",
         "range": [0, 0.4], "grid": grid([-0.2, -0.1, 0.0, 0.1, 0.2]), "ranking_settled": False,
         "crossings": [{"at": 0.2, "low": 0.18, "high": 0.22, "open_low": False, "open_high": False,
                        "better_below": "b", "better_above": "a"}]},
        {"design": "b", "versus": "a", "metric": "gap_rate", "pointer": "/y/loss_probability", "unit": "",
         "range": [0, 0.4], "grid": grid([0.01, 0.02, 0.03, 0.04, 0.08]), "ranking_settled": True,
         "crossings": []}],
    "sobol": [{"design": "b", "metric": "gap_rate", "inputs": [
        {"pointer": "/x/look_probability", "first": 0.7, "first_low": 0.6, "first_high": 0.8,
         "total": 0.75, "total_low": 0.65, "total_high": 0.9},
        {"pointer": "/y/loss_probability", "first": 0.1, "first_low": 0.0, "first_high": 0.2,
         "total": 0.12, "total_low": 0.05, "total_high": 0.3}]}]}


def sweep():
    points = [{"point": p, "factors": {"/f": v}} for p, v in enumerate([0.9, 0.5, 0.7])]
    reps = []
    for p, v in enumerate([0.9, 0.5, 0.7]):
        for r in range(3):
            for d, base in (("a", 0.2), ("b", 1 - v)):
                reps.append({"design": d, "replication": r, "point": p,
                             "metrics": [{"metric": "gap_rate", "dims": {}, "value": base + 0.01 * r}]})
    return {"manifest": {"designs": ["a", "b"], "points": points}, "replications": reps}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--analysis", required=True)
    p.add_argument("--out", required=True)
    opts = p.parse_args()
    sys.path.insert(0, opts.analysis)
    import robustness_figures as rf
    import robustness_summary

    rows = rf.tornado_data(SENSITIVITY["switching"])
    fig = rf.draw_tornado(rows, "b", "a", "gap_rate")
    ax = fig.axes[0]
    bars = ax.patches
    check(len(bars) == 4, f"tornado: {len(bars)} bars, expected 2 per input")
    # widest swing first: look_probability from -0.2 to 0.2 around its central 0.0
    ends = sorted((b.get_x(), b.get_x() + b.get_width()) for b in bars if b.get_y() > 0.5)
    flat = [x for e in ends for x in e]
    check(flat and close(min(flat), -0.2) and close(max(flat), 0.2),
          f"tornado: look_probability bar ends {ends}, expected -0.2 and 0.2")
    check(any(close(line.get_xdata()[0], 0.0) for line in ax.get_lines()), "tornado: no line at the central value")

    fig = rf.draw_sobol(SENSITIVITY["sobol"][0])
    widths = sorted(round(b.get_width(), 9) for b in fig.axes[0].patches)
    check(widths == [0.1, 0.12, 0.7, 0.75], f"sobol: bar lengths {widths}")
    caps = [seg for coll in fig.axes[0].collections for seg in coll.get_segments()]
    spans = sorted(round(s[1][0] - s[0][0], 9) for s in caps)
    check(any(close(s, 0.25) for s in spans), f"sobol: no whisker from 0.65 to 0.9 among {spans}")

    curves = rf.response_data(sweep(), "/f", "gap_rate")
    check([x for x, *_ in curves["b"]] == [0.5, 0.7, 0.9], "response: points not in factor order")
    check(all(close(m, 1 - x + 0.01) for x, m, *_ in curves["b"]), f"response: b means {curves['b']}")
    diffs = rf.response_data(sweep(), "/f", "gap_rate", reference="a")
    check(all(close(m, 0.8 - x) and close(lo, m) and close(hi, m) for x, m, lo, hi in diffs["b"]),
          f"response vs a: {diffs['b']}")
    check(all(close(m, 0) for _, m, *_ in diffs["a"]), "response: the reference is not the zero line")
    fig = rf.draw_response(diffs, "/f", "gap_rate", "a")
    lines = {ln.get_label(): ln for ln in fig.axes[0].get_lines()}
    check(list(lines["b"].get_ydata()) == [m for _, m, *_ in diffs["b"]], "response: drawn y differs")

    out = pathlib.Path(opts.out)
    sens = out / "sensitivity.json"
    out.mkdir(parents=True, exist_ok=True)
    sens.write_text(json.dumps(SENSITIVITY))
    check(rf.main(["--sensitivity", str(sens), "--out", str(out / "figures")]) == 0, "main: failed")
    check(len(list((out / "figures").glob("*.png"))) == 2, "main: expected a tornado and a Sobol figure")
    check(rf.main(["--sensitivity", str(out / "missing.json"), "--out", str(out / "none")]) == 2,
          "main: a missing file must exit 2")
    check(rf.main(["--sweep", str(sens), "--factor", "/f", "--out", str(out / "none")]) == 2,
          "main: a non-sweep must exit 2")
    check(not (out / "none").exists(), "main: bad input wrote something")

    html = robustness_summary.robustness_html(out / "results.json")
    check("How robust is this" in html, "summary: no section")
    check("b is better than a while /x/look_probability is below 0.2 (95 % interval 0.18 to 0.22" in html,
          f"summary: switching sentence missing: {html}")
    check("holds over the whole range of /y/loss_probability" in html, "summary: settled ranking missing")
    (out / "uncertainty.json").write_text(json.dumps({"metrics": [{"metric": "gap_rate", "evpi": 0.01, "designs": [
        {"design": "a", "probability_best": 0.2, "probability_best_se": 0.04},
        {"design": "b", "probability_best": 0.8, "probability_best_se": 0.04}],
        "evppi": [{"group": "looking", "evppi": 0.009}, {"group": "post", "evppi": 0.0001}]}]}))
    html = robustness_summary.robustness_html(out / "results.json")
    check("On gap_rate, b is best in 80 % of the parameter sets (± 4 %); it depends mostly on looking." in html,
          f"summary: probability sentence missing: {html}")
    check(robustness_summary.robustness_html(out / "figures" / "results.json") == "", "summary: drawn with no analysis")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
