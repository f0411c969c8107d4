"""The soundtrack's level and encoding: the normaliser, checked against pyloudnorm and an
independent true-peak measurement (4x resampling with SciPy's polyphase resampler), and the
AAC encoded in parallel parts, checked against one encode."""
from __future__ import annotations

import subprocess

import numpy as np
import pyloudnorm
import pytest
from scipy.signal import resample_poly

from helpers.video import MUSIC, ROOT
from storymaker.render.video.audio import FRAME, PRIMING, aac_parts, encode_aac
from storymaker.render.video.loudness import integrated_loudness, normalise, true_peak

RATE = 48000


def _speech(tmp_path) -> np.ndarray:
    """A few seconds of real espeak-ng speech at 48 kHz stereo, with pauses."""
    wav = tmp_path / "speech.wav"
    subprocess.run(["espeak-ng", "-v", "en-gb", "-w", str(wav),
                    "She made me a cup of tea and just listened. Nobody had done that in years."], check=True)
    from pydub import AudioSegment
    seg = AudioSegment.from_wav(wav).set_frame_rate(RATE).set_channels(2).set_sample_width(2)
    voice = np.frombuffer(seg.raw_data, dtype="<i2").reshape(-1, 2).astype(np.float32) / 32768
    gap = np.zeros((RATE, 2), dtype=np.float32)
    return np.concatenate([gap, voice, gap, voice * 0.5, gap])


