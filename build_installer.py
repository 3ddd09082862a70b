#!/usr/bin/env python3
"""Build Guide Light as one self-contained folder, then the package of this OS.

    python build_installer.py            build dist/guidelight/ and the package
    python build_installer.py --smoke    the same, then run the frozen program in a clean
                                         environment (--version, extract, normalize, the
                                         app offscreen until ready, portable mode,
                                         nothing loaded from the build machine's Python)
    python build_installer.py --smoke --no-build   smoke-test the folder already in dist/

Packages: Windows, an Inno Setup installer (when Inno Setup's ``iscc`` is installed;
silent with ``/VERYSILENT /SUPPRESSMSGBOXES``); Linux, a tarball of the folder with a
``.desktop`` file; macOS, ``Guide Light.app``. Needs ``pip install -e .[build]``
(PyInstaller). A missing prerequisite stops the build with one line saying what to install.

The data files the frozen program reads are listed once, in ``bundle_data``; the fast
test ``tests/deploy/test_bundle_config.py`` runs the app under an audit hook and fails
when it opens a data file that list does not cover.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
NAME = "guidelight"
TITLE = "Guide Light"
DIST = ROOT / "dist"
WORK = ROOT / "build"
# Fixed for the life of the product: Windows finds the installed copy to upgrade or remove by it.
INNO_APP_ID = "{{6B3D2F0E-5C1A-4E7B-9A55-0F4C9D1E7A21}"
SAMPLE = "assets/samples/lecture.pdf"
NORMALIZE_SAMPLE = "พ.ศ. 2567 ราคา 1,250 บาท (ดร.สมชาย) 25%"
# PyInstaller's own hooks bundle these packages' plugins and data (Qt's platform plugins,
# image formats, translations); what they open is theirs to cover.
HOOK_COVERED_PACKAGES = ("PySide6", "shiboken6")
# The PyThaiNLP corpus files Guide Light reads (of 60 MB): nlpo3's and OCR correction's
# dictionary, the crfcut sentence model and the stop words of its features, the TNC word
# frequencies of OCR correction; and the corpus licence.
PYTHAINLP_CORPUS = ("words_th.txt", "sentenceseg_crfcut.model", "stopwords_th.txt", "tnc_freq.txt",
                    "corpus_license.md")
# Bundled by PySide6's hooks but never used: the app installs no Qt translator (its own
# strings are in gui/i18n.py).
PRUNED = ("PySide6/Qt/translations",)
# Nothing here is imported at run time; excluding them keeps stray imports out.
EXCLUDED_MODULES = ("tkinter", "pytest", "mypy", "ruff", "importlinter", "IPython", "matplotlib", "PyInstaller")
# Piper is an optional part of the bundle (--with-piper): onnxruntime and numpy add ~150 MB,
# and Piper's Thai phonemizer TLTK imports pandas, scikit-learn, scipy, nltk and gensim at
# load (~400 MB more), which would take the bundle far past 250 MB. Without them the app
# speaks with the system's engines; with them, Piper voices installed from files.
PIPER_MODULES = ("piper", "onnxruntime", "numpy", "tltk", "pandas", "sklearn", "scipy", "nltk", "gensim",
                 "sklearn_crfsuite", "unicode_rbnf")
# Only `guidelight voices install` uses onnx (to expose phoneme lengths for word timing);
# a bundled install copies the voice as it is, and the pipeline estimates the words.
NEVER_BUNDLED = ("onnx",)


class BuildError(Exception):
    """A missing prerequisite or a failed step: told in one line, exit status 2."""


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise BuildError(f"the Python package {name} is missing: run pip install -e .")
    return Path(spec.origin).parent


def bundle_data() -> list[tuple[Path, str]]:
    """Every data file or folder the frozen program reads, with its folder in the bundle.

    Paths inside the bundle mirror the source tree, so code that finds a file from its
    own ``__file__`` (the fonts, the page cache's fingerprint) finds it frozen too.
    """
    data = [
        (ROOT / "assets" / "fonts", "assets/fonts"),  # the Sarabun font the app registers
        (ROOT / SAMPLE, "assets/samples"),  # the sample lecture students are pointed to
        (ROOT / "docs" / "keyboard.md", "docs"),  # the key map to read (F1 builds it from the same table)
        (ROOT / "LICENSE", "."),
    ]
    # The page cache names its folder by a hash of the extractor's source: ship the source it hashes.
    gl = ROOT / NAME
    for folder in ("extract", "thai"):
        data += [(path, f"{NAME}/{folder}") for path in sorted((gl / folder).glob("*.py"))]
    data += [(gl / "core" / "model.py", f"{NAME}/core"), (gl / "core" / "serialize.py", f"{NAME}/core")]
    corpus = package_dir("pythainlp") / "corpus"
    data += [(corpus / name, "pythainlp/corpus") for name in PYTHAINLP_CORPUS]
    return data


def write_hooks() -> Path:
    """Hooks that replace PyInstaller's: the contributed PyThaiNLP hook bundles the whole
    corpus, while ``bundle_data`` lists the few files used."""
    hooks = WORK / "hooks"
    hooks.mkdir(parents=True, exist_ok=True)
    (hooks / "hook-pythainlp.py").write_text("datas = []  # build_installer.bundle_data lists them\n",
                                             encoding="utf-8")
    return hooks


def is_covered(path: Path, data: list[tuple[Path, str]]) -> bool:
    """Whether ``path`` is one of the bundled files or inside a bundled folder."""
    path = path.resolve()
    return any(path == src.resolve() or path.is_relative_to(src.resolve()) for src, _ in data)


def pyinstaller_args(data: list[tuple[Path, str]], with_piper: bool = False) -> list[str]:
    args = [
        str(ROOT / NAME / "__main__.py"),
        "--name", NAME, "--onedir", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(WORK / "pyinstaller"), "--specpath", str(WORK),
        # cli/main.py imports its command modules by name, so PyInstaller cannot see them.
        "--collect-submodules", NAME,
        "--additional-hooks-dir", str(WORK / "hooks"),
    ]
    for module in (*EXCLUDED_MODULES, *NEVER_BUNDLED, *(() if with_piper else PIPER_MODULES)):
        args += ["--exclude-module", module]
    if with_piper:  # Piper's espeak-ng data and bridge, TLTK's dictionary, Thai number words: no hook lists them
        args += ["--collect-all", "piper", "--collect-data", "tltk", "--collect-data", "unicode_rbnf"]
    for src, target in data:
        args += ["--add-data", f"{src}{os.pathsep}{target}"]
    if sys.platform == "win32":
        # One console program, so the commands print; started from the Start menu (it owns
        # its console) the window is hidden before Python starts and only the app shows.
        args += ["--hide-console", "hide-early"]
        # pyttsx3's SAPI5 driver imports comtypes.gen.SpeechLib (made by make_speech_wrappers).
        args += ["--hidden-import", "comtypes.gen.SpeechLib", "--collect-submodules", "comtypes.gen"]
        # OneCore voices (Thai: Microsoft Pattara) through PyWinRT, whose projections are imported
        # by name at run time and read the _table.pywinrt beside them. winrt-runtime's own hook
        # collects them too; saying it here keeps the bundle right if that hook is not found.
        args += ["--collect-submodules", "winrt", "--collect-data", "winrt"]
    elif not with_piper:  # stripping breaks numpy's and scipy's OpenBLAS ("ELF load command ... not page-aligned")
        args.append("--strip")  # the build machine's libpython may carry 17 MB of debug symbols
    if sys.platform == "darwin":
        args += ["--windowed", "--osx-bundle-identifier", "org.guidelight.app"]
    return args


def iscc_path() -> Path | None:
    """Inno Setup's compiler: on PATH, or where its installer puts it."""
    found = shutil.which("iscc")
    if found:
        return Path(found)
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        candidate = Path(base or "") / "Inno Setup 6" / "ISCC.exe"
        if base and candidate.is_file():
            return candidate
    return None


def check_prerequisites(package: bool) -> None:
    """Stop before a long build when something is missing, with what to install."""
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError("PyInstaller is missing: run  pip install -e .[build]")
    if sys.platform == "win32" and importlib.util.find_spec("winrt") is None:
        raise BuildError("PyWinRT is missing (Windows OneCore voices, Thai): run  pip install -e .")
    if package and sys.platform == "win32" and iscc_path() is None:
        raise BuildError("Inno Setup 6 is missing (iscc): install it from jrsoftware.org/isdl.php, "
                         "or build the folder only with --no-package")


def version() -> str:
    namespace: dict[str, str] = {}
    exec((ROOT / NAME / "__init__.py").read_text(encoding="utf-8"), namespace)
    return namespace["__version__"]


def inno_setup_script(app_dir: Path, out_dir: Path, app_version: str) -> str:
    """The Inno Setup script of a per-machine install.

    Silent installs (``/VERYSILENT /SUPPRESSMSGBOXES /NORESTART``) never stop for a
    question: nothing here needs an answer, and the "start now" box is skipped when
    silent. A ``lab.json`` placed beside the setup program is copied to the machine-wide
    config folder (``C:\\ProgramData\\guidelight``) unless one is there already; the
    uninstaller removes the program folder and what it installed, never students' data.
    """
    exe = f"{NAME}.exe"
    lab_flags = "external skipifsourcedoesntexist onlyifdoesntexist"  # optional, never over IT's own
    return f"""; Generated by build_installer.py; do not edit by hand.
[Setup]
AppId={INNO_APP_ID}
AppName={TITLE}
AppVersion={app_version}
AppPublisher=Guide Light contributors
DefaultDirName={{autopf}}\\{TITLE}
DefaultGroupName={TITLE}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=force
RestartApplications=no
LicenseFile={ROOT / "LICENSE"}
OutputDir={out_dir}
OutputBaseFilename={NAME}-{app_version}-setup
Compression=lzma2
SolidCompression=yes
UninstallDisplayName={TITLE}
UninstallDisplayIcon={{app}}\\{exe}

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{{cm:CreateDesktopIcon}}"; Flags: unchecked

[Files]
Source: "{app_dir}\\*"; DestDir: "{{app}}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{{src}}\\lab.json"; DestDir: "{{commonappdata}}\\{NAME}"; Flags: {lab_flags}

[Icons]
Name: "{{group}}\\{TITLE}"; Filename: "{{app}}\\{exe}"
Name: "{{group}}\\Uninstall {TITLE}"; Filename: "{{uninstallexe}}"
Name: "{{autodesktop}}\\{TITLE}"; Filename: "{{app}}\\{exe}"; Tasks: desktopicon

[Run]
Filename: "{{app}}\\{exe}"; Description: "Start {TITLE}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{{app}}"
"""


def desktop_entry(install_dir: str) -> str:
    """A freedesktop launcher for the folder unpacked at ``install_dir``."""
    return f"""[Desktop Entry]
Type=Application
Name={TITLE}
Comment=Listen to Thai course PDFs
Comment[th]=ฟังเอกสาร PDF ภาษาไทยของรายวิชา
Exec={install_dir}/{NAME} %f
Terminal=false
MimeType=application/pdf;
Categories=Utility;Accessibility;
Keywords=PDF;Thai;speech;screen reader;education;course;
"""


def executable(dist: Path = DIST) -> Path:
    if sys.platform == "darwin":
        return dist / f"{TITLE}.app" / "Contents" / "MacOS" / NAME
    return dist / NAME / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def make_speech_wrappers() -> None:
    """Windows: generate comtypes' SAPI wrappers (``comtypes.gen.SpeechLib``) now, so they
    are bundled; comtypes would otherwise write them on first use, which a frozen program
    in Program Files cannot do (a known pyttsx3 + PyInstaller failure)."""
    import comtypes.client  # pyttsx3 depends on it on Windows

    sapi = Path(os.environ.get("SYSTEMROOT", r"C:\Windows")) / "System32" / "Speech" / "Common" / "sapi.dll"
    comtypes.client.GetModule(str(sapi))


def build(with_piper: bool = False) -> None:
    import PyInstaller.__main__  # checked by check_prerequisites

    write_hooks()
    if sys.platform == "win32":
        make_speech_wrappers()
    PyInstaller.__main__.run(pyinstaller_args(bundle_data(), with_piper))
    for internal in DIST.glob("**/_internal"):
        for rel in PRUNED:
            shutil.rmtree(internal / rel, ignore_errors=True)
    if sys.platform == "darwin":  # PyInstaller names the bundle after the executable
        shutil.rmtree(DIST / f"{TITLE}.app", ignore_errors=True)
        (DIST / f"{NAME}.app").rename(DIST / f"{TITLE}.app")


def package() -> Path:
    """The package of this OS, from the folder in dist/."""
    app_version = version()
    if sys.platform == "win32":
        script = WORK / f"{NAME}.iss"
        script.write_text(inno_setup_script(DIST / NAME, DIST, app_version), encoding="utf-8")
        iscc = iscc_path()
        assert iscc is not None  # checked by check_prerequisites
        subprocess.run([str(iscc), "/Q", str(script)], check=True)
        return DIST / f"{NAME}-{app_version}-setup.exe"
    if sys.platform == "darwin":
        return DIST / f"{TITLE}.app"
    (DIST / NAME / f"{NAME}.desktop").write_text(desktop_entry(f"/opt/{NAME}"), encoding="utf-8")
    tarball = DIST / f"{NAME}-{app_version}-linux-{os.uname().machine}.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(DIST / NAME, arcname=NAME)
    return tarball


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


# --- the smoke test ------------------------------------------------------------------------


def clean_env(home: Path) -> dict[str, str]:
    """A student's login: an empty HOME, system PATH only (no virtualenv, no Python of the
    build), no lab file, no overrides; offscreen Qt and no sound card."""
    env = {
        "HOME": str(home), "USERPROFILE": str(home), "PATH": os.pathsep.join(_system_path()),
        "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen", "GUIDELIGHT_AUDIO": "none",
        "GUIDELIGHT_SITE_CONFIG": str(home / "no-lab.json"),
    }
    for name in ("SYSTEMROOT", "WINDIR", "TEMP", "TMP", "LOCALAPPDATA", "APPDATA", "PROGRAMDATA"):
        if name in os.environ and sys.platform == "win32":
            env[name] = os.environ[name]
    return env


def _system_path() -> list[str]:
    if sys.platform == "win32":
        return [str(Path(os.environ.get("SYSTEMROOT", r"C:\Windows")) / "System32")]
    return ["/usr/local/bin", "/usr/bin", "/bin"]


def run(cmd: list[str], env: dict[str, str] | None, cwd: Path, timeout: float = 120) -> str:
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=timeout)
    if done.returncode != 0:
        raise BuildError(f"{' '.join(cmd[-3:])} exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return done.stdout


def smoke(exe: Path) -> list[str]:
    """Run the frozen program as a student would; returns what passed, raises on a failure."""
    if not exe.is_file():
        raise BuildError(f"no built program at {exe}: run python build_installer.py first")
    source = [sys.executable, "-m", NAME]
    passed = []
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        env = clean_env(home)
        frozen = [str(exe)]
        out = run([*frozen, "--version"], env, home)
        if out.strip() != f"{NAME} {version()}":
            raise BuildError(f"--version printed {out!r}")
        passed.append(f"--version: {out.strip()}")

        sample = str(ROOT / SAMPLE)
        for args in (["extract", sample], ["extract", "--format", "json", sample], ["normalize", NORMALIZE_SAMPLE]):
            mine, theirs = run([*frozen, *args], env, home), run([*source, *args], None, ROOT)
            if mine != theirs:
                raise BuildError(f"{' '.join(args[:-1])} differs from the source tree's output")
            passed.append(f"{' '.join(args[:-1])}: same as from source ({len(mine)} characters)")

        started = time.perf_counter()
        out = run(frozen, {**env, "GUIDELIGHT_EXIT_WHEN_READY": "1"}, home, timeout=90)
        if "guidelight: ready" not in out:
            raise BuildError(f"the app did not report ready: {out!r}")
        passed.append(f"app offscreen: ready in {time.perf_counter() - started:.1f} s, then quit")

        if sys.platform == "win32":
            passed.append(check_onecore_voices(frozen, env, home))
        passed.append(check_lab_file(frozen, env, home))
        passed.append(check_portable(frozen, env, home, exe))
        if Path("/proc/self/maps").exists():
            passed.append(check_nothing_from_build_python(frozen, env, home))
        made = sorted({p.relative_to(home).parts[0] for p in home.rglob("*")})
        passed.append(f"folders made in the empty HOME: {', '.join(made) or 'none'}")
    return passed


def check_onecore_voices(frozen: list[str], env: dict[str, str], cwd: Path) -> str:
    """Windows: the frozen program lists OneCore voices (every Windows 10/11 has English ones),
    so PyWinRT and its projection tables made it into the bundle."""
    listed = run([*frozen, "voices"], env, cwd).splitlines()
    onecore = [line.split("\t")[0] for line in listed if line.startswith("onecore:")]
    if not onecore:
        raise BuildError("the frozen program lists no OneCore voice: PyWinRT is missing from the bundle")
    return f"OneCore voices: {', '.join(onecore)}"


def check_lab_file(frozen: list[str], env: dict[str, str], cwd: Path) -> str:
    """The frozen program reads a lab file (its example, as IT would start from it) for a
    student who has no settings of their own yet."""
    home = cwd / "new-student"
    home.mkdir()
    lab = cwd / "lab.json"
    lab.write_text(run([*frozen, "config", "--example"], env, cwd), encoding="utf-8")
    example = json.loads(lab.read_text(encoding="utf-8"))
    student = {**env, "HOME": str(home), "USERPROFILE": str(home), "GUIDELIGHT_SITE_CONFIG": str(lab)}
    shown = json.loads(run([*frozen, "config", "--show"], student, cwd))
    lab.unlink()
    shutil.rmtree(home)
    got = (shown["lab_file"]["found"], shown["settings"]["rate"], shown["library"]["path"])
    if got != (True, example["rate"], example["course_library"]) or shown["lab_file"]["ignored"]:
        raise BuildError(f"lab file: got {got} and ignored {shown['lab_file']['ignored']}")
    return "lab file: read, its defaults and shared library used"


def check_portable(frozen: list[str], env: dict[str, str], cwd: Path, exe: Path) -> str:
    """With the marker beside the program, settings, cache and library live beside it."""
    folder = exe.parent if sys.platform != "darwin" else exe.parents[3]
    marker, data = folder / "guidelight-portable.txt", folder / "guidelight-data"
    marker.write_text("Guide Light keeps its settings and library in guidelight-data beside this file.\n",
                      encoding="utf-8")
    try:
        shown = json.loads(run([*frozen, "config", "--show"], env, cwd))
        wanted = {"portable_dir": str(data), "library": str(data / "library"), "cache_dir": str(data / "cache")}
        got = {"portable_dir": shown["portable_dir"], "library": shown["library"]["path"],
               "cache_dir": shown["cache_dir"]}
        if got != wanted or not shown["frozen"]:
            raise BuildError(f"portable mode: expected {wanted}, got {got}")
        run([*frozen, "library", "list"], env, cwd)
        if not (data / "library" / "library.sqlite3").is_file():
            raise BuildError("portable mode: the library was not made beside the program")
    finally:
        marker.unlink(missing_ok=True)
        shutil.rmtree(data, ignore_errors=True)
    return "portable marker: settings, library and cache beside the program"


def check_nothing_from_build_python(frozen: list[str], env: dict[str, str], cwd: Path) -> str:
    """Linux: the running app (a document open, PyMuPDF and the Thai models loaded) maps no
    library of the build machine's Python, virtualenv or source tree, only the bundle's and
    the system's."""
    build_side = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix, ROOT)}
    bundle = executable().parent.resolve()
    app = subprocess.Popen([*frozen, str(ROOT / SAMPLE)], env=env, cwd=cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        mapped: set[Path] = set()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any("mupdf" in p.name for p in mapped):
            time.sleep(0.5)
            rows = [line.split(None, 5) for line in Path(f"/proc/{app.pid}/maps").read_text().splitlines()]
            mapped = {Path(row[5]) for row in rows if len(row) == 6 and row[5].startswith("/")}
        if not any("mupdf" in p.name for p in mapped):
            raise BuildError("the app did not load the PDF engine within 60 s")
    finally:
        app.terminate()
        app.wait(timeout=30)
    foreign = sorted(str(p) for p in mapped if not p.is_relative_to(bundle)
                     and any(p.is_relative_to(b) for b in build_side))
    if foreign:
        raise BuildError(f"the frozen app loaded files of the build machine: {foreign[:5]}")
    return f"running app maps {len(mapped)} files, none from the build machine's Python or source"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--smoke", action="store_true", help="run the built program in a clean environment")
    parser.add_argument("--no-build", action="store_true", help="use the folder already in dist/")
    parser.add_argument("--no-package", action="store_true", help="build the folder only")
    parser.add_argument("--with-piper", action="store_true",
                        help="include Piper and its Thai phonemizer (pip install -e .[piper-thai]); a larger bundle")
    args = parser.parse_args(argv)
    try:
        if not args.no_build:
            check_prerequisites(package=not args.no_package)
            started = time.perf_counter()
            build(args.with_piper)
            print(f"built {executable()} in {time.perf_counter() - started:.0f} s")
            if not args.no_package:
                print(f"package: {package()}")
        bundle = DIST / (f"{TITLE}.app" if sys.platform == "darwin" else NAME)
        print(f"bundle size: {folder_size(bundle) / 1e6:.0f} MB unpacked")
        if args.smoke:
            for line in smoke(executable()):
                print(f"smoke ok: {line}")
    except BuildError as exc:
        print(f"build_installer: {exc}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        print(f"build_installer: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
