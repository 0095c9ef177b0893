"""The watch tier: levels from the models' log-odds, never after an alarm, its fit within the ordinary budget, and
the line at the end of a reply that does not give the number yet."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from actions.answer import Reply
from actions.context import TurnContext
from actions.lifeline import load_lifeline
from actions.watch_line import gives, with_watch_line
from bot.measure.reply_safety import alarm_texts, judge
from nlu import safety_combined, safety_watch
from nlu.safety_combined import Readings
from nlu.safety_net import SafetySignal
from nlu.safety_watch import WatchThresholds, watch_thresholds

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from fit_safety_watch import BUDGET, Scored, fit_level  # noqa: E402

LIMITS = WatchThresholds(head={"acute": 2.0, "suicide": 1.0}, ngrams={"acute": 5.0, "suicide": 3.0})


def test_a_level_is_watched_when_the_head_or_the_ngram_model_reaches_its_bar() -> None:
    assert LIMITS.levels({"acute": 1.9, "suicide": 1.0}, {"acute": 4.9, "suicide": -2.0}) == ("suicide",)
    assert LIMITS.levels({"acute": -3.0, "suicide": -3.0}, {"acute": 5.0, "suicide": 2.9}) == ("acute",)
    assert LIMITS.levels({}, {}) == ()


def test_no_watch_after_an_alarm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety_watch, "watch_thresholds", lambda: LIMITS)
    leaning = {"head_best": {"acute": 9.0, "suicide": 9.0}, "gram_best": {"acute": 9.0, "suicide": 9.0}}
    quiet = SafetySignal(level="none", acute=False, suicide=False, reasons=())
    lexicon_alarm = SafetySignal(level="acute", acute=True, suicide=False, reasons=("cue",))
    head_alarm = {"acute": False, "suicide": True}
    assert safety_combined._watched(Readings(lexical=quiet, **leaning)) == ("acute", "suicide")
    assert safety_combined._watched(Readings(lexical=lexicon_alarm, **leaning)) == ()
    assert safety_combined._watched(Readings(lexical=quiet, head=head_alarm, **leaning)) == ()


def test_the_shipped_thresholds_watch_suicide_and_load() -> None:
    shipped = watch_thresholds()
    assert shipped.head["suicide"] < 10 and shipped.ngrams["suicide"] < 10


def _scored(label: str, head: float, alarm: bool = False) -> Scored:
    return Scored(label=label, alarm=alarm, model_alarm=alarm, head={"acute": -9.0, "suicide": head},
                  grams={"acute": -9.0, "suicide": -9.0})


def test_the_fit_keeps_within_the_budget_of_ordinary_sentences() -> None:
    ordinary = [_scored("none", h) for h in np.linspace(-3.0, 2.0, 1000)]
    danger = [_scored("suicide", h) for h in np.linspace(-1.0, 3.0, 50)]
    head, gram, caught, total, lines = fit_level("suicide", danger, ordinary)
    assert lines <= BUDGET["suicide"] * len(ordinary)
    assert sum(s.head["suicide"] >= head for s in ordinary) == lines
    assert 0 < caught < total  # some danger below the bar stays uncaught: the budget, not the recall, decides


def _ctx(watch: frozenset[str], language: str = "nl", **kw: object) -> TurnContext:
    return TurnContext(text="tekst", intent="nlu_fallback", confidence=0.3, language=language, role=None,
                       sector=None, watch=watch, **kw)


def test_the_watch_line_ends_a_reply_without_the_number() -> None:
    lifeline = load_lifeline()
    reply = with_watch_line(Reply(texts=["In gevaar? Bel 112."]), _ctx(frozenset({"suicide"})), lifeline)
    assert reply.texts[-1] == lifeline.text("watch_suicide", "nl") and gives("113", reply.texts[-1])
    english = with_watch_line(Reply(texts=["Some answer."]), _ctx(frozenset({"suicide"}), "en"), lifeline)
    assert english.texts[-1] == lifeline.text("watch_suicide", "en")


def test_no_watch_line_when_the_reply_gives_the_number_or_for_nonsense_or_after_an_alarm() -> None:
    lifeline = load_lifeline()
    has_113 = Reply(texts=["Bel 0800-0113, dag en nacht."])
    assert with_watch_line(has_113, _ctx(frozenset({"suicide"})), lifeline).texts == has_113.texts
    plain = Reply(texts=["Een antwoord."])
    assert with_watch_line(plain, _ctx(frozenset({"suicide"}), nonsense=True), lifeline).texts == plain.texts
    alarmed = _ctx(frozenset({"suicide"}), safety=frozenset({"suicide"}))
    assert with_watch_line(plain, alarmed, lifeline).texts == plain.texts
    assert with_watch_line(plain, _ctx(frozenset()), lifeline).texts == plain.texts


def test_gives_reads_numbers_of_their_own() -> None:
    assert gives("113", "bel 0800-0113") and gives("113", "bel 113.") and gives("112", "Bel 112")
    assert not gives("112", "postcode 11234") and not gives("113", "0800-1130")


def test_reply_safety_tells_the_alarm_from_the_rest_of_the_reply() -> None:
    alarms = alarm_texts()
    suicide_alarm = next(text for text in alarms if text.startswith("Fijn dat je dit vertelt"))
    with_alarm = judge("suicide", "x", f"{suicide_alarm}\nVeilig Thuis: 0800-2000.", alarms)
    assert with_alarm.alarm and with_alarm.reply and not with_alarm.backup
    watched = judge("suicide", "x", "Antwoord.\n" + load_lifeline().text("watch_suicide", "nl"), alarms)
    assert not watched.alarm and watched.reply and watched.backup
    assert not judge("acute", "x", "Veilig Thuis: 0800-2000.", alarms).reply
