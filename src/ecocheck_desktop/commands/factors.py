"""``ecocheck factors list [--json]`` and ``ecocheck factors install FILE``.

``list`` shows every factor edition the app would use: the bundled ones and those installed
from factor packages (see core/factor_packages.py), with the fiscal years each applies to.
``install`` validates a package file and unpacks it into the per-user folder; any refusal is
an EcoCheckError (exit 2 in cli.py) naming the file and what is wrong. Installing the same
package again is not an error ("already installed").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ecocheck_desktop.commands import language
from ecocheck_desktop.core.factor_packages import edition_rows, install_package
from ecocheck_desktop.core.factors import FactorLibrary
from ecocheck_desktop.core.messages import render as render_en
from ecocheck_desktop.resources import installed_factors_dir
from ecocheck_desktop.text.messages import render


def run(args: argparse.Namespace) -> int:
    if args.factors_command == "install":
        return _install(Path(args.file), language(args))
    return _list(as_json=bool(getattr(args, "json", False)), lang=language(args))


def _library() -> FactorLibrary:
    return FactorLibrary.load(installed=installed_factors_dir())


def _list(*, as_json: bool, lang: str) -> int:
    library = _library()
    rows = edition_rows(library)
    if as_json:
        document = {
            "installed_folder": str(installed_factors_dir()),
            "editions": rows,
            "problems": [{"code": m.code, "message": render_en(m)} for m in library.problems],
        }
        print(json.dumps(document, ensure_ascii=False))
        return 0
    print("係数の版 (factor editions)")
    for row in rows:
        origin = "同梱 bundled" if row["origin"] == "bundled" else "追加 installed"
        partial = " 一部の事業者のみ (partial)" if row["partial"] else ""
        print(f"  {row['id']}  [{row['kind']}] {row['years']}  {origin}{partial}")
        print(f"      {row['title']} / {row['publisher']} ({row['published']})")
        print(f"      {row['source_url']}")
    for message in library.problems:
        print(f"ecocheck: warning: {render(message, lang)}", file=sys.stderr)
    return 0


def _install(path: Path, lang: str) -> int:
    result = install_package(path, _library(), installed_factors_dir())
    print(render(result.message, lang))
    print(f"  {result.folder}")
    return 0
