"""Refuse an over-size upload before it is stored.

A request whose declared length exceeds the limit is answered at once without reading the body;
``LimitedUploadHandler`` stops an upload that grows past the limit while streaming (chunked or
lying clients) and marks the request so the view can say why.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

from .services import max_upload_bytes

MULTIPART_OVERHEAD = 1024 * 1024


def too_large_message(size: int | None = None) -> str:
    limit = max_upload_bytes()
    if size:
        return f"ไฟล์มีขนาด {size / 1048576:,.1f} MB เกินขนาดสูงสุดที่รับได้ ({limit / 1048576:,.0f} MB) ระบบไม่ได้จัดเก็บไฟล์นี้"
    return f"ไฟล์มีขนาดเกินขนาดสูงสุดที่รับได้ ({limit / 1048576:,.0f} MB) ระบบไม่ได้จัดเก็บไฟล์นี้"


def declared_too_large(request: HttpRequest) -> int | None:
    """The declared body size when it is over the limit (refuse before reading), else ``None``."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    return length if length > max_upload_bytes() + MULTIPART_OVERHEAD else None


class LimitedUploadHandler(FileUploadHandler):
    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.received = 0
        self.limit = max_upload_bytes()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
            if self.request is not None:
                setattr(self.request, "datahub_upload_too_large", self.received)  # noqa: B010
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def install(request: HttpRequest) -> None:
    request.upload_handlers.insert(0, LimitedUploadHandler(request))  # type: ignore[union-attr]
