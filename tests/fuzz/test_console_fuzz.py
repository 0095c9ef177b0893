"""Schemathesis on the console's routes (from its OpenAPI, which the console does not serve): never a 5xx, for an
anonymous visitor, who gets only the log-in page or a refusal, and for an admin, with and without the CSRF token."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import Case, GenerationMode, Response

from bot.console.app import create_app
from bot.console.settings import ConsoleSettings
from tests.fuzz.conftest import Console

# Only the routes are read: the database is opened by the app's lifespan, which never runs for this instance.
OPENAPI = create_app(ConsoleSettings(db_url="sqlite://", tracker_url="sqlite://")).openapi()
BASE_URL = "http://testserver"
LOGIN_PAGE = ("GET", "/login")
REFUSED = {303, 401, 403}  # to the log-in page; "log in again"; form expired or forged (CSRF)

schema = schemathesis.openapi.from_dict(OPENAPI).exclude(path="/logout")  # would end the admin's session
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
# Pages, redirects and most 4xx are not declared in the console's OpenAPI: here only a server error fails.
schema.config.checks.update(included_check_names=["not_a_server_error"])
schema.config.update(max_redirects=0)
FUZZ = settings(max_examples=30, derandomize=True, database=None, deadline=None,
                suppress_health_check=list(HealthCheck))


def aim_at_known_rows(case: Case, console: Console) -> None:
    """Random ids rarely exist: positive examples go to a conversation, handoff and user that do, so the handlers
    get past their lookups (negative examples keep their broken ids)."""
    if case.meta is not None and case.meta.generation.mode == GenerationMode.POSITIVE:
        case.path_parameters.update({k: v for k, v in console.known_ids.items() if k in case.path_parameters})


def assert_refused(case: Case, response: Response) -> None:
    """The request did not reach its handler. Schemathesis also tries methods a route lacks; those requests
    (a 405, or another route: GET /inbox/status is /inbox/{handoff_id}) only have to avoid a server error."""
    if case.method.upper() != case.operation.method.upper():
        return
    negative = case.meta is not None and case.meta.generation.mode == GenerationMode.NEGATIVE
    allowed = REFUSED | {400} if negative else REFUSED  # a body that cannot be parsed is refused before all else
    assert response.status_code in allowed, f"{response.status_code} for {case.as_curl_command()}"


@schema.parametrize()
@FUZZ
def test_anonymous_visitor_is_refused(case: Case, console: Console) -> None:
    response = case.call_and_validate(session=console.anonymous_client(), base_url=BASE_URL)
    if (case.operation.method.upper(), case.path) != LOGIN_PAGE:
        assert_refused(case, response)


@schema.parametrize()
@FUZZ
def test_admin_without_csrf_token(case: Case, console: Console) -> None:
    client, _ = console.admin_client()
    aim_at_known_rows(case, console)
    response = case.call_and_validate(session=client, base_url=BASE_URL)
    if case.operation.method.upper() == "POST":
        assert_refused(case, response)


@schema.include(method="POST").parametrize()
@FUZZ
def test_admin_with_csrf_token(case: Case, console: Console) -> None:
    client, token = console.admin_client()
    aim_at_known_rows(case, console)
    case.call_and_validate(session=client, base_url=BASE_URL, headers={"X-CSRF-Token": token})


@pytest.mark.parametrize("method, path", [("POST", "/users/{}"), ("POST", "/annotations/{}/delete"),
                                          ("GET", "/inbox/{}"), ("GET", "/inbox/1/messages?after={}"),
                                          ("POST", "/inbox/{}/end")])
def test_an_id_beyond_the_database_range_is_refused(console: Console, method: str, path: str) -> None:
    # Found by this fuzz: SQLite cannot bind 2**63, which made the lookup fail with a 500.
    client, token = console.admin_client()
    response = client.request(method, BASE_URL + path.format(2**63), headers={"X-CSRF-Token": token})
    assert response.status_code == 422
