import StyrDomain

extension DemoData {
    /// UKE's mission statement as fixed by Byrådsavdeling for finans on 22.03.2024 (seed 000).
    ///
    /// Transcribed from the Norwegian source; only PDF extraction artefacts (line breaks, page breaks,
    /// doubled spaces) were repaired. Wrapped lines below use `\` line continuations, so each
    /// paragraph is a single line in the resulting string; paragraphs are separated by "\n\n".
    public static let ukeMissionStatement = MissionStatement(
        organisationCode: "UKE",
        version: 1,
        title: "UKEs samfunnsoppdrag",
        fixedOn: CalendarDate(year: 2024, month: 3, day: 22),
        fixedByCode: "FIN",
        sections: [
            MissionSection(
                number: "1",
                heading: "Innledning",
                body: """
                Dette dokumentet inneholder en beskrivelse av Utviklings- og kompetanseetatens (UKE) \
                samfunnsoppdrag, og tydeliggjør på et overordnet nivå hvordan myndighet og ansvar er fordelt \
                mellom Byrådsavdeling for finans (FIN) (og delvis Byrådslederens kontor (BLK)) og UKE. \
                Beskrivelsen omtaler også byrådsavdelingenes krav og forventninger til etatens leveranser \
                mv. samt hvordan styringsdialogen mellom FIN (BLK) og UKE skal innrettes.

                Samfunnsoppdraget skal ligge fast over flere år, og formålet med dette dokumentet er å gi \
                etaten forutsigbarhet og grunnlag for flerårig perspektiv i sin oppgaveløsning.

                Etatens samfunnsoppdrag skal ligge til grunn for utforming av etatens årlige tildelingsbrev, \
                og ved gjennomgang av rapportering fra etaten. Hvordan UKEs samfunnsoppdrag inngår i \
                styringsdialogen er fremstilt grafisk i figuren under.

                Figur 1: grafisk fremstilling av hvordan UKEs samfunnsoppdrag inngår i styringsdialogen

                Etatens samfunnsoppdrag kan revideres når rammevilkår for etaten og dens oppgave blir endret \
                som følge av bl.a.:

                - Politiske føringer og vedtak (f.eks. ny byrådsplattform) som medfører at etater blir \
                sammenslått, eller ved andre omorganiseringer som kan påvirke UKEs ansvarsområder, formål \
                eller funksjon.

                - Etaten får endret myndighet, ansvarsområder, formål eller funksjon, finansieringskilder \
                eller hovedoppgaver.

                - Det skjer endringer i regelverk, instrukser, retningslinjer mv. som setter nye rammer for \
                UKE, eller fagområder som etaten forvalter.

                - Endringer i andre etater, virksomheter i kommunen som påvirker etatens rammevilkår.

                UKEs samfunnsoppdrag ble fastsatt av Byrådsavdeling for finans 22.03.2024.
                """
            ),
            MissionSection(
                number: "2",
                heading: "Byrådsavdelingens overordnede ansvar",
                body: """
                FIN har overordnet ansvar for at

                a) Etaten gjennomfører aktiviteter i tråd med bystyrets vedtak og forutsetninger samt \
                byrådsavdelingens fastsatte mål og prioriteringer.

                b) Etaten bruker tildelte ressurser effektivt.

                c) Styringsdialogen mellom byrådsavdelingen og etaten fungerer på en hensiktsmessig måte.

                d) Etaten rapporterer relevant og pålitelig resultat- og regnskapsinformasjon.

                e) Det gjennomføres kontroll med etaten og at etaten har forsvarlig internkontroll.

                f) Evalueringer gjennomføres.

                Byrådsavdelingen skal ha kompetanse samt interne systemer og rutiner slik at underliggende \
                etat kan følges opp på forsvarlig vis. Byrådsavdelingens systemer og rutiner skal være \
                tilpasset risiko og vesentlighet.
                """
            ),
            MissionSection(
                number: "3",
                heading: "UKEs myndighet, ansvar, fullmakter og finansieringsmodell",
                body: ""
            ),
            MissionSection(
                number: "3.1",
                heading: "Formål og målgrupper",
                body: """
                UKE er kommunens interne tjenesteleverandør. Etaten skal ivareta konsernovergripende \
                utviklings-, forvaltnings- og driftsoppgaver, som støtter Oslo kommunes behov for sikre og \
                effektive fellestjenester og -løsninger mv. til virksomheter, innbyggere og næringsliv.

                UKE skal bidra til modernisering, effektivisering og digitalisering av kommunen. Etaten skal \
                ta faglige initiativ og gi faglig støtte til FIN ifm. strategisk IKT-styring, \
                digitalisering, informasjonssikkerhet og personvern i kommunen.

                Etaten har en sentral rolle i å bidra til kunnskapsbasert utvikling, innovasjon og bruk av \
                digital teknologi som understøtter god tjenesteutvikling og -produksjon i kommunen. UKE har \
                byrådsavdelingene, alle virksomheter i Oslo kommune, kommunens innbyggere, relevante \
                samfunnsaktører og næringsliv som sin målgruppe. UKE skal ha innsikt i virksomhetenes behov \
                og forventninger gjennom aktiv virksomhetsdialog. Etaten forventes å være proaktiv og \
                profesjonell i sin rolle som leverandør av systemer og tjenester til alle målgrupper.
                """
            ),
            MissionSection(
                number: "3.2",
                heading: "Roller og oppgaver",
                body: """
                Etaten har et ansvar både som leverandør av fellestjenester og -systemer, kompetansemiljø og \
                pådriver for utvikling og effektivisering i Oslo kommune.

                UKE skal oppleves som en profesjonell internleverandør som kjennetegnes ved at \
                kundehåndtering er tilpasset virksomhetenes behov på områder som tilgjengelighet, \
                informasjon, responstid, støtte og rådgivning innen etatens tjenesteområder.

                UKE skal påse at fellestjenestene til enhver tid er sikre og stabile, og at disse forvaltes \
                og utvikles i tråd med gjeldende, ev. også nye, rammebetingelser som måtte følge av lov, \
                forskrift, instruks, rammeverk, rapporteringskrav mv.

                UKE skal legge til rette for at alle virksomheter kan ta i bruk kommunens fellestjenester, \
                og sørge for at forvaltning og videreutvikling av disse skjer med fokus på brukerbehov og på \
                en koordinert og samordnet måte.

                UKEs samlede tjenester og systemer skal fortløpende leveres med riktig og avtalt og \
                kvalitet, og reguleres med oppdaterte tjenestebeskrivelser forankret i etatens \
                tjenestekatalog.

                Gjennom sitt operative sikkerhetsmiljø skal UKE ha oversikt over sikkerhetstilstanden i \
                felles IKT-plattform, og skal kunne respondere på sikkerhetshendelser knyttet til denne. \
                Dette inkluderer å kunne foreta nødvendige inngrep på felles IKT-plattform for å håndtere en \
                alvorlig sikkerhetshendelse.

                Innen UKEs ansvarsområder ligger bl.a. følgende overordnede kjerneoppgaver:
                """
            ),
            MissionSection(
                number: "3.3",
                heading: "UKEs fullmakter",
                body: """
                Utover de fullmakter som er gitt til alle virksomhetsledere i Oslo kommune, har FIN gitt \
                følgende fullmakter til etatsdirektør i UKE:

                Selv om en fullmakt foreligger skal alle endringer som har prinsipiell karakter, eller har \
                vesentlige virkninger for byrådsavdelingene, UKE eller virksomhetene i Oslo kommune, \
                forelegges FIN for beslutning.
                """
            ),
            MissionSection(
                number: "3.4",
                heading: "UKEs finansieringsmodell",
                body: """
                UKE er finansiert etter en tredelt modell bestående av rammefinansiering, \
                prosjektfinansiering og aktivitetsbasert finansiering fra FIN.

                Rammefinansieringen fra bykassen omfatter de midlene som tildeles etaten, og skal dekke de \
                kjerneoppgavene etaten skal ivareta.

                Den aktivitetsbaserte finansieringen er basert på de tjenester virksomhetene kjøper av UKE, \
                for eksempel kompetanseutviklingstiltak som tilbys ansatte og ledere i kommunen, faktura- og \
                regnskapstjenester. UKE viderefordeler kostnader knyttet til drift og forvaltning av \
                fellessystemer. Utgiftene på de ulike områder synliggjøres slik at kostnadene kan \
                dokumenteres overfor virksomhetene. Tjenestene som inngår i den aktivitetsbaserte \
                finansieringen, skal prises på grunnlag av selvkost for tjenesten.

                UKE har også en inntekt knyttet til samkjøpsprovenyet i samkjøpsavtalene.

                UKE skal ha oversikt over inntekter og utgifter knyttet til den enkelte tjeneste.
                """
            ),
            MissionSection(
                number: "4",
                heading: "Styringsdialogen",
                body: ""
            ),
            MissionSection(
                number: "4.1",
                heading: "Den formelle styringsdialogen",
                body: """
                Styringsdialogen med UKE skal ta utgangspunkt i de krav og føringer slik de fremkommer av \
                Instruks for virksomhetsstyring i Oslo kommune, retningslinjer for byrådsavdelingenes \
                styringsdialog med underliggende etater, samfunnsoppdraget og det årlige tildelingsbrevet \
                til etaten. Disse dokumentene skal danne grunnlag for interne planer for hvordan etaten skal \
                løse oppdraget i årene som kommer. Den formelle styringsdialogen skal være dokumentert.

                I tråd med dette har UKE, i etatsstyringsdialogen, et ansvar for å synliggjøre måloppnåelse, \
                resultater og risiko i rapporteringen og forklare virkemiddelvalg.

                Etter at bystyret har vedtatt budsjettet, utarbeider byrådsavdelingene tildelingsbrev. \
                Tildelingsbrevet formidler bystyrets budsjettvedtak, mål og resultatindikatorer i Sak 1, \
                presiserer forventninger til etaten, og eventuelle særskilte oppdrag. I noen grad formidles \
                faglige prioriteringer for året i et flerårig perspektiv.
                """
            ),
            MissionSection(
                number: "4.2",
                heading: "Den uformelle dialogen: Fag- og systemeierdialog",
                body: """
                I tillegg til den formelle etatsstyringen er det behov for å avholde møter mellom FIN – ev. \
                også BLK der de har et fagstyringsansvar – og UKE (ev. også andre interessenter) hvor tema \
                er av faglig art, oppfølging av tjenester og forvaltning av systemer (systemeier). Møtene er \
                et supplement til den mer formelle styringsdialogen som ivaretas i etatsstyringsmøtene, og \
                er mer av operativ karakter hvor formålet er å bli omforent om forståelsen av et arbeid, \
                diskutere prinsipielle problemstillinger, veivalg underveis, arbeidsfordeling, med videre.

                Det skal ikke gis styringssignaler i den uformelle dialogen. Dersom det likevel blir gjort, \
                skal disse skriftliggjøres i etterkant.

                Fagmøtene bør ha fokus på følgende områder:

                - Forhold/saker som bør eskaleres til etatsstyringsmøte

                - Status tjenesteleveranser (nøkkeltall og tjenestenivå)

                - Status prosjekter og større aktiviteter

                - Gevinstrealisering

                - Risiko

                - Informasjonssikkerhet

                - Utvikling/forbedring av tjeneste/system

                - Plan- og budsjettprosess

                - Fagsaker

                - Rammevilkår fra FIN (tildelingsbrev/budsjett)
                """
            ),
            MissionSection(
                number: "4.3",
                heading: "Rapportering, kommunikasjon, ansvar for avklaringer og informasjonsplikt",
                body: ""
            ),
            MissionSection(
                number: "4.3.1",
                heading: "Kommunikasjon, ansvar for avklaringer og informasjonsplikt mellom FIN og UKE",
                body: """
                Dersom det er uklarheter i de rammer, målsetninger og føringer som formidles, skal UKE ta \
                dette opp med FIN. UKE skal også informere byrådsavdelingen snarlig dersom det oppstår \
                vesentlige avvik med betydning for måloppnåelsen, herunder budsjett.

                UKE skal uoppfordret gi byrådsavdelingen beskjed dersom etaten ser mulige forbedringstiltak \
                som byrådsavdelingene kan iverksette (endringer i lov, forskrift, instruks), og snarlig \
                varsle om gjeldende regelverk og ordninger som har vesentlige utilsiktede konsekvenser.

                UKE har et ansvar for å påse at byrådsavdelingen blir informert umiddelbart, dersom det \
                oppstår alvorlige sikkerhets- eller driftshendelser eller andre kritiske hendelser på alle \
                fellesløsninger eller systemer som etaten enten selv har et ansvar for eller drifter på \
                vegne av systemeier.

                UKE har et ansvar for å påse at byrådsavdelingen blir informert regelmessig om etatens \
                overordnede risikobilde.
                """
            ),
            MissionSection(
                number: "4.3.2",
                heading: "Årsberetning",
                body: """
                Årsberetningen fra UKE skal utarbeides i overensstemmelse med føringene i årlig rundskriv, \
                årlig tildelingsbrev og beskrivelsen av UKEs samfunnsoppdrag. Årsberetningen skal gi et \
                dekkende bilde av virksomhetens resultater, og gi byrådsavdelingen grunnlag for å vurdere \
                måloppnåelse og ressursbruk.
                """
            ),
            MissionSection(
                number: "4.3.3",
                heading: "Særskilt rapportering gjennom året",
                body: """
                UKE skal ha samlet oversikt over bevilgninger de forvalter. Etaten skal levere \
                regnskapsrapporter som avtalt i tildelingsbrevet, med estimert forbruk ut året, sortert på \
                kapittel og post. Det skal rapporteres både på utgifts- og inntektskapittel.

                Vesentlige avvik i forhold til budsjettrammer og forutsetninger skal forklares. Med \
                utgangspunkt i tildelingsbrevet, ev. supplerende tildelingsbrev og beskrivelsen av UKEs \
                samfunnsoppdrag, skal rapporten pr. 2. tertial gi en status for etatens arbeid gjennom året, \
                med en spesiell oppmerksomhet på eventuelle avvik på måloppnåelse og hvilke tiltak etaten \
                skal gjennomføre for å rette opp eventuelle avvik. Det skal i rapporten pr 2. tertial gis en \
                redegjørelse for UKEs risikovurderinger og risikoreduserende tiltak knyttet til vesentlige \
                risikoer for måloppnåelse.

                Krav til øvrig rapportering og kontroll vurderes av FIN, og vil bli tilpasset de \
                styringsbehov byrådsavdelingen til enhver tid måtte ha. Så langt det er mulig vil denne type \
                krav fremgå av de årlige tildelingsbrev.
                """
            ),
        ],
        coreTasks: [
            CoreTask(
                letter: "a",
                title: "IKT-styring og digitalisering",
                description: """
                UKE skal bidra til digitaliseringen av Oslo kommune ved å identifisere kommunale \
                endringsbehov og foreslå løsninger innen digitaliseringsområdet. UKE skal bidra til å \
                identifisere hvor nytten av digitaliseringen er størst.

                UKE skal levere velfungerende og kostnadseffektive IKT-tjenester til virksomhetene i \
                kommunen, tilpasset kommunens behov. I utviklingen av nye tjenester skal UKE ha hele \
                kommunen som perspektiv.

                Etaten skal stille systematiske krav for digitaliseringstiltak som realiserer gevinster og \
                øker kvaliteten i tjenestene.

                UKE skal aktivt delta i kommunens arbeid med deling av data og informasjonsforvaltning. UKE \
                skal ha et kompetansemiljø som utvikler nye digitale tjenester basert på etterspørsel og \
                behov i kommunen.

                Etaten skal sørge for god forvaltning og livssyklushåndtering for å sikre kontinuerlig \
                utvikling som er tilpasset kommunens behov, samtidig som det sikres nødvendig \
                tilgjengelighet og stabilitet. En viktig del av dette ansvaret er å kunne beskytte \
                løsningene mot både eksisterende og nye digitale trusler.
                """
            ),
            CoreTask(
                letter: "b",
                title: "HR, lønn- og regnskap",
                description: """
                UKE skal ivareta det sentrale arbeidet med omstilling av overtallige i kommunen, og etter \
                behov gi støtte til omstillings- og endringsprosesser i virksomhetene.

                UKE skal være et sentralt kompetansemiljø innen HR og ha en koordinerende rolle i oppfølging \
                av handlingsplaner og fellesaktiviteter. Gjennom nettverk og faglige aktiviteter som er \
                tilgjengelig for alle virksomheter, skal etaten bidra til at kommunen fremstår som en seriøs \
                og attraktiv arbeidsgiver.

                Det er et overordnet mål at mangfoldet i Oslo kommunes arbeidsstokk gjenspeiler \
                befolkningssammensetningen i Oslo kommune. Etaten skal understøtte kommunens ambisjoner \
                innen arbeidsgiverområdet med vekt på mangfold og inkludering i tråd med lovverk og \
                kommunens veiledere og sentrale føringer.

                UKE har ansvar for kommunens felles lønnstjeneste og tilbyr regnskapstjenester til \
                virksomhetene. Lønnstjenesten skal leveres som en helhetlig tjeneste, og styres i henhold \
                til besluttet styringsmodell.
                """
            ),
            CoreTask(
                letter: "c",
                title: "Anskaffelser og offentlig støtte",
                description: """
                UKE er kommunens kompetansesenter innen anskaffelser. Etaten har ansvar for tiltak som skal \
                bidra til at kommunens virksomheter ivaretar anskaffelsesregelverket. UKE skal også bidra \
                med kompetanse om, og fremme, strategisk bruk av kommunens innkjøpsmakt. Dette for å sikre \
                gode, effektive og samfunnsansvarlige løsninger for byens innbyggere og næringsliv, og skape \
                tillit til Oslo kommune som tjenesteyter, byutvikler og samfunnsaktør.

                UKE har ansvar for å forvalte kommunens anskaffelsesregelverk og for å utvikle, inngå og \
                forvalte kommunens samkjøpsavtaler, herunder følge opp kontraktene på overordnet nivå. \
                Gjennom samkjøpsporteføljen skal UKE bidra til at virksomhetene kan anskaffe varer og \
                tjenester med lave transaksjonskostnader, og til en lavere pris enn om virksomhetene selv \
                skulle gjennomført anskaffelsene. UKE har ansvar for at samkjøpsporteføljen understøtter \
                politiske målsettinger, herunder kosteffektiv behovsdekning og ivaretakelse av \
                samfunnsansvar.

                Etaten skal kontinuerlig vurdere, utvikle og følge opp tiltak for å nå vedtatte mål og \
                politiske målsettinger som skal ivaretas gjennom kommunens anskaffelser. UKE skal være \
                proaktiv og utforme forslag til strategiutvikling på området.

                UKE har også en tilretteleggings-, koordinerings- og pådriverrolle på utvalgte områder, for \
                å bidra til å endre kultur og forbruksmønstre i kommunens virksomheter, med mål om mer \
                sirkulær økonomi og i tråd med øvrige politiske målsettinger. Dette omfatter å vurdere, \
                utvikle og følge opp tiltak i samarbeid med aktuelle virksomheter i Oslo kommune.

                UKE skal sammenstille og analysere innkjøpsdata, kartlegge behov og status, og implementere \
                tiltak for å effektivisere anskaffelser som virkemiddel for bedre måloppnåelse. Etaten har \
                her et ansvar for metodeutvikling, tilrettelegging for erfaringsutveksling på tvers og \
                veiledning og kompetanseheving innen anskaffelsesfeltet.

                UKE har fagansvar for offentlig støtte og skal sørge for nødvendig veiledning om temaet til \
                kommunens virksomheter.
                """
            ),
            CoreTask(
                letter: "d",
                title: "Internkommunikasjon og innbyggerdialog",
                description: """
                UKE skal levere digitale kommunikasjonsløsninger som sørger for at byrådet, virksomheter og \
                kommunale etater får informert innbyggere og ansatte om tjenester og politiske vedtak på en \
                god måte.

                UKE har ansvar for å forvalte og videreutvikle oslo.kommune.no som kommunens hovedkanal for \
                digital tilgang til tjenester og informasjon til innbyggere og andre målgrupper. Her skal \
                UKE sørge for at innbyggerne og andre aktører enkelt kan finne og oppleve god kvalitet på de \
                kommunale tjenestene og forstå hvordan kommunen fungerer som demokratisk arena og \
                samfunnsutvikler.

                UKE skal bidra i utviklingen av kommunen som demokratibygger og samfunnsutvikler, og sørge \
                for å ha kompetanse og teknologi tilgjengelig. UKE skal opprettholde og forbedre \
                oslo.kommune.no og samtidig utforske og implementere nye integrerte kommunikasjonsløsninger, \
                som sikrer at virksomhetene i kommunen kan benytte oslo.kommune.no som hovedkanal i sin \
                eksternkommunikasjon.

                Oslo.kommune.no er hovedkanal for kommunikasjon i beredskapssituasjoner og UKE skal legge \
                til rette for at kommunen får informert sine innbyggere godt under kriser.

                UKE er sentralt og rådgivende kompetansemiljø innenfor klarspråk, visuell identitet og \
                internkommunikasjon i kommunen. Etaten skal være pådriver for utvikling innenfor disse \
                områdene. UKE skal bidra til at informasjon og tekster fra kommunen, og informasjon internt \
                i kommunen er forståelig og klart. UKE skal sørge for at alle ansatte kjenner kommunens \
                visuelle identitet og at kommunens virksomheter kan benytte verktøy og avtaler knyttet til \
                identiteten.

                UKE skal bidra til at internkommunikasjon benyttes som strategisk virkemiddel i \
                virksomhetene og sørge for at ansatte i kommunen vet hvilke interne kanaler de skal benytte \
                til hvilke formål, blant annet slik at alle ansatte også nås effektivt ved en krise.

                Etaten skal levere en kontaktsentertjeneste som gir informasjon om kommunens tjenester til \
                byens innbyggere. Tjenesten skal kunne formidle samtaler til ansatte i kommunens \
                virksomheter og svare på spørsmål knyttet til tjenester etter avtale med den enkelte \
                virksomhet. Kontaktsenteret skal gjennom tjenesten opparbeide kunnskap som skal bidra til \
                utvikling av bedre digital kommunikasjon og tjenester i kommunens virksomheter.
                """
            ),
            CoreTask(
                letter: "e",
                title: "Ledelse, organisering, medarbeiderskap og kompetanseutvikling",
                description: """
                UKE er sentralt kompetansemiljø for ledelse, organisasjonsutvikling, medarbeiderskap og \
                kompetanseutvikling. Gjennom utvikling av verktøy, kompetansetilbud, møteplasser, nettverk \
                og andre faglige aktiviteter som er tilgjengelig for alle virksomhetene, skal etaten bidra \
                til at kommunen fremstår som en seriøs og attraktiv arbeidsgiver, med kompetente ledere og \
                medarbeidere. Dette skal også bidra til en effektiv, omstillingsdyktig og attraktiv kommune, \
                med kultur for utvikling, læring, innovasjon og samarbeid.

                UKE skal drive systematisk kunnskapsinnhenting og analysearbeid om status knyttet til \
                aktuelle fagområder, underlag for beslutninger og til fagutvikling generelt.

                UKE skal tilby kompetanse, organisasjons- og lederutvikling til kommunens virksomheter, i \
                henhold til de enhver tid gjeldende overordnete føringer og strategier. UKE har videre \
                ansvar for koordinering og gjennomføring av sentralt initierte medarbeiderundersøkelser.

                UKE skal kunne tilby rådgivnings- og konsulentbistand til virksomhetene innen de til enhver \
                tid aktuelle fagområder.
                """
            ),
        ],
        targetGroups: [
            "Byrådsavdelingene",
            "Alle virksomheter i Oslo kommune",
            "Kommunens innbyggere",
            "Relevante samfunnsaktører",
            "Næringsliv",
        ],
        authorities: [
            Authority(
                description: """
                Inngå fellesavtaler («samkjøpsavtaler») på vegne av Oslo kommune, jf. byrådssak 1295/03 om \
                opprettelsen av Utviklings- og kompetanseetaten, vedtakspunkt 2, og til å beslutte hvilke \
                varer og tjenester det skal inngås fellesavtale om, jf. byrådens sak 02/24, jf. byrådssak \
                1059/13, vedtakspunkt 6.
                """,
                legalBasis: "byrådssak 1295/03, vedtakspunkt 2; byrådens sak 02/24; byrådssak 1059/13, vedtakspunkt 6"
            ),
            Authority(
                description: """
                Foreta nødvendige endringer i standard kontraktsvilkår og standardkontrakter som følger av \
                Oslomodellen, jf. byrådens sak 06/23, jf. byrådssak 1031/23.
                """,
                legalBasis: "byrådens sak 06/23; byrådssak 1031/23"
            ),
            Authority(
                description: """
                Intern leverandørs ansvar, oppgaver og fullmakter jf. Reglement for informasjons- og \
                kommunikasjonsteknologi og informasjonssikkerhet i Oslo kommune Kapittel 7.
                """,
                legalBasis: """
                Reglement for informasjons- og kommunikasjonsteknologi og informasjonssikkerhet i Oslo \
                kommune, kapittel 7
                """
            ),
            Authority(
                description: """
                Fullmakt til å inngå tjenesteavtaler med kommunens virksomheter og systemeiere om drift av \
                systemer og til å imøtekomme bestillinger fra virksomheter/systemeiere innenfor rammene av \
                IKT-reglementet og øvrig lov og regelverk som gjelder for Oslo kommune.
                """,
                legalBasis: "IKT-reglementet"
            ),
            Authority(
                description: """
                Iht. IKT-reglementet har intern leverandør (UKE) fullmakt til, på Oslo kommunes vegne, å \
                inngå driftsavtaler med eksterne leverandører med utgangspunkt i intern leverandørs \
                tjenesteavtaler med virksomheter og systemeiere.
                """,
                legalBasis: "IKT-reglementet"
            ),
            Authority(
                description: """
                Iht. Prosedyre for bemanningsreduksjoner (vedlegg til budsjettet) punkt 3 har UKE fullmakt \
                til å gi overtallige tilbud om inntil 12 måneders etterlønn dersom de selv sier opp sin \
                stilling med øyeblikkelig virkning.
                """,
                legalBasis: "Prosedyre for bemanningsreduksjoner (vedlegg til budsjettet), punkt 3"
            ),
            Authority(
                description: """
                Iht. Avtale om omplassering av overtallige § 7.2.2 har UKE fullmakt til å vurdere om en \
                søker til stilling kommunen fyller vilkårene for å bli ansett som overtallig med \
                fortrinnsrett, og om vedkommende kan anses kvalifisert for stillingen. Denne fullmakten er \
                ikke formalisert gjennom et vedtak i kommunen.
                """,
                legalBasis: nil
            ),
        ],
        fundingSources: [
            FundingSource(
                kind: .frame,
                description: """
                Rammefinansieringen fra bykassen omfatter de midlene som tildeles etaten, og skal dekke de \
                kjerneoppgavene etaten skal ivareta.
                """
            ),
            FundingSource(
                kind: .project,
                description: """
                UKE er finansiert etter en tredelt modell bestående av rammefinansiering, \
                prosjektfinansiering og aktivitetsbasert finansiering fra FIN.
                """
            ),
            FundingSource(
                kind: .activityBased,
                description: """
                Den aktivitetsbaserte finansieringen er basert på de tjenester virksomhetene kjøper av UKE, \
                for eksempel kompetanseutviklingstiltak som tilbys ansatte og ledere i kommunen, faktura- og \
                regnskapstjenester. UKE viderefordeler kostnader knyttet til drift og forvaltning av \
                fellessystemer. Utgiftene på de ulike områder synliggjøres slik at kostnadene kan \
                dokumenteres overfor virksomhetene. Tjenestene som inngår i den aktivitetsbaserte \
                finansieringen, skal prises på grunnlag av selvkost for tjenesten.
                """
            ),
            FundingSource(
                kind: .other,
                description: "UKE har også en inntekt knyttet til samkjøpsprovenyet i samkjøpsavtalene."
            ),
        ],
        revisionTriggers: [
            """
            Politiske føringer og vedtak (f.eks. ny byrådsplattform) som medfører at etater blir \
            sammenslått, eller ved andre omorganiseringer som kan påvirke UKEs ansvarsområder, formål eller \
            funksjon.
            """,
            """
            Etaten får endret myndighet, ansvarsområder, formål eller funksjon, finansieringskilder eller \
            hovedoppgaver.
            """,
            """
            Det skjer endringer i regelverk, instrukser, retningslinjer mv. som setter nye rammer for UKE, \
            eller fagområder som etaten forvalter.
            """,
            "Endringer i andre etater, virksomheter i kommunen som påvirker etatens rammevilkår.",
        ]
    )
}
