"""Look-ups for form widgets: the agency picker's suggestions (public, rate-limited)."""

from __future__ import annotations

import re

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from django.views import View

from ..agency_picker import LIMIT, agency_label, agency_search
from ..permissions import PermissionRequiredMixin
from ..ratelimit import Rate, request_allowed

_FIELD = re.compile(r"[A-Za-z_][\w-]{0,39}")
# Suggestions are asked for while typing (one request per pause): generous, but bounded.
LOOKUP_RATE = Rate(120, 60)


class AgencyPickView(PermissionRequiredMixin, View):
    """``GET ?q=<text>[&perm=<permission>][&field=<parameter>]`` → at most ``LIMIT`` agencies.

    Without ``perm`` the active agencies are searched (public information, as on /agencies/);
    with it, only those where the user holds the permission (none for an anonymous user).
    ``field`` names the parameter that holds the text when the input itself sends it (htmx).
    An htmx request gets ``<option>`` elements for the input's ``<datalist>``; others get JSON
    ``{"results": [{"id", "code", "name_th", "label"}], "more": bool, "message": str}``.
    """

    public = True

    def get(self, request: HttpRequest) -> HttpResponse:
        decision = request_allowed(request, "agency-pick", LOOKUP_RATE)
        if not decision.allowed:
            refused = JsonResponse({"results": [], "more": False, "message": gettext("ค้นหาบ่อยเกินไป กรุณารอสักครู่")}, status=429)
            refused["Retry-After"] = str(decision.retry_after)
            return refused
        field = request.GET.get("field", "")
        if not _FIELD.fullmatch(field):
            field = ""
        text = request.GET.get("q") or (request.GET.get(field, "") if field else "")
        permission = request.GET.get("perm") or None
        try:
            agencies, more = agency_search(actor=request.user, text=text, permission=permission, limit=LIMIT)
        except ImproperlyConfigured:
            return JsonResponse({"results": [], "more": False, "message": gettext("ไม่รู้จักสิทธิ์ที่ระบุ")}, status=400)
        message = "" if agencies or not text.strip() else gettext(
            "ไม่พบหน่วยงานที่ตรงกับ “%(text)s” ลองพิมพ์ชื่อให้สั้นลง หรือพิมพ์รหัสหน่วยงาน"
        ) % {"text": text.strip()[:100]}
        response: HttpResponse
        if getattr(request, "htmx", False):
            response = render(request, "core/_agency_options.html", {
                "agencies": agencies, "more": more, "message": message, "field": field, "limit": LIMIT,
            })
        else:
            response = JsonResponse({
                "results": [{"id": a.pk, "code": a.code, "name_th": a.name_th, "label": agency_label(a)} for a in agencies],
                "more": more, "message": message,
            }, json_dumps_params={"ensure_ascii": False})
        response["Cache-Control"] = "private, max-age=60"
        patch_vary_headers(response, ["HX-Request", "Cookie"])
        return response
