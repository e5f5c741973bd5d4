"""XLSX staff import: row-level Thai errors, all or nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import Workbook

from smartprovince.agencies.models import Agency
from smartprovince.core.models import AuditEvent
from smartprovince.training.models import Person
from smartprovince.training.services import staff_import
from smartprovince.training.services.staff_import import COLUMNS

pytestmark = pytest.mark.django_db
HEAD = [c[0] for c in COLUMNS]


def xlsx(rows, header=HEAD) -> io.BytesIO:
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    buf.name = "staff.xlsx"
    return buf


GOOD = [
    ["นาย", "สมชาย", "ใจดี", "นักวิชาการคอมพิวเตอร์", "ข้าราชการ", "IT", "ปฏิบัติการ", "a@example.go.th", "01/10/2563"],
    ["นางสาว", "สมหญิง", "รักงาน", "เจ้าพนักงานธุรการ", "พนักงานราชการ", "Non-IT", "หัวหน้างาน/ผู้อำนวยการ", "", dt.datetime(2565, 7, 15)],
    ["", "มานะ", "อดทน", "พนักงานขับรถ", "ลูกจ้าง", "non-it", "ผู้บริหาร", "", None],
]


def test_import_creates_people(agri_editor):
    agri = Agency.objects.get(code="SKN-AGRI")
    result = staff_import(actor=agri_editor, agency=agri, fileobj=xlsx(GOOD))
    assert result.created == 3
    people = {p.first_name_th: p for p in Person.objects.filter(agency=agri)}
    assert people["สมชาย"].job_group == "it" and people["สมชาย"].started_on == dt.date(2020, 10, 1)
    assert people["สมหญิง"].role_level == "supervisor" and people["สมหญิง"].started_on == dt.date(2022, 7, 15)
    assert people["มานะ"].personnel_type == "employee" and people["มานะ"].role_level == "executive"
    assert AuditEvent.objects.filter(action="training.staff.imported").count() == 1


def test_bad_rows_reported_and_nothing_written(agri_editor):
    agri = Agency.objects.get(code="SKN-AGRI")
    rows = [*GOOD, ["นาย", "", "ไม่มีชื่อ", "ตำแหน่ง", "ข้าราชการ", "IT", "ปฏิบัติการ", "", ""],
            ["นาย", "ก", "ข", "ตำแหน่ง", "อาสาสมัคร", "IT", "ปฏิบัติการ", "อีเมลผิด", "32/13/2565"],
            ["นาย", "สมชาย", "ใจดี", "ซ้ำ", "ข้าราชการ", "IT", "ปฏิบัติการ", "", ""]]
    with pytest.raises(ValidationError) as exc:
        staff_import(actor=agri_editor, agency=agri, fileobj=xlsx(rows))
    messages = exc.value.messages
    assert messages[0] == "ไฟล์มีข้อผิดพลาด ยังไม่ได้นำเข้าข้อมูลใด ๆ"
    assert "แถวที่ 5: ไม่ได้กรอกชื่อ" in messages
    assert any(m.startswith("แถวที่ 6: ประเภทบุคลากร “อาสาสมัคร” ไม่ถูกต้อง") for m in messages)
    assert any(m.startswith("แถวที่ 6: วันที่เริ่มปฏิบัติงาน “32/13/2565” ไม่ถูกต้อง") for m in messages)
    assert "แถวที่ 7: ชื่อซ้ำกับแถวที่ 2" in messages
    assert Person.objects.count() == 0


def test_missing_column_and_not_excel(agri_editor):
    agri = Agency.objects.get(code="SKN-AGRI")
    with pytest.raises(ValidationError) as exc:
        staff_import(actor=agri_editor, agency=agri, fileobj=xlsx(GOOD, header=HEAD[:3]))
    assert exc.value.messages[0].startswith("ไม่พบคอลัมน์: ตำแหน่ง")
    with pytest.raises(ValidationError) as exc:
        staff_import(actor=agri_editor, agency=agri, fileobj=io.BytesIO(b"not a zip"))
    assert "ไม่ใช่ไฟล์ Excel" in exc.value.messages[0]
    assert Person.objects.count() == 0


def test_other_agency_editor_denied(tourism_editor):
    with pytest.raises(PermissionDenied):
        staff_import(actor=tourism_editor, agency=Agency.objects.get(code="SKN-AGRI"), fileobj=xlsx(GOOD))
    assert Person.objects.count() == 0


def test_import_page_keeps_errors_visible(login, agri_editor):
    client = login(agri_editor)
    bad = xlsx([["นาย", "", "ข", "ต", "ข้าราชการ", "IT", "ปฏิบัติการ", "", ""]])
    r = client.post(reverse("training:staff-import", args=["SKN-AGRI"]), {"file": bad})
    assert r.status_code == 400 and "แถวที่ 2: ไม่ได้กรอกชื่อ" in r.content.decode()
    r = client.post(reverse("training:staff-import", args=["SKN-AGRI"]), {"file": xlsx(GOOD)})
    assert r.status_code == 302 and Person.objects.count() == 3
    assert client.post(reverse("training:staff-import", args=["SKN-TOUR"]), {"file": xlsx(GOOD)}).status_code == 404


def test_template_download(login, agri_editor):
    r = login(agri_editor).get(reverse("training:staff-import-template"))
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxmlformats")
