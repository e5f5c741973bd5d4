"""Thai labels of choices, whatever the active language; and the user's language for messages.

Choice labels are translatable (``gettext_lazy``), but some data is Thai by contract: the XLSX
import templates and what they accept, and values stored in the database. Those use ``thai*``.
Messages for people (errors) follow the active language: ``error_text`` and ``month_text``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils import translation
from django.utils.translation import get_language, gettext

from . import thai_calendar as tc


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


def error_text(exc: Exception) -> str:
    """The message of ``exc`` in the active language: a ``CalendarInputError`` carries its Thai
    msgid and parameters; any other exception is shown as it is."""
    if isinstance(exc, tc.CalendarInputError):
        return gettext(exc.template) % exc.params
    return str(exc)


def month_text(day: dt.date, style: str = "short") -> str:
    """``ต.ค. 2564`` / ``ตุลาคม 2564`` in Thai (as ``thai_calendar.month_label``); ``Oct 2021`` /
    ``October 2021`` in English (CE year, as the ``be_date`` filter does in English)."""
    if get_language() == "en":
        names = tc.MONTHS_EN_SHORT if style == "short" else tc.MONTHS_EN_LONG
        return f"{names[day.month - 1]} {day.year}"
    return tc.month_label(day, style)
