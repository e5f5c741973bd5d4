"""Digital skills and smart city: agri registers staff by XLSX, records a session's attendance,
downloads a certificate whose QR link verifies; a visitor browses initiatives by domain."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reference_data(seed: None) -> None:
    """Transactional tests flush the tables the migrations filled: reload them."""
    from smartprovince.smartcity.models import Domain, Sector
    from smartprovince.smartcity.reference import reference_seed
    from smartprovince.training.frameworks_data import frameworks_seed
    from smartprovince.training.models import SkillArea, SkillFramework
    from smartprovince.training.services import policy_get

    frameworks_seed(SkillFramework, SkillArea)
    reference_seed(Domain, Sector)
    policy_get()


def staff_file(tmp_path: Path) -> Path:
    from smartprovince.training.services.staff_import import template_rows

    headers, _ = template_rows()
    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    ws.append(["นาย", "ประยุทธ", "ทดลองนำเข้า", "นักวิชาการเกษตรชำนาญการ", "ข้าราชการ", "Non-IT", "ปฏิบัติการ", "", "01/10/2563"])
    ws.append(["นางสาว", "วิภาวดี", "ทดลองนำเข้า", "นักวิชาการคอมพิวเตอร์", "พนักงานราชการ", "IT", "ปฏิบัติการ", "", ""])
    path = tmp_path / "บุคลากร.xlsx"
    wb.save(path)
    return path


def test_agri_imports_staff_records_attendance_and_certificate_verifies(
    page: Any, live_server: Any, demo_users: dict[str, Any], reference_data: None, login_as: Any, tmp_path: Path
) -> None:
    from smartprovince.agencies.models import Agency
    from smartprovince.training.models import Course, Person, Session

    login_as("agri")
    page.goto(live_server.url + "/app/training/")
    page.get_by_test_id("staff-link").click()
    page.get_by_test_id("staff-import").click()

    # A bad file first: row-level Thai errors and nothing imported.
    bad = Workbook()
    bad.active.append(["ชื่อ"])
    buf = io.BytesIO()
    bad.save(buf)
    page.set_input_files("input[name=file]", files=[{"name": "ผิด.xlsx", "mimeType": "application/octet-stream", "buffer": buf.getvalue()}])
    page.get_by_test_id("import-submit").click()
    expect(page.get_by_test_id("import-errors")).to_contain_text("ไม่พบคอลัมน์")
    assert Person.objects.count() == 0

    page.set_input_files("input[name=file]", str(staff_file(tmp_path)))
    page.get_by_test_id("import-submit").click()
    expect(page.locator(".messages")).to_contain_text("นำเข้าบุคลากร 2 คน")
    expect(page.get_by_test_id("staff-table")).to_contain_text("นายประยุทธ ทดลองนำเข้า")
    expect(page.get_by_test_id("staff-table")).to_contain_text("นางสาววิภาวดี ทดลองนำเข้า")

    agri = Agency.objects.get(code="SKN-AGRI")
    course = Course.objects.create(agency=agri, title_th="การใช้ข้อมูลเพื่อการเกษตรแม่นยำ", hours=Decimal(12),
                                   provider_th="สำนักงานเกษตรจังหวัดสกลนคร")
    session = Session.objects.create(course=course, agency=agri, name_th="รุ่นที่ 1", starts_on=dt.date(2022, 3, 1),
                                     ends_on=dt.date(2022, 3, 2), place_th="ห้องประชุมสำนักงานเกษตรจังหวัด", capacity=30)
    page.goto(f"{live_server.url}/app/training/sessions/{session.pk}/")
    page.get_by_label("นายประยุทธ ทดลองนำเข้า").check()
    page.get_by_label("นางสาววิภาวดี ทดลองนำเข้า").check()
    page.get_by_test_id("enrol-submit").click()
    expect(page.locator(".messages")).to_contain_text("ลงทะเบียน 2 คนแล้ว")

    page.get_by_label("ผลการอบรมของ นายประยุทธ ทดลองนำเข้า").select_option("completed")
    page.get_by_label("ผลการอบรมของ นางสาววิภาวดี ทดลองนำเข้า").select_option("absent")
    page.get_by_test_id("attendance-save").click()
    expect(page.locator(".messages")).to_contain_text("บันทึกผลการอบรมแล้ว (2 คนมีการเปลี่ยนแปลง)")
    expect(page.get_by_test_id("certificate-issue")).to_have_count(1)
    page.get_by_test_id("certificate-issue").click()
    expect(page.locator(".messages")).to_contain_text("ออกวุฒิบัตรเลขที่ SKN-AGRI-2565-00001")

    with page.expect_download() as info:
        page.get_by_test_id("certificate-download").click()
    pdf = Path(info.value.path()).read_bytes()
    # core.pdf writes SARA AM decomposed: the text layer is NFKC-equal to the original, with no control characters.
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    assert unicodedata.normalize("NFKC", "นายประยุทธ ทดลองนำเข้า") in text
    match = re.search(r"https?://\S+/digital-skills/verify/[A-Za-z0-9_-]+/", text)
    assert match, text

    # The QR link verifies for anyone: name, course and date only.
    page.context.clear_cookies()
    page.goto(match.group(0))
    expect(page.get_by_test_id("verify-valid")).to_be_visible()
    expect(page.get_by_test_id("verify-name")).to_have_text("นายประยุทธ ทดลองนำเข้า")
    expect(page.get_by_test_id("verify-course")).to_have_text("การใช้ข้อมูลเพื่อการเกษตรแม่นยำ")
    expect(page.get_by_test_id("verify-date")).to_have_text("2 มีนาคม 2565")
    expect(page.locator("main")).not_to_contain_text("นักวิชาการเกษตร")


def test_visitor_browses_smart_city_by_domain(page: Any, live_server: Any, reference_data: None) -> None:
    from smartprovince.agencies.models import Agency
    from smartprovince.smartcity.models import Initiative

    def make(title: str, domain: str, sector: str, status: str) -> None:
        i = Initiative.objects.create(agency=Agency.objects.get(code="SKN-TOUR"), title_th=title, summary_th="สรุปโครงการ",
                                      kind="platform", status=status, started_on=dt.date(2022, 1, 1),
                                      operating_since=dt.date(2022, 2, 1) if status == "operating" else None)
        i.domains.set([domain])
        i.sectors.set([sector])

    make("แผนที่ท่องเที่ยวดิจิทัลสกลนคร", "economy", "tourism", "operating")
    make("รถโดยสารอัจฉริยะ", "mobility", "other", "pilot")
    page.goto(live_server.url + "/smart-city/")
    cards = page.get_by_test_id("initiative-cards")
    expect(cards.locator("article")).to_have_count(2)
    page.get_by_test_id("domain-economy").click()
    expect(page.locator("h1")).to_contain_text("เศรษฐกิจอัจฉริยะ")
    expect(cards.locator("article")).to_have_count(1)
    expect(cards).to_contain_text("แผนที่ท่องเที่ยวดิจิทัลสกลนคร")
    page.get_by_test_id("sector-tourism").click()
    expect(cards.locator("article")).to_have_count(1)
    cards.get_by_role("link", name="แผนที่ท่องเที่ยวดิจิทัลสกลนคร").click()
    expect(page.get_by_test_id("initiative-status")).to_have_text("ใช้งานจริง")
    page.goto(live_server.url + "/smart-city/?domain=mobility")
    expect(page.get_by_test_id("initiative-cards")).to_contain_text("รถโดยสารอัจฉริยะ")
