"""Finding a Chinese font to embed in the report PDF, on Windows, macOS and Linux.

The PDF standard fonts have no Chinese glyphs, so the report embeds (a subset
of) a TrueType font found on the machine. reportlab reads TrueType outlines
only: OpenType/CFF fonts such as the Noto Sans CJK .ttc files or Hiragino are
refused by TTFont ("postscript outlines are not supported"), so every
candidate is actually loaded and the first one that loads and has Chinese
glyphs wins. A .ttc is a collection: the sub-font index says which face.

Order: the SELLERDESK_CJK_FONT environment variable ("path" or "path#index",
for a machine where nothing is found), then the platform's usual fonts,
most legible first, then any known file name anywhere in the font folders
(Fedora keeps wqy-microhei in /usr/share/fonts/wqy-microhei/, Debian in
truetype/wqy/).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sellerdesk.exporters import ExportError

ENV_VAR = "SELLERDESK_CJK_FONT"
FONT_NAME = "SellerDeskCJK"  # the name the renderer's styles use, whatever file it is

# (file name, sub-font index), best first. Windows: Microsoft YaHei, then the older SimHei/SimSun.
WINDOWS_FONTS = (("msyh.ttc", 0), ("msyh.ttf", 0), ("Deng.ttf", 0), ("simhei.ttf", 0), ("simsun.ttc", 0))
# macOS: PingFang (TrueType outlines), STHeiti, Songti; Hiragino Sans GB is CFF on most versions
# (tried anyway: a version with TrueType outlines works); Arial Unicode covers CJK as a last resort.
MACOS_FONTS = (("PingFang.ttc", 0), ("STHeiti Medium.ttc", 0), ("STHeiti Light.ttc", 0), ("Songti.ttc", 0),
               ("Hiragino Sans GB.ttc", 0), ("Arial Unicode.ttf", 0))
# Linux: WenQuanYi (fonts-wqy-microhei / -zenhei), Droid fallback, Noto in a TrueType build, AR PL.
LINUX_FONTS = (("wqy-microhei.ttc", 0), ("wqy-zenhei.ttc", 0), ("DroidSansFallbackFull.ttf", 0),
               ("DroidSansFallback.ttf", 0), ("NotoSansSC-Regular.ttf", 0), ("NotoSansCJK-Regular.ttc", 2),
               ("uming.ttc", 0), ("ukai.ttc", 0))


@dataclass(frozen=True)
class FontChoice:
    """A font file and, for a .ttc collection, which face in it."""

    path: Path
    subfont_index: int = 0

    @classmethod
    def parse(cls, text: str) -> FontChoice:
        """'C:/x/msyh.ttc' or '/usr/share/fonts/a.ttc#1' (the form of the environment variable)."""
        path, sep, index = text.strip().rpartition("#")
        if sep and index.isdigit():
            return cls(Path(path), int(index))
        return cls(Path(text.strip()), 0)


class FontNotFound(ExportError):
    """No usable Chinese font on this machine: the message says what to install."""


def font_dirs(system: str | None = None, env: Mapping[str, str] | None = None) -> list[Path]:
    """The folders fonts live in on this kind of system (missing ones included; the search skips them)."""
    system = system or sys.platform
    env = os.environ if env is None else env
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if system.startswith("win"):
        windir = Path(env.get("WINDIR") or env.get("SystemRoot") or "C:/Windows")
        dirs = [windir / "Fonts"]
        if env.get("LOCALAPPDATA"):  # fonts installed "for this user only"
            dirs.append(Path(env["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if system == "darwin":
        return [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                Path("/Library/Fonts"), home / "Library" / "Fonts"]
    data_dirs = (env.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":")
    dirs = [Path(d) / "fonts" for d in data_dirs if d]
    dirs += [Path(env.get("XDG_DATA_HOME") or home / ".local" / "share") / "fonts", home / ".fonts"]
    return list(dict.fromkeys(dirs))


def known_fonts(system: str | None = None) -> tuple[tuple[str, int], ...]:
    system = system or sys.platform
    if system.startswith("win"):
        return WINDOWS_FONTS
    if system == "darwin":
        return MACOS_FONTS
    return LINUX_FONTS


def candidates(dirs: Iterable[Path], names: Iterable[tuple[str, int]]) -> list[FontChoice]:
    """Every file in the folders (searched recursively) with a known name, in the names' order."""
    names = list(names)
    wanted = {name.lower() for name, _ in names}
    found: dict[str, list[Path]] = {}
    for top in dirs:
        if not top.is_dir():
            continue
        for folder, _, files in os.walk(top):
            for f in files:
                if f.lower() in wanted:
                    found.setdefault(f.lower(), []).append(Path(folder) / f)
    return [FontChoice(p, index) for name, index in names for p in sorted(found.get(name.lower(), []))]


