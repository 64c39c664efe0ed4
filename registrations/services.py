"""Asking for a place, cancelling it, the waiting list, and what each person is told.

- **No double booking**: every write that takes or frees places locks the
  activity's or event's row first (`select_for_update()`, inside the
  transaction), so the requests for one item are counted one after the other.
  On PostgreSQL that is a row lock; on SQLite, whose writes are serialised
  (`BEGIN IMMEDIATE`, settings.py), the whole database is.
- **At once**: a request that fits in the places left is confirmed on the
  spot; otherwise it goes on the waiting list, in the order requests arrive.
- **Counted in people**: a request for 3 takes 3 places.
- **Promoting the waiting list** (`fill_freed_places`), after a cancellation
  or a status changed by staff: the waiting requests, oldest first, are
  confirmed each time they fit in the places left; one that does not fit (3
  people when 1 place frees) keeps its rank and the next smaller one may pass
  it. A place left free while someone fits in it would help nobody. Each one
  promoted is told by e-mail (when they gave one).
- **Told by e-mail** through the outbox (outbox.services.queue_email): the
  person, with their link to cancel; the house's team, at each new request.
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coop_site.relay import TOO_MANY_REQUESTS, guard
from coop_site.seo import absolute_url
from houses.models import Activity
from houses.services import house_recipient
from outbox.services import queue_email

from .models import Registration, item_field

TOKEN_SALT = "registrations.registration"


class NotTakingRequests(Exception):
    """The item takes no requests (switched off, finished, cancelled or over)."""


# --- Places ---------------------------------------------------------------------


def places_taken(item):
    """People in the requests that hold a place (received, confirmed, present)."""
    total = (
        Registration.objects.for_item(item).holding_places().aggregate(total=Sum("people"))["total"]
    )
    return total or 0


def places_left(item):
    if item.places is None:
        return None
    return max(0, item.places - places_taken(item))


def places_label(left):
    """« Encore 4 places », « Encore 1 place », « Complet : liste d'attente »."""
    if left is None:
        return ""
    if left <= 0:
        return _("Complet : liste d'attente")
    return ngettext("Encore %(count)s place", "Encore %(count)s places", left) % {"count": left}


def _locked(item):
    """The item again, its row locked until the transaction ends."""
    return type(item).objects.select_for_update().get(pk=item.pk)


def item_kind(item):
    """The item's word in the addresses: /inscriptions/activite/<slug>/."""
    return "activite" if isinstance(item, Activity) else "evenement"


def item_context(item, *, with_form=True):
    """What an activity's or event's page shows of the requests: places left, the form."""
    from .forms import RegistrationForm

    left = places_left(item) if item.accepts_requests else None
    context = {
        "item": item,
        "takes_requests": item.takes_requests_now,
        "places_left": left,
        "places_label": places_label(left),
        "request_url": reverse(
            "registrations:request", kwargs={"kind": item_kind(item), "slug": item.slug}
        ),
        "consent": retention_sentence(item),
    }
    if not with_form:  # the person's own page: the details instead
        context.update(when=item_when(item), where=item_where(item))
    if with_form:
        context["registration_form"] = RegistrationForm(item=item)
    return context


# --- Signed links -----------------------------------------------------------------


def registration_token(registration):
    """The same link every time (no timestamp): it lasts as long as its item (`link_expired`)."""
    return signing.Signer(salt=TOKEN_SALT).sign(str(registration.pk))


class ExpiredLink(Exception):
    """The link was right, but its activity or event is over."""


def registration_from_token(token):
    """The registration a link names; raises `signing.BadSignature` for a tampered link,
    `Registration.DoesNotExist` for one deleted, `ExpiredLink` once its item is over."""
    pk = signing.Signer(salt=TOKEN_SALT).unsign(token)
    if not pk.isdigit():
        raise signing.BadSignature
    registration = Registration.objects.with_item().get(pk=pk)
    if link_expired(registration):
        raise ExpiredLink
    return registration


