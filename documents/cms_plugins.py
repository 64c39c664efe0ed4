from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from .forms import DocumentListForm
from .models import Document, DocumentList
from .services import can_upload_document, document_create_from_upload, document_entry

UPLOAD_FIELDS = ["upload_file", "upload_title", "upload_year", "upload_houses"]


@plugin_pool.register_plugin
class DocumentsPlugin(CMSPluginBase):
    model = DocumentList
    name = _("Documents à télécharger")
    module = _("Contenu")
    render_template = "documents/plugins/documents.html"
    form = DocumentListForm
    filter_horizontal = ["documents"]
    fieldsets = [
        (None, {"fields": ["title"]}),
        (_("Un nouveau document, envoyé d'ici"), {"fields": UPLOAD_FIELDS}),
        (_("Des documents déjà en ligne"), {"fields": ["documents"]}),
        (
            _("Sans choix : les derniers documents publiés"),
            {"fields": ["house", "limit"], "classes": ["collapse"]},
        ),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if can_upload_document(request.user):
            return fieldsets
        return [entry for entry in fieldsets if entry[1]["fields"] is not UPLOAD_FIELDS]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not can_upload_document(request.user):
            # Not offered, and not accepted from a hand-made request either.
            for name in UPLOAD_FIELDS:
                form.base_fields.pop(name, None)
        return form

    def save_related(self, request, form, formsets, change):
        # After the chosen documents are saved, or saving them would drop the new one.
        super().save_related(request, form, formsets, change)
        upload = form.cleaned_data.get("upload_file")
        if upload:
            document = document_create_from_upload(
                file=upload,
                title=form.cleaned_data.get("upload_title", ""),
                year=form.cleaned_data.get("upload_year"),
                houses=form.cleaned_data.get("upload_houses") or (),
                user=request.user,
            )
            form.instance.documents.add(document)

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
        context["entries"] = [
            document_entry(document) for document in documents if document.download_url
        ]
        return context
