"""Back-office pages for agencies (province admins write; every role reads)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views import View

from smartprovince.core.audit import audit_events_for
from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin
from smartprovince.core.templatetags.thai import tr

from .. import selectors, services
from ..forms import AgencyForm
from ..models import Agency


class AgencyListView(PermissionRequiredMixin, View):
    permission = "agencies.agency:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        search = request.GET.get("q", "").strip()
        kind = request.GET.get("kind", "")
        qs = selectors.agency_list(search=search, kind=kind, active_only=False)
        page = Paginator(qs, 50).get_page(request.GET.get("page"))
        return render(
            request, "agencies/agency_list.html",
            {"page_obj": page, "agencies": page.object_list, "q": search, "kind": kind, "kinds": Agency.Kind.choices},
        )


class AgencyCreateView(PermissionRequiredMixin, View):
    permission = "agencies.agency:write"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "agencies/agency_form.html", {"form": AgencyForm(), "creating": True})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = AgencyForm(request.POST)
        if form.is_valid():
            try:
                agency = services.agency_create(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("เพิ่มหน่วยงาน “%(name)s” แล้ว") % {"name": tr(agency)})
                return redirect("agencies:detail", code=agency.code)
        return render(request, "agencies/agency_form.html", {"form": form, "creating": True}, status=400)


class AgencyUpdateView(PermissionRequiredMixin, View):
    permission = "agencies.agency:write"

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        agency = selectors.agency_get(code=code)
        return render(request, "agencies/agency_form.html", {"form": AgencyForm(instance=agency), "agency": agency})

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        agency = selectors.agency_get(code=code)
        form = AgencyForm(request.POST, instance=Agency.objects.get(pk=agency.pk))
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                services.agency_update(actor=request.user, agency=agency, **data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกการแก้ไขแล้ว"))
                return redirect("agencies:detail", code=agency.code)
        return render(request, "agencies/agency_form.html", {"form": form, "agency": agency}, status=400)


class AgencyDetailView(PermissionRequiredMixin, View):
    permission = "agencies.agency:read"

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        agency = selectors.agency_get(code=code)
        members = agency.memberships.filter(is_active=True).select_related("user")
        ctx: dict[str, Any] = {"agency": agency, "members": members, "events": audit_events_for(agency)[:50]}
        return render(request, "agencies/agency_detail.html", ctx)
