"""Guide Light: listen to Thai course PDFs, faithfully, from the keyboard."""

__version__ = "0.1.0"
