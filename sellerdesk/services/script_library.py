"""The reply-script library: built-in scripts (resources/scripts/library.json) overlaid by the
shop's own, filled from an order, searched, arranged, counted, shared as a file.

The shop file keeps only what the shop changed (store/script_store.py): a whole
script it added or edited, and how it arranged each script (position, enabled,
shortcut). Every script is checked by the library format itself (a round trip
through domain.scripts' parse_library) before it is stored, so what is stored
always loads. Every write is one transaction; a refused import stores nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path

from sellerdesk.domain.scripts import (REASON_BY_KEY, SHORTCUTS, Script, ScriptError, free_script_key, library_to_text,
                                       parse_library, render_script, search_scripts)
from sellerdesk.services.clock import shop_now
from sellerdesk.services.returns import order_values
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import script_store as rows
from sellerdesk.store.script_store import ScriptPrefs

__all__ = [
    "Rendered", "Script", "ScriptError", "builtin_scripts", "delete_script", "edited_scripts", "export_library",
    "get_script", "import_library", "list_scripts", "new_script_key", "record_use", "render", "reorder_scripts",
    "reset_script", "save_script", "search", "set_enabled", "set_shortcut", "usage_counts",
]

MAX_FILE_BYTES = 5_000_000  # a library is a few hundred short scripts; anything this big is not one
_STAMP = "%Y-%m-%d %H:%M:%S"


@cache
def builtin_scripts() -> tuple[Script, ...]:
    """The library shipped with SellerDesk, in its own order."""
    path = resources.files("sellerdesk").joinpath("resources", "scripts", "library.json")
    return tuple(parse_library(path.read_text(encoding="utf-8"), "library.json", builtin=True))


def _builtin_by_key() -> dict[str, Script]:
    return {s.key: s for s in builtin_scripts()}


# --- reading ---------------------------------------------------------------------------------

def _overlay(conn) -> list[Script]:
    """Built-ins, replaced by the shop's edited versions, plus its own; arranged by its prefs."""
    builtins = _builtin_by_key()
    scripts = dict(builtins)
    for key, text in rows.overrides(conn).items():
        try:
            [own] = parse_library(text, f"{key}.json")
        except (ScriptError, ValueError):
            continue  # written by a newer SellerDesk: left out (the built-in shows) rather than guessed
        scripts[key] = replace(own, builtin=key in builtins)
    prefs = rows.prefs(conn)
    arranged = []
    for s in scripts.values():
        p = prefs.get(s.key)
        if p is not None:
            shortcut = s.shortcut if p.shortcut is None else (p.shortcut or None)
            s = replace(s, position=s.position if p.position is None else p.position, enabled=p.enabled,
                        shortcut=shortcut)
        arranged.append(s)
    order = {k: i for i, k in enumerate(builtins)}
    return sorted(arranged, key=lambda s: (s.position, order.get(s.key, len(order)), s.key))


def list_scripts(shop: ShopFile) -> list[Script]:
    """Every script, disabled ones included (Script.enabled says which), by position."""
    store = shop.open()
    try:
        return _overlay(store.conn)
    finally:
        store.close()


def get_script(shop: ShopFile, key: str) -> Script | None:
    return next((s for s in list_scripts(shop) if s.key == key), None)


def edited_scripts(shop: ShopFile) -> set[str]:
    """Keys of the built-ins the shop changed (reset_script brings the original back)."""
    store = shop.open()
    try:
        return set(rows.overrides(store.conn)) & set(_builtin_by_key())
    finally:
        store.close()


def search(shop: ShopFile, query: str, lang: str = "zh", *, include_disabled: bool = False) -> list[Script]:
    """Scripts matching every word of the query, best first: words in titles, reasons and messages
    (zh and en), and pinyin initials or spelling of the title ('fch' finds 发错货)."""
    from sellerdesk.almanac import pinyin

    return search_scripts(list_scripts(shop), query, lang, pinyin.initials, spelled=pinyin.spelled,
                          include_disabled=include_disabled)


@dataclass(frozen=True)
class Rendered:
    script: Script
    messages: list[str]  # filled, ready to paste one by one; never raw braces
    resolution: str  # the recommended resolution, for the agent (not sent)
    order_found: bool | None  # None: no order given; False: the shop does not have it (fallback wording)
    values: dict[str, str | None]  # what was filled in (empty for an unknown order)


