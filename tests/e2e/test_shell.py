"""`python -m bot shell` as a user runs it: a subprocess fed through stdin, against the real stack."""
from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time

import pytest

from bot.settings import ROOT
from tests.support.tracker_db import stored_events_with

pytestmark = pytest.mark.e2e


def _as_in_a_terminal() -> None:
    # A test run started in the background (`cmd &` in a script, nohup) ignores SIGINT, and a child inherits
    # that, so Ctrl-C would never reach the shell; in a terminal it always does.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def shell(url: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "bot", "shell", "--url", url, *args], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_as_in_a_terminal)


def replies_per_prompt(out: str) -> list[list[str]]:
    """The bot's lines after each prompt, in order: [0] is the intro, [1] the answers to the first input..."""
    return [[line for line in part.splitlines() if line.startswith("wegwijs> ")] for part in out.split("jij> ")]


def test_a_conversation_then_ctrl_d(stack):
    process = shell(stack.settings.web_url)
    out, err = process.communicate("hallo\n\nmijn buurman slaat zijn vrouw\n", timeout=120)
    assert process.returncode == 0, err
    assert "chatbot" in out and "112" in out.splitlines()[0]
    turns = replies_per_prompt(out)
    assert turns[1] and turns[2] == []  # "hallo" answered, the blank line skipped
    assert "0800-2000" in "\n".join(turns[3])  # the bystander gets Veilig Thuis
    assert out.rstrip().endswith("Advies: Veilig Thuis 0800-2000.")  # goodbye


class Typist:
    """Types into a running shell and reads its output up to the next prompt."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process, self.seen = process, ""
        self.prompt()

    def prompt(self) -> str:
        part = ""
        while not part.endswith("jij> "):
            char = self.process.stdout.read(1)
            assert char, f"the shell ended: {self.seen}{part}"
            part += char
        self.seen += part
        return part

    def type(self, line: str) -> str:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.prompt()


def test_wis_erases_the_stored_conversation_and_starts_a_new_one(stack):
    process = shell(stack.settings.web_url)
    typist = Typist(process)
    assert "wegwijs> " in typist.type("onze hond kwispelstaart niet meer sinds de buurman schreeuwt")
    assert stored_events_with(stack, "kwispelstaart") > 0  # stored (redaction keeps an ordinary word)
    notice = typist.type("/wis")
    assert "Gewist" in notice
    assert stored_events_with(stack, "kwispelstaart") == 0
    out, _ = process.communicate("/stop\nnog een bericht\n", timeout=60)
    assert process.returncode == 0
    assert "wegwijs> " not in out and "Tot ziens" in out  # /stop quits: the next line is never sent


def test_english_shell_texts(stack):
    process = shell(stack.settings.web_url, "--lang", "en")
    out, _ = process.communicate("", timeout=60)
    assert "Type your question" in out and "Goodbye" in out


def test_ctrl_c_exits_cleanly(stack):
    process = shell(stack.settings.web_url)
    seen: list[str] = []
    reader = threading.Thread(target=lambda: seen.extend(iter(lambda: process.stdout.read(1), "")), daemon=True)
    reader.start()
    deadline = time.monotonic() + 60
    while "jij> " not in "".join(seen):
        assert time.monotonic() < deadline, "no prompt"
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0
    reader.join(timeout=10)
    err = process.stderr.read()
    assert "Traceback" not in err and "Tot ziens" in "".join(seen)
