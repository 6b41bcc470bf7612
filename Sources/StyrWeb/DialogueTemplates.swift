/// Templates of the governance dialogue pages (letters, meetings, signals, notices, calendar, log).
extension PageTemplates {
    static let dialogue: [String: String] = [
        "form": form, "dialogue": hub, "letter": letter, "meetings": meetings, "meeting": meeting, "signals": signals,
        "notices": notices, "notice": notice, "calendar": calendar, "governance-log": governanceLog, "feed": feed,
    ]

    static let form = """
    <p class="kicker">{{kicker}}</p>
    <h1>{{heading}}</h1>
    {{#intro}}<p>{{intro}}</p>{{/intro}}
    {{#hasErrors}}<div class="error-summary" role="alert"><h2>{{errorHeading}}</h2><ul>{{#errors}}<li><a href="#{{field}}">{{message}}</a></li>{{/errors}}</ul></div>{{/hasErrors}}
    <form class="stacked" method="post" action="{{action}}" novalidate>
    <input type="hidden" name="_csrf" value="{{csrfToken}}">
    {{#fields}}
    <div>
    {{#isCheckboxes}}<fieldset id="{{id}}"><legend>{{label}}</legend>{{#boxes}}<label class="check"><input type="checkbox" name="{{boxName}}" value="ja"{{#checked}} checked{{/checked}}> {{boxLabel}}</label>{{/boxes}}</fieldset>{{/isCheckboxes}}
    {{^isCheckboxes}}<label for="{{id}}">{{label}}</label>{{/isCheckboxes}}
    {{#isText}}<input type="text" id="{{id}}" name="{{name}}" value="{{value}}"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}{{#error}} aria-invalid="true"{{/error}}>{{/isText}}
    {{#isDate}}<input type="date" id="{{id}}" name="{{name}}" value="{{value}}"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}{{#error}} aria-invalid="true"{{/error}}>{{/isDate}}
    {{#isDateTime}}<input type="datetime-local" id="{{id}}" name="{{name}}" value="{{value}}"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}{{#error}} aria-invalid="true"{{/error}}>{{/isDateTime}}
    {{#isTextarea}}<textarea id="{{id}}" name="{{name}}" maxlength="20000"{{#hasRows}} rows="{{rows}}"{{/hasRows}}{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}{{#error}} aria-invalid="true"{{/error}}>{{value}}</textarea>{{/isTextarea}}
    {{#isSelect}}<select id="{{id}}" name="{{name}}"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}{{#error}} aria-invalid="true"{{/error}}>{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>{{/isSelect}}
    {{#hint}}<p class="hint" id="{{id}}-hint">{{hint}}</p>{{/hint}}
    {{#error}}<p class="field-error" id="{{id}}-error">{{error}}</p>{{/error}}
    </div>
    {{/fields}}
    <p><button class="button" type="submit">{{submitLabel}}</button>{{#cancelURL}} <a href="{{cancelURL}}">Avbryt</a>{{/cancelURL}}</p>
    </form>
    """

    static let hub = """
    <p class="kicker">{{organisationName}}</p>
    <h1>Styringsdialogen</h1>
    {{#saved}}<p class="notice" role="status">{{saved}}</p>{{/saved}}
    {{#hasUnconfirmed}}<section aria-labelledby="ubekreftede" class="warning-box"><h2 id="ubekreftede">Ubekreftede styringssignaler</h2><p>Signaler gitt utenfor den formelle styringsdialogen må bekreftes skriftlig i et godkjent referat fra etatsstyringsmøte eller i et tildelingsbrev.</p><ul>{{#unconfirmed}}<li><a href="{{url}}">{{text}}</a> – ubekreftet i {{age}} dager</li>{{/unconfirmed}}</ul></section>{{/hasUnconfirmed}}
    {{#agencies}}
    <section class="agency-dialogue"><h2>{{name}}</h2>
    <ul>
    {{#letters}}<li><a href="{{url}}">{{label}}</a></li>{{/letters}}
    {{^letters}}<li>Ingen tildelingsbrev ennå.</li>{{/letters}}
    <li><a href="{{meetingsURL}}">Møter og referater</a> ({{meetingCount}})</li>
    <li><a href="{{signalsURL}}">Styringssignaler</a> ({{signalCount}}, {{unconfirmedCount}} ubekreftet)</li>
    <li><a href="{{noticesURL}}">Meldinger fra etaten</a> ({{noticeCount}}, {{awaitingCount}} venter på svar)</li>
    <li><a href="{{calendarURL}}">Årshjul</a></li>
    <li><a href="{{logURL}}">Styringslogg</a></li>
    </ul>
    {{#canSteer}}<form method="post" action="{{newLetterURL}}" class="inline"><input type="hidden" name="_csrf" value="{{csrfToken}}"><input type="hidden" name="grunnlag" value="forrige"><button type="submit">Lag utkast til tildelingsbrev {{nextYear}}</button></form>{{/canSteer}}
    </section>
    {{/agencies}}
    {{^agencies}}<p>Styringsdialogen føres med etatene. {{organisationName}} har ingen etater under seg.</p>{{/agencies}}
    {{#isDepartment}}<p><a href="{{calendarURL}}">Årshjul for alle etatene</a> · <a href="{{logURL}}">Styringslogg for alle etatene</a></p>{{/isDepartment}}
    """

