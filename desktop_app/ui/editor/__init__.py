"""The assessment editor: one window per assessment, one page per step or ground."""
