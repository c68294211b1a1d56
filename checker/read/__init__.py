"""Readers that pull model references out of files that are not environment configs."""