    static let letter = """
    <article class="letter">
    <p class="kicker">{{issuer}} · {{organisationName}}</p>
    <h1>{{title}}</h1>
    {{#saved}}<p class="notice" role="status">{{saved}}</p>{{/saved}}
    {{#isDraft}}<p class="warning-box"><strong>Utkast.</strong> Brevet er ikke utstedt og gjelder ikke ennå.</p>{{/isDraft}}
    {{^isDraft}}<p>Utstedt {{issuedOn}}. Viser brevet slik det gjaldt {{inForceOn}}{{#hasSupplements}}, med {{supplementCount}} supplerende tildelingsbrev{{/hasSupplements}}.</p>
    <form method="get" action="{{url}}" class="filters no-print"><label for="dato">Vis brevet slik det gjaldt</label><input type="date" id="dato" name="dato" value="{{inForceOnISO}}"><button type="submit">Vis</button></form>{{/isDraft}}
    {{#hasLater}}<p class="no-print">Senere supplerende brev: {{#later}}<a href="{{url}}">{{label}}</a> {{/later}}</p>{{/hasLater}}
    {{#canSteer}}<ul class="actions no-print">{{#isDraft}}<li><a href="{{editURL}}">Rediger utkastet</a></li><li><form method="post" action="{{issueURL}}" class="inline"><input type="hidden" name="_csrf" value="{{csrfToken}}"><label for="utstedt">Utstedes</label> <input type="date" id="utstedt" name="dato" value="{{todayISO}}"> <button type="submit">Utsted brevet</button></form></li>{{/isDraft}}{{^isDraft}}<li><a href="{{supplementURL}}">Nytt supplerende tildelingsbrev</a></li>{{/isDraft}}</ul>{{/canSteer}}
    {{#hasIntroduction}}{{#introduction}}<p>{{.}}</p>{{/introduction}}{{/hasIntroduction}}
    <h2 id="ramme">1. Budsjettramme</h2>
    {{#hasFrames}}<div class="table-scroll"><table class="figures"><caption>Budsjettramme fra bystyrets budsjettvedtak (kroner)</caption>
    <thead><tr><th scope="col">Kapittel</th><th scope="col" class="num">Sum utgifter</th><th scope="col" class="num">Sum inntekter</th><th scope="col" class="num">Netto</th></tr></thead>
    <tbody>{{#frames}}<tr><th scope="row">Kap. {{chapter}}</th><td class="num">{{expenses}}</td><td class="num">{{revenues}}</td><td class="num">{{net}}</td></tr>{{/frames}}</tbody></table></div>{{/hasFrames}}
    {{^hasFrames}}<p>Brevet angir ingen budsjettramme.</p>{{/hasFrames}}
    <h2 id="mal">2. Mål og resultatindikatorer</h2>
    {{#hasGoals}}<p>Målområder i Sak 1 for {{year}}:</p><ol>{{#goals}}<li>{{.}}</li>{{/goals}}</ol>{{/hasGoals}}
    {{^hasGoals}}<p>Ingen målområder er registrert for {{year}}.</p>{{/hasGoals}}
    {{#hasIndicators}}<div class="table-scroll"><table class="figures"><caption>Resultatindikatorer med måltall for {{year}}</caption>
    <thead><tr><th scope="col">Resultatindikator</th><th scope="col" class="num">Måltall {{year}}</th></tr></thead>
    <tbody>{{#indicators}}<tr><th scope="row">{{name}}</th><td class="num">{{target}}</td></tr>{{/indicators}}</tbody></table></div>{{/hasIndicators}}
    {{^hasIndicators}}<p>Ingen resultatindikatorer har måltall for {{year}}.</p>{{/hasIndicators}}
    <h2 id="forventninger">3. Forventninger</h2>
    {{#hasExpectations}}<ul>{{#expectations}}<li>{{text}}</li>{{/expectations}}</ul>{{/hasExpectations}}
    {{^hasExpectations}}<p>Ingen særskilte forventninger.</p>{{/hasExpectations}}
    <h2 id="oppdrag">4. Særskilte oppdrag</h2>
    {{#hasAssignments}}{{#assignments}}<section id="oppdrag-{{key}}" class="assignment"><h3>{{title}}</h3><p>{{description}}</p>
    <p>Frist: <strong>{{deadline}}</strong>. Rapporteres: {{reporting}}. Status: <strong>{{status}}</strong>.</p>
    {{#hasUpdates}}<ul class="updates">{{#updates}}<li>{{date}}: {{status}} – {{comment}}</li>{{/updates}}</ul>{{/hasUpdates}}
    {{#canInform}}<details class="no-print"><summary>Rapporter status<span class="visually-hidden"> for {{title}}</span></summary>
    <form class="stacked" method="post" action="{{statusURL}}"><input type="hidden" name="_csrf" value="{{csrfToken}}">
    <div><label for="status-{{key}}">Status</label><select id="status-{{key}}" name="status">{{#statusOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statusOptions}}</select></div>
    <div><label for="dato-{{key}}">Dato</label><input type="date" id="dato-{{key}}" name="dato" value="{{todayISO}}"></div>
    <div><label for="kommentar-{{key}}">Kommentar</label><textarea id="kommentar-{{key}}" name="kommentar" maxlength="4000"></textarea></div>
    <button class="button" type="submit">Lagre status</button></form></details>{{/canInform}}
    </section>{{/assignments}}{{/hasAssignments}}
    {{^hasAssignments}}<p>Ingen særskilte oppdrag.</p>{{/hasAssignments}}
    <h2 id="moteplan">5. Møteplan</h2>
    {{#hasMeetings}}<ul>{{#meetingPlan}}<li>{{date}}: {{title}} ({{kind}})</li>{{/meetingPlan}}</ul>{{/hasMeetings}}
    {{^hasMeetings}}<p>Ingen møter er planlagt i brevet.</p>{{/hasMeetings}}
    <h2 id="rapportering">6. Rapportering</h2>
    {{#hasRequirements}}<div class="table-scroll"><table class="figures"><caption>Rapporteringskrav</caption>
    <thead><tr><th scope="col">Rapport</th><th scope="col">Periode</th><th scope="col">Frist</th></tr></thead>
    <tbody>{{#requirements}}<tr><th scope="row">{{report}}</th><td>{{period}}</td><td>{{due}}</td></tr>{{/requirements}}</tbody></table></div>{{/hasRequirements}}
    {{^hasRequirements}}<p>Ingen rapporteringskrav.</p>{{/hasRequirements}}
    {{#hasSupplements}}<h2 id="supplerende">Supplerende tildelingsbrev</h2>
    {{#supplements}}<section><h3>{{label}}: {{title}}</h3><p>Utstedt {{issuedOn}}.</p>{{#hasIntroduction}}<p>{{introduction}}</p>{{/hasIntroduction}}<p>Endringer:</p><ul>{{#changes}}<li>{{.}}</li>{{/changes}}</ul></section>{{/supplements}}{{/hasSupplements}}
    <p class="no-print"><a href="{{historyURL}}">Historikk for brevet</a></p>
    </article>
    """

