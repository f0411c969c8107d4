"""Recording a decision never replaces a user's file with something else: a register shared
through a symbolic link is written through the link (the shared file gets the entry, the link
stays), and the register's and decisions file's permissions are kept. All names fictional."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from helpers.project import add_excerpt
from storymaker.anonymise.review import list_flags, record_decision


def _flagged(project: Path) -> None:
    add_excerpt(project, 'S-Z01-01,Z01,"We met every week at Trevassack, up past the chapel.",trust,staff,web')


def test_a_symlinked_register_is_written_through_the_link(small_project, tmp_path):
    shared = tmp_path / "team" / "register.yaml"
    shared.parent.mkdir()
    register = small_project / "stories/anonymise.yaml"
    shared.write_bytes(register.read_bytes())
    register.unlink()
    register.symlink_to(shared)
    _flagged(small_project)
    flag = next(f for f in list_flags(small_project) if f.flag.token == "Trevassack")
    record_decision(small_project, flag, "place")
    assert register.is_symlink() and register.resolve() == shared.resolve()
    assert "Trevassack" in shared.read_text(encoding="utf-8")
    assert not [p for p in shared.parent.iterdir() if p.name.endswith(".tmp")]


def test_the_register_and_decisions_keep_their_permissions(small_project):
    register = small_project / "stories/anonymise.yaml"
    os.chmod(register, 0o664)
    _flagged(small_project)
    flag = next(f for f in list_flags(small_project) if f.flag.token == "Trevassack")
    record_decision(small_project, flag, "place")
    assert stat.S_IMODE(register.stat().st_mode) == 0o664
    add_excerpt(small_project, 'S-Z01-02,Z01,"Then Penwithick came round with the forms.",trust,staff,web')
    flag = next(f for f in list_flags(small_project) if f.flag.token == "Penwithick")
    record_decision(small_project, flag, "safe")
    decisions = small_project / "stories/decisions.yaml"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(decisions.stat().st_mode) == 0o666 & ~umask
    os.chmod(decisions, 0o640)
    add_excerpt(small_project, 'S-Z01-03,Z01,"And Polgooth was where the office was.",trust,staff,web')
    flag = next(f for f in list_flags(small_project) if f.flag.token == "Polgooth")
    record_decision(small_project, flag, "safe")
    assert stat.S_IMODE(decisions.stat().st_mode) == 0o640
