"""Annotating a message and exporting annotations as Rasa NLU training data."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import yaml
from sqlalchemy import select

from bot.settings import ROOT
from bot.store.console_models import Annotation
from bot.store.db import Database
from tests.console.conftest import ConsoleEnv, csrf_token

RASA_PYTHON = ROOT / ".venv" / "rasa" / "bin" / "python"


def _user_event_ids(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'name="event_id" value="(\d+)"', page)]


def annotate(console: ConsoleEnv, name: str, position: int, intent: str) -> int:
    client = console.as_role("reviewer")
    page = client.get(f"/conversations/{console.id(name)}").text
    event_id = _user_event_ids(page)[position]
    response = client.post(f"/conversations/{console.id(name)}/annotate",
                           data={"event_id": str(event_id), "intent": intent, "csrf_token": csrf_token(page)})
    assert response.status_code == 303, response.text
    return event_id


def _annotations(console: ConsoleEnv, name: str) -> list[Annotation]:
    database = Database(console.url)
    with database.sessions() as db:
        found = list(db.scalars(select(Annotation).where(Annotation.conversation_id == console.id(name))))
    database.dispose()
    return found


def export(console: ConsoleEnv) -> str:
    response = console.as_role("reviewer").get("/annotations/export.yml")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-yaml")
    return response.text


def test_annotation_is_stored_with_the_tracker_text_and_can_be_changed(console: ConsoleEnv) -> None:
    event_id = annotate(console, "english", 0, "out_of_scope")
    annotate(console, "english", 0, "greet")
    [stored] = _annotations(console, "english")
    assert (stored.event_id, stored.correct_intent, stored.predicted_intent) == (event_id, "greet", "nlu_fallback")
    assert stored.text == "asdf qwerty zxcv"
    page = console.as_role("reviewer").get(f"/conversations/{console.id('english')}").text
    assert "geannoteerd: <strong>greet</strong>" in page


def test_unknown_intent_and_unknown_message_are_refused(console: ConsoleEnv) -> None:
    client = console.as_role("reviewer")
    page = client.get(f"/conversations/{console.id('markup')}").text
    url = f"/conversations/{console.id('markup')}/annotate"
    token = csrf_token(page)
    event_id = _user_event_ids(page)[0]
    assert client.post(url, data={"event_id": event_id, "intent": "no_such_intent", "csrf_token": token}
                       ).status_code == 400
    assert client.post(url, data={"event_id": 999999, "intent": "greet", "csrf_token": token}).status_code == 404


def test_export_is_rasa_nlu_yaml_without_examples_already_in_nlu(console: ConsoleEnv) -> None:
    annotate(console, "human", 1, "situation_victim")
    annotate(console, "professional", 0, "ask_meldcode_steps")
    annotate(console, "acute", 0, "situation_victim")
    data = yaml.safe_load(export(console))
    assert data["version"] == "3.1"
    examples = {block["intent"]: [line[2:] for line in block["examples"].splitlines()] for block in data["nlu"]}
    assert "Mijn naam is [NAAM] en ik woon op [ADRES]" in examples["situation_victim"]
    assert "help hij heeft een mes en staat voor de deur" in examples["situation_victim"]
    assert "Wat is stap 1 van de meldcode? Ik ben leerkracht." in examples["ask_meldcode_steps"]
    assert all(line.startswith("- ") for block in data["nlu"] for line in block["examples"].splitlines())


def test_export_loads_and_merges_with_nlu_in_rasa(console: ConsoleEnv, tmp_path: Path) -> None:
    annotate(console, "markup", 0, "out_of_scope")
    shutil.copy(ROOT / "nlu" / "nlu.yml", tmp_path / "nlu.yml")
    (tmp_path / "console_export.yml").write_text(export(console), encoding="utf-8")
    script = (
        "import sys\n"
        "from rasa.shared.nlu.training_data.loading import load_data\n"
        "data = load_data(sys.argv[1])\n"
        "texts = {m.get('text'): m.get('intent') for m in data.intent_examples}\n"
        "print(texts.get(sys.argv[2]))\n"
    )
    example = "<script>alert('x')</script> Één vraag over geweld"
    result = subprocess.run([str(RASA_PYTHON), "-c", script, str(tmp_path), example], capture_output=True,
                            text=True, timeout=300, env={"RASA_TELEMETRY_ENABLED": "false", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "out_of_scope"


def test_annotations_page_lists_and_deletes(console: ConsoleEnv) -> None:
    annotate(console, "suicide", 0, "situation_victim")
    client = console.as_role("reviewer")
    page = client.get("/annotations").text
    assert "ik wil niet meer leven" in page
    [stored] = _annotations(console, "suicide")
    response = client.post(f"/annotations/{stored.id}/delete", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 303
    assert _annotations(console, "suicide") == []
