"""Monitoring and evaluation (plan section 7.2): measurements of the plan's indicators, the
corrective actions of the PDCA cycle, inspection findings, generated executive reports and the
status thresholds.

Targets live in ``plans.IndicatorTarget``; this app only edits them (audited). Dates are stored
in CE; ``*_be`` fields are BE fiscal years derived through ``core.thai_calendar``.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from smartprovince.core.files import random_upload_path


class PeriodKind(models.TextChoices):
    MONTH = "month", _("รายเดือน")
    QUARTER = "quarter", _("รายไตรมาส")
    YEAR = "year", _("รายปีงบประมาณ")


def evidence_upload_to(instance: Measurement, filename: str) -> str:
    return random_upload_path(f"monitoring/evidence/{instance.indicator_id}", filename)


class Measurement(models.Model):
    """One value of one indicator for one period.

    ``computed`` rows are snapshots of a registered metric (re-taking a snapshot of the same
    period replaces it); ``reported`` rows are entered by the responsible agency with evidence and
    count only once approved. Computed snapshots are stored as ``approved``.
    """

    class Source(models.TextChoices):
        COMPUTED = "computed", _("คำนวณจากข้อมูลในระบบ")
        REPORTED = "reported", _("หน่วยงานรายงาน")

    class Status(models.TextChoices):
        DRAFT = "draft", _("ร่าง")
        SUBMITTED = "submitted", _("ส่งแล้ว รออนุมัติ")
        APPROVED = "approved", _("อนุมัติแล้ว")
        RETURNED = "returned", _("ส่งกลับให้แก้ไข")

    indicator = models.ForeignKey(
        "plans.Indicator", on_delete=models.CASCADE, related_name="measurements", verbose_name=_("ตัวชี้วัด")
    )
    period_kind = models.CharField(_("ประเภทงวด"), max_length=8, choices=PeriodKind.choices)
    period_key = models.CharField(_("งวด"), max_length=12)
    period_start = models.DateField(_("วันเริ่มงวด"))
    period_end = models.DateField(_("วันสิ้นสุดงวด"), db_index=True)
    fiscal_year_be = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), db_index=True)
    value = models.DecimalField(_("ค่าที่วัดได้"), max_digits=18, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField(_("ตัวตั้ง"), max_digits=18, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(_("ตัวหาร"), max_digits=18, decimal_places=4, null=True, blank=True)
    source = models.CharField(_("ที่มาของค่า"), max_length=10, choices=Source.choices)
    status = models.CharField(_("สถานะ"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    rows = models.JSONField(_("รายการที่นับ"), default=list, blank=True)
    columns = models.JSONField(_("หัวตาราง"), default=list, blank=True)
    note_th = models.TextField(_("คำอธิบาย/วิธีได้มาของค่า"), blank=True)
    taken_at = models.DateTimeField(_("วัดเมื่อ"))
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("หน่วยงานที่รายงาน"),
    )
    evidence = models.FileField(_("หลักฐาน"), upload_to=evidence_upload_to, blank=True)
    evidence_name = models.CharField(_("ชื่อไฟล์หลักฐาน"), max_length=255, blank=True)
    evidence_url = models.URLField(_("ลิงก์แหล่งข้อมูล"), max_length=500, blank=True)
    submitted_at = models.DateTimeField(_("ส่งเมื่อ"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("พิจารณาเมื่อ"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_comment = models.TextField(_("ความเห็นผู้พิจารณา"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["rows", "columns"])

    class Meta:
        ordering = ["indicator", "-period_end", "-taken_at"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period_key", "source"], name="measurement_period_unique"),
        ]
        indexes = [models.Index(fields=["indicator", "status", "fiscal_year_be", "period_end"])]
        verbose_name = _("ผลการวัดตัวชี้วัด")
        verbose_name_plural = _("ผลการวัดตัวชี้วัด")

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period_key}: {self.value}"

    @property
    def counts(self) -> bool:
        """Only approved reported values and computed snapshots count."""
        return self.status == self.Status.APPROVED


class CorrectiveAction(models.Model):
    """The Act of PDCA: what is done about an off-track indicator or a late project."""

    class Status(models.TextChoices):
        OPEN = "open", _("ยังไม่ดำเนินการ")
        IN_PROGRESS = "in_progress", _("กำลังดำเนินการ")
        DONE = "done", _("ดำเนินการแล้วเสร็จ")
        CANCELLED = "cancelled", _("ยกเลิก")

    indicator = models.ForeignKey(
        "plans.Indicator", null=True, blank=True, on_delete=models.PROTECT, related_name="corrective_actions",
        verbose_name=_("ตัวชี้วัด"),
    )
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.PROTECT, related_name="corrective_actions",
        verbose_name=_("โครงการ"),
    )
    fiscal_year_be = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), db_index=True)
    period_key = models.CharField(_("งวดที่พบปัญหา"), max_length=12, blank=True)
    problem_th = models.TextField(_("ปัญหาที่พบ"))
    action_th = models.TextField(_("แนวทาง/มาตรการแก้ไข"))
    owner_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="corrective_actions", verbose_name=_("หน่วยงานรับผิดชอบ")
    )
    due_date = models.DateField(_("กำหนดแล้วเสร็จ"))
    status = models.CharField(_("สถานะ"), max_length=12, choices=Status.choices, default=Status.OPEN, db_index=True)
    result_th = models.TextField(_("ผลการดำเนินการ"), blank=True)
    closed_on = models.DateField(_("วันที่ปิดเรื่อง"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(indicator__isnull=False) | models.Q(project__isnull=False),
                name="corrective_action_has_subject",
                violation_error_message="กรุณาเลือกตัวชี้วัดหรือโครงการที่ต้องแก้ไข",
            ),
        ]
        verbose_name = _("มาตรการแก้ไข (Act)")
        verbose_name_plural = _("มาตรการแก้ไข (Act)")

    def __str__(self) -> str:
        subject = self.indicator.code if self.indicator_id and self.indicator else (self.project.code if self.project else "")
        return f"มาตรการแก้ไข {subject}: {self.action_th[:60]}"

    @property
    def agency_id(self) -> int:
        return self.owner_agency_id

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.IN_PROGRESS)


class InspectionFinding(models.Model):
    """What an inspection round found at an agency (plan 7.2(2): outcome KPIs through inspection)."""

    class FollowUp(models.TextChoices):
        PENDING = "pending", _("รอติดตาม")
        IN_PROGRESS = "in_progress", _("อยู่ระหว่างติดตาม")
        RESOLVED = "resolved", _("แก้ไขแล้ว")
        CLOSED = "closed", _("ปิดเรื่อง")

    fiscal_year_be = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), db_index=True)
    round_number = models.PositiveSmallIntegerField(
        _("รอบการตรวจราชการ"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    inspected_on = models.DateField(_("วันที่ตรวจ"))
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="inspection_findings", verbose_name=_("หน่วยงานที่รับตรวจ")
    )
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.PROTECT, related_name="inspection_findings",
        verbose_name=_("โครงการ"),
    )
    indicator = models.ForeignKey(
        "plans.Indicator", null=True, blank=True, on_delete=models.PROTECT, related_name="inspection_findings",
        verbose_name=_("ตัวชี้วัด"),
    )
    findings_th = models.TextField(_("ผลการตรวจติดตาม"))
    problems_th = models.TextField(_("ปัญหา"), blank=True)
    obstacles_th = models.TextField(_("อุปสรรค"), blank=True)
    recommendations_th = models.TextField(_("ข้อเสนอแนะ"), blank=True)
    follow_up_status = models.CharField(
        _("สถานะการติดตาม"), max_length=12, choices=FollowUp.choices, default=FollowUp.PENDING, db_index=True
    )
    follow_up_note_th = models.TextField(_("ผลการติดตาม"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-fiscal_year_be", "-round_number", "-inspected_on", "-id"]
        verbose_name = _("ผลการตรวจติดตาม")
        verbose_name_plural = _("ผลการตรวจติดตาม")

    def __str__(self) -> str:
        return f"ตรวจติดตามรอบที่ {self.round_number}/{self.fiscal_year_be} {self.agency}"

    @property
    def round_label(self) -> str:
        return f"รอบที่ {self.round_number}/{self.fiscal_year_be}"


def report_upload_to(instance: ReportArchive, filename: str) -> str:
    return random_upload_path(f"monitoring/reports/{instance.fiscal_year_be}", filename)


class ReportArchive(models.Model):
    """A generated executive report (PDF or XLSX), produced by a job and kept for download."""

    class Kind(models.TextChoices):
        MONTHLY = "monthly", _("รายงานประจำเดือน")
        QUARTERLY = "quarterly", _("รายงานรายไตรมาส (รอบ 3, 6, 9, 12 เดือน)")
        ANNUAL = "annual", _("รายงานประจำปีงบประมาณ")
        FINAL = "final", _("รายงานการประเมินผลเมื่อสิ้นสุดแผน")
        EMENSCR = "emenscr", _("ส่งออกความก้าวหน้าโครงการ (eMENSCR)")

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "Excel (XLSX)"

    kind = models.CharField(_("ประเภทรายงาน"), max_length=10, choices=Kind.choices)
    format = models.CharField(_("รูปแบบไฟล์"), max_length=4, choices=Format.choices)
    period_key = models.CharField(_("งวด"), max_length=12)
    fiscal_year_be = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), db_index=True)
    title = models.CharField(_("ชื่อรายงาน"), max_length=300)
    job = models.ForeignKey("core.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(_("ไฟล์"), upload_to=report_upload_to, blank=True)
    filename = models.CharField(_("ชื่อไฟล์"), max_length=255, blank=True)
    size = models.PositiveIntegerField(_("ขนาด (ไบต์)"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    generated_at = models.DateTimeField(_("สร้างไฟล์เสร็จเมื่อ"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("คลังรายงาน")
        verbose_name_plural = _("คลังรายงาน")

    def __str__(self) -> str:
        return self.title

    @property
    def is_ready(self) -> bool:
        return bool(self.file)


class StatusThresholds(models.Model):
    """Province-wide thresholds of the status rules (one row, pk=1), edited by the province admin."""

    on_track_percent = models.DecimalField(
        _("เกณฑ์ “เป็นไปตามเป้าหมาย” (ร้อยละของเป้าหมายตามสัดส่วนเวลา)"), max_digits=6, decimal_places=2,
        default=Decimal("100"), validators=[MinValueValidator(0), MaxValueValidator(1000)],
    )
    at_risk_percent = models.DecimalField(
        _("เกณฑ์ “มีความเสี่ยง” (ร้อยละของเป้าหมายตามสัดส่วนเวลา)"), max_digits=6, decimal_places=2,
        default=Decimal("80"), validators=[MinValueValidator(0), MaxValueValidator(1000)],
    )
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("เกณฑ์สถานะตัวชี้วัด")
        verbose_name_plural = _("เกณฑ์สถานะตัวชี้วัด")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(on_track_percent__gte=models.F("at_risk_percent")), name="thresholds_ordered",
                violation_error_message="เกณฑ์ “มีความเสี่ยง” ต้องไม่สูงกว่าเกณฑ์ “เป็นไปตามเป้าหมาย”",
            ),
        ]

    def __str__(self) -> str:
        return f"เป็นไปตามเป้า ≥ {self.on_track_percent}% · เสี่ยง ≥ {self.at_risk_percent}%"
