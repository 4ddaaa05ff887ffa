"""``ecocheck report``: a bill file to the PDF and to the CSV/JSON companion.

Expected totals are the hand-computed ones in tests/exchange/data/expected_totals.toml
(golden cases GC-01, GC-09, GC-12), rounded here for display.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ecocheck_desktop.cli import main

DATA = Path(__file__).resolve().parent.parent / "exchange" / "data"
BILLS = DATA / "bills_fy2025_en_utf8bom.csv"
EXPECTED = tomllib.loads((DATA / "expected_totals.toml").read_text(encoding="utf-8"))["fy2025"]


def shown(key: str, digits: int) -> str:
    value = Decimal(EXPECTED[key]).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
    return f"{value:,.{digits}f}"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_pdf_from_a_bill_file(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "report.pdf"
    assert main(["report", str(BILLS), "-o", str(out), "--lang", lang]) == 0
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    for key in (
        "scope1_t",
        "scope2_basic_t",
        "scope2_location_t",
        "total_adjusted_t",
        "total_location_t",
    ):
        assert shown(key, 3) in text, key
    assert shown("energy_gj", 1) in text
    assert shown("crude_oil_kl", 3) in text
    assert ("5. 算定結果" if lang == "ja" else "5. Results") in text


def test_companion_csv_and_json(tmp_path: Path) -> None:
    assert main(["report", str(BILLS), "-o", str(tmp_path / "k.csv"), "--fiscal-year", "2025"]) == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "k.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1
    assert Decimal(rows[0]["total_adjusted_t"]) == Decimal(EXPECTED["total_adjusted_t"])
    assert main(["report", str(BILLS), "-o", str(tmp_path / "k.json")]) == 0
    document = json.loads((tmp_path / "k.json").read_text(encoding="utf-8"))
    record = document["records"][0]
    assert record["fiscal_year"] == 2025
    assert Decimal(str(record["scope1_t"])) == Decimal(EXPECTED["scope1_t"])


def test_bad_input_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.pdf"
    assert main(["report", str(BILLS), "-o", str(out), "--fiscal-year", "2019"]) == 2
    assert "2019" in capsys.readouterr().err
    assert main(["report", str(BILLS), "-o", str(tmp_path / "report.docx")]) == 2
    assert ".docx" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "missing.csv"), "-o", str(out)]) == 2
    assert not out.exists()
    # FY2024 electricity without a factor: the reporting year is incomplete -> exit 2.
    no_factor = DATA / "bills_fy2024_no_factor.csv"
    assert main(["report", str(no_factor), "-o", str(out)]) == 2
    assert "2024" in capsys.readouterr().err
    assert not out.exists()


def test_sections_option_leaves_sections_out(tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "short.pdf"
    args = ["report", str(BILLS), "-o", str(out), "--lang", "en"]
    assert main([*args, "--sections", "results,measures"]) == 0
    text = "\n".join(page.extract_text() or "" for page in PdfReader(out).pages)
    assert "5. Results" in text and "10. Reduction measures" in text
    assert "7. Energy cost" not in text and "Roadmap to 2030" not in text
    assert "1. Summary" in text and "Appendix" in text
    assert main([*args, "--sections", "results,nonsense"]) == 2
    assert "nonsense" in capsys.readouterr().err
