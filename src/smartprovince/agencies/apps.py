from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "smartprovince.agencies"
    label = "agencies"
    verbose_name = "หน่วยงาน"
