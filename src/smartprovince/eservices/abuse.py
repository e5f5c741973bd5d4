"""Abuse control for the public survey form and API.

* ``client_key``: a salted SHA-256 of ``REMOTE_ADDR``; the raw address is never stored.
* rate limiting: ``core.ratelimit`` (fixed-window counter in the cache (Redis in production, so it holds across
  processes)). Rate from ``settings.ESERVICES_SURVEY_RATE`` or the ``SURVEY_RATE_LIMIT``
  environment variable, e.g. ``"30/h"``; ``"off"`` disables it (only for the benchmark).
* ``issue_form_token`` / ``read_form_token``: a signed, time-limited token carrying the survey
  id and a random nonce. The nonce is stored on the response under a unique constraint, so a
  form submitted twice is recorded once.
"""

from __future__ import annotations

import os
import re
import secrets

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext

from smartprovince.core import ratelimit
from smartprovince.core.ratelimit import Decision, Rate, hit, parse_rate

DEFAULT_SURVEY_RATE = "30/h"
FORM_TOKEN_MAX_AGE = 2 * 24 * 3600  # a form left open on a counter tablet for a day still works
_SALT = "smartprovince.eservices.survey"


def client_key(remote_addr: str | None) -> str:
    return ratelimit.client_key(remote_addr, _SALT)


def survey_rate() -> Rate | None:
    configured = getattr(settings, "ESERVICES_SURVEY_RATE", None) or os.environ.get("SURVEY_RATE_LIMIT")
    return parse_rate(configured or DEFAULT_SURVEY_RATE)


def survey_submit_allowed(remote_addr: str | None) -> Decision:
    return hit("survey", client_key(remote_addr), survey_rate())


# ----------------------------------------------------------------- one-time form tokens


class TokenError(Exception):
    def __init__(self, message: str, *, expired: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.expired = expired


def issue_form_token(survey_id: int) -> str:
    return signing.dumps({"s": survey_id, "n": secrets.token_hex(16)}, salt=_SALT, compress=False)


def read_form_token(token: str, survey_id: int) -> str:
    """The nonce of a valid token for ``survey_id``; ``TokenError`` (message in the active language) otherwise."""
    if not token:
        raise TokenError(gettext("ไม่พบรหัสแบบฟอร์ม กรุณาเปิดแบบสำรวจใหม่แล้วส่งอีกครั้ง"))
    try:
        data = signing.loads(token, salt=_SALT, max_age=FORM_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise TokenError(gettext("แบบฟอร์มนี้เปิดไว้นานเกินไป คำตอบของท่านยังอยู่ กรุณากดส่งอีกครั้ง"), expired=True) from None
    except signing.BadSignature:
        raise TokenError(gettext("รหัสแบบฟอร์มไม่ถูกต้อง กรุณาเปิดแบบสำรวจใหม่แล้วส่งอีกครั้ง")) from None
    if not isinstance(data, dict) or data.get("s") != survey_id or not isinstance(data.get("n"), str):
        raise TokenError(gettext("รหัสแบบฟอร์มไม่ตรงกับแบบสำรวจนี้ กรุณาเปิดแบบสำรวจใหม่แล้วส่งอีกครั้ง"))
    nonce: str = data["n"]
    if not re.fullmatch(r"[0-9a-f]{32}", nonce):
        raise TokenError(gettext("รหัสแบบฟอร์มไม่ถูกต้อง"))
    return nonce
