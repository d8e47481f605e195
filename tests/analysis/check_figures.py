#!/usr/bin/python3
"""Runs analysis/figures.py and analysis/report.py and checks what they write.

Modes (ANALYSIS is the analysis/ folder, OUT a scratch directory that is emptied first):
  check_figures.py --analysis ANALYSIS --results FILE --out OUT [--expect NAME ...]
      both scripts exit 0; every file they print exists; every PNG is a well-formed, decodable, non-blank
      image; SVGs are well-formed XML; report.html is self-contained (no scripts, nothing fetched) and embeds
      every PNG; each NAME (a figure's file stem) was written.
  check_figures.py --analysis ANALYSIS --bad-inputs --out OUT
      on a missing file, a directory, text that is not JSON, binary bytes, a JSON array and JSON that is
      not a results document, both scripts exit 2 with a one-line "error:" message, no traceback and no report.
  check_figures.py --analysis ANALYSIS --results FILE --sparse --out OUT
      results cut down from FILE (a single design with no comparisons, series or replications; an empty
      document) or blown up (seven designs with long names, many systems, zero delays, a null value; a
      sweep with two points) still
      give exit 0, skip notes on stderr where a figure has no data, and a valid report.
  check_figures.py --analysis ANALYSIS --recordflow BIN --scenario FILE --out OUT [--expect NAME ...]
                   [-- RUN ARGUMENTS]
      runs `BIN run FILE --out OUT/run RUN ARGUMENTS`, then checks the scripts on its results.json as above,
      and that analysis/load.py reads its tidy.csv into the same rows as the replications in results.json.
Exit 0 when every check passes, 1 otherwise (each failure is listed).
"""
import argparse
import base64
import copy
import json
import pathlib
import shutil
import struct
import subprocess
import sys
import zlib
from html.parser import HTMLParser
from xml.etree import ElementTree

PY = "/usr/bin/python3"
failures = []


def fail(msg):
    failures.append(msg)
    print(f"FAIL: {msg}", file=sys.stderr)


def run(script, args):
    cmd = [PY, str(script)] + [str(a) for a in args]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    return p


def png_problem(data: bytes, name: str):
    """None if `data` is a well-formed PNG with a non-blank picture, else a description."""
    if len(data) < 67 or data[:8] != b"\x89PNG\r\n\x1a\n":
        return "not a PNG (bad signature or too short)"
    pos, first, seen_idat, width, height = 8, True, False, 0, 0
    while pos + 12 <= len(data):
        length, ctype = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length:
            return f"chunk {ctype!r} truncated"
        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        if zlib.crc32(ctype + body) & 0xFFFFFFFF != crc:
            return f"chunk {ctype!r} has a bad CRC"
        if first:
            if ctype != b"IHDR":
                return "first chunk is not IHDR"
            width, height = struct.unpack(">II", body[:8])
            first = False
        seen_idat |= ctype == b"IDAT"
        pos += 12 + length
        if ctype == b"IEND":
            break
    else:
        return "no IEND chunk"
    if not seen_idat:
        return "no image data"
    if width < 300 or height < 200:
        return f"implausibly small ({width}x{height})"
    try:
        import io
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.image as mpimg
        img = mpimg.imread(io.BytesIO(data), format="png")
    except Exception as e:  # noqa: BLE001
        return f"does not decode: {e}"
    if img.ndim < 2 or img.shape[0] != height or img.shape[1] != width:
        return "decoded size differs from the header"
    if float(img[..., :3].std()) < 0.01:
        return "picture is blank"
    return None


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.imgs, self.scripts, self.external, self.tables = [], 0, [], 0
        self.open, self.unbalanced = [], []

    def handle_endtag(self, tag):
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.unbalanced.append(f"</{tag}> at line {self.getpos()[0]} (open: {self.open[-3:]})")

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "table":
            self.tables += 1
        if tag == "img":
            self.imgs.append(a.get("src") or "")
        for key in ("src", "href"):
            v = a.get(key)
            if v and not v.startswith("data:") and not v.startswith("#"):
                self.external.append(f"{tag} {key}={v[:60]}")
        if tag == "link":
            self.external.append(f"link {a.get('href')}")


