from smartprovince.core.permissions import EDITORS, EVERY_ROLE, declare

declare("smartcity.initiative:read", "ดูโครงการเมืองอัจฉริยะ", roles=EVERY_ROLE)
declare("smartcity.initiative:write", "เพิ่ม/แก้ไขโครงการเมืองอัจฉริยะ", roles=EDITORS)
