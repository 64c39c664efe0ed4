from tests.houses.conftest import houses_pages  # noqa: F401  (the activities' and agenda's pages)