def check_html(path: pathlib.Path, expected_pngs: int):
    text = path.read_text(encoding="utf-8")
    if not text.lstrip().lower().startswith("<!doctype html>") or "</html>" not in text[-40:].lower():
        fail(f"{path}: not a complete HTML document")
    page = Page()
    page.feed(text)
    if page.unbalanced or page.open:
        fail(f"{path}: tags not balanced: {page.unbalanced[:3]} left open: {page.open[-3:]}")
    if page.scripts:
        fail(f"{path}: contains <script>")
    if page.external:
        fail(f"{path}: refers to outside resources: {page.external[:3]}")
    if "@import" in text or "url(" in text:
        fail(f"{path}: CSS fetches something")
    if page.tables == 0:
        fail(f"{path}: no table")
    if len(page.imgs) != expected_pngs:
        fail(f"{path}: embeds {len(page.imgs)} images, expected {expected_pngs}")
    for i, src in enumerate(page.imgs):
        if not src.startswith("data:image/png;base64,"):
            fail(f"{path}: image {i} is not an embedded PNG")
            continue
        problem = png_problem(base64.b64decode(src.split(",", 1)[1]), f"embedded {i}")
        if problem:
            fail(f"{path}: embedded image {i}: {problem}")


def printed_files(p, script):
    files = [pathlib.Path(line) for line in p.stdout.splitlines() if line.strip()]
    for f in files:
        if not f.is_file() or f.stat().st_size == 0:
            fail(f"{script}: printed {f} but it is missing or empty")
    return files


def check_outputs(analysis, results, out, expect, label, figures_too=True):
    """Both scripts on `results` (figures.py also with --svg); figures_too=False: report.py only (it draws
    the same figures), to keep the many variants of the robustness test quick."""
    figs_dir, rep_dir = out / "figures", out / "report"
    if not figures_too:
        return _check_report(analysis, results, rep_dir, expect, label, None)
    p = run(analysis / "figures.py", [results, "--out", figs_dir, "--svg"])
    if p.returncode != 0:
        fail(f"[{label}] figures.py exited {p.returncode}: {p.stderr.strip()[-2000:]}")
    if "Traceback" in p.stderr:
        fail(f"[{label}] figures.py printed a traceback")
    files = printed_files(p, "figures.py")
    pngs = [f for f in files if f.suffix == ".png"]
    for f in pngs:
        problem = png_problem(f.read_bytes(), f.name) if f.is_file() else "missing"
        if problem:
            fail(f"[{label}] {f}: {problem}")
    for f in files:
        if f.suffix == ".svg" and f.is_file():
            try:
                root = ElementTree.parse(f).getroot()
                if not root.tag.endswith("svg"):
                    fail(f"[{label}] {f}: root element is not svg")
            except ElementTree.ParseError as e:
                fail(f"[{label}] {f}: not well-formed XML: {e}")
    stems_png = {f.stem for f in pngs}
    stems_svg = {f.stem for f in files if f.suffix == ".svg"}
    if stems_png != stems_svg:
        fail(f"[{label}] --svg: PNG and SVG sets differ: {sorted(stems_png ^ stems_svg)}")
    for name in expect:
        if name not in stems_png:
            fail(f"[{label}] expected figure {name}.png was not written")
    on_disk = {f.stem for f in figs_dir.glob("*.png")}
    if on_disk != stems_png:
        fail(f"[{label}] PNGs on disk differ from those printed: {sorted(on_disk ^ stems_png)}")

    return _check_report(analysis, results, rep_dir, expect, label, stems_png, p.stderr)


