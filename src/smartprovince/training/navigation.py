from smartprovince.core.navigation import nav_item
from smartprovince.core.workspace import workspace_panel

nav_item("public", "กิจกรรมความรู้ดิจิทัล", "Digital literacy activities", "training_public:activities", order=50)
nav_item("staff", "ทักษะดิจิทัลบุคลากร", "Digital skills", "training:home", permission="training.staff:read_counts", order=50)
workspace_panel(
    "ทักษะดิจิทัลของบุคลากรและประชาชน",
    "ทะเบียนบุคลากร การอบรม ผลการประเมินความรู้เท่าทันดิจิทัล และกิจกรรมส่งเสริมความรู้ดิจิทัลแก่ประชาชน",
    [("ภาพรวมตัวชี้วัด", "training:home"), ("หลักสูตรและรุ่น", "training:course-list"),
     ("กิจกรรมสำหรับประชาชน", "training:activity-list"), ("กรอบทักษะและเกณฑ์", "training:frameworks")],
    permission="training.staff:read_counts", order=50,
)
workspace_panel(
    "ทะเบียนบุคลากรของหน่วยงาน",
    "เพิ่ม แก้ไข หรือนำเข้ารายชื่อบุคลากรจากไฟล์ Excel บันทึกจำนวนบุคลากรรายปีงบประมาณ และผลการประเมิน",
    [("ทะเบียนบุคลากร", "training:staff-list"), ("ดาวน์โหลดแบบฟอร์มนำเข้า", "training:staff-import-template")],
    permission="training.staff:read_personal", order=51,
)
