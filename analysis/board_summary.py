"""The summary a board member can read, at the top of report.html.

It answers, in sentences with numbers: what was compared; for each design against the baseline, which is
better on the headline measures, by how much and how sure (the paired 95 % interval, and a verdict that
says "better" or "worse" only when the interval excludes no difference); which design has the fewest
gaps and whether it is clearly ahead of the next; and the caveats the answer depends on (assumed
look-up behaviour, defaults applied silently, few replications, the warm-up).
"""
from __future__ import annotations

import html
import math

import figures

E = html.escape
# the measures a board reads first, in order
BOARD_METRICS = ["gap_rate", "staff_hours_per_year", "share_within_target", "delay_p90"]


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def label(res, design) -> str:
    return figures.design_text(res, design)


def _overall(frame, metric, design):
    rows = frame[(frame["metric"] == metric) & (frame["dim_keys"] == "") & (frame["design"] == design)]
    return rows.iloc[0] if len(rows) else None


def verdict_kind(metric, low, high, mean) -> str:
    """none, identical, unclear, higher, lower (a metric with no good direction), better or worse."""
    lower_better = figures.metric_info(metric)[2]
    if _missing(low) or _missing(high):
        return "none"
    if mean == 0 and low == 0 and high == 0:
        return "identical"
    if low <= 0 <= high:
        return "unclear"
    if lower_better is None:
        return "higher" if low > 0 else "lower"
    return "better" if (high < 0) == lower_better else "worse"


def verdict_words(metric, low, high, mean) -> str:
    kind = verdict_kind(metric, low, high, mean)
    return {"none": "no interval (too few replications)", "unclear": "no clear difference at 95 % confidence",
            "better": "better, with 95 % confidence", "worse": "worse, with 95 % confidence"}.get(kind, kind)


def _amount(metric, x) -> str:
    kind = figures.metric_info(metric)[1]
    if kind == "share":
        return f"{abs(x) * 100:.1f} percentage points"
    return figures.fmt_value(abs(x), kind)


def comparison_sentence(res, design, metric):
    """One sentence: design against the baseline on one metric, or None when the results lack it."""
    comp = _overall(res.comparisons, metric, design)
    mine, base = _overall(res.summary, metric, design), _overall(res.summary, metric, res.baseline)
    if comp is None or mine is None or base is None or _missing(comp["mean_difference"]):
        return None
    name, kind, _ = figures.metric_info(metric)
    d, low, high = comp["mean_difference"], comp["ci_low"], comp["ci_high"]
    direction = "higher" if d > 0 else "lower" if d < 0 else "the same"
    text = (f"{name}: {figures.fmt_value(mine['mean'], kind)} against {figures.fmt_value(base['mean'], kind)}")
    if d != 0:
        text += f", {_amount(metric, d)} {direction}"
    if not _missing(low):
        text += f" (95 % interval of the difference {figures.fmt_diff(low, kind)} to {figures.fmt_diff(high, kind)})"
    return text + f": {verdict_words(metric, low, high, d)}."


def fewest_gaps_sentence(res):
    s = res.summary[(res.summary["metric"] == "gap_rate") & (res.summary["dim_keys"] == "")]
    s = s[s["design"].isin(res.designs)].dropna(subset=["mean"]).sort_values("mean")
    if len(s) < 2:
        return None
    best, second = s.iloc[0]["design"], s.iloc[1]["design"]
    text = (f"Fewest gaps: {label(res, best)} (gap rate {figures.fmt_value(s.iloc[0]['mean'], 'share')}), "
            f"ahead of {label(res, second)} ({figures.fmt_value(s.iloc[1]['mean'], 'share')})")
    diff = paired_difference(res, "gap_rate", best, second)
    if diff is not None:
        low, high = diff[1], diff[2]
        clear = high < 0
        text += (f"; the paired difference is {figures.fmt_diff(diff[0], 'share')} "
                 f"(95 % interval {figures.fmt_diff(low, 'share')} to {figures.fmt_diff(high, 'share')}), "
                 + ("so it is clearly ahead." if clear else "so the two cannot be told apart with confidence."))
    else:
        text += "."
    return text


def paired_difference(res, metric, design, other):
    """(mean, low, high) of design - other over paired replications (95 % Student-t), or None."""
    from scipy import stats
    r = res.replications
    r = r[(r["metric"] == metric) & (r["dim_keys"] == "")]
    wide = r.pivot_table(index="replication", columns="design", values="value")
    if design not in wide or other not in wide:
        return None
    d = (wide[design] - wide[other]).dropna()
    if len(d) < 2:
        return None
    half = stats.t.ppf(0.975, len(d) - 1) * d.std(ddof=1) / math.sqrt(len(d))
    return float(d.mean()), float(d.mean() - half), float(d.mean() + half)


