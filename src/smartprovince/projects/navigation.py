from django.utils.translation import gettext_lazy as _

from smartprovince.core.navigation import nav_item
from smartprovince.core.workspace import workspace_panel

nav_item("staff", "โครงการ", "Projects", "projects:list", permission="projects.project:read", order=20)
nav_item("staff", "แผนปฏิบัติการหน่วยงาน", "Agency action plans", "projects:action-plans", permission="projects.project:read", order=21)
nav_item("staff", "สรุปผลรายไตรมาส/ปี", "Quarterly & annual summary", "projects:summary", permission="projects.project:read", order=22)
nav_item("staff", "การส่งรายงาน", "Reporting compliance", "projects:compliance", permission="projects.project:read", order=23)
workspace_panel(
    _("โครงการและรายงานความก้าวหน้า"),
    _("จัดทำแผนปฏิบัติการของหน่วยงาน บันทึกโครงการ งบประมาณ และรายงานความก้าวหน้ารายเดือน (ภายในวันที่ 5 ของเดือนถัดไป)"),
    [(_("โครงการของหน่วยงาน"), "projects:list"), (_("เพิ่มโครงการ"), "projects:create"), (_("นำเข้าจาก Excel"), "projects:import"),
     (_("แผนปฏิบัติการ"), "projects:action-plans")],
    permission="projects.project:write", order=20,
)
workspace_panel(
    _("ติดตามความก้าวหน้าโครงการ"),
    _("ตรวจรับรายงานความก้าวหน้ารายเดือน ติดตามหน่วยงานที่ส่งรายงานล่าช้า และดูสรุปผลรายไตรมาส/รายปี"),
    [(_("รายงานรอตรวจ"), "projects:report-queue"), (_("การส่งรายงาน"), "projects:compliance"), (_("สรุปผล"), "projects:summary")],
    permission="projects.project:read", order=21,
)
