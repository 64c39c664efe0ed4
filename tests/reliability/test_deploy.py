"""The example systemd units in deploy/ run commands that exist, with paths that agree."""

import configparser
import importlib
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import get_commands

# No database is read; the suite's autouse fixtures clear the CMS menu cache at teardown.
pytestmark = pytest.mark.django_db

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
APP = "/srv/coop_site/app"


SERVICES = sorted(path.name for path in DEPLOY.glob("*.service"))
TIMERS = sorted(path.name for path in DEPLOY.glob("*.timer"))


def test_the_worker_runs_the_task_queue_of_the_project():
    argv = command_line(unit("coop-site-worker.service"))
    assert argv[:3] == [f"{APP}/.venv/bin/python", "manage.py", "worker"]


@pytest.mark.parametrize("name", [name for name in SERVICES if name != "coop-site.service"])
def test_each_service_runs_a_command_of_the_project(name):
    # Read from the text: a oneshot service may have several ExecStart lines.
    lines = [
        line.removeprefix("ExecStart=")
        for line in (DEPLOY / name).read_text().splitlines()
        if line.startswith("ExecStart=")
    ]
    assert lines
    for line in lines:
        argv = shlex.split(line.removeprefix("-"))  # "-": a failure does not stop the next
        assert argv[:2] == [f"{APP}/.venv/bin/python", "manage.py"]
        assert argv[2] in get_commands(), argv


@pytest.mark.parametrize("name", TIMERS)
def test_each_timer_starts_a_service_that_is_shipped(name):
    timer = unit(name)
    assert (DEPLOY / timer["Timer"]["Unit"]).exists()
    assert timer["Timer"]["OnCalendar"]
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"


def unit(name):
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string((DEPLOY / name).read_text())
    return parser


def command_line(service, key="ExecStart"):
    return shlex.split(service["Service"][key])


@pytest.mark.parametrize("name", SERVICES)
def test_services_run_from_the_app_folder_with_the_environment_file(name):
    service = unit(name)["Service"]
    assert service["WorkingDirectory"] == APP
    assert service["EnvironmentFile"] == "/etc/coop-site/env"
    assert service["User"] == "coop"
    program = command_line(unit(name))[0]
    assert program.startswith(f"{APP}/.venv/bin/"), program


def test_the_web_service_runs_gunicorn_on_the_project_wsgi_module():
    argv = command_line(unit("coop-site.service"))
    assert Path(argv[0]).name == "gunicorn"
    module = argv[1]
    assert importlib.import_module(module).application  # coop_site.wsgi exists
    assert argv[argv.index("--bind") + 1] == "127.0.0.1:8001"
    # gunicorn tells systemd when it is ready (Type=notify) and reloads on HUP.
    assert unit("coop-site.service")["Service"]["Type"] == "notify"
    assert "HUP" in unit("coop-site.service")["Service"]["ExecReload"]


def test_the_web_service_may_write_the_media_and_private_folders():
    writable = unit("coop-site.service")["Service"]["ReadWritePaths"].split()
    assert {"/srv/coop_site/media", "/srv/coop_site/private"} <= set(writable)


def test_the_backup_service_runs_the_backup_command_into_the_backup_folder():
    argv = command_line(unit("coop-site-backup.service"))
    assert Path(argv[0]).name == "python"
    assert argv[1] == "manage.py"
    command = argv[2]
    assert command == "backup"
    assert get_commands()[command] == "coop_site"
    output = argv[argv.index("--output") + 1]
    assert output in unit("coop-site-backup.service")["Service"]["ReadWritePaths"].split()
    assert int(argv[argv.index("--keep") + 1]) >= 7


def test_the_timer_starts_the_backup_service_every_night():
    timer = unit("coop-site-backup.timer")
    assert timer["Timer"]["Unit"] == "coop-site-backup.service"
    assert (DEPLOY / timer["Timer"]["Unit"]).exists()
    assert timer["Timer"]["OnCalendar"].startswith("*-*-* ")
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"


def test_the_readme_installs_the_units_it_ships():
    readme = (DEPLOY.parent / "README.md").read_text()
    for name in [*SERVICES, *TIMERS]:
        assert f"deploy/{name}" in readme
    assert "manage.py restore" in readme
    assert "deploy/nginx.conf" in readme


def test_systemd_accepts_the_units(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze absent : les unités ne sont vérifiées que par leur texte.")
    names = [*SERVICES, *TIMERS]
    for name in names:
        shutil.copy(DEPLOY / name, tmp_path / name)
    result = subprocess.run(
        [analyze, "verify", "--man=no", *(f"./{name}" for name in names)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    # Only the programs of a real installation are missing here (/srv/coop_site/app/.venv).
    complaints = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and "is not executable: No such file or directory" not in line
    ]
    assert complaints == []