    static let meetings = """
    <p class="kicker">{{organisationName}}</p>
    <h1>Møter og referater</h1>
    {{#saved}}<p class="notice" role="status">{{saved}}</p>{{/saved}}
    {{#canSteer}}<p><a href="{{newURL}}">Nytt møte</a></p>{{/canSteer}}
    {{#hasMeetings}}<div class="table-scroll"><table class="figures"><caption>Møter med {{organisationName}}, nyeste først</caption>
    <thead><tr><th scope="col">Dato</th><th scope="col">Møte</th><th scope="col">Type</th><th scope="col">Referat</th><th scope="col" class="num">Beslutninger</th><th scope="col" class="num">Oppfølgingspunkter</th></tr></thead>
    <tbody>{{#meetings}}<tr><td>{{date}}</td><th scope="row"><a href="{{url}}">{{title}}</a></th><td>{{kind}}</td><td>{{status}}</td><td class="num">{{decisions}}</td><td class="num">{{actions}}</td></tr>{{/meetings}}</tbody></table></div>{{/hasMeetings}}
    {{^hasMeetings}}<p>Ingen møter er registrert ennå.</p>{{/hasMeetings}}
    """

    static let meeting = """
    <p class="kicker">{{organisationName}} · {{kind}}</p>
    <h1>{{title}}</h1>
    {{#saved}}<p class="notice" role="status">{{saved}}</p>{{/saved}}
    {{#hasError}}<div class="error-summary" role="alert"><p>{{error}}</p></div>{{/hasError}}
    {{#isInformal}}<p class="warning-box">Dette er et uformelt møte. Det skal ikke gis styringssignaler i den uformelle dialogen; et signal som likevel ble gitt, skal registreres og bekreftes skriftlig i etterkant.</p>{{/isInformal}}
    <dl class="facts"><dt>Dato</dt><dd>{{date}}</dd><dt>Ledes av</dt><dd>{{chairedBy}}</dd><dt>Referat</dt><dd>{{status}}</dd>{{#departmentApproval}}<dt>Godkjent av byrådsavdelingen</dt><dd>{{.}}</dd>{{/departmentApproval}}{{#agencyApproval}}<dt>Godkjent av etaten</dt><dd>{{.}}</dd>{{/agencyApproval}}</dl>
    <ul class="actions">{{#canEdit}}<li><a href="{{editURL}}">Rediger møte og referat</a></li>{{/canEdit}}{{#canRecordSignal}}<li><a href="{{signalURL}}">Registrer styringssignal gitt i møtet</a></li>{{/canRecordSignal}}
    {{#canApproveDepartment}}<li><form method="post" action="{{approveURL}}" class="inline"><input type="hidden" name="_csrf" value="{{csrfToken}}"><input type="hidden" name="side" value="department"><button type="submit">Godkjenn referatet for byrådsavdelingen</button></form></li>{{/canApproveDepartment}}
    {{#canApproveAgency}}<li><form method="post" action="{{approveURL}}" class="inline"><input type="hidden" name="_csrf" value="{{csrfToken}}"><input type="hidden" name="side" value="agency"><button type="submit">Godkjenn referatet for etaten</button></form></li>{{/canApproveAgency}}</ul>
    <h2>Deltakere</h2>{{#hasParticipants}}<ul>{{#participants}}<li>{{.}}</li>{{/participants}}</ul>{{/hasParticipants}}{{^hasParticipants}}<p>Ikke registrert.</p>{{/hasParticipants}}
    <h2>Tema</h2>{{#hasTopics}}<ul>{{#topics}}<li>{{.}}</li>{{/topics}}</ul>{{/hasTopics}}{{^hasTopics}}<p>Ikke registrert.</p>{{/hasTopics}}
    <h2>Dagsorden</h2>{{#hasAgenda}}<ol>{{#agenda}}<li>{{.}}</li>{{/agenda}}</ol>{{/hasAgenda}}{{^hasAgenda}}<p>Ikke registrert.</p>{{/hasAgenda}}
    <h2>Referat</h2>{{#hasMinutes}}{{#minutes}}<p>{{.}}</p>{{/minutes}}{{/hasMinutes}}{{^hasMinutes}}<p>Referatet er ikke skrevet ennå.</p>{{/hasMinutes}}
    {{#hasItems}}<div class="table-scroll"><table class="figures"><caption>Beslutninger og oppfølgingspunkter</caption>
    <thead><tr><th scope="col" class="num">Nr.</th><th scope="col">Type</th><th scope="col">Tekst</th><th scope="col">Ansvarlig</th><th scope="col">Frist</th><th scope="col">Status</th></tr></thead>
    <tbody>{{#items}}<tr id="punkt-{{number}}"><td class="num">{{number}}</td><td>{{kind}}</td><td>{{text}}</td><td>{{owner}}</td><td>{{deadline}}</td><td>{{status}}</td></tr>{{/items}}</tbody></table></div>{{/hasItems}}
    {{#hasSignals}}<h2>Styringssignaler gitt i møtet</h2><ul>{{#signals}}<li><a href="{{url}}">{{text}}</a> – {{status}}</li>{{/signals}}</ul>{{/hasSignals}}
    <p><a href="{{historyURL}}">Historikk for møtet</a></p>
    """

