"""Speech pipeline: normalization, engines, index marks, playback."""
