/// The one style sheet of Styr's pages and documents, with a print style for paged output.
/// Colours meet WCAG 2.1 AA contrast; status is always written out, colour only supports it.
public enum StyleSheet {
    public static let css = """
    :root { --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --accent: #1f42aa; --bg-soft: #f3f5f9;
      --green: #0b6b2b; --yellow: #7a5600; --red: #a4161a; }
    * { box-sizing: border-box; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink);
      line-height: 1.5; font-size: 1rem; background: #fff; }
    .wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
    body { overflow-wrap: break-word; }
    h1, h2, h3, h4 { overflow-wrap: anywhere; hyphens: auto; }
    /* In tables, long words wrap only when they must: "anywhere" would squeeze the columns. */
    caption, th { hyphens: auto; }
    figure { margin: 1rem 0; }
    @media (max-width: 40rem) { h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; } main { padding: 1rem .5rem 2rem; } }
    a { color: var(--accent); }
    a:focus, button:focus, input:focus, select:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
    .skip-link { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
    .skip-link:focus { left: 1rem; }
    .site-header { background: #12285f; color: #fff; padding: .75rem 0; }
    .site-header .wrap { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: center; }
    .site-header a { color: #fff; text-decoration: none; }
    .site-header .brand { font-weight: 700; font-size: 1.25rem; letter-spacing: .02em; }
    .site-header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
    .site-header nav a:hover { text-decoration: underline; }
    .site-header .account { margin-left: auto; display: flex; gap: .75rem; align-items: center; }
    .site-header .account button { background: transparent; color: #fff; border: 1px solid #fff; border-radius: .25rem; padding: .2rem .6rem; cursor: pointer; font: inherit; }
    .year-menu { background: #e8ecf5; border-bottom: 1px solid #c5cde0; padding: .5rem 0; font-size: .95rem; }
    .year-menu .wrap { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: flex-start; }
    .year-menu-organisation { margin: 0; font-weight: 700; }
    .year-chooser { display: flex; gap: .4rem; align-items: center; }
    .year-chooser select, .year-chooser button { font: inherit; padding: .1rem .4rem; }
    .year-menu ul { list-style: none; margin: 0; padding: 0; }
    .year-menu-groups { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; flex-basis: 100%; }
    .year-menu-groups ul { display: flex; flex-wrap: wrap; gap: .75rem; }
    .year-menu-group { display: block; font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: #3d4a66; }
    .year-menu a[aria-current=page] { font-weight: 700; text-decoration: none; color: #12285f; }
    td.actions form { display: inline-block; margin: 0 .5rem .25rem 0; }
    form.stacked { max-width: 36rem; display: grid; gap: 1rem; }
    form.stacked label { font-weight: 600; display: block; margin-bottom: .25rem; }
    form.stacked input[type=text], form.stacked input[type=email], form.stacked input[type=password], form.stacked textarea {
      width: 100%; padding: .5rem; border: 1px solid #6b6b6b; border-radius: .25rem; font: inherit; }
    form.stacked textarea { min-height: 7rem; }
    form.stacked > div, form.stacked fieldset { min-width: 0; }
    form.stacked select { width: 100%; padding: .45rem; border: 1px solid #6b6b6b; border-radius: .25rem; font: inherit; max-width: 100%; }
    form.stacked .hint { color: var(--muted); font-size: .9rem; margin: .25rem 0 0; }
    form.stacked .field-error { color: var(--red); font-weight: 600; margin: .25rem 0 0; }
    form.stacked [aria-invalid=true] { border: 2px solid var(--red); }
    .button { background: var(--accent); color: #fff; border: 0; border-radius: .25rem; padding: .6rem 1.2rem; font: inherit; font-weight: 600; cursor: pointer; justify-self: start; }
    .error-summary h2 { margin-top: 0; border: 0; }
    .error-summary { border: 2px solid var(--red); padding: .75rem 1rem; border-radius: .25rem; margin-bottom: 1rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    code.json { font-size: .8rem; word-break: break-all; }
    svg.chart { max-width: 100%; height: auto; overflow: visible; }
    .chart-line { fill: none; stroke: var(--accent); stroke-width: 2; }
    .chart-point { fill: var(--accent); }
    .chart-target { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 4 3; }
    .chart-budget { fill: #8fa3d9; }
    .chart-actuals { fill: #12285f; }
    .chart-label, .chart-legend { font-size: 12px; fill: var(--ink); font-family: system-ui, sans-serif; }
    .dashboard { display: grid; gap: 2rem; }
    .dashboard > * { min-width: 0; }
    .diff ins { background: #e6f4ea; text-decoration: none; display: block; padding: .25rem .5rem; border-left: 4px solid var(--green); }
    .diff del { background: #fdecea; display: block; padding: .25rem .5rem; border-left: 4px solid var(--red); }
    .diff-marker { font-weight: 700; }
    .history .line { display: block; white-space: pre-line; }
    .history tr.changed th, .history tr.changed td { background: #fff4ce; }
    .changed-marker { font-weight: 700; }
    form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: .5rem 0 1rem; }
    form.filters select, form.filters button { font: inherit; padding: .3rem .5rem; }
    .notice { border-left: 4px solid var(--green); background: var(--bg-soft); padding: .75rem 1rem; }
    main { padding: 1.5rem 1rem 3rem; }
    h1 { font-size: 2rem; margin: .25rem 0 1rem; }
    h2 { font-size: 1.5rem; margin-top: 2.5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
    h3 { font-size: 1.2rem; margin-top: 2rem; }
    h4 { font-size: 1.05rem; margin-top: 1.5rem; }
    .kicker { color: var(--muted); margin: 0; text-transform: uppercase; letter-spacing: .06em; font-size: .85rem; }
    .note { color: var(--muted); font-size: .9rem; }
    .table-scroll { overflow-x: auto; position: relative; }
    table.figures { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .92rem; }
    table.figures caption { text-align: left; font-weight: 700; padding: .5rem 0; }
    table.figures th, table.figures td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; vertical-align: top; }
    table.figures thead th { background: var(--bg-soft); text-align: left; font-weight: 600; vertical-align: bottom; }
    table.figures thead th.num { text-align: right; }
    table.figures tbody th { text-align: left; font-weight: 400; }
    table.figures td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    table.figures tr.sum th, table.figures tr.sum td { font-weight: 700; border-top: 2px solid var(--ink); }
    .marks { color: var(--muted); font-size: .85em; }
    .status { display: inline-block; padding: 0 .4rem; border-radius: .25rem; border: 1px solid currentColor; white-space: nowrap; }
    .status-green { color: var(--green); }
    .status-yellow { color: var(--yellow); }
    .status-red { color: var(--red); }
    .status-notMeasured, .status-none { color: var(--muted); }
    .cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
    .cards > li { border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; background: var(--bg-soft); }
    .warning-box { border-left: 4px solid var(--red); background: #fdf1f1; padding: .75rem 1rem; }
    .warning-box h2 { margin-top: 0; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; }
    @media (max-width: 40rem) { dl.facts { grid-template-columns: 1fr; } }
    ul.actions { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
    form.inline { display: inline-flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 0; }
    form.stacked fieldset { border: 1px solid var(--line); border-radius: .25rem; padding: .5rem 1rem; }
    form.stacked legend { font-weight: 600; }
    form.stacked label.check { font-weight: 400; display: flex; gap: .5rem; align-items: baseline; }
    form.stacked input[type=date], form.stacked input[type=datetime-local] { padding: .45rem; border: 1px solid #6b6b6b; border-radius: .25rem; font: inherit; }
    code.feed-url { word-break: break-all; }
    .chip { border: 1px solid var(--line); border-radius: 1rem; padding: .1rem .6rem; white-space: nowrap; }
    .assignment { border-top: 1px solid var(--line); }
    .site-footer { border-top: 1px solid var(--line); color: var(--muted); padding: 1rem 0; font-size: .9rem; }
    @media print {
      @page { size: A4; margin: 18mm 16mm; @bottom-right { content: counter(page); } }
      .site-header, .site-footer, .skip-link { display: none; }
      body { font-size: 10pt; }
      main { padding: 0; }
      h2 { break-before: page; }
      table.figures { font-size: 8.5pt; }
      tr, .goal-area { break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
      .no-print { display: none; }
      .letter h2 { break-before: auto; }
      .letter h2, .letter h3 { break-after: avoid; }
    }
    """
}
