"""Back-office pages for the service and channel registry."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views import View

from smartprovince.core.agency_picker import agency_pick
from smartprovince.core.audit import audit_events_for
from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin, has_perm

from .. import selectors, services
from ..choices import ChannelType, DigitalLevel, ServiceCategory
from ..forms import ChannelForm, EServiceForm
from ..models import Channel, EService, UsageStat

PAGE_SIZE = 50


def _service_title(service: EService) -> str:
    return gettext("แก้ไขงานบริการ: %(name)s") % {"name": service.name_th}


def _channel_title(channel: Channel) -> str:
    return gettext("แก้ไขช่องทาง: %(name)s") % {"name": channel}


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


class ServiceListView(PermissionRequiredMixin, View):
    permission = "eservices.service:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        q = request.GET.get("q", "").strip()[:100]
        # Links carry the agency's id (?agency=12); people type a code or a name.
        picker = agency_pick(request, name="agency", permission="eservices.service:read", allow_pk=True,
                             blank_label=gettext("ทั้งหมด"))
        category = request.GET.get("category", "")
        level = _int(request.GET.get("level"))
        qs = picker.restrict(selectors.eservice_list(
            actor=request.user, search=q, agency_id=picker.agency_id, category=category, level=level,
        ))
        page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request, "eservices/service_list.html",
            {
                "page_obj": page, "services": selectors.eservice_channel_counts(page.object_list), "q": q,
                "agency_picker": picker, "category": category, "level": level,
                "categories": ServiceCategory.choices, "levels": DigitalLevel.choices,
            },
        )


class ServiceCreateView(PermissionRequiredMixin, View):
    permission = "eservices.service:write"

    def _agencies(self, request: HttpRequest) -> Any:
        return selectors.writable_agencies(actor=request.user, permission="eservices.service:write")

    def get(self, request: HttpRequest) -> HttpResponse:
        agencies = self._agencies(request)
        initial = {"agency": agencies.first()} if agencies.count() == 1 else {}
        form = EServiceForm(agencies=agencies, initial=initial)
        return render(request, "eservices/form.html", {"form": form, "title": gettext("เพิ่มงานบริการ")})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = EServiceForm(request.POST, agencies=self._agencies(request))
        if form.is_valid():
            data = dict(form.cleaned_data)
            agency = data.pop("agency")
            try:
                service = services.eservice_create(actor=request.user, agency=agency, **data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("เพิ่มงานบริการ “%(name)s” แล้ว (รหัส %(code)s)") % {
                    "name": service.name_th, "code": service.code,
                })
                return redirect("eservices:service-detail", pk=service.pk)
        return render(request, "eservices/form.html", {"form": form, "title": gettext("เพิ่มงานบริการ")}, status=400)


class ServiceUpdateView(PermissionRequiredMixin, View):
    permission = "eservices.service:write"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        service = selectors.access_eservice(actor=request.user, pk=pk, write=True)
        return render(
            request, "eservices/form.html",
            {"form": EServiceForm(instance=service), "title": _service_title(service), "back": service},
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        service = selectors.access_eservice(actor=request.user, pk=pk, write=True)
        form = EServiceForm(request.POST, instance=EService.objects.get(pk=service.pk))
        if form.is_valid():
            try:
                services.eservice_update(actor=request.user, service=service, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกการแก้ไขแล้ว"))
                return redirect("eservices:service-detail", pk=service.pk)
        return render(
            request, "eservices/form.html", {"form": form, "title": _service_title(service), "back": service},
            status=400,
        )


class ServiceDetailView(PermissionRequiredMixin, View):
    permission = "eservices.service:read"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        service = selectors.access_eservice(actor=request.user, pk=pk)
        own, agency_channels = selectors.channels_for_service(service, active_only=False)
        usage = list(UsageStat.objects.filter(service=service).order_by("-month", "channel_type")[:36])
        ctx: dict[str, Any] = {
            "service": service, "own_channels": own, "agency_channels": agency_channels, "usage": usage,
            "surveys": service.surveys.all(), "events": audit_events_for(service)[:50],
            "can_write": has_perm(request.user, "eservices.service:write", service.agency_id),
        }
        return render(request, "eservices/service_detail.html", ctx)


class ChannelListView(PermissionRequiredMixin, View):
    permission = "eservices.service:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        # Links carry the agency's id (?agency=12, the coverage table); people type a code or a name.
        picker = agency_pick(request, name="agency", permission="eservices.service:read", allow_pk=True,
                             blank_label=gettext("ทั้งหมด"))
        digital = {"1": True, "0": False}.get(request.GET.get("digital", ""))
        qs = picker.restrict(selectors.channel_list(actor=request.user, agency_id=picker.agency_id, digital=digital))
        page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request, "eservices/channel_list.html",
            {"page_obj": page, "channels": page.object_list, "agency_picker": picker, "digital": request.GET.get("digital", "")},
        )


class ChannelCreateView(PermissionRequiredMixin, View):
    permission = "eservices.service:write"

    def _agencies(self, request: HttpRequest) -> Any:
        return selectors.writable_agencies(actor=request.user, permission="eservices.service:write")

    def get(self, request: HttpRequest) -> HttpResponse:
        agencies = self._agencies(request)
        initial: dict[str, Any] = {"channel_type": ChannelType.WEBSITE}
        service_id = _int(request.GET.get("service"))
        if service_id:
            service = selectors.access_eservice(actor=request.user, pk=service_id, write=True)
            initial.update(service=service, agency=service.agency)
        elif agencies.count() == 1:
            initial["agency"] = agencies.first()
        form = ChannelForm(agencies=agencies, initial=initial)
        return render(request, "eservices/form.html", {"form": form, "title": gettext("เพิ่มช่องทางการให้บริการ")})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ChannelForm(request.POST, agencies=self._agencies(request))
        if form.is_valid():
            data = dict(form.cleaned_data)
            agency = data.pop("agency")
            try:
                channel = services.channel_create(actor=request.user, agency=agency, **data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("เพิ่มช่องทาง “%(name)s” แล้ว") % {"name": channel})
                if channel.service_id:
                    return redirect("eservices:service-detail", pk=channel.service_id)
                return redirect(f"{_reverse('eservices:channel-list')}?agency={channel.agency_id}")
        return render(request, "eservices/form.html", {"form": form, "title": gettext("เพิ่มช่องทางการให้บริการ")}, status=400)


class ChannelUpdateView(PermissionRequiredMixin, View):
    permission = "eservices.service:write"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        channel = selectors.access_channel(actor=request.user, pk=pk, write=True)
        return render(
            request, "eservices/form.html",
            {"form": ChannelForm(instance=channel), "title": _channel_title(channel), "events": audit_events_for(channel)[:20]},
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        channel = selectors.access_channel(actor=request.user, pk=pk, write=True)
        form = ChannelForm(request.POST, instance=Channel.objects.get(pk=channel.pk))
        if form.is_valid():
            try:
                channel = services.channel_update(actor=request.user, channel=channel, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกการแก้ไขแล้ว"))
                if channel.service_id:
                    return redirect("eservices:service-detail", pk=channel.service_id)
                return redirect(f"{_reverse('eservices:channel-list')}?agency={channel.agency_id}")
        return render(request, "eservices/form.html", {"form": form, "title": _channel_title(channel)}, status=400)


def _reverse(name: str) -> str:
    from django.urls import reverse

    return reverse(name)
