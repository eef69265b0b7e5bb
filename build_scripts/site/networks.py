"""Network models (pure): who accused whom, how actors are tied, each actor's neighbourhood.

Nodes are actors; edges are statements (speaker → target, styled by stance) or relations
(subject → object). Positions are computed here, seeded, so the browser draws the graph at
once with physics off, and the same data gives the same layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from build_scripts.site.model import Dataset
from build_scripts.load.values import format_date
from build_scripts.site.spec import SPEC

# Okabe-Ito colours: distinguishable with colour-blindness, legible on light and dark schemes.
PALETTE = ("#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
           "#999999")
STANCE_COLOURS = SPEC.stance_colours
LAYOUT_SEED = 2024  # any fixed seed: it only has to be the same on every build
LAYOUT_SCALE = 900  # half-width of the drawing in vis-network's pixels
# Kamada-Kawai spreads small graphs more evenly than a spring layout but needs all-pairs
# distances (quadratic memory and time), so large graphs fall back to the seeded spring layout.
KAMADA_KAWAI_MAX = 150
QUOTE_WORDS = 14  # words of a quote shown in an edge's tooltip


@dataclass(frozen=True)
class Node:
    """An actor in a graph."""

    id: str
    label: str
    group: str
    title: str
    x: float = 0.0
    y: float = 0.0


@dataclass(frozen=True)
class Edge:
    """A statement or relation between two actors; ``link`` is a docs-relative record path."""

    source: str
    target: str
    kind: str
    date: str
    title: str
    link: str
    colour: str


@dataclass
class Graph:
    """A graph ready to lay out and draw, with a plain-text description for its alternative."""

    name: str
    title: str
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    @property
    def description(self) -> str:
        """A one-sentence text alternative for the drawing."""
        return (f"{self.title}: {len(self.nodes)} actors and {len(self.edges)} links. "
                "The table below lists every link.")


def _first_words(text: str, count: int = QUOTE_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _nodes(dataset: Dataset, ids: set[str]) -> list[Node]:
    nodes = []
    for actor_id in sorted(ids):
        actor = dataset.get("actors", actor_id) or {}
        name = actor.get("name", actor_id)
        nodes.append(Node(actor_id, name, actor.get("actor_type", "unknown"),
                          f"{name} ({actor.get('actor_type', 'unknown')}): {actor.get('role', '')}"))
    return nodes


def statement_edges(dataset: Dataset) -> list[Edge]:
    """One edge per statement target: speaker → target, coloured by stance."""
    edges = []
    for target in dataset.rows("statement_targets"):
        statement = dataset.get("statements", target["statement_id"])
        if statement is None:
            continue
        speaker = dataset.get("actors", statement["speaker_id"]) or {}
        whom = dataset.get("actors", target["actor_id"]) or {}
        when = format_date(statement["date"], statement["date_precision"])
        title = (f"{when}: {speaker.get('name', '')} {target['stance']} {whom.get('name', '')}."
                 f" “{_first_words(statement['quote'])}”")
        edges.append(Edge(statement["speaker_id"], target["actor_id"], target["stance"],
                          statement["date"], title, f"statements/{statement['statement_id']}.md",
                          STANCE_COLOURS.get(target["stance"], PALETTE[-1])))
    edges.sort(key=lambda e: (e.date, e.link, e.target))
    return edges


def relation_edges(dataset: Dataset) -> list[Edge]:
    """One edge per relation: subject → object, coloured by relation type."""
    kinds = sorted({r["relation"] for r in dataset.rows("relations")})
    colours = {kind: PALETTE[i % len(PALETTE)] for i, kind in enumerate(kinds)}
    edges = []
    for rel in dataset.rows("relations"):
        subject = dataset.get("actors", rel["subject_id"]) or {}
        obj = dataset.get("actors", rel["object_id"]) or {}
        title = (f"{subject.get('name', '')} {rel['relation']} {obj.get('name', '')}: "
                 f"{_first_words(rel['evidence'])}")
        edges.append(Edge(rel["subject_id"], rel["object_id"], rel["relation"], rel["date"],
                          title, f"actors/{rel['subject_id']}.md", colours[rel["relation"]]))
    edges.sort(key=lambda e: (e.source, e.kind, e.target, e.date))
    return edges


def layout(graph: Graph, centre: str | None = None) -> Graph:
    """Return the graph with positions (rounded for stable bytes).

    An ego graph puts its actor in the centre and the neighbours on a ring (linear time, and
    the clearest drawing of a star); other graphs get a force-directed layout.
    """
    g = nx.Graph()
    g.add_nodes_from(node.id for node in graph.nodes)
    g.add_edges_from((edge.source, edge.target) for edge in graph.edges)
    if len(g) == 0:
        return graph
    if centre is not None and centre in g:
        ring = [n.id for n in graph.nodes if n.id != centre]
        positions = nx.shell_layout(g, [[centre], ring] if ring else [[centre]],
                                    scale=LAYOUT_SCALE / 2)
    elif len(g) <= KAMADA_KAWAI_MAX:
        positions = nx.kamada_kawai_layout(g, scale=LAYOUT_SCALE)
    else:
        positions = nx.spring_layout(g, seed=LAYOUT_SEED, scale=LAYOUT_SCALE)
    graph.nodes = [Node(n.id, n.label, n.group, n.title,
                        round(float(positions[n.id][0]), 1), round(float(positions[n.id][1]), 1))
                   for n in graph.nodes]
    return graph


def graph_of(dataset: Dataset, name: str, title: str, edges: list[Edge],
             centre: str | None = None) -> Graph:
    """A laid-out graph of ``edges`` and every actor they touch (``centre``: an ego graph's)."""
    ids = {e.source for e in edges} | {e.target for e in edges}
    return layout(Graph(name, title, _nodes(dataset, ids), edges), centre)


def edges_by_actor(edges: list[Edge]) -> dict[str, list[Edge]]:
    """Index edges by each actor they touch (built once, so ego graphs cost their size)."""
    index: dict[str, list[Edge]] = {}
    for edge in edges:
        index.setdefault(edge.source, []).append(edge)
        if edge.target != edge.source:
            index.setdefault(edge.target, []).append(edge)
    return index


def ego_graph(dataset: Dataset, actor_id: str, index: dict[str, list[Edge]]) -> Graph:
    """The actor, its direct neighbours and every edge among them, in the original order."""
    own = index.get(actor_id, [])
    neighbours = {actor_id} | {e.source for e in own} | {e.target for e in own}
    seen: dict[int, Edge] = {}
    for neighbour in neighbours:
        for edge in index.get(neighbour, []):
            if edge.source in neighbours and edge.target in neighbours:
                seen[id(edge)] = edge
    edges = sorted(seen.values(), key=lambda e: (e.date, e.link, e.source, e.target))
    actor = dataset.get("actors", actor_id) or {}
    return graph_of(dataset, f"ego/{actor_id}",
                    f"Network around {actor.get('name', actor_id)}", edges, centre=actor_id)
