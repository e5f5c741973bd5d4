"""Goal 2 coverage rule: pure table tests, then the registry-backed metric."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from smartprovince.eservices.choices import DIGITAL_CHANNEL_TYPES, NON_DIGITAL_CHANNEL_TYPES, ChannelType, is_digital
from smartprovince.eservices.coverage import ChannelFact, counts, coverage, percent_covered

C = ChannelType


def test_phone_and_counter_are_the_only_non_digital_types():
    assert {"phone", "counter"} == NON_DIGITAL_CHANNEL_TYPES
    assert len(DIGITAL_CHANNEL_TYPES) == 9
    assert not is_digital(C.PHONE) and not is_digital(C.COUNTER)
    assert all(is_digital(t) for t in (C.WEBSITE, C.ESERVICE, C.MOBILE_APP, C.LINE_OA, C.FACEBOOK, C.EMAIL, C.KIOSK, C.GOV_PLATFORM, C.QR_PROMPTPAY))


@pytest.mark.parametrize(
    ("channels", "digital_count", "meets"),
    [
        ([C.WEBSITE, C.FACEBOOK, C.LINE_OA], 3, True),
        ([C.WEBSITE, C.FACEBOOK, C.PHONE, C.COUNTER], 2, False),  # phone/counter do not count
        ([C.WEBSITE, C.FACEBOOK, (C.LINE_OA, False)], 2, False),  # inactive does not count
        ([C.FACEBOOK, C.FACEBOOK, C.FACEBOOK], 1, False),  # three pages of one type = one channel type
        ([C.WEBSITE, C.EMAIL, C.KIOSK, C.QR_PROMPTPAY], 4, True),
        ([], 0, False),
    ],
)
def test_coverage_rule(channels, digital_count, meets):
    facts = []
    for item in channels:
        ctype, active = item if isinstance(item, tuple) else (item, True)
        facts.append(ChannelFact(agency_id=1, channel_type=ctype, is_active=active))
    (row,) = coverage([1], facts)
    assert (row.digital_count, row.meets, row.missing) == (digital_count, meets, max(0, 3 - digital_count))


def test_channel_started_after_period_does_not_count():
    fact = ChannelFact(1, C.WEBSITE, True, started_on=dt.date(2022, 1, 1))
    assert counts(fact, dt.date(2022, 1, 1)) is True
    assert counts(fact, dt.date(2021, 12, 31)) is False
    assert counts(ChannelFact(1, C.WEBSITE, True, started_on=None), dt.date(2000, 1, 1)) is True


def test_agencies_without_channels_and_unknown_agencies():
    rows = coverage([1, 2], [ChannelFact(3, C.WEBSITE, True)] + [ChannelFact(1, t, True) for t in (C.WEBSITE, C.EMAIL, C.FACEBOOK)])
    assert [(r.agency_id, r.digital_count) for r in rows] == [(1, 3), (2, 0)]
    assert percent_covered(rows) == (1, 2, 50.0)
    assert percent_covered([]) == (0, 0, None)


@pytest.mark.django_db
def test_coverage_metric_from_registry(agri_editor):
    from smartprovince.agencies.models import Agency
    from smartprovince.core.thai_calendar import fiscal_year_period
    from smartprovince.eservices.models import Channel
    from smartprovince.monitoring.registry import metric_compute

    agri = Agency.objects.get(code="SKN-AGRI")
    tour = Agency.objects.get(code="SKN-TOUR")
    for ctype in (C.WEBSITE, C.FACEBOOK, C.LINE_OA):
        Channel.objects.create(agency=agri, channel_type=ctype, address="https://x.invalid/")
    Channel.objects.create(agency=tour, channel_type=C.WEBSITE, address="https://t.invalid/")
    Channel.objects.create(agency=tour, channel_type=C.PHONE, address="042")
    Channel.objects.create(agency=tour, channel_type=C.COUNTER, address="")
    Channel.objects.create(agency=tour, channel_type=C.FACEBOOK, address="https://f.invalid/", is_active=False)
    # a channel opened after FY 2565 ended does not count for FY 2565
    Channel.objects.create(agency=tour, channel_type=C.EMAIL, address="a@t.invalid", started_on=dt.date(2023, 1, 1))
    total = Agency.objects.filter(is_active=True).count()

    result = metric_compute("eservices.agency_digital_channel_coverage", fiscal_year_period(2565))
    assert result is not None
    assert (result.numerator, result.denominator) == (Decimal(1), Decimal(total))
    assert result.value == (Decimal(100) / Decimal(total)).quantize(Decimal("0.01"))
    by_code = {r["agency_code"]: r for r in result.rows}
    assert by_code["SKN-AGRI"]["meets"] == "ครบ"
    assert by_code["SKN-TOUR"]["digital_channels"] == 1
    assert by_code["SKN-TOUR"]["meets"] == "ขาดอีก 2"
    assert result.note_th == f"หน่วยงานที่ยังมีช่องทางดิจิทัลไม่ถึง 3 ประเภท {total - 1} แห่ง"
    # after the e-mail channel started, tourism has 2
    later = metric_compute("eservices.agency_digital_channel_coverage", fiscal_year_period(2566))
    assert {r["agency_code"]: r for r in later.rows}["SKN-TOUR"]["digital_channels"] == 2
