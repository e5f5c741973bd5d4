from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from smartprovince.projects.reminders import remind_reports


class Command(BaseCommand):
    help = "ส่งอีเมลแจ้งเตือนหน่วยงานที่ยังไม่ส่งรายงานความก้าวหน้ารายเดือน (รันซ้ำในวันเดียวกันไม่ส่งซ้ำ)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="วันที่อ้างอิง YYYY-MM-DD (ค่าเริ่มต้น: วันนี้)")
        parser.add_argument("--months", type=int, default=3, help="ย้อนหลังกี่เดือน (ค่าเริ่มต้น 3)")
        parser.add_argument("--dry-run", action="store_true", help="แสดงจำนวนที่จะส่งโดยไม่ส่งจริง")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = dt.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError:
            raise CommandError("รูปแบบวันที่ไม่ถูกต้อง ใช้ YYYY-MM-DD") from None
        outcome = remind_reports(today=today, months_back=options["months"], dry_run=options["dry_run"])
        self.stdout.write(
            f"ส่งแจ้งเตือน {outcome.sent} ฉบับ · ข้าม (ส่งแล้ววันนี้) {outcome.skipped} · "
            f"หน่วยงานที่ไม่มีอีเมล {outcome.agencies_without_email}"
        )
