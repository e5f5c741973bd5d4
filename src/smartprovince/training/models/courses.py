"""Courses, sessions, enrolment/attendance and certificates."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords


class Course(models.Model):
    class Mode(models.TextChoices):
        ONSITE = "onsite", "อบรมในห้องเรียน"
        ONLINE = "online", "อบรมออนไลน์ (สด)"
        HYBRID = "hybrid", "ผสมผสาน (ห้องเรียนและออนไลน์)"
        SELF_PACED = "self_paced", "เรียนด้วยตนเอง (e-Learning)"

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="courses", verbose_name="หน่วยงานเจ้าของหลักสูตร"
    )
    code = models.CharField("รหัสหลักสูตร", max_length=32, blank=True)
    title_th = models.CharField("ชื่อหลักสูตร", max_length=255)
    description_th = models.TextField("รายละเอียด", blank=True)
    areas = models.ManyToManyField("training.SkillArea", blank=True, related_name="courses", verbose_name="ด้านทักษะตามกรอบ")
    hours = models.DecimalField("จำนวนชั่วโมง", max_digits=5, decimal_places=1)
    provider_th = models.CharField("ผู้จัด/ผู้ให้บริการหลักสูตร", max_length=255)
    mode = models.CharField("รูปแบบ", max_length=12, choices=Mode.choices, default=Mode.ONSITE)
    qualifies_for_literacy = models.BooleanField(
        "นับเป็นหลักสูตรที่ผ่านเกณฑ์ความรู้เท่าทันดิจิทัล", default=False,
        help_text="ผู้ที่อบรมครบตามหลักสูตรนี้ นับเป็นผู้มีความรู้เท่าทันด้านเทคโนโลยีดิจิทัลในตัวชี้วัดเป้าประสงค์ที่ 4",
    )
    is_active = models.BooleanField("เปิดใช้งาน", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title_th", "id"]
        verbose_name = "หลักสูตร"
        verbose_name_plural = "หลักสูตร"

    def __str__(self) -> str:
        return self.title_th


class Session(models.Model):
    """One run of a course (รุ่น) organised by an agency."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions", verbose_name="หลักสูตร")
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="training_sessions", verbose_name="หน่วยงานผู้จัด"
    )
    name_th = models.CharField("ชื่อรุ่น", max_length=255, blank=True)
    starts_on = models.DateField("วันที่เริ่ม")
    ends_on = models.DateField("วันที่สิ้นสุด")
    is_online = models.BooleanField("จัดแบบออนไลน์", default=False)
    place_th = models.CharField("สถานที่", max_length=255, blank=True)
    online_url = models.URLField("ลิงก์ห้องออนไลน์", blank=True)
    district = models.ForeignKey(
        "core.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="อำเภอ"
    )
    capacity = models.PositiveIntegerField("จำนวนที่รับ")
    is_cancelled = models.BooleanField("ยกเลิก", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = "รุ่นการอบรม"
        verbose_name_plural = "รุ่นการอบรม"
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="training_session_dates"),
        ]

    def __str__(self) -> str:
        return f"{self.course.title_th} {self.name_th}".strip()


class Enrolment(models.Model):
    """A person enrolled in a session, and what happened (attendance, completion, score)."""

    class Status(models.TextChoices):
        ENROLLED = "enrolled", "ลงทะเบียนแล้ว"
        COMPLETED = "completed", "ผ่านการอบรม"
        INCOMPLETE = "incomplete", "เข้าอบรมไม่ครบ/ไม่ผ่าน"
        ABSENT = "absent", "ไม่มาอบรม"

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="enrolments", verbose_name="รุ่น")
    person = models.ForeignKey("training.Person", on_delete=models.PROTECT, related_name="enrolments", verbose_name="ผู้เข้าอบรม")
    status = models.CharField("ผลการอบรม", max_length=12, choices=Status.choices, default=Status.ENROLLED)
    hours_attended = models.DecimalField("ชั่วโมงที่เข้าอบรม", max_digits=5, decimal_places=1, null=True, blank=True)
    score = models.DecimalField("คะแนน (ร้อยละ)", max_digits=5, decimal_places=2, null=True, blank=True)
    completed_on = models.DateField("วันที่ผ่านการอบรม", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["session_id", "person__first_name_th", "id"]
        verbose_name = "การลงทะเบียนและผลการอบรม"
        verbose_name_plural = "การลงทะเบียนและผลการอบรม"
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

    enrolment = models.OneToOneField(Enrolment, on_delete=models.PROTECT, related_name="certificate", verbose_name="ผลการอบรม")
    number = models.CharField("เลขที่วุฒิบัตร", max_length=64, unique=True)
    token = models.CharField(max_length=64, unique=True, editable=False)
    holder_name = models.CharField("ชื่อผู้ได้รับ", max_length=255)
    course_title = models.CharField("หลักสูตร", max_length=255)
    completed_on = models.DateField("วันที่ผ่านการอบรม")
    issued_at = models.DateTimeField("ออกเมื่อ", auto_now_add=True)
    revoked_at = models.DateTimeField("เพิกถอนเมื่อ", null=True, blank=True)
    revoked_reason = models.CharField("เหตุผลที่เพิกถอน", max_length=255, blank=True)
    history = HistoricalRecords(excluded_fields=["token"])

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = "วุฒิบัตร"
        verbose_name_plural = "วุฒิบัตร"

    def __str__(self) -> str:
        return self.number
