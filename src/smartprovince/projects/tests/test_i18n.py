"""Service errors in the user's language: English when chosen, the same Thai as before otherwise."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from smartprovince.projects import services
from smartprovince.projects.models import Project

from .conftest import report_data

pytestmark = pytest.mark.django_db


def test_progress_decrease_in_english_and_thai(project: Any, agri_editor: Any) -> None:
    oct_ = services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 10, 1),
                                **report_data(progress_percent=Decimal("40")))
    services.report_submit(actor=agri_editor, report=oct_)
    nov = services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 11, 1),
                               **report_data(progress_percent=Decimal("35")))
    for language, expected in (
        ("en", "Progress has fallen from 40.00% (report for Oct 2021). Please give the reason for the decrease."),
        ("th", "ความก้าวหน้าลดลงจาก 40.00% (รายงานเดือน ต.ค. 2564) กรุณาระบุเหตุผลที่ลดลง"),
    ):
        with translation.override(language), pytest.raises(ValidationError) as exc:
            services.report_submit(actor=agri_editor, report=nov)
        assert exc.value.message_dict["progress_decrease_reason"] == [expected]


def test_duplicate_report_month_in_english(project: Any, agri_editor: Any) -> None:
    services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 10, 1), **report_data())
    for language, expected in (
        ("en", "A report for October 2021 already exists for this project"),
        ("th", "มีรายงานเดือน ตุลาคม 2564 ของโครงการนี้อยู่แล้ว"),
    ):
        with translation.override(language), pytest.raises(ValidationError) as exc:
            services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 10, 1), **report_data())
        assert exc.value.message_dict["month"] == [expected]


def _bad_import_file() -> io.BytesIO:
    from openpyxl import load_workbook

    from smartprovince.projects.exports import import_template

    wb = load_workbook(io.BytesIO(import_template()))
    ws = wb["โครงการ"]
    ws.delete_rows(3)
    ws.append(["1", "SKN-AGRI", 3, "โครงการนำเข้าหนึ่ง", "01/10/2564", "30/09/2565", "นายหนึ่ง"])
    ws.append(["2", "SKN-AGRI", 9, "โครงการนำเข้าสอง", "01/10/2564", "30/09/2565", "นายสอง"])
    ws.append(["3", "SKN-TOUR", 2, "โครงการของหน่วยงานอื่น", "31/02/2565", "30/09/2565", "นายสาม"])
    ws.append(["4", "SKN-AGRI", 3, "", "01/10/2564", "30/09/2565", "นายสี่"])
    bs = wb["งบประมาณ"]
    bs.delete_rows(3)
    bs.append(["1", 2565, "งบจังหวัด", -5, 0])
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out


def test_import_row_and_column_errors_in_english(agri_editor: Any) -> None:
    # Sheet and column names stay Thai: they are those of the (Thai) template the user filled in.
    with translation.override("en"):
        result = services.projects_import(actor=agri_editor, file=_bad_import_file())
    assert result.errors == [
        "Sheet “โครงการ”, row 4, column C (ยุทธศาสตร์ที่): Strategy “9” was not found in the current plan (1–4)",
        "Sheet “โครงการ”, row 5, column B (รหัสหน่วยงาน): You are not permitted to import projects for "
        "Sakon Nakhon Provincial Office of Tourism and Sports",
        "Sheet “โครงการ”, row 5, column E (วันเริ่มโครงการ): This date does not exist in the calendar: 31/02/2565",
        "Sheet “โครงการ”, row 6, column D (ชื่อโครงการ): Required",
        "Sheet “งบประมาณ”, row 3, column D (งบประมาณตามแผน (บาท)): Must not be negative",
    ]
    assert Project.objects.count() == 0


def test_import_errors_in_thai_unchanged(agri_editor: Any) -> None:
    result = services.projects_import(actor=agri_editor, file=_bad_import_file())
    assert result.errors == [
        "แผ่น “โครงการ” แถว 4 คอลัมน์ C (ยุทธศาสตร์ที่): ไม่พบยุทธศาสตร์ที่ “9” ในแผนปัจจุบัน (1–4)",
        "แผ่น “โครงการ” แถว 5 คอลัมน์ B (รหัสหน่วยงาน): ท่านไม่มีสิทธิ์นำเข้าโครงการของสำนักงานการท่องเที่ยวและกีฬาจังหวัดสกลนคร",
        "แผ่น “โครงการ” แถว 5 คอลัมน์ E (วันเริ่มโครงการ): ไม่มีวันที่นี้ในปฏิทิน: 31/02/2565",
        "แผ่น “โครงการ” แถว 6 คอลัมน์ D (ชื่อโครงการ): ต้องกรอก",
        "แผ่น “งบประมาณ” แถว 3 คอลัมน์ D (งบประมาณตามแผน (บาท)): ต้องไม่ติดลบ",
    ]
    assert Project.objects.count() == 0


def test_evidence_error_in_english() -> None:
    from smartprovince.projects.evidence import check_evidence

    for language, expected in (
        ("en", "The file “a.txt” is not an image (JPEG/PNG) or a PDF: its content does not match an allowed type"),
        ("th", "ไฟล์ “a.txt” ไม่ใช่รูปภาพ (JPEG/PNG) หรือ PDF ตรวจจากเนื้อหาไฟล์แล้วไม่ตรงชนิดที่อนุญาต"),
    ):
        with translation.override(language), pytest.raises(ValidationError) as exc:
            check_evidence(io.BytesIO(b"hello"), 5, "a.txt")
        assert exc.value.message_dict["file"] == [expected]


def _flash(response: Any) -> list[str]:
    from django.contrib.messages import get_messages

    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize(("language", "saved", "done"), [
    ("en", "Budget line saved", "“ลงพื้นที่สำรวจแปลง” marked as completed"),
    ("th", "บันทึกรายการงบประมาณแล้ว", "บันทึกว่า “ลงพื้นที่สำรวจแปลง” แล้วเสร็จ"),
])
def test_project_part_flash_in_the_users_language(
    client: Any, agri_editor: Any, project: Project, language: str, saved: str, done: str,
) -> None:
    from django.urls import reverse

    client.force_login(agri_editor)
    if language == "en":
        client.cookies["django_language"] = "en"
    try:
        response = client.post(reverse("projects:budget-add", args=[project.pk]),
                               {"fiscal_year_be": 2565, "source": "agency", "planned": 5000, "allocated": 5000})
        assert response.status_code == 302
        assert _flash(response) == [saved]
        milestone = services.milestone_save(actor=agri_editor, project=project, milestone=None, name_th="ลงพื้นที่สำรวจแปลง",
                                            due_date=dt.date(2022, 3, 31))
        response = client.post(reverse("projects:milestone-edit", args=[project.pk, milestone.pk]), {"mark_done": "1"},
                               follow=True)
        assert f"<li class=\"msg-success\">{done}</li>" in response.content.decode()
    finally:
        translation.activate("th")  # the middleware leaves the last request's language active in this thread
    assert project.budget_lines.count() == 2
