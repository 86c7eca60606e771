"""The UI language: Qt translators for our strings and Qt's own, switched live.

Source strings are English; Chinese comes from resources/translations/*.qm.
Widgets retranslate on QEvent.LanguageChange. Texts that services deliver in
both languages (error messages, layout labels) are picked with `lang()`, which
follows QLocale's default, set here on every switch.

After changing UI strings (tests/ui/test_translations.py checks this):
    pyside6-lupdate -extensions py sellerdesk/app.py sellerdesk/ui -no-obsolete -locations none \
        -ts sellerdesk/resources/translations/sellerdesk_zh_CN.ts
    (translate the new entries, e.g. in Qt Linguist)
    pyside6-lrelease sellerdesk/resources/translations/sellerdesk_zh_CN.ts
Strings must be literal calls lupdate can see: QCoreApplication.translate("Context", "text"),
or QT_TRANSLATE_NOOP("Context", "text") where a table holds them; never tr(variable).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
# Shown in the language menu in their own language, never translated.
LANGUAGE_NAMES = {"zh": "简体中文", "en": "English"}

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
APP_CATALOG = "sellerdesk_zh_CN"
_LOCALES = {
    "zh": (QLocale.Language.Chinese, QLocale.Country.China),
    "en": (QLocale.Language.English, QLocale.Country.UnitedStates),
}


def lang() -> str:
    """'zh' or 'en': the language the UI shows now."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def pick(zh: str | None, en: str | None) -> str:
    """The service-provided text in the current UI language."""
    return (zh if lang() == "zh" else en) or zh or en or ""


class Translations:
    """Switches the application's translators (one set per process, like the
    QApplication they are installed on: a second Translations replaces them)."""

    _installed: list[QTranslator] = []  # shared: translators are application-wide state

    def __init__(self, app: QCoreApplication, translations_dir: Path = TRANSLATIONS_DIR):
        self._app = app
        self._dir = translations_dir
        self.language = "en"

    def switch(self, language: str) -> None:
        """Install the translators for language; widgets get QEvent.LanguageChange."""
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        # The locale first: LanguageChange handlers call lang().
        QLocale.setDefault(QLocale(*_LOCALES[language]))
        changed = bool(Translations._installed)
        for translator in Translations._installed:
            self._app.removeTranslator(translator)
        Translations._installed = []
        if language == "zh":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for name, folder in (("qtbase_zh_CN", qt_dir), (APP_CATALOG, str(self._dir))):
                translator = QTranslator()  # kept alive by _installed while installed
                if translator.load(name, folder):
                    self._app.installTranslator(translator)
                    Translations._installed.append(translator)
                    changed = True
        self.language = language
        if not changed:  # nothing was (un)installed, so Qt sent no event: send one
            QCoreApplication.sendEvent(self._app, QEvent(QEvent.Type.LanguageChange))

    def has_catalog(self) -> bool:
        return (self._dir / f"{APP_CATALOG}.qm").is_file()
