"""Command line: python -m knowledge {build,ingest,eval,search,validate,plain}."""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

from tqdm import tqdm

from knowledge.config import BACKENDS, Settings, load_settings
from knowledge.curated import ValidationError, entry_files, validate_files
from knowledge.docs import AUDIENCE_FILTER
from knowledge.embeddings import EmbeddingError
from knowledge.evalset import EvalSetError, eval_files, load_eval_set
from knowledge.readers import UnsupportedDocument

HYBRID_MIN_RECALL3 = 0.95


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings()
    return settings.with_backend(args.backend) if getattr(args, "backend", None) else settings


def cmd_build(args: argparse.Namespace) -> int:
    from knowledge.service import index_path, is_current, load_index

    settings = _settings(args)
    fresh = is_current(settings) and not args.force
    started = time.perf_counter()
    index = load_index(settings, progress=True, force=args.force)
    state = "up to date" if fresh else f"built in {time.perf_counter() - started:.1f} s"
    print(f"knowledge index {state}: {len(index)} documents, {index.embedder.name}, "
          f"no-answer gate {index.meta.gate.describe()} -> {index_path(settings)}")
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from knowledge.ingest import expand_paths, passages_from_file, write_passages
    from knowledge.service import load_index

    settings = _settings(args)
    files = expand_paths(Path(p) for p in args.paths)
    for file in tqdm(files, desc="splitting", unit="file", disable=len(files) < 2, file=sys.stderr):
        passages = passages_from_file(file)
        if not passages:
            print(f"{file}: no text found, skipped", file=sys.stderr)
            continue
        target = write_passages(settings.docs_dir, file, passages)
        print(f"{file.name}: {len(passages)} passages -> {target}")
    index = load_index(settings, progress=True, refresh=True)
    print(f"knowledge index ready: {len(index)} documents")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from knowledge.retrieval_eval import evaluate, format_report, write_report
    from knowledge.service import build_index, load_index

    settings = _settings(args)
    questions, no_answer = load_eval_set(settings.eval_dir)
    if not questions:
        print(f"error: no eval questions in {eval_files(settings.eval_dir)[0]}", file=sys.stderr)
        return 2
    index = load_index(settings, progress=True)
    build_seconds = None
    if args.rebuild:
        started = time.perf_counter()
        build_index(settings, embedder=index.embedder, progress=True)
        build_seconds = time.perf_counter() - started
    report = evaluate(index, questions, no_answer, build_seconds=build_seconds)
    print(format_report(report))
    path = write_report(report, Path(args.json) if args.json else settings.reports_dir / "retrieval.json")
    print(f"\nreport written to {path}")
    return _check(report) if args.check else 0


def _check(report: object) -> int:
    modes = report.modes  # type: ignore[attr-defined]
    hybrid = modes["hybrid"].recall_at_3
    parts = max(modes["dense"].recall_at_3, modes["lexical"].recall_at_3)
    ok = hybrid >= HYBRID_MIN_RECALL3 and hybrid >= parts
    if not ok:
        print(f"CHECK FAILED: hybrid recall@3 {hybrid:.3f} must be >= {HYBRID_MIN_RECALL3} and >= dense/lexical",
              file=sys.stderr)
    return 0 if ok else 1


def cmd_search(args: argparse.Namespace) -> int:
    from knowledge.service import load_index

    index = load_index(_settings(args), progress=True)
    result = index.search(args.question, audience=args.audience, lang=args.lang, k=args.k, mode=args.mode)
    verdict = "answered" if result.answered else "NO ANSWER (best match too weak)"
    print(f"{verdict}: confidence {result.confidence:.3f} (gate: {index.meta.gate.describe()}), "
          f"best dense {result.best_score:.3f}, lexical {result.best_lexical:.3f}\n")
    for rank, hit in enumerate(result.hits, start=1):
        flag = "" if hit.verified else "  [UNCONFIRMED]"
        print(f"{rank}. {hit.title}  ({hit.id}, {hit.kind}, {hit.audience}, {hit.lang}, score {hit.score:.4f}){flag}")
        print(textwrap.indent(textwrap.fill(_excerpt(hit.text), width=100), "   "))
        where = f", {hit.location}" if hit.location else ""
        print(f"   source: {hit.source_title} <{hit.source}>{where}\n")
    return 0


