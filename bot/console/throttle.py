"""Log-in back-off per client address and account: wrong passwords slow down that address for that
account (and an address that tries many accounts), never anyone else. No account is ever locked for
everybody, so nobody can lock the counsellors out by guessing at their names.

After FREE_FAILURES wrong passwords the pair waits BASE_S seconds, doubling with each further failure up
to MAX_S; a right password clears it. Kept in memory (one console process), least recently used dropped.
"""
from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

FREE_FAILURES = 5
ADDRESS_FREE_FAILURES = 20  # one address guessing across accounts
BASE_S = 30.0
MAX_S = 900.0
MAX_ENTRIES = 50_000
ANY_ACCOUNT = "*"


@dataclass
class _Entry:
    failures: int = 0
    blocked_until: float = 0.0


@dataclass
class LoginThrottle:
    clock: Callable[[], float] = time.monotonic
    entries: OrderedDict[tuple[str, str], _Entry] = field(default_factory=OrderedDict)

    def wait_s(self, address: str, username: str) -> float:
        """Seconds this address must wait before it may try this account again (0: go ahead)."""
        now = self.clock()
        keys = ((address, username.strip().lower()), (address, ANY_ACCOUNT))
        return max((max(0.0, self.entries[key].blocked_until - now) for key in keys if key in self.entries),
                   default=0.0)

    def failed(self, address: str, username: str) -> None:
        self._count((address, username.strip().lower()), FREE_FAILURES)
        self._count((address, ANY_ACCOUNT), ADDRESS_FREE_FAILURES)

    def succeeded(self, address: str, username: str) -> None:
        self.entries.pop((address, username.strip().lower()), None)

    def _count(self, key: tuple[str, str], free: int) -> None:
        entry = self.entries.pop(key, None) or _Entry()
        entry.failures += 1
        if entry.failures >= free:
            entry.blocked_until = self.clock() + min(MAX_S, BASE_S * 2 ** (entry.failures - free))
        self.entries[key] = entry
        while len(self.entries) > MAX_ENTRIES:
            self.entries.popitem(last=False)