    static let signals = """
    <p class="kicker">{{organisationName}}</p>
    <h1>Styringssignaler</h1>
    {{#saved}}<p class="notice" role="status">{{saved}}</p>{{/saved}}
    <p>Et styringssignal som er gitt utenfor den formelle styringsdialogen, står som ubekreftet til det er bekreftet skriftlig i et godkjent referat fra et etatsstyringsmøte eller i et tildelingsbrev.</p>
    {{#canSteer}}<p><a href="{{newURL}}">Registrer styringssignal</a></p>{{/canSteer}}
    {{#hasSignals}}<div class="table-scroll"><table class="figures"><caption>Styringssignaler til {{organisationName}}</caption>
    <thead><tr><th scope="col">Gitt</th><th scope="col">Signal</th><th scope="col">Gitt av, hvor</th><th scope="col">Status</th><th scope="col">Handlinger</th></tr></thead>
    <tbody>{{#signals}}<tr id="signal-{{id}}"><td>{{date}}</td><th scope="row">{{text}}</th><td>{{givenBy}}, {{place}}</td><td>{{#unconfirmed}}<span class="status status-red">Ubekreftet i {{age}} dager</span>{{/unconfirmed}}{{^unconfirmed}}<span class="status status-green">Bekreftet {{confirmedOn}}</span> ({{confirmation}}){{/unconfirmed}}</td><td>{{#canConfirm}}<a href="{{confirmURL}}">Bekreft skriftlig<span class="visually-hidden">: {{text}}</span></a> · {{/canConfirm}}<a href="{{historyURL}}">Historikk<span class="visually-hidden"> for {{text}}</span></a></td></tr>{{/signals}}</tbody></table></div>{{/hasSignals}}
    {{^hasSignals}}<p>Ingen styringssignaler er registrert.</p>{{/hasSignals}}
    """

