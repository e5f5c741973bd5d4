from smartprovince.core.permissions import ADMINS, EDITORS, EVERY_ROLE, declare

declare("projects.project:read", "ดูโครงการและรายงานความก้าวหน้า", roles=EVERY_ROLE)
declare("projects.project:write", "เพิ่ม/แก้ไขโครงการของหน่วยงาน", roles=EDITORS)
declare("projects.report:write", "บันทึกและส่งรายงานความก้าวหน้ารายเดือน", roles=EDITORS)
declare("projects.report:review", "ตรวจรับหรือส่งกลับรายงานความก้าวหน้า", roles=ADMINS)
declare("projects.plan:submit", "ส่งแผนปฏิบัติการของหน่วยงาน", roles=EDITORS)
declare("projects.plan:review", "อนุมัติหรือส่งกลับแผนปฏิบัติการของหน่วยงาน", roles=ADMINS)
