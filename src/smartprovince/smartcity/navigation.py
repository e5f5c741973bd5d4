from django.utils.translation import gettext_lazy as _

from smartprovince.core.navigation import nav_item
from smartprovince.core.workspace import workspace_panel

nav_item("public", "เมืองอัจฉริยะ", "Smart city", "smartcity_public:showcase", order=40)
nav_item("staff", "เมืองอัจฉริยะ", "Smart city", "smartcity:list", permission="smartcity.initiative:read", order=45)
workspace_panel(
    _("เมืองอัจฉริยะ"),
    _("โครงการ เทคโนโลยี และนวัตกรรมตาม 7 ด้านเมืองอัจฉริยะของ depa และภาคส่วนการเกษตร การค้า การลงทุน การท่องเที่ยว"),
    [(_("รายการโครงการ"), "smartcity:list"), (_("เพิ่มโครงการ"), "smartcity:create", "smartcity.initiative:write")],
    permission="smartcity.initiative:read", order=45,
)
