#!/usr/bin/python3
"""Write a synthetic results document (format "recordflow-results", version 1) for testing analysis/.

The numbers are invented but shaped like a real run of a small area: three designs (paper and post
today, point-to-point messaging, a shared care record hub), two systems with a daily backlog series,
per-flow delays, gaps by cause and encounter type, staff time by organisation type and task.
Replication i of every design shares the same volumes (common random numbers), as a real run does.

Usage: /usr/bin/python3 tests/analysis/make_fixture.py [OUT.json]
(default: tests/analysis/fixtures/sample_results.json beside this script). Deterministic.
"""
import json
import math
import pathlib
import sys

import numpy as np
from scipy import stats

SEED = 20240607
DESIGNS = ["today", "messaging", "shared_record"]
BASELINE = "today"
REPLICATIONS = 8
HORIZON_DAYS = 120
WARM_UP_DAYS = 14
MEASURED_DAYS = HORIZON_DAYS - WARM_UP_DAYS
SYSTEMS = ["city_epr", "integration_engine"]
CAUSES = ["in_transit", "lost", "outage", "not_looked", "paper_only", "stale"]
ENCOUNTERS = {  # encounter type -> (needs per replication, share of needs with a document)
    "ed_attendance": (2600, 0.55), "gp_appointment": (5200, 0.62), "admission": (900, 0.70),
    "community_visit": (1800, 0.58), "social_care_assessment": (450, 0.66)}
DOC_TARGETS = {"discharge_summary": "24 h", "ed_summary": "24 h", "test_result": "4 h",
               "care_plan": "48 h", "crisis_plan": "12 h"}

# flow (document, from, to) -> copies per replication (post warm-up)
FLOWS = {
    ("discharge_summary", "acute", "primary"): 1450,
    ("discharge_summary", "acute", "community"): 380,
    ("discharge_summary", "acute", "social_care"): 210,
    ("ed_summary", "acute", "primary"): 2350,
    ("test_result", "acute", "primary"): 3100,
    ("care_plan", "social_care", "acute"): 260,
    ("care_plan", "community", "primary"): 520,
    ("crisis_plan", "mental_health", "acute"): 140,
}
# design -> flow document -> (median delay h, p90 delay h, loss probability, channel label)
CHANNELS = {
    "today": {"discharge_summary": (70, 190, 0.012), "ed_summary": (96, 220, 0.015),
              "test_result": (1.5, 6, 0.002), "care_plan": (120, 300, 0.02), "crisis_plan": (40, 140, 0.01)},
    "messaging": {"discharge_summary": (6, 30, 0.004), "ed_summary": (4, 20, 0.004),
                  "test_result": (0.4, 2, 0.001), "care_plan": (10, 50, 0.006), "crisis_plan": (3, 16, 0.003)},
    "shared_record": {"discharge_summary": (1.5, 9, 0.001), "ed_summary": (1.2, 7, 0.001),
                      "test_result": (0.3, 1.5, 0.0005), "care_plan": (2.5, 14, 0.002), "crisis_plan": (1, 6, 0.001)},
}
# design -> cause -> share of needs with a document
GAP_SHARES = {
    "today": {"in_transit": 0.085, "lost": 0.006, "outage": 0.012, "not_looked": 0.045, "paper_only": 0.060, "stale": 0.010},
    "messaging": {"in_transit": 0.030, "lost": 0.003, "outage": 0.016, "not_looked": 0.055, "paper_only": 0.012, "stale": 0.014},
    "shared_record": {"in_transit": 0.010, "lost": 0.001, "outage": 0.021, "not_looked": 0.035, "paper_only": 0.004, "stale": 0.006},
}
# design -> (org_type, task) -> minutes per copy (or per need for look/phone)
STAFF = {
    "today": {("acute", "sign_off"): 2.0, ("acute", "print"): 1.5, ("primary", "scan"): 3.0, ("primary", "file"): 2.0,
              ("primary", "code"): 4.0, ("community", "re_key"): 6.0, ("social_care", "re_key"): 7.0,
              ("acute", "look"): 1.2, ("primary", "look"): 1.0, ("acute", "phone"): 1.5, ("primary", "phone"): 1.1,
              ("acute", "back_entry"): 0.15},
    "messaging": {("acute", "sign_off"): 2.0, ("primary", "code"): 2.5, ("primary", "file"): 0.5,
                  ("community", "re_key"): 2.0, ("social_care", "re_key"): 2.5,
                  ("acute", "look"): 1.0, ("primary", "look"): 0.8, ("acute", "phone"): 0.6, ("primary", "phone"): 0.5,
                  ("acute", "back_entry"): 0.18},
    "shared_record": {("acute", "sign_off"): 2.0, ("primary", "code"): 1.5,
                      ("acute", "look"): 0.7, ("primary", "look"): 0.6, ("acute", "phone"): 0.3, ("primary", "phone"): 0.25,
                      ("acute", "back_entry"): 0.22},
}
OUTAGE_DAY = 63  # city_epr unplanned outage


