"""The Arabic translation: complete, faithful to its placeholders, current, and loadable.

When a test here fails after you added or changed an interface string, run

    .venv/bin/python scripts/update_translations.py

and translate the messages it lists in resources/translations/midad_ar.ts
(remove type="unfinished" from each one you translate).
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from editor.storage import Newsroom

REPO = Path(__file__).resolve().parent.parent.parent
TS_FILE = REPO / "resources" / "translations" / "midad_ar.ts"
# Qt's Arabic plural forms, in its order: 0, 1, 2, 3-10, 11-99, the rest (100, 101...).
ARABIC_FORMS = ("zero", "one", "two", "few", "many", "other")
# Forms that may spell the number out ("مقالان") instead of showing %n.
SPELLED_OUT_FORMS = 3
PLACEHOLDER = re.compile(r"%L?([1-9])")
ACCELERATOR = re.compile(r"&(?=[^&\s])")
FILE_PATTERN = re.compile(r"\(\*[^)]*\)")


def _load_update_script() -> ModuleType:
    path = REPO / "scripts" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = _load_update_script()


def _tool(name: str) -> str:
    """A Qt tool shipped with PySide6, next to the interpreter running the tests."""
    candidate = Path(sys.executable).parent / name
    if candidate.is_file():
        return str(candidate)
    found = update.find_lupdate() if name == "pyside6-lupdate" else None
    if found is None:
        pytest.fail(f"{name} not found next to {sys.executable}: is PySide6 installed?")
    return found


def _messages(ts_file: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def _label(context: str, message: ET.Element) -> str:
    source = (message.findtext("source") or "").replace("\n", "\\n")
    comment = message.findtext("comment")
    return f"{context or '(no context)'}: {source!r}" + (f" [{comment}]" if comment else "")


def _placeholders(text: str) -> set[str]:
    return {f"%{digit}" for digit in PLACEHOLDER.findall(text)}


def _accelerators(text: str) -> int:
    return len(ACCELERATOR.findall(text.replace("&&", "")))


def _problems(context: str, message: ET.Element) -> list[str]:
    label = _label(context, message)
    source = message.findtext("source") or ""
    translation = message.find("translation")
    if translation is None:
        return [f"{label}: no <translation>"]
    if translation.get("type") is not None:
        return [f'{label}: translation is type="{translation.get("type")}"']
    numerus = message.get("numerus") == "yes"
    forms = translation.findall("numerusform")
    if numerus:
        if len(forms) != len(ARABIC_FORMS):
            return [f"{label}: {len(forms)} plural forms, Arabic needs {len(ARABIC_FORMS)}"]
        texts = [form.text or "" for form in forms]
    else:
        texts = [translation.text or ""]

    problems = []
    wanted = _placeholders(source)
    for position, text in enumerate(texts):
        where = f"{label} ({ARABIC_FORMS[position]} form)" if numerus else label
        if not text.strip():
            problems.append(f"{where}: empty translation")
            continue
        if missing := wanted - _placeholders(text):
            problems.append(f"{where}: {sorted(missing)} missing from {text!r}")
        if extra := _placeholders(text) - wanted:
            problems.append(f"{where}: {sorted(extra)} not in the source, in {text!r}")
        if "%n" in source and position >= SPELLED_OUT_FORMS and "%n" not in text:
            problems.append(f"{where}: %n missing from {text!r}")
        if _accelerators(source) != _accelerators(text):
            problems.append(f"{where}: the source has {_accelerators(source)} & accelerator(s)")
        if source.count(";;") != text.count(";;") or not set(FILE_PATTERN.findall(source)) <= set(
            FILE_PATTERN.findall(text)
        ):
            problems.append(f"{where}: file-dialog filters changed in {text!r}")
    return problems


# -- (a) the committed .ts is complete and well formed -------------------------


def test_ts_is_arabic_from_english() -> None:
    root = ET.parse(TS_FILE).getroot()
    assert root.get("language") == "ar"
    assert root.get("sourcelanguage") == "en"


def test_every_message_is_translated_faithfully() -> None:
    messages = list(_messages(TS_FILE))
    assert messages, f"{TS_FILE} has no messages"
    problems = [problem for context, message in messages for problem in _problems(context, message)]
    assert not problems, "translation problems:\n" + "\n".join(problems)


def test_no_message_is_listed_twice() -> None:
    keys = [
        (context, message.findtext("source"), message.findtext("comment"))
        for context, message in _messages(TS_FILE)
    ]
    duplicates = sorted({str(key) for key in keys if keys.count(key) > 1})
    assert not duplicates, duplicates


# -- (b) the .ts is up to date with the code ------------------------------------


def test_every_string_in_the_code_is_in_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    result = update.run_lupdate(fresh, _tool("pyside6-lupdate"))
    assert result.returncode == 0, result.stdout + result.stderr
    committed = update.read_messages(TS_FILE)
    missing = [update.describe(key) for key in update.read_messages(fresh) if key not in committed]
    assert not missing, (
        "strings in ui/ missing from resources/translations/midad_ar.ts; run"
        " `.venv/bin/python scripts/update_translations.py` and translate them:\n  "
        + "\n  ".join(missing)
    )


def test_lupdate_can_read_every_translate_call() -> None:
    problems = update.unreadable_calls(update.source_files(REPO), REPO)
    assert not problems, "\n".join(problems)


# -- (c) the compiled translation works at run time -----------------------------


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .ts compiled by lrelease, once for this module."""
    qm = tmp_path_factory.mktemp("qm") / "midad_ar.qm"
    result = subprocess.run(
        [_tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert " 0 unfinished" in output, output
    return qm


@pytest.fixture
def arabic(qapp: QApplication, compiled: Path) -> Iterator[QTranslator]:
    qm = compiled
    translator = QTranslator()
    assert translator.load(str(qm))
    assert qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_interface_strings_come_out_in_arabic(arabic: QTranslator) -> None:
    translate = QCoreApplication.translate
    assert translate("MainWindow", "&File") == "&ملف"
    assert translate("MainWindow", "Articles") == "المقالات"
    assert translate("ArticleFields", "Headline") == "العنوان الرئيسي"
    assert translate("ArticleFields", "Standfirst") == "المقدمة"
    assert translate("Labels", "Draft") == "مسودة"
    assert translate("Labels", "Pending") == "قيد المراجعة"
    assert translate("Moderation", "Spam") == "مزعج"
    assert translate("Messages", "Something went wrong.") == "حدث خطأ ما."
    assert translate("TaxonomyFilter", "section %1").replace("%1", "اقتصاد") == "قسم «اقتصاد»"


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "لا مقالات"),
        (1, "مقال واحد"),
        (2, "مقالان"),
        (7, "7 مقالات"),
        (11, "11 مقالًا"),
        (100, "100 مقال"),
        (103, "103 مقالات"),
    ],
)
def test_plural_forms_follow_arabic_grammar(arabic: QTranslator, count: int, expected: str) -> None:
    assert QCoreApplication.translate("ArticleListPanel", "%Ln article(s)", "", count) == expected


def test_widgets_show_arabic(arabic: QTranslator, qtbot: object, empty_newsroom: Newsroom) -> None:
    """self.tr() looks up the class name: the contexts lupdate wrote must match."""
    from ui.articles.list_panel import ArticleListPanel

    panel = ArticleListPanel(empty_newsroom)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    assert panel.filter_label.text() == "كل المقالات"
    assert panel.clear_button.toolTip() == "إلغاء التصفية"
    header = panel.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "العنوان الرئيسي"
