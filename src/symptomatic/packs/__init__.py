"""Built-in knowledge packs (data only; read through importlib.resources)."""
