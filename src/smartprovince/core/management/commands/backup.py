from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smartprovince.core.backup import backup_create


class Command(BaseCommand):
    help = "สำรองข้อมูลทั้งระบบ (ฐานข้อมูล ไฟล์ที่อัปโหลด และตารางข้อมูลในศูนย์ข้อมูล) เป็นไฟล์ .tar.gz"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")

    def handle(self, *args: Any, **options: Any) -> None:
        manifest = backup_create(Path(options["path"]))
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"สำรองข้อมูลแล้ว: {options['path']} ({rows} แถว, {len(manifest['files'])} ไฟล์)")