def render(shop: ShopFile, script_key: str, order_no: str | None = None, lang: str = "zh",
           today: date | None = None) -> Rendered:
    """The script's messages filled from the order. An unknown order is no error: the messages
    come with the neutral fallback wording and order_found False, so the agent can still send them.
    An unknown script key raises ScriptError."""
    script = get_script(shop, script_key)
    if script is None:
        raise ScriptError(f"没有这个话术：{script_key}", f"No such script: {script_key}")
    values = order_values(shop, order_no, lang, today) if order_no and order_no.strip() else None
    found = None if not order_no or not order_no.strip() else values is not None
    values = values or {}
    return Rendered(script, render_script(script, values, lang), script.resolution(lang), found, values)


def usage_counts(shop: ShopFile, since: date | None = None) -> dict[str, int]:
    """Uses per script key (all time, or from `since` on): which scripts agents really use."""
    store = shop.open()
    try:
        return rows.usage_counts(store.conn, since.isoformat() if since else None)
    finally:
        store.close()


# --- writing ---------------------------------------------------------------------------------

def record_use(shop: ShopFile, key: str, now: datetime | None = None) -> None:
    """Count one use of a script (a message copied) on now's day."""
    store = shop.open()
    try:
        with store.transaction() as conn:
            rows.add_use(conn, key, (now or shop_now()).date().isoformat())
    finally:
        store.close()


def new_script_key(shop: ShopFile, reason: str, tone: str = "standard") -> str:
    """A free key for a new script: 'size_colour.warm', or 'size_colour.warm-2' when taken."""
    return free_script_key(list_scripts(shop), reason, tone)


def save_script(shop: ShopFile, script: Script, now: datetime | None = None) -> Script:
    """Store a new or edited script (a built-in's key edits that built-in); its position, enabled
    flag and shortcut are kept as given (a shortcut moves from any script that had it).
    A script the library format refuses raises ScriptError and stores nothing."""
    checked = _checked(script)
    store = shop.open()
    try:
        with store.transaction() as conn:
            _store_script(conn, checked, (now or shop_now()).strftime(_STAMP))
            return next(s for s in _overlay(conn) if s.key == checked.key)
    finally:
        store.close()


def delete_script(shop: ShopFile, key: str) -> None:
    """Remove one of the shop's own scripts with its counts; a built-in is refused (disable or reset it)."""
    if key in _builtin_by_key():
        raise ScriptError(f"「{key}」是内置话术，不能删除；可以停用或恢复默认。",
                          f"'{key}' is a built-in script: it can be disabled or reset, not deleted.")
    store = shop.open()
    try:
        with store.transaction() as conn:
            if not rows.delete_override(conn, key):
                raise ScriptError(f"没有这个话术：{key}", f"No such script: {key}")
            rows.delete_prefs(conn, key)
            rows.forget_usage(conn, key)
    finally:
        store.close()


def reset_script(shop: ShopFile, key: str) -> Script:
    """A built-in script back as shipped: text, position, enabled and shortcut."""
    original = _builtin_by_key().get(key)
    if original is None:
        raise ScriptError(f"「{key}」不是内置话术，没有默认版本。", f"'{key}' is not a built-in script: it has no original.")
    store = shop.open()
    try:
        with store.transaction() as conn:
            rows.delete_override(conn, key)
            rows.delete_prefs(conn, key)
            if original.shortcut:
                _take_shortcut(conn, original.shortcut, key)
            return next(s for s in _overlay(conn) if s.key == key)
    finally:
        store.close()


def set_enabled(shop: ShopFile, key: str, enabled: bool) -> None:
    _arrange(shop, key, lambda s, p: replace(p, enabled=enabled))


def set_shortcut(shop: ShopFile, key: str, shortcut: int | None) -> None:
    """Give a script shortcut number 1-9 (taken from any other script), or none."""
    if shortcut is not None and shortcut not in SHORTCUTS:
        raise ScriptError("快捷键编号应为 1 到 9。", "A shortcut number is 1 to 9.")
    _arrange(shop, key, lambda s, p: replace(p, shortcut=shortcut or 0), shortcut)


def reorder_scripts(shop: ShopFile, keys: Sequence[str]) -> None:
    """Put these scripts in this order, in the places they hold among all scripts (so a reason's
    scripts are reordered among themselves; the whole list reorders everything). Every script is
    then numbered 0, 1, 2 ... in one transaction."""
    store = shop.open()
    try:
        with store.transaction() as conn:
            current = _overlay(conn)
            known = {s.key for s in current}
            unknown = [k for k in keys if k not in known]
            if unknown or len(set(keys)) != len(keys):
                bad = unknown[0] if unknown else next(k for k in keys if list(keys).count(k) > 1)
                raise ScriptError(f"话术顺序有误：{bad}", f"Cannot order the scripts as given: {bad}")
            moved = iter(keys)
            order = [next(moved) if s.key in set(keys) else s.key for s in current]
            scripts, prefs = {s.key: s for s in current}, rows.prefs(conn)
            for position, key in enumerate(order):
                if scripts[key].position != position or key not in prefs:
                    rows.set_prefs(conn, key, replace(_prefs_of(scripts[key], prefs.get(key)), position=position))
    finally:
        store.close()


