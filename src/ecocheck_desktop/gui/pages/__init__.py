"""The pages of the main window, in navigation order, each loaded on its first visit.

Only this registry is imported at start-up: a page's module (and whatever heavy library it
needs, e.g. matplotlib for charts) is imported when the user first opens that page. The
navigation names live here, marked for lupdate under the page class's translation context.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from ecocheck_desktop.gui.pages.base import Page


class PageEntry(NamedTuple):
    page_id: str  # also the module name in this package
    class_name: str  # also the translation context of the page's own texts
    title_source: str
    tooltip_source: str
    # A project page's heading above its content, and its empty state (heading, body) shown
    # until there is something to show ("" for the pages that build their own).
    heading_source: str = ""
    empty_heading_source: str = ""
    empty_body_source: str = ""

    def title(self) -> str:
        """The translated name shown in the navigation list."""
        return QCoreApplication.translate(self.class_name, self.title_source)

    def tooltip(self) -> str:
        """A translated one-line explanation of the page (jargon explained)."""
        return QCoreApplication.translate(self.class_name, self.tooltip_source)

    def heading(self) -> str:
        return QCoreApplication.translate(self.class_name, self.heading_source)

    def empty_texts(self) -> tuple[str, str]:
        """The translated heading and body of the page's empty state."""
        return (
            QCoreApplication.translate(self.class_name, self.empty_heading_source),
            QCoreApplication.translate(self.class_name, self.empty_body_source),
        )

    def load(self) -> type[Page]:
        module = importlib.import_module(f"{__name__}.{self.page_id}")
        page_class: type[Page] = getattr(module, self.class_name)
        return page_class


def _entry(
    page_id: str, class_name: str, title: object, tooltip: object, *texts: object
) -> PageEntry:
    """``texts``: a project page's heading, empty-state heading and empty-state body."""
    # QT_TRANSLATE_NOOP is typed as returning object; at runtime it hands back its text.
    return PageEntry(page_id, class_name, str(title), str(tooltip), *(str(t) for t in texts))


