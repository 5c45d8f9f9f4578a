"""Demo disclosure log (答复公开): 商务局 publishes its redacted 部分公开 replies and its 2022
予以公开 replies, the question worded from the request's title (the demo titles name no
person). Runs after gongkai.demo.redaction; skipped when present."""

from __future__ import annotations

from gongkai.agencies.models import Membership, Role
from gongkai.applications import services
from gongkai.applications.models import Application, PublishedRequest, RedactionStatus
from gongkai.applications.selectors import disclosed_files

from .agencies import COMMERCE_SLUG
from .applications import REPLIES


def load(stdout=None) -> None:
    if PublishedRequest.objects.filter(application__agency__slug=COMMERCE_SLUG).exists():
        return
    membership = (Membership.objects.filter(agency__slug=COMMERCE_SLUG, role=Role.HANDLER)
                  .select_related("user").order_by("user__username").first())
    if membership is None:
        return
    candidates = Application.objects.filter(agency__slug=COMMERCE_SLUG, status="closed").filter(
        files__redaction__status=RedactionStatus.APPROVED
    ) | Application.objects.filter(agency__slug=COMMERCE_SLUG, status="closed",
                                   outcome="disclosed", received_on__year=2022)
    published = 0
    for application in candidates.distinct().order_by("closed_on", "pk"):
        if application.events.filter(kind="withdrawn").exists():
            continue
        files = [f.reply_file_id for f in disclosed_files(application)]
        services.published_request_publish(
            application=application, actor=membership.user,
            question=f"申请公开{application.title}", reply=REPLIES.get(application.outcome, ""),
            files=application.files.filter(pk__in=files))
        published += 1
    if stdout:
        stdout.write(f"答复公开 {published} 件（商务局）")
