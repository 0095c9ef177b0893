"""nlu/safety_combined.py: one reading of every detector serves Rasa (detect_both) and the measures alike; in Rasa
a broken model never silences the others, in a measure it stops the run instead of lowering a figure."""
from __future__ import annotations

import pytest

from nlu import safety_combined
from nlu.safety_combined import LEVELS, detect_both, read

# Our own wording: an attack under way (the lexicon's), a wish to die, an ordinary question.
MESSAGES = ["hij staat met een mes in de keuken en zegt dat hij me gaat vermoorden",
            "ik wil gewoon niet meer leven, alles is zinloos",
            "hoe lang duurt een onderzoek van Veilig Thuis meestal?"]


def _broken(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("model file damaged")


@pytest.mark.parametrize("text", MESSAGES)
def test_rasa_and_the_measures_read_a_message_the_same_way(text: str) -> None:
    signal, found = detect_both(text), read(text, guarded=False)
    assert (signal.acute, signal.suicide) == (found.fired("acute"), found.fired("suicide"))
    assert signal.watch == found.watch()


def test_the_readings_tell_the_levels_apart() -> None:
    attack, wish, question = (read(text, guarded=False) for text in MESSAGES)
    assert attack.fired("acute") and wish.fired("suicide") and not wish.fired("acute")
    assert not any(question.fired(level) for level in LEVELS) and question.watch() == ()


def test_a_broken_model_never_silences_the_lexicon_in_rasa_but_stops_a_measure(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety_combined, "detect_semantic", _broken)
    monkeypatch.setattr(safety_combined, "ngrams", _broken)
    signal = detect_both(MESSAGES[0])
    assert signal.acute and signal.level == "acute"
    assert not any(reason.startswith(("semantic", "ngrams")) for reason in signal.reasons)
    with pytest.raises(RuntimeError, match="damaged"):
        read(MESSAGES[0], guarded=False)
