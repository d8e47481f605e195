#!/usr/bin/python3
"""Self-contained HTML report of a recordflow run.

Usage: /usr/bin/python3 analysis/report.py RESULTS.json --out DIR [--dpi 150] [--top-flows 12] [--point N]

Draws the standard figures (see figures.py) into DIR and writes DIR/report.html with the figures
embedded, the run's facts, a summary table per design with 95 % intervals and the comparison with the
baseline. Plain HTML and CSS: no scripts, nothing fetched from the network; the file can be mailed.
Prints the files written. Exit codes: 0 ok, 1 a figure or the report failed, 2 unreadable or
non-results input, or bad usage.
"""
from __future__ import annotations

import base64
import datetime as dt
import html
import json
import math
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import board_summary  # noqa: E402
import figures  # noqa: E402
import intervals  # noqa: E402
import load  # noqa: E402
import method_figures  # noqa: E402
import provenance  # noqa: E402
import robustness_summary  # noqa: E402
import stress_des  # noqa: E402
import views_table  # noqa: E402

FIGURE_CAPTIONS = {
    "gap_rate_by_design": "Share of information needs (for which a document existed) where the clinician did not "
                          "see it, and share of encounters with at least one such gap. Bars: mean over "
                          "replications; whiskers: 95 % confidence interval.",
    "gaps_by_cause": "The gap rate split by the single cause of each gap. Segments add up to the gap rate.",
    "delay_by_flow": "Time from creation at the source to availability at the destination, per flow (document "
                     "type, source and destination organisation type) and design: dot = median, thick bar = "
                     "median to 90th percentile, diamond = 95th, thin line to the 99th percentile. Dashed line: "
                     "the document type's target. Log scale.",
    "staff_hours_by_design": "Staff hours per year spent on manual steps (printing, scanning, filing, coding, "
                             "re-keying, looking, phoning, back-entry), by task and by organisation type.",
    "backlog_over_time": "Items waiting at each system at the end of each simulated day: mean over replications "
                         "with a 95 % band. The grey area is the warm-up, which is not counted in the totals.",
    "gaps_per_day": "Gaps per simulated day over all encounters: mean over replications with a 95 % band.",
    "warm_up": "Welch's method for the warm-up: each daily series averaged over replications and designs and "
               "smoothed with a centred moving average. The dashed line is the warm-up the run used (chosen by "
               "MSER-5 when the scenario asks for \"auto\": see the summary); after it the smoothed curves "
               "should be flat.",
    "replications_precision": "Relative half-width of the 95 % interval of the mean from the first n "
                              "replications: how much precision each further replication buys.",
    "differences_vs_baseline": "Paired differences from the baseline design with 95 % confidence intervals "
                               "(common random numbers: each replication of every design sees the same patients "
                               "and failures). Green: better with 95 % confidence; red: worse; grey: no clear "
                               "difference.",
}

CSS = """
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #1d1d1d; margin: 2em auto;
       max-width: 1180px; padding: 0 1.2em; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.1em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #d9d9d9; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.08em; margin-bottom: 0.3em; }
p.lead { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 0.92em; }
th, td { padding: 0.32em 0.7em; border-bottom: 1px solid #e3e3e3; text-align: left; vertical-align: top; }
th { background: #f3f3f3; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.num small, td small { color: #666; }
table.facts th { background: none; font-weight: 600; width: 14em; }
section.board { background: #f5f9fc; border-left: 5px solid #0072B2; padding: 0.3em 1.2em 0.8em; }
section.board h2 { border: none; margin-top: 0.6em; }
.better { color: #1a7f37; font-weight: 600; }
.worse { color: #c0392b; font-weight: 600; }
.unclear { color: #777; }
figure { margin: 1.4em 0 2.2em; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #444; font-size: 0.92em; margin-top: 0.4em; max-width: 60em; }
details { margin: 0.5em 0 1em; }
summary { cursor: pointer; font-weight: 600; }
.note { color: #8a5a00; background: #fff7e0; padding: 0.5em 0.8em; border-left: 4px solid #e0a800; }
code { background: #f3f3f3; padding: 0 0.25em; }
footer { color: #777; font-size: 0.85em; margin-top: 3em; border-top: 1px solid #ddd; padding-top: 0.6em; }
"""

