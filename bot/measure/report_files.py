"""Where bench and soak leave their figures: a JSON report and, beside it, an SVG plot."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any


def write_report(body: dict[str, Any], report: Path, plot: Callable[[Path], Path]) -> None:
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(json.dumps(body, indent=2), encoding="utf-8")
    print(f"\nReport written to {report}")
    print(f"Plot written to {plot(report.with_suffix('.svg'))}")
