from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from smartprovince.projects.models import ReminderLog

pytestmark = pytest.mark.django_db


def test_remind_reports_emails_editors_once_per_day(project: Any, agri_editor: Any, tourism_editor: Any) -> None:
    agri_editor.email = "agri@example.go.th"
    agri_editor.save()
    call_command("remind-reports", "--date", "2022-01-10", stdout=open("/dev/null", "w"))  # noqa: SIM115
    # October, November and December 2021 are past due and unsent: one e-mail per month to SKN-AGRI.
    assert len(mail.outbox) == 3
    assert mail.outbox[0].to == ["agri@example.go.th"]
    assert "ตุลาคม 2564" in mail.outbox[0].subject and project.code in mail.outbox[0].body
    call_command("remind-reports", "--date", "2022-01-10", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 3
    assert ReminderLog.objects.count() == 3
    assert {log.month for log in ReminderLog.objects.all()} == {dt.date(2021, 10, 1), dt.date(2021, 11, 1), dt.date(2021, 12, 1)}
