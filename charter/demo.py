"""Demo data of the charter app."""


def load(*, stdout):
    pass
