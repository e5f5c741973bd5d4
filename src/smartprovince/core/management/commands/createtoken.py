from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rest_framework.authtoken.models import Token

from smartprovince.core.audit import audit_log


class Command(BaseCommand):
    help = "สร้าง (หรือแสดง) API token ของผู้ใช้: ใช้ในส่วนหัว Authorization: Token <key>"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--rotate", action="store_true", help="ยกเลิก token เดิมแล้วออกใหม่")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"ไม่พบผู้ใช้ {options['username']!r}")
        if options["rotate"]:
            Token.objects.filter(user=user).delete()
        token, created = Token.objects.get_or_create(user=user)
        if created:
            audit_log(actor=None, action="core.token.created", obj=user, changes={"username": user.username})
        self.stdout.write(token.key)
