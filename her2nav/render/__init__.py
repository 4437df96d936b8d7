"""Renderers: a Result to text. Rich is imported only inside the functions that draw tables and trees."""