def _check_report(analysis, results, rep_dir, expect, label, stems_png, figures_stderr=""):
    p = run(analysis / "report.py", [results, "--out", rep_dir])
    if p.returncode != 0:
        fail(f"[{label}] report.py exited {p.returncode}: {p.stderr.strip()[-2000:]}")
    files = printed_files(p, "report.py")
    report = rep_dir / "report.html"
    if report not in files:
        fail(f"[{label}] report.py did not print {report}")
    if not report.is_file() or report.stat().st_size == 0:
        fail(f"[{label}] {report} missing or empty")
    else:
        rep_pngs = [f for f in files if f.suffix == ".png"]
        check_html(report, len(rep_pngs))
        method = {"warm_up", "replications_precision"}  # the report's own method figures
        if stems_png is not None and {f.stem for f in rep_pngs} - method != stems_png:
            fail(f"[{label}] report.py drew other figures than figures.py")
        if stems_png is None:
            for f in rep_pngs:
                problem = png_problem(f.read_bytes(), f.name)
                if problem:
                    fail(f"[{label}] {f}: {problem}")
            stems_png = {f.stem for f in rep_pngs}
            for name in expect:
                if name not in stems_png:
                    fail(f"[{label}] expected figure {name}.png was not written")
    if report.is_file():
        check_views_table(results, report.read_text(encoding="utf-8"), label)
    print(f"[{label}] checked {len(stems_png or ())} figures and report.html")
    return stems_png, figures_stderr + p.stderr


def check_views_table(results, html_text, label):
    """The record views table shows, for each place other than the local record that a design opened,
    the share of encounters at which it was opened, as the results' summary holds it."""
    try:
        summary = json.loads(pathlib.Path(results).read_text(encoding="utf-8")).get("summary", [])
    except (OSError, ValueError):
        return
    rows = [r for r in summary if r.get("metric") == "share_encounters_opened"
            and set(r.get("dims", {})) == {"view"} and r["dims"]["view"] != "local_record"
            and isinstance(r.get("mean"), (int, float)) and r["mean"] > 0]
    if not rows:
        return
    start = html_text.find("<h3>Record views")
    if start < 0:
        fail(f"[{label}] report.html has no record views table although a shared place was opened")
        return
    table = html_text[start:html_text.find("</table>", start)]
    for r in rows:
        shown = f"{r['mean'] * 100:.1f} %"
        if r["dims"]["view"] not in table or shown not in table:
            fail(f"[{label}] record views table lacks {r['design']} {r['dims']['view']} opened at {shown}")


def bad_inputs(analysis, out):
    out.mkdir(parents=True, exist_ok=True)
    cases = {
        "missing file": out / "does-not-exist.json",
        "directory": out,
        "not JSON": out / "text.json",
        "binary": out / "binary.json",
        "truncated JSON": out / "truncated.json",
        "JSON array": out / "array.json",
        "other JSON": out / "other.json",
        "wrong format": out / "scenario.json",
    }
    (out / "text.json").write_text("this is not JSON\n")
    (out / "binary.json").write_bytes(bytes(range(256)) * 4)
    (out / "truncated.json").write_text('{"format": "recordflow-results", "version": 1, "summary": [')
    (out / "array.json").write_text("[1, 2, 3]\n")
    (out / "other.json").write_text('{"hello": "world"}\n')
    (out / "scenario.json").write_text('{"recordflow": 1, "name": "demo", "format": "something-else"}\n')
    for label, path in cases.items():
        for script in ("figures.py", "report.py"):
            dest = out / f"out-{script}"
            p = run(analysis / script, [path, "--out", dest])
            if p.returncode != 2:
                fail(f"{script} on {label}: exit {p.returncode}, expected 2 (stderr: {p.stderr.strip()[:300]})")
            if "Traceback" in p.stderr:
                fail(f"{script} on {label}: traceback instead of a message")
            if not p.stderr.startswith("error: ") or str(path) not in p.stderr:
                fail(f"{script} on {label}: message should start with 'error:' and name the file: {p.stderr!r}")
            if p.stdout.strip():
                fail(f"{script} on {label}: printed files although it failed")
            if (dest / "report.html").exists():
                fail(f"{script} on {label}: wrote a report")
    print(f"checked {len(cases)} bad inputs x 2 scripts")


