"""Loading the content files under ``resources/``: checklists, steps and vocabulary."""
