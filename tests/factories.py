import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.models import Municipality


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@gemeente.example")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            for municipality in extracted:
                municipality.staff.add(self)
        if create:
            self.save()


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Testgem {n}")
    slug = factory.Sequence(lambda n: f"testgem-{n}")
    nis_code = factory.Sequence(lambda n: f"98{n:03d}")
    email = factory.LazyAttribute(lambda m: f"onthaal@{m.slug}.example")
    phone = "+32 11 98 00 00"
    street_address = "Dorpsstraat 1"
    postal_code = "3990"
    city = factory.LazyAttribute(lambda m: m.name)
