"""The Parameters and Returns trees of a docs page as Markdown: nested list items, each a
field's signature, what the spec says of it, and the fields of its class beneath it."""

from __future__ import annotations

from .docs import DocRow
from .escape import MdText, md_block, md_code, md_inline, md_link_target


def field_rows(rows: tuple[DocRow, ...], types_prefix: str, depth: int = 0) -> MdText:
    """`rows` as a Markdown list nested `depth` levels deep; links to shared types' pages
    start with `types_prefix` (the way from this page to docs/shared-types/)."""
    return MdText("".join(_row(row, types_prefix, depth) for row in rows))


def _row(row: DocRow, types_prefix: str, depth: int) -> str:
    pad = " " * (2 * depth + 2)
    parts = [" " * (2 * depth) + "- " + md_code(row.signature) +
             (" (required)" if row.required else " (optional)") +
             (" **deprecated**" if row.doc.deprecated else "") + "\n"]
    if row.doc.description:
        parts.append("\n" + _indented(md_block(row.doc.description), pad) + "\n")
    notes: list[str] = [md_inline(row.note)] if row.note else []
    if row.doc.constraints:
        notes.append(", ".join(f"{md_inline(key)}: {md_code(value)}"
                               for key, value in row.doc.constraints))
    if row.enum_values:
        notes.append("One of: " + ", ".join(md_code(v) for v in row.enum_values))
    notes += _fields_note(row, types_prefix)
    parts += [f"\n{pad}{note}\n" for note in notes]
    if row.children:
        parts.append("\n" + field_rows(row.children, types_prefix, depth + 1) + "\n")
    return "".join(parts)


def _fields_note(row: DocRow, types_prefix: str) -> list[str]:
    """Why a class's fields are not listed under its row, if they are not."""
    if row.shown_above:
        return [f"Fields of {md_code(row.type)} are listed above."]
    if row.linked is not None:
        target = md_link_target(f"{types_prefix}{row.linked.name}.md")
        return [f"Fields: see [{md_inline(row.linked.name)}]({target})."]
    if row.omitted:
        return ["Its fields are left out: this page lists enough already."]
    return []


def _indented(text: str, pad: str) -> str:
    return "\n".join(pad + line if line else "" for line in text.split("\n"))
