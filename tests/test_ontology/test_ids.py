"""Properties of the content-derived ids (issue 13): the name normaliser is idempotent, so a name
hashed once or after normalising gives the same id."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from plankg.ontology.ids import content_id, normalize


@settings(max_examples=500)
@given(st.text())
@example("￣")
@example("a￣")
@example("杭州市 科学技术局（滨江）")
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@given(st.text(), st.text())
def test_an_id_is_the_same_for_a_name_and_its_normal_form(jurisdiction, name):
    assert content_id("Department", jurisdiction, name) == content_id("Department", normalize(jurisdiction),
                                                                       normalize(name))
