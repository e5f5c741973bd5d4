"""Government staff of an agency (personal data) and the yearly headcount snapshot."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class PersonnelType(models.TextChoices):
    CIVIL_SERVANT = "civil_servant", _("ข้าราชการ")
    GOVERNMENT_EMPLOYEE = "government_employee", _("พนักงานราชการ")
    EMPLOYEE = "employee", _("ลูกจ้าง")
    OTHER = "other", _("อื่น ๆ")


class JobGroup(models.TextChoices):
    IT = "it", _("สายงานเทคโนโลยีสารสนเทศ (IT)")
    NON_IT = "non_it", _("สายงานอื่น (Non-IT)")


class RoleLevel(models.TextChoices):
    OPERATIONAL = "operational", _("ระดับปฏิบัติการ")
    SUPERVISOR = "supervisor", _("ระดับหัวหน้างาน/ผู้อำนวยการ")
    EXECUTIVE = "executive", _("ระดับผู้บริหาร")


class Person(models.Model):
    """A member of an agency's staff. Names are personal data: only the agency's own editors and
    the province admin see them (permission ``training.staff:read_personal``)."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="staff", verbose_name=_("หน่วยงาน"))
    title_th = models.CharField(_("คำนำหน้า"), max_length=32, blank=True)
    first_name_th = models.CharField(_("ชื่อ"), max_length=100)
    last_name_th = models.CharField(_("นามสกุล"), max_length=100)
    position_th = models.CharField(_("ตำแหน่ง"), max_length=200)
    personnel_type = models.CharField(_("ประเภทบุคลากร"), max_length=24, choices=PersonnelType.choices)
    job_group = models.CharField(_("กลุ่มสายงาน"), max_length=8, choices=JobGroup.choices, default=JobGroup.NON_IT)
    role_level = models.CharField(_("ระดับ"), max_length=16, choices=RoleLevel.choices, default=RoleLevel.OPERATIONAL)
    email = models.EmailField(_("อีเมล"), blank=True)
    started_on = models.DateField(_("วันที่เริ่มปฏิบัติงาน"), null=True, blank=True)
    left_on = models.DateField(_("วันที่พ้นจากหน่วยงาน"), null=True, blank=True)
    is_active = models.BooleanField(_("ยังปฏิบัติงานอยู่"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name_th", "first_name_th", "last_name_th", "id"]
        verbose_name = _("บุคลากร")
        verbose_name_plural = _("บุคลากร")
        indexes = [
            models.Index(fields=["agency", "is_active"]),
            # One agency's register in name order, a page at a time (the status is filtered while
            # reading: SQLite does not use a bare boolean condition as an index key).
            models.Index(fields=["agency", "first_name_th", "last_name_th", "id"], name="person_agency_name_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(left_on__isnull=True) | models.Q(is_active=False),
                name="training_person_left_inactive",
            )
        ]

    # Personal data: the object history is read like the staff register (core history view).
    history_permission = "training.staff:read_personal"

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.title_th}{self.first_name_th} {self.last_name_th}".strip()

    def active_on(self, day: dt.date) -> bool:
        """Was the person on the agency's staff on ``day``? (the rule the KPIs use)"""
        if self.started_on and self.started_on > day:
            return False
        return self.left_on is None or self.left_on > day


class HeadcountSnapshot(models.Model):
    """How many staff an agency had in a fiscal year: the denominator of the staff KPIs.

    Taken from the registered staff (``source = registry``) or entered by the agency when not
    every person is registered (``source = manual``)."""

    class Source(models.TextChoices):
        REGISTRY = "registry", _("นับจากทะเบียนบุคลากรในระบบ")
        MANUAL = "manual", _("หน่วยงานกรอกจำนวนเอง")

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="headcounts", verbose_name=_("หน่วยงาน"))
    fiscal_year_be = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    total = models.PositiveIntegerField(_("จำนวนบุคลากรทั้งหมด"))
    it_count = models.PositiveIntegerField(_("สายงาน IT"), default=0)
    by_type = models.JSONField(_("จำแนกตามประเภทบุคลากร"), default=dict, blank=True)
    source = models.CharField(_("ที่มา"), max_length=12, choices=Source.choices, default=Source.REGISTRY)
    note = models.CharField(_("หมายเหตุ"), max_length=255, blank=True)
    taken_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-fiscal_year_be", "agency__name_th"]
        verbose_name = _("จำนวนบุคลากรรายปีงบประมาณ")
        verbose_name_plural = _("จำนวนบุคลากรรายปีงบประมาณ")
        constraints = [
            models.UniqueConstraint(fields=["agency", "fiscal_year_be"], name="training_headcount_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.agency} ปีงบประมาณ {self.fiscal_year_be}: {self.total} คน"
