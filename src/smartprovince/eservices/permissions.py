from smartprovince.core.permissions import EDITORS, EVERY_ROLE, declare

declare("eservices.service:read", "ดูทะเบียนงานบริการและช่องทาง", roles=EVERY_ROLE)
declare("eservices.service:write", "บันทึกงานบริการและช่องทางการให้บริการ", roles=EDITORS)
declare("eservices.usage:write", "บันทึก/นำเข้าสถิติการใช้บริการ", roles=EDITORS)
declare("eservices.survey:read", "ดูผลสำรวจความพึงพอใจ", roles=EVERY_ROLE)
declare("eservices.survey:write", "จัดการแบบสำรวจความพึงพอใจ", roles=EDITORS)
declare("eservices.coverage:read", "ดูความครอบคลุมช่องทางดิจิทัลของหน่วยงาน (เป้าหมายที่ 2)", roles=EVERY_ROLE)
