"""The contact form's « À l'attention de » list: roles other apps offer, unknown to houses.

An app registers, from its `AppConfig.ready()`, a function that takes a house
and returns the roles (texts such as « Directrice ») a visitor may address a
message to. The house's contact form offers them; the message keeps the role
chosen, never a person's address: the house receives every message.

    # people/apps.py
    from houses.recipients import register_recipients
    register_recipients("people", roles=lambda house: [...])
"""

_providers = {}


def register_recipients(name, *, roles):
    """Adds (or replaces, under the same name) a source of roles for the contact form."""
    _providers[name] = roles


def recipient_roles(house):
    """The roles offered by the contact form of `house`, each once, in the order given."""
    roles = []
    for provider in _providers.values():
        for role in provider(house):
            if role and role not in roles:
                roles.append(role)
    return roles
