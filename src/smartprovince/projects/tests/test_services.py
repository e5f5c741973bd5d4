"""Services: workflow and its rules, with exact values; denied or failed writes change nothing."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from smartprovince.core.models import AuditEvent
from smartprovince.core.thai_calendar import fiscal_year_period, quarter_period
from smartprovince.projects import selectors, services
from smartprovince.projects.models import AgencyActionPlan, EvidenceFile, ProgressReport, Project

from .conftest import report_data

pytestmark = pytest.mark.django_db


def test_project_code_generated_per_agency_and_year(project: Any, agri_editor: Any, agri: Any, strategy3: Any) -> None:
    assert project.code == "SKN-AGRI-2565-001"
    assert (project.fiscal_year_be, project.fiscal_year_end_be) == (2565, 2565)
    second = services.project_create(actor=agri_editor, agency=agri, strategy=strategy3, name_th="โครงการที่สอง",
                                     start_date=dt.date(2022, 1, 1), end_date=dt.date(2023, 3, 31), officer_name="ก")
    assert second.code == "SKN-AGRI-2565-002"
    assert (second.fiscal_year_be, second.fiscal_year_end_be) == (2565, 2566)
    assert list(project.districts.values_list("code", flat=True)) == ["4701"]
    assert AuditEvent.objects.filter(action="projects.project.created", object_id=str(second.pk)).count() == 1


def test_strategy_must_cover_fiscal_year(agri_editor: Any, agri: Any, strategy3: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        services.project_create(actor=agri_editor, agency=agri, strategy=strategy3, name_th="ปี 2570",
                                start_date=dt.date(2026, 10, 1), end_date=dt.date(2027, 9, 30), officer_name="ก")
    assert "strategy" in exc.value.message_dict
    assert not Project.objects.filter(name_th="ปี 2570").exists()


def test_other_agency_editor_cannot_create_or_update(project: Any, tourism_editor: Any, agri: Any, strategy3: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.project_update(actor=tourism_editor, project=project, name_th="ถูกแก้")
    with pytest.raises(PermissionDenied):
        services.report_save(actor=tourism_editor, project=project, month=dt.date(2021, 10, 1), **report_data())
    project.refresh_from_db()
    assert project.name_th == "โครงการเกษตรอัจฉริยะทดสอบ"
    assert not ProgressReport.objects.exists()


def test_report_workflow_return_and_resubmit(project: Any, agri_editor: Any, admin_user: Any) -> None:
    report = services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 10, 20), **report_data())
    assert (report.month, report.due_date, report.fiscal_year_be, report.status) == (
        dt.date(2021, 10, 1), dt.date(2021, 11, 5), 2565, "draft")
    report = services.report_submit(actor=agri_editor, report=report)
    assert report.status == "submitted"
    assert report.is_late is True  # submitted today, long after 5 Nov 2021
    with pytest.raises(ValidationError):
        services.report_return(actor=admin_user, report=report, comment="  ")
    with pytest.raises(PermissionDenied):
        services.report_return(actor=agri_editor, report=report, comment="แก้เอง")
    report = services.report_return(actor=admin_user, report=report, comment="แนบภาพกิจกรรมด้วย")
    assert (report.status, report.review_comment) == ("returned", "แนบภาพกิจกรรมด้วย")
    first = report.first_submitted_at
    report = services.report_save(actor=agri_editor, project=project, month=report.month, report=report,
                                  **report_data(work_done_th="จัดประชุมและแนบภาพแล้ว"))
    assert report.status == "returned"
    report = services.report_submit(actor=agri_editor, report=report)
    assert report.status == "submitted"
    assert report.first_submitted_at == first
    assert list(report.events.values_list("action", "comment")) == [
        ("submitted", ""), ("returned", "แนบภาพกิจกรรมด้วย"), ("resubmitted", "")]
    report = services.report_accept(actor=admin_user, report=report)
    assert report.status == "accepted"
    with pytest.raises(ValidationError):
        services.report_save(actor=agri_editor, project=project, month=report.month, report=report, **report_data())


def test_progress_decrease_needs_reason(project: Any, agri_editor: Any) -> None:
    oct_ = services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 10, 1), **report_data(progress_percent=Decimal("40")))
    services.report_submit(actor=agri_editor, report=oct_)
    nov = services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 11, 1), **report_data(progress_percent=Decimal("35")))
    with pytest.raises(ValidationError) as exc:
        services.report_submit(actor=agri_editor, report=nov)
    assert "progress_decrease_reason" in exc.value.message_dict
    assert "40.00%" in exc.value.message_dict["progress_decrease_reason"][0]
    nov.refresh_from_db()
    assert nov.status == "draft"
    nov = services.report_save(actor=agri_editor, project=project, month=nov.month, report=nov,
                               **report_data(progress_percent=Decimal("35"), progress_decrease_reason="ทบทวนน้ำหนักงานใหม่"))
    assert services.report_submit(actor=agri_editor, report=nov).status == "submitted"


def test_over_disbursement_needs_reason(project: Any, agri_editor: Any) -> None:
    report = services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 12, 1),
                                  **report_data(disbursed_cumulative=Decimal("1000000.01")))
    with pytest.raises(ValidationError) as exc:
        services.report_submit(actor=agri_editor, report=report)
    assert exc.value.message_dict["over_disbursement_reason"] == [
        "ผลการเบิกจ่ายสะสม 1,000,000.01 บาท เกินงบที่ได้รับจัดสรรปีงบประมาณ 2565 (1,000,000.00 บาท) กรุณาระบุเหตุผล"]
    report = services.report_save(actor=agri_editor, project=project, month=report.month, report=report,
                                  **report_data(disbursed_cumulative=Decimal("1000000.00")))
    assert services.report_submit(actor=agri_editor, report=report).status == "submitted"


def test_report_month_rules(project: Any, agri_editor: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 9, 1), **report_data())
    assert "month" in exc.value.message_dict
    services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 10, 1), **report_data())
    with pytest.raises(ValidationError):
        services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 10, 9), **report_data())
    assert ProgressReport.objects.count() == 1


def test_draft_project_does_not_report(agri_editor: Any, agri: Any, strategy3: Any) -> None:
    draft = services.project_create(actor=agri_editor, agency=agri, strategy=strategy3, name_th="ร่าง",
                                    start_date=dt.date(2021, 10, 1), end_date=dt.date(2022, 9, 30), officer_name="ก")
    with pytest.raises(ValidationError):
        services.report_save(actor=agri_editor, project=draft, month=dt.date(2021, 10, 1), **report_data())
    with pytest.raises(ValidationError):
        services.project_set_status(actor=agri_editor, project=draft, status="approved")


def test_lateness_by_due_date(project: Any, agri_editor: Any, settings: Any, django_capture_on_commit_callbacks: Any) -> None:
    report = services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 10, 1), **report_data())
    report = services.report_submit(actor=agri_editor, report=report)
    ProgressReport.objects.filter(pk=report.pk).update(due_date=dt.date(2999, 1, 5))
    report.refresh_from_db()
    assert report.is_late is False


def test_evidence_checked_by_content_and_size(project: Any, agri_editor: Any, settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    settings.PROJECTS_EVIDENCE_MAX_BYTES = 1000
    report = services.report_save(actor=agri_editor, project=project, month=dt.date(2021, 10, 1), **report_data())
    fake = SimpleUploadedFile("photo.jpg", b"<html>not an image</html>")
    with pytest.raises(ValidationError) as exc:
        services.evidence_add(actor=agri_editor, report=report, file=fake, name=fake.name, size=fake.size)
    assert "ไม่ใช่รูปภาพ" in exc.value.messages[0]
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 2000)
    with pytest.raises(ValidationError) as exc:
        services.evidence_add(actor=agri_editor, report=report, file=big, name=big.name, size=big.size)
    assert "เกินขนาดที่อนุญาต" in exc.value.messages[0]
    ok = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\nhello")
    evidence = services.evidence_add(actor=agri_editor, report=report, file=ok, name=ok.name, size=ok.size)
    assert (evidence.content_type, evidence.original_name, EvidenceFile.objects.count()) == ("application/pdf", "scan.pdf", 1)


def test_action_plan_submit_approve(project: Any, agri_editor: Any, admin_user: Any, agri: Any, strategy3: Any) -> None:
    draft = services.project_create(actor=agri_editor, agency=agri, strategy=strategy3, name_th="ร่างในแผน",
                                    start_date=dt.date(2021, 10, 1), end_date=dt.date(2022, 9, 30), officer_name="ก")
    with pytest.raises(ValidationError):
        services.action_plan_submit(actor=agri_editor, agency=agri, fiscal_year_be=2563)
    plan = services.action_plan_submit(actor=agri_editor, agency=agri, fiscal_year_be=2565, note_th="ส่งแผน")
    assert plan.status == "submitted"
    with pytest.raises(ValidationError):
        services.action_plan_return(actor=admin_user, plan=plan, comment="")
    plan = services.action_plan_return(actor=admin_user, plan=plan, comment="เพิ่มตัวชี้วัด")
    plan = services.action_plan_submit(actor=agri_editor, agency=agri, fiscal_year_be=2565)
    plan = services.action_plan_approve(actor=admin_user, plan=plan)
    assert AgencyActionPlan.objects.get().status == "approved"
    draft.refresh_from_db()
    assert draft.status == "approved"


def test_rollup_for_hand_computed(project: Any, agri_editor: Any, admin_user: Any, agri: Any, strategy3: Any) -> None:
    other = services.project_create(actor=agri_editor, agency=agri, strategy=strategy3, name_th="โครงการสอง",
                                    start_date=dt.date(2021, 10, 1), end_date=dt.date(2021, 12, 31), officer_name="ข")
    services.budget_line_save(actor=agri_editor, project=other, fiscal_year_be=2565, source="agency",
                              planned=Decimal("300000"), allocated=Decimal("250000"))
    other = services.project_set_status(actor=agri_editor, project=other, status="in_progress")
    # project: Oct 30%/200k, Nov 50%/400k (both sent); other: Oct 80%/100k sent, Nov draft, Dec missing.
    for p, month, progress, disbursed, submit in [
        (project, dt.date(2021, 10, 1), "30", "200000", True), (project, dt.date(2021, 11, 1), "50", "400000", True),
        (other, dt.date(2021, 10, 1), "80", "100000", True), (other, dt.date(2021, 11, 1), "90", "150000", False),
    ]:
        r = services.report_save(actor=agri_editor, project=p, month=month,
                                 **report_data(progress_percent=Decimal(progress), disbursed_cumulative=Decimal(disbursed)))
        if submit:
            services.report_submit(actor=agri_editor, report=r)
    # Make October of "project" on time.
    ProgressReport.objects.filter(project=project, month=dt.date(2021, 10, 1)).update(due_date=dt.date(2999, 1, 1))
    q1 = selectors.rollup_for(quarter_period(2565, 1), as_of=dt.date(2022, 1, 6))
    # weights 1,000,000 and 250,000: (50*1M + 80*250k) / 1.25M = 56.00
    assert q1.weighted_progress == Decimal("56.00")
    assert (q1.allocated, q1.disbursed) == (Decimal("1250000"), Decimal("500000"))
    assert q1.disbursement_rate == Decimal("40.00")
    # due: project Oct, Nov, Dec (due 5 Jan < 6 Jan) = 3; other Oct, Nov, Dec = 3 → 6 due, 3 sent, 1 on time
    assert (q1.reports_due, q1.reports_sent, q1.reports_on_time) == (6, 3, 1)
    assert q1.on_time_rate == Decimal("16.67")
    assert q1.by_status == {"in_progress": 2}
    by_agency = selectors.rollup_breakdown(fiscal_year_period(2565), by="agency", as_of=dt.date(2022, 1, 6))
    assert [r["label"] for r in by_agency] == ["สำนักงานเกษตรจังหวัดสกลนคร"]
    assert by_agency[0]["rollup"].reports_missing == 3


def test_import_one_bad_row_imports_nothing(agri_editor: Any) -> None:
    from openpyxl import load_workbook

    from smartprovince.projects.exports import import_template

    wb = load_workbook(io.BytesIO(import_template()))
    ws = wb["โครงการ"]
    ws.delete_rows(3)
    ws.append(["1", "SKN-AGRI", 3, "โครงการนำเข้าหนึ่ง", "01/10/2564", "30/09/2565", "นายหนึ่ง"])
    ws.append(["2", "SKN-AGRI", 9, "โครงการนำเข้าสอง", "01/10/2564", "30/09/2565", "นายสอง"])
    ws.append(["3", "SKN-TOUR", 2, "โครงการของหน่วยงานอื่น", "31/02/2565", "30/09/2565", "นายสาม"])
    bs = wb["งบประมาณ"]
    bs.delete_rows(3)
    bs.append(["1", 2565, "งบจังหวัด", 500000, 450000])
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    result = services.projects_import(actor=agri_editor, file=out)
    assert not result.ok
    assert result.errors == [
        "แผ่น “โครงการ” แถว 4 คอลัมน์ C (ยุทธศาสตร์ที่): ไม่พบยุทธศาสตร์ที่ “9” ในแผนปัจจุบัน (1–4)",
        "แผ่น “โครงการ” แถว 5 คอลัมน์ B (รหัสหน่วยงาน): ท่านไม่มีสิทธิ์นำเข้าโครงการของสำนักงานการท่องเที่ยวและกีฬาจังหวัดสกลนคร",
        "แผ่น “โครงการ” แถว 5 คอลัมน์ E (วันเริ่มโครงการ): ไม่มีวันที่นี้ในปฏิทิน: 31/02/2565",
    ]
    assert Project.objects.count() == 0


def test_import_good_file(agri_editor: Any) -> None:
    from openpyxl import load_workbook

    from smartprovince.projects.exports import import_template

    wb = load_workbook(io.BytesIO(import_template()))
    wb["โครงการ"].delete_rows(3)
    wb["โครงการ"].append(["A", "SKN-AGRI", 3, "โครงการนำเข้า", "01/10/2564", "30/09/2565", "นายหนึ่ง", "", "", "", "", "", "", "เมืองสกลนคร, 4704"])
    wb["งบประมาณ"].delete_rows(3)
    wb["งบประมาณ"].append(["A", 2565, "งบจังหวัด", "500,000", 450000])
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    result = services.projects_import(actor=agri_editor, file=out)
    assert result.errors == []
    p = Project.objects.get()
    assert (p.code, p.strategy.number, p.budget_lines.get().allocated) == ("SKN-AGRI-2565-001", 3, Decimal("450000"))
    assert sorted(p.districts.values_list("code", flat=True)) == ["4701", "4704"]
