"""Text that a message box shows exactly as written.

QMessageBox guesses whether its text is HTML (``Qt.mightBeRichText``): a title or a file
name such as ``<b>Budget</b> 2027`` inside an error message would be shown bold, and an
``<img>`` tag would load a picture. Messages that can carry what people typed or named
(titles, names, paths, the text of an error) go through ``literal`` first.
"""

from __future__ import annotations


def literal(text: str) -> str:
    """``text`` unchanged when Qt would show it as plain text; otherwise as HTML that
    shows exactly those characters (line breaks kept)."""
    # Here, not at the top: building PySide6's ``Qt`` namespace takes 15-30 ms, and
    # this module is imported before the window's first paint (``ui/app.py``).
    from PySide6.QtGui import Qt

    if not Qt.mightBeRichText(text):
        return text
    import html  # about 1 ms (its table of entities), and rarely needed

    return "<p>" + html.escape(text, quote=False).replace("\n", "<br/>") + "</p>"
