"""Past-year electricity factors: only sourced final rows, one edition per list year, and a
year without a list (or a retailer not among the sourced rows) never borrows another year."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core.factors import FactorLibrary, default_library
from ecocheck_desktop.core.messages import EcoCheckError

CHECKS = Path(__file__).parent / "data" / "history_checks.tsv"
ALLOWED = ("[FINAL]", "[FINAL as first published]", "[CORRECTED]")


@pytest.fixture(scope="module")
def library() -> FactorLibrary:
    return default_library()


def check_rows() -> list[list[str]]:
    return [
        line.split("\t")
        for line in CHECKS.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]


@pytest.mark.parametrize("row", check_rows(), ids=lambda r: f"FY{r[0]}-{r[1]}-{r[2]}")
def test_typed_retailer_gets_the_published_past_year_factor(
    library: FactorLibrary, row: list[str]
) -> None:
    fiscal_year, supplier, menu, basic, adjusted, _source = row
    resolution = library.resolve_electricity(int(fiscal_year), supplier, menu)
    assert (resolution.basic, resolution.adjusted) == (Decimal(basic), Decimal(adjusted))
    assert resolution.factor.source.startswith("http")  # every past-year row names its page
    edition = library.edition(resolution.factor.edition)
    assert edition.partial and edition.emissions_years == (int(fiscal_year),)


def test_one_edition_per_list_year_for_the_next_activity_year(library: FactorLibrary) -> None:
    sourced = [e for e in library.editions.values() if e.layout == "electricity_sourced"]
    years = sorted(year for e in sourced for year in e.emissions_years)
    assert years == [2014, 2016, 2018, 2019, 2022, 2024]
    for edition in sourced:
        # 平成25年度実績 -> FY2014; 令和5年度実績 -> FY2024 (the X年度実績 list serves FY X+1).
        assert edition.list_label in edition.title and edition.partial


@pytest.mark.parametrize("fiscal_year", [2013, 2015, 2017, 2020, 2021, 2023])
def test_year_without_a_list_asks_for_the_factor(library: FactorLibrary, fiscal_year: int) -> None:
    assert library.electricity_outcome(fiscal_year, "A0269") == "no_list"
    with pytest.raises(EcoCheckError) as error:
        library.resolve_electricity(fiscal_year, "東京電力エナジーパートナー")
    assert [m.code for m in error.value.messages] == ["factor.electricity_missing"]
    assert library.national_average(fiscal_year) is None
    assert library.substitute_value(fiscal_year) is None


def test_retailer_not_among_the_sourced_rows_is_not_given_a_substitute(
    library: FactorLibrary,
) -> None:
    # FY2024: only 四国電力's R5実績 rows are bundled; TEPCO EP must enter its factor.
    assert library.electricity_outcome(2024, "A0269 東京電力エナジーパートナー") == "not_listed"
    with pytest.raises(EcoCheckError) as error:
        library.resolve_electricity(2024, "A0269 東京電力エナジーパートナー")
    assert [m.code for m in error.value.messages] == [
        "factor.electricity_missing",
        "factor.electricity_not_listed",
    ]
    assert error.value.messages[0].where == {"energy": "electricity", "fiscal_year": 2024}
    with pytest.raises(EcoCheckError):
        library.resolve_electricity(2024, "")
    assert library.electricity_outcome(2024, "四国電力") == "listed"
    assert library.electricity_outcome(2025, "nobody at all") == "substitute"


def test_only_final_or_corrected_reference_rows_are_bundled(
    library: FactorLibrary, shared_reference: Path
) -> None:
    """Every [FINAL]/[CORRECTED] row of reference/history is bundled with its values; values
    that only a provisional or ambiguous row gives never are."""
    lines = (shared_reference / "history" / "retailers.tsv").read_text(encoding="utf-8")
    reference = list(csv.DictReader(lines.splitlines(), delimiter="\t"))
    bundled: dict[int, list[tuple[Decimal | None, Decimal | None]]] = {}
    for edition in library.editions.values():
        if edition.layout == "electricity_sourced":
            table = library._lists[edition.id]
            bundled[edition.emissions_years[0]] = [(r.basic, r.adjusted) for r in table.rows]
    final_values: set[tuple[int, str, str]] = set()
    for row in reference:
        year = int(row["activity_fy"])
        final = row["note"].startswith(ALLOWED)
        basic, adjusted = row["basic_t_per_kwh"], row["adjusted_t_per_kwh"]
        if final:
            final_values.add((year, basic, adjusted))
            rows = bundled.get(year, [])
            if basic:
                assert any(b == Decimal(basic) for b, _ in rows), row
            if adjusted:
                assert any(a == Decimal(adjusted) for _, a in rows), row
    for row in reference:
        year = int(row["activity_fy"])
        if row["note"].startswith(ALLOWED) or not row["basic_t_per_kwh"]:
            continue
        pair = (Decimal(row["basic_t_per_kwh"]), Decimal(row["adjusted_t_per_kwh"] or "-1"))
        assert pair not in bundled.get(year, []), row


def test_fuel_heat_and_conversion_cover_every_year_from_fy2013(library: FactorLibrary) -> None:
    for year in range(2013, 2031):
        edition, _table = library.fuel_table(year)
        assert edition.id == ("fuel_old" if year <= 2022 else "fuel_new_r07")
        assert library.heat_default(year) is not None
        conversion = library.energy_conversion(year)
        # 省エネ法: 9.76 GJ/千kWh (火力平均) up to FY2022 use, 8.64 (全電源平均) from FY2023.
        expected = Decimal("9.76") if year <= 2022 else Decimal("8.64")
        assert conversion.electricity_gj_per_thousand_kwh == expected


def _sourced_suppliers() -> list[tuple[int, str, str]]:
    library = default_library()
    found = []
    for edition in library.editions.values():
        if edition.layout == "electricity_sourced":
            for row in library._lists[edition.id].suppliers():
                found.append((edition.emissions_years[0], row.reg_no, row.supplier))
    return found


@pytest.mark.parametrize(("fiscal_year", "reg_no", "name"), _sourced_suppliers())
def test_every_past_year_retailer_is_found_by_name_and_number(
    library: FactorLibrary, fiscal_year: int, reg_no: str, name: str
) -> None:
    typed = [name, name.replace("(株)", "株式会社"), name.replace("(株)", ""), f"{reg_no} {name}"]
    if reg_no:
        typed.append(reg_no)
    for text in typed:
        rows = library.find_supplier("electricity", fiscal_year, text.strip())
        assert {r.supplier for r in rows} == {name}, text
        assert library.electricity_outcome(fiscal_year, text.strip()) == "listed"


def test_the_footprint_names_the_row_own_source() -> None:
    from ecocheck_desktop.core.footprint import calculate
    from ecocheck_desktop.core.model import Company, EnergyRecord, Project

    record = EnergyRecord("2024-06", "electricity", Decimal(1000), "kWh", supplier="四国電力")
    year = calculate(Project(company=Company("テスト"), records=[record])).year(2024)
    assert year.scope2_adjusted_t == Decimal("0.464")
    assert "electricity_r5_sourced" in year.factor_editions
    urls = {use.source_url for use in year.factors_used if use.edition_id.startswith("electricity")}
    assert urls == {"https://www.yonden.co.jp/energy/environment/topics/2025_04_07.html"}