    static let notices = """
    <p class="kicker">{{organisationName}}</p>
    <h1>Meldinger fra etaten</h1>
    {{#saved}}<p class="notice" role="status">{{saved}}</p>{{/saved}}
    <p>Etatens informasjonsplikt: avklaringsbehov, vesentlige avvik, forslag til forbedringer, alvorlige hendelser (varsles umiddelbart, senest {{limit}} etter at de er oppdaget) og risikobildet.</p>
    {{#canInform}}<p>Ny melding: {{#kinds}}<a href="{{url}}">{{label}}</a> · {{/kinds}}</p>{{/canInform}}
    {{#hasNotices}}<div class="table-scroll"><table class="figures"><caption>Meldinger fra {{organisationName}}, nyeste først</caption>
    <thead><tr><th scope="col">Sendt</th><th scope="col">Type</th><th scope="col">Tittel</th><th scope="col">Status</th><th scope="col">Tid til varsel</th></tr></thead>
    <tbody>{{#notices}}<tr><td>{{submittedAt}}</td><td>{{kind}}</td><th scope="row"><a href="{{url}}">{{title}}</a></th><td>{{status}}</td><td>{{#timing}}{{#late}}<span class="status status-red">{{timing}} – for sent</span>{{/late}}{{^late}}<span class="status status-green">{{timing}}</span>{{/late}}{{/timing}}</td></tr>{{/notices}}</tbody></table></div>{{/hasNotices}}
    {{^hasNotices}}<p>Ingen meldinger ennå.</p>{{/hasNotices}}
    """

    static let notice = """
    <p class="kicker">{{organisationName}} · {{kind}}</p>
    <h1>{{title}}</h1>
    {{#saved}}<p class="notice" role="status">{{saved}}</p>{{/saved}}
    {{#late}}<p class="warning-box"><strong>Varslet for sent:</strong> {{timing}} fra hendelsen ble oppdaget til byrådsavdelingen ble varslet (grense {{limit}}).</p>{{/late}}
    <dl class="facts"><dt>Status</dt><dd>{{status}}</dd><dt>Skrevet av</dt><dd>{{createdBy}}, {{createdAt}}</dd>{{#submittedAt}}<dt>Sendt</dt><dd>{{submittedAt}}</dd>{{/submittedAt}}{{#fields}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/fields}}</dl>
    {{#isDraft}}{{#canInform}}<ul class="actions"><li><a href="{{editURL}}">Rediger utkastet</a></li><li><form method="post" action="{{submitURL}}" class="inline"><input type="hidden" name="_csrf" value="{{csrfToken}}"><button type="submit">Send til byrådsavdelingen</button></form></li></ul>{{/canInform}}{{/isDraft}}
    {{#answer}}<h2>Svar fra byrådsavdelingen</h2><p>{{text}}</p><p class="hint">{{by}}, {{at}}</p>{{/answer}}
    {{#canAnswer}}<h2>Svar</h2>{{#hasError}}<div class="error-summary" role="alert"><p>{{error}}</p></div>{{/hasError}}<form class="stacked" method="post" action="{{answerURL}}"><input type="hidden" name="_csrf" value="{{csrfToken}}"><div><label for="svar">Svar til etaten</label><textarea id="svar" name="svar" maxlength="8000"{{#hasError}} aria-invalid="true"{{/hasError}}></textarea></div><button class="button" type="submit">Send svar</button></form>{{/canAnswer}}
    <p><a href="{{historyURL}}">Historikk for meldingen</a></p>
    """

    static let calendar = """
    <p class="kicker">{{organisationName}}</p>
    <h1>Årshjul {{year}}</h1>
    <form method="get" action="{{url}}" class="filters"><label for="ar">År</label><input type="text" inputmode="numeric" id="ar" name="ar" value="{{year}}" size="6"><label for="dager">Frister de neste</label><input type="text" inputmode="numeric" id="dager" name="dager" value="{{days}}" size="4"> dager <button type="submit">Vis</button></form>
    <section aria-labelledby="snart"><h2 id="snart">Frister og møter de neste {{days}} dagene (fra {{today}})</h2>
    {{#hasDue}}<ul>{{#due}}<li>{{date}}: <a href="{{url}}">{{title}}</a> ({{kind}})</li>{{/due}}</ul>{{/hasDue}}{{^hasDue}}<p>Ingenting forfaller de neste {{days}} dagene.</p>{{/hasDue}}</section>
    <p><a href="/kalender">Abonner på årshjulet i kalenderen din</a></p>
    {{#hasMonths}}{{#months}}<section><h2>{{name}}</h2><ul>{{#entries}}<li>{{date}}: <a href="{{url}}">{{title}}</a> <span class="hint">({{kind}})</span></li>{{/entries}}</ul></section>{{/months}}{{/hasMonths}}
    {{^hasMonths}}<p>Ingen datoer i årshjulet for {{year}}.</p>{{/hasMonths}}
    """

    static let governanceLog = """
    <p class="kicker">{{organisationName}}</p>
    <h1>Styringslogg</h1>
    <form method="get" action="{{url}}" class="filters"><label for="fra">Fra</label><input type="date" id="fra" name="fra" value="{{fromISO}}"><label for="til">Til</label><input type="date" id="til" name="til" value="{{toISO}}"><button type="submit">Vis</button></form>
    {{#hasError}}<div class="error-summary" role="alert"><p>{{error}}</p></div>{{/hasError}}
    <p>Periode {{from}}–{{to}}: {{count}} hendelser, {{flagged}} flagget. Last ned: <a href="{{csvURL}}">CSV</a> · <a href="{{jsonURL}}">JSON</a></p>
    {{#hasEntries}}<div class="table-scroll"><table class="figures"><caption>Styringslogg {{from}}–{{to}}</caption>
    <thead><tr><th scope="col">Dato</th><th scope="col">Type</th><th scope="col">Hva</th><th scope="col">Status</th><th scope="col">Detaljer</th></tr></thead>
    <tbody>{{#entries}}<tr{{#flagged}} class="flagged"{{/flagged}}><td>{{date}}</td><td>{{kind}}</td><th scope="row"><a href="{{url}}">{{title}}</a></th><td>{{#flagged}}<span class="status status-red">{{status}}</span>{{/flagged}}{{^flagged}}{{status}}{{/flagged}}</td><td>{{detail}}</td></tr>{{/entries}}</tbody></table></div>{{/hasEntries}}
    {{^hasEntries}}<p>Ingenting er registrert i perioden.</p>{{/hasEntries}}
    """

