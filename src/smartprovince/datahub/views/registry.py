"""IT-system registry, integration links, data domains and metadata import pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views import View

from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin, agencies_with_perm, has_perm

from .. import metadata_import, registry_services, selectors
from ..forms import DomainForm, LinkForm, MetadataImportForm, SystemForm
from ..models import DataDomain, IntegrationLink, ITSystem


def _system_agencies(user: Any) -> Any:
    from smartprovince.agencies.selectors import editor_agencies

    return editor_agencies(user=user, permission="datahub.system:write")


class SystemListView(PermissionRequiredMixin, View):
    permission = "datahub.system:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        qs = selectors.system_list(actor=request.user)
        page = Paginator(qs, 50).get_page(request.GET.get("page"))
        links = IntegrationLink.objects.select_related("source__agency", "target__agency").order_by(
            "source__agency__name_th", "source__name")[:200]
        # the template offers edit and delete only on rows of agencies the user writes for (others answer 404)
        return render(request, "datahub/systems.html", {
            "page_obj": page, "systems": page.object_list, "links": links,
            "can_write": has_perm(request.user, "datahub.system:write"),
        })


class SystemEditView(PermissionRequiredMixin, View):
    permission = "datahub.system:write"

    def _system(self, request: HttpRequest, pk: int | None) -> ITSystem | None:
        if pk is None:
            return None
        system = get_object_or_404(ITSystem, pk=pk)
        allowed = agencies_with_perm(request.user, "datahub.system:write")
        if allowed is not None and system.agency_id not in allowed:
            raise Http404
        return system

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        system = self._system(request, pk)
        form = SystemForm(instance=system, agencies=_system_agencies(request.user))
        return render(request, "datahub/system_form.html", {"form": form, "system": system})

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        system = self._system(request, pk)
        if system is not None and request.POST.get("action") == "delete":
            registry_services.system_delete(actor=request.user, system=system)
            messages.success(request, gettext("ลบระบบออกจากทะเบียนแล้ว"))
            return redirect("datahub:systems")
        form = SystemForm(request.POST, instance=ITSystem.objects.get(pk=system.pk) if system else None,
                          agencies=_system_agencies(request.user))
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                registry_services.system_save(actor=request.user, system=system, data=data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกระบบแล้ว"))
                return redirect("datahub:systems")
        return render(request, "datahub/system_form.html", {"form": form, "system": system}, status=400)


class LinkCreateView(PermissionRequiredMixin, View):
    permission = "datahub.system:write"

    def _sources(self, request: HttpRequest) -> Any:
        allowed = agencies_with_perm(request.user, "datahub.system:write")
        qs = ITSystem.objects.select_related("agency")
        return qs if allowed is None else qs.filter(agency_id__in=allowed)

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "datahub/link_form.html", {"form": LinkForm(sources=self._sources(request))})

    def post(self, request: HttpRequest) -> HttpResponse:
        if request.POST.get("delete"):
            link = get_object_or_404(IntegrationLink.objects.select_related("source"), pk=request.POST["delete"])
            if link.source not in self._sources(request):
                raise Http404
            registry_services.link_delete(actor=request.user, link=link)
            messages.success(request, gettext("ลบการเชื่อมโยงแล้ว"))
            return redirect("datahub:systems")
        form = LinkForm(request.POST, sources=self._sources(request))
        if form.is_valid():
            try:
                registry_services.link_create(actor=request.user, data=dict(form.cleaned_data))
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกการเชื่อมโยงแล้ว"))
                return redirect("datahub:systems")
        return render(request, "datahub/link_form.html", {"form": form}, status=400)


class DomainListView(PermissionRequiredMixin, View):
    permission = "datahub.domain:write"

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        domain = get_object_or_404(DataDomain, pk=pk) if pk else None
        return render(request, "datahub/domains.html", {"domains": DataDomain.objects.all(),
                                                        "form": DomainForm(instance=domain), "domain": domain})

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        domain = get_object_or_404(DataDomain, pk=pk) if pk else None
        form = DomainForm(request.POST, instance=DataDomain.objects.get(pk=pk) if pk else None)
        if form.is_valid():
            try:
                registry_services.domain_save(actor=request.user, domain=domain, data=dict(form.cleaned_data))
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกด้านข้อมูลแล้ว"))
                return redirect("datahub:domains")
        return render(request, "datahub/domains.html", {"domains": DataDomain.objects.all(), "form": form,
                                                        "domain": domain}, status=400)


class MetadataImportView(PermissionRequiredMixin, View):
    permission = "datahub.dataset:write"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = MetadataImportForm(agencies=selectors.editable_agencies(request.user))
        return render(request, "datahub/import.html", {"form": form})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = MetadataImportForm(request.POST, request.FILES, agencies=selectors.editable_agencies(request.user))
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                path = Path(upload.temporary_file_path()) if hasattr(upload, "temporary_file_path") else None
                if path is None:
                    import tempfile

                    with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as tmp:
                        for chunk in upload.chunks():
                            tmp.write(chunk)
                    path = Path(tmp.name)
                result = metadata_import.import_metadata(actor=request.user, agency=form.cleaned_data["agency"],
                                                         path=path)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, f"นำเข้าเมทาดาตา {len(result['created'])} ชุดข้อมูลแล้ว")
                return redirect("datahub:home")
        return render(request, "datahub/import.html", {"form": form}, status=400)
