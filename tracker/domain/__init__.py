"""Plain frozen dataclasses and enums shared by every layer. Standard library only."""
