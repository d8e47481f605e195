"""The STRESS-DES reporting checklist (Monks et al., "Strengthening the reporting of empirical
simulation studies", Journal of Simulation 13(1), 2019), filled from a run's results: each item with
what this run says about it, or where the documentation answers it."""
from __future__ import annotations

import figures


def _count(mapping) -> int:
    return len(mapping) if isinstance(mapping, (dict, list)) else 0


def items(res) -> list:
    """[(section, item, answer)]."""
    s, m = res.scenario, res.manifest
    h, w = m.get("horizon_hours"), m.get("warm_up_hours")
    reps = sorted({r for r in (res.replications_of(d) for d in res.designs) if r})
    adaptive = m.get("adaptive")
    metrics = sorted(set(res.summary["metric"])) if len(res.summary) else []
    assumptions = _assumptions(s)
    designs = "; ".join(f"{figures.design_label(res, d)}: {res.design_description(d) or 'no description'}"
                        for d in res.designs)
    return [
        ("1 Objectives", "1.1 Purpose of the model", s.get("description") or "not stated in the scenario"),
        ("1 Objectives", "1.2 Model outputs", f"{len(metrics)} metrics per design (delay, gaps by cause, staff "
                                              "time, system load), defined in sim/recorder/METRICS.md"),
        ("1 Objectives", "1.3 Experimentation aims", f"compare {len(res.designs)} designs against "
                                                     f"{figures.design_label(res, res.baseline) if res.baseline else 'none'}"),
        ("2 Logic", "2.1 Base model overview", "organisations, systems, staff pools and channels; the topology "
                                              "figure is `recordflow graph` (DOT)"),
        ("2 Logic", "2.2 Base model logic", "patient pathways are state machines that create documents and "
                                            "information needs; channels are pipelines of steps (sim/scenario/LANGUAGE.md)"),
        ("2 Logic", "2.3 Scenario logic", designs),
        ("2 Logic", "2.4 Algorithms", "discrete-event simulation on SimGrid; exact type-7 percentiles; "
                                      "Student-t intervals; paired differences under common random numbers"),
        ("2 Logic", "2.5 Components", f"{_count(s.get('organisations'))} organisation entries, "
                                      f"{_count(s.get('systems'))} systems, {_count(s.get('channels'))} channels, "
                                      f"{_count(s.get('pathways'))} pathways, {_count(s.get('document_types'))} "
                                      "document types"),
        ("3 Data", "3.1 Data sources", f"{len(assumptions)} inputs marked as assumptions; the others cite "
                                       "their source in models/"),
        ("3 Data", "3.2 Pre-processing", "none: inputs are read as stated in the scenario files"),
        ("3 Data", "3.3 Input parameters", "the resolved scenario is stored in the results (manifest.scenario)"),
        ("3 Data", "3.4 Assumptions", "; ".join(assumptions[:6]) + (" ..." if len(assumptions) > 6 else "")
         if assumptions else "none marked"),
        ("4 Experimentation", "4.1 Initialisation", f"warm-up of {w / 24:g} days, not counted (see the warm-up plot)"
         if isinstance(w, (int, float)) else "not recorded"),
        ("4 Experimentation", "4.2 Run length", f"{h / 24:g} simulated days" if isinstance(h, (int, float))
         else "not recorded"),
        ("4 Experimentation", "4.3 Estimation approach",
         (f"{'/'.join(str(r) for r in reps)} independent replications per design"
          + (f", chosen adaptively (target relative half-width {adaptive.get('target_relative_half_width')})"
             if isinstance(adaptive, dict) else ", fixed") + "; 95 % Student-t intervals; common random numbers")),
        ("5 Implementation", "5.1 Software", f"recordflow {m.get('tool_version', '?')}, SimGrid "
                                             f"{m.get('simgrid_version', '?')}, C++20"),
        ("5 Implementation", "5.2 Random sampling", f"named streams seeded from (seed {m.get('seed', '?')}, "
                                                    "replication, stream name); distributions implemented "
                                                    "identically on every platform"),
        ("5 Implementation", "5.3 Model execution", "one process per replication; results identical whatever "
                                                    "the number of processes"),
        ("5 Implementation", "5.4 System specification", f"host {m.get('host', '?')}, {m.get('jobs', '?')} "
                                                         "worker process(es)"),
        ("6 Code access", "6.1 Computer model sharing", "source with licence (LICENSE) and citation "
                                                        "(CITATION.cff) at the top of the repository; commit "
                                                        f"{m.get('program_commit') or 'not recorded'}"),
    ]


def _assumptions(node, path="") -> list:
    """JSON Pointers (shortened) of objects whose `source` says "assumption"."""
    out = []
    if isinstance(node, dict):
        src = node.get("source")
        if isinstance(src, str) and src.lower().startswith("assumption"):
            out.append(path or "/")
        for k, v in node.items():
            out += _assumptions(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _assumptions(v, f"{path}/{i}")
    return out
