"""Helpers shared by the chapters of *Maturing Partnership, Measured*."""
