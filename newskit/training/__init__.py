"""The build-time wing: everything that rebuilds an artifact of ``newskit/models/``.

Trainers, public-data readers, label mappings, samplers, model-card writers
and the ``newskit train`` command live here. The runtime (parsing, text,
topics, summarizers, evaluate, digest, the other commands) never imports this
package; ``tests/test_layers.py`` enforces that direction.
"""
