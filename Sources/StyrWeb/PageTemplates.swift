/// Mustache templates of the web pages, one view model each (see `PageController`).
enum PageTemplates {
    static let all: [String: String] = [
        "home": home, "organisation": organisation, "mission": mission, "error": error, "login": login,
        "indicators": indicators, "indicator-form": indicatorForm, "history": history,
        "accessibility": accessibility, "dashboard": dashboard, "mission-diff": missionDiff,
        "indicator-definition": indicatorDefinition, "budget": budget,
    ].merging(dialogue) { first, _ in first }.merging(ledger) { first, _ in first }.merging(accounting) { first, _ in first }.merging(ledgerImport) { first, _ in first }

    static let home = """
    <h1>Velkommen, {{name}}</h1>
    {{#hasUnconfirmed}}<section aria-labelledby="signaler" class="warning-box"><h2 id="signaler">Ubekreftede styringssignaler</h2><p>Disse signalene er gitt utenfor den formelle styringsdialogen og er ikke bekreftet skriftlig ennå:</p><ul>{{#unconfirmed}}<li><a href="{{url}}">{{text}}</a> – ubekreftet i {{age}} dager</li>{{/unconfirmed}}</ul></section>{{/hasUnconfirmed}}
    {{#hasAwaiting}}<section aria-labelledby="meldinger"><h2 id="meldinger">Meldinger som venter på svar</h2><ul>{{#awaiting}}<li><a href="{{url}}">{{text}}</a></li>{{/awaiting}}</ul></section>{{/hasAwaiting}}
    {{#hasWaiting}}<section aria-labelledby="venter"><h2 id="venter">Venter på deg</h2><p>Disse resultatene mangler forklaring før de kan rapporteres:</p><ul>{{#waiting}}<li><a href="{{url}}">{{text}}</a></li>{{/waiting}}</ul></section>{{/hasWaiting}}
    {{#hasFollowing}}<section aria-labelledby="oppfolging"><h2 id="oppfolging">Til oppfølging</h2><p>Etatene skylder forklaring på disse resultatene:</p><ul>{{#following}}<li><a href="{{url}}">{{text}}</a></li>{{/following}}</ul></section>{{/hasFollowing}}
    <h2>Dine roller</h2>
    <ul>{{#roles}}<li>{{role}} – {{organisation}}</li>{{/roles}}</ul>
    <h2>Organisasjoner du har tilgang til</h2>
    <form class="filters" method="get" action="/">
    <label for="type">Type</label><select id="type" name="type">{{#filters}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/filters}}</select>
    <label for="sorter">Sorter etter</label><select id="sorter" name="sorter">{{#sorts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sorts}}</select>
    <button type="submit">Vis</button>
    </form>
    {{#hasOrganisations}}
    <div class="table-scroll">
    <table class="figures">
    <caption>Organisasjoner du har tilgang til</caption>
    <thead><tr><th scope="col">Navn</th><th scope="col">Kode</th><th scope="col">Type</th><th scope="col">Ligger under</th></tr></thead>
    <tbody>
    {{#organisations}}<tr><th scope="row"><a href="{{url}}">{{name}}</a></th><td>{{code}}</td><td>{{kind}}</td><td>{{parent}}</td></tr>
    {{/organisations}}
    </tbody>
    </table>
    </div>
    {{/hasOrganisations}}
    {{^hasOrganisations}}
    {{#isFiltered}}<p>Ingen organisasjoner av denne typen. <a href="/">Vis alle</a>.</p>{{/isFiltered}}
    {{^isFiltered}}<p>Det er ingen organisasjoner i Styr du har tilgang til ennå. Start med demodata: <code>swift run styr serve --demo</code>, eller be en administrator om en rolle.</p>{{/isFiltered}}
    {{/hasOrganisations}}
    """

    static let login = """
    <h1>Logg inn</h1>
    {{#hasError}}<div class="error-summary" role="alert"><p>{{error}}</p></div>{{/hasError}}
    <form class="stacked" method="post" action="/logg-inn">
    <input type="hidden" name="_csrf" value="{{csrfToken}}">
    <input type="hidden" name="neste" value="{{next}}">
    <div><label for="epost">E-post</label><input type="email" id="epost" name="epost" value="{{email}}" autocomplete="email" required></div>
    <div><label for="passord">Passord</label><input type="password" id="passord" name="passord" autocomplete="current-password" required></div>
    <button class="button" type="submit">Logg inn</button>
    </form>
    """

