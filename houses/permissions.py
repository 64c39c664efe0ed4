"""Who may manage which house's data.

A house's staff group (`House.staff_group`) manages that house only; the
Coopération-wide group and superusers manage every house. The houses,
charter and other apps share these rules through `HouseScopedAdminMixin`.
"""

from django.core.exceptions import PermissionDenied, ValidationError

from .models import House

COOPERATION_WIDE_GROUP = "Équipe Coopération (toutes les maisons)"


def manages_all_houses(user):
    """Superusers, the Coopération-wide group and whoever may change the houses themselves."""
    return (
        user.is_superuser
        or user.has_perm("houses.change_house")
        or user.groups.filter(name=COOPERATION_WIDE_GROUP).exists()
    )


def managed_houses(user):
    """The houses whose data `user` may change."""
    if not user.is_authenticated or not user.is_active:
        return House.objects.none()
    if manages_all_houses(user):
        return House.objects.all()
    return House.objects.filter(staff_group__in=user.groups.all())


class HouseScopedAdminMixin:
    """Admin mixin: staff see and change only the objects of their houses.

    `house_lookup` is the ORM path from the model to its house, e.g. "house"
    or "organiser". Objects of another house are absent from the list, and
    their change page answers 403.
    """

    house_lookup = "house"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if manages_all_houses(request.user):
            return queryset
        lookup = f"{self.house_lookup}__in"
        return queryset.filter(**{lookup: managed_houses(request.user)}).distinct()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is House and not manages_all_houses(request.user):
            kwargs["queryset"] = managed_houses(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.related_model is House and not manages_all_houses(request.user):
            kwargs["queryset"] = managed_houses(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and not manages_all_houses(request.user):
            # Exists but belongs to another house: refuse rather than "not found".
            try:
                exists = self.model._default_manager.filter(pk=object_id).exists()
            except (ValueError, ValidationError):
                exists = False
            if exists:
                raise PermissionDenied
        return obj
