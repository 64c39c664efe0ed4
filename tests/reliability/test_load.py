"""The site under load, and under a database restart, as it runs in production.

gunicorn with production settings (DEBUG off) on PostgreSQL with the demo
content, on loopback; bounded in time. PostgreSQL only: the production engine.
"""

import time

import pytest

from .servers import (
    FAULT_GUNICORN_PORT,
    FAULT_PG_PORT,
    GUNICORN_PORT,
    MAIN_PAGES,
    Gunicorn,
    ThrowawayPostgres,
    drive,
    postgresql_only,
    production_env,
    request,
    summary,
)
from .subprocess_site import manage

pytestmark = [pytest.mark.load, *postgresql_only("Tests de charge et de panne")]


def test_fifty_clients_for_thirty_seconds_get_no_error(demo_site, static_root, tmp_path):
    env = production_env(demo_site, static_root)
    with Gunicorn(env, GUNICORN_PORT, log=tmp_path / "gunicorn.log"):
        hits = drive(GUNICORN_PORT, MAIN_PAGES, clients=50, duration=30)
    statuses = summary(hits)
    assert set(statuses) == {200}, (statuses, (tmp_path / "gunicorn.log").read_text()[-3000:])
    assert {hit.path for hit in hits} == set(MAIN_PAGES)


def test_a_database_restart_gives_503_while_down_then_200_without_restarting_the_app(
    demo_archive, static_root, tmp_path
):
    log = tmp_path / "gunicorn.log"
    with ThrowawayPostgres(FAULT_PG_PORT) as postgres:
        postgres.create_database("coop_ops_fault")
        site = {
            "DATABASE_URL": postgres.url("coop_ops_fault"),
            "MEDIA_ROOT": str(tmp_path / "media"),
            "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
        }
        manage("restore", str(demo_archive), **site)
        with Gunicorn(production_env(site, static_root), FAULT_GUNICORN_PORT, log=log) as server:
            workers = server.worker_pids()
            marks = {}

            def restart_the_database():
                time.sleep(3)
                marks["stopping"] = time.monotonic()
                postgres.stop()
                marks["down"] = time.monotonic()
                time.sleep(1)
                marks["healthz"] = request(FAULT_GUNICORN_PORT, "/healthz")
                time.sleep(2)
                marks["starting"] = time.monotonic()
                postgres.start()
                marks["back"] = time.monotonic()

            hits = drive(
                FAULT_GUNICORN_PORT,
                MAIN_PAGES,
                clients=16,
                duration=17,
                events=restart_the_database,
            )
            assert server.process.poll() is None, "gunicorn still runs"
            assert server.worker_pids() == workers, "no worker was restarted"

    details = log.read_text()[-3000:]
    assert not [hit for hit in hits if hit.status is None], details
    before = [hit for hit in hits if hit.ended < marks["stopping"]]
    down = [hit for hit in hits if hit.started > marks["down"] and hit.ended < marks["starting"]]
    recovering = [
        hit for hit in hits if hit.ended >= marks["stopping"] and hit.started < marks["back"] + 5
    ]
    after = [hit for hit in hits if hit.started >= marks["back"] + 5]
    assert before and down and after, (len(before), len(down), len(after))
    assert set(summary(before)) == {200}, details
    # Back within 5 seconds: every page answers again, with the same workers (checked above).
    assert set(summary(after)) == {200}, (summary(after), details)
    status, _ = marks["healthz"]
    assert status == 503, "/healthz names the database while it is down"
    # While the database is down: the French 503 page with Retry-After, never a 500,
    # for every request that reaches the database; pages kept in the page cache
    # still answer 200 to visitors without a cookie.
    rendered = [hit for hit in down if hit.cookie]
    assert set(summary(rendered)) == {503}, (summary(rendered), details)
    assert all("Retry-After" in hit.detail for hit in rendered)
    assert set(summary(down)) <= {200, 503}, (summary(down), details)
    assert set(summary(recovering)) <= {200, 503}, (summary(recovering), details)
