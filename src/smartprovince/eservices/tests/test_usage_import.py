"""Usage statistics: the form service and the XLSX import with row-level Thai errors."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import Workbook

from smartprovince.agencies.models import Agency
from smartprovince.core.models import AuditEvent
from smartprovince.eservices import services
from smartprovince.eservices.models import UsageStat
from smartprovince.eservices.services.usage import parse_month

pytestmark = pytest.mark.django_db


def _xlsx(rows, header=True) -> bytes:
    wb = Workbook()
    ws = wb.active
    if header:
        ws.append(["รหัสงานบริการ", "ช่องทาง", "เดือน", "จำนวนรายการ"])
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.fixture
def two_services(admin_user):
    agri = services.eservice_create(actor=admin_user, agency=Agency.objects.get(code="SKN-AGRI"), name_th="ก", category="agriculture")
    tour = services.eservice_create(actor=admin_user, agency=Agency.objects.get(code="SKN-TOUR"), name_th="ข", category="tourism")
    return agri, tour


@pytest.mark.parametrize(
    ("value", "expected"),
    [("10/2564", dt.date(2021, 10, 1)), ("ต.ค. 2564", dt.date(2021, 10, 1)), ("ตุลาคม 2564", dt.date(2021, 10, 1)),
     ("2564-10", dt.date(2021, 10, 1)), ("๑๐/๒๕๖๔", dt.date(2021, 10, 1)), (dt.datetime(2021, 10, 15), dt.date(2021, 10, 1)),
     (dt.date(2564, 10, 15), dt.date(2021, 10, 1))],
)
def test_parse_month(value, expected):
    assert parse_month(value) == expected


def test_import_creates_and_updates(agri_editor, two_services):
    agri, _ = two_services
    services.usage_record(actor=agri_editor, service=agri, channel_type="counter", month=dt.date(2021, 10, 20), transactions=5)
    result = services.usage_import(actor=agri_editor, data=_xlsx([
        [agri.code, "เคาน์เตอร์", "10/2564", 120],
        [agri.code, "LINE Official Account", "พ.ย. 2564", "1,250"],
        [agri.code, "eservice", "ธันวาคม 2564", 7.0],
    ]))
    assert (result.created, result.updated) == (2, 1)
    assert dict(UsageStat.objects.values_list("channel_type", "transactions")) == {"counter": 120, "line_oa": 1250, "eservice": 7}
    assert AuditEvent.objects.filter(action="eservices.usage.imported").count() == 1


def test_import_reports_every_bad_row_and_writes_nothing(agri_editor, two_services):
    agri, tour = two_services
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as info:
        services.usage_import(actor=agri_editor, data=_xlsx([
            [agri.code, "เคาน์เตอร์", "10/2564", 10],           # row 2: fine
            ["SKN-NOPE-001", "เคาน์เตอร์", "10/2564", 10],      # row 3: unknown code
            [tour.code, "เคาน์เตอร์", "10/2564", 10],           # row 4: another agency
            [agri.code, "นกพิราบสื่อสาร", "13/2564", -1],       # row 5: three problems
            [agri.code, "เคาน์เตอร์", "ต.ค. 2564", 11],         # row 6: duplicate of row 2
            [None, "เคาน์เตอร์", "10/2564", 1],                 # row 7: no code
        ]))
    assert info.value.messages == [
        "แถวที่ 3: ไม่พบงานบริการรหัส “SKN-NOPE-001”",
        f"แถวที่ 4: งานบริการรหัส “{tour.code}” ไม่ใช่ของหน่วยงานที่ท่านมีสิทธิ์บันทึก",
        "แถวที่ 5: ไม่รู้จักช่องทาง “นกพิราบสื่อสาร” (ใช้ชื่อตามรายการในแผ่นงาน “ช่องทาง”); "
        "อ่านเดือนไม่ได้: '13/2564' (ตัวอย่าง 10/2564 หรือ ต.ค. 2564); จำนวนรายการต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป",
        "แถวที่ 6: ซ้ำกับแถวที่ 2 (งานบริการ ช่องทาง และเดือนเดียวกัน)",
        "แถวที่ 7: ไม่ได้ระบุรหัสงานบริการ",
    ]
    assert UsageStat.objects.count() == 0
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize(("data", "message"), [(b"not a spreadsheet", "อ่านไฟล์ไม่ได้"), (_xlsx([]), "ไม่พบข้อมูลในไฟล์")])
def test_unreadable_or_empty_file(agri_editor, data, message):
    with pytest.raises(ValidationError) as info:
        services.usage_import(actor=agri_editor, data=data)
    assert message in info.value.messages[0]


def test_viewer_may_not_import_or_record(agri_viewer, two_services):
    agri, _ = two_services
    with pytest.raises(PermissionDenied):
        services.usage_import(actor=agri_viewer, data=_xlsx([[agri.code, "เคาน์เตอร์", "10/2564", 1]]))
    with pytest.raises(PermissionDenied):
        services.usage_record(actor=agri_viewer, service=agri, channel_type="counter", month=dt.date(2021, 10, 1), transactions=1)
    assert UsageStat.objects.count() == 0


def test_import_view_shows_row_errors(client, agri_editor, two_services):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(agri_editor)
    upload = SimpleUploadedFile("u.xlsx", _xlsx([["SKN-NOPE-001", "เคาน์เตอร์", "10/2564", 10]]))
    response = client.post(reverse("eservices:usage-import"), {"file": upload})
    assert response.status_code == 400
    assert "แถวที่ 2: ไม่พบงานบริการรหัส “SKN-NOPE-001”" in response.content.decode()
    assert UsageStat.objects.count() == 0


def test_template_download(client, agri_editor, two_services):
    from openpyxl import load_workbook

    client.force_login(agri_editor)
    response = client.get("/app/eservices/usage/template.xlsx")
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["สถิติ", "ช่องทาง", "งานบริการ"]
    assert [c.value for c in wb["สถิติ"][1]] == ["รหัสงานบริการ", "ช่องทาง", "เดือน", "จำนวนรายการ"]
    assert [r[0].value for r in wb["งานบริการ"].iter_rows(min_row=2)] == [two_services[0].code]