def r6(x):
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return None
    return float(f"{x:.6g}")


def dims_sorted(d):
    return {k: d[k] for k in sorted(d)}


def t_interval(values):
    v = np.asarray(values, dtype=float)
    n = len(v)
    mean = float(v.mean())
    sd = float(v.std(ddof=1)) if n > 1 else 0.0
    hw = float(stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n)) if n > 1 else 0.0
    return mean, sd, n, mean - hw, mean + hw, hw


def lognormal_params(median, p90):
    mu = math.log(median)
    sigma = (math.log(p90) - mu) / 1.2815515655446004
    return mu, sigma


def one_replication(design, rep):
    """Metrics and daily series of one replication; CRN: volumes depend only on rep."""
    crn = np.random.default_rng([SEED, rep])          # shared by all designs
    own = np.random.default_rng([SEED, rep, DESIGNS.index(design) + 1])
    m = []

    def add(name, dims, value):
        m.append((name, dims_sorted(dims), value))

    volumes = {f: int(crn.poisson(v)) for f, v in FLOWS.items()}
    tot = {"copies_created": 0, "copies_available": 0, "copies_lost": 0, "copies_in_flight": 0}
    all_delays = []
    within = 0
    for flow, created in volumes.items():
        doc, src, dst = flow
        med, p90, loss = CHANNELS[design][doc]
        mu, sigma = lognormal_params(med, p90)
        lost = int(own.binomial(created, loss))
        delays = own.lognormal(mu, sigma, created - lost)
        in_flight = int((delays > 48 * own.uniform(0.3, 1.0)).sum() * 0.01)
        available = created - lost - in_flight
        delays = np.sort(delays)[:available]
        target_h = float(DOC_TARGETS[doc].split()[0])
        n_within = int((delays <= target_h).sum())
        d = {"document": doc, "from": src, "to": dst}
        add("copies_created", d, created)
        add("copies_available", d, available)
        add("copies_lost", d, lost)
        add("copies_in_flight", d, in_flight)
        add("delay_mean", d, float(delays.mean()))
        for q in (50, 90, 95, 99):
            add(f"delay_p{q}", d, float(np.percentile(delays, q)))
        add("share_within_target", d, n_within / created)
        add("share_lost", d, lost / created)
        for k, v in zip(("copies_created", "copies_available", "copies_lost", "copies_in_flight"),
                        (created, available, lost, in_flight)):
            tot[k] += v
        all_delays.append(delays)
        within += n_within
    alld = np.concatenate(all_delays)
    for k, v in tot.items():
        add(k, {}, v)
    add("delay_mean", {}, float(alld.mean()))
    for q in (50, 90, 95, 99):
        add(f"delay_p{q}", {}, float(np.percentile(alld, q)))
    add("share_within_target", {}, within / tot["copies_created"])
    add("share_lost", {}, tot["copies_lost"] / tot["copies_created"])

    # gaps
    needs_t = nwd_t = gaps_t = enc_t = encg_t = 0
    cause_t = {c: 0 for c in CAUSES}
    for et, (needs_mean, share_doc) in ENCOUNTERS.items():
        needs = int(crn.poisson(needs_mean))
        nwd = int(crn.binomial(needs, share_doc))
        cause_counts = {}
        for c in CAUSES:
            p = GAP_SHARES[design][c] * own.lognormal(0, 0.12)
            if et == "gp_appointment" and c == "paper_only":
                p *= 1.4
            cause_counts[c] = int(own.binomial(nwd, min(p, 0.9)))
        gaps = sum(cause_counts.values())
        encounters = int(needs / 1.6)
        enc_gap = int(min(encounters, gaps * 0.85))
        dd = {"encounter_type": et}
        add("needs", dd, needs)
        add("needs_with_document", dd, nwd)
        add("gaps", dd, gaps)
        add("gap_rate", dd, gaps / nwd)
        add("encounters", dd, encounters)
        add("encounters_with_gap", dd, enc_gap)
        add("share_encounters_with_gap", dd, enc_gap / encounters)
        for c, v in cause_counts.items():
            add("gaps", {"encounter_type": et, "cause": c}, v)
        needs_t += needs; nwd_t += nwd; gaps_t += gaps; enc_t += encounters; encg_t += enc_gap
        for c, v in cause_counts.items():
            cause_t[c] += v
    add("needs", {}, needs_t)
    add("needs_with_document", {}, nwd_t)
    add("gaps", {}, gaps_t)
    add("gap_rate", {}, gaps_t / nwd_t)
    add("encounters", {}, enc_t)
    add("encounters_with_gap", {}, encg_t)
    add("share_encounters_with_gap", {}, encg_t / enc_t)
    for c, v in cause_t.items():
        add("gaps", {"cause": c}, v)
        add("gap_share", {"cause": c}, v / nwd_t)
    phone = int(gaps_t * {"today": 0.35, "messaging": 0.25, "shared_record": 0.15}[design])
    add("phone_calls", {}, phone)
    add("gaps_resolved_by_phone", {}, int(phone * own.uniform(0.55, 0.7)))

    # staff time
    staff_total = 0.0
    for (ot, task), per in STAFF[design].items():
        basis = needs_t if task in ("look", "phone") else tot["copies_created"]
        minutes = basis * per * own.lognormal(0, 0.05)
        staff_total += minutes
        d = {"org_type": ot, "task": task}
        add("staff_minutes", d, minutes)
        add("staff_minutes_per_1000_copies", d, minutes / tot["copies_created"] * 1000)
        add("staff_hours_per_year", d, minutes / 60 * 365 / MEASURED_DAYS)
    add("staff_minutes", {}, staff_total)
    add("staff_minutes_per_1000_copies", {}, staff_total / tot["copies_created"] * 1000)
    add("staff_hours_per_year", {}, staff_total / 60 * 365 / MEASURED_DAYS)

    # systems and series
    outage_hours = float(crn.lognormal(math.log(10), 0.3))
    scale = {"today": 1.0, "messaging": 2.6, "shared_record": 3.4}[design]
    series = []
    days = np.arange(HORIZON_DAYS)
    for sysname in SYSTEMS:
        base = (6 if sysname == "city_epr" else 14) * scale
        noise = own.gamma(4, base / 4, HORIZON_DAYS)
        weekly = np.where(days % 7 >= 5, 0.5, 1.0)
        backlog = noise * weekly
        spike_peak = outage_hours * (30 if sysname == "city_epr" else 55) * scale
        clear = 1.5 + 0.4 * scale
        after = days - OUTAGE_DAY
        spike = np.where(after >= 0, spike_peak * np.exp(-np.clip(after, 0, None) / clear), 0.0)
        backlog = np.round(backlog + spike)
        series.append(("backlog", {"system": sysname}, backlog))
        processed = tot["copies_created"] * (1.0 if sysname == "city_epr" else 0.8 * scale / 2.6)
        dd = {"system": sysname}
        add("items_processed", dd, round(processed))
        add("backlog_max", dd, float(backlog[WARM_UP_DAYS:].max()))
        add("backlog_clear_time", dd, clear * 24 * own.uniform(0.8, 1.2))
        add("backlogs_not_cleared", dd, 0)
        add("downtime_hours", dd, outage_hours if sysname == "city_epr" else outage_hours * 0.3)
    add("copies_back_entered", {"org_type": "acute"}, int(outage_hours * 14 * scale ** 0.3))
    daily_gaps = own.poisson(gaps_t / MEASURED_DAYS, HORIZON_DAYS).astype(float)
    daily_gaps[OUTAGE_DAY:OUTAGE_DAY + 2] *= 1.8
    series.append(("gaps", {}, daily_gaps))
    series.append(("copies_created", {}, crn.poisson(tot["copies_created"] / MEASURED_DAYS, HORIZON_DAYS).astype(float)))
    series.append(("staff_minutes", {}, own.normal(staff_total / MEASURED_DAYS, staff_total / MEASURED_DAYS * 0.08,
                                                   HORIZON_DAYS)))
    m.sort(key=lambda x: (x[0], json.dumps(x[1])))
    return m, series


