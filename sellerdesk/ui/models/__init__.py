"""Table models: column constants, a sort role with raw values, translatable headers."""
