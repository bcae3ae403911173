"""Who may write: a password whose scrypt hash is configured, or an OIDC login (Streamlit).

Viewing needs no login. Writing is off unless one of these is configured:
- ``KKPHAM_ADMIN_PASSWORD_HASH`` (environment) or ``[kkpham] admin_password_hash`` in
  ``.streamlit/secrets.toml``; print a hash with ``python -m kkpham hash-password``;
- Streamlit's OIDC login (an ``[auth]`` section in secrets) together with
  ``[kkpham] admin_emails = ["nama@instansi.go.id", ...]``: only those accounts may write.
No streamlit import here: the UI passes ``st.secrets`` in as a plain mapping.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets as _secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from kkpham.texts import Explained, Message

SCHEME = "scrypt"
# scrypt cost: ~50 ms and 16 MiB per check, slow enough to make guessing expensive.
N, R, P = 2**14, 8, 1
MAXMEM = 2**26  # what one check may use; a configured hash needing more is refused at start-up
MIN_PASSWORD = 10
IDLE_LOGOUT = 30 * 60.0  # seconds without a write or page action before the login lapses


class PasswordError(Explained, ValueError):
    """A password that cannot be used (too short) or a hash that is malformed."""


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt$hash`` (URL-safe base64), safe to keep in a config file."""
    if len(password) < MIN_PASSWORD:
        raise PasswordError(Message("pw_short", n=MIN_PASSWORD))
    salt = _secrets.token_bytes(16) if salt is None else salt
    digest = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"{SCHEME}${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def _parse(encoded: str) -> tuple[int, int, int, bytes, bytes]:
    parts = encoded.strip().split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        raise PasswordError(Message("pw_format"))
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, digest = _unb64(parts[4]), _unb64(parts[5])
    except ValueError as err:
        raise PasswordError(Message("pw_broken")) from err
    if not (2 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16 and digest):
        raise PasswordError(Message("pw_params"))
    if 128 * r * (n + p + 2) > MAXMEM:  # hashlib's own memory rule for scrypt
        raise PasswordError(Message("pw_memory", mib=MAXMEM // 2**20))
    return n, r, p, salt, digest


def check_hash(encoded: str) -> None:
    """PasswordError when a configured hash cannot be used (reported at start, not at login)."""
    _parse(encoded)


def verify_password(password: str, encoded: str) -> bool:
    """True when ``password`` matches (constant-time compare); a malformed hash never matches."""
    try:
        n, r, p, salt, digest = _parse(encoded)
    except PasswordError:
        return False
    try:
        candidate = hashlib.scrypt(
            password.encode(), salt=salt, n=n, r=r, p=p, maxmem=MAXMEM, dklen=len(digest)
        )
    except (ValueError, MemoryError):  # parameters the checks above did not foresee
        return False
    return hmac.compare_digest(candidate, digest)


@dataclass(frozen=True)
class AuthConfig:
    password_hash: str = ""
    oidc: bool = False  # an [auth] section is configured for st.login
    admin_emails: frozenset[str] = frozenset()

    @property
    def writing_enabled(self) -> bool:
        return bool(self.password_hash) or (self.oidc and bool(self.admin_emails))

    def may_write(self, email: str | None) -> bool:
        """Whether an OIDC-logged-in account is on the list of writers."""
        return bool(email) and email.strip().lower() in self.admin_emails


def auth_config(env_hash: str, secrets: Mapping | None) -> AuthConfig:
    """The configuration from the environment's hash and Streamlit secrets (env wins)."""
    secrets = secrets or {}
    section = secrets.get("kkpham", {}) or {}
    password_hash = (env_hash or str(section.get("admin_password_hash", "") or "")).strip()
    if password_hash:
        check_hash(password_hash)
    emails = section.get("admin_emails", []) or []
    if isinstance(emails, str):
        emails = [emails]
    return AuthConfig(
        password_hash=password_hash,
        oidc="auth" in secrets,
        admin_emails=frozenset(str(e).strip().lower() for e in emails if str(e).strip()),
    )


# -- throttling password guesses ------------------------------------------------------------------
@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0


@dataclass
class LoginThrottle:
    """Failed logins counted per name and overall, for the whole server process.

    A session-only counter is bypassed by opening a new session; this one is shared by every
    session of the process (the UI keeps one in ``st.cache_resource``). After ``free`` failures
    (per name) or ``free_overall`` (all names together, since the name is free text an attacker
    can vary) each further attempt must wait ``base_delay * 2**k`` seconds after the last
    failure, capped at ``max_delay``. Failures older than ``forget_after`` are forgotten.
    An attempt is counted when it starts (``begin``), so parallel guesses cannot slip through
    between the check and the result; ``succeeded`` clears the name's and the overall count.
    """

    free: int = 5
    free_overall: int = 20
    base_delay: float = 2.0
    max_delay: float = 900.0
    forget_after: float = 3600.0
    clock: Callable[[], float] = time.monotonic
    _by_name: dict[str, _Failures] = field(default_factory=dict, repr=False)
    _overall: _Failures = field(default_factory=_Failures, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @staticmethod
    def _key(name: str) -> str:
        return " ".join(name.split()).casefold()

    def _delay(self, failures: _Failures, free: int, now: float) -> float:
        if now - failures.last > self.forget_after:
            failures.count = 0
        over = failures.count - free
        if over < 0:
            return 0.0
        wait = min(self.max_delay, self.base_delay * 2.0**over)
        return max(0.0, failures.last + wait - now)

    def wait_seconds(self, name: str) -> float:
        """How long ``name`` must wait before the next attempt (0: may try now)."""
        with self._lock:
            now = self.clock()
            mine = self._by_name.setdefault(self._key(name), _Failures())
            return max(
                self._delay(mine, self.free, now),
                self._delay(self._overall, self.free_overall, now),
            )

    def begin(self, name: str) -> float:
        """0 and the attempt counted as a failure until ``succeeded``; else seconds to wait."""
        with self._lock:
            now = self.clock()
            mine = self._by_name.setdefault(self._key(name), _Failures())
            wait = max(
                self._delay(mine, self.free, now),
                self._delay(self._overall, self.free_overall, now),
            )
            if wait > 0:
                return wait
            for failures in (mine, self._overall):
                failures.count += 1
                failures.last = now
            return 0.0

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._by_name.pop(self._key(name), None)
            self._overall = _Failures()


def attempt_login(
    throttle: LoginThrottle, name: str, password: str, encoded: str
) -> tuple[bool, float]:
    """(logged in, seconds to wait); when it must wait the password is not even checked."""
    wait = throttle.begin(name)
    if wait:
        return False, wait
    if verify_password(password, encoded):
        throttle.succeeded(name)
        return True, 0.0
    return False, 0.0


# -- who is writing -------------------------------------------------------------------------------
@dataclass
class WriterLogin:
    """A password login held in one browser session, lapsing after ``idle`` seconds unused.

    Holding it shows the write controls; it never suffices to write. Streamlit lets a client
    reattach to a session by its id (which travels in upload URLs, and so in proxy logs), and
    such a client inherits everything in ``session_state``. So every write asks for the
    password again (``confirm_write``): only someone who knows it can write, and the audit log
    names the person who logged in and confirmed.
    """

    name: str
    last_active: float
    idle: float = IDLE_LOGOUT

    def active(self, now: float) -> bool:
        return now - self.last_active <= self.idle

    def touch(self, now: float) -> None:
        self.last_active = now


def confirm_write(
    throttle: LoginThrottle, login: WriterLogin | None, password: str, encoded: str, now: float
) -> tuple[str | None, str, float]:
    """(the writer's name, "", 0) when ``password`` confirms an active login; else (None, why,
    seconds to wait) with why one of "expired", "throttled", "wrong".

    Confirmations are throttled like logins (same counters), so they cannot be used to guess.
    """
    if login is None or not login.active(now):
        return None, "expired", 0.0
    ok, wait = attempt_login(throttle, login.name, password, encoded)
    if ok:
        login.touch(now)
        return login.name, "", 0.0
    return None, ("throttled" if wait else "wrong"), wait
