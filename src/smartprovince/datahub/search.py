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
    result: list[str] = []
    for part in (text or "").split():
        words = _segment(part) if _THAI_RE.search(part) else (part,)
        for word in words:
            word = word.strip().lower()
            if word and _WORD_RE.search(word) and word not in result:
                result.append(word)
    return result[:limit]


def index_text(*parts: str) -> str:
    """Space-separated segmented words of ``parts`` (stored for catalog search)."""
    words: list[str] = []
    for part in parts:
        if part:
            words.extend(tokens(part, limit=10_000))
    return " " + " ".join(words) + " "


def like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
