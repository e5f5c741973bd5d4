"""Core models: administrative areas, the audit log and jobs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.Model):
    """A DOPA administrative area: province (2 digits), district (4) or subdistrict (6)."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("จังหวัด")
        DISTRICT = "district", _("อำเภอ")
        SUBDISTRICT = "subdistrict", _("ตำบล")

    code = models.CharField(_("รหัสพื้นที่"), max_length=6, primary_key=True)
    level = models.CharField(_("ระดับ"), max_length=12, choices=Level.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    name_th = models.CharField(_("ชื่อ (ไทย)"), max_length=100)
    name_en = models.CharField(_("ชื่อ (อังกฤษ)"), max_length=100, blank=True)
    postcode = models.CharField(_("รหัสไปรษณีย์"), max_length=5, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("พื้นที่")
        verbose_name_plural = _("พื้นที่")

    def __str__(self) -> str:
        prefix = {"province": "จังหวัด", "district": "อำเภอ", "subdistrict": "ตำบล"}[self.level]
        return f"{prefix}{self.name_th}"


class AuditEvent(models.Model):
    """One named write: who did what to which object, with the changed values."""

    created_at = models.DateTimeField(_("เวลา"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("การกระทำ"), max_length=100, db_index=True)
    object_type = models.CharField(max_length=100, db_index=True)
    object_id = models.CharField(max_length=64, db_index=True)
    object_repr = models.CharField(max_length=255, blank=True)
    agency_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    changes = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-created_at"])]
        verbose_name = _("บันทึกการเปลี่ยนแปลง")
        verbose_name_plural = _("บันทึกการเปลี่ยนแปลง")

    def __str__(self) -> str:
        return f"{self.action} {self.object_type}:{self.object_id}"


class Job(models.Model):
    """Long work (imports, reports, snapshots): status and progress a page can poll."""

    class Status(models.TextChoices):
        PENDING = "pending", _("รอดำเนินการ")
        RUNNING = "running", _("กำลังดำเนินการ")
        SUCCEEDED = "succeeded", _("สำเร็จ")
        FAILED = "failed", _("ไม่สำเร็จ")

    kind = models.CharField(_("ประเภทงาน"), max_length=100, db_index=True)
    title = models.CharField(_("ชื่องาน"), max_length=255)
    status = models.CharField(_("สถานะ"), max_length=12, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(_("ความคืบหน้า (%)"), default=0)
    message = models.TextField(_("ข้อความ"), blank=True)
    error = models.TextField(_("สาเหตุที่ไม่สำเร็จ"), blank=True)
    params = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    result_file = models.FileField(upload_to="jobs/%Y/%m/", blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )
    agency_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("งานเบื้องหลัง")
        verbose_name_plural = _("งานเบื้องหลัง")

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    @property
    def is_done(self) -> bool:
        return self.status in {self.Status.SUCCEEDED, self.Status.FAILED}


class SiteFlag(models.Model):
    """A site-wide setting or flag (``demo_loaded``…)."""

    key = models.CharField(max_length=100, primary_key=True)
    value = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("ค่าตั้งระบบ")
        verbose_name_plural = _("ค่าตั้งระบบ")

    def __str__(self) -> str:
        return self.key
