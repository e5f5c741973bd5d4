from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "ติดตั้งครั้งแรก/ปรับปรุง: migrate, โหลดแผนและรายชื่อหน่วยงาน (และข้อมูลสาธิตถ้าระบุ --demo)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--demo", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("loadagencies", stdout=self.stdout)
        call_command("loadplan", stdout=self.stdout)
        if options["demo"]:
            call_command("demo", stdout=self.stdout)
