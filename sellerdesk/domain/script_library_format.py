"""The script library file (format in domain.scripts' docstring): reading with line numbers, writing.

A user who imports a colleague's library must be told WHICH line is wrong. The
standard decoder knows the line of a syntax error but forgets where each value
came from, so after a successful load this module can walk the (now known valid)
text once more and give the offset of every value by its path: ("scripts", 3,
"title_zh") is the key "title_zh" of the fourth script. It only walks when an
error is being reported, so a good file costs one ordinary json.loads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from json.decoder import scanstring

from sellerdesk.domain.checks import is_whole
from sellerdesk.domain.scripts import (
    KINDS,
    MAX_MESSAGES,
    MAX_SCRIPTS,
    MAX_TEXT,
    OUTCOMES,
    REASON_BY_KEY,
    ROLES,
    SHORTCUTS,
    VERSION,
    Script,
    ScriptError,
    ScriptMessage,
)

Path = tuple[str | int, ...]

_WS = " \t\r\n"


class DuplicateKey(ValueError):
    """An object names the same field twice (json.loads would silently keep the last)."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


class NotJson:
    """NaN / Infinity: Python's decoder accepts them, JSON does not; every type check rejects this."""

    def __repr__(self) -> str:
        return "NaN"


NOT_JSON = NotJson()


