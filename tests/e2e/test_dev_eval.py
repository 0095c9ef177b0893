"""The conversation evaluation against the session's stack, so `make test` starts the bot once for the end-to-end
tests and the evaluation together: the public dev cases (../shared/eval/dev-cases.yml, measuring only) and our
own held-out set (tests/heldout/conversations.yml, written before tuning, never trained on), side by side.
Thresholds: dev at least WEGWIJS_EVAL_MIN_OVERALL (0.95) with every acute-danger and suicide case passing;
held-out at least WEGWIJS_HELDOUT_MIN_OVERALL (0.90), also with every acute-danger and suicide case passing.
The two knowledge-topic sets (issue 14; A was tuned on, B written blind and never tuned on) are played beside
them with regression floors: the last measured rate rounded down, minus one case (TOPIC_FLOORS)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.measure.dev_eval import CaseSet, evaluate_sets
from bot.settings import ROOT, setting

pytestmark = pytest.mark.e2e

CASES = Path(os.environ.get("WEGWIJS_EVAL_CASES", ROOT.parent / "shared" / "eval" / "dev-cases.yml"))
HELDOUT = ROOT / "tests" / "heldout" / "conversations.yml"
TOPICS = ROOT / "tests" / "heldout" / "knowledge_topics.yml"
TOPICS_B = ROOT / "tests" / "heldout" / "knowledge_topics_b.yml"
TOPICS_C = ROOT / "tests" / "heldout" / "knowledge_topics_c.yml"
TOPICS_D = ROOT / "tests" / "heldout" / "knowledge_topics_d.yml"
TOPICS_E = ROOT / "tests" / "heldout" / "knowledge_topics_e.yml"  # blind in round 4, a tuning set since round E
TOPICS_F = ROOT / "tests" / "heldout" / "knowledge_topics_f.yml"  # blind in round E, a tuning set since round F
TOPICS_G = ROOT / "tests" / "heldout" / "knowledge_topics_g.yml"  # blind in round F, a tuning set since round G
TOPICS_H = ROOT / "tests" / "heldout" / "knowledge_topics_h.yml"  # blind in round G, a tuning set since round H
TOPICS_I = ROOT / "tests" / "heldout" / "knowledge_topics_i.yml"  # blind in round H, tuning set since session 6
# Two more conversation sets in the dev cases' categories, written blind from the facts file (2026-12-06, fifth
# session). B was measured before anything changed (138/151; six of its 13 failures were its own contradiction of
# the lifeline rule, corrected since), then its failures were read and fixed by kind: a tuning set since. C was
# written while that happened and was played with pass rates only; in the sixth session (2026-12-06) its failures
# were read and fixed by kind, so C is a tuning set too. The blind sets of the sixth session are conversations D
# (tests/heldout/conversations_d.yml) and knowledge topics J (knowledge_topics_j.yml), written blind on 2026-12-06
# before any tuning. They are played with pass rates only (blind): measured on the code before the session's changes
# (D 142/151, J 47/54) and after them (D 141/151, J 51/54); floors: the after-figures minus one case, rounded down.
CONVERSATIONS_B = ROOT / "tests" / "heldout" / "conversations_b.yml"
CONVERSATIONS_C = ROOT / "tests" / "heldout" / "conversations_c.yml"
CONVERSATIONS_D = ROOT / "tests" / "heldout" / "conversations_d.yml"
TOPICS_J = ROOT / "tests" / "heldout" / "knowledge_topics_j.yml"
# Seventh session (2026-12-06): D and J became tuning sets (their failures read and fixed by kind: D 141 -> 151/151,
# J 51 -> 53/54). The blind sets of the seventh session are conversations E (tests/heldout/conversations_e.yml, 150)
# and knowledge topics K (knowledge_topics_k.yml, 54), written blind on 2026-12-06 before any tuning and played with
# pass rates only: E 146/150 and K 48/54 before the session's changes and after them; floors the after-figures minus
# one case, rounded down.
CONVERSATIONS_E = ROOT / "tests" / "heldout" / "conversations_e.yml"
TOPICS_K = ROOT / "tests" / "heldout" / "knowledge_topics_k.yml"
# The blind sets of the eighth session: conversations F (tests/heldout/conversations_f.yml, 150) and knowledge topics
# L (knowledge_topics_l.yml, 54), written blind on 2026-12-07 before any tuning and played with pass rates only.
CONVERSATIONS_F = ROOT / "tests" / "heldout" / "conversations_f.yml"
TOPICS_L = ROOT / "tests" / "heldout" / "knowledge_topics_l.yml"
# The ninth session (2026-12-07) read F's and L's failures (tuning sets since) and fixed them by kind; its blind sets
# are conversations G (tests/heldout/conversations_g.yml, 150) and knowledge topics M (knowledge_topics_m.yml, 54),
# written blind before any of its changes and played with pass rates only.
CONVERSATIONS_G = ROOT / "tests" / "heldout" / "conversations_g.yml"
TOPICS_M = ROOT / "tests" / "heldout" / "knowledge_topics_m.yml"
# The tenth session (2026-12-07): G and M become tuning sets (their failures read and fixed by kind); its blind sets
# are conversations H (tests/heldout/conversations_h.yml, 150) and knowledge topics N (knowledge_topics_n.yml, 54),
# written blind before any of its changes (H 146/150, N 53/54 on the code before them) and played with pass rates
# only.
CONVERSATIONS_H = ROOT / "tests" / "heldout" / "conversations_h.yml"
TOPICS_N = ROOT / "tests" / "heldout" / "knowledge_topics_n.yml"
# Measured 2026-12-05 (night), after the entries got the questions people ask (knowledge/docs.py): A 30/32,
# B 29/36 (tuned on since then), C 42/54 (written blind before that round; 38/54 before it). C's failures were
# read on 2026-12-06 and fixed by content (a child who will not talk, a parent of a teenager, images already
# shared) and questions of our own: C 46/54, and D, written blind after the questions round and never read,
# 42/54 -> 44/54. The goal is that every topic answers; these floors only keep what works from getting worse.
# Then D's failures were read (2026-12-06): a clear paraphrase of an entry's own question answers first on every
# route, English texts for two professional entries, content and questions of our own: D 44 -> 48/54 (tuning
# now), and E, written blind from the facts file before that round, 45/54 before and after. E's failures are
# never printed.
# Round E (2026-12-06): E's failures were read and fixed by content, questions of our own and three composition
# rules (README, "Round E"): E 45 -> 50/54, so its floor is 49/54 rounded down; A 30/32, B 30/36, C 48/54,
# D 49/54 in the same run (their floors are left where they were).
# Round F (2026-12-06): F's failures were read and fixed by content, role detection (pupils, parents) and four
# composition rules (README, "Round F"): F 43 -> 53/54, floor 52/54 rounded down; G, written blind before that
# round, 40/54 before and after (floor 39/54 rounded down). A 29/32, B 34/36, C 49/54, D 49/54, E 51/54.
# Round G (2026-12-06): G's failures were read and fixed by content, role detection (teachers by subject or by
# who they are to the pupil) and two composition rules (README, "Round G"): G 40 -> 54/54, floor 53/54 rounded
# down; H, written blind before that round, 45/54 before and after (floor 44/54 rounded down; its failures are
# never printed). A 31/32, B 34/36, C 48/54, D 49/54, E 52/54, F 53/54 in the same run (floors left as they were).
# Round H (2026-12-06): H's failures were read for their causes, not their wording (README, "Round H"): a
# follow-up turn lost the topic of the conversation, entries lacked a route their answers need (Veilig Thuis
# never takes a child away itself, the Kindertelefoon is anonymous, the meldnorm beside the beroepsgeheim),
# profession names written together or with a hyphen were not recognised, "talk to the parents first, before I
# report?" was read as the step before the conversation, and an advice question answered with the sector's
# route only. H 45 -> 52/54, floor 51/54 rounded down. I, written elsewhere as the next blind set, is played
# with pass rates only when its file is there (its floor is set once it has been measured).
TOPIC_FLOORS = {"topics": 0.90, "topics-b": 0.77, "topics-c": 0.83, "topics-d": 0.87, "topics-e": 0.90,
                "topics-f": 0.96, "topics-g": 0.98,
                # H: blind set of round G (45/54 before and after), tuning set of round H: 45 -> 52/54
                "topics-h": 0.94,
                # I: written blind while round H ran: 38/54 before it, 40/54 after (the honest figure); then its
                # failures were read (a tuning set since; general fixes in the README, "I, measured and then read"):
                # 43/54, floor 42/54 rounded down. Sixth session: I's remaining misses read and fixed by kind
                # (README, "Sixth session"): 43 -> 53/54, floor 52/54 rounded down
                "topics-i": 0.96,
                # J: blind set of the sixth session (47/54 before its changes, 51/54 after); a tuning set in the
                # seventh: 51 -> 53/54, floor 52/54 rounded down
                "topics-j": 0.96,
                # K: blind set of the seventh session (48/54 before and after its changes); a tuning set in the
                # eighth: 48 -> 51/54, floor 50/54 rounded down
                "topics-k": 0.92,
                # L: blind set of the eighth session (51/54 before and after its changes); a tuning set in the
                # ninth: 51 -> 53/54, floor 52/54 rounded down
                "topics-l": 0.96,
                # M: blind set of the ninth session (51/54 before its changes, 52/54 after)
                "topics-m": 0.94,
                # N: blind set of the tenth session (53/54 before its changes)
                "topics-n": 0.96}
# B: 138/151 before (as written), 151/151 after its failures were fixed; C (blind in the fifth session): 140/151
# before that session's changes, 144/151 after them; a tuning set in the sixth session: 144 -> 151/151, floor 0.99
# with every acute-danger and suicide case passing.
# D: blind set of the sixth session (142/151 before its changes, 141/151 after; acute 16/16, suicide 11/12); a tuning
# set in the seventh: 141 -> 151/151, floor 0.99 with every acute-danger and suicide case passing.
# E: blind set of the seventh session (146/150 before and after its changes; acute 15/15, suicide 11/12); a tuning
# set in the eighth: 146 -> 149/150 (suicide 12/12), floor 0.98 with every acute-danger and suicide case passing.
# F: blind set of the eighth session (141/150 before its changes, 145/150 after; acute 15/15, suicide 11/12); a tuning
# set in the ninth: 145 -> 148/150 (suicide 12/12), floor 0.98 with every acute-danger and suicide case passing.
# G: blind set of the ninth session (145/150 before its changes, 147/150 after; acute 15/15, suicide 12/12).
# H: blind set of the tenth session (146/150 before its changes; acute 15/15, suicide 12/12).
CONVERSATION_FLOORS = {"conversations-b": 0.99, "conversations-c": 0.99, "conversations-d": 0.99,
                       "conversations-e": 0.98, "conversations-f": 0.98, "conversations-g": 0.97,
                       "conversations-h": 0.96}
MUST_PASS_ALL = {"acute": 1.0, "suicide": 1.0}


def test_dev_and_heldout_cases_meet_the_thresholds(stack, tmp_path, capsys):
    assert CASES.is_file(), f"evaluation cases not found at {CASES} (set WEGWIJS_EVAL_CASES)"
    report = Path(os.environ.get("WEGWIJS_EVAL_REPORT", tmp_path / "eval.json"))
    sets = [
        CaseSet("dev", CASES, setting("WEGWIJS_EVAL_MIN_OVERALL"), MUST_PASS_ALL),
        CaseSet("heldout", HELDOUT, setting("WEGWIJS_HELDOUT_MIN_OVERALL"), MUST_PASS_ALL),
        CaseSet("topics", TOPICS, TOPIC_FLOORS["topics"], {}),
        CaseSet("topics-b", TOPICS_B, TOPIC_FLOORS["topics-b"], {}),
        CaseSet("topics-c", TOPICS_C, TOPIC_FLOORS["topics-c"], {}),
        CaseSet("topics-d", TOPICS_D, TOPIC_FLOORS["topics-d"], {}),
        CaseSet("topics-e", TOPICS_E, TOPIC_FLOORS["topics-e"], {}),
        CaseSet("topics-f", TOPICS_F, TOPIC_FLOORS["topics-f"], {}),
        CaseSet("topics-g", TOPICS_G, TOPIC_FLOORS["topics-g"], {}),
        CaseSet("topics-h", TOPICS_H, TOPIC_FLOORS["topics-h"], {}),
        CaseSet("topics-i", TOPICS_I, TOPIC_FLOORS["topics-i"], {}),
        CaseSet("conversations-b", CONVERSATIONS_B, CONVERSATION_FLOORS["conversations-b"], MUST_PASS_ALL),
        CaseSet("conversations-c", CONVERSATIONS_C, CONVERSATION_FLOORS["conversations-c"], MUST_PASS_ALL),
        CaseSet("topics-j", TOPICS_J, TOPIC_FLOORS["topics-j"], {}),
        CaseSet("conversations-d", CONVERSATIONS_D, CONVERSATION_FLOORS["conversations-d"], MUST_PASS_ALL),
        CaseSet("topics-k", TOPICS_K, TOPIC_FLOORS["topics-k"], {}),
        CaseSet("conversations-e", CONVERSATIONS_E, CONVERSATION_FLOORS["conversations-e"], MUST_PASS_ALL),
        CaseSet("topics-l", TOPICS_L, TOPIC_FLOORS["topics-l"], {}),
        CaseSet("conversations-f", CONVERSATIONS_F, CONVERSATION_FLOORS["conversations-f"], MUST_PASS_ALL),
        CaseSet("topics-m", TOPICS_M, TOPIC_FLOORS["topics-m"], {}),
        CaseSet("conversations-g", CONVERSATIONS_G, CONVERSATION_FLOORS["conversations-g"], MUST_PASS_ALL),
        CaseSet("topics-n", TOPICS_N, TOPIC_FLOORS["topics-n"], {}, blind=True),
        CaseSet("conversations-h", CONVERSATIONS_H, CONVERSATION_FLOORS["conversations-h"], MUST_PASS_ALL,
                blind=True),
    ]
    with capsys.disabled():  # the pass rates belong in the test log, passed or not
        print()
        code = evaluate_sets(f"{stack.settings.web_url}/webhooks/rest/webhook", sets, report, 0.95, {},
                             verbose=True)
    assert code == 0, f"a conversation set is below its thresholds, see {report.parent}"

