import pytest

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


@pytest.mark.parametrize(("message", "passed_on"), [
    ("MIJN VADER SCHREEUWT ELKE AVOND TEGEN ONS", "mijn vader schreeuwt elke avond tegen ons"),
    ("HELP ME PLEASE HE IS BACK", "help me please he is back"),
    ("/WAT MOET IK DOEN ALS HIJ TERUGKOMT", "wat moet ik doen als hij terugkomt"),
])
def test_a_message_in_capitals_is_read_in_lower_case(message, passed_on):
    assert as_words(message) == passed_on


@pytest.mark.parametrize("message", [
    "HELP",  # too short to tell shouting from an acronym
    "Ik heb de GGD en het CJG gebeld maar niemand neemt op",  # acronyms in ordinary text
    "Mijn Vader Slaat Mij",  # capitals at the start of words only
])
def test_ordinary_capitals_stay_as_they_are(message):
    assert as_words(message) == message
