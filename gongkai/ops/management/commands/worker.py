"""`gongkai worker`: the pool of processes that runs background tasks from the Redis queue.

Only meaningful when tasks go to Redis (REDIS_URL or TASKS_BACKEND=rq, see settings); with the
in-process default there is nothing to run and the command says so. Each worker process forks
a fresh child per task (RQ's "work horse"), so a task that crashes or leaks cannot take the
worker down; the pool restarts workers that die. Tasks scheduled for later (`run_after`) are
moved to the queue by the workers' built-in scheduler.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "运行后台任务工作进程池 / run the background task worker pool (Redis queue)"

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "queues", nargs="*",
            help="要处理的队列（默认全部）/ queues to work on (default: all configured)",
        )
        parser.add_argument(
            "--processes", type=int, default=settings.GONGKAI_WORKER_PROCESSES,
            help="工作进程数（默认 WORKER_PROCESSES 或 2）/ worker processes (default 2)",
        )
        parser.add_argument(
            "--burst", action="store_true",
            help="处理完队列中的任务后退出 / run the queued tasks, then exit",
        )

    def handle(self, *args, queues: list[str], processes: int, burst: bool, **options) -> None:
        from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
        from django_tasks_rq import Job, RQBackend

        backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
        if not isinstance(backend, RQBackend):
            raise CommandError(
                "后台任务在进程内执行，无需工作进程；设置 REDIS_URL（或 TASKS_BACKEND=rq）以启用"
                "任务队列。/ Tasks run in-process: set REDIS_URL (or TASKS_BACKEND=rq) to use "
                "the queue and its workers."
            )
        if processes < 1:
            raise CommandError("--processes 至少为 1 / --processes must be at least 1")
        from django_rq.queues import get_queues
        from django_rq.utils import reset_db_connections
        from rq.worker_pool import WorkerPool

        names = queues or sorted(backend.queues)
        unknown = sorted(set(names) - set(backend.queues))
        if unknown:
            raise CommandError(
                f"未配置的队列 / queues not configured (TASKS_QUEUES): {', '.join(unknown)}"
            )
        rq_queues = get_queues(*names, job_class=Job)
        verbosity = options["verbosity"]
        level = "DEBUG" if verbosity >= 2 else "WARNING" if verbosity == 0 else "INFO"
        pool = WorkerPool(
            rq_queues, connection=rq_queues[0].connection, num_workers=processes, job_class=Job,
        )
        reset_db_connections()  # no database connection may cross the fork
        pool.start(burst=burst, logging_level=level)
