"""One table of services (knowledge/services.yml): it agrees with the facts file, and every phone number,
hour range and count written anywhere in the knowledge, handoff and bot texts agrees with the table."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from kbtest import REAL_ENTRIES

from bot.chat.erase import DEFAULT_RETENTION_DAYS
from knowledge.config import REPO_ROOT
from knowledge.curated import load_entries
from knowledge.hours import parse_week
from knowledge.reachable import reachable_now
from knowledge.services import ServiceTable, digits, load_table

FACTS = REPO_ROOT.parent / "shared" / "reference" / "domain-facts.md"
HANDOFF_TEXTS = REPO_ROOT / "bot" / "chat" / "handoff" / "texts.yml"
SUMMARY_TEXTS = REPO_ROOT / "bot" / "chat" / "handoff" / "summary.yml"
DOMAIN = REPO_ROOT / "domain.yml"
# Other texts a person can read that do not go through the services table (hours written out by hand).
PLAIN_TEXTS = [REPO_ROOT / "bot" / "chat" / "messages.yml", REPO_ROOT / "bot" / "channels" / "texts.yml",
               REPO_ROOT / "knowledge" / "red_flags.yml", REPO_ROOT / "knowledge" / "lifeline.yml"]
MOMENTS = ["2026-12-05T22:30:00+01:00", "2026-12-08T10:00:00+01:00", "2026-12-08T08:00:00+01:00",
           "2026-07-01T20:59:00+02:00", "2026-03-29T02:30:00+00:00"]

# Numbers with an area code or 0800/0900, +31 numbers, and the short 11x numbers (112, 113 and any 116-type
# number: a national short number for domestic violence is announced, not there, so it must not appear).
PHONE = re.compile(r"(?<![\w-])(?:\+31[\d ]{9,12}\d|0\d{2,3}-[\d ]{3,9}\d|11[2-6](?: ?\d{3})?)(?![\w-])")
RANGES = [
    re.compile(r"\bvan (\d{1,2})(?:[.:](\d{2}))? tot (\d{1,2})(?:[.:](\d{2}))? uur"),
    re.compile(r"\b(\d{1,2})() tot (\d{1,2})() uur"),
    re.compile(r"\b(\d{1,2})[.:](\d{2}) ?(?:-|–|tot|to) ?(\d{1,2})[.:](\d{2})\b"),
    re.compile(r"\bfrom (\d{1,2})(?::(\d{2}))? to (\d{1,2})(?::(\d{2}))?\b"),
]
CLOSING = re.compile(r"\b(?:na|later dan|after|later than) (\d{1,2})(?::00)?(?: uur)?\b")
COUNTS = {
    "vt_organisations": re.compile(r"\b(\d+) (?:regionale |regional )?Veilig Thuis[- ]organi[sz]ati"),
    "ghnt_regions": re.compile(r"\b(\d+) (?:GHNT-)?regio(?:'s|s)\b"),
    "vt_assessment_days": re.compile(r"\b(\d+) (?:werkdagen|working days)\b"),
}


@pytest.fixture(scope="module")
def table() -> ServiceTable:
    return load_table()


@pytest.fixture(scope="module")
def facts() -> list[str]:
    """The facts file as blocks: table rows and bullet points (with their continuation lines)."""
    if not FACTS.is_file():
        pytest.fail(f"the facts file {FACTS} is missing: the services table cannot be checked")
    blocks: list[str] = []
    for line in FACTS.read_text(encoding="utf-8").splitlines():
        starts = line.startswith(("|", "- ", "#")) or re.match(r"\s*\d+\. ", line) or not line.strip()
        if starts or not blocks:
            blocks.append(line)
        else:
            blocks[-1] += " " + line.strip()
    return [" ".join(b.split()) for b in blocks if b.strip()]


def _block(facts: list[str], anchor: str) -> str:
    found = [b for b in facts if anchor in b]
    assert found, f"the facts file has no line with {anchor!r}"
    return found[0]


def _intervals(table: ServiceTable) -> set[tuple[int, int, int, int]]:
    spans = set()
    for service in table.services.values():
        if service.known_hours:
            for day in parse_week(service.hours_spec):
                for iv in day:
                    end = (24, 0) if iv.end == dt.time.max else (iv.end.hour, iv.end.minute)
                    spans.add((iv.start.hour, iv.start.minute, *end))
    return spans


def _texts() -> Iterator[tuple[str, str]]:
    """(where, text) of every text a person can read, numbers and hours already filled in."""
    for entry in load_entries(REAL_ENTRIES):
        for lang in entry.languages:
            yield f"{entry.file}:{entry.id}:{lang}", f"{entry.title_in(lang)}\n{entry.body[lang]}"
    yield from _leaves("handoff", yaml.safe_load(HANDOFF_TEXTS.read_text(encoding="utf-8")), render=True)
    yield from _leaves("summary", yaml.safe_load(SUMMARY_TEXTS.read_text(encoding="utf-8")))
    for path in PLAIN_TEXTS:
        yield from _leaves(path.name, yaml.safe_load(path.read_text(encoding="utf-8")))
    responses = yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))["responses"]
    for name, variants in responses.items():
        for variant in variants:
            yield f"domain:{name}", variant.get("text", "")
    for moment in MOMENTS:
        for lang in ("nl", "en"):
            yield f"reachable:{moment}:{lang}", reachable_now(dt.datetime.fromisoformat(moment), lang)


def _leaves(where: str, node: Any, render: bool = False, lang: str = "nl") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(f"{where}.{key}", value, render, key if key in ("nl", "en") else lang)
    elif isinstance(node, list):
        for item in node:
            yield from _leaves(where, item, render, lang)
    elif isinstance(node, str):
        yield where, load_table().render(node, lang) if render else node


ALL_TEXTS = list(_texts())
RAW = yaml.safe_load((REPO_ROOT / "knowledge" / "services.yml").read_text(encoding="utf-8"))


def test_every_service_agrees_with_its_line_in_the_facts_file(table: ServiceTable, facts: list[str]) -> None:
    for service in table.services.values():
        block = _block(facts, service.facts)
        block_digits = re.sub(r"[^\d]", "", block.replace("+31", "0"))
        for phone in (service.phone, service.phone2):
            if phone:
                assert digits(phone) in block_digits, f"{service.key}: {phone} is not in the facts line: {block}"
        if service.hours_spec == "always":
            said = RAW["services"][service.key].get("facts_hours", "24/7")
            assert said in block, f"{service.key}: the facts line does not say {said!r}: {block}"
        elif service.known_hours:
            for day in parse_week(service.hours_spec):
                for iv in day:
                    label = f"{iv.start.hour}:{iv.start.minute:02d}-{iv.end.hour}:{iv.end.minute:02d}"
                    assert label in block, f"{service.key}: hours {label} are not in the facts line: {block}"


def test_counts_agree_with_the_facts_file(table: ServiceTable, facts: list[str]) -> None:
    for key, value in table.counts.items():
        block = _block(facts, table.count_facts[key])
        assert re.search(rf"\b{value}\b", block), f"count {key}={value} is not in: {block}"


def test_every_phone_number_in_any_text_is_in_the_table(table: ServiceTable) -> None:
    known = table.phones()
    wrong = [f"{where}: {number}" for where, text in ALL_TEXTS for number in PHONE.findall(text)
             if digits(number) not in known]
    assert not wrong, "numbers not in knowledge/services.yml:\n" + "\n".join(wrong)


def test_every_hour_range_in_any_text_is_in_the_table(table: ServiceTable) -> None:
    spans = _intervals(table)
    closing = {end for _, _, end, _ in spans}
    wrong = []
    for where, text in ALL_TEXTS:
        for pattern in RANGES:
            for match in pattern.finditer(text):
                h1, m1, h2, m2 = match.groups()
                span = (int(h1), int(m1 or 0), int(h2), int(m2 or 0))
                if span not in spans:
                    wrong.append(f"{where}: {match.group(0)}")
        wrong += [f"{where}: {m.group(0)}" for m in CLOSING.finditer(text) if int(m.group(1)) not in closing]
    assert not wrong, "hours not in knowledge/services.yml:\n" + "\n".join(wrong)


def test_every_count_in_any_text_is_the_tables(table: ServiceTable) -> None:
    wrong = [f"{where}: {match.group(0)}" for where, text in ALL_TEXTS for key, pattern in COUNTS.items()
             for match in pattern.finditer(text) if int(match.group(1)) != table.counts[key]]
    assert not wrong, "counts that differ from knowledge/services.yml:\n" + "\n".join(wrong)


def test_the_scan_finds_what_it_looks_for() -> None:
    """The patterns above catch wrong numbers, hours and counts (else the scans prove nothing)."""
    assert digits(PHONE.findall("bel 0800-2001 of 033-448 11 87")[0]) == "08002001"
    assert RANGES[0].search("elke dag van 11 tot 22 uur").groups() == ("11", None, "22", None)
    assert RANGES[2].search("ma-vr 9.00-17.30").groups() == ("9", "00", "17", "30")
    assert COUNTS["vt_organisations"].search("de 26 Veilig Thuis-organisaties").group(1) == "26"
    assert CLOSING.search("Is het later dan 22 uur?").group(1) == "22"
    assert PHONE.findall("bel 116 123 of 116") == ["116 123", "116"]
    assert VT_CHAT.search("of chatten op veiligthuis.nl") and VT_CHAT.search("The Veilig Thuis chat")
    assert not VT_CHAT.search("een chatbot van Veilig Thuis")
    assert _in_force_claims("Dwingende controle is strafbaar.")
    assert not _in_force_claims("Een wet die dwingende controle strafbaar maakt, geldt nog niet.")
    assert _in_force_claims("Bel 0800-2000, dag en nacht, of chat op veiligthuis.nl.")
    assert not _in_force_claims("In oktober 2025 bood geen regio de chat van Veilig Thuis dag en nacht aan.")
    assert not _in_force_claims("Bel 0800-0188, dag en nacht, of chat via hun website.")


# The Veilig Thuis chat (not its chatbot): "chat op/via veiligthuis.nl", "de chat van Veilig Thuis", ...
VT_CHAT = re.compile(r"\bchat(?:ten)?\b[^.?!\n]{0,12}(?:op|via|at) (?:www\.)?veiligthuis\.nl|"
                     r"\bchat van Veilig Thuis|Veilig Thuis[- ]chat\b|\{vt_chat\.", re.IGNORECASE)
# Policy that is announced but not in force (domain facts: "Policy that is announced but NOT in force"): a crime
# of coercive control or psychological violence, and a Veilig Thuis chat that is open day and night.
CRIME = re.compile(r"(?:dwingende controle|coercive control|psychisch geweld|psychological (?:violence|abuse))"
                   r"[^.?!]{0,80}\b(?:strafbaar|a crime|criminal)", re.IGNORECASE)
DAY_AND_NIGHT = re.compile(r"dag en nacht|24/7|day and night|altijd open|always open", re.IGNORECASE)
NOT_YET = re.compile(r"nog niet|niet in werking|aangekondigd|wordt voorbereid|geen regio|not (?:in force )?yet|"
                     r"announced|being prepared|no region", re.IGNORECASE)


def _in_force_claims(text: str) -> list[str]:
    """Sentences that state announced policy (a crime of coercive control, a 24/7 chat) without saying it is
    not there yet."""
    def claims(sentence: str) -> bool:
        chat_always = bool(VT_CHAT.search(sentence) and DAY_AND_NIGHT.search(sentence))
        return (bool(CRIME.search(sentence)) or chat_always) and not NOT_YET.search(sentence)
    return [sentence.strip() for sentence in re.split(r"(?<=[.!?])\s+|\n+", text) if claims(sentence)]


def test_no_text_presents_announced_policy_as_in_force() -> None:
    wrong = [f"{where}: {sentence}" for where, text in ALL_TEXTS for sentence in _in_force_claims(text)]
    assert not wrong, "announced policy presented as in force:\n" + "\n".join(wrong)


def test_every_mention_of_the_veilig_thuis_chat_gives_its_usual_hours(table: ServiceTable) -> None:
    """The chat is not always staffed: wherever it is offered, the text says when it is usually open (or the
    handoff fills in {hours} from the same table) and that nobody may be there."""
    labels = [table.render("{vt_chat.hours}", lang) for lang in ("nl", "en")] + ["{hours}"]
    caveat = re.compile(r"niet altijd|not always|meestal|usually|normally", re.IGNORECASE)
    wrong = [where for where, text in ALL_TEXTS
             if VT_CHAT.search(text) and not (any(label in text for label in labels) and caveat.search(text))]
    assert not wrong, f"texts that offer the Veilig Thuis chat without its usual hours: {wrong}"


def test_no_text_says_a_chat_is_open_now() -> None:
    claims = re.compile(r"\bnu open\b|is nu open|(?<!usually )(?<!normally )\bopen (?:right )?now\b|"
                        r"met een mens chatten", re.IGNORECASE)
    wrong = [f"{where}: {text}" for where, text in ALL_TEXTS if claims.search(text)]
    assert not wrong, "\n".join(wrong)


def test_113_is_free_itself_not_only_0800_0113() -> None:
    only_alt = re.compile(r"gratis\s+0800-0113|0800-0113\s*\((?:free|gratis)\)", re.IGNORECASE)
    assert not [where for where, text in ALL_TEXTS if only_alt.search(text)]


def test_texts_with_the_kindertelefoon_give_its_hours_and_what_to_do_when_closed(table: ServiceTable) -> None:
    """Any non-professional entry that gives the Kindertelefoon's number gives its hours; a child-facing one
    also gives a phone line that is open day and night (not 112) for when the Kindertelefoon is closed."""
    kt = table.services["kt"]
    hours = {lang: table.render("{kt.hours}", lang) for lang in ("nl", "en")}
    always = {s.phone for s in table.services.values()
              if s.phone and s.key not in ("nood", "kt") and s.known_hours and s.opening(table.timezone).always}
    assert always, "the table has no phone line open day and night besides 112"
    no_hours, no_fallback = [], []
    for e in load_entries(REAL_ENTRIES):
        if e.audience == "professional":
            continue
        for lang in e.languages:
            body = e.body[lang]
            if kt.phone not in body:
                continue
            if hours[lang] not in body:
                no_hours.append(f"{e.id}:{lang}")
            if e.audience in ("child", "all") and not any(phone in body for phone in always):
                no_fallback.append(f"{e.id}:{lang}")
    assert not no_hours, f"Kindertelefoon texts without {hours['nl']!r}: {no_hours}"
    assert not no_fallback, f"child-facing Kindertelefoon texts without a line that is always open: {no_fallback}"


def test_privacy_answer_states_the_real_retention() -> None:
    entry = next(e for e in load_entries(REAL_ENTRIES) if e.id == "digitale-veiligheid")
    assert f"{DEFAULT_RETENTION_DAYS:g} dagen" in entry.body["nl"] and "Wis dit gesprek" in entry.body["nl"]
    assert "/wis" in entry.body["nl"] and f"{DEFAULT_RETENTION_DAYS:g} days" in entry.body["en"]


def _facts_date() -> dt.date:
    found = re.search(r"last brought up to date on\s+(\d{4}-\d{2}-\d{2})", FACTS.read_text(encoding="utf-8"))
    assert found, "the facts file does not say when it was last brought up to date"
    return dt.date.fromisoformat(found.group(1))


def test_every_entry_was_checked_after_the_facts_were_last_updated() -> None:
    """An entry's `checked` date says it was compared with the current facts file: not before the facts
    file's last update, and not in the future."""
    since, today = _facts_date(), dt.date.today()
    wrong = [f"{e.file}:{e.id}: checked {e.checked}" for e in load_entries(REAL_ENTRIES)
             if not since <= e.checked <= today]
    assert not wrong, f"entries not checked against the facts of {since} (or dated after today):\n" + "\n".join(wrong)


HEDGE = {"nl": re.compile(r"niet (?:\w+ ){0,4}(?:gecontroleerd|controleren)|niet zeker", re.IGNORECASE),
         "en": re.compile(r"(?:not|n't) (?:\w+ ){0,3}(?:check|checked|confirm|confirmed)\b|not sure", re.IGNORECASE)}


def test_unverified_entries_say_so_in_their_own_text() -> None:
    """`verified: false` is invisible to the reader: the text itself must say what we could not check."""
    assert HEDGE["nl"].search("die tijden hebben wij niet kunnen controleren")
    assert HEDGE["en"].search("we could not confirm the hours") and not HEDGE["en"].search("call 0800-2000")
    wrong = [f"{e.file}:{e.id}:{lang}" for e in load_entries(REAL_ENTRIES) if not e.verified
             for lang in e.languages if not HEDGE[lang].search(e.body[lang])]
    assert not wrong, f"unverified entries whose text does not hedge: {wrong}"
