"""Renderers: a Result to text. Rich is imported only by the table renderer."""
