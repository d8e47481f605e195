"""What every figure shares: the style, the title block with its legends, saving (atomically, PNG and
optional SVG), means with their interval whiskers, and designs in declaration order. Figures raise Skip
when the results hold no data for them."""
from __future__ import annotations

import math
import pathlib

import plotting
from vocabulary import subtitle

matplotlib = plt = np = pd = Line2D = Patch = FuncFormatter = MaxNLocator = None  # see plotting.py
plotting.bind(globals())


class Skip(Exception):
    """The results hold no data for this figure."""


def setup_style():
    plotting.import_plotting()
    plt.rcParams.update({
        "font.size": 11, "axes.titlesize": 12.5, "axes.titleweight": "bold", "axes.labelsize": 11,
        "figure.titlesize": 15, "figure.titleweight": "bold", "legend.fontsize": 10, "legend.frameon": False,
        "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True, "grid.color": "#E3E3E3",
        "grid.linewidth": 0.8, "axes.axisbelow": True, "savefig.facecolor": "white", "figure.facecolor": "white",
        "svg.fonttype": "none",
    })


def header(fig, res, title, sub=None, handles=None, ncol=4, legend_title=None, interval=True, more=()):
    """Title, subtitle and (optionally) legends at the top of the figure, sized in inches so that they
    look the same whatever the figure's height. `more`: further (handles, ncol) legends under the first.
    Returns the top of the area left for the axes."""
    h = fig.get_figheight()
    fig.text(0.01, 1 - 0.12 / h, title, fontsize=15, fontweight="bold", ha="left", va="top")
    fig.text(0.01, 1 - 0.5 / h, sub if sub is not None else subtitle(res, interval), fontsize=10,
             color="#555555", ha="left", va="top")
    used = 0.78
    groups = ([(handles, ncol, legend_title)] if handles else []) + [(hh, nc, None) for hh, nc in more if hh]
    for hh, nc, lt in groups:
        rows = math.ceil(len(hh) / nc)
        fig.legend(handles=hh, ncol=nc, loc="upper left", bbox_to_anchor=(0.005, 1 - used / h),
                   title=lt, alignment="left", title_fontsize=10)
        used += 0.1 + 0.26 * rows + (0.26 if lt else 0)
    return 1 - (used + 0.15) / h


def save(fig, out: pathlib.Path, name: str, opts) -> list:
    written = []
    for ext in ["png"] + (["svg"] if opts.svg else []):
        path = out / f"{name}.{ext}"
        tmp = path.with_name(f".{path.name}.tmp")
        fig.savefig(tmp, dpi=opts.dpi, format=ext)
        tmp.replace(path)
        written.append(path)
    plt.close(fig)
    return written


def mean_ci(frame, scale=1.0):
    m = frame["mean"].to_numpy(float) * scale
    lo = frame["ci_low"].to_numpy(float) * scale
    hi = frame["ci_high"].to_numpy(float) * scale
    lo = np.where(np.isnan(lo), m, lo)
    hi = np.where(np.isnan(hi), m, hi)
    return m, np.clip(m - lo, 0, None), np.clip(hi - m, 0, None)


def in_design_order(res, frame):
    order = {d: i for i, d in enumerate(res.designs)}
    return frame.assign(_o=frame["design"].map(order).fillna(len(order))).sort_values("_o").drop(columns="_o")
