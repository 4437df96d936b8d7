import sys

from her2nav.cli import main

sys.exit(main())
