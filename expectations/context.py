"""One quiet, ephemeral GX context per process (building one is slow)."""

from __future__ import annotations

import logging
import os
from functools import cache
from types import ModuleType
from typing import Any

DATASOURCE = "jobpipe"
ASSET = "batch"
BATCH_DEFINITION = "whole_frame"


@cache
def gx_module() -> ModuleType:
    """``great_expectations``, imported with usage statistics off and its logging quiet."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx

    for name in ("great_expectations", "great_expectations.data_context"):
        logging.getLogger(name).setLevel(logging.WARNING)
    return gx


@cache
def context() -> Any:
    gx = gx_module()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return ctx


@cache
def batch_definition() -> Any:
    """The pandas whole-dataframe batch definition every validation goes through."""
    source = context().data_sources.add_pandas(DATASOURCE)
    return source.add_dataframe_asset(ASSET).add_batch_definition_whole_dataframe(BATCH_DEFINITION)


def register_suite(suite: Any) -> Any:
    """Add (or replace) ``suite`` in the context so it can be run."""
    return context().suites.add_or_update(suite)
