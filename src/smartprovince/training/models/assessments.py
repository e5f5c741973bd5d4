"""Digital-literacy assessments and the configurable "literate" threshold."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class LiteracyLevel(models.IntegerChoices):
    BEGINNER = 1, _("ระดับ 1 เริ่มต้น")
    BASIC = 2, _("ระดับ 2 พื้นฐาน")
    INTERMEDIATE = 3, _("ระดับ 3 ใช้งานได้")
    ADVANCED = 4, _("ระดับ 4 ก้าวหน้า")
    EXPERT = 5, _("ระดับ 5 เชี่ยวชาญ")


class LiteracyPolicy(models.Model):
    """The rule of goal 4 (one row, edited by the province admin): the lowest assessed level that
    counts as "digitally literate", the score bands of the levels, and whether a qualifying
    course completed also counts."""

    min_level = models.PositiveSmallIntegerField(
        _("ระดับขั้นต่ำที่ถือว่ามีความรู้เท่าทันดิจิทัล"), choices=LiteracyLevel.choices, default=LiteracyLevel.INTERMEDIATE
    )
    # Lower bound (percent score) of levels 2, 3, 4, 5; below the first is level 1.
    level_bounds = models.JSONField(_("เกณฑ์คะแนนของแต่ละระดับ"), default=list)
    course_counts = models.BooleanField(_("นับผู้ผ่านหลักสูตรที่กำหนดเป็นผู้มีความรู้เท่าทันดิจิทัล"), default=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("เกณฑ์ความรู้เท่าทันดิจิทัล")
        verbose_name_plural = _("เกณฑ์ความรู้เท่าทันดิจิทัล")

    def __str__(self) -> str:
        return f"เกณฑ์: ตั้งแต่{self.get_min_level_display()}"


class Assessment(models.Model):
    person = models.ForeignKey("training.Person", on_delete=models.PROTECT, related_name="assessments", verbose_name=_("บุคลากร"))
    framework = models.ForeignKey(
        "training.SkillFramework", on_delete=models.PROTECT, related_name="assessments", verbose_name=_("กรอบที่ใช้ประเมิน")
    )
    assessed_on = models.DateField(_("วันที่ประเมิน"))
    fiscal_year_be = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    overall_score = models.DecimalField(
        _("คะแนนรวม (ร้อยละ)"), max_digits=5, decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    level = models.PositiveSmallIntegerField(_("ระดับ"), choices=LiteracyLevel.choices)
    assessor_th = models.CharField(_("ผู้ประเมิน/เครื่องมือที่ใช้"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-assessed_on", "-id"]
        verbose_name = _("ผลการประเมินความรู้เท่าทันดิจิทัล")
        verbose_name_plural = _("ผลการประเมินความรู้เท่าทันดิจิทัล")
        constraints = [
            models.UniqueConstraint(fields=["person", "fiscal_year_be"], name="training_assessment_one_per_year"),
        ]

    # Personal data: the object history is read like the staff register (core history view).
    history_permission = "training.staff:read_personal"

    def __str__(self) -> str:
        return f"{self.person} ปีงบประมาณ {self.fiscal_year_be}"

    @property
    def history_agency_id(self) -> int:
        return self.person.agency_id


class AssessmentScore(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    area = models.ForeignKey("training.SkillArea", on_delete=models.PROTECT, related_name="+", verbose_name=_("ด้าน"))
    score = models.DecimalField(
        _("คะแนน (ร้อยละ)"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )

    class Meta:
        ordering = ["area__order", "area__code"]
        verbose_name = _("คะแนนรายด้าน")
        verbose_name_plural = _("คะแนนรายด้าน")
        constraints = [models.UniqueConstraint(fields=["assessment", "area"], name="training_score_unique")]

    def __str__(self) -> str:
        return f"{self.area}: {self.score}"
