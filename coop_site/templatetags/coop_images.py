from django import template

from coop_site.images import filer_text, renditions

register = template.Library()


@register.inclusion_tag("includes/responsive_image.html")
def responsive_image(image, alt="", sizes="100vw", lazy=True, **attrs):
    """A <picture>: WebP renditions, then an <img> with srcset and explicit dimensions; or a placeholder."""
    sources = renditions(image)
    largest = sources[-1] if sources else None
    return {
        "sources": sources,
        "webp_sources": renditions(image, webp=True) if sources else [],
        "src": largest,
        # Often a filer image's own alt text, None when never typed: never "None".
        "alt": filer_text(alt),
        "sizes": sizes,
        "lazy": lazy,
        "css_class": attrs.get("class", ""),
    }
