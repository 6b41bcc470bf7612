/// Mustache templates of the HTML documents. `{{x}}` escapes; `{{{x}}}` is used only for
/// markup that another escaping template produced.
enum HTMLTemplates {
    static let document = """
    <!DOCTYPE html>
    <html lang="nb">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}}</title>
    {{#inlineStyle}}<style>{{{inlineStyle}}}</style>{{/inlineStyle}}
    {{#stylesheetURL}}<link rel="stylesheet" href="{{stylesheetURL}}">{{/stylesheetURL}}
    </head>
    <body>
    <a class="skip-link" href="#innhold">Hopp til innholdet</a>
    <header class="site-header"><div class="wrap"><a class="brand" href="{{homeURL}}">Styr</a>{{#hasNavigation}}<nav aria-label="Hovedmeny"><ul>{{#navigation}}<li><a href="{{url}}">{{label}}</a></li>{{/navigation}}</ul></nav>{{/hasNavigation}}{{#account}}<form class="account" method="post" action="/logg-ut"><span>{{name}}</span><input type="hidden" name="_csrf" value="{{csrfToken}}"><button type="submit">Logg ut</button></form>{{/account}}</div></header>
    <main id="innhold" class="wrap">
    {{{body}}}
    </main>
    <footer class="site-footer"><div class="wrap">Styr – etatsstyring med åpen kildekode · <a href="/tilgjengelighet">Tilgjengelighetserklæring</a></div></footer>
    </body>
    </html>
    """

    /// The operating and investment tables and the projects, shared by the annual report and
    /// the budget page.
    static let budgetTables = """
    {{#accounts}}
    <div class="table-scroll">
    <table class="figures accounts">
    <caption>{{caption}}</caption>
    <thead><tr>{{#headings}}<th scope="col"{{#numeric}} class="num"{{/numeric}}>{{text}}</th>{{/headings}}</tr></thead>
    <tbody>
    {{#rows}}<tr{{#isSum}} class="sum"{{/isSum}}><th scope="row">{{label}}</th>{{#cells}}<td class="num">{{#hasLink}}<a href="{{url}}">{{/hasLink}}{{text}}{{#hasLink}}</a>{{/hasLink}}</td>{{/cells}}</tr>
    {{/rows}}
    </tbody>
    </table>
    </div>
    {{#notes}}<p class="note">{{.}}</p>{{/notes}}
    {{#hasExplanations}}<h3>Årsaksforklaring til avvik mellom regulert budsjett og regnskap</h3>{{/hasExplanations}}
    {{#explanations}}<p>{{.}}</p>{{/explanations}}
    <h3>{{revisionHeading}}</h3>
    {{#revisionText}}<p>{{.}}</p>{{/revisionText}}
    {{#hasComparison}}<h3>{{comparisonHeading}}</h3>{{/hasComparison}}
    {{#comparisonText}}<p>{{.}}</p>{{/comparisonText}}
    {{/accounts}}
    {{#projects.hasRows}}
    <div class="table-scroll">
    <table class="figures projects">
    <caption>{{projects.caption}}</caption>
    <thead><tr>{{#projects.headings}}<th scope="col"{{#numeric}} class="num"{{/numeric}}>{{text}}</th>{{/projects.headings}}</tr></thead>
    <tbody>
    {{#projects.rows}}<tr><th scope="row">{{label}}</th>{{#cells}}<td{{#numeric}} class="num"{{/numeric}}>{{text}}</td>{{/cells}}</tr>
    {{/projects.rows}}
    <tr class="sum"><th scope="row">{{projects.sumLabel}}</th>{{#projects.sumCells}}<td{{#numeric}} class="num"{{/numeric}}>{{text}}</td>{{/projects.sumCells}}</tr>
    </tbody>
    </table>
    </div>
    {{#projects.notes}}<p class="note">{{.}}</p>{{/projects.notes}}
    {{#projects.hasComments}}<h3>Kommentarer / årsak til avvik</h3>{{/projects.hasComments}}
    {{#projects.comments}}<p>{{.}}</p>{{/projects.comments}}
    {{/projects.hasRows}}
    """

