"""Thai calendar: Buddhist Era years, fiscal years (Oct–Sep), quarters, months, labels, parsing.

Pure functions on plain ``date`` values. Dates are stored in CE; BE appears only at the edges
(display, input parsing, file names). Fiscal year N (BE) runs 1 Oct of CE year N-544 to
30 Sep of CE year N-543, e.g. FY 2565 = 1 Oct 2021 – 30 Sep 2022. This module is the only
place that knows these rules.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal


def gettext_noop(message: str) -> str:
    """Marks a msgid for makemessages (same name as Django's) without importing Django: this module
    stays pure and works without settings."""
    return message


BE_OFFSET = 543

MONTHS_SHORT = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
MONTHS_LONG = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_EN_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_EN_LONG = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_FROM_THAI = str.maketrans(THAI_DIGITS, "0123456789")

PeriodKind = Literal["month", "quarter", "year"]


class CalendarInputError(ValueError):
    """A date or period the user typed cannot be read. ``str()`` is the Thai message (as always);
    ``template`` (a Thai msgid marked with ``gettext_noop``) and ``params`` let an interface show it
    in the user's language (``core.i18n.error_text``) without this module depending on a request."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template % params)


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    return be - BE_OFFSET


def to_thai_digits(text: str) -> str:
    return str(text).translate(_TO_THAI)


def from_thai_digits(text: str) -> str:
    return str(text).translate(_FROM_THAI)


def fiscal_year_be(day: dt.date) -> int:
    """The BE fiscal year a date falls in (FY runs 1 Oct – 30 Sep, named by its ending year)."""
    return day.year + BE_OFFSET + (1 if day.month >= 10 else 0)


def fiscal_year_range(fy_be: int) -> tuple[dt.date, dt.date]:
    end_ce = ce_year(fy_be)
    return dt.date(end_ce - 1, 10, 1), dt.date(end_ce, 9, 30)


def fiscal_quarter(day: dt.date) -> int:
    """Quarter 1–4 of the fiscal year: Q1 = ต.ค.–ธ.ค., Q2 = ม.ค.–มี.ค., Q3 = เม.ย.–มิ.ย., Q4 = ก.ค.–ก.ย."""
    return ((day.month - 10) % 12) // 3 + 1


def quarter_range(fy_be: int, quarter: int) -> tuple[dt.date, dt.date]:
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1–4, got {quarter}")
    start_fy, _ = fiscal_year_range(fy_be)
    first_month_index = (quarter - 1) * 3  # months since October
    start = _add_months(start_fy, first_month_index)
    end_month_start = _add_months(start_fy, first_month_index + 2)
    return start, month_end(end_month_start)


def fiscal_month_index(day: dt.date) -> int:
    """1 for October … 12 for September."""
    return (day.month - 10) % 12 + 1


def months_of_fiscal_year(fy_be: int) -> list[dt.date]:
    """First day of each month of the fiscal year, October first."""
    start, _ = fiscal_year_range(fy_be)
    return [_add_months(start, i) for i in range(12)]


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    return dt.date(year, month0 + 1, 1)


def add_months(day: dt.date, months: int) -> dt.date:
    """First day of the month ``months`` after ``day``'s month."""
    return _add_months(day, months)


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: a month, a fiscal quarter or a fiscal year.

    ``key`` is stable and sortable: ``2565``, ``2565-Q2``, ``2565-M04`` (fiscal month 4 = January).
    """

    start: dt.date
    end: dt.date
    kind: PeriodKind
    fiscal_year_be: int
    number: int  # quarter 1–4 or fiscal month 1–12; 0 for a year

    @property
    def key(self) -> str:
        if self.kind == "year":
            return str(self.fiscal_year_be)
        if self.kind == "quarter":
            return f"{self.fiscal_year_be}-Q{self.number}"
        return f"{self.fiscal_year_be}-M{self.number:02d}"

    @property
    def label(self) -> str:
        return period_label(self)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def fraction_of_year(self) -> float:
        """Share of the fiscal year elapsed at the end of this period (for pro-rating targets)."""
        if self.kind == "year":
            return 1.0
        if self.kind == "quarter":
            return self.number / 4
        return self.number / 12


def fiscal_year_period(fy_be: int) -> Period:
    start, end = fiscal_year_range(fy_be)
    return Period(start, end, "year", fy_be, 0)


def quarter_period(fy_be: int, quarter: int) -> Period:
    start, end = quarter_range(fy_be, quarter)
    return Period(start, end, "quarter", fy_be, quarter)


def month_period(day: dt.date) -> Period:
    start = month_start(day)
    return Period(start, month_end(start), "month", fiscal_year_be(start), fiscal_month_index(start))


def parse_period_key(key: str) -> Period:
    """Inverse of ``Period.key``; raises ``ValueError`` with a Thai message on bad input."""
    text = from_thai_digits(key.strip())
    m = re.fullmatch(r"(\d{4})(?:-(Q([1-4])|M(\d{2})))?", text)
    if not m:
        raise CalendarInputError(gettext_noop("รูปแบบงวดไม่ถูกต้อง: %(key)r (ตัวอย่าง 2565, 2565-Q2, 2565-M04)"), key=key)
    fy = int(m.group(1))
    if fy < 2400:
        raise CalendarInputError(gettext_noop("ปีงบประมาณต้องเป็นปี พ.ศ.: %(key)r"), key=key)
    if m.group(3):
        return quarter_period(fy, int(m.group(3)))
    if m.group(4):
        n = int(m.group(4))
        if not 1 <= n <= 12:
            raise CalendarInputError(gettext_noop("เดือนของปีงบประมาณต้องอยู่ระหว่าง 01–12: %(key)r"), key=key)
        return month_period(months_of_fiscal_year(fy)[n - 1])
    return fiscal_year_period(fy)


def current_fiscal_year_be(today: dt.date) -> int:
    return fiscal_year_be(today)


# ---------------------------------------------------------------- labels


def format_date(day: dt.date | None, style: str = "short", thai_digits: bool = False) -> str:
    """``short`` 1 ต.ค. 2564 · ``long`` 1 ตุลาคม 2564 · ``formal`` วันที่ 1 ตุลาคม พ.ศ. 2564 ·
    ``2digit`` 1 ต.ค. 64 · ``numeric`` 01/10/2564."""
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        day = day.date()
    year = be_year(day.year)
    if style == "short":
        text = f"{day.day} {MONTHS_SHORT[day.month - 1]} {year}"
    elif style == "long":
        text = f"{day.day} {MONTHS_LONG[day.month - 1]} {year}"
    elif style == "formal":
        text = f"วันที่ {day.day} {MONTHS_LONG[day.month - 1]} พ.ศ. {year}"
    elif style == "2digit":
        text = f"{day.day} {MONTHS_SHORT[day.month - 1]} {year % 100:02d}"
    elif style == "numeric":
        text = f"{day.day:02d}/{day.month:02d}/{year}"
    else:
        raise ValueError(f"unknown date style {style!r}")
    return to_thai_digits(text) if thai_digits else text


def format_datetime(moment: dt.datetime | None, thai_digits: bool = False) -> str:
    if moment is None:
        return ""
    text = f"{format_date(moment.date())} {moment:%H:%M} น."
    return to_thai_digits(text) if thai_digits else text


def month_label(day: dt.date, style: str = "short") -> str:
    names = MONTHS_SHORT if style == "short" else MONTHS_LONG
    return f"{names[day.month - 1]} {be_year(day.year)}"


def fiscal_year_label(fy_be: int) -> str:
    return f"ปีงบประมาณ พ.ศ. {fy_be}"


def quarter_label(fy_be: int, quarter: int) -> str:
    """``ไตรมาสที่ 2 (1 ม.ค. 66 - 31 มี.ค. 66)``."""
    start, end = quarter_range(fy_be, quarter)
    return f"ไตรมาสที่ {quarter} ({format_date(start, '2digit')} - {format_date(end, '2digit')})"


def cumulative_round_label(quarter: int) -> str:
    """Cumulative reporting rounds: ``รอบ 3 เดือน`` … ``รอบ 12 เดือน``."""
    return f"รอบ {quarter * 3} เดือน"


def period_label(period: Period) -> str:
    if period.kind == "year":
        return fiscal_year_label(period.fiscal_year_be)
    if period.kind == "quarter":
        return f"{quarter_label(period.fiscal_year_be, period.number)} {fiscal_year_label(period.fiscal_year_be)}"
    return month_label(period.start, "long")


# ---------------------------------------------------------------- parsing

_MONTH_LOOKUP: dict[str, int] = {}
for _i, (_s, _l) in enumerate(zip(MONTHS_SHORT, MONTHS_LONG, strict=True), start=1):
    _MONTH_LOOKUP[_s] = _i
    _MONTH_LOOKUP[_s.replace(".", "")] = _i
    _MONTH_LOOKUP[_l] = _i
for _i, _s in enumerate(MONTHS_EN_SHORT, start=1):
    _MONTH_LOOKUP[_s.lower()] = _i


def normalize_year(year: int) -> int:
    """A CE year from a typed year: > 2400 is BE; two digits are BE (``65`` → 2565)."""
    if year > 2400:
        return year - BE_OFFSET
    if year < 100:
        return year + 2500 - BE_OFFSET
    return year


def parse_date(text: str) -> dt.date:
    """Parse a date typed by a Thai user.

    Accepts ``15/07/2565``, ``15-07-2565``, ``15 ก.ค. 2565``, ``15 กรกฎาคม พ.ศ. 2565``, ISO
    ``2022-07-15`` (CE) and Thai digits. A year above 2400 is BE. Raises ``ValueError`` with a
    Thai message.
    """
    raw = from_thai_digits(str(text)).strip()
    cleaned = re.sub(r"^วันที่\s*", "", raw)
    cleaned = re.sub(r"\s*พ\.ศ\.\s*", " ", cleaned).strip()
    try:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", cleaned)
        if m:
            return dt.date(normalize_year(int(m.group(1))), int(m.group(2)), int(m.group(3)))
        m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", cleaned)
        if m:
            return dt.date(normalize_year(int(m.group(3))), int(m.group(2)), int(m.group(1)))
        m = re.fullmatch(r"(\d{1,2})\s*([^\d\s]+)\s*(\d{2}|\d{4})", cleaned)
        if m:
            month = _MONTH_LOOKUP.get(m.group(2).strip().lower()) or _MONTH_LOOKUP.get(
                m.group(2).replace(" ", "")
            )
            if month:
                return dt.date(normalize_year(int(m.group(3))), month, int(m.group(1)))
    except ValueError:
        raise CalendarInputError(gettext_noop("ไม่มีวันที่นี้ในปฏิทิน: %(text)s"), text=text) from None
    raise CalendarInputError(gettext_noop("อ่านวันที่ไม่ได้: %(text)r (ตัวอย่าง 15/07/2565 หรือ 15 ก.ค. 2565)"), text=text)
