"""Anonymising many texts at once (``Anonymiser.anonymise_many``, what check and build use) gives
exactly the answers of anonymising them one by one, in the same order, with the same pseudonyms,
whether detection runs here or in worker processes (anonymise/parallel.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from storymaker.anonymise import Anonymiser
from storymaker.anonymise import parallel
from storymaker.load.register import register_from_mapping

CORPUS = Path(__file__).resolve().parent / "data" / "anonymise"


def _corpus(name: str, speech: str):
    doc = yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))
    lines = [ln for ln in (CORPUS / speech).read_text(encoding="utf-8").splitlines() if ln.strip()]
    return register_from_mapping(doc["register"]), [s["text"] for s in doc["sentences"]] + lines


def _answers(redactions):
    return [(r.text, r.replacements, r.flags) for r in redactions]


@pytest.fixture
def pooled(monkeypatch):
    """Worker processes for any number of texts (the real threshold keeps small projects out)."""
    monkeypatch.setattr(parallel, "POOL_FROM", 0)
    monkeypatch.setenv("STORYMAKER_WORKERS", "2")


@pytest.mark.parametrize("name,speech", [("planted.yaml", "ordinary.txt"), ("north_east.yaml", "ordinary_capitalised.txt")])
@pytest.mark.parametrize("persona", [False, True])
def test_many_at_once_in_worker_processes_answers_as_one_by_one(pooled, name, speech, persona):
    register, texts = _corpus(name, speech)
    wheres = [f"excerpt T-{n}" for n in range(len(texts))]
    assert parallel.workers(len(texts)) == 2
    one_by_one = Anonymiser(register)
    expected = [one_by_one.anonymise(t, persona=persona, where=w) for t, w in zip(texts, wheres)]
    at_once = Anonymiser(register)
    got = at_once.anonymise_many(texts, persona=persona, wheres=wheres)
    assert _answers(got) == _answers(expected)
    assert at_once.needles() == one_by_one.needles() and at_once.wheres == one_by_one.wheres
    assert sum(len(r.replacements) for r in got) > 50 and sum(len(r.flags) for r in got) > 5


def test_a_pseudonym_handed_out_earlier_is_still_not_redetected_later(pooled):
    """The workers start before any pseudonym is handed out; a later text that holds one of its
    words is detected again here, so it is left alone as it is one by one."""
    register, texts = _corpus("planted.yaml", "ordinary.txt")
    first = Anonymiser(register)
    first.anonymise_many(texts)
    words = sorted(first._detector.produced)
    assert len(words) >= 10, "the corpus hands out pseudonyms"
    later = [f"Then {w.title()} rang the office about it." for w in words[:40]]
    one_by_one = Anonymiser(register)
    expected = _answers([one_by_one.anonymise(t) for t in texts + later])[len(texts):]
    new = Anonymiser(register)
    assert expected != _answers([new.anonymise(t) for t in later])  # to a new anonymiser, they are names
    at_once = Anonymiser(register)
    here = []
    detect_here = at_once._detector.detect_joined
    at_once._detector.detect_joined = lambda text, welsh=None: here.append(text) or detect_here(text, welsh)
    got = _answers(at_once.anonymise_many(texts + later))[len(texts):]
    assert got == expected
    assert 0 < len(here) < len(texts) // 2  # only the texts with a pseudonym's word were detected again here


def test_a_small_project_or_a_busy_machine_detects_here_without_a_pool(monkeypatch):
    monkeypatch.setenv("STORYMAKER_WORKERS", "2")
    assert parallel.workers(parallel.POOL_FROM - 1) == 0
    assert parallel.workers(parallel.POOL_FROM) == 2
    monkeypatch.setenv("STORYMAKER_WORKERS", "1")
    assert parallel.workers(10 * parallel.POOL_FROM) == 0
    monkeypatch.delenv("STORYMAKER_WORKERS")
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _pid: {0, 1})
    monkeypatch.setattr(parallel, "idle_cpus", lambda cpus: 0.4)  # the other processes keep the cores busy
    assert parallel.workers(10 * parallel.POOL_FROM) == 0
    monkeypatch.setattr(parallel, "idle_cpus", lambda cpus: 1.9)
    assert parallel.workers(10 * parallel.POOL_FROM) == 2


def test_idle_cpus_reads_the_machine():
    assert 0.0 <= parallel.idle_cpus(2, sample=0.05) <= 2.0
