"""Shared REST API pieces: error envelope (Thai, or English for a user who chose it) and the base view."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext, gettext_lazy
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

_MESSAGES = {
    status.HTTP_401_UNAUTHORIZED: gettext_lazy("ต้องเข้าสู่ระบบหรือแนบโทเคน (Authorization: Token <key>)"),
    status.HTTP_403_FORBIDDEN: gettext_lazy("ไม่มีสิทธิ์ดำเนินการนี้"),
    status.HTTP_404_NOT_FOUND: gettext_lazy("ไม่พบข้อมูล"),
    status.HTTP_405_METHOD_NOT_ALLOWED: gettext_lazy("ไม่รองรับวิธีเรียกนี้"),
    status.HTTP_429_TOO_MANY_REQUESTS: gettext_lazy("เรียกใช้บ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่"),
}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = {"detail": gettext("ข้อมูลไม่ถูกต้อง"), "errors": response.data}
    elif response.status_code in _MESSAGES:
        response.data = {"detail": str(_MESSAGES[response.status_code]), "code": getattr(exc, "default_code", "")}
    return response

