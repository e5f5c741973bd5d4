"""The agency reporting-compliance table: exact counts, the cache following writes, visibility,
paging with a constant number of queries, and the export of every overdue report."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from smartprovince.agencies.models import Agency
from smartprovince.core.thai_calendar import fiscal_year_period, parse_period_key
from smartprovince.projects import services
from smartprovince.projects.models import ProgressReport
from smartprovince.projects.selectors import visible_agency_ids
from smartprovince.projects.selectors.compliance import compliance_table, ledgers
from smartprovince.projects.views.summary import ComplianceView

from .conftest import report_data

FY2565 = fiscal_year_period(2565)
AS_OF = dt.date(2026, 11, 29)  # every month of FY 2565 is overdue
MONTHS = [dt.date(2021, 10, 1) + dt.timedelta(days=31 * i) for i in range(12)]
MONTHS = [m.replace(day=1) for m in MONTHS]


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    cache.clear()


def _send(actor: Any, project: Any, month: dt.date, sent_on: dt.datetime | None = None) -> ProgressReport:
    report = services.report_submit(actor=actor, report=services.report_save(
        actor=actor, project=project, month=month, **report_data()))
    if sent_on is not None:  # sent back then: the first sending time decides lateness
        ProgressReport.objects.filter(pk=report.pk).update(first_submitted_at=sent_on)
    return report


@pytest.fixture
def tourism_project(tourism_editor: Any, strategy3: Any) -> Any:
    p = services.project_create(
        actor=tourism_editor, agency=Agency.objects.get(code="SKN-TOUR"), strategy=strategy3,
        name_th="โครงการท่องเที่ยววิถีไทกะเลิง", start_date=dt.date(2022, 4, 10), end_date=dt.date(2022, 9, 30),
        officer_name="นางทดสอบ ระบบ",
    )
    return services.project_set_status(actor=tourism_editor, project=p, status="in_progress")


@pytest.fixture
def sent(project: Any, agri_editor: Any) -> list[ProgressReport]:
    """SKN-AGRI sent October 2021 on time (3 Nov, due 5 Nov) and November 2021 late (today)."""
    bangkok = timezone.get_default_timezone()
    return [
        _send(agri_editor, project, MONTHS[0], dt.datetime(2021, 11, 5, 23, 30, tzinfo=bangkok)),
        _send(agri_editor, project, MONTHS[1]),
    ]


def test_counts_per_agency_lowest_on_time_rate_first(project: Any, tourism_project: Any,
                                                      sent: list[Any]) -> None:
    table = compliance_table(FY2565, as_of=AS_OF, agency_ids=None)
    rows = [(r.label, r.reports_due, r.reports_on_time, r.reports_late, r.reports_missing, r.on_time_rate)
            for r in table.rows]
    tourism = Agency.objects.get(code="SKN-TOUR").name_th
    agri = Agency.objects.get(code="SKN-AGRI").name_th
    # tourism runs April–September 2022 (6 months, none sent); agriculture the whole year
    assert rows == [(tourism, 6, 0, 0, 6, Decimal("0.00")), (agri, 12, 1, 1, 10, Decimal("8.33"))]
    total = table.total
    assert (total.reports_due, total.reports_on_time, total.reports_late, total.reports_missing) == (18, 1, 1, 16)


def test_a_report_due_date_passing_and_a_period_limit_the_months(project: Any, sent: list[Any]) -> None:
    # on 5 January 2022 only October and November 2021 were overdue (December's is due that day)
    table = compliance_table(FY2565, as_of=dt.date(2022, 1, 5), agency_ids=None)
    assert [(r.reports_due, r.reports_sent, r.reports_on_time) for r in table.rows] == [(2, 2, 1)]
    # the second quarter (January–March 2022): three months, none sent
    q2 = compliance_table(parse_period_key("2565-Q2"), as_of=AS_OF, agency_ids=None)
    assert [(r.reports_due, r.reports_sent, r.reports_missing) for r in q2.rows] == [(3, 0, 3)]


def test_the_cached_table_follows_every_write(project: Any, agri_editor: Any, sent: list[Any]) -> None:
    before = compliance_table(FY2565, as_of=AS_OF, agency_ids=None).rows[0]
    assert (before.reports_sent, before.reports_missing) == (2, 10)
    _send(agri_editor, project, MONTHS[2])
    after = compliance_table(FY2565, as_of=AS_OF, agency_ids=None).rows[0]
    assert (after.reports_sent, after.reports_late, after.reports_missing) == (3, 2, 9)


def test_ledgers_list_the_missing_late_and_on_time_months(project: Any, tourism_project: Any,
                                                         sent: list[Any]) -> None:
    agri = Agency.objects.get(code="SKN-AGRI")
    by_agency = ledgers(FY2565, as_of=AS_OF, agency_ids={agri.pk})
    assert list(by_agency) == [agri.pk]
    [ledger] = by_agency[agri.pk]
    assert ledger.on_time == [MONTHS[0]] and ledger.late == [MONTHS[1]]
    assert ledger.missing == MONTHS[2:]
    assert ledgers(FY2565, as_of=AS_OF, agency_ids=set()) == {}


def test_an_agency_sees_only_its_own_row(login: Any, agri_editor: Any, project: Any, tourism_project: Any,
                                         sent: list[Any]) -> None:
    allowed = visible_agency_ids(agri_editor)
    table = compliance_table(FY2565, as_of=AS_OF, agency_ids=allowed)
    assert [r.agency_id for r in table.rows] == [project.agency_id]
    body = login(agri_editor).get(reverse("projects:compliance"), {"period": "2565"}).content.decode()
    assert "โครงการท่องเที่ยววิถีไทกะเลิง" not in body and Agency.objects.get(code="SKN-TOUR").name_th not in body


def test_page_lists_missing_reports_of_its_agencies_in_constant_queries(
    login: Any, admin_user: Any, project: Any, tourism_project: Any, sent: list[Any], monkeypatch: Any
) -> None:
    monkeypatch.setattr(ComplianceView, "page_size", 1)
    client = login(admin_user)
    url = reverse("projects:compliance")
    client.get(url, {"period": "2565"})  # the table is cached from here on
    counts = []
    bodies = []
    for page in ("1", "2"):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url, {"period": "2565", "page": page})
        assert response.status_code == 200
        counts.append(len(ctx.captured_queries))
        bodies.append(response.content.decode())
    assert counts[0] == counts[1]
    assert tourism_project.code in bodies[0] and project.code not in bodies[0]
    assert project.code in bodies[1] and tourism_project.code not in bodies[1]
    assert "2 หน่วยงานมีรายงานถึงกำหนด 18 ฉบับ: ส่งตรงเวลา 1 ส่งล่าช้า 1 ยังไม่ส่ง 16" in bodies[0]


def test_export_lists_every_missing_and_late_report(login: Any, admin_user: Any, project: Any,
                                                   tourism_project: Any, sent: list[Any]) -> None:
    response = login(admin_user).get(reverse("projects:compliance"), {"period": "2565", "format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [row for row in sheet.iter_rows(values_only=True) if row and row[1] in (project.code, tourism_project.code)]
    states = sorted((code, state) for _, code, _, _, state in values)
    assert states.count((project.code, "ยังไม่ส่ง")) == 10
    assert states.count((project.code, "ส่งล่าช้า")) == 1
    assert states.count((tourism_project.code, "ยังไม่ส่ง")) == 6
    assert len(values) == 17
