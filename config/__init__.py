"""Configuration: the bottom layer, read by intake, tracker wiring, notices and the command line alike.

Small frozen value objects with named defaults (`config.settings`), loaded from one TOML file. Nothing here imports
another package of the project.
"""
