"""Forms of the training app (shape only; business rules are in the services)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from smartprovince.agencies.models import Agency
from smartprovince.core.forms import ThaiDateInput
from smartprovince.core.models import Area

from .models import Course, Person, PublicActivity, Session, SkillArea, SkillFramework
from .models.assessments import LiteracyLevel

DATE = ThaiDateInput(format="%Y-%m-%d")


def districts() -> Any:
    return Area.objects.filter(level=Area.Level.DISTRICT).order_by("name_th")


class AgencyChoiceForm(forms.Form):
    agency = forms.ModelChoiceField(Agency.objects.none(), label=_("หน่วยงาน"))

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies
        if agencies.count() == 1:
            self.fields["agency"].initial = agencies.first()


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["title_th", "first_name_th", "last_name_th", "position_th", "personnel_type", "job_group",
                  "role_level", "email", "started_on"]
        widgets = {"started_on": DATE}


class PersonLeaveForm(forms.Form):
    left_on = forms.DateField(label=_("วันที่พ้นจากหน่วยงาน"), widget=DATE)
    reason_th = forms.CharField(label=_("เหตุผล (เช่น ย้าย เกษียณ ลาออก)"), max_length=200, required=False)


class StaffImportForm(forms.Form):
    file = forms.FileField(label=_("ไฟล์ Excel (.xlsx) ตามแบบฟอร์ม"), help_text=_("ไม่เกิน 5 MB · หากมีแถวใดผิด จะไม่นำเข้าทั้งไฟล์"))

    def clean_file(self) -> Any:
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(gettext("กรุณาเลือกไฟล์ .xlsx"))
        return f


class HeadcountForm(forms.Form):
    fiscal_year_be = forms.IntegerField(label=_("ปีงบประมาณ (พ.ศ.)"), min_value=2500, max_value=2700)
    total = forms.IntegerField(label=_("จำนวนบุคลากรทั้งหมด (คน)"), min_value=1, required=False,
                               help_text=_("เว้นว่างเพื่อนับจากทะเบียนบุคลากรในระบบ"))
    it_count = forms.IntegerField(label=_("สายงาน IT (คน)"), min_value=0, required=False)
    note = forms.CharField(label=_("หมายเหตุ"), max_length=255, required=False)


class AreaMultipleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: SkillArea) -> str:
        return f"{obj.framework.code} {obj.framework.version} · {obj.name_th} ({obj.get_kind_display()})"


class CourseForm(forms.ModelForm):
    areas = AreaMultipleField(
        SkillArea.objects.filter(framework__is_active=True).select_related("framework"),
        label=_("ด้านทักษะตามกรอบ"), required=False, widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Course
        fields = ["code", "title_th", "description_th", "areas", "hours", "provider_th", "mode", "qualifies_for_literacy", "is_active"]
        widgets = {"description_th": forms.Textarea(attrs={"rows": 3})}


class SessionForm(forms.ModelForm):
    district = forms.ModelChoiceField(Area.objects.none(), label=_("อำเภอ"), required=False)

    class Meta:
        model = Session
        fields = ["name_th", "starts_on", "ends_on", "is_online", "place_th", "online_url", "district", "capacity", "is_cancelled"]
        widgets = {"starts_on": DATE, "ends_on": DATE}
        field_classes: dict[str, Any] = {}

    online_url = forms.URLField(label=_("ลิงก์ห้องออนไลน์"), required=False, assume_scheme="https")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["district"]).queryset = districts()


class EnrolForm(forms.Form):
    people = forms.ModelMultipleChoiceField(Person.objects.none(), label=_("บุคลากรที่จะลงทะเบียน"),
                                            widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["people"]).queryset = people


class ActivityForm(forms.ModelForm):
    district = forms.ModelChoiceField(Area.objects.none(), label=_("อำเภอ"))

    class Meta:
        model = PublicActivity
        fields = ["title_th", "description_th", "held_on", "ends_on", "district", "place_th", "target_group",
                  "participants", "topics_th", "is_published"]
        widgets = {"held_on": DATE, "ends_on": DATE, "description_th": forms.Textarea(attrs={"rows": 3}),
                   "topics_th": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["district"]).queryset = districts()


class PhotoForm(forms.Form):
    image = forms.ImageField(label=_("ภาพกิจกรรม (JPG/PNG ไม่เกิน 5 MB)"))
    caption_th = forms.CharField(label=_("คำบรรยายภาพ"), max_length=255, required=False)


class AssessmentForm(forms.Form):
    assessed_on = forms.DateField(label=_("วันที่ประเมิน"), widget=DATE)
    assessor_th = forms.CharField(label=_("ผู้ประเมิน/เครื่องมือที่ใช้"), max_length=255, required=False)

    def __init__(self, *args: Any, framework: SkillFramework, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.area_fields = []
        for area in framework.areas.exclude(kind=SkillArea.Kind.DIMENSION).order_by("order"):
            name = f"area_{area.pk}"
            self.fields[name] = forms.DecimalField(label=f"{area.name_th} (คะแนนร้อยละ)", min_value=0, max_value=100,
                                                   required=False, decimal_places=2)
            self.area_fields.append((area.pk, name))

    def scores(self) -> dict[int, Any]:
        return {pk: self.cleaned_data.get(name) for pk, name in self.area_fields}


class PolicyForm(forms.Form):
    min_level = forms.TypedChoiceField(label=_("ระดับขั้นต่ำที่ถือว่ามีความรู้เท่าทันดิจิทัล"), choices=LiteracyLevel.choices, coerce=int)
    bound_2 = forms.DecimalField(label=_("คะแนนขั้นต่ำของระดับ 2"), min_value=0, max_value=100)
    bound_3 = forms.DecimalField(label=_("คะแนนขั้นต่ำของระดับ 3"), min_value=0, max_value=100)
    bound_4 = forms.DecimalField(label=_("คะแนนขั้นต่ำของระดับ 4"), min_value=0, max_value=100)
    bound_5 = forms.DecimalField(label=_("คะแนนขั้นต่ำของระดับ 5"), min_value=0, max_value=100)
    course_counts = forms.BooleanField(label=_("นับผู้ผ่านหลักสูตรที่กำหนดเป็นผู้มีความรู้เท่าทันดิจิทัล"), required=False)


class AreaForm(forms.ModelForm):
    class Meta:
        model = SkillArea
        fields = ["code", "name_th", "name_en", "kind", "description_th", "order"]
        widgets = {"description_th": forms.Textarea(attrs={"rows": 2})}


class NewVersionForm(forms.Form):
    version = forms.CharField(label=_("ฉบับใหม่ (เช่น 2568)"), max_length=16)
