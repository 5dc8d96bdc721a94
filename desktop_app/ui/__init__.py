"""The Qt Widgets user interface. Only this package (and the entry point) imports Qt."""

from desktop_app.ui.pyside_workarounds import protect_none

protect_none()  # before any Qt call: see pyside_workarounds
