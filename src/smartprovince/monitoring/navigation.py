from django.utils.translation import gettext_lazy as _

from smartprovince.core.navigation import nav_item
from smartprovince.core.workspace import workspace_panel

nav_item("staff", "แดชบอร์ดผู้บริหาร", "Executive dashboard", "monitoring:dashboard", permission="monitoring.dashboard:read", order=10)
nav_item("staff", "ตัวชี้วัด", "Indicators", "monitoring:indicator-list", permission="monitoring.indicator:read", order=30)
nav_item("staff", "PDCA", "PDCA", "monitoring:pdca", permission="monitoring.dashboard:read", order=31)
nav_item("staff", "รายงานผู้บริหาร", "Executive reports", "monitoring:report-list", permission="monitoring.report:read", order=32)
workspace_panel(
    _("ติดตามและประเมินผล"),
    _("ดูตัวชี้วัดเทียบค่าเป้าหมาย ความก้าวหน้าโครงการและงบประมาณ เรื่องที่ต่ำกว่าเป้าหมาย และจัดทำรายงานเสนอผู้บริหาร"),
    [(_("แดชบอร์ดผู้บริหาร"), "monitoring:dashboard"), (_("กระดาน PDCA"), "monitoring:pdca"),
     (_("ตัวชี้วัดและค่าเป้าหมาย"), "monitoring:indicator-list"), (_("รายงานผู้บริหาร"), "monitoring:report-list")],
    permission="monitoring.dashboard:read", order=10,
)
workspace_panel(
    _("ตรวจติดตาม"),
    _("บันทึกผลการตรวจติดตาม ปัญหา อุปสรรค ข้อเสนอแนะ และมาตรการแก้ไข"),
    [(_("บันทึกผลการตรวจติดตาม"), "monitoring:finding-create"), (_("ผลการตรวจติดตาม"), "monitoring:finding-list"),
     (_("มาตรการแก้ไข"), "monitoring:action-list")],
    permission="monitoring.finding:write", order=11,
)
workspace_panel(
    _("รายงานผลตัวชี้วัดของหน่วยงาน"),
    _("กรอกค่าตัวชี้วัดที่หน่วยงานรับผิดชอบพร้อมหลักฐาน และติดตามมาตรการแก้ไขที่หน่วยงานต้องดำเนินการ"),
    [(_("ค่าที่หน่วยงานรายงาน"), "monitoring:reported-list"), (_("ตัวชี้วัด"), "monitoring:indicator-list"),
     (_("มาตรการแก้ไข"), "monitoring:action-list")],
    permission="monitoring.measurement:report", order=40,
)
