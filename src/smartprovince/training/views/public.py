"""Public pages: certificate verification and the list of digital-literacy activities."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from smartprovince.core.models import Area
from smartprovince.core.permissions import PermissionRequiredMixin
from smartprovince.core.ratelimit import Rate, request_allowed

from .. import selectors
from .home import year_from

VERIFY_RATE = Rate(60, 60)  # verification lookups per client per minute


class CertificateVerifyView(PermissionRequiredMixin, View):
    """Shows only the holder's name, the course and the date (and whether it was revoked)."""

    public = True

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        if not request_allowed(request, "verify", VERIFY_RATE).allowed:
            return render(request, "training/public/rate_limited.html", status=429)
        cert = selectors.certificate_by_token(token=token)
        response = render(request, "training/public/verify.html", {"cert": cert})
        response["X-Robots-Tag"] = "noindex"
        response["Referrer-Policy"] = "no-referrer"
        return response


class PublicActivityListView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest) -> HttpResponse:
        year = year_from(request)
        district = request.GET.get("district", "")
        qs = selectors.activity_list(public=True, year_be=year, district=district)
        page = Paginator(qs, 20).get_page(request.GET.get("page"))
        return render(request, "training/public/activity_list.html", {
            "page_obj": page, "activities": page.object_list, "year": year, "district": district,
            "districts": Area.objects.filter(level=Area.Level.DISTRICT).order_by("name_th"),
            "count": qs.count(), "participants": qs.aggregate(n=Sum("participants"))["n"] or 0,
        })


class PublicActivityDetailView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        activity = selectors.access_activity(actor=request.user, id=pk, public=True)
        return render(request, "training/public/activity_detail.html", {"activity": activity})
