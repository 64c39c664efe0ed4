import datetime

from django.db.models import Max, Min
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView, View

from coop_site.lists import FilteredListMixin
from coop_site.views import ToolbarObjectMixin

from . import agenda, calendar
from .agenda import add_months
from .contact import ContactFormMixin
from .forms import ActivityFilterForm, ContactForm, EventFilterForm
from .hours import weekly_table
from .models import (
    Action,
    Activity,
    CommonBaseItem,
    Event,
    House,
    KeyFigure,
    Weekday,
)
from .recipients import recipient_roles


class HouseListView(ListView):
    template_name = "houses/house_list.html"
    context_object_name = "houses"
    queryset = House.objects.neighbourhood_houses().for_cards()


class HouseDetailView(ToolbarObjectMixin, DetailView):
    template_name = "houses/house_detail.html"
    context_object_name = "house"
    queryset = House.objects.for_cards().prefetch_related("approvals", "figures", "key_figures")

    def get_context_data(self, **kwargs):
        house = self.object
        now = timezone.now()
        today = timezone.localdate(now)
        context = super().get_context_data(**kwargs)
        context.update(
            status=house.opening_status(now),
            week=[
                (Weekday(day).label, slots, is_today)
                for day, slots, is_today in weekly_table(
                    slots=house.opening_hours.all(), today=today
                )
            ],
            closures=house.closures.all(),
            latest_figures=next(iter(house.figures.all()), None),
            activities=Activity.objects.current()
            .for_house(house)
            .with_prices()
            .prefetch_related("houses")[:12],
            events=Event.objects.upcoming(now).for_house(house).with_related()[:6],
            actions=house.actions.all() if not house.is_cooperation else Action.objects.all(),
            key_figures=KeyFigure.objects.cooperation_wide().latest_year()
            if house.is_cooperation
            else house.key_figures.all(),
            form=kwargs.get("form") or ContactForm(recipients=recipient_roles(house)),
            contact_url=reverse("houses:contact", kwargs={"slug": house.slug}),
        )
        return context


class ContactView(ContactFormMixin, DetailView):
    """The house's contact form alone: where the form posts, and its result page."""

    template_name = "houses/contact.html"
    context_object_name = "house"
    queryset = House.objects.all()
    success_fragment = "#contact"

    def get_contact_house(self):
        return self.object

    def get_contact_recipients(self):
        if not hasattr(self, "recipients"):
            self.recipients = recipient_roles(self.object)
        return self.recipients

    def get_contact_initial(self):
        # A person's card links here with their role: `?destinataire=Directrice`.
        role = self.request.GET.get("destinataire", "")
        return {"addressed_to": role} if role in self.get_contact_recipients() else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["contact_url"] = self.request.path
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)


class ActionDetailView(ToolbarObjectMixin, DetailView):
    template_name = "houses/action_detail.html"
    context_object_name = "action"

    def get_queryset(self):
        return Action.objects.select_related("sheet").prefetch_related("houses")


class HouseFeedView(View):
    def get(self, request, slug):
        house = get_object_or_404(House, slug=slug)
        events = Event.objects.for_house(house).with_related()
        return calendar.feed_response(
            events, request=request, name=house.name, filename=f"agenda-{house.slug}.ics"
        )


# --- Activities ------------------------------------------------------------------


class ActivityListView(FilteredListMixin, ListView):
    template_name = "houses/activity_list.html"
    context_object_name = "activities"
    paginate_by = 12
    filter_form_class = ActivityFilterForm

    def get_unfiltered_queryset(self):
        return Activity.objects.current().with_prices().prefetch_related("houses")

    def get_queryset(self):
        return super().get_queryset().order_by("title", "pk")


class ActivityDetailView(DetailView):
    template_name = "houses/activity_detail.html"
    context_object_name = "activity"

    def get_queryset(self):
        return Activity.objects.select_related("fee_grid__season").prefetch_related(
            "houses", "fee_grid__bands"
        )


# --- Agenda ---------------------------------------------------------------------


def parse_month(value):
    try:
        parsed = datetime.datetime.strptime(value, "%Y-%m")
    except (TypeError, ValueError):
        raise Http404(_("Ce mois n'existe pas.")) from None
    if not 2000 <= parsed.year <= 2100:
        raise Http404(_("Ce mois n'existe pas."))
    return parsed.date()


