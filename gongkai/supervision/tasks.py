from django_tasks import task

from . import services


@task()
def report_check_run_task(check_id: int) -> None:
    """Check an uploaded report in the background (in-process without a task queue)."""
    services.report_check_run(check_id=check_id)
