"""A real system keyring for the tests: a private D-Bus session with GNOME Keyring.

The credentials tests store and read passwords through the ``keyring``
package's Secret Service backend, the one a Linux desktop uses, rather than a
stand-in. The bus and the keyring daemon live in a temporary home, are
unlocked with a throwaway password, and are stopped at the end. Debian's
``gnome-keyring`` package brings both (``scripts/setup.sh --test`` installs it).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path


class SecretServiceMissing(RuntimeError):
    pass


class SecretService:
    """A session bus and an unlocked keyring; ``env`` points a process at them."""

    def __init__(self) -> None:
        for program in ("dbus-daemon", "gnome-keyring-daemon"):
            if shutil.which(program) is None:
                raise SecretServiceMissing(
                    f"{program} is not installed; the credentials tests need Debian's"
                    " gnome-keyring package (scripts/setup.sh --test installs it)"
                )
        self.folder = Path(tempfile.mkdtemp(prefix="midad-keyring-"))
        self.home = self.folder / "home"
        (self.home / ".local" / "share").mkdir(parents=True)
        (self.home / ".cache").mkdir()
        socket = self.folder / "bus"
        self.env = {
            "HOME": str(self.home),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_RUNTIME_DIR": str(self.folder),
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={socket}",
        }
        child_env = {**os.environ, **self.env}
        self.bus = subprocess.Popen(
            [
                "dbus-daemon",
                "--session",
                "--nofork",
                "--nopidfile",
                f"--address=unix:path={socket}",
            ],
            env=child_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 10
        while not socket.exists():
            if self.bus.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise SecretServiceMissing("the private D-Bus session did not start")
            time.sleep(0.02)
        # --unlock reads the new login keyring's password from stdin and creates it.
        started = subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
            input=b"keyring-test-unlock",
            env=child_env,
            capture_output=True,
            timeout=30,
        )
        if started.returncode != 0:
            self.close()
            raise SecretServiceMissing(
                f"gnome-keyring-daemon did not start: {started.stderr.decode(errors='replace')}"
            )

    def close(self) -> None:
        if self.bus.poll() is None:
            # The keyring daemon exits with the bus it serves.
            os.killpg(self.bus.pid, signal.SIGTERM)
            self.bus.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)

    def files(self) -> list[Path]:
        """Every file the keyring wrote (to check no password sits in one in clear)."""
        return [p for p in self.home.rglob("*") if p.is_file()]