def sparse(analysis, results, out):
    doc = json.loads(pathlib.Path(results).read_text())
    design = doc["manifest"]["designs"][0]
    one = dict(doc)
    one["manifest"] = dict(doc["manifest"], designs=[design], replications={design: 1})
    one["summary"] = [s for s in doc["summary"] if s["design"] == design]
    for s in one["summary"]:  # one replication: no interval
        s.update(n=1, sd=None, ci_low=None, ci_high=None, half_width=None)
    for key in ("comparisons", "series", "replications", "structure"):
        one.pop(key, None)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "single_design.json"
    path.write_text(json.dumps(one))
    stems, stderr = check_outputs(analysis, path, out / "single", ["gap_rate_by_design", "gaps_by_cause",
                                                                  "delay_by_flow", "staff_hours_by_design"],
                                  "single design")
    for absent in ("differences_vs_baseline", "backlog_over_time"):
        if absent in stems:
            fail(f"[single design] {absent} drawn without its data")
    if "skipped figure" not in stderr:
        fail("[single design] no skip note on stderr")
    # many designs with long names, many systems, a zero-delay design, a null value
    many = copy.deepcopy(doc)
    extra = ["shared_epr_single_instance_for_all", "federated_query", "nightly_shared_record", "mix_70_message_30_post"]
    for key in ("summary", "comparisons", "series", "replications"):
        add = []
        for i, name in enumerate(extra):
            src = doc["manifest"]["designs"][1 + i % (len(doc["manifest"]["designs"]) - 1)]
            for row in doc[key]:
                if row["design"] == src:
                    r = copy.deepcopy(row)
                    r["design"] = name
                    if key == "summary" and i == 0 and r["metric"].startswith("delay_p"):
                        r.update(mean=0.0, ci_low=0.0, ci_high=0.0)
                    if key == "summary" and i == 1 and r["metric"] == "share_lost":
                        r["mean"] = None
                    add.append(r)
        many[key] += add
    many["series"] += [dict(copy.deepcopy(s), dims={"system": f"system_{k}"}) for k in range(14)
                       for s in doc["series"][:1]]
    many["manifest"]["designs"] += extra
    many["manifest"]["replications"].update({e: 8 for e in extra})
    path = out / "many_designs.json"
    path.write_text(json.dumps(many))
    stems, _ = check_outputs(analysis, path, out / "many", ["gap_rate_by_design", "gaps_by_cause", "delay_by_flow",
                                                           "staff_hours_by_design", "backlog_over_time",
                                                           "differences_vs_baseline"], "many designs",
                              figures_too=False)
    # a sweep: every entry tagged with its point, manifest.points lists the factors
    sweep = copy.deepcopy(doc)
    for key in ("summary", "comparisons", "series", "replications"):
        sweep[key] = [dict(copy.deepcopy(r), point=pt) for pt in (0, 1) for r in doc[key]]
    sweep["manifest"]["points"] = [{"point": 0, "factors": {"/experiment/horizon": "60 d"}},
                                   {"point": 1, "factors": {"/experiment/horizon": "120 d"}}]
    path = out / "sweep.json"
    path.write_text(json.dumps(sweep))
    _, stderr = check_outputs(analysis, path, out / "sweep", ["gap_rate_by_design", "differences_vs_baseline"],
                              "sweep", figures_too=False)
    if "sweep results with 2 points" not in stderr:
        fail("[sweep] no note about the point drawn")
    empty = out / "empty.json"
    empty.write_text('{"format": "recordflow-results", "version": 1}')
    stems, _ = check_outputs(analysis, empty, out / "empty", [], "empty document", figures_too=False)
    if stems:
        fail(f"[empty document] figures drawn from nothing: {sorted(stems)}")


def validate_schema(results, schema_path):
    """The results document against the published JSON Schema (draft 7)."""
    try:
        import jsonschema
    except ImportError:
        print("note: python3-jsonschema not installed: schema not checked", file=sys.stderr)
        return
    schema = json.loads(pathlib.Path(schema_path).read_text())
    doc = json.loads(pathlib.Path(results).read_text())
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
    for e in errors[:10]:
        fail(f"{results}: schema: /{'/'.join(str(x) for x in e.path)}: {e.message[:200]}")
    if len(errors) > 10:
        fail(f"{results}: {len(errors) - 10} more schema errors")
    if not errors:
        print(f"{results.name}: valid against {schema_path.name}")


