"""One customer's reply pack (issue 21): a one-page PDF, an .xlsx laid out like the usual
questionnaire items, and the JSON of docs/customer-answer.schema.json, each written atomically.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from ecocheck_desktop import __version__
from ecocheck_desktop.core.allocation import Allocation
from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.core.model import Project
from ecocheck_desktop.core.results import YearResult
from ecocheck_desktop.report.answer_facts import PLACES_KG, AnswerFacts, build_facts
from ecocheck_desktop.report.answer_json import answer_document
from ecocheck_desktop.report.document import render_a4
from ecocheck_desktop.report.layout import FONT_NAME, PAGE_MARGIN, Styles, safe, table
from ecocheck_desktop.report.output import make_folder, write_atomically
from ecocheck_desktop.text.answer import words
from ecocheck_desktop.text.numbers import fmt

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def file_stem(fiscal_year: int, customer: str) -> str:
    """``answer_FY2025_常陸モーター株式会社（デモ）``: a name every file system accepts."""
    name = _UNSAFE.sub("_", customer).strip(" .") or "customer"
    return f"answer_FY{fiscal_year}_{name[:80]}"


def render_answer_pdf(facts: AnswerFacts, *, today: date | None = None) -> bytes:
    """The one-page reply in the facts' language."""
    lang = facts.lang
    s = Styles(lang)
    width_mm = (A4[0] - 2 * PAGE_MARGIN) / mm
    fy = facts.allocation.fiscal_year
    year = f"{fy}年度" if lang == "ja" else f"FY{fy}"
    customer = words("other_customers", lang) if facts.customer.other else facts.customer.customer
    story: list[object] = [
        Paragraph(safe(words("title", lang)), s.title),
        Paragraph(
            safe(words("subtitle", lang, customer=customer, company=facts.company, year=year)),
            s.subtitle,
        ),
        Spacer(1, 2 * mm),
    ]
    section = ""
    rows: list[tuple[str, str]] = []
    for head, item, value in facts.rows:
        if head != section:
            if section:
                story += [_facts_table(s, section, rows, width_mm), Spacer(1, 2 * mm)]
            section, rows = head, []
        rows.append((safe(item), safe(value, 400)))
    story.append(_facts_table(s, section, rows, width_mm))
    story.append(Paragraph(safe(words("h_units", lang)), s.h2))
    product_rows = [
        (
            safe(p.product, 40),
            safe(p.unit),
            fmt(p.kg_per_unit_scope1, PLACES_KG),
            fmt(p.kg_per_unit_scope2_adjusted, PLACES_KG),
            fmt(p.kg_per_unit_total_adjusted, PLACES_KG),
        )
        for p in facts.products
    ]
    story.append(
        table(
            s,
            [words(k, lang) for k in ("product", "unit", "kg_scope1", "kg_scope2", "kg_total")],
            product_rows,
            [width_mm - 124, 14, 36, 40, 34],
            numeric=[2, 3, 4],
        )
    )
    story.append(Paragraph(safe(words("limits", lang)), s.small))
    story.append(Paragraph(safe(words("h_declaration", lang)), s.h2))
    story.append(Paragraph(safe(words("declaration", lang)), s.body))
    blank = "＿" * 10 if lang == "ja" else "_" * 20
    signed = words(
        "signed",
        lang,
        date=(today or date.today()).isoformat(),
        title=facts.title,
        name=facts.representative or blank,
    )
    story.append(Paragraph(safe(f"{facts.company}　{signed}"), s.body))
    footer = words("footer", lang, version=__version__)

    def on_page(canvas: object, _doc: object) -> None:
        canvas.setFont(FONT_NAME, 7)  # type: ignore[attr-defined]
        canvas.drawString(PAGE_MARGIN, 6 * mm, footer)  # type: ignore[attr-defined]

    return render_a4(
        story,
        title=words("title", lang),
        lang=lang,
        top_margin=12 * mm,
        bottom_margin=12 * mm,
        on_page=on_page,
    )


def _facts_table(s: Styles, head: str, rows: list[tuple[str, str]], width_mm: float) -> object:
    """One section of the answers: its heading in the table's header bar."""
    return table(s, [head, ""], rows, [62, width_mm - 62])


def answer_xlsx(facts: AnswerFacts) -> bytes:
    """The same answers as one sheet of questionnaire items (section, item, answer, figure, unit)
    and a sheet of the per-unit intensities; figures as numbers, not text."""
    # openpyxl (~210 ms) loads only for the workbook, not for the PDF of the same answers.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    lang = facts.lang
    book = Workbook()
    sheet = book.active
    sheet.title = words("sheet", lang)
    head = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F5C99")
    sheet.append([words("title", lang)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(["", words("item", lang), words("value", lang), "t-CO2 / %"])
    for cell in sheet[3]:
        cell.font, cell.fill = head, fill
    numbers = _figures(facts)
    for section, item, value in facts.rows:
        sheet.append([section, item, value, numbers.get(item)])
    for row in sheet.iter_rows(min_row=4):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABCD", (26, 40, 70, 16), strict=True):
        sheet.column_dimensions[column].width = width
    products = book.create_sheet(words("sheet_products", lang))
    products.append(
        [words(k, lang) for k in ("product", "unit", "kg_scope1", "kg_scope2", "kg_total")]
    )
    for cell in products[1]:
        cell.font, cell.fill = head, fill
    for p in facts.products:
        products.append(
            [
                p.product,
                p.unit,
                _float(p.kg_per_unit_scope1),
                _float(p.kg_per_unit_scope2_adjusted),
                _float(p.kg_per_unit_total_adjusted),
            ]
        )
    products.column_dimensions["A"].width = 30
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _figures(facts: AnswerFacts) -> dict[str, float | None]:
    """The numeric answer of each figure row, so a questionnaire tool can read the cell."""
    lang, a, c = facts.lang, facts.allocation, facts.customer
    return {
        words("scope1", lang): _float(a.t_co2_scope1),
        words("scope2_market", lang): _float(a.t_co2_scope2_adjusted),
        words("scope2_location", lang): _float(a.t_co2_scope2_location),
        words("total_market", lang): _float(a.t_co2_scope1 + a.t_co2_scope2_adjusted),
        words("share", lang): _float(c.share * 100),
        words("yours_scope1", lang): _float(c.t_co2_scope1),
        words("yours_scope2_market", lang): _float(c.t_co2_scope2_adjusted),
        words("yours_scope2_location", lang): _float(c.t_co2_scope2_location),
        words("yours_total", lang): _float(c.t_co2_total_adjusted),
    }


def write_pack(
    project: Project,
    year: YearResult,
    allocation: Allocation,
    customer: str,
    folder: Path,
    *,
    lang: str = "ja",
    today: date | None = None,
) -> list[Path]:
    """Write the PDF, the .xlsx and the JSON of one customer into ``folder``; their paths."""
    if lang not in ("ja", "en"):
        raise EcoCheckError(Message("report.bad_language", {"lang": lang}))
    facts = build_facts(project, year, allocation, customer, lang)
    document = answer_document(project, facts, today=today)
    folder = make_folder(folder)
    stem = file_stem(allocation.fiscal_year, customer)
    outputs = {
        folder / f"{stem}_{lang}.pdf": render_answer_pdf(facts, today=today),
        folder / f"{stem}_{lang}.xlsx": answer_xlsx(facts),
        folder / f"{stem}.json": (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode(
            "utf-8"
        ),
    }
    for path, data in outputs.items():
        write_atomically(path, data)
    return list(outputs)
