"""Writes on the charter's progress: a house's whole year at once, and copying a year."""

from dataclasses import dataclass

from django.db import transaction

from .models import CommitmentProgress


@dataclass
class YearSaveResult:
    saved: int = 0
    cleared: int = 0


@transaction.atomic
def progress_year_save(*, house, year, values, user):
    """Save one house's statuses for one year.

    `values` maps each commitment to `(status, done)`; an empty status
    removes the entry ("not filled in"). Unchanged entries are left alone,
    so "updated by" keeps naming whoever really changed them.
    """
    existing = {
        entry.commitment_id: entry
        for entry in CommitmentProgress.objects.filter(
            house=house, year=year, commitment__in=list(values)
        )
    }
    result = YearSaveResult()
    for commitment, (status, done) in values.items():
        entry = existing.get(commitment.pk)
        if not status:
            if entry is not None:
                entry.delete()
                result.cleared += 1
            continue
        if entry is None:
            CommitmentProgress.objects.create(
                house=house,
                commitment=commitment,
                year=year,
                status=status,
                done=done,
                updated_by=user,
            )
            result.saved += 1
        elif (entry.status, entry.done) != (status, done):
            entry.status, entry.done, entry.updated_by = status, done, user
            # Whoever edits a sample entry makes it a real one.
            entry.is_sample = False
            entry.save()
            result.saved += 1
    return result


@transaction.atomic
def progress_year_copy(*, entries, to_year, user):
    """Start `to_year` from the statuses of `entries` (usually last year's).

    Only statuses are copied: what was done is written afresh each year.
    Entries already present in `to_year` are kept as they are. Returns the
    number of entries created.
    """
    entries = list(entries)
    already = set(
        CommitmentProgress.objects.filter(
            year=to_year,
            house__in={entry.house_id for entry in entries},
            commitment__in={entry.commitment_id for entry in entries},
        ).values_list("house_id", "commitment_id")
    )
    created = [
        CommitmentProgress(
            house_id=entry.house_id,
            commitment_id=entry.commitment_id,
            year=to_year,
            status=entry.status,
            is_sample=entry.is_sample,
            updated_by=user,
        )
        for entry in entries
        if (entry.house_id, entry.commitment_id) not in already
    ]
    CommitmentProgress.objects.bulk_create(created)
    return len(created)
