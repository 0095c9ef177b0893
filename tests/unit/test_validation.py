from bot.chat.validation import MAX_MESSAGE_CHARS, message_problem, sender_problem


def test_normal_message_passes():
    assert message_problem("mijn buurman slaat zijn vrouw") is None
    assert message_problem("regel 1\nregel 2 😭") is None


def test_bad_messages_get_a_clear_reason():
    assert "leeg" in message_problem("   ")
    assert "leeg" in message_problem(None)
    assert "te lang" in message_problem("a" * (MAX_MESSAGE_CHARS + 1))
    assert "tekens" in message_problem("hallo\x00wereld")


def test_sender_is_required():
    assert sender_problem("") is not None
    assert sender_problem(42) is not None
    assert sender_problem("web-123") is None
