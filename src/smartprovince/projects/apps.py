from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "smartprovince.projects"
    label = "projects"
    verbose_name = "โครงการและรายงานความก้าวหน้า"
