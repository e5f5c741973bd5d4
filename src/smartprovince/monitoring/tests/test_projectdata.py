from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from typing import Any

import pytest

from smartprovince.core.thai_calendar import fiscal_year_period, parse_period_key
from smartprovince.monitoring.projectdata import months_due, project_facts, report_due_date, totals
from smartprovince.monitoring.registry import metric_compute
from smartprovince.monitoring.selectors.overview import round_period


@pytest.mark.parametrize(
    ("month", "due"),
    [(dt.date(2021, 10, 1), dt.date(2021, 11, 5)), (dt.date(2022, 1, 1), dt.date(2022, 2, 5))],
)
def test_report_due_date(month: dt.date, due: dt.date) -> None:
    assert report_due_date(month) == due


def test_months_due_is_the_count_of_months_whose_due_date_passed() -> None:
    from smartprovince.core.thai_calendar import add_months, month_start

    def by_month(start: dt.date, end: dt.date, period: Any, as_of: dt.date) -> int:
        current, hi, count = max(month_start(start), month_start(period.start)), min(end, period.end), 0
        while current <= hi:
            count += report_due_date(current) < as_of
            current = add_months(current, 1)
        return count

    periods = [parse_period_key(k) for k in ("2565", "2565-Q1", "2565-Q3", "2565-M02", "2564-Q4")]
    starts = [dt.date(2020, 11, 20), dt.date(2021, 10, 1), dt.date(2021, 12, 31), dt.date(2022, 5, 6)]
    ends = [dt.date(2021, 9, 30), dt.date(2022, 1, 4), dt.date(2022, 9, 30), dt.date(2023, 3, 1)]
    days = [dt.date(2021, 10, 5), dt.date(2021, 10, 6), dt.date(2022, 2, 5), dt.date(2022, 2, 6), dt.date(2022, 3, 1),
            dt.date(2023, 1, 1)]
    for period in periods:
        for start in starts:
            for end in ends:
                for as_of in days:
                    assert months_due(start, end, period, as_of) == by_month(start, end, period, as_of), (
                        period, start, end, as_of)


def test_months_due_counts_only_passed_due_dates() -> None:
    q1 = parse_period_key("2565-Q1")
    # as of 6 Dec 2021: Oct (due 5 Nov) and Nov (due 5 Dec) are due, Dec is not
    assert months_due(dt.date(2021, 10, 1), dt.date(2022, 9, 30), q1, dt.date(2021, 12, 6)) == 2
    assert months_due(dt.date(2021, 10, 1), dt.date(2022, 9, 30), q1, dt.date(2022, 3, 1)) == 3
    assert months_due(dt.date(2021, 12, 15), dt.date(2022, 9, 30), q1, dt.date(2022, 3, 1)) == 1


def test_project_facts_and_totals(fy2565_projects: dict[str, Any], django_assert_max_num_queries: Any) -> None:
    period = round_period(parse_period_key("2565-Q1"))
    with django_assert_max_num_queries(2):
        facts = project_facts(period, as_of=dt.date(2022, 3, 1))
    by_code = {f.code: f for f in facts}
    p1, p2 = by_code["T-AGRI-1"], by_code["T-TOUR-1"]
    assert (p1.progress, p1.disbursed, p1.allocated, p1.reports_due, p1.reports_on_time, p1.reports_sent) == (
        D("40.00"), D("30000.00"), D("100000.00"), 3, 2, 3,
    )
    assert (p2.progress, p2.reports_due, p2.reports_on_time, p2.schedule) == (D("20.00"), 3, 1, "delayed")
    t = totals(facts)
    assert (t.projects, t.active, t.allocated, t.disbursed) == (3, 2, D("400000.00"), D("90000.00"))
    assert t.disbursement_rate == D("22.50")
    # budget-weighted: (40×100k + 20×300k) / 400k = 25
    assert t.progress == D("25.00")
    assert (t.reports_due, t.reports_on_time) == (6, 3)
    assert t.on_time_rate == D("50.00")
    assert [f.code for f in facts if f.is_late(dt.date(2022, 3, 1))] == ["T-TOUR-1"]


def test_project_metrics_are_registered_and_open_their_rows(fy2565_projects: dict[str, Any]) -> None:
    result = metric_compute("monitoring.budget_disbursement_rate", fiscal_year_period(2565))
    assert result is not None
    assert (result.value, result.numerator, result.denominator) == (D("22.50"), D("90000.00"), D("400000.00"))
    assert sorted(r["code"] for r in result.rows) == ["T-AGRI-1", "T-TOUR-1"]
    progress = metric_compute("monitoring.project_progress", fiscal_year_period(2565))
    assert progress is not None and progress.value == D("25.00")
    assert metric_compute("nothing.registered", fiscal_year_period(2565)) is None
