"""Demo data of the news app."""


def load(*, stdout):
    pass
