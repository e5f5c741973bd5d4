from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from smartprovince.plans.loader import PlanFileError, load_plan


class Command(BaseCommand):
    help = "โหลดแผนปฏิบัติการดิจิทัลจากไฟล์ YAML (ทำซ้ำได้ ไม่สร้างข้อมูลซ้ำ)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default=str(settings.DEFAULT_PLAN_FILE))
        parser.add_argument("--reference-dir", default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        ref = Path(options["reference_dir"]) if options["reference_dir"] else None
        try:
            result = load_plan(path, reference_dir=ref)
        except PlanFileError as exc:
            raise CommandError("ไม่ได้โหลดแผน (ไม่มีการเปลี่ยนแปลงข้อมูล):\n" + "\n".join(exc.problems)) from None
        assert result.plan is not None
        if result.changed:
            self.stdout.write(
                f"โหลดแผน “{result.plan.title_th}” แล้ว: เพิ่ม {result.created} แก้ไข {result.updated} ลบ {result.deleted} รายการ"
            )
        else:
            self.stdout.write(f"แผน “{result.plan.title_th}” เป็นปัจจุบันแล้ว ไม่มีการเปลี่ยนแปลง")
