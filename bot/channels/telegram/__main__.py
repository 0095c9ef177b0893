import sys

from bot.channels.telegram.run import main

sys.exit(main())