def link_expired(registration, now=None):
    """A link is good until its item is over: an event's end, an activity marked finished."""
    if registration.event_id:
        return registration.event.ends_at <= (now or timezone.now())
    return registration.activity.is_finished


# --- Asking, cancelling, promoting ------------------------------------------------------


def registration_submit(*, form, item, request):
    """A visitor's valid `RegistrationForm`: guarded as every relayed form is, then `request_place`."""
    guard(
        request,
        form.cleaned_data,
        too_many=TOO_MANY_REQUESTS,
    )
    data = form.cleaned_data
    return request_place(
        item=item,
        name=data["name"],
        email=data.get("email", ""),
        phone=data.get("phone", ""),
        people=data["people"],
        child_age=data.get("child_age"),
        comment=data.get("comment", ""),
        request=request,
    )


def request_place(
    *, item, name, email="", phone="", people=1, child_age=None, comment="", request=None
):
    """Save a request for `people` places: confirmed if they fit, else on the waiting list.

    Raises `NotTakingRequests` when the item takes none (nothing is saved).
    """
    with transaction.atomic():
        item = _locked(item)
        if not item.takes_requests_now:
            raise NotTakingRequests
        # Anyone waiting who fits goes first: a newcomer never passes them.
        fill_freed_places(item=item, request=request, locked=True)
        fits = places_taken(item) + people <= item.places
        registration = Registration(
            name=name,
            email=email,
            phone=phone,
            people=people,
            child_age=child_age,
            comment=comment,
            status=Registration.Status.CONFIRMED if fits else Registration.Status.WAITING,
            **{item_field(item): item},
        )
        registration.full_clean()
        registration.save()
        _status_follows_places(item)
        _tell_person(registration, request=request, kind="new")
        _tell_team(registration, request=request)
    return registration


def cancel(*, registration, request=None):
    """Cancel a request (the person's link, or staff); the places freed go to those waiting."""
    with transaction.atomic():
        item = _locked(registration.item)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.is_cancelled:
            return registration
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        fill_freed_places(item=item, request=request, locked=True)
    return registration


def status_change(*, registration, status, request=None):
    """Staff set a status (the admin): a cancellation frees places for those waiting."""
    if status == Registration.Status.CANCELLED:
        return cancel(registration=registration, request=request)
    with transaction.atomic():
        item = _locked(registration.item)
        registration.status = status
        registration.cancelled_at = None
        registration.save()
        fill_freed_places(item=item, request=request, locked=True)
    return registration


def fill_freed_places(*, item, request=None, locked=False):
    """Confirm the waiting requests that fit, oldest first (see the module's docstring).

    Returns those promoted."""
    with transaction.atomic():
        if not locked:
            item = _locked(item)
        if item.places is None:
            return []
        free = item.places - places_taken(item)
        promoted = []
        for waiting in Registration.objects.for_item(item).waiting().select_for_update():
            if free <= 0:
                break
            if waiting.people <= free:
                waiting.status = Registration.Status.CONFIRMED
                waiting.save(update_fields=["status", "updated_at"])
                free -= waiting.people
                promoted.append(waiting)
                _tell_person(waiting, request=request, kind="promoted")
        _status_follows_places(item)
        return promoted


def _status_follows_places(item):
    """An activity taking requests is « Complet » exactly when no place is left: its badge,
    on its page, its card and the week's agenda, says what the form says."""
    if not isinstance(item, Activity) or not item.accepts_requests or item.is_finished:
        return
    status = Activity.Status.FULL if places_left(item) == 0 else Activity.Status.OPEN
    if item.status != status:
        Activity.objects.filter(pk=item.pk).update(status=status)
        item.status = status


# --- What people are told ----------------------------------------------------------------


def item_when(item):
    if isinstance(item, Activity):
        return item.schedule_label or _("À préciser")
    return item.when_label


