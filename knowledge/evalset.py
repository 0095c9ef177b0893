"""The retrieval eval set (knowledge/eval/questions.yml, no_answer.yml) and the gate's calibration set
(knowledge/calibration/answerable.yml, off_topic.yml): the same formats, kept apart so the eval measures
the gate on questions it was not fitted to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

QUESTIONS_FILE = "questions.yml"
NO_ANSWER_FILE = "no_answer.yml"
ANSWERABLE_FILE = "answerable.yml"
OFF_TOPIC_FILE = "off_topic.yml"
AUDIENCES = ("citizen", "professional", "child")


class EvalSetError(ValueError):
    """An eval file is malformed."""


@dataclass(frozen=True)
class Question:
    """A question the knowledge should answer; any of ``ids`` counts as a hit."""

    q: str
    ids: tuple[str, ...]
    lang: str = "nl"
    audience: str | None = None


@dataclass(frozen=True)
class NoAnswer:
    """An off-topic question the knowledge cannot answer."""

    q: str
    lang: str = "nl"


def _items(path: Path) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise EvalSetError(f"{path.name}: invalid YAML: {exc}") from exc
    if isinstance(data, dict) and len(data) == 1:
        data = next(iter(data.values()))  # tolerate a top-level key such as "questions:"
    if not isinstance(data, list):
        raise EvalSetError(f"{path.name}: expected a list of {{q: ..., ...}} items")
    for n, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("q"), str) or not item["q"].strip():
            raise EvalSetError(f"{path.name}: item {n} needs a non-empty 'q' text")
    return data


def load_questions(path: Path, require_ids: bool = True) -> list[Question]:
    """Questions with the entry ids that answer them (ids may be left out of calibration questions)."""
    questions = []
    for n, item in enumerate(_items(path), start=1):
        ids = item.get("ids") or ([item["id"]] if item.get("id") else [])
        if isinstance(ids, str):
            ids = [ids]
        if not ids and require_ids:
            raise EvalSetError(f"{path.name}: item {n} ({item['q'][:40]!r}) has no 'ids'")
        audience = item.get("audience")
        if audience is not None and audience not in AUDIENCES:
            raise EvalSetError(f"{path.name}: item {n}: audience must be one of {AUDIENCES} or null, got {audience!r}")
        questions.append(Question(q=item["q"].strip(), ids=tuple(map(str, ids)),
                                  lang=item.get("lang") or "nl", audience=audience))
    return questions


def load_no_answer(path: Path) -> list[NoAnswer]:
    return [NoAnswer(q=item["q"].strip(), lang=item.get("lang") or "nl") for item in _items(path)]


def eval_files(eval_dir: Path) -> tuple[Path, Path]:
    return eval_dir / QUESTIONS_FILE, eval_dir / NO_ANSWER_FILE


def load_eval_set(eval_dir: Path) -> tuple[list[Question], list[NoAnswer]]:
    """Both lists; an absent file gives an empty list."""
    questions_path, no_answer_path = eval_files(eval_dir)
    questions = load_questions(questions_path) if questions_path.is_file() else []
    no_answer = load_no_answer(no_answer_path) if no_answer_path.is_file() else []
    return questions, no_answer


def calibration_files(calibration_dir: Path) -> tuple[Path, Path]:
    return calibration_dir / ANSWERABLE_FILE, calibration_dir / OFF_TOPIC_FILE


def load_calibration_set(calibration_dir: Path) -> tuple[list[Question], list[NoAnswer]]:
    """Questions the index should answer and off-topic ones, for fitting the gate; absent files give []."""
    answerable_path, off_topic_path = calibration_files(calibration_dir)
    answerable = load_questions(answerable_path, require_ids=False) if answerable_path.is_file() else []
    off_topic = load_no_answer(off_topic_path) if off_topic_path.is_file() else []
    return answerable, off_topic
