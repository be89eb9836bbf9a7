"""Properties of `code_only` (issue 13): it keeps the length of any text, so offsets found in the
code point into the original, also where a quote or a comment is left open."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from plankg.queries.loader import code_only

# Cypher-ish text: the characters that open and close strings, names and comments, often.
_CYPHER = st.lists(st.sampled_from(list("'\"`\\/*\n ") + ["MATCH", "(n)", "RETURN", "a", "é", "规"])).map("".join)


@settings(max_examples=500)
@given(st.one_of(_CYPHER, st.text()))
@example("RETURN '")
@example("'")
@example("RETURN 'it\\")
@example("MATCH (n) /* open comment")
def test_code_only_keeps_the_length_and_is_stable(text):
    code = code_only(text)
    assert len(code) == len(text)
    assert code_only(code) == code


@given(st.text(alphabet=st.sampled_from(list("abc $:`/*规")), max_size=30))
def test_string_contents_are_blanked_and_quoted_names_kept(body):
    text = f"RETURN '{body}' AS `x`"
    assert code_only(text) == "RETURN '" + " " * len(body) + "' AS `x`"
