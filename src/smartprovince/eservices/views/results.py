"""Satisfaction results (charts, tables, XLSX) and the goal 2 channel-coverage table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from smartprovince.core import thai_calendar as tc
from smartprovince.core.permissions import PermissionRequiredMixin, agencies_with_perm
from smartprovince.core.xlsx import Sheet, xlsx_response

from .. import results as res
from .. import selectors
from ..forms import PeriodFilterForm
from ..stats import BAND_RANGES_TH, Summary

STAT_HEADERS = ["จำนวนคำตอบ", "ค่าเฉลี่ย (x̄)", "S.D.", "ร้อยละพึงพอใจ (ระดับ 4–5)", "ร้อยละคะแนน (x̄/5×100)", "ระดับความพึงพอใจ"]


def _stat_cells(s: Summary) -> list[Any]:
    return [
        s.n, float(s.mean) if s.mean is not None else None, float(s.sd) if s.sd is not None else None,
        float(s.pct_satisfied) if s.pct_satisfied is not None else None,
        float(s.pct_score) if s.pct_score is not None else None, s.band,
    ]


def _period(request: HttpRequest) -> tuple[PeriodFilterForm, dt.date | None, dt.date | None]:
    form = PeriodFilterForm(request.GET or None)
    if request.GET and form.is_valid():
        return form, form.cleaned_data.get("start"), form.cleaned_data.get("end")
    if not request.GET:
        fy = tc.fiscal_year_be(timezone.localdate())
        start, end = tc.fiscal_year_range(fy)
        form = PeriodFilterForm(initial={"start": start, "end": end})
        return form, start, end
    return form, None, None


def _bar(x: list[str], y: list[Any], title: str, *, horizontal: bool = False, range_max: float | None = 5) -> dict[str, Any]:
    trace: dict[str, Any] = {"type": "bar", "marker": {"color": "#4b2e83"}, "text": [f"{v:.2f}" if isinstance(v, float) else v for v in y], "textposition": "auto"}
    axis = {"range": [0, range_max]} if range_max else {}
    if horizontal:
        trace.update(x=y, y=x, orientation="h")
        layout = {"title": {"text": title}, "xaxis": axis, "yaxis": {"automargin": True, "autorange": "reversed"}, "height": 120 + 32 * len(x)}
    else:
        trace.update(x=x, y=y)
        layout = {"title": {"text": title}, "yaxis": axis}
    return {"data": [trace], "layout": layout}


class SurveyResultsView(PermissionRequiredMixin, View):
    permission = "eservices.survey:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey = selectors.access_survey(actor=request.user, pk=pk)
        form, start, end = _period(request)
        results = res.survey_results(survey.pk, start=start, end=end)
        if request.GET.get("export") == "xlsx":
            return self._export(survey, results, start, end)
        pairs = [(label, float(s.mean)) for _, label, s in results.sections if s.mean is not None]
        fig_sections = _bar([p[0] for p in pairs], [p[1] for p in pairs], "ค่าเฉลี่ยความพึงพอใจรายด้าน", horizontal=True) if pairs else None
        fig_months = {
            "data": [
                {"type": "scatter", "mode": "lines+markers+text", "x": [label for _, label, _ in results.months],
                 "y": [float(s.mean) if s.mean is not None else None for _, _, s in results.months],
                 "text": [f"{s.mean}" for _, _, s in results.months], "textposition": "top center",
                 "line": {"color": "#4b2e83"}, "name": "ค่าเฉลี่ย"},
            ],
            "layout": {"title": {"text": "ค่าเฉลี่ยความพึงพอใจรายเดือน"}, "yaxis": {"range": [1, 5.2]}},
        } if results.months else None
        return render(
            request, "eservices/survey_results.html",
            {
                "survey": survey, "results": results, "form": form, "start": start, "end": end,
                "fig_sections": fig_sections, "fig_months": fig_months, "bands": BAND_RANGES_TH,
            },
        )

    def _export(self, survey: Any, results: res.SurveyResults, start: dt.date | None, end: dt.date | None) -> HttpResponse:
        period = f"{tc.format_date(start) if start else 'เริ่มต้น'} – {tc.format_date(end) if end else 'ปัจจุบัน'}"
        caption = f"{survey.title_th} · {survey.agency.name_th} · ช่วง {period} · ผู้ตอบ {results.n_responses:,} ราย"
        sheets = [
            Sheet("สรุปรายด้าน", ["ด้าน", *STAT_HEADERS],
                  [[label, *_stat_cells(s)] for _, label, s in results.sections] + [["ภาพรวม", *_stat_cells(results.overall)]],
                  widths=[40, 12, 12, 10, 22, 22, 18], caption=caption),
            Sheet("รายข้อ", ["ด้าน", "ข้อคำถาม", *STAT_HEADERS, "น้อยที่สุด (1)", "น้อย (2)", "ปานกลาง (3)", "มาก (4)", "มากที่สุด (5)"],
                  [[q.get_section_display(), q.text_th, *_stat_cells(s), *s.counts] for q, s in results.questions],
                  widths=[30, 50, 12, 12, 10, 22, 22, 18, 10, 10, 10, 10, 10], caption=caption),
            Sheet("รายเดือน", ["เดือน", *STAT_HEADERS], [[label, *_stat_cells(s)] for _, label, s in results.months],
                  widths=[18, 12, 12, 10, 22, 22, 18], caption=caption),
            Sheet("ข้อเสนอแนะ", ["วันที่", "อำเภอ", "ข้อเสนอแนะ"],
                  [[tc.format_datetime(timezone.localtime(r.submitted_at)), r.district.name_th if r.district else "", r.comment] for r in results.comments],
                  widths=[22, 20, 80], caption=caption),
            Sheet("เกณฑ์", ["เกณฑ์การแปลผล"], [[BAND_RANGES_TH], ["S.D. = ส่วนเบี่ยงเบนมาตรฐานของกลุ่มตัวอย่าง (หารด้วย n − 1)"]], widths=[90]),
        ]
        return xlsx_response(f"ผลสำรวจความพึงพอใจ-{survey.pk}.xlsx", sheets)


class SatisfactionOverviewView(PermissionRequiredMixin, View):
    """Satisfaction per agency and per service in a period (province readers see every agency)."""

    permission = "eservices.survey:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        form, start, end = _period(request)
        allowed = agencies_with_perm(request.user, "eservices.survey:read")
        by_agency = res.satisfaction_by_agency(start=start, end=end, agency_ids=allowed)
        by_service = res.satisfaction_by_service(start=start, end=end, agency_ids=allowed)
        if request.GET.get("export") == "xlsx":
            return xlsx_response("ความพึงพอใจรายหน่วยงาน.xlsx", [
                Sheet("รายหน่วยงาน", ["หน่วยงาน", "ผู้ตอบ", *STAT_HEADERS], [[r["agency"], r["responses"], *_stat_cells(r["summary"])] for r in by_agency]),
                Sheet("รายงานบริการ", ["หน่วยงาน", "งานบริการ", *STAT_HEADERS], [[r["agency"], r["service"], *_stat_cells(r["summary"])] for r in by_service]),
            ])
        fig = _bar([r["agency"] for r in by_agency], [float(r["summary"].mean) for r in by_agency], "ค่าเฉลี่ยความพึงพอใจรายหน่วยงาน", horizontal=True) if by_agency else None
        return render(request, "eservices/satisfaction.html", {"form": form, "by_agency": by_agency, "by_service": by_service, "fig": fig, "bands": BAND_RANGES_TH})


class CoverageView(PermissionRequiredMixin, View):
    """Goal 2: agencies and their active digital channels (≥ 3 types each)."""

    permission = "eservices.coverage:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        rows = selectors.coverage_rows()
        covered = sum(1 for r in rows if r["meets"])
        pct = round(covered * 100 / len(rows), 2) if rows else None
        if request.GET.get("export") == "xlsx":
            return xlsx_response("ช่องทางดิจิทัลของหน่วยงาน-เป้าหมายที่2.xlsx", [Sheet(
                "เป้าหมายที่ 2", ["รหัส", "หน่วยงาน", "จำนวนช่องทางดิจิทัล", "ช่องทางดิจิทัลที่ใช้งาน", "ช่องทางอื่น", "ผล (เกณฑ์ ≥ 3)"],
                [[r["agency_code"], r["agency"], r["digital_channels"], ", ".join(r["channel_types"]), ", ".join(r["other_types"]),
                  "ครบ" if r["meets"] else f"ขาดอีก {r['missing']}"] for r in rows],
                widths=[14, 50, 14, 60, 30, 16],
                caption=f"หน่วยงานที่มีช่องทางดิจิทัลอย่างน้อย 3 ช่องทาง {covered}/{len(rows)} แห่ง (ร้อยละ {pct}) ณ {tc.format_date(timezone.localdate())}",
            )])
        return render(
            request, "eservices/coverage.html",
            {"rows": rows, "covered": covered, "total": len(rows), "pct": pct, "short": len(rows) - covered},
        )
