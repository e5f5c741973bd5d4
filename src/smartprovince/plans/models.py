"""The provincial plan as data (DESIGN.md §3.1) and the national reference plans it aligns with."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ReferencePlan(models.Model):
    """A national or higher-level plan the provincial plan aligns with (seed section 2)."""

    code = models.CharField(_("รหัส"), max_length=32, unique=True)
    title_th = models.CharField(_("ชื่อแผน"), max_length=500)
    title_en = models.CharField(_("ชื่อแผน (อังกฤษ)"), max_length=500, blank=True)
    level = models.PositiveSmallIntegerField(_("ระดับแผน"), default=3)
    period_th = models.CharField(_("ระยะเวลา"), max_length=100, blank=True)
    section = models.CharField(_("หัวข้อในแผนจังหวัด"), max_length=16, blank=True)
    description_th = models.TextField(_("สาระสำคัญ"), blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("แผนระดับชาติ/แผนที่เกี่ยวข้อง")
        verbose_name_plural = _("แผนระดับชาติ/แผนที่เกี่ยวข้อง")

    def __str__(self) -> str:
        return self.title_th


class ReferenceItem(models.Model):
    """An item of a reference plan (strategy, issue, sub-plan, goal …) a project or strategy can serve."""

    plan = models.ForeignKey(ReferencePlan, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    code = models.CharField(_("รหัส"), max_length=64, unique=True)
    kind_th = models.CharField(_("ประเภท"), max_length=64, blank=True)
    name_th = models.TextField(_("ชื่อ"))
    name_en = models.TextField(_("ชื่อ (อังกฤษ)"), blank=True)
    description_th = models.TextField(_("รายละเอียด"), blank=True)
    order = models.PositiveIntegerField(default=0)
    depth = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan__order", "order"]
        verbose_name = _("ประเด็นของแผนระดับชาติ")
        verbose_name_plural = _("ประเด็นของแผนระดับชาติ")

    def __str__(self) -> str:
        return f"{self.code} {self.name_th[:80]}"


class Plan(models.Model):
    code = models.CharField(_("รหัสแผน"), max_length=64, unique=True)
    title_th = models.CharField(_("ชื่อแผน"), max_length=500)
    title_en = models.CharField(_("ชื่อแผน (อังกฤษ)"), max_length=500, blank=True)
    province_code = models.CharField(_("รหัสจังหวัด"), max_length=2)
    fiscal_year_start_be = models.PositiveIntegerField(_("ปีงบประมาณเริ่มต้น (พ.ศ.)"))
    fiscal_year_end_be = models.PositiveIntegerField(_("ปีงบประมาณสิ้นสุด (พ.ศ.)"))
    executive_summary_th = models.TextField(_("บทสรุปผู้บริหาร"), blank=True)
    background_th = models.TextField(_("ที่มาและความสำคัญ"), blank=True)
    situation_th = models.TextField(_("การวิเคราะห์สถานการณ์"), blank=True)
    swot_intro_th = models.TextField(_("การวิเคราะห์ SWOT (บทนำ)"), blank=True)
    vision_th = models.TextField(_("วิสัยทัศน์"))
    vision_en = models.TextField(_("วิสัยทัศน์ (อังกฤษ)"), blank=True)
    implementation_intro_th = models.TextField(_("แนวทางการขับเคลื่อนแผน (บทนำ)"), blank=True)
    monitoring_intro_th = models.TextField(_("การติดตามและประเมินผล (บทนำ)"), blank=True)
    is_current = models.BooleanField(_("แผนที่ใช้อยู่"), default=True)
    source_file = models.CharField(max_length=255, blank=True)
    loaded_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-fiscal_year_start_be"]
        verbose_name = _("แผนปฏิบัติการดิจิทัล")
        verbose_name_plural = _("แผนปฏิบัติการดิจิทัล")

    def __str__(self) -> str:
        return self.title_th

    @property
    def fiscal_years(self) -> list[int]:
        return list(range(self.fiscal_year_start_be, self.fiscal_year_end_be + 1))


class Mission(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="missions")
    code = models.CharField(_("รหัส"), max_length=16)
    name_th = models.TextField(_("พันธกิจ"))
    name_en = models.TextField(_("พันธกิจ (อังกฤษ)"), blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="mission_code_unique")]
        verbose_name = _("พันธกิจ")
        verbose_name_plural = _("พันธกิจ")

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"


class Goal(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    code = models.CharField(_("รหัส"), max_length=16)
    name_th = models.TextField(_("เป้าหมาย"))
    name_en = models.TextField(_("เป้าหมาย (อังกฤษ)"), blank=True)
    missions = models.ManyToManyField(Mission, blank=True, related_name="goals")
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="goal_code_unique")]
        verbose_name = _("เป้าหมาย")
        verbose_name_plural = _("เป้าหมาย")

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"


class Strategy(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="strategies")
    code = models.CharField(_("รหัส"), max_length=16)
    number = models.PositiveSmallIntegerField(_("ลำดับ"))
    name_th = models.TextField(_("ยุทธศาสตร์"))
    name_en = models.TextField(_("ยุทธศาสตร์ (อังกฤษ)"), blank=True)
    objective_th = models.TextField(_("เป้าประสงค์"), blank=True)
    objective_en = models.TextField(_("เป้าประสงค์ (อังกฤษ)"), blank=True)
    tactics_th = models.JSONField(_("กลยุทธ์"), default=list, blank=True)
    tactics_en = models.JSONField(_("กลยุทธ์ (อังกฤษ)"), default=list, blank=True)
    missions = models.ManyToManyField(Mission, blank=True, related_name="strategies")
    goals = models.ManyToManyField(Goal, blank=True, related_name="strategies")
    alignments = models.ManyToManyField(ReferenceItem, blank=True, related_name="strategies")
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="strategy_code_unique")]
        verbose_name = _("ยุทธศาสตร์")
        verbose_name_plural = _("ยุทธศาสตร์")

    def __str__(self) -> str:
        return f"ยุทธศาสตร์ที่ {self.number} {self.name_th}"


class PlanStatement(models.Model):
    """Ordered text items of the plan: SWOT entries, implementation guidance, M&E mechanism."""

    class Kind(models.TextChoices):
        STRENGTH = "strength", _("จุดแข็ง")
        WEAKNESS = "weakness", _("จุดอ่อน")
        OPPORTUNITY = "opportunity", _("โอกาส")
        THREAT = "threat", _("ภัยคุกคาม")
        IMPLEMENTATION = "implementation", _("แนวทางการขับเคลื่อนแผน")
        MONITORING = "monitoring", _("การติดตามและประเมินผล")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="statements")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    order = models.PositiveIntegerField(default=0)
    text_th = models.TextField()

    class Meta:
        ordering = ["plan", "kind", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "kind", "order"], name="statement_order_unique")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.order}"


class Indicator(models.Model):
    """A goal, strategy or province KPI (DESIGN.md §3.2)."""

    class Scope(models.TextChoices):
        GOAL = "goal", _("ตัวชี้วัดเป้าหมาย")
        STRATEGY = "strategy", _("ตัวชี้วัดยุทธศาสตร์")
        PROVINCE = "province", _("ตัวชี้วัดการพัฒนาจังหวัด")

    class Direction(models.TextChoices):
        UP = "up", _("ยิ่งมากยิ่งดี")
        DOWN = "down", _("ยิ่งน้อยยิ่งดี")

    class Frequency(models.TextChoices):
        MONTH = "month", _("รายเดือน")
        QUARTER = "quarter", _("รายไตรมาส")
        YEAR = "year", _("รายปี")

    class Measure(models.TextChoices):
        COMPUTED = "computed", _("คำนวณจากข้อมูลในระบบ")
        REPORTED = "reported", _("หน่วยงานรายงาน")

    class Accumulation(models.TextChoices):
        LEVEL = "level", _("ค่า ณ สิ้นงวด")
        CUMULATIVE = "cumulative", _("สะสมตามสัดส่วนเวลา")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("รหัส"), max_length=32)
    scope = models.CharField(_("ประเภท"), max_length=16, choices=Scope.choices)
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.CASCADE, related_name="indicators")
    strategy = models.ForeignKey(Strategy, null=True, blank=True, on_delete=models.CASCADE, related_name="indicators")
    name_th = models.TextField(_("ตัวชี้วัด"))
    name_en = models.TextField(_("ตัวชี้วัด (อังกฤษ)"), blank=True)
    unit_th = models.CharField(_("หน่วยนับ"), max_length=64)
    unit_en = models.CharField(_("หน่วยนับ (อังกฤษ)"), max_length=64, blank=True)
    direction = models.CharField(_("ทิศทาง"), max_length=8, choices=Direction.choices, default=Direction.UP)
    baseline = models.DecimalField(_("ค่าฐาน"), max_digits=18, decimal_places=4, null=True, blank=True)
    frequency = models.CharField(_("ความถี่"), max_length=8, choices=Frequency.choices, default=Frequency.YEAR)
    measure = models.CharField(_("ที่มาของค่า"), max_length=10, choices=Measure.choices)
    metric = models.CharField(_("ตัวคำนวณ"), max_length=100, blank=True)
    accumulation = models.CharField(_("วิธีเทียบเป้า"), max_length=12, choices=Accumulation.choices, default=Accumulation.LEVEL)
    source_text_th = models.TextField(_("ข้อความในแผน"), blank=True)
    responsible_agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators",
        verbose_name=_("หน่วยงานรับผิดชอบ"),
    )
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="indicator_code_unique"),
            models.CheckConstraint(
                condition=~models.Q(measure="computed") | ~models.Q(metric=""), name="indicator_computed_has_metric"
            ),
        ]
        verbose_name = _("ตัวชี้วัด")
        verbose_name_plural = _("ตัวชี้วัด")

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    fiscal_year_be = models.PositiveIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    value = models.DecimalField(_("ค่าเป้าหมาย"), max_digits=18, decimal_places=4)
    is_derived = models.BooleanField(
        _("กำหนดเพิ่มจากแผน"), default=False, help_text=_("แผนไม่ได้ระบุค่ารายปีนี้ไว้โดยตรง จังหวัดกำหนดเพิ่มเพื่อการติดตาม")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "fiscal_year_be"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "fiscal_year_be"], name="target_year_unique")
        ]
        verbose_name = _("ค่าเป้าหมาย")
        verbose_name_plural = _("ค่าเป้าหมาย")

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.fiscal_year_be}: {self.value}"