# The order of the user's path (docs/guide_ja.md): one step of it per page.
PAGES: tuple[PageEntry, ...] = (
    _entry(
        "home",
        "HomePage",
        QT_TRANSLATE_NOOP("HomePage", "Home"),
        QT_TRANSLATE_NOOP("HomePage", "Start here: create, open or try a project"),
    ),
    _entry(
        "company",
        "CompanyPage",
        QT_TRANSLATE_NOOP("CompanyPage", "Company"),
        QT_TRANSLATE_NOOP("CompanyPage", "Company profile, sites and electricity/gas contracts"),
        QT_TRANSLATE_NOOP("CompanyPage", "Company information"),
        QT_TRANSLATE_NOOP("CompanyPage", "No company information yet"),
        QT_TRANSLATE_NOOP(
            "CompanyPage",
            "First create or open a project on the Home page. Then enter your company's "
            "name, industry and the month your fiscal year starts, your sites, and the "
            "electricity and gas contracts (retailer and menu) printed on your bills.",
        ),
    ),
    _entry(
        "energy",
        "EnergyPage",
        QT_TRANSLATE_NOOP("EnergyPage", "Energy use"),
        QT_TRANSLATE_NOOP(
            "EnergyPage", "Monthly energy use from your bills, one fiscal year at a time"
        ),
        QT_TRANSLATE_NOOP("EnergyPage", "Energy use by month"),
        QT_TRANSLATE_NOOP("EnergyPage", "No energy use entered yet"),
        QT_TRANSLATE_NOOP(
            "EnergyPage",
            "Once your company is set up, enter the monthly usage printed on your bills "
            "here: electricity in kWh, gas in m³, fuels in litres. You can also paste a "
            "12-month table from Excel.",
        ),
    ),
    _entry(
        "results",
        "ResultsPage",
        QT_TRANSLATE_NOOP("ResultsPage", "Results"),
        QT_TRANSLATE_NOOP(
            "ResultsPage",
            "Your CO2 emissions: Scope 1 (fuels burned on site) and Scope 2 (purchased "
            "electricity and heat)",
        ),
        QT_TRANSLATE_NOOP("ResultsPage", "Results"),
        QT_TRANSLATE_NOOP("ResultsPage", "No results to show yet"),
        QT_TRANSLATE_NOOP(
            "ResultsPage",
            "Results appear here as soon as energy use has been entered: Scope 1 and "
            "Scope 2 emissions in t-CO2, calculated with the basic and adjusted emission "
            "factors of your electricity retailer and with the national average.",
        ),
    ),
    _entry(
        "measures",
        "MeasuresPage",
        QT_TRANSLATE_NOOP("MeasuresPage", "Measures"),
        QT_TRANSLATE_NOOP("MeasuresPage", "Reduction measures ranked by cost and CO2 saved"),
        QT_TRANSLATE_NOOP("MeasuresPage", "Reduction measures"),
        QT_TRANSLATE_NOOP("MeasuresPage", "No measures planned yet"),
        QT_TRANSLATE_NOOP(
            "MeasuresPage",
            "When your results are ready, tick the equipment you have (lighting, "
            "compressors, boilers, air conditioners, vehicles and so on). The reduction "
            "measures are then ranked by cost and CO2 saved, and you choose the ones to plan.",
        ),
    ),
    _entry(
        "demand",
        "DemandPage",
        QT_TRANSLATE_NOOP("DemandPage", "Demand"),
        QT_TRANSLATE_NOOP(
            "DemandPage",
            "30-minute data of your meter: base load, peaks and the contract kW they set",
        ),
        QT_TRANSLATE_NOOP("DemandPage", "Demand (30-minute data)"),
        QT_TRANSLATE_NOOP("DemandPage", "No project is open"),
        QT_TRANSLATE_NOOP(
            "DemandPage",
            "Open or create a project first. Then import the 30-minute data of your meter"
            " (a CSV or Excel file from your electricity retailer's web portal or a demand"
            " monitor).",
        ),
    ),
    _entry(
        "targets",
        "TargetsPage",
        QT_TRANSLATE_NOOP("TargetsPage", "Targets"),
        QT_TRANSLATE_NOOP("TargetsPage", "Base year, reduction targets and the path to reach them"),
        QT_TRANSLATE_NOOP("TargetsPage", "Targets"),
        QT_TRANSLATE_NOOP("TargetsPage", "No targets set yet"),
        QT_TRANSLATE_NOOP(
            "TargetsPage",
            "Choose a base year and a target year, then the reduction you aim for (for "
            "example −46% against FY2013, like the national target). The path from today "
            "to the target is shown here.",
        ),
    ),
    _entry(
        "report",
        "ReportPage",
        QT_TRANSLATE_NOOP("ReportPage", "Report"),
        QT_TRANSLATE_NOOP("ReportPage", "PDF report and CSV export for your bank or city office"),
        QT_TRANSLATE_NOOP("ReportPage", "Report"),
        QT_TRANSLATE_NOOP("ReportPage", "No report to export yet"),
        QT_TRANSLATE_NOOP(
            "ReportPage",
            "Once energy use has been entered, you can export from this page a PDF report "
            "for your bank or city office and a CSV file of the figures.",
        ),
    ),
    _entry(
        "customers",
        "CustomersPage",
        QT_TRANSLATE_NOOP("CustomersPage", "Customers"),
        QT_TRANSLATE_NOOP(
            "CustomersPage", "Answer your customers' CO2 requests: their share and reply packs"
        ),
        QT_TRANSLATE_NOOP("CustomersPage", "Answers to customers"),
        QT_TRANSLATE_NOOP("CustomersPage", "No project is open"),
        QT_TRANSLATE_NOOP(
            "CustomersPage",
            "Open or create a project first; then enter your customers and their sales.",
        ),
    ),
    _entry(
        "portfolio",
        "PortfolioPage",
        QT_TRANSLATE_NOOP("PortfolioPage", "Portfolio"),
        QT_TRANSLATE_NOOP(
            "PortfolioPage", "For advisors: key figures of all client companies in one folder"
        ),
    ),
)

PAGE_IDS: tuple[str, ...] = tuple(entry.page_id for entry in PAGES)


def page_entry(page_id: str) -> PageEntry:
    return PAGES[PAGE_IDS.index(page_id)]
