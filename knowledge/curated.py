"""Curated knowledge entries (knowledge/entries/*.yml): loading and validation."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from knowledge.services import load_table

AUDIENCES = ("citizen", "professional", "child", "all")
LANGUAGES = ("nl", "en")
REQUIRED = ("id", "title", "audience", "languages", "body", "source", "source_title", "checked", "verified")
OPTIONAL = ("tags", "questions")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL_PATTERN = re.compile(r"^https?://[^\s/$.?#][^\s/]*\.[^\s/]{2,}(?:[/?#]\S*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    """One curated fact sheet, in one or more languages."""

    id: str
    title: dict[str, str]
    audience: str
    languages: tuple[str, ...]
    body: dict[str, str]
    source: str
    source_title: str
    checked: dt.date
    verified: bool
    tags: tuple[str, ...] = ()
    questions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # how people ask for it, per language
    file: str = field(default="", compare=False)

    def title_in(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("nl") or next(iter(self.title.values()), self.id)


class ValidationError(ValueError):
    """One or more knowledge files are invalid; ``errors`` holds one message per problem."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__(f"{len(errors)} problem(s) in the knowledge files:\n" + "\n".join(f"- {e}" for e in errors))


@dataclass
class Report:
    """Outcome of validating a set of entry files."""

    entries: list[Entry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def entry_files(directory: Path) -> list[Path]:
    """The *.yml / *.yaml files of a directory, sorted; none when it does not exist."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())


def validate_files(paths: Iterable[Path]) -> Report:
    """Parse and check every file; collects all problems instead of stopping at the first."""
    report = Report()
    seen: dict[str, str] = {}
    for path in paths:
        for raw in _raw_entries(path, report):
            entry = _check_entry(path.name, raw, report)
            if entry is None:
                continue
            if entry.id in seen:
                report.errors.append(f"{path.name}: entry '{entry.id}': duplicate id (also in {seen[entry.id]})")
                continue
            seen[entry.id] = path.name
            report.entries.append(entry)
    return report


def load_entries(directory: Path) -> list[Entry]:
    """All entries of a directory; raises :class:`ValidationError` if anything is wrong."""
    report = validate_files(entry_files(directory))
    if report.errors:
        raise ValidationError(report.errors)
    return report.entries


def _raw_entries(path: Path, report: Report) -> list[Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        report.errors.append(f"{path.name}: cannot read file: {exc}")
        return []
    except yaml.YAMLError as exc:
        report.errors.append(f"{path.name}: invalid YAML: {exc}")
        return []
    if data is None:
        report.warnings.append(f"{path.name}: empty file")
        return []
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        report.errors.append(f"{path.name}: expected a mapping with an 'entries:' list at the top")
        return []
    return data["entries"]


def _check_entry(file: str, raw: Any, report: Report) -> Entry | None:
    if not isinstance(raw, dict):
        report.errors.append(f"{file}: entry is not a mapping: {str(raw)[:60]!r}")
        return None
    label = f"{file}: entry '{raw.get('id', '?')}'"
    problems = _problems(raw)
    report.errors.extend(f"{label}: {p}" for p in problems)
    unknown = sorted(set(raw) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        report.warnings.append(f"{label}: unknown field(s) ignored: {', '.join(map(str, unknown))}")
    if problems:
        return None
    try:
        title = {k: _render(v, k) for k, v in raw["title"].items()}
        body = {k: _render(v, k) for k, v in raw["body"].items()}
    except KeyError as exc:
        report.errors.append(f"{label}: {exc.args[0]}")
        return None
    return Entry(
        id=raw["id"],
        title=title,
        audience=raw["audience"],
        languages=tuple(raw["languages"]),
        body=body,
        source=raw["source"].strip(),
        source_title=raw["source_title"].strip(),
        checked=_as_date(raw["checked"]) or dt.date.min,
        verified=raw["verified"],
        tags=tuple(str(t) for t in raw.get("tags") or ()),
        questions={lang: tuple(str(q).strip() for q in asked) for lang, asked in (raw.get("questions") or {}).items()},
        file=file,
    )


def _render(text: str, lang: str) -> str:
    """Numbers and hours come from the services table (knowledge/services.yml)."""
    return load_table().render(text.strip(), lang)


def _problems(raw: dict[str, Any]) -> list[str]:
    missing = [name for name in REQUIRED if raw.get(name) in (None, "")]
    problems = [f"missing field '{name}'" for name in missing]
    checks = (
        ("id", _check_id), ("title", _check_title), ("audience", _check_audience),
        ("languages", _check_languages), ("body", _check_body), ("source", _check_source),
        ("source_title", _check_text), ("checked", _check_checked), ("verified", _check_verified),
        ("tags", _check_tags), ("questions", _check_questions),
    )
    for name, check in checks:
        if name not in missing and name in raw:
            problems.extend(f"{name}: {p}" for p in check(raw[name]))
    if not {"languages", "body"} & set(missing):
        problems.extend(_check_languages_match(raw["languages"], raw["body"]))
    return problems


def _check_id(value: Any) -> list[str]:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        return [f"must be kebab-case (lowercase letters, digits and dashes), got {value!r}"]
    return []


def _check_text(value: Any) -> list[str]:
    return [] if isinstance(value, str) and value.strip() else [f"must be a non-empty text, got {value!r}"]


def _check_lang_map(value: Any) -> list[str]:
    if not isinstance(value, dict):
        return [f"must be a mapping of language to text, e.g. {{nl: ...}}, got {type(value).__name__}"]
    if not value:
        return ["is empty"]
    problems = [f"unknown language {k!r} (use {', '.join(LANGUAGES)})" for k in value if k not in LANGUAGES]
    problems += [f"text for {k!r} is empty" for k, v in value.items() if not isinstance(v, str) or not v.strip()]
    return problems


def _check_title(value: Any) -> list[str]:
    problems = _check_lang_map(value)
    if not problems and "nl" not in value:
        problems.append("a Dutch title (nl) is required")
    return problems


def _check_body(value: Any) -> list[str]:
    problems = _check_lang_map(value)
    return [p.replace("text for", "body for") for p in problems]


def _check_audience(value: Any) -> list[str]:
    return [] if value in AUDIENCES else [f"must be one of {', '.join(AUDIENCES)}, got {value!r}"]


def _check_languages(value: Any) -> list[str]:
    if not isinstance(value, list) or not value:
        return [f"must be a non-empty list like [nl, en], got {value!r}"]
    problems = [f"unknown language {v!r}" for v in value if v not in LANGUAGES]
    if "nl" not in value:
        problems.append("must include nl")
    if len(set(map(str, value))) != len(value):
        problems.append("lists a language twice")
    return problems


def _check_languages_match(languages: Any, body: Any) -> list[str]:
    if not isinstance(languages, list) or not isinstance(body, dict):
        return []
    if set(map(str, languages)) != set(map(str, body)):
        return [f"languages {sorted(map(str, languages))} must equal the body languages {sorted(map(str, body))}"]
    return []


def _check_source(value: Any) -> list[str]:
    if not isinstance(value, str) or not URL_PATTERN.match(value.strip()):
        return [f"must be a http(s) URL, got {value!r}"]
    return []


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _check_checked(value: Any) -> list[str]:
    return [] if _as_date(value) else [f"must be a date like 2026-11-23, got {value!r}"]


def _check_verified(value: Any) -> list[str]:
    return [] if isinstance(value, bool) else [f"must be true or false, got {value!r}"]


def _check_tags(value: Any) -> list[str]:
    if value is None:
        return []
    ok = isinstance(value, list) and all(
        isinstance(t, (str, int, float)) and not isinstance(t, bool) and str(t).strip() for t in value
    )
    return [] if ok else [f"must be a list of words, got {value!r}"]


def _check_questions(value: Any) -> list[str]:
    """Per language a list of questions: {nl: [...], en: [...]}."""
    if value is None:
        return []
    if not isinstance(value, dict):
        return [f"must map a language to a list of questions, got {value!r}"]
    problems = [f"unknown language {lang!r}" for lang in value if lang not in LANGUAGES]
    for lang, asked in value.items():
        if not isinstance(asked, list) or not all(isinstance(q, str) and q.strip() for q in asked):
            problems.append(f"{lang}: must be a list of questions, got {asked!r}")
    return problems
