"""Back-office pages for smart-city initiatives."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views import View

from smartprovince.agencies.selectors import editor_agencies
from smartprovince.core.audit import audit_events_for
from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin, has_perm
from smartprovince.training.forms import AgencyChoiceForm

from .. import selectors, services
from ..forms import InitiativeForm, LinkForm
from ..models import Domain, Initiative, Sector

WRITE = "smartcity.initiative:write"


def _split(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    rel = {k: data.pop(k) for k in ("domains", "sectors", "districts")}
    return data, rel


class InitiativeListView(PermissionRequiredMixin, View):
    permission = "smartcity.initiative:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        f = {k: request.GET.get(k, "") for k in ("domain", "sector", "status", "kind", "q")}
        qs = selectors.initiative_list(public=False, actor=request.user, domain=f["domain"], sector=f["sector"], status=f["status"],
                                       kind=f["kind"], search=f["q"].strip())
        page = Paginator(qs, 30).get_page(request.GET.get("page"))
        return render(request, "smartcity/initiative_list.html", {
            "page_obj": page, "initiatives": page.object_list, "f": f, "domains": Domain.objects.all(),
            "sectors": Sector.objects.all(), "statuses": Initiative.Status.choices, "kinds": Initiative.Kind.choices,
            "domain_summary": selectors.domain_summary(public=False),
        })


class InitiativeCreateView(PermissionRequiredMixin, View):
    permission = WRITE

    def _agency_form(self, request: HttpRequest) -> AgencyChoiceForm:
        return AgencyChoiceForm(request.POST or None, agencies=editor_agencies(user=request.user, permission=WRITE).order_by("name_th"))

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "smartcity/initiative_form.html", {"form": InitiativeForm(), "agency_form": self._agency_form(request)})

    def post(self, request: HttpRequest) -> HttpResponse:
        form, agency_form = InitiativeForm(request.POST), self._agency_form(request)
        if form.is_valid() and agency_form.is_valid():
            data, rel = _split(dict(form.cleaned_data))
            try:
                i = services.initiative_create(actor=request.user, agency=agency_form.cleaned_data["agency"], **rel, **data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกโครงการเมืองอัจฉริยะแล้ว"))
                return redirect("smartcity:detail", pk=i.pk)
        return render(request, "smartcity/initiative_form.html", {"form": form, "agency_form": agency_form}, status=400)


class InitiativeUpdateView(PermissionRequiredMixin, View):
    permission = WRITE

    def _get(self, request: HttpRequest, pk: int) -> Initiative:
        i = selectors.access_initiative(actor=request.user, id=pk)
        if not has_perm(request.user, WRITE, i.agency_id):
            raise Http404
        return i

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        i = self._get(request, pk)
        return render(request, "smartcity/initiative_form.html", {"form": InitiativeForm(instance=i), "initiative": i})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        i = self._get(request, pk)
        form = InitiativeForm(request.POST, instance=self._get(request, pk))
        if form.is_valid():
            data, rel = _split(dict(form.cleaned_data))
            try:
                services.initiative_update(actor=request.user, initiative=i, **rel, **data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกการแก้ไขแล้ว"))
                return redirect("smartcity:detail", pk=i.pk)
        return render(request, "smartcity/initiative_form.html", {"form": form, "initiative": i}, status=400)


class InitiativeDetailView(PermissionRequiredMixin, View):
    permission = "smartcity.initiative:read"
    write_permission = WRITE

    def get(self, request: HttpRequest, pk: int, link_form: LinkForm | None = None) -> HttpResponse:
        i = selectors.access_initiative(actor=request.user, id=pk)
        return render(request, "smartcity/initiative_detail.html", {
            "initiative": i, "can_write": has_perm(request.user, WRITE, i.agency_id),
            "link_form": link_form or LinkForm(), "events": audit_events_for(i)[:20],
        }, status=400 if link_form else 200)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Add a link (project, dataset, evidence)."""
        i = selectors.access_initiative(actor=request.user, id=pk)
        if not has_perm(request.user, WRITE, i.agency_id):
            raise Http404
        form = LinkForm(request.POST)
        if form.is_valid():
            try:
                services.initiative_link_add(actor=request.user, initiative=i, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("เพิ่มลิงก์แล้ว"))
                return redirect("smartcity:detail", pk=pk)
        return self.get(request, pk, link_form=form)
