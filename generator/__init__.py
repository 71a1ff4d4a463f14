"""sdkforge: generate a typed Python SDK from an OpenAPI document.

The pipeline has one module per stage: load -> validate -> build (IR) -> naming -> render ->
format -> write, driven by `pipeline.generate`.
"""

__version__ = "0.1.0"
