"""PDF report time: the full demo report against a minimal reportlab document, in the same run.

Two situations, each as the median of several runs:

- cold: ``ecocheck report demo.ecocheck -o report.pdf`` in a fresh interpreter (the command's
  own entry point, with its garbage-collector settings): imports, load, calculation, charts,
  PDF; against a fresh interpreter that writes a minimal reportlab document (one line per page
  in the report's embedded IPAexGothic) with the same page count, the two runs interleaved;
- warm: the same two inside one process after a first run (what the GUI's レポート page costs).

The aims (issue 20) are under 0.6 s cold and 0.15 s warm for the report itself; the ratio says
how much of that is ours rather than Python's and reportlab's. The demo company in
resources/demo/ is used when present, else the realistic sample company of the tests.

    .venv/bin/python bench/report.py [--runs 5] [--lang ja]
    .venv/bin/python bench/report.py --pages docs/report   # only render the pages as PNG

``--pages`` writes the Japanese and English demo reports and their pages
(``pdftoppm -r 60 -png``, from poppler-utils) into a folder, for people to look at.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AIM_COLD_S = 0.6  # issue 20: cold `ecocheck report` under 0.6 s
AIM_WARM_S = 0.15  # and a warm report (GUI export, batch) under 0.15 s


def demo_project() -> tuple[object, str]:
    """The bundled demo company and where it came from."""
    from ecocheck_desktop.exchange.demo import demo_project as bundled_demo

    return bundled_demo(), "ecocheck_desktop.exchange.demo.demo_project()"


def build_demo(lang: str, out: Path) -> None:
    """What ``ecocheck report`` does: load, calculate, lay out, write."""
    from ecocheck_desktop.report.pdf import build_report

    project, _ = demo_project()
    build_report(project, out, lang=lang)  # type: ignore[arg-type]


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def build_minimal(pages: int, out: Path | io.BytesIO) -> None:
    """The same number of pages, each with one line of text in the report's embedded TrueType
    font (a subset, as the report embeds it): loading and subsetting a Japanese TTF is part of
    what any PDF of Japanese text costs, so the baseline pays it too (Helvetica, which is not
    embedded, would make the ratio look worse than it is)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from ecocheck_desktop import resources

    if "IPAexGothic" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("IPAexGothic", str(resources.font_path())))
    canvas = Canvas(str(out) if isinstance(out, Path) else out, pagesize=A4)
    for number in range(1, pages + 1):
        canvas.setFont("IPAexGothic", 12)
        canvas.drawString(72, 770, f"ページ {number} / {pages}")
        canvas.showPage()
    canvas.save()


def render_pages(folder: Path, dpi: int) -> int:
    from datetime import date

    from ecocheck_desktop.report.pdf import build_report

    folder.mkdir(parents=True, exist_ok=True)
    project, source = demo_project()
    for old in folder.glob("report-*.png"):
        old.unlink()
    for lang in ("ja", "en"):
        pdf = folder / f"report-{lang}.pdf"
        build_report(project, pdf, lang=lang, today=date(2026, 6, 1))  # type: ignore[arg-type]
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(folder / f"report-{lang}")],
            check=True,
        )
        pdf.unlink()
        # pdftoppm pads the page number once there are ten pages or more (-01); keep -1.
        for page in folder.glob(f"report-{lang}-0*.png"):
            number = int(page.stem.rsplit("-", 1)[1])
            page.rename(folder / f"report-{lang}-{number}.png")
    print(f"pages of {source} written to {folder}")
    return 0


def fresh_process(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, *args], check=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", choices=["ja", "en"], default="ja")
    parser.add_argument("--pages", type=Path, default=None, help="render page PNGs into DIR")
    parser.add_argument("--dpi", type=int, default=60, help="resolution of --pages")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "ARG", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:  # one cold run in a fresh interpreter
        kind, arg, out = args.child
        if kind == "report":
            build_demo(arg, Path(out))
        else:
            build_minimal(int(arg), Path(out))
        return 0

    if args.pages:
        return render_pages(args.pages, args.dpi)

    with tempfile.TemporaryDirectory() as folder:
        report_pdf = Path(folder) / "report.pdf"
        minimal_pdf = Path(folder) / "minimal.pdf"
        build_demo(args.lang, report_pdf)  # also warms this process
        pages = page_count(report_pdf)
        _, source = demo_project()

        demo_file = Path(folder) / "demo.ecocheck"
        ecocheck = [sys.executable, "-c", "from ecocheck_desktop.cli import entry; entry()"]
        subprocess.run([*ecocheck, "demo", "-o", str(demo_file)], check=True, capture_output=True)
        cold_report, cold_minimal = [], []
        for _ in range(args.runs):  # interleaved, so that other load weighs on both
            start = time.perf_counter()
            subprocess.run(
                [*ecocheck, "report", str(demo_file), "-o", str(report_pdf), "--lang", args.lang],
                check=True,
                capture_output=True,
            )
            cold_report.append(time.perf_counter() - start)
            cold_minimal.append(fresh_process(["--child", "minimal", str(pages), str(minimal_pdf)]))

        from ecocheck_desktop.report.pdf import build_report

        project, _ = demo_project()
        warm_report, warm_minimal = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            build_report(project, report_pdf, lang=args.lang)  # type: ignore[arg-type]
            warm_report.append(time.perf_counter() - start)
            start = time.perf_counter()
            build_minimal(pages, minimal_pdf)
            warm_minimal.append(time.perf_counter() - start)

    rows = [
        ("cold (fresh process)", cold_report, cold_minimal, AIM_COLD_S),
        ("warm (same process)", warm_report, warm_minimal, AIM_WARM_S),
    ]
    print(f"project: {source}; language {args.lang}; {pages} pages; median of {args.runs} runs")
    print()
    print("| situation | report [s] | minimal reportlab [s] | ratio | aim [s] | within aim |")
    print("|---|---:|---:|---:|---:|---|")
    for label, report, minimal, aim in rows:
        ours, base = statistics.median(report), statistics.median(minimal)
        print(
            f"| {label} | {ours:.3f} | {base:.3f} | {ours / base:.1f}x | {aim} |"
            f" {'yes' if ours <= aim else 'no'} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
