"""python -m knowledge {build,ingest,eval,search,validate}"""

import sys

from knowledge.cli import main

sys.exit(main())
