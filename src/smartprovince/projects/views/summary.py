"""Quarterly and annual summaries (computed from the monthly reports) and the agency compliance table."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from smartprovince.core.permissions import PermissionRequiredMixin
from smartprovince.core.thai_calendar import Period, fiscal_year_period, parse_period_key, quarter_period
from smartprovince.core.xlsx import Sheet, xlsx_response

from .. import selectors
from ..models import Project
from ..selectors.compliance import compliance_table, ledgers
from ..selectors.rollups import summary_table
from .common import fiscal_year_choices, fiscal_year_param


def _period(request: HttpRequest) -> Period:
    key = request.GET.get("period", "").strip()
    if key:
        try:
            period = parse_period_key(key)
            if period.kind in ("year", "quarter"):
                return period
        except ValueError:
            pass
    return fiscal_year_period(fiscal_year_param(request) or 0)


def _periods(fy: int) -> list[Period]:
    return [fiscal_year_period(fy)] + [quarter_period(fy, q) for q in (1, 2, 3, 4)]


def _fmt(value: Any) -> Any:
    return "" if value is None else float(value)


class SummaryView(PermissionRequiredMixin, View):
    permission = "projects.project:read"
    page_size = 50

    def get(self, request: HttpRequest) -> HttpResponse:
        period = _period(request)
        by = request.GET.get("by", "strategy")
        if by not in ("strategy", "agency", "project"):
            by = "strategy"
        allowed = selectors.visible_agency_ids(request.user)
        as_of = timezone.localdate()
        total, rows = summary_table(period, by=by, as_of=as_of, agency_ids=allowed)  # type: ignore[arg-type]
        if request.GET.get("format") == "xlsx":
            sheet_rows = [
                [r["label"], r["rollup"].project_count, r["rollup"].active_count, _fmt(r["rollup"].weighted_progress),
                 float(r["rollup"].allocated), float(r["rollup"].disbursed), _fmt(r["rollup"].disbursement_rate),
                 r["rollup"].reports_due, r["rollup"].reports_on_time, _fmt(r["rollup"].on_time_rate)]
                for r in rows
            ]
            sheet_rows.append(["รวมทั้งหมด", total.project_count, total.active_count, _fmt(total.weighted_progress),
                               float(total.allocated), float(total.disbursed), _fmt(total.disbursement_rate),
                               total.reports_due, total.reports_on_time, _fmt(total.on_time_rate)])
            return xlsx_response(f"สรุปผลโครงการ-{period.key}.xlsx", [Sheet(
                "สรุปผล", ["กลุ่ม", "โครงการทั้งหมด", "โครงการที่ดำเนินการ", "ความก้าวหน้าเฉลี่ยถ่วงน้ำหนักงบ (%)",
                           "งบจัดสรร (บาท)", "เบิกจ่ายสะสม (บาท)", "อัตราการเบิกจ่าย (%)", "รายงานที่ถึงกำหนด",
                           "ส่งตรงเวลา", "อัตราการส่งตรงเวลา (%)"],
                sheet_rows, caption=f"สรุปผลการดำเนินโครงการ {period.label}",
            )])
        page = Paginator(rows, self.page_size).get_page(request.GET.get("page"))
        return render(request, "projects/summary.html", {
            "period": period, "periods": _periods(period.fiscal_year_be), "by": by, "total": total,
            "rows": page.object_list, "page_obj": page,
            "statuses": Project.Status.choices, "fiscal_years": fiscal_year_choices(), "as_of": as_of,
        })


class ComplianceView(PermissionRequiredMixin, View):
    """Agencies' monthly reporting in a period: the table is cached per data version and paged; the
    missing reports are listed for the agencies of the page; the export lists every overdue report."""

    permission = "projects.project:read"
    page_size = 50

    def get(self, request: HttpRequest) -> HttpResponse:
        period = _period(request)
        as_of = timezone.localdate()
        allowed = selectors.visible_agency_ids(request.user)
        if request.GET.get("format") == "xlsx":
            return self._export(period, as_of, allowed)
        table = compliance_table(period, as_of=as_of, agency_ids=allowed)
        page = Paginator(table.rows, self.page_size).get_page(request.GET.get("page"))
        owing = {r.agency_id for r in page.object_list if r.reports_missing}
        on_page = ledgers(period, as_of=as_of, agency_ids=owing)
        rows = [{"row": r, "ledgers": [lg for lg in on_page.get(r.agency_id, []) if lg.missing]} for r in page.object_list]
        return render(request, "projects/compliance.html", {
            "period": period, "periods": _periods(period.fiscal_year_be), "rows": rows, "page_obj": page,
            "total": table.total, "agency_count": len(table.rows), "fiscal_years": fiscal_year_choices(), "as_of": as_of,
        })

    def _export(self, period: Period, as_of: Any, allowed: set[int] | None) -> HttpResponse:
        by_agency = ledgers(period, as_of=as_of, agency_ids=allowed)
        sheet_rows = []
        for agency_ledgers in sorted(by_agency.values(), key=lambda lgs: lgs[0].agency_name):
            for ledger in agency_ledgers:
                for month in ledger.missing:
                    sheet_rows.append([ledger.agency_name, ledger.code, ledger.name_th, month.isoformat(), "ยังไม่ส่ง"])
                for month in ledger.late:
                    sheet_rows.append([ledger.agency_name, ledger.code, ledger.name_th, month.isoformat(), "ส่งล่าช้า"])
        return xlsx_response(f"การส่งรายงาน-{period.key}.xlsx", [Sheet(
            "รายงานค้างและล่าช้า", ["หน่วยงาน", "รหัสโครงการ", "ชื่อโครงการ", "เดือน", "สถานะ"], sheet_rows,
            caption=f"รายงานที่ยังไม่ส่งหรือส่งล่าช้า {period.label}",
        )])
