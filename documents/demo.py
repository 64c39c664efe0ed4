"""Demo data of the documents app."""


def load(*, stdout):
    pass