def _signals(tmp_path):
    rng = np.random.default_rng(7)
    t = np.arange(6 * RATE) / RATE
    tone = np.stack([0.3 * np.sin(2 * np.pi * 440 * t), 0.2 * np.sin(2 * np.pi * 1000 * t)], axis=1)
    bursts = rng.normal(0, 0.1, (5 * RATE, 2)) * (np.arange(5 * RATE) // (RATE // 2) % 3 == 0)[:, None]
    quiet = rng.normal(0, 0.0005, (3 * RATE, 2))  # below the relative gate next to the tone
    return {"speech": _speech(tmp_path), "tone": tone, "bursts": bursts,
            "gated": np.concatenate([tone, quiet]), "mono": tone[:, :1], "odd length": tone[: 2 * RATE + 1234]}


def test_when_audio_is_silent_or_too_short_then_loudness_is_minus_infinity():
    assert integrated_loudness(np.zeros((2 * RATE, 2), dtype=np.float32), RATE) == float("-inf")
    assert integrated_loudness(np.full((RATE // 10, 2), 0.5, dtype=np.float32), RATE) == float("-inf")


def _measured_true_peak(x: np.ndarray) -> float:
    return float(np.abs(resample_poly(x.astype(np.float64), 4, 1, axis=0)).max())


def test_when_true_peak_is_estimated_then_it_never_underestimates(tmp_path):
    for name, x in _signals(tmp_path).items():
        x = (x / np.abs(x).max() * 0.9).astype(np.float32)
        est = true_peak(x, floor=0.5)
        assert est.max() >= _measured_true_peak(x) * 0.995, name


@pytest.mark.parametrize("name", ["speech", "tone", "bursts"])
def test_when_audio_is_normalised_then_it_is_at_minus_16_lufs_with_true_peaks_under_the_ceiling(tmp_path, name):
    x = _signals(tmp_path)[name].astype(np.float32) * 3.0  # loud: the limiter has to act
    out = normalise(x, RATE, -16.0, -1.5)
    assert pyloudnorm.Meter(RATE).integrated_loudness(out.astype(np.float64)) == pytest.approx(-16.0, abs=0.1)
    assert 20 * np.log10(_measured_true_peak(out)) <= -1.0


def test_when_true_peak_skips_quiet_stretches_then_loud_stretches_are_exact(tmp_path):
    from storymaker.render.video.loudness import _oversampled_peak
    x = _signals(tmp_path)["speech"]
    x = (x / np.abs(x).max()).astype(np.float32)
    full = _oversampled_peak(x)
    est = true_peak(x, floor=0.6)
    assert np.all(est >= full - 1e-6)  # never below the exact value
    hot = full >= 0.6
    assert hot.any() and np.allclose(est[hot], full[hot], atol=1e-6)  # exact where it matters
    assert (est > full + 1e-3).any()  # and really skipped work elsewhere


def test_when_the_limiter_works_on_stretches_then_it_matches_filtering_the_whole_track():
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    from storymaker.render.video.loudness import limiter_gain
    rng = np.random.default_rng(3)
    peaks = rng.random(10 * RATE).astype(np.float32) * 0.7
    peaks[[5, 1000, 1300, 90_000, 200_000, 200_400, len(peaks) - 3]] = [1.2, 0.95, 1.1, 2.0, 0.9, 1.5, 1.3]
    gain = limiter_gain(peaks, RATE, 0.8)
    need = np.minimum(1.0, 0.8 / peaks).astype(np.float32)
    assert np.allclose(gain, uniform_filter1d(minimum_filter1d(need, 2 * 240 + 1), 240), atol=1e-6)
    assert np.all(gain * peaks <= 0.8 + 1e-6) and gain.min() < 0.5 and gain.max() == 1.0


def _decode(path, fmt: str = "aac") -> np.ndarray:
    run = subprocess.run(["ffmpeg", "-v", "error", "-f", fmt, "-i", str(path), "-map", "0:a", "-f", "s16le", "-ac", "2",
                          "-ar", str(RATE), "-"], capture_output=True, check=True)
    return np.frombuffer(run.stdout, dtype="<i2").reshape(-1, 2).astype(np.float64)


def _mix(tmp_path, seconds: float) -> np.ndarray:
    """Real speech over the bundled music, as 16-bit stereo: what a soundtrack looks like."""
    from pydub import AudioSegment
    music = AudioSegment.from_file(ROOT / MUSIC).set_frame_rate(RATE).set_channels(2).set_sample_width(2)
    bed = np.frombuffer(music.raw_data, dtype="<i2").reshape(-1, 2).astype(np.float32) / 32768 * 0.1
    voice = _speech(tmp_path)
    n = int(seconds * RATE)
    track = np.tile(bed, (n // len(bed) + 1, 1))[:n]
    for at in range(0, n - len(voice), len(voice)):
        track[at:at + len(voice)] += voice * 0.6
    return (np.clip(track, -1, 32767 / 32768) * 32768).round().astype("<i2")


def _snr(decoded: np.ndarray, pcm: np.ndarray, lo: int = 0, hi: int | None = None) -> float:
    ref = pcm.astype(np.float64)[lo:hi]
    err = decoded[PRIMING + lo:PRIMING + (len(pcm) if hi is None else hi)] - ref
    return 10 * np.log10((ref ** 2).sum() / max((err ** 2).sum(), 1e-9))


def test_when_the_soundtrack_is_encoded_in_parts_then_the_splices_are_as_clean_as_one_encode(tmp_path):
    pcm = _mix(tmp_path, 45.0)
    encode_aac(pcm, tmp_path / "one.aac", parts=1)
    encode_aac(pcm, tmp_path / "three.aac", parts=3)
    one, three = _decode(tmp_path / "one.aac"), _decode(tmp_path / "three.aac")
    assert len(three) == len(one) and 0 <= len(three) - PRIMING - len(pcm) < 2 * FRAME  # nothing lost or added
    assert _snr(three, pcm) > 20 and _snr(three, pcm) >= _snr(one, pcm) - 0.5
    cuts = [(lo + keep - 1) * FRAME for lo, _, keep, _ in aac_parts(pcm, 3)[1:]]  # where each later part takes over
    assert len(cuts) == 2
    for cut in cuts:  # around each splice: no click, no gap, no doubled audio
        around = (cut - 4 * FRAME, cut + 4 * FRAME)
        assert _snr(three, pcm, *around) >= _snr(one, pcm, *around) - 3.0, cut


def test_when_a_track_is_short_then_it_is_encoded_in_one_part():
    assert aac_parts(np.zeros((5 * RATE, 2), dtype="<i2"), 2) == [(0, None, 0, None)]
    assert len(aac_parts(np.zeros((60 * RATE, 2), dtype="<i2"), 2)) == 2
    assert len(aac_parts(np.zeros((60 * RATE, 2), dtype="<i2"), 8)) == 4  # parts of 15 s at least


def test_when_music_plays_under_speech_then_it_is_a_bed_18_to_24_db_under_the_voice_rising_in_pauses(tmp_path):
    from storymaker.render.video.audio import music_bed
    voice = _speech(tmp_path)  # 1 s pause, speech, 1 s pause, quieter speech, 1 s pause
    said = (len(voice) - 3 * RATE) // 2
    spans = [(RATE, RATE + said), (2 * RATE + said, 2 * RATE + 2 * said)]
    from storymaker.assets.settings import Audio
    settings = Audio(music_under_voice_db=-21, duck_db=-12, duck_ramp=0.35)
    steady = np.random.default_rng(3).normal(0, 0.1, (len(voice), 2)).astype(np.float32)  # level changes are the bed's
    bed = music_bed(voice, steady, spans, settings)
    inside = lambda x: np.concatenate([x[a + RATE // 4:b - RATE // 4] for a, b in spans])
    below = integrated_loudness(inside(voice), RATE) - integrated_loudness(inside(bed), RATE)
    assert 18 <= below <= 24, f"music {below:.1f} dB under the voice"
    pause = bed[: RATE - int(0.35 * RATE)]
    rise = integrated_loudness(pause, RATE) - integrated_loudness(inside(bed), RATE)
    assert 10.5 <= rise <= 13.5, f"the music rises {rise:.1f} dB in the pauses; the theme asks for a 12 dB duck"


def test_when_narration_is_resampled_to_48k_then_nothing_is_added_above_its_own_band(tmp_path):
    """espeak-ng speaks at 22.05 kHz: nothing above 11 kHz is speech, so whatever is there the
    resampler made. soxr leaves it more than 50 dB under the speech (interpolation: about 33)."""
    from pydub import AudioSegment
    from storymaker.render.video.resample import stereo_48k
    wav = tmp_path / "speech.wav"
    subprocess.run(["espeak-ng", "-v", "en-gb", "-w", str(wav), "Sixty-six sisters sat on a sunny step."], check=True)
    seg = AudioSegment.from_wav(wav)
    assert seg.frame_rate == 22050
    out = stereo_48k(seg)[:, 0].astype(np.float64)
    spectrum = np.abs(np.fft.rfft(out)) ** 2
    freqs = np.fft.rfftfreq(len(out), 1 / RATE)
    above = 10 * np.log10(spectrum[freqs > 11300].sum() / spectrum[freqs < 11000].sum())
    assert above < -50, f"{above:.1f} dB above 11 kHz"
