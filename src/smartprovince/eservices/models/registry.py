"""The e-service registry: services, the channels citizens reach them through, usage counts."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..choices import (
    DIGITAL_SERVICE_MIN_LEVEL,
    ChannelType,
    DigitalLevel,
    ServiceCategory,
    TimeUnit,
    is_digital,
)


class EService(models.Model):
    """A service an agency delivers to citizens (งานบริการ), as listed in its citizen manual."""

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="eservices", verbose_name=_("หน่วยงาน")
    )
    code = models.CharField(
        _("รหัสงานบริการ"), max_length=40, unique=True,
        help_text=_("ใช้อ้างอิงในการนำเข้าสถิติ เว้นว่างเพื่อให้ระบบกำหนดให้ เช่น SKN-AGRI-001"),
    )
    name_th = models.CharField(_("ชื่องานบริการ"), max_length=255)
    description_th = models.TextField(_("รายละเอียด"), blank=True)
    category = models.CharField(_("หมวดหมู่"), max_length=32, choices=ServiceCategory.choices)
    legal_basis_th = models.TextField(_("กฎหมายที่เกี่ยวข้อง"), blank=True)
    fee_baht = models.DecimalField(
        _("ค่าธรรมเนียม (บาท)"), max_digits=10, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    fee_note_th = models.CharField(_("หมายเหตุค่าธรรมเนียม"), max_length=255, blank=True)
    processing_time = models.PositiveIntegerField(_("ระยะเวลาดำเนินการมาตรฐาน"), null=True, blank=True)
    processing_time_unit = models.CharField(
        _("หน่วยของระยะเวลา"), max_length=16, choices=TimeUnit.choices, default=TimeUnit.MINUTES
    )
    digital_level = models.PositiveSmallIntegerField(
        _("ระดับการให้บริการดิจิทัล"), choices=DigitalLevel.choices, default=DigitalLevel.INFO_ONLY
    )
    url = models.URLField(_("ลิงก์บริการออนไลน์"), max_length=500, blank=True)
    launched_on = models.DateField(
        _("วันที่เริ่มให้บริการในระดับปัจจุบัน"), null=True, blank=True,
        help_text=_("ใช้คำนวณตัวชี้วัดย้อนหลัง: นับงานบริการในงวดที่สิ้นสุดตั้งแต่วันนี้เป็นต้นไป"),
    )
    is_active = models.BooleanField(_("เปิดให้บริการ"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name_th", "name_th"]
        verbose_name = _("งานบริการ")
        verbose_name_plural = _("งานบริการ")
        indexes = [
            models.Index(fields=["agency", "is_active"]), models.Index(fields=["category"]),
            # The lists' order (agency name, service name): per agency, services by name.
            models.Index(fields=["agency", "name_th", "id"], name="eservice_agency_name_idx"),
        ]

    def __str__(self) -> str:
        return self.name_th

    @property
    def is_digital_service(self) -> bool:
        return self.digital_level >= DIGITAL_SERVICE_MIN_LEVEL


class Channel(models.Model):
    """A way citizens reach an agency (service is empty) or one of its services."""

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="channels", verbose_name=_("หน่วยงาน")
    )
    service = models.ForeignKey(
        EService, null=True, blank=True, on_delete=models.CASCADE, related_name="channels",
        verbose_name=_("งานบริการ"), help_text=_("เว้นว่างหากเป็นช่องทางของหน่วยงานโดยรวม"),
    )
    channel_type = models.CharField(_("ประเภทช่องทาง"), max_length=20, choices=ChannelType.choices)
    label_th = models.CharField(_("ชื่อที่แสดง"), max_length=255, blank=True)
    address = models.CharField(
        _("URL หรือชื่อบัญชี"), max_length=500, blank=True,
        help_text=_("เช่น https://… , @lineid , เลขโทรศัพท์ หรือที่ตั้งเคาน์เตอร์"),
    )
    is_active = models.BooleanField(_("ใช้งานอยู่"), default=True)
    started_on = models.DateField(
        _("วันที่เปิดใช้ช่องทาง"), null=True, blank=True,
        help_text=_("ใช้คำนวณตัวชี้วัดย้อนหลัง เว้นว่างถ้าไม่ทราบ (ถือว่าเปิดใช้ก่อนทุกงวด)"),
    )
    last_verified_on = models.DateField(_("ตรวจสอบล่าสุดว่าใช้งานได้เมื่อ"), null=True, blank=True)
    last_checked_at = models.DateTimeField(_("ตรวจสอบอัตโนมัติล่าสุด"), null=True, blank=True)
    last_check_ok = models.BooleanField(_("ผลตรวจสอบล่าสุด"), null=True, blank=True)
    last_check_detail = models.CharField(_("รายละเอียดผลตรวจสอบ"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name_th", "service_id", "channel_type", "id"]
        verbose_name = _("ช่องทางการให้บริการ")
        verbose_name_plural = _("ช่องทางการให้บริการ")
        indexes = [models.Index(fields=["agency", "is_active", "channel_type"])]

    def __str__(self) -> str:
        return self.label_th or f"{self.get_channel_type_display()} {self.address}".strip()

    @property
    def is_digital(self) -> bool:
        return is_digital(self.channel_type)

    @property
    def is_link(self) -> bool:
        return self.address.startswith(("https://", "http://"))


class UsageStat(models.Model):
    """Transactions of one service through one channel type in one month."""

    service = models.ForeignKey(EService, on_delete=models.CASCADE, related_name="usage", verbose_name=_("งานบริการ"))
    channel_type = models.CharField(_("ช่องทาง"), max_length=20, choices=ChannelType.choices)
    month = models.DateField(_("เดือน"), help_text=_("วันที่ 1 ของเดือน"))
    transactions = models.PositiveIntegerField(_("จำนวนรายการ"))
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-month", "service__name_th", "channel_type"]
        verbose_name = _("สถิติการใช้บริการ")
        verbose_name_plural = _("สถิติการใช้บริการ")
        constraints = [
            models.UniqueConstraint(fields=["service", "channel_type", "month"], name="eservices_usage_unique_month"),
            models.CheckConstraint(condition=models.Q(month__day=1), name="eservices_usage_month_first_day"),
        ]

    def __str__(self) -> str:
        return f"{self.service} · {self.get_channel_type_display()} · {self.month:%Y-%m}"

    @property
    def is_digital(self) -> bool:
        return is_digital(self.channel_type)
