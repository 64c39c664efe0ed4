"""The houses app's URL modules, one per namespace.

`houses`, `activities`, `agenda` and `common_base` are hooked to CMS pages
(houses.cms_apps); `feeds` is included at a fixed address by coop_site.urls.
"""
