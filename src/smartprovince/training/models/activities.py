"""Public digital-literacy activities for citizens (strategy 4, KPI 2)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TargetGroup(models.TextChoices):
    GENERAL = "general", _("ประชาชนทั่วไป")
    ELDERLY = "elderly", _("ผู้สูงอายุ")
    YOUTH = "youth", _("เด็ก เยาวชน และนักเรียน")
    FARMERS = "farmers", _("เกษตรกร")
    ENTREPRENEURS = "entrepreneurs", _("ผู้ประกอบการ/วิสาหกิจชุมชน")
    COMMUNITY_LEADERS = "community_leaders", _("ผู้นำชุมชน/อาสาสมัคร")
    DISABLED = "disabled", _("ผู้พิการ")
    OTHER = "other", _("กลุ่มอื่น ๆ")


class PublicActivity(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="public_activities", verbose_name=_("หน่วยงานผู้จัด")
    )
    title_th = models.CharField(_("ชื่อกิจกรรม"), max_length=255)
    description_th = models.TextField(_("รายละเอียด"), blank=True)
    held_on = models.DateField(_("วันที่จัด"))
    ends_on = models.DateField(_("วันที่สิ้นสุด"), null=True, blank=True)
    district = models.ForeignKey("core.Area", on_delete=models.PROTECT, related_name="+", verbose_name=_("อำเภอ"))
    place_th = models.CharField(_("สถานที่"), max_length=255, blank=True)
    target_group = models.CharField(_("กลุ่มเป้าหมาย"), max_length=24, choices=TargetGroup.choices)
    participants = models.PositiveIntegerField(_("จำนวนผู้เข้าร่วม (คน)"))
    topics_th = models.TextField(_("หัวข้อที่ให้ความรู้"), help_text=_("หนึ่งหัวข้อต่อหนึ่งบรรทัด"))
    is_published = models.BooleanField(_("เผยแพร่ต่อสาธารณะ"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("กิจกรรมส่งเสริมความรู้ดิจิทัลแก่ประชาชน")
        verbose_name_plural = _("กิจกรรมส่งเสริมความรู้ดิจิทัลแก่ประชาชน")
        indexes = [models.Index(fields=["held_on"])]

    def __str__(self) -> str:
        return self.title_th

    @property
    def topic_list(self) -> list[str]:
        return [t.strip() for t in self.topics_th.splitlines() if t.strip()]


class ActivityPhoto(models.Model):
    activity = models.ForeignKey(PublicActivity, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("ภาพกิจกรรม"), upload_to="training/activities/%Y/")
    caption_th = models.CharField(_("คำบรรยายภาพ"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("ภาพกิจกรรม")
        verbose_name_plural = _("ภาพกิจกรรม")

    def __str__(self) -> str:
        return self.caption_th or self.image.name
