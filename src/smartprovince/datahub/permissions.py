from smartprovince.core.permissions import ADMINS, EDITORS, EVERY_ROLE, declare

declare("datahub.dataset:read", "ดูชุดข้อมูลของหน่วยงาน (รวมที่ไม่เปิดเผย)", roles=EVERY_ROLE)
declare("datahub.dataset:write", "สร้าง/แก้ไขชุดข้อมูลและอัปโหลดไฟล์", roles=EDITORS)
declare("datahub.domain:write", "จัดการรายการด้านข้อมูล", roles=ADMINS)
declare("datahub.system:read", "ดูทะเบียนระบบสารสนเทศ", roles=EVERY_ROLE)
declare("datahub.system:write", "บันทึกระบบสารสนเทศและการเชื่อมโยง", roles=EDITORS)
