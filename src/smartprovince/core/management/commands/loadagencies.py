from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smartprovince.agencies.services import DEFAULT_AGENCIES_FILE, agencies_load


class Command(BaseCommand):
    help = "โหลด/ปรับปรุงรายชื่อหน่วยงานจากไฟล์ YAML (ทำซ้ำได้)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default=str(DEFAULT_AGENCIES_FILE))

    def handle(self, *args: Any, **options: Any) -> None:
        created, updated = agencies_load(path=Path(options["file"]))
        self.stdout.write(f"หน่วยงาน: เพิ่ม {created} แก้ไข {updated}")
