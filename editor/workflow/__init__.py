"""The editorial workflow: who may move a story where, locks, review, publishing."""
