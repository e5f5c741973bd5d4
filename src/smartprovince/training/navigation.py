from django.utils.translation import gettext_lazy as _

from smartprovince.core.navigation import nav_item
from smartprovince.core.workspace import workspace_panel

nav_item("public", "กิจกรรมความรู้ดิจิทัล", "Digital literacy activities", "training_public:activities", order=50)
nav_item("staff", "ทักษะดิจิทัลบุคลากร", "Digital skills", "training:home", permission="training.staff:read_counts", order=50)
workspace_panel(
    _("ทักษะดิจิทัลของบุคลากรและประชาชน"),
    _("ทะเบียนบุคลากร การอบรม ผลการประเมินความรู้เท่าทันดิจิทัล และกิจกรรมส่งเสริมความรู้ดิจิทัลแก่ประชาชน"),
    [(_("ภาพรวมตัวชี้วัด"), "training:home"), (_("หลักสูตรและรุ่น"), "training:course-list"),
     (_("กิจกรรมสำหรับประชาชน"), "training:activity-list"), (_("กรอบทักษะและเกณฑ์"), "training:frameworks")],
    permission="training.staff:read_counts", order=50,
)
workspace_panel(
    _("ทะเบียนบุคลากรของหน่วยงาน"),
    _("เพิ่ม แก้ไข หรือนำเข้ารายชื่อบุคลากรจากไฟล์ Excel บันทึกจำนวนบุคลากรรายปีงบประมาณ และผลการประเมิน"),
    [(_("ทะเบียนบุคลากร"), "training:staff-list"), (_("ดาวน์โหลดแบบฟอร์มนำเข้า"), "training:staff-import-template")],
    permission="training.staff:read_personal", order=51,
)