E = html.escape


def _nan(x):
    return x is None or (isinstance(x, float) and math.isnan(x))


def cell_interval(mean, half_width, kind):
    """A mean with its 95 % interval kept inside the quantity's range (intervals.py)."""
    if _nan(mean):
        return '<td class="num">–</td>'
    main = figures.fmt_value(mean, kind)
    lo, hi = intervals.bounded_interval(mean, half_width, kind)
    if lo is None:
        return f'<td class="num">{E(main)}</td>'
    return (f'<td class="num">{E(main)}<br><small>{E(figures.fmt_value(lo, kind))} to '
            f'{E(figures.fmt_value(hi, kind))}</small></td>')


def verdict(row, metric):
    kind = board_summary.verdict_kind(metric, row["ci_low"], row["ci_high"], row["mean_difference"])
    text = {"none": "no interval", "unclear": "no clear difference"}.get(kind, kind)
    css = kind if kind in ("better", "worse") else "unclear"
    return f'<span class="{css}">{text}</span>'


def dims_label(dims: str) -> str:
    d = load.parse_dims(dims)
    if not d:
        return "all"
    if set(d) == {"document", "from", "to"}:
        return f"{figures.pretty(d['document'])}: {figures.org(d['from'])} → {figures.org(d['to'])}"
    return ", ".join(f"{figures.pretty(k)} {figures.pretty(v)}" if k not in ("org_type", "from", "to")
                     else f"{figures.pretty(k)} {figures.org(v)}" for k, v in d.items())


def metric_cell(metric):
    label, kind, _ = figures.metric_info(metric)
    unit = figures.UNITS.get(kind, "")
    return f"<td>{E(label)}<br><small><code>{E(metric)}</code>{' · ' + E(unit) if unit else ''}</small></td>"