def item_where(item):
    if isinstance(item, Activity):
        return ", ".join(house.name for house in item.houses.all())
    return item.place_label


def item_houses(item):
    """The houses whose team handles the requests: an activity's, an event's organiser."""
    if isinstance(item, Activity):
        return list(item.houses.all())
    return [item.organiser]


def item_houses_all(item):
    """Every house whose team sees the item's requests: an event's host house too."""
    if isinstance(item, Activity):
        return list(item.houses.all())
    return [house for house in (item.organiser, item.place_house) if house is not None]


# --- Staff: the CSV and the attendance sheet ----------------------------------------------

CSV_HEADERS = [
    _("Nom"),
    _("Téléphone"),
    _("E-mail"),
    _("Personnes"),
    _("Âge de l'enfant"),
    _("État"),
    _("Rang sur la liste d'attente"),
    _("Commentaire"),
    _("Demandée le"),
]


def _sorted_for_staff(item):
    """Those holding a place by name, then the waiting list in its order, then the cancelled."""
    rows = list(Registration.objects.for_item(item).order_by("created_at", "pk"))
    holding = sorted((r for r in rows if r.holds_places), key=lambda r: (r.name.casefold(), r.pk))
    waiting = [r for r in rows if r.is_waiting]
    cancelled = [r for r in rows if r.is_cancelled]
    return holding, waiting, cancelled


def csv_rows(item):
    holding, waiting, cancelled = _sorted_for_staff(item)
    ranks = {r.pk: rank for rank, r in enumerate(waiting, start=1)}
    for r in [*holding, *waiting, *cancelled]:
        yield [
            r.name,
            r.phone,
            r.email,
            r.people,
            "" if r.child_age is None else r.child_age,
            r.get_status_display(),
            ranks.get(r.pk, ""),
            r.comment,
            timezone.localtime(r.created_at).strftime("%d/%m/%Y %H:%M"),
        ]


def attendance_sheet(item):
    holding, waiting, _cancelled = _sorted_for_staff(item)
    return {
        "item": item,
        "when": item_when(item),
        "where": item_where(item),
        "houses": item_houses_all(item),
        "attendees": holding,
        "waiting": waiting,
        "people_total": sum(r.people for r in holding),
        "with_ages": any(r.child_age is not None for r in holding + waiting),
        "printed_on": timezone.localdate(),
    }


def retention_sentence(item):
    """The consent sentence: what is kept, for whom, how long (COOP_REGISTRATION_RETENTION_MONTHS)."""
    months = settings.COOP_REGISTRATION_RETENTION_MONTHS
    if isinstance(item, Activity):
        how_long = _("effacés %(months)s mois après la dernière modification de votre demande") % {
            "months": months
        }
    else:
        how_long = _("effacés %(months)s mois après l'événement") % {"months": months}
    return _(
        "Votre nom, vos coordonnées et votre demande sont gardés par la maison pour vous "
        "accueillir et vous prévenir, jamais transmis à d'autres organismes, et %(how_long)s."
    ) % {"how_long": how_long}


def _details(registration):
    item = registration.item
    lines = [
        _("%(title)s") % {"title": item.title},
        _("Quand : %(when)s") % {"when": item_when(item)},
        _("Où : %(where)s") % {"where": item_where(item)},
        ngettext("Pour : %(count)s personne", "Pour : %(count)s personnes", registration.people)
        % {"count": registration.people},
    ]
    if registration.child_age is not None:
        lines.append(_("Âge de l'enfant : %(age)s ans") % {"age": registration.child_age})
    lines.append(_("Nom : %(name)s") % {"name": registration.name})
    if registration.email:
        lines.append(_("E-mail : %(email)s") % {"email": registration.email})
    if registration.phone:
        lines.append(_("Téléphone : %(phone)s") % {"phone": registration.phone})
    if registration.comment:
        lines += ["", _("Commentaire :"), registration.comment]
    return lines


