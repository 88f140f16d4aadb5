"""Training the shipped topic classifier: data readers, label mapping, sampling, card."""
