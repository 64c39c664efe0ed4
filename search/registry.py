"""What each app offers to the search, declared in <app>/search_index.py.

from search.registry import Index, register

@register
class HouseIndex(Index):
    model = House
    kind = Kind.HOUSES
    def public(self): ...
    def document(self, house): return Document(title=..., body=..., url=...)
"""

import dataclasses
import datetime

from coop_site.formatting import plain_text

_indexes = []


@dataclasses.dataclass
class Document:
    title: str
    url: str
    body: str = ""
    date: datetime.date | None = None
    visible_from: datetime.date | None = None


class Index:
    model = None
    kind = None
    # Other models whose change changes this index's text: {model: function(instance) -> objects}
    related = {}

    def public(self):
        """Everything visitors may find; anything else leaves the index."""
        return self.model._default_manager.all()

    def document(self, obj):
        raise NotImplementedError

    def key_prefix(self):
        return f"{self.model._meta.label_lower}:"

    def key(self, obj):
        return f"{self.key_prefix()}{obj.pk}"

    def public_version(self, obj):
        """The public object behind `obj` (itself, or None once it is no longer public)."""
        return self.public().filter(pk=obj.pk).first()


def register(index_class):
    _indexes.append(index_class())
    return index_class


def indexes():
    return list(_indexes)


def index_for(instance):
    return [index for index in _indexes if isinstance(instance, index.model)]


def indexes_related_to(instance):
    return [
        (index, function)
        for index in _indexes
        for model, function in index.related.items()
        if isinstance(instance, model)
    ]


def plugins_text(placeholders, language="fr"):
    """The words of every plugin of `placeholders`, in order (each plugin's search_fields)."""
    from cms.utils.plugins import downcast_plugins

    words = []
    for placeholder in placeholders:
        plugins = placeholder.get_plugins(language).order_by("position")
        for plugin in downcast_plugins(plugins):
            for field in getattr(plugin, "search_fields", ()):
                words.append(plain_text(str(getattr(plugin, field, "") or "")))
    return "\n".join(word for word in words if word)
