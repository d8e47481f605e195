"""'How robust is this': the opening section of report.html when the run's directory also holds the
results of `recordflow uncertainty` (uncertainty.json) or `recordflow sensitivity` (sensitivity.json).

For each headline metric of uncertainty.json, one sentence: the design most often best, the share of
parameter sets where it is (its probability of being best, with its Monte Carlo standard error), and the
groups of inputs that carry most of the expected value of perfect information (the inputs the conclusion
depends on). For sensitivity.json, one sentence per switching value (where one input alone flips the
ranking of two designs, with its interval) and per pair whose ranking holds over every input's range.
"""
from __future__ import annotations

import html
import json
import pathlib

E = html.escape


def _read(path):
    try:
        return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def uncertainty_sentences(doc):
    sentences = []
    for m in doc.get("metrics", []):
        designs = m.get("designs", [])
        if not designs:
            continue
        best = max(designs, key=lambda d: d.get("probability_best", 0))
        p = best.get("probability_best", 0)
        se = best.get("probability_best_se")
        groups = sorted(m.get("evppi", []), key=lambda g: g.get("evppi", 0), reverse=True)
        evpi = m.get("evpi", 0) or 0
        carried = [g["group"] for g in groups if evpi > 0 and g.get("evppi", 0) >= 0.25 * evpi][:3]
        depends = (f"; it depends mostly on {', '.join(carried)}" if carried
                   else "; no group of inputs carries much of the value of information")
        sentences.append(f"On {m.get('metric')}, {best['design']} is best in {100 * p:.0f} % of the parameter sets"
                         + (f" (± {100 * se:.0f} %)" if se is not None else "") + depends + ".")
    return sentences


def sensitivity_sentences(doc):
    sentences = []
    for s in doc.get("switching", []):
        unit = f" {s['unit']}" if s.get("unit") else ""
        for c in s.get("crossings", []):
            low = ("at or below " if c.get("open_low") else "") + f"{c['low']:.3g}"
            high = ("at or above " if c.get("open_high") else "") + f"{c['high']:.3g}"
            sentences.append(f"On {s['metric']}, {c['better_below']} is better than {c['better_above']} while "
                             f"{s['pointer']} is below {c['at']:.3g}{unit} (95 % interval {low} to {high}{unit}), "
                             f"worse above it.")
        if not s.get("crossings") and s.get("ranking_settled"):
            sentences.append(f"On {s['metric']}, the ranking of {s['design']} and {s['versus']} holds over the "
                             f"whole range of {s['pointer']} ({s['range'][0]:.3g} to {s['range'][1]:.3g}{unit}).")
    return sentences


def robustness_html(results_path) -> str:
    """The section, or '' when the directory holds neither analysis."""
    folder = pathlib.Path(results_path).parent
    uncertainty = _read(folder / "uncertainty.json")
    sensitivity = _read(folder / "sensitivity.json")
    sentences = (uncertainty_sentences(uncertainty) if uncertainty else []) + \
                (sensitivity_sentences(sensitivity) if sensitivity else [])
    if not sentences:
        return ""
    items = "".join(f"<li>{E(s)}</li>" for s in sentences)
    return ("<h2>How robust is this</h2><p class=\"lead\">Each conclusion with its probability over the stated "
            "uncertainty of the inputs, and the inputs it depends on.</p>" f"<ul class=\"robust\">{items}</ul>")
