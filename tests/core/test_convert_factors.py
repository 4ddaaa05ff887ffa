"""The converter scripts/convert_factors.py: parsing of the official lists and regeneration."""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
OFFICIAL = REPO / "data" / "official"
FACTORS = REPO / "resources" / "factors"
CHECKS = Path(__file__).parent / "data" / "factor_checks.tsv"


@pytest.fixture(scope="module")
def converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "convert_factors", REPO / "scripts" / "convert_factors.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_factors"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def denki_rows(converter: ModuleType) -> list[dict[str, str]]:
    rows, problems = converter.parse_denki((OFFICIAL / "denki.txt").read_text(encoding="utf-8"))
    assert problems == []
    return rows  # type: ignore[no-any-return]


def read_generated(name: str) -> list[dict[str, str]]:
    lines = [
        line
        for line in (FACTORS / name).read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def checks(kind: str) -> list[list[str]]:
    rows = []
    for line in CHECKS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cells = line.split("\t")
            if cells[0] == kind:
                rows.append(cells[1:])
    return rows


# --------------------------------------------------------------------------- electricity


def test_every_registration_number_of_the_raw_file_is_a_retailer(
    denki_rows: list[dict[str, str]],
) -> None:
    raw = (OFFICIAL / "denki.txt").read_text(encoding="utf-8")
    numbers = re.findall(r"^([A-Z]\d{4})", raw, flags=re.MULTILINE)
    retailers = {r["reg_no"] for r in denki_rows if re.fullmatch(r"[A-Z]\d{4}", r["reg_no"])}
    assert len(retailers) == len(numbers) == len(set(numbers))
    assert retailers == set(numbers)


def test_every_value_of_the_raw_file_becomes_one_row(denki_rows: list[dict[str, str]]) -> None:
    raw = (OFFICIAL / "denki.txt").read_text(encoding="utf-8")
    printed = sum(1 for line in raw.splitlines() if re.search(r"\d\.\d{6}", line))
    assert len(denki_rows) == printed


def test_tepco_ep_has_menus_a_to_l_then_residual_and_reference(
    denki_rows: list[dict[str, str]],
) -> None:
    rows = [r for r in denki_rows if r["reg_no"] == "A0269"]
    assert [r["menu"] for r in rows] == [
        *(f"メニュー{letter}" for letter in "ABCDEFGHIJKL"),
        "メニューM(残差)",
        "(参考値)事業者全体",
    ]
    assert all(r["basic"] == r["adjusted"] == "0.000000" for r in rows[:12])
    assert {r["retailer"] for r in rows} == {"東京電力エナジーパートナー(株)"}


@pytest.mark.parametrize("expected", checks("electricity"), ids=lambda c: f"{c[0]}-{c[2]}")
def test_known_electricity_rows(denki_rows: list[dict[str, str]], expected: list[str]) -> None:
    reg_no, retailer, menu, row_kind, basic, adjusted, substitute = expected
    found = [
        r for r in denki_rows if (r["reg_no"], r["retailer"], r["menu"]) == (reg_no, retailer, menu)
    ]
    assert len(found) == 1
    row = found[0]
    assert (row["row_kind"], row["basic"], row["adjusted"], row["substitute_applied"]) == (
        row_kind,
        basic,
        adjusted,
        substitute,
    )


def test_capture_rate_dash_and_page(denki_rows: list[dict[str, str]]) -> None:
    row = next(r for r in denki_rows if r["reg_no"] == "A0002")
    assert (row["capture_rate"], row["page"]) == ("-", "1")
    assert {r["page"] for r in denki_rows if r["row_kind"] == "grid"} == {"16"}


def test_every_retailer_block_is_well_formed(denki_rows: list[dict[str, str]]) -> None:
    by_retailer: dict[str, list[dict[str, str]]] = {}
    for row in denki_rows:
        by_retailer.setdefault(row["reg_no"], []).append(row)
    for reg_no, rows in by_retailer.items():
        kinds = [r["row_kind"] for r in rows]
        if "whole" in kinds:
            assert kinds == ["whole"], reg_no
        elif re.fullmatch(r"[A-Z]\d{4}", reg_no):
            assert kinds[-1] == "reference", reg_no


SAMPLE_HEADER = "# comment\n                        1 / 2 ページ\n"


def test_segmentation_reports_an_off_centre_label(converter: ModuleType) -> None:
    text = (
        SAMPLE_HEADER
        + "A0001   先頭(株)                         100.00\n"
        + "                 メニューA         0.000000      0.000000\n"
        + "                 メニューB(残差)     0.000400      0.000400\n"
        + "                 (参考値)事業者全体    0.000300      0.000300\n"
    )
    rows, problems = converter.parse_denki(text)
    assert any("not centred" in p for p in problems)
    assert len(rows) == 3


def test_segmentation_reports_two_labels_and_bad_menus(converter: ModuleType) -> None:
    text = (
        SAMPLE_HEADER
        + "                 メニューB         0.000000      0.000000\n"
        + "A0001   一(株)                         100.00\n"
        + "A0002   二(株)                         100.00\n"
        + "                 (参考値)事業者全体    0.000300      0.000300\n"
        + "                 メニューA         0.000000      0.000000\n"
        + "A0003   三(株)     メニューA(残差)     0.000400      0.000400    -\n"
        + "                 メニューB(残差)     0.000400      0.000400\n"
        + "                 メニューC     0.000400      0.000400\n"
        + "                 (参考値)事業者全体    0.000300      0.000300\n"
        + "A0004   四(株)     メニューA\n"
        + "                 謎の行    0.000300\n"
        + "A0005   五(株)     0.000100      0.000100    100.00\n"
        + "                 メニューA         0.000000      0.000000\n"
        + "A0006   六(株)       -\n"
        + "                        2 / 2 ページ\n"
        + "                 (参考値)事業者全体    0.000300      0.000300\n"
        + "A0007   七(株)       -\n"
    )
    rows, problems = converter.parse_denki(text)
    text_of = "\n".join(problems)
    assert "block with labels ['A0001', 'A0002']" in text_of
    assert "A0003 menus ['A', 'A', 'B', 'C']" in text_of
    assert "A0003 kinds" in text_of
    assert "menu without values" in text_of
    assert "unread value" in text_of
    assert "A0006 spans pages" in text_of
    assert "A0007 has no rows" in text_of
    assert {r["reg_no"] for r in rows} == {"A0003", "A0005", "A0006"}


def test_segmentation_reports_reference_not_last_and_whole_among_menus(
    converter: ModuleType,
) -> None:
    label = converter.Label(10, 1, "A0001", "x", "", None)
    whole = converter.Row(11, 1, "", "0.000100", "0.000100")
    ref = converter.Row(12, 1, "(参考値)事業者全体", "0.000100", "0.000100")
    menu = converter.Row(13, 1, "メニューA", "0.000100", "0.000100")
    block = converter.Block(rows=[ref, menu], labels=[(label, 1)])
    assert any("not last" in p for p in converter.check_blocks([block]))
    block = converter.Block(rows=[whole, menu], labels=[(label, 1)])
    assert any("whole row among menus" in p for p in converter.check_blocks([block]))


# --------------------------------------------------------------------------- gas, heat, fuels


@pytest.mark.parametrize(("name", "count"), [("gas_r07.tsv", 113), ("heat_r06.tsv", 38)])
def test_supplier_lists_keep_every_row(name: str, count: int) -> None:
    assert len(read_generated(name)) == count


@pytest.mark.parametrize(("kind", "name"), [("gas", "gas_r07.tsv"), ("heat", "heat_r06.tsv")])
def test_known_supplier_rows(kind: str, name: str) -> None:
    rows = read_generated(name)
    for reg_no, supplier, menu, _kind, basic, adjusted, _flag in checks(kind):
        found = [
            r for r in rows if (r["reg_no"], r["supplier"], r["menu"]) == (reg_no, supplier, menu)
        ]
        assert [(r["basic"], r["adjusted"]) for r in found] == [(basic, adjusted)]


def round_3_significant(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1).scaleb(value.adjusted() - 2), rounding=ROUND_HALF_UP)


