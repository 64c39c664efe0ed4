"""Demo data of the evaluation app."""


def load(*, stdout):
    pass