    static let feed = """
    <h1>Årshjulet i kalenderen din</h1>
    {{#newURL}}<div class="notice" role="status"><p>Ny adresse til kalenderen din. Kopier den nå; den vises bare denne ene gangen:</p><p><code class="feed-url">{{newURL}}</code></p></div>{{/newURL}}
    <p>Kalenderstrømmen (iCalendar) har alle datoer i årshjulene du har tilgang til: møter, rapporteringsfrister, frister for oppdrag og oppfølgingspunkter, og tildelingsbrev. Legg adressen inn som abonnement i Outlook, Google Kalender eller Apple Kalender.</p>
    <p>Adressen inneholder en hemmelig nøkkel. Den som har adressen, kan lese kalenderen uten å logge inn. Forny nøkkelen hvis adressen er kommet på avveie; den gamle adressen slutter da å virke.</p>
    {{#hasToken}}<p>Nøkkelen din ble laget {{createdAt}}.</p>{{/hasToken}}{{^hasToken}}<p>Du har ingen kalenderadresse ennå.</p>{{/hasToken}}
    <form method="post" action="/kalender/forny"><input type="hidden" name="_csrf" value="{{csrfToken}}"><button class="button" type="submit">{{#hasToken}}Forny nøkkelen{{/hasToken}}{{^hasToken}}Lag kalenderadresse{{/hasToken}}</button></form>
    """
}

/// Templates of the accounts pages (ledger totals and lines).
extension PageTemplates {
    static let ledger: [String: String] = ["ledger": ledgerTotals, "ledger-lines": ledgerLines]

    static let ledgerTotals = """
    <p class="kicker">{{organisationName}}</p>
    <h1>Regnskap {{year}}: linjer etter dimensjon</h1>
    {{#saved}}<p class="notice" role="status">{{saved}}</p>{{/saved}}
    <p>{{#canImport}}<a href="{{importURL}}">Importer en fil</a> · {{/canImport}}<a href="{{reportURL}}">Regnskapsrapport med prognose</a></p>
    <form method="get" action="{{url}}" class="filters">
    {{#hiddenFilters}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hiddenFilters}}
    <label for="maal">Tall</label><select id="maal" name="maal">{{#measures}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/measures}}</select>
    <label for="rad">Rader</label><select id="rad" name="rad">{{#dimensions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/dimensions}}</select>
    <label class="check"><input type="checkbox" name="kolonne" value="month"{{#byMonth}} checked{{/byMonth}}> Per periode</label>
    <button type="submit">Vis</button>
    </form>
    {{#hasFilters}}<p>Utvalg: {{#filters}}<span class="chip">{{label}} <a href="{{removeURL}}">fjern<span class="visually-hidden"> {{label}}</span></a></span> {{/filters}}</p>{{/hasFilters}}
    {{#hasRows}}
    <p>{{measureName}}: {{grandTotal}} kr på {{lineCount}} linjer. <a href="{{grandTotalURL}}">Se linjene</a>. Klikk et beløp for linjene bak det, eller en rad for å dele den videre opp.</p>
    <div class="table-scroll"><table class="figures">
    <caption>{{measureName}} {{year}} etter {{rowName}} (kroner)</caption>
    <thead><tr><th scope="col">{{rowName}}</th>{{#byMonth}}{{#months}}<th scope="col" class="num">{{.}}</th>{{/months}}{{/byMonth}}<th scope="col" class="num">Sum</th><th scope="col" class="num">Linjer</th></tr></thead>
    <tbody>{{#rows}}<tr><th scope="row"><a href="{{filterURL}}">{{label}}</a></th>{{#cells}}<td class="num">{{#hasURL}}<a href="{{url}}">{{amount}}</a>{{/hasURL}}{{^hasURL}}{{amount}}{{/hasURL}}</td>{{/cells}}<td class="num"><a href="{{totalURL}}">{{total}}</a></td><td class="num">{{lines}}</td></tr>{{/rows}}</tbody>
    </table></div>
    {{/hasRows}}
    {{^hasRows}}<p>Ingen linjer i dette utvalget. Regnskap og budsjett importeres fra filer med <code>styr import ledger</code>.</p>{{/hasRows}}
    <h2>Importer</h2>
    {{#hasImports}}<div class="table-scroll"><table class="figures"><caption>Importerte filer {{year}}</caption>
    <thead><tr><th scope="col">Fil</th><th scope="col">Format</th><th scope="col">Tall</th><th scope="col">Periode</th><th scope="col" class="num">Linjer</th><th scope="col" class="num">Kontrollsum</th><th scope="col">Importert</th></tr></thead>
    <tbody>{{#imports}}<tr><th scope="row">{{source}}</th><td>{{format}}</td><td>{{measure}}</td><td>{{period}}</td><td class="num">{{lines}}</td><td class="num">{{sum}}</td><td>{{at}} av {{by}}</td></tr>{{/imports}}</tbody></table></div>{{/hasImports}}
    {{^hasImports}}<p>Ingen filer er importert for {{year}}.</p>{{/hasImports}}
    """

