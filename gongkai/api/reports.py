"""Check an annual report written elsewhere: upload a file, get the engine's findings."""


from django.conf import settings
from ninja import File, Router
from ninja.files import UploadedFile

from gongkai.catalog.files import too_large
from gongkai.reports.untrusted import inspect_report_file, report_check_untrusted

from .schemas import ReportCheckOut, responses

router = Router(tags=["reports"])


@router.post("/check", response=responses(ReportCheckOut, 400, 503),
             summary="检查一份年度报告（PDF、DOCX、HTML 或 TXT）")
def report_check(request, file: File[UploadedFile]):
    limit = settings.GONGKAI_ATTACHMENT_MAX_BYTES
    if file.size and file.size > limit:
        raise too_large(limit)  # refused before it is read into memory
    data = file.read(limit + 1)
    name = inspect_report_file(name=file.name or "report.txt", data=data)
    outcome = report_check_untrusted(data, name)
    failure = outcome.resources.failure if outcome.resources is not None else None
    if failure is not None and failure.code == "busy":  # the server's state, not the file's
        return 503, {"code": failure.code, "message": failure.message, "fields": {}}
    numbers = {key: (str(v) if not isinstance(v, int) else v)
               for key, v in outcome.report.numbers().items()}
    return {
        "file": name,
        "source_format": outcome.source_format,
        "errors": outcome.errors,
        "warnings": outcome.warnings,
        "notices": outcome.notices,
        "exit_code": outcome.exit_code,
        "findings": [f.to_dict() for f in outcome.findings],
        "numbers": numbers,
    }
