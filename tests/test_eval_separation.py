"""Evaluation conversations never leak into what the bot is built from.

The public dev cases (../shared/eval/dev-cases.yml) and our own held-out set (tests/heldout/) are for
measuring only. A user turn of theirs, or a near copy (the same run of 7 or more words, ignoring case and
punctuation, as ../shared/tools/dev-leak-check counts it), must not appear in training data, knowledge,
calibration or retrieval evaluation files, cue lists or rules: nlu/, knowledge/, actions/, bot/,
config.yml, domain.yml.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DEV_CASES = ROOT.parent / "shared" / "eval" / "dev-cases.yml"
# Every held-out conversation set: our own held-out conversations and the knowledge-topic sets A, B, C, ...
HELDOUT_SETS = sorted((ROOT / "tests" / "heldout").glob("*.yml"))
NLU_SETS = [ROOT / "tests" / "nlu" / f"multilingual{suffix}.yml" for suffix in ("", "_b", "_c")]
# The safety net's measuring sets: held-out danger messages, the not-acute ceiling and the blind ordinary sets.
SAFETY_SETS = [*sorted((ROOT / "tests" / "safety").glob("heldout_*.yml")),
               *(ROOT / "tests" / "safety" / f"ordinary_{name}.yml"
                 for name in ("more", "fresh", "fresh_b", "fresh_c", "fresh_d", "fresh_e", "fresh_g", "tuning_h",
                              "tuning_j", "fresh_i", "fresh_k", "tuning_l")),
               *(ROOT / "tests" / "safety" / f"tuning_danger_{name}.yml" for name in ("p", "r", "t"))]
DATA = ("nlu", "knowledge", "actions", "bot", "config.yml", "domain.yml")
RUN = 7
# Near copies that were there when a set was first measured (coincidences of common phrasing, e.g. "hij staat
# nu voor de deur met een mes"), or, for the safety sets C-I, from the corpus's paraphrase rounds of the kinds a
# tuning set missed (README, "Safety net"). Recorded on 2026-12-06; any other near copy fails. Never add to it
# to make a new copy pass: rephrase the data instead.
KNOWN_OVERLAPS: dict[str, list[str]] = yaml.safe_load(
    (ROOT / "tests" / "measuring_overlaps.yml").read_text(encoding="utf-8")) or {}
SUFFIXES = {".yml", ".yaml", ".py", ".json", ".md", ".txt", ".csv", ".js", ".html"}
SKIP_PARTS = {"tests", ".venv", "var", "models", ".git", "node_modules", "__pycache__"}


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def runs(text: str) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i:i + RUN]) for i in range(len(found) - RUN + 1)}


def case_runs(path: Path) -> dict[tuple[str, ...], str]:
    """Every 7-word run of every user turn -> the id of its case."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    index: dict[tuple[str, ...], str] = {}
    for case in cases:
        for turn in case.get("turns", []):
            for run in runs(str(turn.get("user", ""))):
                index.setdefault(run, str(case.get("id")))
    return index


def text_runs(path: Path) -> dict[tuple[str, ...], str]:
    """Every 7-word run of every labelled text of an NLU set (`cases: [{text, intent, lang}]`) or a safety set
    (a list of `{text, ...}`)."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = cases["cases"] if isinstance(cases, dict) else cases  # the safety sets are plain lists
    return {run: f"{path.name}#{number}" for number, case in enumerate(cases, 1) for run in runs(str(case["text"]))}


def data_files() -> Iterator[Path]:
    for name in DATA:
        root = ROOT / name
        paths = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for path in paths:
            relative = path.relative_to(ROOT)
            if (path.is_file() and path.suffix in SUFFIXES and not SKIP_PARTS & set(relative.parts)
                    and not path.name.lower().startswith("readme")):
                yield path


def _yaml_strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _yaml_strings(key)
            yield from _yaml_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _yaml_strings(item)


def texts_of(path: Path) -> Iterator[tuple[str, str]]:
    """(where, text): every line, and for YAML every string value too (folded texts span lines)."""
    content = path.read_text(encoding="utf-8", errors="ignore")
    for number, line in enumerate(content.splitlines(), 1):
        yield f"{path.relative_to(ROOT)}:{number}", line
    if path.suffix in {".yml", ".yaml"}:
        try:
            parsed = yaml.safe_load(content)
        except yaml.YAMLError:
            return
        for value in _yaml_strings(parsed):
            for line in value.splitlines():  # a folded text is one line here, a list of examples many
                if len(line) > 60:
                    yield f"{path.relative_to(ROOT)} (a YAML text)", line


@lru_cache(maxsize=1)
def data_lines() -> tuple[tuple[Path, str, frozenset[tuple[str, ...]]], ...]:
    """(file, where, its 7-word runs) for every line and YAML text of the bot's data, read once for every set."""
    return tuple((path, where, frozenset(runs(text))) for path in data_files() for where, text in texts_of(path))


