from django.apps import AppConfig


class DatahubConfig(AppConfig):
    name = "smartprovince.datahub"
    label = "datahub"
    verbose_name = "ศูนย์ข้อมูลจังหวัด"
