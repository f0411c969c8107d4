"""Loudness: -16 LUFS integrated (ITU-R BS.1770) and true peaks held under the ceiling
by a look-ahead limiter on a 4x oversampled signal.

FFmpeg's ``loudnorm`` does the same in two passes but resamples to 192 kHz and takes
several seconds a minute of audio; this takes a fraction of a second. True peaks are
estimated once: they scale with the gain, so trying another gain costs only a measurement.

The meter measures what pyloudnorm measures (the same K-weighting filters, 400 ms blocks
and gates; ``tests/test_video_loudness.py`` checks they agree to 0.01 LU) but block
energies come from a running sum instead of a Python loop, and the K-weighting runs as
an FFT convolution with the filters' impulse response (exact to 1e-7: the response has
died away to 1e-10 after 4,096 samples). Everything here is NumPy: SciPy's signal module
takes most of a second to import, which a one-word rebuild should not pay.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _lowpass(taps: int, cutoff: float) -> np.ndarray:
    """A Hamming-windowed sinc low-pass with unit gain at DC (what ``scipy.signal.firwin`` makes)."""
    n = np.arange(taps) - (taps - 1) / 2
    h = cutoff * np.sinc(cutoff * n) * np.hamming(taps)
    return h / h.sum()


INTERPOLATOR = _lowpass(48, 0.25) * 4  # 4x oversampling, 12 taps a phase (as in ITU-R BS.1770-4 Annex 2)
TAPS = len(INTERPOLATOR) // 4
PHASES = [INTERPOLATOR[p::4].astype(np.float32) for p in range(4)]
PHASE_BOUND = max(float(np.abs(h).sum()) for h in PHASES)  # |y| <= this x nearby max|x|
BLOCK = 256  # samples: the granularity at which peaks are found exactly
RESPONSE = 4096  # samples of the K-weighting impulse response used
FFT = 32768  # FFT length for the K-weighting convolution


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
    """Integrated loudness in LUFS (BS.1770-4: K-weighting, 400 ms blocks overlapping by 75%,
    absolute gate at -70 LUFS, relative gate 10 LU below), as pyloudnorm measures it.

    Channel weights are 1 (mono and stereo; surround channels are not used here).
    """
    x = samples.reshape(len(samples), -1).T
    block, step = 0.4, 0.25
    blocks = int(np.round((x.shape[1] / rate - block) / (block * step))) + 1
    if blocks < 1:
        return float("-inf")
    power = np.zeros(x.shape[1])
    for channel in x:
        power += np.square(_k_weighted(channel, rate), dtype=np.float64)
    j = np.arange(blocks)
    lo = (block * (j * step) * rate).astype(np.int64)  # the same bounds as pyloudnorm's loop
    hi = np.minimum((block * (j * step + 1) * rate).astype(np.int64), x.shape[1])
    energy = np.concatenate([[0.0], np.cumsum(power)])
    z = (energy[hi] - energy[lo]) / (block * rate)  # mean square per block (channel weights are all 1)
    with np.errstate(divide="ignore"):
        loud = -0.691 + 10 * np.log10(z)
    gated = loud >= -70.0
    if not gated.any():
        return float("-inf")
    gated &= loud > -0.691 + 10 * np.log10(z[gated].mean()) - 10  # the relative gate
    if not gated.any():
        return float("-inf")
    return float(-0.691 + 10 * np.log10(z[gated].mean()))


def _k_weighted(x: np.ndarray, rate: int) -> np.ndarray:
    """One channel through the K-weighting filters (overlap-save FFT convolution, float32)."""
    n, hop = len(x), FFT - RESPONSE + 1
    response = _k_response(rate)
    padded = np.concatenate([np.zeros(RESPONSE - 1, np.float32), x.astype(np.float32), np.zeros(FFT, np.float32)])
    starts = np.arange(0, n, hop)
    out = np.empty(len(starts) * hop, np.float32)
    for i in range(0, len(starts), 32):  # 32 windows at a time: bounded memory on long tracks
        windows = sliding_window_view(padded, FFT)[starts[i:i + 32]]
        done = np.fft.irfft(np.fft.rfft(windows, axis=1) * response, FFT, axis=1)[:, RESPONSE - 1:]
        out[i * hop:i * hop + done.size] = done.ravel()
    return out[:n]


@lru_cache(maxsize=4)
def _k_response(rate: int) -> np.ndarray:
    """The spectrum of the K-weighting filters' impulse response (first ``RESPONSE`` samples)."""
    impulse = np.zeros(RESPONSE)
    impulse[0] = 1.0
    for b, a in k_weighting(rate):
        impulse = _biquad(b, a, impulse)
    return np.fft.rfft(impulse.astype(np.float32), FFT)


