"""agri creates a project under strategy 3 and sends two monthly reports; admin returns one with
a comment; agri fixes and re-sends it; tourism cannot open the project."""

from __future__ import annotations

import os
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "demo-password"


@pytest.fixture
def users(seed: Any) -> None:
    from django.contrib.auth import get_user_model

    from smartprovince.agencies.models import Agency, Membership

    User = get_user_model()
    for name, role, code in [("admin", "province_admin", "SKN-PO"), ("agri", "agency_editor", "SKN-AGRI"),
                             ("tourism", "agency_editor", "SKN-TOUR")]:
        user = User.objects.create_user(username=name, password=PASSWORD)
        Membership.objects.create(user=user, agency=Agency.objects.get(code=code), role=role)


def login(page: Any, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill("[name=username]", username)
    page.fill("[name=password]", PASSWORD)
    page.click("[data-testid=login-submit]")
    page.wait_for_load_state()


def send_report(page: Any, month: str, progress: str, work: str) -> None:
    page.click("[data-testid=report-create]")
    page.fill("[name=month]", month)
    page.fill("[name=progress_percent]", progress)
    page.fill("[name=disbursed_cumulative]", "50000")
    page.fill("[name=work_done_th]", work)
    page.click("[data-testid=report-submit]")
    page.wait_for_selector("[data-testid=report-status]")
    assert page.inner_text("[data-testid=report-status]") == "ส่งแล้ว รอตรวจ"


def test_project_report_workflow(live_server: Any, page: Any, users: None) -> None:
    from smartprovince.projects.models import ProgressReport, Project

    base = live_server.url
    login(page, base, "agri")
    page.goto(f"{base}/app/projects/new/")
    page.select_option("[name=strategy]", label=page.locator("[name=strategy] option", has_text="3").first.inner_text())
    page.fill("[name=name_th]", "โครงการตลาดออนไลน์สินค้าเกษตรทดสอบ")
    page.fill("[name=start_date]", "2021-10-01")
    page.fill("[name=end_date]", "2022-09-30")
    page.fill("[name=officer_name]", "นายเกษตร ทดสอบ")
    page.click("[data-testid=save]")
    page.wait_for_selector("[data-testid=project-title]")
    project = Project.objects.get()
    assert project.code == "SKN-AGRI-2565-001" and project.strategy.number == 3
    page.select_option("#id_status", "in_progress")
    page.click("[data-testid=status-save]")
    page.wait_for_selector("[data-testid=project-status]")
    assert page.inner_text("[data-testid=project-status]") == "กำลังดำเนินการ"

    page.click("text=เพิ่มรายการงบประมาณ")
    page.select_option("[data-testid=budget-form] [name=source]", "province")
    page.fill("[data-testid=budget-form] [name=planned]", "600000")
    page.fill("[data-testid=budget-form] [name=allocated]", "500000")
    page.click("[data-testid=budget-save]")
    page.wait_for_selector("[data-testid=project-title]")
    assert project.budget_lines.get().allocated == 500000

    send_report(page, "2021-10", "20", "จัดประชุมคณะทำงาน")
    page.goto(f"{base}/app/projects/{project.pk}/")
    send_report(page, "2021-11", "35", "จัดซื้อจัดจ้าง")
    assert ProgressReport.objects.filter(status="submitted").count() == 2
    november = ProgressReport.objects.get(month__month=11)

    login(page, base, "admin")
    page.goto(f"{base}/app/projects/reports/{november.pk}/")
    page.fill("[name=comment]", "กรุณาแนบรายละเอียดการจัดซื้อจัดจ้าง")
    page.click("[data-testid=report-return]")
    page.wait_for_selector("[data-testid=report-status]")
    assert page.inner_text("[data-testid=report-status]") == "ส่งกลับให้แก้ไข"

    login(page, base, "agri")
    page.goto(f"{base}/app/projects/reports/{november.pk}/")
    page.click("[data-testid=report-edit]")
    assert "กรุณาแนบรายละเอียดการจัดซื้อจัดจ้าง" in page.inner_text("[data-testid=return-comment]")
    page.fill("[name=work_done_th]", "จัดซื้อจัดจ้างด้วยวิธีประกาศเชิญชวน สัญญาเลขที่ 12/2565")
    page.click("[data-testid=report-save-draft]")
    page.wait_for_selector("[data-testid=draft-saved]")
    page.click("[data-testid=report-submit]")
    page.wait_for_selector("[data-testid=report-status]")
    november.refresh_from_db()
    assert november.status == "submitted"
    assert list(november.events.values_list("action", flat=True)) == ["submitted", "returned", "resubmitted"]

    login(page, base, "tourism")
    response = page.goto(f"{base}/app/projects/{project.pk}/")
    assert response is not None and response.status == 404
