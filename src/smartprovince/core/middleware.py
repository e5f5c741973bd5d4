"""Security headers not covered by Django's own middleware."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext

# No inline scripts anywhere: every script is a static file. Inline style attributes are allowed
# because plotly sets element styles at run time.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; "
    "object-src 'none'"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class ThaiFirstLocaleMiddleware:
    """Thai unless the user chose English (language cookie): the browser's Accept-Language is
    ignored, because most intranet browsers in Thai offices announce English."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


class OutOfRangeIdMiddleware:
    """An id too large for the database (``/projects/99999999999999999999/``) is a 404, not a 500.

    The ``int`` path converter accepts any number of digits; SQLite raises ``OverflowError`` and
    PostgreSQL "integer out of range" when such a value reaches a query.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        from django.db import DataError
        from django.http import Http404
        from django.views.defaults import page_not_found

        if isinstance(exception, DataError) and "NUL" in str(exception):
            # PostgreSQL refuses text containing the NUL character (e.g. in a lookup value)
            from django.http import HttpResponseBadRequest, JsonResponse

            if request.path.startswith("/api/"):
                return JsonResponse({"detail": gettext("ข้อมูลมีอักขระที่ไม่อนุญาต (NUL)"), "code": "invalid"}, status=400)
            return HttpResponseBadRequest(gettext("ข้อมูลมีอักขระที่ไม่อนุญาต"))
        out_of_range = isinstance(exception, OverflowError) or (
            isinstance(exception, DataError) and "out of range" in str(exception)
        )
        if not out_of_range:
            return None
        if request.path.startswith("/api/"):
            from django.http import JsonResponse

            return JsonResponse({"detail": gettext("ไม่พบข้อมูล"), "code": "not_found"}, status=404)
        return page_not_found(request, Http404())
