from smartprovince.core.permissions import ADMINS, EDITORS, EVERY_ROLE, declare

# Staff names are personal data: only the agency's own editors and the province admin.
declare("training.staff:read_personal", "ดูรายชื่อและข้อมูลบุคลากรของหน่วยงาน", roles=EDITORS)
declare("training.staff:write", "เพิ่ม/แก้ไข/นำเข้าข้อมูลบุคลากร", roles=EDITORS)
declare("training.staff:read_counts", "ดูจำนวนบุคลากรและสถิติทักษะดิจิทัล", roles=EVERY_ROLE)
declare("training.course:read", "ดูหลักสูตรและรุ่นการอบรม", roles=EVERY_ROLE)
declare("training.course:write", "เพิ่ม/แก้ไขหลักสูตรและรุ่นการอบรม", roles=EDITORS)
declare("training.attendance:write", "ลงทะเบียน บันทึกผลการอบรม และออกวุฒิบัตร", roles=EDITORS)
declare("training.assessment:write", "บันทึกผลการประเมินความรู้เท่าทันดิจิทัล", roles=EDITORS)
declare("training.activity:read", "ดูกิจกรรมส่งเสริมความรู้ดิจิทัลแก่ประชาชน", roles=EVERY_ROLE)
declare("training.activity:write", "เพิ่ม/แก้ไขกิจกรรมส่งเสริมความรู้ดิจิทัลแก่ประชาชน", roles=EDITORS)
declare("training.framework:write", "แก้ไขกรอบทักษะดิจิทัลและเกณฑ์ความรู้เท่าทันดิจิทัล", roles=ADMINS)
