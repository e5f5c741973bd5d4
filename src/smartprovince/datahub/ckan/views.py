"""``/api/3/action/<name>``: CKAN's envelope, error types and HTTP status codes."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, SessionAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle
from rest_framework.views import APIView

from smartprovince.core.permissions import has_perm

from .. import query, uploads
from . import actions_read, actions_write  # noqa: F401 - register the actions
from .registry import ACTIONS, ActionError, NotAuthorized, NotFound, ValidationFailed

logger = logging.getLogger(__name__)


class CkanTokenAuthentication(BaseAuthentication):
    """``Authorization: <token>`` as ckanapi sends it; ``Token <key>`` and ``X-CKAN-API-Key`` too."""

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        header = request.META.get("HTTP_AUTHORIZATION") or request.META.get("HTTP_X_CKAN_API_KEY") or ""
        key = header.strip()
        if not key:
            return None
        for prefix in ("Token ", "Bearer "):
            if key.startswith(prefix):
                key = key[len(prefix):].strip()
        token = Token.objects.select_related("user").filter(key=key).first()
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed("โทเคน API ไม่ถูกต้องหรือถูกยกเลิกแล้ว")
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return "Token"


def _help(base: str, name: str) -> str:
    return f"{base}/api/3/action/help_show?name={name}"


def envelope(base: str, name: str, *, result: Any = None, error: dict[str, Any] | None = None, status: int = 200) -> Response:
    body: dict[str, Any] = {"help": _help(base, name), "success": error is None}
    if error is None:
        body["result"] = result
    else:
        body["error"] = error
    return Response(body, status=status)


def _plain_data(data: Any) -> dict[str, Any]:
    if hasattr(data, "lists"):
        return {k: (v[0] if len(v) == 1 else v) for k, v in data.lists()}
    if isinstance(data, dict):
        return dict(data)
    raise ValidationFailed({"__body": ["ข้อมูลที่ส่งต้องเป็น JSON object"]})


class CkanJSONRenderer(JSONRenderer):
    """DRF's JSON, with records that PostgreSQL already wrote as JSON (``query.RawJSON``) put in
    as they are (no decoding and encoding again)."""

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        result = data.get("result") if isinstance(data, dict) else None
        records = result.get("records") if isinstance(result, dict) else None
        if not isinstance(result, dict) or not isinstance(records, query.RawJSON):
            return super().render(data, accepted_media_type, renderer_context)
        marker = f"records-{uuid.uuid4().hex}"
        body = super().render({**data, "result": {**result, "records": marker}}, accepted_media_type, renderer_context)
        return body.replace(f'"{marker}"'.encode(), records.encode(), 1)


class ActionView(APIView):
    """Every action declares its own permission (``registry.action``); this view enforces it."""

    schema = None  # the CKAN contract is documented by help_show, not in /api/schema/

    public = True
    public_write = True
    authentication_classes = [CkanTokenAuthentication, SessionAuthentication]
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    renderer_classes = [CkanJSONRenderer]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        self.too_large = uploads.declared_too_large(request._request)
        if not self.too_large:
            uploads.install(request._request)
        super().initial(request, *args, **kwargs)

    def _base(self) -> str:
        return self.request.build_absolute_uri("/").rstrip("/")

    def handle_exception(self, exc: Exception) -> Response:
        name = self.kwargs.get("name", "")
        base = self._base()
        if isinstance(exc, exceptions.AuthenticationFailed | exceptions.NotAuthenticated):
            return envelope(base, name, error=NotAuthorized(str(exc.detail)).body(), status=403)
        if isinstance(exc, exceptions.Throttled):
            return envelope(base, name, error={"__type": "Throttled", "message": "เรียกใช้บ่อยเกินไป กรุณารอสักครู่"},
                            status=429)
        if isinstance(exc, exceptions.ParseError | exceptions.UnsupportedMediaType):
            return Response(f"Bad request - JSON Error: {exc.detail}", status=400)
        if isinstance(exc, exceptions.MethodNotAllowed):
            return Response("Bad request - Method not allowed", status=405)
        return super().handle_exception(exc)

    def get(self, request: Request, name: str) -> Response:
        return self._call(request, name, dict(request.query_params.items()), get=True)

    def post(self, request: Request, name: str) -> Response:
        if self.too_large:
            return envelope(self._base(), name, status=409,
                            error=ValidationFailed({"upload": [uploads.too_large_message(self.too_large)]}).body())
        try:
            data = _plain_data(request.data)
        except ValidationFailed as exc:
            return envelope(self._base(), name, error=exc.body(), status=400)
        if not request.data and request.query_params:
            data = dict(request.query_params.items())
        return self._call(request, name, data, get=False)

    def _call(self, request: Request, name: str, data: dict[str, Any], *, get: bool) -> Response:
        base = self._base()
        action = ACTIONS.get(name)
        if action is None:
            return Response(f"Bad request - Action name not known: {name}", status=400)
        if get and not action.side_effect_free:
            return Response(
                "Bad request - JSON Error: Invalid request. Please use POST method for your request", status=400
            )
        user = request.user
        if not action.public and not (user and user.is_authenticated and has_perm(user, action.permission or "")):
            return envelope(base, name, status=403, error=NotAuthorized(
                f"ผู้ใช้ไม่มีสิทธิ์เรียก {name} (ต้องแนบโทเคน API ของเจ้าหน้าที่ที่มีสิทธิ์)").body())
        data.pop("callback", None)
        context = {"user": user, "base": base, "request": request, "files": request.FILES if not get else {},
                   "upload_too_large": uploads.too_large_message(getattr(request._request, "datahub_upload_too_large", 0))
                   if getattr(request._request, "datahub_upload_too_large", 0) else None}
        try:
            if action.side_effect_free:
                result = action.func(context, data)
            else:
                with transaction.atomic():
                    result = action.func(context, data)
        except ActionError as exc:
            return envelope(base, name, error=exc.body(), status=exc.status)
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"message": exc.messages}
            return envelope(base, name, error=ValidationFailed(errors).body(), status=409)
        except PermissionDenied:
            return envelope(base, name, error=NotAuthorized("ไม่มีสิทธิ์ดำเนินการนี้").body(), status=403)
        except Http404:
            return envelope(base, name, error=NotFound("ไม่พบข้อมูล").body(), status=404)
        except Exception:
            logger.exception("CKAN action %s failed", name)
            return envelope(base, name, error={"__type": "Internal Server Error", "message": "Internal Server Error"},
                            status=500)
        return envelope(base, name, result=result)


class ApiRootView(APIView):

    schema = None  # the CKAN contract is documented by help_show, not in /api/schema/
    public = True
    renderer_classes = [JSONRenderer]
    throttle_classes = [AnonRateThrottle, UserRateThrottle]

    def get(self, request: Request) -> Response:
        return Response({"version": 3})


class ActionListView(APIView):

    schema = None  # the CKAN contract is documented by help_show, not in /api/schema/
    public = True
    renderer_classes = [JSONRenderer]
    throttle_classes = [AnonRateThrottle, UserRateThrottle]

    def get(self, request: Request) -> Response:
        base = request.build_absolute_uri("/").rstrip("/")
        return envelope(base, "", result=sorted(ACTIONS))
