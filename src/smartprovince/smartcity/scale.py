"""Synthetic smart-city initiatives for ``gen-scale``: 60 × scale initiatives across DEPA's
domains and the economic sectors (dates ordered: started ≤ operating ≤ certified)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from smartprovince.agencies.models import Agency
from smartprovince.core import bulkload
from smartprovince.core.models import Area
from smartprovince.core.scale import count
from smartprovince.core.scale_names import TOPICS

from .models import Domain, Initiative, InitiativeLink, Sector

SCALE_ORDER = 50
DATA_MODELS = ("smartcity.Initiative",)

_KINDS = (
    ("ระบบเฝ้าระวังและแจ้งเตือน{topic}", Initiative.Kind.TECHNOLOGY),
    ("แพลตฟอร์มข้อมูล{topic}", Initiative.Kind.PLATFORM),
    ("นวัตกรรม{topic}อัจฉริยะ", Initiative.Kind.INNOVATION),
    ("บริการข้อมูลเปิด{topic}", Initiative.Kind.DATA_SERVICE),
)


def generate(*, scale: float, rng: random.Random, stdout: Any) -> dict[str, int]:
    n = count(60, scale)
    now = timezone.now()
    agencies = list(Agency.objects.filter(is_active=True).order_by("code").values_list("pk", flat=True))
    districts = list(Area.objects.filter(level=Area.Level.DISTRICT).order_by("code").values_list("code", flat=True))
    domains = list(Domain.objects.order_by("order").values_list("pk", flat=True))
    sectors = list(Sector.objects.order_by("order").values_list("pk", flat=True))
    first = bulkload.next_pk(Initiative)
    rows, m2m_domains, m2m_sectors, m2m_districts, links = [], [], [], [], []
    for i in range(n):
        pk = first + i
        pattern, kind = rng.choice(_KINDS)
        title = pattern.format(topic=rng.choice(TOPICS))
        status = rng.choice(list(Initiative.Status.values))
        started = dt.date(2019, 10, 1) + dt.timedelta(days=rng.randint(0, 900))
        operating = started + dt.timedelta(days=rng.randint(60, 300)) if status in ("operating", "certified") else None
        certified = operating + dt.timedelta(days=rng.randint(60, 300)) if status == "certified" and operating else None
        rows.append((
            pk, agencies[rng.randrange(len(agencies))], title, "", f"{title} (ข้อมูลจำลองสำหรับทดสอบประสิทธิภาพ)", kind, status,
            started if status != "idea" else None, operating, certified, None, "", True, now, now,
        ))
        for d in rng.sample(domains, k=min(len(domains), rng.randint(1, 2))):
            m2m_domains.append((pk, d))
        for s in rng.sample(sectors, k=min(len(sectors), 1)):
            m2m_sectors.append((pk, s))
        for d in rng.sample(districts, k=min(len(districts), rng.randint(1, 3))):
            m2m_districts.append((pk, d))
        links.append((pk, InitiativeLink.Kind.EVIDENCE, "เอกสารโครงการ", "", ""))
    written = {"smartcity_initiatives": bulkload.insert(Initiative, (
        "id", "agency_id", "title_th", "title_en", "summary_th", "kind", "status", "started_on", "operating_since",
        "certified_on", "ended_on", "website", "is_published", "created_at", "updated_at",
    ), rows, now=now)}
    bulkload.insert(Initiative.domains.through, ("initiative_id", "domain_id"), m2m_domains, now=now)
    bulkload.insert(Initiative.sectors.through, ("initiative_id", "sector_id"), m2m_sectors, now=now)
    bulkload.insert(Initiative.districts.through, ("initiative_id", "area_id"), m2m_districts, now=now)
    bulkload.insert(InitiativeLink, ("initiative_id", "kind", "title_th", "reference", "url"), links, now=now)
    bulkload.reset_sequences(Initiative, InitiativeLink)
    return written
