"""The application layer: every use case the window and the command line share.

Assessments, review, follow-up, reports, transfer and the demo register live here;
the GUI (``desktop_app.ui``) and the CLI (``desktop_app.cli``, ``desktop_app.commands``)
call these modules, which in turn use the domain, storage and reports.
"""
