"""The provincial plan as data (DESIGN.md §3.1) and the national reference plans it aligns with."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords


class ReferencePlan(models.Model):
    """A national or higher-level plan the provincial plan aligns with (seed section 2)."""

    code = models.CharField("รหัส", max_length=32, unique=True)
    title_th = models.CharField("ชื่อแผน", max_length=500)
    title_en = models.CharField("ชื่อแผน (อังกฤษ)", max_length=500, blank=True)
    level = models.PositiveSmallIntegerField("ระดับแผน", default=3)
    period_th = models.CharField("ระยะเวลา", max_length=100, blank=True)
    section = models.CharField("หัวข้อในแผนจังหวัด", max_length=16, blank=True)
    description_th = models.TextField("สาระสำคัญ", blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = "แผนระดับชาติ/แผนที่เกี่ยวข้อง"
        verbose_name_plural = "แผนระดับชาติ/แผนที่เกี่ยวข้อง"

    def __str__(self) -> str:
        return self.title_th


class ReferenceItem(models.Model):
    """An item of a reference plan (strategy, issue, sub-plan, goal …) a project or strategy can serve."""

    plan = models.ForeignKey(ReferencePlan, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    code = models.CharField("รหัส", max_length=64, unique=True)
    kind_th = models.CharField("ประเภท", max_length=64, blank=True)
    name_th = models.TextField("ชื่อ")
    name_en = models.TextField("ชื่อ (อังกฤษ)", blank=True)
    description_th = models.TextField("รายละเอียด", blank=True)
    order = models.PositiveIntegerField(default=0)
    depth = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan__order", "order"]
        verbose_name = "ประเด็นของแผนระดับชาติ"
        verbose_name_plural = "ประเด็นของแผนระดับชาติ"

    def __str__(self) -> str:
        return f"{self.code} {self.name_th[:80]}"


class Plan(models.Model):
    code = models.CharField("รหัสแผน", max_length=64, unique=True)
    title_th = models.CharField("ชื่อแผน", max_length=500)
    title_en = models.CharField("ชื่อแผน (อังกฤษ)", max_length=500, blank=True)
    province_code = models.CharField("รหัสจังหวัด", max_length=2)
    fiscal_year_start_be = models.PositiveIntegerField("ปีงบประมาณเริ่มต้น (พ.ศ.)")
    fiscal_year_end_be = models.PositiveIntegerField("ปีงบประมาณสิ้นสุด (พ.ศ.)")
    executive_summary_th = models.TextField("บทสรุปผู้บริหาร", blank=True)
    background_th = models.TextField("ที่มาและความสำคัญ", blank=True)
    situation_th = models.TextField("การวิเคราะห์สถานการณ์", blank=True)
    swot_intro_th = models.TextField("การวิเคราะห์ SWOT (บทนำ)", blank=True)
    vision_th = models.TextField("วิสัยทัศน์")
    vision_en = models.TextField("วิสัยทัศน์ (อังกฤษ)", blank=True)
    implementation_intro_th = models.TextField("แนวทางการขับเคลื่อนแผน (บทนำ)", blank=True)
    monitoring_intro_th = models.TextField("การติดตามและประเมินผล (บทนำ)", blank=True)
    is_current = models.BooleanField("แผนที่ใช้อยู่", default=True)
    source_file = models.CharField(max_length=255, blank=True)
    loaded_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-fiscal_year_start_be"]
        verbose_name = "แผนปฏิบัติการดิจิทัล"
        verbose_name_plural = "แผนปฏิบัติการดิจิทัล"

    def __str__(self) -> str:
        return self.title_th

    @property
    def fiscal_years(self) -> list[int]:
        return list(range(self.fiscal_year_start_be, self.fiscal_year_end_be + 1))


class Mission(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="missions")
    code = models.CharField("รหัส", max_length=16)
    name_th = models.TextField("พันธกิจ")
    name_en = models.TextField("พันธกิจ (อังกฤษ)", blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="mission_code_unique")]
        verbose_name = "พันธกิจ"
        verbose_name_plural = "พันธกิจ"

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"


class Goal(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    code = models.CharField("รหัส", max_length=16)
    name_th = models.TextField("เป้าหมาย")
    name_en = models.TextField("เป้าหมาย (อังกฤษ)", blank=True)
    missions = models.ManyToManyField(Mission, blank=True, related_name="goals")
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="goal_code_unique")]
        verbose_name = "เป้าหมาย"
        verbose_name_plural = "เป้าหมาย"

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"


class Strategy(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="strategies")
    code = models.CharField("รหัส", max_length=16)
    number = models.PositiveSmallIntegerField("ลำดับ")
    name_th = models.TextField("ยุทธศาสตร์")
    name_en = models.TextField("ยุทธศาสตร์ (อังกฤษ)", blank=True)
    objective_th = models.TextField("เป้าประสงค์", blank=True)
    objective_en = models.TextField("เป้าประสงค์ (อังกฤษ)", blank=True)
    tactics_th = models.JSONField("กลยุทธ์", default=list, blank=True)
    tactics_en = models.JSONField("กลยุทธ์ (อังกฤษ)", default=list, blank=True)
    missions = models.ManyToManyField(Mission, blank=True, related_name="strategies")
    goals = models.ManyToManyField(Goal, blank=True, related_name="strategies")
    alignments = models.ManyToManyField(ReferenceItem, blank=True, related_name="strategies")
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="strategy_code_unique")]
        verbose_name = "ยุทธศาสตร์"
        verbose_name_plural = "ยุทธศาสตร์"

    def __str__(self) -> str:
        return f"ยุทธศาสตร์ที่ {self.number} {self.name_th}"


class PlanStatement(models.Model):
    """Ordered text items of the plan: SWOT entries, implementation guidance, M&E mechanism."""

    class Kind(models.TextChoices):
        STRENGTH = "strength", "จุดแข็ง"
        WEAKNESS = "weakness", "จุดอ่อน"
        OPPORTUNITY = "opportunity", "โอกาส"
        THREAT = "threat", "ภัยคุกคาม"
        IMPLEMENTATION = "implementation", "แนวทางการขับเคลื่อนแผน"
        MONITORING = "monitoring", "การติดตามและประเมินผล"

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
        GOAL = "goal", "ตัวชี้วัดเป้าหมาย"
        STRATEGY = "strategy", "ตัวชี้วัดยุทธศาสตร์"
        PROVINCE = "province", "ตัวชี้วัดการพัฒนาจังหวัด"

    class Direction(models.TextChoices):
        UP = "up", "ยิ่งมากยิ่งดี"
        DOWN = "down", "ยิ่งน้อยยิ่งดี"

    class Frequency(models.TextChoices):
        MONTH = "month", "รายเดือน"
        QUARTER = "quarter", "รายไตรมาส"
        YEAR = "year", "รายปี"

    class Measure(models.TextChoices):
        COMPUTED = "computed", "คำนวณจากข้อมูลในระบบ"
        REPORTED = "reported", "หน่วยงานรายงาน"

    class Accumulation(models.TextChoices):
        LEVEL = "level", "ค่า ณ สิ้นงวด"
        CUMULATIVE = "cumulative", "สะสมตามสัดส่วนเวลา"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField("รหัส", max_length=32)
    scope = models.CharField("ประเภท", max_length=16, choices=Scope.choices)
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.CASCADE, related_name="indicators")
    strategy = models.ForeignKey(Strategy, null=True, blank=True, on_delete=models.CASCADE, related_name="indicators")
    name_th = models.TextField("ตัวชี้วัด")
    name_en = models.TextField("ตัวชี้วัด (อังกฤษ)", blank=True)
    unit_th = models.CharField("หน่วยนับ", max_length=64)
    unit_en = models.CharField("หน่วยนับ (อังกฤษ)", max_length=64, blank=True)
    direction = models.CharField("ทิศทาง", max_length=8, choices=Direction.choices, default=Direction.UP)
    baseline = models.DecimalField("ค่าฐาน", max_digits=18, decimal_places=4, null=True, blank=True)
    frequency = models.CharField("ความถี่", max_length=8, choices=Frequency.choices, default=Frequency.YEAR)
    measure = models.CharField("ที่มาของค่า", max_length=10, choices=Measure.choices)
    metric = models.CharField("ตัวคำนวณ", max_length=100, blank=True)
    accumulation = models.CharField("วิธีเทียบเป้า", max_length=12, choices=Accumulation.choices, default=Accumulation.LEVEL)
    source_text_th = models.TextField("ข้อความในแผน", blank=True)
    responsible_agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators",
        verbose_name="หน่วยงานรับผิดชอบ",
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
        verbose_name = "ตัวชี้วัด"
        verbose_name_plural = "ตัวชี้วัด"

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    fiscal_year_be = models.PositiveIntegerField("ปีงบประมาณ (พ.ศ.)")
    value = models.DecimalField("ค่าเป้าหมาย", max_digits=18, decimal_places=4)
    is_derived = models.BooleanField(
        "กำหนดเพิ่มจากแผน", default=False, help_text="แผนไม่ได้ระบุค่ารายปีนี้ไว้โดยตรง จังหวัดกำหนดเพิ่มเพื่อการติดตาม"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "fiscal_year_be"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "fiscal_year_be"], name="target_year_unique")
        ]
        verbose_name = "ค่าเป้าหมาย"
        verbose_name_plural = "ค่าเป้าหมาย"

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.fiscal_year_be}: {self.value}"
