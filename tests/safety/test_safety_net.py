"""Safety net (112 / 113 flags) and language detection.

The labelled sets: cases.yml (used while building the lexicon) and holdout.yml (written first, before
the lexicon, and not used for tuning). Both must reach full recall with fewer than 2% false alarms.
"""
from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from bot.measure.safety_eval import SETS, evaluate, load_cases
from bot.privacy.language import detect_language
from nlu.safety_net import SafetySignal, detect, fold, load_lexicon, normalise, variants

MAX_FALSE_ALARM_RATE = 0.02
# main and holdout must be complete; the probe rounds keep a few hard, documented misses.
MIN_RECALL = {"main": 1.0, "holdout": 1.0, "probes": 0.97}


@pytest.fixture(scope="module", params=sorted(SETS))
def figures(request: pytest.FixtureRequest):
    return evaluate(request.param, load_cases(SETS[request.param]))


# ------------------------------------------------------------------------------- labelled sets
def test_labelled_sets_are_big_enough() -> None:
    main, holdout = load_cases(SETS["main"]), load_cases(SETS["holdout"])
    counts = {label: sum(c["label"] == label for c in main) for label in ("acute", "suicide", "none")}
    assert counts["acute"] >= 80 and counts["suicide"] >= 25 and counts["none"] >= 150
    assert 0.15 <= len(holdout) / (len(main) + len(holdout)) <= 0.25
    probes = load_cases(SETS["probes"])
    texts = [{c["text"] for c in cases} for cases in (main, holdout, probes)]
    assert not (texts[0] & texts[1]) and not (texts[0] & texts[2]) and not (texts[1] & texts[2])


def test_acute_recall(figures) -> None:
    missed = [m["text"] for m in figures.misses if m["label"] == "acute"]
    assert figures.acute_recall >= MIN_RECALL[figures.name], missed


def test_suicide_recall(figures) -> None:
    missed = [m["text"] for m in figures.misses if m["label"] == "suicide"]
    assert figures.suicide_recall >= MIN_RECALL[figures.name], missed


def test_false_alarm_rate_is_low(figures) -> None:
    false_alarms = [m["text"] for m in figures.misses if m["label"] == "none"]
    assert figures.false_alarm_rate < MAX_FALSE_ALARM_RATE, false_alarms


# ------------------------------------------------------------------------------- API
def test_signal_is_a_frozen_dataclass() -> None:
    signal = detect("hij slaat me nu")
    assert isinstance(signal, SafetySignal)
    with pytest.raises(dataclasses.FrozenInstanceError):
        signal.level = "none"  # type: ignore[misc]
    assert signal.level == "acute" and signal.acute and not signal.suicide and signal.reasons


def test_acute_and_suicidal_reports_acute_with_both_flags() -> None:
    signal = detect("hij slaat me nu en ik wil niet meer leven")
    assert signal.level == "acute" and signal.acute and signal.suicide
    assert "death_wish" in signal.reasons


def test_suicide_only() -> None:
    signal = detect("ik wil dood")
    assert (signal.level, signal.acute, signal.suicide) == ("suicide", False, True)


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_input_is_none(text) -> None:
    assert detect(text).level == "none"  # type: ignore[arg-type]


