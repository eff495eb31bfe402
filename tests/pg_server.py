"""A throwaway PostgreSQL server for the test run: real, local, fast and unprivileged.

The suite starts one server per run (``tests/conftest.py``) in a temporary
folder, on a free port of 127.0.0.1 with its socket in that folder, and stops
it at the end. Durability is switched off (fsync, synchronous_commit,
full_page_writes): a crash only loses a test run. PostgreSQL refuses to run as
root, so under root the server runs as the ``postgres`` system user that
Debian's package creates (``nobody`` if there is none); otherwise as the
current user. The server also dies with the test process (the parent-death
signal), so a killed run leaves no server behind.

Each test gets its own database, copied from a template (``CREATE DATABASE ..
TEMPLATE``): a few milliseconds instead of migrating and seeding again.
"""

from __future__ import annotations

import contextlib
import ctypes
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
from psycopg import sql

SUPERUSER = "midad"
# Not a secret: the server listens on 127.0.0.1 only and lives for one test run.
# A password (rather than trust) lets the suite check wrong credentials and masking.
PASSWORD = "midad-test-secret"
_PR_SET_PDEATHSIG = 1
STRATEGY = os.environ.get("MIDAD_PG_STRATEGY", "WAL_LOG")
SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    "shared_buffers": "64MB",
    "listen_addresses": "127.0.0.1",
    # A test's server-side errors are expected; keep the log to what helps.
    "log_min_messages": "warning",
    "log_min_error_statement": "panic",
}


class PostgresNotInstalled(RuntimeError):
    pass


def find_bindir() -> Path:
    """The folder with initdb and postgres: $MIDAD_PG_BINDIR, Debian's, or $PATH."""
    if os.environ.get("MIDAD_PG_BINDIR"):
        return Path(os.environ["MIDAD_PG_BINDIR"])
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PostgresNotInstalled(
        "PostgreSQL is not installed, and the suite runs every core test on it too:"
        " run scripts/setup.sh --test as root (it installs Debian's postgresql package),"
        " or sudo apt-get install postgresql, or set MIDAD_TEST_BACKENDS=sqlite"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run_as() -> pwd.struct_passwd | None:
    """Whom to run the server as: None for the current user (when that is not root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise PostgresNotInstalled("running as root, and there is no postgres user to run the server")


def _demote(user: pwd.struct_passwd | None) -> Callable[[], None]:
    def preexec() -> None:
        os.setsid()
        if user is not None:
            os.setgroups([])
            os.setgid(user.pw_gid)
            os.setuid(user.pw_uid)
        # After setuid, which clears it: the server goes when the test run goes.
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGQUIT)

    return preexec


def make_certificates(folder: Path, host: str = "127.0.0.1") -> tuple[Path, Path, Path]:
    """A throwaway certificate authority and a server certificate for ``host``.

    Returns (ca.pem, server.crt, server.key). Made with ``cryptography``, so the
    TLS tests need no openssl program.
    """
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Midad test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(host))]),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    ca_path, cert_path, key_path = folder / "ca.pem", folder / "server.crt", folder / "server.key"
    ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    return ca_path, cert_path, key_path


class PostgresServer:
    def __init__(self, *, tls: bool = False) -> None:
        self.tls = tls
        self.ca_file: Path | None = None
        self.bindir = find_bindir()
        self.user = _run_as()
        # Under root, $TMPDIR may sit in a folder the postgres user cannot enter.
        parent = "/tmp" if self.user is not None and os.path.isdir("/tmp") else None
        self.root = Path(tempfile.mkdtemp(prefix="midad-pg-", dir=parent))
        self.data = self.root / "data"
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self._counter = 0

    # -- life ------------------------------------------------------------------

    def start(self) -> PostgresServer:
        if self.user is not None:
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
        pwfile = self.root / "pwfile"
        pwfile.write_text(PASSWORD + "\n")
        if self.user is not None:
            os.chown(pwfile, self.user.pw_uid, self.user.pw_gid)
        self._call(
            [
                str(self.bindir / "initdb"),
                "-D",
                str(self.data),
                "-U",
                SUPERUSER,
                f"--pwfile={pwfile}",
                "--auth-host=scram-sha-256",
                "--auth-local=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions",
            ]
        )
        pwfile.unlink()
        args = [str(self.bindir / "postgres"), "-D", str(self.data), "-p", str(self.port)]
        args += ["-k", str(self.root)]
        settings = dict(SETTINGS)
        if self.tls:
            # The server's certificate, signed by a CA only this run knows.
            ca, cert, key = make_certificates(self.root / "tls")
            if self.user is not None:
                for path in (cert, key):
                    os.chown(path, self.user.pw_uid, self.user.pw_gid)
            self.ca_file = ca
            settings.update({"ssl": "on", "ssl_cert_file": str(cert), "ssl_key_file": str(key)})
        for key, value in settings.items():
            args += ["-c", f"{key}={value}"]
        log = (self.root / "server.log").open("ab")
        self.process = subprocess.Popen(
            args, stdout=log, stderr=subprocess.STDOUT, preexec_fn=_demote(self.user)
        )
        log.close()
        self._wait_ready()
        return self

    def _call(self, args: list[str]) -> None:
        done = subprocess.run(
            args, capture_output=True, preexec_fn=_demote(self.user), check=False, cwd=self.root
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"{args[0]} failed ({done.returncode}): {done.stderr.decode(errors='replace')}"
            )

    def _wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"PostgreSQL did not start:\n{self.log_tail()}")
            try:
                with psycopg.connect(self.dsn("postgres"), connect_timeout=2):
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"PostgreSQL did not answer:\n{self.log_tail()}") from None
                time.sleep(0.05)

    def log_tail(self, lines: int = 30) -> str:
        path = self.root / "server.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            # SIGQUIT: immediate shutdown; nothing here needs to survive.
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)

    # -- addresses ---------------------------------------------------------------

    def dsn(self, database: str, *, password: str = PASSWORD) -> str:
        return (
            f"host=127.0.0.1 port={self.port} user={SUPERUSER} password={password}"
            f" dbname={database}"
        )

    def url(self, database: str, *, password: str = PASSWORD) -> str:
        return f"postgresql+psycopg://{SUPERUSER}:{password}@127.0.0.1:{self.port}/{database}"

    # -- databases ---------------------------------------------------------------

    def new_name(self, prefix: str = "t") -> str:
        self._counter += 1
        return f"{prefix}_{os.getpid()}_{self._counter}"

    def execute(self, statement: sql.Composable | str, database: str = "postgres") -> None:
        with psycopg.connect(self.dsn(database), autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def create_database(self, name: str, template: str = "template0") -> None:
        self.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY {}").format(
                sql.Identifier(name), sql.Identifier(template), sql.SQL(STRATEGY)
            )
        )

    def drop_database(self, name: str) -> None:
        self.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )

    def mark_template(self, name: str) -> None:
        # No connection may stay open on a template while it is copied.
        self.execute(
            sql.SQL("ALTER DATABASE {} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false").format(
                sql.Identifier(name)
            )
        )
