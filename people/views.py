from django.views.generic import TemplateView

from houses.models import House

from .models import Person, ProjectGroup
from .services import by_kind, volunteer_figures


class CooperationPeopleView(TemplateView):
    """/la-cooperation/equipe/: whom a resident meets, house by house, and how they govern."""

    template_name = "people/cooperation.html"

    def get_context_data(self, **kwargs):
        people = list(Person.objects.for_cards())
        houses = list(House.objects.neighbourhood_houses())
        cooperation = [p for p in people if p.house is None or p.house.is_cooperation]
        return super().get_context_data(
            cooperation_bodies=by_kind(cooperation),
            houses=[
                (house, bodies)
                for house in houses
                if (bodies := by_kind([p for p in people if p.house_id == house.pk]))
            ],
            project_groups=list(ProjectGroup.objects.prefetch_related("houses")),
            figures=list(volunteer_figures()),
            **kwargs,
        )
