"""The scripted unavailability of a system, from the scenario inside the results: incidents and their
recovery stages, degraded periods and planned downtime, and the incidents of the infrastructure around it
(a zone holding it, directly or through nested zones, and a network link joined to it or to such a zone),
as (start hour, end hour, kind) windows that the backlog figure shades. Kinds: `incident`, `recovery`,
`degraded`, `planned`, `zone:<zone kind>` (e.g. `zone:hosting`, `zone:data_centre`) and `link`; recovery
stages of infrastructure incidents are `recovery`. Random failures differ between replications and are not
drawn."""
from __future__ import annotations


from load import parse_hours

# kind -> (colour, alpha, legend text)
STYLE = {"incident": ("#D55E00", 0.22, "outage or incident (scenario)"),
         "recovery": ("#E69F00", 0.15, "recovering at reduced capacity"),
         "degraded": ("#E69F00", 0.15, "degraded capacity"),
         "planned": ("#56B4E9", 0.18, "planned downtime")}
INFRASTRUCTURE_STYLE = {"zone": ("#CC79A7", 0.25, "{kind} incident (zone)"),
                        "link": ("#009E73", 0.22, "network link incident")}
ORDER = ("incident", "recovery", "degraded", "planned")


def style(kind):
    """(colour, alpha, legend text) of a window kind, infrastructure kinds included."""
    if kind in STYLE:
        return STYLE[kind]
    if kind == "link":
        return INFRASTRUCTURE_STYLE["link"]
    colour, alpha, text = INFRASTRUCTURE_STYLE["zone"]
    zone_kind = kind.split(":", 1)[1] if ":" in kind else "zone"
    return colour, alpha, text.format(kind=zone_kind.replace("_", " ").replace("data centre", "data-centre"))


def legend_order(kinds):
    """The kinds in legend order: the system's own first, then zones by kind, then links."""
    return ([k for k in ORDER if k in kinds] + sorted(k for k in kinds if k.startswith("zone:")) +
            (["link"] if "link" in kinds else []))


def _incident_windows(inc, kind):
    start, length = parse_hours(inc.get("start")), parse_hours(inc.get("duration"))
    if start is None or length is None:
        return []
    out = [(start, start + length, kind)]
    at = start + length
    for stage in inc.get("recovery") or []:
        d = parse_hours(stage.get("duration")) if isinstance(stage, dict) else None
        if d:
            out.append((at, at + d, "recovery"))
            at += d
    return out


def infrastructure_windows(res, system):
    """[(start_h, end_h, kind)] of the infrastructure incidents that reach `system`: a zone incident when the
    zone holds it (directly or through zones nested in it), kind `zone:<zone kind>`; a link incident when
    the link connects the system or such a zone, kind `link`; each followed by its recovery stages."""
    infra = res.scenario.get("infrastructure")
    if not isinstance(infra, dict):
        return []
    zones = infra.get("zones") if isinstance(infra.get("zones"), dict) else {}
    links = infra.get("links") if isinstance(infra.get("links"), dict) else {}
    holding = set()  # the zone holding the system and every zone it is nested in
    zone = next((name for name, z in zones.items()
                 if isinstance(z, dict) and system in (z.get("systems") or [])), None)
    while zone is not None and zone not in holding:
        holding.add(zone)
        parent = zones.get(zone, {}).get("in") if isinstance(zones.get(zone), dict) else None
        zone = parent if isinstance(parent, str) and parent else None
    out = []
    for inc in infra.get("incidents") or []:
        if not isinstance(inc, dict):
            continue
        if inc.get("zone") in holding:
            kind = zones[inc["zone"]].get("kind") or "other"
            out += _incident_windows(inc, f"zone:{kind}")
        elif isinstance(links.get(inc.get("link")), dict):
            ends = set(links[inc["link"]].get("connects") or [])
            if system in ends or ends & holding:
                out += _incident_windows(inc, "link")
    return out


def windows(res, system):
    """[(start_h, end_h, kind)] of the scripted unavailability of `system` in the scenario: the incidents
    of the infrastructure around it, its own incidents (then their recovery stages), degraded periods and
    planned downtime (random failures differ between replications and are not drawn)."""
    spec = (res.scenario.get("systems") or {}).get(system)
    av = spec.get("availability") if isinstance(spec, dict) else None
    if not isinstance(av, dict):
        av = {}
    horizon = res.manifest.get("horizon_hours")
    horizon = float(horizon) if isinstance(horizon, (int, float)) else 24 * 365.0
    out = infrastructure_windows(res, system)
    for inc in av.get("incidents") or []:
        out += _incident_windows(inc, "incident")
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
