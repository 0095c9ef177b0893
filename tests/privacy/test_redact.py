"""The PII redactor: targets on the labelled sets, each detector's rules, and property-based checks."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.measure.privacy_eval import BLIND, SETS, STRUCTURED, Figures, available, load_cases, score
from bot.privacy.lexicon import lexicon
from bot.privacy.numbers import bsn_valid, iban_valid
from bot.privacy.redact import find_pii, redact

HELPLINES = ["112", "113", "0800-2000", "0800 2000", "08002000", "0800-0432", "0800-0113", "0800-0188",
             "0900-8844", "0900-0101", "0800-5151", "088-4404242", "033-448 11 86", "+31 247 247 247"]


@pytest.fixture(scope="module")
def figures() -> dict[str, Figures]:
    names = [name for name in SETS if name not in BLIND]  # the blind set is scored once, at the end of a round
    results = {name: score(name, load_cases(SETS[name])) for name in available(names)}
    for result in results.values():  # shown with -s, and in the failure output
        print(result.summary()["set"], result.summary()["recall"], "false positives:", len(result.false_positives))
    return results


def test_the_labelled_set_has_at_least_200_messages():
    assert len(load_cases(SETS["main"])) >= 200


@pytest.mark.parametrize("name", ["main", "holdout"])
def test_structured_pii_is_always_found(figures, name):
    result = figures[name]
    for kind in (*STRUCTURED, "KENTEKEN", "ADRES"):
        assert result.recall(kind) == 1.0, [m for m in result.misses if m["type"] == kind]


@pytest.mark.parametrize("name", ["main", "holdout"])
def test_names_are_found_at_the_target_recall(figures, name):
    assert figures[name].recall("NAAM") >= 0.85, figures[name].misses


def test_names_outside_the_word_lists_are_mostly_found(figures):
    for name in ("unlisted", "unlisted-holdout"):
        assert figures[name].recall("NAAM") >= 0.75, figures[name].misses


@pytest.mark.parametrize("name", ["main", "holdout"])
def test_few_false_positives(figures, name):
    result = figures[name]
    assert len(result.false_positives) <= 0.02 * result.messages, result.false_positives


@pytest.mark.parametrize("number", HELPLINES)
def test_helplines_are_never_redacted(number):
    for text in (number, f"Bel {number}", f"bel {number}.", f"Mijn nummer is 06-12345678, bel anders {number}",
                 f"Ik heet Sanne en ik heb {number} gebeld", f"({number})"):
        assert number in redact(text), text


@pytest.mark.parametrize(("text", "expected"), [
    ("Ik heet Sanne, bel 06-12345678", "Ik heet [NAAM], bel [TELEFOON]"),
    ("mail jan.jansen@example.nl of bel 0800-2000", "mail [EMAIL] of bel 0800-2000"),
    ("postcode 1234AB, kenteken 12-ABC-3", "postcode [POSTCODE], kenteken [KENTEKEN]"),
    ("bsn 628194821 iban NL91 ABNA 0417 1643 00", "bsn [BSN] iban [IBAN]"),
    ("geboren op 3 maart 2015 in Utrecht", "geboren op [GEBOORTEDATUM] in Utrecht"),
    ("geboren op 3 maart", "geboren op [GEBOORTEDATUM]"),
    ("Ik woon op de Kerkstraat 12", "Ik woon op de [ADRES]"),
])
def test_placeholders(text, expected):
    assert redact(text) == expected


def test_bsn_eleven_check():
    assert bsn_valid("111222333") and bsn_valid("123456782")
    assert not bsn_valid("123456789") and not bsn_valid("000000000")
    # fails the 11-check without a BSN cue: since round 9 nine digits go all the same (a typo or a made-up
    # number leaks nothing either); eight digits and amounts stay
    assert redact("nummer 123456789") == "nummer [BSN]"
    assert redact("nummer 12345678") == "nummer 12345678" and redact("€ 123456789") == "€ 123456789"
    assert redact("mijn bsn is 123456789") == "mijn bsn is [BSN]"  # a typo after a BSN cue still goes


def test_iban_checksum():
    assert iban_valid("NL91ABNA0417164300") and iban_valid("DE89370400440532013000")
    assert not iban_valid("NL91ABNA0417164301")
    assert redact("BE68 5390 0754 7034 naar") == "[IBAN] naar"  # a following word is not a last group


@pytest.mark.parametrize("text", ["Ik ben 14 jaar", "stap 5 van de meldcode", "In 2020 is de meldcode aangepast",
                                  "Het gebeurde om 23:30", "Het gebeurde op 3 maart", "Wat doet Veilig Thuis?",
                                  "In Mei is het gebeurd", "Kan ik de Kindertelefoon bellen?"])
def test_ordinary_messages_stay_as_they_are(text):
    assert find_pii(text) == []


def test_the_bots_own_texts_keep_their_names_of_organisations():
    text = "Bel Veilig Thuis (0800-2000), de Kindertelefoon (0800-0432) of het Centrum Seksueel Geweld."
    assert redact(text) == text


# --- properties -------------------------------------------------------------------------------------------
FRAGMENTS = ["Sanne", "ik heet", "mijn buurman", "Jan de Vries", "06-12345678", "+31 6 12345678", "0800-2000",
             "112", "113", "a@b.nl", "1234 AB", "1234ab", "628194821", "NL91ABNA0417164300", "3 maart 2015",
             "12-03-2009", "12-ABC-3", "Kerkstraat 12", "[NAAM]", "[TELEFOON]", "bsn", "geboren op", ",", ".",
             " ", "-", "(", ")", "0", "12", "Mr.", "Laan van", "straat", "2000", "0031", "+", "van der", "\n"]
PII_LIKE = st.lists(st.sampled_from(FRAGMENTS), max_size=14).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=300), PII_LIKE, st.lists(st.sampled_from(FRAGMENTS), max_size=20).map("".join))
QUICK = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@QUICK
@given(ANY_TEXT)
def test_never_crashes_and_spans_are_sane(text):
    spans = find_pii(text)
    for left, right in zip(spans, spans[1:], strict=False):
        assert left.end <= right.start
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    assert isinstance(redact(text), str)


@QUICK
@given(ANY_TEXT)
def test_redaction_is_idempotent(text):
    once = redact(text)
    assert redact(once) == once


@QUICK
@given(st.text(max_size=120), st.sampled_from(HELPLINES), st.text(max_size=120))
def test_helplines_survive_any_surroundings(before, number, after):
    assert number in redact(f"{before} bel {number} nu {after}")


STRUCTURED_VALUES = ["06-12345678", "+31 6 12345678", "020 123 4567", "jan.jansen@example.nl", "1234 AB", "9711ab",
                     "628194821", "252.760.189", "NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "12-03-2009",
                     "3 maart 2015", "2010-06-15", "12-ABC-3", "GH-456-J", "Kerkstraat 12"]
PLAIN = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=80)


@QUICK
@given(PLAIN, st.sampled_from(STRUCTURED_VALUES), PLAIN)
def test_structured_pii_is_found_in_any_plain_surroundings(before, value, after):
    assert value not in redact(f"{before} {value} {after}")


def test_lexicon_lists_are_lower_case():
    lex = lexicon()
    assert all(name == name.lower() for name in lex.given_names)
    assert {"112", "113", "08002000"} <= lex.helplines


# Where personal data is expected (our own sentences). Round 1 (names): a surname web text knows but no
# dictionary does, after a given name or a title; a surname by its ending; a double given name; a relation
# word with a listed surname after "van"/"de". Round 2 (tuned on pii_chat_holdout_c.yml's misses).
@pytest.mark.parametrize(("text", "value", "kind"), [
    ("gisteren sloeg yasmina haddouchi haar zoon", "yasmina haddouchi", "NAAM"),
    ("ik ben bang voor piotr zieliński", "piotr zieliński", "NAAM"),
    ("meester el idrissi vroeg of alles goed ging", "el idrissi", "NAAM"),
    ("mijn nichtje anne-fleur slaapt slecht", "anne-fleur", "NAAM"),
    ("onze buurman de ruiter schreeuwt elke nacht", "de ruiter", "NAAM"),
    ("mijn docent van leeuwen zag de blauwe plekken", "van leeuwen", "NAAM"),
    ("ik was bang voor ruud, mijn stiefvader", "ruud", "NAAM"),  # a name before ", mijn <relation>"
    ("mijn nicht heet storm en ze is 6", "storm", "NAAM"),  # after "<relation> heet" any word is a name
    ("hij heet vos en hij is mijn buurman", "vos", "NAAM"),
    ("onze juf heet anna van 't veld", "anna van 't veld", "NAAM"),  # particles with an apostrophe
    ("mijn tante heet siobhan o'brien", "siobhan o'brien", "NAAM"),
    ("mijn zwager yusuf al-amin dreigt", "yusuf al-amin", "NAAM"),
    ("ik ken haar collega femi adeyemi niet", "femi adeyemi", "NAAM"),
    ("meester de jong zag het ook", "de jong", "NAAM"),  # after a title and a particle, a frequent surname too
    ("ze woont op de van der duynstraat 4", "van der duynstraat 4", "ADRES"),
    ("ze woont op de van lennepweg 17", "van lennepweg 17", "ADRES"),
    ("mijn oude huis was kastanjelaan 3-b", "kastanjelaan 3-b", "ADRES"),
    ("moja ciocia mieszka na ul. Lipowa 7/2", "ul. Lipowa 7/2", "ADRES"),
    ("geboren 03-09-'08 in Zwolle", "03-09-'08", "GEBOORTEDATUM"),
    ("hij traint bij sv de meeuwen op dinsdag", "sv de meeuwen", "INSTELLING"),
    ("mijn vader werkt bij installatiebedrijf van gool", "installatiebedrijf van gool", "INSTELLING"),
    ("ze is verpleegkundige in het Isala Ziekenhuis", "Isala Ziekenhuis", "INSTELLING"),
    # Round 3 (tuned on pii_chat_holdout_c.yml and _d.yml; measured on the blind pii_chat_holdout_e.yml).
    ("mijn zoon zit op het montfort college", "het montfort college", "INSTELLING"),  # article and lower case
    ("hij werkt bij garage de Wit in Almere", "garage de Wit", "INSTELLING"),
    ("ik werk bij de jumbo in zuid", "de jumbo in zuid", "INSTELLING"),  # a chain after a work cue
    ("mijn tante werkt voor DHL", "DHL", "INSTELLING"),  # an acronym
    ("we bidden in de Ayasofya camii", "de Ayasofya camii", "INSTELLING"),
    ("zijn vrouw werkt bij huisartsenpraktijk de Linde", "huisartsenpraktijk de Linde", "INSTELLING"),
    ("mijn zoon zit op de Ichthus school", "de Ichthus school", "INSTELLING"),
    ("oğlum Yunus Emre okulu'na gidiyor", "Yunus Emre okulu", "INSTELLING"),
    ("hij wacht me op bij de molenstraat", "molenstraat", "ADRES"),  # a listed street, lower case, no number
    ("ze woont op de Markt 7", "Markt 7", "ADRES"),  # a street word alone
    ("we zien elkaar op de Brink", "Brink", "ADRES"),
    ("hij staat op de Laan van Nieuw Oost-Indië", "Laan van Nieuw Oost-Indië", "ADRES"),
    ("mijn oma woont Prinsengracht 12-hs", "Prinsengracht 12-hs", "ADRES"),
    ("wij wonen op nummer 31", "nummer 31", "ADRES"),
    ("mijn dochter is geboren op tweede kerstdag 2015", "tweede kerstdag 2015", "GEBOORTEDATUM"),
    ("jarig op koningsdag", "koningsdag", "GEBOORTEDATUM"),  # a holiday after a birth cue
    ("kızım 12 Haziran 2016 doğdu", "12 Haziran 2016", "GEBOORTEDATUM"),  # month names of other languages
    ("córka urodziła się 4 października 2013", "4 października 2013", "GEBOORTEDATUM"),
    ("plakası 06 ABC 123", "06 ABC 123", "KENTEKEN"),  # a plate of another country after a cue
    ("hoi ik ben fleur", "fleur", "NAAM"),  # after "ik ben" a curated given name in any case
    ("ze ging mee met ene sanne", "sanne", "NAAM"),
    ("mijn ouders heten kees en riet", "riet", "NAAM"),  # a given name joined to a name by "en"
    ("Bram en Sky zijn mijn neefjes", "Sky", "NAAM"),
    ("de Jong heet mijn buurman", "de Jong", "NAAM"),  # a name before "heet mijn <relation>"
    ("Roos mijn zusje is ziek", "Roos", "NAAM"),  # a given name right before "mijn <relation>"
    ("piotr mój brat pije", "piotr", "NAAM"),
    ("J. Bakker is mijn leraar", "J. Bakker", "NAAM"),  # initials
    ("mijn oom heet p. van dam", "p. van dam", "NAAM"),
    ("kevin's moeder belde", "kevin", "NAAM"),  # a genitive
    ("my friend olga kowalenko", "olga kowalenko", "NAAM"),  # a surname by its ending after any given name
    ("mijn zus heet LISA ROSSI", "LISA ROSSI", "NAAM"),  # after a naming cue and a name, a surname
    ("mila", "mila", "NAAM"),  # a message that is one given name
    ("zijn vriendin حمزة", "حمزة", "NAAM"),  # given names in Arabic script
    ("hij werkt bij Bakkerij Bart in de Kalverstraat", "Kalverstraat", "ADRES"),
    ("mijn oma woont in de willem de zwijgerlaan 5", "willem de zwijgerlaan 5", "ADRES"),
    ("ze woont in de jan van galenstraat", "jan van galenstraat", "ADRES"),
    ("hij werkt bij autobedrijf Van den Berg", "autobedrijf Van den Berg", "INSTELLING"),
    ("ze werkt op de spoedeisende hulp van het Erasmus MC", "het Erasmus MC", "INSTELLING"),
])
def test_personal_data_where_it_is_expected(text, value, kind):
    redacted = redact(text)
    assert value not in redacted and f"[{kind}]" in redacted, redacted


@pytest.mark.parametrize("text", ["de vriend van Kim slaat haar", "mijn broer van 15 is weggelopen",
                                  "mijn vader van de kermis", "mój brat ma numer do szkoły"])
def test_relation_words_before_ordinary_words_keep_them(text):
    redacted = redact(text)
    assert all(word in redacted for word in text.split() if word[0].islower()), redacted


@pytest.mark.parametrize("text", ["het is heet vandaag, mijn broer zit buiten", "hij ligt in het ziekenhuis",
                                  "mijn zus zit op de sportschool", "later, mijn moeder kwam thuis"])
def test_second_round_keeps_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize("text", ["ze is naar het grote ziekenhuis gebracht", "we gaan naar de katholieke kerk",
                                  "hij zit op het christelijk college", "ik ga naar de jumbo",
                                  "after school I go home", "hij werkt in de garage van zijn vader",
                                  "ik woon in de hoofdstraat", "ze spelen op het schoolplein", "het Hof besliste",
                                  "op eerste kerstdag sloeg hij me", "het kenteken weet ik niet",
                                  "ik ben bang", "aan de ene kant wel", "Vanavond is mijn vader weer dronken",
                                  "Gisteren was mijn vader dronken", "ze wordt steeds jaloerser", "help",
                                  "ze woont in een verpleeghuis", "we lopen in de zijstraat"])
def test_third_round_keeps_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("ik heet sanne woon in utrecht", "ik heet [NAAM] woon in utrecht"),  # a verb after the name stays
    ("werkt bij de albert heijn in noord", "werkt bij de [INSTELLING]"),
    ("ik zit op het da vinci college", "ik zit op het [INSTELLING]"),
    ("mijn school is het christelijk lyceum delft", "mijn school is het [INSTELLING]"),
    ("ik voetbal bij vv hoogland", "ik voetbal bij [INSTELLING]"),
    ("ik woon op de Dam 4 boven de kapper", "ik woon op de [ADRES] boven de kapper"),
    ("mieszkam na ulicy Lipowa 8 z mężem", "mieszkam na [ADRES] z mężem"),
    ("ik ben geboren in Utrecht op 3 april", "ik ben geboren in Utrecht op [GEBOORTEDATUM]"),
    ("ik slaap bij amira's moeder", "ik slaap bij [NAAM]'s moeder"),
    ("oğlum Yunus Emre okulu'na gidiyor", "oğlum [INSTELLING]'na gidiyor"),
    ("Mehmet'in arabası kapıda", "[NAAM]'in arabası kapıda"),  # a Turkish case ending
    ("benim adım Elif", "benim adım [NAAM]"),  # naming cues of other languages
    ("mój ojciec ma na imię Janusz", "mój ojciec ma na imię [NAAM]"),
    ("zijn naam is dirk", "zijn naam is [NAAM]"),
    ("ik ben emma en mijn broer is tim", "ik ben [NAAM] en mijn broer is [NAAM]"),  # "is" after a relation word
    ("die van mijn zus, lars, is gevaarlijk", "die van mijn zus, [NAAM], is gevaarlijk"),
    ("mijn dochters lina en sara", "mijn dochters [NAAM] en [NAAM]"),
    ("mijn broer is bang", "mijn broer is bang"),
    ("hij woont op de hoek van de Dorpsstraat", "hij woont op de hoek van de [ADRES]"),
    ("geb 12-3", "geb [GEBOORTEDATUM]"),  # day and month after a birth cue
    ("hai", "hai"), ("joe", "joe"),  # a short one-word message is a greeting
    ("my parents want me to marry my cousin", "my parents want me to marry my cousin"),
    ("meslektaşıma danıştım, sonraki adım ne", "meslektaşıma danıştım, sonraki adım ne"),  # "adım": also "step"
    ("ik ben bang voor bas", "ik ben bang voor [NAAM]"),  # "bang voor", "ik en": cues like "ik ben"
    ("ik en tim", "ik en [NAAM]"),
    ("ik ben bang voor hem", "ik ben bang voor hem"),
    ("mijn tweelingzus noa", "mijn tweelingzus [NAAM]"),  # a compound relation word
    ("zijn diploma haalt hij", "zijn diploma haalt hij"),
    ("benim adım söylemek istemiyorum", "benim adım söylemek istemiyorum"),  # foreign naming cues are weak
])
def test_third_round_spans(text, expected):
    assert redact(text) == expected


# Round 5 (tuned on pii_chat_holdout_f.yml's misses by general rules; these are other sentences of the same kinds).
@pytest.mark.parametrize(("text", "expected"), [
    ("we wonen op de Kerkstraat 40-I", "we wonen op de [ADRES]"),  # a floor in Roman numerals
    ("Molenweg 12 3 hoog, achterom", "[ADRES], achterom"),
    ("hij woont op de mr. visserplein 3", "hij woont op de [ADRES]"),  # a title before the street
    ("opa woont in de J.P. Coenstraat 8", "opa woont in de [ADRES]"),  # initials
    ("2e van swindenstraat 12", "[ADRES]"),  # an ordinal
    ("tante woont aan de kade van de haven 14", "tante woont aan de [ADRES]"),  # a lower-case head
    ("het adres is lindenhof 7", "het adres is [ADRES]"),  # a listed street with a capitals-only suffix
    ("ze woont op het Rokin 52", "ze woont op het [ADRES]"),  # a listed street without a street word
    ("nummer 8 aan de bloemgracht", "[ADRES]"),
    ("adres: Kalverhoek 3", "adres: [ADRES]"),  # after the word "adres"
    ("ik woon op de dorpsstr. 4", "ik woon op de [ADRES]"),  # an abbreviated street word
    ("zij studeert aan de HvA", "zij studeert aan [INSTELLING]"),  # an acronym with a capital inside
    ("opa is opgenomen in het Gelre", "opa is opgenomen in [INSTELLING]"),
    ("ik ga naar hogeschool rotterdam", "ik ga naar [INSTELLING]"),  # a city that is a frequent word
    ("ik lig in het isalaziekenhuis", "ik lig in het [INSTELLING]"),  # a name glued to a kind word
    ("mój brat pracuje w Jumbo", "mój brat pracuje w [INSTELLING]"),
    ("bel me: 06 twaalf 34 56 78", "bel me: [TELEFOON]"),  # digits and number words in one number
    ("ig: sanne_2009", "ig: [HANDLE]"), ("zoek maar op stoere_jongen010", "zoek maar op [HANDLE]"),
    ("juni zegt dat ik moet zwijgen", "[NAAM] zegt dat ik moet zwijgen"),  # a month that names a person
    ("mei en ik zijn vriendinnen", "[NAAM] en ik zijn vriendinnen"),
    ("de dader is gerrit, de buurman van mijn oma", "de dader is [NAAM], de buurman van mijn oma"),
    ("Fleur van Dijk, Kerkstraat 4", "[NAAM], [ADRES]"),
    ("ik heb mijn dienst met roos", "ik heb mijn dienst met [NAAM]"),
    ("ken je tim?", "ken je [NAAM]?"),
    ("dat ik over ilse praat", "dat ik over [NAAM] praat"),
])
def test_fifth_round_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["het appje van hem was eng", "het stormde de hele nacht", "Dan zegt hij niks meer",
                                  "het is lente en ik ben bang", "we zaten op het Spui 3 uur lang",
                                  "bu sokak çok karanlık ama sokağı bilmiyorum", "de fout zit in bot_challenge",
                                  "ik ga naar de laan van de school 3 keer per week", "ik praat met mam",
                                  "ken je dat gevoel?", "we moeten over school praten",
                                  "ze is opgenomen in het ziekenhuis", "ik werk in het sorteercentrum",
                                  "mam zegt dat het mag"])
def test_fifth_round_keeps_ordinary_words(text):
    assert redact(text) == text


# Sixth round (tuned on set G): each rule on other sentences than G's.
@pytest.mark.parametrize("text, expected", [
    # a short helpline number that is the house number after a street: "112", "113"
    ("we wonen in de Kerkstraat 112", "we wonen in de [ADRES]"),
    ("kom naar de dorpsweg 113-III", "kom naar de [ADRES]"),
    # a bare street word or a listed street in lower case after "op/aan/in de/het", a number ending the address
    ("hij woont aan de gracht 17 naast de bakker", "hij woont aan de [ADRES] naast de bakker"),
    ("mijn tante woont op de dam 3", "mijn tante woont op de [ADRES]"),
    # a lower-case letter after a space at the end of a clause
    ("ik woon in de Molenstraat 4 b, boven de winkel", "ik woon in de [ADRES], boven de winkel"),
    ("adres: lindelaan 22 d", "adres: [ADRES]"),
    # "3 hoog" (hoog achter/voor): the floor right after the number
    ("hij zit op de prinsengracht 2 hoog achter", "hij zit op de [ADRES]"),
    ("mijn huis is herengracht 5hg", "mijn huis is [ADRES]"),
])
def test_sixth_round_address_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["bel 112 als hij weer komt", "ik belde 113 vanuit huis",
                                  "we stonden op de markt 3 kramen verder", "we liepen aan de gracht 2 uur lang",
                                  "hij wacht op het plein 5 minuten",
                                  "de prijs was hoog, 3 hoog is niet duur", "ik ben 15 a 16 jaar"])
def test_sixth_round_addresses_keep_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize("text, expected", [
    # a compound of a word and a kind of congregation before an article is a head of a name in lower case
    ("hij preekt in de baptistengemeente het lichtpunt", "hij preekt in de [INSTELLING]"),
    ("we zitten bij evangeliekerk de rots", "we zitten bij [INSTELLING]"),
    # after a head and an article a describing word opens the name when a noun follows
    ("ze brengt hem naar peuterspeelzaal de kleine beer", "ze brengt hem naar [INSTELLING]"),
    ("hij zat op basisschool de gouden kroon", "hij zat op [INSTELLING]"),
])
def test_sixth_round_institution_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["mijn dochter zit op kinderdagverblijf de hele week",
                                  "ik moet naar de gemeente de hele dag", "in de vrouwenopvang de regels zijn streng",
                                  "in het winkelcentrum de grote zaal", "ze zit op basisschool de kleine kinderen",
                                  "de kerkgemeente de laatste tijd is fijn"])
def test_sixth_round_institutions_keep_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize("text, expected", [
    # a handle cue used as a verb, an object and "op/on/via", then a handle with a digit, dot or underscore
    ("insta me op lotte.xo", "insta me op [HANDLE]"),
    ("tiktok me via dansje_09", "tiktok me via [HANDLE]"),
    # verbs of following someone are cues too
    ("add me op lisa_06", "add me op [HANDLE]"),
    ("volg hem op kevin.2008", "volg hem op [HANDLE]"),
])
def test_sixth_round_handle_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["snap me op zaterdag", "ik snap me op school niet", "follow me on twitter",
                                  "volg je mij?", "dm me als je wil", "volg de stappen van de meldcode"])
def test_sixth_round_handles_keep_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize("text, expected", [
    # a given name that is also a word, opening a sentence before a verb of knowing, holding or grabbing
    ("iris weet alles van hem", "[NAAM] weet alles van hem"),
    ("sky greep haar telefoon af", "[NAAM] greep haar telefoon af"),
    # a given name right after a conjunction that opens a clause, before the rest of the clause
    ("ik ben bang dat luna niet meer terugkomt", "ik ben bang dat [NAAM] niet meer terugkomt"),
    ("omdat jip altijd zo boos wordt", "omdat [NAAM] altijd zo boos wordt"),
    ("want merel zegt dat het mag", "want [NAAM] zegt dat het mag"),
    # loving someone is a weak cue
    ("ik hou echt van hem maar ik hou van ilse", "ik hou echt van hem maar ik hou van [NAAM]"),
    # words that place a person after a given name
    ("iris uit mijn klas wordt thuis geslagen", "[NAAM] uit mijn klas wordt thuis geslagen"),
    ("sky van de overkant huilt vaak", "[NAAM] van de overkant huilt vaak"),
    # after a naming cue the names joined by "en" are names, also when they are words
    ("mijn zusjes heten noor en lou", "mijn zusjes heten [NAAM] en [NAAM]"),
    # a short given name closing the clause after "ik ben"
    ("hoi ik ben jip, ik ben 14", "hoi ik ben [NAAM], ik ben 14"),
])
def test_sixth_round_name_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["de storm pakte het dak", "storm raasde over het land", "maar winter is zwaar",
                                  "dat kader wordt gebruikt", "sinds corona is hij erger geworden",
                                  "want drank maakt hem agressief", "ik hou van muziek", "ik hou van mijn kinderen",
                                  "ik ben bruin, net als mijn moeder", "ik ben fan", "ik ben bi",
                                  "ik weet dat muziek helpt", "de zon weet van niks"])
def test_sixth_round_names_keep_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize("text, expected", [
    # the curated care organisations, in any case and anywhere
    ("mijn zus is opgenomen bij altrecht sinds maart", "mijn zus is opgenomen bij [INSTELLING] sinds maart"),
    ("ik heb elke week gesprekken bij accare", "ik heb elke week gesprekken bij [INSTELLING]"),
    ("mijn moeder ligt in het isala", "mijn moeder ligt in [INSTELLING]"),
    ("de voogd van jeugdbescherming west komt morgen", "de voogd van [INSTELLING] komt morgen"),
    ("ik heb hulp van het leger des heils", "ik heb hulp van het [INSTELLING]"),
    ("ik zit nu in de opvang van kompaan en de bocht", "ik zit nu in de opvang van [INSTELLING]"),
    # the ones that are ordinary words too: capitalised in mid-sentence, or after a cue of staying or treatment
    ("ik ben aangemeld bij Karakter, er is een wachtlijst", "ik ben aangemeld bij [INSTELLING], er is een wachtlijst"),
    ("ik zit bij spirit in een leefgroep", "ik zit bij [INSTELLING] in een leefgroep"),
    ("het was fijn bij Spirit", "het was fijn bij [INSTELLING]"),
    # ... and the ones the bot names itself only after such a cue
    ("ik ben opgenomen bij blijf groep", "ik ben opgenomen bij [INSTELLING]"),
    # after a cue of staying or treatment a capitalised word or a word that is no word
    ("hij zit in de crisisopvang van Moviera", "hij zit in de crisisopvang van [INSTELLING]"),
    ("ik ben geplaatst bij Timon", "ik ben geplaatst bij [INSTELLING]"),
    # "woont bij X in een woongroep", "zit bij X in therapie"
    ("mijn nichtje woont bij zozijn in een woongroep", "mijn nichtje woont bij [INSTELLING] in een woongroep"),
    ("ik zit bij Yulius in therapie", "ik zit bij [INSTELLING] in therapie"),
])
def test_seventh_round_care_organisations(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "hij is sterk van karakter", "ik ben fier op mijn zoon", "de spirit was goed vandaag", "in de bocht ging het mis",
    "ik woon bij mijn oma in een flat", "ik heb hulp van mijn moeder", "Veilig Thuis en de ggz helpen me",
    "ik ben doorverwezen naar jeugdzorg", "mijn moeder is opgenomen in het ziekenhuis",
    "ik zit bij mijn vader in de auto", "de opvang van de kinderen is lastig", "ik wil chatten met Fier",
    "ik heb contact met de Raad voor de Kinderbescherming", "ik heb een gesprek bij de huisarts",
    "hij werkt bij de politie", "ik ben doorverwezen naar Amsterdam", "de afdeling van mijn vader gaat sluiten",
    "ik heb de hoop opgegeven", "ze is een echte sherpa", "de Kindertelefoon zegt dat het niet mijn schuld is"])
def test_seventh_round_care_keeps_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize("text, expected", [
    # large employers after a cue of work, like the shops with many branches
    ("hij werkt bij shell op de raffinaderij", "hij werkt bij [INSTELLING] op de raffinaderij"),
    ("mijn moeder werkt bij de rabobank", "mijn moeder werkt bij de [INSTELLING]"),
    # a title and a regnal number inside a school's name
    ("ze zit op het prinses beatrix college", "ze zit op het [INSTELLING]"),
    ("hij zat op het willem ii college", "hij zat op [INSTELLING]"),
    # a kind of congregation after a word of faith, before an article
    ("ze gaan naar de christelijke gemeente de ark", "ze gaan naar de [INSTELLING]"),
    ("mama zit bij de vrije kerk de Rots", "mama zit bij de [INSTELLING]"),
])
def test_seventh_round_institution_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["ik heb bij de gemeente de aanvraag gedaan", "de kerk de hele week",
                                  "de protestantse kerk de ene keer wel", "de christelijke gemeente de hele week dicht",
                                  "ik zit op het college en i think so", "ik ga naar shell om te tanken"])
def test_seventh_round_institutions_keep_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize("text, expected", [
    # a floor or kind of dwelling after the house number
    ("wij wonen op de kastanjelaan 17 bovenwoning", "wij wonen op de [ADRES]"),
    ("het is de merelstraat 9 benedenhuis", "het is de [ADRES]"),
    # the house number after a comma and "nummer"
    ("ze woont aan de beukenlaan, nummer 12", "ze woont aan de [ADRES]"),
    # an ordinal and a given name before a lower-case street
    ("hij woont in de 1e jan van der heijdenstraat 8", "hij woont in de [ADRES]"),
    ("adres is 3e pieter steenstraat 21", "adres is [ADRES]"),
    # a title between the article and a street without a number
    ("mijn tante woont aan de prins bernhardlaan", "mijn tante woont aan de [ADRES]"),
    # after moving or living, a street without a street word and a house number that ends the clause
    ("we zijn verhuisd naar de vlonder 14", "we zijn verhuisd naar de [ADRES]"),
    ("ze wonen op de akkerwinde 3 en hij weet dat", "ze wonen op de [ADRES] en hij weet dat"),
])
def test_seventh_round_address_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["ik woon op de camping 3 weken", "we wonen op de derde 2",
                                  "we wonen in de klas 2 kinderen", "hij woont boven de kapper",
                                  "we verhuizen naar de stad 2", "ik woon in het huis 2 jaar",
                                  "de graaf van vlaanderen", "we wonen in de buurt, nummer 1 van de klas"])
def test_seventh_round_addresses_keep_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize("text, expected", [
    # "ome", "opoe" as titles before a given name
    ("ome henk slaat mijn tante", "ome [NAAM] slaat mijn tante"),
    # a surname or first name asked for by its kind
    ("haar achternaam is visser", "haar achternaam is [NAAM]"),
    # a given name that is also a word before a verb of giving or taking at the start of a sentence
    ("tim nam mijn telefoon af", "[NAAM] nam mijn telefoon af"),
    # a given name between "bij" and a word of staying
    ("ik heb bij iris geslapen", "ik heb bij [NAAM] geslapen"),
    ("mag ik bij floor logeren", "mag ik bij [NAAM] logeren"),
    # a given name spelled out by a letter
    ("isa met een s is mijn nichtje", "[NAAM] met een s is mijn nichtje"),
    # a given name after a relation word and "van"
    ("ik ben de vriendin van merel", "ik ben de vriendin van [NAAM]"),
    # a Discord tag
    ("zijn discord is shadowfox#0192 en hij dreigt", "zijn discord is [HANDLE] en hij dreigt"),
    ("hij stuurde berichten als nightowl#7731", "hij stuurde berichten als [HANDLE]"),
])
def test_seventh_round_name_and_handle_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["ik heb bij mama geslapen", "ik ben bij de buren geweest", "de moeder van 2 kinderen",
                                  "de vader van hiernaast", "ik kom met een r", "opa ging dood", "ik ga naar ome",
                                  "ik heb bij oma geslapen", "ik was bij utrecht geweest", "bestelling #4821",
                                  "ik ben #1 in de klas", "#1234 is het ticket"])
def test_seventh_round_names_and_handles_keep_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize("text, expected", [
    # after a teacher, a name, "van"/"op" and an article, a word that is no frequent word names the school; since
    # round 11 with its article, like every other school's name ("op [het Erasmus College]")
    ("juf sanne op de wegwijzer zei niks", "juf [NAAM] op [INSTELLING] zei niks"),
    ("meester youssef van de windroos belde", "meester [NAAM] van [INSTELLING] belde"),
])
def test_seventh_round_teachers_school(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["juf anna van de klas", "meneer peter van de overblijf", "juf van de bso",
                                  "mentor van de brugklas", "de leraar van de zomerschool"])
def test_seventh_round_teachers_school_keeps_ordinary_words(text):
    assert "INSTELLING" not in redact(text)


@pytest.mark.parametrize("text, expected", [
    # more cues of treatment and stay; the apostrophe of "'s Heeren Loo", a capitalised article, a tail word
    ("mijn broer zit in een instelling van 's Heeren Loo", "mijn broer zit in een instelling van [INSTELLING]"),
    ("wij hebben hulp van Sterk Huis", "wij hebben hulp van [INSTELLING]"),
    ("mijn psycholoog bij Ambiq zegt dat", "mijn psycholoog bij [INSTELLING] zegt dat"),
    ("ik zat in de crisisopvang van De Zonnegloed", "ik zat in de crisisopvang van [INSTELLING]"),
    ("ik zit bij de Hoenderloo Groep", "ik zit bij de [INSTELLING]"),
    # youth custody: a head before the name, and the curated ones
    ("mijn broer zit in jeugdgevangenis Den Hey-Acker", "mijn broer zit in [INSTELLING]"),
    ("hij zit nu in teylingereind", "hij zit nu in [INSTELLING]"),
])
def test_seventh_round_more_care_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["hij zit in de gevangenis in Vught", "ik vraag hulp van Veilig Thuis",
                                  "ik krijg hulp van de huisarts", "ik heb hulp van mijn zus gehad",
                                  "mijn psycholoog van school zegt dat", "de jeugdzorg van de gemeente"])
def test_seventh_round_more_care_keeps_ordinary_words(text):
    assert redact(text) == text


# Round 8 (tuned on pii_chat_holdout_i.yml's misses by general rules; these are other sentences of the same kinds).
@pytest.mark.parametrize(("text", "expected"), [
    # "heet" after a person noun, "naam is" without a possessive, "ik ben zelf"
    ("dat meisje heet floor en ze zit naast me", "dat meisje heet [NAAM] en ze zit naast me"),
    ("mijn vader naam is hasan", "mijn vader naam is [NAAM]"),
    ("ik ben zelf roos, 15 jaar", "ik ben zelf [NAAM], 15 jaar"),
    # a surname after a title by its ending or a listed surname that is also a word
    ("meneer nowakowski schreeuwt", "meneer [NAAM] schreeuwt"),
    ("mrs smith called the police", "mrs [NAAM] called the police"),
    ("bij de familie Bakker is het onrustig", "bij de familie [NAAM] is het onrustig"),
    # a curated given name that is a frequent word, or a month, before a verb after a relation word
    ("mijn oom jan slaat mijn tante", "mijn oom [NAAM] slaat mijn tante"),
    ("mijn nichtje april zegt niks", "mijn nichtje [NAAM] zegt niks"),
    # "bij X thuis", "met X hier", the whole message one capitalised given name, the account holder
    ("bij april thuis is het eng", "bij [NAAM] thuis is het eng"),
    ("hallo met sem", "hallo met [NAAM]"),
    ("met iris hier, kan ik iets vragen", "met [NAAM] hier, kan ik iets vragen"),
    ("Lotte", "[NAAM]"),
    ("overmaken t.n.v. k. de boer", "overmaken t.n.v. [NAAM]"),
    # a handle after a platform and a naming verb later in the sentence
    ("op tiktok heet ze dansmeisje_12", "op tiktok heet ze [HANDLE]"),
    ("in fortnite is zijn naam niet, daar heet hij storm.x", "in fortnite is zijn naam niet, daar heet hij [HANDLE]"),
])
def test_eighth_round_name_and_handle_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["het is heet vandaag", "de naam is niet belangrijk", "ik ben zelf ook bang",
                                  "bij ons thuis is het rustig", "met mama ging ik weg", "mijn familie weet het niet",
                                  "in mei durft niemand", "op insta is het 20.30 uur",
                                  "ik zit veel online, het is 2024",
                                  "Hallo", "ons gezin is groot"])
def test_eighth_round_names_and_handles_keep_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a letter before a function word, "achterhuis", "nr N van de <street>", a prefix before a bare street word
    ("we wonen op lindenlaan 8 c en daar is het eng", "we wonen op [ADRES] en daar is het eng"),
    ("ons adres is beukweg 3 voorhuis", "ons adres is [ADRES]"),
    ("ze woont op nummer 7 van de kastanjelaan", "ze woont op [ADRES]"),
    ("hij woont op de lange dijk 40", "hij woont op de [ADRES]"),
    # a given name opening a numbered lower-case street, a lower-case street word after "adres"
    ("ons huis: piet heinstraat 3", "ons huis: [ADRES]"),
    ("adres: singel 250 amsterdam", "adres: [ADRES] amsterdam"),
    ("ik zag jan kerkstraat 5 lopen", "ik zag jan [ADRES] lopen"),  # no name taken inside a clause
])
def test_eighth_round_address_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["mijn adres is veranderd 3 weken geleden", "we spelen in het plantsoen 3 keer",
                                  "op de oude weg 3 jaar geleden"])
def test_eighth_round_addresses_keep_ordinary_words(text):
    assert "ADRES" not in redact(text)


@pytest.mark.parametrize(("text", "expected"), [
    # a region inside a name after a kind word, "stedelijk" naming a school, a congregation compound without article
    ("mijn zus zit op roc noord holland", "mijn zus zit op [INSTELLING]"),
    ("ik zit op het gemeentelijk lyceum", "ik zit op het [INSTELLING]"),
    ("wij gaan naar baptistengemeente bethel", "wij gaan naar [INSTELLING]"),
    ("hij traint bij sportclub zwaluwen", "hij traint bij [INSTELLING]"),
    # curated care organisations the bot names: acting on the writer, a branch, after going or staying there
    ("de blijf groep heeft mij een kamer gegeven", "de [INSTELLING] heeft mij een kamer gegeven"),
    ("Sterk Huis in Tilburg nam ons op", "[INSTELLING] nam ons op"),  # round 18: the town is part of it
    ("hij moest van de reclassering naar de waag", "hij moest van de reclassering naar [INSTELLING]"),
    ("mijn neef zat in het poortje", "mijn neef zat in [INSTELLING]"),
])
def test_eighth_round_institution_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["Fier helpt jongeren die klem zitten", "de Blijf Groep helpt vrouwen en kinderen",
                                  "kijk naar de horizon", "de pinkstergemeente heeft een nieuwe voorganger",
                                  "het gemeentelijk beleid is streng", "mijn thuisgemeente is klein",
                                  "de waag op de markt is mooi"])
def test_eighth_round_institutions_keep_ordinary_words(text):
    assert "INSTELLING" not in redact(text)


# --- ninth round (J became a tuning set) ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # a family name that is also a word after a kind word and an article, after "van", inside a club's name
    ("mijn oom werkt bij bouwbedrijf de groot", "mijn oom werkt bij [INSTELLING]"),
    ("hij haalt brood bij bakkerij van dam", "hij haalt brood bij [INSTELLING]"),
    ("mijn broer speelt bij sv rood wit", "mijn broer speelt bij [INSTELLING]"),
    # "bs", shelters and care farms before their name, a saint's abbreviated title, a place of two words
    ("mijn dochter zit op bs het kompas", "mijn dochter zit op [INSTELLING]"),
    ("we wonen nu in opvanghuis de zonnebloem", "we wonen nu in [INSTELLING]"),
    ("hij is lid van scoutinggroep st. jozef", "hij is lid van [INSTELLING]"),
    ("we zaten in azc den helder", "we zaten in [INSTELLING]"),
    # a club's founding year, a congregation compound of faith without an article, a naming verb after a kind word
    ("ik speel bij vv dosko '32 in het tweede", "ik speel bij [INSTELLING] in het tweede"),
    ("ik zit al bij vv dosko 12 jaar", "ik zit al bij [INSTELLING] 12 jaar"),  # a count, no year
    ("we gaan naar baptistengemeente levend woord en daar", "we gaan naar [INSTELLING] en daar"),
    ("my school is riverside international school", "my school is [INSTELLING]"),
    ("mijn school heet de klimop", "mijn school heet [INSTELLING]"),
])
def test_ninth_round_institution_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["in de kerk de kinderen", "in het ziekenhuis de dokter zei",
                                  "kinderopvang de drie routes", "de pinkstergemeente zegt dat",
                                  "pinkstergemeente elke zondag", "mijn school is de beste school",
                                  "mijn school is een goede school", "the school was called off", "wat een bs zeg",
                                  "in het gezinshuis wonen vijf kinderen"])
def test_ninth_round_institutions_keep_ordinary_words(text):
    assert "INSTELLING" not in redact(text)


@pytest.mark.parametrize(("text", "expected"), [
    # an address written out, retried after a first "at" that opens no address
    ("contact me at sunny.boy22 at gmail dot com", "contact me at [EMAIL]"),
    # a BSN cue written apart and a comma before the number; nine digits without a cue that fail the 11-check
    ("zijn burger service nummer, dat is 123 456 780", "zijn burger service nummer, dat is [BSN]"),
    ("987654321 staat op mijn pas", "[BSN] staat op mijn pas"),
])
def test_ninth_round_structured_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["dat kost € 123456789", "123456789 euro", "ik zit at home at night",
                                  "het dossiernummer is 2024-12345", "chat at veiligthuis.nl"])
def test_ninth_round_structured_data_keeps_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # after "aan de" a listed street that is also a rare noun; a prefix and a bare street word without an article
    ("ze woont aan de zeeweg sinds de zomer", "ze woont aan de [ADRES] sinds de zomer"),
    ("hij staat op oude markt 4 en wacht", "hij staat op [ADRES] en wacht"),
    # a lower-case letter after the number before a word
    ("piet heinstraat 12 b daar woont hij", "[ADRES] daar woont hij"),
    ("kerkstraat 120 b woont mijn oma", "[ADRES] woont mijn oma"),
])
def test_ninth_round_address_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("we wachten aan de overweg", "we wachten aan de overweg"),
    ("op grote markt 3 kramen verder", "op grote markt 3 kramen verder"),
    ("ik woon op de dorpsweg 4 a lot", "ik woon op de [ADRES] a lot"),
    ("mieszkam na ulicy Długiej 5 z mężem", "mieszkam na [ADRES] z mężem"),
    ("kerkstraat 12 k weet het niet", "[ADRES] k weet het niet"),
])
def test_ninth_round_addresses_keep_ordinary_words(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the verb of telling before "tegen"/"aan" and the name
    ("zeg niks tegen storm ok", "zeg niks tegen [NAAM] ok"),
    ("vertel het niet aan merel", "vertel het niet aan [NAAM]"),
    ("fleur en sanne zeggen dat het klopt", "[NAAM] en [NAAM] zeggen dat het klopt"),
    ("mijn vriendin mercedes is bang", "mijn vriendin [NAAM] is bang"),
])
def test_ninth_round_name_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "zeg het tegen de juf", "vertel het aan niemand", "ik zeg het tegen mezelf",
    # a past tense or a dropped final n, words of chat and languages, a brand, a noun after a possessive
    "toen ik me omkleedde", "hij is altijd dronke", "wallah ik weet het niet", "yalla we gaan",
    "ze spreekt alleen tigrinya", "hij rijdt een oude mercedes", "to moja wina", "storm en regen buiten",
])
def test_ninth_round_names_keep_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # names: what people are called, a relation word and a colon, two curated given names joined by "en"
    ("iedereen noemt me mo", "iedereen noemt me [NAAM]"),
    ("they call me jess", "they call me [NAAM]"),
    ("ouders: jan en els", "ouders: [NAAM] en [NAAM]"),
    ("ik zit in de klas bij ilse en mila", "ik zit in de klas bij [NAAM] en [NAAM]"),
    # handles and mailboxes: "tt", an "@" apart from the name, a mailbox without its domain or ending
    ("volg me op tt: lisa.dance", "volg me op tt: [HANDLE]"),
    ("insta @ lotte.vd", "insta [HANDLE]"),
    ("hotmail: sanne_xx", "hotmail: [EMAIL]"),
    ("m'n gmail is lotte.vd", "m'n gmail is [EMAIL]"),
    ("email sannejansen@gmail", "email [EMAIL]"),
    # dates of birth: "de 5e van mei", "ik ben van", "bday", a month and year or a year after a birth cue, the cue after
    ("ik werd geboren op de 5e van mei 2010", "ik werd geboren op de [GEBOORTEDATUM]"),
    ("ik ben van 22 januari", "ik ben van [GEBOORTEDATUM]"),
    ("mijn bday is 3 maart", "mijn bday is [GEBOORTEDATUM]"),
    ("geboren in maart 2012", "geboren in [GEBOORTEDATUM]"),
    ("ik ben geboren in 2010 in syrië", "ik ben geboren in [GEBOORTEDATUM] in syrië"),
    ("op 3-3 ben ik jarig", "op [GEBOORTEDATUM] ben ik jarig"),
    ("12 mei is mijn verjaardag", "[GEBOORTEDATUM] is mijn verjaardag"),
])
def test_ninth_round_probed_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "hij noemt me dom", "call me later", "roos en tulpen", "moeder: niet thuis", "vader: is weg", "wat een tt",
    "ik zit @ home", "mijn mail is kapot", "de mail is 3.5 mb", "ik heb gmail", "ik ben van de politie",
    "geboren in utrecht", "op 12 mei ben ik naar oma gegaan en zij was jarig", "we zijn 3 jaar geleden geboren",
])
def test_ninth_round_probed_forms_keep_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a list of names with their ages, a school after a class, "het" and a name or a word in no list after a
    # preposition, a family name before a trade, hospital acronyms
    ("de kinderen: liam (8), noor (6) en sem (3)", "de kinderen: [NAAM] (8), [NAAM] (6) en [NAAM] (3)"),
    ("ik zit in groep 7 van de klimop", "ik zit in groep 7 van [INSTELLING]"),
    ("ik zit in 2 havo op het marnix", "ik zit in 2 havo op [INSTELLING]"),
    ("ik werk bij jansen transport", "ik werk bij [INSTELLING]"),
    ("mijn oom heeft een bedrijf, van dijk installatietechniek", "mijn oom heeft een bedrijf, [INSTELLING]"),
    ("hij ligt in het amc", "hij ligt in het [INSTELLING]"),
])
def test_ninth_round_probed_names_and_institutions(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["in groep 7 van de juf", "ik zit in groep 5 van de school", "in het begin",
                                  "op het strand", "van het stadion", "het transport was duur", "openbaar transport",
                                  "in de kerk de mannen", "ze woont aan het Rembrandtplein"])
def test_ninth_round_probed_institutions_keep_ordinary_words(text):
    assert "INSTELLING" not in redact(text)


@pytest.mark.parametrize(("text", "expected"), [
    # a plain "at" before a mail provider's domain; an ending glued or typed with a comma
    ("sanne at gmail.com", "[EMAIL]"),
    ("mail sanne.jansen@gmail,com", "mail [EMAIL]"),
    ("mail sanne.jansen@hotmailnl", "mail [EMAIL]"),
])
def test_ninth_round_probed_mail_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["chat at veiligthuis.nl", "look at me.com", "i am at home.nl",
                                  "i was at live.nl yesterday"])
def test_ninth_round_probed_mail_keeps_websites(text):
    assert redact(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a span that ends inside a user name takes all of it; joined by a dot, an underscore or digits it is a handle
    ("zoek maar op instagram naar kevin.jansen", "zoek maar op instagram naar [HANDLE]"),
    ("een account genaamd sweetgirl2009", "een account genaamd [HANDLE]"),
    ("insta van mijn ex: jordy.010", "insta van mijn ex: [HANDLE]"),
    # more platforms as cues, a quote before the handle
    ("zijn youtube is DennisGaming", "zijn youtube is [HANDLE]"),
    ('hij stuurt dms via account "bad.boy.010"', 'hij stuurt dms via account "[HANDLE]"'),
])
def test_ninth_round_probed_handle_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["mijn insta is kapot", "mijn tiktok is privé", "zijn snap is gehackt",
                                  "ik kijk youtube is leuk", "bel 112."])
def test_ninth_round_probed_handles_keep_ordinary_words(text):
    assert redact(text) == text


def test_ninth_round_a_name_before_a_full_stop_and_an_abbreviation_stay_apart():
    assert redact("mijn vriend kevin. hij") == "mijn vriend [NAAM]. hij"
    assert redact("overmaken t.n.v. R. de Wit").startswith("overmaken t.n.")


@pytest.mark.parametrize(("text", "expected"), [
    # school groups written short, "'t" as an article, shops, motor clubs, a home-care organisation
    ("ik zit op het csg liudger", "ik zit op [INSTELLING]"),
    ("ik zit op basisschool 't kompas", "ik zit op [INSTELLING]"),
    ("mijn vader heeft een snackbar, cafetaria de hoek", "mijn vader heeft een snackbar, [INSTELLING]"),
    ("hij is lid van motorclub satudarah", "hij is lid van [INSTELLING]"),
    ("mijn moeder werkt bij de thuiszorg, buurtzorg", "mijn moeder werkt bij de thuiszorg, [INSTELLING]"),
])
def test_ninth_round_probed_kinds_of_institution(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["ik ga naar de cafetaria", "de cafetaria is dicht", "ik zit op de sg"])
def test_ninth_round_probed_kinds_keep_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("mijn moeder şükran slaat mij", "mijn moeder [NAAM] slaat mij"),  # a word only Turkish has, after "mijn moeder"
    ("MIJN ADRES IS KERKSTRAAT 12", "MIJN ADRES IS [ADRES]"),  # "IS" links the cue, in capitals too
    ("mijn vader mnie bije", "mijn vader mnie bije"),  # two Polish words: no name
    ("bo mama mnie bije za karę", "bo mama mnie bije za karę"),
])
def test_ninth_round_probed_foreign_words_and_capitals(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("i live at 12 baker street", "i live at [ADRES]"),  # an English street in lower case
    ("i study at the university of amsterdam", "i study at the [INSTELLING]"),  # "of" and a place inside a name
])
def test_ninth_round_probed_english_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["i saw 2 cars on the road", "3 dogs crossed the street", "the school of life",
                                  "he walked 5 miles down the road"])
def test_ninth_round_probed_english_keeps_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # the subject after a word of time and its verb; a curated name that is a word ending the clause after a
    # relation word or a title; the object of a verb of hurting or grabbing
    ("toen kwam sky binnen", "toen kwam [NAAM] binnen"),
    ("gisteren zei dex dat hij me ging slaan", "gisteren zei [NAAM] dat hij me ging slaan"),
    ("toen was noah er", "toen was [NAAM] er"),
    ("ik mis opa jan", "ik mis opa [NAAM]"),
    ("mijn broer bas.", "mijn broer [NAAM]."),
    ("hij pakte senna bij haar arm", "hij pakte [NAAM] bij haar arm"),
])
def test_ninth_round_probed_names_in_a_clause(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["toen kwam storm op", "nu is winter voorbij", "toen ging lente over in zomer",
                                  "toen kwam de politie", "ik mis mijn opa ben", "hij is mijn vader.",
                                  "hij sloeg lente in het gezicht", "hij pakt geld uit mijn tas", "hij slaat hard"])
def test_ninth_round_probed_clauses_keep_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # after a work cue a word web text has mostly as a name, public employers, more chains, a salon
    ("hij werkt bij vanderlande", "hij werkt bij [INSTELLING]"),
    ("mijn moeder werkt bij de belastingdienst", "mijn moeder werkt bij de [INSTELLING]"),
    ("ze werkt bij zara in de stad", "ze werkt bij [INSTELLING] in de stad"),
    ("ze werkt bij een kapper, salon bella", "ze werkt bij een kapper, [INSTELLING]"),
])
def test_ninth_round_probed_workplaces(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["ik ga naar de salon", "hij werkt bij iemand", "hij werkt bij mensen thuis",
                                  "ik werk bij mijn oom", "hij werkt bij een bedrijf", "ik werk bij het coa",
                                  "mijn broer werkt bij de politie"])
def test_ninth_round_probed_workplaces_keep_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("noa d'r vader is eng", "[NAAM] d'r vader is eng"),  # "d'r" as a possessive
    ("geboren op twaalf maart", "geboren op [GEBOORTEDATUM]"),  # a day in words after a birth cue
    ("jarig op de vijfde van mei", "jarig op de [GEBOORTEDATUM]"),
    ("ik ben in juni 2010 geboren", "ik ben in [GEBOORTEDATUM] geboren"),  # a month and year before the cue
])
def test_ninth_round_probed_possessive_and_dates(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["d'r moeder is lief", "geboren op een mooie dag", "geboren in een ziekenhuis",
                                  "geboren op een maandag"])
def test_ninth_round_probed_dates_keep_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    # a kind word too common to be a head, an article and a word that is no frequent or plural word; "pi" and a
    # place; "het" and a care organisation named like a word
    ("ik woon in de opvang de klimroos", "ik woon in de [INSTELLING]"),
    ("ik zit in jeugdinstelling de hunnerberg", "ik zit in [INSTELLING]"),
    ("hij zit vast in pi vught", "hij zit vast in [INSTELLING]"),
    ("mijn moeder ligt in het slingeland", "mijn moeder ligt in [INSTELLING]"),
])
def test_ninth_round_probed_care_and_custody(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["in de opvang de regels zijn streng", "in de opvang de hele dag",
                                  "in de opvang de kinderen", "in de kliniek de dokter", "het pi getal",
                                  "ik werk in het onderwijs de komende tijd"])
def test_ninth_round_probed_care_keeps_ordinary_words(text):
    assert redact(text) == text


def test_ninth_round_more_relation_words_of_other_languages():
    assert redact("mon mari youssef me frappe") == "mon mari [NAAM] me frappe"
    assert redact("mon mari me frappe tous les jours") == "mon mari me frappe tous les jours"


@pytest.mark.parametrize(("text", "expected"), [
    ("hij heeft me toegevoegd als gangster010", "hij heeft me toegevoegd als [HANDLE]"),
    ("hij zit op tiktok onder de naam lisa_dance", "hij zit op tiktok onder de naam [HANDLE]"),
    ("dm me @ lisa", "dm me [HANDLE]"),
    ("De visie is bekend onder de naam 'samen werken aan veiligheid'.",
     "De visie is bekend onder de naam 'samen werken aan veiligheid'."),
    ("hij heeft me toegevoegd als vriend", "hij heeft me toegevoegd als vriend"),
    ("ik zit @ home", "ik zit @ home"),
])
def test_ninth_round_probed_handles_after_being_added(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # particles and a surname: at the start before a verb, after "familie" (a frequent word too), after a strong cue
    ("van der berg zegt dat ik lieg", "[NAAM] zegt dat ik lieg"),
    ("ik woon bij de familie de jong", "ik woon bij de familie [NAAM]"),
    ("fam. bakker", "fam. [NAAM]"),
    ("mijn achternaam is de vries", "mijn achternaam is [NAAM]"),
])
def test_ninth_round_probed_surnames(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["van de week zei hij", "van de school zegt niemand iets",
                                  "mijn naam is de moeite niet"])
def test_ninth_round_probed_surnames_keep_ordinary_words(text):
    assert redact(text) == text


# Round 11 (tuned on pii_chat_holdout_l.yml's misses by general rules; these are other sentences of the same kinds).
@pytest.mark.parametrize(("text", "expected"), [
    # addresses: after living or staying a street without an article or street word, Papiamentu streets, a prefix
    ("wij wonen op kastanje 14 tweehoog", "wij wonen op [ADRES] tweehoog"),
    ("hij woont op brink 3 in deventer", "hij woont op [ADRES] in deventer"),
    ("we are staying with my aunt at kruisweg 12 now", "we are staying with my aunt at [ADRES] now"),
    ("mi ta biba na kaya oranje 7 ku mi yu", "mi ta biba na [ADRES] ku mi yu"),
    ("ze woont op de lange nieuwstraat 8", "ze woont op de [ADRES]"),
    ("hij woont aan de singel", "hij woont aan de [ADRES]"),
    # BSN: nine digits in any grouping when the message has a BSN cue; Papiamentu and Spanish dates
    ("mijn bsn staat op de pas: 2345.67.891", "mijn bsn staat op de pas: [BSN]"),
    ("bsn van mijn broer is 2 3 4 5 6 7 8 9 1 hij kan niet typen", "bsn van mijn broer is [BSN] hij kan niet typen"),
    ("mi a nase dia 3 di yüli 2011", "mi a nase dia [GEBOORTEDATUM]"),
    # institutions
    ("hij werkt bij transportbedrijf gebr. van dam in ede", "hij werkt bij [INSTELLING]"),  # round 18: with its town
    ("zij ligt in forensisch centrum de kijvelanden", "zij ligt in [INSTELLING]"),
    ("ik zit op leefgroep regenboog in ede", "ik zit op [INSTELLING]"),  # round 18: the town is part of it
    ("ik ben opgenomen op paviljoen de eik", "ik ben opgenomen op [INSTELLING]"),
    ("mijn zoontje zit in groep de dolfijnen op de opvang", "mijn zoontje zit in [INSTELLING] op de opvang"),
    ("mijn oom werkt in de turkse bakkerij istanbul", "mijn oom werkt in de [INSTELLING]"),
    ("hij werkt bij garage pietersen", "hij werkt bij [INSTELLING]"),
    ("ik werk in de supermarkt spar van dijk", "ik werk in de [INSTELLING]"),
    ("hij is uitsmijter bij discotheek de kroon", "hij is uitsmijter bij [INSTELLING]"),
    ("ik werk bij de gemeente zwolle", "ik werk bij de [INSTELLING]"),
    ("mijn vader werkt bij de gemeente den haag", "mijn vader werkt bij de [INSTELLING]"),
    ("ze zit op de vrije school zonnewende", "ze zit op de [INSTELLING]"),
    ("she works at riverside bakery", "she works at [INSTELLING]"),
    ("hij studeert aan erasmus university", "hij studeert aan [INSTELLING]"),
    ("mijn zus zit op kolegio maria auxiliadora", "mijn zus zit op [INSTELLING]"),
    ("ik woon in huize de linde", "ik woon in [INSTELLING]"),
    ("ik werk bij slagerij de vette os", "ik werk bij [INSTELLING]"),
    ("ik breng hem naar st. john's primary elke dag", "ik breng hem naar [INSTELLING] elke dag"),
    ("ik werk bij notaris de haan en partners", "ik werk bij [INSTELLING]"),
    # names
    ("peace zegt dat ze bang is", "[NAAM] zegt dat ze bang is"),
    ("rain zit thuis en huilt", "[NAAM] zit thuis en huilt"),
    ("ik zag lotte vanochtend met een blauw oog", "ik zag [NAAM] vanochtend met een blauw oog"),
    ("ik heb merel beloofd niks te zeggen", "ik heb [NAAM] beloofd niks te zeggen"),
    ("mijn vader heeft amira weer geslagen", "mijn vader heeft [NAAM] weer geslagen"),
    ("ik vertrouw mercy niet", "ik vertrouw [NAAM] niet"),
    ("ze noemen hem hier allemaal dikke kees", "ze noemen hem hier allemaal [NAAM]"),
    ("hij wordt grote joep genoemd", "hij wordt [NAAM] genoemd"),
    ("iedereen zegt pietje", "iedereen zegt [NAAM]"),
    ("ik bedoel jade niet de steen maar mijn zus jade", "ik bedoel [NAAM] niet de steen maar mijn zus [NAAM]"),
    ("pan kowalski z drugiego piętra krzyczy", "pan [NAAM] z drugiego piętra krzyczy"),
    ("mijn achternaam is van 't veld", "mijn achternaam is [NAAM]"),
    ("de buurvrouw mevrouw jansen-de boer wordt geslagen", "de buurvrouw mevrouw [NAAM] wordt geslagen"),
    ("is er nieuws over lieskes zaak", "is er nieuws over [NAAM] zaak"),
])
def test_eleventh_round_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "ik zit op hotmail", "zit je op insta", "ze woont op de ring 3 of 4 dagen", "ik woon in leiden 3 jaar",
    "ik woon al 5 jaar in de stad", "ik woon bij mijn moeder 2 dagen per week", "we woonden in zwolle 12 jaar lang",
    "ik woon op kamer 12 in het azc", "ik woon aan de rand van de stad", "ik ben 12 jaar en woon in de wijk",
    "ik zit in groep 7", "ik zit in de groep de hele dag", "in de opvang de regels zijn streng",
    "het centrum de hele dag", "ik was in het centrum de winkels in", "ze heeft op de vrije school gezeten",
    "de bakkerij de hele dag open", "ik ga naar de drukkerij de volgende week", "ik woon in de gemeente zwolle",
    "Het CBS voert de impactmonitor uit.", "initiatief gemeente Groningen loopt al",
    "hij noemt me een hoer", "hij noemt me de hele tijd dom", "hij noemt me dom", "ik heb hoop dat het goed komt",
    "ik zag regen vandaag", "ik heb geen rust gehad", "ik heb het gift gegeven", "de pan staat op het vuur",
    "ik werk op de afdeling van mijn vader", "ik heb 123 456 78 euro",
])
def test_eleventh_round_keeps_ordinary_words(text):
    assert redact(text) == text


# Round 12 (M became a tuning set): each rule on sentences of our own, in other wordings than M's.
@pytest.mark.parametrize(("text", "expected"), [
    # structured data typed apart
    ("de postcode is 2512 a b geloof ik", "de postcode is [POSTCODE] geloof ik"),
    ("vul maar 6811 K L in", "vul maar [POSTCODE] in"),
    ("postcode 3021-h-t", "postcode [POSTCODE]"),
    ("bel me op 06 - 12 34 56 78 vanavond", "bel me op [TELEFOON] vanavond"),
    ("mijn nummer: 06 /   48 11 22 93", "mijn nummer: [TELEFOON]"),
    ("mail: pieter { at } live { dot } nl", "mail: [EMAIL]"),
    ("stuur naar anouk [at] ziggo [ punt ] nl", "stuur naar [EMAIL]"),
    # addresses: a dwelling, a floor, a house number in words
    ("zij woont op de Dorpsweg 3 kamer 4 bij oma", "zij woont op de [ADRES] bij oma"),
    ("adres: Kastanjelaan 12 3e verdieping", "adres: [ADRES]"),
    ("we wonen op de Molenweg 8 tweede etage", "we wonen op de [ADRES]"),
    ("hij woont op het Marktplein 3-2hoog", "hij woont op het [ADRES]"),
    ("we live on keizersgracht 210 2nd floor", "we live on [ADRES]"),
    ("hij woont aan de Kerkstraat 40 huis 3 met zijn vriendin", "hij woont aan de [ADRES] met zijn vriendin"),
    ("we wonen op de lindelaan vierentwintig", "we wonen op de [ADRES]"),
    ("we wonen in de Kerkstraat een paar jaar", "we wonen in de [ADRES] een paar jaar"),
    ("we wonen aan de Dorpsweg drie jaar al", "we wonen aan de [ADRES] drie jaar al"),
    # institutions
    ("mijn stiefmoeder werkt bij bakkerij van der meer", "mijn stiefmoeder werkt bij [INSTELLING]"),
    ("mijn oom werkt bij garage van wijk", "mijn oom werkt bij [INSTELLING]"),
    ("hij werkt bij verhuisbedrijf ter horst en hij drinkt", "hij werkt bij [INSTELLING] en hij drinkt"),
    ("mijn tante studeert aan de hva en haar vriend volgt haar", "mijn tante studeert aan [INSTELLING] en haar "
     "vriend volgt haar"),
    ("ik zit op avans en mijn ex stalkt me", "ik zit op [INSTELLING] en mijn ex stalkt me"),
    ("ze doet de pabo op fontys pabo in tilburg", "ze doet de pabo op [INSTELLING]"),  # round 18: with its town
    ("mijn broer zit op het havo de driemaster", "mijn broer zit op het [INSTELLING]"),
    ("mijn zoon zit op de isk het baken", "mijn zoon zit op de [INSTELLING]"),
    ("ik heb een bijbaantje bij de kfc aan de ring", "ik heb een bijbaantje bij de [INSTELLING] aan de ring"),
    ("ik doe vrijwilligerswerk bij de kringloop de ruilwinkel", "ik doe vrijwilligerswerk bij de [INSTELLING]"),
    ("hij werkt in het lidl distributiecentrum", "hij werkt in het [INSTELLING]"),
    ("hij heeft een autobedrijf, Garage Snel, en daar werk ik", "hij heeft een autobedrijf, [INSTELLING], en daar "
     "werk ik"),
    ("ze is leiding bij scouting de paddestoel groep", "ze is leiding bij [INSTELLING]"),
    ("hij is conciërge op het openbaar lyceum deventer", "hij is conciërge op het [INSTELLING]"),
    ("hij werkt als buschauffeur bij arriva", "hij werkt als buschauffeur bij [INSTELLING]"),
    ("ze is juf op de vlinderboom", "ze is juf op [INSTELLING]"),
    ("ze zit op sbo de wingerd", "ze zit op [INSTELLING]"),
    ("mijn vader werkt bij de firma van den heuvel", "mijn vader werkt bij de [INSTELLING]"),
    ("ik ben stagiair bij advocatenkantoor de jong en partners", "ik ben stagiair bij [INSTELLING]"),
    # names
    ("Wil slaat mijn moeder", "[NAAM] slaat mijn moeder"),
    ("mijn oom ben heeft mij bedreigd", "mijn oom [NAAM] heeft mij bedreigd"),
    ("Will is my stepdad and he", "[NAAM] is my stepdad and he"),
    ("ik ken een meisje storm en ze is bang", "ik ken een meisje [NAAM] en ze is bang"),
    ("een jongen uit groep 8, daan, wordt geslagen", "een jongen uit groep 8, [NAAM], wordt geslagen"),
    ("mijn buurmeisje, fleur, huilt vaak", "mijn buurmeisje, [NAAM], huilt vaak"),
    ("de man schreeuwde kevin naar binnen", "de man schreeuwde [NAAM] naar binnen"),
    ("bo de vries pest mijn zusje", "[NAAM] pest mijn zusje"),
    ("mijn dochter fem is bang", "mijn dochter [NAAM] is bang"),
    ("mijn neef heet joost in 't veld", "mijn neef heet [NAAM]"),
    ("ik ben yasmina aït hammou", "ik ben [NAAM]"),
    ("ik ben rico rosaria", "ik ben [NAAM]"),
    ("de buurman heet gerrit ter haar en hij schreeuwt", "de buurman heet [NAAM] en hij schreeuwt"),
    ("ze noemen hem de vos op school", "ze noemen hem [NAAM] op school"),
])
def test_twelfth_round_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "ik woon in Utrecht en ik ben bang", "we zijn in maart verhuisd naar zwolle",
    "bel Veilig Thuis op 0800-2000 of 112 als het misgaat", "ik zit in groep 7 en mijn juf is lief",
    "de planning voor 2020 e.v. is klaar", "in 2019 a b c", "Dan zegt hij niks",
    "ter haar bescherming is ze weg", "mijn rug doet pijn",
    "ik zit op het vmbo en het gaat slecht", "we gaan naar de kringloop", "de bakkerij van de straat is dicht",
    "ik werk bij een supermarkt, vakkenvullen, elke dag", "hij staat bij de school van de kinderen als ik ze breng",
    "wat mijn moeder wil is dat ik thuis blijf", "Kan ik hier anoniem praten?", "Wil je me helpen?", "Ben ik gek?",
    "een kind, soms twee, komt langs", "ze schreeuwde hulp", "hij riep hem terug", "noem de stappen van de meldcode",
    "mn oom noemen ze de bulldog", "studeer aan de universiteit en mijn vriend controleert me",
    "rekeningnr graag via de app", "ik ben juf op de speelplaats", "de juf op de gang riep me",
    "mijn dochter turnt elke week", "ik werk als vrijwilliger in de buurt",
])
def test_twelfth_round_keeps_ordinary_words(text):
    assert redact(text) == text


# Round 13 (N became a tuning set): each rule on sentences of our own, in other wordings than N's.
ROUND_13_SPANS = [
    # postcode letters that spell a short word count after a postcode cue or before a house number
    ("zijn postcode is 3045 kg denk ik", "zijn postcode is [POSTCODE] denk ik"),
    ("pc: 2289   je", "pc: [POSTCODE]"),
    ("zipcode 1102 jr", "zipcode [POSTCODE]"),
    ("9722 kg, nummer 14", "[POSTCODE], nummer 14"),
    ("5611 jr, huisnummer 8", "[POSTCODE], huisnummer 8"),
    # spoken dates: a year in one word, the month as an ordinal
    ("mijn zoon is geboren op drie juli negentienachtennegentig", "mijn zoon is geboren op [GEBOORTEDATUM]"),
    ("ze is van de vijfde van de elfde tweeduizend zes", "ze is van [GEBOORTEDATUM]"),
    # institutions: a hospital named by a place word and a noun, a firm after driving or serving for it, after a
    # part of the firm, after a place between the work word and "bij", a chain after a person and "van"
    ("mijn tante ligt in ziekenhuis utrechtse heuvelrug", "mijn tante ligt in [INSTELLING]"),
    ("zijn broer bezorgt maaltijden en rijdt voor just eat", "zijn broer bezorgt maaltijden en rijdt voor "
     "[INSTELLING]"),
    ("ze staat achter de kassa bij de hema in het centrum", "ze staat achter de kassa bij de [INSTELLING] in het "
     "centrum"),
    ("mijn stiefvader werkt bij de klantenservice van kpn", "mijn stiefvader werkt bij de klantenservice van "
     "[INSTELLING]"),
    ("hij werkt op het vliegveld bij transavia", "hij werkt op het vliegveld bij [INSTELLING]"),
    ("de buurman van de lidl kijkt me steeds aan", "de buurman van de [INSTELLING] kijkt me steeds aan"),
    ("ik heb therapie bij logopedie de klankkast", "ik heb therapie bij [INSTELLING]"),
    # addresses: a house number in words after a street without article, a house number after a street named by one
    ("hij woont op berkenlaan negen", "hij woont op [ADRES]"),
    ("mijn adres is plein 1813 nummer 7", "mijn adres is [ADRES]"),
    # telephone: eleven digits with the trunk 0 of a Turkish or British mobile
    ("benim numaram 0 544 218 33 90", "benim numaram [TELEFOON]"),
    ("text me at 07911 123456 please", "text me at [TELEFOON] please"),
    # names
    ("zjin vader slaat hem", "zjin vader slaat hem"),
    ("karim el-bouzidi is mijn buurman", "[NAAM] is mijn buurman"),
    ("ayşe öztürk bana vurdu", "[NAAM] bana vurdu"),
    ("Wil is mijn opa en hij drinkt", "[NAAM] is mijn opa en hij drinkt"),
    ("Lente zit in groep 5 en is stil", "[NAAM] zit in groep 5 en is stil"),
    ("noor, 15 jaar", "[NAAM], 15 jaar"),
    ("hoi het is lina hier", "hoi het is [NAAM] hier"),
    ("hey it's yara again", "hey it's [NAAM] again"),
    ("ze willen dat ik trouw met yusuf", "ze willen dat ik trouw met [NAAM]"),
    ("ik denk aan sky, dat is de zoon van mijn buurvrouw", "ik denk aan [NAAM], dat is de zoon van mijn buurvrouw"),
    ("ik logeer bij mijn tante zeudi en zij helpt me", "ik logeer bij mijn tante [NAAM] en zij helpt me"),
    ("mieszkam u babci zosi od tygodnia", "mieszkam u babci [NAAM] od tygodnia"),
    ("de man heet p.k. visser", "de man heet [NAAM]"),
    ("mijn zoon zit op judoschool team tatsu", "mijn zoon zit op [INSTELLING]"),
    ("mijn buurman heet a.j. bakker", "mijn buurman heet [NAAM]"),
    ("we wonen op het plein 1813 nr 5", "we wonen op het [ADRES]"),
    ("oma ligt in ziekenhuis zuiderzee in lelystad", "oma ligt in [INSTELLING]"),  # round 18: the town is part of it
    ("mijn stiefvader bezorgt pakketten voor dhl", "mijn stiefvader bezorgt pakketten voor [INSTELLING]"),
    ("ze werkt in de bediening bij de la place", "ze werkt in de bediening bij de [INSTELLING]"),
    ("hij werkt nu bij de gamma", "hij werkt nu bij de [INSTELLING]"),
    ("de mevrouw van de kruidvat kent mijn moeder", "de mevrouw van de [INSTELLING] kent mijn moeder"),
    ("ik ben bang voor van den heuvel", "ik ben bang voor [NAAM]"),
    ("zijn familie heet van 't zand", "zijn familie heet [NAAM]"),
]
ROUND_13_KEEPS = [
    "mijn postcode is 3512 ik weet het niet meer", "het pakket woog 1200 kg", "in 2019 ik was toen 12",
    "hij zit in de tweede van de derde klas", "de eerste van de vierde keer ging het mis",
    "de school amsterdamse kinderen", "hij rijdt voor zijn werk naar rotterdam", "de tas van de hema is stuk",
    "bij fysiotherapie krijg ik oefeningen", "ik werk in de buurt bij mijn oma",
    "het schoolplein zes jaar lang", "er waren 0 532 mensen", "Lieve mensen, ik heb een vraag",
    "De Hoop is het enige wat ik nog heb", "Hoop dat het goed komt", "het is stil hier", "ik ga met vakantie trouwen",
    "mijn oom vroeger en hij was lief", "dziadek boi się własnego syna", "kardeşim çok güzel şarkı söylüyor",
    "de sportschool team is leuk", "mama ligt in ziekenhuis sinds gisteren", "ik ga naar ziekenhuis morgen",
    "hij zit in kliniek omdat hij drinkt", "mijn buurman heet a. en hij", "op de markt 3 kramen verder",
    "hij werkt hard voor zijn geld", "hij werkt nu bij mijn oom", "de rechtbank van Den Haag belde",
    "mijn vader heet hem welkom", "de familie is groot",
]


@pytest.mark.parametrize(("text", "expected"), ROUND_13_SPANS)
def test_thirteenth_round_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ROUND_13_KEEPS)
def test_thirteenth_round_keeps_ordinary_words(text):
    assert redact(text) == text


# Round 14 (tuning set P, institutions only): sport and club cues before a chain, acronyms after a work cue, lower-case
# club and firm compounds after a preposition, saints' names after an article, a kind of school or church in a town,
# a foreign article inside a name, brands with a sign, "'t" as an article, a club's year glued to its name.
ROUND_14_SPANS = [
    ("mijn broertje traint bij de basic fit in noord", "mijn broertje traint bij de [INSTELLING]"),
    ("zij speelt bij psv in de jeugd", "zij speelt bij [INSTELLING] in de jeugd"),
    ("mijn tante vakkenvult bij de jumbo", "mijn tante vakkenvult bij de [INSTELLING]"),
    ("mijn oom werkt bij het CJIB", "mijn oom werkt bij het [INSTELLING]"),
    ("zijn broer werkt bij rdw in veendam", "zijn broer werkt bij [INSTELLING]"),  # round 18: with its town
    ("mijn stiefvader werkt bij het ministerie van defensie", "mijn stiefvader werkt bij het [INSTELLING]"),
    ("ze zit bij volleybalclub dynamo", "ze zit bij [INSTELLING]"),
    ("hij is lid van schaakvereniging paard", "hij is lid van [INSTELLING]"),
    ("mijn vader is de baas van schildersbedrijf kok", "mijn vader is de baas van [INSTELLING]"),
    ("we gingen naar de sint jozef voor de mis", "we gingen naar de [INSTELLING] voor de mis"),
    ("mijn zus ligt in het St. Franciscus", "mijn zus ligt in het [INSTELLING]"),
    ("mijn zoon zit op de katholieke school in venlo", "mijn zoon zit op de [INSTELLING]"),
    ("ze eet elke week bij pizzeria da marco", "ze eet elke week bij [INSTELLING]"),
    ("mijn moeder werkt bij de c&a in het centrum", "mijn moeder werkt bij de [INSTELLING] in het centrum"),
    ("mijn nichtje zit op kinderopvang 't zonnetje", "mijn nichtje zit op [INSTELLING]"),
    ("hij rijdt paard bij manege de vosjes", "hij rijdt paard bij [INSTELLING]"),
    ("ik korfbal bij korfbalclub oranje'72", "ik korfbal bij [INSTELLING]"),
    ("ik zit op het csg en daar is het fijn", "ik zit op [INSTELLING] en daar is het fijn"),
    ("mijn zus werkt bij de thuiszorg zwolle", "mijn zus werkt bij de [INSTELLING]"),
    ("hij werkt bij de reiniging rotterdam-zuid", "hij werkt bij de [INSTELLING]"),
    ("mijn moeder werkt bij brinkerhoek", "mijn moeder werkt bij [INSTELLING]"),
    ("ik werk bij de albert hijn", "ik werk bij de [INSTELLING]"),
    ("mijn vader werkt bij de kruidvaat", "mijn vader werkt bij [INSTELLING]"),
    ("ik ga elke avond naar de anytime fitness", "ik ga elke avond naar de [INSTELLING]"),
    ("mijn tante is caissière bij de vomar", "mijn tante is caissière bij de [INSTELLING]"),
    ("hij is monteur bij vattenfall", "hij is monteur bij [INSTELLING]"),
    ("ze is aangenomen bij de hema", "ze is aangenomen bij de [INSTELLING]"),
    ("hij werkt bij de kinderopvang van smallsteps", "hij werkt bij de kinderopvang van [INSTELLING]"),
    ("mijn zoon zit op de gomarus", "mijn zoon zit op [INSTELLING]"),
    ("de tandarts zit in gezondheidscentrum noord", "de tandarts zit in [INSTELLING]"),
    ("mijn tante werkt bij woningcorporatie ymere", "mijn tante werkt bij [INSTELLING]"),
]
ROUND_14_KEEPS = [
    "de sint komt morgen met zijn pieten",
    "de ministeries van VWS en JenV betalen het", "het ministerie van VWS wil meer geld",
    "ik werk bij de GGD nee grapje", "de website van het CSG is handig", "de volkstuinvereniging viert feest",
    "the new restaurant earned a star", "ik ga naar de h&m", "we gingen naar de jumbo om eten te halen",
    "in 2023 nightclub shooting case", "de voetbalclub speelt zondag", "ik speel bij mijn oma thuis",
    "ik train bij mijn vader in de schuur", "een lid van de familie een keer gezien", "ik werk bij de blokken",
    "ik werk bij mijn oom in utrecht", "hij werkt bij ons thuis", "ik ben later bij de jumbo",
    "ik ben klant bij de rabobank", "ik was eerder bij de huisarts", "ik ben bang bij hem", "ik zit op de bank",
    "ik zit op de fiets naar huis", "ik heb les bij mijn oom", "ik werk bij de afdeling inkoop",
    "ik werk bij de kassa morgen",
]


@pytest.mark.parametrize(("text", "expected"), ROUND_14_SPANS)
def test_fourteenth_round_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ROUND_14_KEEPS)
def test_fourteenth_round_keeps_ordinary_words(text):
    assert redact(text) == text


def test_fourteenth_round_a_saints_feast_is_no_institution():
    assert "INSTELLING" not in redact("we lopen mee met de sint maarten optocht")


# Round 15 (tuning set O, its misses read and fixed by kind; these are other sentences of the same kinds): the article
# stays outside before a chain or a name of more words, the town after a shop, restaurant or gym chain is its branch
# (not after a firm: "rdw in veendam" above), a firm by its web name, a municipality's department, a club's team, a
# shop named after its owner, a name glued by "&", a given name before "heet", dates of birth with spaces or six
# digits after a cue, a typo of "straat", a given name inside a lower-case street, postcode letters that are a word.
ROUND_15_SPANS = [
    ("mijn tante werkt bij de aldi in zwolle", "mijn tante werkt bij de [INSTELLING]"),
    ("hij heeft een bijbaan bij burger king in apeldoorn", "hij heeft een bijbaan bij [INSTELLING]"),
    ("mijn broer werkt bij decathlon utrecht op de fietsafdeling", "mijn broer werkt bij [INSTELLING] op de "
     "fietsafdeling"),
    ("ze werkt bij de kruidvat in tilburg centrum", "ze werkt bij de [INSTELLING]"),
    ("ik werk bij de jumbo in den haag", "ik werk bij de [INSTELLING]"),
    ("mijn zus zit op het stedelijk gymnasium in 4 vwo", "mijn zus zit op het [INSTELLING] in 4 vwo"),
    ("ik werk bij de rabobank", "ik werk bij de [INSTELLING]"),
    ("mijn vader is kok in het rijnstate ziekenhuis", "mijn vader is kok in het [INSTELLING]"),
    ("mijn moeder is schoonmaker bij coolblue.nl", "mijn moeder is schoonmaker bij [INSTELLING]"),
    ("my brother works at bol.com in the warehouse", "my brother works at [INSTELLING] in the warehouse"),
    ("hij werkt bij de gemeente breda afdeling vergunningen", "hij werkt bij de [INSTELLING]"),
    ("mijn dochter speelt bij vv dalfsen meiden onder 11", "mijn dochter speelt bij [INSTELLING]"),
    ("mijn zoon voetbalt bij sv urk jo13-1", "mijn zoon voetbalt bij [INSTELLING]"),
    ("ze knipt haar haar bij salon beauty by fatima", "ze knipt haar haar bij [INSTELLING]"),
    ("ik werk bij de jumbo by the way", "ik werk bij de [INSTELLING] by the way"),
    ("mijn kleine zit op kinderopvang spelen&leren", "mijn kleine zit op [INSTELLING]"),
    ("ik ken een jongen die ruben heet, hij pest mij", "ik ken een jongen die [NAAM] heet, hij pest mij"),
    ("die vrouw die marieke heette was er ook", "die vrouw die [NAAM] heette was er ook"),
    ("geboortedatum van mijn dochter: 4 9 2017", "geboortedatum van mijn dochter: [GEBOORTEDATUM]"),
    ("gebdat 170612", "gebdat [GEBOORTEDATUM]"),
    ("geb. 031108 en ik woon in assen", "geb. [GEBOORTEDATUM] en ik woon in assen"),
    ("ze woont op de piet heinstraat, welk nummer weet ik niet", "ze woont op de [ADRES], welk nummer weet ik niet"),
    ("molenstrat 7 is waar hij woont", "[ADRES] is waar hij woont"),
    ("zijn adres is in 3811 nu amersfoort", "zijn adres is in [POSTCODE] amersfoort"),
    ("bel me op 06 7O 98 76 54 na school", "bel me op [TELEFOON] na school"),  # the letter o for a zero
    ("mijn mail is d a a n 7 @ o u t l o o k . c o m", "mijn mail is [EMAIL]"),  # one character at a time
    ("mijn oom werkt bij buurtzorg team zuid", "mijn oom werkt bij [INSTELLING]"),  # a care team by its area
    ("lange haven 12 is waar we wonen", "[ADRES] is waar we wonen"),  # a street without suffix called home
    ("nou, nieuwe gracht 4 was mijn adres", "nou, [ADRES] was mijn adres"),
]
ROUND_15_KEEPS = [
    "ik ga zo even naar de albert heijn", "we halen boodschappen bij de lidl in de buurt",
    "heeft de praktijk een eigen website", "onze school een beetje raar", "hoe heet dat ding ook alweer",
    "het was in 2019 ja in utrecht", "ik zit in de jo en mo groep", "geboren met 3 tenen en 2 vingers",
    "ik betaalde 1500 in amsterdam", "wat is de website van booking.com", "ik werk bij mijn oom in breda",
    "ik ben 1O jaar", "het was om 1O uur", "a b c @ d e f", "groep 7 is mijn klas", "kamer 3 is mijn thuis",
    "op tweede kerstdag, 26 december, sloeg hij", "op pakjesavond, 05 december, was hij dronken",  # no year
]


@pytest.mark.parametrize(("text", "expected"), ROUND_15_SPANS)
def test_fifteenth_round_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ROUND_15_KEEPS)
def test_fifteenth_round_keeps_ordinary_words(text):
    assert redact(text) == text


@pytest.mark.parametrize("text", ["mijn tante werkt in zorgcentrum de linde", "opa woont in verpleeghuis de eikenhof"])
def test_fifteenth_round_a_street_word_inside_an_institution_is_its_name(text):
    assert [s.kind for s in find_pii(text)] == ["INSTELLING"]


# Round 16 (tuning set R, written before the round; its misses read and fixed by kind; these are other sentences of the
# same kinds): a given name that is also a word before particles and a surname, a listed quarter after a shop chain,
# a municipal team with its area, a street after an article and a title or ordinal, a room or door colour after the
# house number, spaced dates and a digit day with the year in words, clubs after "avv"/"bc", a lower-case saint's
# name after a preposition and article, a one-word school kind with its town, the real name after a nickname, a rare
# word after "ik ben" ending its clause; and a word that is also a given name before "is mijn" and a thing stays.
ROUND_16_SPANS = [
    ("mijn oom kees van der wal komt elke dag langs", "mijn oom [NAAM] komt elke dag langs"),
    ("mijn opa jan de groot wil niet dat ik praat", "mijn opa [NAAM] wil niet dat ik praat"),
    ("mijn zus werkt bij de lidl in overvecht", "mijn zus werkt bij de [INSTELLING]"),
    ("hij werkt bij de albert heijn in de baarsjes", "hij werkt bij de [INSTELLING]"),
    ("ik werk bij de jumbo in de vakantie", "ik werk bij de [INSTELLING] in de vakantie"),  # a time, no quarter
    ("ik werk bij de hema in het centrum", "ik werk bij de [INSTELLING] in het centrum"),  # no town named
    ("ik werk bij de action in het centrum van zwolle", "ik werk bij de [INSTELLING]"),
    ("mijn moeder traint bij sportschool basic-fit in osdorp", "mijn moeder traint bij [INSTELLING]"),
    ("de begeleider van het buurtteam zuid belt morgen", "de begeleider van het [INSTELLING] belt morgen"),
    ("we hebben gesprekken met jeugdteam in transvaal", "we hebben gesprekken met [INSTELLING]"),
    ("mijn tante woont in de prof. zernikestraat", "mijn tante woont in de [ADRES]"),
    ("we wonen op de 3e hugo de grootstraat", "we wonen op de [ADRES]"),
    ("mijn vader woont op de kamperfoeliestraat 9 k3", "mijn vader woont op de [ADRES]"),
    ("mijn geboortedatum is 7 / 8 / 2012", "mijn geboortedatum is [GEBOORTEDATUM]"),
    ("geboren op 4 oktober tweeduizend negen", "geboren op [GEBOORTEDATUM]"),
    ("mijn zoon speelt bij rkavv leonidas", "mijn zoon speelt bij [INSTELLING]"),
    ("mijn oma ligt in het st. jansdal", "mijn oma ligt in het [INSTELLING]"),
    ("ze gaat naar de vrijeschool in haarlem", "ze gaat naar de [INSTELLING]"),
    ("iedereen zegt mo maar zijn echte naam is mohammed", "iedereen zegt mo maar zijn echte naam is [NAAM]"),
]
ROUND_16_KEEPS = [
    "zomer is mijn lievelingsseizoen", "roos is mijn lievelingsbloem", "het wijkteam komt morgen langs",
    "drie wijkteams werken samen",
    "ik woon op de 2e etage", "ik zit in de 2e klas", "de score was 3 - 2 in 2010", "i cant sleep bc my dad yells",
    "we gaan naar de sint want het is feest", "het stationsplein is druk", "zijn echte naam is niet bekend",
    "ik ben moe en ik wil slapen",
]


@pytest.mark.parametrize(("text", "expected"), ROUND_16_SPANS)
def test_sixteenth_round_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ROUND_16_KEEPS)
def test_sixteenth_round_keeps_ordinary_words(text):
    assert redact(text) == text


# Round 17 (tuned on the misses of Q, by kind): a chain's site with its town, a club after a team of it, a shop named
# after its owner, an organisation's English name, military bases, "św." as a saint's title, working "op" a chain,
# a professional of a care organisation the bot names itself.
ROUND_17_SPANS = [
    ("zij werkt bij Jumbo distributiecentrum Veghel in de nacht", "zij werkt bij [INSTELLING] in de nacht"),
    ("mijn broer zit in de jeugd van Excelsior", "mijn broer zit in de jeugd van [INSTELLING]"),
    ("hij traint de JO15 van Vitesse", "hij traint de JO15 van [INSTELLING]"),
    ("ze knipt bij Yasmin's Kapsalon", "ze knipt bij [INSTELLING]"),
    ("we gaan naar de jongerenclub van Young Life for Kids", "we gaan naar de jongerenclub van [INSTELLING]"),
    ("mijn vader zit op vliegbasis Gilze-Rijen", "mijn vader zit op [INSTELLING]"),
    ("hij is beroeps bij de Bernhardkazerne", "hij is beroeps bij de [INSTELLING]"),
    ("een foto van Lisa of Emma", "een foto van [NAAM] of [NAAM]"),
    ("mijn ex werkt op Schiphol", "mijn ex werkt op [INSTELLING]"),
    ("ik ben hulpverlener bij Sterk Huis", "ik ben hulpverlener bij [INSTELLING]"),
    ("mijn broer zit op het stedelijk montessori lyceum", "mijn broer zit op het [INSTELLING]"),
]
ROUND_17_KEEPS = [
    "ik werk op Texel in de zomer",
    "de jeugd van tegenwoordig luistert niet",
    "de jeugd van Nederland is somber",
    "mama's kapper is dicht",
    "de Blijf Groep helpt vrouwen en kinderen",
]


@pytest.mark.parametrize(("text", "expected"), ROUND_17_SPANS)
def test_seventeenth_round_spans(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ROUND_17_KEEPS)
def test_seventeenth_round_keeps_ordinary_words(text):
    assert redact(text) == text


# Round 17, names by kind: the initial of a surname after a name, plural naming cues, a word with a letter Dutch never
# writes after a relation word, a foreign word after a kin title without a possessive, "<relation> <word> heet", and
# a given name that is also a word as the second subject of a plural verb.
ROUND_17_NAMES = [
    ("mijn collega Fatima K. belt steeds", "mijn collega [NAAM] belt steeds"),
    ("de vader heet yusuf a. en hij drinkt", "de vader heet [NAAM] en hij drinkt"),
    ("de overburen, die heten van Leeuwen", "de overburen, die heten [NAAM]"),
    ("mijn zwager łukasz pakt mijn telefoon", "mijn zwager [NAAM] pakt mijn telefoon"),
    ("ik slaap bij oom şahin", "ik slaap bij oom [NAAM]"),
    ("mijn nichtje vlinder heet zo van haar moeder", "mijn nichtje [NAAM] heet zo van haar moeder"),
    ("sara en hope zijn mijn zusjes", "[NAAM] en [NAAM] zijn mijn zusjes"),
    ("de mentor p.j. visser weet het", "de mentor [NAAM] weet het"),
    ("overmaken t.n.v. h. de bruin", "overmaken t.n.v. [NAAM]"),
    ("mijn collega pham thi hoa wordt geslagen", "mijn collega [NAAM] wordt geslagen"),
    ("meester in den bosch zag het", "meester [NAAM] zag het"),
    ("bel me maar, ik ben kornel", "bel me maar, ik ben [NAAM]"),  # a given name web text has, but seldom
]
ROUND_17_NAME_KEEPS = ["ze heten allebei anders", "mijn vriendin. Ze is lief", "mijn vader thuis heet anders",
                       "o.a. bakker en slager", "i.p.v. visser", "mijn vader op den duur"]


@pytest.mark.parametrize(("text", "expected"), ROUND_17_NAMES)
def test_seventeenth_round_names(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ROUND_17_NAME_KEEPS)
def test_seventeenth_round_keeps_ordinary_words_around_names(text):
    assert redact(text) == text


# Round 17, addresses by kind: the floor in one word after the number, "st" without its full stop before a street, a
# bare street word after "op"/"aan" with the article left out (the number ending the address).
ROUND_17_ADDRESSES = [
    ("ze woont op de vechtstraat 80 tweehoog", "ze woont op de [ADRES]"),
    ("ons adres is st jacobsstraat 9", "ons adres is [ADRES]"),
    ("het huis aan singel 140, naast de brug", "het huis aan [ADRES], naast de brug"),
]


@pytest.mark.parametrize(("text", "expected"), ROUND_17_ADDRESSES)
def test_seventeenth_round_addresses(text, expected):
    assert redact(text) == expected


def test_seventeenth_round_a_bare_street_word_needs_a_number_that_ends_the_address():
    assert redact("we staan op markt 3 kramen verder") == "we staan op markt 3 kramen verder"


# Round 17, the rest by kind: a postcode typed one character at a time after its cue, "<relation> is van" as a birth
# cue, a user name after a platform, whose it is and a colon.
ROUND_17_REST = [
    ("mijn postcode: 3 0 1 2 k l", "mijn postcode: [POSTCODE]"),
    ("mijn zoon is van 4 juni", "mijn zoon is van [GEBOORTEDATUM]"),
    ("insta van mijn stiefvader: bram.k_77", "insta van mijn stiefvader: [HANDLE]"),
]
ROUND_17_REST_KEEPS = ["ik heb 3 0 1 2 k l", "de brief is van 4 juni", "mijn vader is van slag",
                       "tiktok van hem: ok"]


@pytest.mark.parametrize(("text", "expected"), ROUND_17_REST)
def test_seventeenth_round_rest(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ROUND_17_REST_KEEPS)
def test_seventeenth_round_rest_keeps_ordinary_words(text):
    assert redact(text) == text


# Round 20, institutions by frame and kind (own sentences, none of T's): words between a verb of work or sport and
# "bij"; a workplace or club closed by its verb ("sinds hij bij ... werkt"); a capitalised name after "op de" once a
# school class or a teacher was said; English schools by their level ("... primary school"); regional care by its
# kind word and region.
ROUND_20_INSTITUTIONS = [
    ("mijn ooms werken allebei bij Vattenfall", "mijn ooms werken allebei bij [INSTELLING]"),
    ("nu werkt ze bij de Jumbo", "nu werkt ze bij de [INSTELLING]"),
    ("hij werkt al drie jaar bij vanderlande", "hij werkt al drie jaar bij [INSTELLING]"),
    ("sinds mijn moeder bij Coolblue werkt zien we haar nooit",
     "sinds mijn moeder bij [INSTELLING] werkt zien we haar nooit"),
    ("bij de Praxis in Ede werkt mijn oom", "bij de [INSTELLING] werkt mijn oom"),
    ("omdat hij bij PostNL gewerkt heeft", "omdat hij bij [INSTELLING] gewerkt heeft"),
    ("sinds hij bij Sparta speelt is hij agressief", "sinds hij bij [INSTELLING] speelt is hij agressief"),
    ("in groep 6 bij juf Noor op de Zeester", "in groep 6 bij juf [NAAM] op [INSTELLING]"),
    ("ik zit in klas 3 op het Baken", "ik zit in klas 3 op [INSTELLING]"),
    ("my son goes to Riverside primary school", "my son goes to [INSTELLING]"),
    ("she goes to the Hillcrest high school in Leeds", "she goes to the [INSTELLING] in Leeds"),
    ("de verzorgster van Thuiszorg Noord-Limburg schreeuwt tegen opa",
     "de verzorgster van [INSTELLING] schreeuwt tegen opa"),
    ("de thuiszorg oost-gelderland komt elke dag", "de [INSTELLING] komt elke dag"),
    ("hij werkt sinds 2019 bij Unilever", "hij werkt sinds 2019 bij [INSTELLING]"),
    ("ik turn bij Pax", "ik turn bij [INSTELLING]"),
    ("hij doet aan kickboksen bij Team Hoogland", "hij doet aan kickboksen bij [INSTELLING]"),
    ("ze haalt eten bij de Voedselbank Haarlem", "ze haalt eten bij de [INSTELLING]"),
    ("ik zit op het dalton in den haag", "ik zit op het [INSTELLING]"),
    ("ik zit op de montessori in oost", "ik zit op de [INSTELLING]"),
    ("mijn kinderen zitten op de Kompas", "mijn kinderen zitten op [INSTELLING]"),
    ("ik zit in de brugklas van het calvijn", "ik zit in de brugklas van [INSTELLING]"),
    ("mijn broer zit in 3 vwo op het Stanislas", "mijn broer zit in 3 vwo op [INSTELLING]"),
    ("hij is postbode bij postnl", "hij is postbode bij [INSTELLING]"),
    ("ze is invalkracht bij de hema", "ze is invalkracht bij de [INSTELLING]"),
    ("ze is juf op de klimop", "ze is juf op [INSTELLING]"),
    ("hij traint bij Fight Club Den Haag", "hij traint bij [INSTELLING]"),
    ("hij werkt bij Philips Eindhoven", "hij werkt bij [INSTELLING]"),
    ("mijn dochter zit op karate bij kenshikai", "mijn dochter zit op karate bij [INSTELLING]"),
    ("opa woont in de rozenhof, een verzorgingshuis", "opa woont in [INSTELLING], een verzorgingshuis"),
    ("mijn zoon zit op de Linde, een basisschool in Delft", "mijn zoon zit op [INSTELLING], een basisschool in Delft"),
]
ROUND_20_INSTITUTIONS_KEEP = [
    "bij ons werkt dat niet zo", "bij mijn tante werkt ze ook soms", "ze werkt niet meer, ze zit thuis",
    "hij werkt daar al jaren bij", "ik werk samen met mijn moeder bij de bakker",
    "in groep 7 gaan we op de Veluwe kamperen", "hij zegt dat ik op de Bank moet zitten",
    "my son hates high school", "she goes to a good primary school", "jeugdzorg in utrecht is traag",
    "de thuiszorg komt morgen pas", "ik heb voetbal bij mijn opa gezien", "hij heeft hockey bij de buren",
    "ik turn bij mijn zus", "hij zit in de brugklas op de fiets", "ik haal mijn havo op de avondschool",
    "hij is vaak bij de action", "ze is klant bij de jumbo", "juf op de gang", "meester op het plein",
    "de juf op de computer", "ik heb karate bij mijn oom gehad", "hij werkt bij de bakker, een bakkerij",
    "ze zit in de bus, een lange rit", "we wonen in de stad, een school verderop",
    "we gaan naar de voedselbank in haarlem", "ik geloof in montessori in het onderwijs",
]


@pytest.mark.parametrize(("text", "expected"), ROUND_20_INSTITUTIONS)
def test_twentieth_round_institutions(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ROUND_20_INSTITUTIONS_KEEP)
def test_twentieth_round_institutions_keep_ordinary_words(text):
    assert redact(text) == text


# Round 20, names and addresses by kind (own sentences): a pet's name after or before "mijn hond"/"onze kat"; the
# family on the doorbell ("aanbellen bij ..."); a given name corrected to a name ("... ? ik bedoel ..."); a house number
# before a Dutch street in the English order; a range of house numbers ("2 t/m 6").
ROUND_20_NAMES_AND_ADDRESSES = [
    ("mijn stiefvader schopt mijn hond Bruno", "mijn stiefvader schopt mijn hond [NAAM]"),
    ("pip is onze kat en hij gooit haar tegen de muur", "[NAAM] is onze kat en hij gooit haar tegen de muur"),
    ("je moet aanbellen bij van der Steen", "je moet aanbellen bij [NAAM]"),
    ("bel aan bij Jansen, tweede verdieping", "bel aan bij [NAAM], tweede verdieping"),
    ("I live at 3 Lange Nieuwstraat in Utrecht", "I live at [ADRES] in Utrecht"),
    ("we stay at 27 Bloemgracht now", "we stay at [ADRES] now"),
    ("de opvang zit op Kerkweg 10 t/m 14", "de opvang zit op [ADRES]"),
    ("sem? ik bedoel daan, mijn neef", "[NAAM]? ik bedoel [NAAM], mijn neef"),
]
ROUND_20_NAMES_AND_ADDRESSES_KEEP = [
    "mijn vader schopt de hond", "mijn hond is ziek", "de hond van de buren blaft", "the dog ate my homework",
    "ik heb aangebeld bij mijn oma", "hij belde aan bij de buren", "bel aan bij de achterdeur",
    "the party is on 5 May", "hij komt om 3 uur", "ik was er 3 t/m 6 mei", "wat? ik bedoel het huis",
]


@pytest.mark.parametrize(("text", "expected"), ROUND_20_NAMES_AND_ADDRESSES)
def test_twentieth_round_names_and_addresses(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ROUND_20_NAMES_AND_ADDRESSES_KEEP)
def test_twentieth_round_names_and_addresses_keep_ordinary_words(text):
    assert redact(text) == text
