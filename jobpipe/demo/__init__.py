"""Deterministic simulated job market served over HTTP in real ATS wire formats."""

from jobpipe.demo.market import DemoLocation, DemoPay, DemoPosting, Market
from jobpipe.demo.server import DemoBoardServer

__all__ = ["DemoBoardServer", "DemoLocation", "DemoPay", "DemoPosting", "Market"]
