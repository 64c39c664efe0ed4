"""Demo data of the galleries app."""


def load(*, stdout):
    pass
