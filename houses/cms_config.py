from cms.app_base import CMSAppConfig

from .models import Action, House
from .views import ActionDetailView, HouseDetailView


def render_house(request, house):
    """The house page in the CMS's edit mode, where staff write its presentation."""
    return HouseDetailView.as_view()(request, slug=house.slug)


def render_action(request, action):
    """The action page in edit mode, where staff write its body."""
    return ActionDetailView.as_view()(request, slug=action.slug)


class HousesCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_toolbar_enabled_models = [(House, render_house), (Action, render_action)]
