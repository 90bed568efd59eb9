"""The waits_for graph of the checklist items: its cycles, and everything an item waits for.

Only the standard library (``crosscheck`` reports with these; ``tests/test_architecture`` runs the same
cycle search over the modules' imports).
"""

from __future__ import annotations


def waits_for_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Every cycle in the waits_for graph once, as a path that starts and ends with the same item."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                found.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node)
    return found


def waits_on(graph: dict[str, list[str]], item: str) -> set[str]:
    """Everything ``item`` waits for, directly or through what it waits for."""
    seen: set[str] = set()
    todo = list(graph.get(item, []))
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, []))
    return seen
