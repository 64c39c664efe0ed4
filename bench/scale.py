"""`bench/run --scale N`: the demo's events, activities, news, documents and radio episodes, N times.

Run inside the site's Django by bench/run (`manage.py shell`). The copies get
numbered slugs and titles; they share the originals' houses, images and files.
"""

from django.core.management import call_command
from django.db import transaction


def copy_of(original, number):
    model = type(original)
    copy = model.objects.get(pk=original.pk)
    copy.pk = copy.id = None
    if hasattr(copy, "slug"):
        copy.slug = f"{original.slug}-{number}"[: model._meta.get_field("slug").max_length]
    copy.title = f"{original.title} ({number})"[: model._meta.get_field("title").max_length]
    copy.save()
    for field in model._meta.many_to_many:
        getattr(copy, field.name).set(getattr(original, field.name).all())
    return copy


@transaction.atomic
def main(factor):
    from documents.models import Document
    from houses.models import Activity, Event
    from news.models import NewsItem
    from radio.models import Episode

    for model in (Event, Activity, NewsItem, Document, Episode):
        originals = list(model.objects.all())
        for number in range(2, factor + 1):
            for original in originals:
                copy_of(original, number)
        print(f"{model._meta.verbose_name_plural} : {model.objects.count()}")
    call_command("rebuild_search_index")
