"""Evidence files: the type is checked by content (magic bytes), the size by a setting."""

from __future__ import annotations

from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

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
    """Validate an uploaded file; returns ``(content_type, extension)`` or raises an error for people."""
    limit = max_bytes()
    if size <= 0:
        raise ValidationError({"file": gettext("ไฟล์ “%(name)s” ว่างเปล่า") % {"name": name}})
    if size > limit:
        raise ValidationError(
            {"file": gettext("ไฟล์ “%(name)s” มีขนาด %(size).1f MB เกินขนาดที่อนุญาต %(limit).0f MB")
             % {"name": name, "size": size / 1048576, "limit": limit / 1048576}}
        )
    position = file.tell()
    head = file.read(16)
    file.seek(position)
    found = sniff(head)
    if found is None:
        raise ValidationError({"file": gettext(
            "ไฟล์ “%(name)s” ไม่ใช่รูปภาพ (JPEG/PNG) หรือ PDF ตรวจจากเนื้อหาไฟล์แล้วไม่ตรงชนิดที่อนุญาต") % {"name": name}})
    return found
