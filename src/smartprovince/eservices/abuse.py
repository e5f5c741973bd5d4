"""Abuse control for the public survey form and API.

* ``client_key``: a salted SHA-256 of ``REMOTE_ADDR``; the raw address is never stored.
* ``RateLimiter``: fixed-window counter in the cache (Redis in production, so it holds across
  processes). Rate from ``settings.ESERVICES_SURVEY_RATE`` or the ``SURVEY_RATE_LIMIT``
  environment variable, e.g. ``"30/h"``; ``"off"`` disables it (only for the benchmark).
* ``issue_form_token`` / ``read_form_token``: a signed, time-limited token carrying the survey
  id and a random nonce. The nonce is stored on the response under a unique constraint, so a
  form submitted twice is recorded once.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache

DEFAULT_SURVEY_RATE = "30/h"
FORM_TOKEN_MAX_AGE = 2 * 24 * 3600  # a form left open on a counter tablet for a day still works
_SALT = "smartprovince.eservices.survey"
_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def client_key(remote_addr: str | None) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{_SALT}|{remote_addr or ''}".encode()).hexdigest()
    return digest[:32]


@dataclass(frozen=True)
class Rate:
    limit: int
    period: int


def parse_rate(text: str | None) -> Rate | None:
    """``"30/h"`` → Rate(30, 3600); ``"off"``/``"0"`` → None (no limit). Bad text is an error."""
    value = (text or "").strip().lower()
    if value in {"off", "0", "none", "disabled"}:
        return None
    m = re.fullmatch(r"(\d+)\s*/\s*(\d*)\s*([smhd])[a-z]*", value)
    if not m:
        raise ValueError(f"อัตราจำกัดไม่ถูกต้อง: {text!r} (ตัวอย่าง 30/h, 10/10m, off)")
    multiplier = int(m.group(2) or 1)
    return Rate(int(m.group(1)), multiplier * _PERIODS[m.group(3)])


def survey_rate() -> Rate | None:
    configured = getattr(settings, "ESERVICES_SURVEY_RATE", None) or os.environ.get("SURVEY_RATE_LIMIT")
    return parse_rate(configured or DEFAULT_SURVEY_RATE)


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int = 0


def hit(scope: str, key: str, rate: Rate | None) -> Decision:
    """Count one request of ``key`` in ``scope``; refuse it when over ``rate``."""
    if rate is None:
        return Decision(True)
    now = int(time.time())
    window = now // rate.period
    cache_key = f"rl:{scope}:{key}:{window}"
    if cache.add(cache_key, 1, timeout=rate.period + 5):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.add(cache_key, 1, timeout=rate.period + 5)
            count = 1
    if count > rate.limit:
        return Decision(False, retry_after=(window + 1) * rate.period - now)
    return Decision(True)


def survey_submit_allowed(remote_addr: str | None) -> Decision:
    return hit("survey", client_key(remote_addr), survey_rate())


# ----------------------------------------------------------------- one-time form tokens


class TokenError(Exception):
    def __init__(self, message_th: str, *, expired: bool = False) -> None:
        super().__init__(message_th)
        self.message_th = message_th
        self.expired = expired


def issue_form_token(survey_id: int) -> str:
    return signing.dumps({"s": survey_id, "n": secrets.token_hex(16)}, salt=_SALT, compress=False)


def read_form_token(token: str, survey_id: int) -> str:
    """The nonce of a valid token for ``survey_id``; ``TokenError`` (Thai) otherwise."""
    if not token:
        raise TokenError("ไม่พบรหัสแบบฟอร์ม กรุณาเปิดแบบสำรวจใหม่แล้วส่งอีกครั้ง")
    try:
        data = signing.loads(token, salt=_SALT, max_age=FORM_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise TokenError("แบบฟอร์มนี้เปิดไว้นานเกินไป คำตอบของท่านยังอยู่ กรุณากดส่งอีกครั้ง", expired=True) from None
    except signing.BadSignature:
        raise TokenError("รหัสแบบฟอร์มไม่ถูกต้อง กรุณาเปิดแบบสำรวจใหม่แล้วส่งอีกครั้ง") from None
    if not isinstance(data, dict) or data.get("s") != survey_id or not isinstance(data.get("n"), str):
        raise TokenError("รหัสแบบฟอร์มไม่ตรงกับแบบสำรวจนี้ กรุณาเปิดแบบสำรวจใหม่แล้วส่งอีกครั้ง")
    nonce: str = data["n"]
    if not re.fullmatch(r"[0-9a-f]{32}", nonce):
        raise TokenError("รหัสแบบฟอร์มไม่ถูกต้อง")
    return nonce