def status_sentence(registration):
    if registration.is_waiting:
        return _("Vous êtes sur la liste d'attente (n° %(rank)s).") % {
            "rank": registration.waiting_position()
        }
    if registration.is_cancelled:
        return _("Votre demande est annulée.")
    if registration.status == Registration.Status.RECEIVED:
        return _("Votre demande est reçue : la maison vous confirme votre place.")
    return _("Votre place est confirmée.")


def _tell_person(registration, *, request, kind):
    if not registration.email:
        return None
    item = registration.item
    link = absolute_url(request, registration.get_absolute_url())
    if kind == "promoted":
        subject = _("Une place s'est libérée : %(title)s") % {"title": item.title}
        opening = [
            _("Bonjour %(name)s,") % {"name": registration.name},
            "",
            _(
                "Une place s'est libérée : vous étiez sur la liste d'attente, votre place est "
                "maintenant confirmée."
            ),
        ]
    elif registration.is_waiting:
        subject = _("Liste d'attente : %(title)s") % {"title": item.title}
        opening = [
            _("Bonjour %(name)s,") % {"name": registration.name},
            "",
            status_sentence(registration),
            _(
                "Si une place se libère, elle vous est donnée dans l'ordre de la liste et vous "
                "recevez un e-mail."
            ),
        ]
    else:
        subject = _("Votre place est confirmée : %(title)s") % {"title": item.title}
        opening = [
            _("Bonjour %(name)s,") % {"name": registration.name},
            "",
            status_sentence(registration),
        ]
    lines = [
        *opening,
        "",
        *_details(registration),
        "",
        _("Vous ne pouvez plus venir ? Annulez votre demande, la place ira à quelqu'un d'autre :"),
        link,
        "",
        retention_sentence(item),
    ]
    return queue_email(
        to=registration.email,
        subject=subject,
        body="\n".join(lines),
        reply_to=_reply_to(item),
        about=registration,
    )


def _reply_to(item):
    houses = item_houses(item)
    return house_recipient(houses[0]) if houses else None


def _tell_team(registration, *, request):
    item = registration.item
    admin_link = absolute_url(
        request, reverse("admin:registrations_registration_change", args=[registration.pk])
    )
    subject = _("[Site] Demande de place : %(title)s (%(status)s)") % {
        "title": item.title,
        "status": registration.get_status_display(),
    }
    body = "\n".join(
        [
            _("Nouvelle demande de place reçue par le site : %(status)s.")
            % {"status": registration.get_status_display()},
            "",
            *_details(registration),
            "",
            ngettext(
                "Places restantes : %(count)s", "Places restantes : %(count)s", places_left(item)
            )
            % {"count": places_left(item)},
            _("Toutes les demandes, dans l'administration :"),
            admin_link,
        ]
    )
    sent = []
    for recipient in dict.fromkeys(house_recipient(house) for house in item_houses(item)):
        if recipient:
            sent.append(
                queue_email(
                    to=recipient,
                    subject=subject,
                    body=body,
                    reply_to=registration.email or None,
                    about=registration,
                )
            )
    return sent


# --- Retention ---------------------------------------------------------------------------


def months_before(moment, months):
    """The same day and time `months` earlier (the month's last day when it has fewer)."""
    import calendar

    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def expired_registrations(now=None):
    """Kept longer than COOP_REGISTRATION_RETENTION_MONTHS: after an event's end, or, for an
    activity (which has no end date), after the request's last change."""
    limit = months_before(now or timezone.now(), settings.COOP_REGISTRATION_RETENTION_MONTHS)
    return Registration.objects.filter(
        Q(event__ends_at__lt=limit) | Q(activity__isnull=False, updated_at__lt=limit)
    )


def purge_old_registrations(*, now=None, dry_run=False):
    expired = expired_registrations(now)
    if dry_run:
        return expired.count()
    deleted, _by_model = expired.delete()
    return deleted
