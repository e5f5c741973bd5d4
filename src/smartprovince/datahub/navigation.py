from django.utils.translation import gettext_lazy as _

from smartprovince.core.navigation import nav_item
from smartprovince.core.workspace import workspace_panel

nav_item("public", "ข้อมูลเปิดจังหวัด", "Open data", "datahub_public:catalog", order=40)
nav_item("public", "ข้อมูลรายพื้นที่", "Area data", "datahub_public:areas", order=41)
nav_item("staff", "ชุดข้อมูล", "Datasets", "datahub:home", permission="datahub.dataset:read", order=40)
nav_item("staff", "ทะเบียนระบบ", "IT systems", "datahub:systems", permission="datahub.system:read", order=41)
workspace_panel(
    _("ศูนย์ข้อมูลจังหวัด"),
    _("สร้างชุดข้อมูลตามมาตรฐานเมทาดาตาภาครัฐ อัปโหลดไฟล์ CSV/XLSX เข้าคลังข้อมูล และจับคู่คอลัมน์กับรหัสพื้นที่เพื่อเชื่อมโยงข้อมูลกับหน่วยงานอื่น"),
    [(_("ชุดข้อมูลของหน่วยงาน"), "datahub:home"), (_("สร้างชุดข้อมูล"), "datahub:dataset-new"),
     (_("นำเข้าเมทาดาตา (แม่แบบ GD Catalog)"), "datahub:import"), (_("ทะเบียนระบบสารสนเทศ"), "datahub:systems")],
    permission="datahub.dataset:write", order=40,
)
workspace_panel(
    _("ด้านข้อมูลของจังหวัด"), _("แก้ไขรายการด้านข้อมูล (เกษตร ท่องเที่ยว การค้าและการลงทุน สังคมและคุณภาพชีวิต …)"),
    [(_("ด้านข้อมูล"), "datahub:domains")], permission="datahub.domain:write", order=41,
)
