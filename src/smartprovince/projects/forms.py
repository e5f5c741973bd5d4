"""Forms of the projects pages (shape only; business rules live in the services)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from smartprovince.core.forms import ThaiDateInput
from smartprovince.core.models import Area
from smartprovince.plans.models import ReferenceItem, Strategy

from .models import BudgetLine, Milestone, ProgressReport, Project, ProjectIndicator


class ProjectForm(forms.ModelForm[Project]):
    strategy = forms.ModelChoiceField(
        queryset=Strategy.objects.filter(plan__is_current=True).order_by("number"), label=_("ยุทธศาสตร์จังหวัด"),
        empty_label=_("— เลือกยุทธศาสตร์ —"),
    )
    alignments = forms.ModelMultipleChoiceField(
        queryset=ReferenceItem.objects.select_related("plan").order_by("plan__order", "order"), required=False,
        label=_("ความสอดคล้องกับแผนระดับชาติ"), widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("กด Ctrl (หรือ ⌘) ค้างไว้เพื่อเลือกหลายรายการ"),
    )
    districts = forms.ModelMultipleChoiceField(
        queryset=Area.objects.filter(level=Area.Level.DISTRICT).order_by("name_th"), required=False,
        label=_("อำเภอที่ดำเนินการ"), widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    subdistricts = forms.ModelMultipleChoiceField(
        queryset=Area.objects.filter(level=Area.Level.SUBDISTRICT).select_related("parent").order_by("parent__name_th", "name_th"),
        required=False, label=_("ตำบลที่ดำเนินการ"), widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("เลือกตำบลแล้ว ระบบจะเพิ่มอำเภอของตำบลนั้นให้เอง"),
    )

    class Meta:
        model = Project
        fields = [
            "strategy", "name_th", "rationale_th", "objectives_th", "target_group_th", "start_date", "end_date",
            "officer_name", "officer_position", "officer_phone", "officer_email", "alignments", "districts",
            "subdistricts",
        ]
        widgets = {
            "start_date": ThaiDateInput(), "end_date": ThaiDateInput(),
            "rationale_th": forms.Textarea(attrs={"rows": 4}), "objectives_th": forms.Textarea(attrs={"rows": 3}),
            "target_group_th": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, agencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subdistricts"].label_from_instance = lambda a: f"{a.name_th} (อ.{a.parent.name_th})"  # type: ignore[attr-defined]
        self.fields["alignments"].label_from_instance = lambda i: f"{i.plan.code} · {i.code} {i.name_th[:90]}"  # type: ignore[attr-defined]
        if agencies is not None:
            self.fields["agency"] = forms.ModelChoiceField(queryset=agencies, label=gettext("หน่วยงานเจ้าของโครงการ"))
            self.order_fields(["agency", *self.Meta.fields])
            if agencies.count() == 1:
                self.initial.setdefault("agency", agencies.first())

    def _post_clean(self) -> None:
        # Model validation runs in the service (it derives the code and fiscal years first).
        pass


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Project.Status.choices, label=_("สถานะโครงการ"))
    note = forms.CharField(label=_("หมายเหตุ"), required=False, max_length=500)


class BudgetLineForm(forms.ModelForm[BudgetLine]):
    class Meta:
        model = BudgetLine
        fields = ["fiscal_year_be", "source", "planned", "allocated", "note_th"]

    def _post_clean(self) -> None:
        pass


class MilestoneForm(forms.ModelForm[Milestone]):
    class Meta:
        model = Milestone
        fields = ["name_th", "due_date", "done_date"]
        widgets = {"due_date": ThaiDateInput(), "done_date": ThaiDateInput()}

    def _post_clean(self) -> None:
        pass


class IndicatorForm(forms.ModelForm[ProjectIndicator]):
    class Meta:
        model = ProjectIndicator
        fields = ["kind", "name_th", "unit_th", "target"]

    def _post_clean(self) -> None:
        pass


class ReportForm(forms.ModelForm[ProgressReport]):
    month = forms.DateField(label=_("เดือนที่รายงาน"), widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
                            input_formats=["%Y-%m", "%Y-%m-%d"])

    class Meta:
        model = ProgressReport
        fields = [
            "month", "progress_percent", "progress_decrease_reason", "disbursed_cumulative",
            "over_disbursement_reason", "schedule_status", "work_done_th", "outputs_achieved_th", "problems_th",
            "help_needed_th", "next_month_plan_th",
        ]
        widgets = {
            "progress_percent": forms.NumberInput(attrs={"min": 0, "max": 100, "step": "0.01", "inputmode": "decimal"}),
            "disbursed_cumulative": forms.NumberInput(attrs={"min": 0, "step": "0.01", "inputmode": "decimal"}),
            **{f: forms.Textarea(attrs={"rows": 3}) for f in (
                "progress_decrease_reason", "over_disbursement_reason", "work_done_th", "outputs_achieved_th",
                "problems_th", "help_needed_th", "next_month_plan_th")},
        }
        help_texts = {
            "progress_decrease_reason": "กรอกเมื่อความก้าวหน้าน้อยกว่าเดือนก่อน",
            "over_disbursement_reason": "กรอกเมื่อเบิกจ่ายสะสมเกินงบที่ได้รับจัดสรรในปีงบประมาณ",
            "disbursed_cumulative": "ยอดเบิกจ่ายสะสมตั้งแต่ต้นปีงบประมาณถึงสิ้นเดือนที่รายงาน",
        }

    def __init__(self, *args: Any, indicators: Any = (), fixed_month: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        if fixed_month:
            self.fields["month"].disabled = True
        results = {}
        if self.instance.pk:
            results = {r.indicator_id: r.value for r in self.instance.indicator_results.all()}
        for ind in self.indicators:
            self.fields[f"indicator_{ind.pk}"] = forms.DecimalField(
                label=f"{ind.name_th} (เป้าหมาย {ind.target:,.2f} {ind.unit_th})", required=False, min_value=0,
                max_digits=14, decimal_places=2, initial=results.get(ind.pk),
                help_text=gettext("ผลสะสมถึงสิ้นเดือนที่รายงาน"),
            )

    def indicator_values(self) -> dict[int, Any]:
        return {ind.pk: self.cleaned_data.get(f"indicator_{ind.pk}") for ind in self.indicators}

    def report_fields(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k in self.Meta.fields and k != "month"}

    def _post_clean(self) -> None:
        pass


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("ไฟล์หลักฐาน (JPEG, PNG หรือ PDF)"))
    caption_th = forms.CharField(label=_("คำอธิบาย"), required=False, max_length=300)


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("ความเห็น"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ActionPlanSubmitForm(forms.Form):
    note_th = forms.CharField(label=_("หมายเหตุถึงจังหวัด"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("ไฟล์ XLSX ตามแบบฟอร์มนำเข้า"))
