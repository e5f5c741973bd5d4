from smartprovince.core.permissions import ADMINS, EVERY_ROLE, declare

declare("agencies.agency:read", "ดูข้อมูลหน่วยงาน", roles=EVERY_ROLE)
declare("agencies.agency:write", "เพิ่ม/แก้ไขหน่วยงาน", roles=ADMINS)
declare("agencies.user:write", "จัดการผู้ใช้และบทบาท", roles=ADMINS)
