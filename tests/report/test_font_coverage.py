"""Every character the report prints from its own catalogue exists in the embedded font.

IPAexGothic has no glyph for some symbols (≤ U+2264 printed as '?'); a text that uses one
would silently lose it in the PDF, so the catalogue is checked against the font's own map.
"""

from __future__ import annotations

from ecocheck_desktop import resources
from ecocheck_desktop.text import messages
from ecocheck_desktop.text.catalogue import CATALOGUE
from ecocheck_desktop.text.report import TEXTS, formulas


def _font_chars() -> set[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    return set(TTFontFile(str(resources.font_path())).charToGlyph)


def test_every_report_text_is_in_the_embedded_font() -> None:
    known = _font_chars()
    texts = [t for pair in TEXTS.values() for t in pair]
    texts += [t for pair in CATALOGUE.values() for t in pair] + formulas("ja") + formulas("en")
    texts += [t for pair in messages._OPS.values() for t in pair]  # said inside messages
    missing = {
        ch: text[:40] for text in texts for ch in text if ord(ch) not in known and ch not in "\n"
    }
    assert missing == {}, f"characters without a glyph in IPAexGothic: {missing}"
