"""Evaluate the PII redactor on the labelled sets.

    python -m bot.measure.privacy_eval [--holdout] [--set NAME ...] [-v] [--figures] [--speed] [--report PATH]

Sets: pii_cases.yml (tuning), pii_holdout.yml (written before the redactor, not tuned on),
pii_unlisted_names.yml and pii_unlisted_holdout.yml (names outside the word lists; the second was
written before the rare-word rule and has capitalised non-names too), and the chat-style sets of issue 13
(how people type: lower case, typos, hidden characters, other digits): pii_chat.yml (tuning) and
pii_chat_holdout.yml (held out, the README's figures).
pii_chat_holdout_b.yml (held out, written blind before the plate tuning of issue 13; the names rules of
2026-12-05 were then tuned on its name misses) and pii_chat_holdout_c.yml (written blind before that names
work; the rules for names, addresses, institutions and dates were then tuned on its misses) and
pii_chat_holdout_d.yml (written blind before that second round). In the third round C and D became tuning
sets (their misses were read and fixed) and pii_chat_holdout_e.yml, written blind meanwhile and never read
during the work, was the held-out set. In the fourth round E became a tuning set too and
pii_chat_holdout_f.yml, written blind meanwhile and never read during the work, was the held-out set. In the
fifth round F became a tuning set too and pii_chat_holdout_g.yml, written blind meanwhile and never read
during the work, was the held-out set. In the sixth round G became a tuning set too and
pii_chat_holdout_h.yml, written blind meanwhile and never read during the work, was the held-out set. In the
seventh round H became a tuning set too and pii_chat_holdout_i.yml, written blind meanwhile and never read
during the work, was the held-out set. In the eighth round I became a tuning set too and
pii_chat_holdout_j.yml, written blind meanwhile and never read during the work, was the held-out set. In the
ninth round J became a tuning set too and pii_chat_holdout_k.yml, written blind before it and never read during
the work, was the held-out set, scored once at its end. In the tenth round K became a tuning set too and
pii_chat_holdout_l.yml, written blind before it and never read, was the held-out set. In the eleventh round L became a
tuning set too and pii_chat_holdout_m.yml, written blind before it and never read, was the held-out set. In the twelfth
round M became a tuning set too and pii_chat_holdout_n.yml, written blind and never read, was the held-out set. In the
thirteenth round N becomes a tuning set too (its misses are read and fixed by kind) and pii_chat_holdout_o.yml,
written blind and never read, is the held-out set: the figures that count. In the fourteenth round
pii_chat_institutions_p.yml (institutions only, written in one pass before that round: lower case, typos,
abbreviations, branch and place, after work and study verbs, and traps with no PII) is a tuning set for the class
INSTELLING; O stays the held-out set. In the fifteenth round O becomes a tuning set too and pii_chat_holdout_q.yml
(595 sentences, written blind in one pass on 2026-12-06 before that round) is the held-out set. In the sixteenth
round pii_chat_tuning_r.yml (R, 507 chat-style sentences weighted towards what is hardest: lower-case names after
relation words, names that are words, many origins, nicknames, tussenvoegsels; institutions with branch or
neighbourhood; addresses without a number or with toevoegingen; dates of birth in every format; 65 look-alikes) is a
tuning set written in one pass before its round, before the redactor was run on it; Q stays the held-out set.
In the seventeenth round (eighth session) Q becomes a tuning set too (its misses read and fixed by kind: institutions
by their shape, names after relation words and cues, addresses without an article or with the floor in one word) and
pii_chat_holdout_s.yml (S, 520 sentences, written blind in one pass before the round and never read) is the held-out
set, in BLIND: figures only. The round also makes the bot's own texts count as known words only for the services they
name, their jargon and frequent words, so a knowledge entry using an ordinary word no longer hides a name (see
lexicon.bot_word). Q before -> after: names .960 -> .992, institutions .894 -> 1.0, addresses .952 -> 1.0, postcodes
.968 -> 1.0, dates of birth .971 -> 1.0, handles .968 -> 1.0, telephone .974 and plates .960 unchanged, over-redaction
0.6% -> 0.7%; R names .969 -> .982 (the rest unchanged); O unchanged.
Round 18 (eighth session) adds no rule for a single miss: it loosens global knobs, judged on all tuning sets at once
(every set except S, summed) and on the ordinary text (tests/safety/ordinary*.yml and the NLU examples), and, since
the tuning sets are saturated, also on the earlier redactor run on the sets that were blind then (O before round 15,
Q before round 17). Knob 1: a given name in `lowercase_words` counts as ambiguous (a name in lower case only after a
cue) only when an ordinary word stands behind it (it is in a word list, a frequent English word, a describing word,
or has an ordinary inflected form: "frans"/"franse", "lieve"); "linda", "bert", "milan", "lars" no longer need a
cue. Tuning sets names 2944 -> 2945/2968, every other class unchanged, over-redaction 0.57% -> 0.57%, ordinary text
0.97% -> 0.97% (no new span); O as it was blind: names 251 -> 254/258, no new false positive; Q as it was blind:
unchanged. Knob 2: right after a relation word (where a name is expected) the cut-off for an ordinary word is the
common words (Zipf 3.3) instead of any word list (as round 17 set it after "ik ben" at a clause's end); verb forms,
participles, inflected and compound words, foreign words, places and streets stay words (`NameFinder._uncommon`).
Tuning sets names 2945 -> 2946/2968 ("mijn oom mehari"), no new false positive on any set, ordinary text 1168/120506
words (0.97%, one new Polish word); Q as it was blind: names 239 -> 240/249 ("mijn schoonvader erdoğan"); O as blind:
unchanged. Knob 3 (how far an institution's name reaches): "in <town>" or "in <quarter>" right after any institution
whose name does not end in a kind word is part of its placeholder (round 15 had this only for shops with many
branches): "het leger des heils in deventer", "de shell in pernis", "karakter in ede"; "het Da Vinci College in
Leiden" keeps its town outside. Tuning sets institutions 946 -> 950/977, other classes unchanged, no new false
positive; over-redaction 0.57% -> 0.73% (P 2.94% -> 5.27%, its ceiling 7%; R 0.60% -> 1.37%, O 0.89% -> 1.13%, every
other set at most 1.0%), ordinary text 0.97% unchanged; O as it was blind (the redactor before round 15, which had
no branch rule yet): institutions 59 -> 63/80, over-redaction 1.6% -> 1.8%; Q as blind: institutions unchanged, 0.6%
-> 0.8%. Six span tests that kept the town outside now expect it inside (tests/privacy/test_redact.py).
Tried and dropped: the rare words (web text only, Zipf < 3) as unknown words anywhere: one name more on O (blind),
none on Q, 35 new false positives on the tuning sets and 0.97% -> 1.16% on the ordinary text; the uncommon-word cut-
off of knob 2 wherever a rare word counts as a name (one name more, about 20 more ordinary words over-redacted, mostly
Polish and Arabic chat); unknown or rare lower-case words of three letters as names alone (SHORT_NAME 3 -> 2: one name
won, one lost, 26 new false positives); a listed street without a number or article right after "op"/"aan"/"in" (no
set gained, a town in two ordinary lines redacted); the town after an institution without "in" ("gym tilburg": no set
gained).
Round 19 (ninth session): S becomes a tuning set (BLIND holds T only: pii_chat_holdout_t.yml, written blind before
the round and never read, figures only). S's misses were read and fixed by kind, never by a sentence's own words:
institutions by family (a kind of two words, "<name> medisch centrum"; a given name, a particle or a title inside a
name before its kind word, "de <given> de <surname>school"; a describing word before a noun in a name, "het <adjective>
<noun> ziekenhuis"; a foreign article before a name and a tail; a saint's title of other churches after "kerk";
regional services with their area, ggd, huisartsenpost, cjg, with compound regions; associations, day care and homes of
care before a lower-case name; day-care organisations with a location's name after an article; a club after a verb of
its sport and "bij"), addresses (street words written short in lower case when the full form is a listed street; the
words and house number right before a postcode, whatever the street ends in; a particle before a street named after a
family; a given name and a name word before a lower-case street; a listed street without prefix; the street of a shop
chain's branch), a postcode glued to its cue word, a date with day and month both as ordinals, and names (after
"tegen"/"zonder" at a clause's end or before a verb closing the clause; before "(mijn <relation>)"; what a group calls
someone, not describing words or insults; "zich <name> noemde"; "zegt <name> tegen haar"; a surname that is a frequent
word after meneer/mevrouw). S before -> after: names .948 -> .977 (208/213), institutions .891 -> 1.0 (101/101),
addresses .855 -> 1.0 (55/55), postcodes .944 -> 1.0, dates of birth .970 -> 1.0, the rest 1.0 unchanged;
over-redaction 0.43% -> 0.43%. The other tuning sets (every set but S and T, summed): institutions 950 -> 951/977, the
rest unchanged, over-redaction 0.73% -> 0.73% (P 5.27% unchanged; one new false positive on R, a chain's street that R
leaves unlabelled); ordinary text (tests/safety/ordinary*.yml and the NLU examples) 0.96% -> 0.97% of words, the new
spans nearly all organisations that text really names (a GGD region, the Vereniging van Nederlandse
Gemeenten, a hospital). T (pii_chat_holdout_t.yml, 520 sentences, written blind in one pass before the round, in
BLIND: figures only), before -> after: exactly the same, names .976 (161/165), institutions .894 (59/66), addresses
.962 (50/52), every other class 1.0, over-redaction 0.6%. Once more the fixes by kind did not reach new text.
Round 20 (tenth session): T becomes a tuning set (BLIND is empty in this commit; the new blind set,
pii_chat_holdout_u.yml, written meanwhile by someone else, is added to SETS and BLIND by hand and was never opened
during the work). Since 19 rounds of fixes reached the tuning sets and not the blind ones, T's misses were fixed only
by the frame or kind word that says "a name stands here", each rule tried on sentences of my own of every kind before
T was scored again: institutions (words between a verb of work or sport and "bij": "werken allebei bij", "werkt sinds
2019 bij"; a workplace or club closed by its verb, "sinds hij bij <X> werkt", "bij de <chain> in <town> werkt"; a
sport said as a noun or a verb before "bij", "speelt basketbal bij", "turn bij", with a lower-case club after it; a
capitalised town right after a capitalised name, "<Club> Den Haag"; a name before ", een <kind word>", "in de <name>,
een verzorgingshuis"; a capitalised name after "op de" once a school class or a teacher was said, or right after
"zit(ten) op de" when it is no frequent word; a school after a year or level of secondary school, "de brugklas van het
<name>", "3 vwo op het <Name>"; a teacher's school that is a Dutch word but no common one, "juf op de <name>"; a chain
after any job word, "is postbode bij <chain>", not "klant"; English schools by their level, "<Name> primary/high
school"; regional care by its kind word and region, "thuiszorg <region>", "jeugdzorg <noord-holland>", the food bank
with its town; a school's method with its town, "de montessori in <town>"), names (pets as relation words, "mijn hond
<name>", "<name> is onze kat"; the family on the doorbell, "aanbellen bij <particles> <name>"; a given name corrected
to a found name, "<name>? ik bedoel <name>") and addresses (a house number before a Dutch street in the English order
after "at"/"on"; a range of house numbers, "2 t/m 6"). T before -> after: names .976 -> 1.0 (165/165), institutions
.894 -> 1.0 (66/66), addresses .962 -> 1.0 (52/52), the rest 1.0 unchanged; over-redaction 0.56% -> 0.68% (28 -> 34 of
5032 words: the town of a chain's branch, "in <town>", which knob 3 puts inside and T leaves out, the article before a
school's name, and the second of a name T lists twice, which the label lookup places on the first). Every other set
(summed): institutions 1052 -> 1054/1078 (P 178 -> 179, R 103 -> 104: "boxing" in "bij boxing gym ..."), not one other
span changed, every other class and the over-redaction (427/60523 words, 0.71%) as before; ordinary text
(tests/safety/ordinary*.yml and both NLU files, counted anew: 1242/126940 words, 0.98%) the very same spans; about 1.0
ms per sentence before and after on the machine of this session (both measured alike, the difference within the
noise). Tried and dropped: "dirk" as a chain (a chain is no name, so four names were lost on C, D, F and S); "dog",
"cat" and "hamster" as relation words ("the dog ate my ..." made "ate" a name; "Johan Hamster" lost his surname); a
lower-case word after a school level and "op de" as a school ("in de brugklas op de fiets"), and, looked at but not
built, any lower-case word after "zit op de" (no frequency cut-off tells "de klimop" from "de trampoline"); a kind
word with its town for prisons, ROCs and pabo's (the sets leave "de gevangenis in <town>" unlabelled).
Round 21 (eleventh session): U becomes a tuning set (BLIND is empty in this commit; the new blind set V, written
meanwhile by someone else, is added by hand and was never looked for, opened or scored during the work). Before any fix
pii_chat_tuning_w.yml (W, 107 sentences: the kinds of U's misses in other words, 31 of them look-alikes with no PII)
was written and registered as chat-tuning-w. U's misses were fixed by kind, never by U's own names, streets or
institutions: addresses (a loose letter right before a postcode, "<street> 63 b 3526 KL"; a house number in words after
"nummer"; a street named by a year, then "nr <n>"; a floor in words with a space and "achter"/"voor", "9 drie hoog
achter"; the particles of a family name before a numbered street, "de la", "van 't", "ter", and "de" after an article,
"op de de <name>laan 19"; "de" before a street in lower case whose stem is a rare listed surname, with a house number;
a listed street that is a common noun after living "op"/"in" it, "woont op de parallelweg", not the main or side street
of any town), institutions (a venue's kind word before its name after a cue of work, "portier bij club <name>"; a given
name and particle after a kind word, "scouting <given> van <surname>"; a web shop written with a space, "<shop> com"; a
town right after a firm with many sites, "<firm> <town>", and a plant word, "<firm> brouwerij <town>"; a care
organisation's compound kind word after its name, "<name> zorggroep", "<name> verslavingszorg"; a shop chain's branch
right after it without "in" (a listed quarter, a quarter of two words, a town and its station, a shopping centre or
square that web text has and no common word is, "hoog <name>"), after "bij" even without a cue of work; a chain "in de"
after a workplace just named or with a word of work in the sentence; a club with its founding year, "bij <name> '46"),
numbers (a firm's 088 number said to be someone's own, "mijn werknummer is ...", "het nummer van zijn kantoor is ...";
a short helpline inside a licence plate, "<L>-113-<LL>", is part of the plate) and names ("<name> hier" opening a
message as the introduction goes on, "hier ben 16"; a word of another language's list with that language's letters
opening the message before "<possessive> <relation>"; particles and a listed surname before "de <relation or person
noun> van", "ruzie met de <name> de man van mijn moeder"; "ik ben <given name> geboren"; "help <given name> <verb>"
opening the message; any short word after "<possessive> <relation>" before an age, "mijn vader <xx> is 79"). U before
-> after: names .968 -> 1.0 (187/187), institutions .874 -> 1.0 (87/87), addresses .848 -> 1.0 (46/46), telephone .973
-> 1.0 (37/37), plates .957 -> 1.0 (23/23), the rest 1.0 unchanged; over-redaction 0.52% -> 0.52% (24/4588 words). W
before -> after: names .857 -> 1.0 (14/14), institutions .333 -> .833 (20/24), addresses .556 -> .926 (25/27),
telephone .500 -> 1.0 (4/4), plates, postcodes and dates of birth 1.0 unchanged; over-redaction 0.6% -> 0.8% (6/775:
"de" before "la <name>straat", which W leaves out). W's misses left are frames no rule of this round reads ("draait
plaatjes bij club <name>", "pakt pakketjes in bij <shop> com", "een kraampje in de <chain>", a firm's plant and a town
that is a word, "<firm> <plant> born") and two streets that are common nouns ("aan de rijksweg", which may only say
near what; "op de hoofdweg", the main road of any town). Every other set: R addresses 51 -> 52/52 ("op de de
ruyterstraat 8"), O institutions 74 -> 75/80 (a scouting group named after a person), not one other span changed and no
new false positive; over-redaction (every set but P and W) 406 -> 410 of 68645 words (0.59% -> 0.60%: the floor in
words "12 drie hoog" that E and I leave out of their labels), P 79/1498 unchanged; ordinary text
(tests/safety/ordinary*.yml and both NLU files) the very same spans, 1242/126940 words (0.98%). Speed: 1.02 -> 1.03 ms
per sentence on the same 9152 sentences (best of three, both redactors measured alike; a first version of the
chain-with-branch pass cost 10% and was made to look up a chain only after an article or "bij"). Tried and dropped: any
street that is a common noun after "aan de" ("wonen aan de overweg" says near what); any word of another language's
list opening a message before "mijn <relation>" (interjections such as "yani"); "de" before any family-name street
after a preposition (22 more ordinary words over-redacted: "op de vondelstraat" has the article); chains with their
town after "naar" without a cue ("we gaan naar de hema in <town>" is shopping).
Round 22 (twelfth session): V becomes a tuning set (BLIND holds X only: pii_chat_holdout_x.yml, written blind in one
pass before the round and never opened, read or scored during the work). Before any fix pii_chat_tuning_y.yml (Y, 75
sentences: the kinds of V's misses in other words, 29 of them look-alikes with no PII) was written and registered as
chat-tuning-y. V's misses and false positives were fixed by kind, never by V's own names, streets or firms: IBANs (a
SEPA country's code and exactly that country's length, typed in groups, after a word for an account in any of seven
languages, "my polish account PL27 ...", is an IBAN even when its check digits fail; without such a word mod 97 still
decides; a number after "account" that starts like an IBAN is no user name), e-mail (a spoken address whose local part
holds a family name with particles, "<given> punt de <surname> at <provider> punt com"), institutions (English trades
after a brand, "<brand> brewery/factory/warehouse", and "<name> law firm"; a plural profession after a family name,
"<surname> advocaten/notarissen/accountants/makelaars", neither after a frequent word in lower case or opening the
sentence, "Local factory", "Goede advocaten"; youth and sport venues before a capitalised name, "jeugdhuis",
"sportcentrum", "sporthal", "zwembad", "sportpark", "ijsbaan", "wijkcentrum", "jongerenhuis" ("buurthuis" was there);
a capitalised name between commas after "company"/"firm"/"business"/"bedrijf" with describing words before it, "a
cleaning company, <Brand>, and ..."), addresses (a house number with its floor after "-", "i live at <street>
210-2") and names (a curated given name that opens English sentences, "said", "will", after a Dutch possessive and
relation word at the clause's end in a Dutch message, not "mijn broer will niet praten"; a curated given name after
"dat" before "niet"/"het"/"nooit" and a verb that takes a person; a given name and a listed surname that is a frequent
word after a relation word, right before a finite verb, "mijn ex <given> zomer wil ..."). False positives: a verb right
after a title or kin word (an infinitive after "<possessive> <relation>" once a verb that takes one came before, "je
kan mijn tante bellen"; a finite verb in lower case after "Mevrouw"/"Meneer" opening the sentence, "Mevrouw verblijft";
for this the verb test now also knows a stem's voiced f or s, "verblijft"/"verblijven"), a capitalised model right
after a car brand ("Volkswagen Touran"), and a lower-case noun after a verb of work and "in de" ("ik werk in de kas,
mijn baas ..."). V before -> after: names .984 -> 1.0 (189/189), institutions .946 -> 1.0 (92/92), addresses .981 ->
1.0 (53/53), e-mail .952 -> 1.0 (21/21), IBAN .933 -> 1.0 (15/15), the rest 1.0 unchanged; over-redaction 0.89% ->
0.76% (35 -> 30 of 3943 words, no false positive left). Y before -> after: e-mail 0/5 -> 5/5, institutions .444 ->
1.0 (18/18), names .900 -> 1.0 (10/10), IBAN 10/10, addresses 3/3 and telephone 1/1 unchanged; over-redaction 2.5% ->
1.7% (13 -> 9 of 526 words: four words of French, Spanish, Romanian and Lithuanian sentences taken for names and "a
law" of "works at a law firm", all there before the round). Every other set: L e-mail 30 -> 31/31 ("fam punt de jong
at planet punt nl"), not one other span changed, no span lost and no new false positive; over-redaction (every set but
V, Y and P) 416/69420 words (0.60%) unchanged, P 79/1498 unchanged; ordinary text (tests/safety/ordinary*.yml and both
NLU files) 1242 -> 1247 of 126940 words (0.98%), one new span, a real organisation ("Adviseur Fact Factory Openbaar
Ministerie"). Speed: 1.50 -> 1.46 ms per sentence on the same 9672 sentences (best of two each, both redactors measured
alike on a noisy machine: within the noise). Tried and dropped: lower-case venue heads before any word ("het zwembad aan
de Hofvlietweg" became an institution on the ordinary text), English trades and plural professions after any word
("Local factory", "Goede advocaten"). Left: "a law" in "she works at a law firm" (English "a" read as an article before
a name, there before the round) and foreign words before or after an IBAN in sentences of other languages.
Blind X (495 sentences), scored once before and once after the round: exactly the same, names .978 (178/182),
institutions .963 (79/82), addresses .977 (42/43), telephone .971 (34/35), e-mail, handles, IBAN, BSN, plates, dates
of birth and postcodes 1.0; over-redaction 1.2%. Every class is at least 0.95 on X; its floor test keeps that.
A set whose file does not exist yet is skipped with a note; `--set NAME` scores only the named sets (to list the
misses of tuning sets without the counts of Q).

A labelled span counts as found when the redactor's spans cover all of its characters (of any type; a
wrong type is listed separately). A false positive is a redacted span that touches no labelled span.
Over-redaction is the share of ordinary words (every word outside a labelled span) that a redacted span
touches, overall and on the sentences tagged with a `lang` other than Dutch.
Prints recall per type, over-redaction, the false positives and the misses; writes JSON when asked.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.privacy.redact import KINDS, Span, find_pii, redact  # noqa: E402

HERE = Path(__file__).resolve().parents[2] / "tests" / "privacy"
SETS = {"main": HERE / "pii_cases.yml", "holdout": HERE / "pii_holdout.yml",
        "unlisted": HERE / "pii_unlisted_names.yml", "unlisted-holdout": HERE / "pii_unlisted_holdout.yml",
        "chat": HERE / "pii_chat.yml", "chat-holdout": HERE / "pii_chat_holdout.yml",
        "chat-holdout-b": HERE / "pii_chat_holdout_b.yml", "chat-holdout-c": HERE / "pii_chat_holdout_c.yml",
        "chat-holdout-d": HERE / "pii_chat_holdout_d.yml", "chat-holdout-e": HERE / "pii_chat_holdout_e.yml",
        "chat-holdout-f": HERE / "pii_chat_holdout_f.yml", "chat-holdout-g": HERE / "pii_chat_holdout_g.yml",
        "chat-holdout-h": HERE / "pii_chat_holdout_h.yml", "chat-holdout-i": HERE / "pii_chat_holdout_i.yml",
        "chat-holdout-j": HERE / "pii_chat_holdout_j.yml", "chat-holdout-k": HERE / "pii_chat_holdout_k.yml",
        "chat-holdout-l": HERE / "pii_chat_holdout_l.yml", "chat-holdout-m": HERE / "pii_chat_holdout_m.yml",
        "chat-holdout-n": HERE / "pii_chat_holdout_n.yml", "chat-holdout-o": HERE / "pii_chat_holdout_o.yml",
        "chat-institutions-p": HERE / "pii_chat_institutions_p.yml", "chat-holdout-q": HERE / "pii_chat_holdout_q.yml",
        "chat-tuning-r": HERE / "pii_chat_tuning_r.yml", "chat-holdout-s": HERE / "pii_chat_holdout_s.yml",
        "chat-holdout-t": HERE / "pii_chat_holdout_t.yml", "chat-holdout-u": HERE / "pii_chat_holdout_u.yml",
        "chat-tuning-w": HERE / "pii_chat_tuning_w.yml", "chat-holdout-v": HERE / "pii_chat_holdout_v.yml",
        "chat-tuning-y": HERE / "pii_chat_tuning_y.yml", "chat-holdout-x": HERE / "pii_chat_holdout_x.yml"}
BLIND = {"chat-holdout-x"}  # the held-out set of the latest round: figures only, misses never shown
WORD = re.compile(r"\w+")
STRUCTURED = ("TELEFOON", "EMAIL", "POSTCODE", "BSN", "IBAN", "GEBOORTEDATUM")


def available(names: list[str]) -> list[str]:
    """The named sets whose file exists; a set still being written is skipped with a note."""
    for name in names:
        if not SETS[name].exists():
            print(f"note: {SETS[name].relative_to(ROOT)} does not exist yet; set {name!r} skipped")
    return [name for name in names if SETS[name].exists()]


@dataclass
class Figures:
    name: str
    messages: int = 0
    totals: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    misses: list[dict[str, str]] = field(default_factory=list)
    wrong_type: list[dict[str, str]] = field(default_factory=list)
    false_positives: list[dict[str, str]] = field(default_factory=list)
    ordinary: Counter[str] = field(default_factory=Counter)  # ordinary words: "all", "foreign"
    over: Counter[str] = field(default_factory=Counter)  # ... of which a redacted span touches

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.totals[kind] if self.totals[kind] else 1.0

    def over_redaction(self, scope: str = "all") -> float:
        return self.over[scope] / self.ordinary[scope] if self.ordinary[scope] else 0.0

    def summary(self) -> dict[str, Any]:
        if self.name in BLIND:  # counts only: nobody tunes on what the held-out set misses
            return {**self._figures(), "misses": len(self.misses), "wrong_type": len(self.wrong_type)}
        return {**self._figures(), "false_positive_spans": self.false_positives, "misses": self.misses,
                "wrong_type": self.wrong_type}

    def _figures(self) -> dict[str, Any]:
        return {"set": self.name, "messages": self.messages,
                "recall": {k: round(self.recall(k), 4) for k in KINDS if self.totals[k]},
                "over_redaction": round(self.over_redaction(), 4),
                "over_redaction_foreign": round(self.over_redaction("foreign"), 4),
                "ordinary_words": dict(self.ordinary),
                "labelled": dict(self.totals), "false_positives": len(self.false_positives)}


def load_cases(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        cases = yaml.safe_load(handle)
    for case in cases:
        for kind, values in (case.get("pii") or {}).items():
            if kind not in KINDS:
                raise ValueError(f"{path}: unknown type {kind!r} in {case['text']!r}")
            for value in values:
                if str(value) not in case["text"]:
                    raise ValueError(f"{path}: {value!r} is not in {case['text']!r}")
    return cases


def labelled_spans(case: dict[str, Any]) -> list[Span]:
    spans = []
    for kind, values in (case.get("pii") or {}).items():
        for value in values:
            start = case["text"].index(str(value))
            spans.append(Span(start, start + len(str(value)), kind))
    return spans


def _covered(label: Span, predicted: list[Span], text: str) -> bool:
    return all(ch.isspace() or any(p.start <= i < p.end for p in predicted)
               for i, ch in zip(range(label.start, label.end), text[label.start:label.end], strict=True))


def _count_ordinary(figures: Figures, case: dict[str, Any], labels: list[Span], predicted: list[Span]) -> None:
    scopes = ("all", "foreign") if case.get("lang", "nl") != "nl" else ("all",)
    for match in WORD.finditer(case["text"]):
        word = Span(match.start(), match.end(), "WORD")
        if any(word.overlaps(label) for label in labels):
            continue
        hit = any(word.overlaps(p) for p in predicted)
        for scope in scopes:
            figures.ordinary[scope] += 1
            figures.over[scope] += hit


def score(name: str, cases: list[dict[str, Any]]) -> Figures:
    figures = Figures(name, messages=len(cases))
    for case in cases:
        text, labels = case["text"], labelled_spans(case)
        predicted = find_pii(text)
        _count_ordinary(figures, case, labels, predicted)
        for label in labels:
            figures.totals[label.kind] += 1
            piece = {"text": text, "pii": text[label.start:label.end], "type": label.kind}
            if not _covered(label, predicted, text):
                figures.misses.append(piece)
                continue
            figures.found[label.kind] += 1
            if not any(p.kind == label.kind and p.overlaps(label) for p in predicted):
                figures.wrong_type.append(piece)
        for span in predicted:
            if not any(span.overlaps(label) for label in labels):
                figures.false_positives.append({"text": text, "span": text[span.start:span.end], "type": span.kind})
    return figures


def speed(cases: list[dict[str, Any]], rounds: int = 3) -> tuple[float, float]:
    """(seconds of the first call, which loads the word lists; milliseconds per sentence after it)."""
    start = time.perf_counter()
    redact("ik heet Sanne")
    loaded = time.perf_counter()
    for _ in range(rounds):
        for case in cases:
            redact(case["text"])
    return loaded - start, (time.perf_counter() - loaded) / (rounds * len(cases)) * 1000


def report(figures: Figures, verbose: bool, figures_only: bool = False) -> None:
    print(f"\n== {figures.name}: {figures.messages} messages")
    for kind in KINDS:
        if figures.totals[kind]:
            print(f"  {kind:<14} recall {figures.recall(kind):.3f}  ({figures.found[kind]}/{figures.totals[kind]})")
    print(f"  false positives: {len(figures.false_positives)} spans; over-redaction "
          f"{figures.over_redaction():.3f} of {figures.ordinary['all']} ordinary words, "
          f"{figures.over_redaction('foreign'):.3f} of {figures.ordinary['foreign']} in non-Dutch sentences")
    if figures_only or figures.name in BLIND:
        return
    lines = [("miss", m["type"], m["pii"], m["text"]) for m in figures.misses]
    lines += [("false positive", f["type"], f["span"], f["text"]) for f in figures.false_positives]
    if verbose:
        lines += [("wrong type", w["type"], w["pii"], w["text"]) for w in figures.wrong_type]
    for what, kind, piece, text in lines:
        print(f"    {what:<15} {kind:<13} {piece!r:<28} in {text!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--holdout", action="store_true",
                        help="also score the held-out set and the names that are not in the word lists")
    parser.add_argument("-v", "--verbose", action="store_true", help="also list spans found with another type")
    parser.add_argument("--figures", action="store_true", help="only the figures, no list of misses")
    parser.add_argument("--speed", action="store_true", help="also time the redactor on the scored sentences")
    parser.add_argument("--report", type=Path, help="write the figures as JSON here")
    parser.add_argument("--set", dest="sets", action="append", choices=list(SETS), metavar="NAME",
                        help="score only this set (repeatable): " + ", ".join(SETS))
    args = parser.parse_args(argv)
    names = available(args.sets or (list(SETS) if args.holdout else ["main", "chat"]))
    cases = {name: load_cases(SETS[name]) for name in names}
    timing = speed([c for group in cases.values() for c in group]) if args.speed else None
    results = [score(name, cases[name]) for name in names]
    for figures in results:
        report(figures, args.verbose, args.figures)
    if timing:
        print(f"\nspeed: first call {timing[0]:.2f} s (loads the word lists), then {timing[1]:.2f} ms per sentence "
              f"({sum(len(c) for c in cases.values())} sentences)")
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps([f.summary() for f in results], indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
