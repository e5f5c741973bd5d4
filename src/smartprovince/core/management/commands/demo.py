from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from smartprovince.core.demo import DEMO_PASSWORD, DEMO_USERS, load_demo


class Command(BaseCommand):
    help = "โหลดข้อมูลสาธิตและผู้ใช้สาธิต (ข้อมูลนี้จะมีป้ายกำกับ 'ข้อมูลสาธิต' บนทุกหน้า)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2565)

    def handle(self, *args: Any, **options: Any) -> None:
        load_demo(seed=options["seed"], stdout=self.stdout)
        self.stdout.write(f"โหลดข้อมูลสาธิตแล้ว ผู้ใช้สาธิต (รหัสผ่านทุกคน: {DEMO_PASSWORD}):")
        for username, name, role, agency in DEMO_USERS:
            self.stdout.write(f"  {username:<10} {role:<15} {agency:<9} {name}")
