"""Vocabulary of the figures and the report: metric labels, kinds and units, cause and organisation
labels, the colour-blind-safe colours and markers, and the human formats of values and differences."""
from __future__ import annotations

import math


CAUSES = ["in_transit", "paper_only", "lost", "never_sent", "outage", "not_looked", "stale"]
CAUSE_LABELS = {"in_transit": "in transit (not yet arrived)", "paper_only": "on paper, not yet filed",
                "lost": "lost (never arrives)", "never_sent": "written, never sent", "outage": "system or link down",
                "not_looked": "available, not looked at", "stale": "older version seen"}
CAUSE_COLOURS = {"in_transit": "#56B4E9", "paper_only": "#E69F00", "lost": "#D55E00", "never_sent": "#0072B2",
                 "outage": "#333333", "not_looked": "#CC79A7", "stale": "#009E73"}
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
    "record_views": ("Record views (places opened at encounters)", "count", None),
    "record_views_offered": ("Places offered at encounters with needs", "count", None),
    "record_view_minutes": ("Time spent opening records", "minutes", True),
    "share_encounters_opened": ("Encounters at which the place was opened", "share", None),
    "share_encounters_held_new": ("Encounters at which the place held what the local record lacked", "share",
                                  None),
    "share_views_with_new": ("Views that found what the local record lacked", "share", None),
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
