"""How people type, through the running stack: a lower-case name after a relation word, a phone number with
an en dash, an e-mail address written out and a name with a zero-width space never reach the tracker
database, while the bot still answers the original text (NLU runs on it; only the stored copy is redacted)."""
from __future__ import annotations

import uuid

import pytest

from tests.e2e.test_privacy_live import post, stored_rows, var_files

pytestmark = pytest.mark.e2e
MESSAGE = ("mijn buurman henk jorritsma slaat zijn vrouw, wat kan ik doen? "
           "bel me op 06\u201324681357 of mail sanne at gmail punt com, ik heet Ma\u200bri\u00adeke")
RAW = ["jorritsma", "24681357", "sanne at gmail", "Marieke", "Ma\u200bri\u00adeke"]


def test_chat_style_personal_data_never_reaches_a_file_and_the_bot_still_answers(stack):
    sender = f"redaction-{uuid.uuid4()}"
    replies = post(stack, sender, MESSAGE)
    assert "0800-2000" in " ".join(replies)  # understood as a bystander's question: Veilig Thuis
    rows = stored_rows(stack, sender)
    assert any("[NAAM]" in row and "[TELEFOON]" in row and "[EMAIL]" in row for row in rows)
    for path in var_files(stack):
        content = path.read_bytes()
        for value in RAW:
            assert value.encode() not in content, f"{value!r} found in {path}"
