"""Forms of the e-services app (shape only; business rules live in the services)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smartprovince.core import thai_calendar as tc
from smartprovince.core.forms import ThaiDateInput
from smartprovince.core.models import Area

from .choices import SCALE, ChannelType, Section
from .models import Channel, EService, Survey, SurveyQuestion


def _set_queryset(form: forms.BaseForm, name: str, queryset: Any) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


class EServiceForm(forms.ModelForm[EService]):
    url = forms.URLField(label=_("ลิงก์บริการออนไลน์"), max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = EService
        fields = [
            "agency", "code", "name_th", "description_th", "category", "legal_basis_th", "fee_baht", "fee_note_th",
            "processing_time", "processing_time_unit", "digital_level", "url", "launched_on", "is_active",
        ]
        widgets = {
            "description_th": forms.Textarea(attrs={"rows": 4}),
            "legal_basis_th": forms.Textarea(attrs={"rows": 3}),
            "launched_on": ThaiDateInput(),
        }

    def __init__(self, *args: Any, agencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].required = False
        if self.instance.pk:
            del self.fields["agency"]
        elif agencies is not None:
            _set_queryset(self, "agency", agencies)


class ChannelForm(forms.ModelForm[Channel]):
    class Meta:
        model = Channel
        fields = ["agency", "service", "channel_type", "label_th", "address", "is_active", "started_on", "last_verified_on"]
        widgets = {"started_on": ThaiDateInput(), "last_verified_on": ThaiDateInput()}

    def __init__(self, *args: Any, agencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["agency"]
            _set_queryset(self, "service", EService.objects.filter(agency_id=self.instance.agency_id))
        else:
            if agencies is not None:
                _set_queryset(self, "agency", agencies)
            services = EService.objects.select_related("agency")
            if agencies is not None:
                services = services.filter(agency__in=agencies)
            _set_queryset(self, "service", services)
        self.fields["service"].label_from_instance = lambda s: f"{s.name_th} ({s.agency.short_name_th or s.agency.code})"  # type: ignore[attr-defined]


MONTH_CHOICES = [(i, name) for i, name in enumerate(tc.MONTHS_LONG, start=1)]


class UsageForm(forms.Form):
    service = forms.ModelChoiceField(queryset=EService.objects.none(), label=_("งานบริการ"))
    channel_type = forms.ChoiceField(label=_("ช่องทาง"), choices=ChannelType.choices)
    month = forms.TypedChoiceField(label=_("เดือน"), choices=MONTH_CHOICES, coerce=int)
    year_be = forms.IntegerField(label=_("ปี พ.ศ."), min_value=2550, max_value=2700)
    transactions = forms.IntegerField(label=_("จำนวนรายการ"), min_value=0, max_value=100_000_000)

    def __init__(self, *args: Any, services: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if services is not None:
            _set_queryset(self, "service", services)
        self.fields["service"].label_from_instance = lambda s: f"{s.code} · {s.name_th}"  # type: ignore[attr-defined]

    def offer(self, services: Any) -> None:
        """Show ``services`` as the choice (after validation against every writable service)."""
        _set_queryset(self, "service", services)

    def month_date(self) -> Any:
        import datetime as dt

        return dt.date(tc.ce_year(self.cleaned_data["year_be"]), self.cleaned_data["month"], 1)


class UsageImportForm(forms.Form):
    file = forms.FileField(label=_("ไฟล์ Excel (.xlsx)"), help_text=_("คอลัมน์: รหัสงานบริการ · ช่องทาง · เดือน · จำนวนรายการ"))


class SurveyForm(forms.ModelForm[Survey]):
    class Meta:
        model = Survey
        fields = ["agency", "service", "title_th", "intro_th", "is_open"]
        widgets = {"intro_th": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, agencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["intro_th"].help_text = "เว้นว่างเพื่อใช้คำชี้แจงมาตรฐาน (ไม่เก็บข้อมูลส่วนบุคคล)"
        if self.instance.pk:
            del self.fields["agency"]
            _set_queryset(self, "service", EService.objects.filter(agency_id=self.instance.agency_id))
        else:
            if agencies is not None:
                _set_queryset(self, "agency", agencies)
            services = EService.objects.select_related("agency")
            _set_queryset(self, "service", services.filter(agency__in=agencies) if agencies is not None else services)


class QuestionForm(forms.ModelForm[SurveyQuestion]):
    class Meta:
        model = SurveyQuestion
        fields = ["section", "text_th", "order", "is_active"]


class PeriodFilterForm(forms.Form):
    start = forms.DateField(label=_("ตั้งแต่วันที่"), required=False, widget=ThaiDateInput())
    end = forms.DateField(label=_("ถึงวันที่"), required=False, widget=ThaiDateInput())


# ----------------------------------------------------------------- the public survey form

HONEYPOT_FIELD = "website"


class SurveyResponseForm(forms.Form):
    """Built from the survey's active questions; every rating is optional (skip what you did not use)."""

    district = forms.ModelChoiceField(
        queryset=Area.objects.filter(level=Area.Level.DISTRICT), required=False, label=_("อำเภอที่ท่านอาศัย (ไม่บังคับ)"),
        empty_label=_("— ไม่ระบุ —"), to_field_name="code",
    )
    channel_type = forms.ChoiceField(
        label=_("ช่องทางที่ท่านใช้บริการครั้งนี้ (ไม่บังคับ)"), required=False,
        choices=[("", _("— ไม่ระบุ —")), *ChannelType.choices],
    )
    comment = forms.CharField(
        label=_("ข้อเสนอแนะเพิ่มเติม (ไม่บังคับ)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
        help_text=_("กรุณาอย่าระบุชื่อ เลขบัตรประชาชน หรือเบอร์โทรศัพท์"),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(required=False, label=_("เว็บไซต์ (เว้นว่างไว้)"))

    def __init__(self, *args: Any, questions: list[SurveyQuestion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for q in questions:
            self.fields[f"q_{q.pk}"] = forms.TypedChoiceField(
                label=q.text_th, required=False, choices=SCALE, coerce=int, widget=forms.RadioSelect,
            )

    def sections(self) -> list[dict[str, Any]]:
        labels = dict(Section.choices)
        grouped: list[dict[str, Any]] = []
        for q in self.questions:
            if not grouped or grouped[-1]["code"] != q.section:
                grouped.append({"code": q.section, "label": labels.get(q.section, q.section), "fields": []})
            grouped[-1]["fields"].append(self[f"q_{q.pk}"])
        return grouped

    def answers(self) -> dict[int, int]:
        return {q.pk: self.cleaned_data[f"q_{q.pk}"] for q in self.questions if self.cleaned_data.get(f"q_{q.pk}")}


def agency_choices(qs: Any) -> list[tuple[Any, str]]:
    return [("", "ทุกหน่วยงาน"), *((a.pk, a.name_th) for a in qs)]


