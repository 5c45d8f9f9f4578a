"""Forms of the request workflow: the public application form (《条例》第二十九条), staff intake,
and one small form per staff act. Forms validate input; services save."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency
from gongkai.id_numbers import ResidentIdProblem, is_valid_uscc, normalize, resident_id_problem
from gongkai.reportformat.template import OUTCOME_CHOICES, OUTCOMES
from gongkai.search.forms import SearchForm

from .models import Application, Channel, ConsultationKind, Delivery, FeeMethod, IdType
from .receipt import POST_ORDINARY, POST_SIGNED

_PHONE = re.compile(r"^[0-9+\-() ]{7,20}$")
PERSONAL_ID_TYPES = (IdType.RESIDENT_ID, IdType.PASSPORT, IdType.HMT_PERMIT, IdType.OTHER)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def date_field(label, required=True, help_text=""):
    return forms.DateField(label=label, required=required, widget=DATE_WIDGET, help_text=help_text)


# The birth-date problems get their own sentence: "check the checksum" would not help someone
# who typed 2030 for 2003.
RESIDENT_ID_MESSAGES = {
    ResidentIdProblem.BIRTH_DATE_IN_FUTURE: _(
        "居民身份证号码中的出生日期（第7至14位）晚于今天，请核对。"),
    ResidentIdProblem.BIRTH_DATE_TOO_EARLY: _(
        "居民身份证号码中的出生日期（第7至14位）早于1900年，请核对。"),
    None: _("居民身份证号码不正确：应为18位，出生日期和最后一位校验码须正确，请核对。"),
}


class ApplicantFieldsMixin(forms.ModelForm):
    """The applicant's part of the form, shared by the public form and staff intake."""

    email = forms.EmailField(label=_("电子邮箱"), required=False)

    class Meta:
        model = Application
        fields = [
            "agency", "applicant_type", "applicant_name", "id_type", "id_number",
            "legal_representative", "contact_person", "phone", "email", "address", "postal_code",
            "title", "document_number", "description", "info_form", "delivery",
        ]
        widgets = {
            "id_number": forms.TextInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "id_number": _("自然人填写身份证件号码；法人或其他组织填写统一社会信用代码。"),
            "title": _("如“西华县2021年度财政预算执行情况报告”。"),
            "document_number": _("如“西政办〔2021〕12号”，不清楚可不填。"),
            "description": _("名称、文号不清楚时，请描述信息的内容、形成时间、制作机关等便于查询的特征。"),
            "legal_representative": _("法人或其他组织必填。"),
            "contact_person": _("法人或其他组织必填。"),
        }

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = (
            agencies if agencies is not None else Agency.objects.active().order_by("path")
        )
        self.fields["agency"].label = _("向哪个机关申请")
        self.fields["agency"].empty_label = _("请选择")
        self.fields["email"].initial = None
        for name in ("applicant_type", "id_type", "info_form", "delivery"):
            self.fields[name].choices = [("", _("请选择")), *self.fields[name].choices[1:]]

    def clean(self):
        data = super().clean()
        applicant_type = data.get("applicant_type")
        id_type = data.get("id_type")
        number = normalize(data.get("id_number", ""))
        if id_type and number:
            problem = (resident_id_problem(number, today=timezone.localdate())
                       if id_type == IdType.RESIDENT_ID else None)
            if problem is not None:
                self.add_error("id_number", ValidationError(
                    RESIDENT_ID_MESSAGES.get(problem, RESIDENT_ID_MESSAGES[None]),
                    code=problem.value))
            elif id_type == IdType.USCC and not is_valid_uscc(number):
                self.add_error("id_number", ValidationError(
                    _("统一社会信用代码不正确：应为18位，最后一位校验码须正确，请核对。"),
                    code="bad_uscc"))
            else:
                data["id_number"] = number if id_type in (IdType.RESIDENT_ID, IdType.USCC) else data["id_number"].strip()
        if applicant_type and id_type:
            if applicant_type == "natural" and id_type not in PERSONAL_ID_TYPES:
                self.add_error("id_type", ValidationError(
                    _("自然人请选择居民身份证或其他个人身份证件。"), code="id_type_mismatch"))
            if applicant_type != "natural" and id_type != IdType.USCC and id_type != IdType.OTHER:
                self.add_error("id_type", ValidationError(
                    _("法人或其他组织请填写统一社会信用代码。"), code="id_type_mismatch"))
        if applicant_type and applicant_type != "natural":
            for field in ("legal_representative", "contact_person"):
                if not (data.get(field) or "").strip():
                    self.add_error(field, ValidationError(
                        _("法人或其他组织须填写法定代表人或负责人、联系人。"),
                        code="org_contact_required"))
        phone = (data.get("phone") or "").strip()
        if phone and not _PHONE.match(phone):
            self.add_error("phone", ValidationError(
                _("联系电话格式不正确，请填写手机号码或带区号的固定电话。"), code="bad_phone"))
        if not (data.get("title") or "").strip() and not (data.get("description") or "").strip():
            self.add_error("title", ValidationError(
                _("请填写所需信息的名称，或在“特征性描述”中说明所需信息。"), code="subject_required"))
        delivery = data.get("delivery")
        if delivery == Delivery.EMAIL and not data.get("email"):
            self.add_error("email", ValidationError(
                _("选择电子邮件方式获取的，请填写电子邮箱。"), code="email_required"))
        if delivery == Delivery.POST and not (data.get("address") or "").strip():
            self.add_error("address", ValidationError(
                _("选择邮寄方式获取的，请填写通信地址。"), code="address_required"))
        return data

    def _post_clean(self):
        # The service builds and validates the model; skip ModelForm's own instance checks.
        pass


