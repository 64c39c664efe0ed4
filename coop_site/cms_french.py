"""French names that django CMS's packages leave untranslatable.

Its `Text` model has no `verbose_name` (Django then shows the class name:
"Ajout de text") and its form's `body` field has no label ("Body"), so no
catalogue can translate them. `CoopSiteConfig.ready` names them here. Only
the names change: the model's migration state (`Meta.original_attrs`) is
untouched, so no migration follows.
"""

from django.utils.translation import gettext_lazy as _


def name_text_plugin_in_french():
    from djangocms_text.cms_plugins import TextPlugin
    from djangocms_text.forms import TextForm
    from djangocms_text.models import Text

    class FrenchTextForm(TextForm):
        # The plugin subclasses its form and declares `body` again, without a
        # label: name it once the form is built.
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["body"].label = _("Texte")

    Text._meta.verbose_name = _("texte")
    Text._meta.verbose_name_plural = _("textes")
    TextPlugin.form = FrenchTextForm


def name_version_models_in_french():
    """djangocms-versioning builds one proxy model per versioned content, named
    after its class ("Page content versions" in the admin index)."""
    from django.apps import apps

    versioning = apps.get_app_config("djangocms_versioning").cms_extension
    for versionable in versioning.versionables:
        proxy = versionable.version_model_proxy
        if versionable.content_model._meta.label == "cms.PageContent":
            proxy._meta.verbose_name = _("version de page")
            proxy._meta.verbose_name_plural = _("versions des pages")
        else:
            name = versionable.content_model._meta.verbose_name
            proxy._meta.verbose_name = _("version : %(name)s") % {"name": name}
            proxy._meta.verbose_name_plural = _("versions : %(name)s") % {"name": name}
