/// Mustache templates of the web pages, one view model each (see `PageController`).
enum PageTemplates {
    static let all: [String: String] = ["home": home, "organisation": organisation, "error": error]

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
    <h2>Rapporter</h2>
    {{#hasReports}}<ul class="cards">{{#reports}}<li><a href="{{url}}">{{label}}</a></li>{{/reports}}</ul>{{/hasReports}}
    {{^hasReports}}<p>Det finnes ingen regnskapstall for denne organisasjonen ennå, så ingen årsberetning kan lages.</p>{{/hasReports}}
    {{#hasChildren}}<h2>Underliggende enheter</h2><ul>{{#children}}<li><a href="{{url}}">{{name}}</a></li>{{/children}}</ul>{{/hasChildren}}
    """

    static let error = """
    <h1>{{heading}}</h1>
    <p>{{message}}</p>
    <p><a href="/">Til forsiden</a></p>
    """
}
