#!/usr/bin/python3
"""Load a recordflow results document (results.json) into tidy pandas DataFrames.

    import sys; sys.path.insert(0, "analysis")
    import load
    res = load.load("out/results.json")      # raises load.ResultsError on a bad file
    res.summary        # design, metric, dims, <dimension columns>, mean, sd, n, ci_low, ci_high, half_width
    res.comparisons    # design, baseline, metric, dims, <dimension columns>, mean_difference, sd, n, ci_low, ci_high
    res.series         # design, name, dims, <dimension columns>, day, hour, mean, ci_low, ci_high (one row per day,
                       # or per kept hour of an hourly series such as backlog_hourly; hour is NaN for daily rows)
    res.replications   # design, replication, seed, metric, dims, <dimension columns>, value
    load.replication_series_frame(res.doc)   # each replication's daily series: ..., replication, name, day, value
    res.designs, res.baseline, res.manifest

`dims` is the dimensions as one string "k=v;k=v" (keys sorted, "" for none), the same encoding as the
`dims` column of tidy.csv; `dim_keys` lists the keys ("cause", "document,from,to", ...). Use
`select(df, metric, keys)` to take the rows of one metric with exactly those dimension keys (for
example `gaps` by cause without also getting `gaps` by encounter type and cause).

Run as a script to print a short overview: /usr/bin/python3 analysis/load.py RESULTS.json
"""
from __future__ import annotations

import json
import math
import pathlib
import re
import sys
from dataclasses import dataclass, field



def _pandas():
    """pandas, imported on first use: a bad input file is reported without waiting for it."""
    import pandas
    return pandas

FORMAT = "recordflow-results"
SUPPORTED_VERSION = 1

SUMMARY_VALUES = ["mean", "sd", "n", "ci_low", "ci_high", "half_width"]
COMPARISON_VALUES = ["mean_difference", "sd", "n", "ci_low", "ci_high"]


class ResultsError(Exception):
    """The file is missing, unreadable, not JSON, or not a recordflow results document."""


def dims_string(dims) -> str:
    """{"to": "primary", "document": "x"} -> "document=x;to=primary" (keys sorted)."""
    if not isinstance(dims, dict) or not dims:
        return ""
    return ";".join(f"{k}={dims[k]}" for k in sorted(dims))


def parse_dims(text) -> dict:
    """Inverse of dims_string: "cause=lost;encounter_type=ed" -> {"cause": "lost", ...}."""
    if not isinstance(text, str) or not text:
        return {}
    out = {}
    for part in text.split(";"):
        k, _, v = part.partition("=")
        out[k] = v
    return out


def _num(x):
    """JSON number (or null) -> float; anything else -> NaN."""
    if isinstance(x, bool):
        return float(x)
    if isinstance(x, (int, float)):
        return float(x)
    return math.nan


def parse_hours(text):
    """A scenario duration ("24 h", "2 d", "30 min", "1 w") in hours, or None."""
    if isinstance(text, (int, float)):
        return float(text)
    if not isinstance(text, str):
        return None
    total, found = 0.0, False
    for num, unit in re.findall(r"([0-9]*\.?[0-9]+)\s*([a-zA-Z]+)", text):
        f = {"s": 1 / 3600, "sec": 1 / 3600, "min": 1 / 60, "m": 1 / 60, "h": 1, "hr": 1, "hour": 1, "hours": 1,
             "d": 24, "day": 24, "days": 24, "w": 168, "wk": 168, "week": 168, "weeks": 168}.get(unit.lower())
        if f is None:
            return None
        total += float(num) * f
        found = True
    return total if found else None


