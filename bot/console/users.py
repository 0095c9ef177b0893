"""Console accounts: create, authenticate, change. Repeated wrong passwords slow down the address that
sends them (bot/console/throttle.py); an account is never locked for everyone."""
from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.console.passwords import dummy_hash, hash_password, needs_rehash, password_problem, verify_password
from bot.store.console_models import ROLES, User, as_utc, utcnow

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


class UserError(ValueError):
    """A user could not be created or changed; the message is shown as is."""


def username_problem(username: str) -> str | None:
    if not USERNAME.match(username):
        return ("Een gebruikersnaam heeft 2 tot 64 tekens: kleine letters, cijfers, punt, streepje of "
                "liggend streepje, en begint met een letter of cijfer.")
    return None


def find_user(db: Session, username: str) -> User | None:
    return db.scalar(select(User).where(User.username == username.strip().lower()))


def create_user(db: Session, username: str, password: str, role: str) -> User:
    username = username.strip().lower()
    problem = username_problem(username) or password_problem(password)
    if role not in ROLES:
        problem = problem or f"Onbekende rol {role!r}; kies uit {', '.join(ROLES)}."
    if problem:
        raise UserError(problem)
    if find_user(db, username):
        raise UserError(f"De gebruiker {username!r} bestaat al.")
    user = User(username=username, password_hash=hash_password(password), role=role, active=True, failed_logins=0)
    db.add(user)
    db.commit()
    return user


def authenticate(db: Session, username: str, password: str, now: dt.datetime | None = None) -> User | None:
    """The active user with this password, or None. An account with `locked_until` in the future (set by
    an older version or by hand) fails even with the right password."""
    now = now or utcnow()
    user = find_user(db, username)
    if user is None or not user.active:
        verify_password(dummy_hash(), password)
        return None
    if user.locked_until and as_utc(user.locked_until) > now:
        verify_password(dummy_hash(), password)
        return None
    if not verify_password(user.password_hash, password):
        user.failed_logins += 1  # shown to admins; the back-off is per address (bot/console/throttle.py)
        db.commit()
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.failed_logins, user.locked_until, user.last_login = 0, None, now
    db.commit()
    return user


def set_password(db: Session, user: User, password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise UserError(problem)
    user.password_hash, user.failed_logins, user.locked_until = hash_password(password), 0, None
    db.commit()


def set_role(db: Session, user: User, role: str) -> None:
    if role not in ROLES:
        raise UserError(f"Onbekende rol {role!r}.")
    if user.role == "admin" and role != "admin" and _other_active_admins(db, user) == 0:
        raise UserError("De laatste beheerder kan geen andere rol krijgen.")
    user.role = role
    db.commit()


def set_active(db: Session, user: User, active: bool) -> None:
    if not active and user.role == "admin" and _other_active_admins(db, user) == 0:
        raise UserError("De laatste beheerder kan niet worden uitgeschakeld.")
    user.active = active
    db.commit()


def _other_active_admins(db: Session, user: User) -> int:
    query = select(func.count()).select_from(User).where(User.role == "admin", User.active, User.id != user.id)
    return int(db.scalar(query) or 0)


def all_users(db: Session) -> list[User]:
    return list(db.scalars(select(User).order_by(User.username)))
