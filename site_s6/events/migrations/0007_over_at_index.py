from django.db import migrations, models
from django.db.models import F
from django.db.models.functions import Coalesce


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_payments_commit_what_they_pay"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="eventpage",
            index=models.Index(Coalesce("end", "start"), name="events_over_at_idx"),
        ),
        migrations.AddIndex(
            model_name="eventpage",
            index=models.Index(
                F("start"), Coalesce("end", "start"), name="events_start_over_at_idx"
            ),
        ),
    ]
