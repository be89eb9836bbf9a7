"""Reading source files: every encoding users send, and a clear error for what cannot be read."""
from __future__ import annotations

import codecs

import pytest

from plankg.errors import InputError
from plankg.ingest.read import expand_paths, read_source

TEXT = "一、总体要求\r\n(一)指导思想。加快建设高水平实验室。(责任单位:市科技局)\n"


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("gb18030", b""), ("gbk", b""),
])
def test_every_supported_encoding_decodes_to_the_same_text(tmp_path, encoding, prefix):
    path = tmp_path / f"plan-{encoding}.txt"
    path.write_bytes(prefix + TEXT.encode(encoding))
    source = read_source(path)
    assert source.text == TEXT.replace("\r\n", "\n")


@pytest.mark.parametrize("content,message", [
    (b"", "is empty"),
    (b"   \n\n", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("一、总体要求".encode()[:-1], "truncated"),
    (b"\xff\xfe"[:1] + b"abc\x81\x82\x83 latin junk \xe9\xe8", "neither UTF-8"),
])
def test_unreadable_files_fail_with_the_file_name_and_a_fix(tmp_path, content, message):
    path = tmp_path / "bad-input.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_source(path)
    assert "bad-input.txt" in str(info.value)
    assert "Fix:" in str(info.value)


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes("规划".encode() * 1000)
    with pytest.raises(InputError, match="over the 100-byte limit.*--max-bytes"):
        read_source(path, max_bytes=100)


def test_missing_path_and_folder_expansion(tmp_path):
    (tmp_path / "b.txt").write_text("二", encoding="utf-8")
    (tmp_path / "a.txt").write_text("一", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    assert [p.name for p in expand_paths([tmp_path, tmp_path / "a.txt"])] == ["a.txt", "b.txt"]
    with pytest.raises(InputError, match="does not exist"):
        expand_paths([tmp_path / "nope.txt"])


# --- encodings told apart by their characters (issue 13) -----------------------------------------------------------

TRADITIONAL = ("一、總體要求\n（一）指導思想。加快建設高水平實驗室，推動科技成果轉化，健全產學研協同創新機制。"
               "（責任單位：市科技局、市財政局）\n二、重點任務\n1.建設創新平台，培育高新技術企業。\n")


@pytest.mark.parametrize("encoding", ["big5", "cp950"])
def test_big5_text_is_read_as_traditional_chinese_not_as_gb18030_mojibake(tmp_path, encoding):
    path = tmp_path / "traditional.txt"
    path.write_bytes(TRADITIONAL.encode(encoding))
    source = read_source(path)
    assert source.text == TRADITIONAL  # the traditional characters are kept, not converted
    assert source.encoding in ("big5", "cp950")


def test_traditional_text_in_gb18030_stays_gb18030(tmp_path):
    path = tmp_path / "traditional-gbk.txt"
    path.write_bytes(TRADITIONAL.encode("gb18030"))
    source = read_source(path)
    assert (source.text, source.encoding) == (TRADITIONAL, "gb18030")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_not_called_binary(tmp_path, encoding):
    path = tmp_path / "no-bom.txt"
    path.write_bytes(TEXT.encode(encoding))
    source = read_source(path)
    assert (source.text, source.encoding) == (TEXT.replace("\r\n", "\n"), encoding)


@pytest.mark.parametrize("content,message", [
    ("日本語のテキストです。東京都の科学技術計画を推進します。".encode("shift_jis"), "mojibake"),
    (b"Meeting notes\n1. Buy milk.\n2. Call the office.\n", "no Chinese"),
    ("Meeting notes\n1. Buy milk.\n".encode("utf-16-le"), "binary"),
])
def test_text_that_is_no_chinese_plan_is_refused_naming_the_file(tmp_path, content, message):
    path = tmp_path / "other-format.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_source(path)
    assert "other-format.txt" in str(info.value) and "Fix:" in str(info.value)


def _hanzi_text(alphabet: list[str]):
    from hypothesis import strategies as st

    clause = st.text(alphabet=st.sampled_from(alphabet), min_size=4, max_size=20)
    line = st.tuples(st.lists(clause, min_size=2, max_size=4), st.sampled_from(["，", "、", "；"]),
                     st.sampled_from(["。", "：", "）"])).map(lambda t: t[1].join(t[0]) + t[2])
    return st.lists(line, min_size=2, max_size=6).map("\n".join)


def _common(encoding: str) -> list[str]:
    from plankg.ingest.read import common_han

    out = []
    for ch in sorted(common_han()):
        try:
            ch.encode(encoding)
        except UnicodeEncodeError:
            continue
        out.append(ch)
    return out


def test_any_chinese_text_comes_back_from_every_encoding_it_can_be_written_in():
    """Property: text of common hanzi, written as GB18030, Big5 (the characters it has) or UTF-16
    without a BOM, decodes to itself."""
    from hypothesis import given, settings

    from plankg.ingest.read import decode_source

    simplified, traditional = _common("gb2312"), _common("big5")

    @settings(max_examples=60, deadline=None)
    @given(_hanzi_text(simplified), _hanzi_text(traditional))
    def check(simp: str, trad: str) -> None:
        assert decode_source(simp.encode("gb18030"), "s.txt") == (simp, "gb18030")
        assert decode_source(trad.encode("big5"), "t.txt") == (trad, "big5")
        for encoding in ("utf-16-le", "utf-16-be"):
            assert decode_source(simp.encode(encoding), "u.txt") == (simp, encoding)

    check()


@pytest.mark.parametrize("content", [
    "<!DOCTYPE html><html><body><p>一、总体要求</p><p>加快建设科技强市,推进创新平台建设。</p></body></html>".encode(),
    ("发文机关:某省人民政府\n文号 :某政发〔2018〕13号\n<p>各市、县人民政府:</p><p>现将《实施方案》印发给你们。</p>"
     "<p>某省人民政府</p><p>一、总体要求</p><p>加快建设科技强市,推进创新平台建设。</p>").encode("gb18030"),
])
def test_a_text_file_holding_a_pages_markup_is_read_as_that_page(tmp_path, content):
    path = tmp_path / "page.txt"
    path.write_bytes(content)
    source = read_source(path)
    assert source.format == "html"
    assert "<p>" not in source.text and "一、总体要求" in source.text and "加快建设科技强市" in source.text
