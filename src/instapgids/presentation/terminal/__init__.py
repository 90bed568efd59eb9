"""The terminal views (Rich): the one part of instapgids that imports Rich, through ``console``."""
