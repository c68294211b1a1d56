"""Which file of the project an import names: `from app.config import MODEL`, `"./config"`.

Only paths inside the workspace are candidates, and only files the scan already read; nothing is
imported and no search path is consulted. A Python absolute import may sit below a source root
(`src/app/config.py`), so every file whose path ends with the module's path is a candidate, the
one nearest the importing file first. A JavaScript import is followed only when it is relative.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from checker.read.calls.model import Pending

_JS_EXTENSIONS = (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs")
# TypeScript's ESM style imports `./config.js` for `./config.ts`.
_JS_COMPILED = {".js": (".ts", ".tsx"), ".mjs": (".mts",), ".cjs": (".cts",), ".jsx": (".tsx",)}


def candidates(pending: Pending, known: Mapping[str, list[str]]) -> list[str]:
    """Files that may define the pending name, best first; `known` maps a file name to the
    read files of that name (`config.py` -> [`src/app/config.py`, ...])."""
    if pending.language == "python":
        return _python(pending, known)
    return _javascript(pending, known)


def _python(pending: Pending, known: Mapping[str, list[str]]) -> list[str]:
    module = pending.module
    dots = len(module) - len(module.lstrip("."))
    parts = [part for part in module[dots:].split(".") if part]
    if not parts:
        return []
    wanted = ["/".join(parts) + ".py", "/".join((*parts, "__init__.py"))]
    if dots:
        base = posixpath.dirname(pending.origin).split("/") if "/" in pending.origin else []
        if dots - 1 > len(base):
            return []
        base = base[: len(base) - (dots - 1)]
        exact = ["/".join((*base, path)) if base else path for path in wanted]
        return [path for path in exact if path in known.get(posixpath.basename(path), ())]
    found = []
    for path in wanted:
        for candidate in known.get(posixpath.basename(path), ()):
            if candidate == path or candidate.endswith("/" + path):
                found.append(candidate)
    return sorted(found, key=lambda path: (-_shared_depth(path, pending.origin), path))


def _javascript(pending: Pending, known: Mapping[str, list[str]]) -> list[str]:
    specifier = pending.module
    if not specifier.startswith(("./", "../")):
        return []
    target = posixpath.normpath(posixpath.join(posixpath.dirname(pending.origin), specifier))
    if target.startswith("../") or target == "..":
        return []
    stem, extension = posixpath.splitext(target)
    tries = [target] if extension else []
    tries += [stem + compiled for compiled in _JS_COMPILED.get(extension, ())]
    tries += [target + ext for ext in _JS_EXTENSIONS]
    tries += [f"{target}/index{ext}" for ext in _JS_EXTENSIONS]
    return [path for path in tries if path in known.get(posixpath.basename(path), ())]


def _shared_depth(path: str, origin: str) -> int:
    depth = 0
    for mine, theirs in zip(path.split("/"), origin.split("/"), strict=False):
        if mine != theirs:
            break
        depth += 1
    return depth
