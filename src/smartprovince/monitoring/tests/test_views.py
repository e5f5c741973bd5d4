"""Pages and API: who may see what, query counts, filters, writes through the forms."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from typing import Any

import pytest
from django.urls import reverse

from smartprovince.agencies.models import Agency
from smartprovince.monitoring import services
from smartprovince.monitoring.models import CorrectiveAction, InspectionFinding, StatusThresholds
from smartprovince.plans.models import IndicatorTarget

from .factories import indicator, make_project


@pytest.fixture
def action(db: Any, admin_user: Any) -> CorrectiveAction:
    return services.corrective_action_create(
        actor=admin_user, indicator=indicator("S4.K1"), owner_agency=Agency.objects.get(code="SKN-TOUR"),
        problem_th="บุคลากรเข้าอบรมน้อย", action_th="เปิดอบรมออนไลน์", due_date=dt.date(2022, 8, 31), fiscal_year_be=2565,
    )


@pytest.mark.parametrize("name", ["monitoring:dashboard", "monitoring:pdca", "monitoring:drill-projects"])
def test_dashboard_pages_need_province_role(db: Any, client: Any, login: Any, agri_editor: Any, name: str) -> None:
    url = reverse(name)
    assert client.get(url).status_code == 302
    login(agri_editor)
    assert client.get(url).status_code == 403


def test_dashboard_query_count_is_constant(
    fy2565_projects: dict[str, Any], login: Any, executive: Any, django_assert_max_num_queries: Any,
) -> None:
    client = login(executive)
    with django_assert_max_num_queries(30):
        r = client.get(reverse("monitoring:dashboard"), {"fy": "2565"})
    assert r.status_code == 200
    for i in range(20):
        make_project(code=f"X-{i}", agency="SKN-HEALTH", strategy=2, allocated="1000", districts=["4703"])
    with django_assert_max_num_queries(30):
        r = client.get(reverse("monitoring:dashboard"), {"fy": "2565", "q": "2"})
    assert r.status_code == 200
    body = r.content.decode()
    assert "ไตรมาสที่ 2" in body and 'data-figure-id="fig-district"' in body
    assert "<script>" not in body.replace('<script type="application/json"', "")


def test_dashboard_switches_fiscal_year(fy2565_projects: dict[str, Any], login: Any, executive: Any) -> None:
    client = login(executive)
    r2565 = client.get(reverse("monitoring:dashboard"), {"fy": "2565"}).context
    r2564 = client.get(reverse("monitoring:dashboard"), {"fy": "2564"}).context
    assert r2565["ov"].total.allocated == D("400000.00")
    assert r2564["ov"].total.projects == 0
    assert r2564["period"].key == "2564"


def test_drill_down_lists_the_projects_behind_a_number(fy2565_projects: dict[str, Any], login: Any, executive: Any) -> None:
    client = login(executive)
    r = client.get(reverse("monitoring:drill-projects"), {"fy": "2565", "late": "1"})
    assert [f.code for f, _ in r.context["rows"]] == ["T-TOUR-1"]
    strategy = fy2565_projects["p1"].strategy_id
    r = client.get(reverse("monitoring:drill-projects"), {"fy": "2565", "strategy": strategy})
    assert sorted(f.code for f, _ in r.context["rows"]) == ["T-AGRI-1", "T-AGRI-2"]
    r = client.get(reverse("monitoring:drill-projects"), {"fy": "2565", "district": "4702"})
    assert [f.code for f, _ in r.context["rows"]] == ["T-TOUR-1"]


def test_indicator_detail_shows_no_source_for_unregistered_metric(db: Any, login: Any, agri_viewer: Any, only_test_metrics: None) -> None:
    client = login(agri_viewer)
    r = client.get(reverse("monitoring:indicator-detail", args=[indicator("G2.K1").pk]))
    assert r.status_code == 200
    assert "ยังไม่มีแหล่งข้อมูล" in r.content.decode()


def test_targets_edit_is_audited_and_admin_only(db: Any, client: Any, login: Any, executive: Any, admin_user: Any) -> None:
    ind = indicator("G1.K1")
    url = reverse("monitoring:targets", args=[ind.pk])
    login(executive)
    assert client.post(url, {"fy_2565": "9"}).status_code == 403
    assert IndicatorTarget.objects.get(indicator=ind, fiscal_year_be=2565).value != D("9")
    login(admin_user)
    r = client.post(url, {"fy_2563": "1", "fy_2564": "1.5", "fy_2565": "abc"})
    assert r.status_code == 400 and "ต้องเป็นตัวเลข" in r.content.decode()
    assert IndicatorTarget.objects.get(indicator=ind, fiscal_year_be=2564).value != D("1.5")  # nothing half-written
    r = client.post(url, {"fy_2563": "1", "fy_2564": "2", "fy_2565": "3", "responsible_agency": Agency.objects.get(code="SKN-DE").pk})
    assert r.status_code == 302
    assert IndicatorTarget.objects.get(indicator=ind, fiscal_year_be=2565).value == D("3")
    from smartprovince.core.models import AuditEvent

    assert AuditEvent.objects.filter(action="monitoring.target.updated").exists()
    ind.refresh_from_db()
    assert ind.responsible_agency.code == "SKN-DE"


def test_thresholds_must_be_ordered(db: Any, login: Any, admin_user: Any) -> None:
    client = login(admin_user)
    r = client.post(reverse("monitoring:thresholds"), {"on_track_percent": "70", "at_risk_percent": "90"})
    assert r.status_code == 400
    assert not StatusThresholds.objects.exists()
    r = client.post(reverse("monitoring:thresholds"), {"on_track_percent": "95", "at_risk_percent": "75"})
    assert r.status_code == 302
    assert StatusThresholds.objects.get(pk=1).at_risk_percent == D("75")


def test_inspector_records_a_finding(db: Any, login: Any, inspector: Any) -> None:
    client = login(inspector)
    data = {
        "fiscal_year_be": "2565", "round_number": "1", "inspected_on": "15/03/2565",
        "agency": Agency.objects.get(code="SKN-AGRI").pk, "findings_th": "ระบบข้อมูลเกษตรกรยังไม่เชื่อมโยงกับจังหวัด",
        "problems_th": "ขาดบุคลากรด้านไอที", "recommendations_th": "ขอรับการสนับสนุนจาก สนง.ดิจิทัลฯ",
        "follow_up_status": "pending",
    }
    r = client.post(reverse("monitoring:finding-create"), data)
    assert r.status_code == 302
    f = InspectionFinding.objects.get()
    assert (f.inspected_on, f.agency.code, f.created_by) == (dt.date(2022, 3, 15), "SKN-AGRI", inspector)


def test_finding_form_keeps_input_on_error(db: Any, login: Any, inspector: Any) -> None:
    client = login(inspector)
    r = client.post(reverse("monitoring:finding-create"), {
        "fiscal_year_be": "2565", "round_number": "1", "inspected_on": "31/02/2565",
        "agency": Agency.objects.get(code="SKN-AGRI").pk, "findings_th": "ข้อความที่พิมพ์ไว้", "follow_up_status": "pending",
    })
    assert r.status_code == 400
    body = r.content.decode()
    assert "ไม่มีวันที่นี้ในปฏิทิน" in body and "ข้อความที่พิมพ์ไว้" in body
    assert not InspectionFinding.objects.exists()


def test_agency_sees_own_actions_only_and_may_report_progress(
    action: CorrectiveAction, client: Any, login: Any, agri_editor: Any, tourism_editor: Any,
) -> None:
    login(agri_editor)
    assert client.get(reverse("monitoring:action-detail", args=[action.pk])).status_code == 404
    assert client.post(reverse("monitoring:action-edit", args=[action.pk]), {"status": "done", "result_th": "x"}).status_code == 404
    login(tourism_editor)
    assert client.get(reverse("monitoring:action-detail", args=[action.pk])).status_code == 200
    r = client.post(reverse("monitoring:action-edit", args=[action.pk]), {"status": "done", "result_th": ""})
    assert r.status_code == 400 and "กรุณาระบุผลการดำเนินการก่อนปิดเรื่อง" in r.content.decode()
    r = client.post(reverse("monitoring:action-edit", args=[action.pk]), {"status": "done", "result_th": "อบรมครบ 120 คน"})
    assert r.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.result_th, action.action_th) == ("done", "อบรมครบ 120 คน", "เปิดอบรมออนไลน์")
    assert action.closed_on is not None


def test_action_list_query_count(action: CorrectiveAction, login: Any, admin_user: Any, django_assert_max_num_queries: Any) -> None:
    for i in range(15):
        services.corrective_action_create(
            actor=admin_user, indicator=indicator("S1.K1"), owner_agency=Agency.objects.get(code="SKN-DE"),
            problem_th=f"ปัญหา {i}", action_th="มาตรการ", due_date=dt.date(2022, 9, 1), fiscal_year_be=2565,
        )
    client = login(admin_user)
    with django_assert_max_num_queries(10):
        r = client.get(reverse("monitoring:action-list"))
    assert r.status_code == 200 and len(r.context["actions"]) == 16


def test_api_indicators_and_actions(
    action: CorrectiveAction, client: Any, login: Any, agri_editor: Any, executive: Any, only_test_metrics: None
) -> None:
    assert client.get("/api/v1/indicators/").status_code in (401, 403)
    login(executive)
    data = client.get("/api/v1/indicators/", {"fy": "2565"}).json()
    by_code = {r["code"]: r for r in data["results"]}
    assert data["period"] == "2565"
    assert by_code["G2.K1"]["status"] == "no_source" and by_code["G2.K1"]["value"] is None
    assert by_code["P.K1"]["annual_target"] == "5.0000"
    r = client.get(f"/api/v1/indicators/{by_code['P.K1']['id']}/measurements/")
    assert r.status_code == 200 and r.json()["results"] == []
    assert client.get("/api/v1/corrective-actions/").json()["count"] == 1
    login(agri_editor)
    assert client.get("/api/v1/corrective-actions/").json()["count"] == 0
    assert client.get("/api/v1/reports/").status_code == 403


def test_api_action_totals_per_scope_follow_writes(
    action: CorrectiveAction, login: Any, admin_user: Any, agri_editor: Any, tourism_editor: Any,
) -> None:
    from smartprovince.testing.api import cached_total

    agri = Agency.objects.get(code="SKN-AGRI")
    for i in range(3):
        services.corrective_action_create(
            actor=admin_user, indicator=indicator("S1.K1"), owner_agency=agri, problem_th=f"ปัญหา {i}",
            action_th="มาตรการ", due_date=dt.date(2023, 9, 1), fiscal_year_be=2566 if i else 2565,
        )

    def totals(params: dict[str, Any] | None = None) -> tuple[int, int, int]:
        agri_n, tour_n, all_n = (cached_total(login(u), "/api/v1/corrective-actions/", params)
                                 for u in (agri_editor, tourism_editor, admin_user))
        return agri_n, tour_n, all_n

    everyone = CorrectiveAction.objects.count()
    assert totals() == (3, 1, everyone)  # each agency its own, the province every agency's: no scope leaks
    assert totals({"fy": "2565"}) == (1, 1, CorrectiveAction.objects.filter(fiscal_year_be=2565).count())
    services.corrective_action_create(
        actor=admin_user, indicator=indicator("S1.K1"), owner_agency=agri, problem_th="ปัญหาใหม่", action_th="มาตรการ",
        due_date=dt.date(2022, 9, 1), fiscal_year_be=2565,
    )
    assert totals() == (4, 1, everyone + 1)
    assert totals({"fy": "2565"})[:2] == (2, 1)
    services.corrective_action_update(actor=tourism_editor, action=action, status="done", result_th="อบรมครบแล้ว")
    still_open = CorrectiveAction.objects.filter(status__in=["open", "in_progress"]).count()
    assert totals({"status": "open"}) == (4, 0, still_open) and still_open == everyone


def test_inspector_edits_a_corrective_action_the_executive_may_not(
    action: CorrectiveAction, client: Any, login: Any, inspector: Any, executive: Any,
) -> None:
    login(inspector)
    url = reverse("monitoring:action-edit", args=[action.pk])
    assert client.get(url).status_code == 200
    r = client.post(url, {"indicator": action.indicator_id, "problem_th": "บุคลากรเข้าอบรมน้อย", "action_th": "เปิดอบรมออนไลน์และในห้องเรียน",
                          "owner_agency": action.owner_agency_id, "due_date": "30/09/2565", "status": "in_progress",
                          "result_th": ""})
    assert r.status_code == 302
    action.refresh_from_db()
    assert (action.action_th, action.due_date, action.status) == ("เปิดอบรมออนไลน์และในห้องเรียน", dt.date(2022, 9, 30),
                                                                  "in_progress")
    login(executive)
    assert client.get(reverse("monitoring:action-detail", args=[action.pk])).status_code == 200
    assert client.get(url).status_code == 403
    assert client.post(url, {"status": "done", "result_th": "x"}).status_code == 403
    action.refresh_from_db()
    assert action.status == "in_progress"
