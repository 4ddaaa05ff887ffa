"""The chart of the split among customers (issue 21): one horizontal bar per customer, Scope 1
and Scope 2 (market-based) stacked, in t-CO2; the 取引先 page shows it."""

from __future__ import annotations

from matplotlib import rc_context
from matplotlib.figure import Figure

from ecocheck_desktop.core.allocation import Allocation
from ecocheck_desktop.report.charts import _finish, _new_figure, _style
from ecocheck_desktop.text.answer import words

SCOPE1_COLOUR = "#e08b3a"
SCOPE2_COLOUR = "#1f5c99"


def split_chart(allocation: Allocation, lang: str, size: tuple[float, float] = (6, 2.6)) -> Figure:
    with rc_context(_style()):
        figure = _new_figure(size, "constrained")
        axes = figure.add_subplot()
        rows = list(reversed(allocation.customers))
        names = [words("other_customers", lang) if r.other else r.customer for r in rows]
        s1 = [float(r.t_co2_scope1) for r in rows]
        s2 = [float(r.t_co2_scope2_adjusted) for r in rows]
        axes.barh(names, s1, color=SCOPE1_COLOUR, label=words("scope1", lang))
        axes.barh(names, s2, left=s1, color=SCOPE2_COLOUR, label=words("scope2_market", lang))
        for index, row in enumerate(rows):
            axes.text(
                s1[index] + s2[index],
                index,
                f" {float(row.share) * 100:.1f} %",
                va="center",
                fontsize=8,
            )
        axes.set_xlabel("t-CO2")
        axes.grid(axis="x", color="#dddddd")
        axes.grid(axis="y", visible=False)
        axes.legend(loc="lower right", fontsize=7)
        return _finish(figure)
