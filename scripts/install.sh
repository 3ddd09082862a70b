#!/usr/bin/env bash
# Install everything Guide Light needs on Debian/Ubuntu, then open the app on the sample lecture.
#   bash scripts/install.sh             install and open the app
#   bash scripts/install.sh --no-launch install only (CI, lab images)
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

APT_PACKAGES=(
  python3 python3-venv python3-pip
  espeak-ng sox                                   # offline speech (pyttsx3's Linux engine) and audio checks
  tesseract-ocr tesseract-ocr-tha                 # OCR for scanned pages
  epubcheck                                       # validates EPUB exports in the tests
  desktop-file-utils                              # validates the Linux package's .desktop entry in the tests
  fonts-thai-tlwg                                 # Thai fonts for rendering test PDFs
  xvfb xauth dbus-x11 at-spi2-core python3-pyatspi  # headless window + the screen-reader bus for tests
  orca xdotool                                    # the real screen reader and its keys, for the journey test
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3
)
if command -v apt-get >/dev/null; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[dev]"

if [ "${1:-}" != "--no-launch" ]; then
  exec .venv/bin/guidelight assets/samples/lecture.pdf
fi
