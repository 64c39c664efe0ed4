"""Form behaviour every app shares."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class AccessibleFormMixin:
    """Ties each field to its help and error texts for screen readers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            # The bound field's help text: it also carries the length limit (coop_site.limits).
            if self[name].help_text:
                field.widget.attrs.setdefault("aria-describedby", f"id_{name}_help")

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                described = widget.attrs.get("aria-describedby", "")
                widget.attrs["aria-describedby"] = f"{described} id_{name}_error".strip()


PHONE_MESSAGE = _(
    "Ce numéro de téléphone n'est pas valable : écrivez-le en chiffres, par exemple 06 12 34 56 78."
)


def validate_phone(value):
    """A phone number someone can call back: 10 digits from 0 (French), or + and 8 to 15 digits.

    Spaces, dots, dashes and brackets are allowed between the digits.
    """
    text = value.strip()
    if not re.fullmatch(r"\+?[\d\s.()-]+", text):
        raise ValidationError(PHONE_MESSAGE, code="phone")
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        valid = 8 <= len(digits) <= 15
    else:
        valid = len(digits) == 10 and digits.startswith("0")
    if not valid:
        raise ValidationError(PHONE_MESSAGE, code="phone")
