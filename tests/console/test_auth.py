"""Log-in, lock-out, session expiry, log-out, roles and CSRF, on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from bot.console.auth import COOKIE
from bot.console.throttle import FREE_FAILURES
from bot.console.users import create_user
from bot.store.console_models import AuditEntry, LoginSession, User
from bot.store.db import Database
from tests.console.conftest import PASSWORD, ConsoleEnv, csrf_token, login


def _make_user(console: ConsoleEnv, name: str, role: str = "reviewer") -> None:
    database = Database(console.url)
    with database.sessions() as db:
        create_user(db, name, PASSWORD, role)
    database.dispose()


def _try_login(console: ConsoleEnv, username: str, password: str, address: str = "testclient") -> int:
    client = TestClient(console.app, follow_redirects=False, client=(address, 50000))
    token = csrf_token(client.get("/login").text)
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token}).status_code


def test_pages_need_a_login(console: ConsoleEnv) -> None:
    client = TestClient(console.app, follow_redirects=False)
    for path in ("/conversations", f"/conversations/{console.id('acute')}", "/stats", "/annotations/export.yml",
                 "/users", "/audit", "/stats/charts/per_day.svg"):
        response = client.get(path)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next="), path


def test_login_sets_a_strict_httponly_cookie_and_stores_only_a_hash(console: ConsoleEnv) -> None:
    client = TestClient(console.app, follow_redirects=False)
    token = csrf_token(client.get("/login").text)
    response = client.post("/login", data={"username": "reviewer", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 303
    cookie = next(h for h in response.headers.get_list("set-cookie") if h.startswith(f"{COOKIE}="))
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
    raw = cookie.split(";")[0].split("=", 1)[1]
    database = Database(console.url)
    with database.sessions() as db:
        stored = set(db.scalars(select(LoginSession.token_hash)))
    database.dispose()
    assert raw not in stored and len(raw) >= 40


def test_wrong_password_is_refused_and_audited(console: ConsoleEnv) -> None:
    assert _try_login(console, "reviewer", "niet-het-goede-wachtwoord") == 401
    assert _try_login(console, "nobody-here", PASSWORD) == 401
    database = Database(console.url)
    with database.sessions() as db:
        failed = list(db.scalars(select(AuditEntry).where(AuditEntry.action == "login_failed")))
    database.dispose()
    assert any(entry.username == "reviewer" for entry in failed)


def test_repeated_failures_slow_down_that_address_only(console: ConsoleEnv) -> None:
    name = f"lock-{console.backend}"
    _make_user(console, name)
    for _ in range(FREE_FAILURES):
        assert _try_login(console, name, "fout-fout-fout-fout", address="10.0.0.66") == 401
    assert _try_login(console, name, PASSWORD, address="10.0.0.66") == 429  # even the right password waits
    assert _try_login(console, name, PASSWORD, address="10.0.0.7") == 303  # the counsellor elsewhere gets in


def test_session_ends_after_its_absolute_lifetime(console: ConsoleEnv) -> None:
    name = f"lifetime-{console.backend}"
    _make_user(console, name)
    client = login(console.app, name)
    assert client.get("/conversations").status_code == 200
    database = Database(console.url)
    with database.sessions() as db:
        user_id = db.scalar(select(User.id).where(User.username == name))
        long_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=13)
        db.execute(update(LoginSession).where(LoginSession.user_id == user_id).values(created_at=long_ago))
        db.commit()
    database.dispose()
    assert client.get("/conversations").status_code == 303  # active all along, still over 12 hours


def test_cookies_are_secure_over_https(console: ConsoleEnv) -> None:
    client = TestClient(console.app, follow_redirects=False, base_url="https://console.example")
    page = client.get("/login")
    assert all("secure" in h.lower() for h in page.headers.get_list("set-cookie"))
    response = client.post("/login", data={"username": "reviewer", "password": PASSWORD,
                                           "csrf_token": csrf_token(page.text)})
    cookie = next(h for h in response.headers.get_list("set-cookie") if h.startswith(f"{COOKIE}="))
    assert "secure" in cookie.lower()


def test_session_expires(console: ConsoleEnv) -> None:
    name = f"expiry-{console.backend}"
    _make_user(console, name)
    client = login(console.app, name)
    assert client.get("/conversations").status_code == 200
    database = Database(console.url)
    with database.sessions() as db:
        user_id = db.scalar(select(User.id).where(User.username == name))
        past = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)
        db.execute(update(LoginSession).where(LoginSession.user_id == user_id).values(expires_at=past))
        db.commit()
    database.dispose()
    response = client.get("/conversations")
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_logout_ends_the_session(console: ConsoleEnv) -> None:
    client = login(console.app, "reviewer")
    page = client.get("/conversations")
    assert client.post("/logout", data={"csrf_token": csrf_token(page.text)}).status_code == 303
    assert client.get("/conversations").status_code == 303


@pytest.mark.parametrize(("role", "path", "status"), [
    ("reviewer", "/conversations", 200), ("reviewer", "/stats", 200), ("reviewer", "/annotations", 200),
    ("reviewer", "/users", 403), ("reviewer", "/audit", 403),
    ("counsellor", "/conversations", 403), ("counsellor", "/annotations/export.yml", 403),
    ("counsellor", "/stats", 403), ("counsellor", "/users", 403), ("counsellor", "/inbox", 200),
    ("admin", "/conversations", 200), ("admin", "/users", 200), ("admin", "/audit", 200), ("admin", "/inbox", 200),
])
def test_roles(console: ConsoleEnv, role: str, path: str, status: int) -> None:
    assert console.as_role(role).get(path).status_code == status


def test_post_without_or_with_a_wrong_csrf_token_is_refused(console: ConsoleEnv) -> None:
    client = console.as_role("reviewer")
    url = f"/conversations/{console.id('markup')}/annotate"
    form = {"event_id": "1", "intent": "greet"}
    assert client.post(url, data=form).status_code == 403
    assert client.post(url, data={**form, "csrf_token": "wrong"}).status_code == 403
    token = csrf_token(client.get("/conversations").text)
    foreign = client.post(url, data={**form, "csrf_token": token}, headers={"origin": "http://evil.example"})
    assert foreign.status_code == 403


def test_login_form_needs_its_token(console: ConsoleEnv) -> None:
    client = TestClient(console.app, follow_redirects=False)
    assert client.post("/login", data={"username": "reviewer", "password": PASSWORD}).status_code == 403


def test_admin_creates_a_user_who_can_log_in(console: ConsoleEnv) -> None:
    admin = console.as_role("admin")
    token = csrf_token(admin.get("/users").text)
    name = f"nieuw-{console.backend}"
    weak = admin.post("/users", data={"username": name, "password": "kort", "role": "reviewer", "csrf_token": token})
    assert weak.status_code == 400 and "minstens 12" in weak.text
    created = admin.post("/users", data={"username": name, "password": PASSWORD, "role": "reviewer",
                                         "csrf_token": token})
    assert created.status_code == 200
    assert login(console.app, name).get("/conversations").status_code == 200


def test_security_headers(console: ConsoleEnv) -> None:
    response = console.as_role("reviewer").get("/conversations")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(("next_path", "location"), [
    ("/stats", "/stats"), ("//evil.example/x", "/conversations"), ("https://evil.example", "/conversations"),
])
def test_login_redirects_only_to_local_pages(console: ConsoleEnv, next_path: str, location: str) -> None:
    client = TestClient(console.app, follow_redirects=False)
    token = csrf_token(client.get("/login").text)
    response = client.post("/login", data={"username": "reviewer", "password": PASSWORD, "csrf_token": token,
                                           "next": next_path})
    assert response.headers["location"] == location
