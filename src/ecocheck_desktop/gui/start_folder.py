"""Where a file dialog starts: the folder of the last project used, else Documents, else home.

Qt names ~/Documents even where it does not exist (a fresh Windows profile moved to OneDrive, a
Linux account without it); a dialog or a suggested path there says "the folder does not
exist" before the user has chosen anything (issue 19).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QStandardPaths


def start_folder(recent_files: Iterable[str] = ()) -> Path:
    for file_path in recent_files:
        folder = Path(file_path).parent
        if folder.is_dir():
            return folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()
