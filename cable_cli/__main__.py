"""``python -m cable_cli`` works like ``cable``."""

from .cli import main

if __name__ == "__main__":
    main()
