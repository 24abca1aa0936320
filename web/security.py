"""The page's defences that do not depend on a view: the secret key file, response headers, login throttling."""

from __future__ import annotations

import os
import secrets
import threading
import time
from pathlib import Path

# No inline script anywhere; frames only from this site (the sandboxed draft preview)
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'")
# The draft preview itself: no script at all (the frame is sandboxed too), inline styles of the e-mail allowed
PREVIEW_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; "
               "form-action 'none'; base-uri 'none'; sandbox")


def secret_key(data_dir: Path) -> bytes:
    """The key that signs session cookies: made once in the data folder (mode 0600), never in the database."""
    path = Path(data_dir) / "web-secret-key"
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex())
    return key


def set_headers(response, *, preview: bool = False):
    response.headers["Content-Security-Policy"] = PREVIEW_CSP if preview else CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "SAMEORIGIN" if preview else "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers.setdefault("Cache-Control", "no-store")
    return response


class LoginThrottle:
    """After ``limit`` failed logins for one name or from one address within ``window`` seconds, that name or
    address waits ``wait`` seconds. In-process: enough for the one waitress process that serves the page."""

    def __init__(self, limit: int = 5, window: float = 900.0, wait: float = 300.0, clock=time.monotonic) -> None:
        self.limit, self.window, self.wait, self.clock = limit, window, wait, clock
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _keys(self, name: str, address: str) -> tuple[str, str]:
        return f"user:{(name or '').strip().lower()}", f"addr:{address}"

    def blocked_for(self, name: str, address: str) -> float:
        """Seconds left to wait (0 when a try is allowed)."""
        now = self.clock()
        with self._lock:
            left = 0.0
            for key in self._keys(name, address):
                times = [t for t in self._failures.get(key, []) if now - t < max(self.window, self.wait)]
                self._failures[key] = times
                if len(times) >= self.limit:
                    left = max(left, times[-1] + self.wait - now)
            return max(left, 0.0)

    def failed(self, name: str, address: str) -> None:
        now = self.clock()
        with self._lock:
            for key in self._keys(name, address):
                self._failures.setdefault(key, []).append(now)
                del self._failures[key][:-self.limit * 4]

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(self._keys(name, "")[0], None)
