"""citebot's delivery: the Discord bot, the console mode and the command line."""
