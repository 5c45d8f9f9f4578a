"""The `gongkai` console script: Django's manage.py for this project.

`gongkai runserver`, `gongkai migrate`, `gongkai report check FILE`, `gongkai workdays due DATE`
… are all management commands of the project's apps.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
