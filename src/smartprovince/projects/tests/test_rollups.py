"""Pure roll-ups and rules, table-driven, no database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from smartprovince.projects.evidence import sniff
from smartprovince.projects.rollups import ProjectFacts, percent, rollup, weighted_progress
from smartprovince.projects.rules import editor_may_change_status, expected_report_months, report_due_date
from smartprovince.projects.search import search_text, tokenize


@pytest.mark.parametrize(("month", "day", "expected"), [
    (dt.date(2021, 10, 1), 5, dt.date(2021, 11, 5)),
    (dt.date(2021, 12, 1), 5, dt.date(2022, 1, 5)),
    (dt.date(2022, 1, 1), 31, dt.date(2022, 2, 28)),
    (dt.date(2022, 1, 1), 0, dt.date(2022, 2, 1)),
])
def test_report_due_date(month: dt.date, day: int, expected: dt.date) -> None:
    assert report_due_date(month, day) == expected


def test_expected_months_only_past_due_and_inside_span() -> None:
    months = expected_report_months(
        start=dt.date(2021, 11, 15), end=dt.date(2022, 3, 10), period_start=dt.date(2021, 10, 1),
        period_end=dt.date(2022, 9, 30), as_of=dt.date(2022, 2, 6),
    )
    # Nov (due 5 Dec), Dec (due 5 Jan), Jan (due 5 Feb, passed on 6 Feb); Feb not yet due.
    assert months == [dt.date(2021, 11, 1), dt.date(2021, 12, 1), dt.date(2022, 1, 1)]
    assert expected_report_months(start=dt.date(2021, 11, 15), end=dt.date(2022, 3, 10), period_start=dt.date(2021, 10, 1),
                                  period_end=dt.date(2022, 9, 30), as_of=dt.date(2022, 2, 5)) == months[:2]


@pytest.mark.parametrize(("pairs", "expected"), [
    ([], None),
    ([(D("50"), D("100")), (D("100"), D("300"))], D("87.50")),  # (5000 + 30000) / 400
    ([(None, D("100")), (D("80"), D("100"))], D("40.00")),       # no report counts as 0
    ([(D("30"), D("0")), (D("60"), D("0"))], D("45.00")),        # no allocation: plain average
    ([(D("33.333"), D("1")), (D("33.333"), D("2"))], D("33.33")),
])
def test_weighted_progress(pairs: list, expected: D | None) -> None:
    assert weighted_progress(pairs) == expected


def test_rollup_exact_values() -> None:
    facts = [
        ProjectFacts(1, "in_progress", planned=D("1000000"), allocated=D("800000"), progress=D("50"), disbursed=D("200000"),
                     reports_due=6, reports_sent=5, reports_on_time=4),
        ProjectFacts(2, "completed", planned=D("500000"), allocated=D("200000"), progress=D("100"), disbursed=D("200000"),
                     reports_due=6, reports_sent=6, reports_on_time=6),
        ProjectFacts(3, "cancelled", planned=D("300000"), allocated=D("300000"), progress=D("10"), disbursed=D("0"),
                     reports_due=0),
        ProjectFacts(4, "draft"),
    ]
    r = rollup(facts)
    assert r.project_count == 4
    assert r.active_count == 2
    assert r.by_status == {"in_progress": 1, "completed": 1, "cancelled": 1, "draft": 1}
    assert r.allocated == D("1000000")
    assert r.planned == D("1500000")
    assert r.disbursed == D("400000")
    assert r.weighted_progress == D("60.00")  # (50*800k + 100*200k) / 1M
    assert r.disbursement_rate == D("40.00")
    assert (r.reports_due, r.reports_sent, r.reports_on_time) == (12, 11, 10)
    assert r.on_time_rate == D("83.33")
    assert r.reporting_rate == D("91.67")
    assert r.reports_missing == 1
    assert r.reports_late == 1


@pytest.mark.parametrize(("num", "den", "expected"), [(1, 3, D("33.33")), (2, 3, D("66.67")), (0, 0, None), (5, 5, D("100.00"))])
def test_percent(num: int, den: int, expected: D | None) -> None:
    assert percent(num, den) == expected


@pytest.mark.parametrize(("old", "new", "ok"), [
    ("draft", "in_progress", True), ("draft", "approved", False), ("in_progress", "completed", True),
    ("cancelled", "in_progress", False), ("completed", "in_progress", True), ("suspended", "completed", False),
])
def test_editor_transitions(old: str, new: str, ok: bool) -> None:
    assert editor_may_change_status(old, new) is ok


@pytest.mark.parametrize(("head", "expected"), [
    (b"\xff\xd8\xff\xe0rest", "image/jpeg"), (b"\x89PNG\r\n\x1a\nxxxx", "image/png"), (b"%PDF-1.7\n", "application/pdf"),
    (b"GIF89a", None), (b"<html>", None), (b"PK\x03\x04", None),
])
def test_sniff(head: bytes, expected: str | None) -> None:
    found = sniff(head)
    assert (found[0] if found else None) == expected


def test_thai_tokens() -> None:
    stored = search_text("โครงการส่งเสริมเกษตรอัจฉริยะ")
    assert "อัจฉริยะ" in tokenize("โครงการเกษตรอัจฉริยะ")
    assert all(t in stored for t in tokenize("เกษตรอัจฉริยะ"))
    assert search_text("ระบบ CCTV อัจฉริยะ") == " ระบบ cctv อัจฉริยะ "
