"""Check that the registry's URL channels respond, and record each result on the channel.

    smartprovince check_channels [--agency SKN-AGRI] [--timeout 10] [--workers 8]
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smartprovince.eservices.channel_check import check_url
from smartprovince.eservices.models import Channel
from smartprovince.eservices.services import channel_record_check


class Command(BaseCommand):
    help = "ตรวจสอบว่าช่องทางที่เป็น URL ยังเปิดใช้งานได้ และบันทึกผลไว้ที่ช่องทาง"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", help="รหัสหน่วยงาน (ไม่ระบุ = ทุกหน่วยงาน)")
        parser.add_argument("--timeout", type=float, default=10.0)
        parser.add_argument("--workers", type=int, default=8)

    def handle(self, *args: Any, **options: Any) -> None:
        qs = Channel.objects.filter(is_active=True, address__regex=r"^https?://").select_related("agency")
        if options.get("agency"):
            qs = qs.filter(agency__code=options["agency"])
        channels = list(qs.order_by("pk"))
        with ThreadPoolExecutor(max_workers=max(1, options["workers"])) as pool:
            outcomes = list(pool.map(lambda c: check_url(c.address, timeout=options["timeout"]), channels))
        failed = 0
        for channel, outcome in zip(channels, outcomes, strict=True):
            channel_record_check(actor=None, channel=channel, ok=outcome.ok, detail=outcome.detail)
            if not outcome.ok:
                failed += 1
                self.stdout.write(f"✗ {channel.agency.code} {channel.address} — {outcome.detail}")
        self.stdout.write(f"ตรวจสอบ {len(channels)} ช่องทาง: ใช้งานได้ {len(channels) - failed} · มีปัญหา {failed}")
