"""``smartprovince measure --period 2565-Q2``: snapshot every computed indicator (idempotent).

Run it from cron for the scheduled snapshot, e.g. on the 6th of each month (after reports are due)::

    30 6 6 * *  smartprovince measure --period current-month --period current-quarter
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from smartprovince.core.thai_calendar import (
    Period,
    add_months,
    fiscal_quarter,
    fiscal_year_be,
    fiscal_year_period,
    month_period,
    parse_period_key,
    quarter_period,
)


def resolve(key: str) -> Period:
    today = timezone.localdate()
    last_month = add_months(today.replace(day=1), -1)
    named = {
        "current-month": month_period(today),
        "previous-month": month_period(last_month),
        "current-quarter": quarter_period(fiscal_year_be(today), fiscal_quarter(today)),
        "current-year": fiscal_year_period(fiscal_year_be(today)),
    }
    if key in named:
        return named[key]
    return parse_period_key(key)


class Command(BaseCommand):
    help = "คำนวณและบันทึกผลตัวชี้วัดที่คำนวณจากข้อมูลในระบบ สำหรับงวดที่กำหนด (รันซ้ำได้ ผลเดิมจะถูกแทนที่)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--period", action="append", required=True,
            help="งวด เช่น 2565, 2565-Q2, 2565-M04 หรือ current-month, previous-month, current-quarter, current-year "
            "(ระบุได้หลายครั้ง)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from smartprovince.monitoring.services.measurements import measurement_snapshot

        try:
            periods = [resolve(key) for key in options["period"]]
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        for period in periods:
            result = measurement_snapshot(actor=None, period=period)
            self.stdout.write(
                f"{period.key} ({period.label}): คำนวณแล้ว {len(result['taken'])} ตัวชี้วัด"
                + (f" · ยังไม่มีแหล่งข้อมูล: {', '.join(result['no_source'])}" if result["no_source"] else "")
            )