    static let ledgerLines = """
    <p class="kicker">{{organisationName}} · {{measureName}} {{year}}</p>
    <h1>Linjene bak beløpet</h1>
    {{#hasFilters}}<p>Utvalg: {{#filters}}<span class="chip">{{.}}</span> {{/filters}}</p>{{/hasFilters}}
    {{#isFirstPage}}<p>Sum {{total}} kr på {{count}} linjer.</p>{{/isFirstPage}}
    {{#hasLines}}<div class="table-scroll"><table class="figures">
    <caption>Linjer i importrekkefølge</caption>
    <thead><tr><th scope="col">Periode</th><th scope="col">Ansvar</th><th scope="col">Kapittel</th><th scope="col">Kontoklasse</th><th scope="col">Art</th><th scope="col">Funksjon</th><th scope="col">Prosjekt</th><th scope="col">Fri dimensjon</th><th scope="col" class="num">Beløp (kr)</th></tr></thead>
    <tbody>{{#lines}}<tr><td>{{month}}</td><td>{{responsibility}}</td><td>{{chapter}}</td><td>{{kind}}</td><td>{{art}}</td><td>{{function}}</td><td>{{project}}</td><td>{{freeDimension}}</td><td class="num">{{amount}}</td></tr>{{/lines}}</tbody>
    </table></div>{{/hasLines}}
    {{^hasLines}}<p>Ingen linjer i dette utvalget.</p>{{/hasLines}}
    <nav aria-label="Sider" class="pagination"><p>{{#firstURL}}<a href="{{firstURL}}">Første side</a> {{/firstURL}}{{#nextURL}}<a href="{{nextURL}}" rel="next">Neste side</a>{{/nextURL}}</p></nav>
    <p><a href="{{backURL}}">Tilbake til summene</a></p>
    """
}

/// The accounting report with forecast.
extension PageTemplates {
    static let accounting: [String: String] = ["accounting-report": accountingReport]

