"""Public pages: catalog search with facets, dataset and resource pages, downloads, DCAT,
area profiles and the join view."""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views import View

from smartprovince.core.models import Area
from smartprovince.core.permissions import PermissionRequiredMixin, has_perm

from .. import dcat, gdc, profiles, quality, query, selectors
from ..models import Dataset

FACETS = ["organization", "groups", "tags", "res_format", "data_category"]
FACET_LIMIT = 15  # the most frequent values of each facet: the sidebar stays short whatever the number of agencies
PREVIEW_ROWS = 50


class CatalogView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest) -> HttpResponse:
        q = request.GET.get("q", "").strip()[:200]
        filters = {f: request.GET.getlist(f) for f in FACETS if request.GET.getlist(f)}
        sort = request.GET.get("sort", "")
        result = selectors.catalog_search(actor=request.user, q=q, filters=filters, sort=sort, facet_fields=FACETS,
                                          facet_limit=FACET_LIMIT)
        page = Paginator(result.ids, 20).get_page(request.GET.get("page"))
        datasets = result.datasets(list(page.object_list))
        titles = {"organization": gettext("หน่วยงาน"), "groups": gettext("ด้านข้อมูล"), "tags": gettext("คำสำคัญ"),
                  "res_format": gettext("รูปแบบไฟล์"), "data_category": gettext("หมวดหมู่ข้อมูล")}
        labels = _facet_labels(result.facets)
        facet_blocks = [{"field": f, "title": titles[f], "items": [
            {**i, "display_name": labels.get((f, i["name"]), i["display_name"]), "selected": i["name"] in filters.get(f, []),
             "url": _facet_url(request, f, i["name"])}
            for i in result.facets.get(f, [])]} for f in FACETS]
        return render(request, "datahub/catalog.html", {
            "q": q, "page_obj": page, "datasets": datasets, "facets": facet_blocks, "filters": filters, "sort": sort,
        })


def _facet_labels(facets: dict[str, list[dict[str, Any]]]) -> dict[tuple[str, str], Any]:
    """Display names of facet values in the page's language, by (field, value): the GD Catalog
    category through ``gdc_labels``, data domains by their English title on English pages.
    The values (the filter parameters) and the cached facets, which the CKAN API shares, stay Thai."""
    labels: dict[tuple[str, str], Any] = {
        ("data_category", i["name"]): gdc.label(i["name"]) for i in facets.get("data_category", [])}
    if get_language() == "en":
        titles = selectors.domain_titles_en([i["name"] for i in facets.get("groups", [])])
        labels.update({("groups", name): title for name, title in titles.items()})
    return labels


def _facet_url(request: HttpRequest, field: str, value: str) -> str:
    """The current search narrowed by one more facet value, back on page 1."""
    params = request.GET.copy()
    params.pop("page", None)
    params.appendlist(field, value)
    return "?" + params.urlencode()


class DatasetView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest, name: str) -> HttpResponse:
        dataset = selectors.access_dataset(actor=request.user, key=name)
        can_write = has_perm(request.user, "datahub.dataset:write", dataset.agency_id)
        resources = [r for r in dataset.resources.all() if not r.is_deleted]
        return render(request, "datahub/dataset.html", {
            "dataset": dataset, "resources": resources, "can_write": can_write,
            "quality": quality.assess(dataset, timezone.localdate()),
            "tags": sorted(t.name for t in dataset.tags.all()),
        })


def _chart(columns: list[Any], rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    numeric = [c for c in columns if c.type in ("integer", "decimal") and not c.standard_key][:4]
    if not numeric or not rows:
        return None
    label_col = next((c for c in columns if c.standard_key == "area_code"), None) or next(
        (c for c in columns if c.type == "text"), None)
    x = [str(r.get(label_col.name)) if label_col else str(r["_id"]) for r in rows]
    data = [{"type": "bar", "name": c.label or c.name, "x": x, "y": [float(r[c.name]) if r.get(c.name) is not None
                                                                        else None for r in rows]} for c in numeric]
    return {"data": data, "layout": {"barmode": "group", "height": 380, "legend": {"orientation": "h"}}}


class ResourceView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest, name: str, resource_id: str) -> HttpResponse:
        dataset = selectors.access_dataset(actor=request.user, key=name)
        resource = selectors.access_resource(actor=request.user, resource_id=resource_id)
        if resource.dataset_id != dataset.pk:
            raise Http404
        ctx: dict[str, Any] = {"dataset": dataset, "resource": resource}
        if resource.datastore_active and resource.datastore_table:
            columns = selectors.columns_of(resource)
            try:
                page = max(1, int(request.GET.get("page", "1")))
            except ValueError:
                page = 1
            q = request.GET.get("q", "").strip()[:200]
            params: dict[str, Any] = {"limit": PREVIEW_ROWS, "offset": (page - 1) * PREVIEW_ROWS}
            if q:
                params["q"] = q
            try:
                result = query.search(resource, columns, params)
            except query.ValidationError as exc:
                result = {"records": [], "total": 0}
                ctx["query_error"] = "; ".join(exc.messages)
            total = result.get("total", 0)
            ctx.update({
                "columns": columns, "records": [[r.get(c.name) for c in columns] for r in result["records"]],
                "total": total, "page": page, "q": q,
                "has_next": page * PREVIEW_ROWS < total, "has_prev": page > 1,
                "pages": (total + PREVIEW_ROWS - 1) // PREVIEW_ROWS, "figure": _chart(columns, result["records"]),
            })
        return render(request, "datahub/resource.html", ctx)


