"""Creation wizards of the CMS's "Créer" button, besides the CMS's own "Nouvelle page".

Registered by coop_site/cms_config.py (django CMS 5 collects wizards from the apps'
`cms_config.py`). "Nouvelle actualité" creates a draft news item and opens it
in edit mode; "Nouvelle galerie" creates a draft page holding a photo gallery
fed by a media-library folder.
"""

from cms.api import add_plugin
from cms.cms_wizards import CMSPageWizard
from cms.forms.wizards import CreateCMSPageForm
from cms.models import Page
from cms.toolbar.utils import get_object_structure_url
from cms.wizards.wizard_base import Wizard
from django import forms
from django.core.validators import MaxLengthValidator
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from filer.models import Folder

from coop_site.limits import slug_within
from documents.services import can_upload_document, document_create_from_upload
from documents.uploads import check_document_upload
from galleries.models import Gallery
from news.models import NewsItem


class NewsItemWizardForm(forms.ModelForm):
    body = forms.CharField(
        label=_("Texte de l'actualité"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_(
            "Facultatif : le premier paragraphe du corps. Vous pourrez ensuite ajouter "
            "images, galeries et documents en mode édition."
        ),
    )

    # One file only: the CMS wizard keeps a single file per field between its steps.
    document = forms.FileField(
        label=_("Document à télécharger"),
        required=False,
        help_text=_(
            "Facultatif : un PDF, un document bureautique ou une image à offrir en "
            "téléchargement (programme, affiche...). Il est montré dans l'actualité et publié "
            "dans la page Documents du site ; d'autres peuvent être ajoutés ensuite avec le "
            "bloc « Documents à télécharger »."
        ),
    )

    class Meta:
        model = NewsItem
        fields = ["title", "slug", "published_on", "teaser", "category", "houses"]
        widgets = {"teaser": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        # The CMS mixes in its wizard form base, which sets `language_code` and `_request`.
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Laissez vide : elle sera tirée du titre.")
        if not can_upload_document(self._request.user):
            del self.fields["document"]

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            check_document_upload(document)
        return document

    def clean_slug(self):
        # Room is left for the "-2" that keeps the slug unique; cut between words.
        max_length = NewsItem._meta.get_field("slug").max_length - 10
        slug = self.cleaned_data.get("slug") or slug_within(
            self.cleaned_data.get("title", ""), max_length
        )
        if not slug:
            raise forms.ValidationError(_("Donnez une adresse web (lettres, chiffres, tirets)."))
        base, n = slug, 2
        while NewsItem.objects.filter(slug=slug).exists():
            slug = f"{base}-{n}"
            n += 1
        return slug

    @transaction.atomic
    def save(self, commit=True):
        item = super().save(commit=True)  # a draft: status defaults to "Brouillon"
        body = self.cleaned_data.get("body", "").strip()
        if body:
            paragraphs = "".join(f"<p>{p.strip()}</p>" for p in body.split("\n\n") if p.strip())
            add_plugin(item.body, "TextPlugin", self.language_code, body=paragraphs)
        upload = self.cleaned_data.get("document")
        if upload:
            document = document_create_from_upload(
                file=upload, title="", user=self._request.user, houses=item.houses.all()
            )
            block = add_plugin(item.body, "DocumentsPlugin", self.language_code)
            block.documents.add(document)
        return item


class NewsItemWizard(Wizard):
    def user_has_add_permission(self, user, **kwargs):
        return user.has_perm("news.add_newsitem")

    def get_success_url(self, obj, **kwargs):
        # A new item's body is empty: open it where blocks are added (structure
        # mode), not in the content view where there is nothing to click yet.
        return get_object_structure_url(obj)


news_wizard = NewsItemWizard(
    title=_("Nouvelle actualité"),
    weight=120,
    form=NewsItemWizardForm,
    model=NewsItem,
    description=_(
        "Écrire une actualité (Focus) : elle reste un brouillon jusqu'à ce que vous la publiiez."
    ),
)


class GalleryPageWizardForm(CreateCMSPageForm):
    """A new page whose main content is a photo gallery fed by a media-library folder."""

    content = None
    folder = forms.ModelChoiceField(
        label=_("Dossier d'images"),
        queryset=Folder.objects.order_by("name"),
        help_text=_(
            "Le dossier de la médiathèque dont la galerie montre les images ; "
            "les images ajoutées plus tard au dossier y apparaîtront aussi."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The title is also the gallery's title: refuse what it could not keep.
        max_length = Gallery._meta.get_field("title").max_length
        title = self.fields["title"]
        title.max_length = max_length
        title.validators.append(MaxLengthValidator(max_length))

    @transaction.atomic
    def save(self, **kwargs):
        page = super().save(**kwargs)
        page_content = page.pagecontent_set(manager="admin_manager").first()
        add_plugin(
            self.get_placeholder(page_content, slot="content"),
            "GalleryPlugin",
            self.language_code,
            title=self.cleaned_data["title"],
            folder=self.cleaned_data["folder"],
        )
        return page


class GalleryPageWizard(CMSPageWizard):
    def user_has_add_permission(self, user, page=None, **kwargs):
        return user.has_perm("galleries.add_gallery") and super().user_has_add_permission(
            user, page=page, **kwargs
        )


gallery_wizard = GalleryPageWizard(
    title=_("Nouvelle galerie"),
    weight=130,
    form=GalleryPageWizardForm,
    model=Page,
    description=_(
        "Créer une page qui présente les photos d'un dossier de la médiathèque "
        "(brouillon, à prévisualiser puis publier)."
    ),
)
