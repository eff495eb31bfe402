"""A PostgreSQL password from the keyring or libpq, never in clear; TLS options honoured.

The keyring is real: GNOME Keyring's Secret Service on a private D-Bus session
(tests/secret_service.py), the backend a Linux desktop's ``keyring`` uses. The
command line runs in real processes pointed at that session.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from editor import credentials
from editor.errors import PasswordRefused, StorageUnavailable
from editor.storage import open_newsroom
from tests.conftest import REPO, PostgresDatabases
from tests.pg_server import PASSWORD, PostgresServer, make_certificates
from tests.secret_service import SecretService

pytestmark = pytest.mark.postgresql


@pytest.fixture
def seeded_url(postgres: PostgresDatabases) -> Iterator[str]:
    name, url = postgres.create("seeded")
    yield url
    postgres.drop(name)


def _without_password(url: str) -> str:
    return make_url(url)._replace(password=None).render_as_string(hide_password=False)


def _cli(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("PGPASSWORD", "MIDAD_DB")}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        input=stdin,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )


def test_a_kept_password_opens_the_newsroom_and_is_never_in_clear(
    seeded_url: str, secret_service: SecretService, tmp_path: Path
) -> None:
    bare = _without_password(seeded_url)
    assert PASSWORD not in bare
    env = {**secret_service.env, "XDG_CONFIG_HOME": str(tmp_path / "config")}

    # Without a password from anywhere, the server's refusal says where one may come from.
    before = _cli(["--db", bare, "articles", "--json"], env)
    assert before.returncode == 1
    assert "asks for a password" in before.stderr and "keyring" in before.stderr

    kept = _cli(["password", bare], env, stdin=PASSWORD + "\n")
    assert kept.returncode == 0, kept.stderr
    assert "kept the password" in kept.stdout
    assert PASSWORD not in kept.stdout + kept.stderr

    listed = _cli(["--db", bare, "articles", "--json"], env)
    assert listed.returncode == 0, listed.stderr
    assert '"headline"' in listed.stdout

    # The keyring holds it encrypted; no file of the session, Midad's config or its
    # data folder has it in clear.
    stored = b"".join(p.read_bytes() for p in secret_service.files())
    mine = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert PASSWORD.encode() not in stored + mine

    forgot = _cli(["password", "--forget", bare], env)
    assert forgot.returncode == 0 and "forgot" in forgot.stdout
    after = _cli(["--db", bare, "articles", "--json"], env)
    assert after.returncode == 1 and "asks for a password" in after.stderr


def test_a_wrong_password_is_not_kept(seeded_url: str, desktop_keyring: SecretService) -> None:
    bare = _without_password(seeded_url)
    refused = _cli(["password", bare], desktop_keyring.env, stdin="not-the-password\n")
    assert refused.returncode == 1
    assert "user name or password" in refused.stderr
    assert "not-the-password" not in refused.stderr + refused.stdout
    assert credentials.stored_password(make_url(bare)) is None


def test_the_open_newsroom_reads_the_keyring_in_this_process(
    seeded_url: str, desktop_keyring: SecretService
) -> None:
    bare = make_url(_without_password(seeded_url))
    with pytest.raises(PasswordRefused):
        open_newsroom(bare)
    account = credentials.remember_password(bare, PASSWORD)
    assert account.endswith(f"/{bare.database}") and account.startswith("midad@127.0.0.1:")
    nr = open_newsroom(bare)
    try:
        assert nr.articles.list_ids()
        # What the newsroom shows of itself has no password either.
        assert PASSWORD not in nr.location
    finally:
        nr.close()
    assert credentials.forget_password(bare) is True
    assert credentials.forget_password(bare) is False


def test_pgpassword_wins_and_the_keyring_is_not_asked(
    seeded_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    # No session bus here: were the keyring asked, it could only fail.
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    nr = open_newsroom(_without_password(seeded_url))
    nr.close()


def test_without_a_keyring_the_command_says_what_to_use_instead(
    seeded_url: str, tmp_path: Path
) -> None:
    env = {
        "HOME": str(tmp_path),
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}",
        "XDG_RUNTIME_DIR": str(tmp_path),
    }
    result = _cli(["password", _without_password(seeded_url)], env, stdin=PASSWORD + "\n")
    assert result.returncode == 1
    assert "no system keyring" in result.stderr and "PGPASSWORD" in result.stderr
    assert PASSWORD not in result.stderr + result.stdout


def test_a_sqlite_newsroom_has_no_password_to_keep(tmp_path: Path) -> None:
    result = _cli(["password", str(tmp_path / "n.sqlite3")], {})
    assert result.returncode == 1 and "PostgreSQL" in result.stderr


def test_a_tls_failure_is_named_as_such(postgres: PostgresDatabases) -> None:
    name, url = postgres.create("empty")
    try:
        with pytest.raises(StorageUnavailable) as caught:
            open_newsroom(url + "?sslmode=require")
        assert "TLS" in str(caught.value) and "sslmode" in str(caught.value)
        assert PASSWORD not in str(caught.value)
    finally:
        postgres.drop(name)


@pytest.fixture(scope="module")
def tls_server() -> Iterator[PostgresServer]:
    """A server of its own that speaks TLS with a certificate from a CA made for the test."""
    server = PostgresServer(tls=True).start()
    server.create_database("newsroom")
    yield server
    server.stop()


def test_tls_options_in_the_url_reach_the_driver(tls_server: PostgresServer) -> None:
    assert tls_server.ca_file is not None
    url = f"{tls_server.url('newsroom')}?sslmode=verify-full&sslrootcert={tls_server.ca_file}"
    nr = open_newsroom(url)
    try:
        with nr.engine.connect() as conn:
            encrypted = conn.exec_driver_sql(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
            ).scalar()
        assert encrypted is True
        assert nr.articles.list_ids()
    finally:
        nr.close()


def test_a_certificate_from_another_authority_is_refused_as_tls(
    tls_server: PostgresServer, tmp_path: Path
) -> None:
    # The right server, but the desk trusts another authority: refuse, and say it is TLS.
    other_ca, _cert, _key = make_certificates(tmp_path / "other")
    url = f"{tls_server.url('newsroom')}?sslmode=verify-full&sslrootcert={other_ca}"
    with pytest.raises(StorageUnavailable) as caught:
        open_newsroom(url)
    assert "TLS" in str(caught.value)
    assert PASSWORD not in str(caught.value)
