"""`recommend --explain`: the decision path as a Rich tree, shown under the table.

Each decision of the trace is a branch with the case facts it used beneath it; a last
branch lists the options the decisions ruled in (by tier) and out (tier avoid, with why).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from her2nav.result import Result, Tier

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.tree import Tree


def render_trace(result: Result, console: Console) -> None:
    from her2nav.render.console import print_trimmed

    console.print()
    print_trimmed(console, trace_tree(result))


def trace_tree(result: Result) -> RenderableType:
    from rich.text import Text
    from rich.tree import Tree

    tree = Tree(Text("How the navigator decided", style="bold"), guide_style="dim")
    for number, step in enumerate(result.trace, start=1):
        label = Text(f"{number}. {step.step}: ", style="bold")
        label.append(step.decision)
        branch = tree.add(label)
        branch.add(_fact_text("because ", step.because))
    _add_options(tree, result)
    return tree


def _fact_text(prefix: str, text: str) -> RenderableType:
    from rich.text import Text

    fact = Text(prefix, style="dim")
    fact.append(text)
    return fact


def _add_options(tree: Tree, result: Result) -> None:
    from rich.text import Text

    options = tree.add(Text("Options", style="bold"))
    ruled_in = options.add(Text("ruled in", style="bold green"))
    ruled_out = options.add(Text("ruled out (avoid)", style="bold red"))
    for option in result.systemic:
        name = f"{option.regimen} (systemic)"
        _add_option(ruled_out if option.tier is Tier.AVOID else ruled_in, name, option.tier, option.cautions)
    for site_option in result.site_specific:
        name = f"{site_option.intervention} ({site_option.site})"
        _add_option(ruled_out if site_option.tier is Tier.AVOID else ruled_in, name, site_option.tier,
                    site_option.cautions)
    if not ruled_in.children:
        ruled_in.add(Text("none"))
    if not ruled_out.children:
        ruled_out.add(Text("none"))


def _add_option(branch: Tree, name: str, tier: Tier, cautions: tuple[str, ...]) -> None:
    from rich.text import Text

    if tier is Tier.AVOID:
        node = branch.add(Text(name))
        for caution in cautions:
            node.add(_fact_text("because ", caution))
    else:
        label = Text(f"{tier.value}: ", style="bold")
        label.append(name)
        branch.add(label)
