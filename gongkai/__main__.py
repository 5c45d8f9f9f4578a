"""The `gongkai` console script: Django's manage.py for this project.

`gongkai runserver`, `gongkai migrate`, `gongkai report check FILE`, `gongkai workdays due DATE`
… are all management commands of the project's apps.
"""

import os
import sys

# Spellings with a hyphen for commands whose module names cannot have one.
ALIASES = {"check-deploy": "check_deploy"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    if len(argv) > 1 and argv[1] in ALIASES:
        argv[1] = ALIASES[argv[1]]
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
