"""What every PDF of the protocol office shares: a bundled font and the site's branding.

ReportLab's built-in fonts cover Latin-1 only, which has no ș or ț (comma below); the
host's fonts differ from one machine to the next. So the documents use DejaVu Sans,
bundled in ``fonts/`` with its licence and registered when this module is imported.
"""

import html
import io
from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, TableStyle
from reportlab.platypus.flowables import Flowable

from site_s6.core.mail import branding_context

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

pdfmetrics.registerFont(TTFont(FONT, str(FONTS / "DejaVuSans.ttf")))
pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


class Branding:
    """A site's name and colours, as a document prints them."""

    def __init__(self, site):
        branding = branding_context(site)["branding"]
        self.name = branding["full_name"]
        self.primary = colors.HexColor(branding.get("primary_colour") or "#00447c")
        self.secondary = colors.HexColor(branding.get("secondary_colour") or "#8a1538")

    def styles(self) -> dict[str, ParagraphStyle]:
        """The paragraph styles of a document, in the site's colours."""
        body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5)
        return {
            "body": body,
            "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10),
            "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
            "title": ParagraphStyle(
                "title",
                parent=body,
                fontName=FONT_BOLD,
                fontSize=16,
                leading=20,
                textColor=self.primary,
                spaceAfter=4 * mm,
            ),
            "heading": ParagraphStyle(
                "heading",
                parent=body,
                fontName=FONT_BOLD,
                fontSize=11.5,
                leading=15,
                textColor=self.secondary,
                spaceBefore=4 * mm,
                spaceAfter=2 * mm,
            ),
        }

    def table_style(self, *, header_rows: int = 1) -> TableStyle:
        """A grid with the header row in the primary colour."""
        return TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), self.primary),
                ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), colors.white),
                ("FONTNAME", (0, 0), (-1, header_rows - 1), FONT_BOLD),
            ]
        )

    def page_decorator(self, footer: str) -> Callable:
        """Draws the site's name in a band at the top of each page and ``footer`` below."""

        def decorate(canvas, document):
            width, height = document.pagesize
            canvas.saveState()
            canvas.setFillColor(self.primary)
            canvas.rect(0, height - 12 * mm, width, 12 * mm, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            canvas.setFont(FONT_BOLD, 10)
            canvas.drawString(15 * mm, height - 8 * mm, self.name)
            canvas.setFillColor(colors.HexColor("#4a5562"))
            canvas.setFont(FONT, 7.5)
            canvas.drawString(15 * mm, 8 * mm, footer)
            canvas.drawRightString(width - 15 * mm, 8 * mm, str(document.page))
            canvas.restoreState()

        return decorate


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """``text`` as a paragraph: escaped (names may hold an ampersand), lines kept."""
    return Paragraph(html.escape(str(text), quote=False).replace("\n", "<br/>"), style)


def render(
    story: list[Flowable],
    *,
    branding: Branding,
    title: str,
    footer: str,
    pagesize=A4,
) -> bytes:
    """The PDF of ``story``, with the branded band and footer on every page."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        title=title,
        author=branding.name,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=20 * mm,
        bottomMargin=16 * mm,
    )
    decorate = branding.page_decorator(footer)
    document.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()