def _excerpt(text: str, words: int = 60) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def cmd_validate(args: argparse.Namespace) -> int:
    settings = load_settings()
    files = [Path(p) for p in args.paths] if args.paths else entry_files(settings.entries_dir)
    missing = [f for f in files if not f.is_file()]
    if missing:
        print("\n".join(f"error: {f}: file not found" for f in missing), file=sys.stderr)
        return 2
    report = validate_files(files)
    errors = list(report.errors)
    if not args.paths:
        errors += _eval_problems(settings, {e.id for e in report.entries})
    for warning in report.warnings:
        print(f"warning: {warning}")
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    print(f"{len(files)} file(s), {len(report.entries)} valid entries, {len(errors)} error(s), "
          f"{len(report.warnings)} warning(s)")
    return 1 if errors else 0


def _eval_problems(settings: Settings, ids: set[str]) -> list[str]:
    try:
        questions, _ = load_eval_set(settings.eval_dir)
    except EvalSetError as exc:
        return [str(exc)]
    unknown = sorted({i for q in questions for i in q.ids if i not in ids})
    return [f"questions.yml: unknown entry id '{i}'" for i in unknown]


def cmd_plain(args: argparse.Namespace) -> int:
    from knowledge.curated import load_entries
    from knowledge.plain import failures, figures, format_figures

    result = figures(load_entries(load_settings().entries_dir), lang="nl")
    print("plain language (nl bodies; thresholds in knowledge/plain_language.yml)")
    print(format_figures(result))
    problems = failures(result)
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    return 1 if problems else 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m knowledge", description="Wegwijs knowledge index")
    sub = top.add_subparsers(dest="command", required=True)

    def with_backend(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--backend", choices=BACKENDS, help="embeddings backend (default: WEGWIJS_EMBEDDINGS)")
        return p

    build = with_backend(sub.add_parser("build", help="build or refresh the index (no-op when up to date)"))
    build.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    build.set_defaults(func=cmd_build)

    ingest = with_backend(sub.add_parser("ingest", help="add documents (txt, md, pdf) and rebuild the index"))
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    ingest.set_defaults(func=cmd_ingest)

    ev = with_backend(sub.add_parser("eval", help="retrieval eval on knowledge/eval/questions.yml"))
    ev.add_argument("--rebuild", action="store_true", help="also time a fresh index build")
    ev.add_argument("--json", help="report path (default var/reports/retrieval.json)")
    ev.add_argument("--check", action="store_true",
                    help=f"exit 1 unless hybrid recall@3 >= {HYBRID_MIN_RECALL3} and >= dense and lexical")
    ev.set_defaults(func=cmd_eval)

    search = with_backend(sub.add_parser("search", help="search the index and print hits with sources"))
    search.add_argument("question")
    search.add_argument("--audience", choices=sorted(AUDIENCE_FILTER), help="default: everything")
    search.add_argument("--lang", choices=("nl", "en"), default="nl")
    search.add_argument("-k", type=int, default=5, help="number of hits (default 5)")
    search.add_argument("--mode", choices=("hybrid", "dense", "lexical"), default="hybrid")
    search.set_defaults(func=cmd_search)

    validate = sub.add_parser("validate", help="check the knowledge files (and eval ids)")
    validate.add_argument("paths", nargs="*", metavar="FILE", help="default: knowledge/entries/*.yml")
    validate.set_defaults(func=cmd_validate)

    plain = sub.add_parser("plain", help="plain-language figures per audience; exit 1 above the thresholds")
    plain.set_defaults(func=cmd_plain)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (UnsupportedDocument, EvalSetError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (ValidationError, EmbeddingError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
