"""Demo data: datasets of several agencies loaded into the datastore and keyed to districts, so
the area profiles, the join view and the goal-3 metric show real integration; an IT-system
registry with integration links for strategy 1. Idempotent (skips what exists)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from smartprovince.agencies.models import Agency, Membership
from smartprovince.core.models import Area

from . import registry_services, services
from .models import DataDomain, Dataset, ITSystem

DEMO_ORDER = 50
YEARS = (2563, 2564, 2565)


def _actor(code: str) -> Any:
    membership = Membership.objects.filter(agency__code=code, role="agency_editor").select_related("user").first()
    if membership:
        return membership.user
    admin = Membership.objects.filter(role="province_admin").select_related("user").first()
    return admin.user if admin else None


def _meta(agency: Agency, title: str, notes: str, **extra: Any) -> dict[str, Any]:
    data = {
        "title": title, "notes": notes, "data_type": "ข้อมูลสถิติ",
        "maintainer": f"กลุ่มงานยุทธศาสตร์และข้อมูล {agency.name_th}",
        "maintainer_email": f"data@{agency.code.lower()}.demo.invalid", "objective": ["พันธกิจหน่วยงาน", "เพื่อการให้บริการประชาชน"],
        "update_frequency_unit": "ปี", "update_frequency_interval": 1, "geo_coverage": "อำเภอ",
        "data_source": agency.name_th, "data_format": ["CSV"], "data_category": "ข้อมูลสาธารณะ",
        "data_classification": "เปิดเผย", "license_id": "Open Data Common", "data_language": ["ไทย"],
        "first_year_of_data": YEARS[0], "last_year_of_data": YEARS[-1], "unit_of_measure": "ตามที่ระบุในคอลัมน์",
        "allow_harvest": True, "last_updated_date": dt.date(2022, 10, 31),
    }
    data.update(extra)
    return data


def _csv(header: list[str], rows: list[list[Any]], encoding: str = "utf-8") -> bytes:
    lines = [",".join(header)] + [",".join(str(v) for v in row) for row in rows]
    return ("\n".join(lines) + "\n").encode(encoding)


def _datasets(rng: random.Random, districts: list[Area]) -> list[dict[str, Any]]:
    rice, visitors, otop, elders, income, land = [], [], [], [], [], []
    for d in districts:
        base_area = rng.randint(40_000, 160_000)
        base_tour = rng.randint(20_000, 400_000) if d.code != "4701" else 900_000
        for year in YEARS:
            area = int(base_area * rng.uniform(0.95, 1.05))
            per_rai = rng.randint(330, 420)
            rice.append([d.name_th, year, area, round(area * per_rai / 1000), per_rai])
            guests = int(base_tour * (0.55 if year == 2564 else 1.0) * rng.uniform(0.9, 1.1))
            visitors.append([d.code, year, guests, round(guests * rng.uniform(0.9, 1.4) / 1000, 1)])
            otop.append([d.code, year, rng.randint(15, 90), round(rng.uniform(2, 40), 2)])
            elders.append([f"อำเภอ{d.name_th}", year, rng.randint(4_000, 18_000), rng.randint(40, 260)])
            income.append([d.code, year, rng.randint(62_000, 98_000)])
            land.append([d.name_th, year, int(base_area * rng.uniform(1.4, 1.8))])
    return [
        {"agency": "SKN-AGRI", "name": "skn-rice-production", "domains": ["agriculture"],
         "title": "ผลผลิตข้าวนาปีรายอำเภอ จังหวัดสกลนคร", "tags": ["ข้าว", "ผลผลิต", "เกษตร"],
         "notes": "เนื้อที่เพาะปลูก ผลผลิต และผลผลิตเฉลี่ยต่อไร่ของข้าวนาปี แยกรายอำเภอ จากการสำรวจของสำนักงานเกษตรจังหวัด",
         "header": ["อำเภอ", "ปีเพาะปลูก", "เนื้อที่เพาะปลูก (ไร่)", "ผลผลิต (ตัน)", "ผลผลิตต่อไร่ (กก.)"],
         "rows": rice, "encoding": "cp874", "keys": {"อำเภอ": "area_code", "ปีเพาะปลูก": "year_be"}},
        {"agency": "SKN-STAT", "name": "skn-farm-holding", "domains": ["agriculture"],
         "title": "เนื้อที่ถือครองทางการเกษตรรายอำเภอ", "tags": ["เกษตร", "ที่ดิน", "สถิติ"],
         "notes": "เนื้อที่ถือครองทางการเกษตรทั้งหมด แยกรายอำเภอ จากสำมะโนและการสำรวจของสำนักงานสถิติจังหวัด",
         "header": ["อำเภอ", "ปี", "เนื้อที่ถือครอง (ไร่)"], "rows": land,
         "keys": {"อำเภอ": "area_code", "ปี": "year_be"}},
        {"agency": "SKN-TOUR", "name": "skn-visitors", "domains": ["tourism"],
         "title": "จำนวนผู้เยี่ยมเยือนและรายได้จากการท่องเที่ยวรายอำเภอ", "tags": ["ท่องเที่ยว", "นักท่องเที่ยว", "รายได้"],
         "notes": "จำนวนผู้เยี่ยมเยือน (คน) และรายได้จากการท่องเที่ยว (ล้านบาท) แยกรายอำเภอ",
         "header": ["รหัสอำเภอ", "ปี", "ผู้เยี่ยมเยือน (คน)", "รายได้ (ล้านบาท)"], "rows": visitors,
         "keys": {"รหัสอำเภอ": "area_code", "ปี": "year_be"}},
        {"agency": "SKN-COMM", "name": "skn-otop", "domains": ["trade-investment", "tourism"],
         "title": "ผู้ประกอบการและยอดจำหน่ายสินค้า OTOP รายอำเภอ", "tags": ["OTOP", "การค้า", "ผู้ประกอบการ"],
         "notes": "จำนวนผู้ประกอบการ OTOP และยอดจำหน่าย (ล้านบาท) แยกรายอำเภอ",
         "header": ["รหัสอำเภอ", "ปี", "ผู้ประกอบการ OTOP (ราย)", "ยอดจำหน่าย (ล้านบาท)"], "rows": otop,
         "keys": {"รหัสอำเภอ": "area_code", "ปี": "year_be"}},
        {"agency": "SKN-HEALTH", "name": "skn-elderly", "domains": ["social-quality-of-life"],
         "title": "จำนวนผู้สูงอายุและผู้ป่วยติดเตียงรายอำเภอ", "tags": ["สาธารณสุข", "ผู้สูงอายุ", "คุณภาพชีวิต"],
         "notes": "จำนวนผู้สูงอายุ (คน) และผู้ป่วยติดเตียง (คน) จากฐานข้อมูล HDC แยกรายอำเภอ",
         "header": ["อำเภอ", "ปีงบประมาณ", "ผู้สูงอายุ (คน)", "ผู้ป่วยติดเตียง (คน)"], "rows": elders,
         "keys": {"อำเภอ": "area_code", "ปีงบประมาณ": "fiscal_year_be"}},
        {"agency": "SKN-CDD", "name": "skn-household-income", "domains": ["social-quality-of-life", "trade-investment"],
         "title": "รายได้เฉลี่ยของครัวเรือน (จปฐ.) รายอำเภอ", "tags": ["จปฐ.", "รายได้", "ครัวเรือน"],
         "notes": "รายได้เฉลี่ยต่อคนต่อปี (บาท) จากข้อมูลความจำเป็นพื้นฐาน (จปฐ.) แยกรายอำเภอ",
         "header": ["รหัสอำเภอ", "ปี", "รายได้เฉลี่ยต่อคนต่อปี (บาท)"], "rows": income,
         "keys": {"รหัสอำเภอ": "area_code", "ปี": "year_be"}},
    ]


SYSTEMS = [
    ("SKN-AGRI", "ระบบทะเบียนเกษตรกร (ทบก.)", "system"),
    ("SKN-AGRI", "ฐานข้อมูลพื้นที่เพาะปลูกรายแปลง", "database"),
    ("SKN-TOUR", "ฐานข้อมูลแหล่งท่องเที่ยวจังหวัดสกลนคร", "database"),
    ("SKN-HEALTH", "ระบบคลังข้อมูลสุขภาพ (HDC)", "system"),
    ("SKN-CDD", "ระบบข้อมูลความจำเป็นพื้นฐาน (จปฐ.)", "system"),
    ("SKN-DE", "ศูนย์ข้อมูลจังหวัด (Data Hub)", "system"),
    ("SKN-DE", "เครือข่ายสื่อสารข้อมูลเชื่อมโยงหน่วยงานภาครัฐ (GIN)", "infrastructure"),
    ("SKN-PO", "ระบบติดตามแผนปฏิบัติการดิจิทัลจังหวัด", "system"),
]
LINKS = [
    ("ระบบทะเบียนเกษตรกร (ทบก.)", "ศูนย์ข้อมูลจังหวัด (Data Hub)", "api", "ข้อมูลเกษตรกรรายอำเภอ (สรุป)"),
    ("ฐานข้อมูลแหล่งท่องเที่ยวจังหวัดสกลนคร", "ศูนย์ข้อมูลจังหวัด (Data Hub)", "file", "สถิติผู้เยี่ยมเยือนรายปี"),
    ("ระบบคลังข้อมูลสุขภาพ (HDC)", "ศูนย์ข้อมูลจังหวัด (Data Hub)", "gdx", "ข้อมูลผู้สูงอายุรายอำเภอ"),
    ("ระบบข้อมูลความจำเป็นพื้นฐาน (จปฐ.)", "ศูนย์ข้อมูลจังหวัด (Data Hub)", "dblink", "รายได้ครัวเรือน"),
    ("ศูนย์ข้อมูลจังหวัด (Data Hub)", "ระบบติดตามแผนปฏิบัติการดิจิทัลจังหวัด", "api", "ตัวชี้วัดการบูรณาการข้อมูล"),
]


DEFAULT_DOMAINS = [
    ("agriculture", "เกษตร", "Agriculture", 10),
    ("tourism", "ท่องเที่ยว", "Tourism", 20),
    ("trade-investment", "การค้าและการลงทุน", "Trade and investment", 30),
    ("social-quality-of-life", "สังคมและคุณภาพชีวิต", "Society and quality of life", 40),
]


def ensure_default_domains() -> None:
    """The four default data domains (also created by migration 0002; tests that flush need this)."""
    for name, title_th, title_en, order in DEFAULT_DOMAINS:
        DataDomain.objects.get_or_create(name=name, defaults={"title_th": title_th, "title_en": title_en, "order": order})


def load_demo(*, rng: random.Random, today: dt.date, stdout: Any = None) -> None:
    ensure_default_domains()
    districts = list(Area.objects.filter(level="district").order_by("code"))
    domains = dict(DataDomain.objects.values_list("name", "pk"))
    for spec in _datasets(rng, districts):
        if Dataset.objects.filter(name=spec["name"]).exists():
            continue
        agency = Agency.objects.get(code=spec["agency"])
        actor = _actor(spec["agency"])
        dataset = services.dataset_create(
            actor=actor, agency=agency, data={"name": spec["name"], **_meta(agency, spec["title"], spec["notes"])},
            tags=spec["tags"], domain_ids=[domains[d] for d in spec["domains"] if d in domains],
        )
        content = _csv(spec["header"], spec["rows"], spec.get("encoding", "utf-8"))
        resource = services.resource_create(actor=actor, dataset=dataset, name=f"{spec['title']} (CSV)",
                                            upload=SimpleUploadedFile(f"{spec['name']}.csv", content))
        version = resource.versions.get()
        from smartprovince.core.jobs import job_run

        if version.job_id:
            job_run(version.job_id)  # load now: the column mapping below needs the columns
        resource.refresh_from_db()
        services.columns_update(actor=actor, resource=resource,
                                items=[{"name": k, "standard_key": v} for k, v in spec["keys"].items()])
        # demo: the datasets entered the hub during the plan period (FY 2565)
        created = dt.datetime(2021, 11, 15, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
        Dataset.objects.filter(pk=dataset.pk).update(created_at=created)
        if stdout:
            stdout.write(f"  ศูนย์ข้อมูล: {spec['title']}\n")
    by_name: dict[str, ITSystem] = {}
    for code, name, kind in SYSTEMS:
        agency = Agency.objects.get(code=code)
        system = ITSystem.objects.filter(agency=agency, name=name).first()
        if system is None:
            system = registry_services.system_save(actor=_actor(code), data={
                "agency": agency, "name": name, "kind": kind, "status": "active",
                "launched_date": dt.date(2020, rng.randint(1, 12), 1)})
        by_name[name] = system
    for source, target, method, description in LINKS:
        s, t = by_name[source], by_name[target]
        if not s.links_out.filter(target=t, method=method).exists():
            registry_services.link_create(actor=_actor(s.agency.code), data={
                "source": s, "target": t, "method": method, "description": description, "since": dt.date(2021, 6, 1)})
