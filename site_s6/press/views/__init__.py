"""The public views of the press office, one module per record family."""
