"""The build configuration, checked fast and without building (CI runs this every time).

The bundle is only as good as its list of data files: a file the app opens at run time
that ``build_installer.bundle_data`` misses works from source and fails frozen. So the
real program runs here (extract, normalize, config, the app until ready) with an audit
hook recording every file it opens, and each data file it opened from the project or
from an installed package must be covered by the list.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE_SUFFIXES = {".pyc", ".so", ".pyd", ".dll", ".dylib", ".pth", ".pyi"}

# Runs in a fresh interpreter: records what the program opens. Qt's font loader and nlpo3's
# dictionary loader open files in native code, which the audit hook cannot see, so their
# arguments are recorded by wrapping them.
RECORDER = r"""
import json, os, sys
opened = set()

IMPORTING = ("<frozen importlib", "linecache.py", "tokenize.py")  # code being imported, or shown in a traceback

def hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        if not sys._getframe(1).f_code.co_filename.endswith(IMPORTING) and \
                not sys._getframe(1).f_code.co_filename.startswith(IMPORTING):
            opened.add(os.path.abspath(os.fsdecode(args[0])))

sys.addaudithook(hook)

import nlpo3
_load_dict = nlpo3.load_dict
def load_dict(path, *rest, **kw):
    opened.add(os.path.abspath(path))
    return _load_dict(path, *rest, **kw)
nlpo3.load_dict = load_dict

from PySide6.QtGui import QFontDatabase
_add_font = QFontDatabase.addApplicationFont
def add_font(path):
    opened.add(os.path.abspath(path))
    return _add_font(path)
QFontDatabase.addApplicationFont = staticmethod(add_font)

from guidelight.cli.main import main
out, lecture, text = sys.argv[1:4]
from guidelight.extract.ocr_text import lexicon
lexicon()  # OCR post-correction's dictionary (Tesseract itself is outside the bundle)
for argv in (["extract", lecture], ["normalize", text], ["config", "--show"], []):
    if not argv:
        os.environ["GUIDELIGHT_EXIT_WHEN_READY"] = "1"
    assert main(argv) == 0, argv
with open(out, "w", encoding="utf-8") as fh:
    json.dump(sorted(opened), fh)
