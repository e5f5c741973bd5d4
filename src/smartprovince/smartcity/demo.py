"""Demo smart-city initiatives of Sakon Nakhon (idempotent)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from smartprovince.agencies.models import Agency
from smartprovince.core.models import Area

from .models import Domain, Initiative, Sector
from .reference import reference_seed

DEMO_ORDER = 61
ITEMS = [
    ("SKN-AGRI", "ระบบเกษตรแม่นยำสำหรับแปลงใหญ่ข้าว (Smart Farming)", ["economy", "environment"], ["agriculture"], "technology", "operating",
     "เซนเซอร์ความชื้นดินและสถานีตรวจอากาศในแปลงใหญ่ข้าว แจ้งเตือนการให้น้ำและใส่ปุ๋ยผ่าน LINE", ["4701", "4707"]),
    ("SKN-AGRI", "แพลตฟอร์มตลาดสินค้าเกษตรอินทรีย์สกลนคร", ["economy"], ["agriculture", "trade"], "platform", "pilot",
     "ตลาดออนไลน์เชื่อมเกษตรกรอินทรีย์กับโรงพยาบาลและโรงเรียนในจังหวัด", ["4701"]),
    ("SKN-TOUR", "Sakon Nakhon Smart Tourism: แผนที่ท่องเที่ยวและวัฒนธรรมดิจิทัล", ["economy", "people"], ["tourism"], "platform", "operating",
     "เว็บไซต์และแอปพลิเคชันแนะนำแหล่งท่องเที่ยว ปราสาทภูเพ็ก พระธาตุเชิงชุม พร้อมข้อมูลผู้ประกอบการ", ["4701", "4712"]),
    ("SKN-TOUR", "ระบบนับนักท่องเที่ยวอัตโนมัติที่หนองหาร", ["economy"], ["tourism"], "data_service", "pilot",
     "กล้องนับจำนวนผู้มาเยือนและเผยแพร่สถิติรายวันในคลังข้อมูลจังหวัด", ["4701"]),
    ("SKN-HEALTH", "ระบบนัดหมายและคิวออนไลน์โรงพยาบาลชุมชน", ["living"], ["other"], "platform", "operating",
     "ลดเวลารอคอยด้วยการจองคิวออนไลน์และแจ้งเตือนผ่านโทรศัพท์", ["4701", "4709", "4716"]),
    ("SKN-PAO", "ระบบเฝ้าระวังคุณภาพน้ำหนองหาร", ["environment"], ["other"], "technology", "pilot",
     "สถานีวัดคุณภาพน้ำแบบอัตโนมัติ ส่งข้อมูลทุก 15 นาที", ["4701"]),
    ("SKN-COMM", "ศูนย์ข้อมูลการค้าและการลงทุนจังหวัด (Investment Data Service)", ["economy", "governance"], ["trade", "investment"], "data_service", "idea",
     "บริการข้อมูลต้นทุน ที่ดิน และแรงงานสำหรับนักลงทุน", []),
    ("SKN-DE", "ศูนย์ปฏิบัติการจังหวัดอัจฉริยะ (Provincial Operation Center)", ["governance"], ["other"], "platform", "pilot",
     "แดชบอร์ดรวมข้อมูลจากทุกหน่วยงานสำหรับผู้บริหารจังหวัด", ["4701"]),
    ("SKN-PO", "ระบบสารบรรณอิเล็กทรอนิกส์จังหวัด", ["governance"], ["other"], "technology", "operating",
     "รับส่งหนังสือราชการทางอิเล็กทรอนิกส์ระหว่างส่วนราชการในจังหวัด", []),
]


def load_demo(*, rng: random.Random, today: dt.date, stdout: Any = None) -> None:
    if Initiative.objects.filter(title_th=ITEMS[0][1]).exists():
        return
    reference_seed(Domain, Sector)
    agencies = {a.code: a for a in Agency.objects.filter(code__in={i[0] for i in ITEMS})}
    fy_start = dt.date(today.year - (0 if today.month >= 10 else 1), 10, 1)
    for code, title, domains, sectors, kind, status, summary, districts in ITEMS:
        agency = agencies.get(code)
        if agency is None:
            continue
        started = None if status == "idea" else fy_start - dt.timedelta(days=rng.randint(-60, 400))
        started = min(started, today) if started else None
        operating = started + dt.timedelta(days=rng.randint(30, 120)) if status in ("operating", "certified") and started else None
        operating = min(operating, today) if operating else None
        i = Initiative.objects.create(agency=agency, title_th=title, summary_th=summary, kind=kind, status=status,
                                      started_on=started, operating_since=operating)
        i.domains.set(Domain.objects.filter(code__in=domains))
        i.sectors.set(Sector.objects.filter(code__in=sectors))
        i.districts.set(Area.objects.filter(code__in=districts))
    if stdout:
        stdout.write(f"smartcity: {len(ITEMS)} โครงการ\n")
