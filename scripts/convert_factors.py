#!/usr/bin/env python3
"""Convert the raw official factor files (data/official/) into the app's factor tables.

Writes resources/factors/: one TSV per edition and manifest.json (NOTICE.md is written by
hand). Run ``.venv/bin/python scripts/convert_factors.py [--out DIR]``; the output is
deterministic, so a test regenerates it into a temp folder and compares bytes.

``--package OUT.ecofactors --editions ID[,ID] [--official DIR]`` writes a factor package (see
core/factor_packages.py) instead, from the raw files in DIR (default data/official); with one
edition, ``--edition-id``, ``--emissions-years``, ``--published`` and ``--edition-title`` name a
new list, e.g. next winter's R7実績 denki.txt as ``electricity_r09`` for FY2026. Values are
copied as the exact strings printed in the sources (no float round trip).

The hand-curated tables (heat values and carbon factors of the fuel tables, refrigerant GWPs,
省エネ法 conversion factors, heat defaults) live in this file with their sources; the keys in
brackets are those of /work/shared/reference/factors.md.

Segmentation of denki.txt (pdftotext -layout of the retailer PDF)
------------------------------------------------------------------
Every printed data row is either a *row line* (menu name + 2 values) or a *label line*
(``A0269   name`` and optionally the retailer's 把握率/reason and one row's menu + values).
The label is vertically centred in a merged cell, so it sits in the middle of its retailer's
rows, and rows above it belong to it. A retailer that publishes menus prints メニューA …
(残差) and ends with ``(参考値)事業者全体``; a retailer without menus has exactly one row, printed
on its label line. So a block ends after a (参考値) row, and a label line that carries a row
without a menu name is a block of its own. Each block must then hold exactly one label, the
label must be at the centre (row index (n-1)//2 or n//2, or between rows n/2-1 and n/2 when it
has no row of its own), and menu letters must run A, B, C … — ``check_blocks`` verifies all of
this and the converter refuses to write when any block breaks it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from ecocheck_desktop.core.factor_files import COLUMNS

REPO = Path(__file__).resolve().parent.parent
OFFICIAL = REPO / "data" / "official"
DEFAULT_OUT = REPO / "resources" / "factors"

SHK_URL = "https://policies.env.go.jp/earth/ghg-santeikohyo/calc.html"
MOE_METI = "環境省・経済産業省"
OPEN_ENDED_LAST_YEAR = 2050  # "FY2023 onward" is listed year by year up to this year

PROCESSED_NOTICE = (
    "# 本ファイルは EcoCheck Desktop が {source} を加工して作成（形式の変換・再構成）。",
    "# 加工後の値について公表元（{publisher}）および Japan GX Group は責任を負わない。"
    "値は原典で確認すること。",
)

# --------------------------------------------------------------------------- denki.txt

_LABEL = re.compile(r"^([A-Z]\d{4})\s+(.*)$")
_MENU = r"(?:メニュー[A-Z]+(?:\(残差\))?|\(参考値\)事業者全体)"
_VALUE = r"\d\.\d{6}※?"
_ROW = re.compile(rf"^\s+({_MENU})\s+({_VALUE})\s+({_VALUE})\s*(.*)$")
_LABEL_REST = re.compile(
    rf"^(?P<name>.+?)(?:\s{{2,}}(?P<menu>{_MENU}))?"
    rf"(?:\s{{2,}}(?P<basic>{_VALUE})\s+(?P<adjusted>{_VALUE}))?"
    rf"(?:\s{{2,}}(?P<capture>\d+\.\d{{2}}|-))?(?:\s{{2,}}(?P<reason>\S.*))?$"
)
_PAGE = re.compile(r"^\s*(\d+) / \d+ ページ\s*$")
_GRID = re.compile(r"^\s+(\d{1,2}) (\S.*?)\s{2,}(\d\.\d{6})\s+(\d\.\d{6})(?:\s+(\d+\.\d{2}|-))?")
_SPECIAL = re.compile(r"^\s+(代替値|全国平均係数\(t-CO₂/kWh\))\s+(\d\.\d{6})\s*$")
_ANY_VALUE = re.compile(r"\d\.\d{6}")


@dataclass
class Row:
    line: int
    page: int
    menu: str
    basic: str
    adjusted: str


@dataclass
class Label:
    line: int
    page: int
    reg_no: str
    name: str
    capture: str
    row: Row | None


@dataclass
class Block:
    rows: list[Row] = field(default_factory=list)
    labels: list[tuple[Label, int]] = field(default_factory=list)  # (label, rows before it)


def _row_kind(menu: str) -> str:
    if menu == "":
        return "whole"
    if menu.startswith("(参考値)"):
        return "reference"
    return "residual" if menu.endswith("(残差)") else "menu"


def _split_value(text: str) -> tuple[str, bool]:
    return (text[:-1], True) if text.endswith("※") else (text, False)


def parse_denki(text: str) -> tuple[list[dict[str, str]], list[str]]:
    """All rows of the retailer list (retailers, grid operators, 代替値, 全国平均係数).

    Returns the rows and a list of problems (empty when the segmentation checks pass).
    """
    lines = text.splitlines()
    page = 0
    items: list[Row | Label] = []
    specials: list[dict[str, str]] = []
    problems: list[str] = []
    in_grid = False
    for number, line in enumerate(lines, start=1):
        if line.startswith("#"):
            continue
        if match := _PAGE.match(line):
            page = int(match.group(1))
            continue
        if "【一般送配電事業者】" in line and line.strip() == "【一般送配電事業者】":
            in_grid = True
            continue
        if in_grid and (match := _GRID.match(line)):
            specials.append(
                _grid_row(match, number, page),
            )
            continue
        if match := _SPECIAL.match(line):
            kind = "substitute" if match.group(1) == "代替値" else "national_average"
            specials.append(
                {
                    "reg_no": "",
                    "retailer": match.group(1),
                    "menu": "",
                    "row_kind": kind,
                    "basic": match.group(2),
                    "adjusted": "",
                    "substitute_applied": "0",
                    "capture_rate": "",
                    "page": str(page),
                    "line": str(number),
                }
            )
            continue
        if match := _LABEL.match(line):
            rest = _LABEL_REST.match(match.group(2))
            if rest is None:  # pragma: no cover - the regex accepts any non-empty rest
                problems.append(f"line {number}: unreadable label {line!r}")
                continue
            row = None
            if rest.group("basic"):
                row = Row(
                    number,
                    page,
                    rest.group("menu") or "",
                    rest.group("basic"),
                    rest.group("adjusted"),
                )
            elif rest.group("menu"):
                problems.append(f"line {number}: menu without values")
            items.append(
                Label(
                    number,
                    page,
                    match.group(1),
                    rest.group("name").strip(),
                    rest.group("capture") or "",
                    row,
                )
            )
            continue
        if match := _ROW.match(line):
            items.append(Row(number, page, match.group(1), match.group(2), match.group(3)))
            continue
        if _ANY_VALUE.search(line):
            problems.append(f"line {number}: unread value {line.strip()!r}")
    blocks = segment(items)
    problems.extend(check_blocks(blocks))
    rows: list[dict[str, str]] = []
    for block in blocks:
        if len(block.labels) != 1:
            continue
        label = block.labels[0][0]
        for row in block.rows:
            basic, basic_flag = _split_value(row.basic)
            adjusted, adjusted_flag = _split_value(row.adjusted)
            rows.append(
                {
                    "reg_no": label.reg_no,
                    "retailer": label.name,
                    "menu": row.menu,
                    "row_kind": _row_kind(row.menu),
                    "basic": basic,
                    "adjusted": adjusted,
                    "substitute_applied": "1" if basic_flag or adjusted_flag else "0",
                    "capture_rate": label.capture,
                    "page": str(row.page),
                    "line": str(row.line),
                }
            )
    return rows + specials, problems


def _grid_row(match: re.Match[str], number: int, page: int) -> dict[str, str]:
    return {
        "reg_no": match.group(1),
        "retailer": match.group(2).strip(),
        "menu": "",
        "row_kind": "grid",
        "basic": match.group(3),
        "adjusted": match.group(4),
        "substitute_applied": "0",
        "capture_rate": match.group(5) or "",
        "page": str(page),
        "line": str(number),
    }


def segment(items: list[Row | Label]) -> list[Block]:
    """Cut the sequence of rows and labels into retailer blocks (see the module docstring)."""
    blocks: list[Block] = []
    current = Block()

    def close() -> None:
        nonlocal current
        if current.rows or current.labels:
            blocks.append(current)
        current = Block()

    for item in items:
        if isinstance(item, Label):
            if item.row is not None and item.row.menu == "":
                close()
                current.labels.append((item, 0))
                current.rows.append(item.row)
                close()
                continue
            current.labels.append((item, len(current.rows)))
            if item.row is not None:
                current.rows.append(item.row)
                if item.row.menu.startswith("(参考値)"):
                    close()
            continue
        current.rows.append(item)
        if item.menu.startswith("(参考値)"):
            close()
    close()
    return blocks


def check_blocks(blocks: list[Block]) -> list[str]:
    problems: list[str] = []
    for block in blocks:
        first = block.rows[0].line if block.rows else block.labels[0][0].line
        if len(block.labels) != 1:
            names = [label.reg_no for label, _ in block.labels]
            problems.append(f"line {first}: block with labels {names}")
            continue
        label, before = block.labels[0]
        n = len(block.rows)
        if n == 0:
            problems.append(f"line {first}: {label.reg_no} has no rows")
            continue
        if label.row is not None:
            index = block.rows.index(label.row)
            centred = index in ((n - 1) // 2, n // 2)
        else:
            centred = n % 2 == 0 and before == n // 2
        if not centred:
            problems.append(f"line {label.line}: {label.reg_no} label not centred ({before}/{n})")
        # The PDF never splits a retailer over two pages; a split would mean a wrong cut.
        if len({row.page for row in block.rows} | {label.page}) != 1:
            problems.append(f"line {label.line}: {label.reg_no} spans pages")
        letters = [
            re.sub(r"\(残差\)$", "", row.menu)[len("メニュー") :]
            for row in block.rows
            if row.menu.startswith("メニュー")
        ]
        expected = [chr(ord("A") + i) for i in range(len(letters))]
        if letters != expected:
            problems.append(f"line {label.line}: {label.reg_no} menus {letters}")
        kinds = [_row_kind(row.menu) for row in block.rows]
        if kinds.count("residual") > 1 or kinds.count("reference") > 1:
            problems.append(f"line {label.line}: {label.reg_no} kinds {kinds}")
        if "reference" in kinds and kinds[-1] != "reference":
            problems.append(f"line {label.line}: {label.reg_no} (参考値) not last")
        if "whole" in kinds and n != 1:
            problems.append(f"line {label.line}: {label.reg_no} whole row among menus")
    return problems


# --------------------------------------------------------------------------- fuels

# 算定省令 別表第1 (new, FY2023 emissions onward): key -> (単位発熱量 GJ/unit, t-C/GJ) [LAW-NEW].
# Keys follow DESIGN.md energy codes where one exists, else OpenGreenTrack's fuels.tsv keys.
FUEL_NEW_CHAIN: dict[str, tuple[str, str]] = {
    "coal_coking_imported": ("28.7", "0.0246"),
    "coal_coking_for_coke": ("28.9", "0.0245"),
    "coal_coking_pci": ("28.3", "0.0251"),
    "coal_steam_imported": ("26.1", "0.0243"),
    "coal_steam_domestic": ("24.2", "0.0242"),
    "coal_anthracite_imported": ("27.8", "0.0259"),
    "coal_coke": ("29.0", "0.0299"),
    "petroleum_coke": ("34.1", "0.0245"),
    "coal_tar": ("37.3", "0.0209"),
    "petroleum_asphalt": ("40.0", "0.0204"),
    "condensate_ngl": ("34.8", "0.0183"),
    "crude_oil": ("38.3", "0.0190"),
    "gasoline": ("33.4", "0.0187"),
    "naphtha": ("33.3", "0.0186"),
    "jet_fuel": ("36.3", "0.0186"),
    "kerosene": ("36.5", "0.0187"),
    "diesel": ("38.0", "0.0188"),
    "heavy_oil_a": ("38.9", "0.0193"),
    "heavy_oil_bc": ("41.8", "0.0202"),
    "lubricating_oil": ("40.2", "0.0199"),
    "lpg": ("50.1", "0.0163"),
    "petroleum_hydrocarbon_gas": ("46.1", "0.0144"),
    "lng": ("54.7", "0.0139"),
    "natural_gas": ("38.4", "0.0139"),
    "coke_oven_gas": ("18.4", "0.0109"),
    "blast_furnace_gas": ("3.23", "0.0264"),
}
# fuels.tsv keys that differ from the DESIGN.md energy codes.
FUEL_KEY_RENAMES = {"diesel_oil": "diesel"}
FUEL_NAMES_EN = {
    "coal_coking_imported": "Imported coking coal",
    "coal_coking_for_coke": "Coking coal for coke",
    "coal_coking_pci": "Coal for pulverised coal injection",
    "coal_steam_imported": "Imported steam coal",
    "coal_steam_domestic": "Domestic steam coal",
    "coal_anthracite_imported": "Imported anthracite",
    "coal_coke": "Coal coke",
    "petroleum_coke": "Petroleum coke / FCC coke",
    "coal_tar": "Coal tar",
    "petroleum_asphalt": "Petroleum asphalt",
    "condensate_ngl": "Condensate (NGL)",
    "crude_oil": "Crude oil",
    "gasoline": "Gasoline",
    "naphtha": "Naphtha",
    "jet_fuel": "Jet fuel",
    "kerosene": "Kerosene",
    "diesel": "Diesel",
    "heavy_oil_a": "Heavy oil A",
    "heavy_oil_bc": "Heavy oil B/C",
    "lubricating_oil": "Lubricating oil",
    "lpg": "LPG",
    "petroleum_hydrocarbon_gas": "Petroleum hydrocarbon gas",
    "lng": "LNG",
    "natural_gas": "Natural gas (excluding LNG)",
    "city_gas": "City gas (default, 25 °C / 1 bar)",
    "coke_oven_gas": "Coke oven gas",
    "blast_furnace_gas": "Blast furnace gas",
    "blast_furnace_gas_power": "Blast furnace gas for power generation",
    "converter_gas": "Converter gas",
    "rdf": "RDF",
    "rpf": "RPF",
    "waste_tire": "Waste tyres",
    "waste_plastic_municipal": "Waste plastics (municipal waste)",
    "waste_plastic_industrial": "Waste plastics (industrial waste)",
    "hydrocarbon_oil_from_waste_oil": "Fuel hydrocarbon oil made from waste oil",
    "hydrocarbon_oil_from_waste_plastic": "Fuel hydrocarbon oil made from waste plastics",
}
SRC_LAW_NEW = "https://jplaws.app/d/418M60001400003-a.html"
SRC_OGT_FUEL = (
    "https://github.com/japan-gx-group/OpenGreenTrack/blob/"
    "2f30ea65ef3ddd8c2ec1566f5f2da82106c1849b/scripts/official-factors/data/fuels.tsv"
)
SRC_TG_8954 = "https://support.tokyo-gas.co.jp/faq/show/8954"
CITY_GAS_DEFAULT = {
    "key": "city_gas",
    "name_ja": "都市ガス（供給事業者の係数がない場合の既定値、算定省令別表第五）",
    "unit": "千m3",
    "gj_per_unit": "40.0",
    "tc_per_gj": "0.0140",
    "tco2_per_unit_rounded": "2.05",
    "source": f"別表第五 40.0 GJ/千m3 × 0.0140 t-C/GJ × 44/12 ({SRC_TG_8954})",
}

# Old table (FY2022 emissions and earlier), factors.md §1.2: key, name, unit, GJ, t-C, rounded.
SRC_OLD = (
    "単位発熱量: 省エネ法施行規則 別表第1 (旧) https://happylibus.com/doc/790061/ ; "
    "t-C/GJ: 算定省令 別表第1 (2006) https://www.sn-hoki.co.jp/data/pickup_hourei/onct/"
    "47f3604533d299de70e40ca1b5fae2c2.html"
)
SRC_PAJ = (
    "t-C/GJ: 石油連盟 2014 (算定・報告マニュアル Ver.3.5 別表2) https://expydoc.com/doc/7431196/"
)
FUEL_OLD: tuple[tuple[str, str, str, str, str, str, str], ...] = (
    ("crude_oil", "原油", "kL", "38.2", "0.0187", "2.62", SRC_OLD),
    ("gasoline", "揮発油（ガソリン）", "kL", "34.6", "0.0183", "2.32", SRC_OLD),
    ("kerosene", "灯油", "kL", "36.7", "0.0185", "2.49", SRC_OLD),
    ("diesel", "軽油", "kL", "37.7", "0.0187", "2.58", SRC_OLD),
    ("heavy_oil_a", "A重油", "kL", "39.1", "0.0189", "2.71", SRC_OLD),
    ("heavy_oil_bc", "B・C重油", "kL", "41.9", "0.0195", "3.00", SRC_OLD),
    ("lpg", "液化石油ガス（LPG）", "t", "50.8", "0.0161", "3.00", SRC_PAJ),
    ("lng", "液化天然ガス（LNG）", "t", "54.6", "0.0135", "2.70", SRC_OLD),
    ("natural_gas", "天然ガス（LNG除く）", "千Nm3", "43.5", "0.0139", "2.22", SRC_OLD),
    ("city_gas", "都市ガス", "千Nm3", "44.8", "0.0136", "2.23", SRC_PAJ),
    ("coal_steam_imported", "一般炭", "t", "25.7", "0.0247", "2.33", SRC_OLD),
    ("coal_coke", "石炭コークス", "t", "29.4", "0.0294", "3.17", SRC_OLD),
)
# The loader validates these columns; one definition serves writer and reader.
FUEL_COLUMNS = COLUMNS["fuel_table"]


def round_3sf(value: Decimal) -> Decimal:
    """The one-line factors of the 一覧 are the chain rounded half up to 3 significant digits."""
    from decimal import ROUND_HALF_UP

    exponent = value.adjusted() - 2
    return value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


def chain(gj: str, tc: str) -> Decimal:
    from decimal import Context

    return Context(prec=50).divide(Decimal(gj) * Decimal(tc) * 44, Decimal(12))


def read_official_tsv(path: Path) -> tuple[list[str], list[list[str]]]:
    comments: list[str] = []
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            comments.append(line)
        elif line:
            rows.append(line.split("\t"))
    return comments, rows


def fuel_new_rows(problems: list[str]) -> tuple[list[str], list[dict[str, str]]]:
    comments, raw = read_official_tsv(OFFICIAL / "fuels.tsv")
    rows: list[dict[str, str]] = []
    for key, name, _energy_type, unit, value in raw:
        key = FUEL_KEY_RENAMES.get(key, key)
        gj, tc = FUEL_NEW_CHAIN.get(key, ("", ""))
        if gj:
            source = f"{SRC_LAW_NEW} (GJ, t-C/GJ); {SRC_OGT_FUEL} (t-CO2/unit)"
            if round_3sf(chain(gj, tc)) != Decimal(value):
                problems.append(f"fuel {key}: chain {chain(gj, tc)} does not round to {value}")
        else:
            source = f"{SRC_OGT_FUEL} (t-CO2/unit only; heat value and t-C/GJ not retrieved)"
        rows.append(
            {
                "key": key,
                "name_ja": name,
                "name_en": FUEL_NAMES_EN[key],
                "unit": unit.removeprefix("tCO2/"),
                "gj_per_unit": gj,
                "tc_per_gj": tc,
                "tco2_per_unit_rounded": value,
                "source": source,
            }
        )
    rows.append({**CITY_GAS_DEFAULT, "name_en": FUEL_NAMES_EN["city_gas"]})
    for row in rows:
        if row["gj_per_unit"] and round_3sf(chain(row["gj_per_unit"], row["tc_per_gj"])) != Decimal(
            row["tco2_per_unit_rounded"]
        ):  # the city gas default row
            problems.append(f"fuel {row['key']}: chain does not round")
    missing = set(FUEL_NEW_CHAIN) - {row["key"] for row in rows}
    if missing:
        problems.append(f"fuel keys not in fuels.tsv: {sorted(missing)}")
    return comments, sorted(rows, key=lambda r: r["key"])


def fuel_old_rows(problems: list[str]) -> list[dict[str, str]]:
    rows = []
    for key, name, unit, gj, tc, rounded, source in FUEL_OLD:
        if round_3sf(chain(gj, tc)) != Decimal(rounded):
            problems.append(f"old fuel {key}: chain {chain(gj, tc)} does not round to {rounded}")
        rows.append(
            {
                "key": key,
                "name_ja": name,
                "name_en": FUEL_NAMES_EN[key].replace(" (default, 25 °C / 1 bar)", ""),
                "unit": unit,
                "gj_per_unit": gj,
                "tc_per_gj": tc,
                "tco2_per_unit_rounded": rounded,
                "source": source,
            }
        )
    return sorted(rows, key=lambda r: r["key"])


# --------------------------------------------------------------------------- small tables

SRC_NANBA = "https://nanba1.jp/prevention-of-global-warming/furon/hokoku"
SRC_GWP_2015 = "https://expydoc.com/doc/7545414/"
SRC_EMAPEO = "http://emapeo.net/techdata/basic-data/data02.html"
SRC_GWP_LIST = (
    "https://docsplayer.net/amp/167750916-Microsoft-word-意見募集対象資料-gwp告示等の改正.html"
)
# Single substances: IPCC AR4 100-year GWPs as in 地球温暖化対策の推進に関する法律施行令 (since
# 2015) and the フロン排出抑制法 list of 算定漏えい量 (「フロン類算定漏えい量の算定・報告に用いる
# 冷媒種類別 GWP 一覧」, whose table starts …: SRC_GWP_LIST).
# (key, kind, AR4 GWP). HFO-1234yf 4 / HFO-1234ze(E) 6 only enter blends: with them the blends
# printed in the list (R-448A 1387, R-449A 1397, R-463A 1494) come out exactly.
REFRIGERANT_SINGLES: tuple[tuple[str, str, str], ...] = (
    ("R-11", "CFC", "4750"),
    ("R-12", "CFC", "10900"),
    ("R-13", "CFC", "14400"),
    ("R-113", "CFC", "6130"),
    ("R-114", "CFC", "10000"),
    ("R-115", "CFC", "7370"),
    ("R-22", "HCFC", "1810"),
    ("R-123", "HCFC", "77"),
    ("R-124", "HCFC", "609"),
    ("R-141b", "HCFC", "725"),
    ("R-142b", "HCFC", "2310"),
    ("R-225ca", "HCFC", "122"),
    ("R-225cb", "HCFC", "595"),
    ("R-23", "HFC", "14800"),
    ("R-32", "HFC", "675"),
    ("R-41", "HFC", "92"),
    ("R-125", "HFC", "3500"),
    ("R-134", "HFC", "1100"),
    ("R-134a", "HFC", "1430"),
    ("R-143", "HFC", "353"),
    ("R-143a", "HFC", "4470"),
    ("R-152", "HFC", "53"),
    ("R-152a", "HFC", "124"),
    ("R-161", "HFC", "12"),
    ("R-227ea", "HFC", "3220"),
    ("R-236cb", "HFC", "1340"),
    ("R-236ea", "HFC", "1370"),
    ("R-236fa", "HFC", "9810"),
    ("R-245ca", "HFC", "693"),
    ("R-245fa", "HFC", "1030"),
    ("R-365mfc", "HFC", "794"),
    ("R-43-10mee", "HFC", "1640"),
)
# Components that are not フロン類 (no entry of their own): HFOs, CF3I, hydrocarbons, CO2.
BLEND_ONLY_GWP = {
    "R-1234yf": "4",
    "R-1234ze(E)": "6",
    "R-13I1": "0",
    "R-116": "12200",  # PFC-116 (AR4), in R-508A/B
    "R-218": "8830",  # PFC-218 (AR4), in R-413A
    "R-290": "0",
    "R-600": "0",
    "R-600a": "0",
    "R-601": "0",
    "R-601a": "0",
    "R-744": "1",
}
# Blends (ASHRAE 34 composition, mass %). kind: the gas class that decides Scope 1.
REFRIGERANT_BLENDS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("R-401A", "HCFC", (("R-22", "53"), ("R-152a", "13"), ("R-124", "34"))),
    ("R-401B", "HCFC", (("R-22", "61"), ("R-152a", "11"), ("R-124", "28"))),
    ("R-402A", "HCFC", (("R-125", "60"), ("R-290", "2"), ("R-22", "38"))),
    ("R-402B", "HCFC", (("R-125", "38"), ("R-290", "2"), ("R-22", "60"))),
    ("R-404A", "HFC", (("R-125", "44"), ("R-143a", "52"), ("R-134a", "4"))),
    ("R-407A", "HFC", (("R-32", "20"), ("R-125", "40"), ("R-134a", "40"))),
    ("R-407B", "HFC", (("R-32", "10"), ("R-125", "70"), ("R-134a", "20"))),
    ("R-407C", "HFC", (("R-32", "23"), ("R-125", "25"), ("R-134a", "52"))),
    ("R-407D", "HFC", (("R-32", "15"), ("R-125", "15"), ("R-134a", "70"))),
    ("R-407E", "HFC", (("R-32", "25"), ("R-125", "15"), ("R-134a", "60"))),
    ("R-407F", "HFC", (("R-32", "30"), ("R-125", "30"), ("R-134a", "40"))),
    ("R-407G", "HFC", (("R-32", "2.5"), ("R-125", "2.5"), ("R-134a", "95"))),
    ("R-407H", "HFC", (("R-32", "32.5"), ("R-125", "15"), ("R-134a", "52.5"))),
    ("R-408A", "HCFC", (("R-125", "7"), ("R-143a", "46"), ("R-22", "47"))),
    ("R-409A", "HCFC", (("R-22", "60"), ("R-124", "25"), ("R-142b", "15"))),
    ("R-410A", "HFC", (("R-32", "50"), ("R-125", "50"))),
    ("R-410B", "HFC", (("R-32", "45"), ("R-125", "55"))),
    ("R-413A", "HFC", (("R-218", "9"), ("R-134a", "88"), ("R-600a", "3"))),
    ("R-417A", "HFC", (("R-125", "46.6"), ("R-134a", "50"), ("R-600", "3.4"))),
    ("R-422A", "HFC", (("R-125", "85.1"), ("R-134a", "11.5"), ("R-600a", "3.4"))),
    ("R-422D", "HFC", (("R-125", "65.1"), ("R-134a", "31.5"), ("R-600a", "3.4"))),
    (
        "R-427A",
        "HFC",
        (("R-32", "15"), ("R-125", "25"), ("R-143a", "10"), ("R-134a", "50")),
    ),
    (
        "R-434A",
        "HFC",
        (("R-125", "63.2"), ("R-143a", "18"), ("R-134a", "16"), ("R-600a", "2.8")),
    ),
    (
        "R-437A",
        "HFC",
        (("R-125", "19.5"), ("R-134a", "78.5"), ("R-600", "1.4"), ("R-601", "0.6")),
    ),
    (
        "R-438A",
        "HFC",
        (
            ("R-32", "8.5"),
            ("R-125", "45"),
            ("R-134a", "44.2"),
            ("R-600", "1.7"),
            ("R-601a", "0.6"),
        ),
    ),
    (
        "R-442A",
        "HFC",
        (
            ("R-32", "31"),
            ("R-125", "31"),
            ("R-134a", "30"),
            ("R-152a", "3"),
            ("R-227ea", "5"),
        ),
    ),
    (
        "R-448A",
        "HFC",
        (
            ("R-32", "26"),
            ("R-125", "26"),
            ("R-1234yf", "20"),
            ("R-134a", "21"),
            ("R-1234ze(E)", "7"),
        ),
    ),
    (
        "R-449A",
        "HFC",
        (("R-32", "24.3"), ("R-125", "24.7"), ("R-1234yf", "25.3"), ("R-134a", "25.7")),
    ),
    (
        "R-449B",
        "HFC",
        (("R-32", "25.2"), ("R-125", "24.3"), ("R-1234yf", "23.2"), ("R-134a", "27.3")),
    ),
    ("R-452A", "HFC", (("R-32", "11"), ("R-125", "59"), ("R-1234yf", "30"))),
    ("R-452B", "HFC", (("R-32", "67"), ("R-125", "7"), ("R-1234yf", "26"))),
    ("R-454A", "HFC", (("R-32", "35"), ("R-1234yf", "65"))),
    ("R-454B", "HFC", (("R-32", "68.9"), ("R-1234yf", "31.1"))),
    ("R-454C", "HFC", (("R-32", "21.5"), ("R-1234yf", "78.5"))),
    ("R-455A", "HFC", (("R-744", "3"), ("R-32", "21.5"), ("R-1234yf", "75.5"))),
    (
        "R-463A",
        "HFC",
        (
            ("R-744", "6"),
            ("R-32", "36"),
            ("R-125", "30"),
            ("R-1234yf", "14"),
            ("R-134a", "14"),
        ),
    ),
    ("R-466A", "HFC", (("R-32", "49"), ("R-125", "11.5"), ("R-13I1", "39.5"))),
    ("R-500", "CFC", (("R-12", "73.8"), ("R-152a", "26.2"))),
    ("R-502", "CFC", (("R-22", "48.8"), ("R-115", "51.2"))),
    ("R-507A", "HFC", (("R-125", "50"), ("R-143a", "50"))),
    ("R-508A", "HFC", (("R-23", "39"), ("R-116", "61"))),
    ("R-508B", "HFC", (("R-23", "46"), ("R-116", "54"))),
    ("R-513A", "HFC", (("R-1234yf", "56"), ("R-134a", "44"))),
    ("R-513B", "HFC", (("R-1234yf", "58.5"), ("R-134a", "41.5"))),
    ("R-515B", "HFC", (("R-1234ze(E)", "91.1"), ("R-227ea", "8.9"))),
)
# Values seen printed in a copy of the フロン法 list or a 充塡回収業者 guide (the list rounds the
# older blends to three significant figures): these are used as printed, and the converter
# checks that the composition reproduces each of them.
REFRIGERANT_PRINTED = {
    "R-22": ("1810", SRC_NANBA),
    "R-32": ("675", SRC_NANBA),
    "R-404A": ("3920", SRC_NANBA),
    "R-410A": ("2090", SRC_NANBA),
    "R-407C": ("1770", SRC_EMAPEO),
    "R-507A": ("3990", SRC_EMAPEO),
    "R-448A": ("1387", SRC_NANBA),
    "R-449A": ("1397", SRC_NANBA),
    "R-463A": ("1494", SRC_NANBA),
    "R-407H": ("1495", SRC_NANBA),
    "R-125": ("3500", SRC_EMAPEO),
    "R-134a": ("1430", SRC_EMAPEO),
    "R-143a": ("4470", SRC_EMAPEO),
    "R-152a": ("124", SRC_EMAPEO),
}
REFRIGERANT_ALIASES = {"R-507A": "R-507"}


def _blend_gwp(components: tuple[tuple[str, str], ...]) -> Decimal:
    singles = {key: Decimal(gwp) for key, _, gwp in REFRIGERANT_SINGLES}
    singles.update({key: Decimal(gwp) for key, gwp in BLEND_ONLY_GWP.items()})
    total = sum((Decimal(share) for _, share in components), Decimal(0))
    if total != 100:
        raise ValueError(f"composition {components} sums to {total}")
    return sum((singles[key] * Decimal(share) for key, share in components), Decimal(0)) / 100


def _round_3sf(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1)) if value < 1000 else round_3sf(value)


def refrigerant_rows(problems: list[str]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    items: list[tuple[str, str, str, Decimal, str]] = []
    for key, kind, gwp in REFRIGERANT_SINGLES:
        items.append(
            (
                key,
                kind,
                key.replace("R-", {"CFC": "CFC-", "HCFC": "HCFC-"}.get(kind, "HFC-")),
                Decimal(gwp),
                "AR4 (施行令; フロン法 GWP 一覧)",
            )
        )
    for key, kind, components in REFRIGERANT_BLENDS:
        computed = _blend_gwp(components)
        mix = "/".join(c.replace("R-", "") for c, _ in components)
        shares = "/".join(share for _, share in components)
        items.append((key, kind, f"{key} ({mix} {shares})", computed, "blend"))
    for key, kind, name, value, basis in sorted(items):
        printed = REFRIGERANT_PRINTED.get(key)
        if basis == "blend":
            whole = value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
            if printed is not None:
                if Decimal(printed[0]) not in (whole, _round_3sf(value)):
                    problems.append(
                        f"refrigerant {key}: composition gives {value}, list {printed[0]}"
                    )
                gwp = printed[0]
                source = (
                    f"フロン法 list value {printed[1]}; = AR4 components × composition"
                    f" {value.normalize()}"
                )
            else:
                gwp = str(whole)
                source = (
                    f"computed: AR4 component GWPs × ASHRAE 34 composition = {value.normalize()}"
                    f" (not checked against the printed list, UNCONFIRMED) {SRC_GWP_LIST}"
                )
        else:
            gwp = str(value)
            if printed is not None and printed[0] != gwp:
                problems.append(f"refrigerant {key}: AR4 {gwp} != printed {printed[0]}")
            source = (
                "IPCC AR4 GWP-100 (WG1 Table 2.14), the basis of the 温対法施行令 since 2015 and"
                f" of the フロン法 GWP 一覧 {SRC_GWP_LIST}"
            )
            if printed is not None:
                source += f"; {printed[1]}"
        shk = gwp if kind == "HFC" else ""
        if kind != "HFC":
            source += f"; {kind}: フロン法 only, not SHK Scope 1"
        elif basis == "blend":
            source += "; SHK value taken equal to the フロン法 value"
        rows.append(
            {
                "key": key,
                "name": name,
                "kind": kind,
                "gwp_shk": shk,
                "gwp_furon": gwp,
                "aliases": REFRIGERANT_ALIASES.get(key, ""),
                "source": source,
            }
        )
    return rows


SRC_TG_8957 = "https://support.tokyo-gas.co.jp/faq/show/8957"
SRC_SHOENE_FAQ = "https://tayori.com/q/sehd2024/detail/616837"
SRC_ITM = "https://www.itmedia.co.jp/smartjapan/articles/2206/16/news038_2.html"
# 改正省エネ法 in force from 2023-04-01: energy used from FY2023 (April 2023) on is converted
# with the 全電源平均 8.64, reported from FY2024; up to FY2022 the 火力平均 9.76.
SRC_SHOENE_2023 = "https://built.itmedia.co.jp/bt/articles/2309/25/news034_2.html"
SRC_SHOENE_GAS = "https://tayori.com/q/sehd2024/detail/631539"
SRC_JNET = "https://j-net21.smrj.go.jp/development/energyeff/Q1278.html"
ENERGY_CONVERSION: tuple[tuple[str, str, str, str, str, str], ...] = (
    (
        "city_gas_gj_per_km3",
        "45",
        "GJ/千m3",
        "",
        "",
        f"supplier value, 東京ガス 13A {SRC_SHOENE_GAS}",
    ),
    ("crude_oil_kl_per_gj", "0.0258", "kL/GJ", "", "", f"{SRC_TG_8957} {SRC_SHOENE_GAS}"),
    (
        "electricity_gj_per_thousand_kwh",
        "9.76",
        "GJ/千kWh",
        "",
        "2022",
        f"火力平均 (改正前の省エネ法) {SRC_ITM} {SRC_SHOENE_2023}",
    ),
    (
        "electricity_gj_per_thousand_kwh",
        "8.64",
        "GJ/千kWh",
        "2023",
        "",
        f"全電源平均 (改正省エネ法 2023-04-01 施行) {SRC_SHOENE_FAQ} {SRC_ITM} {SRC_SHOENE_2023}",
    ),
    ("lpg_butane_m3_per_t", "355", "m3/t", "", "", SRC_JNET),
    ("lpg_propane_m3_per_t", "502", "m3/t", "", "", SRC_JNET),
)

SRC_OGT_GEN = (
    "https://github.com/japan-gx-group/OpenGreenTrack/blob/"
    "2f30ea65ef3ddd8c2ec1566f5f2da82106c1849b/scripts/official-factors/generate.ts"
)
HEAT_DEFAULT_NEW = (
    (
        "heat_default",
        "熱 代替値（省令の排出係数）",
        "0.0532",
        "t-CO2/GJ",
        f"{SRC_OGT_GEN} (UNCONFIRMED against the 省令 text)",
    ),
)
HEAT_DEFAULT_OLD = (
    (
        "heat_default",
        "産業用以外の蒸気・温水・冷水",
        "0.057",
        "t-CO2/GJ",
        "UNCONFIRMED (factors.md §3, not found in retrieved sources)",
    ),
    (
        "heat_industrial_steam",
        "産業用蒸気",
        "0.060",
        "t-CO2/GJ",
        "UNCONFIRMED (factors.md §3, not found in retrieved sources)",
    ),
)

SCOPE3_CATEGORY = {
    "waste": "5",
    "business_travel": "6",
    "business_travel_commuting": "7",
    # The tonne-km factors serve upstream (4) and downstream (9) transport alike.
    "freight_transport": "4/9",
}


def scope3_rows() -> tuple[list[str], list[dict[str, str]]]:
    comments: list[str] = []
    rows: list[dict[str, str]] = []
    section = ""
    for line in (OFFICIAL / "scope3.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("# ---"):
            section = line.strip("# -")
        elif line.startswith("#"):
            comments.append(line)
        elif line:
            key, name, energy_type, unit, value = line.split("\t")
            rows.append(
                {
                    "key": key,
                    "category": SCOPE3_CATEGORY[energy_type],
                    "name": name,
                    "unit": unit,
                    "value": value,
                    "source": f"環境省 排出原単位データベース Ver.3.6 ({section})",
                }
            )
    return comments, rows


def supplier_rows(name: str) -> tuple[list[str], list[dict[str, str]]]:
    comments, raw = read_official_tsv(OFFICIAL / name)
    columns = ("reg_no", "supplier", "menu", "basic", "adjusted")
    return comments, [dict(zip(columns, cells, strict=True)) for cells in raw]


# --------------------------------------------------------------------------- past years

# Past-year electricity rows that a publication confirms as final (reference/history/, tags
# [FINAL], [FINAL as first published], [CORRECTED]); every other row stays out. The X年度実績
# list serves the activity of FY X+1 (env.go.jp press 101275: 「特定排出者が平成26年度の温室効果
# ガス排出量を算定する際に用いる、平成25年度の電気事業者の実績に基づく」). In the lists before
# R5実績 the 基礎 (実排出) factor is printed once per retailer and menus carry only 調整後: the
# retailer's 基礎 is repeated on each of its menu rows (as in the lists' own notes).
KANKYO_H25 = "https://www.kankyo-business.jp/news/009330.php"
ENV_H25 = "https://www.env.go.jp/press/101275.html"
KYUDEN_H29 = "http://www.kyuden.co.jp/environment_notice_smt.html"
KYUDEN_H30 = "http://www.kyuden.co.jp/environment_notice02.html"
YONDEN_R3 = "http://www.yonden.co.jp/energy/environment/topics/2023_06_01.html"
YONDEN_R5 = "https://www.yonden.co.jp/energy/environment/topics/2025_04_07.html"
RIKUDEN_H27 = "http://www.rikuden.co.jp/onshitsukoka/index.html"
H25_NOTE = "[FINAL as first published] secondary copy of the H25 list (実排出係数 = basic)"


def _h25(name: str, basic: str, adjusted: str, reg_no: str = "") -> tuple[str, ...]:
    return (reg_no, name, "", "whole", basic, adjusted, KANKYO_H25, "secondary", H25_NOTE)


# reg_no on past-year rows: the retailer's registration number (小売電気事業者, since 2016) as
# printed in the R6実績 list, given only where the retailer of then is the same company as now
# (not 東京電力(株) -> 東京電力エナジーパートナー or 中部電力(株) -> 中部電力ミライズ: different
# companies; their rows are found by name). The older lists printed no numbers.


# (edition id suffix, activity FY, list label, published, edition source URL, rows)
HISTORY: tuple[tuple[str, int, str, str, str, tuple[tuple[str, ...], ...]], ...] = (
    (
        "h25",
        2014,
        "平成25年度実績",
        "2014-12-05",
        ENV_H25,
        (
            _h25("(株)F-Power", "0.000491", "0.000401"),
            _h25("(株)エネット", "0.000423", "0.000443", "A0009"),
            _h25("イーレックス(株)", "0.000500", "0.000486", "A0002"),
            _h25("中国電力(株)", "0.000719", "0.000717", "A0273"),
            _h25("中部電力(株)", "0.000513", "0.000509"),
            _h25("九州電力(株)", "0.000613", "0.000617", "A0275"),
            _h25("北海道電力(株)", "0.000678", "0.000681", "A0267"),
            _h25("北陸電力(株)", "0.000630", "0.000628", "A0271"),
            _h25("四国電力(株)", "0.000699", "0.000706", "A0274"),
            (
                "",
                "東京電力(株)",
                "",
                "whole",
                "0.000531",
                "0.000522",
                ENV_H25,
                "official",
                "[CORRECTED] 告示改正 2015-08-27: 誤 0.000530/0.000521 → 正 0.000531/0.000522",
            ),
            _h25("東北電力(株)", "0.000591", "0.000589", "A0268"),
            _h25("沖縄電力(株)", "0.000858", "0.000763", "A0276"),
            _h25("関西電力(株)", "0.000522", "0.000516", "A0272"),
        ),
    ),
    (
        "h27",
        2016,
        "平成27年度実績",
        "2016-12-27",
        RIKUDEN_H27,
        (
            (
                "A0271",
                "北陸電力(株)",
                "",
                "whole",
                "0.000627",
                "0.000615",
                RIKUDEN_H27,
                "utility",
                "[FINAL] 「平成28年度の…算定では…平成27年度の実排出係数0.627…調整後排出係数0.615」",
            ),
        ),
    ),
    (
        "h29",
        2018,
        "平成29年度実績",
        "2018-12-27",
        KYUDEN_H29,
        (
            (
                "A0275",
                "九州電力(株)",
                "",
                "whole",
                "0.000438",
                "0.000463",
                KYUDEN_H29,
                "utility",
                "[FINAL] 小売電気事業者; explicit mapping to 2018年度 activity",
            ),
            (
                "A0275",
                "九州電力(株)",
                "離島供給(一般送配電事業者)",
                "menu",
                "0.000496",
                "0.000496",
                KYUDEN_H29,
                "utility",
                "[FINAL] only for customers on 離島供給約款",
            ),
        ),
    ),
    (
        "h30",
        2019,
        "2018年度実績",
        "2020-01-07",
        KYUDEN_H30,
        (
            (
                "A0275",
                "九州電力(株)",
                "メニューA",
                "menu",
                "0.000319",
                "0.000000",
                KYUDEN_H30,
                "utility",
                "[FINAL] 再エネECOプラン; basic = the retailer's 基礎 0.319 kg (printed once)",
            ),
            (
                "A0275",
                "九州電力(株)",
                "メニューB",
                "residual",
                "0.000319",
                "0.000347",
                KYUDEN_H30,
                "utility",
                "[FINAL] その他のお客さま (the standard menu); basic = the retailer's 基礎",
            ),
            (
                "A0275",
                "九州電力(株)",
                "離島供給(一般送配電事業者)",
                "menu",
                "0.000462",
                "0.000462",
                KYUDEN_H30,
                "utility",
                "[FINAL] 一般送配電事業者 (離島): 「全国平均係数を適用」",
            ),
        ),
    ),
    (
        "r3",
        2022,
        "令和3年度実績",
        "2023-06-01",
        YONDEN_R3,
        tuple(
            (
                "A0274",
                "四国電力(株)",
                menu,
                kind,
                "0.000484",
                adjusted,
                YONDEN_R3,
                "utility",
                note,
            )
            for menu, kind, adjusted, note in (
                (
                    "メニューA",
                    "menu",
                    "0.000000",
                    "[FINAL] basic = the retailer's 基礎 (corrected)",
                ),
                (
                    "メニューB",
                    "menu",
                    "0.000000",
                    "[FINAL] basic = the retailer's 基礎 (corrected)",
                ),
                (
                    "メニューC(残差)",
                    "residual",
                    "0.000532",
                    "[CORRECTED] 2023-06-01: 基礎 0.484 (was 0.485), C(残差) 0.532 (was 0.533)",
                ),
            )
        ),
    ),
    (
        "r5",
        2024,
        "令和5年度実績",
        "2025-03-18",
        YONDEN_R5,
        tuple(
            ("A0274", "四国電力(株)", menu, kind, value, value, YONDEN_R5, "utility", note)
            for menu, kind, value, note in (
                ("メニューA", "menu", "0.000000", "[FINAL] 基礎・調整後 printed as one figure"),
                ("メニューB", "menu", "0.000000", "[FINAL] 基礎・調整後 printed as one figure"),
                (
                    "メニューC(残差)",
                    "residual",
                    "0.000464",
                    "[FINAL] 基礎・調整後 printed as one figure",
                ),
            )
        ),
    ),
)
HISTORY_COLUMNS = COLUMNS["electricity_sourced"]


def history_editions() -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    for suffix, activity_fy, label, published, url, rows in HISTORY:
        count = len({row[1] for row in rows})
        items.append(
            {
                "id": f"electricity_{suffix}_sourced",
                "kind": "electricity",
                "layout": "electricity_sourced",
                "file": f"electricity_{suffix}_sourced.tsv",
                "title": f"電気事業者別排出係数 －{label}－"
                f"（出典を確認できた {count} 事業者の行のみ）",
                "publisher": MOE_METI,
                "published": published,
                "source_url": url,
                "emissions_years": [activity_fy],
                "partial": True,
                "list_label": label,
                "notes": f"Only the rows of {count} retailer(s) whose final value was found in a"
                f" cited publication (URL per row); for FY{activity_fy} activity (the {label}"
                " list serves the next fiscal year). Any other retailer: enter its published"
                " factor. No 代替値 / 全国平均係数 bundled for this year (none sourced).",
                "confidence": "medium",
            }
        )
    return items


def history_files() -> dict[str, str]:
    files = {}
    for suffix, activity_fy, label, _, _, rows in HISTORY:
        files[f"electricity_{suffix}_sourced.tsv"] = tsv(
            [
                f"# 電気事業者別排出係数 －{label}－ のうち、公表資料で確定値を確認できた行のみ"
                f"（FY{activity_fy} の排出量用）",
                "# 出典は行ごとの source_url。source_kind: official（環境省）/"
                " utility（電気事業者の公表）/ secondary（一覧の転載）。",
                *notice("行ごとの出典"),
            ],
            HISTORY_COLUMNS,
            [dict(zip(HISTORY_COLUMNS, row, strict=True)) for row in rows],
        )
    return files


# --------------------------------------------------------------------------- editions

MOE_SHK_TERMS = (
    "Source data under 公共データ利用規約（第1.0版） (CC BY 4.0 compatible); "
    "processed by Japan GX Group (OpenGreenTrack) and EcoCheck Desktop."
)


def _years(first: int, last: int) -> list[int]:
    return list(range(first, last + 1))


def editions() -> list[dict[str, object]]:
    return [
        {
            "id": "fuel_new_r07",
            "kind": "fuel",
            "layout": "fuel_table",
            "file": "fuel_new.tsv",
            "title": "燃料の使用に関する排出係数（算定省令 別表第1、新）",
            "publisher": MOE_METI,
            "published": "2025-01-01",
            "source_url": SHK_URL,
            "emissions_years": _years(2023, OPEN_ENDED_LAST_YEAR),
            "notes": "New table from FY2023 emissions (open-ended, listed to "
            f"{OPEN_ENDED_LAST_YEAR}). t-CO2/unit from 「算定方法・排出係数一覧」p.23 "
            "(published 2025, no day: 01-01 is a placeholder); heat values and t-C/GJ from "
            "算定省令 別表第1; every chain rounds to the one-line factor. city_gas = 別表第五 "
            "default 2.05 (40.0 × 0.0140 × 44/12), used only when the gas supplier has no "
            "published factor. " + MOE_SHK_TERMS,
            "confidence": "confirmed",
        },
        {
            "id": "fuel_old",
            "kind": "fuel",
            "layout": "fuel_table",
            "file": "fuel_old.tsv",
            "title": "燃料の使用に関する排出係数（旧、FY2022 まで）",
            "publisher": MOE_METI,
            "published": "2010-04-01",
            "source_url": SHK_URL,
            "emissions_years": _years(2005, 2022),
            "notes": "Pieced together from the old 省エネ法 heat values and the 2006 / 2014 "
            "t-C/GJ values (factors.md §1.2); products agree with independent secondary "
            "copies. Publication date is a placeholder (the 2010 heat-value revision). "
            "Gas volumes in 千Nm3 (0 °C, 1 atm).",
            "confidence": "medium",
        },
        {
            "id": "electricity_r08",
            "kind": "electricity",
            "layout": "electricity_list",
            "file": "electricity_r08.tsv",
            "title": "電気事業者別排出係数 －R6年度実績－（令和8年提出用）"
            " R8.1.9 公表、R8.2.25、R8.6.4 一部更新",
            "publisher": MOE_METI,
            "published": "2026-06-04",
            "source_url": SHK_URL,
            "emissions_years": [2025],
            "list_label": "令和6年度実績",
            "notes": "For FY2025 (令和7年度) emissions, reported in FY2026. Earlier years: only "
            "the sourced rows of electricity_*_sourced; otherwise the app asks for the factor. "
            "Parsed from the "
            "pdftotext copy in OpenGreenTrack (denki.txt). " + MOE_SHK_TERMS,
            "confidence": "confirmed",
        },
        {
            "id": "gas_r07",
            "kind": "gas",
            "layout": "supplier_list",
            "file": "gas_r07.tsv",
            "title": "ガス事業者別排出係数 －R7年度供給実績－ R8.6.30 公表",
            "publisher": MOE_METI,
            "published": "2026-06-30",
            "source_url": SHK_URL,
            "emissions_years": [2025],
            "notes": "t-CO2/千m3. Applied to FY2025 emissions because the list names R7年度"
            "供給実績; this reading is an INFERENCE (factors.md §1.3) and may be revised. "
            + MOE_SHK_TERMS,
            "confidence": "medium",
        },
        {
            "id": "heat_r06",
            "kind": "heat",
            "layout": "supplier_list",
            "file": "heat_r06.tsv",
            "title": "熱供給事業者別排出係数 －R6年度供給実績－ R8.6.30 公表",
            "publisher": MOE_METI,
            "published": "2026-06-30",
            "source_url": SHK_URL,
            "emissions_years": [2025],
            "notes": "t-CO2/GJ. Which emissions year this list serves is UNCLEAR (R6 supply "
            "results, published with the gas list of R7 results on 2026-06-30); applied to "
            "FY2025 emissions until confirmed. " + MOE_SHK_TERMS,
            "confidence": "unconfirmed",
        },
        {
            "id": "heat_default_new",
            "kind": "heat",
            "layout": "default_factor",
            "file": "heat_default_new.tsv",
            "title": "熱 代替値（供給事業者の係数がない場合）",
            "publisher": MOE_METI,
            "published": "2024-04-01",
            "source_url": SRC_OGT_GEN,
            "emissions_years": _years(2023, OPEN_ENDED_LAST_YEAR),
            "notes": "0.0532 t-CO2/GJ as used by OpenGreenTrack; not checked against the 省令 "
            "text. Publication date is a placeholder.",
            "confidence": "unconfirmed",
        },
        {
            "id": "heat_default_old",
            "kind": "heat",
            "layout": "default_factor",
            "file": "heat_default_old.tsv",
            "title": "熱 既定値（旧、FY2022 まで）",
            "publisher": MOE_METI,
            "published": "2006-04-01",
            "source_url": SHK_URL,
            "emissions_years": _years(2005, 2022),
            "notes": "0.057 (産業用以外) is the default; 0.060 産業用蒸気 is listed too. Both "
            "from memory in factors.md §3 (UNCONFIRMED). Publication date is a placeholder.",
            "confidence": "unconfirmed",
        },
        {
            "id": "refrigerant_gwp",
            "kind": "refrigerant",
            "layout": "refrigerant_gwp",
            "file": "refrigerants.tsv",
            "title": "冷媒の地球温暖化係数（算定・報告・公表制度 AR4 / フロン排出抑制法）",
            "publisher": MOE_METI,
            "published": "2015-04-01",
            "source_url": SRC_NANBA,
            "emissions_years": _years(2015, OPEN_ENDED_LAST_YEAR),
            "notes": "Every HFC, HCFC and CFC and the common blends of the フロン法 算定漏えい量 "
            "GWP list (AR4 single-substance values; blends = components × ASHRAE 34 mass "
            "composition, printed list values used where a copy was found, the others marked "
            "UNCONFIRMED per row). SHK GWPs are AR4 since 2015; whether the 2024 revision moved "
            "to AR5 is UNCONFIRMED. HCFC/CFC: フロン法 only, excluded from Scope 1. SHK values of "
            "HFC blends are taken equal to the フロン法 value (UNCONFIRMED). An unknown "
            "refrigerant is refused, never dropped.",
            "confidence": "medium",
        },
        {
            "id": "energy_conversion_shoene",
            "kind": "energy_conversion",
            "layout": "energy_conversion",
            "file": "energy_conversion.tsv",
            "title": "省エネ法 原油換算・電気の熱量換算 ほか",
            "publisher": "資源エネルギー庁",
            "published": "2023-04-01",
            "source_url": SRC_SHOENE_FAQ,
            "emissions_years": _years(2005, OPEN_ENDED_LAST_YEAR),
            "notes": "Electricity 8.64 GJ/千kWh from FY2023 use (reports filed from FY2024), "
            "9.76 up to FY2022. City gas 45 GJ/千m3 is the supplier value example (Tokyo Gas "
            "13A); LPG m3 -> t: propane 1/502, butane 1/355.",
            "confidence": "medium",
        },
        {
            "id": "scope3_db_v3_6",
            "kind": "scope3",
            "layout": "scope3",
            "file": "scope3.tsv",
            "title": "サプライチェーン排出原単位データベース Ver.3.6（抜粋）",
            "publisher": "環境省",
            "published": "2026-04-01",
            "source_url": "https://www.env.go.jp/earth/ondanka/supply_chain/gvc/estimate_05.html",
            "emissions_years": _years(2005, OPEN_ENDED_LAST_YEAR),
            "notes": "Hand-picked subset transcribed by Japan GX Group (April 2026; the day "
            "is a placeholder). Category 4/9 = tonne-km factors for either transport "
            "category. " + MOE_SHK_TERMS,
            "confidence": "medium",
        },
    ]


# --------------------------------------------------------------------------- writing

# The loader validates these columns; one definition serves writer and reader.
ELECTRICITY_COLUMNS = COLUMNS["electricity_list"]


def tsv(header: list[str], columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    lines = [*header, "\t".join(columns)]
    for row in rows:
        cells = [row[column] for column in columns]
        if any("\t" in cell or "\n" in cell for cell in cells):
            raise ValueError(f"tab or newline in {cells}")
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def notice(source: str, publisher: str = MOE_METI) -> list[str]:
    return [line.format(source=source, publisher=publisher) for line in PROCESSED_NOTICE]


def manifest_text(items: list[dict[str, object]]) -> str:
    text = json.dumps({"format_version": 1, "editions": items}, ensure_ascii=False, indent=2)
    # One line per list of years keeps the manifest readable.
    return (
        re.sub(
            r"\[\s+(\d+(?:,\s+\d+)*)\s+\]",
            lambda m: "[" + ", ".join(re.split(r",\s+", m.group(1))) + "]",
            text,
        )
        + "\n"
    )


def build() -> tuple[dict[str, str], list[str]]:
    """Every generated file (name -> text) and the problems found on the way."""
    problems: list[str] = []
    files: dict[str, str] = {}

    denki_text = (OFFICIAL / "denki.txt").read_text(encoding="utf-8")
    denki_rows, denki_problems = parse_denki(denki_text)
    problems.extend(denki_problems)
    denki_header = [line for line in denki_text.splitlines()[:7] if line.startswith("#")]
    files["electricity_r08.tsv"] = tsv(
        [
            *denki_header,
            "# 原典表題: 電気事業者別排出係数(特定排出者の温室効果ガス排出量算定用)"
            " －R6年度実績－ R８.１.９ 環境省・経済産業省公表、R8.2.25、R8.6.4一部更新",
            *notice("OpenGreenTrack denki.txt（上記公表PDFの抽出テキスト）"),
            "# 単位 t-CO2/kWh。substitute_applied=1 は原典の ※（代替値を適用）。capture_rate の"
            " - は把握率の算出が困難。",
            "# 把握できなかった理由（自由記述）は収録していない。行順は原典の順。",
        ],
        ELECTRICITY_COLUMNS,
        denki_rows,
    )

    for name, out, source in (
        ("gas.tsv", "gas_r07.tsv", "OpenGreenTrack gas.tsv（ガス事業者別排出係数）"),
        ("heat.tsv", "heat_r06.tsv", "OpenGreenTrack heat.tsv（熱供給事業者別排出係数）"),
    ):
        comments, rows = supplier_rows(name)
        files[out] = tsv(
            [*comments, *notice(source)],
            ("reg_no", "supplier", "menu", "basic", "adjusted"),
            rows,
        )

    fuel_comments, fuel_rows = fuel_new_rows(problems)
    files["fuel_new.tsv"] = tsv(
        [
            *fuel_comments[:5],
            "# 単位発熱量・炭素排出係数: 算定省令 別表第1 " + SRC_LAW_NEW,
            "# city_gas: 算定省令 別表第五の既定値（ガス事業者の係数がない場合のみ）",
            "# gj_per_unit / tc_per_gj が空の行は一行係数のみ"
            "（単位発熱量・炭素排出係数は未取得）。",
            *notice("OpenGreenTrack fuels.tsv と算定省令 別表第1"),
        ],
        FUEL_COLUMNS,
        fuel_rows,
    )
    files["fuel_old.tsv"] = tsv(
        [
            "# 燃料の使用に関する排出係数（旧、FY2022 以前の排出量用）",
            "# 単位発熱量: 省エネ法施行規則 別表第1（旧）; 炭素排出係数: 算定省令 別表第1 (2006)・"
            "算定報告マニュアル Ver.3.5 別表2",
            "# 確度: 中（二つの資料から組み立て; reference/factors.md §1.2）",
            *notice("上記の法令・資料"),
        ],
        FUEL_COLUMNS,
        fuel_old_rows(problems),
    )
    files["refrigerants.tsv"] = tsv(
        [
            "# 冷媒の地球温暖化係数 (GWP): フロン排出抑制法の算定漏えい量報告に用いる冷媒と"
            "温対法の HFC",
            "# 単一物質は AR4（温対法施行令）、混合冷媒は成分の GWP × 組成（質量%）。"
            "一覧の印刷値を確認できたものはその値。",
            *notice("上記の法令・資料"),
        ],
        ("key", "name", "kind", "gwp_shk", "gwp_furon", "aliases", "source"),
        refrigerant_rows(problems),
    )
    files["energy_conversion.tsv"] = tsv(
        ["# 省エネ法のエネルギー換算係数（from_year/to_year は使用年度の範囲、空は制限なし）"],
        ("key", "value", "unit", "from_year", "to_year", "source"),
        [
            dict(zip(("key", "value", "unit", "from_year", "to_year", "source"), r, strict=True))
            for r in ENERGY_CONVERSION
        ],
    )
    for out, rows_default, title in (
        ("heat_default_new.tsv", HEAT_DEFAULT_NEW, "FY2023 以降"),
        ("heat_default_old.tsv", HEAT_DEFAULT_OLD, "FY2022 以前"),
    ):
        files[out] = tsv(
            [f"# 熱（蒸気・温水・冷水）の既定の排出係数（{title}、供給事業者の係数がない場合）"],
            ("key", "name", "value", "unit", "source"),
            [
                dict(zip(("key", "name", "value", "unit", "source"), r, strict=True))
                for r in rows_default
            ],
        )
    s3_comments, s3_rows = scope3_rows()
    files["scope3.tsv"] = tsv(
        [*s3_comments[:5], *notice("OpenGreenTrack scope3.tsv", "環境省")],
        ("key", "category", "name", "unit", "value", "source"),
        s3_rows,
    )
    files.update(history_files())
    files["manifest.json"] = manifest_text(editions() + history_editions())
    return files, problems


def package_from_build(
    files: dict[str, str],
    out: Path,
    edition_ids: list[str],
    *,
    package_id: str,
    title: str,
    new_id: str = "",
    emissions_years: list[int] | None = None,
    published: str = "",
    edition_title: str = "",
) -> Path:
    """A factor package (.ecofactors) holding the chosen editions of one converter run.

    With one edition, ``new_id`` / ``emissions_years`` / ``published`` / ``edition_title``
    describe a new list (e.g. next winter's R7実績 list as ``electricity_r09`` for FY2026).
    """
    from ecocheck_desktop.core.factor_packages import build_package

    manifest = json.loads(files["manifest.json"])
    chosen = [dict(e) for e in manifest["editions"] if e["id"] in edition_ids]
    missing = sorted(set(edition_ids) - {str(e["id"]) for e in chosen})
    if missing:
        raise SystemExit(f"unknown editions: {missing}")
    if (new_id or emissions_years or published or edition_title) and len(chosen) != 1:
        raise SystemExit(
            "--edition-id/--emissions-years/--published/--edition-title need one edition"
        )
    tables: dict[str, bytes] = {}
    for edition in chosen:
        data = files[str(edition["file"])].encode("utf-8")
        if new_id:
            edition["id"] = new_id
            edition["file"] = f"{new_id}.tsv"
        if emissions_years:
            edition["emissions_years"] = emissions_years
        if published:
            edition["published"] = published
        if edition_title:
            edition["title"] = edition_title
        tables[str(edition["file"])] = data
    return build_package(out, package_id, title, chosen, tables)


def main(argv: list[str] | None = None) -> int:
    global OFFICIAL
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument(
        "--official", type=Path, default=None, help="raw official files (default data/official)"
    )
    parser.add_argument(
        "--package", type=Path, default=None, help="write a .ecofactors package instead"
    )
    parser.add_argument("--editions", default="", help="comma-separated edition ids to package")
    parser.add_argument("--package-id", default="", help="package id (default: file stem)")
    parser.add_argument("--title", default="", help="package title")
    parser.add_argument("--edition-id", default="", help="new id of the one packaged edition")
    parser.add_argument("--emissions-years", default="", help="e.g. 2026 or 2026,2027")
    parser.add_argument("--published", default="", help="publication date YYYY-MM-DD")
    parser.add_argument("--edition-title", default="", help="title of the one packaged edition")
    args = parser.parse_args(argv)
    if args.official is not None:
        OFFICIAL = args.official
    files, problems = build()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    if args.package is not None:
        ids = [part.strip() for part in args.editions.split(",") if part.strip()]
        if not ids:
            print("--package needs --editions", file=sys.stderr)
            return 2
        years = [int(y) for y in args.emissions_years.split(",") if y.strip()]
        path = package_from_build(
            files,
            args.package,
            ids,
            package_id=args.package_id or args.package.stem,
            title=args.title or args.package.stem,
            new_id=args.edition_id,
            emissions_years=years or None,
            published=args.published,
            edition_title=args.edition_title,
        )
        print(f"wrote package {path}")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in sorted(files.items()):
        (args.out / name).write_bytes(text.encode("utf-8"))
    print(f"wrote {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
