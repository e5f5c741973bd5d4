"""Data hub: domains, datasets (Thai GD Catalog metadata), resources and their uploaded
versions, the column dictionary, and the IT-system registry with integration links."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from . import gdc


class DataDomain(models.Model):
    """A data domain of the provincial database (a CKAN group)."""

    name = models.SlugField("รหัส (URL)", max_length=70, unique=True)
    title_th = models.CharField("ชื่อด้านข้อมูล", max_length=200)
    title_en = models.CharField("ชื่อ (อังกฤษ)", max_length=200, blank=True)
    description = models.TextField("คำอธิบาย", blank=True)
    order = models.PositiveSmallIntegerField("ลำดับ", default=100)
    is_active = models.BooleanField("ใช้งาน", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "title_th"]
        verbose_name = "ด้านข้อมูล"
        verbose_name_plural = "ด้านข้อมูล"

    def __str__(self) -> str:
        return self.title_th


class Tag(models.Model):
    name = models.CharField("คำสำคัญ", max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "คำสำคัญ"
        verbose_name_plural = "คำสำคัญ"

    def __str__(self) -> str:
        return self.name


class Dataset(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.SlugField("ชื่อใน URL", max_length=70, unique=True)
    title = models.CharField("ชื่อชุดข้อมูล", max_length=300)
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="หน่วยงานเจ้าของข้อมูล", on_delete=models.PROTECT, related_name="datasets"
    )
    domains = models.ManyToManyField(DataDomain, verbose_name="ด้านข้อมูล", blank=True, related_name="datasets")
    tags = models.ManyToManyField(Tag, verbose_name="คำสำคัญ", blank=True, related_name="datasets")
    is_private = models.BooleanField("ไม่เปิดเผย (เฉพาะหน่วยงาน)", default=False)
    is_deleted = models.BooleanField("ลบแล้ว", default=False)

    data_type = models.CharField("ประเภทชุดข้อมูล", max_length=60, choices=gdc.choices(gdc.DATA_TYPES))
    data_type_other = models.CharField("ประเภทชุดข้อมูล (อื่นๆ)", max_length=200, blank=True)
    maintainer = models.CharField("ชื่อผู้ติดต่อ", max_length=200)
    maintainer_email = models.EmailField("อีเมลผู้ติดต่อ")
    notes = models.TextField("รายละเอียด/คำอธิบาย")
    objective = models.JSONField("วัตถุประสงค์", default=list, blank=True)
    objective_other = models.CharField("วัตถุประสงค์ (อื่นๆ)", max_length=300, blank=True)
    update_frequency_unit = models.CharField(
        "หน่วยความถี่ของการปรับปรุงข้อมูล", max_length=60, choices=gdc.choices(gdc.UPDATE_FREQUENCY_UNITS)
    )
    update_frequency_unit_other = models.CharField("หน่วยความถี่ (อื่นๆ)", max_length=200, blank=True)
    update_frequency_interval = models.PositiveIntegerField("ค่าความถี่ของการปรับปรุงข้อมูล", null=True, blank=True)
    geo_coverage = models.CharField("ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่", max_length=60, choices=gdc.choices(gdc.GEO_COVERAGES))
    geo_coverage_other = models.CharField("ขอบเขตเชิงพื้นที่ (อื่นๆ)", max_length=200, blank=True)
    data_source = models.CharField("แหล่งที่มา", max_length=300)
    data_format = models.JSONField("รูปแบบการเก็บข้อมูล", default=list, blank=True)
    data_format_other = models.CharField("รูปแบบการเก็บข้อมูล (อื่นๆ)", max_length=200, blank=True)
    data_category = models.CharField(
        "หมวดหมู่ข้อมูลตามธรรมาภิบาลข้อมูลภาครัฐ", max_length=60, choices=gdc.choices(gdc.DATA_CATEGORIES)
    )
    data_classification = models.CharField(
        "ระดับชั้นข้อมูล", max_length=60, choices=gdc.choices(gdc.DATA_CLASSIFICATIONS), blank=True
    )
    license_id = models.CharField("สัญญาอนุญาตให้ใช้ข้อมูล", max_length=100, choices=gdc.choices(gdc.LICENSES))
    license_id_other = models.CharField("สัญญาอนุญาต (อื่นๆ)", max_length=200, blank=True)
    accessible_condition = models.TextField("เงื่อนไขในการเข้าถึงข้อมูล", blank=True)
    url = models.URLField("URL", blank=True)
    data_language = models.JSONField("ภาษาที่ใช้", default=list, blank=True)
    data_language_other = models.CharField("ภาษาที่ใช้ (อื่นๆ)", max_length=200, blank=True)
    data_support = models.CharField("ผู้สนับสนุนหรือผู้ร่วมดำเนินการ", max_length=100, blank=True,
                                    choices=gdc.choices(gdc.DATA_SUPPORTS))
    data_support_other = models.CharField("ผู้สนับสนุน (อื่นๆ)", max_length=200, blank=True)
    data_collect = models.CharField("หน่วยที่ย่อยที่สุดของการจัดเก็บข้อมูล", max_length=100, blank=True,
                                    choices=gdc.choices(gdc.DATA_COLLECTS))
    data_collect_other = models.CharField("หน่วยการจัดเก็บ (อื่นๆ)", max_length=200, blank=True)
    created_date = models.DateField("วันที่เริ่มต้นสร้าง", null=True, blank=True)
    last_updated_date = models.DateField("วันที่ปรับปรุงข้อมูลล่าสุด", null=True, blank=True)
    data_release_calendar = models.DateField("วันที่กำหนดเผยแพร่ข้อมูล", null=True, blank=True)
    first_year_of_data_be = models.PositiveIntegerField("ปีข้อมูลที่เริ่มต้นจัดทำ (พ.ศ.)", null=True, blank=True)
    last_year_of_data_be = models.PositiveIntegerField("ปีข้อมูลล่าสุดที่เผยแพร่ (พ.ศ.)", null=True, blank=True)
    disaggregate = models.JSONField("การจัดจำแนก", default=list, blank=True)
    disaggregate_other = models.CharField("การจัดจำแนก (อื่นๆ)", max_length=200, blank=True)
    unit_of_measure = models.CharField("หน่วยวัด", max_length=100, blank=True)
    unit_of_multiplier = models.CharField("หน่วยตัวคูณ", max_length=30, blank=True,
                                          choices=gdc.choices(gdc.UNIT_MULTIPLIERS))
    unit_of_multiplier_other = models.CharField("หน่วยตัวคูณ (อื่นๆ)", max_length=100, blank=True)
    calculation_method = models.TextField("วิธีการคำนวณ", blank=True)
    standard = models.CharField("มาตรฐานการจัดทำข้อมูล", max_length=300, blank=True)
    official_statistics = models.BooleanField("สถิติทางการ", default=False)
    geographic_data_set = models.CharField("ชุดข้อมูลภูมิศาสตร์", max_length=100, blank=True,
                                           choices=gdc.choices(gdc.GEOGRAPHIC_DATA_SETS))
    equivalent_scale = models.CharField("มาตราส่วน", max_length=30, blank=True, choices=gdc.choices(gdc.EQUIVALENT_SCALES))
    equivalent_scale_other = models.CharField("มาตราส่วน (อื่นๆ)", max_length=100, blank=True)
    west_bound_longitude = models.DecimalField("พิกัดทิศตะวันตก", max_digits=9, decimal_places=6, null=True, blank=True)
    east_bound_longitude = models.DecimalField("พิกัดทิศตะวันออก", max_digits=9, decimal_places=6, null=True, blank=True)
    north_bound_longitude = models.DecimalField("พิกัดทิศเหนือ", max_digits=9, decimal_places=6, null=True, blank=True)
    south_bound_longitude = models.DecimalField("พิกัดทิศใต้", max_digits=9, decimal_places=6, null=True, blank=True)
    positional_accuracy = models.CharField("ความถูกต้องของตำแหน่ง", max_length=200, blank=True)
    reference_period = models.CharField("เวลาอ้างอิง", max_length=200, blank=True)
    data_release_date = models.DateField("วันที่เผยแพร่ข้อมูล", null=True, blank=True)
    high_value_dataset = models.BooleanField("ชุดข้อมูลที่มีคุณค่าสูง", default=False)
    reference_data = models.BooleanField("ข้อมูลอ้างอิง", default=False)
    allow_harvest = models.BooleanField("ยินยอมให้นำชื่อชุดข้อมูลไปใช้ที่ GD-Catalog", default=True)
    reference_url_catalog = models.URLField("อ้างอิง URL Catalog", blank=True)

    search_text = models.TextField(blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField("สร้างเมื่อ", auto_now_add=True)
    updated_at = models.DateTimeField("แก้ไขล่าสุด", auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = "ชุดข้อมูล"
        verbose_name_plural = "ชุดข้อมูล"
        indexes = [models.Index(fields=["is_deleted", "is_private", "-updated_at"])]

    def __str__(self) -> str:
        return self.title


class Resource(models.Model):
    """A file or link of a dataset. Tabular files are loaded into a datastore table."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="resources", verbose_name="ชุดข้อมูล")
    name = models.CharField("ชื่อทรัพยากร", max_length=300)
    description = models.TextField("คำอธิบาย", blank=True)
    format = models.CharField("นามสกุลของไฟล์", max_length=30, blank=True)
    url = models.URLField("ลิงก์", max_length=1000, blank=True)
    file = models.FileField("ไฟล์", upload_to="datahub/%Y/%m/", blank=True, max_length=300)
    size = models.BigIntegerField("ขนาด (ไบต์)", null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    extras = models.JSONField("ข้อมูลเพิ่มเติม (GD Catalog)", default=dict, blank=True)
    datastore_table = models.CharField(max_length=80, blank=True, editable=False)
    datastore_rows = models.BigIntegerField("จำนวนแถวในคลังข้อมูล", default=0)
    datastore_active = models.BooleanField("มีในคลังข้อมูล", default=False)
    last_loaded_at = models.DateTimeField("โหลดล่าสุด", null=True, blank=True)
    is_deleted = models.BooleanField("ลบแล้ว", default=False)
    created_at = models.DateTimeField("สร้างเมื่อ", auto_now_add=True)
    updated_at = models.DateTimeField("แก้ไขล่าสุด", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "created_at"]
        verbose_name = "ทรัพยากรข้อมูล"
        verbose_name_plural = "ทรัพยากรข้อมูล"

    def __str__(self) -> str:
        return self.name

    @property
    def is_tabular(self) -> bool:
        return self.format.upper() in {"CSV", "XLSX", "TSV", "TXT"}


class ResourceVersion(models.Model):
    """One upload of a resource's file and the result of loading it."""

    class Status(models.TextChoices):
        PENDING = "pending", "รอโหลด"
        LOADING = "loading", "กำลังโหลด"
        LOADED = "loaded", "โหลดสำเร็จ"
        FAILED = "failed", "โหลดไม่สำเร็จ"
        STORED = "stored", "จัดเก็บไฟล์ (ไม่โหลดเข้าคลังข้อมูล)"

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("ฉบับที่")
    file = models.FileField("ไฟล์", upload_to="datahub/versions/%Y/%m/", blank=True, max_length=300)
    original_filename = models.CharField("ชื่อไฟล์ต้นฉบับ", max_length=300, blank=True)
    size = models.BigIntegerField("ขนาด (ไบต์)", default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    sheet = models.CharField("แผ่นงาน", max_length=100, blank=True)
    sheets = models.JSONField("แผ่นงานในไฟล์", default=list, blank=True)
    encoding = models.CharField("การเข้ารหัสตัวอักษร", max_length=20, blank=True)
    delimiter = models.CharField("ตัวคั่น", max_length=4, blank=True)
    status = models.CharField("สถานะ", max_length=10, choices=Status.choices, default=Status.PENDING)
    rows_loaded = models.BigIntegerField("แถวที่โหลดได้", default=0)
    rows_rejected = models.BigIntegerField("แถวที่ถูกปฏิเสธ", default=0)
    rejects = models.JSONField("แถวที่ถูกปฏิเสธ (บรรทัด/เหตุผล)", default=list, blank=True)
    warnings = models.JSONField("คำเตือน", default=list, blank=True)
    error = models.TextField("สาเหตุที่ไม่สำเร็จ", blank=True)
    table_name = models.CharField(max_length=80, blank=True)
    job = models.ForeignKey("core.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField("อัปโหลดเมื่อ", auto_now_add=True)
    loaded_at = models.DateTimeField("โหลดเสร็จเมื่อ", null=True, blank=True)

    class Meta:
        ordering = ["resource", "-number"]
        constraints = [models.UniqueConstraint(fields=["resource", "number"], name="datahub_version_unique")]
        verbose_name = "ฉบับของไฟล์"
        verbose_name_plural = "ฉบับของไฟล์"

    def __str__(self) -> str:
        return f"{self.resource} ฉบับที่ {self.number}"


class Column(models.Model):
    """The data dictionary of a loaded resource (one row per datastore column)."""

    class Type(models.TextChoices):
        INTEGER = "integer", "จำนวนเต็ม"
        DECIMAL = "decimal", "ทศนิยม"
        DATE = "date", "วันที่"
        BOOLEAN = "boolean", "จริง/เท็จ"
        TEXT = "text", "ข้อความ"

    class StandardKey(models.TextChoices):
        AREA_CODE = "area_code", "รหัสพื้นที่ (มท. 2/4/6 หลัก หรือชื่อพื้นที่)"
        FISCAL_YEAR_BE = "fiscal_year_be", "ปีงบประมาณ (พ.ศ.)"
        YEAR_BE = "year_be", "ปี (พ.ศ.)"
        DATE = "date", "วันที่"

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="columns")
    position = models.PositiveIntegerField("ลำดับ")
    name = models.CharField("ชื่อคอลัมน์", max_length=63)
    physical = models.CharField(max_length=16)
    type = models.CharField("ชนิดข้อมูล", max_length=10, choices=Type.choices, default=Type.TEXT)
    label = models.CharField("ชื่อที่แสดง", max_length=200, blank=True)
    description = models.TextField("คำอธิบาย", blank=True)
    standard_key = models.CharField("คีย์มาตรฐาน", max_length=20, choices=StandardKey.choices, blank=True)

    class Meta:
        ordering = ["resource", "position"]
        constraints = [models.UniqueConstraint(fields=["resource", "name"], name="datahub_column_unique_name")]
        verbose_name = "คอลัมน์"
        verbose_name_plural = "พจนานุกรมข้อมูล"

    def __str__(self) -> str:
        return self.label or self.name


class ITSystem(models.Model):
    """A system, database or piece of infrastructure of an agency (strategy 1 registry)."""

    class Kind(models.TextChoices):
        SYSTEM = "system", "ระบบสารสนเทศ"
        DATABASE = "database", "ฐานข้อมูล"
        INFRASTRUCTURE = "infrastructure", "โครงสร้างพื้นฐาน"

    class Status(models.TextChoices):
        PLANNED = "planned", "วางแผน"
        DEVELOPMENT = "development", "กำลังพัฒนา"
        ACTIVE = "active", "ใช้งาน"
        RETIRED = "retired", "เลิกใช้งาน"

    agency = models.ForeignKey("agencies.Agency", verbose_name="หน่วยงาน", on_delete=models.PROTECT,
                               related_name="it_systems")
    name = models.CharField("ชื่อระบบ", max_length=300)
    kind = models.CharField("ประเภท", max_length=20, choices=Kind.choices, default=Kind.SYSTEM)
    status = models.CharField("สถานะ", max_length=20, choices=Status.choices, default=Status.ACTIVE)
    description = models.TextField("คำอธิบาย", blank=True)
    url = models.URLField("URL", blank=True)
    hosting = models.CharField("ที่ตั้ง/ผู้ให้บริการ", max_length=200, blank=True)
    launched_date = models.DateField("วันที่เริ่มใช้งาน", null=True, blank=True)
    datasets = models.ManyToManyField(Dataset, verbose_name="ชุดข้อมูลที่ให้บริการ", blank=True, related_name="systems")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name_th", "name"]
        verbose_name = "ระบบสารสนเทศ"
        verbose_name_plural = "ทะเบียนระบบสารสนเทศ"
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="datahub_system_unique_name")]

    def __str__(self) -> str:
        return self.name