    static let accountingReport = """
    <p class="kicker">{{organisationName}}</p>
    <h1>{{title}}</h1>
    <p>{{subtitle}}. Last ned: <a href="{{csvURL}}">CSV</a> · <a href="{{xlsxURL}}">Excel (XLSX)</a></p>
    <nav aria-label="Perioder" class="no-print"><p>Periode: {{#periods}}{{#current}}<strong aria-current="true">{{label}}</strong> {{/current}}{{^current}}<a href="{{url}}">{{label}}</a> {{/current}}{{/periods}}</p></nav>
    <p class="no-print">{{setup}}{{#canSteer}} <a href="{{groupingURL}}">Endre postinndelingen</a>{{/canSteer}}{{#canEdit}} <a href="{{profileURL}}">Endre periodiseringen</a>{{/canEdit}}{{#canSteer}} <a href="{{thresholdURL}}">Endre terskelen for forklaring</a>{{/canSteer}}</p>
    {{#saved}}<p class="notice" role="status">{{saved}}</p>{{/saved}}
    {{#hasErrors}}<div class="error-summary" role="alert"><h2>Ingenting er lagret</h2><ul>{{#errors}}<li>{{message}}</li>{{/errors}}</ul></div>{{/hasErrors}}
    {{#hasWarnings}}<ul class="warning-box">{{#warnings}}<li>{{.}}</li>{{/warnings}}</ul>{{/hasWarnings}}
    {{#hasSections}}
    <form method="post" action="{{action}}">
    <input type="hidden" name="_csrf" value="{{csrfToken}}">
    {{#sections}}
    <div class="table-scroll"><table class="figures">
    <caption>{{caption}} (kroner)</caption>
    <thead><tr><th scope="col">Post</th><th scope="col" class="num">Regulert budsjett</th><th scope="col" class="num">Budsjett hittil</th><th scope="col" class="num">Regnskap hittil</th><th scope="col" class="num">Prognose</th><th scope="col">Metode</th><th scope="col" class="num">Avvik</th><th scope="col">Forklaring</th></tr></thead>
    <tbody>
    {{#rows}}<tr{{#isSum}} class="sum"{{/isSum}}><th scope="row">{{label}}</th><td class="num">{{revised}}</td><td class="num">{{toDate}}</td><td class="num">{{#actualsURL}}<a href="{{actualsURL}}">{{actuals}}</a>{{/actualsURL}}{{^actualsURL}}{{actuals}}{{/actualsURL}}</td><td class="num">{{forecast}}</td>
    <td>{{#canEdit}}<select id="metode_{{field}}" name="metode_{{field}}" aria-label="Prognosemetode for {{label}}">{{#methods}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/methods}}</select>
    <label for="verdi_{{field}}">Manuell prognose</label><input type="text" inputmode="decimal" id="verdi_{{field}}" name="verdi_{{field}}" value="{{manualValue}}" size="12">
    <label for="kommentar_{{field}}">Begrunnelse</label><input type="text" id="kommentar_{{field}}" name="kommentar_{{field}}" value="{{manualComment}}">{{/canEdit}}{{^canEdit}}{{method}}{{/canEdit}}{{#note}}<p class="hint">{{note}}</p>{{/note}}{{#error}}<p class="field-error">{{error}}</p>{{/error}}</td>
    <td class="num">{{deviation}}</td>
    <td>{{#canEdit}}{{#field}}<textarea id="forklaring_{{field}}" name="forklaring_{{field}}" rows="2" aria-label="Forklaring for {{label}}"{{#missing}} aria-invalid="true"{{/missing}}>{{explanation}}</textarea>{{/field}}{{/canEdit}}{{^canEdit}}{{explanation}}{{/canEdit}}{{#missing}}<p class="field-error">Avviket må forklares.</p>{{/missing}}</td></tr>
    {{/rows}}
    </tbody></table></div>
    {{/sections}}
    {{#canEdit}}<p><button class="button" type="submit">Lagre prognoser og forklaringer</button></p>{{/canEdit}}
    </form>
    {{#canSubmit}}<form method="post" action="{{submitURL}}"><input type="hidden" name="_csrf" value="{{csrfToken}}">{{^canBeSubmitted}}<p>{{missingCount}} avvik mangler forklaring; rapporten kan sendes når de er forklart.</p>{{/canBeSubmitted}}<button class="button" type="submit">Send rapporten til byrådsavdelingen</button></form>{{/canSubmit}}
    <ul class="hint">{{#notes}}<li>{{.}}</li>{{/notes}}</ul>
    {{/hasSections}}
    {{^hasSections}}<p>Det er ikke noe budsjett eller regnskap for {{year}} å rapportere på ennå.</p>{{/hasSections}}
    {{#hasSubmissions}}<h2>Sendte rapporter</h2><ul>{{#submissions}}<li>{{period}}: sendt {{at}} av {{by}}</li>{{/submissions}}</ul>{{/hasSubmissions}}
    """
}

/// The upload form of ledger and budget files.
extension PageTemplates {
    static let ledgerImport: [String: String] = ["ledger-import": ledgerImportForm]

    static let ledgerImportForm = """
    <p class="kicker">{{organisationName}}</p>
    <h1>Importer regnskap eller budsjett {{year}}</h1>
    <p>Filen tas inn slik den er: KOSTRA-rapporteringsfilen, Oslo kommunes «Årsregnskap drift» (CSV) eller en eksport fra økonomisystemet. Tegnsett, skilletegn og format finnes automatisk. Enten kommer hver linje inn, eller ingen: ved feil er databasen som før.</p>
    {{#hasErrors}}<div class="error-summary" role="alert"><h2>Ingenting er importert</h2><ul>{{#errors}}<li>{{.}}</li>{{/errors}}</ul></div>{{/hasErrors}}
    {{#hasImportErrors}}<div class="error-summary" role="alert"><h2>Ingenting er importert: {{errorCount}} feil</h2>{{#omitted}}<p>De første 100 vises.</p>{{/omitted}}<ul>{{#importErrors}}<li>{{.}}</li>{{/importErrors}}</ul></div>{{/hasImportErrors}}
    <form class="stacked" method="post" action="{{action}}" enctype="multipart/form-data">
    <input type="hidden" name="_csrf" value="{{csrfToken}}">
    <div><label for="maal">Tall</label><select id="maal" name="maal">{{#measures}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/measures}}</select></div>
    <div><label for="periode">Periode</label><select id="periode" name="periode">{{#periods}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/periods}}</select></div>
    <div><label for="format">Format</label><select id="format" name="format">{{#formats}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/formats}}</select></div>
    <div><label for="profil">Importprofil</label><select id="profil" name="profil">{{#profiles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/profiles}}</select></div>
    <div><label class="check"><input type="checkbox" name="erstatt" value="ja"{{#replace}} checked{{/replace}}> Bytt ut en tidligere import av samme periode</label></div>
    <div><label for="kontoklasse">Kontoklasse</label><select id="kontoklasse" name="kontoklasse">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></div>
    <div><label class="check"><input type="checkbox" name="advarsel" value="ja"{{#codesAsWarnings}} checked{{/codesAsWarnings}}> Ta inn arter og funksjoner utenfor KOSTRA-listen, med advarsel</label></div>
    <div><label for="fil">Fil</label><input type="file" id="fil" name="fil" required></div>
    <button class="button" type="submit">Importer</button>
    </form>
    <p><a href="{{ledgerURL}}">Tilbake til regnskapet</a></p>
    """
}
