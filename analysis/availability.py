"""The scripted unavailability of a system, from the scenario inside the results: incidents and their
recovery stages, degraded periods and planned downtime, as (start hour, end hour, kind) windows that the
backlog figure shades. Random failures differ between replications and are not drawn."""
from __future__ import annotations


from load import parse_hours

# kind -> (colour, alpha, legend text)
STYLE = {"incident": ("#D55E00", 0.22, "outage or incident (scenario)"),
         "recovery": ("#E69F00", 0.15, "recovering at reduced capacity"),
         "degraded": ("#E69F00", 0.15, "degraded capacity"),
         "planned": ("#56B4E9", 0.18, "planned downtime")}


def windows(res, system):
    """[(start_h, end_h, kind)] of the scripted unavailability of `system` in the scenario: incidents
    (then their recovery stages), degraded periods and planned downtime (random failures differ between
    replications and are not drawn)."""
    spec = (res.scenario.get("systems") or {}).get(system)
    av = spec.get("availability") if isinstance(spec, dict) else None
    if not isinstance(av, dict):
        return []
    horizon = res.manifest.get("horizon_hours")
    horizon = float(horizon) if isinstance(horizon, (int, float)) else 24 * 365.0
    out = []
    for inc in av.get("incidents") or []:
        start, length = parse_hours(inc.get("start")), parse_hours(inc.get("duration"))
        if start is None or length is None:
            continue
        out.append((start, start + length, "incident"))
        at = start + length
        for stage in inc.get("recovery") or []:
            d = parse_hours(stage.get("duration")) if isinstance(stage, dict) else None
            if d:
                out.append((at, at + d, "recovery"))
                at += d
    for deg in av.get("degraded") or []:
        start, length = parse_hours(deg.get("start")), parse_hours(deg.get("duration"))
        if start is not None and length is not None:
            out.append((start, start + length, "degraded"))
    for plan in av.get("planned") or []:
        first, every, length = (parse_hours(plan.get(k)) for k in ("first", "every", "duration"))
        if first is None or length is None:
            continue
        at = first
        while at < horizon and len(out) < 400:
            out.append((at, at + length, "planned"))
            if not every:
                break
            at += every
    return [(a, min(b, horizon), k) for a, b, k in out if a < horizon]
