"""Loudness: -16 LUFS integrated (ITU-R BS.1770, measured with pyloudnorm) and true
peaks held under the ceiling by a look-ahead limiter on a 4x oversampled signal.

FFmpeg's ``loudnorm`` does the same in two passes but resamples to 192 kHz and takes
several seconds a minute of audio; this takes a fraction of a second.
"""
from __future__ import annotations

import numpy as np
import pyloudnorm
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import firwin, upfirdn

INTERPOLATOR = firwin(48, 0.25) * 4  # 4x oversampling, 12 taps a phase (as in ITU-R BS.1770-4 Annex 2)


def normalise(samples: np.ndarray, rate: int, target_lufs: float = -16.0, ceiling_db: float = -1.5) -> np.ndarray:
    """``samples`` (n x channels, floats in -1..1) at ``target_lufs`` with true peaks under ``ceiling_db``."""
    meter = pyloudnorm.Meter(rate)
    out = samples.astype(np.float64)
    level = meter.integrated_loudness(out)
    for _ in range(3):  # limiting lowers the loudness a little: measure again
        if not np.isfinite(level) or abs(level - target_lufs) < 0.2:
            break  # silence (nothing to normalise), or done
        out = limit(out * 10 ** ((target_lufs - level) / 20), rate, 10 ** (ceiling_db / 20))
        level = meter.integrated_loudness(out)
    return out


def true_peak(samples: np.ndarray) -> np.ndarray:
    """Per-sample true-peak estimate: the largest magnitude of the 4x oversampled signal."""
    over = np.abs(upfirdn(INTERPOLATOR, np.ascontiguousarray(samples.T), 4, axis=1)).max(axis=0)
    delay = (len(INTERPOLATOR) - 1) // 2
    return over[delay:delay + len(samples) * 4].reshape(len(samples), 4).max(axis=1)


def limit(samples: np.ndarray, rate: int, ceiling: float, window: float = 0.005) -> np.ndarray:
    """Smooth gain reduction wherever a true peak would pass ``ceiling`` (5 ms look-ahead)."""
    need = np.minimum(1.0, ceiling / np.maximum(true_peak(samples), 1e-12))
    if need.min() >= 1.0:
        return samples
    radius = max(1, int(window * rate))
    gain = uniform_filter1d(minimum_filter1d(need, 2 * radius + 1), radius)  # stays under `need` everywhere
    return samples * gain[:, None]
