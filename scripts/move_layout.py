"""One-off: move bot/ into packages by purpose (issue 16) and rewrite every reference.

    python3 scripts/move_layout.py [--dry-run]

Rule-based, so it also moves modules that appeared after it was written: every module named in MOVES
(a module, or a package with everything below it) goes to its new place with `git mv`; then every tracked
text file has the old dotted names (imports, `uvicorn bot.gateway:app`, endpoints.yml class paths, mock
targets) and the old paths (README, scripts, alembic) rewritten, and paths computed from `__file__` that
climb to the repository root are corrected for the new depth. What it cannot do is printed at the end.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# old module -> new module (packages move with everything below them). Order does not matter: the longest
# matching old name wins.
MOVES: dict[str, str] = {
    # the chat: gateway and everything it serves the conversation with
    "bot.gateway": "bot.chat.gateway",
    "bot.validation": "bot.chat.validation",
    "bot.ratelimit": "bot.chat.ratelimit",
    "bot.page_headers": "bot.chat.page_headers",
    "bot.rasa_pool": "bot.chat.rasa_pool",
    "bot.request_limits": "bot.chat.request_limits",
    "bot.rasa_auth": "bot.chat.rasa_auth",
    "bot.messages": "bot.chat.messages",
    "bot.privacy.service": "bot.chat.erase",
    "bot.handoff": "bot.chat.handoff",  # serves the chat and needs the Rasa pool: inside bot/chat, no circle
    # operating the service
    "bot.launcher": "bot.operate.launcher",
    "bot.lifecycle": "bot.operate.lifecycle",
    "bot.topology": "bot.operate.topology",
    "bot.storage": "bot.store.mode",  # what is kept at rest (WEGWIJS_STORE): read by chat, console, launcher
    "bot.privacy.cli": "bot.operate.privacy_cli",  # purge and erase from the shell use the gateway's erase
    "bot.action_server": "bot.operate.action_server",
    # the one settings module
    "bot.config": "bot.settings",
    # the one database layer and all migrations
    "bot.clock": "bot.store.clock",
    "bot.console.db": "bot.store.db",
    "bot.console.models": "bot.store.console_models",
    "bot.handoff.models": "bot.store.handoff_models",
    # measuring
    "bot.evaluate": "bot.measure.dev_eval",
    "bot.bench": "bot.measure.bench",
    "bot.bench_plot": "bot.measure.bench_plot",
    "bot.soak": "bot.measure.soak",
    "bot.soak_plot": "bot.measure.soak_plot",
    "bot.soak_trend": "bot.measure.soak_trend",
    "bot.procmem": "bot.measure.procmem",
    "bot.report_files": "bot.measure.report_files",
    "bot.load": "bot.measure.load",
    "nlu.compare": "bot.measure.nlu_compare",
    "tests.privacy.evaluate": "bot.measure.privacy_eval",
    "tests.safety.evaluate": "bot.measure.safety_eval",
    "tests.safety.generalisation": "bot.measure.safety_generalisation",
    "knowledge.evaluate": "knowledge.retrieval_eval",
    # the code Rasa loads, in one place (nlu/), importing nothing of the app but bot/privacy
    "bot.tracker_buffer": "nlu.tracker_buffer",
    "bot.privacy.tracker_store": "nlu.tracker_store",
    "bot.privacy.lock_store": "nlu.lock_store",
    "bot.privacy.rasa_main": "nlu.rasa_main",
    "bot.privacy.memory_store": "nlu.memory_store",
}
# Directories (not modules) that move with the module that reads them.
DATA_MOVES: dict[str, str] = {
    "bot/messages.yml": "bot/chat/messages.yml",
    "bot/web": "bot/chat/web",
    "bot/console/migrations": "bot/store/migrations",
}
NEW_PACKAGES = {
    "bot/chat": "The chat as the gateway serves it: input checks, rate limit, security headers, the Rasa pool, erase.",
    "bot/operate": "Running the service: the launcher, its clean start and stop, the topology of instances.",
    "bot/measure": "Measuring the bot: bench, soak, their plots and trends, the dev eval, NLU compare, evaluations.",
    "bot/store": "The one database layer: engine, console and handoff tables, and all their migrations.",
}
# The import contracts of the new layout (pyproject.toml), replacing the interim ones.
CONTRACTS = '''# Import contracts (lint-imports, run by the lint step of scripts/test.sh): the layers of the
# design, top to bottom. A module may import the layers below it, never one above; "|" marks parts that must not import
# each other. The message travels channel -> gateway (bot.chat) -> Rasa (nlu) -> actions -> knowledge.
[tool.importlinter]
root_packages = ["bot", "nlu", "actions", "knowledge"]

[[tool.importlinter.contracts]]
id = "layers"
name = "layers: command line, measure, operate, console | channels, chat, Rasa, actions, knowledge, store, privacy"
type = "layers"
layers = [
    "bot.__main__",
    "bot.measure",
    "bot.operate",
    "bot.console | bot.channels",
    "bot.chat",
    "nlu",
    "actions",
    "knowledge",
    "bot.store",
    "bot.privacy",
    "bot.settings | bot.texts",
]

[[tool.importlinter.contracts]]
id = "rasa-loaded"
name = "the code Rasa loads (nlu/) imports nothing of the app but bot/privacy and the settings"
type = "forbidden"
source_modules = ["nlu"]
forbidden_modules = ["bot.chat", "bot.console", "bot.channels", "bot.operate", "bot.measure", "bot.store",
                     "bot.texts", "actions", "knowledge"]

[[tool.importlinter.contracts]]
id = "privacy-pure"
name = "bot/privacy imports nothing of the app but the settings (it runs in both Pythons)"
type = "forbidden"
source_modules = ["bot.privacy"]
forbidden_modules = ["bot.chat", "bot.console", "bot.channels", "bot.operate", "bot.measure", "bot.store",
                     "bot.texts", "nlu", "actions", "knowledge"]

[[tool.importlinter.contracts]]
id = "no-circles"
name = "no import circles at any depth"
type = "acyclic_siblings"
ancestors = ["bot", "nlu", "actions", "knowledge"]
'''
TEXT_SUFFIXES = {".py", ".yml", ".yaml", ".md", ".sh", ".toml", ".ini", ".cfg", ".txt", ".mako", ".json", ""}
SKIP = {"scripts/move_layout.py"}
# Text fixes the rules cannot know: the evaluations read their labelled sets where they stay, in tests/.
POST_FIXES: dict[str, list[tuple[str, str]]] = {
    "bot/measure/privacy_eval.py": [("HERE = Path(__file__).resolve().parent\n",
                                     'HERE = Path(__file__).resolve().parents[2] / "tests" / "privacy"\n')],
    "bot/measure/safety_eval.py": [("HERE = Path(__file__).resolve().parent\n",
                                    'HERE = Path(__file__).resolve().parents[2] / "tests" / "safety"\n')],
    "bot/measure/safety_generalisation.py": [("HERE = Path(__file__).resolve().parent\n",
                                              'HERE = Path(__file__).resolve().parents[2] / "tests" / "safety"\n')],
}


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def module_file(name: str) -> Path | None:
    """The file or package directory of a dotted module name, if it exists."""
    base = ROOT / name.replace(".", "/")
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    if base.is_dir():
        return base
    return None


def planned_moves() -> list[tuple[Path, Path]]:
    moves = []
    for old, new in MOVES.items():
        source = module_file(old)
        if source is None:
            continue
        target = ROOT / new.replace(".", "/")
        moves.append((source, target.with_suffix(".py") if source.suffix == ".py" else target))
    for old, new in DATA_MOVES.items():
        if (ROOT / old).exists():
            moves.append((ROOT / old, ROOT / new))
    return sorted(moves, key=lambda move: -len(move[0].relative_to(ROOT).parts))  # deepest first


ROOT_CLIMB = re.compile(r"Path\(__file__\)\.resolve\(\)(\.parents\[(\d+)\]|(?:\.parent(?!s))+)")


def fix_climbs(text: str, old: Path, new: Path) -> str:
    """`Path(__file__).resolve().parent.parent` and the like in a moved file: a climb to the repository root
    climbs the new number of levels; a climb to another directory (not the file's own) is rewritten as the
    root plus that directory, so it still points where it did."""
    old_rel, new_climbs = old.relative_to(ROOT), len(new.relative_to(ROOT).parts)

    def replace(match: re.Match[str]) -> str:
        levels = int(match.group(2)) + 1 if match.group(2) else match.group(1).count(".parent")
        if levels == 1 or levels > len(old_rel.parts):
            return match.group(0)  # the file's own directory (its data moved along), or unknown
        target = old_rel.parents[levels - 1]
        root = f"Path(__file__).resolve().parents[{new_climbs - 1}]"
        return root + "".join(f' / "{part}"' for part in target.parts)
    return ROOT_CLIMB.sub(replace, text)


def dotted_rules() -> list[tuple[re.Pattern[str], str]]:
    ordered = sorted(MOVES.items(), key=lambda item: -len(item[0]))
    return [(re.compile(rf"(?<![\w.]){re.escape(old)}(?![\w])"), new) for old, new in ordered]


def path_rules() -> list[tuple[re.Pattern[str], str]]:
    pairs: dict[str, str] = {}
    for old, new in MOVES.items():
        pairs[old.replace(".", "/") + ".py"] = new.replace(".", "/") + ".py"
        pairs[old.replace(".", "/") + "/"] = new.replace(".", "/") + "/"  # a package's files
        pairs[old.replace(".", "/")] = new.replace(".", "/")  # a package named on its own ("bot/handoff")
    for old, new in DATA_MOVES.items():
        pairs[old] = new
        pairs[old + "/"] = new + "/"
    ordered = sorted(pairs.items(), key=lambda item: -len(item[0]))
    return [(re.compile(rf"(?<![\w/.]){re.escape(old)}" + ("" if old.endswith("/") else r"(?![\w/])")), new)
            for old, new in ordered]


FROM_IMPORT = re.compile(r"^(\s*)from (bot|nlu|knowledge|tests(?:\.\w+)*|bot(?:\.\w+)+) import \(?([\w, \n]+?)\)?$",
                         re.MULTILINE)


def split_from_imports(text: str) -> str:
    """`from bot import report_files` where bot.report_files moved: import it from its new parent."""
    def replace(match: re.Match[str]) -> str:
        indent, package, names = match.group(1), match.group(2), match.group(3)
        lines, kept = [], []
        for name in [n.strip() for n in names.replace("\n", " ").split(",") if n.strip()]:
            plain = name.split(" as ")[0].strip()
            new = MOVES.get(f"{package}.{plain}")
            if new is None:
                kept.append(name)
                continue
            parent, leaf = new.rsplit(".", 1)
            alias = name.split(" as ")[1].strip() if " as " in name else plain
            lines.append(f"{indent}from {parent} import {leaf}" + (f" as {alias}" if alias != leaf else ""))
        if not lines:
            return match.group(0)
        if kept:
            lines.insert(0, f"{indent}from {package} import {', '.join(kept)}")
        return "\n".join(lines)
    return FROM_IMPORT.sub(replace, text)


SEGMENTS = re.compile(r'"[\w.-]+"(?:\s*/\s*"[\w.-]+")+')


def fix_segments(text: str) -> str:
    """Paths built from parts, `ROOT / "bot" / "web" / "index.html"`: rewritten like the slash form."""
    def replace(match: re.Match[str]) -> str:
        parts = re.findall(r'"([\w.-]+)"', match.group(0))
        joined = "/".join(parts)
        moved = rewrite_paths(joined)
        return match.group(0) if moved == joined else " / ".join(f'"{part}"' for part in moved.split("/"))
    return SEGMENTS.sub(replace, text)


def rewrite_paths(text: str) -> str:
    for pattern, new in path_rules():
        text = pattern.sub(new, text)
    return text


def rewrite(text: str) -> str:
    text = split_from_imports(text)
    for pattern, new in dotted_rules():
        text = pattern.sub(new, text)
    return fix_segments(rewrite_paths(text))


def tracked_text_files() -> list[Path]:
    files = []
    for name in git("ls-files").splitlines():
        path = ROOT / name
        if name in SKIP or not path.is_file() or path.suffix not in TEXT_SUFFIXES and path.name != "Makefile":
            continue
        files.append(path)
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print the moves, change nothing")
    args = parser.parse_args()
    moves = planned_moves()
    for source, target in moves:
        print(f"git mv {source.relative_to(ROOT)} {target.relative_to(ROOT)}")
    if args.dry_run:
        return 0
    for package, doc in NEW_PACKAGES.items():
        init = ROOT / package / "__init__.py"
        init.parent.mkdir(parents=True, exist_ok=True)
        if not init.exists():
            init.write_text(f'"""{doc}"""\n', encoding="utf-8")
            git("add", str(init))
    moved: list[tuple[Path, Path]] = []  # (where a .py file was, where it is now)
    for source, target in moves:  # deepest first; each directory's files listed just before it moves
        files = [(source, target)] if source.suffix == ".py" else \
            [(f, target / f.relative_to(source)) for f in sorted(source.rglob("*.py"))]
        target.parent.mkdir(parents=True, exist_ok=True)
        git("mv", str(source), str(target))
        moved.extend(files)
    for old_file, new_file in moved:
        if old_file.parent != new_file.parent:
            text = new_file.read_text(encoding="utf-8")
            new_file.write_text(fix_climbs(text, old_file, new_file), encoding="utf-8")
    changed = 0
    for path in tracked_text_files():
        try:
            before = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        after = rewrite(before)
        if after != before:
            path.write_text(after, encoding="utf-8")
            changed += 1
    print(f"rewrote references in {changed} files")
    pyproject = ROOT / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    start = text.index("# Import contracts")
    pyproject.write_text(text[:start] + CONTRACTS, encoding="utf-8")
    for name, fixes in POST_FIXES.items():
        path = ROOT / name
        if path.exists():
            text = path.read_text(encoding="utf-8")
            for old, new in fixes:
                text = text.replace(old, new)
            path.write_text(text, encoding="utf-8")
    leftovers = git("grep", "-n", "-E", r"Path\(__file__\)\.resolve\(\)\.parent\b|HERE = ", "--", "bot/measure")
    if leftovers:
        print("check these paths by hand:\n" + leftovers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
