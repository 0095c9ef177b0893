from bot.chat.ratelimit import RateLimiter, limiter_from_env


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_refill_at_the_configured_rate():
    clock = Clock()
    limiter = RateLimiter(per_minute=20, burst=10, clock=clock)
    assert all(limiter.allow("a") for _ in range(10))
    assert not limiter.allow("a")
    assert 2.9 < limiter.retry_after("a") <= 3.0  # 20 a minute: one every 3 s
    clock.now += 3.0
    assert limiter.allow("a")
    assert not limiter.allow("a")


def test_senders_have_their_own_bucket():
    limiter = RateLimiter(per_minute=20, burst=2, clock=Clock())
    assert limiter.allow("a") and limiter.allow("a")
    assert not limiter.allow("a")
    assert limiter.allow("b")


def test_refill_never_exceeds_the_burst():
    clock = Clock()
    limiter = RateLimiter(per_minute=60, burst=3, clock=clock)
    limiter.allow("a")
    clock.now += 3600
    assert sum(limiter.allow("a") for _ in range(10)) == 3


def test_zero_rate_turns_the_limit_off():
    limiter = RateLimiter(per_minute=0, burst=1, clock=Clock())
    assert all(limiter.allow("a") for _ in range(1000))


def test_memory_is_bounded_by_dropping_the_oldest_sender():
    limiter = RateLimiter(per_minute=1, burst=1, max_senders=2, clock=Clock())
    limiter.allow("a")
    limiter.allow("b")
    limiter.allow("c")  # "a" is dropped and starts afresh
    assert limiter.allow("a")
    assert not limiter.allow("c")


def test_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv("WEGWIJS_RATE_PER_MIN", "6")
    monkeypatch.setenv("WEGWIJS_RATE_BURST", "2")
    limiter = limiter_from_env()
    assert limiter.burst == 2 and abs(limiter.rate_per_s - 0.1) < 1e-9
