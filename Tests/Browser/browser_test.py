"""Browser tests and accessibility checks of Styr in headless Chromium.

Starts `styr serve --demo` on a fresh SQLite file, then as real users in a real browser:
- logs in as the agency editor, enters an unfavourable indicator result, is stopped until an
  explanation is written, saves, and sees the new status and deviation;
- logs in as the steerer of another department and is refused the agency; logs out;
- runs axe-core on every page type for several roles and requires 0 violations.
Screenshots go to $STYR_SCREENSHOTS (default /tmp/styr-screenshots).
Exit 0 when everything holds, 1 otherwise.
"""
import os, re, shutil, socket, subprocess, sys, tempfile, time, urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from axe_selenium_python import Axe

STYR = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/styr"
SHOTS = os.environ.get("STYR_SCREENSHOTS", "/tmp/styr-screenshots")
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(workdir):
    port = free_port()
    log = open(os.path.join(workdir, "serve.log"), "w+")
    process = subprocess.Popen(
        [STYR, "serve", "--demo", "--port", str(port), "--database", f"sqlite://{workdir}/styr.sqlite"],
        stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            break
        except Exception:
            time.sleep(0.5)
    else:
        log.seek(0)
        raise SystemExit("styr serve did not start:\n" + log.read())
    log.seek(0)
    credentials = dict(re.findall(r"^\s+(\S+@\S+)\s+(\S+)\s+\(", log.read(), re.M))
    return process, base, credentials


def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600", "--lang=nb-NO"]:
        options.add_argument(argument)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        options.binary_location = chromium
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_script_timeout(60)
    return driver


def wait(driver, condition, seconds=15):
    WebDriverWait(driver, seconds).until(lambda d: d.execute_script("return document.readyState") == "complete" and condition(d))


def submit(driver):
    """Clicks the main form's button and waits for the next page to load."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    WebDriverWait(driver, 15).until(lambda d: old != d.find_element(By.TAG_NAME, "html"))
    wait(driver, lambda d: True)


def login(driver, base, email, password):
    driver.get(base + "/logg-inn")
    driver.find_element(By.ID, "epost").send_keys(email)
    driver.find_element(By.ID, "passord").send_keys(password)
    submit(driver)


def logout(driver):
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "header form.account button").click()
    WebDriverWait(driver, 15).until(lambda d: old != d.find_element(By.TAG_NAME, "html"))
    wait(driver, lambda d: "/logg-inn" in d.current_url)


def axe_check(driver, name):
    axe = Axe(driver)
    axe.inject()
    # axe-core's default rule set: WCAG 2.0/2.1 A and AA, and best practices.
    result = axe.run()
    violations = [f"{v['id']} ({len(v['nodes'])}): {v['help']}" for v in result["violations"]]
    check(not violations, f"axe: {name} has no violations {violations if violations else ''}")


def shot(driver, name):
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))


def main():
    os.makedirs(SHOTS, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="styr-browser-")
    server, base, credentials = start_server(workdir)
    driver = browser()
    try:
        check(len(credentials) == 6, f"serve --demo printed six demo users ({len(credentials)})")

        # Anonymous: the login page and the accessibility statement.
        driver.get(base + "/")
        check("/logg-inn" in driver.current_url, "an anonymous visitor is sent to the login page")
        axe_check(driver, "login page")
        shot(driver, "login")
        driver.get(base + "/tilgjengelighet")
        check("Tilgjengelighetserklæring" in driver.page_source, "the accessibility statement is public")
        axe_check(driver, "accessibility statement")

        # The agency editor enters an unfavourable result and must explain it.
        editor = "redaktor@uke.styr.demo"
        login(driver, base, editor, credentials[editor])
        check("Velkommen" in driver.page_source, "the editor is logged in")
        form_url = base + "/organisasjoner/UKE/indikatorer/2020/ehf-leverandorfakturaer"
        driver.get(form_url)
        field = driver.find_element(By.ID, "resultat")
        field.clear()
        field.send_keys("80,5")
        submit(driver)
        check("Resultatet er ikke lagret" in driver.page_source, "an unexplained unfavourable deviation is refused")
        check("Avviket (-12,5) er ugunstig" in driver.page_source, "the refusal names the deviation")
        check(driver.find_element(By.ID, "resultat").get_attribute("value") == "80,5", "the typed result is kept")
        shot(driver, "indicator-form-refused")
        axe_check(driver, "indicator form with errors")
        driver.find_element(By.ID, "kommentar").send_keys("Ny leverandørportal ga færre EHF-fakturaer i høst.")
        submit(driver)
        check("Lagret:" in driver.page_source, "the explained result is saved")
        row = driver.find_element(By.XPATH, "//tr[th[contains(., 'EHF-format')]]").text
        check("80,5 %" in row and "-12,5" in row and "Rød" in row, f"the new result, deviation and status are shown ({row!r})")
        shot(driver, "indicators-after-save")

        # Every page type, as the editor.
        pages = {
            "start page": "/", "organisation": "/organisasjoner/UKE", "year dashboard": "/organisasjoner/UKE/ar/2020",
            "budget": "/organisasjoner/UKE/budsjett/2020",
            "indicators": "/organisasjoner/UKE/indikatorer/2020",
            "indicator form": "/organisasjoner/UKE/indikatorer/2020/elektroniske-lonnsslipper",
            "annual report": "/organisasjoner/UKE/arsberetning/2020", "mission statement": "/organisasjoner/UKE/samfunnsoppdrag",
            "history": "/historikk?type=indicatorValue&nokkel=UKE/ehf-leverandorfakturaer/2020",
            "not found": "/organisasjoner/FINNESIKKE",
            "dialogue": "/organisasjoner/UKE/styringsdialog",
            "allocation letter": "/organisasjoner/UKE/tildelingsbrev/2020?dato=2020-05-01",
            "meetings": "/organisasjoner/UKE/moter", "meeting": "/organisasjoner/UKE/moter/2",
            "signals": "/organisasjoner/UKE/signaler", "notices": "/organisasjoner/UKE/meldinger",
            "incident": "/organisasjoner/UKE/meldinger/4", "incident form": "/organisasjoner/UKE/meldinger/ny/hendelse",
            "annual calendar": "/organisasjoner/UKE/arshjul?ar=2020",
            "governance log": "/organisasjoner/UKE/styringslogg?fra=2020-01-01&til=2021-12-31",
            "calendar feed": "/kalender",
            "ledger": "/organisasjoner/UKE/regnskap/2020?rad=group&kolonne=month",
            "ledger lines": "/organisasjoner/UKE/regnskap/2020/linjer?maal=actuals&artsgruppe=100-299",
            "ledger import": "/organisasjoner/UKE/regnskap/2020/import",
            "accounting report": "/organisasjoner/UKE/regnskapsrapport/2020?periode=t2",
            "periodisering form": "/organisasjoner/UKE/regnskapsrapport/2020/periodisering",
            "budget page drill-down": "/organisasjoner/UKE/regnskap/2020/linjer?maal=actuals&kontoklasse=operating&artsgruppe=000-599",
            "risk register": "/organisasjoner/UKE/risiko", "new risk": "/organisasjoner/UKE/risiko/ny",
            "internal control": "/organisasjoner/UKE/internkontroll/2020",
            "tertial report": "/organisasjoner/UKE/tertialrapport/2020/t2",
            "report workflow": "/organisasjoner/UKE/rapporter/2020/tertialrapport/t2",
            "chapters 4-6": "/organisasjoner/UKE/arsberetning/2020/kapittel-4-6",
            "tracked items": "/organisasjoner/UKE/oppfolgingssaker",
            "table check": "/organisasjoner/UKE/kontroll-av-tabeller",
            "services": "/organisasjoner/UKE/tjenester", "self-cost": "/organisasjoner/UKE/tjenester/selvkost/2020",
            "service mapping": "/organisasjoner/UKE/tjenester/kobling/2020", "price list": "/organisasjoner/UKE/tjenester/priser/2020",
            "public index": "/offentlig",
            "published report": "/offentlig/UKE/2020/tertialrapport/t2",
        }
        for name, path in pages.items():
            driver.get(base + path)
            axe_check(driver, f"{name} (editor)")
            shot(driver, "editor-" + name.replace(" ", "-"))
        # At 400 % zoom (a 1280 px window seen as 320 CSS px) nothing may need sideways scrolling
        # except wide tables, which scroll in their own box.
        driver.set_window_size(320, 900)
        for name, path in pages.items():
            driver.get(base + path)
            overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            check(overflow <= 1, f"400 % zoom: {name} fits the width (overflow {overflow}px)")
        shot(driver, "zoom-400-dashboard")
        driver.set_window_size(1280, 1600)
        # The editor uploads a ledger file (Latin-1, as older exports are); a bad one names line and column.
        sample = os.path.join(workdir, "regnskap.csv")
        with open(sample, "w", encoding="latin-1") as handle:
            handle.write("art;ansvar;tjeneste_nr;periode;beloep\n11201;Økonomi;12000;3;100,50\n")
        driver.get(base + "/organisasjoner/UKE/regnskap/2021/import")
        driver.find_element(By.ID, "fil").send_keys(sample)
        submit(driver)
        check("Importert 1 linjer" in driver.page_source, "the editor uploads a ledger file")
        with open(sample, "w", encoding="utf-8") as handle:
            handle.write("art;ansvar;tjeneste_nr;periode;beloep\n11201;A1;12000;3;abc\n")
        driver.get(base + "/organisasjoner/UKE/regnskap/2021/import")
        driver.find_element(By.ID, "fil").send_keys(sample)
        driver.find_element(By.CSS_SELECTOR, "input[name=erstatt]").click()
        submit(driver)
        check("linje 2, kolonne 5 (beløp): «abc» er ikke et beløp" in driver.page_source, "a bad upload names line and column")
        axe_check(driver, "ledger import with errors")
        # A funksjon outside the KOSTRA list is taken in with a warning when the editor asks for it.
        with open(sample, "w", encoding="utf-8") as handle:
            handle.write("art;ansvar;tjeneste_nr;periode;beloep\n11201;A1;99900;4;10\n")
        driver.get(base + "/organisasjoner/UKE/regnskap/2022/import")
        driver.find_element(By.ID, "fil").send_keys(sample)
        driver.find_element(By.CSS_SELECTOR, "input[name=advarsel]").click()
        submit(driver)
        check("1 med advarsel om koder utenfor KOSTRA-listen (linje 2)" in driver.page_source,
              "codes outside the KOSTRA list are taken in with a warning on request")
        logout(driver)
        check("/logg-inn" in driver.current_url, "logging out returns to the login page")

        # The department's steerer defines indicators and targets for its agency.
        steerer = "etatsstyrer@fin.styr.demo"
        login(driver, base, steerer, credentials[steerer])
        for name, path in {"new indicator form": "/organisasjoner/UKE/indikatorer/2020/ny",
                           "target form": "/organisasjoner/UKE/indikatorer/2020/ehf-leverandorfakturaer/maltall",
                           "start page (steerer)": "/", "meeting form": "/organisasjoner/UKE/moter/ny",
                           "signal form": "/organisasjoner/UKE/signaler/ny?mote=4",
                           "confirmation form": "/organisasjoner/UKE/signaler/2/bekreft",
                           "supplement form": "/organisasjoner/UKE/tildelingsbrev/2021/tillegg",
                           "department dialogue": "/organisasjoner/FIN/styringsdialog",
                           "department calendar": "/organisasjoner/FIN/arshjul?ar=2021",
                           "incident (steerer)": "/organisasjoner/UKE/meldinger/4",
                           "post grouping form": "/organisasjoner/UKE/regnskapsrapport/2020/postinndeling",
                           "threshold form": "/organisasjoner/UKE/regnskapsrapport/2020/terskel"}.items():
            driver.get(base + path)
            axe_check(driver, name)
            shot(driver, "steerer-" + name.split(" (")[0].replace(" ", "-"))
        # The steerer groups posts (the browser sends the textarea's lines with CRLF); a split artsgruppe is refused.
        driver.get(base + "/organisasjoner/UKE/regnskapsrapport/2020/postinndeling")
        area = driver.find_element(By.ID, "kapittel_125")
        area.clear()
        area.send_keys("000-099; Lønn; 000-099\n100; Kjøp; 100-199\n200; Mer kjøp; 200-399\n400-599; Overføringer og finans; 400-599\n600-999; Inntekter; 600-999")
        submit(driver)
        check("Artsgruppe 100-299 er delt" in driver.page_source, "a post grouping that splits an artsgruppe is refused")
        axe_check(driver, "post grouping form with errors")
        area = driver.find_element(By.ID, "kapittel_125")
        area.clear()
        area.send_keys("000-099; Lønn; 000-099\n100-399; Kjøp; 100-299, 300-399\n400-599; Overføringer og finans; 400-599\n600-999; Inntekter; 600-999")
        submit(driver)
        check("Poster: egen postinndeling for kap. 125." in driver.page_source and "100-399 Kjøp" in driver.page_source,
              "the steerer groups the posts from the browser")
        driver.get(base + "/organisasjoner/UKE/regnskapsrapport/2020/postinndeling")
        driver.find_element(By.ID, "kapittel_125").clear()
        submit(driver)
        check("Poster: artsgruppene." in driver.page_source, "an empty grouping goes back to the artsgrupper")
        # The steerer sets the explanation threshold for UKE 2020; a percentage past 100 is refused.
        driver.get(base + "/organisasjoner/UKE/regnskapsrapport/2020/terskel")
        percent = driver.find_element(By.ID, "prosent")
        percent.clear()
        percent.send_keys("150")
        submit(driver)
        check("Prosenten må være et tall fra 0 til 100" in driver.page_source, "a threshold past 100 % is refused")
        axe_check(driver, "threshold form with errors")
        percent = driver.find_element(By.ID, "prosent")
        percent.clear()
        percent.send_keys("2,5")
        submit(driver)
        check("forklaring kreves ved avvik over 500 000 kr og over 2,5 % av regulert budsjett" in driver.page_source,
              "the steerer sets the explanation threshold from the browser")
        driver.get(base + "/organisasjoner/UKE/regnskapsrapport/2020/terskel")
        driver.find_element(By.NAME, "standard").click()
        submit(driver)
        check("Standardterskelen gjelder." in driver.page_source, "the steerer goes back to the default threshold")
        driver.get(base + "/organisasjoner/UKE/indikatorer/2020/ny")
        driver.find_element(By.ID, "navn").send_keys("Andel saker besvart innen fristen")
        driver.find_element(By.ID, "maltall").send_keys("95")
        driver.find_element(By.ID, "gul").send_keys("2")
        driver.find_element(By.ID, "rod").send_keys("5")
        submit(driver)
        check("Andel saker besvart innen fristen" in driver.page_source and "Lagret:" in driver.page_source,
              "the steerer defines a new indicator with its target")
        # A signal given in an informal meeting is recorded and stands unconfirmed on the start page.
        driver.get(base + "/organisasjoner/UKE/signaler/ny?mote=1")
        driver.find_element(By.ID, "tekst").send_keys("UKE bør prioritere nytt intranett etter sommeren.")
        submit(driver)
        check("Signalet er registrert som ubekreftet" in driver.page_source, "the steerer records a signal from an informal meeting")
        driver.get(base + "/")
        check("UKE bør prioritere nytt intranett etter sommeren." in driver.page_source, "the new signal stands on the start page")
        # The edit form of a new draft letter, with its errors, is accessible too.
        driver.get(base + "/organisasjoner/UKE/tildelingsbrev/2022")
        submit(driver)
        check("/tildelingsbrev/2022/rediger" in driver.current_url, "a draft for 2022 starts from the 2021 letter")
        driver.find_element(By.ID, "oppdrag").send_keys("\nny | Nytt oppdrag | 31.02.2022 | Rapport | Tekst")
        submit(driver)
        check("fristen «31.02.2022» er ikke en gyldig dato" in driver.page_source, "the letter form names the bad line")
        axe_check(driver, "letter draft form with errors")
        shot(driver, "steerer-letter-draft-refused")
        logout(driver)

        # The steerer of another department is refused the agency.
        other = "etatsstyrer@blk.styr.demo"
        login(driver, base, other, credentials[other])
        driver.get(base + "/organisasjoner/UKE")
        check("Ingen tilgang" in driver.page_source, "the BLK steerer is refused UKE")
        axe_check(driver, "refused page")
        shot(driver, "refused")
        logout(driver)

        # The auditor reads everything and sees no form to change anything.
        auditor = "revisor@styr.demo"
        login(driver, base, auditor, credentials[auditor])
        driver.get(base + "/organisasjoner/UKE/indikatorer/2020")
        check("Registrer resultat" not in driver.page_source, "the auditor is offered no way to change results")
        axe_check(driver, "indicators (auditor)")
        driver.get(base + "/")
        axe_check(driver, "start page (auditor)")
        logout(driver)

        # The administrator's pages; on a user's page a national identity number that is not 11
        # digits is refused beside its field, and is not shown back.
        admin = "admin@styr.demo"
        login(driver, base, admin, credentials[admin])
        user_page = "/admin/brukere/redaktor@uke.styr.demo"
        for name, path in {"users (admin)": "/admin/brukere", "user (admin)": user_page,
                           "group mappings (admin)": "/admin/innlogging/grupper"}.items():
            driver.get(base + path)
            axe_check(driver, name)
            shot(driver, "admin-" + name.split(" (")[0].replace(" ", "-"))
        driver.get(base + user_page)
        field = driver.find_element(By.ID, "fodselsnummer")
        field.send_keys("0101701234")
        old = driver.find_element(By.TAG_NAME, "html")
        field.find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(driver, 15).until(lambda d: old != d.find_element(By.TAG_NAME, "html"))
        wait(driver, lambda d: True)
        error = driver.find_elements(By.ID, "fodselsnummer-error")
        check(bool(error) and error[0].text == "Fødselsnummeret må ha 11 sifre."
              and driver.find_element(By.ID, "fodselsnummer").get_attribute("aria-invalid") == "true"
              and "0101701234" not in driver.page_source,
              "a national identity number of 10 digits is refused beside its field, and not shown back")
        axe_check(driver, "user page with a refused national identity number")
        shot(driver, "admin-user-national-id-refused")
        logout(driver)
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"\n{len(failures)} failure(s); screenshots in {SHOTS}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
