from __future__ import annotations

import pytest
from django.core import signing
from django.test import override_settings

from smartprovince.eservices import abuse


@pytest.mark.parametrize(
    ("text", "expected"),
    [("30/h", abuse.Rate(30, 3600)), ("10/10m", abuse.Rate(10, 600)), ("5/s", abuse.Rate(5, 1)), ("100/day", abuse.Rate(100, 86400)),
     ("off", None), ("0", None), ("OFF", None)],
)
def test_parse_rate(text, expected):
    assert abuse.parse_rate(text) == expected


@pytest.mark.parametrize("bad", ["", "abc", "10", "10/x"])
def test_parse_rate_rejects_bad_text(bad):
    with pytest.raises(ValueError):
        abuse.parse_rate(bad)


def test_rate_limit_is_on_by_default(monkeypatch):
    monkeypatch.delenv("SURVEY_RATE_LIMIT", raising=False)
    assert abuse.survey_rate() == abuse.Rate(30, 3600)


def test_rate_limit_from_environment(monkeypatch):
    monkeypatch.setenv("SURVEY_RATE_LIMIT", "off")
    assert abuse.survey_rate() is None


def test_client_key_hashes_the_address():
    key = abuse.client_key("203.0.113.5")
    assert "203.0.113.5" not in key and len(key) == 32
    assert key == abuse.client_key("203.0.113.5") != abuse.client_key("203.0.113.6")


@override_settings(ESERVICES_SURVEY_RATE="2/h")
def test_hits_over_the_limit_are_refused():
    assert [abuse.survey_submit_allowed("198.51.100.1").allowed for _ in range(3)] == [True, True, False]
    assert abuse.survey_submit_allowed("198.51.100.2").allowed is True  # another client
    refused = abuse.survey_submit_allowed("198.51.100.1")
    assert not refused.allowed and 0 < refused.retry_after <= 3600


def test_form_token_round_trip_and_tampering():
    token = abuse.issue_form_token(7)
    nonce = abuse.read_form_token(token, 7)
    assert len(nonce) == 32
    assert abuse.issue_form_token(7) != token  # a new nonce per rendered form
    with pytest.raises(abuse.TokenError, match="ไม่ตรงกับแบบสำรวจนี้"):
        abuse.read_form_token(token, 8)
    with pytest.raises(abuse.TokenError, match="ไม่ถูกต้อง"):
        abuse.read_form_token(token[:-2] + "xx", 7)
    with pytest.raises(abuse.TokenError, match="ไม่พบรหัสแบบฟอร์ม"):
        abuse.read_form_token("", 7)


def test_expired_token(monkeypatch):
    token = abuse.issue_form_token(7)
    real_loads = signing.loads
    monkeypatch.setattr(abuse.signing, "loads", lambda *a, **k: real_loads(*a, **{**k, "max_age": -1}))
    with pytest.raises(abuse.TokenError) as info:
        abuse.read_form_token(token, 7)
    assert info.value.expired
