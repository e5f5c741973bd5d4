"""Monitoring journeys: the governor reads the dashboard and takes the quarterly PDF; the
inspector records a finding; the admin adds a corrective action to an off-track KPI."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def monitoring_data(demo_users: dict[str, Any]) -> None:
    """FY 2565 projects with reports, and an approved GPP growth of 2.6 % against a 5 % target (off track)."""
    from smartprovince.agencies.models import Agency
    from smartprovince.core.thai_calendar import fiscal_year_period
    from smartprovince.monitoring import services
    from smartprovince.monitoring.tests.factories import indicator, make_project, make_report

    p1 = make_project(code="SKN-AGRI-65-001", agency="SKN-AGRI", strategy=3, allocated="450000", districts=["4701"],
                      name="พัฒนาระบบข้อมูลเกษตรกรรายแปลงด้วยแผนที่ดิจิทัล")
    p2 = make_project(code="SKN-TOUR-65-001", agency="SKN-TOUR", strategy=2, allocated="800000", districts=["4702"],
                      name="แอปพลิเคชันนำเที่ยวสกลนคร")
    make_report(p1, dt.date(2021, 10, 1), progress="15", disbursed="50000", sent_on=dt.date(2021, 11, 4))
    make_report(p2, dt.date(2021, 10, 1), progress="5", disbursed="0", sent_on=dt.date(2021, 11, 12), schedule="delayed")
    admin = demo_users["admin"]
    gpp = indicator("P.K1")
    services.indicator_set_responsible(actor=admin, indicator=gpp, agency=Agency.objects.get(code="SKN-PO"))
    gpp.refresh_from_db()
    m = services.measurement_report_save(actor=admin, indicator=gpp, period=fiscal_year_period(2565), value="2.6",
                                         evidence_url="https://www.nesdc.go.th/")
    services.measurement_submit(actor=admin, measurement=m)
    services.measurement_approve(actor=admin, measurement=m)


def test_governor_dashboard_drilldown_and_quarterly_pdf(page: Any, live_server: Any, monitoring_data: None, login_as: Any) -> None:
    login_as("governor")
    page.goto(live_server.url + "/app/monitoring/?fy=2565")
    expect(page.get_by_test_id("period-label")).to_contain_text("ปีงบประมาณ พ.ศ. 2565")
    expect(page.get_by_test_id("card-disbursement")).to_contain_text("50,000 / 1,250,000")
    expect(page.get_by_test_id("goal-card")).to_have_count(4)
    expect(page.locator(".chart[data-rendered='1']").first).to_be_visible()  # plotly drew offline
    # switch fiscal year (the select submits the filter form)
    page.get_by_test_id("filter-fy").select_option("2564")
    expect(page.get_by_test_id("period-label")).to_contain_text("ปีงบประมาณ พ.ศ. 2564")
    expect(page.get_by_test_id("card-projects")).to_contain_text("0")
    page.get_by_test_id("filter-fy").select_option("2565")
    expect(page.get_by_test_id("period-label")).to_contain_text("ปีงบประมาณ พ.ศ. 2565")
    row = page.get_by_test_id("kpi-table").locator("tr[data-code='P.K1']")
    expect(row).to_contain_text("ต่ำกว่าเป้าหมาย")
    # every KPI of the plan now has a data source (the e-services metric answers S2.K1)
    expect(page.get_by_test_id("kpi-table").locator("tr[data-code='S2.K1']")).not_to_contain_text("ยังไม่มีแหล่งข้อมูล")
    # open the KPI's drill-down
    page.get_by_test_id("kpi-link-P.K1").click()
    expect(page.get_by_test_id("indicator-value")).to_contain_text("2.60")
    expect(page.get_by_test_id("drilldown")).to_contain_text("2565")
    # the quarterly PDF
    page.goto(live_server.url + "/app/monitoring/reports/")
    page.select_option("select[name=kind]", "quarterly")
    page.select_option("select[name=format]", "pdf")
    page.fill("input[name=period]", "2565-Q2")
    page.get_by_test_id("generate").click()
    expect(page.get_by_test_id("job-status")).to_have_attribute("data-status", "succeeded", timeout=20_000)
    with page.expect_download() as info:
        page.get_by_test_id("report-download").click()
    download = info.value
    assert download.suggested_filename == "รายงานรอบ6เดือน_ปีงบ2565.pdf"
    with open(download.path(), "rb") as fh:
        assert fh.read(5) == b"%PDF-"


def test_inspector_records_a_finding(page: Any, live_server: Any, demo_users: dict[str, Any], login_as: Any) -> None:
    from smartprovince.agencies.models import Agency
    from smartprovince.monitoring.models import InspectionFinding

    login_as("inspector")
    page.goto(live_server.url + "/app/monitoring/findings/")
    page.get_by_test_id("finding-create").click()
    page.fill("input[name=fiscal_year_be]", "2565")
    page.fill("input[name=round_number]", "1")
    page.fill("input[name=inspected_on]", "16/02/2565")
    page.select_option("select[name=agency]", str(Agency.objects.get(code="SKN-AGRI").pk))
    page.fill("textarea[name=findings_th]", "ระบบข้อมูลเกษตรกรรายแปลงยังไม่เชื่อมโยงกับทะเบียนเกษตรกร")
    page.fill("textarea[name=recommendations_th]", "ประสานศูนย์เทคโนโลยีสารสนเทศ กระทรวงเกษตรฯ")
    page.get_by_test_id("save").click()
    expect(page.get_by_test_id("finding-detail")).to_contain_text("16 กุมภาพันธ์ 2565")
    expect(page.get_by_test_id("finding-detail")).to_contain_text("ยังไม่เชื่อมโยงกับทะเบียนเกษตรกร")
    assert InspectionFinding.objects.get().created_by.username == "inspector"


def test_admin_adds_corrective_action_to_off_track_kpi(page: Any, live_server: Any, monitoring_data: None, login_as: Any) -> None:
    from smartprovince.monitoring.models import CorrectiveAction

    login_as("admin")
    page.goto(live_server.url + "/app/monitoring/?fy=2565")
    needing = page.get_by_test_id("needing-action")
    expect(needing).to_contain_text("P.K1")
    expect(needing.locator("tr.needs-action").first).to_contain_text("ยังไม่มีมาตรการแก้ไข")
    page.get_by_test_id("add-action-P.K1").click()
    page.fill("textarea[name=problem_th]", "GPP ขยายตัวร้อยละ 2.6 ต่ำกว่าเป้าหมายร้อยละ 5")
    page.fill("textarea[name=action_th]", "ส่งเสริมการค้าออนไลน์สินค้าเกษตรแปรรูปผ่านแพลตฟอร์มของจังหวัด")
    page.fill("input[name=due_date]", "30/09/2565")
    page.get_by_test_id("save").click()
    expect(page.get_by_test_id("action-detail")).to_contain_text("30 กันยายน 2565")
    action = CorrectiveAction.objects.get()
    assert (action.indicator.code, action.owner_agency.code, action.fiscal_year_be) == ("P.K1", "SKN-PO", 2565)
    page.goto(live_server.url + "/app/monitoring/?fy=2565")
    expect(page.get_by_test_id("needing-action").locator("tr", has_text="P.K1")).to_contain_text("มีมาตรการแล้ว")