def real_run(analysis, binary, scenario, run_args, out, expect, schema=None):
    run_dir = out / "run"
    cmd = [str(binary), "run", str(scenario), "--out", str(run_dir)] + list(run_args)
    print("running:", " ".join(cmd))
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    if p.returncode != 0:
        fail(f"recordflow run exited {p.returncode}: {p.stderr.strip()[-2000:]}")
        return
    results = run_dir / "results.json"
    if not results.is_file():
        fail(f"recordflow run wrote no {results}")
        return
    if schema is not None:
        validate_schema(results, schema)
    check_outputs(analysis, results, out, expect, "recordflow run")
    tidy = run_dir / "tidy.csv"
    if not tidy.is_file():
        fail(f"recordflow run wrote no {tidy}")
        return
    sys.path.insert(0, str(analysis))
    import load
    res = load.load(results)
    frame = load.read_tidy_csv(tidy)
    want = ["design", "replication", "metric", "dims", "value"]
    missing = [c for c in want if c not in frame.columns]
    if missing:
        fail(f"{tidy}: columns {missing} missing")
        return
    reps = res.replications
    if len(frame) != len(reps):
        fail(f"{tidy}: {len(frame)} rows, results.json holds {len(reps)} replication metrics")
        return
    key = ["design", "replication", "metric", "dims"]
    a = frame[want].assign(replication=frame["replication"].astype(int)).sort_values(key).reset_index(drop=True)
    b = reps[want].assign(replication=reps["replication"].astype(int)).sort_values(key).reset_index(drop=True)
    if not (a[key].astype(str).to_numpy() == b[key].astype(str).to_numpy()).all():
        fail(f"{tidy}: keys differ from results.json replications")
    elif not ((a["value"] - b["value"]).abs() <= 1e-9 * (1 + b["value"].abs())).fillna(a["value"].isna() & b["value"].isna()).all():
        fail(f"{tidy}: values differ from results.json replications")
    if set(frame["level"]) - {"overall", "breakdown"} or not ((frame["level"] == "overall") == (frame["dims"] == "")).all():
        fail(f"{tidy}: the level column does not say overall exactly for the rows without dimensions")
    if (frame["unit"] == "").any():
        fail(f"{tidy}: rows without a unit: {sorted(set(frame[frame['unit'] == '']['metric']))}")
    for col in [c for c in frame.columns
                if c not in want and c not in ("point", "level", "unit") and not c.startswith("/")]:
        dims_has = frame["dims"].str.contains(f"(?:^|;){col}=", regex=True)
        if not (dims_has == (frame[col] != "")).all():
            fail(f"{tidy}: dimension column {col} does not match the dims column")
    print(f"[recordflow run] tidy.csv: {len(frame)} rows agree with results.json")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--analysis", required=True, type=pathlib.Path, help="the analysis/ folder")
    ap.add_argument("--results", type=pathlib.Path)
    ap.add_argument("--out", required=True, type=pathlib.Path)
    ap.add_argument("--expect", nargs="*", default=[], help="figure file stems that must be written")
    ap.add_argument("--bad-inputs", action="store_true")
    ap.add_argument("--sparse", action="store_true")
    ap.add_argument("--schema", type=pathlib.Path,
                    help="results.schema.json: the results (or the run's results.json) must validate against it")
    ap.add_argument("--recordflow", type=pathlib.Path, help="recordflow binary: run --scenario first")
    ap.add_argument("--scenario", type=pathlib.Path)
    argv = sys.argv[1:]
    run_args = []
    if "--" in argv:
        i = argv.index("--")
        argv, run_args = argv[:i], argv[i + 1:]
    a = ap.parse_args(argv)
    if a.out.exists():
        shutil.rmtree(a.out)
    a.out.mkdir(parents=True)
    if a.bad_inputs:
        bad_inputs(a.analysis, a.out)
    elif a.recordflow is not None:
        if a.scenario is None:
            ap.error("--recordflow needs --scenario")
        real_run(a.analysis, a.recordflow, a.scenario, run_args, a.out, a.expect, a.schema)
    elif a.results is None:
        ap.error("--results is required")
    elif a.sparse:
        sparse(a.analysis, a.results, a.out)
    else:
        if not a.results.is_file():
            fail(f"results file {a.results} does not exist")
        else:
            if a.schema is not None:
                validate_schema(a.results, a.schema)
            check_outputs(a.analysis, a.results, a.out, a.expect, a.results.name)
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
