"""A layout for graphs too large for in-browser physics, computed in linear time plus a small spring.

networkx' `spring_layout` costs O(n²) per iteration (its sparse variant loops over nodes in
Python), which is seconds at 5k nodes. Plan graphs are hub-shaped: a few hundred plans and
departments touch thousands of tasks, sections and targets. So only the hubs get a spring layout,
on a graph joining hubs that share a neighbour; every other node is then placed on a small
spiral around the centroid of its already-placed neighbours, breadth first from the hubs.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> _ = g.add_edges_from([("d1", f"t{i}") for i in range(5)] + [("d2", "t0"), ("t0", "x")])
>>> pos = hub_layout(g, hubs=2, seed=1)
>>> sorted(pos) == sorted(g.nodes)
True
>>> all(isinstance(c, int) for xy in pos.values() for c in xy)
True
>>> len(hub_layout(nx.MultiDiGraph([("a", "b"), ("a", "x"), ("b", "x")]), hubs=2))  # two hubs joined directly too
3
"""
from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Hashable

import networkx as nx

_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
SPACING = 28  # pixels between neighbouring leaves: a node's diameter plus a gap


def _spiral(k: int) -> tuple[float, float]:
    """The k-th point (k ≥ 1) of a sunflower spiral: even density, no two points overlap."""
    radius = SPACING * math.sqrt(k + 1.5)
    angle = k * _GOLDEN_ANGLE
    return radius * math.cos(angle), radius * math.sin(angle)


def hub_layout(graph: nx.MultiDiGraph, *, hubs: int = 150, iterations: int = 50,
               seed: int = 7) -> dict[Hashable, tuple[int, int]]:
    """Integer pixel positions for every node (see the module docstring for the method)."""
    degree = dict(graph.degree())
    if not degree:
        return {}
    # neighbours in the order the edges come (a dict, not a set: a set of strings iterates in an
    # order that changes with each process's string hashing, and so would the layout)
    undirected_adj: dict[Hashable, dict[Hashable, None]] = defaultdict(dict)
    for s, t in graph.edges():
        if s != t:
            undirected_adj[s][t] = None
            undirected_adj[t][s] = None
    hub_nodes = sorted(degree, key=lambda n: (-degree[n], str(n)))[:hubs]
    hub_set = set(hub_nodes)

    # hubs are joined directly, or through one shared neighbour (a task two departments share)
    hub_graph: nx.Graph[Hashable] = nx.Graph()
    hub_graph.add_nodes_from(hub_nodes)
    for node, neighbours in undirected_adj.items():
        near = [n for n in neighbours if n in hub_set]
        if node in hub_set:
            hub_graph.add_edges_from((node, other) for other in near)
        elif len(near) < 30:  # a node touching many hubs would join them all into one clump
            for i, a in enumerate(near):
                for b in near[i + 1:]:
                    # a direct edge between two hubs carries no weight yet
                    w = hub_graph.get_edge_data(a, b, {}).get("weight", 0)
                    hub_graph.add_edge(a, b, weight=w + 1)
    spread = SPACING * 4 * math.sqrt(len(degree))
    raw = nx.spring_layout(hub_graph, iterations=iterations, seed=seed, scale=spread) if len(hub_nodes) > 1 else \
        {hub_nodes[0]: (0.0, 0.0)}
    pos: dict[Hashable, tuple[float, float]] = {n: (float(xy[0]), float(xy[1])) for n, xy in raw.items()}

    crowd: dict[tuple[int, int], int] = defaultdict(int)  # how many nodes already circle a point
    queue = deque(hub_nodes)
    right = max((p[0] for p in pos.values()), default=None)  # the drawing's right edge so far
    # the nodes that may start a component no hub reaches, best-connected first (ties: the greater name)
    starts = iter(sorted((n for n in degree if n in undirected_adj), key=lambda n: (degree[n], str(n)), reverse=True))
    while True:
        while queue:
            node = queue.popleft()
            for neighbour in undirected_adj.get(node, ()):
                if neighbour in pos:
                    continue
                placed = [pos[n] for n in undirected_adj[neighbour] if n in pos]
                cx = sum(p[0] for p in placed) / len(placed)
                cy = sum(p[1] for p in placed) / len(placed)
                anchor = (round(cx), round(cy))
                crowd[anchor] += 1
                dx, dy = _spiral(crowd[anchor])
                pos[neighbour] = (cx + dx, cy + dy)
                right = cx + dx if right is None else max(right, cx + dx)
                queue.append(neighbour)
        start = next((n for n in starts if n not in pos), None)
        if start is None:
            break
        # a component no hub reaches: start it beside the drawing, from its best-connected node
        x = (right if right is not None else 0.0) + SPACING * 6
        pos[start] = (x, 0.0)
        right = x if right is None else max(right, x)
        queue.append(start)
    isolated = [n for n in degree if n not in pos]
    if isolated:  # a grid under the drawing, so lone nodes neither hide hubs nor stretch the view
        columns = max(1, int(math.sqrt(len(isolated))))
        bottom = max((p[1] for p in pos.values()), default=0.0) + SPACING * 4
        left = min((p[0] for p in pos.values()), default=0.0)
        for i, node in enumerate(sorted(isolated, key=str)):
            pos[node] = (left + SPACING * (i % columns), bottom + SPACING * (i // columns))
    return {n: (round(x), round(y)) for n, (x, y) in pos.items()}
