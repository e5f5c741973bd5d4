"""Skill frameworks and the literacy policy (province admin edits; every role reads)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views import View

from smartprovince.core.audit import audit_events_for
from smartprovince.core.forms import apply_validation_error
from smartprovince.core.permissions import PermissionRequiredMixin

from .. import metrics, selectors, services
from ..forms import AreaForm, NewVersionForm, PolicyForm
from ..models import SkillArea, SkillFramework


class FrameworkListView(PermissionRequiredMixin, View):
    permission = "training.course:read"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "training/framework_list.html", {
            "frameworks": selectors.framework_list(), "policy": services.policy_get(),
            "literate_rule": metrics.LITERATE_RULE_TH,
        })


class FrameworkDetailView(PermissionRequiredMixin, View):
    permission = "training.course:read"
    write_permission = "training.framework:write"

    def _get(self, pk: int) -> SkillFramework:
        fw = SkillFramework.objects.filter(pk=pk).first()
        if fw is None:
            raise Http404
        return fw

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        fw = self._get(pk)
        return render(request, "training/framework_detail.html", {
            "framework": fw, "areas": fw.areas.all(), "area_form": AreaForm(), "version_form": NewVersionForm(),
            "events": audit_events_for(fw)[:20],
        })

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Make a new version (``version``) or toggle ``is_active``."""
        fw = self._get(pk)
        if "version" in request.POST:
            form = NewVersionForm(request.POST)
            if form.is_valid():
                try:
                    copy = services.framework_new_version(actor=request.user, framework=fw, version=form.cleaned_data["version"])
                except ValidationError as exc:
                    messages.error(request, " ".join(exc.messages))
                else:
                    messages.success(request, gettext("สร้างฉบับ %(version)s แล้ว") % {"version": copy.version})
                    return redirect("training:framework-detail", pk=copy.pk)
        elif "toggle_active" in request.POST:
            services.framework_update(actor=request.user, framework=fw, is_active=not fw.is_active)
            messages.success(request, gettext("บันทึกแล้ว"))
        return redirect("training:framework-detail", pk=fw.pk)


class FrameworkAreaView(PermissionRequiredMixin, View):
    permission = "training.framework:write"

    def get(self, request: HttpRequest, pk: int, area_id: int | None = None) -> HttpResponse:
        fw = SkillFramework.objects.filter(pk=pk).first()
        area = SkillArea.objects.filter(pk=area_id, framework=fw).first() if area_id else None
        if fw is None or (area_id and area is None):
            raise Http404
        return render(request, "training/area_form.html", {"framework": fw, "area": area, "form": AreaForm(instance=area)})

    def post(self, request: HttpRequest, pk: int, area_id: int | None = None) -> HttpResponse:
        fw = SkillFramework.objects.filter(pk=pk).first()
        area = SkillArea.objects.filter(pk=area_id, framework=fw).first() if area_id else None
        if fw is None or (area_id and area is None):
            raise Http404
        form = AreaForm(request.POST, instance=SkillArea.objects.filter(pk=area_id).first() if area_id else None)
        if form.is_valid():
            try:
                services.area_save(actor=request.user, framework=fw, area=area, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, gettext("บันทึกด้านทักษะแล้ว"))
                return redirect("training:framework-detail", pk=fw.pk)
        return render(request, "training/area_form.html", {"framework": fw, "area": area, "form": form}, status=400)


class PolicyUpdateView(PermissionRequiredMixin, View):
    permission = "training.framework:write"

    def get(self, request: HttpRequest) -> HttpResponse:
        p = services.policy_get()
        bounds = list(p.level_bounds or [40, 60, 75, 90])
        form = PolicyForm(initial={"min_level": p.min_level, "course_counts": p.course_counts,
                                   **{f"bound_{i + 2}": b for i, b in enumerate(bounds)}})
        return render(request, "training/policy_form.html", {"form": form, "policy": p, "events": audit_events_for(p)[:20]})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = PolicyForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.policy_update(actor=request.user, min_level=d["min_level"], course_counts=d["course_counts"],
                                       level_bounds=[float(d[f"bound_{i}"]) for i in range(2, 6)])
            except ValidationError as exc:
                apply_validation_error(form, exc, field_map={"level_bounds": "__all__"})
            else:
                messages.success(request, gettext("บันทึกเกณฑ์แล้ว"))
                return redirect("training:frameworks")
        return render(request, "training/policy_form.html", {"form": form, "policy": services.policy_get()}, status=400)
