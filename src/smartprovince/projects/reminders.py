"""Reminder e-mails to agency editors about monthly reports that are missing or late.

Run daily from cron (``smartprovince remind-reports``). Each agency gets at most one e-mail per
report month, kind and day (``ReminderLog``), so running twice in a day sends nothing new."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from smartprovince.agencies.models import Agency, Membership
from smartprovince.core.thai_calendar import format_date, month_label, month_period

from .models import ReminderLog
from .selectors.rollups import project_facts


@dataclass
class ReminderOutcome:
    sent: int = 0
    skipped: int = 0
    agencies_without_email: int = 0


def remind_reports(*, today: dt.date, months_back: int = 3, dry_run: bool = False) -> ReminderOutcome:
    """E-mail every agency that owes reports for the last ``months_back`` months whose due date passed."""
    from smartprovince.core.thai_calendar import add_months, month_start

    outcome = ReminderOutcome()
    owed: dict[tuple[int, dt.date], list[tuple[str, str]]] = defaultdict(list)
    for back in range(1, months_back + 1):
        period = month_period(add_months(month_start(today), -back))
        _, ledgers = project_facts(period, as_of=today)
        for ledger in ledgers.values():
            for month in ledger.missing:
                owed[(ledger.agency_id, month)].append((ledger.code, ledger.name_th))
    if not owed:
        return outcome
    agencies = Agency.objects.in_bulk({agency_id for agency_id, _ in owed})
    recipients: dict[int, list[str]] = defaultdict(list)
    for agency_id, email in (
        Membership.objects.filter(agency_id__in=agencies, role=Membership.Role.AGENCY_EDITOR, is_active=True,
                                  user__is_active=True)
        .exclude(user__email="").values_list("agency_id", "user__email")
    ):
        recipients[agency_id].append(email)
    for (agency_id, month), projects in sorted(owed.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        agency = agencies[agency_id]
        to = sorted(set(recipients.get(agency_id, [])) | ({agency.email} if agency.email else set()))
        if not to:
            outcome.agencies_without_email += 1
            continue
        if ReminderLog.objects.filter(agency_id=agency_id, month=month, kind="late", sent_on=today).exists():
            outcome.skipped += 1
            continue
        lines = "\n".join(f"  - {code} {name}" for code, name in projects)
        subject = f"[แจ้งเตือน] รายงานความก้าวหน้าเดือน{month_label(month, 'long')} ยังไม่ได้ส่ง {len(projects)} โครงการ"
        body = (
            f"เรียน เจ้าหน้าที่{agency.name_th}\n\n"
            f"รายงานความก้าวหน้าประจำเดือน{month_label(month, 'long')} ของโครงการต่อไปนี้ยังไม่ได้ส่งถึงจังหวัด "
            f"(กำหนดส่งผ่านมาแล้ว ข้อมูล ณ {format_date(today, 'long')}):\n{lines}\n\n"
            "กรุณาเข้าสู่ระบบเพื่อบันทึกและส่งรายงาน\n\n"
            f"{getattr(settings, 'PLATFORM_NAME_TH', '')}\n(อีเมลนี้ส่งอัตโนมัติ)"
        )
        if dry_run:
            outcome.sent += 1
            continue
        try:
            with transaction.atomic():
                ReminderLog.objects.create(agency_id=agency_id, month=month, kind="late", sent_on=today,
                                           recipients=to, project_ids=[code for code, _ in projects])
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
        except IntegrityError:  # another run got there first
            outcome.skipped += 1
            continue
        outcome.sent += 1
    return outcome
