"""The search box. The filters are the catalog's own `DocumentFilterForm`, so results are
filtered exactly as browsing is."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .text import MAX_QUERY_LENGTH, ParsedQuery, QueryProblem, parse_query

PROBLEM_MESSAGES = {
    QueryProblem.TOO_LONG: _("检索词过长：请不要超过 %(max)s 个字。"),
    QueryProblem.TOO_MANY_TERMS: _("检索词过多：用空格分开的词请不要超过 %(max)s 个。"),
}


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("检索词"),
        required=False,
        strip=True,
        # The form accepts a little more than the limit so that parse_query() can say why.
        max_length=MAX_QUERY_LENGTH * 4,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("输入标题、正文中的词句或文号")}),
        error_messages={"max_length": _("检索词过长：请不要超过 %(limit_value)s 个字。")},
    )

    def clean_q(self) -> ParsedQuery:
        parsed = parse_query(self.cleaned_data["q"])
        if parsed.problem:
            raise forms.ValidationError(
                PROBLEM_MESSAGES[parsed.problem], code=parsed.problem, params=parsed.limits
            )
        return parsed
