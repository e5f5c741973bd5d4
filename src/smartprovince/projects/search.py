"""Thai text search: names are segmented with PyThaiNLP into space-joined, lower-cased tokens stored
on the row; a query is segmented the same way and every token must appear (``contains``: both
sides are lower case, so no case folding is needed and PostgreSQL's trigram index on the column
serves it), which works on SQLite and PostgreSQL alike."""

from __future__ import annotations

import re
from functools import lru_cache

from django.db.models import Q, QuerySet

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _tokenizer():  # type: ignore[no-untyped-def]
    from pythainlp.tokenize import word_tokenize

    return word_tokenize


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (Thai segmented with newmm; spaces and punctuation dropped)."""
    words = _tokenizer()(text or "", engine="newmm", keep_whitespace=False)
    tokens = []
    for word in words:
        token = word.strip().lower()
        if token and any(ch.isalnum() for ch in token):
            tokens.append(token)
    return tokens


def search_text(*parts: str) -> str:
    """The stored search field: tokens of every part, space-joined and padded with spaces."""
    tokens: list[str] = []
    for part in parts:
        tokens.extend(tokenize(part))
    return " " + " ".join(tokens) + " " if tokens else ""


def apply_search(qs: QuerySet, query: str, field: str = "search_text") -> QuerySet:
    """Rows whose tokens contain every query token (prefix/substring matches allowed)."""
    tokens = tokenize(_SPACE.sub(" ", query or "").strip())
    if not tokens:
        return qs
    condition = Q()
    for token in dict.fromkeys(tokens):
        condition &= Q(**{f"{field}__contains": token})
    return qs.filter(condition)