# ------------------------------------------------------------------------------- normalisation
@pytest.mark.parametrize(
    ("raw", "folded"),
    [("Nóż", "noz"), ("BIÇAK", "bicak"), ("ölDÜRecek", "oldurecek"), ("m'n", "mn"), ("He’s", "hes"),
     ("Straße", "strasse"), ("İstanbul", "istanbul"), ("słowo", "slowo"), ("أنا", "انا"), ("ساعدوني", "ساعدوني")],
)
def test_fold_strips_case_diacritics_and_apostrophes(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_normalise_maps_chat_spellings_and_punctuation() -> None:
    assert normalise("Mn vriend slaat me, ff kijken!!") == " mijn vriend slaat me even kijken ! "
    assert normalise("hy zegt dat ie komt") == " hij zegt dat hij komt "
    assert normalise("he's gonna kill me") == " he is going to kill me "


def test_repeated_letters_collapse_both_ways() -> None:
    forms = variants("helppppp hij slaaaaat me", load_lexicon().spellings)
    assert " help hij slaat me " in forms or any(" help " in f for f in forms)
    assert any(" slaat " in form for form in forms)


@pytest.mark.parametrize(
    "text",
    ["HELPPP HIJ SLAAT ME", "mn vrind slaat me nu", "hy heeft n mes en dreigt me te vermoorden", "ik wil dooood",
     "Hij wurgt me!!!", "pomocy, on ma nóż", "elinde bıçak var, yardım edin"],
)
def test_spelling_variants_still_fire(text: str) -> None:
    assert detect(text).level != "none"


# ------------------------------------------------------------------------------- nonsense never fires
NONSENSE = [
    "banaan fiets paraplu", "sdfkj qwpoe", "asdfghjkl", "😂😂😂", "🔪🔪🔪🔪", "💀", "👊💥🩸", "...", "?!?!", "12345",
    "lorem ipsum", "kaas", "mes", "dood", "kill", "help", "hulp", "gevaar", "112", "113", "pistool", "knife",
    "mes vork lepel", "aaaaaaaaaa", "hahahaha", "xD", "ok", "tafel", "fiets wolk kaas mes", "qwerty mes dood",
]
WORDS = "banaan fiets paraplu tafel stoel lamp wolk kaas boom auto trein hond kat raam boek pen fles glas brood".split()


@pytest.mark.parametrize("text", NONSENSE)
def test_nonsense_and_single_words_never_fire(text: str) -> None:
    assert detect(text).level == "none"


def test_random_gibberish_never_fires() -> None:
    rng = random.Random(20240611)
    letters = "abcdefghijklmnopqrstuvwxyz"
    emoji = "😂😭🔥💀🙂🍌🚲☂️🔪👊💥❤️"
    for _ in range(2000):
        words = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(rng.randint(1, 6))]
        assert detect(" ".join(words)).level == "none", words
        assert detect("".join(rng.choice(emoji) for _ in range(rng.randint(1, 8)))).level == "none"
        assert detect(" ".join(rng.sample(WORDS, rng.randint(1, 4)))).level == "none"


@pytest.mark.parametrize(
    "text",
    ["ik ga dood van het lachen", "mijn telefoon is dood", "ik schrok me dood", "killing it at work",
     "this heat is killing me", "my boss is going to kill me lol", "we keken een film waarin iemand werd vermoord",
     "mijn vader sloeg me vroeger", "hij slaat me soms als hij drinkt", "is wurgen strafbaar?",
     "Ik ben wijkverpleegkundige; een cliënt is vorige week gewurgd door haar partner. Moet ik melden?"],
)
def test_figurative_past_and_habitual_do_not_fire(text: str) -> None:
    assert detect(text).level == "none", detect(text).reasons


def test_hypothetical_weapon_threat_fires() -> None:
    """When unsure, prefer firing: a question about a knife threat gets the 112 line too."""
    assert detect("wat moet ik doen als iemand met een mes dreigt?").acute


# ------------------------------------------------------------------------------- lexicon
def test_lexicon_rejects_unknown_context(tmp_path: Path) -> None:
    bad = tmp_path / "lexicon.yml"
    bad.write_text(
        "threshold: 1\ncontexts: {}\ncues:\n  - {name: x, level: acute, weight: 1, patterns: [a], damped_by: [nope]}\n"
    )
    with pytest.raises(ValueError, match="nope"):
        load_lexicon(bad)


# ------------------------------------------------------------------------------- language
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hoe werkt een melding bij veilig thuis?", "nl"),
        ("mijn vriend slaat me", "nl"),
        ("ik weet niet wat ik moet doen", "nl"),
        ("mn moeder is bang voor mn vader", "nl"),
        ("what happens after a report?", "en"),
        ("my boyfriend hits me", "en"),
        ("i don't know what to do", "en"),
        ("ok", None), ("hoi", None), ("hi", None), ("😂😂", None), ("", None), ("banaan fiets paraplu", None),
        ("sdfkj qwpoe", None), ("help", None),
        ("Ich weiß nicht, was ich tun soll", "de"), ("je ne sais pas quoi faire", "fr"),
        ("kocam beni dövüyor, ne yapmalıyım?", "tr"), ("nie wiem co mam robić", "pl"), ("زوجي يضربني", "ar"),
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("name", ["main", "holdout"])
def test_language_of_labelled_cases(name: str) -> None:
    """Every nl/en case is recognised as such; nothing is called nl/en that is not."""
    cases = load_cases(SETS[name])
    wrong = [
        (c["text"], c["lang"], detect_language(c["text"] or ""))
        for c in cases
        if (c["lang"] in {"nl", "en"} or detect_language(c["text"] or "") in {"nl", "en"})
        and detect_language(c["text"] or "") != c["lang"]
    ]
    assert len(wrong) <= 0.03 * len(cases), wrong


