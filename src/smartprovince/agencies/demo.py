"""Demo users (all with the password ``demo-password``)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.contrib.auth import get_user_model

from smartprovince.core.demo import DEMO_PASSWORD, DEMO_USERS

from .models import Agency, Membership
from .services import agencies_load

DEMO_ORDER = 0


def load_demo(*, rng: random.Random, today: dt.date, stdout: Any = None) -> None:
    if not Agency.objects.exists():
        agencies_load()
    User = get_user_model()
    for username, full_name, role, agency_code in DEMO_USERS:
        first, _, last = full_name.partition(" ")
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "email": f"{username}@demo.invalid"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        agency = Agency.objects.get(code=agency_code)
        Membership.objects.get_or_create(user=user, agency=agency, role=role)
