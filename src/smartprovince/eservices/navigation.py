from django.utils.translation import gettext_lazy as _

from smartprovince.core.navigation import nav_item
from smartprovince.core.workspace import workspace_panel

nav_item("public", "บริการประชาชน", "Citizen services", "eservices_public:directory", order=30)
nav_item("staff", "งานบริการ", "E-services", "eservices:service-list", permission="eservices.service:read", order=30)
nav_item("staff", "แบบสำรวจความพึงพอใจ", "Satisfaction surveys", "eservices:survey-list", permission="eservices.survey:read", order=31)
nav_item("staff", "ช่องทางดิจิทัล (เป้าหมายที่ 2)", "Digital channels (goal 2)", "eservices:coverage", permission="eservices.coverage:read", order=32)
workspace_panel(
    _("บริการประชาชนและช่องทางดิจิทัล"),
    _("ทะเบียนงานบริการ ช่องทางการให้บริการ สถิติการใช้บริการ และแบบสำรวจความพึงพอใจ (ยุทธศาสตร์ที่ 2 และเป้าหมายที่ 2)"),
    [
        (_("งานบริการ"), "eservices:service-list"), (_("เพิ่มงานบริการ"), "eservices:service-create", "eservices.service:write"),
        (_("ช่องทางการให้บริการ"), "eservices:channel-list"), (_("สถิติการใช้บริการ"), "eservices:usage"),
        (_("แบบสำรวจความพึงพอใจ"), "eservices:survey-list"), (_("ผลความพึงพอใจ"), "eservices:satisfaction"),
        (_("ช่องทางดิจิทัลของหน่วยงาน (เป้าหมายที่ 2)"), "eservices:coverage"),
    ],
    permission="eservices.service:read", order=30,
)
