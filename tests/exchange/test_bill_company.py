"""Industry and revenue in the bill import (issue 18): stored, a bad value names its cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ecocheck_desktop.core.messages import EcoCheckError
from ecocheck_desktop.exchange.bills import project_from_bills, read_bills

HEADER = "年月,エネルギー,使用量,単位,業種,売上高（百万円）\n"


def bills(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "bills.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_industry_and_revenue_per_fiscal_year_are_imported(tmp_path: Path) -> None:
    path = bills(
        tmp_path,
        '2025-04,電気,1000,kWh,E24 金属製品製造業,"1,234.5"\n'
        "2025-05,電気,1000,kWh,,\n"
        "2026-03,電気,1000,kWh,E24 金属製品製造業,1234.5\n"  # FY2025 still
        "2026-04,電気,1000,kWh,,９００\n",  # FY2026, full-width digits
    )
    result = read_bills(path)
    assert result.industry == "E24 金属製品製造業"
    assert result.revenue_million_yen == {2025: Decimal("1234.5"), 2026: Decimal(900)}
    project = project_from_bills(result, "テスト製作所")
    assert project.company.industry == "E24 金属製品製造業"
    assert project.fiscal_years[2025].revenue_million_yen == Decimal("1234.5")
    assert project.fiscal_years[2026].revenue_million_yen == Decimal(900)


def test_english_headers_and_no_company_columns(tmp_path: Path) -> None:
    header = "month,energy,quantity,unit,industry,revenue_million_yen\n"
    result = read_bills(bills(tmp_path, "2025-04,electricity,10,kWh,E09,5\n", header))
    assert (result.industry, result.revenue_million_yen) == ("E09", {2025: Decimal(5)})
    plain = read_bills(
        bills(tmp_path, "2025-04,electricity,10,kWh\n", "month,energy,quantity,unit\n")
    )
    assert (plain.industry, plain.revenue_million_yen) == ("", {})
    assert project_from_bills(plain, "x").fiscal_years[2025].revenue_million_yen is None


@pytest.mark.parametrize(
    ("body", "code", "row", "column"),
    [
        ("2025-04,電気,1,kWh,,abc\n", "bills.revenue_invalid", 2, "売上高（百万円）"),
        ("2025-04,電気,1,kWh,,-5\n", "bills.revenue_invalid", 2, "売上高（百万円）"),
        (
            "2025-04,電気,1,kWh,E24,\n2025-05,電気,1,kWh,E09,\n",
            "bills.industry_conflict",
            3,
            "業種",
        ),
        (
            "2025-04,電気,1,kWh,,850\n2025-05,電気,1,kWh,,851\n",
            "bills.revenue_conflict",
            3,
            "売上高（百万円）",
        ),
    ],
)
def test_a_bad_value_names_its_cell(
    tmp_path: Path, body: str, code: str, row: int, column: str
) -> None:
    with pytest.raises(EcoCheckError) as raised:
        read_bills(bills(tmp_path, body))
    [message] = raised.value.messages
    assert message.code == code
    assert (message.where["row"], message.where["column"]) == (row, column)
    assert message.where["file"].endswith("bills.csv")


def test_the_command_line_refuses_a_bad_revenue_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ecocheck_desktop.cli import main

    out = tmp_path / "out.json"
    path = bills(tmp_path, "2025-04,電気,1,kWh,,x1\n")
    assert main(["--lang", "en", "report", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "row 2" in err and "売上高（百万円）" in err and "Traceback" not in err
    assert not out.exists()
