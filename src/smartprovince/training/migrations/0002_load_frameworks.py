from django.db import migrations


def load(apps, schema_editor):
    from smartprovince.training.frameworks_data import frameworks_seed
    from smartprovince.training.rules import DEFAULT_LEVEL_BOUNDS, DEFAULT_MIN_LEVEL

    frameworks_seed(apps.get_model("training", "SkillFramework"), apps.get_model("training", "SkillArea"))
    Policy = apps.get_model("training", "LiteracyPolicy")
    if not Policy.objects.exists():
        Policy.objects.create(min_level=DEFAULT_MIN_LEVEL, level_bounds=list(DEFAULT_LEVEL_BOUNDS), course_counts=True)


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
