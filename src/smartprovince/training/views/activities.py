"""Public digital-literacy activities (back office)."""

from __future__ import annotations

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

from .. import selectors, services
from ..forms import ActivityForm, AgencyChoiceForm, PhotoForm
from .home import year_from


class ActivityListView(PermissionRequiredMixin, View):
    permission = "training.activity:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        year = year_from(request)
        qs = selectors.activity_list(public=False, actor=request.user, year_be=year)
        page = Paginator(qs, 30).get_page(request.GET.get("page"))
        from django.db.models import Sum

        total = qs.aggregate(n=Sum("participants"))["n"] or 0
        return render(request, "training/activity_list.html", {"page_obj": page, "activities": page.object_list,
                      "year": year, "count": qs.count(), "participants": total,
                      "can_write": has_perm(request.user, "training.activity:write")})


class ActivityCreateView(PermissionRequiredMixin, View):
    permission = "training.activity:write"

    def _agency_form(self, request: HttpRequest) -> AgencyChoiceForm:
        return AgencyChoiceForm(request.POST or None, agencies=editor_agencies(user=request.user, permission=self.permission).order_by("name_th"))

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "training/activity_form.html", {"form": ActivityForm(), "agency_form": self._agency_form(request)})

    def post(self, request: HttpRequest) -> HttpResponse:
        form, agency_form = ActivityForm(request.POST), self._agency_form(request)
        if form.is_valid() and agency_form.is_valid():
            try:
                activity = services.activity_create(actor=request.user, agency=agency_form.cleaned_data["agency"], **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกกิจกรรมแล้ว"))
                return redirect("training:activity-detail", pk=activity.pk)
        return render(request, "training/activity_form.html", {"form": form, "agency_form": agency_form}, status=400)


class ActivityUpdateView(PermissionRequiredMixin, View):
    permission = "training.activity:write"

    def _get(self, request: HttpRequest, pk: int):  # type: ignore[no-untyped-def]
        activity = selectors.access_activity(actor=request.user, id=pk)
        if not has_perm(request.user, self.permission, activity.agency_id):
            raise Http404
        return activity

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        activity = self._get(request, pk)
        return render(request, "training/activity_form.html", {"form": ActivityForm(instance=activity), "activity": activity})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        activity = self._get(request, pk)
        form = ActivityForm(request.POST, instance=self._get(request, pk))
        if form.is_valid():
            try:
                services.activity_update(actor=request.user, activity=activity, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกการแก้ไขแล้ว"))
                return redirect("training:activity-detail", pk=activity.pk)
        return render(request, "training/activity_form.html", {"form": form, "activity": activity}, status=400)


class ActivityDetailView(PermissionRequiredMixin, View):
    permission = "training.activity:read"
    write_permission = "training.activity:write"

    def get(self, request: HttpRequest, pk: int, photo_form: PhotoForm | None = None) -> HttpResponse:
        activity = selectors.access_activity(actor=request.user, id=pk)
        can_write = has_perm(request.user, self.write_permission, activity.agency_id)
        return render(request, "training/activity_detail.html", {
            "activity": activity, "can_write": can_write, "photo_form": photo_form or PhotoForm(),
            "events": audit_events_for(activity)[:20],
        }, status=400 if photo_form else 200)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Add a photo (or remove one with ``remove=<id>``)."""
        activity = selectors.access_activity(actor=request.user, id=pk)
        if not has_perm(request.user, self.write_permission, activity.agency_id):
            raise Http404
        if request.POST.get("remove"):
            photo = activity.photos.filter(pk=request.POST["remove"]).first()
            if photo is None:
                raise Http404
            services.activity_photo_remove(actor=request.user, photo=photo)
            messages.success(request, gettext("ลบภาพแล้ว"))
            return redirect("training:activity-detail", pk=pk)
        form = PhotoForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.activity_photo_add(actor=request.user, activity=activity, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("เพิ่มภาพแล้ว"))
                return redirect("training:activity-detail", pk=pk)
        return self.get(request, pk, photo_form=form)
