from django.db import migrations


def load(apps, schema_editor):
    from smartprovince.smartcity.reference import reference_seed

    reference_seed(apps.get_model("smartcity", "Domain"), apps.get_model("smartcity", "Sector"))


class Migration(migrations.Migration):
    dependencies = [("smartcity", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
