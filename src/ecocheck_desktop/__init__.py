"""EcoCheck Desktop: offline CO2 footprint, reduction plan and report for small manufacturers."""

__version__ = "0.1.0"
APP_NAME = "EcoCheck Desktop"
