"""Add to and take from a list in a round-trip YAML document (ruamel.yaml) the way a person
editing the file would, so the diff is the one line that changed.

    append_item(seq, "Birgitta")   # quoted like the item before it; before the list's trailing
                                   # blank line or comment; "[]" stays a flow list: [Birgitta]
    remove_item(seq, 2)            # the item's line goes; every comment and blank line stays
    styled(seq, "Birgitta")        # the value quoted as the list's last item is

ruamel keeps what comes after a list item (its end-of-line comment, then any blank lines and
comment lines before the next key) in one comment token per item. These helpers split that
token into the item's own end-of-line part and the lines that follow it, so those lines stay
where they were and an end-of-line comment stays with its own item.
"""
from __future__ import annotations

from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

QUOTED = (DoubleQuotedScalarString, SingleQuotedScalarString)


def _split(seq: CommentedSeq, index: int) -> tuple[str, str, CommentToken | None]:
    """Item ``index``'s comment token as (its own end-of-line part, the lines after it, token)."""
    slot = seq.ca.items.get(index)
    token = slot[0] if slot and isinstance(slot[0], CommentToken) else None
    if token is None:
        return "", "", None
    value = token.value
    cut = value.find("\n") + 1 if "\n" in value else len(value)
    return value[:cut], value[cut:], token


def _set(seq: CommentedSeq, index: int, value: str, like: CommentToken | None) -> None:
    """Item ``index``'s comment token becomes ``value`` (none at all when it is only a line end)."""
    if value in ("", "\n"):
        seq.ca.items.pop(index, None)
        return
    mark = like.start_mark if like is not None else None
    token = CommentToken(value, mark, None) if mark is not None else CommentToken(value, column=0)
    seq.ca.items[index] = [token, None, None, None]


def styled(seq: CommentedSeq, value):
    """``value`` quoted the way the list's last item is (a mapping item: its first value)."""
    last = seq[-1] if len(seq) else None
    if isinstance(last, dict):
        last = next(iter(last.values()), None)
    if isinstance(value, str) and not isinstance(value, QUOTED) and isinstance(last, QUOTED):
        return type(last)(value)
    return value


def _trailing_of_mapping(item) -> list | None:
    """A mapping item's trailing lines live on its last key's comment slot; detach them."""
    if not (isinstance(item, dict) and len(item) and hasattr(item, "ca")):
        return None
    inner = item.ca.items.get(list(item)[-1])
    if inner and len(inner) > 2 and inner[2] is not None:
        token, inner[2] = inner[2], None
        return [token, None, None, None]
    return None


def append_item(seq: CommentedSeq, value) -> None:
    """Append ``value`` as the list's last item, quoted like the one before it."""
    value = styled(seq, value)
    if not len(seq):
        seq.fa.set_flow_style()  # an empty list can only have been written "[]": "[P03]" then, not a block
        seq.append(value)
        return
    last = len(seq) - 1
    moved = _trailing_of_mapping(seq[last])
    own, after, token = _split(seq, last)
    seq.append(value)
    if moved is not None:
        seq.ca.items[last + 1] = moved
    elif after:
        _set(seq, last, own or "\n", token)
        _set(seq, last + 1, "\n" + after, token)


def remove_item(seq: CommentedSeq, index: int) -> None:
    """Delete item ``index``; the comment lines and blank lines after it stay, after the item
    before it (an end-of-line comment of the deleted item goes with it)."""
    moved = _trailing_of_mapping(seq[index]) if index == len(seq) - 1 else None
    _, after, token = _split(seq, index)
    del seq[index]
    if moved is not None and len(seq):
        seq.ca.items[len(seq) - 1] = moved
    elif after and index > 0:
        own, before, previous = _split(seq, index - 1)
        _set(seq, index - 1, (own or "\n") + before + after, previous or token)
