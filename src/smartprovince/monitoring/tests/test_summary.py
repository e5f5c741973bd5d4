"""The dashboard's cached roll-ups: served from the cache on unchanged data, and every service
write of their inputs shows on the next request (a stale number is a defect)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from smartprovince.agencies import services as agency_services
from smartprovince.agencies.models import Agency
from smartprovince.monitoring import services
from smartprovince.projects import services as project_services
from smartprovince.projects.models import BudgetLine

from .factories import indicator

URL = reverse("monitoring:dashboard")


def dashboard(client: Any) -> Any:
    response = client.get(URL, {"fy": "2565"})
    assert response.status_code == 200
    return response.context["ov"]


def test_unchanged_data_is_served_from_the_cache(fy2565_projects: dict[str, Any], login: Any, executive: Any) -> None:
    client = login(executive)
    first = dashboard(client)
    with CaptureQueriesContext(connection) as ctx:
        second = dashboard(client)
    assert second.total == first.total and second.total.allocated == D("400000.00")
    tables = " ".join(q["sql"] for q in ctx.captured_queries)
    assert "projects_project" not in tables and "projects_progressreport" not in tables


def test_a_budget_change_shows_at_once(
    fy2565_projects: dict[str, Any], login: Any, executive: Any, admin_user: Any
) -> None:
    client = login(executive)
    assert dashboard(client).total.allocated == D("400000.00")
    p1 = fy2565_projects["p1"]
    line = BudgetLine.objects.get(project=p1, fiscal_year_be=2565)
    project_services.budget_line_save(
        actor=admin_user,
        project=p1,
        fiscal_year_be=2565,
        source=line.source,
        planned=D("200000"),
        allocated=D("200000"),
        line=line,
    )
    assert dashboard(client).total.allocated == D("500000.00")


def test_a_submitted_report_shows_at_once(
    fy2565_projects: dict[str, Any],
    login: Any,
    executive: Any,
    tourism_editor: Any,
) -> None:
    client = login(executive)
    assert dashboard(client).total.progress == D("25.00")  # (40 × 100,000 + 20 × 300,000) / 400,000
    report = project_services.report_save(
        actor=tourism_editor,
        project=fy2565_projects["p2"],
        month=dt.date(2021, 11, 1),
        progress_percent=D("60"),
        disbursed_cumulative=D("90000"),
        schedule_status="on_plan",
        work_done_th="ติดตั้งระบบ",
    )
    assert dashboard(client).total.progress == D("25.00")  # a draft is not sent
    project_services.report_submit(actor=tourism_editor, report=report)
    ov = dashboard(client)
    assert ov.total.progress == D("55.00")  # (40 × 100,000 + 60 × 300,000) / 400,000
    assert ov.total.disbursed == D("120000.00")


def test_a_target_change_shows_at_once(
    fy2565_projects: dict[str, Any], login: Any, executive: Any, admin_user: Any
) -> None:
    client = login(executive)
    ind = indicator("S4.K1")
    before = next(r for r in dashboard(client).indicators if r.indicator.pk == ind.pk)
    assert before.annual_target != D("77")
    services.target_set(actor=admin_user, indicator=ind, fiscal_year_be=2565, value="77")
    after = next(r for r in dashboard(client).indicators if r.indicator.pk == ind.pk)
    assert after.annual_target == D("77")


def test_thresholds_and_corrective_actions_show_at_once(
    fy2565_projects: dict[str, Any],
    login: Any,
    executive: Any,
    admin_user: Any,
) -> None:
    client = login(executive)
    ov = dashboard(client)
    late = [i for i in ov.needing if i["kind"] == "project"]
    assert [(i["fact"].code, i["has_action"]) for i in late] == [("T-TOUR-1", False)]
    services.corrective_action_create(
        actor=admin_user,
        project=fy2565_projects["p2"],
        owner_agency=Agency.objects.get(code="SKN-TOUR"),
        problem_th="ผู้รับจ้างส่งงานล่าช้า",
        action_th="เร่งรัดผู้รับจ้าง",
        due_date=dt.date(2022, 3, 31),
        fiscal_year_be=2565,
    )
    late = [i for i in dashboard(client).needing if i["kind"] == "project"]
    assert [(i["fact"].code, i["has_action"]) for i in late] == [("T-TOUR-1", True)]
    services.thresholds_update(actor=admin_user, on_track_percent="90", at_risk_percent="60")
    assert dashboard(client).thresholds.on_track == D("90")


def test_an_agency_rename_shows_at_once(
    fy2565_projects: dict[str, Any], login: Any, executive: Any, admin_user: Any
) -> None:
    client = login(executive)
    assert "สำนักงานทดสอบชื่อใหม่" not in {name for _, name, _ in dashboard(client).by_agency}
    agency_services.agency_update(
        actor=admin_user, agency=Agency.objects.get(code="SKN-TOUR"), name_th="สำนักงานทดสอบชื่อใหม่"
    )
    assert "สำนักงานทดสอบชื่อใหม่" in {name for _, name, _ in dashboard(client).by_agency}


@pytest.mark.parametrize("params", [{"fy": "2565", "q": "1"}, {"fy": "2565", "m": "3"}, {"fy": "2564"}])
def test_each_period_has_its_own_numbers(
    fy2565_projects: dict[str, Any], login: Any, executive: Any, params: dict[str, str]
) -> None:
    client = login(executive)
    dashboard(client)  # the fiscal year is cached first
    ov = client.get(URL, params).context["ov"]
    assert ov.period.key == {"1": "2565-Q1", "3": "2565-M03"}.get(params.get("q") or params.get("m", ""), params["fy"])
    expected = {"2564": D("0")}.get(params["fy"], D("400000.00"))
    assert ov.total.allocated == expected


def test_the_pdca_board_reads_the_same_cached_summary(
    fy2565_projects: dict[str, Any], login: Any, executive: Any, monkeypatch: Any
) -> None:
    from smartprovince.monitoring.selectors import summary

    client = login(executive)
    url = reverse("monitoring:pdca")
    first = client.get(url, {"fy": "2565"})
    assert first.status_code == 200
    late = [i["fact"].code for i in first.context["ov"].needing if i["kind"] == "project"]
    assert late == ["T-TOUR-1"] and first.context["ov"].late_total == 1
    assert b'data-testid="needing-more"' not in first.content
    with CaptureQueriesContext(connection) as ctx:
        second = client.get(url, {"fy": "2565"})
    tables = " ".join(q["sql"] for q in ctx.captured_queries)
    assert "projects_progressreport" not in tables and "projects_budgetline" not in tables
    assert second.context["ov"].needing_total == first.context["ov"].needing_total
    # Past the listed items the board says how many there are and links to the whole late list.
    monkeypatch.setattr(summary, "NEEDING_LIMIT", 0)
    monkeypatch.setattr(summary, "FORMAT", -1)  # another key: computed again with the smaller list
    third = client.get(url, {"fy": "2565"})
    total = third.context["ov"].needing_total
    assert third.context["ov"].needing == [] and total >= 1
    assert f"แสดง 0 จาก {total} รายการ" in third.content.decode()
    assert "late=1" in third.content.decode().split('data-testid="needing-more"')[1].split("</p>")[0]


def test_a_drill_down_follows_every_write_and_loads_only_its_page(
    fy2565_projects: dict[str, Any], login: Any, executive: Any, admin_user: Any
) -> None:
    client = login(executive)
    url = reverse("monitoring:drill-projects")
    strategy = fy2565_projects["p1"].strategy_id
    first = client.get(url, {"fy": "2565", "strategy": strategy})
    assert [f.code for f, _ in first.context["rows"]] == ["T-AGRI-1", "T-AGRI-2"]  # a draft is listed, not counted
    assert first.context["total"].allocated == D("100000.00")
    with CaptureQueriesContext(connection) as ctx:
        again = client.get(url, {"fy": "2565", "strategy": strategy})
    assert again.context["total"].allocated == D("100000.00")
    page_queries = [q["sql"] for q in ctx.captured_queries if "projects_progressreport" in q["sql"]]
    assert page_queries and all("IN (" in sql for sql in page_queries)  # only the listed page's projects
    p1 = fy2565_projects["p1"]
    line = BudgetLine.objects.get(project=p1, fiscal_year_be=2565)
    project_services.budget_line_save(
        actor=admin_user, project=p1, fiscal_year_be=2565, source=line.source,
        planned=D("150000"), allocated=D("150000"), line=line,
    )
    after = client.get(url, {"fy": "2565", "strategy": strategy})
    assert after.context["total"].allocated == D("150000.00")
    assert [f.allocated for f, _ in after.context["rows"]] == [D("150000.00"), D("50000.00")]


def test_the_pdca_board_counts_follow_every_write_and_stay_constant_in_queries(
    fy2565_projects: dict[str, Any], login: Any, executive: Any, admin_user: Any
) -> None:
    client = login(executive)
    url = reverse("monitoring:pdca")

    def counts() -> tuple[int, int]:
        ctx = client.get(url, {"fy": "2565"}).context
        return ctx["open_actions"], ctx["overdue_actions"]

    assert counts() == (0, 0)
    for due in (dt.date(2022, 3, 31), dt.date(2099, 3, 31)):  # one overdue, one not yet due
        services.corrective_action_create(
            actor=admin_user, project=fy2565_projects["p2"], owner_agency=Agency.objects.get(code="SKN-TOUR"),
            problem_th="ผู้รับจ้างส่งงานล่าช้า", action_th="เร่งรัดผู้รับจ้าง", due_date=due, fiscal_year_be=2565)
    assert counts() == (2, 1)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url, {"fy": "2565"})
    tables = " ".join(q["sql"] for q in ctx.captured_queries)
    assert "COUNT(" not in tables.upper()  # every count comes from the cache until the next write
