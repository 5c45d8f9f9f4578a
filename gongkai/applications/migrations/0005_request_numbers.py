"""Request numbers per agency and year (依申请〔2026〕第N号), instead of the database id that
ran across all agencies (第128号 then 第385号).

Existing requests are numbered in the order they were entered (id) within their agency and
year of receipt, and each sequence continues from the last number given, so numbers never
change once assigned and new ones follow without a gap.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def number_existing_requests(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    Sequence = apps.get_model("applications", "RequestNumberSequence")
    last: dict[tuple[int, int], int] = {}
    rows = Application.objects.order_by("agency_id", "id").values_list("id", "agency_id", "received_on")
    for pk, agency_id, received_on in rows.iterator():
        key = (agency_id, received_on.year)
        last[key] = last.get(key, 0) + 1
        Application.objects.filter(pk=pk).update(number_year=received_on.year, number=last[key])
    Sequence.objects.bulk_create(
        Sequence(agency_id=agency_id, year=year, last_value=value)
        for (agency_id, year), value in last.items()
    )


class Migration(migrations.Migration):

    dependencies = [
        ('agencies', '0001_initial'),
        ('applications', '0004_provisional_due_dates'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='RequestNumberSequence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='年度')),
                ('last_value', models.PositiveIntegerField(default=0, verbose_name='最后编号')),
            ],
            options={
                'verbose_name': '申请编号流水',
                'verbose_name_plural': '申请编号流水',
            },
        ),
        migrations.AddField(
            model_name='application',
            name='number',
            field=models.PositiveIntegerField(editable=False, help_text='本机关当年收到的第几件申请（依申请〔年度〕第N号），连续不重复。', null=True, verbose_name='编号'),
        ),
        migrations.AddField(
            model_name='application',
            name='number_year',
            field=models.PositiveSmallIntegerField(editable=False, null=True, verbose_name='编号年度'),
        ),
        migrations.AddConstraint(
            model_name='application',
            constraint=models.UniqueConstraint(fields=('agency', 'number_year', 'number'), name='applications_number_unique'),
        ),
        migrations.AddField(
            model_name='requestnumbersequence',
            name='agency',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='agencies.agency'),
        ),
        migrations.AddConstraint(
            model_name='requestnumbersequence',
            constraint=models.UniqueConstraint(fields=('agency', 'year'), name='applications_numberseq_unique'),
        ),
        migrations.RunPython(number_existing_requests, migrations.RunPython.noop),
    ]
