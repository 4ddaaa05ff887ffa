"""The demo company's customers, product families, sales and production (issue 21).

Fictitious and illustrative: three customers take about 80 % of the sales (the rest is many
small orders), two product families in tonnes (comparable, so the demo allocates by physical
output), and the welding line of the frames has its own electricity sub-meter.
"""

from __future__ import annotations

from decimal import Decimal

from ecocheck_desktop.core.model import Customer, CustomerSale, Product, ProductOutput

PARTS = "精密板金部品"
FRAMES = "溶接フレーム"
MONTHS = ["04", "05", "06", "07", "08", "09", "10", "11", "12", "01", "02", "03"]

CUSTOMERS = [
    Customer("常陸モーター株式会社（デモ）", "S-10482"),
    Customer("北関東電機株式会社（デモ）", "HK-2291"),
    Customer("水戸建機工業株式会社（デモ）", "V00731"),
]
PRODUCTS = [
    Product(PARTS, "t", "筐体・ブラケット等の板金部品"),
    Product(FRAMES, "t", "溶接組立フレーム（溶接ラインに子メーターあり）"),
]
# (customer, product, sales 円, delivered t) per fiscal year.
_SALES = {
    2024: [
        (0, PARTS, 228_000_000, 570), (0, FRAMES, 84_000_000, 140),
        (1, PARTS, 118_000_000, 295), (1, FRAMES, 74_000_000, 115),
        (2, PARTS, 42_000_000, 105), (2, FRAMES, 112_000_000, 190),
    ],
    2025: [
        (0, PARTS, 240_000_000, 600), (0, FRAMES, 86_000_000, 150),
        (1, PARTS, 124_000_000, 300), (1, FRAMES, 79_750_000, 120),
        (2, PARTS, 40_000_000, 100), (2, FRAMES, 82_250_000, 200),
    ],
}  # fmt: skip
# Monthly production in t, FY2025 (April..March): parts 1,320 t, frames 600 t (= 1,920 t).
_PARTS_FY2025 = [106, 104, 112, 114, 100, 112, 113, 110, 108, 107, 116, 118]
_FRAMES_FY2025 = [48, 46, 51, 52, 45, 51, 52, 50, 50, 49, 52, 54]
# Sub-meter of the welding line, kWh per month FY2025 (about a quarter of the plant's).
_WELDING_KWH_FY2025 = [7_400, 7_100, 7_700, 7_900, 6_900, 7_700, 7_800, 7_500, 7_500, 7_400,
                       7_800, 8_100]  # fmt: skip


def customer_sales() -> list[CustomerSale]:
    return [
        CustomerSale(
            CUSTOMERS[index].name, year, Decimal(yen), product=product, quantity=Decimal(t)
        )
        for year, rows in _SALES.items()
        for index, product, yen, t in rows
    ]


def product_outputs() -> list[ProductOutput]:
    outputs = [
        ProductOutput(PARTS, 2024, Decimal(1_270)),
        ProductOutput(FRAMES, 2024, Decimal(580), submeter_kwh=Decimal(92_150)),
    ]
    for i, month in enumerate(MONTHS):
        year = 2025 if i < 9 else 2026
        outputs.append(ProductOutput(PARTS, 2025, Decimal(_PARTS_FY2025[i]), f"{year}-{month}"))
        outputs.append(
            ProductOutput(
                FRAMES, 2025, Decimal(_FRAMES_FY2025[i]), f"{year}-{month}",
                submeter_kwh=Decimal(_WELDING_KWH_FY2025[i]),
            )
        )  # fmt: skip
    return outputs
