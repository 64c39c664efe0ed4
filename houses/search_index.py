"""What the site search finds in houses: the houses, their activities, actions and events."""

from django.utils import timezone

from search.models import Kind
from search.registry import Document, Index, plugins_text, register

from .models import Action, Activity, Closure, Event, House, OpeningHours


def _lines(*parts):
    return "\n".join(str(part) for part in parts if part)


@register
class HouseIndex(Index):
    model = House
    kind = Kind.HOUSES
    related = {
        OpeningHours: lambda hours: [hours.house],
        Closure: lambda closure: [closure.house],
    }

    def public(self):
        return House.objects.neighbourhood_houses().prefetch_related("opening_hours")

    def document(self, house):
        hours = [str(slot) for slot in house.opening_hours.all()]
        return Document(
            title=house.name,
            url=house.get_absolute_url(),
            body=_lines(
                house.tagline,
                house.neighbourhood and f"Quartier : {house.neighbourhood}",
                house.full_address,
                house.phone,
                hours and "Horaires d'ouverture : " + ", ".join(hours),
                plugins_text(house.placeholders.all()),
            ),
        )


@register
class ActivityIndex(Index):
    model = Activity
    kind = Kind.ACTIVITIES

    def public(self):
        return Activity.objects.current().prefetch_related("houses")

    def document(self, activity):
        return Document(
            title=activity.title,
            url=activity.get_absolute_url(),
            body=_lines(
                activity.get_category_display(),
                ", ".join(house.name for house in activity.houses.all()),
                activity.summary,
                activity.schedule_label,
                activity.age_label,
            ),
        )


@register
class ActionIndex(Index):
    model = Action
    kind = Kind.ACTIVITIES

    def document(self, action):
        return Document(
            title=action.title,
            url=action.get_absolute_url(),
            body=_lines(action.theme, action.summary, plugins_text(action.placeholders.all())),
        )


@register
class EventIndex(Index):
    model = Event
    kind = Kind.EVENTS

    def public(self):
        return Event.objects.with_related()

    def document(self, event):
        return Document(
            title=event.title,
            url=event.get_absolute_url(),
            date=timezone.localtime(event.starts_at).date(),
            body=_lines(
                event.get_theme_display(),
                event.place_label,
                event.description,
                event.organiser.name if event.organiser_id else "",
            ),
        )
