# The gift's date, filled from its declaration by 0004, is required from now on. A migration
# of its own: PostgreSQL refuses to alter a table in the transaction that updated its rows.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('protocol', '0004_gifts_register_and_programme'),
    ]

    operations = [
        migrations.AlterField(
            model_name='gift',
            name='gift_date',
            field=models.DateField(help_text='A gift received is declared within 30 days of this date.', verbose_name='date received or given'),
        ),
    ]
