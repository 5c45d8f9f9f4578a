"""Tasks enqueued on the Redis backend are executed by `gongkai worker` (a separate process).

Each test uses its own queue name in Redis database 14, so parallel runs do not collide and
nothing of a real site's queue is touched.
"""

from __future__ import annotations

import os
import uuid

import pytest
from django_tasks import TaskResultStatus, default_task_backend

from .conftest import child_env, run_gongkai
from .tasks import always_fails, write_marker

TEST_REDIS_URL = "redis://127.0.0.1:6379/14"


@pytest.fixture
def rq_queue(settings):
    redis = pytest.importorskip("redis")
    connection = redis.Redis.from_url(TEST_REDIS_URL)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError as exc:
        pytest.skip(f"Redis is not available: {exc}")
    name = f"gongkai-test-{uuid.uuid4().hex[:10]}"
    # "default" too: tasks declared without a queue name are validated against it on import.
    settings.RQ_QUEUES = {q: {"URL": TEST_REDIS_URL} for q in (name, "default")}
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [name, "default"]}
    }
    yield name
    import django_rq
    from django_tasks_rq import Job

    queue = django_rq.get_queue(name, job_class=Job)
    for registry in (queue.finished_job_registry, queue.failed_job_registry):
        for job_id in registry.get_job_ids():
            registry.remove(job_id, delete_job=True)
    queue.delete(delete_jobs=True)


def worker_env(queue: str) -> dict[str, str]:
    return child_env(TASKS_BACKEND="rq", TASKS_REDIS_URL=TEST_REDIS_URL, TASKS_QUEUES=queue)


def test_a_task_enqueued_on_redis_is_run_by_the_worker(rq_queue, tmp_path):
    marker = tmp_path / "marker.txt"
    result = write_marker.using(queue_name=rq_queue).enqueue(str(marker), "公开")
    assert result.status == TaskResultStatus.READY
    assert not marker.exists()  # enqueued, not run in this process

    run_gongkai("worker", "--burst", "--processes", "1", rq_queue, env=worker_env(rq_queue))

    assert marker.read_text(encoding="utf-8") == "公开"
    result = default_task_backend.get_result(result.id)
    assert result.status == TaskResultStatus.SUCCESSFUL
    text, pid = result.return_value.split(":")
    assert text == "公开"
    assert int(pid) != os.getpid()


def test_a_pool_of_workers_runs_every_queued_task(rq_queue, tmp_path):
    results = [
        write_marker.using(queue_name=rq_queue).enqueue(str(tmp_path / f"{n}.txt"), str(n))
        for n in range(6)
    ]

    run_gongkai("worker", "--burst", "--processes", "2", rq_queue, env=worker_env(rq_queue))

    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{n}.txt" for n in range(6)]
    statuses = {default_task_backend.get_result(r.id).status for r in results}
    assert statuses == {TaskResultStatus.SUCCESSFUL}


def test_a_failing_task_is_recorded_as_failed_with_its_exception(rq_queue):
    result = always_fails.using(queue_name=rq_queue).enqueue("坏数据")

    run_gongkai("worker", "--burst", "--processes", "1", rq_queue, env=worker_env(rq_queue))

    result = default_task_backend.get_result(result.id)
    assert result.status == TaskResultStatus.FAILED
    assert result.errors[0].exception_class_path == "builtins.ValueError"
    assert "坏数据" in result.errors[0].traceback


def test_the_worker_refuses_to_start_when_tasks_run_in_process():
    result = run_gongkai("worker", "--burst", env=child_env(), check=False)
    assert result.returncode == 1
    assert "REDIS_URL" in result.stderr


def test_the_worker_refuses_an_unconfigured_queue(rq_queue):
    result = run_gongkai("worker", "--burst", "nosuchqueue", env=worker_env(rq_queue), check=False)
    assert result.returncode == 1
    assert "nosuchqueue" in result.stderr
