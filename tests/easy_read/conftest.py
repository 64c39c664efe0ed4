from tests.houses.conftest import houses_pages  # noqa: F401 (a fixture)
