"""Thai text search helpers: word segmentation with PyThaiNLP (newmm, no downloads)."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD_RE = re.compile(r"[\wก-๙]")
_THAI_RE = re.compile(r"[ก-๙]")


@lru_cache(maxsize=4096)
def _segment(text: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(text, engine="newmm", keep_whitespace=False))


def tokens(text: str, *, limit: int = 12) -> list[str]:
    """Search words of a query: Thai runs are segmented into words, other words split on spaces.

    ``"ผลผลิตข้าว สกลนคร"`` → ``["ผลผลิต", "ข้าว", "สกลนคร"]``. Duplicates and punctuation drop out.
    """
    result: dict[str, None] = {}
    for part in (text or "").split():
        words = _segment(part) if _THAI_RE.search(part) else (part,)
        for word in words:
            word = word.strip().lower()
            if word and _WORD_RE.search(word):
                result[word] = None
                if len(result) >= limit:
                    return list(result)
    return list(result)


def index_text(*parts: str) -> str:
    """Space-separated segmented words of ``parts`` (stored for catalog search)."""
    words: list[str] = []
    for part in parts:
        if part:
            words.extend(tokens(part, limit=10_000))
    return " " + " ".join(words) + " "


def like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# ---------------------------------------------------------------- datastore text search (PostgreSQL)
# Rows carry a ``tsvector`` of their segmented words, written as a literal (so the database's
# parser and locale play no part); ``q`` becomes a tsquery of word prefixes over the same words.

INDEX_CHARS = 5000  # characters of a cell that are segmented for search
MAX_WORD = 200
_PART_RE = re.compile(r"\w+")


def _quote(word: str) -> str:
    return "'" + word[:MAX_WORD].replace("\\", "\\\\").replace("'", "''") + "'"


def cell_lexemes(text: str) -> str:
    """The quoted, space-separated search words of one cell (part of a tsvector literal);
    words of other scripts also contribute their alphanumeric parts (``abc-123`` → abc, 123)."""
    words: dict[str, None] = {}
    for word in tokens(text[:INDEX_CHARS], limit=2000):
        words[word] = None
        if not _THAI_RE.search(word):
            for part in _PART_RE.findall(word):
                words[part] = None
    return " ".join(_quote(w) for w in words)


def query_literal(words: list[str], *, prefix: bool = False) -> str:
    """A tsquery literal: every word must be a word of the row; with ``prefix`` the last one may
    be the start of one (``datastore_search`` retries that way when whole words find nothing:
    a prefix of a frequent word makes the index merge huge posting lists)."""
    last = len(words) - 1
    return " & ".join(_quote(w) + (":*" if prefix and i == last else "") for i, w in enumerate(words))
