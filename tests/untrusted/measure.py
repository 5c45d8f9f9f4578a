"""Peak memory and time of reading each hostile file, each in a forked child (not a test).

    DJANGO_SETTINGS_MODULE=gongkai.settings python -m tests.untrusted.measure [--unguarded]

`--unguarded` calls the readers directly (the code before issue 14 item 2), under a safety cap
of 5 GB and 90 s so that the machine survives; without it, the entry points as the site calls
them (the sandbox with the settings' limits). Peak memory is the child's ru_maxrss from wait4,
so it counts a child killed by a limit too.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
import time

from tests.untrusted import hostile

SAFETY_MEMORY = 5 * 1024**3
SAFETY_SECONDS = 90

CASES = {
    "prefixed-zip.txt (630 MB inflated)": ("report.txt", hostile.prefixed_zip_txt),
    "high-ratio.docx (180 MB inflated, ratio ~10)": ("report.docx", hostile.high_ratio_docx),
    "500-page.pdf": ("report.pdf", hostile.many_page_pdf),
    "deep.docx (200k levels)": ("report.docx", hostile.deep_docx),
    "wide.docx (2M cells)": ("report.docx", hostile.wide_docx),
    "deep.html (500k levels)": ("report.html", hostile.deep_html),
    "wide.html (2M cells)": ("report.html", hostile.wide_html),
    "prefixed.xlsx (figures import, 400 MB)": ("figures.xlsx", hostile.prefixed_xlsx),
}


def _unguarded(name: str, data: bytes) -> str:
    if name.endswith(".xlsx"):
        from gongkai.reports.figures.parse import parse_figures

        return str(parse_figures(name, data).errors[:1])
    from gongkai.reportformat.check import check_bytes

    outcome = check_bytes(data, name)
    return f"exit {outcome.exit_code}: " + "; ".join(f.message for f in outcome.findings[:1])


def _guarded(name: str, data: bytes) -> str:
    import django

    django.setup()
    from gongkai.reportformat.sandbox import run_limited
    from gongkai.reports.untrusted import parse_limits, report_check_untrusted

    run_limited(int, "0", limits=parse_limits())  # start the fork server: not the file's cost
    if name.endswith(".xlsx"):
        from gongkai.reports.figures.parse import MAX_LINES
        from gongkai.spreadsheet import _read_xlsx

        run = run_limited(_read_xlsx, data, MAX_LINES, parse_limits(), limits=parse_limits())
        said = run.failure.message if run.failure else str(run.value)[:80]
    else:
        outcome = report_check_untrusted(data, name)
        run = outcome.resources
        said = f"exit {outcome.exit_code}: " + "; ".join(f.message for f in outcome.findings[:1])
    return f"[reader child: peak {run.peak_mb:.0f} MB, {run.wall_seconds:.2f} s] {said}"


def measure(name: str, data: bytes, *, guarded: bool) -> tuple[float, float, str]:
    """(peak MB, seconds, what happened) of reading `data` in a forked child."""
    read, write = os.pipe()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        resource.setrlimit(resource.RLIMIT_AS, (SAFETY_MEMORY, SAFETY_MEMORY))
        try:
            said = (_guarded if guarded else _unguarded)(name, data)
        except BaseException as exc:  # noqa: BLE001 - report whatever killed the reading
            said = f"{type(exc).__name__}: {exc}"[:200]
        os.write(write, said.encode()[:2000])
        os._exit(0)
    os.close(write)
    deadline = start + SAFETY_SECONDS
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            _done, status, usage = os.wait4(pid, 0)
            break
        time.sleep(0.05)
    seconds = time.monotonic() - start
    said = os.read(read, 4000).decode(errors="replace")
    os.close(read)
    if os.WIFSIGNALED(status):
        said = f"killed by signal {os.WTERMSIG(status)} " + said
    return usage.ru_maxrss / 1024, seconds, said


def main() -> None:
    guarded = "--unguarded" not in sys.argv
    for label, (name, build) in CASES.items():
        data = build()
        peak, seconds, said = measure(name, data, guarded=guarded)
        print(f"{label:45} {len(data) / 1024 / 1024:6.2f} MB  peak {peak:7.0f} MB  "
              f"{seconds:6.1f} s  {said[:150]}", flush=True)


if __name__ == "__main__":
    main()
