"""Main journeys of the foundation: a visitor reads the plan; the admin manages agencies and roles."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_reads_plan_and_strategy_kpis(page: Any, live_server: Any, seed: None) -> None:
    page.goto(live_server.url + "/")
    expect(page.get_by_test_id("vision")).to_contain_text("เป็นจังหวัดอัจฉริยะ")
    expect(page.get_by_test_id("goals").locator("article")).to_have_count(4)
    page.get_by_role("link", name="อ่านแผนฉบับเต็ม").click()
    expect(page.get_by_test_id("plan-title")).to_have_text("แผนปฏิบัติการดิจิทัล จังหวัดสกลนคร พ.ศ. 2563 - 2565")
    expect(page.get_by_test_id("swot")).to_contain_text("จุดแข็ง")
    page.get_by_test_id("strategy-2").get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("ยุทธศาสตร์ที่ 2")
    table = page.get_by_test_id("kpi-table")
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table).to_contain_text("ระดับความพึงพอใจของผู้รับบริการ")
    expect(table).to_contain_text("ยังไม่มีข้อมูล")
    # The Sarabun font is served offline from the installed package.
    font = page.request.get(live_server.url + "/static/vendor/sarabun/Sarabun-Regular.ttf")
    assert font.status == 200 and len(font.body()) > 50_000


def test_admin_creates_agency_and_gives_editor_role(page: Any, live_server: Any, demo_users: dict[str, Any], login_as: Any) -> None:
    from django.contrib.auth import get_user_model

    from smartprovince.agencies.models import Agency, Membership

    get_user_model().objects.create_user(username="somsri", password="x-Unused-pass-1", first_name="สมศรี")
    login_as("admin")
    page.goto(live_server.url + "/app/agencies/")
    page.get_by_test_id("agency-create").click()
    page.fill("input[name=code]", "SKN-OCSC")
    page.fill("input[name=name_th]", "สำนักงานทดสอบระบบจังหวัดสกลนคร")
    page.select_option("select[name=kind]", "provincial_office")
    page.select_option("select[name=district]", "4701")
    page.get_by_test_id("save").click()
    expect(page.locator("h1")).to_have_text("สำนักงานทดสอบระบบจังหวัดสกลนคร")
    agency = Agency.objects.get(code="SKN-OCSC")

    page.goto(live_server.url + "/app/agencies/users/?q=somsri")
    page.get_by_role("link", name="somsri").click()
    page.select_option("select[name=agency]", str(agency.pk))
    page.select_option("select[name=role]", "agency_editor")
    page.get_by_test_id("grant").click()
    expect(page.get_by_test_id("memberships")).to_contain_text("สำนักงานทดสอบระบบจังหวัดสกลนคร")
    expect(page.get_by_test_id("memberships")).to_contain_text("เจ้าหน้าที่หน่วยงาน (บันทึกข้อมูล)")
    assert Membership.objects.filter(user__username="somsri", agency=agency, role="agency_editor", is_active=True).count() == 1


def test_editor_is_refused_admin_pages(page: Any, live_server: Any, demo_users: dict[str, Any], login_as: Any) -> None:
    login_as("agri")
    response = page.goto(live_server.url + "/app/agencies/new/")
    assert response is not None and response.status == 403
    expect(page.locator("h1")).to_contain_text("ไม่มีสิทธิ์เข้าถึง")
