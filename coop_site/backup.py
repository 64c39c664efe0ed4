"""Back up the whole site into one archive, and rebuild a site from it.

`manage.py backup` and `manage.py restore` are thin commands over this module.

An archive is a `.tar.gz` holding:

- `manifest.json`: date, application version and commit, database engine,
  row counts per table and the SHA-256 of every other file of the archive;
- `database.dump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3`
  (SQLite, a consistent copy through SQLite's backup API);
- `media/...`: MEDIA_ROOT (the media library, thumbnails, documents);
- `private/...`: the evaluation's private files (report PDFs and covers), see
  `evaluation.storage.private_root()`.

On PostgreSQL the row counts and the dump read the same snapshot (the dump
imports the snapshot of the transaction that counts), so they agree even while
the site is being written to.

Restoring refuses a database that already has tables, or a media or private
folder that is not empty, unless `force=True`; then it checks the restored
site against the manifest (row counts, checksums) and says what it found.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.utils import timezone

from evaluation.storage import private_root

MANIFEST = "manifest.json"
FORMAT = 1
PG_DUMP_FILE = "database.dump"
SQLITE_FILE = "database.sqlite3"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or a restore that cannot go on; the message is French and says why."""


@dataclass
class RestoreReport:
    tables: int = 0
    files: int = 0
    problems: list[str] = field(default_factory=list)
    cache_cleared: bool = False

    @property
    def ok(self):
        return not self.problems


# --- Where things are --------------------------------------------------------


def folders():
    """The folders an archive holds, by their name in the archive."""
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(private_root())}


def engine(alias="default"):
    vendor = connections[alias].vendor
    if vendor not in {"postgresql", "sqlite"}:
        raise BackupError(
            f"Base de données « {vendor} » non prise en charge (PostgreSQL ou SQLite)."
        )
    return vendor


def default_output_dir():
    return Path(settings.COOP_BACKUP_DIR)


def archive_path(output=None, *, now=None):
    """The archive's path: `output` if it names a file, else a dated name in `output` (a folder)."""
    now = timezone.localtime(now)
    name = f"coop-site-{now:%Y%m%d-%H%M%S}.tar.gz"
    if output is None:
        return default_output_dir() / name
    output = Path(output)
    if output.is_dir() or str(output).endswith(os.sep) or not output.name.endswith(".tar.gz"):
        return output / name
    return output


def app_version():
    try:
        from importlib.metadata import version

        return version("coop-site")
    except Exception:
        return ""


def app_commit():
    if settings.COOP_COMMIT:
        return settings.COOP_COMMIT
    try:
        result = subprocess.run(
            ["git", "-C", str(settings.BASE_DIR), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


# --- Database helpers ----------------------------------------------------------


def table_names(alias="default"):
    connection = connections[alias]
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor))


def row_counts(alias="default"):
    connection = connections[alias]
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def pg_environment(alias="default"):
    """libpq's variables for pg_dump, pg_restore and psql, from the Django settings."""
    db = connections[alias].settings_dict
    env = dict(os.environ)
    for variable, key in [
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ]:
        if db.get(key):
            env[variable] = str(db[key])
    return env


def pg_tool(name):
    """A PostgreSQL client program, from COOP_PG_BIN_DIR if set, else the PATH."""
    folder = settings.COOP_PG_BIN_DIR
    program = str(Path(folder) / name) if folder else shutil.which(name)
    if not program or not Path(program).exists():
        raise BackupError(
            f"Programme « {name} » introuvable : installez le client PostgreSQL "
            "(paquet postgresql-client) ou indiquez son dossier dans COOP_PG_BIN_DIR."
        )
    return program


def pg_tool_major(program):
    output = subprocess.run([program, "--version"], capture_output=True, text=True).stdout
    # "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"
    for word in output.split():
        if word[:1].isdigit():
            return int(word.split(".")[0])
    raise BackupError(f"Version de « {program} » illisible : {output!r}.")


def check_pg_tool_version(program, alias="default"):
    """pg_dump and pg_restore refuse a server newer than themselves: say so before they fail."""
    connection = connections[alias]
    connection.ensure_connection()
    server = connection.pg_version // 10000
    tool = pg_tool_major(program)
    if tool < server:
        raise BackupError(
            f"{Path(program).name} {tool} est plus ancien que le serveur PostgreSQL {server} : "
            f"installez le client PostgreSQL {server} (ou plus récent) et indiquez son dossier "
            "dans COOP_PG_BIN_DIR."
        )


def run(command, *, env=None, what):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{what} a échoué ({result.returncode}) : {result.stderr.strip()}")
    return result


