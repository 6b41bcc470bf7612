/// The paged-media style sheet of the PDF documents (WeasyPrint): A4, a running header with the
/// organisation and the report's title, page numbers, a table of contents with page numbers
/// (`target-counter`), chapters on a new page, headings kept with what follows, table rows not
/// split and header rows repeated on every page.
enum PrintStyleSheet {
    static let css = """
    @page {
      size: A4;
      margin: 24mm 20mm 22mm 22mm;
      @top-left { content: string(organisation); font: 8pt "DejaVu Sans", sans-serif; color: #4a4a4a; vertical-align: bottom; padding-bottom: 3mm; }
      @top-right { content: string(doctitle); font: 8pt "DejaVu Sans", sans-serif; color: #4a4a4a; vertical-align: bottom; padding-bottom: 3mm; }
      @bottom-right { content: "Side " counter(page) " av " counter(pages); font: 8pt "DejaVu Sans", sans-serif; color: #4a4a4a; }
      @bottom-left { content: string(organisation) " · " string(doctitle); font: 8pt "DejaVu Sans", sans-serif; color: #4a4a4a; }
    }
    @page :first { @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }
    html { font-family: "DejaVu Serif", serif; font-size: 10pt; line-height: 1.45; color: #1a1a1a; }
    body { margin: 0; }
    .cover { height: 240mm; display: flex; flex-direction: column; justify-content: space-between; break-after: page; }
    .cover .org { font-family: "DejaVu Sans", sans-serif; font-size: 14pt; font-weight: bold; color: #2a2859; string-set: organisation content(); border-bottom: 2pt solid #2a2859; padding-bottom: 4mm; }
    .cover h1 { font-family: "DejaVu Sans", sans-serif; font-size: 30pt; margin: 60mm 0 0; color: #2a2859; string-set: doctitle content(); }
    .cover .meta { font-family: "DejaVu Sans", sans-serif; font-size: 9pt; color: #4a4a4a; }
    nav.toc { break-after: page; }
    nav.toc h2 { break-before: auto; font-family: "DejaVu Sans", sans-serif; font-size: 16pt; color: #2a2859; margin: 0 0 6mm; }
    nav.toc ol { list-style: none; padding: 0; margin: 0; }
    nav.toc li { margin: 0 0 1.5mm; }
    nav.toc li.section { padding-left: 7mm; font-size: 9pt; }
    nav.toc li.chapter { font-weight: bold; margin-top: 3mm; }
    nav.toc a { color: inherit; text-decoration: none; }
    nav.toc a::after { content: leader(".") " " target-counter(attr(href), page); font-weight: normal; }
    h2, h3, h4 { font-family: "DejaVu Sans", sans-serif; color: #2a2859; break-after: avoid; page-break-after: avoid; }
    h2 { font-size: 16pt; margin: 0 0 5mm; break-before: page; bookmark-level: 1; }
    h3 { font-size: 12pt; margin: 7mm 0 2.5mm; bookmark-level: 2; }
    h4 { font-size: 10pt; margin: 5mm 0 2mm; bookmark-level: 3; }
    p { margin: 0 0 2.5mm; orphans: 3; widows: 3; }
    p.note { font-size: 8pt; color: #4a4a4a; }
    p.finding { border-left: 3pt solid #c4501b; background: #fdf1ea; padding: 2mm 3mm; font-size: 9pt; break-inside: avoid; }
    ul { margin: 0 0 3mm; padding-left: 6mm; }
    .table-scroll { margin: 3mm 0 2mm; }
    table { width: 100%; border-collapse: collapse; font-family: "DejaVu Sans", sans-serif; font-size: 7.5pt; line-height: 1.3; }
    table.wide { font-size: 6.5pt; }
    caption { caption-side: top; text-align: left; font-weight: bold; font-size: 8.5pt; padding: 0 0 1.5mm; color: #2a2859; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    th, td { padding: 1.2mm 1.5mm; vertical-align: top; border-bottom: 0.4pt solid #c8c8c8; text-align: left; }
    thead th { border-bottom: 1pt solid #2a2859; font-weight: bold; background: #eef0f7; }
    tbody th { font-weight: normal; min-width: 32mm; }
    .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    tr.sum th, tr.sum td { font-weight: bold; border-top: 0.8pt solid #1a1a1a; }
    a { color: #1f42aa; }
    """
}
