"""The reported-tolls chart: an SVG drawn at build time, same bytes for the same data."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # no display on a build machine; chosen before pyplot is imported

from matplotlib import dates as mdates
from matplotlib import pyplot as plt

# Colour-blind-safe pair (Okabe-Ito), readable on Material's light and dark backgrounds.
REPORT_COLOUR = "#E69F00"
DOCUMENTED_COLOUR = "#0072B2"


@dataclass(frozen=True)
class TollPoint:
    """One reported cumulative figure at its as-of date."""

    as_of: dt.date
    value: int
    qualifier: str


def tolls_svg(reports: list[TollPoint], documented: list[tuple[dt.date, int]],
              title: str, y_label: str) -> str:
    """Draw reported figures as points and documented records as a step line; return SVG.

    Points at the same date with different values show where sources disagree.
    """
    plt.rcParams["svg.hashsalt"] = "tolls"  # fixed ids: same data, same bytes
    plt.rcParams["svg.fonttype"] = "path"  # text as outlines: no font is fetched
    fig, ax = plt.subplots(figsize=(8, 4), dpi=100)
    try:
        if documented:
            xs = [d for d, _ in documented]
            ys = [n for _, n in documented]
            ax.step(mdates.date2num(xs), ys, where="post", color=DOCUMENTED_COLOUR, linewidth=2,
                    label="Deaths documented one by one in this record")
        exact = [p for p in reports if p.qualifier == "exact"]
        fuzzy = [p for p in reports if p.qualifier != "exact"]
        ax.scatter(mdates.date2num([p.as_of for p in exact]), [p.value for p in exact], color=REPORT_COLOUR,
                   zorder=3, label="Reported toll (exact figure)")
        if fuzzy:
            ax.scatter(mdates.date2num([p.as_of for p in fuzzy]), [p.value for p in fuzzy], facecolors="none",
                       edgecolors=REPORT_COLOUR, zorder=3,
                       label="Reported toll ('about', 'at least', 'more than')")
        ax.set_title(title)
        ax.set_ylabel(y_label)
        ax.set_ylim(bottom=0)
        ax.grid(True, alpha=0.3)
        ax.legend(loc="lower right", fontsize="small")
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        fig.autofmt_xdate()
        out = io.StringIO()
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    finally:
        plt.close(fig)
    return out.getvalue()
