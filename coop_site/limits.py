"""Length limits shown where people type, and refused rather than cut.

Every text field of every form of the site (admin, CMS plugin forms, wizards,
public forms) that has a `max_length` is rendered by `LimitedBoundField`, set
project-wide through Django's `FORM_RENDERER` (its `bound_field_class`):

- its help text gains « 160 caractères au plus » (so the limit is visible
  and read out with the field, without JavaScript);
- the browser's `maxlength` attribute is dropped, because a browser silently
  cuts what is pasted or typed beyond it; the field's own `MaxLengthValidator`
  refuses the text at the field, with Django's French message, and nothing
  is saved;
- the widget gets `data-maxlength-counter="160"`, which static/js/char-counter.js
  turns into a live « 42 / 160 caractères » counter (progressive enhancement).
"""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.utils.text import slugify
from django.utils.translation import ngettext


def limit_text(max_length):
    return ngettext("%(count)s caractère au plus", "%(count)s caractères au plus", max_length) % {
        "count": max_length
    }


def typed_text_limit(field):
    """The `max_length` of a field where a person types text, or None."""
    if not isinstance(field, forms.CharField) or not field.max_length:
        return None
    if field.widget.is_hidden or field.disabled:
        return None
    return field.max_length


class LimitedBoundField(BoundField):
    def __init__(self, form, field, name):
        super().__init__(form, field, name)
        self.max_length = typed_text_limit(field)
        if self.max_length:
            # Help texts are HTML in Django's templates (rendered `|safe`).
            help_text = str(self.help_text).strip()
            if help_text and help_text[-1] not in ".!?…»":
                help_text += "."
            self.help_text = f"{help_text} {limit_text(self.max_length)}.".strip()

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.max_length:
            attrs["maxlength"] = False  # Django's widget templates then omit the attribute
            attrs["data-maxlength-counter"] = self.max_length
        return attrs


class FormRenderer(DjangoTemplates):
    bound_field_class = LimitedBoundField


def slug_within(text, max_length):
    """`text` as a slug of at most `max_length` characters, cut between words."""
    slug = slugify(text)
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1].rsplit("-", 1)[0]
    return cut if cut and len(cut) <= max_length else slug[:max_length]
