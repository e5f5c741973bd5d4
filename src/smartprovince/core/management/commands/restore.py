from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from smartprovince.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "กู้คืนข้อมูลจากไฟล์สำรอง (ฐานข้อมูลต้องว่าง เว้นแต่ระบุ --force)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")
        parser.add_argument("--force", action="store_true", help="ลบข้อมูลเดิมแล้วกู้คืนทับ")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        try:
            manifest = backup_restore(Path(options["path"]), force=options["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"กู้คืนข้อมูลแล้ว: {sum(manifest['counts'].values())} แถว")
