"""Pinyin of Chinese text, from pypinyin, for the script search: 发错货 -> 'fch' / 'facuohuo'.

An agent on a peak day types the initials of what they want (Ctrl+K, 'thyf' for
退货运费) faster than switching the IME. The domain search takes these two
functions as parameters, so the domain stays free of the package; this is the
only module that imports it.

Letters and digits in the text count as they are (T恤 -> 'tx', 7天 -> '7t'; an
ASCII word is one unit: 'VIP会员' -> 'vhy'); punctuation is dropped. ü is
written v, as pinyin keyboards type it (绿 -> 'lv').
"""

from __future__ import annotations

import re
from functools import lru_cache

_UNIT = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=4096)  # titles repeat on every keystroke of a search
def syllables(text: str) -> tuple[str, ...]:
    """The text as lower-case units: one per Chinese character, one per ASCII word or number."""
    # pypinyin loads ~0.1 s of dictionaries: at the first search, not at start-up
    from pypinyin import Style, lazy_pinyin

    out: list[str] = []
    for chunk in lazy_pinyin(text, style=Style.NORMAL, errors="default"):
        out.extend(_UNIT.findall(chunk.lower()))
    return tuple(out)


def initials(text: str) -> str:
    """First letter of each unit: '退货运费' -> 'thyf'."""
    return "".join(u[0] for u in syllables(text))


def spelled(text: str) -> str:
    """The units run together: '退货运费' -> 'tuihuoyunfei'."""
    return "".join(syllables(text))
