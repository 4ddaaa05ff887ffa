"""EcoCheck Desktop: offline CO2 footprint, reduction plan and report for small manufacturers."""

__version__ = "0.1.0"
APP_NAME = "EcoCheck Desktop"

# The message catalogue fills core's English registry when imported; doing it here means every
# entry point (CLI, GUI, a script using core alone) has the words before the first message.
from ecocheck_desktop.text import messages as _messages  # noqa: E402,F401