def _pairs(pairs: list[tuple[str, object]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise DuplicateKey(key)
        out[key] = value
    return out


def load(text: str) -> object:
    """json.loads that refuses duplicate keys (DuplicateKey) and marks NaN/Infinity as NOT_JSON.

    Raises json.JSONDecodeError (with .lineno) for a syntax error, RecursionError for absurd nesting.
    """
    return json.loads(text, object_pairs_hook=_pairs, parse_constant=lambda _: NOT_JSON)


def line_at(text: str, offset: int) -> int:
    """1-based line of a character offset."""
    return text.count("\n", 0, max(0, offset)) + 1


class _Walker:
    def __init__(self, text: str):
        self.text = text
        self.spots: dict[Path, int] = {}
        self.duplicates: list[int] = []  # offsets of keys seen twice in one object

    def ws(self, i: int) -> int:
        while i < len(self.text) and self.text[i] in _WS:
            i += 1
        return i

    def value(self, i: int, path: Path) -> int:
        i = self.ws(i)
        self.spots.setdefault(path, i)  # a field keeps its key's offset: that is where it "sits"
        c = self.text[i]
        if c == "{":
            return self.obj(i + 1, path)
        if c == "[":
            return self.arr(i + 1, path)
        if c == '"':
            return scanstring(self.text, i + 1)[1]
        while i < len(self.text) and self.text[i] not in _WS + ",]}":
            i += 1  # number or literal
        return i

    def obj(self, i: int, path: Path) -> int:
        i = self.ws(i)
        if self.text[i] == "}":
            return i + 1
        seen = set()
        while True:
            i = self.ws(i)
            start = i
            key, i = scanstring(self.text, i + 1)
            if key in seen:
                self.duplicates.append(start)
            seen.add(key)
            self.spots.setdefault(path + (key,), start)
            i = self.ws(i) + 1  # the colon
            i = self.ws(self.value(i, path + (key,)))
            if self.text[i] == "}":
                return i + 1
            i += 1  # the comma

    def arr(self, i: int, path: Path) -> int:
        i = self.ws(i)
        if self.text[i] == "]":
            return i + 1
        n = 0
        while True:
            i = self.ws(self.value(i, path + (n,)))
            n += 1
            if self.text[i] == "]":
                return i + 1
            i += 1


class Locator:
    """Lines of values in a text that json.loads accepted (or that only failed on a duplicate key)."""

    def __init__(self, text: str):
        self.text = text
        self._walker: _Walker | None = None

    def _walk(self) -> _Walker:
        if self._walker is None:
            walker = _Walker(self.text)
            try:
                walker.value(0, ())
            except (IndexError, ValueError, RecursionError):
                pass  # a partial map still names the lines it got to
            self._walker = walker
        return self._walker

    def line(self, path: Path) -> int | None:
        """Line of the value at path, or of its nearest enclosing value that was found."""
        spots = self._walk().spots
        while path not in spots and path:
            path = path[:-1]
        return line_at(self.text, spots[path]) if path in spots else None

    def duplicate_line(self) -> int | None:
        dups = self._walk().duplicates
        return line_at(self.text, dups[0]) if dups else None


# ---- reading ------------------------------------------------------------------------------

_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")
_TONE = re.compile(r"[A-Za-z0-9_-]{1,32}")
_TOP_FIELDS = {"version", "note", "scripts"}
_SCRIPT_FIELDS = {"key", "reason", "kind", "tone", "title_zh", "title_en", "messages", "resolution_zh",
                  "resolution_en", "outcome", "shortcut", "enabled", "position"}
_MESSAGE_FIELDS = {"role", "text_zh", "text_en"}


class _File:
    """Raises the errors of one file: 'source: line 12, script wrong_item.standard, field title_zh: ...'."""

    def __init__(self, text: str, source: str):
        self.source = source
        self.locator = Locator(text)

    def error(self, path: Path, zh: str, en: str, script: str | None = None) -> ScriptError:
        line = self.locator.line(path)
        field = path[0] if path else None
        if len(path) >= 2 and path[0] == "scripts":  # inside a script: its field, or message n's
            rest = path[2:]
            field = rest[0] if rest else None
            if len(rest) >= 2 and rest[0] == "messages":
                field = f"messages[{rest[1] + 1}]" + (f".{rest[2]}" if len(rest) > 2 else "")
        where_zh = [f"第 {line} 行"] if line else []
        where_en = [f"line {line}"] if line else []
        if script:
            where_zh.append(f"话术「{script}」")
            where_en.append(f"script '{script}'")
        if field:
            where_zh.append(f"字段 {field}")
            where_en.append(f"field '{field}'")
        return ScriptError(f"{self.source}：{'，'.join(where_zh) + '：' if where_zh else ''}{zh}",
                           f"{self.source}: {', '.join(where_en) + ': ' if where_en else ''}{en}",
                           source=self.source, line=line)


def _fields(f: _File, obj: object, path: Path, allowed: set[str], script: str | None) -> dict:
    if not isinstance(obj, dict):
        raise f.error(path, "应为一个 JSON 对象 {...}。", "must be a JSON object {...}.", script)
    for name in obj:
        if name not in allowed:
            raise f.error(path + (name,), "不认识这个字段（拼写错误？）。", "unknown field (a typo?).", script)
    return obj


def _text(f: _File, obj: dict, name: str, path: Path, script: str | None) -> str:
    value = obj.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise f.error(path + (name,), "应为文字（加引号）。", "must be text (in quotes).", script)
    if len(value) > MAX_TEXT:
        raise f.error(path + (name,), f"超过 {MAX_TEXT} 个字。", f"is longer than {MAX_TEXT} characters.", script)
    return value


def _pair(f: _File, obj: dict, name: str, path: Path, script: str | None, required: bool) -> tuple[str, str]:
    zh, en = _text(f, obj, f"{name}_zh", path, script), _text(f, obj, f"{name}_en", path, script)
    if required and not (zh.strip() or en.strip()):
        raise f.error(path + (f"{name}_zh",), "中文和英文不能都为空。", "Chinese and English cannot both be empty.",
                      script)
    return zh, en


def _message(f: _File, obj: object, path: Path, script: str) -> ScriptMessage:
    obj = _fields(f, obj, path, _MESSAGE_FIELDS, script)
    role = obj.get("role")
    if role not in ROLES:
        raise f.error(path + ("role",), f"应为 {'、'.join(ROLES)} 之一，而不是 {role!r}。",
                      f"must be one of {', '.join(ROLES)}, not {role!r}.", script)
    return ScriptMessage(role, *_pair(f, obj, "text", path, script, required=True))


def _script(f: _File, obj: object, path: Path, index: int, builtin: bool) -> Script:
    key = obj.get("key") if isinstance(obj, dict) else None
    name = key if isinstance(key, str) and _KEY.fullmatch(key) else None
    obj = _fields(f, obj, path, _SCRIPT_FIELDS, name)
    if name is None:
        raise f.error(path + ("key",), "应为 1-64 个字母、数字、_ . 或 -（如 wrong_item.standard）。",
                      "must be 1-64 letters, digits, _ . or - (e.g. wrong_item.standard).")
    reason = obj.get("reason")
    if not isinstance(reason, str) or reason not in REASON_BY_KEY:
        raise f.error(path + ("reason",), f"没有这个售后原因：{reason!r}。可用：{', '.join(REASON_BY_KEY)}",
                      f"no such reason: {reason!r}. Reasons: {', '.join(REASON_BY_KEY)}", name)
    kind = obj.get("kind", REASON_BY_KEY[reason].kind)
    if kind not in KINDS or kind != REASON_BY_KEY[reason].kind:
        raise f.error(path + ("kind",), f"原因 {reason} 的类型是 {REASON_BY_KEY[reason].kind}，而不是 {kind!r}。",
                      f"reason {reason} is of kind {REASON_BY_KEY[reason].kind}, not {kind!r}.", name)
    tone = obj.get("tone", "standard")
    if not isinstance(tone, str) or not _TONE.fullmatch(tone):
        raise f.error(path + ("tone",), "应为 1-32 个字母、数字、_ 或 -（如 warm）。",
                      "must be 1-32 letters, digits, _ or - (e.g. warm).", name)
    titles = _pair(f, obj, "title", path, name, required=True)
    raw = obj.get("messages")
    if not isinstance(raw, list) or not 1 <= len(raw) <= MAX_MESSAGES:
        raise f.error(path + ("messages",), f"应为 1 到 {MAX_MESSAGES} 条消息的列表。",
                      f"must be a list of 1 to {MAX_MESSAGES} messages.", name)
    messages = tuple(_message(f, m, path + ("messages", j), name) for j, m in enumerate(raw))
    resolution = _pair(f, obj, "resolution", path, name, required=False)
    outcome = obj.get("outcome")
    if outcome is not None and outcome not in OUTCOMES:
        raise f.error(path + ("outcome",), f"应为 {'、'.join(OUTCOMES)} 之一或 null，而不是 {outcome!r}。",
                      f"must be one of {', '.join(OUTCOMES)} or null, not {outcome!r}.", name)
    shortcut = obj.get("shortcut")
    if shortcut is not None and (isinstance(shortcut, bool) or shortcut not in SHORTCUTS):
        raise f.error(path + ("shortcut",), f"快捷键应为 1 到 9 的整数或 null，而不是 {shortcut!r}。",
                      f"a shortcut is a whole number 1 to 9 or null, not {shortcut!r}.", name)
    enabled = obj.get("enabled", True)
    if not isinstance(enabled, bool):
        raise f.error(path + ("enabled",), "应为 true 或 false。", "must be true or false.", name)
    position = obj.get("position", index)
    if not is_whole(position) or not 0 <= position < 1_000_000:
        raise f.error(path + ("position",), "应为 0 或更大的整数。", "must be a whole number, 0 or more.", name)
    return Script(name, reason, *titles, messages, *resolution, outcome, tone, enabled, position,
                  shortcut, builtin, kind)


def parse_library(text: str, source: str, *, builtin: bool = False) -> list[Script]:
    """Check a library file's text and return its scripts in file order; refused whole on any problem."""
    text = text.removeprefix("\ufeff")  # Notepad's UTF-8 BOM
    f = _File(text, source)
    try:
        data = load(text)
    except json.JSONDecodeError as e:
        if e.msg.startswith("Expecting ',' delimiter"):
            # The decoder notices at the next value, often a line below: name the line that lacks it.
            end = len(text[: e.pos].rstrip(_WS))
            line = line_at(text, end - 1)
            raise ScriptError(f"{source}：第 {line} 行：这一行末尾少了逗号。",
                              f"{source}: line {line}: a comma is missing at the end of this line.",
                              source=source, line=line) from None
        raise ScriptError(
            f"{source}：第 {e.lineno} 行第 {e.colno} 列：不是有效的 JSON（可能少了逗号、引号或括号）。",
            f"{source}: line {e.lineno}, column {e.colno}: not valid JSON ({e.msg}).",
            source=source, line=e.lineno) from None
    except DuplicateKey as e:
        line = f.locator.duplicate_line()
        raise ScriptError(f"{source}：第 {line} 行：字段 {e.key} 写了两次。",
                          f"{source}: line {line}: field '{e.key}' appears twice.", source=source, line=line) from None
    except RecursionError:
        raise ScriptError(f"{source}：嵌套太深，不是话术库文件。", f"{source}: nested too deeply to be a script library.",
                          source=source) from None
    top = _fields(f, data, (), _TOP_FIELDS, None)
    if top.get("version") != VERSION:
        raise f.error(("version",), f"不支持的版本 {top.get('version')!r}（应为 {VERSION}）。",
                      f"unsupported version {top.get('version')!r} (expected {VERSION}).")
    if not isinstance(top.get("note", ""), str):
        raise f.error(("note",), "应为文字。", "must be text.")
    raw = top.get("scripts")
    if not isinstance(raw, list):
        raise f.error(("scripts",), "应为话术的列表 [...]。", "must be a list of scripts [...].")
    if len(raw) > MAX_SCRIPTS:
        raise f.error(("scripts",), f"最多 {MAX_SCRIPTS} 条话术。", f"at most {MAX_SCRIPTS} scripts.")
    scripts: list[Script] = []
    keys: set[str] = set()
    shortcuts: dict[int, str] = {}
    for i, obj in enumerate(raw):
        path = ("scripts", i)
        s = _script(f, obj, path, i, builtin)
        if s.key in keys:
            raise f.error(path + ("key",), "这个 key 已经用过了。", "this key is used twice.", s.key)
        if s.shortcut is not None and s.shortcut in shortcuts:
            other = shortcuts[s.shortcut]
            raise f.error(path + ("shortcut",), f"快捷键 {s.shortcut} 已给了「{other}」。",
                          f"shortcut {s.shortcut} already belongs to '{other}'.", s.key)
        keys.add(s.key)
        if s.shortcut is not None:
            shortcuts[s.shortcut] = s.key
        scripts.append(s)
    return scripts


# ---- writing ------------------------------------------------------------------------------

def library_to_text(scripts: Sequence[Script], note: str = "") -> str:
    """The scripts as a version 1 file, indented UTF-8 JSON; parse_library reads back the same scripts.

    Defaults are left out, and "position" too when it is the script's place in the list.
    The builtin flag is not written: it is what the reader makes of the file.
    """
    out = []
    for i, s in enumerate(scripts):
        obj: dict = {"key": s.key, "reason": s.reason, "tone": s.tone,
                     "title_zh": s.title_zh, "title_en": s.title_en,
                     "messages": [{"role": m.role, "text_zh": m.text_zh, "text_en": m.text_en}
                                  for m in s.messages]}
        if s.resolution_zh or s.resolution_en:
            obj |= {"resolution_zh": s.resolution_zh, "resolution_en": s.resolution_en}
        if s.outcome is not None:
            obj["outcome"] = s.outcome
        if s.shortcut is not None:
            obj["shortcut"] = s.shortcut
        if not s.enabled:
            obj["enabled"] = False
        if s.position != i:
            obj["position"] = s.position
        if s.kind != REASON_BY_KEY.get(s.reason, REASON_BY_KEY["invoice"]).kind:
            obj["kind"] = s.kind
        out.append(obj)
    top: dict = {"version": VERSION}
    if note:
        top["note"] = note
    top["scripts"] = out
    return json.dumps(top, ensure_ascii=False, indent=2) + "\n"