def export_library(shop: ShopFile, path: str | Path, note: str = "") -> int:
    """Write every script (built-ins as the shop has them) as a library file; returns how many."""
    scripts = list_scripts(shop)
    text = library_to_text(scripts, note)
    from sellerdesk.exporters import ExportError
    from sellerdesk.exporters.atomic_file import atomic_write

    try:  # next to the target, then moved: a failed write never leaves half a library
        atomic_write(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))
    except ExportError as exc:
        raise ScriptError(exc.message_zh, exc.message_en) from None
    return len(scripts)


def import_library(shop: ShopFile, path: str | Path, now: datetime | None = None) -> int:
    """Add or replace the scripts of a library file by key (others stay). Any problem in the file
    refuses it whole: ScriptError naming the file and the line, and nothing is stored."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ScriptError(f"{path.name}：文件太大，不像是话术库。", f"{path.name}: too large to be a script library.")
        raw = path.read_bytes()
    except OSError as exc:
        raise ScriptError(f"无法读取 {path.name}：{exc.strerror or exc}",
                          f"Cannot read {path.name}: {exc.strerror or exc}", source=path.name) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise ScriptError(f"{path.name} 第 {line} 行：不是 UTF-8 编码的文本。",
                          f"{path.name} line {line}: not UTF-8 text.", source=path.name, line=line) from None
    scripts = [_checked(s) for s in parse_library(text, path.name)]
    stamp = (now or shop_now()).strftime(_STAMP)
    store = shop.open()
    try:
        with store.transaction() as conn:
            for s in scripts:
                _store_script(conn, s, stamp)
    finally:
        store.close()
    return len(scripts)


# --- helpers ---------------------------------------------------------------------------------

def _checked(script: Script) -> Script:
    """The script as the library format reads it back (so what is stored always loads)."""
    if script.reason not in REASON_BY_KEY:
        raise ScriptError(f"话术「{script.key}」的原因未知：{script.reason}",
                          f"Script '{script.key}' has an unknown reason: {script.reason}")
    [checked] = parse_library(library_to_text([script]), f"{script.key}.json")
    return replace(checked, position=script.position)


def _store_script(conn, script: Script, stamp: str) -> None:
    """Text as an override unless it is a built-in's own text; arrangement in prefs."""
    builtin = _builtin_by_key().get(script.key)
    plain = dict(position=0, enabled=True, shortcut=None, builtin=False)
    if builtin is not None and replace(script, **plain) == replace(builtin, **plain):
        rows.delete_override(conn, script.key)
    else:
        rows.set_override(conn, script.key, library_to_text([replace(script, **plain)]), stamp)
    rows.set_prefs(conn, script.key, ScriptPrefs(script.position, script.enabled, script.shortcut or 0))
    if script.shortcut:
        _take_shortcut(conn, script.shortcut, script.key)


def _take_shortcut(conn, shortcut: int, keep: str) -> None:
    """A shortcut number belongs to one script: every other script holding it loses it."""
    prefs = rows.prefs(conn)
    for s in _overlay(conn):
        if s.key != keep and s.shortcut == shortcut:
            rows.set_prefs(conn, s.key, replace(_prefs_of(s, prefs.get(s.key)), shortcut=0))


def _prefs_of(script: Script, stored: ScriptPrefs | None) -> ScriptPrefs:
    """The script's arrangement as a prefs row (what it shows now)."""
    return ScriptPrefs(stored.position if stored else None, script.enabled, script.shortcut or 0)


def _arrange(shop: ShopFile, key: str, change, shortcut: int | None = None) -> None:
    store = shop.open()
    try:
        with store.transaction() as conn:
            script = next((s for s in _overlay(conn) if s.key == key), None)
            if script is None:
                raise ScriptError(f"没有这个话术：{key}", f"No such script: {key}")
            rows.set_prefs(conn, key, change(script, _prefs_of(script, rows.prefs(conn).get(key))))
            if shortcut:
                _take_shortcut(conn, shortcut, key)
    finally:
        store.close()
