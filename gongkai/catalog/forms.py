"""Forms of the catalog: the public filters (shared with search) and the staff editing forms.

Forms translate input; they never save. The services write.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency
from gongkai.richtext import rich_textarea

from .models import Category, Document, Kind, Status, Topic, Validity
from .selectors import category_and_descendant_ids, in_tree_order, publication_years


def _blank(label) -> list[tuple[str, str]]:
    return [("", label)]


class FilterSelect(forms.Select):
    """A <select> built in Python: Django renders each <option> through a template include, and
    the filters' ~140 options took 9 ms, half the time of a catalog or search page."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for group, options, _index in widget["optgroups"]:
            html = format_html_join("", '<option value="{}"{}>{}</option>', (
                (o["value"], mark_safe(" selected") if o["selected"] else "", o["label"]) for o in options
            ))
            parts.append(format_html('<optgroup label="{}">{}</optgroup>', group, html) if group else html)
        return format_html('<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]),
                           mark_safe("".join(parts)))


class TreeOrderIterator(forms.models.ModelChoiceIterator):
    """The choices of a category field parents first, each followed by its children."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for category in in_tree_order(list(self.queryset)):
            yield self.choice(category)


class CategoryChoiceField(forms.ModelChoiceField):
    iterator = TreeOrderIterator

    def label_from_instance(self, obj: Category) -> str:
        return f"{obj.parent.name} › {obj.name}" if obj.parent_id else obj.name


class DocumentFilterForm(forms.Form):
    """The browsing filters (机构、栏目、文件类型、主题分类、年份、有效性), read from GET.

    `filter_queryset(qs)` applies the valid ones to any Document queryset, so the search
    app filters its results exactly as browsing does. Invalid values are ignored.
    """

    agency = forms.ModelChoiceField(
        label=_("发布机构"), queryset=Agency.objects.none(), to_field_name="slug", required=False,
        empty_label=_("全部机构"), widget=FilterSelect,
    )
    category = CategoryChoiceField(
        label=_("公开目录"), queryset=Category.objects.none(), to_field_name="slug", required=False,
        empty_label=_("全部栏目"), widget=FilterSelect,
    )
    kind = forms.ChoiceField(label=_("文件类型"), required=False, widget=FilterSelect)
    topic = forms.ChoiceField(label=_("主题分类"), required=False, widget=FilterSelect)
    year = forms.TypedChoiceField(label=_("发布年份"), required=False, coerce=int, empty_value=None,
                                  widget=FilterSelect)
    validity = forms.ChoiceField(label=_("有效性"), required=False, widget=FilterSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.active().order_by("path", "sort_order")
        self.fields["category"].queryset = Category.objects.filter(is_active=True).select_related("parent")
        self.fields["kind"].choices = _blank(_("全部类型")) + list(Kind.choices)
        self.fields["topic"].choices = _blank(_("全部主题")) + list(Topic.choices)
        self.fields["year"].choices = _blank(_("全部年份")) + [(str(y), str(y)) for y in publication_years()]
        self.fields["validity"].choices = _blank(_("全部")) + list(Validity.choices)

    def filter_queryset(self, qs):
        if not self.is_bound:
            return qs
        self.is_valid()  # fills cleaned_data with the valid fields only
        data = self.cleaned_data
        if data.get("agency"):
            qs = qs.filter(agency=data["agency"])
        if data.get("category"):
            qs = qs.filter(category_id__in=category_and_descendant_ids(data["category"]))
        if data.get("kind"):
            qs = qs.filter(kind=data["kind"])
        if data.get("topic"):
            qs = qs.filter(topic=data["topic"])
        if data.get("year"):
            year = data["year"]
            qs = qs.filter(published_on__gte=dt.date(year, 1, 1), published_on__lt=dt.date(year + 1, 1, 1))
        if data.get("validity"):
            qs = qs.filter(validity=data["validity"])
        return qs

    def is_filtered(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DocumentForm(forms.ModelForm):
    """The drafter's form; the policy a 政策解读 interprets is named by its 索引号."""

    agency = forms.ModelChoiceField(label=_("发布机构"), queryset=Agency.objects.none())
    category = CategoryChoiceField(label=_("公开目录"), queryset=Category.objects.none())
    interprets_index_no = forms.CharField(
        label=_("解读的政策（索引号）"), required=False, max_length=40,
        help_text=_("仅“政策解读”填写：被解读政策的索引号，例如 11411622057210010X/2021-00012。"),
    )

    class Meta:
        model = Document
        fields = (
            "agency", "title", "doc_number", "issuer", "written_on", "published_on", "effective_on",
            "category", "topic", "kind", "validity", "validity_changed_on", "summary", "keywords",
            "body",
        )
        widgets = {
            "written_on": DateInput(), "published_on": DateInput(), "effective_on": DateInput(),
            "validity_changed_on": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": rich_textarea(),
        }
        help_texts = {
            "body": _("可直接从 Word 粘贴：段落、标题、列表、表格、链接和图片保留，字体颜色等格式自动清除。"
                      "不用编辑器时可填 HTML，或用空行分隔段落的纯文本。保存时自动清除脚本等不安全内容。"),
            "published_on": _("留空时为审核通过当天。"),
        }

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(is_active=True).select_related("parent")
        if self.instance.pk:
            del self.fields["agency"]
            if self.instance.interprets_id:
                self.initial["interprets_index_no"] = self.instance.interprets.index_no
        else:
            self.fields["agency"].queryset = agencies if agencies is not None else Agency.objects.none()
            if agencies is not None and len(agencies) == 1:
                self.initial["agency"] = agencies[0]

    def clean_interprets_index_no(self):
        index_no = self.cleaned_data["interprets_index_no"].strip()
        if not index_no:
            return None
        policy = Document.objects.published().filter(index_no=index_no).first()
        if policy is None:
            raise forms.ValidationError(
                _("没有找到索引号为“%(no)s”的已发布信息。"), code="policy_not_found",
                params={"no": index_no},
            )
        return policy

    def _post_clean(self):
        # Model validation runs in the service, after the body is sanitised.
        pass

    def service_data(self) -> dict:
        data = {name: value for name, value in self.cleaned_data.items()
                if name not in ("agency", "interprets_index_no")}
        data["interprets"] = self.cleaned_data.get("interprets_index_no")
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("理由"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000,
        error_messages={"required": _("请填写理由。")},
    )


class ApproveForm(forms.Form):
    note = forms.CharField(
        label=_("审核意见（保密审查意见）"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ValidityForm(forms.Form):
    validity = forms.ChoiceField(label=_("有效性"), choices=Validity.choices)
    changed_on = forms.DateField(label=_("变更日期"), required=False, widget=DateInput())
    reason = forms.CharField(label=_("说明"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if data.get("validity") and data["validity"] != Validity.VALID and not data.get("changed_on"):
            self.add_error("changed_on", forms.ValidationError(
                _("文件失效或废止时须填写有效性变更日期。"), code="validity_date_required"))
        return data


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("附件"), help_text=_("PDF、Word（.docx）、Excel（.xlsx）、PNG、JPEG、GIF 或 OFD。"))


class StaffFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("状态"), required=False,
                               choices=_blank(_("全部状态")) + list(Status.choices))
    agency = forms.ModelChoiceField(label=_("机构"), queryset=Agency.objects.none(), required=False,
                                    empty_label=_("全部机构"))
    q = forms.CharField(label=_("标题或文号"), required=False, max_length=100)

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies if agencies is not None else Agency.objects.none()
