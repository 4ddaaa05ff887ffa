"""Comments and docstrings in src point only to files a newcomer with the repository has.

The design notes the code was first built from live outside the repository; what a comment
needs from them is said in the comment itself or in docs/ (docs/architecture.md).
"""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "ecocheck_desktop"
OUTSIDE = re.compile(r"DESIGN\.md|STYLE\.md|\.\./shared|/work/shared|(?<![\w/])reference/")


def test_no_source_comment_points_outside_the_repository() -> None:
    offenders = [
        f"{path.relative_to(SRC.parent)}:{number}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if OUTSIDE.search(line)
    ]
    assert offenders == []


def test_the_pattern_finds_such_a_pointer() -> None:
    assert OUTSIDE.search("# the SHK year (DESIGN.md)")
    assert OUTSIDE.search('"""items of reference/report-contents.md"""')
    assert not OUTSIDE.search("# resources/factors/NOTICE.md and docs/methodology.md")
