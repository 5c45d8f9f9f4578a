from django_tasks import task

from . import services


@task()
def report_check_run_task(check_id: int) -> None:
    """Check an uploaded report in the background (in-process without a task queue); then
    fail any check whose reading died (so none says "checking" for ever, page or not)."""
    services.report_check_run(check_id=check_id)
    services.report_checks_fail_stale()
