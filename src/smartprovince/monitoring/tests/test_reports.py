"""Generated reports: open the PDF and XLSX files and check the Thai text and the numbers."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from typing import Any

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from smartprovince.agencies.models import Agency
from smartprovince.core.models import Job
from smartprovince.monitoring import services
from smartprovince.monitoring.models import CorrectiveAction, ReportArchive

from .factories import indicator


def squash(text: str) -> str:
    """NFKC (SARA AM is written decomposed in the PDF) without whitespace (lines wrap anywhere)."""
    return re.sub(r"[\s\u200b]+", "", unicodedata.normalize("NFKC", text))


class PdfText:
    def __init__(self, data: bytes) -> None:
        reader = PdfReader(io.BytesIO(data))
        self.raw = "\n".join(page.extract_text() for page in reader.pages)
        self.flat = squash(self.raw)

    def __contains__(self, needle: str) -> bool:
        return squash(needle) in self.flat


def pdf_text(data: bytes) -> PdfText:
    text = PdfText(data)
    assert not re.search(r"[\x00-\x08\x0e-\x1f]", text.raw), "control characters in the text layer"
    return text


@pytest.fixture
def today_2565(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    today = dt.date(2022, 4, 20)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today)
    return today


@pytest.fixture
def with_action(db: Any, admin_user: Any) -> CorrectiveAction:
    return services.corrective_action_create(
        actor=admin_user, indicator=indicator("S2.K1"), owner_agency=Agency.objects.get(code="SKN-DE"),
        problem_th="จำนวนงานบริการดิจิทัลต่ำกว่าเป้าหมาย", action_th="จัดอบรมหน่วยงานเพื่อเปิดบริการออนไลน์เพิ่ม",
        due_date=dt.date(2022, 6, 30), fiscal_year_be=2565, period_key="2565-Q2",
    )


def _generate(executive: Any, kind: str, fmt: str, period: str, django_capture_on_commit_callbacks: Any) -> ReportArchive:
    with django_capture_on_commit_callbacks(execute=True):
        archive = services.report_request(actor=executive, kind=kind, fmt=fmt, period_key=period)
    archive.refresh_from_db()
    job = Job.objects.get(pk=archive.job_id)
    assert job.status == "succeeded", job.error
    assert job.progress == 100
    return archive


def test_quarterly_pdf_has_thai_text_and_numbers(
    fy2565_projects: dict[str, Any], executive: Any, with_action: Any, today_2565: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    archive = _generate(executive, "quarterly", "pdf", "2565-Q2", django_capture_on_commit_callbacks)
    assert archive.filename == "รายงานรอบ6เดือน_ปีงบ2565.pdf"
    data = archive.file.read()
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "รายงานรายไตรมาส" in text
    assert "รอบ 6 เดือน (ไตรมาสที่ 2) ปีงบประมาณ พ.ศ. 2565" in text
    assert "ข้อมูล ณ วันที่ 31 มีนาคม พ.ศ. 2565" in text
    # budget: 400,000 allocated, 90,000 disbursed = 22.50 %
    assert "ได้รับจัดสรร 400,000 บาท" in text
    assert "เบิกจ่ายแล้ว 90,000 บาท คิดเป็นร้อยละ 22.50" in text
    assert "ยังไม่มีแหล่งข้อมูล" in text  # unregistered metrics are never a number
    assert "จัดอบรมหน่วยงานเพื่อเปิดบริการออนไลน์เพิ่ม" in text
    assert "ผู้รับจ้างส่งมอบอุปกรณ์ล่าช้า" in text  # a problem a project reported
    assert "T-TOUR-1" in text  # the late project


def test_quarterly_xlsx_numbers(
    only_test_metrics: None,
    fy2565_projects: dict[str, Any], executive: Any, today_2565: Any, django_capture_on_commit_callbacks: Any,
) -> None:
    archive = _generate(executive, "quarterly", "xlsx", "2565-Q2", django_capture_on_commit_callbacks)
    wb = load_workbook(io.BytesIO(archive.file.read()))
    assert wb.sheetnames[:3] == ["สรุป", "ตัวชี้วัด", "โครงการ"]
    summary = {row[0]: row[1] for row in wb["สรุป"].iter_rows(min_row=2, values_only=True)}
    assert summary["งบประมาณที่ได้รับจัดสรร (บาท)"] == 400000
    assert summary["เบิกจ่ายสะสม (บาท)"] == 90000
    assert summary["ร้อยละการเบิกจ่าย"] == 22.5
    assert summary["ความก้าวหน้าเฉลี่ยถ่วงน้ำหนัก (%)"] == 25
    kpis = {row[0]: row for row in wb["ตัวชี้วัด"].iter_rows(min_row=2, values_only=True)}
    assert kpis["G2.K1"][9] == "ยังไม่มีแหล่งข้อมูล"
    assert kpis["G2.K1"][6] is None
    projects = {row[0]: row for row in wb["โครงการ"].iter_rows(min_row=2, values_only=True)}
    assert projects["T-TOUR-1"][6] == 300000 and projects["T-TOUR-1"][11] == "ใช่"


def test_emenscr_export_has_alignment_columns(
    fy2565_projects: dict[str, Any], executive: Any, today_2565: Any, django_capture_on_commit_callbacks: Any,
) -> None:
    from smartprovince.plans.models import ReferenceItem

    item = ReferenceItem.objects.order_by("order").first()
    assert item is not None
    fy2565_projects["p1"].alignments.add(item)
    archive = _generate(executive, "emenscr", "xlsx", "2565-Q2", django_capture_on_commit_callbacks)
    ws = load_workbook(io.BytesIO(archive.file.read())).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0].startswith("ความก้าวหน้าโครงการ ตามแผนปฏิบัติการดิจิทัลจังหวัด")
    headers = rows[1]
    assert "รหัสโครงการ" in headers and any(str(h).startswith("ความสอดคล้อง: ") for h in headers)
    p1 = next(r for r in rows[2:] if r[1] == "T-AGRI-1")
    assert f"{item.code} {item.name_th}" in p1
    assert p1[headers.index("ผลการเบิกจ่าย (บาท)")] == 30000
    assert p1[headers.index("พื้นที่ดำเนินการ")] == "เมืองสกลนคร"


def test_final_evaluation_pdf(
    fy2565_projects: dict[str, Any], executive: Any, today_2565: Any, django_capture_on_commit_callbacks: Any,
) -> None:
    archive = _generate(executive, "final", "pdf", "", django_capture_on_commit_callbacks)
    text = pdf_text(archive.file.read())
    assert "รายงานการประเมินผลเมื่อสิ้นสุดแผน" in text
    assert "ผลการดำเนินงานตามตัวชี้วัดตลอดระยะเวลาของแผน" in text
    assert "ปีงบประมาณ พ.ศ. 2563–2565" in text


@pytest.mark.parametrize(
    ("kind", "fmt", "period", "field"),
    [("quarterly", "pdf", "2565", "period"), ("monthly", "pdf", "2565-Q1", "period"), ("emenscr", "pdf", "2565", "format"),
     ("annual", "pdf", "2570", "period"), ("quarterly", "pdf", "abc", "period")],
)
def test_bad_report_requests(db: Any, executive: Any, kind: str, fmt: str, period: str, field: str) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        services.report_request(actor=executive, kind=kind, fmt=fmt, period_key=period)
    assert field in exc.value.message_dict
    assert ReportArchive.objects.count() == 0 and Job.objects.count() == 0


def test_agency_editor_cannot_generate(db: Any, agri_editor: Any) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.report_request(actor=agri_editor, kind="annual", fmt="pdf", period_key="2565")
    assert ReportArchive.objects.count() == 0
