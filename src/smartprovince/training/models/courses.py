"""Courses, sessions, enrolment/attendance and certificates."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Course(models.Model):
    class Mode(models.TextChoices):
        ONSITE = "onsite", _("อบรมในห้องเรียน")
        ONLINE = "online", _("อบรมออนไลน์ (สด)")
        HYBRID = "hybrid", _("ผสมผสาน (ห้องเรียนและออนไลน์)")
        SELF_PACED = "self_paced", _("เรียนด้วยตนเอง (e-Learning)")

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="courses", verbose_name=_("หน่วยงานเจ้าของหลักสูตร")
    )
    code = models.CharField(_("รหัสหลักสูตร"), max_length=32, blank=True)
    title_th = models.CharField(_("ชื่อหลักสูตร"), max_length=255)
    description_th = models.TextField(_("รายละเอียด"), blank=True)
    areas = models.ManyToManyField("training.SkillArea", blank=True, related_name="courses", verbose_name=_("ด้านทักษะตามกรอบ"))
    hours = models.DecimalField(_("จำนวนชั่วโมง"), max_digits=5, decimal_places=1)
    provider_th = models.CharField(_("ผู้จัด/ผู้ให้บริการหลักสูตร"), max_length=255)
    mode = models.CharField(_("รูปแบบ"), max_length=12, choices=Mode.choices, default=Mode.ONSITE)
    qualifies_for_literacy = models.BooleanField(
        _("นับเป็นหลักสูตรที่ผ่านเกณฑ์ความรู้เท่าทันดิจิทัล"), default=False,
        help_text=_("ผู้ที่อบรมครบตามหลักสูตรนี้ นับเป็นผู้มีความรู้เท่าทันด้านเทคโนโลยีดิจิทัลในตัวชี้วัดเป้าประสงค์ที่ 4"),
    )
    is_active = models.BooleanField(_("เปิดใช้งาน"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title_th", "id"]
        verbose_name = _("หลักสูตร")
        verbose_name_plural = _("หลักสูตร")

    def __str__(self) -> str:
        return self.title_th


class Session(models.Model):
    """One run of a course (รุ่น) organised by an agency."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("หลักสูตร"))
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="training_sessions", verbose_name=_("หน่วยงานผู้จัด")
    )
    name_th = models.CharField(_("ชื่อรุ่น"), max_length=255, blank=True)
    starts_on = models.DateField(_("วันที่เริ่ม"))
    ends_on = models.DateField(_("วันที่สิ้นสุด"))
    is_online = models.BooleanField(_("จัดแบบออนไลน์"), default=False)
    place_th = models.CharField(_("สถานที่"), max_length=255, blank=True)
    online_url = models.URLField(_("ลิงก์ห้องออนไลน์"), blank=True)
    district = models.ForeignKey(
        "core.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("อำเภอ")
    )
    capacity = models.PositiveIntegerField(_("จำนวนที่รับ"))
    is_cancelled = models.BooleanField(_("ยกเลิก"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("รุ่นการอบรม")
        verbose_name_plural = _("รุ่นการอบรม")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="training_session_dates"),
        ]

    def __str__(self) -> str:
        return f"{self.course.title_th} {self.name_th}".strip()


class Enrolment(models.Model):
    """A person enrolled in a session, and what happened (attendance, completion, score)."""

    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("ลงทะเบียนแล้ว")
        COMPLETED = "completed", _("ผ่านการอบรม")
        INCOMPLETE = "incomplete", _("เข้าอบรมไม่ครบ/ไม่ผ่าน")
        ABSENT = "absent", _("ไม่มาอบรม")

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("รุ่น"))
    person = models.ForeignKey("training.Person", on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("ผู้เข้าอบรม"))
    status = models.CharField(_("ผลการอบรม"), max_length=12, choices=Status.choices, default=Status.ENROLLED)
    hours_attended = models.DecimalField(_("ชั่วโมงที่เข้าอบรม"), max_digits=5, decimal_places=1, null=True, blank=True)
    score = models.DecimalField(_("คะแนน (ร้อยละ)"), max_digits=5, decimal_places=2, null=True, blank=True)
    completed_on = models.DateField(_("วันที่ผ่านการอบรม"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["session_id", "person__first_name_th", "id"]
        verbose_name = _("การลงทะเบียนและผลการอบรม")
        verbose_name_plural = _("การลงทะเบียนและผลการอบรม")
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="training_enrolment_unique")]
        indexes = [
            models.Index(fields=["status", "completed_on"]),
            # the staff KPIs look up each person's completed enrolments (EXISTS per person)
            models.Index(fields=["person", "status", "completed_on"], name="training_enrol_person_done"),
        ]

    # Personal data: the object history is read like the staff register (core history view).
    history_permission = "training.staff:read_personal"

    def __str__(self) -> str:
        return f"{self.person} · {self.session}"

    @property
    def history_agency_id(self) -> int:
        return self.person.agency_id


class Certificate(models.Model):
    """A certificate of completion. ``token`` is random (192 bits) and goes in the QR code; the
    public verification page shows only the holder's name, the course and the date."""

    enrolment = models.OneToOneField(Enrolment, on_delete=models.PROTECT, related_name="certificate", verbose_name=_("ผลการอบรม"))
    number = models.CharField(_("เลขที่วุฒิบัตร"), max_length=64, unique=True)
    token = models.CharField(max_length=64, unique=True, editable=False)
    holder_name = models.CharField(_("ชื่อผู้ได้รับ"), max_length=255)
    course_title = models.CharField(_("หลักสูตร"), max_length=255)
    completed_on = models.DateField(_("วันที่ผ่านการอบรม"))
    issued_at = models.DateTimeField(_("ออกเมื่อ"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("เพิกถอนเมื่อ"), null=True, blank=True)
    revoked_reason = models.CharField(_("เหตุผลที่เพิกถอน"), max_length=255, blank=True)
    history = HistoricalRecords(excluded_fields=["token"])

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("วุฒิบัตร")
        verbose_name_plural = _("วุฒิบัตร")

    def __str__(self) -> str:
        return self.number
