from smartprovince.core.navigation import nav_item
from smartprovince.core.workspace import workspace_panel

nav_item("staff", "แดชบอร์ดผู้บริหาร", "Executive dashboard", "monitoring:dashboard", permission="monitoring.dashboard:read", order=10)
nav_item("staff", "ตัวชี้วัด", "Indicators", "monitoring:indicator-list", permission="monitoring.indicator:read", order=30)
nav_item("staff", "PDCA", "PDCA", "monitoring:pdca", permission="monitoring.dashboard:read", order=31)
nav_item("staff", "รายงานผู้บริหาร", "Executive reports", "monitoring:report-list", permission="monitoring.report:read", order=32)
workspace_panel(
    "ติดตามและประเมินผล",
    "ดูตัวชี้วัดเทียบค่าเป้าหมาย ความก้าวหน้าโครงการและงบประมาณ เรื่องที่ต่ำกว่าเป้าหมาย และจัดทำรายงานเสนอผู้บริหาร",
    [("แดชบอร์ดผู้บริหาร", "monitoring:dashboard"), ("กระดาน PDCA", "monitoring:pdca"),
     ("ตัวชี้วัดและค่าเป้าหมาย", "monitoring:indicator-list"), ("รายงานผู้บริหาร", "monitoring:report-list")],
    permission="monitoring.dashboard:read", order=10,
)
workspace_panel(
    "ตรวจติดตาม",
    "บันทึกผลการตรวจติดตาม ปัญหา อุปสรรค ข้อเสนอแนะ และมาตรการแก้ไข",
    [("บันทึกผลการตรวจติดตาม", "monitoring:finding-create"), ("ผลการตรวจติดตาม", "monitoring:finding-list"),
     ("มาตรการแก้ไข", "monitoring:action-list")],
    permission="monitoring.finding:write", order=11,
)
workspace_panel(
    "รายงานผลตัวชี้วัดของหน่วยงาน",
    "กรอกค่าตัวชี้วัดที่หน่วยงานรับผิดชอบพร้อมหลักฐาน และติดตามมาตรการแก้ไขที่หน่วยงานต้องดำเนินการ",
    [("ค่าที่หน่วยงานรายงาน", "monitoring:reported-list"), ("ตัวชี้วัด", "monitoring:indicator-list"),
     ("มาตรการแก้ไข", "monitoring:action-list")],
    permission="monitoring.measurement:report", order=40,
)
