"""The playbook library: built-in playbooks (resources/playbooks/*.json) overlaid by the shop's own.

A playbook the user edits or saves is stored in the shop file under its key;
it replaces the built-in one of the same key until reset. Every text is checked
with domain.playbooks.parse_playbook before it is stored, so what is stored
always loads; a problem raises CalendarError naming the file, task and field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources

from sellerdesk.domain.playbooks import Playbook, parse_playbook, playbook_from_campaign, playbook_to_json
from sellerdesk.domain.promo import CalendarError
from sellerdesk.services.calendar_tasks import CHANGES, require_campaign
from sellerdesk.services.clock import shop_now
from sellerdesk.services.jobs import Changes
from sellerdesk.services.shop import ShopFile
from sellerdesk.store import promo_calendar as rows
from sellerdesk.store import user_playbooks

__all__ = ["PlaybookInfo", "builtin_playbook_keys", "list_playbooks", "load_playbook", "playbook_json",
           "reset_playbook", "save_campaign_as_playbook", "save_playbook_json"]

_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_PLAYBOOK_CHARS = 1_000_000  # a playbook is a few dozen tasks; anything this big is not one


@dataclass(frozen=True)
class PlaybookInfo:
    key: str
    name_zh: str
    name_en: str
    festival: str | None  # the festival it was written for (it can be applied to another)
    builtin: bool  # shipped with SellerDesk (reset_playbook brings the original back)
    edited: bool  # the shop's own version is stored (for a built-in: it replaces the original)

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang == "zh" else self.name_en


def _folder():
    return resources.files("sellerdesk").joinpath("resources", "playbooks")


@cache
def builtin_playbook_keys() -> tuple[str, ...]:
    folder = _folder()
    if not folder.is_dir():
        return ()
    return tuple(sorted(f.name[:-5] for f in folder.iterdir() if f.name.endswith(".json")))


def _builtin_text(key: str) -> str | None:
    if key not in builtin_playbook_keys():
        return None
    return _folder().joinpath(f"{key}.json").read_text(encoding="utf-8")


def _parse_text(text: str, key: str) -> Playbook:
    """JSON text -> Playbook; a syntax error names the line and column."""
    source = f"{key}.json"
    if len(text) > MAX_PLAYBOOK_CHARS:
        raise CalendarError(f"{source}：文件太大，不像是一个打法。", f"{source}: too large to be a playbook.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CalendarError(f"{source}：第 {exc.lineno} 行第 {exc.colno} 列不是有效的 JSON（{exc.msg}）。",
                            f"{source}: not valid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}).") from None
    return parse_playbook(data, source)


def _check_key(key: str) -> None:
    if not _KEY.fullmatch(key or ""):
        raise CalendarError(f"打法代码应为 1-64 个字母、数字、_ 或 -：{key!r}",
                            f"A playbook key is 1-64 letters, digits, _ or -: {key!r}")


def list_playbooks(shop: ShopFile) -> list[PlaybookInfo]:
    """Every playbook: built-in ones (with the shop's edits) and the shop's own, by key.
    A stored one that no longer parses is listed under its built-in name (or its key)
    so it can be opened and fixed or reset."""
    store = shop.open()
    try:
        stored = user_playbooks.list_user_playbooks(store.conn)
    finally:
        store.close()
    out = []
    for key in sorted(set(builtin_playbook_keys()) | set(stored)):
        builtin = key in builtin_playbook_keys()
        pb = _first_parsed(key, (stored.get(key), _builtin_text(key)))
        if pb is None:
            out.append(PlaybookInfo(key, key, key, None, builtin, key in stored))
        else:
            out.append(PlaybookInfo(key, pb.name_zh, pb.name_en, pb.festival, builtin, key in stored))
    return out


def _first_parsed(key: str, texts) -> Playbook | None:
    for text in texts:
        if text is not None:
            try:
                return _parse_text(text, key)
            except CalendarError:
                continue
    return None


def _text_of(conn, key: str) -> str:
    text = user_playbooks.get_user_playbook(conn, key)
    if text is None:
        text = _builtin_text(key)
    if text is None:
        raise CalendarError(f"没有这个打法：{key}", f"No such playbook: {key}")
    return text


def load_playbook(shop: ShopFile, key: str) -> Playbook:
    """The playbook under `key`: the shop's version if stored, else the built-in one."""
    store = shop.open()
    try:
        return _parse_text(_text_of(store.conn, key), key)
    finally:
        store.close()


def playbook_json(shop: ShopFile, key: str) -> str:
    """The JSON text the in-app editor shows: the shop's version as saved, or the built-in file."""
    store = shop.open()
    try:
        return _text_of(store.conn, key)
    finally:
        store.close()


def save_playbook_json(shop: ShopFile, key: str, text: str, *, now: datetime | None = None) -> Changes:
    """Check the edited JSON (parse_playbook; any problem is a CalendarError naming line, task or
    field) and store it under `key`, whose "key" field it must carry."""
    _check_key(key)
    pb = _parse_text(text, key)
    if pb.key != key:
        raise CalendarError(f"{key}.json：字段 key 是「{pb.key}」，应为「{key}」。",
                            f"{key}.json: field 'key' is '{pb.key}'; it must be '{key}'.")
    store = shop.open()
    try:
        with store.transaction() as conn:
            user_playbooks.put_user_playbook(conn, key, text, now or shop_now())
        return CHANGES
    finally:
        store.close()


def reset_playbook(shop: ShopFile, key: str) -> Changes:
    """Drop the shop's version of a playbook: a built-in one is back to the original,
    one of the shop's own is deleted."""
    store = shop.open()
    try:
        with store.transaction() as conn:
            user_playbooks.delete_user_playbook(conn, key)
        return CHANGES
    finally:
        store.close()


def save_campaign_as_playbook(shop: ShopFile, campaign_id: int, key: str, name_zh: str, name_en: str,
                              *, now: datetime | None = None) -> Changes:
    """Store a campaign (its phases and current tasks, offsets from its anchor day) as a playbook,
    so next year's campaign starts from what the shop really did. A key of a built-in playbook
    replaces it until reset_playbook."""
    _check_key(key)
    if not (name_zh.strip() or name_en.strip()):
        raise CalendarError("请给打法起个名字。", "Give the playbook a name.")
    store = shop.open()
    try:
        with store.transaction() as conn:
            campaign = require_campaign(conn, campaign_id)
            data = playbook_from_campaign(campaign, rows.tasks_of_campaign(conn, campaign_id), key,
                                          name_zh.strip(), name_en.strip())
            pb = parse_playbook(data, f"{key}.json")
            text = json.dumps(playbook_to_json(pb), ensure_ascii=False, indent=2)
            user_playbooks.put_user_playbook(conn, key, text, now or shop_now())
        return CHANGES
    finally:
        store.close()
