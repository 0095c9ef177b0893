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
MOMENTS = ["2026-12-05T22:30:00+01:00", "2026-12-08T10:00:00+01:00", "2026-12-08T08:00:00+01:00",
           "2026-07-01T20:59:00+02:00", "2026-03-29T02:30:00+00:00"]

PHONE = re.compile(r"(?<![\w-])(?:\+31[\d ]{9,12}\d|0\d{2,3}-[\d ]{3,9}\d|11[23])(?![\w-])")
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


def test_no_text_says_a_chat_is_open_now() -> None:
    claims = re.compile(r"\bnu open\b|is nu open|(?<!usually )(?<!normally )\bopen (?:right )?now\b|"
                        r"met een mens chatten", re.IGNORECASE)
    wrong = [f"{where}: {text}" for where, text in ALL_TEXTS if claims.search(text)]
    assert not wrong, "\n".join(wrong)


def test_113_is_free_itself_not_only_0800_0113() -> None:
    only_alt = re.compile(r"gratis\s+0800-0113|0800-0113\s*\((?:free|gratis)\)", re.IGNORECASE)
    assert not [where for where, text in ALL_TEXTS if only_alt.search(text)]


def test_child_texts_with_the_kindertelefoon_give_its_hours(table: ServiceTable) -> None:
    hours = {lang: table.render("{kt.hours}", lang) for lang in ("nl", "en")}
    wrong = [f"{e.id}:{lang}" for e in load_entries(REAL_ENTRIES) if e.audience in ("child", "all")
             for lang in e.languages if "0800-0432" in e.body[lang] and hours[lang] not in e.body[lang]]
    assert not wrong, f"child-facing Kindertelefoon texts without {hours['nl']!r}: {wrong}"


def test_privacy_answer_states_the_real_retention() -> None:
    entry = next(e for e in load_entries(REAL_ENTRIES) if e.id == "digitale-veiligheid")
    assert f"{DEFAULT_RETENTION_DAYS:g} dagen" in entry.body["nl"] and "Wis dit gesprek" in entry.body["nl"]
    assert "/wis" in entry.body["nl"] and f"{DEFAULT_RETENTION_DAYS:g} days" in entry.body["en"]
