"""Money is integer fen (1/100 yuan) end to end: parsing, summing, formatting.

No float ever touches an amount: text is split at the decimal point and
converted digit-exact, so 0.1 + 0.2 problems cannot occur.
"""

from __future__ import annotations

import re

# Characters that platforms put around amounts: currency signs, the 元
# suffix Taobao writes in 打款商家金额, thousands separators (PDD, 1688).
_NOISE = str.maketrans("", "", "元¥￥  \t")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


class MoneyError(ValueError):
    """The text is not an amount of money."""


def parse_fen(text: str) -> int:
    """Parse '1,299.00', '159.00元', '¥29.9', '-5', '0' into fen.

    More than two decimals are accepted only when the extra digits are zeros
    ('12.500'); anything else is an error rather than a silent rounding.
    """
    # Fast paths for what exports write: '201.12', '0', '159.00元' (the bulk import's hot spot).
    if text[-1:] == "元":
        text = text[:-1]
    if len(text) > 3 and text[-3] == ".":
        digits = text[:-3] + text[-2:]
        if digits.isdigit() and digits.isascii():
            return int(digits)
    elif text.isdigit() and text.isascii():
        return int(text) * 100
    s = text.translate(_NOISE).replace("，", ",")
    if "," in s:
        # Only a real thousands separator ('1,299.00'); '12,50' is not an amount we can trust.
        if not _THOUSANDS.match(s):
            raise MoneyError(text)
        s = s.replace(",", "")
    if not s:
        raise MoneyError(text)
    sign = 1
    if s[0] in "+-":
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    whole, dot, frac = s.partition(".")
    if not whole:
        whole = "0"
    if not whole.isdigit() or (frac and not frac.isdigit()) or (dot and not frac and not whole):
        raise MoneyError(text)
    if len(frac) > 2:
        if frac[2:].strip("0"):
            raise MoneyError(text)
        frac = frac[:2]
    return sign * (int(whole) * 100 + int(frac.ljust(2, "0") or 0))


def fen_from_number(value: float | int) -> int:
    """Convert a spreadsheet number (an xlsx cell already typed as a number).

    The float is rounded through its shortest repr, which is exact for any
    amount written with two decimals.
    """
    if isinstance(value, int):
        return value * 100
    return parse_fen(repr(round(value, 2)))


def format_fen(fen: int) -> str:
    """7661.60 style: two decimals, no separators; used by the CLI's JSON."""
    sign = "-" if fen < 0 else ""
    q, r = divmod(abs(fen), 100)
    return f"{sign}{q}.{r:02d}"


def format_yuan(fen: int) -> str:
    """¥7,661.60 style for people."""
    sign = "-" if fen < 0 else ""
    q, r = divmod(abs(fen), 100)
    return f"{sign}¥{q:,}.{r:02d}"


def fen_per(total_fen: int, count: int) -> int | None:
    """total_fen / count rounded half up to the fen (an average order value, compensation per
    case); None when there is nothing to divide by. The store's SQL rounds the same way."""
    if count <= 0:
        return None
    return (total_fen * 2 + count) // (count * 2)
