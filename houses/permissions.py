"""Who may manage which house's data.

A house's staff group (`House.staff_group`) manages that house only; the
Coopération-wide group, whoever holds `houses.manage_all_houses` (the
administrators) and superusers manage every house. Being allowed to change
houses (`houses.change_house`) is not enough: each team changes its own
house's opening hours with it. The houses, charter and other apps share
these rules through `HouseScopedAdminMixin`.
"""

from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .media import upload_folder
from .models import House, manages_all_houses


def can_upload_media(user):
    """May `user` put a file in the media library, as the filer widget's uploader does?

    The model permissions, and a folder to put it in: the whole library, or
    their house's folder (see houses.media).
    """
    return user.has_perms(["filer.add_file", "filer.change_folder"]) and (
        upload_folder(user) is not False
    )


class ScopedHousesFormMixin:
    """A form whose house fields offer the user's houses only, and keep the others.

    Set by `HouseScopedAdminMixin.get_form`: `scoped_house_fields` (names of
    many-to-many fields to houses), `scope_ids` (the user's houses),
    `scope_field` (the field through which the user reaches the object, if
    one of them) and `shared_houses_text`. Houses outside the user's scope
    are not offered, are shown read-only under the field, and are added back
    on save: a team editing a shared activity never drops the other house.
    """

    scoped_house_fields = ()
    scope_ids = frozenset()
    scope_field = None
    shared_houses_text = _("Aussi liée à : %(houses)s")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept_houses = {}
        for name in self.scoped_house_fields:
            kept = []
            if self.instance.pk:
                kept = list(getattr(self.instance, name).exclude(pk__in=self.scope_ids))
            self.kept_houses[name] = kept
            if name in self.initial:
                self.initial[name] = [
                    house
                    for house in self.initial[name]
                    if getattr(house, "pk", house) in self.scope_ids
                ]
            self._describe(self.fields[name], name, kept)

    def _describe(self, field, name, kept):
        if kept:
            listed = ", ".join(
                gettext("%(house)s (gérée par son équipe)") % {"house": house.name}
                for house in kept
            )
            shared = self.shared_houses_text % {"houses": listed}
            field.help_text = (
                format_html("{}<br><strong>{}</strong>", field.help_text, shared)
                if field.help_text
                else format_html("<strong>{}</strong>", shared)
            )
            field.required = False  # the kept houses are enough for the model
        if name == self.scope_field:
            # Without one of their houses, the team would lose the object silently.
            field.required = True
            field.error_messages["required"] = (
                gettext(
                    "Gardez au moins une de vos maisons : sans elle, vous ne pourriez plus "
                    "modifier cette fiche. Pour la laisser à %(houses)s seulement, demandez-le "
                    "à son équipe ou à la Coopération."
                )
                % {"houses": ", ".join(house.name for house in kept)}
                if kept
                else gettext(
                    "Choisissez au moins une de vos maisons : sans elle, vous ne pourriez plus "
                    "modifier cette fiche."
                )
            )

    def clean(self):
        cleaned_data = super().clean()
        for name, kept in self.kept_houses.items():
            if kept and name in cleaned_data:
                chosen = [house.pk for house in cleaned_data[name]]
                cleaned_data[name] = House.objects.filter(
                    pk__in=chosen + [house.pk for house in kept]
                )
        return cleaned_data


def without_fields(fieldsets, names):
    """`fieldsets` minus the fields `names`; a fieldset left empty goes too."""
    result = []
    for title, options in fieldsets:
        rows = []
        for row in options.get("fields", ()):
            if isinstance(row, (list, tuple)):
                row = tuple(name for name in row if name not in names)
                if len(row) == 1:
                    row = row[0]
            if row and row not in names:
                rows.append(row)
        if rows:
            result.append((title, {**options, "fields": rows}))
    return result


