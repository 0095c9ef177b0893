"""The one database layer: engine, console and handoff tables, and all their migrations."""