def loads_chinese(choice: FontChoice) -> bool:
    """True when reportlab can embed the font and it has Chinese glyphs (中文, and ¥ for money)."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        font = TTFont("probe", str(choice.path), subfontIndex=choice.subfont_index)
    except (TTFError, OSError, ValueError, IndexError, KeyError, AssertionError):
        return False  # CFF outlines, a damaged file, an index past the collection's end
    glyphs = font.face.charToGlyph
    return all(ord(ch) in glyphs for ch in "中文¥")


def find_cjk_font(*, system: str | None = None, dirs: Iterable[Path] | None = None,
                  env: Mapping[str, str] | None = None,
                  usable: Callable[[FontChoice], bool] = loads_chinese) -> FontChoice:
    """The first usable Chinese font: the environment variable's, then the system's known fonts."""
    env = os.environ if env is None else env
    tried: list[FontChoice] = []
    if env.get(ENV_VAR):
        tried.append(FontChoice.parse(env[ENV_VAR]))
    tried += candidates(font_dirs(system, env) if dirs is None else dirs, known_fonts(system))
    for choice in tried:
        if choice.path.is_file() and usable(choice):
            return choice
    raise _not_found(system or sys.platform, tried)


def _not_found(system: str, tried: list[FontChoice]) -> FontNotFound:
    if system.startswith("win"):
        zh = "请在 Windows 设置 → 字体中安装“微软雅黑”或“黑体”（C:\\Windows\\Fonts\\msyh.ttc / simhei.ttf）"
        en = "install Microsoft YaHei or SimHei (C:\\Windows\\Fonts\\msyh.ttc / simhei.ttf) in Windows Settings → Fonts"
    elif system == "darwin":
        zh = "macOS 自带的苹方（PingFang）或华文黑体应当存在；请在“字体册”中恢复或安装它们"
        en = "macOS ships PingFang and STHeiti; restore or install them in Font Book"
    else:
        zh = "请安装文泉驿微米黑：sudo apt install fonts-wqy-microhei（Fedora：sudo dnf install wqy-microhei-fonts）"
        en = ("install WenQuanYi Micro Hei: sudo apt install fonts-wqy-microhei "
              "(Fedora: sudo dnf install wqy-microhei-fonts)")
    seen = "；".join(str(c.path) for c in tried[:4])
    zh_tried = f"（找到但无法嵌入：{seen}）" if seen else ""
    en_tried = f" (found but not embeddable: {seen.replace('；', '; ')})" if seen else ""
    return FontNotFound(
        f"找不到可嵌入 PDF 的中文字体{zh_tried}。{zh}；或把环境变量 {ENV_VAR} 设为一个 TrueType 中文字体文件的路径。",
        f"No Chinese font that can be embedded in the PDF was found{en_tried}. Please {en}; or set the "
        f"{ENV_VAR} environment variable to the path of a TrueType Chinese font file.",
    )


_registered: dict[FontChoice, str] = {}


def register_cjk_font(choice: FontChoice) -> str:
    """Register the font with reportlab (once per file and face); the font name to use in styles.

    Chinese fonts rarely ship a bold face, so bold and italic map to the same face
    (the renderer marks emphasis by size and rules instead of weight).
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if choice in _registered:
        return _registered[choice]
    name = FONT_NAME if not _registered else f"{FONT_NAME}{len(_registered)}"
    pdfmetrics.registerFont(TTFont(name, str(choice.path), subfontIndex=choice.subfont_index))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)
    _registered[choice] = name
    return name