def read_results(path) -> dict:
    """Read and check a results document; raise ResultsError with a clear message otherwise."""
    p = pathlib.Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResultsError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise ResultsError(f"{p}: is a directory, expected a results.json file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ResultsError(f"{p}: cannot read: {e}") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise ResultsError(f"{p}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    if not isinstance(doc, dict):
        raise ResultsError(f"{p}: not a recordflow results document (top level is not a JSON object)")
    fmt = doc.get("format")
    if fmt != FORMAT:
        raise ResultsError(f"{p}: not a recordflow results document "
                           f"(\"format\" is {json.dumps(fmt)}, expected \"{FORMAT}\")")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ResultsError(f"{p}: results document without an integer \"version\"")
    if version > SUPPORTED_VERSION:
        print(f"warning: {p}: results format version {version} is newer than {SUPPORTED_VERSION}; "
              "reading what is recognised", file=sys.stderr)
    for key, kind in (("manifest", dict), ("summary", list), ("comparisons", list), ("series", list),
                      ("replications", list), ("structure", dict)):
        if key in doc and doc[key] is not None and not isinstance(doc[key], kind):
            raise ResultsError(f"{p}: \"{key}\" should be a JSON {'object' if kind is dict else 'array'}")
    return doc


def _dim_columns(frame: pd.DataFrame, dims_list: list) -> pd.DataFrame:
    keys = sorted({k for d in dims_list for k in d})
    for k in keys:
        frame[k] = [d.get(k) for d in dims_list]
    return frame


def _records(rows, kind: str, values: list[str], id_cols: list[str]) -> pd.DataFrame:
    recs, dims_list = [], []
    for row in rows or []:
        if not isinstance(row, dict):
            continue
        dims = row.get("dims") if isinstance(row.get("dims"), dict) else {}
        dims = {str(k): str(v) for k, v in dims.items()}
        rec = {c: row.get(c) for c in id_cols}
        if "point" in row:
            rec["point"] = row.get("point")
        rec["dims"] = dims_string(dims)
        rec["dim_keys"] = ",".join(sorted(dims))
        for v in values:
            rec[v] = _num(row.get(v))
        recs.append(rec)
        dims_list.append(dims)
    point = ["point"] if any("point" in r for r in recs) else []
    id_cols = id_cols + point
    frame = _pandas().DataFrame(recs, columns=id_cols + ["dims", "dim_keys"] + values)
    frame = _dim_columns(frame, dims_list)
    cols = id_cols + ["dims", "dim_keys"] + [c for c in frame.columns if c not in id_cols + ["dims", "dim_keys"] + values] + values
    return frame[cols]


def summary_frame(doc: dict) -> pd.DataFrame:
    return _records(doc.get("summary"), "summary", SUMMARY_VALUES, ["design", "metric"])


def comparisons_frame(doc: dict) -> pd.DataFrame:
    return _records(doc.get("comparisons"), "comparisons", COMPARISON_VALUES, ["design", "baseline", "metric"])


def _slots(s: dict, count: int):
    """(day, hour) of each value of a series: hourly series carry the hour of each value in `hours`."""
    hours = s.get("hours") if isinstance(s.get("hours"), list) else None
    if hours is None or len(hours) != count:
        return [(day, math.nan) for day in range(count)]
    return [(int(h) // 24, int(h)) for h in hours]


def series_frame(doc: dict) -> pd.DataFrame:
    """Series in long form: one row per design x series x day (or kept hour, for an hourly series)."""
    recs, dims_list = [], []
    for s in doc.get("series") or []:
        if not isinstance(s, dict) or not isinstance(s.get("mean"), list):
            continue
        dims = s.get("dims") if isinstance(s.get("dims"), dict) else {}
        dims = {str(k): str(v) for k, v in dims.items()}
        mean = s["mean"]
        lo = s.get("ci_low") if isinstance(s.get("ci_low"), list) else []
        hi = s.get("ci_high") if isinstance(s.get("ci_high"), list) else []
        for i, ((day, hour), m) in enumerate(zip(_slots(s, len(mean)), mean)):
            recs.append({"design": s.get("design"), "point": s.get("point"), "name": s.get("name"),
                         "dims": dims_string(dims),
                         "dim_keys": ",".join(sorted(dims)), "day": day, "hour": hour, "mean": _num(m),
                         "ci_low": _num(lo[i]) if i < len(lo) else math.nan,
                         "ci_high": _num(hi[i]) if i < len(hi) else math.nan})
            dims_list.append(dims)
    frame = _pandas().DataFrame(recs, columns=["design", "point", "name", "dims", "dim_keys", "day", "hour", "mean",
                                               "ci_low", "ci_high"])
    if frame["point"].isna().all():
        frame = frame.drop(columns="point")
    frame = _dim_columns(frame, dims_list)
    fixed = [c for c in ("design", "point", "name", "dims", "dim_keys") if c in frame.columns]
    tail = ["day", "hour", "mean", "ci_low", "ci_high"]
    return frame[fixed + [c for c in frame.columns if c not in fixed + tail] + tail]


def replications_frame(doc: dict) -> pd.DataFrame:
    """One row per design x replication x metric x dimensions (the shape of tidy.csv)."""
    recs, dims_list = [], []
    for rep in doc.get("replications") or []:
        if not isinstance(rep, dict):
            continue
        for m in rep.get("metrics") or []:
            if not isinstance(m, dict):
                continue
            dims = m.get("dims") if isinstance(m.get("dims"), dict) else {}
            dims = {str(k): str(v) for k, v in dims.items()}
            recs.append({"design": rep.get("design"), "point": rep.get("point"), "replication": rep.get("replication"),
                         "seed": rep.get("seed"),
                         "metric": m.get("metric"), "dims": dims_string(dims), "dim_keys": ",".join(sorted(dims)),
                         "value": _num(m.get("value"))})
            dims_list.append(dims)
    cols = ["design", "point", "replication", "seed", "metric", "dims", "dim_keys", "value"]
    frame = _pandas().DataFrame(recs, columns=cols)
    if frame["point"].isna().all():
        frame = frame.drop(columns="point")
        cols.remove("point")
    frame = _dim_columns(frame, dims_list)
    fixed = cols[:-1]
    return frame[fixed + [c for c in frame.columns if c not in cols] + ["value"]]


def replication_series_frame(doc: dict) -> pd.DataFrame:
    """Each replication's own daily series (if the results carry them), long form: one row per design x
    replication x series x day (or kept hour), columns design, [point,] replication, name, dims, dim_keys,
    <dimension columns>, day, hour (NaN for daily series), value."""
    recs, dims_list = [], []
    for rep in doc.get("replications") or []:
        if not isinstance(rep, dict):
            continue
        for s in rep.get("series") or []:
            if not isinstance(s, dict) or not isinstance(s.get("values"), list):
                continue
            dims = s.get("dims") if isinstance(s.get("dims"), dict) else {}
            dims = {str(k): str(v) for k, v in dims.items()}
            base = {"design": rep.get("design"), "point": rep.get("point"), "replication": rep.get("replication"),
                    "name": s.get("name"), "dims": dims_string(dims), "dim_keys": ",".join(sorted(dims))}
            for (day, hour), v in zip(_slots(s, len(s["values"])), s["values"]):
                recs.append(dict(base, day=day, hour=hour, value=_num(v)))
                dims_list.append(dims)
    cols = ["design", "point", "replication", "name", "dims", "dim_keys", "day", "hour", "value"]
    frame = _pandas().DataFrame(recs, columns=cols)
    if frame["point"].isna().all():
        frame = frame.drop(columns="point")
    frame = _dim_columns(frame, dims_list)
    fixed = [c for c in cols[:-3] if c in frame.columns]
    return frame[fixed + [c for c in frame.columns if c not in cols] + ["day", "hour", "value"]]


def read_tidy_csv(path) -> pd.DataFrame:
    """Read tidy.csv: dimension columns stay strings (empty = dimension not present)."""
    pd = _pandas()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "value" in frame:
        frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    if "replication" in frame:
        frame["replication"] = pd.to_numeric(frame["replication"], errors="coerce").astype("Int64")
    return frame


def select(frame: pd.DataFrame, metric: str, keys=(), column: str = "metric", **equal) -> pd.DataFrame:
    """Rows of `metric` whose dimension keys are exactly `keys` (any order); extra column=value filters."""
    if frame.empty or column not in frame:
        return frame.iloc[0:0]
    want = ",".join(sorted(keys))
    out = frame[(frame[column] == metric) & (frame["dim_keys"] == want)]
    for k, v in equal.items():
        if k not in out:
            return out.iloc[0:0]
        out = out[out[k] == v]
    return out


@dataclass
class Results:
    path: str
    doc: dict
    summary: pd.DataFrame
    comparisons: pd.DataFrame
    series: pd.DataFrame
    replications: pd.DataFrame
    designs: list = field(default_factory=list)
    baseline: str | None = None
    point: int | None = None   # the sweep point these frames are restricted to (see at_point)

    @property
    def manifest(self) -> dict:
        m = self.doc.get("manifest")
        return m if isinstance(m, dict) else {}

    @property
    def scenario(self) -> dict:
        s = self.manifest.get("scenario")
        return s if isinstance(s, dict) else {}

    @property
    def scenario_name(self) -> str:
        name = self.scenario.get("name")
        if isinstance(name, str) and name:
            return name
        f = self.manifest.get("scenario_file")
        return pathlib.Path(f).stem if isinstance(f, str) and f else pathlib.Path(self.path).parent.name

    @property
    def points(self) -> list:
        """Sweep points: [{"point": i, "factors": {pointer: value}}, ...]; [] for a plain run."""
        pts = self.manifest.get("points")
        return [p for p in pts if isinstance(p, dict)] if isinstance(pts, list) else []

    def point_label(self, point) -> str:
        for p in self.points:
            if p.get("point") == point:
                f = p.get("factors")
                if isinstance(f, dict) and f:
                    return ", ".join(f"{k} = {json.dumps(v) if not isinstance(v, str) else v}" for k, v in f.items())
        return f"point {point}"

    def at_point(self, point) -> "Results":
        """The same results restricted to one sweep point (the `point` column dropped)."""
        def cut(frame):
            if "point" not in frame.columns:
                return frame
            return frame[frame["point"] == point].drop(columns="point").reset_index(drop=True)
        return Results(self.path, self.doc, cut(self.summary), cut(self.comparisons), cut(self.series),
                       cut(self.replications), list(self.designs), self.baseline, point)

    def replications_of(self, design) -> int | None:
        r = self.manifest.get("replications")
        if isinstance(r, dict) and isinstance(r.get(design), int):
            return r[design]
        if isinstance(r, int):
            return r
        s = self.summary[self.summary["design"] == design]["n"]
        return int(s.max()) if len(s) and s.notna().any() else None

    def design_description(self, design) -> str:
        d = (self.scenario.get("designs") or {}).get(design)
        if isinstance(d, dict) and isinstance(d.get("description"), str):
            return d["description"]
        return ""


def _design_order(doc, frames) -> list:
    order = []
    m = doc.get("manifest") if isinstance(doc.get("manifest"), dict) else {}
    if isinstance(m.get("designs"), list):
        order = [str(d) for d in m["designs"]]
    for f in frames:
        if "design" in f:
            for d in f["design"].dropna().astype(str):
                if d not in order:
                    order.append(d)
    return order


def load(path) -> Results:
    doc = read_results(path)
    summary = summary_frame(doc)
    comparisons = comparisons_frame(doc)
    series = series_frame(doc)
    reps = replications_frame(doc)
    designs = _design_order(doc, [summary, comparisons, series, reps])
    m = doc.get("manifest") if isinstance(doc.get("manifest"), dict) else {}
    baseline = m.get("baseline")
    if not isinstance(baseline, str) and len(comparisons):
        baseline = str(comparisons["baseline"].dropna().iloc[0]) if comparisons["baseline"].notna().any() else None
    if not isinstance(baseline, str):
        baseline = None
    return Results(str(path), doc, summary, comparisons, series, reps, designs, baseline)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    try:
        res = load(argv[0])
    except ResultsError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"scenario {res.scenario_name}; designs {', '.join(res.designs)}; baseline {res.baseline}")
    for name in ("summary", "comparisons", "series", "replications"):
        f = getattr(res, name)
        print(f"{name}: {len(f)} rows; columns: {', '.join(f.columns)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