    static let indicators = """
    <p class="kicker">{{organisationName}}</p>
    <h1>Resultatindikatorer {{year}}</h1>
    {{#saved}}<p class="notice" role="status">Lagret: {{saved}}.</p>{{/saved}}
    {{#canDefine}}<p><a href="{{newURL}}">Ny resultatindikator</a></p>{{/canDefine}}
    {{#hasRows}}
    <p>Sorter: {{#sorts}}{{#current}}<strong aria-current="true">{{label}}</strong> {{/current}}{{^current}}<a href="{{url}}">{{label}}</a> {{/current}}{{/sorts}}</p>
    <div class="table-scroll">
    <table class="figures indicators">
    <caption>Resultatindikatorer for {{organisationName}} {{year}}</caption>
    <thead><tr><th scope="col">Resultatindikator</th><th scope="col" class="num">Måltall</th><th scope="col" class="num">Resultat</th><th scope="col" class="num">Avvik</th><th scope="col">Status</th><th scope="col">Handlinger</th></tr></thead>
    <tbody>
    {{#rows}}<tr><th scope="row">{{name}}</th><td class="num">{{target}}</td><td class="num">{{result}}</td><td class="num">{{deviation}}</td><td class="status-cell"><span class="status status-{{statusClass}}">{{status}}</span></td><td>{{#canEdit}}<a href="{{editURL}}">Registrer resultat<span class="visually-hidden"> for {{name}}</span></a> · {{/canEdit}}{{#canDefine}}<a href="{{defineURL}}">Måltall<span class="visually-hidden"> for {{name}}</span></a> · {{/canDefine}}<a href="{{historyURL}}">Historikk<span class="visually-hidden"> for {{name}}</span></a></td></tr>
    {{/rows}}
    </tbody>
    </table>
    </div>
    {{/hasRows}}
    {{^hasRows}}<p>Det er ingen resultatindikatorer for {{year}} ennå. Etatsstyreren i byrådsavdelingen legger dem inn med måltall.</p>{{/hasRows}}
    """

    static let indicatorForm = """
    <p class="kicker">{{organisationName}} · {{year}}</p>
    <h1>{{name}}</h1>
    <p>Måltall {{year}}: <strong>{{target}}</strong>. Avvik regnes som {{rule}}; {{polarity}}.</p>
    {{#hasErrors}}<div class="error-summary" role="alert"><h2>Resultatet er ikke lagret</h2><ul>{{#errors}}<li><a href="#{{field}}">{{message}}</a></li>{{/errors}}</ul></div>{{/hasErrors}}
    <form class="stacked" method="post" action="{{action}}" novalidate>
    <input type="hidden" name="_csrf" value="{{csrfToken}}">
    <div><label for="resultat">Resultat {{year}}{{#unitSuffix}} ({{unitSuffix}}){{/unitSuffix}}</label>
    <input type="text" id="resultat" name="resultat" value="{{result}}" inputmode="decimal" aria-describedby="resultat-hint{{#resultError}} resultat-error{{/resultError}}"{{#resultError}} aria-invalid="true"{{/resultError}}>
    <p class="hint" id="resultat-hint">Tall med komma som desimaltegn, f.eks. 81,7. La feltet stå tomt hvis indikatoren ikke er målt.</p>
    {{#resultError}}<p class="field-error" id="resultat-error">{{resultError}}</p>{{/resultError}}</div>
    <div><label for="ikke-malt">Hvorfor er indikatoren ikke målt?</label>
    <textarea id="ikke-malt" name="ikke_malt" maxlength="4000" aria-describedby="ikke-malt-hint{{#reasonError}} ikke-malt-error{{/reasonError}}"{{#reasonError}} aria-invalid="true"{{/reasonError}}>{{notMeasuredReason}}</textarea>
    <p class="hint" id="ikke-malt-hint">Påkrevd når resultatet mangler.</p>
    {{#reasonError}}<p class="field-error" id="ikke-malt-error">{{reasonError}}</p>{{/reasonError}}</div>
    <div><label for="kommentar">Kommentar til avvik</label>
    <textarea id="kommentar" name="kommentar" maxlength="4000" aria-describedby="kommentar-hint{{#commentError}} kommentar-error{{/commentError}}"{{#commentError}} aria-invalid="true"{{/commentError}}>{{deviationComment}}</textarea>
    <p class="hint" id="kommentar-hint">Påkrevd når avviket er ugunstig og utenfor toleransen.</p>
    {{#commentError}}<p class="field-error" id="kommentar-error">{{commentError}}</p>{{/commentError}}</div>
    <button class="button" type="submit">Lagre resultat</button>
    </form>
    """

