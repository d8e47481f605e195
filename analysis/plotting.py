"""The one place that imports matplotlib, numpy and pandas. They are imported on first drawing
(import_plotting), so that a bad input file is reported at once. A module that draws calls
bind(globals()) when it is imported; import_plotting() then fills its names matplotlib, plt, np, pd,
Line2D, Patch, FuncFormatter and MaxNLocator (None until then)."""
from __future__ import annotations

NAMES = ("matplotlib", "plt", "np", "pd", "Line2D", "Patch", "FuncFormatter", "MaxNLocator")
_loaded: dict = {}
_bound: list = []


def bind(namespace: dict) -> None:
    """Gives `namespace` (a module's globals()) the plotting names, now if loaded, else on import_plotting()."""
    for name in NAMES:
        namespace[name] = _loaded.get(name)
    _bound.append(namespace)


def import_plotting() -> None:
    if _loaded:
        return
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    import pandas as pd
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter, MaxNLocator
    _loaded.update(matplotlib=matplotlib, plt=plt, np=np, pd=pd, Line2D=Line2D, Patch=Patch,
                   FuncFormatter=FuncFormatter, MaxNLocator=MaxNLocator)
    for namespace in _bound:
        namespace.update(_loaded)
