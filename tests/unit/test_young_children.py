"""The Kindertelefoon is for children from 8 to 18: a parent of a younger child is not told their child can call it."""
import pytest

from actions.answer import Reply
from actions.compose import _without_children_lines
from actions.context import TurnContext, says_young_child

ANSWER = ("Zeg tegen je kind dat het niet zijn schuld is. Je kind kan zelf praten met de Kindertelefoon: 0800-0432, "
          "elke dag van 11 tot 21 uur. Voor jou is er Veilig Thuis: 0800-2000, dag en nacht.")


def _ctx(text: str, role=None) -> TurnContext:
    return TurnContext(text=text, intent="situation_bystander", confidence=0.9, language="nl", role=role, sector=None)


@pytest.mark.parametrize("text", ["ons zoontje van 4 was erbij", "mijn dochter (5) hoorde alles",
                                  "my 3-year-old daughter saw the fight", "onze peuter slaapt slecht sinds de ruzie"])
def test_a_child_under_8_is_seen(text):
    assert says_young_child(text)


@pytest.mark.parametrize("text", ["mijn zoon van 12 zag het", "my daughter is 14", "mijn dochter van 6 maanden",
                                  "ik ben 7 en papa schreeuwt", "mijn dochter van 6 en mijn zoon van 9"])
def test_no_child_under_8_alone(text):
    assert not says_young_child(text)


def test_parent_of_young_child_gets_no_kindertelefoon_line():
    text = _without_children_lines(Reply(texts=[ANSWER]), _ctx("mijn dochter van 6 zag het")).texts[0]
    assert "0800-0432" not in text and "0800-2000" in text and "niet zijn schuld" in text


def test_parent_of_older_child_keeps_it():
    assert "0800-0432" in _without_children_lines(Reply(texts=[ANSWER]), _ctx("mijn zoon van 11 zag het")).texts[0]