    static let annualReport = """
    <article class="report">
    <header class="report-title">
    <p class="kicker">{{organisationName}}</p>
    <h1>{{title}}</h1>
    {{#amountUnitNote}}<p class="note">{{amountUnitNote}}</p>{{/amountUnitNote}}
    </header>
    {{#hasLeaderStatement}}<section><h2>Leders beretning</h2>{{#leaderStatement}}<p>{{.}}</p>{{/leaderStatement}}</section>{{/hasLeaderStatement}}
    <section>
    <h2>1. Ansvarsområde</h2>
    {{#responsibility}}<p>{{.}}</p>{{/responsibility}}
    {{#staffing.hasRows}}
    <div class="table-scroll">
    <table class="figures">
    <caption>{{staffing.caption}}</caption>
    <thead><tr><td></td><th scope="col" class="num">{{staffing.fromHeading}}</th><th scope="col" class="num">{{staffing.toHeading}}</th><th scope="col" class="num">Endring</th></tr></thead>
    <tbody>{{#staffing.rows}}<tr><th scope="row">{{label}}</th>{{#cells}}<td class="num">{{.}}</td>{{/cells}}</tr>{{/staffing.rows}}</tbody>
    </table>
    </div>
    {{/staffing.hasRows}}
    {{#staffing.comments}}<p>{{.}}</p>{{/staffing.comments}}
    </section>
    <section>
    <h2>2. Måloppnåelse, resultater og risikovurdering</h2>
    {{#hasSituation}}<h3>2.1 Situasjonsbeskrivelse</h3>{{/hasSituation}}
    {{#situation}}<p>{{.}}</p>{{/situation}}
    <h3>2.2 Måloppnåelse</h3>
    <div class="table-scroll">
    <table class="figures indicators">
    <caption>{{indicators.caption}}</caption>
    <thead><tr>{{#indicators.headings}}<th scope="col"{{#numeric}} class="num"{{/numeric}}>{{text}}</th>{{/indicators.headings}}</tr></thead>
    <tbody>
    {{#indicators.rows}}<tr><th scope="row">{{name}}{{#hasFootnoteMarks}} <span class="marks">{{footnoteMarks}}</span>{{/hasFootnoteMarks}}</th>{{#baselines}}<td class="num">{{.}}</td>{{/baselines}}<td class="num">{{target}}</td><td class="num">{{result}}</td><td class="num">{{deviation}}</td><td class="status-cell"><span class="status status-{{statusClass}}">{{status}}</span></td></tr>
    {{/indicators.rows}}
    </tbody>
    </table>
    </div>
    {{#indicators.footnotes}}<p class="note">{{.}}</p>{{/indicators.footnotes}}
    {{#indicators.hasComments}}<h4>Kommentarer til avvik</h4>{{/indicators.hasComments}}
    {{#indicators.comments}}<p class="note">{{.}}</p>{{/indicators.comments}}
    {{#goalAreas}}<section class="goal-area"><h4>{{name}}</h4>{{#paragraphs}}<p>{{.}}</p>{{/paragraphs}}{{#hasIndicators}}<p class="note">Resultatindikatorer:</p><ul>{{#indicatorNames}}<li>{{.}}</li>{{/indicatorNames}}</ul>{{/hasIndicators}}</section>
    {{/goalAreas}}
    {{#hasGovernance}}<h3>2.3 Styring og kontroll</h3>{{/hasGovernance}}
    {{#governance}}<p>{{.}}</p>{{/governance}}
    </section>
    <section>
    <h2>3. Sammenlikning av budsjett og regnskap</h2>
    {{> budget-tables}}
    </section>
    </article>
    """
}
