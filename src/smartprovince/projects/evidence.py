"""Evidence files: the type is checked by content (magic bytes), the size by a setting."""

from __future__ import annotations

from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"%PDF-", "application/pdf", ".pdf"),
)


def max_bytes() -> int:
    return int(getattr(settings, "PROJECTS_EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES))


def sniff(head: bytes) -> tuple[str, str] | None:
    """``(content_type, extension)`` for JPEG, PNG or PDF content, else ``None``."""
    for signature, content_type, ext in _SIGNATURES:
        if head.startswith(signature):
            return content_type, ext
    return None


def check_evidence(file: IO[bytes], size: int, name: str = "") -> tuple[str, str]:
    """Validate an uploaded file; returns ``(content_type, extension)`` or raises a Thai error."""
    limit = max_bytes()
    if size <= 0:
        raise ValidationError({"file": f"ไฟล์ “{name}” ว่างเปล่า"})
    if size > limit:
        raise ValidationError(
            {"file": f"ไฟล์ “{name}” มีขนาด {size / 1048576:.1f} MB เกินขนาดที่อนุญาต {limit / 1048576:.0f} MB"}
        )
    position = file.tell()
    head = file.read(16)
    file.seek(position)
    found = sniff(head)
    if found is None:
        raise ValidationError({"file": f"ไฟล์ “{name}” ไม่ใช่รูปภาพ (JPEG/PNG) หรือ PDF ตรวจจากเนื้อหาไฟล์แล้วไม่ตรงชนิดที่อนุญาต"})
    return found
