"""Reads for the data hub: visibility rules, catalog search, facets."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, overload

from django.db import connection, models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from smartprovince.core import dataversion
from smartprovince.core.permissions import agencies_with_perm, has_perm

from .models import Column, DataDomain, Dataset, ITSystem, Resource, Tag
from .search import tokens

READ = "datahub.dataset:read"
WRITE = "datahub.dataset:write"


def visible_q(user: Any) -> Q:
    """Public datasets, plus private ones of the agencies where the user may read."""
    allowed = agencies_with_perm(user, READ)
    if allowed is None:
        return Q(is_deleted=False)
    return Q(is_deleted=False) & (Q(is_private=False) | Q(agency_id__in=allowed))


def dataset_base() -> QuerySet[Dataset]:
    return Dataset.objects.select_related("agency").prefetch_related(
        "tags", "domains", Prefetch("resources", queryset=Resource.objects.filter(is_deleted=False))
    )


def _lookup(key: str) -> Q:
    try:
        return Q(pk=uuid.UUID(str(key)))
    except ValueError:
        return Q(name=key)


def access_dataset(*, actor: Any, key: str, write: bool = False) -> Dataset:
    """Fetch a dataset the actor may see (404 otherwise); with ``write`` also require the write
    grant for its agency (403 when the dataset is visible but not the actor's)."""
    dataset = dataset_base().filter(visible_q(actor) & _lookup(key)).first()
    if dataset is None:
        raise Http404
    if write and not has_perm(actor, WRITE, dataset.agency_id):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(WRITE)
    return dataset


def access_resource(*, actor: Any, resource_id: Any, write: bool = False) -> Resource:
    try:
        pk = uuid.UUID(str(resource_id))
    except ValueError:
        raise Http404 from None
    allowed = agencies_with_perm(actor, READ)
    visible = Q(dataset__is_deleted=False)
    if allowed is not None:
        visible &= Q(dataset__is_private=False) | Q(dataset__agency_id__in=allowed)
    resource = Resource.objects.select_related("dataset__agency").filter(visible, pk=pk, is_deleted=False).first()
    if resource is None:
        raise Http404
    if write and not has_perm(actor, WRITE, resource.dataset.agency_id):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(WRITE)
    return resource


def datastore_resource(*, actor: Any, resource_id: Any) -> tuple[Resource, list[Column]]:
    """A loaded resource the actor may read and its columns, for datastore reads (a hot path:
    two plain statements instead of ORM querysets, whose SQL compilation costs more than running
    them). Http404 when not visible or not loaded."""
    try:
        pk = uuid.UUID(str(resource_id))
    except ValueError:
        raise Http404 from None
    db_pk = Resource._meta.pk.get_db_prep_value(pk, connection)  # type: ignore[union-attr]
    r, d, c = Resource._meta.db_table, Dataset._meta.db_table, Column._meta.db_table
    with connection.cursor() as cur:  # one round trip: a row per column (one with NULLs when none)
        cur.execute(
            f"SELECT r.dataset_id, r.datastore_table, r.datastore_rows, d.agency_id, d.is_private, "  # noqa: S608 - model table names
            f"c.id, c.position, c.name, c.physical, c.type, c.label, c.description, c.standard_key "
            f"FROM {r} r JOIN {d} d ON d.id = r.dataset_id LEFT JOIN {c} c ON c.resource_id = r.id "
            f"WHERE r.id = %s AND NOT r.is_deleted AND NOT d.is_deleted AND r.datastore_active "
            f"AND r.datastore_table <> '' ORDER BY c.position",
            [db_pk])
        rows_ = cur.fetchall()
    if not rows_:
        raise Http404
    dataset_id, table, rows, agency_id, private = rows_[0][:5]
    if private:
        allowed = agencies_with_perm(actor, READ)
        if allowed is not None and agency_id not in allowed:
            raise Http404
    column_rows = [x[5:] for x in rows_ if x[5] is not None]
    resource = Resource(id=pk, dataset_id=dataset_id, datastore_table=table, datastore_rows=rows, datastore_active=True)
    columns = [Column(id=i, resource_id=pk, position=pos, name=n, physical=ph, type=t, label=lab, description=desc,
                      standard_key=key) for i, pos, n, ph, t, lab, desc, key in column_rows]
    return resource, columns


def columns_of(resource: Resource) -> list[Column]:
    return list(Column.objects.filter(resource=resource).order_by("position"))


FACET_FIELDS = {
    "organization": ("agency__code", "หน่วยงาน"),
    "groups": ("domains__name", "ด้านข้อมูล"),
    "tags": ("tags__name", "คำสำคัญ"),
    "res_format": ("resources__format", "รูปแบบไฟล์"),
    "data_category": ("data_category", "หมวดหมู่ข้อมูล"),
    "data_type": ("data_type", "ประเภทชุดข้อมูล"),
}


SORTS = {
    "title_string asc": ("title",), "title_string desc": ("-title",), "metadata_modified desc": ("-updated_at",),
    "metadata_modified asc": ("updated_at",), "metadata_created desc": ("-created_at",), "name asc": ("name",),
}
DEFAULT_SORT = ("-updated_at",)


def _ordering(sort: str) -> tuple[str, ...]:
    return SORTS.get(sort.strip().lower() if sort else "", DEFAULT_SORT)


def _normal_filters(filters: dict[str, list[str]] | None) -> dict[str, list[str]]:
    """Known facet fields with their values (organization codes upper-cased); the values of a field
    are ORed, so their order and repeats do not matter and are dropped (one cache key per meaning)."""
    result: dict[str, list[str]] = {}
    for field, values in sorted((filters or {}).items()):
        if field not in FACET_FIELDS or not values:
            continue
        if field == "organization":
            values = [v.upper() for v in values]
        result[field] = sorted(set(values))
    return result


def _search(visible: Q, words: list[str], filters: dict[str, list[str]], ordering: tuple[str, ...]) -> QuerySet[Dataset]:
    qs = Dataset.objects.filter(visible)
    for word in words:
        qs = qs.filter(search_text__icontains=word)
    for field, values in filters.items():
        path = FACET_FIELDS[field][0]
        # a subquery, not a join: a dataset with two matching tags is still one row, so the page and
        # its count need no DISTINCT over every column
        qs = qs.filter(pk__in=Dataset.objects.filter(**{f"{path}__in": values}).values("pk"))
    return qs.order_by(*ordering, "pk")


def dataset_search(
    *, actor: Any, q: str = "", filters: dict[str, list[str]] | None = None, sort: str = "", include_private: bool = True
) -> QuerySet[Dataset]:
    """Catalog search: every Thai-segmented word of ``q`` must appear; filters are ANDed across
    fields and ORed within a field. Uncached: pages use :func:`catalog_search`."""
    visible = visible_q(actor) if include_private else Q(is_deleted=False, is_private=False)
    return _search(visible, tokens(q), _normal_filters(filters), _ordering(sort))


_MANY: dict[str, tuple[type[models.Model], str, str]] = {
    "groups": (DataDomain, "datasets", "name"), "tags": (Tag, "datasets", "name"), "res_format": (Resource, "dataset", "format"),
}


def facets(qs: QuerySet[Dataset], fields: list[str], *, limit: int = 50) -> dict[str, list[dict[str, Any]]]:
    """``{field: [{name, display_name, count}]}`` for the datasets in ``qs`` (one query per field)."""
    from smartprovince.agencies.models import Agency

    ids = qs.order_by().values("pk")
    result: dict[str, list[dict[str, Any]]] = {}
    for field in fields:
        if field not in FACET_FIELDS:
            continue
        path = FACET_FIELDS[field][0]
        counted = Dataset.objects.filter(pk__in=ids)
        if field in _MANY:
            # the datasets ``exclude(path__isnull=True).exclude(path="")`` keeps on a multi-valued relation
            # (none without a value, none with a "" value), as a join and an anti-join: the NOT IN subqueries
            # those excludes compile to made PostgreSQL loop over every dataset for every match
            model, link, attr = _MANY[field]
            counted = counted.filter(**{f"{path}__isnull": False}).exclude(
                Exists(model._default_manager.filter(**{link: OuterRef("pk"), attr: ""})))
        else:
            counted = counted.exclude(**{f"{path}__isnull": True}).exclude(**{path: ""})
        rows = counted.values(path).annotate(n=Count("pk", distinct=True)).order_by("-n", path)[:limit]
        items = [{"name": r[path], "display_name": r[path], "count": r["n"]} for r in rows]
        if field == "organization":
            names = dict(Agency.objects.filter(code__in=[i["name"] for i in items]).values_list("code", "name_th"))
            for item in items:
                item["display_name"] = names.get(item["name"], item["name"])
                item["name"] = item["name"].lower()
        if field == "groups":
            titles = dict(DataDomain.objects.values_list("name", "title_th"))
            for item in items:
                item["display_name"] = titles.get(item["name"], item["name"])
        result[field] = items
    return result


# ------------------------------------------------------------------------ cached catalog search
# The result list of a catalog search, its count and its facet counts are aggregates over every
# matching dataset: their cost grows with the catalog. They only change when the data hub or the
# agencies are written (every such write is audited, which moves their data version), so they are
# cached under that version (``core.dataversion``): a search on unchanged data costs the version
# query, its cache reads and the query for its own page of datasets, whatever the size of the catalog.

CATALOG_APPS = ("datahub", "agencies")
CATALOG_FORMAT = 1  # bump when what is cached changes shape (a shared cache may hold older entries)
CATALOG_TIMEOUT = 6 * 3600


class DatasetIds:
    """The ordered ids of a search result, packed 16 bytes an id (a compact cache entry even for the
    whole catalog); ``len`` and slicing are all a paginator needs."""

    def __init__(self, packed: bytes) -> None:
        self.packed = packed

    @classmethod
    def of(cls, ids: list[uuid.UUID]) -> DatasetIds:
        return cls(b"".join(i.bytes for i in ids))

    def __len__(self) -> int:
        return len(self.packed) // 16

    def _at(self, i: int) -> uuid.UUID:
        return uuid.UUID(bytes=self.packed[i * 16: i * 16 + 16])

    @overload
    def __getitem__(self, index: int) -> uuid.UUID: ...

    @overload
    def __getitem__(self, index: slice) -> list[uuid.UUID]: ...

    def __getitem__(self, index: int | slice) -> uuid.UUID | list[uuid.UUID]:
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        return self._at(index % len(self))

    def __iter__(self) -> Iterator[uuid.UUID]:
        return (self._at(i) for i in range(len(self)))


@dataclass(frozen=True)
class CatalogResult:
    ids: DatasetIds
    facets: dict[str, list[dict[str, Any]]]
    audience: str

    @property
    def count(self) -> int:
        return len(self.ids)

    def datasets(self, ids: list[uuid.UUID]) -> list[Dataset]:
        """The datasets of one page (``ids`` sliced from ``self.ids``), in result order, with what a
        result card shows (4 queries whatever the page)."""
        by_id = {d.pk: d for d in dataset_base().filter(_audience_q(self.audience), pk__in=ids)}
        return [by_id[i] for i in ids if i in by_id]


def _audience(actor: Any, include_private: bool) -> str:
    """Which datasets a search may see, as part of the cache key: ``public``, ``all`` (province-wide
    readers) or ``agencies:<ids>`` (public ones plus the private ones of those agencies)."""
    if not include_private:
        return "public"
    allowed = agencies_with_perm(actor, READ)
    if allowed is None:
        return "all"
    if not allowed:
        return "public"
    return "agencies:" + ",".join(str(i) for i in sorted(allowed))


def _audience_q(audience: str) -> Q:
    if audience == "all":
        return Q(is_deleted=False)
    if audience == "public":
        return Q(is_deleted=False, is_private=False)
    allowed = [int(i) for i in audience.removeprefix("agencies:").split(",")]
    return Q(is_deleted=False) & (Q(is_private=False) | Q(agency_id__in=allowed))


def _key(kind: str, version: str, parts: Any) -> str:
    digest = hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:32]
    return f"datahub:catalog:{CATALOG_FORMAT}:{version}:{kind}:{digest}"


