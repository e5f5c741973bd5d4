from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from smartprovince.core.models import Area

from .models import Agency, Membership


class AgencyForm(forms.ModelForm[Agency]):
    district = forms.ModelChoiceField(
        queryset=Area.objects.filter(level=Area.Level.DISTRICT), required=False, label=_("อำเภอที่ตั้ง")
    )
    website = forms.URLField(label=_("เว็บไซต์"), required=False, assume_scheme="https")

    class Meta:
        model = Agency
        fields = [
            "code", "name_th", "name_en", "short_name_th", "kind", "parent_ministry_th",
            "district", "website", "email", "phone", "is_active",
        ]
        error_messages = {"code": {"unique": _("มีหน่วยงานที่ใช้รหัสนี้แล้ว")}}


class UserCreateForm(forms.Form):
    username = forms.CharField(label=_("ชื่อผู้ใช้"), max_length=150)
    first_name = forms.CharField(label=_("ชื่อ"), max_length=150, required=False)
    last_name = forms.CharField(label=_("นามสกุล"), max_length=150, required=False)
    email = forms.EmailField(label=_("อีเมล"), required=False)
    password = forms.CharField(
        label=_("รหัสผ่านเริ่มต้น"), widget=forms.PasswordInput(render_value=True), required=False,
        help_text=_("อย่างน้อย 10 ตัวอักษร ไม่ซ้ำกับชื่อผู้ใช้ และไม่ใช่ตัวเลขล้วน เว้นว่างได้หากจะตั้งภายหลัง"),
    )
    agency = forms.ModelChoiceField(queryset=Agency.objects.filter(is_active=True), label=_("หน่วยงาน"), required=False)
    role = forms.ChoiceField(label=_("บทบาท"), choices=[("", "—"), *Membership.Role.choices], required=False)

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username=username).exists():
            raise forms.ValidationError(gettext("มีชื่อผู้ใช้นี้อยู่แล้ว"))
        return username

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("agency")) != bool(data.get("role")):
            raise forms.ValidationError(gettext("กรุณาเลือกทั้งหน่วยงานและบทบาท หรือเว้นว่างทั้งคู่"))
        return data


class MembershipForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.filter(is_active=True), label=_("หน่วยงาน"))
    role = forms.ChoiceField(label=_("บทบาท"), choices=Membership.Role.choices)
