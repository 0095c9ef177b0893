"""The step record after the afwegingskader walk-through: what the professional answered, the decision, the
next step with its deadline and the sources, as plain text (texts in knowledge/afwegingskader_form.yml,
`record`). No client data: it is built from yes/no answers and fixed texts only.

Pure logic: no Rasa imports, so it can be tested without a server.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

import yaml

from actions.afwegingskader import FORM_FILE, Walkthrough, decide

RECORD_KIND = "step_record"  # the `custom` payload's kind that the widget and Telegram render


@dataclass(frozen=True)
class StepRecord:
    title: str
    text: str
    filename: str

    def payload(self) -> dict[str, Any]:
        return {"kind": RECORD_KIND, "title": self.title, "text": self.text, "filename": self.filename}


@lru_cache(maxsize=1)
def record_texts() -> Mapping[str, Any]:
    with open(FORM_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["record"]


def _say(texts: Mapping[str, Any], key: str, language: str) -> str:
    by_language = texts[key]
    return " ".join(str(by_language.get(language) or by_language["nl"]).split())


def _first_line(text: str) -> str:
    """A question without its instructions: 'Vraag 1 van 5: is er ...?' up to the question mark."""
    head = " ".join(text.split())
    end = head.find("?")
    return head[: end + 1] if end >= 0 else head


def build_record(flow: Walkthrough, answers: Mapping[str, Optional[bool]], outcome: str, language: str,
                 sector: Optional[str], today: dt.date) -> StepRecord:
    texts = record_texts()
    say = lambda key: _say(texts, key, language)  # noqa: E731 - short local helper
    decision = decide(flow, answers)
    lines = [say("title"), "=" * len(say("title")), "",
             f"{say('date')}: {today.isoformat()}",
             f"{say('code')}: {say('code_version')}",
             f"{say('sector')}: {sector or say('sector_unknown')}", "",
             f"{say('questions')}:"]
    for slot in decision.path:
        question = flow.question(slot)
        answer = say("answer_yes") if answers.get(slot) else say("answer_no")
        lines.append(f"- {_first_line(question.text.get(language) or question.text['nl'])} {answer}")
    lines += ["", " ".join(flow.text(flow.outcomes, outcome, language).split()),
              "", f"{say('next')}: {_say(texts['next_steps'], outcome, language)}",
              "", f"{say('sources')}: {flow.source_title} ({flow.source})",
              "", say("no_client_data")]
    name = "stappenverslag" if language == "nl" else "step-record"
    return StepRecord(title=say("title"), text="\n".join(lines) + "\n",
                      filename=f"{name}-afwegingskader-{today.isoformat()}")


def offer_text(language: str) -> str:
    return _say(record_texts(), "offer", language)
