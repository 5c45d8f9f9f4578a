"""factory_boy factories shared by the app test suites."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency, Membership
from gongkai.id_numbers import uscc_check_char

PASSWORD = "Test-password-2026"


def _uscc(n: int) -> str:
    body = f"11411622{n:09d}"
    return body + uscc_check_char(body)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"工作人员{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.cn")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"测试机构{n}")
    slug = factory.Sequence(lambda n: f"agency-{n}")
    code = factory.Sequence(lambda n: _uscc(n + 1))
    level = Agency.Level.DEPARTMENT


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = "publisher"
