"""The filtered, paginated list pages: one filter form and one view mixin for all of them.

A list page's filters are GET parameters, so they work without JavaScript and
stay in its address; its template pages with `{% querystring page=... %}`
(which keeps the filters) and `includes/pagination.html`.
"""

from django import forms

from .forms import AccessibleFormMixin


class FilterForm(AccessibleFormMixin, forms.Form):
    """A GET filter: a bad value is reported at its field and ignored, the others still apply.

    Subclasses say what the valid values do in `filter_queryset(queryset, filters)`.
    """

    def filters(self):
        """The valid, non-empty values, by field name."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "") and name not in self.errors
        }

    def apply(self, queryset):
        return self.filter_queryset(queryset, self.filters())

    def filter_queryset(self, queryset, filters):
        raise NotImplementedError


class FilteredListMixin:
    """For a ListView: its rows narrowed by `filter_form_class`, read from the query string.

    The view gives the unfiltered rows in `get_unfiltered_queryset()`; the
    template receives the form as `form` and `filtered` (some filter applies).
    """

    filter_form_class = None

    def get_filter_form_kwargs(self):
        return {}

    def get_filter_form(self):
        return self.filter_form_class(self.request.GET or None, **self.get_filter_form_kwargs())

    def get_unfiltered_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        self.form = self.get_filter_form()
        return self.form.apply(self.get_unfiltered_queryset())

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.form)
        kwargs.setdefault("filtered", bool(self.form.filters() or self.form.errors))
        return super().get_context_data(**kwargs)
