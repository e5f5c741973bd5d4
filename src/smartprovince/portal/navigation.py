from smartprovince.core.navigation import nav_item

nav_item("public", "หน้าแรก", "Home", "portal:home", order=0)
nav_item("public", "แผนปฏิบัติการดิจิทัล", "The plan", "portal:plan", order=10)
nav_item("public", "ความสอดคล้องกับแผนระดับชาติ", "Alignment", "portal:alignment", order=20)
nav_item("public", "หน่วยงาน", "Agencies", "portal:agencies", order=90)
nav_item("staff", "หน้าหลักเจ้าหน้าที่", "Workspace", "core:workspace", permission="core.workspace:read", order=0)
