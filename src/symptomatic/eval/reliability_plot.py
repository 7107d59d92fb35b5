"""The reliability diagram of a :class:`Calibration`, drawn to a PNG with matplotlib.

Drawn on a bare :class:`~matplotlib.figure.Figure` with the Agg canvas: no pyplot, no global
backend switch, no display needed.
"""

from __future__ import annotations

from pathlib import Path
from textwrap import fill

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from symptomatic.eval.calibration import Calibration


def _three(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def plot_reliability(calibration: Calibration, path: str | Path, title: str = "") -> Path:
    """Write the diagram to ``path`` (PNG) and return it.

    Top: the share of top conditions that were right against the mean probability shown, one
    point per non-empty bin (area by its size against the largest bin), with the diagonal of
    perfect calibration. Bottom: how many forecasts fell in each bin.
    """
    cal = calibration
    fig = Figure(figsize=(6, 7), dpi=120)
    FigureCanvasAgg(fig)
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[3, 1])
    width = cal.bins[0].upper - cal.bins[0].lower if cal.bins else 0.1
    full = [b for b in cal.bins if b.confidence is not None and b.accuracy is not None]
    most = max((b.count for b in full), default=1)
    top.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfectly calibrated")
    top.bar(
        [b.lower for b in full],
        [b.accuracy or 0.0 for b in full],
        width=width,
        align="edge",
        alpha=0.35,
        edgecolor="black",
        label="share right (by bin)",
    )
    top.scatter(
        [b.confidence for b in full],
        [b.accuracy for b in full],
        s=[20 + 180 * b.count / most for b in full],
        color="tab:blue",
        zorder=3,
        clip_on=False,
        label="mean probability shown",
    )
    top.set_xlim(0, 1)
    top.set_ylim(0, 1)
    top.set_ylabel("top condition right (share)")
    top.set_title(fill(title or "Reliability of the top condition", 70), fontsize=9)
    top.text(
        0.02,
        0.97,
        f"n = {cal.n}\nECE = {_three(cal.ece)}\nBrier (top) = {_three(cal.brier_top)}",
        transform=top.transAxes,
        va="top",
        fontsize=9,
    )
    legend = top.legend(loc="lower right", fontsize=8)
    for handle in legend.legend_handles:  # one plain marker, whatever the bins' sizes
        if isinstance(handle, PathCollection):
            handle.set_sizes([30])
    bottom.bar(
        [b.lower for b in cal.bins],
        [b.count for b in cal.bins],
        width=width,
        align="edge",
        edgecolor="black",
        color="tab:grey",
    )
    bottom.set_xlabel("probability of the top condition")
    bottom.set_ylabel("cases")
    bottom.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout()
    out = Path(path)
    fig.savefig(out, format="png")
    return out
