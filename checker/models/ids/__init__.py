"""The model-ID grammar: what a value names (refs, routes, normalize) and what is known of it."""
