"""The no-answer gate and its calibration, on made-up signals (no index needed)."""

from __future__ import annotations

from pathlib import Path

from knowledge.calibration import Signals, choose_gate, rates
from knowledge.evalset import load_calibration_set
from knowledge.gate import Gate
from knowledge.querylang import other_language


def test_other_languages_get_their_own_threshold() -> None:
    gate = Gate(threshold=0.9, other_threshold=0.8, calibrated=True)
    assert not gate.answered(0.85, 0.0)
    assert gate.answered(0.85, 0.0, other_language=True)
    assert "other languages" in gate.describe()
    assert Gate.from_dict(gate.to_dict()) == gate


def test_calibration_fits_a_second_threshold_only_with_enough_other_language_data() -> None:
    main_pos = [Signals(0.95 + i / 1000, 0.1) for i in range(10)]
    main_neg = [Signals(0.80 + i / 1000, 0.1) for i in range(10)]
    other_pos = [Signals(0.84 + i / 1000, 0.0, other=True) for i in range(6)]
    other_neg = [Signals(0.76 + i / 1000, 0.0, other=True) for i in range(6)]
    gate = choose_gate(main_pos + other_pos, main_neg + other_neg)
    assert gate.other_threshold is not None and gate.other_threshold < gate.threshold
    assert rates(gate, main_pos + other_pos, main_neg + other_neg) == (0.0, 0.0)
    too_few = choose_gate(main_pos + other_pos[:2], main_neg + other_neg[:2])
    assert too_few.other_threshold is None


def test_query_language() -> None:
    assert other_language("Mąż mnie bije, gdzie szukać pomocy?")
    assert other_language("زوجي يضربني")
    assert other_language("Kocam bana vuruyor, ne yapmalıyım?")
    assert not other_language("mijn man slaat me, wat kan ik doen")
    assert not other_language("my husband hits me")
    assert not other_language("ok")


def test_calibration_files_load(tmp_path: Path) -> None:
    (tmp_path / "answerable.yml").write_text("- {q: 'wat is de meldcode', lang: nl, audience: professional}\n",
                                             encoding="utf-8")
    (tmp_path / "off_topic.yml").write_text("- {q: 'recept voor soep', lang: nl}\n", encoding="utf-8")
    answerable, off_topic = load_calibration_set(tmp_path)
    assert [q.q for q in answerable] == ["wat is de meldcode"] and answerable[0].ids == ()
    assert [n.q for n in off_topic] == ["recept voor soep"]
    assert load_calibration_set(tmp_path / "missing") == ([], [])
