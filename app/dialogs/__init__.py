"""The editor's dialogs: scan import options, export, help, error messages."""
