"""What the tracker store keeps in memory while its database is away (nlu/tracker_buffer.py)."""
from __future__ import annotations

from nlu.tracker_buffer import TrackerBuffer


def rows(*names: str) -> list[dict]:
    return [{"type_name": "action", "data": name} for name in names]


def test_saved_rows_line_up_with_what_was_read():
    buffer = TrackerBuffer()
    buffer.loaded("c", rows("a", "b"))
    buffer.saved("c", rows("c"), stored=True)
    assert buffer.known("c") == rows("a", "b", "c")
    assert buffer.unwritten("c") == []


def test_rows_the_database_did_not_take_wait_in_order_until_written():
    buffer = TrackerBuffer()
    buffer.loaded("c", rows("a"))
    buffer.saved("c", rows("b"), stored=False)
    buffer.saved("c", rows("c", "d"), stored=False)
    assert buffer.unwritten("c") == rows("b", "c", "d")
    assert buffer.keys_with_unwritten() == ["c"]
    buffer.written("c")
    assert buffer.unwritten("c") == [] and buffer.keys_with_unwritten() == []
    assert buffer.known("c") == rows("a", "b", "c", "d")


def test_a_successful_save_after_waiting_rows_clears_them():
    buffer = TrackerBuffer()
    buffer.saved("c", rows("a"), stored=False)
    buffer.saved("c", rows("b"), stored=True)  # the store writes waiting rows first, in the same transaction
    assert buffer.unwritten("c") == []


def test_least_recently_used_conversations_leave_but_never_with_unwritten_rows():
    buffer = TrackerBuffer(max_recent=2)
    buffer.saved("waiting", rows("w"), stored=False)
    for key in ("x", "y", "z"):
        buffer.loaded(key, rows(key))
    assert buffer.known("waiting") == rows("w")
    assert buffer.known("x") is None and buffer.known("y") is None
    assert buffer.known("z") == rows("z")


def test_a_read_replaces_what_was_known():
    buffer = TrackerBuffer()
    buffer.saved("c", rows("old"), stored=True)
    buffer.loaded("c", rows("fresh", "from", "db"))
    assert buffer.known("c") == rows("fresh", "from", "db")


def test_known_is_a_copy():
    buffer = TrackerBuffer()
    buffer.loaded("c", rows("a"))
    buffer.known("c").append({"type_name": "x"})
    assert buffer.known("c") == rows("a")


def test_forget_drops_the_conversation():
    buffer = TrackerBuffer()
    buffer.loaded("c", rows("a"))
    buffer.forget("c")
    assert buffer.known("c") is None