class ResourceFileView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest, resource_id: str, filename: str) -> HttpResponseBase:
        resource = selectors.access_resource(actor=request.user, resource_id=resource_id)
        if not resource.file:
            raise Http404
        return FileResponse(resource.file.open("rb"), as_attachment=True, filename=resource.file.name.rsplit("/", 1)[-1])


class _Echo:
    def write(self, value: str) -> str:
        return value


class DownloadView(PermissionRequiredMixin, View):
    """Streams the whole table as CSV (formulas neutralised), JSON or XLSX."""

    public = True

    def get(self, request: HttpRequest, resource_id: str, fmt: str) -> HttpResponseBase:
        resource = selectors.access_resource(actor=request.user, resource_id=resource_id)
        if not resource.datastore_active or not resource.datastore_table:
            raise Http404
        columns = selectors.columns_of(resource)
        names = [c.name for c in columns]
        base = (resource.dataset.name + "-" + str(resource.pk)[:8])
        response: HttpResponseBase
        if fmt == "csv":
            writer = csv.writer(_Echo())

            def lines() -> Iterator[str]:
                yield "\ufeff" + writer.writerow(names)
                for row in query.iter_rows(resource, columns):
                    yield writer.writerow([query.neutralize(v) if isinstance(v, str) else v for v in row])

            response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        elif fmt == "json":
            def chunks() -> Iterator[str]:
                yield '{"fields": ' + json.dumps([{"id": n} for n in names], ensure_ascii=False) + ', "records": ['
                first = True
                for row in query.iter_rows(resource, columns):
                    item = json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False, default=str)
                    yield item if first else "," + item
                    first = False
                yield "]}"

            response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
        elif fmt == "xlsx":
            from openpyxl import Workbook

            from smartprovince.core.xlsx import XLSX_CONTENT_TYPE, neutralize

            wb = Workbook(write_only=True)
            ws = wb.create_sheet(title="ข้อมูล")
            ws.append([c.label or c.name for c in columns])
            for i, row in enumerate(query.iter_rows(resource, columns)):
                if i >= 1_048_000:
                    break
                ws.append([neutralize(v) for v in row])
            tmp = tempfile.TemporaryFile()  # noqa: SIM115 - handed to FileResponse, which closes it
            wb.save(tmp)
            tmp.seek(0)
            response = FileResponse(tmp, content_type=XLSX_CONTENT_TYPE)
        else:
            raise Http404
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(base)}.{fmt}"
        return response


class DcatCatalogView(PermissionRequiredMixin, View):
    public = True
    per_page = 100

    def get(self, request: HttpRequest, fmt: str) -> HttpResponse:
        qs = Dataset.objects.filter(is_deleted=False, is_private=False).order_by("-updated_at", "pk")
        total = qs.count()
        try:
            page = max(1, int(request.GET.get("page", "1")))
        except ValueError:
            page = 1
        ids = list(qs.values_list("pk", flat=True)[(page - 1) * self.per_page: page * self.per_page])
        if page > 1 and not ids:
            raise Http404
        by_id = {d.pk: d for d in selectors.dataset_base().filter(pk__in=ids)}
        base = request.build_absolute_uri("/").rstrip("/")
        graph = dcat.catalog_graph(base, [by_id[i] for i in ids], page=page, per_page=self.per_page, total=total,
                                   path=f"/catalog.{fmt}")
        body, content_type = dcat.serialize(graph, fmt)
        return HttpResponse(body, content_type=content_type)


class DcatDatasetView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest, name: str, fmt: str) -> HttpResponse:
        dataset = selectors.access_dataset(actor=request.user, key=name)
        base = request.build_absolute_uri("/").rstrip("/")
        body, content_type = dcat.serialize(dcat.dataset_graph(base, dataset), fmt)
        return HttpResponse(body, content_type=content_type)


class AreaProfileView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        area = get_object_or_404(Area.objects.select_related("parent"), code=code)
        blocks = profiles.area_profile(area, actor=request.user)
        children = Area.objects.filter(parent=area).order_by("name_th")
        return render(request, "datahub/area.html", {"area": area, "blocks": blocks, "children": children,
                                                      "agencies": len({b["agency"].pk for b in blocks})})


class AreaIndexView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request, "datahub/area_index.html",
            {"province": Area.objects.filter(level="province").first(),
             "districts": Area.objects.filter(level="district").order_by("name_th")},
        )


class JoinView(PermissionRequiredMixin, View):
    public = True

    def get(self, request: HttpRequest) -> HttpResponse:
        resources = profiles.keyed_resources(actor=request.user)
        ctx: dict[str, Any] = {"resources": resources, "left_id": request.GET.get("left", ""),
                               "right_id": request.GET.get("right", "")}
        by_id = {str(r.pk): r for r in resources}
        left, right = by_id.get(ctx["left_id"]), by_id.get(ctx["right_id"])
        if ctx["left_id"] and ctx["right_id"]:
            if left is None or right is None:
                ctx["error"] = "ไม่พบทรัพยากรที่เลือก หรือทรัพยากรยังไม่ได้จับคู่คอลัมน์รหัสพื้นที่"
            else:
                ctx.update({"left": left, "right": right, "joined": profiles.join(left, right)})
        return render(request, "datahub/join.html", ctx)

