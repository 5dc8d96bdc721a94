"""The CLI's commands, one module per area. Each module has ``register(commands, common)``
that adds its subcommands; ``cli.py`` lists the modules and handles errors for all."""
