"""Thai labels of choices, whatever the active language.

Choice labels are translatable (``gettext_lazy``), but some data is Thai by contract: the XLSX
import templates and what they accept, and values stored in the database. Those use these helpers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import translation


def thai(text: Any) -> str:
    """The Thai (source) text of a lazy translatable string."""
    with translation.override("th"):
        return str(text)


def thai_choices(choices: Iterable[tuple[Any, Any]]) -> list[tuple[Any, str]]:
    """``[(value, Thai label), ...]`` of a ``choices`` list."""
    with translation.override("th"):
        return [(value, str(label)) for value, label in choices]


def thai_labels(choices: Iterable[tuple[Any, Any]]) -> list[str]:
    return [label for _value, label in thai_choices(choices)]
