"""Language knowledge: facts about how Kazakh and English are written, kept apart from the pipeline."""
