"""Log-in back-off per address and account (bot/console/throttle.py)."""
from __future__ import annotations

from bot.console.throttle import ADDRESS_FREE_FAILURES, BASE_S, FREE_FAILURES, MAX_S, LoginThrottle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_back_off_doubles_per_failure_and_is_capped() -> None:
    clock = Clock()
    throttle = LoginThrottle(clock=clock)
    for _ in range(FREE_FAILURES - 1):
        throttle.failed("1.2.3.4", "anna")
    assert throttle.wait_s("1.2.3.4", "anna") == 0
    throttle.failed("1.2.3.4", "anna")
    assert throttle.wait_s("1.2.3.4", "anna") == BASE_S
    throttle.failed("1.2.3.4", "anna")
    assert throttle.wait_s("1.2.3.4", "anna") == 2 * BASE_S
    for _ in range(20):
        throttle.failed("1.2.3.4", "anna")
    assert throttle.wait_s("1.2.3.4", "anna") == MAX_S
    clock.now += MAX_S
    assert throttle.wait_s("1.2.3.4", "anna") == 0


def test_other_addresses_and_accounts_are_untouched() -> None:
    throttle = LoginThrottle(clock=Clock())
    for _ in range(FREE_FAILURES + 3):
        throttle.failed("1.2.3.4", "anna")
    assert throttle.wait_s("1.2.3.4", "anna") > 0
    assert throttle.wait_s("5.6.7.8", "anna") == 0
    assert throttle.wait_s("1.2.3.4", "bram") == 0


def test_an_address_guessing_across_accounts_is_slowed_down() -> None:
    throttle = LoginThrottle(clock=Clock())
    for n in range(ADDRESS_FREE_FAILURES):
        throttle.failed("1.2.3.4", f"user{n}")
    assert throttle.wait_s("1.2.3.4", "someone-else") > 0
    assert throttle.wait_s("5.6.7.8", "someone-else") == 0


def test_success_clears_the_pair() -> None:
    throttle = LoginThrottle(clock=Clock())
    for _ in range(FREE_FAILURES):
        throttle.failed("1.2.3.4", "anna")
    throttle.succeeded("1.2.3.4", "anna")
    assert throttle.wait_s("1.2.3.4", "anna") == 0
