"""Does the safety net generalise? Recall on the held-out danger set and false alarms on ordinary text.

    python -m bot.measure.safety_generalisation [--report PATH]

Recall per language and class on the held-out danger sets (written before tuning, never used to
tune) for the lexicon, the kNN bank and the trained head alone and all combined; false-alarm rate on the
`measure` part of tests/safety/ordinary.yml, and separately on the look-alike ordinary messages
(label `none`) of heldout_danger_c.yml, _d.yml and _e.yml. Held-out misses are counted, never printed, so nobody
tunes on them. Prints the issue-12 targets (TARGET_RECALL, MAX_FALSE_ALARMS) beside the figures.
Exit status 1 (a regression gate) when the combined recall on a set falls below its floor in
RECALL_FLOORS (what was last measured, rounded down to 0.01) or false alarms exceed MAX_FALSE_ALARMS.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.measure.vector_cache import VectorCache, vector_file  # noqa: E402
from nlu.safety_combined import read  # noqa: E402
from nlu.semantic_safety import Bank, _default_embed, detect_semantic, load_bank  # noqa: E402

HERE = Path(__file__).resolve().parents[2] / "tests" / "safety"
TARGET_RECALL = 1.0
MAX_FALSE_ALARMS = 0.005
# Regression floors: combined recall measured 2026-12-05 with the trained head (README "Safety net"),
# rounded down to 0.01 minus 0.01.
# Re-measured after the head learnt serious-but-not-acute messages (set B lost 2 of 120, A and C gained 1 and 5).
# Re-measured after the corpus's second round (2026-12-05 night): D was written blind before it. Then D's misses
# were read and the lexicon generalised (D is a tuning set since); E was written blind before that: 0.865 -> 0.870.
# Re-measured after the corpus's paraphrase round and thresholds that allow 2 of the 1,443 ordinary tune messages
# per level (2026-12-06): E is a tuning set since (its misses were read), F was written blind before the round.
# Then the lexicon learnt the kinds E missed (an order broken at the door, the gas tap opened, methods and farewells
# of suicide in five languages): A-E are tuning figures, F (blind) 0.868 -> 0.873. G was written blind after that
# and measured 0.893; a second paraphrase round raised it to 0.907 but was left out (README "Safety net").
# Then (2026-12-06, later) G became a tuning set and H was written blind; the second paraphrase round came back
# with the ordinary sets' first professional requests and bot-use messages (nlu/safety_corpus/none_requests_*.yml as
# training text, tests/safety/ordinary_requests.yml half tune, half measure), no ordinary tune alarm for acute and one
# for suicide (a seed fragment far above every other): H (blind) 0.878 -> 0.898, G 0.893 -> 0.942.
# Then a blind ordinary set (ordinary_more.yml) showed 4.2% false alarms on new chat and news; the head learnt 1,550
# everyday sentences (nlu/safety_corpus/none_everyday_*.yml) with thresholds chosen on A-G: blind ordinary 2.4%,
# H 0.888 (0.898 with the previous head), A-G 0.01-0.02 lower.
# Then H became a tuning set; I and ordinary_fresh.yml were written blind before the next round and measured with the
# head and lexicon of the round before: I 0.940 (acute 0.947, suicide 0.920), ordinary_fresh 2.67% (16 of 600).
# Round I: the lexicon learnt the kinds H missed, the corpus a third paraphrase round for them and 1,700 more everyday
# sentences (nlu/safety_corpus/*_kinds3.yml, none_everyday2_*.yml), thresholds unchanged (chosen on A-H): H 0.888 ->
# 0.985 (tuning), I (blind) 0.940 -> 0.945, ordinary_fresh 2.67% -> 2.33%, ordinary_more 2.36% -> 1.94%.
RECALL_FLOORS = {"heldout_danger.yml": 0.99, "heldout_danger_b.yml": 0.99, "heldout_danger_c.yml": 0.99,
                 "heldout_danger_d.yml": 0.99, "heldout_danger_e.yml": 0.98, "heldout_danger_f.yml": 0.98,
                 "heldout_danger_g.yml": 0.98, "heldout_danger_h.yml": 0.99, "heldout_danger_i.yml": 0.99,
                 "heldout_danger_j.yml": 0.99, "heldout_danger_k.yml": 0.99, "heldout_danger_l.yml": 0.99,
                 "tuning_danger_n.yml": 0.99, "heldout_danger_m.yml": 0.99,
                 "tuning_danger_p.yml": 0.99, "heldout_danger_o.yml": 0.99, "tuning_danger_r.yml": 0.99,
                 "heldout_danger_q.yml": 0.99, "heldout_danger_s.yml": 0.83, "tuning_danger_t.yml": 0.99}
# Then I became a tuning set; J and ordinary_fresh_b.yml were written blind before the next round (2026-12-06) and
# measured with the detectors of round I: J 0.952 (acute 0.952, suicide 0.950; its look-alikes 6 of 69 alarms),
# ordinary_fresh_b 4.0% (28 of 700: lexicon 1.3%, kNN 1.1%, head 1.9%).
# Round J: the lexicon learnt the kinds I missed and precision from the tuning ordinary sets; the corpus a fourth
# round (nlu/safety_corpus/kinds4_*.yml, none_everyday3_*.yml: mild family friction, hyperbole); head retrained with
# the same floors. I 0.945 -> 0.970 (tuning), J (blind) 0.952 -> 0.963, ordinary_fresh_b (blind) 4.0% -> 3.1%,
# ordinary_more 1.9% -> 0.7%, ordinary_fresh 2.3% -> 1.2% (tuning), B and G one and two cases lower.
# Round K: J and ordinary_fresh_b became tuning sets; the lexicon learnt the kinds J and the older tuning sets missed
# (being taken away or forced into a car, locked in by others, a whole pack of pills and not waking, Arabizi threats
# and suicide, jumps and farewells in tr/pl/ar; Polish negation, which never matched, fixed) and precision contexts
# (everyday annoyances, games, court reports, stunts, the idiom "op het spoor"); the kNN bank more negatives; Arabic
# patterns folded like the text. J 0.963 -> 1.000 (tuning: floor 0.99), ordinary_fresh_b 3.1% -> 1.0% (ceiling 1.5%),
# A-I equal or higher (B 0.975 -> 1.000, D 0.963 -> 0.990, F 0.951 -> 0.985, G 0.942 -> 0.976); head unchanged.
# Round K (2026-12-06, night): J and ordinary_fresh_b.yml became tuning sets (their misses and alarms were read);
# the next blind sets (heldout_danger_k.yml, ordinary_fresh_c.yml) are written apart and may not be in the tree yet:
# a missing set is skipped with a note, a present one is measured (K without a floor until it has been scored once).
# K and ordinary_fresh_c were written blind in separate passes while round K ran (2026-12-06, fifth session) and
# measured before it on the detectors of round J: K 0.892 (acute 0.897, suicide 0.875; pl 0.792, ar 0.833),
# fresh_c 2.86% (20 of 700: lexicon 0.7%, kNN 0.4%, head 1.7%). After round K: K 0.919 (acute 0.918, suicide
# 0.925; pl 0.833, ar 0.917, tr 1.0), fresh_c 2.57% (18: lexicon 0.6%, kNN 0.3%, head 1.7%). Floor 0.90, ceiling 3%.
# Round L (2026-12-06, sixth session): K and ordinary_fresh_c became tuning sets. heldout_danger_l.yml (190 danger,
# 80 look-alikes) and ordinary_fresh_d.yml (700) were written blind in separate passes before it and measured on the
# detectors of round K: L 0.889 (acute 0.897, suicide 0.867; pl 0.80, ar 0.84), fresh_d 2.57% (18: lexicon 1.0%,
# kNN 0.4%, head 1.1%). The head retrained with the fifth corpus round (nlu/safety_corpus/kinds5_*.yml,
# none_everyday4_*.yml, drafted in round K): K 0.919 -> 0.935, fresh_c 2.57% -> 2.43%. Then the lexicon learnt the
# kinds K and the older tuning sets still missed (a bare "help, he is inside", a fire someone lit, weapon slang, a
# parent "not awake" and blood, a child's plea then silence, children and then himself, ransom and abduction,
# Arabizi "hay2telni", rope and plan, farewell letters, petrol in Polish/Turkish, keys taken, Arabic bleeding, a
# disguised pizza call, ages in words) and precision (Turkish "sevince bogdu", Polish "zabiera" is not "zabije",
# "komt X op het spoor", laughing emoji read as "haha"): K 0.935 -> 1.000, C-I 0.98-1.00 (floors raised to what
# they measure, rounded down), fresh_c 2.43% -> 1.86% (lexicon 0), not-acute 9.2%. A sixth corpus round was trained
# and left out (nlu_candidates/safety_corpus_6/: the tuning sets read no better). At the end of the round, blind:
# L 0.889 -> 0.895 (acute 0.897 -> 0.903, suicide 0.867, pl 0.80 -> 0.85), fresh_d 2.57% -> 2.43%. Floor L 0.89.
# Round M (2026-12-06, seventh session): L and ordinary_fresh_d became tuning sets. heldout_danger_m.yml (200 danger,
# 80 look-alikes) and ordinary_fresh_e.yml (700) were written blind in separate passes before it and measured on the
# detectors of round L: M 0.950 (acute 0.950, suicide 0.950; nl 0.933, tr 0.923; look-alikes 4 of 80 alarms),
# fresh_e 3.29% (23: lexicon 2.0%, kNN 0.3%, head 1.0%).
# In round M the lexicon learnt L's kinds and the precision kinds of fresh_d (L 0.895 -> 1.000, fresh_d 2.43% ->
# 1.57%). Then two TUNING sets of our own were written in one pass for the round: tuning_danger_n.yml (240 danger
# messages) and ordinary_tuning_f.yml (900 hard look-alikes). On the lexicon so far N read 0.871 (suicide 0.72) and
# F 7.0% (head 4.3%, lexicon 2.7%); the lexicon learnt N's kinds and F's precision kinds (toys, similes, resolved
# events, routine medical care, borrowed things, years in the past, court reports, Turkish/Polish habitual words):
# N 1.000, F 4.6% (lexicon 0.1%; the rest is the head). A seventh corpus round for the head was trained and left out
# (nlu_candidates/safety_corpus_7/: fewer false alarms on the tuning ordinary sets, lower recall on the tuning danger
# sets). At the end of the round, blind: M 0.950 -> 0.950 (acute 0.950, suicide 0.950; nl 0.933, tr 0.923),
# fresh_e 3.29% -> 2.43% (lexicon 2.0% -> 1.1%). Floor M 0.94, ceiling fresh_e 3%.
# Round O (2026-12-07, eighth session): M and ordinary_fresh_e became tuning sets; heldout_danger_o.yml (146 acute,
# 60 suicide, 80 look-alikes) and ordinary_fresh_g.yml (700) were written blind in separate passes before it.
# Round O read M's misses and fresh_e's alarms and fixed them by kind (lexicon, kNN negatives; head unchanged): a
# forced-marriage trip with tickets or passport taken, an honour "shame" and a family meeting deciding tonight, men
# waiting to take the writer "or else", "your last Christmas", "dead when he gets here" while he is on his way, a
# counted number of pills swallowed, cutting deeper or not stopping, children left for days without food or with
# fever, a plea and "he got in"; the Turkish "az once" (just now) no longer reads as the English past "once".
# Precision: rail traffic "op het spoor", suicide-prevention news, the idioms "mes op de keel" and "aan de haak
# geslagen", hyperbole over petty things (the last biscuit), vermin, heat in tr/pl; kNN negatives for dead houseplants
# and crying over a crashed laptop. Each kind was checked in other words and languages on two sets of our own written
# in the round: tuning_danger_p.yml (45 danger, floor 0.99) and ordinary_tuning_h.yml (41 ordinary; its 4 alarms are
# the head's, ceiling 12%). Tuning figures before -> after: M 0.950 -> 1.000 (acute 0.950 -> 1.000, suicide 0.950 ->
# 1.000; floor 0.99), fresh_e 2.43% -> 1.14% (17 -> 8 of 700: lexicon 1.1% -> 0, kNN 0.3% -> 0.1%, head 1.0%;
# ceiling 1.5%), F 4.56% -> 4.56% (the head), not-acute 9.2% -> 9.2%, N 1.000 -> 1.000, L 1.000 -> 1.000, P 0.467 ->
# 1.000, H 41.5% -> 9.8%. A second step took the older tuning sets' lexicon alarms by kind (the Turkish report card
# "karne", exams in Arabizi, "de gemeente wurgt ons met regels", hammering while renovating on "elke zaterdag",
# Arabic "sometimes"/"when he is angry" as habitual) and gave the kNN bank acute phrasings of the new kinds: not-acute
# 9.2% -> 8.3%, F 4.56% (head), look-alikes of J, K, L 10 -> 6 alarms; H grew to 55 sentences (5 alarms, all head).
# The n-gram model (2026-12-07, nlu/safety_ngrams.py, scripts/train_safety_ngrams.py): a logistic regression over
# character (2-5) and word (1-2) tf-idf n-grams of the corpus confirms each head vote chunk by chunk and fires alone
# far above the ordinary tune messages. Chosen among an OR detector, a log-odds sum and weak agreement on the tuning
# sets only: A-M, N, P 2658 -> 2659 of 2673, ordinary tuning sets 97 -> 88 of 6669 alarms, not-acute 10 -> 10. Blind,
# scored once before and once after: O 0.898 -> 0.913 (acute 0.890 -> 0.911, suicide 0.917 -> 0.917; floor 0.90),
# ordinary_fresh_g 1.29% -> 1.29% (9 of 700).
# Round Q (2026-12-07, twelfth session): O and ordinary_fresh_g become tuning sets; heldout_danger_q.yml (165 acute,
# 71 suicide, 99 look-alikes) and ordinary_fresh_i.yml (719) were written blind in one separate pass before it.
# Round Q read O's 18 misses and fresh_g's 9 alarms (and the 5 of ordinary.yml) and fixed them by kind (lexicon and
# kNN bank; head and n-gram model unchanged). Before any fix, two sets of our own were written with the same kinds in
# other words and languages: tuning_danger_r.yml (60: 45 acute, 15 suicide; floor 0.99) and ordinary_tuning_j.yml
# (53 look-alikes; ceiling 6%). Lexicon, danger: shots fired inside the home (said impersonally too), a plea for
# someone to come while he "goes off" or "loses it", a death sentence with a time ("tonight you die") beside a
# weapon, the writer locked in a room while the door is kicked or the lock gives way, things thrown at a person now
# (a child's report), "maken we je af" / "finish me off" beside an ultimatum with a day, the English passive "is
# being hit ... now", a window smashed with a brick or bat while he is still outside, children taken abroad now at
# the airport (unless a holiday with no sign of coercion), forced sex beside hiding or locking oneself in, Levantine
# Arabizi (a knife or gun "ma3o/3ando", strangling mum, threatening, hitting "emme"); suicide: things given away
# beside "I am done with it", a goodbye to everyone that looks back ("it was nice"; not after an evening, a trip or a
# job), a rope bought said in a few words with no purpose, a rope prepared, Levantine Arabizi wishes to die or not
# to wake. Precision: a knife or axe as cuts in prices and budgets, a team knocked out on penalties, suicidality
# named in a list of problems in policy text; precision guards for the new cues (filming, a ball through a window,
# a holiday flight, dying of laughter in Arabizi, waking early on a day off). kNN bank: acute and suicide phrasings of
# the new kinds in five languages, negatives for tired and off to bed, unbearable heat, sleeping in without an
# alarm, a professional documenting a past threat and goodbyes after an evening (a sleep-in negative in Turkish and
# a rope phrasing in Dutch were tried and left out: the first cost a suicidal message of K, the second fired on
# "ik ben er klaar mee"). Tuning figures before -> after: O 0.913 -> 1.000 (acute 0.911 -> 1.000, suicide 0.917 ->
# 1.000; lexicon alone 0.607 -> 0.709; floor 0.90 -> 0.99), fresh_g 1.29% -> 0.71% (9 -> 5 of 700: lexicon 0.29% ->
# 0, kNN 0.29% -> 0, the 5 left are the head's; ceiling 1.5%), ordinary.yml + requests 5 -> 3 of 1,594 (the head's
# and the n-gram model's), R 0.650 -> 1.000 (39 -> 60 of 60), J 11.3% -> 3.8% (6 -> 2 of 53, both the head's),
# not-acute 8.3% -> 8.3% (10 of 120), all ordinary sets 103 -> 96 of 8,088 (98 of 8,141 with J), look-alikes 22 ->
# 22 of 812; A-P unchanged (K lost and regained one message while the bank was tuned). The blind sets, printed
# by the same runs and not tuned on: Q 0.915 -> 0.919 (20 -> 19 missed of 236; acute 0.915 -> 0.915, suicide 0.915 ->
# 0.930), fresh_i 0.83% -> 0.70% (6 -> 5 of 719); their totals were printed by each of the round's runs, their misses
# never. Floor Q 0.90, ceiling fresh_i 1%.
# Round S (2026-12-07, thirteenth session): Q and ordinary_fresh_i become tuning sets; heldout_danger_s.yml (192 acute,
# 81 suicidal, 111 look-alikes) and ordinary_fresh_k.yml (802) were written blind in separate passes and scored once on
# the unchanged detectors: S 0.843 (acute 0.870, suicide 0.778; ar 0.778, en 0.926, nl 0.812, pl 0.852, tr 0.889),
# fresh_k 1.75% (14 of 802: lexicon 0.62%, kNN 0.12%, head 1.0%). Floor S 0.83, ceiling fresh_k 2%. An experiment that
# taught the head and the n-gram model every tuning set (branch learn-sets) was scored once on them and not landed: S
# 0.843 -> 0.846, fresh_k 14 -> 11, but the not-acute set 10 -> 16 of 120 (README "Safety net").
# Round T (2026-12-07, fourteenth session): the lexicon learnt the kinds Q missed, checked on two sets of our own
# written before the fixes (tuning_danger_t.yml, 57 danger messages, floor 0.99; ordinary_tuning_l.yml, 44 look-alikes,
# ceiling 12%): Q 0.919 -> 1.000 (tuning, floor 0.99), T 0.597 -> 1.000, L 9 -> 5 alarms (the head's). Blind, after:
# S 0.843 -> 0.843, fresh_k 1.75% -> 1.75% (their totals printed, their misses never).
# The newest set, written blind before the current round: its misses are never shown (not even with --misses).
BLIND = "heldout_danger_s.yml"
# Their `none` messages: hard look-alikes, reported apart.
LOOKALIKES = ("heldout_danger_c.yml", "heldout_danger_d.yml", "heldout_danger_e.yml", "heldout_danger_f.yml",
              "heldout_danger_g.yml", "heldout_danger_h.yml", "heldout_danger_i.yml", "heldout_danger_j.yml",
              "heldout_danger_k.yml", "heldout_danger_l.yml", "heldout_danger_m.yml", "heldout_danger_o.yml",
              "heldout_danger_q.yml", BLIND)
# Serious but not acute: abuse, control, past abuse, professionals' cases (written apart, before the head's
# look-alike training templates). A 112 there is not dangerous but pushes the advice aside: a ceiling, not 0.
NONACUTE = "heldout_nonacute.yml"
# 0.08 until the second paraphrase round: its suicide threshold (one ordinary tune alarm) lets 11 of the 120 fire
# (9.2%); letting none fire (threshold 4.1, above a seed fragment) gives 9 but misses suicidal messages in C, D and G.
# A 113 line on a serious message still comes with the advice; a missed suicidal message gets no route: 0.10.
MAX_NONACUTE_ALARMS = 0.10
# "head": the trained head's votes as the net counts them (confirmed by the n-gram model chunk by chunk); "ngrams":
# the n-gram model alone at its own thresholds (nlu/safety_ngrams.py).
# "with_watch": the alarm OR the watch tier's line for that level (nlu/safety_watch.py): what the reply gives; its
# count on ordinary sentences is of lines, not alarms, and is never gated.
DETECTORS = ("lexicon", "knn", "head", "ngrams", "combined", "with_watch")
# The `measure` parts of the ordinary sets; their false alarms are listed.
ORDINARY = ("ordinary.yml", "ordinary_requests.yml")
# Written blind on 2026-12-06 (chat and news in five languages, idioms), measure only: counted, never listed. Its
# first run showed that the thresholds, fitted on the tune half of ordinary.yml, fire far more often on new text.
# ordinary_fresh.yml was written blind the same way before the next round (2026-12-06, 600 sentences).
# ordinary_fresh_b.yml likewise before the round after (700 sentences, with near misses on purpose); the two before
# it are tuning sets since. Round K read ordinary_fresh_b's alarms (a tuning set since); ordinary_fresh_c.yml is
# written blind for the round after (skipped with a note while it is missing; no ceiling until measured once).
# Round L read ordinary_fresh_c's alarms (a tuning set since); round M read ordinary_fresh_d's; ordinary_fresh_e.yml is
# the blind one until round O read it; ordinary_fresh_g.yml until round Q; ordinary_fresh_i.yml until round S;
# ordinary_fresh_k.yml is the blind one now.
ORDINARY_BLIND = ("ordinary_fresh_k.yml",)
# No model learns from these (scripts/safety_sets.py): every other danger and ordinary set is a tuning set.
BLIND_SETS = (BLIND, *ORDINARY_BLIND)
# Regression ceilings above what they measure (the issue-12 target is 0.5%); their alarms are counted, and listed
# with --misses unless the set is in ORDINARY_BLIND.
MAX_BLIND_FALSE_ALARMS = {"ordinary_more.yml": 0.02, "ordinary_fresh.yml": 0.02, "ordinary_fresh_b.yml": 0.015,
                          "ordinary_fresh_c.yml": 0.03, "ordinary_fresh_d.yml": 0.02,
                          "ordinary_fresh_e.yml": 0.015, "ordinary_tuning_f.yml": 0.045,
                          "ordinary_tuning_h.yml": 0.12, "ordinary_fresh_g.yml": 0.015,
                          "ordinary_tuning_j.yml": 0.06, "ordinary_fresh_i.yml": 0.01,
                          "ordinary_fresh_k.yml": 0.02, "ordinary_tuning_l.yml": 0.12}


_bank: Bank | None = None  # set by main: the production bank, its e5 vectors read through a VectorCache


def flags(text: str) -> dict[str, tuple[bool, bool]]:
    """Per detector: (acute, suicide), read as Rasa reads them (nlu/safety_combined.py), a failing model raising."""
    found = read(text, bank=_bank, guarded=False)
    combined = (found.fired("acute"), found.fired("suicide"))
    watch = found.watch()
    return {
        "lexicon": (found.lexical.acute, found.lexical.suicide),
        "knn": (found.knn["acute"], found.knn["suicide"]),
        "head": (found.head["acute"], found.head["suicide"]),
        "ngrams": (found.grams["acute"], found.grams["suicide"]),
        "combined": combined,
        # the acute alarm names 113 too; the acute watch line gives 112 only
        "with_watch": (combined[0] or "acute" in watch, any(combined) or "suicide" in watch),
    }


def caught(label: str, acute: bool, suicide: bool) -> bool:
    # A suicidal message that gets 112 still reaches help; an acute one needs 112.
    return acute if label == "acute" else suicide or acute


def load(name: str) -> list[Any]:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8")) or []


def present(names: Any) -> list[str]:
    """The sets that exist; a missing one (a blind set not written yet) is skipped with a note."""
    found = []
    for name in dict.fromkeys(names):
        if (HERE / name).is_file():
            found.append(name)
        else:
            print(f"== {name}: not in tests/safety (yet), skipped")
    return found


def recall(cases: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    hits: dict[str, dict[str, list[int]]] = {d: defaultdict(lambda: [0, 0]) for d in DETECTORS}
    misses: list[str] = []
    for case in cases:
        found = flags(case["text"])
        for detector in DETECTORS:
            ok = caught(case["label"], *found[detector])
            for key in ("all", f"lang={case['lang']}", f"class={case['label']}"):
                hits[detector][key][0] += ok
                hits[detector][key][1] += 1
            if detector == "combined" and not ok:
                misses.append(f"[{case['lang']} {case['label']}] {case['text'][:160]}")
    table = {d: {k: round(h / n, 4) for k, (h, n) in sorted(v.items())} for d, v in hits.items()}
    return table, misses


def false_alarms(rows: list[dict[str, Any]]) -> tuple[dict[str, float], list[str], int]:
    measured = [row["text"] for row in rows if row["part"] == "measure"]
    counts = dict.fromkeys(DETECTORS, 0)
    alarms: list[str] = []
    for text in measured:
        found = flags(text)
        for detector in DETECTORS:
            counts[detector] += any(found[detector])
        if any(found["combined"]):
            alarms.append(text[:160])
    return {d: round(c / len(measured), 4) for d, c in counts.items()}, alarms, len(measured)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report", type=Path, default=None, help="JSON output path")
    parser.add_argument("--misses", action="store_true",
                        help=f"print the misses of the tuning sets (never of the blind set {BLIND})")
    parser.add_argument("--vector-cache", type=Path, default=None,
                        help="a folder that keeps the e5 vectors of the sets' chunks (per e5 model version, keyed by "
                             "text hashes), so unchanged sets are not embedded again; every decision is made anew")
    args = parser.parse_args(argv)
    global _bank
    cache = VectorCache(vector_file(args.vector_cache), _default_embed()) if args.vector_cache else None
    _bank = load_bank(embed=cache) if cache else None
    detect_semantic("warm-up", bank=_bank)
    started = time.perf_counter()
    tables: dict[str, Any] = {}
    failed, count = False, 0
    floors: dict[str, float | None] = {**RECALL_FLOORS, **({} if BLIND in RECALL_FLOORS else {BLIND: None})}
    for name in present(floors):
        floor = floors[name]
        danger = [case for case in load(name) if case["label"] != "none"]
        count += len(danger)
        table, misses = recall(danger)
        tables[name] = table
        print(f"== {name} ({len(danger)} messages, {len(misses)} missed by all detectors)")
        for detector in DETECTORS:
            print(f"   recall, {detector}: " + "  ".join(f"{k} {v:.3f}" for k, v in table[detector].items()))
        if args.misses and name != BLIND:
            print("\n".join(f"   MISSED {line}" for line in misses))
        low = floor is not None and table["combined"]["all"] < floor
        failed |= low
        print(f"   combined {table['combined']['all']:.3f}  "
              + (f"floor {floor:.2f}" if floor is not None else "no floor yet (blind, first measurement)")
              + f"  issue-12 target {TARGET_RECALL}" + ("  BELOW FLOOR" if low else ""))
    rates, alarms, measured = false_alarms([row for name in ORDINARY for row in load(name)])
    blind = {name: false_alarms(load(name)) for name in present([*MAX_BLIND_FALSE_ALARMS, *ORDINARY_BLIND])}
    blind_count = sum(count for _, _, count in blind.values())
    blind_alarm_count = sum(len(found) for _, found, _ in blind.values())
    alike_sets = present(LOOKALIKES)
    alike = [{"text": case["text"], "part": "measure"}
             for name in alike_sets for case in load(name) if case["label"] == "none"]
    alike_rates, alike_alarms, alike_count = false_alarms(alike)
    nonacute = [{"text": case["text"], "part": "measure"} for case in load(NONACUTE)]
    nonacute_rates, nonacute_alarms, nonacute_count = false_alarms(nonacute)
    ms = 1000 * (time.perf_counter() - started) / (count + measured + blind_count + alike_count + nonacute_count)
    print(f"== false alarms on {measured} ordinary sentences: "
          + "  ".join(f"{d} {rates[d]:.4f}" for d in DETECTORS)
          + f"  ({len(alarms)} messages; issue-12 target <= {MAX_FALSE_ALARMS})")
    for name, (blind_rates, blind_alarms, count_in_set) in blind.items():
        kind = "blind, never listed" if name in ORDINARY_BLIND else "written blind, a tuning set since"
        print(f"== false alarms on {count_in_set} ordinary sentences of {name} ({kind}): "
              + "  ".join(f"{d} {blind_rates[d]:.4f}" for d in DETECTORS)
              + f"  ({len(blind_alarms)} messages; ceiling {MAX_BLIND_FALSE_ALARMS.get(name, 'none yet')}, "
              f"target {MAX_FALSE_ALARMS})")
        if args.misses and name not in ORDINARY_BLIND:
            print("\n".join(f"   FALSE ALARM {line}" for line in blind_alarms))
    both = len(alarms) + blind_alarm_count
    print(f"== false alarms on all {measured + blind_count} ordinary sentences: {both / (measured + blind_count):.4f} "
          f"({both} messages)")
    print(f"== false alarms on {alike_count} look-alikes of {', '.join(alike_sets)} (reported, not gated): "
          + "  ".join(f"{d} {alike_rates[d]:.4f}" for d in DETECTORS) + f"  ({len(alike_alarms)} messages)")
    print(f"== false alarms on {nonacute_count} serious but not acute messages of {NONACUTE}: "
          + "  ".join(f"{d} {nonacute_rates[d]:.4f}" for d in DETECTORS)
          + f"  ({len(nonacute_alarms)} messages; ceiling {MAX_NONACUTE_ALARMS})")
    print(f"== mean time {ms:.1f} ms/message (all detectors)")
    for line in alarms:
        print(f"  FALSE ALARM {line}")
    if cache:
        print(f"== e5 vectors: {cache.added} chunks embedded, the rest read from {cache.path}")
        cache.save()
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        blind_rates = {name: found[0] for name, found in blind.items()}
        args.report.write_text(json.dumps({"recall": tables, "false_alarms": rates, "blind_false_alarms": blind_rates,
                                           "lookalike_false_alarms": alike_rates,
                                           "nonacute_false_alarms": nonacute_rates, "ms": round(ms, 1)}, indent=2))
    # Gated on the counts, not the rounded rates: 8 of 1,594 is 0.502%, above 0.5%.
    failed |= len(alarms) > MAX_FALSE_ALARMS * measured or len(nonacute_alarms) > MAX_NONACUTE_ALARMS * nonacute_count
    failed |= any(len(found) > MAX_BLIND_FALSE_ALARMS[name] * size
                  for name, (_, found, size) in blind.items() if name in MAX_BLIND_FALSE_ALARMS)
    print("FAIL" if failed else "OK", f"(gate: recall floors {RECALL_FLOORS}, false alarms <= {MAX_FALSE_ALARMS}, "
          f"on not acute <= {MAX_NONACUTE_ALARMS}, on {MAX_BLIND_FALSE_ALARMS}; "
          f"issue-12 target recall {TARGET_RECALL} is not a gate until met)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