def leaks(index: dict[tuple[str, ...], str]) -> list[str]:
    """`where: wording of ids` for every line of the data with a near copy of a case."""
    found = {f"{where}: wording of {', '.join(sorted({index[run] for run in found & index.keys()}))}"
             for _, where, found in data_lines() if found & index.keys()}
    return sorted(found)


def overlaps(index: dict[tuple[str, ...], str]) -> set[str]:
    """`data file <- case` for every near copy, without line numbers (they shift with edits)."""
    return {f"{path.relative_to(ROOT)} <- {index[run]}"
            for path, _, found in data_lines() for run in found & index.keys()}


def unrecorded(name: str, index: dict[tuple[str, ...], str]) -> list[str]:
    """Near copies not in KNOWN_OVERLAPS: a new copy of a measuring set's wording into the bot's data."""
    return sorted(overlaps(index) - set(KNOWN_OVERLAPS.get(name) or []))


def test_dev_cases_are_not_in_the_bots_data() -> None:
    if not DEV_CASES.is_file():
        pytest.fail(f"The public dev cases are missing at {DEV_CASES}: this check cannot run without them "
                    "(the worktree should sit next to the shared folder).", pytrace=False)
    found = leaks(case_runs(DEV_CASES))
    assert not found, ("Dev-case wording (a run of 7+ words of a user turn) in the bot's data; the dev cases "
                       "are for measuring only, write your own phrasing:\n" + "\n".join(found))


@pytest.mark.parametrize("cases", HELDOUT_SETS, ids=lambda path: path.name)
def test_heldout_cases_are_not_in_the_bots_data(cases: Path) -> None:
    found = unrecorded(cases.name, case_runs(cases))
    assert not found, ("Held-out wording (a run of 7+ words of a user turn) in the bot's data; the held-out "
                       "set is for measuring only:\n" + "\n".join(found))


@pytest.mark.parametrize("cases", NLU_SETS, ids=lambda path: path.name)
def test_the_nlu_measuring_sets_are_not_in_the_bots_data(cases: Path) -> None:
    found = leaks(text_runs(cases))
    assert not found, ("Wording of an NLU measuring set (a run of 7+ words) in the bot's data; those sets are "
                       "for measuring only:\n" + "\n".join(found))


def test_every_measuring_set_is_checked() -> None:
    names = {path.name for path in [*HELDOUT_SETS, *SAFETY_SETS]}
    assert {"conversations.yml", "conversations_b.yml", "conversations_c.yml", "knowledge_topics_i.yml",
            "heldout_danger_k.yml", "ordinary_fresh_c.yml", "conversations_d.yml", "knowledge_topics_j.yml",
            "heldout_danger_l.yml", "ordinary_fresh_d.yml", "conversations_e.yml", "knowledge_topics_k.yml",
            "heldout_danger_m.yml", "ordinary_fresh_e.yml", "conversations_f.yml", "knowledge_topics_l.yml",
            "heldout_danger_o.yml", "ordinary_fresh_g.yml", "conversations_g.yml", "knowledge_topics_m.yml",
            "conversations_h.yml", "knowledge_topics_n.yml", "heldout_danger_q.yml", "ordinary_fresh_i.yml",
            "tuning_danger_r.yml", "ordinary_tuning_j.yml", "heldout_danger_s.yml", "ordinary_fresh_k.yml",
            "tuning_danger_t.yml", "ordinary_tuning_l.yml"} <= names


@pytest.mark.parametrize("cases", SAFETY_SETS, ids=lambda path: path.name)
def test_the_safety_measuring_sets_are_not_in_the_bots_data(cases: Path) -> None:
    found = unrecorded(cases.name, text_runs(cases))
    assert not found, ("Wording of a safety measuring set (a run of 7+ words) in the bot's data, e.g. the safety "
                       "corpus or the lexicon; those sets are for measuring only:\n" + "\n".join(found))


def test_the_check_finds_a_near_copy(tmp_path: Path) -> None:
    """The detector itself: a 7-word run with other case and punctuation counts, 6 words do not."""
    index = {run: "case-1" for run in runs("Mijn buurman schreeuwt elke avond tegen zijn kinderen, wat nu?")}
    assert {index[r] for r in runs("BUURMAN schreeuwt elke avond, tegen zijn kinderen!") if r in index} == {"case-1"}
    assert not [r for r in runs("buurman schreeuwt elke avond tegen zijn") if r in index]
