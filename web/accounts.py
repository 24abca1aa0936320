"""Users of the web page: roles, permissions, argon2 password hashes. The CLI's `congvan user` and the admin page
both call these."""

from __future__ import annotations

import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.exc import IntegrityError

from tracker.db import users as rows

ROLES = {"clerk": "Văn thư", "specialist": "Chuyên viên", "leader": "Lãnh đạo", "admin": "Quản trị"}

# what each role may do; every role may read its office's letters, obligations and drafts
PERMISSIONS = {
    "confirm_letter": {"clerk"},
    "register_letter": {"clerk"},
    "close_obligation": {"clerk", "specialist"},
    "extend_obligation": {"clerk", "leader"},
    "withdraw_obligation": {"clerk", "leader"},
    "approve_draft": {"clerk", "leader"},
    "discard_draft": {"clerk", "leader"},
    "sign_draft": {"clerk"},
    "reports": {"leader", "clerk", "admin"},
    "units": {"clerk", "admin"},
    "admin": {"admin"},
}
MIN_PASSWORD = 10
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
_hasher = PasswordHasher()
# a hash to check against when the name is unknown, so that both cases take the same time
_DUMMY = _hasher.hash("congvan: no such user")


class AccountError(ValueError):
    """One Vietnamese line saying what is allowed."""


@dataclass(frozen=True)
class User:
    id: int
    name: str
    full_name: str
    role: str
    office_id: str

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)

    def may(self, action: str) -> bool:
        return self.role in PERMISSIONS.get(action, ())

    @classmethod
    def of(cls, row: dict) -> "User":
        return cls(row["id"], row["name"], row.get("full_name") or "", row["role"], row["office_id"])


def add_user(engine, *, name: str, role: str, office_id: str, password: str, full_name: str = "") -> User:
    name = (name or "").strip().lower()
    if not _NAME.match(name):
        raise AccountError("Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và . _ - (2–64 ký tự).")
    if role not in ROLES:
        raise AccountError("Vai trò phải là một trong: " + ", ".join(f"{k} ({v})" for k, v in ROLES.items()) + ".")
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")
    try:
        with engine.begin() as conn:
            user_id = rows.add(conn, name=name, full_name=full_name.strip()[:200], role=role, office_id=office_id,
                               password_hash=_hasher.hash(password))
    except IntegrityError:
        raise AccountError(f"Đã có người dùng tên {name}.") from None
    return User(user_id, name, full_name.strip(), role, office_id)


def authenticate(engine, name: str, password: str) -> User | None:
    """The user, when the name and password match an account that is not disabled; else None."""
    with engine.connect() as conn:
        row = rows.by_name(conn, (name or "").strip().lower())
    if row is None or row["disabled"]:
        try:
            _hasher.verify(_DUMMY, password or "")
        except VerificationError:
            pass
        return None
    try:
        _hasher.verify(row["password_hash"], password or "")
    except (VerificationError, InvalidHashError):
        return None
    with engine.begin() as conn:
        if _hasher.check_needs_rehash(row["password_hash"]):
            rows.change(conn, row["id"], password_hash=_hasher.hash(password))
        rows.touch_login(conn, row["id"])
    return User.of(row)


def active_user(engine, user_id: int) -> User | None:
    with engine.connect() as conn:
        row = rows.by_id(conn, user_id)
    return User.of(row) if row and not row["disabled"] else None


def list_users(engine, office_id: str | None = None) -> list[dict]:
    with engine.connect() as conn:
        out = rows.listing(conn, office_id)
    for r in out:
        r["role_label"] = ROLES.get(r["role"], r["role"])
    return out


def set_disabled(engine, name: str, disabled: bool = True, *, office_id: str | None = None) -> None:
    with engine.begin() as conn:
        row = rows.by_name(conn, (name or "").strip().lower())
        if row is None or (office_id is not None and row["office_id"] != office_id):
            raise AccountError(f"Không có người dùng tên {name}.")
        rows.change(conn, row["id"], disabled=disabled)