def caveats(res) -> list:
    out = []
    reps = sorted({r for r in (res.replications_of(d) for d in res.designs) if r})
    if reps and reps[0] < 10:
        out.append(f"Only {reps[0]} replication{'s' if reps[0] != 1 else ''} per design: intervals are wide and "
                   "small differences cannot be resolved; see the replications-against-precision plot.")
    for name, profile in sorted((res.scenario.get("access_profiles") or {}).items()):
        if not isinstance(profile, dict) or "look_probability" not in profile:
            continue
        source = profile.get("source") or profile.get("description") or ""
        assumed = not source or str(source).lower().startswith("assumption")
        out.append(f"Clinicians using the '{figures.pretty(name)}' access profile look for a document with "
                   f"probability {profile['look_probability']:g}"
                   + (" — an assumption, not a measured figure" if assumed else f" (source: {source})")
                   + "; gap rates depend on it directly.")
    silent = [n for n, s in sorted((res.scenario.get("systems") or {}).items())
              if isinstance(s, dict) and s.get("access") == "default"]
    if silent:
        out.append("These systems use the built-in access profile (clinicians always look, in no time): "
                   + ", ".join(silent) + ".")
    w = res.manifest.get("warm_up_hours")
    chosen = res.manifest.get("warm_up") or {}
    if chosen.get("method") == "mser-5" and isinstance(w, (int, float)):
        out.append(f"The first {w / 24:g} days are a warm-up chosen from the data and are not counted: MSER-5 "
                   "(White 1997; batches of 5 days, the cut that minimises the standard error of the mean of "
                   "what remains, searched over the first half of the run) on the daily "
                   + ", ".join(s.replace("_", " ") for s in chosen.get("series", []))
                   + " averaged over replications, the largest cut over series and designs; the warm-up plot "
                   "below shows those series and the cut.")
        for warning in chosen.get("warnings", []):
            out.append("Warning: no steady state was found — " + warning + ".")
        for trend in chosen.get("trends", []):
            out.append("Warning: a trend remains — " + trend + ".")
    elif isinstance(w, (int, float)):
        out.append(f"The first {w / 24:g} days are a warm-up and are not counted; the warm-up plot below shows "
                   "whether the daily series have settled by then.")
    out.append("Every number comes from the model's inputs; where the scenario states an input as an "
               "assumption, the answer holds only as far as that assumption does.")
    return out


def summary_html(res) -> str:
    designs = [d for d in res.designs]
    reps = sorted({r for r in (res.replications_of(d) for d in designs) if r})
    h, w = res.manifest.get("horizon_hours"), res.manifest.get("warm_up_hours")
    period = ""
    if isinstance(h, (int, float)) and isinstance(w, (int, float)):
        period = f" over {(h - w) / 24:g} simulated days (after a {w / 24:g}-day warm-up)"
    parts = ["<section class=\"board\"><h2>Summary</h2>",
             f"<p><strong>What was compared.</strong> {len(designs)} ways of moving records in "
             f"{E(res.scenario_name)}: " + "; ".join(E(label(res, d)) for d in designs) + "."
             f" Each was simulated {'/'.join(str(r) for r in reps) or '?'} times{E(period)}, every design "
             "with the same patients, journeys and failures, so the differences below are due to the design.</p>"]
    if res.baseline and len(designs) > 1:
        parts.append(f"<p><strong>Against {E(label(res, res.baseline))}</strong> (the baseline):</p><ul>")
        for d in designs:
            if d == res.baseline:
                continue
            sentences = [s for s in (comparison_sentence(res, d, m) for m in BOARD_METRICS) if s]
            if sentences:
                parts.append(f"<li><strong>{E(label(res, d))}</strong><ul>"
                             + "".join(f"<li>{E(s)}</li>" for s in sentences) + "</ul></li>")
        parts.append("</ul>")
    best = fewest_gaps_sentence(res)
    if best:
        parts.append(f"<p><strong>Which is better.</strong> {E(best)}</p>")
    parts.append("<p><strong>How sure.</strong> Intervals are 95 % confidence intervals: built this way, they contain "
                 "the model's true long-run value in 95 of 100 repeated studies. \"No clear difference\" means "
                 "the interval of the difference includes zero.</p>")
    parts.append("<p><strong>Caveats.</strong></p><ul>" + "".join(f"<li>{E(c)}</li>" for c in caveats(res))
                 + "</ul></section>")
    return "".join(parts)
