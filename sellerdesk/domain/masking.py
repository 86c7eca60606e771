"""Masking of personal data (PIPL): show only what the task needs."""

from __future__ import annotations


def mask_phone(phone: str | None) -> str:
    """13812341234 -> 138****1234; already-masked or short values pass through."""
    if not phone:
        return ""
    digits = phone.strip()
    if "*" in digits or len(digits) < 7:
        return digits
    return f"{digits[:3]}****{digits[-4:]}"


def mask_name(name: str | None) -> str:
    """王小明 -> 王**; tb_nick_01 -> t***1; keeps the first character only."""
    if not name:
        return ""
    name = name.strip()
    if "*" in name or len(name) <= 1:
        return name
    if name.isascii() and len(name) > 3:
        return f"{name[0]}***{name[-1]}"
    return name[0] + "*" * min(len(name) - 1, 2)


def is_masked(value: str | None) -> bool:
    """Masked by the platform (138****1234, 张**, t＊＊1) or encrypted (Douyin's ##9D71… / $$…)."""
    return bool(value) and ("*" in value or "＊" in value or value.startswith(("##", "$$")))


def readable_name(value: str | None) -> bool:
    """A name or nick a message may greet someone with: not blank, not masked, not encrypted."""
    return bool(value) and bool(value.strip()) and not is_masked(value.strip())