def catalog_search(
    *, actor: Any, q: str = "", filters: dict[str, list[str]] | None = None, sort: str = "",
    include_private: bool = True, facet_fields: list[str] | tuple[str, ...] = (), facet_limit: int = 50,
) -> CatalogResult:
    """:func:`dataset_search` with its facets (:func:`facets`), cached per data version of the data
    hub and the agencies and per normalised query: the words of ``q``, the filters, the sort, and
    who is asking as far as it changes what is visible (public only, everything, or the set of
    agencies whose private datasets the actor may read), so no user sees another's private counts."""
    audience = _audience(actor, include_private)
    words, normal, ordering = sorted(tokens(q)), _normal_filters(filters), _ordering(sort)  # words are ANDed
    fields = [f for f in facet_fields if f in FACET_FIELDS]
    version = dataversion.current(*CATALOG_APPS)
    query = {"audience": audience, "words": words, "filters": normal}
    ids_key = _key("ids", version, {**query, "ordering": ordering})
    facets_key = _key("facets", version, {**query, "fields": fields, "limit": facet_limit})
    packed: bytes = dataversion.cached(ids_key, lambda: DatasetIds.of(list(
        _search(_audience_q(audience), words, normal, ordering).values_list("pk", flat=True))).packed,
        timeout=CATALOG_TIMEOUT)
    facet_values = dataversion.cached(facets_key, lambda: facets(
        _search(_audience_q(audience), words, normal, ordering), fields, limit=facet_limit),
        timeout=CATALOG_TIMEOUT) if fields else {}
    return CatalogResult(ids=DatasetIds(packed), facets=facet_values, audience=audience)