"""


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_installer", ROOT / "build_installer.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    return load_builder()


@pytest.fixture(scope="module")
def opened_files(tmp_path_factory: pytest.TempPathFactory, builder: ModuleType) -> list[Path]:
    tmp = tmp_path_factory.mktemp("audit")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GUIDELIGHT_AUDIO": "none",
           "GUIDELIGHT_CACHE_DIR": str(tmp / "cache"), "GUIDELIGHT_CONFIG_DIR": str(tmp / "config"),
           "GUIDELIGHT_LIBRARY_DIR": str(tmp / "library"), "GUIDELIGHT_SITE_CONFIG": str(tmp / "no-lab.json"),
           "PYTHONPATH": str(ROOT)}
    out = tmp / "opened.json"
    subprocess.run([sys.executable, "-c", RECORDER, str(out), str(ROOT / builder.SAMPLE), builder.NORMALIZE_SAMPLE],
                   env=env, cwd=tmp, check=True, capture_output=True, timeout=240)
    return [Path(p) for p in json.loads(out.read_text(encoding="utf-8"))]


def installed_roots() -> list[Path]:
    paths = sysconfig.get_paths()
    return sorted({Path(paths[key]).resolve() for key in ("purelib", "platlib")})


def runtime_data_files(opened: list[Path], builder: ModuleType) -> list[Path]:
    """Files read as data from the project or installed packages; imported code is PyInstaller's
    job and never recorded (a .py file read as text, like the cache's fingerprint, is data)."""
    roots = [ROOT.resolve(), *installed_roots()]
    hooks = [root / name for root in installed_roots() for name in builder.HOOK_COVERED_PACKAGES]
    found = []
    for path in opened:
        path = path.resolve()
        if not path.is_file() or path.suffix in CODE_SUFFIXES:
            continue
        if any(path.is_relative_to(root) for root in roots) and not any(path.is_relative_to(h) for h in hooks):
            found.append(path)
    return found


def test_the_recorder_sees_the_files_we_know_the_app_needs(opened_files: list[Path], builder: ModuleType) -> None:
    """Guards the check itself: if the hook stopped seeing files, the next test would pass vacuously."""
    names = {p.name for p in runtime_data_files(opened_files, builder)}
    assert {"sentenceseg_crfcut.model", "words_th.txt", "Sarabun-Regular.ttf", "lecture.pdf", "model.py", "tnc_freq.txt"} <= names


def test_every_data_file_opened_at_run_time_is_bundled(opened_files: list[Path], builder: ModuleType) -> None:
    data = builder.bundle_data()
    missing = [str(p) for p in runtime_data_files(opened_files, builder) if not builder.is_covered(p, data)]
    assert missing == []


def test_bundle_paths_mirror_the_source_tree(builder: ModuleType) -> None:
    """Code finds its files from its own __file__, so a file's bundle folder is its source folder."""
    for src, target in builder.bundle_data():
        real = src.resolve()
        base = next(r for r in [*installed_roots(), ROOT.resolve()] if real.is_relative_to(r))  # a venv may sit in ROOT
        folder = real if real.is_dir() else real.parent
        assert Path(target).as_posix() in (folder.relative_to(base).as_posix(), "."), (src, target)


def test_pyinstaller_arguments(builder: ModuleType) -> None:
    args = builder.pyinstaller_args(builder.bundle_data())
    assert args[0].endswith("__main__.py") and "--onedir" in args
    # Command modules are imported by name: all of guidelight must be collected.
    assert args[args.index("--collect-submodules") + 1] == "guidelight"
    added = [a for i, a in enumerate(args) if args[i - 1] == "--add-data"]
    assert len(added) == len(builder.bundle_data())
    assert all(os.pathsep in a for a in added)


@pytest.mark.parametrize("platform", ["win32", "linux", "darwin"])
def test_platform_options(builder: ModuleType, monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    monkeypatch.setattr(builder.sys, "platform", platform)
    args = builder.pyinstaller_args([])
    # Windows: the console of a Start-menu start is hidden; stripping would damage DLLs there.
    assert (args[args.index("--hide-console") + 1] == "hide-early") if platform == "win32" else "--strip" in args
    assert ("--windowed" in args) == (platform == "darwin")
    # SAPI5 through pyttsx3 needs comtypes' generated SpeechLib inside the bundle.
    assert ("comtypes.gen.SpeechLib" in args) == (platform == "win32")
    # OneCore voices through PyWinRT: its modules are imported by name and read data tables.
    collected = {(a, args[i + 1]) for i, a in enumerate(args[:-1])}
    assert {("--collect-submodules", "winrt"), ("--collect-data", "winrt")} <= collected or platform != "win32"
    assert not any("winrt" in a for a in args) or platform == "win32"


def test_only_the_pythainlp_files_used_are_bundled(builder: ModuleType) -> None:
    names = {src.name for src, target in builder.bundle_data() if target == "pythainlp/corpus"}
    assert {"sentenceseg_crfcut.model", "words_th.txt", "tnc_freq.txt"} <= names
    assert not any(n.endswith((".onnx", ".db")) for n in names)
    # The contributed hook would bundle the whole corpus again: ours replaces it.
    args = builder.pyinstaller_args(builder.bundle_data())
    hooks = Path(args[args.index("--additional-hooks-dir") + 1])
    assert hooks == builder.write_hooks()
    namespace: dict = {}
    exec((hooks / "hook-pythainlp.py").read_text(encoding="utf-8"), namespace)
    assert namespace["datas"] == []


def test_inno_setup_script(builder: ModuleType, tmp_path: Path) -> None:
    script = builder.inno_setup_script(tmp_path / "dist" / "guidelight", tmp_path / "out", "9.8.7")
    sections = {}
    current = None
    for line in script.splitlines():
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = []
        elif current and line and not line.startswith(";"):
            sections[current].append(line)
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["AppVersion"] == "9.8.7"
    assert setup["AppId"].startswith("{{")  # a literal brace, escaped for Inno Setup
    assert setup["PrivilegesRequired"] == "admin"  # per machine: the lab's PCs, every student
    assert setup["DefaultDirName"] == "{autopf}\\Guide Light"
    assert setup["OutputBaseFilename"] == "guidelight-9.8.7-setup"
    # Silent installs by deployment tools must never stop: no wizard page asks anything that
    # /VERYSILENT cannot skip, and the "start now" box is skipped when silent.
    run = sections["Run"]
    assert run and all("skipifsilent" in line for line in run)
    assert "DisableProgramGroupPage" in setup and setup["CloseApplications"] == "force"
    files = sections["Files"]
    assert f'Source: "{tmp_path / "dist" / "guidelight"}\\*"' in files[0] and "recursesubdirs" in files[0]
    # An optional lab.json beside the setup program goes to the machine-wide config folder.
    lab = next(line for line in files if "lab.json" in line)
    assert 'DestDir: "{commonappdata}\\guidelight"' in lab and "skipifsourcedoesntexist" in lab
    # Clean uninstall: the whole program folder, and an uninstaller in the menu.
    assert 'Type: filesandordirs; Name: "{app}"' in sections["UninstallDelete"]
    assert any("{uninstallexe}" in line for line in sections["Icons"])


def test_machine_wide_folder_of_the_installer_is_the_programs(builder: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    """The installer's {commonappdata}\\guidelight is where the program looks on Windows."""
    import platformdirs.windows

    from guidelight.core import datadirs

    monkeypatch.delenv("GUIDELIGHT_SITE_CONFIG", raising=False)
    monkeypatch.setattr(platformdirs, "site_config_dir",
                        lambda *a, **k: platformdirs.windows.Windows(*a, **k).site_config_dir)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda csidl: r"C:\ProgramData")
    assert str(datadirs.site_config_file()).replace("/", "\\") == r"C:\ProgramData\guidelight\lab.json"


def test_linux_desktop_entry(builder: ModuleType) -> None:
    entry = builder.desktop_entry("/opt/guidelight").splitlines()
    assert entry[0] == "[Desktop Entry]"
    fields = dict(line.split("=", 1) for line in entry[1:])
    assert fields["Exec"] == "/opt/guidelight/guidelight %f" and fields["MimeType"] == "application/pdf;"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils (install.sh)")
def test_linux_desktop_entry_is_valid(builder: ModuleType, tmp_path: Path) -> None:
    entry = tmp_path / "guidelight.desktop"
    entry.write_text(builder.desktop_entry("/opt/guidelight"), encoding="utf-8")
    done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True, timeout=30)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")  # not even a hint


def test_a_missing_pyinstaller_is_one_clear_line(builder: ModuleType, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "PyInstaller" else real(name, *a))
    assert builder.main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install -e .[build]" in err


def test_a_missing_inno_setup_stops_a_windows_build_before_it_starts(builder: ModuleType,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(builder.sys, "platform", "win32")
    monkeypatch.setattr(builder, "iscc_path", lambda: None)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: object())
    with pytest.raises(builder.BuildError, match="Inno Setup 6 is missing"):
        builder.check_prerequisites(package=True)
    builder.check_prerequisites(package=False)  # --no-package: the folder alone needs no Inno Setup


def test_piper_is_an_optional_part_of_the_bundle(builder: ModuleType) -> None:
    """Piper with TLTK would take the bundle far past 250 MB: left out unless asked for."""
    def excluded(args: list[str]) -> set[str]:
        return {a for i, a in enumerate(args) if args[i - 1] == "--exclude-module"}

    plain, with_piper = builder.pyinstaller_args([]), builder.pyinstaller_args([], with_piper=True)
    assert {"piper", "onnxruntime", "tltk", "pandas", "onnx"} <= excluded(plain)
    assert not {"piper", "onnxruntime", "tltk", "pandas"} & excluded(with_piper)
    assert "onnx" in excluded(with_piper)  # only `voices install` patches models, and it copes without
    assert with_piper[with_piper.index("--collect-all") + 1] == "piper"
    assert "--strip" not in with_piper  # it breaks numpy's OpenBLAS in the frozen program


def test_smoke_checks_that_the_windows_bundle_lists_onecore_voices(
    builder: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    listing = "onecore:en-US:David\tMicrosoft David\ten-us\nsapi5:HKEY_X\tMicrosoft Zira Desktop\ten-us\n"
    monkeypatch.setattr(builder, "run", lambda cmd, env, cwd: listing)
    assert builder.check_onecore_voices(["guidelight.exe"], {}, tmp_path) == "OneCore voices: onecore:en-US:David"
    monkeypatch.setattr(builder, "run", lambda cmd, env, cwd: "sapi5:HKEY_X\tMicrosoft Zira Desktop\ten-us\n")
    with pytest.raises(builder.BuildError, match="no OneCore voice"):
        builder.check_onecore_voices(["guidelight.exe"], {}, tmp_path)
