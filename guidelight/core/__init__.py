"""Pure data and rules shared by every layer: the document model, errors, positions."""
