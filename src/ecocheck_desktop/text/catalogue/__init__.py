"""THE catalogue of message codes: for every code its Japanese and its English sentence.

One table, ``CATALOGUE: {code: (ja, en)}``, assembled from four files by the layer that
raises the code (calculation, customers, files, app) only to keep each file short. A new
message is one entry in the file of the layer that raises it; nothing else registers templates.
``tests/text/test_catalogue.py`` fails when a code used in the source has no entry, when an entry
lacks one language, and when a code is defined twice.

Templates use ``{name}`` placeholders filled from the message's params and where keys
(:func:`ecocheck_desktop.text.messages.render`).
"""

from __future__ import annotations

from ecocheck_desktop.text.catalogue.app import APP
from ecocheck_desktop.text.catalogue.calculation import CALCULATION
from ecocheck_desktop.text.catalogue.customers import CUSTOMERS
from ecocheck_desktop.text.catalogue.files import FILES

_PARTS = (CALCULATION, CUSTOMERS, FILES, APP)

CATALOGUE: dict[str, tuple[str, str]] = {}
for _part in _PARTS:
    for _code, _texts in _part.items():
        if _code in CATALOGUE:
            raise RuntimeError(f"message code {_code} is defined twice in text/catalogue")
        CATALOGUE[_code] = _texts


def template(code: str, lang: str) -> str | None:
    """The code's sentence in ``lang`` ("ja" or anything else for English); None if unknown."""
    texts = CATALOGUE.get(code)
    if texts is None:
        return None
    return texts[0] if lang == "ja" else texts[1]
