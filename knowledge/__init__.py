"""Wegwijs knowledge: curated entries, ingested documents and the hybrid retrieval index.

Entry points: :func:`knowledge.service.load_index` for the bot and ``python -m knowledge`` for
the command line. Submodules are imported lazily so ``import knowledge`` stays cheap.
"""
