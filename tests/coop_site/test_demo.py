"""The demo loaders' data files: each one is read and has the keys its loader needs."""

import pytest
from django.conf import settings
from django.utils.module_loading import import_string

from coop_site.demo import DemoData, DemoDataError

pytestmark = pytest.mark.django_db

LOADER_MODULES = [path.rsplit(".", 1)[0] for path in settings.COOP_DEMO_LOADERS]


@pytest.mark.parametrize("module_path", LOADER_MODULES)
def test_every_demo_loader_reads_its_yaml_file_beside_it(module_path):
    data = import_string(f"{module_path}.DATA")

    assert data.path.name == "demo.yaml"
    assert data.path.parent.name == module_path.split(".")[0]
    assert set(data.data) >= set(data.required)  # every required key, checked item by item


def test_a_missing_key_names_the_file_and_the_key(tmp_path):
    loader = tmp_path / "demo.py"
    (tmp_path / "demo.yaml").write_text("houses:\n- slug: a\n  name: A\n- slug: b\n")

    with pytest.raises(DemoDataError) as error:
        DemoData(loader, required={"houses": ("slug", "name")})["houses"]
    assert str(error.value) == f"{tmp_path / 'demo.yaml'} : la clé « name » manque dans houses[1]"

    with pytest.raises(DemoDataError) as error:
        DemoData(loader, required={"houses": (), "events": ()})["houses"]
    assert str(error.value) == f"{tmp_path / 'demo.yaml'} : la clé « events » manque"


def test_a_yaml_file_that_is_not_a_mapping_is_refused(tmp_path):
    (tmp_path / "demo.yaml").write_text("- just\n- a list\n")

    with pytest.raises(DemoDataError, match="demo.yaml"):
        DemoData(tmp_path / "demo.py", required={})["houses"]
