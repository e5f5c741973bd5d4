"""Forms: shape only (the services hold the rules)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from smartprovince.agencies.models import Agency
from smartprovince.core.thai_calendar import parse_date, parse_period_key
from smartprovince.plans.models import Indicator

from .models import CorrectiveAction, InspectionFinding, ReportArchive


class BEDateField(forms.CharField):
    """A date typed in BE (15/07/2565, 15 ก.ค. 2565) or ISO from a date picker."""

    def to_python(self, value: Any) -> dt.date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_date(text)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None


class PeriodField(forms.CharField):
    def to_python(self, value: Any) -> Any:
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_period_key(text)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None


def agency_choices() -> Any:
    return Agency.objects.filter(is_active=True).order_by("name_th")


class ReportedValueForm(forms.Form):
    period = PeriodField(label=_("งวด"), help_text=_("ปีงบประมาณ เช่น 2565 (รายไตรมาส เช่น 2565-Q2)"))
    value = forms.CharField(label=_("ค่าที่วัดได้"), max_length=40)
    numerator = forms.CharField(label=_("ตัวตั้ง (ถ้ามี)"), max_length=40, required=False)
    denominator = forms.CharField(label=_("ตัวหาร (ถ้ามี)"), max_length=40, required=False)
    note_th = forms.CharField(label=_("วิธีได้มาของค่าและแหล่งข้อมูล"), widget=forms.Textarea, required=False)
    evidence = forms.FileField(label=_("ไฟล์หลักฐาน (PDF, รูปภาพ, XLSX, DOCX ไม่เกิน 10 MB)"), required=False)
    evidence_url = forms.URLField(label=_("ลิงก์แหล่งข้อมูล"), required=False, max_length=500, assume_scheme="https")


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("ความเห็น"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class TargetsForm(forms.Form):
    """One field per fiscal year of the plan, plus the responsible agency."""

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = {t.fiscal_year_be: t.value for t in indicator.targets.all()}
        for fy in indicator.plan.fiscal_years:
            self.fields[f"fy_{fy}"] = forms.CharField(
                label=f"ค่าเป้าหมายปีงบประมาณ {fy} ({indicator.unit_th})", required=False, max_length=40,
                initial=current.get(fy),
            )
        self.fields["responsible_agency"] = forms.ModelChoiceField(
            label=gettext("หน่วยงานรับผิดชอบ/รายงานผล"), queryset=agency_choices(), required=False,
            initial=indicator.responsible_agency_id,
        )


class ThresholdsForm(forms.Form):
    on_track_percent = forms.DecimalField(label=_("เป็นไปตามเป้าหมาย เมื่อผลไม่น้อยกว่าร้อยละ"), max_digits=6, decimal_places=2)
    at_risk_percent = forms.DecimalField(label=_("มีความเสี่ยง เมื่อผลไม่น้อยกว่าร้อยละ"), max_digits=6, decimal_places=2)


class CorrectiveActionForm(forms.ModelForm[CorrectiveAction]):
    due_date = BEDateField(label=_("กำหนดแล้วเสร็จ"), help_text=_("เช่น 30/09/2565"))

    class Meta:
        model = CorrectiveAction
        fields = ["indicator", "project", "problem_th", "action_th", "owner_agency", "due_date", "status", "result_th"]
        widgets = {
            "problem_th": forms.Textarea(attrs={"rows": 3}), "action_th": forms.Textarea(attrs={"rows": 3}),
            "result_th": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from smartprovince.projects.models import Project

        self.fields["owner_agency"].queryset = agency_choices()  # type: ignore[attr-defined]
        self.fields["indicator"].queryset = Indicator.objects.filter(plan__is_current=True).order_by("order")  # type: ignore[attr-defined]
        self.fields["indicator"].required = False
        self.fields["project"].required = False
        self.fields["project"].queryset = Project.objects.select_related("agency").order_by("-fiscal_year_be", "code")  # type: ignore[attr-defined]


class CorrectiveActionProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("สถานะ"), choices=CorrectiveAction.Status.choices)
    result_th = forms.CharField(label=_("ผลการดำเนินการ"), widget=forms.Textarea(attrs={"rows": 4}), required=False)


class FindingForm(forms.ModelForm[InspectionFinding]):
    inspected_on = BEDateField(label=_("วันที่ตรวจ"), help_text=_("เช่น 15/03/2565"))

    class Meta:
        model = InspectionFinding
        fields = [
            "fiscal_year_be", "round_number", "inspected_on", "agency", "project", "indicator", "findings_th",
            "problems_th", "obstacles_th", "recommendations_th", "follow_up_status", "follow_up_note_th",
        ]
        widgets = {
            "findings_th": forms.Textarea(attrs={"rows": 4}), "problems_th": forms.Textarea(attrs={"rows": 3}),
            "obstacles_th": forms.Textarea(attrs={"rows": 3}), "recommendations_th": forms.Textarea(attrs={"rows": 3}),
            "follow_up_note_th": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from smartprovince.projects.models import Project

        self.fields["agency"].queryset = agency_choices()  # type: ignore[attr-defined]
        self.fields["indicator"].queryset = Indicator.objects.filter(plan__is_current=True).order_by("order")  # type: ignore[attr-defined]
        self.fields["project"].queryset = Project.objects.order_by("-fiscal_year_be", "code")  # type: ignore[attr-defined]


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("ประเภทรายงาน"), choices=ReportArchive.Kind.choices)
    format = forms.ChoiceField(label=_("รูปแบบไฟล์"), choices=ReportArchive.Format.choices)
    period = forms.CharField(
        label=_("งวด"), max_length=12, required=False,
        help_text=_("รายเดือน เช่น 2565-M06 · รายไตรมาส เช่น 2565-Q2 · รายปี เช่น 2565 (รายงานสิ้นสุดแผนไม่ต้องระบุ)"),
    )
