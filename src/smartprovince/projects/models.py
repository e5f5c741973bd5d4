"""Agency projects, their budget, milestones and indicators, monthly progress reports and the
agency action plan (plan sections 7.1 and 7.2(1)).

Dates are stored in CE; fiscal years (``*_be``) are derived by the services through
``core.thai_calendar``. Roll-ups are computed from these rows (``projects/rollups.py``), never
typed twice.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from smartprovince.core.files import random_upload_path


class Project(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("ร่าง")
        APPROVED = "approved", _("อนุมัติแล้ว")
        IN_PROGRESS = "in_progress", _("กำลังดำเนินการ")
        COMPLETED = "completed", _("ดำเนินการแล้วเสร็จ")
        SUSPENDED = "suspended", _("ระงับชั่วคราว")
        CANCELLED = "cancelled", _("ยกเลิก")

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="projects", verbose_name=_("หน่วยงานเจ้าของโครงการ")
    )
    strategy = models.ForeignKey(
        "plans.Strategy", on_delete=models.PROTECT, related_name="projects", verbose_name=_("ยุทธศาสตร์จังหวัด")
    )
    alignments = models.ManyToManyField(
        "plans.ReferenceItem", blank=True, related_name="projects", verbose_name=_("ความสอดคล้องกับแผนระดับชาติ")
    )
    code = models.CharField(_("รหัสโครงการ"), max_length=40, unique=True)
    sequence = models.PositiveIntegerField(_("ลำดับโครงการในปีงบประมาณ"))
    name_th = models.CharField(_("ชื่อโครงการ"), max_length=500)
    rationale_th = models.TextField(_("หลักการและเหตุผล"), blank=True)
    objectives_th = models.TextField(_("วัตถุประสงค์"), blank=True)
    target_group_th = models.TextField(_("กลุ่มเป้าหมาย"), blank=True)
    start_date = models.DateField(_("วันเริ่มโครงการ"))
    end_date = models.DateField(_("วันสิ้นสุดโครงการ"))
    fiscal_year_be = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), db_index=True)
    fiscal_year_end_be = models.PositiveIntegerField(_("ปีงบประมาณสิ้นสุด (พ.ศ.)"))
    districts = models.ManyToManyField(
        "core.Area", blank=True, related_name="+", verbose_name=_("อำเภอที่ดำเนินการ"),
        limit_choices_to={"level": "district"},
    )
    subdistricts = models.ManyToManyField(
        "core.Area", blank=True, related_name="+", verbose_name=_("ตำบลที่ดำเนินการ"),
        limit_choices_to={"level": "subdistrict"},
    )
    officer_name = models.CharField(_("ผู้รับผิดชอบโครงการ"), max_length=200)
    officer_position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    officer_phone = models.CharField(_("โทรศัพท์"), max_length=64, blank=True)
    officer_email = models.EmailField(_("อีเมล"), blank=True)
    status = models.CharField(
        _("สถานะโครงการ"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    search_text = models.TextField(_("คำค้น (ตัดคำแล้ว)"), blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["-fiscal_year_be", "code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "fiscal_year_be", "sequence"], name="project_sequence_unique"),
            models.CheckConstraint(condition=models.Q(end_date__gte=models.F("start_date")), name="project_dates_ordered"),
        ]
        indexes = [
            models.Index(fields=["agency", "fiscal_year_be", "status"]),
            models.Index(fields=["-fiscal_year_be", "code"], name="projects_fy_code_idx"),  # the list's order
        ]
        verbose_name = _("โครงการ")
        verbose_name_plural = _("โครงการ")

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"

    @property
    def fiscal_years(self) -> list[int]:
        return list(range(self.fiscal_year_be, self.fiscal_year_end_be + 1))


class ProjectIndicator(models.Model):
    """An output or outcome the project commits to, reported with each monthly report."""

    class Kind(models.TextChoices):
        OUTPUT = "output", _("ผลผลิต (Output)")
        OUTCOME = "outcome", _("ผลลัพธ์ (Outcome)")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    kind = models.CharField(_("ประเภท"), max_length=8, choices=Kind.choices, default=Kind.OUTPUT)
    name_th = models.CharField(_("ตัวชี้วัด"), max_length=500)
    unit_th = models.CharField(_("หน่วยนับ"), max_length=64)
    target = models.DecimalField(_("ค่าเป้าหมาย"), max_digits=14, decimal_places=2)
    order = models.PositiveIntegerField(_("ลำดับ"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "kind", "order", "id"]
        verbose_name = _("ตัวชี้วัดโครงการ")
        verbose_name_plural = _("ตัวชี้วัดโครงการ")

    def __str__(self) -> str:
        return f"{self.name_th} ({self.target} {self.unit_th})"


class Milestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    name_th = models.CharField(_("ขั้นตอน/กิจกรรมสำคัญ"), max_length=300)
    due_date = models.DateField(_("กำหนดแล้วเสร็จ"))
    done_date = models.DateField(_("วันที่แล้วเสร็จ"), null=True, blank=True)
    order = models.PositiveIntegerField(_("ลำดับ"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "due_date", "order", "id"]
        verbose_name = _("ขั้นตอนสำคัญ")
        verbose_name_plural = _("ขั้นตอนสำคัญ")

    def __str__(self) -> str:
        return self.name_th


class BudgetLine(models.Model):
    class Source(models.TextChoices):
        PROVINCE = "province", _("งบจังหวัด")
        PROVINCE_GROUP = "province_group", _("งบกลุ่มจังหวัด")
        AGENCY = "agency", _("งบหน่วยงาน/กรม")
        LOCAL = "local", _("งบองค์กรปกครองส่วนท้องถิ่น")
        OTHER = "other", _("อื่น ๆ")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budget_lines")
    fiscal_year_be = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    source = models.CharField(_("แหล่งงบประมาณ"), max_length=16, choices=Source.choices)
    planned = models.DecimalField(
        _("งบประมาณตามแผน (บาท)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    allocated = models.DecimalField(
        _("งบประมาณที่ได้รับจัดสรร (บาท)"), max_digits=14, decimal_places=2, default=0,
        validators=[MinValueValidator(0)],
    )
    note_th = models.CharField(_("หมายเหตุ"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "fiscal_year_be", "source"]
        constraints = [
            models.UniqueConstraint(fields=["project", "fiscal_year_be", "source"], name="budget_line_unique"),
            models.CheckConstraint(condition=models.Q(planned__gte=0, allocated__gte=0), name="budget_line_non_negative"),
        ]
        verbose_name = _("รายการงบประมาณ")
        verbose_name_plural = _("รายการงบประมาณ")

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.fiscal_year_be}: {self.allocated}"


class AgencyActionPlan(models.Model):
    """The agency's projects for one fiscal year, submitted to the province (the P of PDCA)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("ร่าง")
        SUBMITTED = "submitted", _("ส่งจังหวัดแล้ว")
        APPROVED = "approved", _("อนุมัติแล้ว")
        RETURNED = "returned", _("ส่งกลับให้แก้ไข")

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="action_plans", verbose_name=_("หน่วยงาน")
    )
    fiscal_year_be = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    status = models.CharField(_("สถานะ"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    note_th = models.TextField(_("หมายเหตุจากหน่วยงาน"), blank=True)
    submitted_at = models.DateTimeField(_("ส่งเมื่อ"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("พิจารณาเมื่อ"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_comment = models.TextField(_("ความเห็นของจังหวัด"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-fiscal_year_be", "agency__name_th"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "fiscal_year_be"], name="action_plan_unique"),
        ]
        verbose_name = _("แผนปฏิบัติการของหน่วยงาน")
        verbose_name_plural = _("แผนปฏิบัติการของหน่วยงาน")

    def __str__(self) -> str:
        return f"แผนปฏิบัติการ {self.agency} ปีงบประมาณ {self.fiscal_year_be}"


class ProgressReport(models.Model):
    """One project's progress for one month (``month`` is the first day of that month)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("ร่าง")
        SUBMITTED = "submitted", _("ส่งแล้ว รอตรวจ")
        ACCEPTED = "accepted", _("รับรายงานแล้ว")
        RETURNED = "returned", _("ส่งกลับให้แก้ไข")

    class Schedule(models.TextChoices):
        ON_PLAN = "on_plan", _("ตามแผน")
        DELAYED = "delayed", _("ล่าช้า")
        AT_RISK = "at_risk", _("มีความเสี่ยง")
        DONE = "done", _("แล้วเสร็จ")
        SUSPENDED = "suspended", _("ระงับ")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reports", verbose_name=_("โครงการ"))
    month = models.DateField(_("เดือนที่รายงาน"))
    fiscal_year_be = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"), db_index=True)
    due_date = models.DateField(_("กำหนดส่ง"))
    progress_percent = models.DecimalField(
        _("ความก้าวหน้าทางกายภาพ (%)"), max_digits=5, decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    progress_decrease_reason = models.TextField(_("เหตุผลที่ความก้าวหน้าลดลง"), blank=True)
    disbursed_cumulative = models.DecimalField(
        _("ผลการเบิกจ่ายสะสมในปีงบประมาณ (บาท)"), max_digits=14, decimal_places=2, default=0,
        validators=[MinValueValidator(0)],
    )
    over_disbursement_reason = models.TextField(_("เหตุผลที่เบิกจ่ายเกินงบที่ได้รับจัดสรร"), blank=True)
    schedule_status = models.CharField(
        _("สถานะตามแผน"), max_length=12, choices=Schedule.choices, default=Schedule.ON_PLAN
    )
    work_done_th = models.TextField(_("ผลการดำเนินงานในเดือนนี้"), blank=True)
    outputs_achieved_th = models.TextField(_("ผลผลิตที่ได้"), blank=True)
    problems_th = models.TextField(_("ปัญหาและอุปสรรค"), blank=True)
    help_needed_th = models.TextField(_("ความช่วยเหลือที่ต้องการ"), blank=True)
    next_month_plan_th = models.TextField(_("แผนการดำเนินงานเดือนถัดไป"), blank=True)
    status = models.CharField(_("สถานะรายงาน"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    first_submitted_at = models.DateTimeField(_("ส่งครั้งแรกเมื่อ"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("ส่งล่าสุดเมื่อ"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("ตรวจเมื่อ"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_comment = models.TextField(_("ความเห็นผู้ตรวจ"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["project", "month"], name="progress_report_month_unique"),
            models.CheckConstraint(
                condition=models.Q(progress_percent__gte=0, progress_percent__lte=100),
                name="progress_report_percent_range",
            ),
            models.CheckConstraint(condition=models.Q(disbursed_cumulative__gte=0), name="progress_report_disbursed_non_negative"),
        ]
        indexes = [
            models.Index(fields=["fiscal_year_be", "status"]),
            models.Index(fields=["status", "submitted_at", "month", "id"], name="progress_report_queue_idx"),  # the queue's order
        ]
        verbose_name = _("รายงานความก้าวหน้ารายเดือน")
        verbose_name_plural = _("รายงานความก้าวหน้ารายเดือน")

    def __str__(self) -> str:
        from smartprovince.core.thai_calendar import month_label

        return f"{self.project.code} {month_label(self.month, 'long')}"

    @property
    def history_agency_id(self) -> int:
        """The owning agency, for the object history view (a report is as private as its project)."""
        return self.project.agency_id

    @property
    def is_late(self) -> bool:
        """Submitted (first time) after the due date."""
        if self.first_submitted_at is None:
            return False
        from django.utils import timezone

        return timezone.localdate(self.first_submitted_at) > self.due_date


class ProgressReportEvent(models.Model):
    """The report's review timeline: submitted, returned (with the comment), accepted."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("ส่งรายงาน")
        RESUBMITTED = "resubmitted", _("ส่งรายงานที่แก้ไขแล้ว")
        RETURNED = "returned", _("ส่งกลับให้แก้ไข")
        ACCEPTED = "accepted", _("รับรายงาน")

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("การดำเนินการ"), max_length=12, choices=Action.choices)
    comment = models.TextField(_("ความเห็น"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("เวลา"), auto_now_add=True)

    class Meta:
        ordering = ["report", "created_at", "id"]
        verbose_name = _("ลำดับการตรวจรายงาน")
        verbose_name_plural = _("ลำดับการตรวจรายงาน")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.report_id}"


class IndicatorResult(models.Model):
    """The cumulative value of a project indicator reached by the end of the report's month."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="indicator_results")
    indicator = models.ForeignKey(ProjectIndicator, on_delete=models.CASCADE, related_name="results")
    value = models.DecimalField(_("ผลสะสม"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="indicator_result_unique")]
        verbose_name = _("ผลตามตัวชี้วัดโครงการ")
        verbose_name_plural = _("ผลตามตัวชี้วัดโครงการ")

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.value}"


def evidence_upload_to(instance: EvidenceFile, filename: str) -> str:
    return random_upload_path(f"projects/evidence/{instance.report.project_id}", filename)


class EvidenceFile(models.Model):
    """A photo or PDF attached to a report; its type is checked by content, not by name."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("ไฟล์"), upload_to=evidence_upload_to)
    original_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    content_type = models.CharField(_("ชนิดไฟล์"), max_length=64)
    size = models.PositiveIntegerField(_("ขนาด (ไบต์)"))
    caption_th = models.CharField(_("คำอธิบาย"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("อัปโหลดเมื่อ"), auto_now_add=True)

    class Meta:
        ordering = ["report", "uploaded_at", "id"]
        verbose_name = _("หลักฐานประกอบรายงาน")
        verbose_name_plural = _("หลักฐานประกอบรายงาน")

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class ReminderLog(models.Model):
    """One reminder e-mail sent for one report month, so running the command twice sends nothing new."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("เดือนที่รายงาน"))
    kind = models.CharField(_("ประเภท"), max_length=16)  # "due" | "late"
    sent_on = models.DateField(_("ส่งเมื่อ"))
    recipients = models.JSONField(default=list, blank=True)
    project_ids = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "month", "kind", "sent_on"], name="reminder_once_per_day"),
        ]
        verbose_name = _("บันทึกการแจ้งเตือน")
        verbose_name_plural = _("บันทึกการแจ้งเตือน")

    def __str__(self) -> str:
        return f"{self.agency_id} {self.month} {self.kind}"
