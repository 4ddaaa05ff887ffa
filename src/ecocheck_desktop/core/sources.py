"""Which cited sources are official or primary: what the bank's PDF may cite (issue 18).

Official: ministries and agencies (``.go.jp``), prefectures and cities (``.lg.jp``,
``pref.<name>.jp``) and the bodies they run or fund for the purpose (ECCJ and its diagnosis
site, the Tokyo Metropolitan Government's Cool Net Tokyo, SII, JCCI's check sheet). Primary:
utilities, research institutes, industry associations and manufacturers publishing their own
figures (:data:`PRIMARY_HOSTS`). Everything else (document mirrors such as scribd or
vdocuments, vendor blogs, news and Q&A sites) is secondary: a measure resting only on
secondary sources is labelled an EcoCheck estimate in the report's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

OFFICIAL_SUFFIXES = (".go.jp", ".lg.jp")
# host -> who publishes there (official bodies not under .go.jp, utilities, institutes,
# associations and manufacturers).
PRIMARY_HOSTS = {
    "www.eccj.or.jp": "省エネルギーセンター (ECCJ)",
    "shindan-net.jp": "ECCJ 省エネ最適化診断",
    "www.shindan-net.jp": "ECCJ 省エネ最適化診断",
    "www.tokyo-co2down.jp": "東京都 クール・ネット東京",
    "syouenehojyokin.sii.or.jp": "環境共創イニシアチブ (SII)",
    "eco.jcci.or.jp": "日本商工会議所",
    "www.okiden.co.jp": "沖縄電力",
    "www4.tepco.co.jp": "東京電力エナジーパートナー",
    "www.tepco.co.jp": "東京電力",
    "www.yonden.co.jp": "四国電力",
    "www.kyuden.co.jp": "九州電力",
    "criepi.denken.or.jp": "電力中央研究所",
    "www.jema-net.or.jp": "日本電機工業会",
    "anest-iwata.co.jp": "アネスト岩田",
    "solution.hvac.panasonic.com": "パナソニック",
}
# The statutory useful-life table backs a measure's lifetime, not its saving.
LIFETIME_SOURCES = ("LEGAL-LIFE",)


class Cited(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def url(self) -> str: ...


def is_primary(url: str) -> bool:
    """Whether ``url`` is an official or primary publisher's page."""
    # The host by hand: the app imports no network module (tests/security), urllib included.
    rest = url.split("://", 1)[1] if "://" in url else ""
    host = re.split(r"[/?#:]", rest, maxsplit=1)[0].rsplit("@", 1)[-1].lower()
    if not host:
        return False
    if host.endswith(OFFICIAL_SUFFIXES) or host in PRIMARY_HOSTS:
        return True
    parts = host.split(".")
    return "pref" in parts[:-1] and host.endswith(".jp")  # kankyojoho.pref.aichi.jp


def primary(sources: Iterable[Cited]) -> list[Cited]:
    return [s for s in sources if is_primary(s.url)]


def saving_is_sourced(sources: Iterable[Cited]) -> bool:
    """A measure's saving rests on an official or primary source (not only the lifetimes)."""
    return any(s.key not in LIFETIME_SOURCES for s in primary(sources))
