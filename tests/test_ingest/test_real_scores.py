"""Extraction on the real development set (tests/cases/real): public plans nobody on the project wrote.

The floors are a ratchet a little below the scores reached, so a change that loses ground on real
documents fails here. They are not the measure of how well the rules generalise: that is each batch's
first-sight score, recorded in tests/cases/real/README.md before any rule was changed for it.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from plankg.ingest.pipeline import extract_file

REAL = Path(__file__).resolve().parent.parent / "cases" / "real"
# Lowered when rounds 8-12 joined (first sight F1: w01-w55 0.42, 0.41; x01-x43 0.82; y01-y25 0.80; z01-z27 0.70);
# raised with session 8's plan and entity rules, and with session 9's (rounds 13-17 joined: t, q, p, n, m; first
# sight F1 0.87, 0.85, 0.57, 0.75, 0.51; enterprises and plan lowered for round 16's work reports naming firms,
# F1 and lead for round 17's garbled and one-line pages). Lowered when rounds 19 and 20 joined (g, h, j; d, e,
# f; first sight F1 0.39, 0.76; platforms 0.38, 0.31), raised again where round 19's rules allowed; lowered
# when round 21 joined (a, b, c; first sight F1 0.67, lead 0.31, targets 0.33, enterprises 0.33), raised again
# with session 10's table rules; lowered when round 22 joined (i, l, o; first sight F1 0.62, P 0.73, lead 0.78)
# and round 23 (qa, qb, qc; first sight F1 0.51, lead 0.33, plan 0.70); raised with session 11's rules after
# round 24 joined (qd, qe, qf; first sight F1 0.88); targets, platforms and enterprises raised with session 12's
# rules after rounds 25-27 joined (qg-qo; first sight F1 0.70, 0.30, 0.82, enterprises 0.23, 0.38, 0.42); F1
# lowered when round 28 joined (qp, qq, qr; first sight F1 0.14 on 25 pairs of subject-first duty clauses);
# targets lowered when round 29 joined (qs, qt, qu; first sight targets 0.82 on 107, F1 0.48 on 16 pairs), raised
# again with session 13's rules; enterprises raised with them (rounds 29-32); plan lowered when rounds 29-32 joined
# (first sight plan fields 0.77, 0.84, 0.80, 0.69: news headlines, sharing-site and policy-site furniture); F1 and
# enterprises lowered again when rounds 34 and 35 joined (first sight F1 0.44, 0.78; enterprises 0.2, 0.0); lead
# lowered when round 36 joined (zn, zo, zp; first sight lead 0.0 on 7: the gold reads a chain-master table's chain
# cell as each row's task, the rules its firm cell), and again when round 37 joined (zq, zr, zs; first sight lead
# 0.53 on 17, recall 0.39 on 95 pairs of scoring tables glued or flattened column by column); F1 lowered when
# round 38 joined (zt, zu, zv; first sight F1 0.75 on 47 pairs, 0.13 on a by-law's one paragraph per unit); F1,
# lead, enterprises and plan raised with session 14's rules after rounds 39-41 joined (1,133 pages: F1 0.925,
# lead 0.91, enterprises 0.739, plan 0.85); F1 and plan lowered when round 48 joined (yx, yy, yz; first sight F1
# 0.71 on 55 pairs, three of its ministries' pages in traditional characters the rules do not read, plan 0.58:
# news headlines), the whole set (1,356 pages) then at F1 0.918 and plan 0.839; lead, targets, platforms,
# enterprises and plan lowered when rounds 49 and 50 joined (xa-xf; first sight F1 0.85 on 51 pairs and 0.65 on
# 159, lead 0.35 on 34: `X负责,Y配合` and 承办 keys the rules read as no lead, firms 0.24 on 25 named before their
# products, plan 0.58: covering notices and news), the whole set (1,418 pages) then at lead 0.882, targets 0.918,
# platforms 0.794, enterprises 0.709 and plan 0.831; enterprises and plan lowered when round 51 joined (xg-xi;
# first sight firms 0.48 on 42 named in news before their projects, plan 0.58: news headlines), the whole set (1,442
# pages) then at enterprises 0.698 and plan 0.828; targets and platforms lowered when round 52 joined (xj-xl; first
# sight targets 0.62 on 168, 34 of them a table of figures per county, platforms 0.46 on 24: named streets, squares
# and scenic areas), the whole set (1,473 pages) then at targets 0.907 and platforms 0.783; F1, lead and plan
# lowered when round 53 joined (xm-xo; first sight F1 0.47 on 149 pairs, lead 0.40 on 30: a people's congress's
# bodies named in prose, a box-drawn table, a glued table continued from an earlier page), the whole set (1,503
# pages) then at F1 0.91, lead 0.874 and plan 0.824; enterprises raised with session 16's firm gazetteer (0.713);
# platforms lowered when round 54 joined (xp-xr; first sight platforms 0.6 on 15: a firm's centre, a cloud
# platform, a business district), the whole set (1,538 pages) then at platforms 0.777; and again when round 55
# joined (xs-xu; first sight platforms 0.18 on 11), the whole set (1,568 pages) then at platforms 0.77; targets
# lowered when round 57 joined (xy-wa; first sight targets 0.60 on 119: tables of figures per county with glued
# digits, a progress column beside the goals), the whole set (1,628 pages) then at targets 0.901; lead and
# platforms raised with session 17's rules (the whole set, 1,658 pages, at lead 0.888 and platforms 0.774), and
# plan with its headline titles (0.834); F1 lowered when rounds 61 and 62 joined (wk-wp; first sight F1 0.52 and
# 0.475: reports of meetings charging units in prose, event plans whose details name who carries them out,
# rectification lists), the whole set (1,782 pages) then at F1 0.903; targets back at 0.90 when round 63 joined
# (wq-ws; first sight targets 0.73 on 74: a ledger of yearly targets per column), the whole set (1,811) at 0.905;
# enterprises lowered when round 64 joined (wt-wv; first sight enterprises 0.49 on 55: town plans and reports
# naming firms by short trade names in prose), the whole set (1,838 pages) then at 0.702; and again when round 66
# joined (wz-vb; first sight enterprises 0.47 on 66: provincial and county news naming chain leaders and listing
# candidates), the whole set (1,898 pages) then at 0.695; lead, targets, platforms, enterprises and plan raised with
# session 19's rules (the whole set, 1,943 pages, at lead 0.907, targets 0.911, platforms 0.783, enterprises 0.71 and
# plan 0.843); targets lowered when round 69 joined (vi-vk; first sight targets 0.73 on 120: an indicator table
# printed one cell per line with a year's baseline column), the whole set (1,975 pages) at 0.908; F1 and lead
# lowered when round 70 joined (vl-vn; first sight F1 0.555 and lead 0.292 on 159 pairs: street and township plans
# and rectification drives), the whole set (2,004 pages) at F1 0.895 and lead 0.893; targets and enterprises raised
# with session 20's rules (the whole set, 2,023 pages after seven near-copies were dropped, at targets 0.912 and
# enterprises 0.715); enterprises lowered when round 72 joined (vr-vt; first sight enterprises 0.3 on 40: news of
# signed and started projects whose firm names run on into their projects' names or follow one another with no
# separator), the whole set (2,052 pages) at 0.702; lead raised with session 20's rules (the whole set at 0.902);
# enterprises lowered when round 73 joined (vu-vx; first sight enterprises 0.49 on 51: investment news and reports
# naming firms by short trade names), the whole set (2,087 pages) at 0.697; platforms, enterprises and plan lowered
# when round 74 joined (vy-ua; first sight platforms 0.739 on 69, enterprises 0.163 on 43, plan 0.833: notices
# listing recognised platforms, cooperatives and family farms, rural plans), the whole set (2,118 pages) at platforms
# 0.779, enterprises 0.681 and plan 0.839; precision and lead lowered when round 76 joined (ue-ug; first sight P 0.792
# and lead 0.556 on 53 pairs: policy measures whose section headings name the lead of every article under them), the
# whole set (2,174 pages) at P 0.959 and lead 0.899; lead, platforms, enterprises and plan raised with session 21's
# rules (the whole set at lead 0.907, platforms 0.787, enterprises 0.702, plan 0.845, targets 0.919); platforms
# lowered when round 78 joined (ul-uo; first sight platforms 0.588 on 34: zones and parks named in signing news and
# department plans), the whole set (2,257 pages) at 0.779; platforms lowered again when round 79 joined (up-us; first
# sight platforms 0.273 on 22: zones and bases named in science and industry plans on mirror sites), the whole set
# (2,300 pages) at 0.772; F1 lowered when round 80 joined (ut-uw; first sight F1 0.186 on 105 pairs: meeting
# minutes, assessment tables and 2006-2015 plans whose units open their duties), the whole set (2,333) at 0.886, and
# plan with it (first sight 0.659: pages that print no title, issuer or date of their own), the whole set at 0.839;
# F1, targets and enterprises raised with session 22's rules (the whole set at F1 0.887, targets 0.922, enterprises
# 0.725); F1, lead and platforms lowered when round 81 joined (ux-uz, ta; first sight F1 0.0 on 49 pairs: proposal
# replies and meeting news whose units are named in prose, a table of host units that assigns no task; platforms 0.642
# on 67: parks and bases named in zone plans and science news), the whole set (2,375) at F1 0.882, lead 0.897,
# platforms 0.769; platforms and plan lowered when round 83 joined (tf-ti; first sight platforms 0.567 on 30: bureaus'
# work points and rural plans naming parks and bases; plan 0.5: work reports and bureau points printed without a title,
# issuer or date of their own), the whole set (2,464) at platforms 0.761, plan 0.832; precision lowered when round 84
# joined (tj-tm; first sight P 0.556 on 54 predicted pairs: fund tables whose location cells open with unit names,
# labelled unit lists that run on into their sentence), the whole set (2,508) at P 0.952; all raised with session
# 23's rules (the whole set at P 0.957, F1 0.885, lead 0.905, targets 0.924, platforms 0.771, plan 0.834); precision
# and F1 lowered when round 87 joined (tv-ty; first sight P 0.72, F1 0.554 on 131 pairs: member units' duty lists
# whose units open their lines, bulletins naming units in prose), the whole set (2,639) at P 0.954, F1 0.882, and
# enterprises with it (IX first sight 0.44 on 25 short names in work summaries), the whole set at 0.72; precision
# and F1 raised with session 24's rules (the whole set at P 0.955, F1 0.885); F1, enterprises and plan lowered when
# round 88 joined (sa-sc, tz; first sight F1 0.413 on 144 pairs: bulletins naming each problem's unit before a
# colon, units as subjects of signing quotas, emergency plans' member duties; enterprises 0.5 on 36 short names;
# plan 0.661: bulletins and news without a title of their own), the whole set (2,682) at F1 0.879, enterprises
# 0.716, plan 0.829; platforms lowered when round 89 joined (sd-sg; first sight 0.709 on 55: zones, labs and
# corridors named in 十四五 plans and their news), the whole set (2,723) at 0.764; precision, F1, platforms,
# enterprises and plan raised with session 25's rules (the whole set, 2,740, at P 0.957, F1 0.881, platforms 0.766,
# enterprises 0.717, plan 0.829); platforms lowered when round 91 joined (sj-sm; first sight 0.385 on 13: bases
# named with their product in brackets, a centre named by its macro-region), the whole set (2,785) at 0.763; plan
# raised with session 26's rules (the whole set at 0.836); lead lowered when round 92 joined (sn-sp; first sight
# 0.25 on 4: leads named in news prose, "X成为牵头单位"), the whole set (2,818) at 0.899.
FLOORS = {"resp_p": 0.955, "resp_f1": 0.879, "lead": 0.898, "targets": 0.92, "platforms": 0.762, "enterprises": 0.715,
          "plan": 0.834}


def _stems() -> list[str]:
    manifest = json.loads((REAL / "batches.json").read_text(encoding="utf-8"))
    return [stem for batch in manifest["batches"].values() for stem in batch]


@pytest.fixture(scope="module")
def scores(scorer_path, tmp_path_factory) -> dict:
    gold, pred = tmp_path_factory.mktemp("real_gold"), tmp_path_factory.mktemp("real_pred")
    for stem in _stems():
        shutil.copy(REAL / "gold" / f"{stem}.json", gold / f"{stem}.json")
        ex = extract_file(REAL / "docs" / f"{stem}.txt")
        (pred / f"{stem}.json").write_text(ex.model_dump_json(), encoding="utf-8")
    run = subprocess.run([sys.executable, str(scorer_path), str(gold), str(pred), "--json"], capture_output=True,
                         text=True, check=True)
    return json.loads(run.stdout.splitlines()[0])


def test_every_document_of_the_manifest_has_its_text_and_gold():
    stems = _stems()
    assert len(stems) == len(set(stems)) >= 60
    for stem in stems:
        assert (REAL / "docs" / f"{stem}.txt").is_file(), stem
        gold = json.loads((REAL / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
        assert gold["doc"] == stem


def test_real_documents_score_at_least_the_floors(scores):
    got = {"resp_p": scores["responsibility_precision"], "resp_f1": scores["responsibility_f1"],
           "lead": scores["lead_accuracy"], "targets": scores["targets_recall"],
           "platforms": scores["platforms_recall"], "enterprises": scores["enterprises_recall"],
           "plan": scores["plan_fields_ok"]}
    assert {k: v for k, v in got.items() if v < FLOORS[k]} == {}, got


def test_no_document_is_in_the_set_twice():
    """A page found again by another search would be scored at first sight on text the rules were tuned on."""
    urls: dict[str, str] = {}
    openings: dict[str, str] = {}
    for stem in _stems():
        url = json.loads((REAL / "gold" / f"{stem}.json").read_text(encoding="utf-8")).get("source_url")
        opening = "".join((REAL / "docs" / f"{stem}.txt").read_text(encoding="utf-8").split())[:200]
        assert url is None or urls.setdefault(url, stem) == stem, (stem, urls.get(url))
        assert openings.setdefault(opening, stem) == stem, (stem, openings[opening])


def _shingles(stem: str) -> set[str]:
    text = re.sub(r"[\s\W_]+", "", unicodedata.normalize("NFKC", (REAL / "docs" / f"{stem}.txt").read_text(
        encoding="utf-8")))
    return {text[i:i + 8] for i in range(max(1, len(text) - 7))}


def test_no_two_documents_share_most_of_their_text():
    """The same text on another page (a copy on a document-sharing site, another excerpt of the same plan, a template
    filled in for another county) is no new evidence either: no two documents share three quarters of the shorter
    one's runs of eight characters."""
    shingles = {stem: _shingles(stem) for stem in _stems()}
    sampled: dict[str, set[str]] = {}
    for stem, runs in shingles.items():
        for run in sorted(runs)[::7]:
            sampled.setdefault(run, set()).add(stem)
    close = set()
    for stem, runs in shingles.items():
        shared: dict[str, int] = {}
        for run in runs:
            for other in sampled.get(run, ()):
                if other != stem:
                    shared[other] = shared.get(other, 0) + 1
        for other, n in shared.items():
            if n >= 10 and len(runs & shingles[other]) >= 0.75 * min(len(runs), len(shingles[other])):
                close.add(tuple(sorted((stem, other))))
    assert close == set()
