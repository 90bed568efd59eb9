"""The wizard in a browser (``instapgids web``): a front-end beside ``cli``, on the library ``instapgids.api`` only.

``app`` builds the Flask application and its safety rules (an access token, the served host only, CSRF on
every form, a strict Content-Security-Policy); ``pages`` holds the pages (start, one question per page,
check answers, the task list, an item, the exports, the profiles of a folder); ``server`` serves them with
waitress. Nothing here is imported by the command line's fast commands or by ``instapgids.api``.
"""
