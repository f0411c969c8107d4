"""FFmpeg encoding: segments, then one lossless join with the soundtrack, captions and chapters.

A video is cut into segments (a slide's body, and the crossfade between two slides).
Still segments cost no per-frame Python: each distinct picture is handed to FFmpeg
once and held (see :func:`encode_hold`). Moving segments (Ken Burns, crossfades) are
drawn with :func:`frames.frame_at` and piped in as raw frames. Every segment uses the
same encoder settings, so the concat demuxer joins them with ``-c copy``.
"""
from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from ...errors import RenderError
from .audio import PRIMING, RATE

PRESET = "veryfast"
CRF = "20"
TO_YUV = "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p"


def encoder_args(fps: int) -> list[str]:
    """Identical for every segment: H.264 High, yuv420p, BT.709, a keyframe every 2 s."""
    return ["-an", "-threads", "2", "-c:v", "libx264", "-preset", PRESET, "-crf", CRF, "-profile:v", "high", "-pix_fmt", "yuv420p",
            "-g", str(2 * fps), "-x264-params", "scenecut=0:bframes=2:rc-lookahead=10",
            "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709",
            "-video_track_timescale", str(fps * 512), "-r", str(fps)]


def encode_hold(picture: np.ndarray, frames: int, fps: int, step: int, out: Path) -> None:
    """A picture that does not change, held for ``frames``: no per-frame work in Python.

    With ``step`` > 1 the picture is encoded once every ``step`` frames plus once on the
    last frame (variable frame rate, "one frame held"), which keeps the timing exact and
    costs the encoder almost nothing; ``step`` = 1 gives every frame (constant frame rate).
    """
    count = len(hold_offsets(frames, step))
    expr = f"if(lt(N\\,{count - 1})\\,N*{step}\\,{frames - 1})/({fps}*TB)"
    _run([*_ffmpeg_raw(picture, fps), "-i", "-", "-vf", f"{TO_YUV},loop=loop={count - 1}:size=1:start=0,setpts='{expr}'",
          "-fps_mode", "passthrough", "-frames:v", str(count), *encoder_args(fps), str(out)], stdin=picture.tobytes())


def _raw_input(picture: np.ndarray, fps: int) -> list[str]:
    h, w = picture.shape[:2]
    return ["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-r", str(fps)]


def _ffmpeg_raw(picture: np.ndarray, fps: int) -> list[str]:
    return ["ffmpeg", "-v", "error", "-y", *_raw_input(picture, fps)]


def hold_offsets(frames: int, step: int) -> list[int]:
    return sorted(set(range(0, max(1, frames - 1), max(1, step))) | {frames - 1})


def encode_frames(frames: Iterable[np.ndarray], size: tuple[int, int], count: int, fps: int, out: Path,
                  tick: Callable[[], None] = lambda: None) -> None:
    """A moving segment: raw RGB frames piped to FFmpeg as they are drawn."""
    w, h = size
    cmd = ["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-r", str(fps),
           "-i", "-", "-vf", TO_YUV, "-frames:v", str(count), *encoder_args(fps), str(out)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for frame in frames:
            proc.stdin.write(np.ascontiguousarray(frame).data)  # type: ignore[union-attr]
            tick()
        proc.stdin.close()  # type: ignore[union-attr]
    except BrokenPipeError:
        pass  # ffmpeg stopped early: its own message follows
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    err = proc.stderr.read().decode(errors="replace")  # type: ignore[union-attr]
    if proc.wait():
        raise RenderError(f"ffmpeg failed while encoding a moving segment: {err.strip()[-300:]}")


def join(segments: list[Path], audio: Path, srt: Path, metadata: Path, lang: str, out: Path) -> None:
    """Segments and the AAC soundtrack (ADTS, from :mod:`audio`) joined without re-encoding;
    mov_text captions; chapters; faststart."""
    listing = out.with_name(out.name + ".txt")
    listing.write_text("".join(f"file '{_quote(p)}'\n" for p in segments), encoding="utf-8")
    try:
        _run(["ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", str(listing),
              "-itsoffset", f"{-PRIMING / RATE:.9f}", "-f", "aac", "-i", str(audio),  # an edit list hides the priming
              "-i", str(srt), "-f", "ffmetadata", "-i", str(metadata),
              "-map", "0:v", "-map", "1:a", "-map", "2:s", "-map_metadata", "3", "-map_chapters", "3",
              "-c:v", "copy", "-c:a", "copy", "-c:s", "mov_text",
              "-metadata:s:a:0", f"language={lang}", "-metadata:s:s:0", f"language={lang}",
              "-movflags", "+faststart", "-f", "mp4", str(out)])
    finally:
        listing.unlink(missing_ok=True)


def _quote(path: Path) -> str:
    return str(path.resolve()).replace("'", "'\\''")


def _run(cmd: list[str], stdin: bytes | None = None) -> None:
    run = subprocess.run(cmd, capture_output=True, input=stdin)
    if run.returncode:
        raise RenderError(f"ffmpeg failed: {run.stderr.decode(errors='replace').strip()[-300:]}")
