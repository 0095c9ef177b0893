from bot.chat.validation import MAX_MESSAGE_CHARS, as_words, message_problem, sender_problem, too_long


def test_normal_message_passes():
    assert message_problem("mijn buurman slaat zijn vrouw") is None
    assert message_problem("regel 1\nregel 2 😭") is None


def test_bad_messages_get_a_clear_reason():
    assert "leeg" in message_problem("   ")
    assert "leeg" in message_problem(None)
    assert "tekens" in message_problem("hallo\x00wereld")


def test_long_messages_are_allowed_up_to_the_limit():
    assert MAX_MESSAGE_CHARS >= 10_000
    assert message_problem("a" * MAX_MESSAGE_CHARS) is None and not too_long("a" * MAX_MESSAGE_CHARS)
    assert too_long("a" * (MAX_MESSAGE_CHARS + 1))


def test_a_leading_slash_never_reaches_rasa():
    assert as_words("/restart") == "restart"
    assert as_words(" /affirm") == "affirm"
    assert as_words("ik bel 112 / 113") == "ik bel 112 / 113"


def test_sender_is_required():
    assert sender_problem("") is not None
    assert sender_problem(42) is not None
    assert sender_problem("web-123") is None
