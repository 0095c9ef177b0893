"""Memory of running processes, read from /proc (Linux): one field of one process, or a whole process tree."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Optional

PROC = Path("/proc")


def status_mb(pid: int, field: str) -> Optional[float]:
    """A kB field of /proc/PID/status (VmRSS, VmHWM, ...) in MB; None when the process or field is gone."""
    try:
        lines = (PROC / str(pid) / "status").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return None


def _parent_of(pid_dir: Path) -> Optional[int]:
    try:
        stat = (pid_dir / "stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: the parent pid is the 2nd field after its ")".
    return int(stat.rsplit(")", 1)[1].split()[1])


def children_by_parent() -> dict[int, list[int]]:
    """Every process's children, from one pass over /proc."""
    children: dict[int, list[int]] = defaultdict(list)
    for pid_dir in PROC.iterdir():
        if pid_dir.name.isdigit():
            parent = _parent_of(pid_dir)
            if parent is not None:
                children[parent].append(int(pid_dir.name))
    return children


def process_tree(pid: int, children: dict[int, list[int]]) -> list[int]:
    """`pid` and all its descendants."""
    tree, pending = [], [pid]
    while pending:
        current = pending.pop()
        tree.append(current)
        pending.extend(children.get(current, ()))
    return tree


def tree_rss_mb(pid: int, children: dict[int, list[int]]) -> tuple[Optional[float], int]:
    """(summed VmRSS in MB of `pid` and its descendants, number of processes read); (None, 0) when `pid` is gone."""
    own = status_mb(pid, "VmRSS")
    if own is None:
        return None, 0
    readings = [status_mb(p, "VmRSS") for p in process_tree(pid, children)[1:]]
    found = [mb for mb in readings if mb is not None]
    return own + sum(found), 1 + len(found)
