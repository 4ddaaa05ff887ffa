"""The wording of the report's data-quality section (item 13), ``{key: (ja, en)}``.

Part of the report's ``TEXTS`` (:mod:`ecocheck_desktop.text.report`). The months it names come
from the completeness rule (``Completeness.months_without``), as the checks below them do.
"""

from __future__ import annotations

QUALITY: dict[str, tuple[str, str]] = {
    "quality.missing_months": ("データのない月", "Months without data"),
    "quality.all_energies": ("全エネルギー", "all energies"),
    "quality.not_used": (
        "0 と入力された月（その月は使用なし）はデータのある月です。",
        "Months entered as 0 (not used that month) count as months with data.",
    ),
    "quality.estimated": ("推計値を含む月", "Months with estimated values"),
    "quality.user_factors": ("利用者が入力した係数", "User-entered factors"),
    "quality.warnings": ("確認事項", "Points to check"),
    "quality.none": ("なし", "none"),
    "quality.notes": ("請求書の備考", "Notes on the bills"),
    "quality.incomplete": (
        "{fy}: 係数が不足しているため計算が不完全です。",
        "{fy}: incomplete, a factor is missing.",
    ),
}
