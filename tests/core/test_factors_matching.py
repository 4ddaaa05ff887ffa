"""Supplier matching as people type names: every retailer and gas supplier of the bundled
lists is found by its printed name, its number, number + name and common variants."""

from __future__ import annotations

import pytest

from ecocheck_desktop.core.factor_records import SupplierFactor, normalize_name, split_supplier
from ecocheck_desktop.core.factors import FactorLibrary, default_library
from ecocheck_desktop.core.messages import EcoCheckError, Message

LIBRARY = default_library()


def _wide(text: str) -> str:
    """ASCII letters, digits and brackets as full-width (what a Japanese IME often gives)."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


def variants(name: str) -> set[str]:
    """Spellings of ``name`` that a user would still mean as the same company."""
    forms = set()
    for written in ("株式会社", "(株)", "（株）", "㈱", ""):
        spelled = name.replace("株式会社", written).replace("(株)", written)
        forms.add(spelled)
    forms.add(name.replace("(株)", "株式会社 "))  # with a space after the form
    forms.add(_wide(name))
    dashed = name
    for dash in ("ー", "-", "－", "‐", "−"):
        if dash in name:
            for other in ("ー", "-", "－", "‐", "−", "–"):
                forms.add(name.replace(dash, other))
    half = len(dashed) // 2
    forms.add(dashed[:half] + "　" + dashed[half:])  # a full-width space in the middle
    forms.add(name.lower())
    forms.discard(name)
    return {form for form in forms if form.strip()}


def suppliers(kind: str, fiscal_year: int) -> list[SupplierFactor]:
    edition = {"electricity": LIBRARY.electricity_edition, "gas": LIBRARY.gas_edition}[kind](
        fiscal_year
    )
    assert edition is not None
    return LIBRARY._lists[edition.id].suppliers()


def owner(rows: list[SupplierFactor]) -> set[tuple[str, str]]:
    return {(r.reg_no, r.supplier) for r in rows}


CASES = [("electricity", 2025, row) for row in suppliers("electricity", 2025)] + [
    ("gas", 2025, row) for row in suppliers("gas", 2025)
]


@pytest.mark.parametrize(
    ("kind", "fiscal_year", "row"), CASES, ids=lambda v: getattr(v, "reg_no", str(v))
)
def test_every_bundled_supplier_is_found_as_typed(
    kind: str, fiscal_year: int, row: SupplierFactor
) -> None:
    wanted = {(row.reg_no, row.supplier)}
    okinawa_grid = row.reg_no == "10"  # 沖縄電力(株) by name is the retailer A0276 (by design)
    typed = [row.reg_no, f"{row.reg_no} {row.supplier}", f"{row.reg_no}　{row.supplier}"]
    if not row.reg_no.isdigit():  # grid operators 1-10 need a separator after the number
        typed.append(f"{row.reg_no}{row.supplier}")
    if not okinawa_grid:
        typed += [row.supplier, *sorted(variants(row.supplier))]
    assert len(typed) >= (3 if okinawa_grid else 5)
    for text in typed:
        found = LIBRARY.find_supplier(kind, fiscal_year, text)
        assert owner(found) == wanted, f"{text!r} -> {owner(found)}"
    # The ranked suggestions put the supplier first as well.
    search = LIBRARY.search_retailers if kind == "electricity" else LIBRARY.search_gas_suppliers
    for text in typed[:4]:
        first = search(fiscal_year, text)[0]
        assert (first.reg_no, first.supplier) in wanted, text


@pytest.mark.parametrize(
    ("typed", "reg_no"),
    [
        ("株式会社U-POWER", "A0213"),  # listed as (株)UーPOWER (long-vowel mark)
        ("ENEOS Power株式会社", "A0050"),  # listed as ENEOS Power(株)（旧:ENEOS(株)）
        ("A0269 東京電力エナジーパートナー", "A0269"),
        ("A0269東京電力エナジーパートナー株式会社", "A0269"),
        ("東京電力エナジーパートナー A0269", "A0269"),
        ("ａ０２６９", "A0269"),
    ],
)
def test_issue_cases_resolve_to_their_own_row(typed: str, reg_no: str) -> None:
    resolution = LIBRARY.resolve_electricity(2025, typed)
    assert resolution.factor.reg_no == reg_no and resolution.how != "substitute"
    assert LIBRARY.electricity_outcome(2025, typed) == "listed"


def test_gas_supplier_by_number_and_name_and_the_unmatched_warning() -> None:
    rows = LIBRARY.find_supplier("gas", 2025, "A0026 東部瓦斯")
    assert {r.supplier for r in rows} == {"東部瓦斯株式会社"}
    assert LIBRARY.gas_supplier_warning(2025, "A0026 東部瓦斯") is None
    warning = LIBRARY.gas_supplier_warning(2025, "どこかのガス株式会社")
    assert isinstance(warning, Message) and warning.code == "factor.gas_supplier_unknown"
    # No gas list for FY2024 bundled: a named supplier is told the default is used.
    warning = LIBRARY.gas_supplier_warning(2024, "A0026 東部瓦斯")
    assert warning is not None and warning.code == "factor.gas_no_list"
    assert LIBRARY.gas_supplier_warning(2025, "") is None


def test_ranked_suggestions() -> None:
    names = [r.supplier for r in LIBRARY.search_retailers(2025, "東京電力")]
    # Prefix matches come before substring matches, each in list order; no duplicates.
    assert names[0] == "東京電力エナジーパートナー(株)"
    assert len(names) == len(set(names))
    fuzzy = LIBRARY.search_retailers(2025, "東京電力エナジパートナ")  # two marks missing
    assert fuzzy and fuzzy[0].reg_no == "A0269"
    assert LIBRARY.search_retailers(2025, "zzzzqqqq") == []
    assert len(LIBRARY.search_retailers(2025, "")) == len(suppliers("electricity", 2025))
    assert LIBRARY.search_gas_suppliers(2025, "東部ガス")[0].reg_no == "A0026"
    assert LIBRARY.search_gas_suppliers(2024, "東部ガス") == []


def test_ambiguous_name_is_surfaced_not_picked(tmp_path_factory: pytest.TempPathFactory) -> None:
    from ecocheck_desktop.core.factor_records import SupplierList

    edition = LIBRARY.edition("gas_r07")
    rows = [
        SupplierFactor("A0001", "山田ガス(株)", "", "menu", None, None, False, edition.id),
        SupplierFactor("A0002", "山田ガス株式会社", "", "menu", None, None, False, edition.id),
    ]
    table = SupplierList(edition, rows)
    with pytest.raises(EcoCheckError) as error:
        table.find("山田ガス")
    assert error.value.messages[0].code == "factor.supplier_ambiguous"
    assert "A0001" in error.value.messages[0].params["candidates"]
    assert [r.reg_no for r in table.find("A0002 山田ガス")] == ["A0002"]


def test_normalisation_rules() -> None:
    assert normalize_name("（株）ＵーＰＯＷＥＲ") == normalize_name("U-POWER株式会社")
    assert normalize_name("ENEOS Power(株)（旧:ENEOS(株)）") == "eneospower"
    assert normalize_name("有限会社 やまだ電力") == normalize_name("ヤマダ電力(有)")
    assert split_supplier("A0269 東京電力") == ("A0269", "東京電力")
    assert split_supplier("006 丸の内熱供給") == ("006", "丸の内熱供給")
    assert split_supplier("東京電力") == ("", "東京電力")


def test_library_type() -> None:
    assert isinstance(LIBRARY, FactorLibrary)


def test_unmatched_gas_supplier_warns_in_the_footprint_like_a_retailer() -> None:
    from decimal import Decimal

    from ecocheck_desktop.core.footprint import calculate
    from ecocheck_desktop.core.model import Company, EnergyRecord, Project

    def year_warnings(supplier: str, fiscal_year: int = 2025) -> list[str]:
        record = EnergyRecord(
            f"{fiscal_year}-05", "city_gas", Decimal(1000), "m3", supplier=supplier
        )
        project = Project(company=Company("テスト"), records=[record])
        return [m.code for m in calculate(project, strict=False).year(fiscal_year).warnings]

    assert "factor.gas_supplier_unknown" in year_warnings("どこかのガス株式会社")
    assert "factor.gas_no_list" in year_warnings("A0026 東部瓦斯", 2024)
    assert not {"factor.gas_supplier_unknown", "factor.gas_no_list"} & set(year_warnings(""))
    electricity = EnergyRecord("2025-05", "electricity", Decimal(1000), "kWh", supplier="どこか")
    project = Project(company=Company("テスト"), records=[electricity])
    codes = [m.code for m in calculate(project, strict=False).year(2025).warnings]
    assert "factor.electricity_substitute" in codes


def test_a_name_sharing_the_start_of_a_retailer_is_suggested_never_picked() -> None:
    """Issue 15: ranked suggestions find what people type ("東京電力EP" for
    東京電力エナジーパートナー), and an unmatched name's warning names them; none is picked."""
    fiscal_year = 2025
    names = [row.reg_no for row in LIBRARY.search_retailers(fiscal_year, "東京電力EP")]
    assert "A0269" in names[:3], names
    assert LIBRARY.find_supplier("electricity", fiscal_year, "東京電力EP") == []
    resolution = LIBRARY.resolve_electricity(fiscal_year, "東京電力EP")
    codes = [m.code for m in resolution.warnings]
    assert codes == ["factor.electricity_substitute", "factor.supplier_did_you_mean"]
    assert "A0269" in resolution.warnings[1].params["candidates"]
    # A name like nothing in the list gets no suggestion line.
    plain = LIBRARY.resolve_electricity(fiscal_year, "みらい電工でんき株式会社XYZ")
    assert [m.code for m in plain.warnings] == ["factor.electricity_substitute"]


def test_an_unmatched_gas_supplier_warning_names_the_close_ones() -> None:
    from decimal import Decimal

    from ecocheck_desktop.core.footprint import calculate
    from ecocheck_desktop.core.model import Company, EnergyRecord, Project, Site, SupplyContract

    project = Project(
        company=Company(name="t"),
        sites=[Site("本社工場")],
        contracts=[SupplyContract("本社工場", "city_gas", "東部ガスエナジー")],
        records=[EnergyRecord("2025-06", "city_gas", Decimal(1000), "m3")],
    )
    year = calculate(project, LIBRARY).year(2025)
    codes = [m.code for m in year.warnings]
    assert "factor.gas_supplier_unknown" in codes
    [hint] = [m for m in year.warnings if m.code == "factor.supplier_did_you_mean"]
    assert "A0026" in hint.params["candidates"]
