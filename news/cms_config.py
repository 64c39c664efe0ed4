from cms.app_base import CMSAppConfig
from django.template.response import TemplateResponse

from .models import NewsItem


def render_news_item(request, item):
    """How the CMS shows a news item in edit and preview mode."""
    return TemplateResponse(request, item.get_template(), {"item": item, "object": item})


class NewsCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_toolbar_enabled_models = [(NewsItem, render_news_item)]
