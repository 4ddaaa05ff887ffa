"""The advisor's batch of PDF reports: one per project file of a folder, a failure never stops it.

Used by ``ecocheck portfolio DIR --reports OUT`` and the ポートフォリオ page. Each file is read
read-only (exchange/portfolio.py :func:`read_project`) and its PDF written atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ecocheck_desktop.core.messages import EcoCheckError, Message
from ecocheck_desktop.exchange.portfolio import each_file, file_failed, read_project
from ecocheck_desktop.report.output import make_folder
from ecocheck_desktop.report.pdf import build_report


@dataclass(frozen=True)
class BatchResult:
    source: Path
    output: Path | None  # the PDF written, None when it failed
    error: Message | None = None


def report_name(source: Path) -> str:
    return f"{source.stem}.pdf"


def batch_reports(
    files: list[Path],
    out_dir: Path,
    *,
    lang: str = "ja",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[BatchResult]:
    """One PDF per project file into ``out_dir`` (atomic writes); a failure never stops it."""
    out_dir = make_folder(out_dir)
    for source in each_file(files, progress, cancelled):
        target = out_dir / report_name(source)
        try:
            build_report(read_project(source), target, lang=lang)
        except EcoCheckError as error:
            yield BatchResult(source, None, error.messages[0])
        except Exception as error:
            # Whatever one client's file does to the report (a reportlab LayoutError, a
            # damaged value, a full disk), the batch names it and goes on with the next.
            yield BatchResult(source, None, file_failed(source, error))
        else:
            yield BatchResult(source, target)
