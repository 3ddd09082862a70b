"""The volunteer CLI, in process: add, list, correct, pronounce, read, remove, packs."""

from __future__ import annotations

import pytest

from guidelight.cli.main import main
from guidelight.core.hashing import file_hash
from guidelight.library import open_library
from guidelight.library.corrections import Anchor, Correction, CorrectionKind


@pytest.fixture
def run(tmp_path, capsys):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main([*argv, "--library", str(tmp_path / "lib")])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_add_list_correct_read_remove(run, make_pdf, tmp_path):
    pdf = make_pdf("l1.pdf", "Welcome to the course\n\nFootnote text", title="Lecture 1")
    bad = tmp_path / "bad.pdf"
    bad.write_text("nope")
    code, out, _ = run("library", "add", "C1", str(pdf), str(bad), "--title", "Course One")
    assert code == 1  # one file failed; the other was still added
    assert "[1/2] added" in out and "[2/2] failed" in out and "1 added, 0 skipped, 1 failed" in out
    assert run("library", "list")[1] == "C1\tCourse One\t1 document\n"
    assert "Lecture 1" in run("library", "list", "C1")[1]
    assert run("library", "rename", file_hash(pdf)[:8], "บทที่ 1")[0] == 0
    assert run("library", "list", "C1")[1].endswith("\tบทที่ 1\n")
    assert run("library", "rename", str(pdf), "Lecture 1")[0] == 0

    assert run("library", "correct", str(pdf), "--page", "1", "--paragraph", "1", "--text", "ยินดีต้อนรับ")[0] == 0
    assert run("library", "correct", str(pdf), "--page", "1", "--paragraph", "2", "--furniture")[0] == 0
    assert run("library", "read", str(pdf))[1] == "ยินดีต้อนรับ\n"
    code, out, _ = run("library", "corrections", str(pdf))
    assert code == 0
    assert [line.split("\t")[1:5] for line in out.splitlines()] == [
        ["page 1", "paragraph 1", "text", "ok"],
        ["page 1", "paragraph 2", "furniture", "ok"],
    ]
    with open_library(tmp_path / "lib") as lib:  # as if a new extractor no longer found this text
        lib.add_correction(file_hash(pdf), Correction(CorrectionKind.TEXT, Anchor(1, 0, "0" * 16), "x"))
    code, out, _ = run("library", "corrections", str(pdf))
    assert code == 1 and out.count("STALE") == 1
    assert run("library", "read", file_hash(pdf)[:10], "--page", "1")[1] == "ยินดีต้อนรับ\n"

    code, _, err = run("library", "correct", str(pdf), "--page", "1", "--paragraph", "7", "--text", "x")
    assert code == 2 and "has 2 paragraphs, not 7" in err
    code, _, err = run("library", "read", str(pdf), "--page", "5")
    assert code == 2 and "no page 5" in err

    assert run("library", "remove", "C1", str(pdf))[1] == "removed Lecture 1\n"
    assert run("library", "list", "C1")[1] == ""
    assert run("library", "remove", "C1")[0] == 0
    assert run("library", "list")[1] == ""
    code, _, err = run("library", "remove", "C1")
    assert code == 2 and "no course 'C1'" in err


def test_pronounce_and_pack_commands(run, make_pdf, tmp_path):
    run("library", "add", "C1", str(make_pdf("x.pdf")))
    assert run("library", "pronounce", "C1", "กพร", "กอ-พอ-รอ")[0] == 0
    target = tmp_path / "out.glpack"
    code, out, _ = run("pack", "export", "C1", "-o", str(target))
    assert code == 0 and "1 documents" in out and "1 pronunciation entries" in out and target.is_file()
    code, out, _ = run("pack", "import", str(target))
    assert code == 0 and "0 new of 1 documents" in out
    code, _, err = run("pack", "import", str(make_pdf("y.pdf")))
    assert code == 2 and "not a Guide Light pack" in err
    code, _, err = run("pack", "export", "C9")
    assert code == 2 and "no course 'C9'" in err
