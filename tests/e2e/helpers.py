"""What the browser tests share: axe-core runs and keyboard navigation."""

from site_s6.core.validators import MINIMUM_TEXT_CONTRAST, contrast_ratio

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("serious", "critical")
# axe-core's best practices on the page's structure, which fail whatever their impact:
# headings in order, one main landmark, landmarks told apart, all content in landmarks.
STRUCTURE_RULES = [
    "heading-order",
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
    "page-has-heading-one",
    "region",
    "skip-link",
]

AXE_RUN = """async ([tags, structure]) => {
    const wcag = await axe.run(document, {
        runOnly: {type: 'tag', values: tags},
        resultTypes: ['violations'],
    });
    const best = await axe.run(document, {
        runOnly: {type: 'rule', values: structure},
        resultTypes: ['violations'],
    });
    const results = {violations: [...wcag.violations, ...best.violations]};
    return results.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map(n => ({
            target: n.target.join(' '),
            html: n.html.slice(0, 240),
            summary: n.failureSummary || '',
        })),
    }));
}"""


def axe_violations(page, axe_source: str) -> list[dict]:
    """What axe-core finds on ``page``: serious and critical WCAG 2.1 A/AA violations, and
    any violation of the structure rules."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated through the DevTools protocol, as the test's own tool: an inline
        # <script> tag would be (rightly) refused by the site's Content-Security-Policy.
        page.evaluate("source => (0, eval)(source)", axe_source)
    violations = page.evaluate(AXE_RUN, [WCAG_TAGS, STRUCTURE_RULES])
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS or v["id"] in STRUCTURE_RULES]


def describe_violations(found: dict[str, list[dict]]) -> str:
    """A readable report: per address, each violation and the elements it was found on."""
    lines = []
    for url, violations in found.items():
        lines.append(f"{url}")
        for violation in violations:
            lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']}")
            lines.append(f"    {violation['helpUrl']}")
            for node in violation["nodes"][:5]:
                lines.append(f"    at {node['target']}: {node['html']}")
                summary = " ".join(node["summary"].split())
                if summary:
                    lines.append(f"      {summary}")
            if len(violation["nodes"]) > 5:
                lines.append(f"    … and {len(violation['nodes']) - 5} more elements")
    return "\n".join(lines)


FOCUSED = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        tag: element.tagName.toLowerCase(),
        text: (element.innerText || element.value || element.getAttribute('aria-label') || '')
            .trim().replace(/\\s+/g, ' '),
        href: element.href || null,
        id: element.id || null,
        outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px'
            && !/rgba\\(\\d+, \\d+, \\d+, 0\\)|transparent/.test(style.outlineColor),
        shadow: style.boxShadow !== 'none',
        color: style.color,
        background: style.backgroundColor,
        inViewport: box.width > 0 && box.height > 0 && box.bottom > 0
            && box.top < window.innerHeight,
    };
}"""


def focused(page) -> dict | None:
    """What has the keyboard focus: tag, text, address, and whether its focus shows."""
    return page.evaluate(FOCUSED)


def _hex(css_colour: str) -> tuple[str, float]:
    """``rgb(r, g, b)`` or ``rgba(r, g, b, a)`` as ``#rrggbb`` and its opacity."""
    parts = css_colour[css_colour.index("(") + 1 : -1].replace("/", ",").split(",")
    red, green, blue = (round(float(part)) for part in parts[:3])
    alpha = float(parts[3]) if len(parts) > 3 else 1.0
    return f"#{red:02x}{green:02x}{blue:02x}", alpha


def focus_contrast(element: dict) -> float | None:
    """The contrast of a focused element's text on its own background, if that is opaque."""
    if not element["text"] or not element["background"].startswith("rgb"):
        return None
    background, opacity = _hex(element["background"])
    if opacity < 1:
        return None  # its background shows through: axe checks the page at rest
    colour, _opacity = _hex(element["color"])
    return contrast_ratio(colour, background)


def check_focus(element: dict) -> None:
    """The focused ``element`` shows where the focus is (WCAG 2.4.7), legibly, on screen."""
    name = f"{element['tag']} “{element['text'][:60]}”"
    assert element["outline"] or element["shadow"], f"no visible focus indicator on {name}"
    assert element["inViewport"], f"focused {name} is off screen"
    ratio = focus_contrast(element)
    assert ratio is None or ratio >= MINIMUM_TEXT_CONTRAST, (
        f"focused {name}: {element['color']} on {element['background']} is only {ratio:.2f}:1"
    )


def tab_until(page, matches, *, limit: int = 60) -> list[dict]:
    """Press Tab until the focused element ``matches``; returns every element passed.

    Each element reached must pass :func:`check_focus`; the walk fails if ``limit``
    presses do not get there.
    """
    path = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        assert element is not None, f"focus left the page after {describe_path(path)}"
        path.append(element)
        check_focus(element)
        if matches(element):
            return path
    raise AssertionError(f"not reached in {limit} Tab presses: {describe_path(path)}")


def tab_through(page, *, limit: int = 200) -> list[dict]:
    """Press Tab from the top of ``page`` to its last focusable element, checking each."""
    path = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if element is None or (path and element == path[0]):
            return path  # past the last element: the browser's own controls, or back at the top
        path.append(element)
        check_focus(element)
    raise AssertionError(f"still tabbing after {limit} presses: {describe_path(path[-10:])}")


def describe_path(path: list[dict]) -> str:
    return " → ".join(f"{e['tag']}“{e['text'][:40]}”" for e in path) or "(nothing)"
