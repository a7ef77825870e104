"""The evaluator's interview coding: a SQLite store the product owns (see codering.store)."""

from codering.store import CodeError, CodingStore

__all__ = ["CodeError", "CodingStore"]
