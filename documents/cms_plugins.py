from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from .models import Document, DocumentList
from .services import document_entry


@plugin_pool.register_plugin
class DocumentsPlugin(CMSPluginBase):
    model = DocumentList
    name = _("Documents à télécharger")
    module = _("Contenu")
    render_template = "documents/plugins/documents.html"
    fields = ["title", "documents", "house", "limit"]
    filter_horizontal = ["documents"]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        documents = Document.objects.published().for_listing()
        chosen = documents.filter(pk__in=instance.documents.values("pk"))
        if chosen.exists():
            documents = chosen
        else:
            if instance.house_id:
                documents = documents.filter(houses=instance.house_id)
            documents = documents[: instance.limit]
        context["entries"] = [document_entry(document) for document in documents]
        return context
