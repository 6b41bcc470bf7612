/// Mustache templates of the web pages, one view model each (see `PageController`).
enum PageTemplates {
    static let all: [String: String] = [
        "home": home, "organisation": organisation, "mission": mission, "error": error,
    ]

    static let home = """
    <h1>Organisasjoner</h1>
    {{#hasOrganisations}}
    <p>Velg en virksomhet for å se årsberetningen, beregnet fra dataene i Styr.</p>
    <div class="table-scroll">
    <table class="figures">
    <caption>Organisasjoner i Styr</caption>
    <thead><tr><th scope="col">Navn</th><th scope="col">Kode</th><th scope="col">Type</th><th scope="col">Ligger under</th></tr></thead>
    <tbody>
    {{#organisations}}<tr><th scope="row"><a href="{{url}}">{{name}}</a></th><td>{{code}}</td><td>{{kind}}</td><td>{{parent}}</td></tr>
    {{/organisations}}
    </tbody>
    </table>
    </div>
    {{/hasOrganisations}}
    {{^hasOrganisations}}
    <p>Det er ingen organisasjoner i Styr ennå. Start med demodata: <code>swift run styr serve --demo</code>, eller last dem inn med <code>styr demo</code>.</p>
    {{/hasOrganisations}}
    """

    static let organisation = """
    <p class="kicker">{{kind}}</p>
    <h1>{{name}}</h1>
    {{#parent}}<p>Ligger under {{parent}}.</p>{{/parent}}
    {{#hasChapters}}<p>Budsjettkapittel: {{#chapters}}kap. {{.}} {{/chapters}}</p>{{/hasChapters}}
    {{#hasMission}}<h2>Styringsdokumenter</h2><ul class="cards"><li><a href="{{missionURL}}">Samfunnsoppdrag</a> (versjon {{missionVersion}}, fastsatt {{missionFixedOn}})</li></ul>{{/hasMission}}
    <h2>Rapporter</h2>
    {{#hasReports}}<ul class="cards">{{#reports}}<li><a href="{{url}}">{{label}}</a></li>{{/reports}}</ul>{{/hasReports}}
    {{^hasReports}}<p>Det finnes ingen regnskapstall for denne organisasjonen ennå, så ingen årsberetning kan lages.</p>{{/hasReports}}
    {{#hasChildren}}<h2>Underliggende enheter</h2><ul>{{#children}}<li><a href="{{url}}">{{name}}</a></li>{{/children}}</ul>{{/hasChildren}}
    """

    static let mission = """
    <p class="kicker">{{organisationName}}</p>
    <h1>{{title}}</h1>
    <p>Versjon {{version}}, fastsatt av {{fixedBy}} {{fixedOn}}.{{#hasOtherVersions}} Andre versjoner: {{#otherVersions}}<a href="{{url}}">versjon {{version}}</a> {{/otherVersions}}{{/hasOtherVersions}}</p>
    <nav aria-label="Innhold i samfunnsoppdraget"><ul>
    <li><a href="#kjerneoppgaver">Kjerneoppgaver</a></li><li><a href="#fullmakter">Fullmakter</a></li><li><a href="#finansiering">Finansieringsmodell</a></li><li><a href="#tekst">Hele teksten</a></li>
    </ul></nav>
    <h2>Målgrupper</h2>
    <ul>{{#targetGroups}}<li>{{.}}</li>{{/targetGroups}}</ul>
    <h2 id="kjerneoppgaver">Kjerneoppgaver</h2>
    {{#coreTasks}}<section><h3>{{letter}}) {{title}}</h3>{{#paragraphs}}<p>{{.}}</p>{{/paragraphs}}</section>{{/coreTasks}}
    <h2 id="fullmakter">Fullmakter</h2>
    <div class="table-scroll"><table class="figures">
    <caption>Fullmakter gitt til etatsdirektøren</caption>
    <thead><tr><th scope="col">Fullmakt</th><th scope="col">Hjemmel</th></tr></thead>
    <tbody>{{#authorities}}<tr><td>{{description}}</td><td>{{legalBasis}}</td></tr>{{/authorities}}</tbody>
    </table></div>
    <h2 id="finansiering">Finansieringsmodell</h2>
    <dl>{{#fundingSources}}<dt>{{kind}}</dt><dd>{{description}}</dd>{{/fundingSources}}</dl>
    <h2>Når samfunnsoppdraget skal revideres</h2>
    <ul>{{#revisionTriggers}}<li>{{.}}</li>{{/revisionTriggers}}</ul>
    <h2 id="tekst">Hele teksten</h2>
    {{#sections}}<section><h3>{{number}} {{heading}}</h3>{{#paragraphs}}<p>{{.}}</p>{{/paragraphs}}</section>{{/sections}}
    """

    static let error = """
    <h1>{{heading}}</h1>
    <p>{{message}}</p>
    <p><a href="/">Til forsiden</a></p>
    """
}
