"""Loudness: -16 LUFS integrated (ITU-R BS.1770, measured with pyloudnorm) and true
peaks held under the ceiling by a look-ahead limiter on a 4x oversampled signal.

FFmpeg's ``loudnorm`` does the same in two passes but resamples to 192 kHz and takes
several seconds a minute of audio; this takes a fraction of a second. True peaks are
estimated once: they scale with the gain, so trying another gain costs only a measurement.
"""
from __future__ import annotations

import numpy as np
import pyloudnorm
from scipy.ndimage import maximum_filter1d, minimum_filter1d, uniform_filter1d
from scipy.signal import firwin, upfirdn

INTERPOLATOR = firwin(48, 0.25) * 4  # 4x oversampling, 12 taps a phase (as in ITU-R BS.1770-4 Annex 2)
TAPS = len(INTERPOLATOR) // 4
PHASE_BOUND = max(float(np.abs(INTERPOLATOR[p::4]).sum()) for p in range(4))  # |y| <= this x nearby max|x|
BLOCK = 4096


def normalise(samples: np.ndarray, rate: int, target_lufs: float = -16.0, ceiling_db: float = -1.5) -> np.ndarray:
    """``samples`` (n x channels, floats in -1..1) at ``target_lufs`` with true peaks under ``ceiling_db``."""
    meter = pyloudnorm.Meter(rate)
    samples = samples.astype(np.float32)
    level = meter.integrated_loudness(samples)
    if not np.isfinite(level):
        return samples  # silence: nothing to normalise
    gain_db, out, ceiling = target_lufs - level, samples, 10 ** (ceiling_db / 20)
    peaks = true_peak(samples, floor=ceiling / 10 ** ((gain_db + 3) / 20))  # exact wherever limiting may act
    for _ in range(4):  # limiting lowers the loudness a little: measure and raise the gain
        gain = 10 ** (gain_db / 20)
        out = samples * (gain * limiter_gain(peaks * gain, rate, ceiling))[:, None]
        level = meter.integrated_loudness(out)
        if abs(level - target_lufs) < 0.1:
            break
        gain_db += target_lufs - level
    return out


def true_peak(samples: np.ndarray, floor: float = 0.0) -> np.ndarray:
    """Per-sample true-peak estimate: the largest magnitude of the 4x oversampled signal.

    Oversampling is exact only where the peak could reach ``floor``; elsewhere the value
    is an upper bound (the phase gain times the nearby sample peak), which is safe for the
    limiter and skips most of the work on speech, whose peaks are rare.
    """
    n = len(samples)
    bound = maximum_filter1d(np.abs(samples).max(axis=1), size=2 * TAPS + 1) * np.float32(PHASE_BOUND)
    hot = bound >= floor
    if hot.mean() > 0.5:
        return _oversampled_peak(samples)
    peaks = bound.astype(np.float32)
    starts = np.arange(0, n, BLOCK)
    for lo in starts[np.add.reduceat(hot, starts) > 0]:
        hi, a = min(n, lo + BLOCK), max(0, lo - 2 * TAPS)
        peaks[lo:hi] = _oversampled_peak(samples[a:min(n, hi + 2 * TAPS)])[lo - a:hi - a]
    return peaks


def _oversampled_peak(samples: np.ndarray) -> np.ndarray:
    over = upfirdn(INTERPOLATOR.astype(np.float32), np.ascontiguousarray(samples.T, dtype=np.float32), 4, axis=1)
    np.abs(over, out=over)
    peak = np.max(over, axis=0) if len(over) > 1 else over[0]
    delay = (len(INTERPOLATOR) - 1) // 2
    return peak[delay:delay + len(samples) * 4].reshape(len(samples), 4).max(axis=1)


def limiter_gain(peaks: np.ndarray, rate: int, ceiling: float, window: float = 0.005) -> np.ndarray:
    """A smooth gain (<= 1) that keeps every true peak under ``ceiling`` (5 ms look-ahead and release)."""
    need = np.minimum(np.float32(1.0), np.float32(ceiling) / np.maximum(peaks, np.float32(1e-12)))
    if need.min() >= 1.0:
        return need
    radius = max(1, int(window * rate))
    return uniform_filter1d(minimum_filter1d(need, 2 * radius + 1), radius)  # stays under `need` everywhere
