"""Boundary table for the Thai calendar (pure, no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from smartprovince.core import thai_calendar as tc

D = dt.date


@pytest.mark.parametrize(
    ("day", "fy"),
    [
        (D(2021, 9, 30), 2564),
        (D(2021, 10, 1), 2565),
        (D(2021, 12, 31), 2565),
        (D(2022, 1, 1), 2565),
        (D(2022, 9, 30), 2565),
        (D(2022, 10, 1), 2566),
        (D(2020, 2, 29), 2563),
        (D(2019, 10, 1), 2563),
    ],
)
def test_fiscal_year(day: dt.date, fy: int) -> None:
    assert tc.fiscal_year_be(day) == fy


@pytest.mark.parametrize(
    ("fy", "start", "end"),
    [(2565, D(2021, 10, 1), D(2022, 9, 30)), (2563, D(2019, 10, 1), D(2020, 9, 30))],
)
def test_fiscal_year_range(fy: int, start: dt.date, end: dt.date) -> None:
    assert tc.fiscal_year_range(fy) == (start, end)


@pytest.mark.parametrize(
    ("fy", "q", "start", "end"),
    [
        (2565, 1, D(2021, 10, 1), D(2021, 12, 31)),
        (2565, 2, D(2022, 1, 1), D(2022, 3, 31)),
        (2565, 3, D(2022, 4, 1), D(2022, 6, 30)),
        (2565, 4, D(2022, 7, 1), D(2022, 9, 30)),
        (2563, 2, D(2020, 1, 1), D(2020, 3, 31)),
    ],
)
def test_quarter_range(fy: int, q: int, start: dt.date, end: dt.date) -> None:
    assert tc.quarter_range(fy, q) == (start, end)


@pytest.mark.parametrize(
    ("day", "q"),
    [(D(2021, 10, 1), 1), (D(2021, 12, 31), 1), (D(2022, 1, 1), 2), (D(2022, 3, 31), 2), (D(2022, 4, 1), 3), (D(2022, 9, 30), 4)],
)
def test_fiscal_quarter(day: dt.date, q: int) -> None:
    assert tc.fiscal_quarter(day) == q


def test_quarter_labels() -> None:
    assert tc.quarter_label(2566, 2) == "ไตรมาสที่ 2 (1 ม.ค. 66 - 31 มี.ค. 66)"
    assert tc.quarter_label(2565, 1) == "ไตรมาสที่ 1 (1 ต.ค. 64 - 31 ธ.ค. 64)"
    assert tc.cumulative_round_label(2) == "รอบ 6 เดือน"
    with pytest.raises(ValueError):
        tc.quarter_range(2565, 5)


@pytest.mark.parametrize("ce", [1, 1957, 2000, 2021, 2024, 2100])
def test_be_ce_round_trip(ce: int) -> None:
    assert tc.ce_year(tc.be_year(ce)) == ce
    assert tc.be_year(ce) == ce + 543


@pytest.mark.parametrize(
    ("day", "style", "text"),
    [
        (D(2021, 10, 1), "short", "1 ต.ค. 2564"),
        (D(2021, 10, 1), "long", "1 ตุลาคม 2564"),
        (D(2021, 10, 1), "formal", "วันที่ 1 ตุลาคม พ.ศ. 2564"),
        (D(2021, 10, 1), "2digit", "1 ต.ค. 64"),
        (D(2024, 2, 29), "numeric", "29/02/2567"),
        (D(2024, 2, 29), "short", "29 ก.พ. 2567"),
    ],
)
def test_format_date(day: dt.date, style: str, text: str) -> None:
    assert tc.format_date(day, style) == text


def test_thai_digits() -> None:
    assert tc.format_date(D(2024, 10, 1), "short", thai_digits=True) == "๑ ต.ค. ๒๕๖๗"
    assert tc.from_thai_digits("๒๕๖๕") == "2565"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("15/07/2565", D(2022, 7, 15)),
        ("15-07-2565", D(2022, 7, 15)),
        ("15 ก.ค. 2565", D(2022, 7, 15)),
        ("15 กรกฎาคม 2565", D(2022, 7, 15)),
        ("วันที่ 15 กรกฎาคม พ.ศ. 2565", D(2022, 7, 15)),
        ("๑๕/๐๗/๒๕๖๕", D(2022, 7, 15)),
        ("29/02/2567", D(2024, 2, 29)),
        ("2022-07-15", D(2022, 7, 15)),
        ("1 ต.ค. 64", D(2021, 10, 1)),
    ],
)
def test_parse_date(text: str, day: dt.date) -> None:
    assert tc.parse_date(text) == day


@pytest.mark.parametrize("text", ["29/02/2566", "31/04/2565", "hello", "15/13/2565", ""])
def test_parse_date_rejects_with_thai_message(text: str) -> None:
    with pytest.raises(ValueError) as err:
        tc.parse_date(text)
    assert "วันที่" in str(err.value)


def test_months_of_fiscal_year() -> None:
    months = tc.months_of_fiscal_year(2565)
    assert months[0] == D(2021, 10, 1) and months[3] == D(2022, 1, 1) and months[-1] == D(2022, 9, 1)
    assert len(months) == 12


def test_periods_and_keys() -> None:
    q2 = tc.quarter_period(2565, 2)
    assert q2.key == "2565-Q2" and q2.start == D(2022, 1, 1) and q2.end == D(2022, 3, 31)
    assert tc.parse_period_key("2565-Q2") == q2
    jan = tc.month_period(D(2022, 1, 17))
    assert jan.key == "2565-M04" and jan.end == D(2022, 1, 31)
    assert tc.parse_period_key("2565-M04") == jan
    assert tc.parse_period_key("2565") == tc.fiscal_year_period(2565)
    assert q2.fraction_of_year == 0.5
    feb_leap = tc.month_period(D(2024, 2, 1))
    assert feb_leap.end == D(2024, 2, 29)
    for bad in ("65", "2565-Q5", "2565-M13", "x"):
        with pytest.raises(ValueError):
            tc.parse_period_key(bad)
