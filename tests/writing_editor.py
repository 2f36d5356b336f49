"""The article body in browser specs: the desk's writing editor (editor.js) hides the body
textarea and keeps it in step, so specs type into the editor and read the textarea."""

from __future__ import annotations

BODY_EDITOR = ".writing .cm-content"


def focus_body(page) -> None:
    """Put the cursor in the body, as a writer tabbing into it would, once the editor is set up
    (keys typed into the textarea it replaces are lost)."""
    wait_for_editor(page)
    page.locator(BODY_EDITOR).focus()


def wait_for_editor(page) -> None:
    """Until editor.js has set the editor up over the body (its element shows a moment before
    the textarea is given its `writingEditor`)."""
    page.locator(BODY_EDITOR).wait_for()
    page.wait_for_function("() => document.getElementById('id_body')?.writingEditor !== undefined")


def fill_body(page, text: str) -> None:
    """Replace the whole body with `text` in one edit (a paste, not keystrokes)."""
    wait_for_editor(page)
    page.evaluate("([text]) => document.getElementById('id_body').writingEditor.setText(text)", [text])
    # The editor then refreshes its preview; let that finish before the spec saves or publishes
    # (the tests' in-memory SQLite refuses a write while another request holds a table).
    settled_preview(page)


def settled_preview(page) -> None:
    """Until the editor is set up and its preview shows the body as it is now."""
    wait_for_editor(page)
    page.wait_for_function("() => document.getElementById('id_body').writingEditor.previewSettled()")


def selected_body_text(page) -> str:
    """What is selected in the body (e.g. after following a "Line 3" link)."""
    return page.evaluate("""() => {
      const view = document.getElementById('id_body').writingEditor.view;
      const range = view.state.selection.main;
      return view.state.sliceDoc(range.from, range.to);
    }""")
