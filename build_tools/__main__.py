"""`python -m build_tools …` (see cli.py).

The process ends with `os._exit` once its output is flushed. Python's ordinary exit
frees every object of the build one by one: a third of a second at 1× and more as
the corpus grows, with nothing left to do by then (every file is written and
closed, the staging folders are removed explicitly, no atexit handler is ours).
"""
import os
import sys

from .cli import main

code = main()
sys.stdout.flush()
sys.stderr.flush()
os._exit(code)
