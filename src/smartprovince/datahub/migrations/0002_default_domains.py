from django.db import migrations

DEFAULT_DOMAINS = [
    ("agriculture", "เกษตร", "Agriculture", 10),
    ("tourism", "ท่องเที่ยว", "Tourism", 20),
    ("trade-investment", "การค้าและการลงทุน", "Trade and investment", 30),
    ("social-quality-of-life", "สังคมและคุณภาพชีวิต", "Society and quality of life", 40),
]


def create(apps, schema_editor):
    DataDomain = apps.get_model("datahub", "DataDomain")
    for name, title_th, title_en, order in DEFAULT_DOMAINS:
        DataDomain.objects.get_or_create(name=name, defaults={"title_th": title_th, "title_en": title_en, "order": order})


class Migration(migrations.Migration):
    dependencies = [("datahub", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
