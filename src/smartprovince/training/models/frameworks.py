"""Digital-skill frameworks as editable, versioned data (OCSC 2560, TPQI 2567 …)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class SkillFramework(models.Model):
    code = models.CharField(_("รหัสกรอบ"), max_length=32)
    version = models.CharField(_("ฉบับ"), max_length=16)
    name_th = models.CharField(_("ชื่อกรอบ (ไทย)"), max_length=255)
    name_en = models.CharField(_("ชื่อกรอบ (อังกฤษ)"), max_length=255, blank=True)
    issuer_th = models.CharField(_("หน่วยงานที่ออก"), max_length=255, blank=True)
    issued_on = models.DateField(_("วันที่ประกาศ"), null=True, blank=True)
    source_note_th = models.TextField(_("ที่มา/หมายเหตุ"), blank=True)
    is_active = models.BooleanField(_("ใช้งาน"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("กรอบทักษะดิจิทัล")
        verbose_name_plural = _("กรอบทักษะดิจิทัล")
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="training_framework_version_unique")]

    def __str__(self) -> str:
        return f"{self.name_th} (ฉบับ {self.version})"


class SkillArea(models.Model):
    class Kind(models.TextChoices):
        CORE = "core", _("สมรรถนะหลัก")
        OPTIONAL = "optional", _("สมรรถนะเลือก")
        DIMENSION = "dimension", _("มิติ")

    framework = models.ForeignKey(SkillFramework, on_delete=models.CASCADE, related_name="areas", verbose_name=_("กรอบ"))
    code = models.CharField(_("รหัสด้าน"), max_length=32)
    name_th = models.CharField(_("ชื่อด้าน (ไทย)"), max_length=255)
    name_en = models.CharField(_("ชื่อด้าน (อังกฤษ)"), max_length=255, blank=True)
    kind = models.CharField(_("ประเภท"), max_length=12, choices=Kind.choices, default=Kind.CORE)
    description_th = models.TextField(_("คำอธิบาย"), blank=True)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["framework_id", "order", "code"]
        verbose_name = _("ด้านทักษะ")
        verbose_name_plural = _("ด้านทักษะ")
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="training_area_code_unique")]

    def __str__(self) -> str:
        return self.name_th
