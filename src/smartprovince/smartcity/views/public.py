"""The public smart-city showcase, by DEPA domain and by sector."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from smartprovince.core.permissions import PermissionRequiredMixin

from .. import selectors
from ..models import Domain, Initiative, Sector


class ShowcaseView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest) -> HttpResponse:
        domain = request.GET.get("domain", "")
        sector = request.GET.get("sector", "")
        domain_obj = Domain.objects.filter(code=domain).first()
        sector_obj = Sector.objects.filter(code=sector).first()
        qs = selectors.initiative_list(public=True, domain=domain_obj.code if domain_obj else "",
                                       sector=sector_obj.code if sector_obj else "")
        page = Paginator(qs, 24).get_page(request.GET.get("page"))
        return render(request, "smartcity/public/showcase.html", {
            "page_obj": page, "initiatives": page.object_list, "domain": domain_obj, "sector": sector_obj,
            "domains": selectors.domain_summary(public=True), "sectors": selectors.sector_summary(public=True),
        })


class ShowcaseDetailView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        i = selectors.access_initiative(actor=request.user, id=pk, public=True)
        return render(request, "smartcity/public/detail.html", {"initiative": i, "live": i.status in (
            Initiative.Status.OPERATING, Initiative.Status.CERTIFIED)})