class IntegrationLink(models.Model):
    """``source`` exchanges data with ``target`` by ``method``."""

    class Method(models.TextChoices):
        API = "api", "API"
        GDX = "gdx", "GDX (ศูนย์แลกเปลี่ยนข้อมูลกลางภาครัฐ)"
        FILE = "file", "แลกเปลี่ยนไฟล์"
        DBLINK = "dblink", "เชื่อมฐานข้อมูลโดยตรง"

    source = models.ForeignKey(ITSystem, on_delete=models.CASCADE, related_name="links_out", verbose_name="ระบบต้นทาง")
    target = models.ForeignKey(ITSystem, on_delete=models.CASCADE, related_name="links_in", verbose_name="ระบบปลายทาง")
    method = models.CharField("วิธีเชื่อมโยง", max_length=10, choices=Method.choices)
    description = models.CharField("ข้อมูลที่แลกเปลี่ยน", max_length=300, blank=True)
    since = models.DateField("เริ่มเชื่อมโยงเมื่อ", null=True, blank=True)
    is_active = models.BooleanField("ใช้งานอยู่", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["source__name", "target__name"]
        verbose_name = "การเชื่อมโยงระบบ"
        verbose_name_plural = "การเชื่อมโยงระบบ"
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "method"], name="datahub_link_unique"),
            models.CheckConstraint(condition=~models.Q(source=models.F("target")), name="datahub_link_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target} ({self.get_method_display()})"
