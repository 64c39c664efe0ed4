from django import forms
from django.utils.translation import gettext_lazy as _

from coop_site.lists import FilterForm
from houses.models import House

from .models import Category, NewsItem
from .services import news_publication_errors


class NewsFilterForm(FilterForm):
    """The list's filters, read from the query string (works without JavaScript)."""

    maison = forms.ModelChoiceField(
        label=_("Maison"),
        queryset=House.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Toutes les maisons"),
        error_messages={"invalid_choice": _("Cette maison n'existe pas : choisissez-en une.")},
    )
    categorie = forms.ModelChoiceField(
        label=_("Catégorie"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Toutes les catégories"),
        error_messages={"invalid_choice": _("Cette catégorie n'existe pas : choisissez-en une.")},
    )

    def filter_queryset(self, queryset, filters):
        if "maison" in filters:
            queryset = queryset.for_house(filters["maison"])
        if "categorie" in filters:
            queryset = queryset.for_category(filters["categorie"])
        return queryset


class NewsItemAdminForm(forms.ModelForm):
    """The change form: « Publiée » is refused while the body may not go public."""

    class Meta:
        model = NewsItem
        fields = ["status"]  # the admin adds the fields of its fieldsets

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == NewsItem.Status.PUBLISHED and self.instance.pk:
            errors = news_publication_errors(self.instance)
            if errors:
                raise forms.ValidationError(errors)
        return status
