"""The terminal shell without a running bot: connection errors, auto-start, commands."""
from __future__ import annotations

import io
import subprocess
import sys

from bot.channels import shell
from bot.channels.gateway_client import BotReply, Choice
from bot.settings import ROOT


class FakeClient:
    def __init__(self, reachable: bool = True) -> None:
        self.sent: list[tuple[str, str]] = []
        self.erased: list[str] = []
        self._reachable = reachable
        self.closed = False

    def reachable(self) -> bool:
        return self._reachable

    def send(self, sender: str, text: str, language: str = "nl") -> list[BotReply]:
        self.sent.append((sender, text))
        if text == "help me":
            return [BotReply("Wil je met een mens praten?", (Choice("Ja", "ja"), Choice("Nee", "nee")))]
        return [BotReply(f"antwoord op {text}")]

    def erase(self, sender: str) -> bool:
        self.erased.append(sender)
        return True

    def close(self) -> None:
        self.closed = True


def test_unreachable_url_gives_a_clear_message_and_exit_code():
    result = subprocess.run([sys.executable, "-m", "bot", "shell", "--url", "http://127.0.0.1:24098"], cwd=ROOT,
                            input="", capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Kan de gateway op http://127.0.0.1:24098 niet bereiken" in result.stderr
    assert "Traceback" not in result.stderr


def test_chat_loop_sends_skips_blank_lines_and_wis_starts_afresh():
    client = FakeClient()
    out = io.StringIO()
    shell.chat_loop(client, "nl", io.StringIO("hallo\n   \n/wis\nnog iets\n/stop\nniet meer\n"), out)  # type: ignore[arg-type]
    assert [text for _, text in client.sent] == ["hallo", "nog iets"]
    first, second = (sender for sender, _ in client.sent)
    assert first != second and client.erased == [first] and first.startswith("cli-")
    assert "wegwijs> antwoord op hallo" in out.getvalue() and "Gewist" in out.getvalue()


def test_buttons_are_numbered_and_a_number_sends_the_payload():
    client = FakeClient()
    out = io.StringIO()
    shell.chat_loop(client, "nl", io.StringIO("help me\n2\n2\n"), out)  # type: ignore[arg-type]
    assert "[1] Ja  [2] Nee" in out.getvalue()
    assert [text for _, text in client.sent] == ["help me", "nee", "2"]  # a number only means a button once


def test_starts_the_bot_when_the_local_one_is_not_running_and_stops_it_on_exit(monkeypatch):
    events: list[str] = []

    def start_bot():
        events.append("started")
        return lambda: events.append("stopped")

    client = FakeClient(reachable=False)
    monkeypatch.setattr(shell, "GatewayClient", lambda url, channel: client)
    out = io.StringIO()
    assert shell.run_shell(None, "nl", io.StringIO("hallo\n"), out, start_bot=start_bot) == 0  # type: ignore[arg-type]
    assert events == ["started", "stopped"] and client.closed
    assert client.sent and client.sent[0][1] == "hallo"  # the conversation went on with the started bot
    assert "ik start hem" in out.getvalue() and "Tot ziens" in out.getvalue()


def test_a_failed_start_ends_the_shell(monkeypatch):
    monkeypatch.setattr(shell, "GatewayClient", lambda url, channel: FakeClient(reachable=False))
    assert shell.run_shell(None, "nl", io.StringIO("hallo\n"), io.StringIO(), start_bot=lambda: None) == 2  # type: ignore[arg-type]


def test_the_command_line_reports_why_the_bot_did_not_start(monkeypatch, capsys):
    import bot.__main__ as cli
    import bot.operate.launcher

    class BrokenStack:
        def __init__(self, log_dir: object = None) -> None:
            pass

        def start(self) -> None:
            raise SystemExit("No trained model")

    monkeypatch.setattr(bot.operate.launcher, "Stack", BrokenStack)
    assert cli.start_for_shell("nl") is None
    assert "Starten van de bot lukte niet: No trained model" in capsys.readouterr().err
