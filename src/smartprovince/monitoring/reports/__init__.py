"""Executive reports (plan 7.2(1) and 7.2(3)): gathered by ``data``, rendered as PDF or XLSX."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext_noop

from ..models import ReportArchive
from .data import report_data, report_period


def build_report(archive: ReportArchive, progress: Callable[[float, str], None]) -> tuple[bytes, str]:
    """The file content and its (Thai) file name for an archive row."""
    from smartprovince.plans.models import Plan

    plan = Plan.objects.filter(is_current=True).order_by("-fiscal_year_start_be").first()
    if plan is None:
        raise ValueError("ยังไม่มีแผนที่ใช้อยู่")
    today = timezone.localdate()
    period = report_period(archive.kind, archive.period_key, plan)
    if archive.kind == ReportArchive.Kind.EMENSCR:
        from .xlsx_report import build_emenscr

        progress(20, gettext_noop("กำลังรวบรวมข้อมูลโครงการ"))
        stem = f"eMENSCR_ความก้าวหน้าโครงการ_ปีงบ{period.fiscal_year_be}"
        return build_emenscr(period, as_of=today), f"{stem}.xlsx"
    progress(10, gettext_noop("กำลังรวบรวมข้อมูล"))
    data = report_data(kind=archive.kind, plan=plan, period=period, today=today)
    progress(30, gettext_noop("กำลังจัดทำเอกสาร"))
    if archive.format == ReportArchive.Format.PDF:
        from .pdf_report import build_pdf

        return build_pdf(data, progress), f"{data.file_stem}.pdf"
    from .xlsx_report import build_xlsx

    return build_xlsx(data), f"{data.file_stem}.xlsx"


__all__ = ["build_report", "report_data", "report_period"]
