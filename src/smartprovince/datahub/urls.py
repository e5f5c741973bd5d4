from django.urls import path

from .views import manage, registry

app_name = "datahub"

urlpatterns = [
    path("", manage.MyDatasetsView.as_view(), name="home"),
    path("datasets/new/", manage.DatasetCreateView.as_view(), name="dataset-new"),
    path("datasets/<slug:name>/edit/", manage.DatasetUpdateView.as_view(), name="dataset-edit"),
    path("datasets/<slug:name>/delete/", manage.DatasetDeleteView.as_view(), name="dataset-delete"),
    path("datasets/<slug:name>/resources/new/", manage.ResourceCreateView.as_view(), name="resource-new"),
    path("resources/<uuid:resource_id>/", manage.ResourceManageView.as_view(), name="resource"),
    path("import/", registry.MetadataImportView.as_view(), name="import"),
    path("domains/", registry.DomainListView.as_view(), name="domains"),
    path("domains/<int:pk>/", registry.DomainListView.as_view(), name="domain-edit"),
    path("systems/", registry.SystemListView.as_view(), name="systems"),
    path("systems/new/", registry.SystemEditView.as_view(), name="system-new"),
    path("systems/<int:pk>/", registry.SystemEditView.as_view(), name="system-edit"),
    path("links/new/", registry.LinkCreateView.as_view(), name="link-new"),
]
