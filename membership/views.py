from django.views.generic import TemplateView

from houses.models import Season

from . import services
from .forms import CalculatorForm


class JoinView(TemplateView):
    """/adherer/: the houses side by side, and the calculator (`?quotient=650&activite=slug`)."""

    template_name = "membership/join.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        season = Season.objects.current()
        columns = services.comparison(season=season)
        asked = "quotient" in self.request.GET or "activite" in self.request.GET
        form = CalculatorForm(
            self.request.GET if asked else None, activities=services.priced_activities()
        )
        quotient = quote = None
        grid_quotes = False
        if form.is_valid():
            quotient = form.cleaned_data["quotient"]
            activity = form.cleaned_data["activite"]
            if activity is not None:
                quote = services.quote_activity(activity, quotient)
            else:
                grid_quotes = services.quote_grids(columns, quotient)
        context.update(
            season=season,
            columns=columns,
            form=form,
            quotient=quotient,
            quote=quote,
            grid_quotes=grid_quotes,
            has_grids=any(column.grids for column in columns),
            is_sample=any(column.is_sample for column in columns),
        )
        return context
