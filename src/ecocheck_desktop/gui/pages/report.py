"""レポート: the PDF for the bank or the city office, and the key figures as CSV / JSON.

The page previews the figures of the report's summary page (the same service figures the
results page shows, so the PDF and the screen agree to the digit), offers the options
(language, reporting year, who prepared it, which sections) and exports off the UI thread:
reportlab and matplotlib take a second or two for a PDF. The worker reads a snapshot of the
project, so an edit made while it runs never reaches a half-built file.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ecocheck_desktop.core.footprint import calculate
from ecocheck_desktop.gui.message_text import language, messages_text
from ecocheck_desktop.gui.messages import Kind, show_message
from ecocheck_desktop.gui.pages.project_page import (
    ProjectPage,
    fiscal_year_text,
    refill_years,
    set_texts,
)
from ecocheck_desktop.gui.widgets.build import hbox, named, vbox, wrapped_label
from ecocheck_desktop.gui.widgets.output_strip import OutputStrip
from ecocheck_desktop.gui.widgets.term_tip import term_tip
from ecocheck_desktop.gui.worker import Worker
from ecocheck_desktop.report.pdf import build_report
from ecocheck_desktop.report.sections import OPTIONAL_SECTIONS
from ecocheck_desktop.text.numbers import fmt_pct, fmt_t
from ecocheck_desktop.text.units import unit_text

PDF, CSV, JSON = "pdf", "csv", "json"
SUMMARY_ROWS = ("company", "year", "scope1", "scope2_adjusted", "scope2_location", "total")
SUMMARY_ROWS += ("change", "intensity")


class ReportPage(ProjectPage):
    page_id = "report"

    # (kind "pdf"/"csv"/"json", ok, path): an export ended.
    export_finished = Signal(str, bool, str)

    def setup_ui(self) -> None:
        self.worker = Worker(self)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self._running: tuple[str, Path] | None = None

        self.content = QWidget(self)
        self.title = self.page_title(self.content)

        self.summary_box = QGroupBox(self.content)
        summary = QFormLayout(self.summary_box)
        self.summary_labels: dict[str, QLabel] = {}
        self.summary_values: dict[str, QLabel] = {}
        for key in SUMMARY_ROWS:
            label, value = QLabel(self.summary_box), QLabel(self.summary_box)
            value.setObjectName(f"reportSummary_{key}")
            value.setWordWrap(True)
            self.summary_labels[key], self.summary_values[key] = label, value
            summary.addRow(label, value)
        self.warning_label = wrapped_label(self.summary_box)
        self.warning_label.setStyleSheet("color: #8a5300;")
        summary.addRow(self.warning_label)

        self.options_box = QGroupBox(self.content)
        self.language_label = QLabel(self.options_box)
        self.language_combo = QComboBox(self.options_box)
        self.language_combo.addItem("日本語", "ja")
        self.language_combo.addItem("English", "en")
        self.fy_label = QLabel(self.options_box)
        self.year_combo = named(QComboBox(self.options_box), "reportFiscalYear")
        self.year_combo.currentIndexChanged.connect(self._update_summary)
        self.fy_label.setBuddy(self.year_combo)
        self.prepared_label = QLabel(self.options_box)
        self.prepared_edit = QLineEdit(self.options_box)
        self.prepared_edit.setMaxLength(200)
        self.prepared_label.setBuddy(self.prepared_edit)
        self.language_label.setBuddy(self.language_combo)
        options = QFormLayout(self.options_box)
        options.addRow(self.language_label, self.language_combo)
        options.addRow(self.fy_label, self.year_combo)
        options.addRow(self.prepared_label, self.prepared_edit)

        # One check box per optional section (the summary, disclaimer and appendix always
        # stay); all ticked by default.
        self.sections_box = QGroupBox(self.content)
        self.section_checks: dict[str, QCheckBox] = {}
        grid = QGridLayout(self.sections_box)
        per_column = (len(OPTIONAL_SECTIONS) + 2) // 3
        for index, section in enumerate(OPTIONAL_SECTIONS):
            check = named(QCheckBox(self.sections_box), f"reportSection_{section}")
            check.setChecked(True)
            self.section_checks[section] = check
            grid.addWidget(check, index % per_column, index // per_column)

        self.pdf_button = named(QPushButton(self.content), "exportPdf")
        self.pdf_button.setDefault(True)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.csv_button = QPushButton(self.content)
        self.csv_button.clicked.connect(lambda: self.export_figures(CSV))
        self.json_button = QPushButton(self.content)
        self.json_button.clicked.connect(lambda: self.export_figures(JSON))
        self.output = OutputStrip(self.content, "reportStatus", bar_width=200)

        vbox(
            self.content,
            self.title,
            hbox((self.summary_box, 3), (self.options_box, 2)),
            self.sections_box,
            hbox(self.pdf_button, self.csv_button, self.json_button, self.output.progress, 1),
            hbox((self.output.status, 1), self.output.open_folder_button),
            1,
        )
        self.show_content()

        self.service.footprint_changed.connect(self._on_footprint)
        self.service.project_closed.connect(self._on_footprint)
        self.retranslate_ui()
        self._on_footprint()
        self.language_combo.setCurrentIndex(0 if language() == "ja" else 1)

    # -- state -------------------------------------------------------------------------------

    def fiscal_year(self) -> int | None:
        year = self.year_combo.currentData()
        return year if isinstance(year, int) else None

    def selected_sections(self) -> list[str]:
        """The optional sections ticked, in report order."""
        return [s for s in OPTIONAL_SECTIONS if self.section_checks[s].isChecked()]

    def busy(self) -> bool:
        return self._running is not None

    def _years_with_data(self) -> list[int]:
        footprint = self.service.footprint if self.service.is_open else None
        return sorted(y.fiscal_year for y in (footprint.years if footprint else []) if y.lines)

    def _on_footprint(self) -> None:
        years = self._years_with_data()
        self.show_open(bool(years))
        refill_years(self.year_combo, years, self.fiscal_year())
        self._update_summary()

    def _update_summary(self, _index: int = -1) -> None:
        """The figures of the report's first page, formatted as the PDF formats them."""
        values = self.summary_values
        for value in values.values():
            value.setText("-")
        self.warning_label.hide()
        project = self.service.project if self.service.is_open else None
        fiscal_year = self.fiscal_year()
        year = self.service.year_result(fiscal_year) if fiscal_year is not None else None
        if project is None or year is None:
            self._set_buttons()
            return
        t = self.tr("t-CO2")
        values["company"].setText(project.company.name or "-")
        values["year"].setText(fiscal_year_text(year.fiscal_year))
        values["scope1"].setText(f"{fmt_t(year.scope1_t)} {t}")
        values["scope2_adjusted"].setText(f"{fmt_t(year.scope2_adjusted_t)} {t}")
        if year.scope2_location_t is not None:
            values["scope2_location"].setText(f"{fmt_t(year.scope2_location_t)} {t}")
        values["total"].setText(f"{fmt_t(year.total_adjusted_t)} {t}")
        if year.yoy_change_pct is not None:
            values["change"].setText(fmt_pct(year.yoy_change_pct))
        if year.intensities:
            intensity = year.intensities[0]
            label = intensity.denominator_label(language())
            unit = unit_text(intensity.unit, language())
            values["intensity"].setText(f"{intensity.value:,.3f} {unit} ({label})")
        if year.errors:
            # The PDF refuses an incomplete reporting year; say so before the user tries.
            self.warning_label.setText(
                self.tr("This year is not complete, so no report can be written for it yet:")
                + "\n"
                + messages_text(list(year.errors))
            )
            self.warning_label.show()
        self._set_buttons(can_report=not year.errors)

    def _set_buttons(self, *, can_report: bool = False) -> None:
        idle = not self.busy()
        self.pdf_button.setEnabled(idle and can_report)
        self.csv_button.setEnabled(idle and self.service.is_open)
        self.json_button.setEnabled(idle and self.service.is_open)

    # -- export ------------------------------------------------------------------------------

    @classmethod
    def ask_path(cls, parent: QWidget, caption: str, suggested: str, filters: str) -> str:
        """The file the user chooses ("" when cancelled); tests replace this."""
        path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
        return path

    def _suggested(self, suffix: str) -> str:
        project = self.service.project
        name = project.company.name if project is not None else "ecocheck"
        # A name fit for a file on Windows: no path separators or reserved characters.
        safe = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in name)[:80]
        fiscal_year = self.fiscal_year()
        stem = f"{safe.strip() or 'ecocheck'}_FY{fiscal_year}" if fiscal_year else safe
        folder = self.output.folder or Path.home()
        return str(folder / f"{stem}.{suffix}")

    def _choose(self, kind: str, caption: str, filters: str) -> Path | None:
        chosen = self.ask_path(self, caption, self._suggested(kind), filters)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == f".{kind}" else path.with_name(f"{path.name}.{kind}")

    def export_pdf(self) -> None:
        if self.busy() or self.service.project is None or self.fiscal_year() is None:
            return
        path = self._choose(PDF, self.tr("Export PDF report"), self.tr("PDF (*.pdf)"))
        if path is None:
            return
        project = copy.deepcopy(self.service.project)
        footprint = copy.deepcopy(self.service.footprint)
        lang = str(self.language_combo.currentData())
        fiscal_year = self.fiscal_year()
        prepared_by = self.prepared_edit.text().strip()
        sections = self.selected_sections()
        demand = self._demand_data()  # the デマンド section and DM-01/DM-02 in the plan

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Path:
            build_report(
                project,
                path,
                lang=lang,
                fiscal_years=[fiscal_year] if fiscal_year is not None else None,
                prepared_by=prepared_by,
                footprint=footprint,
                sections=sections,
                demand=demand,
            )
            return path

        self._start(PDF, path, work)

    def _demand_data(self) -> Any:
        """The meters' interval data for the デマンド section and the measures, read here on the UI
        thread."""
        return self.service.meter_data()

    def export_figures(self, kind: str) -> None:
        """The key figures of every year, for the city or a consortium (CSV or JSON)."""
        if self.busy() or self.service.project is None:
            return
        if kind == CSV:
            path = self._choose(CSV, self.tr("Export key figures (CSV)"), self.tr("CSV (*.csv)"))
        else:
            path = self._choose(
                JSON, self.tr("Export key figures (JSON)"), self.tr("JSON (*.json)")
            )
        if path is None:
            return
        project = copy.deepcopy(self.service.project)
        footprint = copy.deepcopy(self.service.footprint)

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Path:
            # the lender fields (and the factor library) load on export
            from ecocheck_desktop.report import companion

            figures = footprint if footprint is not None else calculate(project, strict=False)
            if kind == CSV:
                companion.write_companion_csv(project, figures, path)
            else:
                companion.write_companion_json(project, figures, path)
            return path

        self._start(kind, path, work)

    def _start(self, kind: str, path: Path, work: Any) -> None:
        self._running = (kind, path)
        self._set_buttons()
        self.output.busy(self.tr("Writing %1 …").replace("%1", path.name))
        self.worker.start(work)

    def _end(self) -> tuple[str, Path]:
        assert self._running is not None
        kind, path = self._running
        self._running = None
        self.output.idle()
        self._update_summary()
        return kind, path

    def _finished(self, _result: object) -> None:
        kind, path = self._end()
        self.output.saved(self.tr("Saved: %1").replace("%1", str(path)), path.parent)
        self.export_finished.emit(kind, True, str(path))

    def _failed(self, problem: object) -> None:
        kind, path = self._end()
        self.output.status.setText(self.tr("The file was not written."))
        text = messages_text(problem) if isinstance(problem, list) else str(problem)
        show_message(self, Kind.ERROR, self.tr("Export failed"), text)
        self.export_finished.emit(kind, False, str(path))

    # -- texts -------------------------------------------------------------------------------

    def retranslate_content(self) -> None:
        self.summary_box.setTitle(self.tr("The report's summary page"))
        titles = {
            "company": self.tr("Company name"),
            "year": self.tr("Reporting year"),
            "scope1": self.tr("Scope 1 (direct)"),
            "scope2_adjusted": self.tr("Scope 2 (adjusted, market basis)"),
            "scope2_location": self.tr("Scope 2 (location basis)"),
            "total": self.tr("Total Scope 1+2 (adjusted)"),
            "change": self.tr("Change vs previous year"),
            "intensity": self.tr("Intensity"),
        }
        set_texts(self.summary_labels, titles)
        terms = {
            "year": ("fiscal_year",),
            "scope1": ("scope1",),
            "scope2_adjusted": ("scope2", "adjusted_factor"),
            "scope2_location": ("scope2", "location_basis"),
            "total": ("scope1", "scope2", "adjusted_factor"),
            "change": ("adjusted_factor",),
            "intensity": ("intensity",),
        }
        for key in titles:
            self.summary_labels[key].setToolTip(term_tip(*terms.get(key, ())))
        self.options_box.setTitle(self.tr("Options"))
        self.language_label.setText(self.tr("Language of the report"))
        self.fy_label.setText(self.tr("Reporting year"))
        self.prepared_label.setText(self.tr("Prepared by"))
        self.prepared_edit.setPlaceholderText(self.tr("Name shown on the cover (optional)"))
        self.sections_box.setTitle(self.tr("Sections of the PDF"))
        self.sections_box.setToolTip(
            self.tr("The summary, the disclaimer and the appendix are always included.")
        )
        section_titles = {
            "profile": self.tr("Company profile"),
            "boundary": self.tr("Boundary and method"),
            "factors": self.tr("Emission factors used"),
            "results": self.tr("Results by scope"),
            "intensities": self.tr("Intensities"),
            "cost": self.tr("Energy cost"),
            "end_use": self.tr("End-use split (estimate)"),
            "trend": self.tr("Trend and targets"),
            "measures": self.tr("Reduction measures"),
            "demand": self.tr("Demand (30-minute data)"),
            "roadmap": self.tr("Roadmap to 2030 and 2050"),
            "loan": self.tr("Loan targets (SPT) and performance"),
            "quality": self.tr("Data quality"),
            "declaration": self.tr("Data quality (PCAF) and declaration"),
            "compliance": self.tr("Compliance notes"),
        }
        section_terms = {"loan": ("spt",), "results": ("scope1", "scope2")}
        for section, check in self.section_checks.items():
            check.setText(section_titles[section])
            check.setToolTip(term_tip(*section_terms.get(section, ())))
        self.pdf_button.setText(self.tr("Export PDF…"))
        self.csv_button.setText(self.tr("Key figures (CSV)…"))
        self.json_button.setText(self.tr("Key figures (JSON)…"))
        self.csv_button.setToolTip(
            self.tr("The main figures of every fiscal year, for a spreadsheet or the city office")
        )
        self.json_button.setToolTip(
            self.tr("The same figures as JSON with a versioned schema (docs/companion-schema.md)")
        )
        self.output.open_folder_button.setText(self.tr("Open folder"))
        self.retitle_items(self.year_combo)
        self._update_summary()
