from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Actualités (Focus)")

    def ready(self):
        from houses.sections import register_section

        from .templatetags.news_tags import latest_news

        # A house's page ends with its three latest news items.
        register_section(
            "news",
            template="news/includes/house_section.html",
            context=lambda house: {"news_items": latest_news(house=house, count=3)},
        )
