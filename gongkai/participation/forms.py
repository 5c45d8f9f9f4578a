"""Forms of the 意见征集 pages. They check input; `services` writes."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gongkai.catalog.models import Document

from .models import Adoption, Comment, Consultation


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = ["agency", "title", "summary", "opens_on", "closes_on"]
        widgets = {"opens_on": DateInput(), "closes_on": DateInput(),
                   "summary": forms.Textarea(attrs={"rows": 14})}
        help_texts = {"title": _("如“关于《西华县促进消费若干措施（征求意见稿）》公开征求意见的公告”。"),
                      "closes_on": _("征集期一般不少于 30 日。")}

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is None:
            del self.fields["agency"]
        else:
            self.fields["agency"].queryset = agencies
            if len(agencies) == 1:
                self.fields["agency"].initial = agencies[0].pk


class CommentForm(forms.ModelForm):
    consent = forms.BooleanField(label=_("我同意公开我的意见内容（不公开姓名全称和联系方式）。"))

    class Meta:
        model = Comment
        fields = ["body", "name", "contact"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6, "maxlength": 3000})}
        help_texts = {"contact": _("选填，便于就您的意见联系您，不会公开。")}


class AdoptForm(forms.Form):
    adoption = forms.ChoiceField(label=_("采纳情况"),
                                 choices=[c for c in Adoption.choices if c[0]])
    reason = forms.CharField(label=_("理由"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class FeedbackForm(forms.Form):
    feedback = forms.CharField(label=_("意见采纳情况说明"), max_length=20000,
                               widget=forms.Textarea(attrs={"rows": 8}),
                               help_text=_("概述收到意见的数量、主要意见和采纳情况；逐条采纳情况会一并公布。"))
    final_document = forms.CharField(
        label=_("正式文件索引号"), required=False, max_length=60,
        help_text=_("正式印发的文件已在本平台发布的，填写其索引号，文件页面会链接回本次征集。"))

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency

    def clean_final_document(self):
        index_no = (self.cleaned_data.get("final_document") or "").strip()
        if not index_no:
            return None
        document = Document.objects.published().filter(index_no=index_no,
                                                       agency=self.agency).first()
        if document is None:
            raise ValidationError(_("本机关没有索引号为“%(no)s”的已发布信息。"), code="no_document",
                                  params={"no": index_no})
        return document
