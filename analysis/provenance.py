"""Where a run's numbers come from: the program (version, commit), the command line, the scenario's
digest, the libraries (SimGrid for the run; Python, matplotlib, pandas, SciPy for this report) and the
host. Manifest fields that an older results file lacks are shown as "not recorded"."""
from __future__ import annotations

import platform

NOT_RECORDED = "not recorded in these results"


def _text(value):
    if value is None or value == "" or value == []:
        return NOT_RECORDED
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def rows(res) -> list:
    """[(label, text)] in display order."""
    m = res.manifest
    import matplotlib
    import pandas
    try:
        import scipy
        scipy_version = scipy.__version__
    except ImportError:
        scipy_version = "not installed"
    return [
        ("program", f"recordflow {_text(m.get('program_version') or m.get('tool_version'))}"),
        ("program commit", _text(m.get("program_commit"))),
        ("command line", _text(m.get("command_line"))),
        ("scenario file", _text(m.get("scenario_file"))),
        ("scenario SHA-256", _text(m.get("scenario_sha256"))),
        ("seed", _text(m.get("seed"))),
        ("simulation library", f"SimGrid {_text(m.get('simgrid_version'))}"),
        ("run on", f"{_text(m.get('host'))}, {_text(m.get('jobs'))} worker process(es), started "
                   f"{_text(m.get('started_at'))}"),
        ("report made with", f"Python {platform.python_version()}, matplotlib {matplotlib.__version__}, "
                             f"pandas {pandas.__version__}, SciPy {scipy_version} on {platform.node()}"),
    ]
