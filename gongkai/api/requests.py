"""Disclosure requests through the API: the public form's validation, limits and service."""


from django.core.exceptions import ValidationError
from ninja import Router, Status

from gongkai.agencies.models import Agency
from gongkai.applications import online, ratelimit, selectors
from gongkai.applications.forms import ApplyForm

from .schemas import LookupIn, RequestIn, RequestStatusOut, responses

router = Router(tags=["requests"])


def status_out(application) -> dict:
    return {
        "query_code": application.query_code,
        "agency": application.agency.name,
        "status": application.status,
        "status_label": application.get_status_display(),
        "received_on": application.received_on,
        "due_on": application.due_on,
        "closed_on": application.closed_on,
        "outcome": application.outcome,
        "outcome_label": application.get_outcome_display() if application.outcome else "",
        "result": application.plain_result,
        "timeline": [{"on": e.on, "text": e.sentence} for e in selectors.public_timeline(application)],
    }


@router.post("", response={201: RequestStatusOut, **responses(RequestStatusOut, 400)},
             summary="提交政府信息公开申请（《条例》第二十九条）")
def request_submit(request, payload: RequestIn):
    data = payload.dict()
    agency = Agency.objects.active().filter(slug=data.pop("agency")).first()
    form = ApplyForm({**data, "agency": agency.pk if agency else "", "confirm": "on", "website": ""})
    if not form.is_valid():
        raise ValidationError({
            name: [error["message"] for error in errors]
            for name, errors in form.errors.get_json_data().items()
        })
    application = online.application_submit_online(
        data=form.cleaned_data, ip=ratelimit.client_ip(request), user=None
    )
    return Status(201, status_out(application))


@router.post("/lookup", response=responses(RequestStatusOut, 400),
             summary="凭查询码和联系电话查询办理情况")
def request_lookup(request, payload: LookupIn):
    code = "".join(payload.code.split()).replace("-", "").upper()[:16]
    application = online.application_lookup(
        code=code, phone=payload.phone[:30], ip=ratelimit.client_ip(request)
    )
    return status_out(application)