def k_weighting(rate: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """(b, a) of the two K-weighting stages, a high shelf then a high pass, designed as
    pyloudnorm designs them (RBJ cookbook formulas, BS.1770's corner frequencies)."""
    stages = []
    for kind, gain_db, q, fc in (("shelf", 4.0, 1 / np.sqrt(2), 1500.0), ("pass", 0.0, 0.5, 38.0)):
        a_, w0 = 10 ** (gain_db / 40), 2 * np.pi * fc / rate
        alpha, cos = np.sin(w0) / (2 * q), np.cos(w0)
        if kind == "shelf":
            root = 2 * np.sqrt(a_) * alpha
            b = [a_ * ((a_ + 1) + (a_ - 1) * cos + root), -2 * a_ * ((a_ - 1) + (a_ + 1) * cos),
                 a_ * ((a_ + 1) + (a_ - 1) * cos - root)]
            a = [(a_ + 1) - (a_ - 1) * cos + root, 2 * ((a_ - 1) - (a_ + 1) * cos), (a_ + 1) - (a_ - 1) * cos - root]
        else:
            b, a = [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2], [1 + alpha, -2 * cos, 1 - alpha]
        stages.append((np.array(b) / a[0], np.array(a) / a[0]))
    return stages


def _biquad(b: np.ndarray, a: np.ndarray, x: np.ndarray) -> np.ndarray:
    """A biquad sample by sample (for a short impulse response only)."""
    y, x1, x2, y1, y2 = np.zeros_like(x), 0.0, 0.0, 0.0, 0.0
    for i, v in enumerate(x.tolist()):
        out = b[0] * v + b[1] * x1 + b[2] * x2 - a[1] * y1 - a[2] * y2
        x2, x1, y2, y1 = x1, v, y1, out
        y[i] = out
    return y


def true_peak(samples: np.ndarray, floor: float = 0.0) -> np.ndarray:
    """Per-sample true-peak estimate: the largest magnitude of the 4x oversampled signal.

    Oversampling is exact only in blocks whose peak could reach ``floor``; elsewhere the
    value is an upper bound (the phase gain times the block's and its neighbours' sample
    peak), which is safe for the limiter and skips most of the work on speech, whose peaks
    are rare.
    """
    n = len(samples)
    level = np.abs(samples[:, 0])
    for c in range(1, samples.shape[1]):
        np.maximum(level, np.abs(samples[:, c]), out=level)
    blocks = -(-n // BLOCK)
    per_block = np.pad(level, (0, blocks * BLOCK - n)).reshape(blocks, BLOCK).max(axis=1)
    near = per_block.copy()  # the interpolator reaches 2 * TAPS < BLOCK samples: neighbours cover it
    np.maximum(near[1:], per_block[:-1], out=near[1:])
    np.maximum(near[:-1], per_block[1:], out=near[:-1])
    bound = (near * np.float32(PHASE_BOUND)).astype(np.float32)
    hot = np.flatnonzero(bound >= floor)
    if len(hot) > blocks // 2:
        return _oversampled_peak(samples)
    peaks = np.repeat(bound, BLOCK)
    grid = peaks.reshape(blocks, BLOCK)
    for chunk in np.array_split(hot, max(1, len(hot) // 1024)):  # bounded memory on long tracks
        if len(chunk):
            grid[chunk] = _block_peaks(samples, chunk)
    return peaks[:n]


def _block_peaks(samples: np.ndarray, blocks: np.ndarray) -> np.ndarray:
    """Exact true peaks for whole blocks of ``BLOCK`` samples, all oversampled in one pass.

    Each block is cut out with ``2 * TAPS`` samples either side (zeros beyond the ends, as
    filtering the whole signal would see), which covers the interpolator's reach; the cut
    outs are laid end to end and oversampled together.
    """
    margin = 2 * TAPS
    width = BLOCK + 2 * margin
    padded = np.pad(samples.astype(np.float32), ((margin, margin + BLOCK), (0, 0)))
    windows = padded[(blocks * BLOCK)[:, None] + np.arange(width)[None, :]]  # k x width x channels
    peak = _oversampled_peak(windows.reshape(-1, samples.shape[1])).reshape(len(blocks), width)
    return peak[:, margin:margin + BLOCK]


def _oversampled_peak(samples: np.ndarray) -> np.ndarray:
    """For each sample, the largest magnitude of the 4x oversampled signal around it (any channel).

    Phase ``p`` of the oversampled signal is ``samples`` filtered by every fourth tap of the
    interpolator from ``p``; the four values kept for sample ``i`` are those of
    ``scipy.signal.upfirdn(INTERPOLATOR, x, 4)`` at ``i * 4 + 23 .. i * 4 + 26`` (its delay).
    """
    n = len(samples)
    peak = np.zeros(n, np.float32)
    for channel in samples.reshape(n, -1).T:
        channel = np.ascontiguousarray(channel, dtype=np.float32)
        for p, shift in ((3, 5), (0, 6), (1, 6), (2, 6)):
            np.maximum(peak, np.abs(np.convolve(channel, PHASES[p])[shift:shift + n]), out=peak)
    return peak


def limiter_gain(peaks: np.ndarray, rate: int, ceiling: float, window: float = 0.005) -> np.ndarray:
    """A smooth gain (<= 1) that keeps every true peak under ``ceiling`` (5 ms look-ahead and release).

    The gain is the running minimum of the gain each peak needs (over +-5 ms), then
    averaged over 5 ms: every average is of values at most the need here, so the gain
    never lets a peak through. It is 1 except near peaks over the ceiling, so the filters
    run only on the stretches around them, each with enough unity gain either side to give
    the same result as filtering the whole track.
    """
    need = np.minimum(np.float32(1.0), np.float32(ceiling) / np.maximum(peaks, np.float32(1e-12)))
    low = np.flatnonzero(need < 1.0)
    if not len(low):
        return need
    radius = max(1, int(window * rate))
    reach = 2 * radius + 2  # the minimum reaches `radius`, the average `radius / 2`
    gain = np.ones_like(need)
    split = np.flatnonzero(np.diff(low) > 2 * reach) + 1
    for first, last in zip(low[np.r_[0, split]], low[np.r_[split - 1, len(low) - 1]]):
        a, b = max(0, first - reach), min(len(need), last + reach + 1)
        gain[a:b] = smooth_minimum(need[a:b], radius)
    return gain


def smooth_minimum(need: np.ndarray, radius: int) -> np.ndarray:
    """The running minimum over +-``radius`` samples, then its running mean over ``radius``
    samples (both with the ends held), as float32."""
    size = 2 * radius + 1
    held = np.pad(need, (radius, radius + size), mode="edge")
    held = np.pad(held, (0, -len(held) % size), mode="edge").reshape(-1, size)
    prefix = np.minimum.accumulate(held, axis=1).ravel()
    suffix = np.minimum.accumulate(held[:, ::-1], axis=1)[:, ::-1].ravel()
    j = np.arange(len(need))  # the window for sample i is held[i:i + size] (van Herk / Gil-Werman)
    minimum = np.minimum(suffix[j], prefix[j + size - 1])
    half = radius // 2
    total = np.concatenate([[0.0], np.cumsum(np.pad(minimum, (half, radius - half), mode="edge"), dtype=np.float64)])
    return ((total[radius:radius + len(need)] - total[:len(need)]) / radius).astype(np.float32)