def headline_table(res) -> str:
    s = res.summary[res.summary["dim_keys"] == ""]
    if s.empty:
        return '<p class="note">The results hold no overall (undimensioned) metrics.</p>'
    designs = [d for d in res.designs if d in set(s["design"])]
    order = [m for m in figures.HEADLINE if m in set(s["metric"])]
    order += [m for m in figures.METRICS if m in set(s["metric"]) and m not in order]
    order += sorted(m for m in set(s["metric"]) if m not in order)
    out = ["<table><thead><tr><th>metric</th>"]
    out += [f"<th>{E(figures.design_label(res, d))}<br><small>mean, 95 % CI</small></th>" for d in designs]
    out.append("</tr></thead><tbody>")
    idx = s.set_index(["metric", "design"])
    for m in order:
        kind = figures.metric_info(m)[1]
        out.append(f"<tr>{metric_cell(m)}")
        for d in designs:
            if (m, d) in idx.index:
                r = idx.loc[(m, d)]
                r = r.iloc[0] if hasattr(r, "iloc") and getattr(r, "ndim", 1) > 1 else r
                out.append(cell_interval(r["mean"], r["half_width"], kind))
            else:
                out.append('<td class="num">–</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def cause_table(res) -> str:
    s = load.select(res.summary, "gap_share", ("cause",))
    if s.empty:
        return ""
    designs = [d for d in res.designs if d in set(s["design"])]
    causes = [c for c in figures.CAUSES if c in set(s["cause"])] + sorted(set(s["cause"]) - set(figures.CAUSES))
    out = ["<h3>Gaps by cause (share of needs with an existing document)</h3><table><thead><tr><th>cause</th>"]
    out += [f"<th>{E(figures.design_label(res, d))}</th>" for d in designs]
    out.append("</tr></thead><tbody>")
    idx = s.set_index(["cause", "design"])
    for c in causes:
        out.append(f"<tr><td>{E(figures.CAUSE_LABELS.get(c, figures.pretty(c)))}<br><small><code>{E(c)}</code>"
                   "</small></td>")
        for d in designs:
            if (c, d) in idx.index:
                r = idx.loc[(c, d)]
                out.append(cell_interval(r["mean"], r["half_width"], "share"))
            else:
                out.append('<td class="num">–</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def comparison_rows(res, frame) -> str:
    out = ["<table><thead><tr><th>metric</th><th>breakdown</th><th>design</th><th>baseline</th>"
           "<th>difference</th><th>95 % CI</th><th>n</th><th>verdict</th></tr></thead><tbody>"]
    for _, r in frame.iterrows():
        kind = figures.metric_info(r["metric"])[1]
        ci = "–" if _nan(r["ci_low"]) else f"{figures.fmt_diff(r['ci_low'], kind)} to {figures.fmt_diff(r['ci_high'], kind)}"
        n = "–" if _nan(r["n"]) else f"{int(r['n'])}"
        out.append(f"<tr>{metric_cell(r['metric'])}<td>{E(dims_label(r['dims']))}</td><td>{E(str(r['design']))}</td>"
                   f"<td>{E(str(r['baseline']))}</td><td class=\"num\">{E(figures.fmt_diff(r['mean_difference'], kind))}</td>"
                   f"<td class=\"num\">{E(ci)}</td><td class=\"num\">{n}</td><td>{verdict(r, r['metric'])}</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _sorted(res, frame, by_design=True):
    order = {d: i for i, d in enumerate(res.designs)}
    mrank = {m: i for i, m in enumerate(list(figures.HEADLINE) + [m for m in figures.METRICS if m not in figures.HEADLINE])}
    f = frame.assign(_d=frame["design"].map(order).fillna(len(order)),
                     _m=frame["metric"].map(mrank).fillna(len(mrank)), _k=frame["dim_keys"].str.count(",")
                     + (frame["dim_keys"] != ""))
    keys = (["_d"] if by_design else []) + ["_m", "metric", "_k", "dims"] + ([] if by_design else ["_d"])
    return f.sort_values(keys).drop(columns=["_d", "_m", "_k"])


def comparisons_section(res) -> str:
    c = res.comparisons
    if c.empty:
        why = "only one design was run" if len(res.designs) <= 1 else "the results hold no comparisons"
        return f'<p class="note">No comparison with a baseline: {E(why)}.</p>'
    head = c[(c["dim_keys"] == "") & (c["metric"].isin(figures.HEADLINE))]
    parts = []
    if len(head):
        parts.append("<h3>Headline differences</h3>")
        parts.append(comparison_rows(res, _sorted(res, head, by_design=False)))
    parts.append(f"<details><summary>All {len(c)} comparisons (every metric and breakdown)</summary>")
    parts.append(comparison_rows(res, _sorted(res, c, by_design=True)))
    parts.append("</details>")
    return "".join(parts)


def design_tables(res) -> str:
    s = res.summary
    if s.empty:
        return '<p class="note">The results hold no summary.</p>'
    parts = []
    for d in res.designs:
        f = s[s["design"] == d]
        if f.empty:
            continue
        f = _sorted(res, f)
        desc = res.design_description(d)
        reps = res.replications_of(d)
        parts.append(f"<details><summary>{E(figures.design_label(res, d))}: {len(f)} metrics"
                     f"{f', {reps} replications' if reps else ''}</summary>")
        if desc:
            parts.append(f"<p>{E(desc)}</p>")
        parts.append("<table><thead><tr><th>metric</th><th>breakdown</th><th>mean</th><th>95 % CI</th>"
                     "<th>sd</th><th>n</th></tr></thead><tbody>")
        for _, r in f.iterrows():
            kind = figures.metric_info(r["metric"])[1]
            lo, hi = intervals.bounded_interval(r["mean"], r["half_width"], kind)
            ci = "–" if lo is None else f"{figures.fmt_value(lo, kind)} to {figures.fmt_value(hi, kind)}"
            sd = "–" if _nan(r["sd"]) else figures.fmt_value(r["sd"], kind)
            n = "–" if _nan(r["n"]) else f"{int(r['n'])}"
            parts.append(f"<tr>{metric_cell(r['metric'])}<td>{E(dims_label(r['dims']))}</td>"
                         f"<td class=\"num\">{E(figures.fmt_value(r['mean'], kind))}</td><td class=\"num\">{E(ci)}</td>"
                         f"<td class=\"num\">{E(sd)}</td><td class=\"num\">{n}</td></tr>")
        parts.append("</tbody></table></details>")
    return "".join(parts)


def _cell(v) -> str:
    """One value of the structural analysis as short text."""
    if isinstance(v, float):
        return f"{v:.3g}"
    if isinstance(v, list):
        if not v:
            return "none"
        if all(not isinstance(x, (dict, list)) for x in v):
            return ", ".join(str(x) for x in v)
        if all(isinstance(x, dict) for x in v):
            def short(x):
                name = next((x[k] for k in ("channel", "name", "system") if k in x), None)
                rest = [f"{figures.pretty(k)} {_cell(val)}" for k, val in x.items()
                        if k not in ("channel", "name", "system") and not isinstance(val, (dict, list))]
                return (f"{name}: " if name is not None else "") + ", ".join(rest)
            return "; ".join(short(x) for x in v)
    if isinstance(v, dict):
        return ", ".join(f"{k}: {_cell(x)}" for k, x in v.items()) if v else "none"
    return str(v)


def _record_table(records: list) -> str:
    cols = []
    for r in records:
        for k in r:
            if k not in cols:
                cols.append(k)
    first = [c for c in ("document", "from", "to") if c in cols]
    cols = first + [c for c in cols if c not in first]
    out = ["<table><thead><tr>" + "".join(f"<th>{E(figures.pretty(c))}</th>" for c in cols) + "</tr></thead><tbody>"]
    for r in records:
        cells = []
        for c in cols:
            v = r.get(c, "")
            if c in ("from", "to", "org_type") and isinstance(v, str):
                v = figures.org(v)
            num = isinstance(v, (int, float)) and not isinstance(v, bool)
            cls = ' class="num"' if num else ""
            cells.append(f"<td{cls}>{E(_cell(v))}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def structure_section(res) -> str:
    st = res.doc.get("structure")
    if not isinstance(st, dict) or not st:
        return ""
    parts = ["<h2>Structure of each design</h2><p class=\"lead\">From the topology, without simulation: which "
             "flows have an electronic path, the systems a flow depends on, and the systems whose failure cuts "
             "flows.</p>"]
    for d in [x for x in res.designs if x in st] + sorted(x for x in st if x not in res.designs):
        v = st[d]
        parts.append(f"<h3>{E(str(d))}</h3>")
        if not isinstance(v, dict):
            parts.append(f"<p>{E(_cell(v))}</p>")
            continue
        scalars = {k: x for k, x in v.items() if not (isinstance(x, list) and x and all(isinstance(i, dict) for i in x))}
        tables = {k: x for k, x in v.items() if k not in scalars}
        if scalars:
            parts.append("<table class=\"facts\"><tbody>")
            for k, x in scalars.items():
                parts.append(f"<tr><th>{E(figures.pretty(k))}</th><td>{E(_cell(x))}</td></tr>")
            parts.append("</tbody></table>")
        for k, x in tables.items():
            parts.append(f"<details><summary>{E(figures.pretty(k))} ({len(x)})</summary>{_record_table(x)}</details>")
    return "".join(parts)


def facts_table(res) -> str:
    m = res.manifest
    rows = []

    def add(label, value):
        if value not in (None, "", {}, []):
            rows.append(f"<tr><th>{E(label)}</th><td>{E(str(value))}</td></tr>")

    add("scenario", res.scenario_name)
    add("scenario file", m.get("scenario_file"))
    desc = res.scenario.get("description")
    add("description", desc if isinstance(desc, str) else None)
    designs = []
    for d in res.designs:
        reps = res.replications_of(d)
        designs.append(f"{figures.design_label(res, d)}{f' ({reps} replications)' if reps else ''}")
    add("designs", "; ".join(designs))
    for d in res.designs:
        add(f"design {d}", res.design_description(d))
    h, w = m.get("horizon_hours"), m.get("warm_up_hours")
    if isinstance(h, (int, float)):
        add("horizon", f"{h:g} h ({h / 24:g} days)")
    if isinstance(w, (int, float)):
        add("warm-up (not counted)", f"{w:g} h ({w / 24:g} days)")
    add("seed", m.get("seed"))
    if res.point is not None:
        add("sweep point shown", f"{res.point}: {res.point_label(res.point)} (of {len(res.points)}; "
                                 "other points: report.py --point N)")
    if m.get("overrides"):
        add("overrides", _cell(m.get("overrides")))
    add("tool version", m.get("tool_version"))
    add("SimGrid version", m.get("simgrid_version"))
    add("started at", m.get("started_at"))
    if isinstance(m.get("wall_seconds"), (int, float)):
        add("wall time", f"{m['wall_seconds']:.1f} s on {m.get('host', '?')} with {m.get('jobs', '?')} worker(s)")
    add("shard", m.get("shard") if m.get("shard") not in (None, "1/1") else None)
    return "<table class=\"facts\"><tbody>" + "".join(rows) + "</tbody></table>"


def figure_block(path: pathlib.Path) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    caption = FIGURE_CAPTIONS.get(path.stem, "")
    alt = path.stem.replace("_", " ")
    return (f'<figure><img src="data:image/png;base64,{data}" alt="{E(alt)}">'
            f"<figcaption>{E(caption)}</figcaption></figure>")


def provenance_table(res) -> str:
    return ("<table class=\"facts\"><tbody>" + "".join(f"<tr><th>{E(k)}</th><td>{E(v)}</td></tr>"
                                                        for k, v in provenance.rows(res)) + "</tbody></table>")


def stress_table(res) -> str:
    rows = "".join(f"<tr><td>{E(sec)}</td><td>{E(item)}</td><td>{E(str(answer))}</td></tr>"
                   for sec, item, answer in stress_des.items(res))
    return ("<details open><summary>STRESS-DES reporting checklist (Monks et al. 2019), filled from this run"
            "</summary><table class=\"stress\"><thead><tr><th>section</th><th>item</th><th>this run</th></tr>"
            f"</thead><tbody>{rows}</tbody></table></details>")


def build_html(res, pngs, skipped, method_pngs=()) -> str:
    title = f"recordflow results: {res.scenario_name}"
    parts = ["<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
             f"<title>{E(title)}</title><style>{CSS}</style></head><body>",
             f"<h1>{E(title)}</h1>",
             robustness_summary.robustness_html(res.path),
             board_summary.summary_html(res),
             "<p class=\"lead\">All figures are means over independent replications with "
             f"{E(intervals.METHOD)}. Only documents created and needs arising after the warm-up count. "
             "Times are simulated hours.</p>",
             "<h2>The run</h2>", facts_table(res), "<h3>Provenance</h3>", provenance_table(res),
             "<h2>Summary by design</h2>", headline_table(res), cause_table(res),
             views_table.views_table(res, cell_interval)]
    base = res.baseline or "the baseline"
    parts += [f"<h2>Differences from {E(base)}</h2>", comparisons_section(res)]
    parts.append("<h2>Figures</h2>")
    for p in pngs:
        parts.append(figure_block(p))
    if skipped:
        parts.append("<p class=\"note\">Figures not drawn: " +
                     "; ".join(f"{E(k)} ({E(v)})" for k, v in skipped.items()) + ".</p>")
    parts.append("<h2>Method: warm-up, replications, reporting checklist</h2>")
    for p in method_pngs:
        parts.append(figure_block(p))
    parts.append(stress_table(res))
    parts += ["<h2>Every metric, per design</h2>", design_tables(res), structure_section(res)]
    generated = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts.append(f"<footer>Generated {E(generated)} from <code>{E(str(res.path))}</code> by analysis/report.py. "
                 "Metric names and dimensions: sim/recorder/METRICS.md and analysis/README.md.</footer>")
    parts.append("</body></html>\n")
    return "".join(parts)


def main(argv=None) -> int:
    opts = figures.options(argv, description="Self-contained HTML report of a recordflow run.")
    opts.svg = False
    try:
        res = figures.choose_point(load.load(opts.results), opts)
    except load.ResultsError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    out = pathlib.Path(opts.out)
    try:
        written, skipped, failed = figures.make_figures(res, out, opts)
        pngs = [p for p in written if p.suffix == ".png"]
        method_written, method_skipped = method_figures.write(res, out, opts)
        for name, why in method_skipped.items():
            print(f"note: skipped figure '{name}': {why}", file=sys.stderr)
        written += method_written
        page = build_html(res, pngs, {**skipped, **method_skipped}, [p for p in method_written if p.suffix == ".png"])
        target = out / "report.html"
        tmp = out / ".report.html.tmp"
        tmp.write_text(page, encoding="utf-8")
        tmp.replace(target)
    except OSError as e:
        print(f"error: cannot write into {out}: {e}", file=sys.stderr)
        return 1
    for p in written:
        print(p)
    print(target)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