def scenario_document():
    return {
        "recordflow": 1, "name": "fixture_small_area",
        "description": "Synthetic area for testing the analysis scripts (numbers invented).",
        "population": 250000,
        "document_types": {k: {"target": v, "versioned": k == "care_plan"} for k, v in DOC_TARGETS.items()},
        "designs": {
            "today": {"description": "Paper post and fax for most letters; test results by messaging.", "flows": []},
            "messaging": {"description": "Point-to-point messaging (MESH-style) for all documents.", "flows": []},
            "shared_record": {"description": "Shared care record hub fed in real time, in-context launch.", "flows": []},
        },
        "experiment": {"horizon": f"{HORIZON_DAYS} d", "warm_up": f"{WARM_UP_DAYS} d",
                       "replications": REPLICATIONS, "seed": SEED, "baseline": BASELINE},
    }


def main():
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else \
        pathlib.Path(__file__).resolve().parent / "fixtures" / "sample_results.json"
    runs = {d: [one_replication(d, r) for r in range(REPLICATIONS)] for d in DESIGNS}

    summary, comparisons, series_out, reps = [], [], [], []
    keyed = {}
    for d in DESIGNS:
        table = {}
        for r, (metrics, _) in enumerate(runs[d]):
            for name, dims, v in metrics:
                table.setdefault((name, json.dumps(dims)), []).append(v)
        keyed[d] = table
        for (name, dj), vals in sorted(table.items()):
            mean, sd, n, lo, hi, hw = t_interval(vals)
            summary.append({"design": d, "metric": name, "dims": json.loads(dj), "mean": r6(mean), "sd": r6(sd),
                            "n": n, "ci_low": r6(lo), "ci_high": r6(hi), "half_width": r6(hw)})
    for d in DESIGNS:
        if d == BASELINE:
            continue
        for key in sorted(keyed[d]):
            if key not in keyed[BASELINE]:
                continue
            diff = np.asarray(keyed[d][key]) - np.asarray(keyed[BASELINE][key])
            mean, sd, n, lo, hi, hw = t_interval(diff)
            comparisons.append({"design": d, "baseline": BASELINE, "metric": key[0], "dims": json.loads(key[1]),
                                "mean_difference": r6(mean), "sd": r6(sd), "n": n, "ci_low": r6(lo), "ci_high": r6(hi),
                                "half_width": r6(hw)})
    for d in DESIGNS:
        names = [(s[0], s[1]) for s in runs[d][0][1]]
        for i, (name, dims) in enumerate(names):
            arr = np.vstack([runs[d][r][1][i][2] for r in range(REPLICATIONS)])
            mean = arr.mean(axis=0)
            hw = stats.t.ppf(0.975, REPLICATIONS - 1) * arr.std(axis=0, ddof=1) / math.sqrt(REPLICATIONS)
            series_out.append({"design": d, "name": name, "dims": dims, "n": REPLICATIONS,
                               "mean": [r6(x) for x in mean], "ci_low": [r6(x) for x in mean - hw],
                               "ci_high": [r6(x) for x in mean + hw]})
    series_out.sort(key=lambda s: (DESIGNS.index(s["design"]), s["name"], json.dumps(s["dims"])))
    for d in DESIGNS:
        for r, (metrics, series) in enumerate(runs[d]):
            reps.append({"design": d, "replication": r, "seed": SEED, "wall_seconds": 0.25 + 0.01 * r,
                         "simulated_events": 180000 + 1000 * r,
                         "metrics": [{"metric": n, "dims": dims, "value": r6(v)} for n, dims, v in metrics],
                         "series": [{"name": n, "dims": dims, "values": [r6(x) for x in vals]}
                                    for n, dims, vals in sorted(series, key=lambda x: (x[0], json.dumps(x[1])))]})

    doc = {
        "format": "recordflow-results", "version": 1,
        "manifest": {"tool_version": "1.0.0", "simgrid_version": "3.32",
                     "scenario_file": "scenarios/fixture_small_area.json", "scenario": scenario_document(),
                     "seed": SEED, "designs": DESIGNS, "baseline": BASELINE,
                     "replications": {d: REPLICATIONS for d in DESIGNS},
                     "horizon_hours": HORIZON_DAYS * 24, "warm_up_hours": WARM_UP_DAYS * 24,
                     "started_at": "2026-01-05T09:00:00Z", "wall_seconds": 6.1, "host": "fixture",
                     "jobs": 2, "shard": "1/1", "overrides": {}, "adaptive": None,
                     "complete": True, "missing": [], "failures": []},
        "summary": summary,
        "comparisons": comparisons,
        "series": series_out,
        "structure": {
            "today": {"flows_without_electronic_path": [
                {"document": "discharge_summary", "from": "acute", "to": "primary"},
                {"document": "care_plan", "from": "social_care", "to": "acute"}],
                "cut_vertices": ["city_epr"], "max_hops": 1},
            "messaging": {"flows_without_electronic_path": [], "cut_vertices": ["city_epr", "integration_engine"],
                          "max_hops": 3},
            "shared_record": {"flows_without_electronic_path": [], "cut_vertices": ["city_epr", "integration_engine"],
                              "max_hops": 2},
        },
        "replications": reps,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    tmp.replace(out)
    print(out)


if __name__ == "__main__":
    main()
