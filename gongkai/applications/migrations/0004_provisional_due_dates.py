"""Provisional (暂定) due dates replace "cannot be computed" (issue 15).

Requests whose due date could not be computed (a year without a holiday schedule, the reason
in `deadline_problem`) get a provisional date now, computed from their event log; then the
old column goes.
"""

from django.db import migrations, models


def compute_provisional_dates(apps, schema_editor):
    from gongkai.applications import deadlines

    Application = apps.get_model("applications", "Application")
    ApplicationEvent = apps.get_model("applications", "ApplicationEvent")
    for application in Application.objects.exclude(deadline_problem="").iterator():
        facts = [
            deadlines.Fact(kind=e.kind, on=e.on, data=e.data)
            for e in ApplicationEvent.objects.filter(application_id=application.pk).order_by("id")
        ]
        result = deadlines.compute(application.received_on, facts,
                                   receipt_basis=application.receipt_basis)
        Application.objects.filter(pk=application.pk).update(
            due_on=result.due_on, wait_until=result.wait_until,
            due_on_provisional=result.provisional,
            provisional_reason=result.provisional_reason[:200],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0003_report_index_state"),
        ("workdays", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="due_on_provisional",
            field=models.BooleanField(
                default=False, editable=False,
                help_text="期限涉及尚未录入节假日安排的年度，暂按周末和日期固定的法定节假日计算。",
                verbose_name="答复期限为暂定",
            ),
        ),
        migrations.AddField(
            model_name="application",
            name="provisional_reason",
            field=models.CharField(blank=True, editable=False, max_length=200,
                                   verbose_name="暂定的原因"),
        ),
        migrations.RunPython(compute_provisional_dates, migrations.RunPython.noop, elidable=True),
        migrations.RemoveField(model_name="application", name="deadline_problem"),
    ]
