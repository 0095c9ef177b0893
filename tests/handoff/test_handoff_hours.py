"""Veilig Thuis chat opening hours with a fixed clock: weekdays, weekends, boundaries, DST, holidays."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.chat.handoff.hours import OpeningHours, load_hours, opening_hours, parse_week
from bot.chat.handoff.referral import veilig_thuis_chat

UTC = dt.timezone.utc


def at(iso: str) -> dt.datetime:
    """An instant; ISO text with an explicit offset."""
    return dt.datetime.fromisoformat(iso)


@pytest.fixture(scope="module")
def default() -> OpeningHours:
    return load_hours({})


@pytest.mark.parametrize("moment, is_open", [
    ("2026-11-23T09:00:00+01:00", True),    # Monday, opening minute (winter time)
    ("2026-11-23T08:59:59+01:00", False),   # one second before
    ("2026-11-27T16:59:59+01:00", True),    # Friday, last second
    ("2026-11-27T17:00:00+01:00", False),   # Friday, closing time is closed
    ("2026-11-25T12:30:00+01:00", True),    # Wednesday lunchtime
    ("2026-11-28T12:00:00+01:00", False),   # Saturday
    ("2026-11-29T12:00:00+01:00", False),   # Sunday
    ("2026-11-24T03:00:00+01:00", False),   # Tuesday night
])
def test_default_is_monday_to_friday_nine_to_five(default: OpeningHours, moment: str, is_open: bool) -> None:
    assert default.is_open(at(moment)) is is_open


def test_local_time_not_utc(default: OpeningHours) -> None:
    # 08:30 UTC in winter is 09:30 in Amsterdam (open); 16:30 UTC is 17:30 (closed).
    assert default.is_open(at("2026-01-05T08:30:00+00:00"))
    assert not default.is_open(at("2026-01-05T16:30:00+00:00"))
    # In summer Amsterdam is UTC+2: 07:00 UTC is 09:00 (open), 06:59 UTC is 08:59 (closed), 15:00 UTC is 17:00.
    assert default.is_open(at("2026-07-01T07:00:00+00:00"))
    assert not default.is_open(at("2026-07-01T06:59:00+00:00"))
    assert not default.is_open(at("2026-07-01T15:00:00+00:00"))


def test_daylight_saving_switch_days() -> None:
    # Open on Sundays 01:00-04:00 local: on 29 March 2026 clocks jump from 02:00 to 03:00 (CET -> CEST).
    hours = opening_hours({"hours": "sun 01:00-04:00"}, {})
    assert hours.is_open(at("2026-03-29T00:59:00+00:00"))      # 01:59 CET
    assert hours.is_open(at("2026-03-29T01:00:00+00:00"))      # 03:00 CEST, one real minute later
    assert not hours.is_open(at("2026-03-29T02:00:00+00:00"))  # 04:00 CEST
    # 25 October 2026 clocks go back from 03:00 CEST to 02:00 CET: 03:30 local happens once, after the switch.
    assert hours.is_open(at("2026-10-25T02:30:00+00:00"))      # 03:30 CET
    assert not hours.is_open(at("2026-10-25T03:00:00+00:00"))  # 04:00 CET


def test_next_opening_across_weekend_and_dst(default: OpeningHours) -> None:
    opening = default.next_opening(at("2026-03-27T17:30:00+01:00"))  # Friday evening, before the DST switch
    assert opening is not None
    assert (opening.date(), opening.strftime("%H:%M")) == (dt.date(2026, 3, 30), "09:00")
    assert opening.utcoffset() == dt.timedelta(hours=2)  # Monday is summer time
    assert opening.astimezone(UTC).hour == 7


def test_closed_dates_from_environment() -> None:
    hours = opening_hours({"hours": "mon-fri 09:00-17:00"}, {"WEGWIJS_VT_CHAT_CLOSED": "2026-12-25, 2026-12-28"})
    assert not hours.is_open(at("2026-12-25T10:00:00+01:00"))
    assert hours.is_open(at("2026-12-24T10:00:00+01:00"))
    opening = hours.next_opening(at("2026-12-24T18:00:00+01:00"))
    assert opening is not None and opening.date() == dt.date(2026, 12, 29)


def test_hours_from_environment_override_the_file() -> None:
    hours = load_hours({"WEGWIJS_VT_CHAT_HOURS": "mon-fri 09:00-21:00; sat 10:00-14:00"})
    assert hours.is_open(at("2026-11-23T20:00:00+01:00"))
    assert hours.is_open(at("2026-11-28T13:59:00+01:00"))
    assert not hours.is_open(at("2026-11-29T12:00:00+01:00"))


@pytest.mark.parametrize("spec", ["maandag 9-17", "mon-fri 17:00-09:00", "fri-mon 09:00-17:00", "xyz 09:00-10:00"])
def test_bad_specs_are_refused(spec: str) -> None:
    with pytest.raises(ValueError):
        parse_week(spec)


def test_naive_clock_is_refused(default: OpeningHours) -> None:
    with pytest.raises(ValueError):
        default.is_open(dt.datetime(2026, 11, 23, 10, 0))


def test_describe_groups_days(default: OpeningHours) -> None:
    days = ["ma", "di", "wo", "do", "vr", "za", "zo"]
    assert default.describe(days, "t/m") == "ma t/m vr 09:00-17:00"
    week = opening_hours({"hours": "mon-thu 09:00-17:00; fri 09:00-12:00"}, {})
    assert week.describe(days, "t/m") == "ma t/m do 09:00-17:00; vr 09:00-12:00"


def test_referral_open_and_closed(default: OpeningHours) -> None:
    opened = veilig_thuis_chat(default, at("2026-11-24T10:00:00+01:00"), "nl", "- Situatie: stalking")
    assert "veiligthuis.nl" in opened[1]
    assert "meestal open" in opened[1] and "nu open" not in " ".join(opened) and "0800-2000" in opened[1]
    assert "met een mens chatten" not in " ".join(opened)
    assert opened[-1].endswith("- Situatie: stalking")
    closed = veilig_thuis_chat(default, at("2026-11-28T10:00:00+01:00"), "en", None)
    assert "closed now" in closed[1] and "0800-2000" in closed[1] and "Monday at 09:00" in closed[1]
    assert len(closed) == 2  # no summary to paste when the person refused it


def test_always_closed_and_always_open() -> None:
    closed = opening_hours({}, {"WEGWIJS_VT_CHAT_HOURS": "closed"})
    assert not closed.is_open(at("2026-11-24T10:00:00+01:00"))
    assert closed.next_opening(at("2026-11-24T10:00:00+01:00")) is None
    always = opening_hours({}, {"WEGWIJS_VT_CHAT_HOURS": "mon-sun 00:00-24:00"})
    assert always.is_open(at("2026-11-29T23:59:00+01:00")) and always.is_open(at("2026-11-30T00:00:00+01:00"))
