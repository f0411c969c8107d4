"""Loudness: -16 LUFS integrated (ITU-R BS.1770, measured with pyloudnorm) and true
peaks held under the ceiling by a look-ahead limiter on a 4x oversampled signal.

FFmpeg's ``loudnorm`` does the same in two passes but resamples to 192 kHz and takes
several seconds a minute of audio; this takes a fraction of a second. True peaks are
estimated once, and exactly only where they could reach the ceiling; they scale with the
gain, so trying another gain costs only a measurement.

pyloudnorm and SciPy take most of a second to import, so they are imported when the first
soundtrack is mixed (in a worker thread, while slides are drawn), not when storymaker starts.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

BLOCK = 256  # samples: the granularity at which peaks are found exactly


@lru_cache(maxsize=1)
def _interpolator() -> tuple[np.ndarray, int, float]:
    """4x oversampling filter (12 taps a phase, as in ITU-R BS.1770-4 Annex 2), its taps per
    phase, and its phase gain: no phase of the output exceeds this times the nearby input peak."""
    from scipy.signal import firwin
    taps = (firwin(48, 0.25) * 4).astype(np.float32)
    return taps, len(taps) // 4, max(float(np.abs(taps[p::4]).sum()) for p in range(4))


def normalise(samples: np.ndarray, rate: int, target_lufs: float = -16.0, ceiling_db: float = -1.5) -> np.ndarray:
    """``samples`` (n x channels, floats in -1..1) at ``target_lufs`` with true peaks under ``ceiling_db``."""
    samples = samples.astype(np.float32)
    level = integrated_loudness(samples, rate)
    if not np.isfinite(level):
        return samples  # silence: nothing to normalise
    gain_db, out, ceiling = target_lufs - level, samples, 10 ** (ceiling_db / 20)
    exact_to = -np.inf  # peaks are exact wherever they could reach the ceiling at gains up to this
    for _ in range(4):  # limiting lowers the loudness a little: measure and raise the gain
        if gain_db > exact_to:
            exact_to = gain_db + 1.0
            peaks = true_peak(samples, floor=ceiling / 10 ** (exact_to / 20))
        gain = 10 ** (gain_db / 20)
        out = samples * (gain * limiter_gain(peaks * gain, rate, ceiling))[:, None]
        level = integrated_loudness(out, rate)
        if abs(level - target_lufs) < 0.1:
            break
        gain_db += target_lufs - level
    return out


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """Integrated loudness in LUFS, measured by pyloudnorm (-inf if silent or under 0.4 s)."""
    if len(samples) < 0.4 * rate:
        return float("-inf")
    return float(_meter(rate).integrated_loudness(samples))


@lru_cache(maxsize=4)
def _meter(rate: int):
    import pyloudnorm
    return pyloudnorm.Meter(rate)


def true_peak(samples: np.ndarray, floor: float = 0.0) -> np.ndarray:
    """Per-sample true-peak estimate: the largest magnitude of the 4x oversampled signal.

    Oversampling is exact only in blocks whose peak could reach ``floor``; elsewhere the
    value is an upper bound (the phase gain times the block's and its neighbours' sample
    peak), which is safe for the limiter and skips most of the work on speech, whose peaks
    are rare.
    """
    _, taps, phase_bound = _interpolator()
    n = len(samples)
    level = np.abs(samples[:, 0])
    for c in range(1, samples.shape[1]):
        np.maximum(level, np.abs(samples[:, c]), out=level)
    blocks = -(-n // BLOCK)
    per_block = np.pad(level, (0, blocks * BLOCK - n)).reshape(blocks, BLOCK).max(axis=1)
    near = per_block.copy()  # the interpolator reaches 2 * taps < BLOCK samples: neighbours cover it
    np.maximum(near[1:], per_block[:-1], out=near[1:])
    np.maximum(near[:-1], per_block[1:], out=near[:-1])
    bound = (near * np.float32(phase_bound)).astype(np.float32)
    hot = np.flatnonzero(bound >= floor)
    if len(hot) > blocks // 2:
        return _oversampled_peak(samples)
    peaks = np.repeat(bound, BLOCK)
    grid = peaks.reshape(blocks, BLOCK)
    margin = 2 * taps  # covers the interpolator's reach; zeros beyond the ends, as filtering it all would see
    padded = np.pad(samples.astype(np.float32), ((margin, margin + BLOCK), (0, 0)))
    width = BLOCK + 2 * margin
    for chunk in np.array_split(hot, max(1, len(hot) // 1024)):  # bounded memory on long tracks
        if len(chunk):  # the hot blocks with their margins, laid end to end and oversampled together
            windows = padded[(chunk * BLOCK)[:, None] + np.arange(width)[None, :]]
            grid[chunk] = _oversampled_peak(windows.reshape(-1, samples.shape[1])).reshape(len(chunk), width)[
                :, margin:margin + BLOCK]
    return peaks[:n]


def _oversampled_peak(samples: np.ndarray) -> np.ndarray:
    """For each sample, the largest magnitude of the 4x oversampled signal around it (any channel)."""
    from scipy.signal import upfirdn
    interpolator = _interpolator()[0]
    over = upfirdn(interpolator, np.ascontiguousarray(samples.reshape(len(samples), -1).T, dtype=np.float32), 4, axis=1)
    np.abs(over, out=over)
    peak = np.max(over, axis=0) if len(over) > 1 else over[0]
    delay = (len(interpolator) - 1) // 2
    return peak[delay:delay + len(samples) * 4].reshape(len(samples), 4).max(axis=1)


def limiter_gain(peaks: np.ndarray, rate: int, ceiling: float, window: float = 0.005) -> np.ndarray:
    """A smooth gain (<= 1) that keeps every true peak under ``ceiling`` (5 ms look-ahead and release).

    The gain is 1 except near peaks over the ceiling, so the filters run only on the
    stretches around them (each with enough unity gain either side to give the same
    result as filtering the whole track).
    """
    need = np.minimum(np.float32(1.0), np.float32(ceiling) / np.maximum(peaks, np.float32(1e-12)))
    low = np.flatnonzero(need < 1.0)
    if not len(low):
        return need
    from scipy.ndimage import minimum_filter1d, uniform_filter1d
    radius = max(1, int(window * rate))
    reach = 2 * radius + 2  # the minimum filter reaches `radius`, the moving average `radius / 2`
    gain = np.ones_like(need)
    split = np.flatnonzero(np.diff(low) > 2 * reach) + 1
    for first, last in zip(low[np.r_[0, split]], low[np.r_[split - 1, len(low) - 1]]):
        a, b = max(0, first - reach), min(len(need), last + reach + 1)
        gain[a:b] = uniform_filter1d(minimum_filter1d(need[a:b], 2 * radius + 1), radius)  # under `need` everywhere
    return gain
