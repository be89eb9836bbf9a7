"""What planners ask of the graph as a whole, computed with networkx from the graph in the form of
`plankg.graph.nx`: which departments are central in the co-responsibility network, which groups of
departments work together, and which platforms bridge plans.

- The **co-responsibility network** joins two departments when they are responsible (in any role)
  for the same task; an edge's `weight` is the number of tasks they share. Plan-wide implementers
  (IMPLEMENTS) are left out, since they would join every pair of a plan. Collective actors
  (各区、县(市), 市级有关部门: `kind` "collective") are left out unless asked for: they are a
  phrase of the plan, not a body one coordinates with.
- **Centrality** per department: tasks, partners (degree), shared tasks (weighted degree, the sum of
  its edges' weights: the ranking key), and betweenness with distance 1/weight (a department many
  strong ties pass through), normalised.
- **Communities**: networkx's Louvain method on the weights with a fixed seed over nodes added in id
  order, so the same graph gives the same groups; departments without a partner stay out of them.
- **Bridging platforms**: platforms that tasks, sections or plan texts of at least two plans mention,
  with those plans and the number of mentions.

>>> from plankg.graph.nx import networkx_from_records
>>> nodes = [{"label": "Department", "id": k, "name": k} for k in "ABCD"]
>>> nodes += [{"label": "Task", "id": f"t{i}", "ref": str(i), "text": "x", "document_id": "d"} for i in range(3)]
>>> edges = [{"type": "RESPONSIBLE_FOR", "source": d, "target": t} for d, t in
...          [("A", "t0"), ("B", "t0"), ("A", "t1"), ("C", "t1"), ("A", "t2"), ("B", "t2"), ("D", "t2")]]
>>> net = co_responsibility_network(networkx_from_records(nodes, edges))
>>> sorted(net.edges(data="weight"))
[('A', 'B', 2), ('A', 'C', 1), ('A', 'D', 1), ('B', 'D', 1)]
>>> [(c.department, c.shared_tasks, c.partners) for c in department_centrality(net)][:2]
[('A', 4, 3), ('B', 3, 2)]
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from plankg.ontology.vocab import NodeLabel as L
from plankg.ontology.vocab import RelType as R

COLLECTIVE = "collective"
LOUVAIN_SEED = 20240101


@dataclass(frozen=True)
class DepartmentCentrality:
    department: str
    tasks: int
    partners: int
    shared_tasks: int
    betweenness: float
    community: int | None  # its community's number, None when it shares no task


@dataclass(frozen=True)
class Community:
    number: int  # 1 for the largest
    departments: tuple[str, ...]  # by shared tasks inside the community, then name
    shared_tasks: int  # the weight of the edges inside it
    ids: tuple[str, ...] = ()  # the departments' node ids, in the same order


@dataclass(frozen=True)
class PlatformBridge:
    platform: str
    kind: str | None
    plans: tuple[str, ...]  # plan titles, sorted
    mentions: int
    jurisdiction: str | None = None  # where the graph places it, when it does (two places' 高新区 are two)


@dataclass(frozen=True)
class Analysis:
    centrality: tuple[DepartmentCentrality, ...]
    communities: tuple[Community, ...]
    bridges: tuple[PlatformBridge, ...]
    departments: int
    links: int
    modularity: float | None


def co_responsibility_network(graph: nx.MultiDiGraph, *, collectives: bool = False) -> nx.Graph:
    """Departments (nodes keyed by id, with `name` and `tasks`) joined when they share a task
    (`weight`: how many). Departments with tasks but no partner are nodes without edges."""
    owners: dict[str, set[str]] = {}
    for s, t, key in graph.edges(keys=True):
        if key != R.RESPONSIBLE_FOR.value:
            continue
        attrs = graph.nodes[s]
        if attrs.get("label") != L.DEPARTMENT.value or (attrs.get("kind") == COLLECTIVE and not collectives):
            continue
        owners.setdefault(t, set()).add(s)
    tasks: dict[str, int] = {}
    weights: dict[tuple[str, str], int] = {}
    for departments in owners.values():
        for d in departments:
            tasks[d] = tasks.get(d, 0) + 1
        for pair in combinations(sorted(departments), 2):
            weights[pair] = weights.get(pair, 0) + 1
    network: nx.Graph[str] = nx.Graph()
    # nodes and edges in id order: Louvain's result depends on the order it visits them
    for d in sorted(tasks):
        network.add_node(d, name=graph.nodes[d].get("name") or d, tasks=tasks[d])
    for (a, b), weight in sorted(weights.items()):
        network.add_edge(a, b, weight=weight, distance=1 / weight)
    return network


def department_communities(network: nx.Graph, *, seed: int = LOUVAIN_SEED) -> list[Community]:
    """Groups of departments that work together: Louvain on the weights with a fixed seed, largest
    first (then by shared tasks inside, then by the first name); partnerless departments left out."""
    linked = network.subgraph(sorted(n for n in network if network.degree(n) > 0))
    if linked.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(linked, weight="weight", seed=seed)
    found = []
    for group in groups:
        inner = network.subgraph(group)
        strength = dict(inner.degree(weight="weight"))
        ids = tuple(sorted(group, key=lambda d: (-strength[d], network.nodes[d]["name"], d)))
        found.append((tuple(network.nodes[d]["name"] for d in ids), int(inner.size(weight="weight")), ids))
    found.sort(key=lambda g: (-len(g[0]), -g[1], g[0], g[2]))
    return [Community(i + 1, names, weight, ids) for i, (names, weight, ids) in enumerate(found)]


def department_centrality(network: nx.Graph, communities: Sequence[Community] = ()) -> list[DepartmentCentrality]:
    """Every department of the network, most shared tasks first (then betweenness, then name)."""
    betweenness = nx.betweenness_centrality(network, weight="distance", normalized=True) if len(network) > 2 else {}
    community_of = {d: c.number for c in communities for d in c.ids}
    rows = []
    for d, attrs in network.nodes(data=True):
        name = attrs["name"]
        rows.append(DepartmentCentrality(name, attrs["tasks"], network.degree(d),
                                         int(network.degree(d, weight="weight")),
                                         round(betweenness.get(d, 0.0), 4), community_of.get(d)))
    return sorted(rows, key=lambda r: (-r.shared_tasks, -r.betweenness, r.department))


def platform_bridges(graph: nx.MultiDiGraph, *, min_plans: int = 2) -> list[PlatformBridge]:
    """Platforms mentioned in at least `min_plans` plans (a mention's plan: the plan its document
    publishes), most plans first, then most mentions, then name."""
    plan_of: dict[str, str] = {}
    for s, t, key in graph.edges(keys=True):
        if key == R.PUBLISHES.value:
            plan_of[s] = graph.nodes[t].get("title") or graph.nodes[t].get("name") or t
    plans: dict[str, set[str]] = {}
    mentions: dict[str, int] = {}
    for s, t, key, attrs in graph.edges(keys=True, data=True):
        if key != R.MENTIONS.value or graph.nodes[t].get("label") != L.PLATFORM.value:
            continue
        document = attrs.get("document_id") or graph.nodes[s].get("document_id")
        if document in plan_of:
            plans.setdefault(t, set()).add(plan_of[document])
            mentions[t] = mentions.get(t, 0) + 1
    bridges = [PlatformBridge(graph.nodes[p].get("name") or p, graph.nodes[p].get("kind"), tuple(sorted(titles)),
                              mentions[p], graph.nodes[p].get("jurisdiction"))
               for p, titles in plans.items() if len(titles) >= min_plans]
    return sorted(bridges, key=lambda b: (-len(b.plans), -b.mentions, b.platform, b.jurisdiction or ""))


def analyze(graph: nx.MultiDiGraph, *, collectives: bool = False, seed: int = LOUVAIN_SEED,
            min_plans: int = 2) -> Analysis:
    """Centrality, communities and bridging platforms of a graph (see the module docstring).

    >>> from plankg.graph.nx import networkx_from_records
    >>> a = analyze(networkx_from_records([], []))
    >>> a.centrality, a.communities, a.bridges, a.modularity
    ((), (), (), None)
    """
    network = co_responsibility_network(graph, collectives=collectives)
    communities = department_communities(network, seed=seed)
    modularity = None
    if communities:
        partition = [set(c.ids) for c in communities]
        linked = network.subgraph(set().union(*partition))
        modularity = round(nx.community.modularity(linked, partition, weight="weight"), 4)
    return Analysis(tuple(department_centrality(network, communities)), tuple(communities),
                    tuple(platform_bridges(graph, min_plans=min_plans)), network.number_of_nodes(),
                    network.number_of_edges(), modularity)