    static let history = """
    <h1>Historikk</h1>
    <p>{{entityType}} <code>{{entityKey}}</code></p>
    {{#hasEntries}}
    <div class="table-scroll">
    <table class="figures">
    <caption>Endringer, eldste først</caption>
    <thead><tr><th scope="col">Nr.</th><th scope="col">Tidspunkt (UTC)</th><th scope="col">Hvem</th><th scope="col">Hva</th><th scope="col">Før</th><th scope="col">Etter</th></tr></thead>
    <tbody>{{#entries}}<tr><td>{{sequence}}</td><td>{{occurredAt}}</td><td>{{actor}}</td><td>{{action}}</td><td><code class="json">{{before}}</code></td><td><code class="json">{{after}}</code></td></tr>{{/entries}}</tbody>
    </table>
    </div>
    {{/hasEntries}}
    {{#isPaged}}<nav aria-label="Sider" class="pagination"><p>Side {{page}} av {{pageCount}} ({{total}} endringer). {{#previousURL}}<a href="{{previousURL}}" rel="prev">Forrige side</a> {{/previousURL}}{{#nextURL}}<a href="{{nextURL}}" rel="next">Neste side</a>{{/nextURL}}</p></nav>{{/isPaged}}
    {{^hasEntries}}<p>Ingen endringer er registrert for dette objektet.</p>{{/hasEntries}}
    """

    static let organisation = """
    <p class="kicker">{{kind}}</p>
    <h1>{{name}}</h1>
    {{#parent}}<p>Ligger under {{parent}}.</p>{{/parent}}
    {{#hasChapters}}<p>Budsjettkapittel: {{#chapters}}kap. {{.}} {{/chapters}}</p>{{/hasChapters}}
    {{#hasMission}}<h2>Styringsdokumenter</h2><ul class="cards"><li><a href="{{missionURL}}">Samfunnsoppdrag</a> (versjon {{missionVersion}}, fastsatt {{missionFixedOn}})</li></ul>{{/hasMission}}
    <p><a href="{{ledgerURL}}">Regnskap og budsjett fra økonomisystemet</a>: importerte linjer etter dimensjon, import av filer og regnskapsrapport med prognose.</p>
    {{#hasDialogue}}<p><a href="{{dialogueURL}}">Styringsdialogen</a>: tildelingsbrev, møter, styringssignaler, meldinger, årshjul og styringslogg.</p>{{/hasDialogue}}
    <h2>Rapporter</h2>
    {{#hasReports}}<ul class="cards">{{#dashboards}}<li><a href="{{url}}">{{label}}</a></li>{{/dashboards}}{{#reports}}<li><a href="{{url}}">{{label}}</a></li>{{/reports}}{{#indicatorPages}}<li><a href="{{url}}">{{label}}</a></li>{{/indicatorPages}}</ul>{{/hasReports}}
    {{^hasReports}}<p>Det finnes ingen regnskapstall for denne organisasjonen ennå, så ingen årsberetning kan lages.</p>{{/hasReports}}
    <p><a href="{{historyURL}}">Historikk for organisasjonen</a></p>
    {{#hasChildren}}<h2>Underliggende enheter</h2><ul>{{#children}}<li><a href="{{url}}">{{name}}</a></li>{{/children}}</ul>{{/hasChildren}}
    """

