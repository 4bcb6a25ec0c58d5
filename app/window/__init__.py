"""The editor's main window, its actions and menus, preferences, translations and start-up."""
