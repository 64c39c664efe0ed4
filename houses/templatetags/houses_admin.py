"""Admin screens of the houses app."""

from django import template

from houses.models import House, manages_all_houses

register = template.Library()


@register.simple_tag
def team_houses(user):
    """The houses `user`'s team looks after; none for those who manage them all."""
    if not user.is_authenticated or manages_all_houses(user):
        return []
    if not user.has_perm("houses.change_house"):
        return []
    return list(House.objects.managed_by(user))
