"""Regenerate the screenshot tour (docs/tour.md, docs/screenshots/) from the running app.

Every page with the demo company, in Japanese and English, at 1280×800; the start page with
no project; the new-company wizard's steps; the equipment checklist and the F1 help. The
README's pictures are among them (same file names), so they always show the current app.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/screenshots]

PNGs are written with a 256-colour palette (a page is ~60–120 KB) through the atomic writer.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1280, 800)
# The file names the README and the guides use, by page (ja and en).
PAGE_FILES = {
    "home": "home",
    "company": "company",
    "energy": "demo-energy",
    "results": "demo-results",
    "measures": "measures",
    "targets": "targets",
    "report": "report",
    "portfolio": "portfolio",
    "demand": "demand-demo",  # the demo has no meter data (demand-ja.png shows imported data)
    "customers": "customers",
}
TITLES = {
    "home": ("ホーム", "Home"),
    "company": ("会社情報", "Company"),
    "energy": ("エネルギー使用量", "Energy use"),
    "results": ("結果", "Results"),
    "measures": ("削減対策", "Reduction measures"),
    "targets": ("目標", "Targets"),
    "report": ("レポート", "Report"),
    "portfolio": ("ポートフォリオ", "Portfolio"),
    "demand": ("デマンド (30分データ)", "Demand (30-minute data)"),
    "customers": ("取引先", "Customers"),
    "start": ("起動直後 (プロジェクトなし)", "At start (no project)"),
    "wizard-1": ("新規作成ウィザード 1/4", "New-company wizard 1/4"),
    "wizard-2": ("新規作成ウィザード 2/4", "New-company wizard 2/4"),
    "wizard-3": ("新規作成ウィザード 3/4", "New-company wizard 3/4"),
    "checklist": ("設備チェックリスト", "Equipment checklist"),
    "help": ("F1 ヘルプと用語集", "F1 help and glossary"),
}


def _save(widget: object, path: Path) -> None:
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    from ecocheck_desktop.store.atomic import write_file

    pixmap = widget.grab()  # type: ignore[attr-defined]
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")
    if image.width > SIZE[0]:
        image = image.resize((SIZE[0], round(image.height * SIZE[0] / image.width)))
    out = io.BytesIO()
    image.quantize(colors=256).save(out, "PNG", optimize=True)
    write_file(path, out.getvalue())


def _settle(app: object, rounds: int = 6) -> None:
    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]


def tour(out: Path) -> list[tuple[str, str, Path]]:
    """Write every picture; returns (key, language, path) in tour order."""
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="ecocheck-shots-")  # the demo copy
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ecocheck_desktop.gui.dialogs.checklist import ChecklistDialog
    from ecocheck_desktop.gui.help import HelpDialog
    from ecocheck_desktop.gui.i18n import LanguageManager
    from ecocheck_desktop.gui.main_window import MainWindow
    from ecocheck_desktop.gui.pages import PAGE_IDS
    from ecocheck_desktop.gui.settings import Settings
    from ecocheck_desktop.gui.style import apply_style

    apply_style(app)
    languages = LanguageManager(app, ROOT / "translations")
    shots: list[tuple[str, str, Path]] = []
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("ja", "en"):
        if not languages.set_language(lang):
            raise SystemExit("translations/*.qm missing: run scripts/translations.py compile")
        window = MainWindow(Settings(), languages, remember_settings=False)
        window.resize(*SIZE)
        window.show()
        _settle(app)
        path = out / f"start-{lang}.png"
        _save(window, path)
        shots.append(("start", lang, path))

        wizard = window.new_project()
        wizard.company_page.name.setText("ひたち成形工業" if lang == "ja" else "Hitachi Moulding")
        for step in (1, 2, 3):
            _settle(app)
            path = out / f"wizard-{step}-{lang}.png"
            _save(wizard, path)
            shots.append((f"wizard-{step}", lang, path))
            wizard.next()
        wizard.reject()

        window.open_demo()
        for page_id in PAGE_IDS:
            window.show_page(page_id)
            _settle(app, 10)
            path = out / f"{PAGE_FILES[page_id]}-{lang}.png"
            _save(window, path)
            shots.append((page_id, lang, path))

        measures = window.pages["measures"]
        dialog = ChecklistDialog(
            measures.catalogue(), dict(window.service.project.checklist), window
        )
        dialog.resize(860, 720)
        dialog.show()
        _settle(app)
        path = out / f"checklist-{lang}.png"
        _save(dialog, path)
        shots.append(("checklist", lang, path))
        dialog.reject()

        help_dialog = HelpDialog(lang, window)
        help_dialog.show()
        help_dialog.browser.scrollToAnchor("")
        bar = help_dialog.browser.verticalScrollBar()
        bar.setValue(bar.maximum())  # the glossary at the end
        _settle(app)
        path = out / f"help-{lang}.png"
        _save(help_dialog, path)
        shots.append(("help", lang, path))
        help_dialog.close()

        window.close()
        window.deleteLater()
        _settle(app)
    return shots


def write_index(shots: list[tuple[str, str, Path]], index: Path) -> None:
    from ecocheck_desktop.store.atomic import write_file

    lines = [
        "# Screenshot tour / 画面ツアー",
        "",
        "Generated by `scripts/screenshots.py` from the running app with the demo company "
        "(1280×800). Regenerate after a visible change:",
        "",
        "    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py",
        "",
        "| | 日本語 | English |",
        "|---|---|---|",
    ]
    keys = list(dict.fromkeys(key for key, _lang, _path in shots))
    for key in keys:
        cells = []
        for lang in ("ja", "en"):
            found = [p for k, lg, p in shots if k == key and lg == lang]
            cells.append(f"![]({found[0].relative_to(index.parent).as_posix()})" if found else "—")
        ja, en = TITLES[key]
        lines.append(f"| {ja} / {en} | {cells[0]} | {cells[1]} |")
    write_file(index, ("\n".join(lines) + "\n").encode("utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--index", type=Path, default=ROOT / "docs" / "tour.md")
    args = parser.parse_args()
    shots = tour(args.out)
    write_index(shots, args.index)
    print(f"{len(shots)} screenshots in {args.out}, index {args.index}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
