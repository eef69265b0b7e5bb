"""Render a laid-out graph as a self-contained vis-network page (through pyvis), served locally.

pyvis holds the nodes, edges and options and produces vis-network's data; its own HTML
template loads Bootstrap and vis-network from CDNs, so the page is rendered with this
project's template instead, which loads the vendored vis-network from the site itself.
"""

from __future__ import annotations

import posixpath
from functools import cache

import jinja2
from pyvis.network import Network

from build_scripts.networks import Graph

VIS_OPTIONS = {
    "physics": {"enabled": False},  # positions are computed at build time
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
              "smooth": {"enabled": True, "type": "continuous", "roundness": 0.2}},
    "nodes": {"shape": "dot", "size": 12,
              "font": {"size": 14, "color": "#222222", "strokeWidth": 4, "strokeColor": "#ffffff"},
              "color": {"background": "#E69F00", "border": "#8a5a00"}},
}


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("build_scripts", "templates"),
                              undefined=jinja2.StrictUndefined, autoescape=True)


def page_url(from_file: str, record_path: str) -> str:
    """The URL of a record's page (``actors/x.md`` → ``actors/x/``) relative to a file."""
    target = record_path[:-3] + "/" if record_path.endswith(".md") else record_path
    return posixpath.relpath(target, posixpath.dirname(from_file) or ".") + (
        "/" if target.endswith("/") else "")


def to_pyvis(graph: Graph, file_path: str) -> Network:
    """Fill a pyvis network with the graph's nodes and edges (lists filled directly: pyvis's
    add_node and add_edge scan every existing item, which is quadratic on large graphs)."""
    net = Network(directed=True, cdn_resources="remote")
    for node in graph.nodes:
        net.nodes.append({"id": node.id, "label": node.label, "title": node.title,
                          "group": node.group, "x": node.x, "y": node.y,
                          "url": page_url(file_path, f"actors/{node.id}.md")})
        net.node_ids.append(node.id)
        net.node_map[node.id] = net.nodes[-1]
    for edge in graph.edges:
        net.edges.append({"from": edge.source, "to": edge.target, "title": edge.title,
                          "color": edge.colour, "url": page_url(file_path, edge.link)})
    net.options = VIS_OPTIONS
    return net


def render_network(graph: Graph, file_path: str) -> str:
    """The standalone HTML page of a graph, to be written at ``file_path`` in the site."""
    net = to_pyvis(graph, file_path)
    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    depth = file_path.count("/")
    return _environment().get_template("network.html.j2").render(
        heading=graph.title, nodes=nodes, edges=edges, options=net.options,
        asset_prefix="../" * depth)
