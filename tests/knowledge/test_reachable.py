"""'Wie is er nu bereikbaar?' with a fixed clock: usual hours by the Amsterdam clock, never "open now"
for a chat, always ending with the line that is surely reachable."""
from __future__ import annotations

import datetime as dt

import pytest

from knowledge.reachable import fill_live, reachable_now, sure_line
from knowledge.services import load_table, parse_table


def at(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso)


def row(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"- {start}"))


def test_saturday_night_kindertelefoon_and_chat_closed_phone_lines_open() -> None:
    text = reachable_now(at("2026-12-05T22:30:00+01:00"), "nl")
    assert "zaterdag 22:30" in text
    assert "nu dicht" in row(text, "De Kindertelefoon") and "zondag om 11 uur" in row(text, "De Kindertelefoon")
    assert "nu dicht" in row(text, "De chat van Veilig Thuis") and "maandag om 9 uur" in text
    for start in ("Alarmnummer (112)", "Veilig Thuis (0800-2000)", "113 Zelfmoordpreventie", "Centrum Seksueel"):
        assert "dag en nacht" in row(text, start)
    assert text.splitlines()[-1].startswith("Zeker bereikbaar, ook nu: Veilig Thuis op 0800-2000")


def test_tuesday_morning_chat_is_usually_open_but_not_promised() -> None:
    text = reachable_now(at("2026-12-08T10:00:00+01:00"), "nl")
    chat = row(text, "De chat van Veilig Thuis")
    assert "nu meestal open" in chat and "niet altijd iemand" in chat
    assert "nu open" not in text
    assert "vandaag om 11 uur" in row(text, "De Kindertelefoon")


def test_amsterdam_clock_in_summer_not_utc() -> None:
    # 19:30 UTC on 1 July is 21:30 in Amsterdam: the Kindertelefoon has closed; 18:30 UTC is 20:30, open.
    assert "nu dicht" in row(reachable_now(at("2026-07-01T19:30:00+00:00"), "nl"), "De Kindertelefoon")
    assert "meestal open" in row(reachable_now(at("2026-07-01T18:30:00+00:00"), "nl"), "De Kindertelefoon")


def test_english_and_unconfirmed_hours() -> None:
    text = reachable_now(at("2026-12-06T12:00:00+01:00"), "en")
    assert "Sunday 12:00" in text and "usually open now" in row(text, "The Kindertelefoon")
    assert "could not check" in row(text, "Alles Oké?")
    assert text.splitlines()[-1].startswith("Surely reachable, also now: Veilig Thuis on 0800-2000")


def test_sure_line_is_computed_from_the_table() -> None:
    assert sure_line(load_table()).phone == "0800-2000"
    table = parse_table({"services": {
        "nood": {"name": {"nl": "Alarmnummer"}, "phone": "112", "hours": "always", "for": {"nl": "x"}, "facts": "x"},
        "csg": {"name": {"nl": "CSG"}, "phone": "0800-0188", "hours": "always", "for": {"nl": "x"}, "facts": "x"},
        "vt": {"name": {"nl": "VT"}, "phone": "0800-2000", "hours": "mon-fri 09:00-17:00", "for": {"nl": "x"},
               "facts": "x"},
    }, "counts": {}})
    assert sure_line(table).phone == "0800-0188"  # Veilig Thuis not day and night here: the next one


def test_naive_clock_refused_and_other_text_untouched() -> None:
    with pytest.raises(ValueError):
        reachable_now(dt.datetime(2026, 12, 5, 12, 0))
    assert fill_live("Bel 0800-2000.", "nl", at("2026-12-05T12:00:00+01:00")) == "Bel 0800-2000."
    filled = fill_live("{now.reachable}", "nl", at("2026-12-05T12:00:00+01:00"))
    assert filled.startswith("Het is nu zaterdag 12:00")
