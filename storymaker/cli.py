"""The ``storymaker`` command line. Catches only storymaker's own errors; anything else is a bug."""
from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from . import __version__
from .console import print_failure
from .errors import StorymakerError, UsageError

DECISION_CHOICES = ("person", "place", "organisation", "other", "allow", "safe", "person-here", "place-here",
                    "organisation-here", "other-here")  # = anonymise.review.CHOICES (tested), without importing it


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="storymaker", description="Turn tagged interview excerpts into anonymised composite stories: web pages and narrated videos.")
    p.add_argument("--version", action="version", version=f"storymaker {__version__}")
    p.add_argument("--project", metavar="DIR", default=".", help="the project folder (default: the current folder)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    # the same options after the command name too: `storymaker build -q --project x`
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--project", metavar="DIR", default=argparse.SUPPRESS, help="the project folder")
    common.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="print only problems")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, **kw) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], **kw)

    _project_commands(command)
    _tool_commands(command)
    return p


def _project_commands(command) -> None:
    """check, decide, build, compose: the commands that read the project's stories."""
    ch = command("check", help="validate everything and list every problem at once")
    ch.add_argument("--json", action="store_true", help="print every problem and flag as JSON on stdout, "
                    "flagged words unmasked (for tools on this computer)")
    d = command("decide", help="record a review decision for one anonymisation flag")
    d.add_argument("flag", metavar="FLAG_ID", help="the flag id from check's message or check --json")
    d.add_argument("decision", metavar="DECISION", choices=DECISION_CHOICES,
                   help="person, place, organisation, other (register it), allow (safe everywhere), "
                        "safe (safe here only), or person-here/place-here/organisation-here/other-here")
    d.add_argument("--note", default="", help="a note kept with a per-occurrence decision")
    b = command("build", help="compose, render and publish into output/")
    b.add_argument("--web", action="store_true", help="build web pages only")
    b.add_argument("--video", action="store_true", help="build videos only (and again the web pages, which show them)")
    b.add_argument("--story", metavar="SLUG", help="build one story only")
    b.add_argument("--out", metavar="DIR", help="write here instead of output/")
    c = command("compose", help="write the composed scripts as Markdown to private/scripts/ for review")
    c.add_argument("--story", metavar="SLUG", help="compose one story only")
    c.add_argument("--explain", action="store_true",
                   help="print, per beat, why each quote was chosen and why others were not (private: stdout only)")


def _tool_commands(command) -> None:
    """init, import, serve, voices, studio."""
    i = command("init", help="create a new project from the bundled example (or an empty one with --empty)")
    i.add_argument("dir", metavar="DIR")
    i.add_argument("--empty", action="store_true", help="folders, templates and commented skeletons only: none of the example's data")
    im = command("import", help="import coded excerpts (REFI-QDA .qdpx/.qdc, Taguette, spreadsheets)")
    im.add_argument("file", metavar="FILE")
    im.add_argument("--into", metavar="CSV", help="excerpt file to write (default stories/excerpts/<name>.csv)")
    im.add_argument("--map", metavar="YAML", help="code map / column map (codes.yaml)")
    im.add_argument("--participants", metavar="YAML", help="document name -> participant id map")
    im.add_argument("--keep-codebook", action="store_true", help="list imported themes missing from the codebook instead of adding them")
    s = command("serve", help="preview output/web on 127.0.0.1 and rebuild when inputs change")
    s.add_argument("--port", type=int, default=8000, help="the port on 127.0.0.1 (default 8000; 0 picks a free one)")
    s.add_argument("--web", action="store_true", help="rebuild web pages only (quicker; videos stay as last built)")
    command("voices", help="list the narration engines and voices available")
    st = command("studio", help="the whole job in a browser: review, stories, builds (127.0.0.1 only)")
    st.add_argument("--port", type=int, default=0, help="the port (default: a free one)")
    st.add_argument("--no-browser", action="store_true", help="print the address but do not open a browser")


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt  # a kill (SIGTERM) cleans up like Ctrl-C: staged folders are removed


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        root = Path(args.project)
        if not root.is_dir():
            raise UsageError(f"--project {args.project}: no such folder")
        return COMMANDS[args.command](args, root.resolve())
    except StorymakerError as exc:
        return print_failure(exc)
    except KeyboardInterrupt:
        print("interrupted: the previous output/ was left as it was", file=sys.stderr)
        return 130


def _check(args, root: Path) -> int:
    from .commands import check
    return check(root, quiet=args.quiet, as_json=args.json)


def _decide(args, root: Path) -> int:
    from .commands import decide
    return decide(root, args.flag, args.decision, args.note, quiet=args.quiet)


def _build(args, root: Path) -> int:
    from .build import build
    build(root, web=args.web, video=args.video, only=args.story, out=args.out, quiet=args.quiet)
    return 0


def _compose(args, root: Path) -> int:
    from .commands import compose_scripts
    return compose_scripts(root, args.story, quiet=args.quiet, explain=args.explain)


def _init(args, root: Path) -> int:
    from .commands import init
    return init(Path(args.dir), quiet=args.quiet, empty=args.empty)


def _import(args, root: Path) -> int:
    from .importers import run_import
    opt = lambda v: Path(v) if v else None
    report = run_import(root, Path(args.file), opt(args.into), opt(args.map), opt(args.participants),
                        add_themes=not args.keep_codebook)
    for line in report.lines():
        print(line)
    return 0


def _serve(args, root: Path) -> int:
    from .build import build
    from .serve import serve
    serve(root, args.port, build=lambda: build(root, web=args.web, quiet=args.quiet))
    return 0


def _studio(args, root: Path) -> int:
    from .studio import serve_studio
    serve_studio(root, args.port, browser=not args.no_browser)
    return 0


def _voices(args, root: Path) -> int:
    from .commands import voices
    return voices()


COMMANDS = {"check": _check, "decide": _decide, "build": _build, "compose": _compose, "init": _init,
            "import": _import, "serve": _serve, "voices": _voices,
            "studio": _studio}
