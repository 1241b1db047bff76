"""aigov-reader's build pipeline: sources -> checked model -> Markdown, data and exports.

Plain Python; nothing here imports MkDocs (see `mkdocs_hook.py` for the adapter).
"""