def test_new_fuel_table_agrees_with_the_official_one_line_factors() -> None:
    official = {}
    for line in (OFFICIAL / "fuels.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _name, _type, _unit, value = line.split("\t")
            official[{"diesel_oil": "diesel"}.get(key, key)] = value
    rows = {r["key"]: r for r in read_generated("fuel_new.tsv")}
    assert set(official) <= set(rows)
    assert set(rows) - set(official) == {"city_gas"}
    for key, value in official.items():
        assert rows[key]["tco2_per_unit_rounded"] == value
    with_chain = [r for r in rows.values() if r["gj_per_unit"]]
    assert len(with_chain) == 27
    for row in with_chain:
        product = Decimal(row["gj_per_unit"]) * Decimal(row["tc_per_gj"]) * 44 / 12
        assert round_3_significant(product) == Decimal(row["tco2_per_unit_rounded"]), row["key"]


def test_old_fuel_table_matches_factors_md() -> None:
    # reference/factors.md §1.2, "Published rounded" column.
    expected = {
        "diesel": "2.58",
        "heavy_oil_a": "2.71",
        "gasoline": "2.32",
        "lpg": "3.00",
        "city_gas": "2.23",
        "kerosene": "2.49",
    }
    rows = {r["key"]: r for r in read_generated("fuel_old.tsv")}
    assert {k: rows[k]["tco2_per_unit_rounded"] for k in expected} == expected
    assert rows["city_gas"]["unit"] == "千Nm3"


def test_scope3_extract_keeps_every_row() -> None:
    rows = read_generated("scope3.tsv")
    assert len(rows) == 42
    rail = next(r for r in rows if r["key"] == "travel_expense_rail")
    assert (rail["category"], rail["unit"], rail["value"]) == ("6", "kg-CO2/円", "0.001854")


@pytest.mark.parametrize(
    "name", ["electricity_r08.tsv", "gas_r07.tsv", "heat_r06.tsv", "fuel_new.tsv", "scope3.tsv"]
)
def test_derived_files_keep_the_notice(name: str) -> None:
    header = "\n".join(
        line
        for line in (FACTORS / name).read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    )
    assert "加工して作成" in header
    assert "公表元は責任を負わない" in header
    assert "再配布時はこの表示を保持すること" in header


# --------------------------------------------------------------------------- regeneration


def test_converter_output_is_byte_identical(converter: ModuleType, tmp_path: Path) -> None:
    assert converter.main(["--out", str(tmp_path)]) == 0
    generated = sorted(p.name for p in tmp_path.iterdir())
    bundled = sorted(p.name for p in FACTORS.iterdir() if p.name != "NOTICE.md")
    assert generated == bundled
    for name in generated:
        assert (tmp_path / name).read_bytes() == (FACTORS / name).read_bytes(), name


def test_converter_refuses_to_write_with_problems(
    converter: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(converter, "build", lambda: ({"x.tsv": "x\n"}, ["line 1: broken"]))
    assert converter.main(["--out", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out").exists()
    assert "line 1: broken" in capsys.readouterr().err


def test_converter_reports_fuel_chain_mismatches(
    converter: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(converter.FUEL_NEW_CHAIN, "diesel", ("38.0", "0.0190"))
    monkeypatch.setitem(converter.FUEL_NEW_CHAIN, "unknown_fuel", ("1", "1"))
    monkeypatch.setattr(
        converter, "FUEL_OLD", (("diesel", "軽油", "kL", "37.7", "0.0187", "2.60", "src"),)
    )
    monkeypatch.setattr(
        converter,
        "CITY_GAS_DEFAULT",
        {**converter.CITY_GAS_DEFAULT, "tco2_per_unit_rounded": "2.06"},
    )
    _files, problems = converter.build()
    text = "\n".join(problems)
    assert "fuel diesel: chain" in text
    assert "fuel city_gas: chain does not round" in text
    assert "fuel keys not in fuels.tsv: ['unknown_fuel']" in text
    assert "old fuel diesel" in text


def test_tsv_rejects_tabs_in_cells(converter: ModuleType) -> None:
    with pytest.raises(ValueError, match="tab or newline"):
        converter.tsv([], ("a",), [{"a": "x\ty"}])


def test_package_mode_builds_an_installable_package(converter: ModuleType, tmp_path: Path) -> None:
    from ecocheck_desktop.core.factor_packages import install_package, read_package
    from ecocheck_desktop.core.factors import FactorLibrary

    out = tmp_path / "r09.ecofactors"
    assert (
        converter.main(
            [
                "--package",
                str(out),
                "--editions",
                "electricity_r08",
                "--edition-id",
                "electricity_r09",
                "--emissions-years",
                "2026",
                "--published",
                "2027-01-09",
            ]
        )
        == 0
    )
    contents = read_package(out)
    assert [e["id"] for e in contents.editions] == ["electricity_r09"]
    assert contents.tables["electricity_r09.tsv"] == (FACTORS / "electricity_r08.tsv").read_bytes()
    target = tmp_path / "installed"
    install_package(out, FactorLibrary.load(installed=False), target)
    library = FactorLibrary.load(installed=target)
    assert library.resolve_electricity(2026, "A0269").factor.edition == "electricity_r09"
