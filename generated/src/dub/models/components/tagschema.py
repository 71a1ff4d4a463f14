"""Types of the Dub SDK (components)."""

from ..._runtime import BaseModel, OpenEnum


class TagSchemaColor(OpenEnum):
    """The color of the tag."""

    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"
    PURPLE = "purple"
    PINK = "pink"
    BROWN = "brown"


class TagSchema(BaseModel):
    id: str
    """The unique ID of the tag."""
    name: str
    """The name of the tag."""
    color: TagSchemaColor
    """The color of the tag."""
