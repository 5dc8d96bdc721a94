"""Lika: equality impact assessments of draft decisions.

Layers, innermost first: ``domain`` (plain rules and data), ``checklists`` (content
loading), ``storage`` (SQLite), ``reports`` (PDF), then ``cli`` and ``ui`` on top.
"""

__version__ = "0.1.0"
