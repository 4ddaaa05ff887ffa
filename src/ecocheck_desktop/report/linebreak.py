"""Line breaking for the PDF's table cells: where a line of Japanese (or English) may end.

reportlab's CJK wrapping breaks between any two characters, so a narrow cell prints
「コージェ / ネ」, 「1,200 / 円」 or a line that starts with 「ー」. The rule here (JIS X 4051's
禁則 in its everyday form) decides the break opportunities, and :func:`break_lines` fills each
line greedily with the longest run of whole pieces that fits:

- **No break inside a katakana run** (including ー, ヽヾ and half-width katakana), nor inside a
  run of Latin letters and digits ("t-CO2", "1,234.5", "kWh", "SBT-SME"): these are words.
- **No break before** small kana (ぁ ァ っ ッ ゃ ャ …), the long-vowel mark ー, closing
  brackets and punctuation (、。，．」』）】〕〉》・：；！？%％…) — 行頭禁則.
- **No break after** an opening bracket (「『（【〔〈《 and ASCII ( [) — 行末禁則.
- **A unit stays with its number**: no break before 円, nor between a digit and the unit or
  multiplier after it (万 千 百 億 円 % 年 月 件 社 t k), nor at a space between a number and
  a unit word ("12.3 t-CO2", "0.1 MPa", "8 %"), nor at a slash without spaces ("t-CO2/年"):
  no lone 「円」 or unit on a line.
- Elsewhere a break is allowed: between two kanji or hiragana, at a space (the space is
  dropped at the line end), between Japanese and Latin text.

A piece wider than the whole line (a 40-character katakana word in a 15 mm cell) is cut
character by character as a last resort, so every text still fits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from xml.sax.saxutils import unescape

_UNESCAPES = {"&quot;": '"', "&#39;": "'"}
# 行頭禁則: may not start a line.
NO_START = frozenset(
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "ーヽヾゝゞ々〻"
    "、。，．,.:;!?)]}」』）】〕〉》〙〗｝］｠"
    "・：；！？%％‰…‥゛゜ｰｧｨｩｪｫｬｭｮｯ｡､｣"
)
# 行末禁則: may not end a line.
NO_END = frozenset("「『（【〔〈《〘〖｛［｟([{｢")
# Units and multipliers that stay with the number before them.
UNIT_AFTER_DIGIT = frozenset("万千百億兆円%％年月日件社台人回時tkKMGT")
UNIT_WORDS = ("t", "kWh", "MWh", "GJ", "MJ", "kL", "L", "m3", "kg", "円", "万円", "千円", "%")


def _katakana(char: str) -> bool:
    code = ord(char)
    return (
        0x30A1 <= code <= 0x30FA  # katakana letters
        or code in (0x30FC, 0x30FD, 0x30FE)  # ー ヽ ヾ
        or 0x31F0 <= code <= 0x31FF  # small katakana extension
        or 0xFF66 <= code <= 0xFF9F  # half-width katakana
    )


def _word_char(char: str) -> bool:
    """A character of a Latin word or a number: letters, digits and their inner signs."""
    if char.isascii():
        return char.isalnum() or char in "-,.'/_+~"
    return (unicodedata.category(char)[0] in "LN" and ord(char) < 0x3000) or char in "²³₂"


def _digit(char: str) -> bool:
    return char.isdigit() or char in "０１２３４５６７８９"


def _number_before(text: str, index: int) -> bool:
    """Whether the text just before ``index`` (skipping spaces) ends in a digit."""
    j = index - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j >= 0 and _digit(text[j])


def _unit_word_at(text: str, index: int) -> bool:
    """Whether a unit starts at ``index``: one of :data:`UNIT_WORDS`, or a short word of up to
    4 characters that starts with a letter or a unit sign ("MPa", "kW", "%", "℃")."""
    if any(text.startswith(word, index) for word in UNIT_WORDS):
        return True
    end = text.find(" ", index)
    word = text[index:] if end < 0 else text[index:end]
    return 0 < len(word) <= 4 and (word[0].isalpha() or word[0] in "%％℃°")


def can_break(text: str, index: int) -> bool:
    """Whether a line may end before ``text[index]`` (0 < index < len(text))."""
    before, after = text[index - 1], text[index]
    if before == "\n" or after == "\n":
        return True
    if after == " ":
        return False  # break after the space, not before it
    if before == " ":
        # A space between a number and its unit ("12.3 t-CO2") holds them together.
        return not (_number_before(text, index - 1) and _unit_word_at(text, index))
    if after in NO_START or before in NO_END:
        return False
    if "/" in (before, after):
        return False  # "t-CO2/年", "円/kWh": a slash without spaces joins a unit
    if _katakana(before) and _katakana(after):
        return False
    if _word_char(before) and _word_char(after):
        return False
    if after == "円":
        return False
    return not (_digit(before) and after in UNIT_AFTER_DIGIT)


def pieces(text: str) -> list[str]:
    """``text`` cut at every break opportunity (the pieces that are never split)."""
    out: list[str] = []
    start = 0
    for index in range(1, len(text)):
        if can_break(text, index):
            out.append(text[start:index])
            start = index
    if text:
        out.append(text[start:])
    return out


def line_spans(text: str, width: float, measure: Callable[[str], float]) -> list[tuple[int, int]]:
    """The (start, end) of each line of ``text`` no wider than ``width`` (``measure`` gives a
    string's width), broken only at :func:`can_break` opportunities and at ``\n``; spaces at
    either end of a line are left out of its span."""
    spans: list[tuple[int, int]] = []

    def close(start: int, end: int) -> None:
        while end > start and text[end - 1] == " ":
            end -= 1
        spans.append((start, end))

    offset = 0
    for paragraph in text.split("\n"):
        start = end = offset  # the current line is text[start:end]
        for piece in pieces(paragraph):
            if end > start and measure(text[start : end + len(piece)].rstrip(" ")) > width:
                close(start, end)
                start = end
                while start < end + len(piece) and text[start] == " ":
                    start += 1
            end += len(piece)
            if measure(text[start:end].rstrip(" ")) > width:
                # One piece wider than the whole line: cut it where it must be cut, keeping a
                # character that may not start a line with the one before it.
                cut = start + 1
                while cut < end:
                    if measure(text[start : cut + 1]) > width:
                        keep = text[cut] in NO_START or text[cut] == "円"
                        back = cut - 1 if keep and cut - 1 > start else cut
                        close(start, back)
                        start = back
                    cut += 1
        close(start, end)
        offset += len(paragraph) + 1
    return spans


def break_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` as the lines of :func:`line_spans`."""
    return [text[a:b] for a, b in line_spans(text, width, measure)]


_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|.", re.DOTALL)
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def break_markup(markup: str, width: float, measure: Callable[[str], float]) -> str:
    """Paragraph markup with ``<br/>`` put where :func:`line_spans` ends its lines.

    Tags take no width and are kept (also those beside a dropped space): an opening tag goes
    with the character after it, a closing tag with the one before; ``<br/>`` is a line end;
    an entity (``&amp;``) counts as its character."""
    plain: list[str] = []
    drawn: list[list[str]] = []  # per plain character: [tags before, its markup, tags after]
    pending = ""
    for token in _TOKEN.findall(markup):
        if _BREAK_TAG.fullmatch(token):
            plain.append("\n")
            drawn.append([pending, "", ""])
            pending = ""
        elif token.startswith("</") and drawn and not pending:
            drawn[-1][2] += token
        elif token.startswith("<"):
            pending += token
        else:
            plain.append(unescape(token, _UNESCAPES) if token.startswith("&") else token)
            drawn.append([pending, token, ""])
            pending = ""
    out: list[str] = []
    position = 0
    spans = line_spans("".join(plain), width, measure)
    for number, (start, end) in enumerate([*spans, (len(plain), len(plain))]):
        if 0 < number < len(spans):
            out.append("<br/>")
        for i in range(position, max(position, end)):
            before, text, after = drawn[i]
            out.append(before + (text if start <= i else "") + after)  # a dropped space's tags
        position = max(position, end)
    out.append(pending)
    return "".join(out)
