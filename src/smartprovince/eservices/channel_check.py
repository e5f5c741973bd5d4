"""Check that URL channels respond (used by ``smartprovince check_channels``)."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

USER_AGENT = "smartprovince-channel-check/1.0 (+provincial digital plan registry)"


@dataclass(frozen=True)
class CheckOutcome:
    ok: bool
    detail: str


class _NoRedirectLimitHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = 5


def check_url(url: str, *, timeout: float = 10.0) -> CheckOutcome:
    """HEAD the URL (GET when HEAD is refused); 2xx/3xx after redirects is a pass."""
    if not url.startswith(("http://", "https://")):
        return CheckOutcome(False, "ไม่ใช่ URL แบบ http/https")
    opener = urllib.request.build_opener(_NoRedirectLimitHandler())
    last_error = ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310 - http(s) only, checked above
        try:
            with opener.open(request, timeout=timeout) as response:
                return CheckOutcome(True, f"ตอบกลับ HTTP {response.status}")
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (400, 403, 405, 501):
                last_error = f"HTTP {exc.code}"
                continue
            return CheckOutcome(False, f"ตอบกลับ HTTP {exc.code}")
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return CheckOutcome(False, f"เชื่อมต่อไม่ได้: {reason}"[:200])
    return CheckOutcome(False, f"ตอบกลับ {last_error}")
