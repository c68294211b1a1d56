"""One module per model rule family; each turns model uses into findings and nothing else."""
