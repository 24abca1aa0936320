"""congvan: the command line, its settings and wiring, the demo and the sample letters."""
