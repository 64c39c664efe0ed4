from functools import partial

from django import forms

from .models import CallToAction


class CallToActionForm(forms.ModelForm):
    class Meta:
        model = CallToAction
        fields = ["text", "style", "page", "house", "event", "report", "document", "external_url"]
        # An address typed without its scheme reads as https://, the only one accepted.
        field_classes = {"external_url": partial(forms.URLField, assume_scheme="https")}