def test_danger_at_the_end_of_a_long_story_is_flagged_despite_habits_told_before_it():
    story = ("Ik wil je vertellen hoe het thuis gaat. Mijn man is vaak boos en schreeuwt tegen de kinderen. " * 40
             + "Nu staat hij met een mes in de gang en zegt dat hij me vanavond vermoordt.")
    assert detect(story).acute


def test_a_long_story_without_danger_stays_unflagged():
    story = "We hebben vroeger vaak ruzie gehad over geld, maar nu praten we er rustig over met een coach. " * 40
    assert detect(story).level == "none"


@pytest.mark.parametrize("text", ["mijn zoon zegt dat hij dood wil sinds de ruzie", "ik denk dat ik echt dood wil",
                                  "ze appte dat ze dood wil gaan"])
def test_wanting_to_die_in_a_subordinate_clause_is_suicidal(text):
    """Dutch puts the verb last after "dat": "dat hij dood wil" is the same wish as "hij wil dood"."""
    assert detect(text).suicide


@pytest.mark.parametrize("text", ["hij zegt dat hij me dood wil hebben", "de plant is dood wil je een nieuwe"])
def test_dood_wil_about_someone_else_or_across_clauses_is_not_suicidal(text):
    assert not detect(text).suicide


# Round Q (2026-12-07): the kinds heldout_danger_o.yml missed, in words of our own (not those of any measuring set).
@pytest.mark.parametrize(("level", "text"), [(level, text) for level, texts in {"acute": [
    "er wordt geschoten in de woning van mijn ouders",                         # shots inside the home now
    "somebody is shooting inside our apartment",
    "kan er iemand komen, hij gaat helemaal door het lint",                    # a plea while he rages
    "hij riep: vanavond ben je dood, en hij heeft een mes in zijn hand",       # a timed death threat
    "tonight you die, he said, and he loaded the gun",
    "ik heb me op de zolder opgesloten en hij trapt tegen de deur",            # locked in, the door attacked
    "kilit kırılacak, kapımı tekmeliyor",
    "mama, papa gooit glazen naar oma",                                        # things thrown at a person now
    "my aunt is being beaten by her husband right now",                        # the passive, now
    "hij staat nog buiten en heeft met een steen ons raam ingegooid",          # a window smashed, still outside
    "ojciec wywozi syna za granicę bez mojej zgody, są na lotnisku",           # children taken abroad now
    "hij dwingt me tot seks, ik heb me in de badkamer opgesloten",             # forced sex and hiding
    "jozi ma3o msaddas",                                                       # Levantine Arabizi
], "suicide": [
    "mijn gitaar weggegeven, mijn konijn woont bij de buren, het hoeft niet meer",  # things given away, done
    "vaarwel allemaal, het was het waard",                                          # a farewell looking back
    "net een touw gekocht",                                                         # a bare rope bought
    "bade moot, ma 3ad fiyyi et7ammal",                                             # Levantine Arabizi
]}.items() for text in texts])
def test_round_q_kinds_fire(level: str, text: str) -> None:
    assert getattr(detect(text), level), detect(text).reasons


@pytest.mark.parametrize("text", [
    "De gemeente zet het mes in de subsidies voor sportclubs",        # a knife as a cut in budgets
    "Our side was knocked out of the tournament on penalties",        # knocked out of a competition
    "Bij jongeren in de opvang zien we vaker angst, verslaving en suïcidaliteit",  # suicidality as a topic
    "doei allemaal, het was gezellig vanavond",                       # goodbye after an evening
    "ik heb een touw gekocht voor de schommel in de tuin",            # a rope with a purpose
    "we zitten met de kinderen op Schiphol, op vakantie naar Turkije",  # a family holiday
    "de buurjongen heeft met zijn bal ons raam ingegooid, hij staat buiten te huilen",  # a ball
    "er wordt een film geschoten in ons huis",                        # filming
    "badi moot mn el da7ek",                                          # dying of laughter
])
def test_round_q_look_alikes_do_not_fire(text: str) -> None:
    assert detect(text).level == "none", detect(text).reasons
