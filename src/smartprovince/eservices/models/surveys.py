"""Citizen satisfaction surveys on the Thai five-level scale.

A response holds no personal data: scores, an optional comment, and optionally the district
the citizen lives in and the channel they used. ``form_nonce`` is the one-time form token's
nonce; its unique constraint makes a double submit (even across processes) store one row.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..choices import ChannelType, Section


class Survey(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="surveys", verbose_name=_("หน่วยงาน")
    )
    service = models.ForeignKey(
        "eservices.EService", null=True, blank=True, on_delete=models.PROTECT, related_name="surveys",
        verbose_name=_("งานบริการ"), help_text=_("เว้นว่างหากเป็นแบบสำรวจความพึงพอใจต่อหน่วยงานโดยรวม"),
    )
    title_th = models.CharField(_("ชื่อแบบสำรวจ"), max_length=255)
    intro_th = models.TextField(_("คำชี้แจง"), blank=True)
    is_open = models.BooleanField(_("เปิดรับคำตอบ"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name_th", "title_th"]
        verbose_name = _("แบบสำรวจความพึงพอใจ")
        verbose_name_plural = _("แบบสำรวจความพึงพอใจ")

    def __str__(self) -> str:
        return self.title_th


class SurveyQuestion(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions", verbose_name=_("แบบสำรวจ"))
    section = models.CharField(_("ด้าน"), max_length=16, choices=Section.choices)
    text_th = models.CharField(_("ข้อคำถาม"), max_length=255)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    is_active = models.BooleanField(_("ใช้งาน"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["survey_id", "order", "id"]
        verbose_name = _("ข้อคำถาม")
        verbose_name_plural = _("ข้อคำถาม")

    def __str__(self) -> str:
        return self.text_th


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses", verbose_name=_("แบบสำรวจ"))
    submitted_at = models.DateTimeField(_("เวลาที่ตอบ"), db_index=True)
    district = models.ForeignKey(
        "core.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("อำเภอที่อาศัย")
    )
    channel_type = models.CharField(
        _("ช่องทางที่ใช้บริการ"), max_length=20, choices=ChannelType.choices, blank=True
    )
    comment = models.TextField(_("ข้อเสนอแนะ"), blank=True)
    form_nonce = models.CharField(max_length=32, unique=True, null=True, blank=True)
    source = models.CharField(_("ช่องทางการตอบ"), max_length=8, default="web")

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("คำตอบแบบสำรวจ")
        verbose_name_plural = _("คำตอบแบบสำรวจ")
        indexes = [models.Index(fields=["survey", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.PROTECT, related_name="answers")
    score = models.PositiveSmallIntegerField(_("คะแนน"), validators=[MinValueValidator(1), MaxValueValidator(5)])

    class Meta:
        verbose_name = _("คะแนนรายข้อ")
        verbose_name_plural = _("คะแนนรายข้อ")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="eservices_answer_once"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="eservices_answer_score_1_5"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}={self.score}"
