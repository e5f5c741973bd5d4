from smartprovince.core.permissions import ADMINS, EVERY_ROLE, declare

declare("plans.plan:read", "ดูแผนและตัวชี้วัด", roles=EVERY_ROLE)
declare("plans.plan:write", "แก้ไขแผน ค่าเป้าหมาย และความสอดคล้อง", roles=ADMINS)