class ApplyForm(ApplicantFieldsMixin):
    """The public online form. `website` is a honeypot: hidden by CSS, left empty by people."""

    website = forms.CharField(label=_("网址（请勿填写）"), required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
    confirm = forms.BooleanField(
        label=_("我确认以上信息真实，并同意本机关为办理申请使用这些个人信息。"), required=True,
        error_messages={"required": _("请确认信息真实并同意用于办理申请。")},
    )

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise ValidationError(_("提交未能完成，请刷新页面后重试。"), code="honeypot")
        return data


class RegisterForm(ApplicantFieldsMixin):
    """Staff intake of a request that arrived by 信函, 当面, 传真 or 电子邮件."""

    channel = forms.ChoiceField(
        label=_("申请渠道"), choices=[c for c in Channel.choices if c[0] != Channel.ONLINE]
    )
    post_kind = forms.ChoiceField(
        label=_("邮寄方式"), required=False,
        choices=[(POST_SIGNED, _("需签收（挂号信、快递等）")), (POST_ORDINARY, _("平常信函（无需签收）"))],
    )
    submitted_on = date_field(_("当面提交日期"), required=False)
    signed_on = date_field(_("本机关签收日期"), required=False)
    confirmed_on = date_field(
        _("与申请人确认日期"), required=False,
        help_text=_("平常信函：收到当日与申请人确认的日期；传真、电子邮件：双方确认的日期。"),
    )
    note = forms.CharField(label=_("登记说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AssignForm(forms.Form):
    handler = forms.ModelChoiceField(label=_("办理人"), queryset=None, empty_label=_("请选择"))

    def __init__(self, *args, handlers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = handlers


class CorrectionRequestForm(forms.Form):
    on = date_field(_("告知补正日期"))
    period_end = date_field(_("补正期限"), help_text=_("给申请人的合理补正期限的最后一天。"))
    items = forms.CharField(label=_("需要补正的事项"), widget=forms.Textarea(attrs={"rows": 4}))


class CorrectionReceiveForm(forms.Form):
    on = date_field(_("收到补正申请日期"))
    note = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ExtendForm(forms.Form):
    on = date_field(_("负责人同意日期"))
    days = forms.IntegerField(label=_("延长工作日数"), min_value=1, max_value=20)
    approved_by = forms.CharField(label=_("同意延长的政府信息公开工作机构负责人"), max_length=50)
    notified_on = date_field(_("告知申请人日期"))
    reason = forms.CharField(label=_("延长理由"), widget=forms.Textarea(attrs={"rows": 2}))


class ConsultStartForm(forms.Form):
    on = date_field(_("发出征求意见书日期"))
    party = forms.ChoiceField(label=_("征求对象"), choices=ConsultationKind.choices)
    consulted = forms.CharField(label=_("第三方或机关名称"), max_length=100)
    note = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ConsultEndForm(forms.Form):
    on = date_field(_("收到意见日期（或答复期限届满日）"))
    note = forms.CharField(label=_("意见摘要"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class FeeNotifyForm(forms.Form):
    on = date_field(_("发出收费通知日期"))
    method = forms.ChoiceField(label=_("计费方式"), choices=FeeMethod.choices,
                               help_text=_("每件申请只能选择一种标准，不得同时按两种标准计算。"))
    pages = forms.IntegerField(label=_("页数（按量计收时填写）"), min_value=0, required=False)


class FeePayForm(forms.Form):
    on = date_field(_("缴费日期"))
    note = forms.CharField(label=_("说明"), required=False)


def outcome_choices():
    """Outcomes grouped as in table 三 (labels from gongkai.reportformat.template)."""
    groups: dict[str, list] = {}
    for row in OUTCOMES:
        group = next((g for g in row.group if not g.startswith("三、")), "")
        groups.setdefault(group, []).append((row.code, row.label))
    choices = [("", _("请选择"))]
    for group, rows in groups.items():
        if group:
            choices.append((group, rows))
        else:
            choices.extend(rows)
    return choices


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("处理结果"), choices=outcome_choices)
    on = date_field(_("答复日期"))
    reply_text = forms.CharField(
        label=_("答复内容"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("写入告知书的具体内容：提供的信息、不予公开的部分和理由、负责公开的机关等。"),
    )

    def clean_outcome(self):
        value = self.cleaned_data["outcome"]
        if value not in dict(OUTCOME_CHOICES):
            raise ValidationError(_("请选择处理结果。"), code="invalid_outcome")
        return value


class DeliverForm(forms.Form):
    on = date_field(_("送达日期"))
    method = forms.ChoiceField(label=_("送达方式"), choices=Delivery.choices)
    note = forms.CharField(label=_("说明（如邮件单号）"), required=False)


class WithdrawForm(forms.Form):
    on = date_field(_("申请人撤回日期"))
    note = forms.CharField(label=_("撤回方式和说明"), required=False)


class AttachForm(forms.Form):
    file = forms.FileField(label=_("答复附件"),
                           help_text=_("PDF、Word、Excel、OFD 或图片；按文件内容检查类型。"))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleans to a list (each file cleaned as FileField does)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            if not data and self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data or self.required else []


class CorrectionUploadForm(forms.Form):
    """补正 on the status page. The files are checked by content in the service (the same
    check as every upload, `catalog.files.inspect_upload`)."""

    files = MultipleFileField(
        label=_("补正材料"), error_messages={"required": _("请选择要上传的补正材料。")},
        help_text=_("可一次选择多个文件（最多5个）：PDF、Word、Excel、OFD 或图片，按文件内容检查类型。"))
    note = forms.CharField(label=_("补正说明（选填）"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("可写明补正的内容，如所需信息的具体年份、文件名称等。"))


class LookupForm(forms.Form):
    code = forms.CharField(label=_("查询码"), max_length=16,
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))
    phone = forms.CharField(label=_("申请时填写的联系电话"), max_length=30,
                            widget=forms.TextInput(attrs={"type": "tel"}))

    def clean_code(self):
        return re.sub(r"[\s-]", "", self.cleaned_data["code"]).upper()


class SignupForm(forms.Form):
    username = forms.RegexField(label=_("用户名"), regex=r"^[A-Za-z0-9_.@-]{3,40}$", max_length=40,
                                error_messages={"invalid": _("用户名只能包含字母、数字和 _ . @ -，3–40 位。")})
    full_name = forms.CharField(label=_("姓名或名称"), max_length=100)
    email = forms.EmailField(label=_("电子邮箱"))
    password1 = forms.CharField(label=_("密码"), widget=forms.PasswordInput)
    password2 = forms.CharField(label=_("再次输入密码"), widget=forms.PasswordInput)

    def clean_username(self):
        from django.contrib.auth import get_user_model

        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise ValidationError(_("该用户名已被使用。"), code="username_taken")
        return username

    def clean(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.password_validation import validate_password

        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", ValidationError(_("两次输入的密码不一致。"), code="password_mismatch"))
        elif p1:
            # An unsaved user, so that a password like the user name or e-mail is refused too.
            user = get_user_model()(username=data.get("username", ""), email=data.get("email", ""),
                                    full_name=data.get("full_name", ""))
            try:
                validate_password(p1, user)
            except ValidationError as exc:
                self.add_error("password1", exc)
        return data


# ---- 区分处理 (《条例》第三十七条)


def _ground_field():
    from .models import GROUND_CHOICES

    return forms.ChoiceField(label=_("不予公开的理由"), choices=[("", "---------"), *GROUND_CHOICES])


class RedactTextForm(forms.Form):
    term = forms.CharField(label=_("要遮盖的文字"), max_length=200,
                           help_text=_("文件中所有出现之处都会被标注。"))
    ground = _ground_field()


class RedactAreaForm(forms.Form):
    """A rectangle of one page, in percent of the page's width and height from its top-left
    corner. The page image fills these in when the rectangle is drawn with the mouse."""

    page = forms.IntegerField(min_value=1, label=_("页码"))
    left = forms.FloatField(min_value=0, max_value=100, label=_("左（%）"))
    top = forms.FloatField(min_value=0, max_value=100, label=_("上（%）"))
    right = forms.FloatField(min_value=0, max_value=100, label=_("右（%）"))
    bottom = forms.FloatField(min_value=0, max_value=100, label=_("下（%）"))
    ground = _ground_field()

    def clean(self):
        data = super().clean()
        if {"left", "top", "right", "bottom"} <= data.keys() and (
            data["right"] <= data["left"] or data["bottom"] <= data["top"]
        ):
            raise ValidationError(_("请在页面上拖动鼠标画出要遮盖的矩形。"), code="empty_area")
        return data


class RedactionReturnForm(forms.Form):
    reason = forms.CharField(label=_("退回意见"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class PublishForm(forms.Form):
    """Publishing a closed request in the disclosure log; the service refuses personal data."""

    question = forms.CharField(label=_("公开的申请内容"), max_length=300,
                               help_text=_("写明申请了什么信息，不要写申请人的姓名、证件号码、联系方式或地址。"))
    reply = forms.CharField(label=_("公开的答复内容"), required=False,
                            widget=forms.Textarea(attrs={"rows": 4}),
                            help_text=_("答复要点；同样不得含有申请人或第三方的个人信息。"))
    files = forms.ModelMultipleChoiceField(label=_("公开的答复附件"), queryset=None, required=False,
                                           widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, files_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].queryset = files_queryset


class PublishedSearchForm(SearchForm):
    """The disclosure log's search box: the catalog's, worded for requests."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs["placeholder"] = _("输入申请内容、答复中的词句")


class SameInformationLinkForm(forms.Form):
    """Another request of the agency that asked for the same information (《条例》第四十四条),
    named by its number (依申请〔2026〕第12号) or picked from the suggestions."""

    reference = forms.CharField(label=_("同一信息的申请编号"), max_length=40, required=False,
                                help_text=_("例如：依申请〔2026〕第12号"))
    other = forms.IntegerField(required=False, widget=forms.HiddenInput)
    basis = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if not data.get("reference", "").strip() and not data.get("other"):
            raise forms.ValidationError(_("请填写申请编号。"), code="required")
        return data


class SuggestedGroupForm(forms.Form):
    """Confirm a suggested group: the requests' ids and the suggestion's reasons."""

    applications = forms.CharField(widget=forms.HiddenInput)
    basis = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def clean_applications(self):
        try:
            return [int(pk) for pk in self.cleaned_data["applications"].split(",") if pk.strip()]
        except ValueError:
            raise forms.ValidationError(_("申请选择有误。"), code="invalid") from None


class ProposalDismissForm(forms.Form):
    reason = forms.CharField(label=_("不予采纳的理由"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("例如：该信息涉及特定申请人自身的事项，不属于需要公众广泛知晓的信息。"))


class ProposalDraftForm(forms.Form):
    """The catalog draft a proposal becomes; the catalog's review publishes it."""

    title = forms.CharField(label=_("标题"), max_length=300)
    category = forms.ModelChoiceField(label=_("公开目录"), queryset=None)
    summary = forms.CharField(label=_("内容概述"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    body = forms.CharField(label=_("正文"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    file_ids = forms.TypedMultipleChoiceField(
        label=_("附件（已在答复公开栏目公开的文件）"), required=False, coerce=int,
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, files=(), **kwargs):
        from gongkai.catalog.forms import CategoryChoiceField
        from gongkai.catalog.models import Category

        super().__init__(*args, **kwargs)
        self.fields["category"] = CategoryChoiceField(
            label=_("公开目录"),
            queryset=Category.objects.filter(is_active=True).select_related("parent"))
        self.fields["file_ids"].choices = [(f.reply_file_id, f.name) for f in files]
