from smartprovince.core.navigation import nav_item
from smartprovince.core.workspace import workspace_panel

nav_item("staff", "หน่วยงาน", "Agencies", "agencies:list", permission="agencies.agency:write", order=80)
nav_item("staff", "ผู้ใช้และบทบาท", "Users & roles", "agencies:user-list", permission="agencies.user:write", order=81)
workspace_panel(
    "จัดการหน่วยงานและผู้ใช้",
    "เพิ่มหน่วยงานที่ร่วมขับเคลื่อนแผน สร้างบัญชีผู้ใช้ และกำหนดบทบาทในแต่ละหน่วยงาน",
    [("รายชื่อหน่วยงาน", "agencies:list"), ("เพิ่มหน่วยงาน", "agencies:create"), ("ผู้ใช้และบทบาท", "agencies:user-list"), ("สร้างผู้ใช้", "agencies:user-create")],
    permission="agencies.user:write", order=90,
)
