"""Render a laid-out graph as a self-contained vis-network page (through pyvis), served locally.

pyvis holds the nodes, edges and options and produces vis-network's data; its own HTML
template loads Bootstrap and vis-network from CDNs, so the page is rendered with this
project's template instead, which loads the vendored vis-network from the site itself.
"""

from __future__ import annotations

from pyvis.network import Network

from build_scripts.render.jinja import environment
from build_scripts.site.links import page_url
from build_scripts.site.networks import Graph

VIS_OPTIONS = {
    "physics": {"enabled": False},  # positions are computed at build time
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
              "smooth": {"enabled": True, "type": "continuous", "roundness": 0.2}},
    "nodes": {"shape": "dot", "size": 12,
              "font": {"size": 14, "color": "#222222", "strokeWidth": 4, "strokeColor": "#ffffff"},
              "color": {"background": "#E69F00", "border": "#8a5a00"}},
}


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
    return environment().get_template("network.html.j2").render(
        heading=graph.title, nodes=nodes, edges=edges, options=net.options,
        asset_prefix="../" * depth)
