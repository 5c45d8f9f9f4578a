"""Running a reader on an untrusted file in a child process with a memory, CPU and time cap.

Pure: no Django. `run_limited(func, *args, limits=...)` calls `func(*args)` in a process of its
own and returns a `Run`: the value, or the limit that stopped it, with the child's peak memory
and CPU time as the kernel counted them. The server process never holds the file's inflated
form, so a hostile file costs at most the limits, and the server keeps answering meanwhile.

How: a fork server (started once per server process, with the readers already imported, so a
reading starts in milliseconds rather than the second an interpreter needs) forks a small
supervisor per reading; the supervisor forks the worker, which lowers its priority and sets
RLIMIT_AS and RLIMIT_CPU before calling `func`; the supervisor kills it at the wall-time limit
and reads its resource usage with wait4, whatever way it ended. At most `limits.concurrency`
readings run at once per server process; a further one waits (up to the wall-time limit) and
is then refused as busy.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import resource
import select
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .limits import MB, LimitExceeded, Limits, memory_exceeded, time_exceeded

_PRELOAD = ["gongkai.reportformat.check", "lxml.etree", "openpyxl", "pdfplumber"]
_NICE = 10
_lock = threading.Lock()
_context: Any = None
_slots: dict[int, threading.BoundedSemaphore] = {}


@dataclass
class Run:
    """One reading in the child: its value, or the limit that stopped it."""

    value: Any = None
    failure: LimitExceeded | None = None
    peak_mb: float = 0.0        # the worker's maximum resident set (ru_maxrss)
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.failure is None


def busy() -> LimitExceeded:
    return LimitExceeded("busy", "服务器正在读取其他文件，请稍后再试。")


def crashed(detail: str) -> LimitExceeded:
    return LimitExceeded("reader_crashed", f"读取文件的进程意外退出（{detail}），无法读取该文件。")


def _fork_context():  # noqa: ANN202 - a multiprocessing context
    global _context
    with _lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(_PRELOAD)
            _context = context
        return _context


def _slots_for(concurrency: int) -> threading.BoundedSemaphore:
    with _lock:
        return _slots.setdefault(concurrency, threading.BoundedSemaphore(max(1, concurrency)))


def run_limited(func: Callable[..., Any], *args: Any, limits: Limits) -> Run:
    """`func(*args)` in a limited child process. `func` and its arguments must pickle."""
    slots = _slots_for(limits.concurrency)
    if not slots.acquire(timeout=limits.wall_seconds):
        return Run(failure=busy())
    try:
        context = _fork_context()
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_supervise, args=(send, func, args, limits), daemon=True)
        process.start()
        send.close()
        try:
            # The supervisor kills the worker at the wall limit; this is only a backstop.
            if receive.poll(limits.wall_seconds + 15):
                return receive.recv()
            return Run(failure=time_exceeded(limits), wall_seconds=float(limits.wall_seconds))
        except EOFError:
            return Run(failure=crashed("supervisor"))
        finally:
            receive.close()
            if process.is_alive():
                process.kill()
            process.join(5)
    finally:
        slots.release()


class _CpuExceeded(Exception):
    pass


def _on_sigxcpu(signum, frame) -> None:  # noqa: ANN001
    raise _CpuExceeded


def _work(fd: int, func: Callable[..., Any], args: tuple, limits: Limits) -> None:
    """The worker: limits first, then the reading; the result pickled to `fd`. Never returns."""
    try:
        os.nice(_NICE)
        memory = limits.memory_mb * MB
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 2))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        signal.signal(signal.SIGXCPU, _on_sigxcpu)
        result: tuple = ("ok", func(*args))
    except MemoryError:
        result = ("memory",)
    except _CpuExceeded:
        result = ("cpu",)
    except LimitExceeded as exc:
        result = ("refused", exc)
    except BaseException as exc:  # noqa: BLE001 - the child reports, never raises
        result = ("error", type(exc).__name__)
    try:
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("memory",))
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os._exit(0)


def _supervise(send, func: Callable[..., Any], args: tuple, limits: Limits) -> None:  # noqa: ANN001
    read_fd, write_fd = os.pipe()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _work(write_fd, func, args, limits)
    os.close(write_fd)
    chunks: list[bytes] = []
    killed = False
    deadline = start + limits.wall_seconds
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            os.kill(pid, signal.SIGKILL)
            killed = True
            break
        ready, _, _ = select.select([read_fd], [], [], remaining)
        if ready:
            chunk = os.read(read_fd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    _pid, status, usage = os.wait4(pid, 0)
    os.close(read_fd)
    run = Run(peak_mb=usage.ru_maxrss / 1024, cpu_seconds=usage.ru_utime + usage.ru_stime,
              wall_seconds=time.monotonic() - start)
    if killed:
        run.failure = time_exceeded(limits)
    else:
        _settle(run, b"".join(chunks), status, limits)
    send.send(run)
    send.close()


def _settle(run: Run, data: bytes, status: int, limits: Limits) -> None:
    """Fill in the value or the failure from what the worker wrote and how it ended."""
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        if signum in (signal.SIGXCPU, signal.SIGKILL) and run.cpu_seconds >= limits.cpu_seconds:
            run.failure = time_exceeded(limits)
        else:
            run.failure = crashed(signal.Signals(signum).name)
        return
    try:
        result = pickle.loads(data)
    except Exception:  # noqa: BLE001 - a worker that died mid-write
        run.failure = crashed("no result")
        return
    kind = result[0]
    if kind == "ok":
        run.value = result[1]
    elif kind == "memory":
        run.failure = memory_exceeded(limits)
    elif kind == "cpu":
        run.failure = time_exceeded(limits)
    elif kind == "refused":
        run.failure = result[1]
    else:
        run.failure = crashed(result[1])
