"""The register: list, follow-up and overview tabs of the main window."""
