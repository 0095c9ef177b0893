"""Bridge handlers in-process with a fake bot and gateway: /wis cleans up after itself; launcher wiring."""
from __future__ import annotations

import asyncio
from types import SimpleNamespace

from bot.channels.gateway_client import BotReply
from bot.channels.telegram.bridge import Bridge
from bot.channels.telegram.config import TelegramConfig
from bot.operate.launcher import services
from bot.settings import load_settings


class FakeBot:
    def __init__(self) -> None:
        self.next_id = 100
        self.sent: list[tuple[int, str]] = []
        self.deleted: list[int] = []

    async def send_message(self, chat_id: int, text: str, reply_markup: object = None) -> SimpleNamespace:
        self.next_id += 1
        self.sent.append((chat_id, text))
        return SimpleNamespace(message_id=self.next_id)

    async def send_chat_action(self, chat_id: int, action: str) -> bool:
        return True

    async def delete_messages(self, chat_id: int, message_ids: list[int]) -> bool:
        self.deleted.extend(message_ids)
        return True

    async def delete_message(self, chat_id: int, message_id: int) -> bool:
        self.deleted.append(message_id)
        return True


class FakeGateway:
    def __init__(self) -> None:
        self.erased: list[str] = []

    async def send(self, sender: str, text: str, language: str = "nl") -> list[BotReply]:
        return [BotReply(f"echo: {text}")]

    async def handoff_state(self, sender: str) -> str:
        return "normal"

    async def erase(self, sender: str) -> bool:
        self.erased.append(sender)
        return False  # the gateway could not erase: the bridge must say so


def update(chat_id: int, message_id: int, text: str = "") -> SimpleNamespace:
    return SimpleNamespace(effective_chat=SimpleNamespace(id=chat_id),
                           effective_message=SimpleNamespace(message_id=message_id, text=text),
                           effective_user=SimpleNamespace(language_code="nl"))


def test_wis_reports_a_failed_erase_honestly_and_its_notice_removes_itself():
    async def scenario() -> tuple[FakeBot, FakeGateway]:
        bot, gateway = FakeBot(), FakeGateway()
        bridge = Bridge(TelegramConfig(token="1:x", gateway_url="http://127.0.0.1:1"), gateway,  # type: ignore[arg-type]
                        notice_lifetime_s=0.05)
        bridge.app = SimpleNamespace(bot=bot)  # type: ignore[assignment]
        await bridge.on_text(update(5, 1, "hallo"), None)  # type: ignore[arg-type]
        await bridge.on_erase(update(5, 2, "/wis"), None)  # type: ignore[arg-type]
        await asyncio.sleep(0.2)
        return bot, gateway

    bot, gateway = asyncio.run(scenario())
    notice = bot.sent[-1][1]
    assert "lukte nu niet" in notice and "2 berichten" not in notice and "3 berichten" in notice
    assert gateway.erased and gateway.erased[0].startswith("tg-")
    assert sorted(bot.deleted) == [1, 2, 101, 102]  # the chat, then the notice itself


def test_launcher_starts_the_bridge_only_with_a_token(monkeypatch):
    monkeypatch.delenv("WEGWIJS_TELEGRAM_TOKEN", raising=False)
    assert "telegram" not in [s.name for s in services(load_settings())]
    monkeypatch.setenv("WEGWIJS_TELEGRAM_TOKEN", "1:x")
    bridge = [s for s in services(load_settings()) if s.name == "telegram"]
    assert len(bridge) == 1 and bridge[0].command[-1] == "bot.channels.telegram" and bridge[0].health_url is None
    assert bridge[0].env["WEGWIJS_GATEWAY_URL"] == load_settings().web_url
    assert "1:x" not in " ".join(bridge[0].command)  # the token travels in the environment only
