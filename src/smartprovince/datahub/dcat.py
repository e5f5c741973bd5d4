"""DCAT-AP shaped RDF of the public catalog and its datasets (rdflib): JSON-LD and Turtle."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from .ckan.dicts import resource_url
from .models import Dataset

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
MEDIA = "https://www.iana.org/assignments/media-types/"
FREQUENCY = {
    "ปี": "ANNUAL", "ครึ่งปี": "ANNUAL_2", "ไตรมาส": "QUARTERLY", "เดือน": "MONTHLY", "สัปดาห์": "WEEKLY",
    "วัน": "DAILY", "วันทำการ": "DAILY", "ชั่วโมง": "HOURLY", "ตามเวลาจริง": "CONT", "ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล": "NEVER",
}
MEDIA_TYPES = {"CSV": "text/csv", "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "JSON": "application/json", "PDF": "application/pdf", "XML": "application/xml"}


def _graph() -> Graph:
    g = Graph()
    for prefix, ns in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD), ("hydra", HYDRA),
                       ("adms", ADMS)):
        g.bind(prefix, ns)
    return g


def dataset_uri(base: str, dataset: Dataset) -> URIRef:
    return URIRef(f"{base}/dataset/{dataset.name}")


def add_dataset(g: Graph, base: str, dataset: Dataset) -> URIRef:
    uri = dataset_uri(base, dataset)
    th = "th"
    g.add((uri, RDF.type, DCAT.Dataset))
    g.add((uri, DCTERMS.identifier, Literal(str(dataset.pk))))
    g.add((uri, DCTERMS.title, Literal(dataset.title, lang=th)))
    g.add((uri, DCTERMS.description, Literal(dataset.notes, lang=th)))
    g.add((uri, DCTERMS.issued, Literal(dataset.created_at.isoformat(), datatype=XSD.dateTime)))
    g.add((uri, DCTERMS.modified, Literal(dataset.updated_at.isoformat(), datatype=XSD.dateTime)))
    g.add((uri, DCAT.landingPage, URIRef(f"{base}/data/dataset/{dataset.name}/")))
    for tag in dataset.tags.all():
        g.add((uri, DCAT.keyword, Literal(tag.name, lang=th)))
    for domain in dataset.domains.all():
        g.add((uri, DCAT.theme, URIRef(f"{base}/data/?groups={domain.name}")))
        g.add((uri, DCAT.keyword, Literal(domain.title_th, lang=th)))
    publisher = URIRef(f"{base}/agencies/{dataset.agency.code}/")
    g.add((uri, DCTERMS.publisher, publisher))
    g.add((publisher, RDF.type, FOAF.Organization))
    g.add((publisher, FOAF.name, Literal(dataset.agency.name_th, lang=th)))
    contact = BNode()
    g.add((uri, DCAT.contactPoint, contact))
    g.add((contact, RDF.type, VCARD.Kind))
    g.add((contact, VCARD.fn, Literal(dataset.maintainer, lang=th)))
    g.add((contact, VCARD.hasEmail, URIRef(f"mailto:{dataset.maintainer_email}")))
    if dataset.update_frequency_unit in FREQUENCY:
        g.add((uri, DCTERMS.accrualPeriodicity,
               URIRef(f"http://publications.europa.eu/resource/authority/frequency/{FREQUENCY[dataset.update_frequency_unit]}")))
    g.add((uri, DCTERMS.spatial, Literal(dataset.geo_coverage, lang=th)))
    g.add((uri, DCTERMS.source, Literal(dataset.data_source, lang=th)))
    g.add((uri, DCTERMS.accessRights, Literal(dataset.data_classification or dataset.data_category, lang=th)))
    g.add((uri, DCTERMS.type, Literal(dataset.data_type, lang=th)))
    g.add((uri, DCTERMS.language, URIRef("http://publications.europa.eu/resource/authority/language/THA")))
    if dataset.first_year_of_data_be and dataset.last_year_of_data_be:
        period = BNode()
        g.add((uri, DCTERMS.temporal, period))
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        g.add((period, DCAT.startDate, Literal(f"{dataset.first_year_of_data_be - 543}-01-01", datatype=XSD.date)))
        g.add((period, DCAT.endDate, Literal(f"{dataset.last_year_of_data_be - 543}-12-31", datatype=XSD.date)))
    for resource in dataset.resources.all():
        if resource.is_deleted:
            continue
        dist = URIRef(f"{base}/data/dataset/{dataset.name}/resource/{resource.pk}/")
        g.add((uri, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(resource.name, lang=th)))
        if resource.description:
            g.add((dist, DCTERMS.description, Literal(resource.description, lang=th)))
        url = resource_url(resource, base)
        if url:
            g.add((dist, DCAT.accessURL, URIRef(url)))
            if resource.file:
                g.add((dist, DCAT.downloadURL, URIRef(url)))
        if resource.format:
            g.add((dist, DCTERMS.format, Literal(resource.format)))
            if resource.format in MEDIA_TYPES:
                g.add((dist, DCAT.mediaType, URIRef(MEDIA + MEDIA_TYPES[resource.format])))
        g.add((dist, DCTERMS.license, Literal(dataset.license_id)))
        if resource.size:
            g.add((dist, DCAT.byteSize, Literal(resource.size, datatype=XSD.decimal)))
        g.add((dist, DCTERMS.modified, Literal(resource.updated_at.isoformat(), datatype=XSD.dateTime)))
    return uri


def catalog_graph(base: str, datasets: Iterable[Dataset], *, page: int, per_page: int, total: int, path: str) -> Graph:
    g = _graph()
    catalog = URIRef(f"{base}/catalog")
    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal(f"บัญชีข้อมูล{settings.PLATFORM_NAME_TH}", lang="th")))
    g.add((catalog, DCTERMS.description, Literal("บัญชีข้อมูลจังหวัด (ศูนย์ข้อมูลกลางจังหวัด)", lang="th")))
    g.add((catalog, FOAF.homepage, URIRef(f"{base}/data/")))
    g.add((catalog, DCTERMS.language, URIRef("http://publications.europa.eu/resource/authority/language/THA")))
    for dataset in datasets:
        g.add((catalog, DCAT.dataset, add_dataset(g, base, dataset)))
    last = max(1, (total + per_page - 1) // per_page)
    paging = URIRef(f"{base}{path}?page={page}")
    g.add((paging, RDF.type, HYDRA.PagedCollection))
    g.add((paging, HYDRA.totalItems, Literal(total, datatype=XSD.integer)))
    g.add((paging, HYDRA.itemsPerPage, Literal(per_page, datatype=XSD.integer)))
    g.add((paging, HYDRA.firstPage, Literal(f"{base}{path}?page=1")))
    g.add((paging, HYDRA.lastPage, Literal(f"{base}{path}?page={last}")))
    if page < last:
        g.add((paging, HYDRA.nextPage, Literal(f"{base}{path}?page={page + 1}")))
    if page > 1:
        g.add((paging, HYDRA.previousPage, Literal(f"{base}{path}?page={page - 1}")))
    return g


def dataset_graph(base: str, dataset: Dataset) -> Graph:
    g = _graph()
    add_dataset(g, base, dataset)
    return g


def serialize(g: Graph, fmt: str) -> tuple[bytes, str]:
    if fmt == "jsonld":
        context: dict[str, Any] = {"dcat": str(DCAT), "dct": str(DCTERMS), "foaf": str(FOAF), "vcard": str(VCARD),
                                   "hydra": str(HYDRA)}
        return g.serialize(format="json-ld", context=context, encoding="utf-8"), "application/ld+json; charset=utf-8"
    return g.serialize(format="turtle", encoding="utf-8"), "text/turtle; charset=utf-8"
