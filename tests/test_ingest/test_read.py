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
    ("一、总体要求".encode("utf-8")[:-1], "truncated"),
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
