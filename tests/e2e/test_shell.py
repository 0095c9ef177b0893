"""`python -m bot shell` as a user runs it: a subprocess fed through stdin, against the real stack."""
from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time

import pytest

from bot.config import ROOT

pytestmark = pytest.mark.e2e


def shell(url: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "bot", "shell", "--url", url, *args], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_a_conversation_then_ctrl_d(stack):
    process = shell(stack.settings.web_url)
    out, err = process.communicate("hallo\n\nmijn buurman slaat zijn vrouw\n", timeout=120)
    assert process.returncode == 0, err
    assert "chatbot" in out and "112" in out.splitlines()[0]
    replies = [line for line in out.splitlines() if "wegwijs> " in line]
    assert len(replies) >= 2
    assert "0800-2000" in out.split("mijn buurman", 1)[-1] or "0800-2000" in replies[-1]
    assert out.rstrip().endswith("Advies: Veilig Thuis 0800-2000.")  # goodbye


def test_wis_starts_a_new_conversation_and_stop_quits(stack):
    process = shell(stack.settings.web_url)
    out, _ = process.communicate("hallo\n/wis\n/stop\nnog een bericht\n", timeout=120)
    assert process.returncode == 0
    assert "Gewist" in out or "Wissen lukte niet" in out  # honest either way
    assert out.count("wegwijs> ") >= 1  # "hallo" was answered
    after_erase = re.split("Gewist|Wissen lukte niet", out, maxsplit=1)[1]
    assert "wegwijs> " not in after_erase and "Tot ziens" in after_erase


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
