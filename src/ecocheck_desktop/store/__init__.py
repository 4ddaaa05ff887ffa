"""The project file (.ecocheck, a SQLite database): schema, migrations, repository, autosave."""
