"""Find environment config files and parse them. (Skeleton; issue 4 fills it in.)"""

from __future__ import annotations

from checker.settings import Settings
from checker.workspace.model import WorkspaceScan


def scan_workspace(settings: Settings) -> WorkspaceScan:
    """Discover and parse every environment config file of the workspace."""
    return WorkspaceScan()