def domain_titles_en(names: list[str]) -> dict[str, str]:
    """``{name: English title}`` of the named domains that have one (the catalog's facets on English
    pages; the cached facets and the CKAN API keep the Thai titles)."""
    if not names:
        return {}
    return dict(DataDomain.objects.filter(name__in=names).exclude(title_en="").values_list("name", "title_en"))


def domain_list() -> QuerySet[DataDomain]:
    return DataDomain.objects.filter(is_active=True).annotate(
        n_datasets=Count("datasets", filter=Q(datasets__is_deleted=False, datasets__is_private=False))
    )


def tag_list(query: str = "") -> QuerySet[Tag]:
    qs = Tag.objects.filter(datasets__is_deleted=False, datasets__is_private=False).distinct()
    if query:
        qs = qs.filter(name__icontains=query)
    return qs.order_by("name")


def system_list(*, actor: Any, agency_id: int | None = None) -> QuerySet[ITSystem]:
    qs = ITSystem.objects.select_related("agency").annotate(
        n_out=Count("links_out", filter=Q(links_out__is_active=True), distinct=True),
        n_in=Count("links_in", filter=Q(links_in__is_active=True), distinct=True),
    )
    if agency_id:
        qs = qs.filter(agency_id=agency_id)
    return qs.order_by("agency__name_th", "name")


def editable_agencies(user: Any) -> QuerySet[Any]:
    from smartprovince.agencies.selectors import editor_agencies

    return editor_agencies(user=user, permission=WRITE)
