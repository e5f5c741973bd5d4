"""Agencies taking part in the plan, and who works for which with what role."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from smartprovince.core import permissions as roles


class Agency(models.Model):
    class Kind(models.TextChoices):
        PROVINCIAL_OFFICE = "provincial_office", "ส่วนราชการประจำจังหวัด"
        REGIONAL_OFFICE = "regional_office", "หน่วยงานส่วนกลางในภูมิภาค"
        LOCAL_GOVERNMENT = "local_government", "องค์กรปกครองส่วนท้องถิ่น"
        STATE_ENTERPRISE = "state_enterprise", "รัฐวิสาหกิจ"
        EDUCATION = "education", "สถาบันการศึกษา"
        OTHER = "other", "อื่น ๆ"

    code = models.CharField("รหัสหน่วยงาน", max_length=32, unique=True)
    name_th = models.CharField("ชื่อหน่วยงาน (ไทย)", max_length=255)
    name_en = models.CharField("ชื่อหน่วยงาน (อังกฤษ)", max_length=255, blank=True)
    short_name_th = models.CharField("ชื่อย่อ", max_length=64, blank=True)
    kind = models.CharField("ประเภท", max_length=32, choices=Kind.choices, default=Kind.PROVINCIAL_OFFICE)
    parent_ministry_th = models.CharField("สังกัดกระทรวง", max_length=255, blank=True)
    district = models.ForeignKey(
        "core.Area", verbose_name="อำเภอที่ตั้ง", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    website = models.URLField("เว็บไซต์", blank=True)
    email = models.EmailField("อีเมลติดต่อ", blank=True)
    phone = models.CharField("โทรศัพท์", max_length=64, blank=True)
    is_active = models.BooleanField("ใช้งาน", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_th"]
        verbose_name = "หน่วยงาน"
        verbose_name_plural = "หน่วยงาน"

    def __str__(self) -> str:
        return self.name_th


class Membership(models.Model):
    class Role(models.TextChoices):
        PROVINCE_ADMIN = roles.PROVINCE_ADMIN, "ผู้ดูแลระบบระดับจังหวัด"
        EXECUTIVE = roles.EXECUTIVE, "ผู้บริหาร"
        INSPECTOR = roles.INSPECTOR, "ผู้ตรวจราชการ/ผู้ติดตามประเมินผล"
        AGENCY_EDITOR = roles.AGENCY_EDITOR, "เจ้าหน้าที่หน่วยงาน (บันทึกข้อมูล)"
        AGENCY_VIEWER = roles.AGENCY_VIEWER, "เจ้าหน้าที่หน่วยงาน (ดูข้อมูล)"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships", verbose_name="หน่วยงาน")
    role = models.CharField("บทบาท", max_length=32, choices=Role.choices)
    is_active = models.BooleanField("ใช้งาน", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name_th", "role"]
        constraints = [models.UniqueConstraint(fields=["user", "agency", "role"], name="membership_unique_role")]
        verbose_name = "บทบาทในหน่วยงาน"
        verbose_name_plural = "บทบาทในหน่วยงาน"

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.agency}"
