"""The start-up password dialog for a newsroom on a PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL, make_url

from editor import credentials
from editor.errors import PasswordRefused
from editor.storage import open_newsroom
from tests.conftest import PostgresDatabases
from tests.pg_server import PASSWORD
from tests.secret_service import SecretService
from ui.server_password import ServerPasswordDialog

pytestmark = pytest.mark.postgresql


@pytest.fixture
def bare_url(postgres: PostgresDatabases) -> Iterator[URL]:
    name, url = postgres.create("seeded")
    yield make_url(url)._replace(password=None)
    postgres.drop(name)


def _refusal(url: URL) -> PasswordRefused:
    with pytest.raises(PasswordRefused) as caught:
        open_newsroom(url)
    return caught.value


def test_a_wrong_password_keeps_the_dialog_open_and_the_right_one_is_kept(
    qtbot: QtBot, bare_url: URL, desktop_keyring: SecretService, qapp: QApplication
) -> None:
    dialog = ServerPasswordDialog(bare_url, _refusal(bare_url))
    qtbot.addWidget(dialog)
    dialog.show()
    assert credentials.account(bare_url) in dialog.findChildren(type(dialog.message))[0].text()
    assert dialog.remember.isEnabled()

    qtbot.keyClicks(dialog.password, "not-it")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.newsroom is None and dialog.isVisible()
    assert "not-it" not in dialog.message.text()

    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.remember, Qt.Key.Key_Space)
    assert dialog.remember.isChecked()
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.newsroom is not None and not dialog.isVisible()
    try:
        assert dialog.newsroom.articles.list_ids()
    finally:
        dialog.newsroom.close()
    assert credentials.stored_password(bare_url) == PASSWORD
    # The next start needs no dialog: the keyring answers.
    again = open_newsroom(bare_url)
    again.close()
    credentials.forget_password(bare_url)


def test_without_a_keyring_the_box_is_off_and_says_why(
    qtbot: QtBot, bare_url: URL, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    dialog = ServerPasswordDialog(bare_url, _refusal(bare_url))
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled()
    assert "PGPASSWORD" in dialog.remember.toolTip()
