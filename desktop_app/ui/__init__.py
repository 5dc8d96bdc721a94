"""The Qt Widgets user interface. Only this package (and the entry point) imports Qt."""
