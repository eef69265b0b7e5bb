"""The networks page, the standalone network files, and the ego network of each actor."""

from __future__ import annotations

from dataclasses import dataclass

from build_scripts.site.cells import EMPTY, Cells
from build_scripts.render.escape import markdown_text
from build_scripts.site.model import Dataset
from build_scripts.site.network_render import render_network
from build_scripts.site.networks import (
    Edge,
    Graph,
    edges_by_actor,
    ego_graph,
    graph_of,
    relation_edges,
    statement_edges,
)
from build_scripts.render.jinja import render


@dataclass(frozen=True)
class GraphSection:
    """One network as shown on a page: frame, legend and its table."""

    heading: str
    description: str
    src: str
    legend: list[tuple[str, str]]
    rows: list[list[str]]


def network_file(name: str) -> str:
    """Docs-relative path of a network's standalone page."""
    return f"networks/{name}.html"


def legend(edges: list[Edge]) -> list[tuple[str, str]]:
    """``(kind, colour)`` for each kind of edge in the graph, sorted by kind."""
    return sorted({(e.kind, e.colour) for e in edges})


def adjacency_rows(cells: Cells, graph: Graph) -> list[list[str]]:
    """The text alternative of a graph: who → whom, kind, date, link to the record."""
    rows = []
    for edge in graph.edges:
        table, record_id = edge.link.split("/", 1)
        rows.append([cells.link("actors", edge.source), markdown_text(edge.kind),
                     cells.link("actors", edge.target), markdown_text(edge.date) or EMPTY,
                     cells.link(table, record_id[:-3], "open")])
    return rows


def section(cells: Cells, graph: Graph, heading: str, src: str) -> GraphSection:
    """Everything a page needs to show one graph."""
    return GraphSection(heading, graph.description, src, legend(graph.edges),
                        adjacency_rows(cells, graph))


def network_files(dataset: Dataset) -> dict[str, str]:
    """The networks page and every standalone network file, by docs-relative path."""
    cells = Cells(dataset, "networks.md")
    said = statement_edges(dataset)
    tied = relation_edges(dataset)
    accusations = graph_of(dataset, "accusations", "Who accused, rejected or supported whom", said)
    relations = graph_of(dataset, "relations", "How the actors are tied", tied)
    files = {network_file(g.name): render_network(g, network_file(g.name))
             for g in (accusations, relations)}
    index = edges_by_actor(said + tied)
    for actor_id in sorted(dataset.records.get("actors", {})):
        if actor_id in index:
            ego = ego_graph(dataset, actor_id, index)
            files[network_file(ego.name)] = render_network(ego, network_file(ego.name))
    intro = ("Two views of the record as networks of actors. Positions are computed when the "
             "site is built; each graph has a table of every link beside it, so nothing here "
             "needs the drawing to be read.")
    files["networks.md"] = render("networks.md.j2", intro=intro, graphs=[
        section(cells, accusations, "Statements: who accused, rejected or supported whom",
                "accusations.html"),
        section(cells, relations, "Relations between actors", "relations.html"),
    ])
    return files


def ego_section(dataset: Dataset, actor_id: str, here: str) -> str:
    """The ego-network frame of an actor page, or an empty string when it has no link."""
    cells = Cells(dataset, here)
    actor = dataset.get("actors", actor_id) or {}
    name = markdown_text(actor.get("name", actor_id))
    return (f'<iframe class="network-frame network-ego" src="../../networks/ego/{actor_id}.html" '
            f'title="Network around {name}" loading="lazy"></iframe>\n\n'
            f"The lists below give every link of this network as text. "
            + cells.link_index("actors", "All actors"))
