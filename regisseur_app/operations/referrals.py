"""User actions on the referral log (Doorverwijzingen VDAB).

Steps are not on the window's undo stack: the log is audited and append-only, so taking a step back is
a user action of its own (`undo_last_step`, the detail dialog's button), recorded in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from regisseur_app.domain.referrals.erasure_register import ErasureRegister, register_path
from regisseur_app.operations.base import Op, operation

if TYPE_CHECKING:
    from regisseur_app.context import AppContext
    from regisseur_app.domain.referrals.service import ReferralInput, StepInput
    from regisseur_app.domain.referrals.settings import ReferralSettings

# The referral modules are imported by the actions that use them: the open hook below runs on every
# start and needs only the erasure register (a file; standard library).


def _service():  # noqa: ANN202
    from regisseur_app.domain.referrals import service

    return service


def _retention():  # noqa: ANN202
    from regisseur_app.domain.referrals import retention

    return retention


@operation(changes={"referrals"})
def save_referral(op: Op, data: ReferralInput, referral_id: int | None = None) -> tuple[int, str]:
    """A new referral (a fresh pseudonymous code) or changed data of one; returns (id, code)."""
    svc = _service()
    if referral_id is None:
        return svc.create_referral(op.session, data)
    svc.update_referral(op.session, referral_id, data)
    return referral_id, svc.get_referral(op.session, referral_id).code


@operation(changes={"referrals"})
def add_step(op: Op, referral_ids: list[int], step: StepInput) -> int:
    """The next step for one referral, or the same step for several at once (all or none). Returns how many."""
    svc = _service()
    if len(referral_ids) == 1:
        svc.add_step(op.session, referral_ids[0], step)
        return 1
    return svc.bulk_add_step(op.session, referral_ids, step)


@operation(changes={"referrals"})
def undo_last_step(op: Op, referral_id: int) -> str:
    return _service().undo_last_step(op.session, referral_id)


@operation(changes={"referral_settings"})
def save_referral_settings(op: Op, data: ReferralSettings) -> None:
    from regisseur_app.domain.referrals.settings import save_settings

    save_settings(op.session, data)


@operation(changes={"referral_audit"})
def export_access(op: Op, code: str, target: Path) -> None:
    """Everything held for one code in an Excel file (right of access); the export is audited."""
    from regisseur_app.exchange.referrals.access import export_access as write_access

    write_access(op.session, code, target)


@operation(changes={"referrals"}, backup=True)
def erase_referrals(op: Op, codes: list[str], reason: str, today: date | None = None,
                    progress: Callable[[int, str], None] | None = None) -> int:
    """Retention or erasure on request: verified backup first, then erase in one transaction (the erasure
    register beside the database is written before the commit)."""
    if progress:
        progress(60, "Doorverwijzingen wissen…")
    register = ErasureRegister(register_path(op.ctx.db_path))
    return _retention().erase(op.session, codes, register, reason, today)


def run_retention(ctx: AppContext, codes: list[str], reason: str, today: date | None = None,
                  progress: Callable[[int, str], None] | None = None) -> int:
    if progress:
        progress(10, "Gecontroleerde back-up maken…")
    count = erase_referrals(ctx, codes, reason, today, progress=progress)
    if progress:
        progress(80, "Ook wissen in de bewaarde back-ups…")
    _retention().erase_in_backups(ctx.paths.backup_dir, ErasureRegister(register_path(ctx.db_path)).codes())
    return count


@operation(changes={"referrals"})
def reapply_after_restore(op: Op, previous: Path | None = None) -> list[str]:
    """Restore hook (features/referrals.py): re-apply the erasure register to the restored database, and
    raise the code counters past every code the database held before the restore (`previous`, the safety
    backup), so a code is never handed out twice."""
    return _retention().reapply_after_restore(op.session, op.ctx.db_path, previous)


@operation(changes={"referrals"})
def reapply_erasures(op: Op) -> list[str]:
    """Erase again every code of the erasure register that is in the database."""
    return _retention().reapply(op.session, ErasureRegister(register_path(op.ctx.db_path)))


def reapply_on_open(ctx: AppContext) -> list[str]:
    """Open hook (features/referrals.py): the erasure register is applied on every open, so a backup copied
    over the database or opened with --db does not bring an erased referral back; and to the kept backups."""
    codes = ErasureRegister(register_path(ctx.db_path)).codes()
    if not codes:
        return []
    erased = reapply_erasures(ctx)
    _retention().erase_in_backups(ctx.paths.backup_dir, codes)
    return erased
