"""Stage 5, render: turn the named IR into file contents with the Jinja templates.

`renderer` lists the output files as jobs and renders each with its view; the views are made by
`models` (model modules), `operations` (resource modules) and `docs` (documentation), spelled by
`pytypes` (annotations) and `imports` (import blocks), and defined in `views`. `engine` is the
Jinja environment. Templates only loop and branch over the views.
"""

from __future__ import annotations

from .engine import RUNTIME_DIR, engine_digest, runtime_files, templates_dir
from .pytypes import TypeNames
from .renderer import Job, Renderer

__all__ = ["RUNTIME_DIR", "Job", "engine_digest", "Renderer", "TypeNames", "runtime_files", "templates_dir"]