class HouseScopedAdminMixin:
    """Admin mixin: staff see and change only the objects of their houses.

    `house_lookup` is the ORM path from the model to its house, e.g. "house"
    or "organiser". Objects of another house are absent from the list, and
    their change page answers 403. A many-to-many field to houses offers the
    user's houses only and keeps the others on save (`ScopedHousesFormMixin`);
    `shared_houses_text` says, under the field, which other houses share it.
    """

    house_lookup = "house"
    shared_houses_text = ScopedHousesFormMixin.shared_houses_text
    # Media-library fields (and what goes with them), offered only to those who
    # may upload: a field a role is shown must work for that role.
    media_fields = ()
    # The fieldsets shown to a house's team, when they differ from everyone's.
    team_fieldsets = None
    # A permission that, for this admin only, also reaches every house: the
    # editors keep the people of every house up to date ("people.manage_all_people").
    all_houses_permission = None

    def manages_all(self, request):
        """Whether the user reaches every house's objects here (not only their team's)."""
        user = request.user
        return manages_all_houses(user) or bool(
            self.all_houses_permission
            and user.is_active
            and user.has_perm(self.all_houses_permission)
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.team_fieldsets is not None and not self.manages_all(request):
            fieldsets = self.team_fieldsets
        if not self.media_fields or can_upload_media(request.user):
            return fieldsets
        return without_fields(fieldsets, self.media_fields)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if self.media_fields and can_upload_media(request.user):
            # The file widget uploads to, and its "choose" link opens, the last
            # folder browsed: for a house's team, their house's folder.
            last = request.session.get("filer_last_folder_id")
            folder = upload_folder(request.user, last_folder_id=last)
            if folder and folder.pk != last:
                request.session["filer_last_folder_id"] = folder.pk
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.manages_all(request):
            return queryset
        lookup = f"{self.house_lookup}__in"
        return queryset.filter(**{lookup: House.objects.managed_by(request.user)}).distinct()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is House and not self.manages_all(request):
            kwargs["queryset"] = House.objects.managed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.related_model is House and not self.manages_all(request):
            kwargs["queryset"] = House.objects.managed_by(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_list_filter(self, request):
        """A team's filters offer only what its own list holds: its activities, its events,
        not every house's (Django's RelatedOnlyFieldListFilter on each relation)."""
        filters = super().get_list_filter(request)
        if self.manages_all(request):
            return filters
        return [self._filter_of_what_is_listed(item) for item in filters]

    def _filter_of_what_is_listed(self, item):
        if not isinstance(item, str):
            return item
        try:
            field = get_fields_from_path(self.model, item)[-1]
        except (FieldDoesNotExist, admin.utils.NotRelationField):
            return item
        if field.is_relation and (field.many_to_one or field.many_to_many):
            return (item, admin.RelatedOnlyFieldListFilter)
        return item

    def get_changeform_initial_data(self, request):
        """A team of one house finds it already chosen in a new object's required house fields
        (an event's organiser, an activity's houses; not an optional « dans la maison »)."""
        initial = super().get_changeform_initial_data(request)
        if self.manages_all(request):
            return initial
        houses = list(House.objects.managed_by(request.user)[:2])
        if len(houses) != 1:
            return initial
        for field in self.model._meta.get_fields():
            if getattr(field, "related_model", None) is not House or field.auto_created:
                continue
            if field.blank and not field.many_to_many:
                continue
            if field.many_to_many:
                initial.setdefault(field.name, [houses[0].pk])
            elif field.many_to_one:
                initial.setdefault(field.name, houses[0].pk)
        return initial

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if self.manages_all(request):
            return form
        names = [
            field.name
            for field in self.model._meta.many_to_many
            if field.related_model is House and field.name in form.base_fields
        ]
        if not names:
            return form
        attrs = {
            "scoped_house_fields": names,
            "scope_ids": frozenset(
                House.objects.managed_by(request.user).values_list("pk", flat=True)
            ),
            "scope_field": self.house_lookup if self.house_lookup in names else None,
            "shared_houses_text": self.shared_houses_text,
        }
        return type(form.__name__, (ScopedHousesFormMixin, form), attrs)

    def shared_beyond_scope(self, request, objs):
        """Those of `objs` also linked to houses the user does not manage (shared activities).

        One query for the lot, whether the admin asks for one object or a list.
        """
        if self.manages_all(request):
            return []
        objs = list(objs)
        scope = House.objects.managed_by(request.user)
        shared_pks = set()
        for field in self.model._meta.many_to_many:
            if field.related_model is House:
                shared_pks |= set(
                    self.model._default_manager.filter(pk__in=[obj.pk for obj in objs])
                    .filter(**{f"{field.name}__in": House.objects.exclude(pk__in=scope)})
                    .values_list("pk", flat=True)
                )
        return [obj for obj in objs if obj.pk in shared_pks]

    def has_delete_permission(self, request, obj=None):
        # Deleting a shared object would take it from the other houses too:
        # a team unticks its own house instead.
        if obj is not None and self.shared_beyond_scope(request, [obj]):
            return False
        return super().has_delete_permission(request, obj)

    def get_deleted_objects(self, objs, request):
        """The list action « Supprimer » refuses, naming them, the objects shared with others."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        shared = self.shared_beyond_scope(request, objs)
        if shared:
            perms_needed = set(perms_needed) | {
                gettext("%(objects)s, partagée(s) avec une autre maison : décochez plutôt la vôtre")
                % {"objects": ", ".join(f"« {obj} »" for obj in shared)}
            }
        return deleted, model_count, perms_needed, protected

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and not self.manages_all(request):
            # Exists but belongs to another house: refuse rather than "not found".
            try:
                exists = self.model._default_manager.filter(pk=object_id).exists()
            except (ValueError, ValidationError):
                exists = False
            if exists:
                raise PermissionDenied
        return obj
