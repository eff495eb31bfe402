"""Refresh the Arabic translation source from the interface code.

    .venv/bin/python scripts/update_translations.py

Runs pyside6-lupdate over every .py file under ui/ and main.py, writing
resources/translations/midad_ar.ts (source language en, target language ar).
Translations already in the file are kept; with -no-obsolete, messages whose
string is no longer in the code are dropped.  New messages arrive empty and
marked unfinished: translate them (by hand, or with .venv/bin/pyside6-linguist),
then run tests/ui/test_translations.py.  The .qm is built by
scripts/build_translations.py (run by scripts/setup.sh).

Works from any folder.  Prints what changed, the messages still to translate,
and calls lupdate cannot read (an aliased or wrapped translate(), a string in a
variable): such strings never reach the .ts.  Exits non-zero when lupdate fails.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "resources" / "translations" / "midad_ar.ts"
SOURCE_LANGUAGE = "en"
TARGET_LANGUAGE = "ar"

# (context, source, comment): how Qt looks a message up.
Key = tuple[str, str, str]


def source_files(root: Path = ROOT) -> list[Path]:
    """The Python files whose strings are translated: ui/**/*.py and main.py."""
    files = sorted((root / "ui").rglob("*.py"))
    main = root / "main.py"
    if main.is_file():
        files.append(main)
    return files


def find_lupdate() -> str | None:
    override = os.environ.get("MIDAD_LUPDATE")
    if override:
        return override
    for folder in (Path(sys.executable).parent, ROOT / ".venv" / "bin"):
        candidate = folder / "pyside6-lupdate"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("pyside6-lupdate")


def run_lupdate(ts_file: Path, lupdate: str, root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Create or update ts_file from the sources of root (paths in it stay relative)."""
    files = [str(path.relative_to(root)) for path in source_files(root)]
    command = [
        lupdate,
        "-silent",
        "-no-obsolete",
        "-locations",
        "absolute",
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        TARGET_LANGUAGE,
        *files,
        "-ts",
        str(ts_file),
    ]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)


def read_messages(ts_file: Path) -> dict[Key, ET.Element]:
    """Every message of a .ts file by (context, source, comment)."""
    if not ts_file.exists():
        return {}
    messages: dict[Key, ET.Element] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            messages[key] = message
    return messages


def translation_texts(message: ET.Element) -> list[str]:
    """A message's translation: one text, or one per plural form."""
    translation = message.find("translation")
    if translation is None:
        return []
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def is_translated(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") is not None:  # unfinished, vanished...
        return False
    return all(text.strip() for text in translation_texts(message))


def describe(key: Key) -> str:
    context, source, comment = key
    text = source.replace("\n", "\\n")
    return f"{context or '(no context)'}: {text}" + (f"  [{comment}]" if comment else "")


def _is_str(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _callee(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def unreadable_calls(files: Iterable[Path], root: Path = ROOT) -> list[str]:
    """tr()/translate() calls whose strings lupdate cannot see, as "file:line: why".

    lupdate reads the literal arguments of each call by its name: it does not
    follow ``tr = QCoreApplication.translate`` (it then reads the context as the
    text) nor a helper that passes a variable on (the strings given to the helper
    are never extracted).
    """
    problems: list[str] = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = path.relative_to(root)
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(
                node.value, ast.Attribute
            ):
                if node.value.attr in ("translate", "tr"):
                    problems.append(
                        f"{where}:{node.lineno}: alias of {node.value.attr}(): lupdate does not"
                        " follow it; call QCoreApplication.translate(...) or self.tr(...) itself"
                    )
            elif isinstance(node, ast.Call):
                name = _callee(node.func)
                if name == "translate" and len(node.args) >= 2:
                    literal = _is_str(node.args[0]) and _is_str(node.args[1])
                elif name == "tr" and isinstance(node.func, ast.Attribute) and node.args:
                    literal = _is_str(node.args[0])
                else:
                    continue
                if not literal:
                    problems.append(
                        f"{where}:{node.lineno}: {name}() with a non-literal argument: lupdate"
                        " cannot extract the strings passed in; give it the literal text"
                    )
    return problems


def main() -> int:
    lupdate = find_lupdate()
    if lupdate is None:
        print("update_translations: pyside6-lupdate not found (is PySide6 installed?)")
        return 1
    before = read_messages(TS_FILE)
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    result = run_lupdate(TS_FILE, lupdate)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        print(f"update_translations: lupdate failed (exit {result.returncode}):")
        print(output)
        return 1
    if output:
        print(output)
    after = read_messages(TS_FILE)

    added = [key for key in after if key not in before]
    dropped = [key for key in before if key not in after]
    lost = [key for key in dropped if is_translated(before[key])]
    todo = [key for key, message in after.items() if not is_translated(message)]
    print(
        f"{TS_FILE.relative_to(ROOT)}: {len(after)} messages,"
        f" {len(added)} new, {len(dropped)} dropped, {len(todo)} to translate"
    )
    if lost:
        print("dropped translated messages (their strings are no longer found in the code):")
        for key in lost:
            text = " | ".join(translation_texts(before[key])).replace("\n", "\\n")
            print(f"  - {describe(key)}  ->  {text}")
    if todo:
        print("to translate:")
        for key in todo:
            print(f"  - {describe(key)}")
    problems = unreadable_calls(source_files())
    if problems:
        print("warning: calls lupdate cannot read (their strings are missing from the .ts):")
        for problem in problems:
            print(f"  {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
