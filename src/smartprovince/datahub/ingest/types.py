"""Column type inference over a whole column and cell normalisation (pure, no DB).

Types: integer, decimal, date (ISO, d/m/y with BE or CE years, Thai month names), boolean,
text. Thai digits are read as digits; thousands separators are accepted. A column whose
numbers carry leading zeros (codes such as ``0042``) stays text so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import re

from smartprovince.core.thai_calendar import MONTHS_LONG, MONTHS_SHORT

INTEGER, DECIMAL, DATE, BOOLEAN, TEXT = "integer", "decimal", "date", "boolean", "text"
TYPE_ORDER = (INTEGER, DECIMAL, DATE, BOOLEAN)

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_INT_RE = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)")
_DEC_RE = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?\.\d+|[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)\.?")
_DMY_RE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_MONTHS = {m: i for i, m in enumerate(MONTHS_SHORT, 1)} | {m.replace(".", ""): i for i, m in enumerate(MONTHS_SHORT, 1)}
_MONTHS |= {m: i for i, m in enumerate(MONTHS_LONG, 1)}
_THAI_DATE_RE = re.compile(r"(\d{1,2})\s*([ก-๛.]+?)\s*(?:พ\.ศ\.\s*)?(\d{4})")
TRUE_WORDS = frozenset({"true", "yes", "จริง", "ใช่", "มี"})
FALSE_WORDS = frozenset({"false", "no", "เท็จ", "ไม่ใช่", "ไม่มี"})
MAX_INT_DIGITS = 18


def normalize(cell: str) -> str:
    """Trim and turn Thai digits into Arabic digits (used for typing only)."""
    return cell.strip().translate(_THAI_DIGITS)


def _year_ce(year: int) -> int:
    return year - 543 if year > 2400 else year


def parse_date(text: str) -> dt.date | None:
    """A date from ISO (CE), d/m/yyyy (BE when > 2400) or ``15 ก.ค. 2565``; ``None`` if not a date."""
    m = _ISO_RE.fullmatch(text)
    try:
        if m:
            return dt.date(_year_ce(int(m.group(1))), int(m.group(2)), int(m.group(3)))
        m = _DMY_RE.fullmatch(text)
        if m:
            return dt.date(_year_ce(int(m.group(3))), int(m.group(2)), int(m.group(1)))
        m = _THAI_DATE_RE.fullmatch(text)
        if m:
            month = _MONTHS.get(m.group(2)) or _MONTHS.get(m.group(2).replace(".", ""))
            if month:
                return dt.date(_year_ce(int(m.group(3))), month, int(m.group(1)))
    except ValueError:
        return None
    return None


def matches(value: str, type_: str) -> bool:
    """Does a normalised, non-empty value fit ``type_``?"""
    if type_ == INTEGER:
        if not _INT_RE.fullmatch(value):
            return False
        digits = value.lstrip("+-").replace(",", "")
        return len(digits) <= MAX_INT_DIGITS and not (len(digits) > 1 and digits[0] == "0")
    if type_ == DECIMAL:
        if not _DEC_RE.fullmatch(value):
            return False
        whole = value.lstrip("+-").split(".")[0].replace(",", "")
        return not (len(whole) > 1 and whole[0] == "0")
    if type_ == DATE:
        return parse_date(value) is not None
    if type_ == BOOLEAN:
        low = value.lower()
        return low in TRUE_WORDS or low in FALSE_WORDS
    return True


class ColumnTyper:
    """Keeps, for each column, the types every value seen so far fits.

    Values already seen for a column are remembered (bounded), so repeated codes, years and
    dates are checked once; a column settled as text is skipped."""

    CACHE = 50_000

    def __init__(self, width: int) -> None:
        self.candidates: list[list[str]] = [list(TYPE_ORDER) for _ in range(width)]
        self.non_empty = [0] * width
        self.seen: list[set[str]] = [set() for _ in range(width)]
        self.active = list(range(width))

    def feed(self, row: list[str]) -> None:
        settled = False
        for i in self.active:
            cell = row[i]
            if not cell:
                continue
            seen = self.seen[i]
            if cell in seen:
                self.non_empty[i] += 1
                continue
            value = cell.strip()
            if not value:
                continue
            self.non_empty[i] += 1
            cands = self.candidates[i]
            value = value.translate(_THAI_DIGITS)
            kept = [t for t in cands if matches(value, t)]  # every candidate, not only the first:
            if kept != cands:  # "5" then "1/1/2565" is text, not a date
                cands = self.candidates[i] = kept
                seen.clear()
                if not cands:
                    settled = True
                    continue
            if len(seen) < self.CACHE:
                seen.add(cell)
        if settled:
            self.active = [i for i in self.active if self.candidates[i] or self.non_empty[i] == 0]

    def types(self) -> list[str]:
        result = []
        for i, cands in enumerate(self.candidates):
            if self.non_empty[i] == 0 or not cands:
                result.append(TEXT)
            else:
                result.append(cands[0])
        return result


def convert(cell: str, type_: str) -> str | None:
    """The value as the datastore stores it (text form), ``None`` for an empty cell."""
    value = cell.strip()
    if not value:
        return None
    if type_ == TEXT:
        return cell
    value = value.translate(_THAI_DIGITS)
    if type_ in (INTEGER, DECIMAL):
        value = value.replace(",", "")
        if value.startswith("+"):
            value = value[1:]
        if value.endswith("."):
            value = value[:-1]
        return value
    if type_ == DATE:
        day = parse_date(value)
        return day.isoformat() if day else None
    if type_ == BOOLEAN:
        return "1" if value.lower() in TRUE_WORDS else "0"
    return cell


def python_value(value: str | None, type_: str) -> object:
    """A typed Python value from the stored text form (filters, SQLite reads)."""
    if value is None or value == "":
        return None
    from decimal import Decimal

    if type_ == INTEGER:
        return int(value)
    if type_ == DECIMAL:
        return Decimal(value)
    if type_ == DATE:
        return dt.date.fromisoformat(value)
    if type_ == BOOLEAN:
        return value in ("1", "t", "true", "True")
    return value
