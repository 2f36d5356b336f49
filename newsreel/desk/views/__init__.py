"""The desk's views, one module per part of the desk."""