    static let mission = """
    <p class="kicker">{{organisationName}}</p>
    <h1>{{title}}</h1>
    <p>Versjon {{version}}, fastsatt av {{fixedBy}} {{fixedOn}}.{{#hasOtherVersions}} Andre versjoner: {{#otherVersions}}<a href="{{url}}">versjon {{version}}</a> (<a href="{{diffURL}}">se endringer</a>) {{/otherVersions}}{{/hasOtherVersions}}{{^hasOtherVersions}} Dette er den eneste versjonen.{{/hasOtherVersions}}</p>
    <nav aria-label="Innhold i samfunnsoppdraget"><ul>
    <li><a href="#kjerneoppgaver">Kjerneoppgaver</a></li><li><a href="#fullmakter">Fullmakter</a></li><li><a href="#finansiering">Finansieringsmodell</a></li><li><a href="#tekst">Hele teksten</a></li>
    </ul></nav>
    <p><a href="{{historyURL}}">Historikk for denne versjonen</a></p>
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

    static let dashboard = """
    <p class="kicker">{{organisationName}}</p>
    <h1>Årsoversikt {{year}}</h1>
    <div class="dashboard">
    <section aria-labelledby="apne">
    <h2 id="apne">Åpne saker</h2>
    {{#hasOpenItems}}<ul>{{#openItems}}<li>{{#url}}<a href="{{url}}">{{text}}</a>{{/url}}{{^url}}{{text}}{{/url}}</li>{{/openItems}}</ul>{{/hasOpenItems}}
    {{^hasOpenItems}}<p>Ingen resultater mangler forklaring for {{year}}.</p>{{/hasOpenItems}}
    </section>
    <section aria-labelledby="indikatorer">
    <h2 id="indikatorer">Resultatindikatorer</h2>
    {{#hasIndicators}}
    <div class="table-scroll">
    <table class="figures indicators">
    <caption>Resultatindikatorer {{year}} med utvikling over tid (stiplet linje er måltallet)</caption>
    <thead><tr><th scope="col">Resultatindikator</th><th scope="col">Utvikling</th><th scope="col" class="num">Måltall</th><th scope="col" class="num">Resultat</th><th scope="col" class="num">Avvik</th><th scope="col">Status</th></tr></thead>
    <tbody>{{#indicators}}<tr><th scope="row">{{name}}</th><td>{{{trend}}}</td><td class="num">{{target}}</td><td class="num">{{result}}</td><td class="num">{{deviation}}</td><td class="status-cell"><span class="status status-{{statusClass}}">{{status}}</span></td></tr>{{/indicators}}</tbody>
    </table>
    </div>
    <p><a href="{{indicatorsURL}}">Alle resultatindikatorer {{year}}</a></p>
    {{/hasIndicators}}
    {{^hasIndicators}}<p>Ingen resultatindikatorer har måltall for {{year}} ennå.</p>{{/hasIndicators}}
    </section>
    <section aria-labelledby="budsjett">
    <h2 id="budsjett">Budsjett og regnskap</h2>
    {{#hasBudget}}
    <p>Nettoresultatet for {{budget.chapter}}: regulert budsjett {{budget.revised}} kr, regnskap {{budget.actuals}} kr, avvik {{budget.deviation}} kr ({{budget.verdict}}).</p>
    <figure>{{{budget.chart}}}<figcaption>Driftsutgifter per artsgruppe og nettoresultat: regulert budsjett og regnskap.</figcaption></figure>
    <p><a href="{{reportURL}}">Årsberetningen med alle tabellene</a></p>
    {{/hasBudget}}
    {{^hasBudget}}<p>Det er ingen regnskapstall for {{year}} ennå.</p>{{/hasBudget}}
    </section>
    </div>
    """

    static let indicatorDefinition = """
    <p class="kicker">{{organisationName}} · {{year}}</p>
    <h1>{{#isNew}}Ny resultatindikator{{/isNew}}{{^isNew}}Måltall og definisjon: {{navn}}{{/isNew}}</h1>
    {{#hasErrors}}<div class="error-summary" role="alert"><h2>Indikatoren er ikke lagret</h2><ul>{{#errors}}<li><a href="#{{field}}">{{message}}</a></li>{{/errors}}</ul></div>{{/hasErrors}}
    <form class="stacked" method="post" action="{{action}}" novalidate>
    <input type="hidden" name="_csrf" value="{{csrfToken}}">
    <div><label for="navn">Navn</label><input type="text" id="navn" name="navn" value="{{navn}}" maxlength="300"{{#navnError}} aria-invalid="true" aria-describedby="navn-error"{{/navnError}}>{{#navnError}}<p class="field-error" id="navn-error">{{navnError}}</p>{{/navnError}}</div>
    <div><label for="enhet">Enhet</label><select id="enhet" name="enhet">{{#units}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/units}}</select></div>
    <div><label for="retning">Retning</label><select id="retning" name="retning">{{#polarities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/polarities}}</select></div>
    <div><label for="avviksregel">Avviksregel</label><select id="avviksregel" name="avviksregel">{{#rules}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/rules}}</select></div>
    <div><label for="maltall">Måltall {{year}}</label><input type="text" id="maltall" name="maltall" value="{{maltall}}" inputmode="decimal" aria-describedby="maltall-hint{{#maltallError}} maltall-error{{/maltallError}}"{{#maltallError}} aria-invalid="true"{{/maltallError}}><p class="hint" id="maltall-hint">Ved målområde: nedre grense.</p>{{#maltallError}}<p class="field-error" id="maltall-error">{{maltallError}}</p>{{/maltallError}}</div>
    <div><label for="maltall_ovre">Øvre grense (bare for målområde)</label><input type="text" id="maltall_ovre" name="maltall_ovre" value="{{maltall_ovre}}" inputmode="decimal"{{#maltall_ovreError}} aria-invalid="true" aria-describedby="maltall_ovre-error"{{/maltall_ovreError}}>{{#maltall_ovreError}}<p class="field-error" id="maltall_ovre-error">{{maltall_ovreError}}</p>{{/maltall_ovreError}}</div>
    <div><label for="desimaler">Desimaler som vises</label><input type="text" id="desimaler" name="desimaler" value="{{desimaler}}" inputmode="numeric"{{#desimalerError}} aria-invalid="true" aria-describedby="desimaler-error"{{/desimalerError}}>{{#desimalerError}}<p class="field-error" id="desimaler-error">{{desimalerError}}</p>{{/desimalerError}}</div>
    <div><label for="gul">Toleranse for gul (ugunstig avvik opp til dette er grønt)</label><input type="text" id="gul" name="gul" value="{{gul}}" inputmode="decimal"{{#gulError}} aria-invalid="true" aria-describedby="gul-error"{{/gulError}}>{{#gulError}}<p class="field-error" id="gul-error">{{gulError}}</p>{{/gulError}}</div>
    <div><label for="rod">Toleranse for rød (ugunstig avvik over dette er rødt)</label><input type="text" id="rod" name="rod" value="{{rod}}" inputmode="decimal"{{#rodError}} aria-invalid="true" aria-describedby="rod-error"{{/rodError}}>{{#rodError}}<p class="field-error" id="rod-error">{{rodError}}</p>{{/rodError}}</div>
    <div><label for="malomrade">Målområde</label><input type="text" id="malomrade" name="malomrade" value="{{malomrade}}" list="malomrader" maxlength="300"{{#malomradeError}} aria-invalid="true" aria-describedby="malomrade-error"{{/malomradeError}}><datalist id="malomrader">{{#goalAreas}}<option value="{{name}}"></option>{{/goalAreas}}</datalist>{{#malomradeError}}<p class="field-error" id="malomrade-error">{{malomradeError}}</p>{{/malomradeError}}</div>
    <div><label for="fotnoter">Fotnoter (én per linje)</label><textarea id="fotnoter" name="fotnoter" maxlength="4000">{{fotnoter}}</textarea></div>
    <button class="button" type="submit">Lagre</button>
    </form>
    """

    static let budget = """
    <p class="kicker">{{organisationName}}</p>
    <h1>Budsjett og regnskap {{year}}</h1>
    <p>{{chapterTitle}}. Regulert budsjett er Dok. 3 pluss budsjettreguleringene; alle summer og avvik er beregnet.</p>
    <h2>Budsjettreguleringer</h2>
    {{#hasRevisions}}
    <p>Sorter etter: {{#sortLinks}}{{#current}}<strong aria-current="true">{{label}}</strong> {{/current}}{{^current}}<a href="{{url}}">{{label}}</a> {{/current}}{{/sortLinks}}</p>
    <div class="table-scroll">
    <table class="figures">
    <caption>Budsjettreguleringer {{year}}</caption>
    <thead><tr><th scope="col">Referanse</th><th scope="col">Drift/investering</th><th scope="col">Vedtatt</th><th scope="col" class="num">Netto endring (kr)</th><th scope="col">Per artsgruppe</th><th scope="col">Begrunnelse</th></tr></thead>
    <tbody>{{#revisions}}<tr><th scope="row">{{reference}}</th><td>{{kind}}</td><td>{{decidedOn}}</td><td class="num">{{amount}}</td><td>{{lines}}</td><td>{{reason}}</td></tr>{{/revisions}}</tbody>
    </table>
    </div>
    {{/hasRevisions}}
    {{^hasRevisions}}<p>Det er ikke registrert budsjettreguleringer for {{year}}.</p>{{/hasRevisions}}
    <h2>Regnskap mot budsjett</h2>
    {{> budget-tables}}
    """

    static let missionDiff = """
    <p class="kicker">{{organisationName}}</p>
    <h1>Endringer i samfunnsoppdraget fra versjon {{from}} til {{to}}</h1>
    {{#hasChanges}}
    <p>Fjernet tekst er merket «Fjernet», ny tekst «Lagt til». Uendrede deler er ikke vist.</p>
    {{#parts}}<section class="diff"><h2>{{title}}</h2>{{#lines}}<p class="diff-{{kind}}">{{#isAdded}}<ins><span class="diff-marker">Lagt til: </span>{{text}}</ins>{{/isAdded}}{{#isRemoved}}<del><span class="diff-marker">Fjernet: </span>{{text}}</del>{{/isRemoved}}{{#isSame}}{{text}}{{/isSame}}</p>{{/lines}}</section>{{/parts}}
    {{/hasChanges}}
    {{^hasChanges}}<p>Versjon {{from}} og {{to}} er like.</p>{{/hasChanges}}
    """

    static let accessibility = """
    <h1>Tilgjengelighetserklæring for Styr</h1>
    <p>Styr skal kunne brukes av alle, og skal oppfylle kravene i forskrift om universell utforming av IKT-løsninger: WCAG 2.1 nivå A og AA. Denne erklæringen gjelder nettsidene i Styr og rapportene Styr lager som HTML.</p>
    <h2>Slik er Styr laget</h2>
    <ul>
    <li>Sidene er laget med semantisk HTML og fungerer uten JavaScript.</li>
    <li>Alle skjemafelt har ledetekst, og feil vises som tekst ved feltet og i en oppsummering øverst, med lenke til feltet.</li>
    <li>Tabeller har tittel (caption) og overskriftsceller; tall er høyrejustert.</li>
    <li>Status for resultatindikatorer vises alltid som tekst (Grønn, Gul, Rød, Ikke målt), ikke bare med farge.</li>
    <li>Det er en lenke for å hoppe til innholdet, synlig fokusmarkering, og fargekontrast på minst 4,5:1.</li>
    <li>Sidene kan forstørres til 400 % uten at innhold forsvinner; brede tabeller kan rulles sidelengs.</li>
    </ul>
    <h2>Slik tester vi</h2>
    <p>Hver sidetype testes automatisk med axe-core i en ekte nettleser (Chromium) ved hver endring av koden, for flere roller. Testene krever null brudd. Vi tester også med tastatur.</p>
    <h2>Kjente mangler</h2>
    <ul>
    <li>Automatiske tester finner ikke alle brudd; manuell testing med skjermleser er ikke gjennomført ennå.</li>
    <li>PDF-utgaver av rapportene er ikke laget ennå; bruk HTML-utgaven, som kan skrives ut.</li>
    </ul>
    <h2>Tilbakemelding og tilsyn</h2>
    <p>Opplever du problemer med tilgjengeligheten, ta kontakt med virksomheten som drifter Styr for deg. Du kan også klage til Tilsynet for universell utforming av ikt (uutilsynet.no).</p>
    <p class="note">Erklæringen ble sist oppdatert 22.11.2026.</p>
    """

    static let error = """
    <h1>{{heading}}</h1>
    <p>{{message}}</p>
    <p><a href="/">Til forsiden</a></p>
    """
}