# --- Backup -------------------------------------------------------------------------


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dump_database(workdir, alias="default"):
    """The database into `workdir`; (file name in the archive, row counts of the same state)."""
    vendor = engine(alias)
    if vendor == "postgresql":
        pg_dump = pg_tool("pg_dump")
        check_pg_tool_version(pg_dump, alias)
        target = Path(workdir) / PG_DUMP_FILE
        connection = connections[alias]
        with transaction.atomic(using=alias):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            counts = row_counts(alias)
            run(
                [
                    pg_dump,
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={target}",
                ],
                env=pg_environment(alias),
                what="pg_dump",
            )
        return PG_DUMP_FILE, counts
    target = Path(workdir) / SQLITE_FILE
    connection = connections[alias]
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    with copy:
        # SQLite's online backup: a consistent copy even while the site writes.
        connection.connection.backup(copy)
    try:
        counts = {}
        tables = [
            row[0]
            for row in copy.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in sorted(tables):
            counts[table] = copy.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    finally:
        copy.close()
    return SQLITE_FILE, counts


class HashingReader:
    """Reads a file for tarfile while hashing exactly the bytes it hands over."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def add_file(archive, path, arcname):
    """Adds one file to the archive; returns its SHA-256."""
    with open(path, "rb") as handle:
        info = archive.gettarinfo(fileobj=handle, arcname=arcname)
        reader = HashingReader(handle)
        archive.addfile(info, reader)
    return reader.digest.hexdigest()


def backup(output=None, *, alias="default"):
    """Writes the archive; returns (its path, the manifest)."""
    target = archive_path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        with tempfile.TemporaryDirectory(prefix="coop-backup-") as workdir:
            db_file, counts = dump_database(workdir, alias)
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "version": app_version(),
                "commit": app_commit(),
                "engine": engine(alias),
                "database": db_file,
                "tables": counts,
                "files": {},
            }
            with tarfile.open(partial, "w:gz") as archive:
                manifest["files"][db_file] = add_file(archive, Path(workdir) / db_file, db_file)
                for name, folder in folders().items():
                    if not folder.is_dir():
                        continue
                    for path in sorted(folder.rglob("*")):
                        if not path.is_file() or path.is_symlink():
                            continue
                        arcname = f"{name}/{path.relative_to(folder).as_posix()}"
                        try:
                            manifest["files"][arcname] = add_file(archive, path, arcname)
                        except FileNotFoundError:
                            continue  # deleted meanwhile (the site keeps running)
                body = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(body)
                info.mtime = int(datetime.now().timestamp())
                info.mode = 0o644
                archive.addfile(info, io.BytesIO(body))
    except BaseException:
        partial.unlink(missing_ok=True)  # never a half-written archive beside the good ones
        raise
    os.replace(partial, target)
    return target, manifest


def prune(folder, keep):
    """Deletes all but the `keep` newest archives in `folder`; returns the deleted paths."""
    archives = sorted(Path(folder).glob("coop-site-*.tar.gz"))
    deleted = archives[:-keep] if keep > 0 else []
    for path in deleted:
        path.unlink()
    return deleted


# --- Restore --------------------------------------------------------------------


def read_manifest(archive):
    try:
        member = archive.getmember(MANIFEST)
    except KeyError:
        raise BackupError(
            "Archive sans manifeste (manifest.json) : ce n'est pas une sauvegarde du site."
        ) from None
    manifest = json.loads(archive.extractfile(member).read())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Format de sauvegarde inconnu : {manifest.get('format')!r}.")
    return manifest


def safe_name(name):
    """The member's path if it stays inside the archive's folders, else a BackupError."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"Chemin refusé dans l'archive : {name!r}.")
    return path


def folder_is_empty(folder):
    return not folder.exists() or not any(folder.iterdir())


def check_target(manifest, *, force, alias="default"):
    """Refuses to overwrite a site unless forced; returns what is not empty."""
    if manifest["engine"] != engine(alias):
        raise BackupError(
            f"Cette sauvegarde vient d'une base {manifest['engine']} et la base configurée est "
            f"{engine(alias)} : restaurez-la sur le même moteur."
        )
    occupied = []
    if table_names(alias):
        occupied.append("la base de données")
    labels = {"media": "le dossier des médias", "private": "le dossier privé des rapports"}
    for name, folder in folders().items():
        if not folder_is_empty(folder):
            occupied.append(f"{labels[name]} ({folder})")
    if occupied and not force:
        verb = "n'est pas vide" if len(occupied) == 1 else "ne sont pas vides"
        raise BackupError(
            f"Restauration refusée : {', '.join(occupied)} {verb}. Restaurez sur une base et des "
            "dossiers vides, ou ajoutez --force pour tout remplacer par la sauvegarde."
        )
    return occupied


def restore_database(archive, manifest, workdir, alias="default"):
    db_file = manifest["database"]
    extracted = Path(workdir) / db_file
    with archive.extractfile(db_file) as source, open(extracted, "wb") as target:
        shutil.copyfileobj(source, target, CHUNK)
    connection = connections[alias]
    if manifest["engine"] == "postgresql":
        pg_restore = pg_tool("pg_restore")
        check_pg_tool_version(pg_restore, alias)
        with connection.cursor() as cursor:
            # An empty public schema, as a fresh database has (--force replaces everything).
            cursor.execute("DROP SCHEMA IF EXISTS public CASCADE")
            cursor.execute("CREATE SCHEMA public")
        connection.close()
        run(
            [
                pg_restore,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(extracted),
            ],
            env=pg_environment(alias),
            what="pg_restore",
        )
    else:
        database = Path(connection.settings_dict["NAME"])
        connection.close()
        database.parent.mkdir(parents=True, exist_ok=True)
        for leftover in (
            Path(f"{database}-wal"),
            Path(f"{database}-shm"),
            Path(f"{database}-journal"),
        ):
            leftover.unlink(missing_ok=True)
        os.replace(extracted, database)


def restore_files(archive, manifest):
    roots = folders()
    for folder in roots.values():
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    members = {member.name: member for member in archive.getmembers()}
    for arcname in manifest["files"]:
        path = safe_name(arcname)
        if path.parts[0] not in roots:
            continue  # the database file
        if len(path.parts) < 2:
            raise BackupError(f"Chemin refusé dans l'archive : {arcname!r}.")
        target = roots[path.parts[0]].joinpath(*path.parts[1:])
        member = members.get(arcname)
        if member is None:
            raise BackupError(f"« {arcname} » est dans le manifeste mais pas dans l'archive.")
        if not member.isfile():
            raise BackupError(f"« {arcname} » n'est pas un fichier ordinaire.")
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.extractfile(member) as source, open(target, "wb") as output:
            shutil.copyfileobj(source, output, CHUNK)
        target.chmod(0o644)


def verify(manifest, alias="default"):
    """Compares the restored site with the manifest."""
    report = RestoreReport()
    counts = row_counts(alias)
    report.tables = len(manifest["tables"])
    for table, expected in manifest["tables"].items():
        found = counts.get(table)
        if found != expected:
            report.problems.append(f"table {table} : {found} lignes au lieu de {expected}")
    roots = folders()
    for arcname, expected in manifest["files"].items():
        path = PurePosixPath(arcname)
        if path.parts[0] not in roots:
            continue
        report.files += 1
        target = roots[path.parts[0]].joinpath(*path.parts[1:])
        if not target.is_file():
            report.problems.append(f"fichier manquant : {arcname}")
        elif sha256_of(target) != expected:
            report.problems.append(f"somme SHA-256 différente : {arcname}")
    return report


def restore(archive_file, *, force=False, alias="default"):
    """Rebuilds the site from `archive_file`; returns (manifest, RestoreReport)."""
    archive_file = Path(archive_file)
    if not archive_file.is_file():
        raise BackupError(f"Archive introuvable : {archive_file}.")
    try:
        archive = tarfile.open(archive_file, "r:gz")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"Archive illisible ({archive_file}) : {error}.") from None
    with archive, tempfile.TemporaryDirectory(prefix="coop-restore-") as workdir:
        manifest = read_manifest(archive)
        for arcname in manifest["files"]:
            safe_name(arcname)
        check_target(manifest, force=force, alias=alias)
        # The database file is checked before anything is replaced.
        db_member = archive.extractfile(manifest["database"])
        digest = hashlib.sha256()
        for chunk in iter(lambda: db_member.read(CHUNK), b""):
            digest.update(chunk)
        if digest.hexdigest() != manifest["files"][manifest["database"]]:
            raise BackupError(
                "La copie de la base dans l'archive est abîmée (somme SHA-256 différente)."
            )
        restore_database(archive, manifest, workdir, alias)
        restore_files(archive, manifest)
    report = verify(manifest, alias)
    # The CMS caches rendered pages and menus: they belong to the replaced site.
    try:
        cache.clear()
    except Exception:
        report.cache_cleared = False
    else:
        report.cache_cleared = True
    return manifest, report
