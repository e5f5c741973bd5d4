"""Forms of the data hub pages (the services validate; forms only shape the input)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from smartprovince.agencies.models import Agency
from smartprovince.core.forms import ThaiDateInput
from smartprovince.core.templatetags.thai import tr

from . import gdc
from .models import Column, DataDomain, Dataset, IntegrationLink, ITSystem


def _formfield(field: Any, **kwargs: Any) -> Any:
    from django.db import models

    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


def _multi(label: Any, values: tuple[str, ...], required: bool = False) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(label=label, choices=gdc.choices(values), required=required,
                                     widget=forms.CheckboxSelectMultiple)


class DatasetForm(forms.ModelForm[Dataset]):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("หน่วยงานเจ้าของข้อมูล"), required=True)
    tags_text = forms.CharField(label=_("คำสำคัญ"), required=False,
                                help_text=_("คั่นด้วยจุลภาค เช่น ข้าว, ผลผลิต, เกษตร"))
    domains = forms.ModelMultipleChoiceField(
        queryset=DataDomain.objects.filter(is_active=True), label=_("ด้านข้อมูล"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    objective = _multi(_("วัตถุประสงค์"), gdc.OBJECTIVES)
    data_format = _multi(_("รูปแบบการเก็บข้อมูล"), gdc.DATA_FORMATS)
    data_language = _multi(_("ภาษาที่ใช้"), gdc.DATA_LANGUAGES)
    disaggregate = _multi(_("การจัดจำแนก (สำหรับชุดข้อมูลสถิติ)"), gdc.DISAGGREGATES)

    class Meta:
        model = Dataset
        formfield_callback = _formfield
        fields = [
            "title", "name", "agency", "is_private", "domains", "data_type", "data_type_other", "notes",
            "tags_text", "maintainer", "maintainer_email", "objective", "objective_other", "update_frequency_unit",
            "update_frequency_unit_other", "update_frequency_interval", "geo_coverage", "geo_coverage_other",
            "data_source", "data_format", "data_format_other", "data_category", "data_classification", "license_id",
            "license_id_other", "accessible_condition", "url", "data_language", "data_language_other",
            "created_date", "last_updated_date", "allow_harvest", "reference_url_catalog", "high_value_dataset",
            "reference_data", "data_support", "data_support_other", "data_collect", "data_collect_other",
            "first_year_of_data_be", "last_year_of_data_be", "data_release_calendar", "disaggregate",
            "disaggregate_other", "unit_of_measure", "unit_of_multiplier", "unit_of_multiplier_other",
            "calculation_method", "standard", "official_statistics", "geographic_data_set", "equivalent_scale",
            "equivalent_scale_other", "west_bound_longitude", "east_bound_longitude", "north_bound_longitude",
            "south_bound_longitude", "positional_accuracy", "reference_period", "data_release_date",
        ]
        widgets = {
            "created_date": ThaiDateInput(), "last_updated_date": ThaiDateInput(),
            "data_release_calendar": ThaiDateInput(), "data_release_date": ThaiDateInput(),
            "notes": forms.Textarea(attrs={"rows": 4}), "calculation_method": forms.Textarea(attrs={"rows": 3}),
            "accessible_condition": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"name": _("a-z ตัวเล็ก ตัวเลข - และ _ ยาว 2–70 ตัวอักษร เว้นว่างให้ระบบตั้งให้")}

    def __init__(self, *args: Any, agencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies
        self.fields["domains"].label_from_instance = lambda d: tr(d, "title")  # type: ignore[attr-defined]
        for name in ("title", "data_type", "notes", "maintainer", "maintainer_email", "update_frequency_unit",
                     "geo_coverage", "data_source", "data_category", "license_id", "tags_text", "objective",
                     "data_format"):
            self.fields[name].required = False  # the service checks and answers in Thai
        self.fields["name"].required = False
        for name in ("data_type", "update_frequency_unit", "geo_coverage", "data_category", "license_id"):
            cast(forms.ChoiceField, self.fields[name]).choices = [("", _("— เลือก —")), *gdc.choices(dict(_CHOICES)[name])]
        self.mandatory = {"title", "data_type", "notes", "maintainer", "maintainer_email", "update_frequency_unit",
                          "geo_coverage", "data_source", "data_category", "license_id", "tags_text", "objective",
                          "data_format", "agency"}
        if self.instance and self.instance.pk:
            self.fields["tags_text"].initial = ", ".join(t.name for t in self.instance.tags.all())

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        for key in ("agency", "tags_text", "domains"):
            data.pop(key, None)
        return data


_CHOICES = [
    ("data_type", gdc.DATA_TYPES), ("update_frequency_unit", gdc.UPDATE_FREQUENCY_UNITS),
    ("geo_coverage", gdc.GEO_COVERAGES), ("data_category", gdc.DATA_CATEGORIES), ("license_id", gdc.LICENSES),
]


class ResourceForm(forms.Form):
    name = forms.CharField(label=_("ชื่อทรัพยากร"), max_length=300, required=False,
                           help_text=_("เว้นว่างเพื่อใช้ชื่อไฟล์"))
    description = forms.CharField(label=_("คำอธิบาย"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    upload = forms.FileField(label=_("ไฟล์ (CSV, XLSX, JSON, PDF …)"), required=False)
    url = forms.URLField(label=_("หรือ ลิงก์ไปยังข้อมูล"), required=False, max_length=1000,
                          assume_scheme="https")
    format = forms.CharField(label=_("นามสกุลของไฟล์"), max_length=30, required=False,
                             help_text=_("เว้นว่างให้ระบบอ่านจากชื่อไฟล์"))
    sheet = forms.CharField(label=_("แผ่นงาน (XLSX)"), max_length=100, required=False,
                            help_text=_("เว้นว่างเพื่อโหลดแผ่นงานแรก เลือกแผ่นงานอื่นได้ภายหลัง"))


class UploadForm(forms.Form):
    upload = forms.FileField(label=_("ไฟล์ฉบับใหม่"))
    sheet = forms.CharField(label=_("แผ่นงาน (XLSX)"), max_length=100, required=False)


class ColumnForm(forms.Form):
    name = forms.CharField(widget=forms.HiddenInput)
    label = forms.CharField(label=_("ชื่อที่แสดง"), max_length=200, required=False)
    description = forms.CharField(label=_("คำอธิบาย"), required=False)
    standard_key = forms.ChoiceField(label=_("คีย์มาตรฐาน"), required=False,
                                     choices=[("", _("— ไม่ใช่คีย์ —")), *Column.StandardKey.choices])


ColumnFormSet = forms.formset_factory(ColumnForm, extra=0)


class MetadataImportForm(forms.Form):
    file = forms.FileField(label=_("ไฟล์แม่แบบบัญชีข้อมูล (XLSX ของ GD Catalog)"))
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("หน่วยงานเจ้าของข้อมูล"))

    def __init__(self, *args: Any, agencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies


class DomainForm(forms.ModelForm[DataDomain]):
    class Meta:
        model = DataDomain
        fields = ["name", "title_th", "title_en", "description", "order", "is_active"]


class SystemForm(forms.ModelForm[ITSystem]):
    class Meta:
        model = ITSystem
        formfield_callback = _formfield
        fields = ["agency", "name", "kind", "status", "description", "url", "hosting", "launched_date"]
        widgets = {"launched_date": ThaiDateInput(), "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, agencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies


class LinkForm(forms.ModelForm[IntegrationLink]):
    class Meta:
        model = IntegrationLink
        fields = ["source", "target", "method", "description", "since", "is_active"]
        widgets = {"since": ThaiDateInput()}

    def __init__(self, *args: Any, sources: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["source"]).queryset = sources
        cast(forms.ModelChoiceField, self.fields["target"]).queryset = ITSystem.objects.select_related("agency").exclude(status="retired")
        self.fields["target"].label_from_instance = lambda s: f"{s.name} ({s.agency.name_th})"  # type: ignore[attr-defined]
