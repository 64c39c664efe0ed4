"""The <head> of every page (coop_site.seo) and the breadcrumb's JSON-LD."""

from django import template

from coop_site import seo

register = template.Library()


class CaptureNode(template.Node):
    # The blocks inside stay overridable: Django finds them through `nodelist`.
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        context[self.name] = self.nodelist.render(context)
        return ""


@register.tag
def capture(parser, token):
    """{% capture name %}…{% endcapture %}: renders nothing, keeps the text in `name`.

    base.html captures the `title` and `description` blocks that pages override,
    so that <title>, OpenGraph, Twitter and JSON-LD all say the same.
    """
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% capture name %} prend un seul nom.")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(context, obj=None, noindex=False):
    """<title>, description, canonical, OpenGraph, Twitter, feeds and JSON-LD of the page.

    `obj` is the object the page shows (a house, an event...), if any.
    """
    return seo.page_meta(
        context,
        obj=obj,
        title=context.get("page_title", ""),
        description=context.get("page_description", ""),
        noindex=noindex,
    )


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context, ancestors, last_step=""):
    """The breadcrumb as a schema.org BreadcrumbList (menu nodes, then `last_step`)."""
    # Without a home page, django CMS puts None first.
    steps = [(node.get_menu_title(), node.get_absolute_url()) for node in ancestors if node]
    if last_step:
        steps.append((str(last_step), ""))
    elif steps:
        steps[-1] = (steps[-1][0], "")
    if len(steps) < 2:
        return ""
    return seo.json_ld(seo.breadcrumb_ld(context["request"], steps))
