"""Pages and API: agency isolation (404, nothing changed), permissions, query counts, exports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from smartprovince.agencies.models import Agency
from smartprovince.projects import services
from smartprovince.projects.models import ProgressReport, Project

from .conftest import report_data

pytestmark = pytest.mark.django_db


def test_anonymous_redirected_to_login(client: Any, project: Any) -> None:
    for url in (reverse("projects:list"), reverse("projects:detail", args=[project.pk]), reverse("projects:summary")):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get("/api/v1/projects/").status_code in (401, 403)


def test_other_agency_gets_404_and_nothing_changes(login: Any, project: Any, tourism_editor: Any, agri_editor: Any) -> None:
    report = services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 10, 1), **report_data())
    client = login(tourism_editor)
    for url in (reverse("projects:detail", args=[project.pk]), reverse("projects:update", args=[project.pk]),
                reverse("projects:report-detail", args=[report.pk]), reverse("projects:report-edit", args=[report.pk]),
                reverse("projects:report-create", args=[project.pk]), f"/api/v1/projects/{project.pk}/",
                f"/api/v1/projects/{project.pk}/reports/"):
        assert client.get(url).status_code == 404, url
    posts = [
        (reverse("projects:update", args=[project.pk]), {"name_th": "ถูกแก้"}),
        (reverse("projects:status", args=[project.pk]), {"status": "cancelled"}),
        (reverse("projects:budget-add", args=[project.pk]), {"fiscal_year_be": 2565, "source": "other", "planned": 1}),
        (reverse("projects:report-edit", args=[report.pk]), {**report_data(), "submit": "1"}),
        (reverse("projects:report-submit", args=[report.pk]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    assert client.patch(f"/api/v1/projects/{project.pk}/", {"name_th": "x"}, content_type="application/json").status_code == 404
    assert client.post(f"/api/v1/projects/{project.pk}/reports/{report.pk}/submit/").status_code == 404
    project.refresh_from_db()
    report.refresh_from_db()
    assert (project.name_th, project.status, project.budget_lines.count()) == ("โครงการเกษตรอัจฉริยะทดสอบ", "in_progress", 1)
    assert report.status == "draft"
    assert client.get(reverse("projects:list")).context["page_obj"].paginator.count == 0


def test_list_filters_search_and_query_count(login: Any, agri_editor: Any, agri: Any, strategy3: Any, project: Any,
                                             django_assert_max_num_queries: Any, admin_user: Any) -> None:
    for i in range(30):
        p = services.project_create(actor=agri_editor, agency=agri, strategy=strategy3, name_th=f"โครงการโดรนการเกษตร {i}",
                                    start_date=dt.date(2022, 1, 1), end_date=dt.date(2022, 6, 30), officer_name="ก", districts=["4702"])
        services.budget_line_save(actor=agri_editor, project=p, fiscal_year_be=2565, source="agency", planned=Decimal("1000"), allocated=Decimal("900"))
    client = login(admin_user)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("projects:list"), {"fy": 2565})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 31
    response = client.get(reverse("projects:list"), {"q": "เกษตรอัจฉริยะ"})
    assert [p.code for p in response.context["projects"]] == [project.code]
    response = client.get(reverse("projects:list"), {"district": "4701"})
    assert [p.code for p in response.context["projects"]] == [project.code]
    row = next(p for p in client.get(reverse("projects:list"), {"q": "โดรน 7"}).context["projects"])
    assert row.allocated_total == Decimal("900")
    xlsx = client.get(reverse("projects:list"), {"fy": 2565, "format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    with django_assert_max_num_queries(12):
        assert client.get("/api/v1/projects/", {"fy": 2565}).json()["count"] == 31
    # the agency filter: an id from a link, a typed code, and a name that matches nothing
    for value in (str(agri.pk), "skn-agri"):
        response = client.get(reverse("projects:list"), {"agency": value})
        assert response.context["page_obj"].paginator.count == 31
        assert response.context["agency_picker"].agency == agri
    response = client.get(reverse("projects:list"), {"agency": "ไม่มีหน่วยงานนี้"})
    assert response.context["page_obj"].paginator.count == 0
    assert "ไม่พบหน่วยงานที่ตรงกับ “ไม่มีหน่วยงานนี้”" in response.content.decode()
    assert Agency.objects.get(code="SKN-TOUR").name_th not in response.content.decode()  # no list of every agency
    # the API's search pages over its cached matches in the list's order, every offset
    html_codes = [p.code for p in client.get(reverse("projects:list"), {"q": "โดรน"}).context["projects"]]
    api = client.get("/api/v1/projects/", {"q": "โดรน", "limit": 20}).json()
    assert api["count"] == 30 and [r["code"] for r in api["results"]] == html_codes[:20]
    tail = client.get("/api/v1/projects/", {"q": "โดรน", "limit": 20, "offset": 25}).json()
    assert [r["code"] for r in tail["results"]] == sorted(
        Project.objects.filter(name_th__contains="โดรน").values_list("code", flat=True),
        key=lambda c: (-Project.objects.get(code=c).fiscal_year_be, c))[25:]
    assert client.get("/api/v1/projects/", {"q": "ไม่มีคำนี้เลย"}).json()["count"] == 0
    # the cached totals follow a write
    services.project_create(actor=agri_editor, agency=agri, strategy=strategy3, name_th="โครงการโดรนใหม่",
                            start_date=dt.date(2022, 1, 1), end_date=dt.date(2022, 6, 30), officer_name="ก")
    assert client.get(reverse("projects:list"), {"fy": 2565}).context["page_obj"].paginator.count == 32
    assert client.get("/api/v1/projects/", {"q": "โดรน"}).json()["count"] == 31
    assert client.get("/api/v1/projects/", {"fy": 2565}).json()["count"] == 32


def test_report_form_keeps_input_on_error_and_htmx_draft(login: Any, agri_editor: Any, project: Any) -> None:
    client = login(agri_editor)
    url = reverse("projects:report-create", args=[project.pk])
    data = {"month": "2021-10", "progress_percent": "150", "disbursed_cumulative": "10", "schedule_status": "on_plan",
            "work_done_th": "งานที่พิมพ์ไว้", "submit": "1"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "งานที่พิมพ์ไว้" in response.content.decode()
    assert not ProgressReport.objects.exists()
    data["progress_percent"] = "10"
    del data["submit"]
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    report = ProgressReport.objects.get()
    assert response["HX-Push-Url"] == reverse("projects:report-edit", args=[report.pk])
    assert report.status == "draft" and report.work_done_th == "งานที่พิมพ์ไว้"


def test_review_pages_and_compliance(login: Any, agri_editor: Any, admin_user: Any, project: Any,
                                     django_assert_max_num_queries: Any) -> None:
    report = services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 10, 1), **report_data())
    services.report_submit(actor=agri_editor, report=report)
    client = login(admin_user)
    response = client.post(reverse("projects:report-review", args=[report.pk]), {"decision": "return", "comment": ""})
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.status == "submitted"
    client.post(reverse("projects:report-review", args=[report.pk]), {"decision": "return", "comment": "แก้ยอดเบิกจ่าย"})
    report.refresh_from_db()
    assert (report.status, report.review_comment) == ("returned", "แก้ยอดเบิกจ่าย")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("projects:compliance"), {"period": "2565"}).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("projects:summary"), {"period": "2565-Q1", "by": "agency"}).status_code == 200


def test_action_plan_exports(login: Any, agri_editor: Any, project: Any) -> None:
    client = login(agri_editor)
    url = reverse("projects:action-plan", args=[project.agency_id, 2565])
    assert client.get(url).status_code == 200
    pdf = client.get(url, {"format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get(url, {"format": "xlsx"}).status_code == 200
    assert client.post(url, {"action": "submit"}).status_code == 302
    assert client.post(url, {"action": "approve"}).status_code == 403  # editors cannot approve


def test_api_create_update_and_reports(login: Any, agri_editor: Any, tourism_editor: Any) -> None:
    client = login(agri_editor)
    body = {"strategy": 3, "name_th": "โครงการจาก API", "start_date": "2021-10-01", "end_date": "2022-09-30",
            "officer_name": "นายเอพีไอ", "districts": ["4701"]}
    created = client.post("/api/v1/projects/", body, content_type="application/json")
    assert created.status_code == 201, created.content
    pid = created.json()["id"]
    assert created.json()["code"] == "SKN-AGRI-2565-001"
    bad = client.post("/api/v1/projects/", {**body, "end_date": "2021-01-01"}, content_type="application/json")
    assert bad.status_code == 400
    assert client.patch(f"/api/v1/projects/{pid}/", {"status": "in_progress"}, content_type="application/json").json()["status"] == "in_progress"
    r = client.post(f"/api/v1/projects/{pid}/reports/", {"month": "2021-10-15", "progress_percent": "10",
                    "disbursed_cumulative": "0", "schedule_status": "on_plan", "work_done_th": "เริ่มงาน"}, content_type="application/json")
    assert r.status_code == 201, r.content
    rid = r.json()["id"]
    submitted = client.post(f"/api/v1/projects/{pid}/reports/{rid}/submit/")
    assert submitted.json()["status"] == "submitted"
    assert client.get(f"/api/v1/projects/{pid}/reports/").json()["count"] == 1
    other = login(tourism_editor)
    assert other.post("/api/v1/projects/", {**body, "agency": "SKN-AGRI"}, content_type="application/json").status_code == 400
    assert Project.objects.count() == 1


def test_api_totals_per_scope_and_one_projects_reports_counted_each_time(
    login: Any, admin_user: Any, agri_editor: Any, tourism_editor: Any, project: Any,
) -> None:
    from smartprovince.testing.api import cached_total, counts_the_list, list_get

    body = {"strategy": 3, "start_date": "2021-10-01", "end_date": "2022-09-30", "officer_name": "นายเอพีไอ"}
    for name in ("ท่องเที่ยวหนึ่ง", "ท่องเที่ยวสอง"):
        made = login(tourism_editor).post("/api/v1/projects/", {**body, "name_th": name}, content_type="application/json")
        assert made.status_code == 201, made.content

    def totals() -> tuple[int, int, int]:
        return (cached_total(login(agri_editor), "/api/v1/projects/"), cached_total(login(tourism_editor), "/api/v1/projects/"),
                cached_total(login(admin_user), "/api/v1/projects/"))

    assert totals() == (1, 2, Project.objects.count())  # each agency its own, the admin every agency's: no scope leaks
    made = login(agri_editor).post("/api/v1/projects/", {**body, "name_th": "เกษตรสอง"}, content_type="application/json")
    assert made.status_code == 201 and totals() == (2, 2, Project.objects.count()) == (2, 2, 4)
    # a project's reports are counted on each request: a count by the project's index, as cheap as
    # reading a cached one (and each report write would drop the cached one anyway)
    url = f"/api/v1/projects/{project.pk}/reports/"
    services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 10, 1), **report_data())
    for _ in range(2):
        data, sqls = list_get(login(agri_editor), url)
        assert data["count"] == 1 and counts_the_list(sqls)
