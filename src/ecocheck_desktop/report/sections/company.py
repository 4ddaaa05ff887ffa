"""Report items 3-5: the company profile, the boundary (sites, suppliers), the factors."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ecocheck_desktop.core.factors import nearest_list_year
from ecocheck_desktop.report.layout import CELL_LIMIT, fit, safe, table
from ecocheck_desktop.report.provenance import factor_provenance
from ecocheck_desktop.report.sections.story import (
    FRAME_WIDTH_MM,
    MARGIN,
    PAGE_HEIGHT,
    Story,
    _entered,
    _factor_value,
)
from ecocheck_desktop.text.numbers import fmt, fmt_quantity
from ecocheck_desktop.text.report import energy_name, how_text

# The value column of the company profile, inside reportlab's default 6 pt cell padding.
_PROFILE_VALUE_WIDTH = (FRAME_WIDTH_MM - 48) * mm - 12
# A profile row may fill a page (the frame, less its 6 pt paddings and some room), not more:
# reportlab cannot split one row, so a longer value is shortened with … (layout.fit).
_PROFILE_MAX_HEIGHT = PAGE_HEIGHT - MARGIN - 18 * mm - 12 - 8 * mm


class CompanySections(Story):
    """Report items 3-5 of :class:`~ecocheck_desktop.report.sections.ReportBuilder`."""

    # 3 profile ----------------------------------------------------------------

    def profile(self) -> None:
        s = self.styles
        company = self.project.company
        checklist = self.project.checklist
        data = self.data
        nothing = self.t("not_entered")

        def number(value: Decimal | None, places: int = 0) -> str:
            return fmt(value, places) if value is not None else nothing

        production = nothing
        if data is not None and data.production_quantity is not None:
            production = f"{fmt_quantity(data.production_quantity)} {data.production_unit}"
        # Keys of resources/measures/checklist.json (the equipment checklist).
        operating = " / ".join(
            self.t(key, n=checklist[answer])
            for answer, key in (
                ("operating_days_per_year", "profile.days"),
                ("operating_hours_per_day", "profile.hours"),
            )
            if checklist.get(answer) not in (None, "")
        )
        vehicles = ", ".join(
            self.t(key, n=checklist[answer])
            for answer, key in (
                ("vehicles_gasoline_count", "profile.gasoline_cars"),
                ("vehicles_diesel_count", "profile.diesel_vehicles"),
            )
            if checklist.get(answer) not in (None, "")
        )
        rows = [
            (self.t("cover.company"), company.name or nothing),
            (self.t("profile.industry"), company.industry or nothing),
            (
                self.t("profile.address"),
                " ".join(x for x in (company.city, company.address) if x) or nothing,
            ),
            (self.t("profile.fy"), self._fy_range(self.year.fiscal_year)),
            (self.t("profile.employees"), number(data.employees if data else None)),
            (self.t("profile.revenue"), number(data.revenue_million_yen if data else None, 1)),
            (
                self.t("profile.value_added"),
                number(data.value_added_million_yen if data else None, 1),
            ),
            (self.t("profile.products"), _entered(checklist.get("main_products"), nothing)),
            (self.t("profile.production"), production),
            (self.t("profile.floor_area"), number(data.floor_area_m2 if data else None)),
            (self.t("profile.operating"), operating or nothing),
            (self.t("profile.vehicles"), vehicles or nothing),
            (self.t("profile.contact"), company.contact or nothing),
            (self.t("profile.advisor"), company.advisor or nothing),
        ]
        self.h1("s.profile")
        # Full user text here (wrapped anywhere), never cut: this is where long names are read.
        profile = self.label_table(
            [
                [
                    self.p(safe(k), s.small),
                    fit(safe(v), s.user, _PROFILE_VALUE_WIDTH, _PROFILE_MAX_HEIGHT),
                ]
                for k, v in rows
            ],
            48,
        )
        self.story.append(profile)

    # 4 boundary and method ----------------------------------------------------

    def boundary(self) -> None:
        self.h1("s.boundary")
        sites = [site.name for site in self.project.sites] or list(self.year.by_site)
        self.story.append(self.p(safe(self.t("boundary.sites")), self.styles.h2))
        for site in self.project.sites or []:
            line = site.name + (f" ({site.address})" if site.address else "")
            self.story.append(self.p("• " + safe(line, 400), self.styles.user))
        if not self.project.sites:
            self.story.append(self.p("• " + safe(", ".join(sites), 400), self.styles.user))
        self.story.append(self.p(safe(self.t("boundary.contracts")), self.styles.h2))
        if self.project.contracts:
            rows = []
            for contract in self.project.contracts:
                # The menu, then where the factor came from (library list, the user's source
                # or an estimate), each on its own line and never cut: a lender reads it here.
                provenance = factor_provenance(
                    contract, self.year.fiscal_year, self.library, self.lang
                )
                menu = "<br/>".join(
                    safe(line, 400) for line in [contract.menu, *provenance] if line
                )
                rows.append(
                    [
                        safe(contract.site, CELL_LIMIT),
                        safe(energy_name(contract.energy, self.lang)),
                        safe(self._supplier_name(contract.supplier, contract.energy), CELL_LIMIT),
                        menu or "-",
                    ]
                )
            header = [self.t(f"boundary.{k}") for k in ("site", "energy", "supplier", "menu")]
            self.add_table(table(self.styles, header, rows, [32, 22, 48, 76]))
        else:
            self.story.append(self.plain("boundary.no_contracts"))
        self.story.append(Spacer(1, 2 * mm))
        self.story.append(self.plain("boundary.basis"))
        estimated = sorted({line.month for line in self.year.lines if line.estimated})
        self.story.append(
            self.plain(
                "boundary.source",
                n=len(self.year.lines),
                months=", ".join(estimated) or self.t("none"),
            )
        )

    def _supplier_name(self, supplier: str, energy: str) -> str:
        """``A0269 東京電力エナジーパートナー(株)`` for a registration number in the right list."""
        if not supplier:
            return "-"
        fiscal_year = self.year.fiscal_year
        try:
            if energy == "electricity":
                # A year without a list still names a registered retailer: the nearest list's
                # name (its number does not change between years).
                year = nearest_list_year(self.library, fiscal_year) or fiscal_year
                rows = self.library.search_retailers(fiscal_year, supplier) or (
                    self.library.search_retailers(year, supplier)
                )
            elif energy in ("city_gas", "heat"):
                kind = "gas" if energy == "city_gas" else "heat"
                rows = self.library.supplier_menus(kind, fiscal_year, supplier)
            else:
                rows = []
        except Exception:  # a name lookup must never break the report
            rows = []
        if rows and getattr(rows[0], "reg_no", "") == supplier:
            return f"{supplier} {rows[0].supplier_name}"
        return supplier

    # 5 factors ----------------------------------------------------------------

    def factors(self) -> None:
        self.h1("s.factors")
        if not self.year.factors_used:
            self.story.append(self.plain("factor.none"))
            return
        rows = []
        for use in self.year.factors_used:
            edition = self._edition(use.edition_id)
            if edition is not None:
                where = f"{edition.title} / {edition.publisher}"
                where += f" / {edition.published}" if edition.published else ""
                url = edition.source_url or use.source_url
            else:
                where = use.edition_title or use.edition_id or "-"
                url = use.source_url
            rows.append(
                [
                    safe(self.factor_label(use.label), CELL_LIMIT),
                    safe(_factor_value(use.value)),
                    safe(self.unit(use.unit)),
                    safe(how_text(use.how, self.lang)),
                    safe(where, 160),
                    safe(url or "-", 160),
                ]
            )
        header = [
            self.t(f"factor.{k}") for k in ("label", "value", "unit", "how", "edition", "source")
        ]
        self.add_table(table(self.styles, header, rows, [36, 16, 25, 18, 45, 38], numeric=[1]))
        if any(r.fiscal_year == self.year.fiscal_year for r in self.project.refrigerants):
            self.story.append(self.plain("factor.gwp"))
