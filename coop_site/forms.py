"""Form behaviour every app shares."""


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
