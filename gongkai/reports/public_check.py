"""The public report checker (年报体检): anyone uploads or pastes an annual report and sees the
findings beside the tables as they were read.

The same reading and checking as the CLI, the API and the supervisor's page
(`reports.untrusted.report_check_untrusted`, i.e. `reportformat.check` in the sandbox), under
the per-address limit of the public forms (`applications.ratelimit`, keyed by its client
address helper). Nothing a visitor sends is stored: the file is read in memory for the one
request and dropped.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.applications import ratelimit
from gongkai.client_address import client_address

from .check_display import group_findings, recovered_tables
from .untrusted import inspect_report_file, report_check_untrusted

RATE_SCOPE = "report-check:"
TEXT_MAX_CHARS = 300_000


class PublicCheckForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("上传报告文件"), required=False,
        help_text=gettext_lazy("PDF、Word（DOCX）、网页（HTML）或文本（TXT）"),
    )
    text = forms.CharField(
        label=gettext_lazy("或粘贴报告全文"), required=False, max_length=TEXT_MAX_CHARS,
        strip=False, widget=forms.Textarea(attrs={"rows": 12}),
    )

    def clean(self) -> dict:
        data = super().clean()
        upload, text = data.get("file"), (data.get("text") or "").strip()
        if upload and text:
            raise ValidationError(_("请只上传文件或只粘贴文字，不要同时提供。"), code="both_given")
        if not upload and not text and not self.errors:
            raise ValidationError(_("请上传报告文件，或把报告全文粘贴到文本框中。"), code="nothing_given")
        if upload:
            raw = upload.read(settings.GONGKAI_ATTACHMENT_MAX_BYTES + 1)
            try:
                data["name"] = inspect_report_file(name=upload.name, data=raw)
            except ValidationError as error:
                self.add_error("file", error)
                return data
            data["bytes"] = raw
        elif text:
            data["name"], data["bytes"] = _("粘贴的文本") + ".txt", text.encode("utf-8")
        return data


def public_check(request):
    """The checker page; a POST is checked unless the client address is over the limit."""
    form, outcome, refusal, status = PublicCheckForm(), None, "", 200
    if request.method == "POST":
        key = RATE_SCOPE + client_address(request)
        if ratelimit.exceeded("ip", [key]) is not None:
            # Refused before the upload is even inspected: over the limit costs nothing.
            refusal, status = _("检查过于频繁，请稍后再试。"), 429
        else:
            form = PublicCheckForm(request.POST, request.FILES)
            if form.is_valid():
                ratelimit.hit("ip", [key])
                outcome = report_check_untrusted(form.cleaned_data["bytes"],
                                                 form.cleaned_data["name"])
    context = {"form": form, "outcome": outcome, "refusal": refusal}
    if outcome is not None:
        findings = [f.to_dict() for f in outcome.findings]
        context |= {
            "groups": group_findings(findings),
            "tables": recovered_tables(outcome.report.numbers()),
            "file_name": form.cleaned_data["name"],
        }
    return render(request, "reports/public_check.html", context, status=status)