def agenda_months(this_month):
    """First and last month a visitor can open: from the oldest event's to the latest's.

    This month is always inside, even before the first event is entered.
    """
    bounds = Event.objects.aggregate(first=Min("starts_at"), last=Max("starts_at"))
    months = [this_month] + [
        timezone.localtime(value).date().replace(day=1) for value in bounds.values() if value
    ]
    return min(months), max(months)


class EventListView(FilteredListMixin, ListView):
    """Upcoming events, or the events of one month (`?mois=2026-10`)."""

    template_name = "houses/event_list.html"
    context_object_name = "events"
    paginate_by = 20
    filter_form_class = EventFilterForm

    def get_queryset(self):
        return super().get_queryset().with_related()

    def get_unfiltered_queryset(self):
        self.month = None
        self.this_month = timezone.localdate().replace(day=1)
        self.first_month, last_month = agenda_months(self.this_month)
        if "mois" in self.request.GET:
            self.month = parse_month(self.request.GET["mois"])
            if not self.first_month <= self.month <= last_month:
                raise Http404(_("Aucun événement n'est archivé pour ce mois."))
            return Event.objects.in_month(self.month.year, self.month.month)
        return Event.objects.upcoming()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        this_month = self.this_month
        month = self.month
        # From the upcoming list, "past events" start with this month's.
        previous_month = add_months(month, -1) if month else this_month
        # The month links put `mois` first, then the filters: `{% querystring month_query mois=… %}`.
        month_query = QueryDict(mutable=True)
        month_query["mois"] = ""
        for key, values in self.request.GET.lists():
            if key not in ("page", "mois"):
                month_query.setlist(key, values)
        context.update(
            month=month,
            month_query=month_query,
            # The archive starts with the oldest event's month: no link before it.
            previous_month=previous_month if previous_month >= self.first_month else None,
            next_month=add_months(month, 1) if month and month < this_month else None,
            this_month=this_month,
        )
        return context


class EventDetailView(DetailView):
    template_name = "houses/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.with_related()


class EventIcsView(View):
    def get(self, request, slug):
        event = get_object_or_404(Event.objects.with_related(), slug=slug)
        return calendar.ics_response(
            [event], request=request, name=event.title, filename=f"{event.slug}.ics"
        )


class AgendaFeedView(View):
    """/agenda.ics: the last 3 months and the next 12, for calendar subscriptions (`?depuis=AAAA-MM` for more)."""

    def get(self, request):
        events = Event.objects.with_related()
        return calendar.feed_response(
            events,
            request=request,
            name=_("Agenda des Maisons de Quartier de Romans"),
            filename="agenda.ics",
        )


class AgendaWeekView(TemplateView):
    """/agenda/semaine/: this week (or `?semaine=2026-W50`), day by day; `?maison=` narrows it."""

    template_name = "houses/agenda_week.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        try:
            monday = agenda.parse_week(self.request.GET.get("semaine") or today.isoformat())
        except ValueError:
            raise Http404(_("Cette semaine n'existe pas.")) from None
        form = agenda.WeekFilterForm(self.request.GET or None)
        slug, house_name = form.house()
        week = datetime.timedelta(days=7)
        this_week = monday == agenda.monday_of(today)
        title = _("Cette semaine") if this_week else _("La semaine")
        return super().get_context_data(
            days=agenda.week_days(monday, today=today, house_slug=slug),
            monday=monday,
            sunday=monday + datetime.timedelta(days=6),
            is_this_week=this_week,
            previous_week=agenda.week_param(monday - week),
            next_week=agenda.week_param(monday + week),
            form=form,
            house_name=house_name,
            title=f"{title} · {house_name}" if house_name else title,
            **kwargs,
        )


# --- Socle commun -----------------------------------------------------------------


class CommonBaseView(TemplateView):
    template_name = "houses/common_base.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        items = list(CommonBaseItem.objects.all())
        context["groups"] = [
            (label, [item for item in items if item.kind == kind])
            for kind, label in CommonBaseItem.Kind.choices
        ]
        return context
