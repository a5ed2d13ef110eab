"""The HTTP API and the web page: a thin layer over the Python API."""
