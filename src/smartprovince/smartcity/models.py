"""Smart-city initiatives by DEPA domain and economic sector (goal 1, strategy 3)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Domain(models.Model):
    """One of DEPA's seven smart-city domains; the codes are stable (thai-conventions.md)."""

    code = models.CharField(_("รหัสด้าน"), max_length=16, primary_key=True)
    name_th = models.CharField(_("ชื่อด้าน (ไทย)"), max_length=100)
    name_en = models.CharField(_("ชื่อด้าน (อังกฤษ)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("ด้านเมืองอัจฉริยะ")
        verbose_name_plural = _("ด้านเมืองอัจฉริยะ")

    def __str__(self) -> str:
        return self.name_th


class Sector(models.Model):
    code = models.CharField(_("รหัสภาคส่วน"), max_length=16, primary_key=True)
    name_th = models.CharField(_("ชื่อภาคส่วน (ไทย)"), max_length=100)
    name_en = models.CharField(_("ชื่อภาคส่วน (อังกฤษ)"), max_length=100)
    counts_for_strategy3 = models.BooleanField(_("นับในตัวชี้วัดยุทธศาสตร์ที่ 3"), default=True)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("ภาคส่วน")
        verbose_name_plural = _("ภาคส่วน")

    def __str__(self) -> str:
        return self.name_th


class Initiative(models.Model):
    class Kind(models.TextChoices):
        TECHNOLOGY = "technology", _("เทคโนโลยี")
        INNOVATION = "innovation", _("นวัตกรรม")
        PLATFORM = "platform", _("แพลตฟอร์ม")
        DATA_SERVICE = "data_service", _("บริการข้อมูล")

    class Status(models.TextChoices):
        IDEA = "idea", _("แนวคิด/ข้อเสนอ")
        PILOT = "pilot", _("นำร่อง/ทดลองใช้")
        OPERATING = "operating", _("ใช้งานจริง")
        CERTIFIED = "certified", _("ได้รับการรับรองเมืองอัจฉริยะจาก depa")

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="initiatives", verbose_name=_("หน่วยงานรับผิดชอบ"))
    title_th = models.CharField(_("ชื่อโครงการ/นวัตกรรม"), max_length=255)
    title_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=255, blank=True)
    summary_th = models.TextField(_("สรุปสาระสำคัญ"))
    domains = models.ManyToManyField(Domain, related_name="initiatives", verbose_name=_("ด้านเมืองอัจฉริยะ (depa)"))
    sectors = models.ManyToManyField(Sector, related_name="initiatives", verbose_name=_("ภาคส่วนที่ส่งเสริม"))
    kind = models.CharField(_("ประเภท"), max_length=16, choices=Kind.choices)
    status = models.CharField(_("สถานะ"), max_length=12, choices=Status.choices, default=Status.IDEA)
    started_on = models.DateField(_("วันที่เริ่มนำร่อง/ดำเนินการ"), null=True, blank=True)
    operating_since = models.DateField(_("วันที่เริ่มใช้งานจริง"), null=True, blank=True)
    certified_on = models.DateField(_("วันที่ได้รับการรับรองจาก depa"), null=True, blank=True)
    ended_on = models.DateField(_("วันที่ยุติการใช้งาน"), null=True, blank=True)
    districts = models.ManyToManyField("core.Area", blank=True, related_name="+", verbose_name=_("อำเภอที่ดำเนินการ"))
    website = models.URLField(_("เว็บไซต์"), blank=True)
    is_published = models.BooleanField(_("เผยแพร่ต่อสาธารณะ"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[domains, sectors])

    class Meta:
        ordering = ["title_th", "id"]
        verbose_name = _("โครงการเมืองอัจฉริยะ")
        verbose_name_plural = _("โครงการเมืองอัจฉริยะ")

    def __str__(self) -> str:
        return self.title_th


class InitiativeLink(models.Model):
    """A link to a project, a dataset or another page that documents the initiative."""

    class Kind(models.TextChoices):
        PROJECT = "project", _("โครงการในแผน")
        DATASET = "dataset", _("ชุดข้อมูล")
        EVIDENCE = "evidence", _("หลักฐาน/เอกสารอ้างอิง")
        OTHER = "other", _("อื่น ๆ")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("ประเภทลิงก์"), max_length=12, choices=Kind.choices)
    title_th = models.CharField(_("ชื่อ"), max_length=255)
    reference = models.CharField(_("รหัสอ้างอิง"), max_length=100, blank=True, help_text=_("รหัสโครงการ หรือชื่อชุดข้อมูลในคลังข้อมูล"))
    url = models.CharField(_("ลิงก์"), max_length=500, blank=True)

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = _("ลิงก์ที่เกี่ยวข้อง")
        verbose_name_plural = _("ลิงก์ที่เกี่ยวข้อง")

    def __str__(self) -> str:
        return self.title_th


class InitiativeEvidence(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="evidence")
    title_th = models.CharField(_("ชื่อหลักฐาน"), max_length=255)
    file = models.FileField(_("ไฟล์"), upload_to="smartcity/evidence/%Y/")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("หลักฐาน")
        verbose_name_plural = _("หลักฐาน")

    def __str__(self) -> str:
        return self.title_th
